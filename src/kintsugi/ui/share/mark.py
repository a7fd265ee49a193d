"""Mark or unmark the current item of a list for sharing (context menu and Ctrl+Shift+S)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListView

from kintsugi.ui.session import Session
from kintsugi.ui.widgets.timeline_model import TimelineModel

SHORTCUT = "Ctrl+Shift+S"


def toggle_share(view: QListView, model: TimelineModel, session: Session) -> bool | None:
    """Flip the share mark of the current row; returns the new mark (None: no row)."""
    index = view.currentIndex()
    if not index.isValid() or not session.is_open:
        return None
    summary = model.summary_at(index.row())
    session.items().set_shared(summary.id, not summary.shared)
    model.upsert(session.items().summary(summary.id))
    view.setCurrentIndex(model.index(model.row_of(summary.id)))
    return not summary.shared


def install_share_toggle(
    view: QListView, model: TimelineModel, session: Session, changed: Callable[[], None]
) -> QAction:
    action = QAction(QCoreApplication.translate("share", "Mark or unmark for sharing"), view)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    def on_triggered() -> None:
        if toggle_share(view, model, session) is not None:
            changed()

    action.triggered.connect(on_triggered)
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action

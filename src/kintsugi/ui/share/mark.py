"""Mark or unmark the current item of a list for sharing (context menu and Ctrl+Shift+S), or
for my next session (Ctrl+Shift+N: the therapy agenda)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QListView

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


SESSION_SHORTCUT = "Ctrl+Shift+N"


def toggle_agenda_mark(session: Session, item_id: int | None) -> bool | None:
    """Flip an item's mark "for my next session"; the new mark, or None (no item, locked)."""
    from kintsugi.core.repo.therapy import NextSession

    if item_id is None or not session.is_open:
        return None
    agenda = NextSession(session.database())
    marked = not agenda.is_marked(item_id)
    agenda.set_marked(item_id, marked)
    return marked


def install_agenda_toggle(
    view: QAbstractItemView, session: Session, current_id: Callable[[], int | None]
) -> QAction:
    """ "For my next session" on any list of items (``current_id``: the chosen row's item):
    the item goes on the agenda of Together → Therapy (context menu, Ctrl+Shift+N)."""
    from kintsugi.ui import channel

    action = QAction(
        QCoreApplication.translate("share", "For my next session (mark or unmark)"), view
    )
    action.setShortcut(QKeySequence(SESSION_SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    def on_triggered() -> None:
        marked = toggle_agenda_mark(session, current_id())
        if marked is True:
            channel.info(QCoreApplication.translate("share", "On the agenda for your next session"))
        elif marked is False:
            channel.info(QCoreApplication.translate("share", "Taken off the agenda"))

    action.triggered.connect(on_triggered)
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action


def install_session_toggle(view: QListView, model: TimelineModel, session: Session) -> QAction:
    """ "For my next session" on a timeline."""

    def current_id() -> int | None:
        index = view.currentIndex()
        return model.summary_at(index.row()).id if index.isValid() else None

    return install_agenda_toggle(view, session, current_id)

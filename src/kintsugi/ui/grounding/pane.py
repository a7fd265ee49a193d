"""The Grounding pane: start an exercise, and look back at what was done."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.exercises import CustomTechnique
from kintsugi.core.repo.grounding import technique_label
from kintsugi.ui.grounding.view import BUILT_IN
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.timeline_list import TimelineList
from kintsugi.ui.widgets.timeline_model import TimelineModel


class GroundingPane(QWidget):
    start_requested = Signal(str, object)  # technique, CustomTechnique | None
    support_requested = Signal()
    open_requested = Signal(int)  # a session's id: read it again

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = self.tr("Grounding")  # the Pane protocol (ui/panes.py)
        self.shortcut: str | None = "Ctrl+3"  # the section's place in the list
        self.session = session
        heading = QLabel(self.tr("Ground yourself"), textFormat=Qt.TextFormat.PlainText)
        heading.setProperty("role", "heading")
        self.grid = QGridLayout()
        self._choices: list[tuple[str, str, CustomTechnique | None]] | None = None  # shown
        support = QPushButton(self.tr("Support…"))
        support.setAccessibleName(self.tr("My support contacts"))
        support.clicked.connect(self.support_requested)
        self.list_stack = TimelineList(
            session,
            self.tr("Past grounding sessions"),
            self.tr(
                "Nothing here yet. When you have done an exercise it is kept here, to read "
                "again: choose one above when you need it."
            ),
            lambda: None,
        )
        self.model, self.view = self.list_stack.model, self.list_stack.view
        self.share_action = self.list_stack.share_action
        self.view.activated.connect(self.on_row_activated)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.grid)
        layout.addWidget(support, 0, Qt.AlignmentFlag.AlignLeft)
        history = QLabel(self.tr("What I have done"), textFormat=Qt.TextFormat.PlainText)
        history.setProperty("role", "subtle")
        layout.addWidget(history)
        layout.addWidget(self.list_stack, 1)
        self.set_custom([])

    def set_custom(self, custom: list[CustomTechnique]) -> None:
        choices: list[tuple[str, str, CustomTechnique | None]]
        choices = [(technique_label(t), t, None) for t in BUILT_IN]
        choices += [(c.name, "custom", c) for c in custom]
        if choices == self._choices:
            return  # the same buttons: the one the keyboard is on keeps the focus (a round)
        self._choices = choices
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (w := item.widget()) is not None:
                w.deleteLater()
        for n, (label, technique, c) in enumerate(choices):
            b = QPushButton(label)
            b.setAccessibleName(self.tr("Start %1").replace("%1", label))
            b.setMinimumHeight(b.fontMetrics().height() * 3)  # a large target, any text size
            b.clicked.connect(lambda _=False, t=technique, c=c: self.start_requested.emit(t, c))
            self.grid.addWidget(b, n // 3, n % 3)

    def on_row_activated(self, index) -> None:
        item_id = index.data(TimelineModel.IdRole)
        if item_id is not None:
            self.open_requested.emit(int(item_id))

    def on_unlocked(self) -> None:
        grounding_items = self.session.items()
        self.model.set_source(
            lambda after, limit: grounding_items.timeline(
                kind="grounding", after=after, limit=limit
            )
        )
        self.model.fetchMore()
        self.list_stack.update_empty()
        self.set_custom(self.session.custom_techniques().all())

    def refresh(self) -> None:
        if self.session.is_open:
            self.on_unlocked()

    def refresh_quietly(self) -> None:
        """A sync round brought something (nothing here is typed: read again)."""
        self.refresh()

    def flush(self) -> bool:
        return True  # nothing here is typed: sessions are saved by the exercise screen

    def clear(self) -> None:
        self.model.set_source(None)
        self.set_custom([])

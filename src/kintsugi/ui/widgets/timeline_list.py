"""A timeline list with its gentle empty state: the lazy model, the view, the share toggle
(context menu, Ctrl+Shift+S), "for my next session" (Ctrl+Shift+N), and the words shown
when there is nothing yet."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from kintsugi.ui.session import Session
from kintsugi.ui.share.mark import install_session_toggle, install_share_toggle
from kintsugi.ui.widgets.timeline_delegate import make_timeline_view
from kintsugi.ui.widgets.timeline_model import TimelineModel


class TimelineList(QStackedWidget):
    def __init__(
        self,
        session: Session,
        accessible_name: str,
        empty_text: str,
        on_share_toggled: Callable[[], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.model = TimelineModel(self)
        self.view = make_timeline_view(self.model, accessible_name)
        self.share_action = install_share_toggle(self.view, self.model, session, on_share_toggled)
        self.session_action = install_session_toggle(self.view, self.model, session)
        self.empty = QLabel(
            empty_text,
            alignment=Qt.AlignmentFlag.AlignCenter,
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.empty.setProperty("role", "subtle")
        self.addWidget(self.view)
        self.addWidget(self.empty)
        self.show_empty_when_no_rows = True
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self.update_empty)

    def select_row(self, row: int) -> None:
        idx = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(idx)

    def update_empty(self, *_: object) -> None:
        rows = self.model.rowCount() > 0 or self.model.canFetchMore()
        self.setCurrentWidget(self.view if rows or not self.show_empty_when_no_rows else self.empty)

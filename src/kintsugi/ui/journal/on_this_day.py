"""On this day: entries written on today's date in earlier years, beside the timeline. Off
unless the person turns it on (Together → Hard dates); read on a worker (a scan)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kintsugi.core import config
from kintsugi.core.records import ItemSummary
from kintsugi.core.repo.items import Items
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.summary_words import excerpt_text, title_text
from kintsugi.ui.workers import run_in_background


class OnThisDay(QWidget):
    open_requested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._asked = 0  # a result for an older request, or from before a lock, is dropped
        self.heading = QLabel(self.tr("On this day"), textFormat=Qt.TextFormat.PlainText)
        self.heading.setProperty("role", "subtle")
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("On this day, in earlier years"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self.on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.hide()

    def refresh(self, today: date | None = None) -> None:
        """Ask for this day's past entries (when the person turned it on)."""
        self._asked += 1
        if not self.session.is_open or not config.ON_THIS_DAY.get(self.session.settings()):
            self.clear()
            return
        asked, db, day = self._asked, self.session.database(), today or date.today()
        run_in_background(
            lambda: Items(db).on_this_day(day, limit=5),
            lambda found: self.show_found(asked, found),
            lambda exc: self.show_found(asked, []),
        )

    def show_found(self, asked: int, found: list[ItemSummary]) -> None:
        if asked != self._asked or not self.session.is_open:
            return
        self.list.clear()
        for s in found:
            words = title_text(s) or excerpt_text(s) or self.tr("(no words)")
            row = QListWidgetItem(f"{s.occurred_at.year} · {words}")
            row.setData(Qt.ItemDataRole.UserRole, s.id)
            self.list.addItem(row)
        self.setVisible(bool(found))
        if found:
            rows = min(len(found), 3)
            self.list.setMaximumHeight(
                self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth()
            )

    def on_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def clear(self) -> None:
        self._asked += 1
        self.list.clear()
        self.hide()

"""One row to set a gentle reminder: no reminder (the default), every day or every week, on
a day, at a time. The check-in's, the weekly conversation's and the reminder to write use it;
what does not apply (the day of a daily reminder, the time of none) is hidden. A change is
saved on the vault's writer thread, after any save queued before it; a failure is a message."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QTimeEdit, QVBoxLayout, QWidget

from kintsugi.core.errors import KintsugiError
from kintsugi.core.schedule import CheckInSchedule, ScheduleStore
from kintsugi.ui import channel
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.flow_layout import FlowLayout


class ReminderSchedule(QWidget):
    _failed = Signal(object)  # the exception, emitted on the writer thread

    def __init__(
        self,
        session: Session,
        store: Callable[[], ScheduleStore],
        *,
        label: str,
        name: str,
        daily: bool = True,
        note: str = "",
        parent: QWidget | None = None,
    ):
        """``label`` leads the row and ``name`` is the choice's accessible name (both already
        translated by the caller); ``daily=False`` offers only a weekly reminder; ``note`` is
        a quiet line under the row."""
        super().__init__(parent)
        self.session = session
        self._store = store
        self._loading = False
        self.cadence = QComboBox()
        self.cadence.setAccessibleName(name)
        self.cadence.addItem(self.tr("No reminder"), "off")
        if daily:
            self.cadence.addItem(self.tr("Every day"), "daily")
        self.cadence.addItem(self.tr("Every week"), "weekly")
        self.weekday = QComboBox()
        self.weekday.setAccessibleName(self.tr("On"))
        for n in range(1, 8):
            self.weekday.addItem(QLocale().dayName(n), n)
        self.at = QTimeEdit(displayFormat=QLocale().timeFormat(QLocale.FormatType.ShortFormat))  # type: ignore[call-overload]
        self.at.setAccessibleName(self.tr("At"))
        for w in (self.cadence, self.weekday):
            w.currentIndexChanged.connect(self.on_changed)
        self.at.timeChanged.connect(self.on_changed)
        self._failed.connect(self._on_failed)
        row = FlowLayout()
        row.add(QLabel(label, textFormat=Qt.TextFormat.PlainText))
        for w in (self.cadence, self.weekday, self.at):
            row.add(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        if note:
            quiet = QLabel(note, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
            quiet.setProperty("role", "subtle")
            layout.addWidget(quiet)
        self.show_what_applies()

    def load(self) -> None:
        """Show the stored schedule (on unlock); loading saves nothing."""
        self._loading = True
        try:
            s = self._store().get()
            self.cadence.setCurrentIndex(max(0, self.cadence.findData(s.cadence)))
            self.weekday.setCurrentIndex(max(0, self.weekday.findData(s.weekday)))
            self.at.setTime(QTime.fromString(s.at, "HH:mm"))
        finally:
            self._loading = False
        self.show_what_applies()

    def value(self) -> CheckInSchedule:
        return CheckInSchedule(
            self.cadence.currentData(), self.weekday.currentData(), self.at.time().toString("HH:mm")
        )

    def show_what_applies(self) -> None:
        """The day only for a weekly reminder, the time only for one at all."""
        cadence = self.cadence.currentData()
        self.weekday.setVisible(cadence == "weekly")
        self.at.setVisible(cadence != "off")

    def on_changed(self, *_: object) -> None:
        self.show_what_applies()
        if self._loading or not self.session.is_open:
            return
        store, value = self._store(), self.value()
        future = self.session.writer().submit(lambda: store.set(value))

        def said_if_failed(f: Future[None]) -> None:
            if f.exception() is not None:
                self._failed.emit(f.exception())

        future.add_done_callback(said_if_failed)

    def _on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KintsugiError):
            raise exc
        channel.error(describe(exc))  # a message: the save state keeps to the form's saves

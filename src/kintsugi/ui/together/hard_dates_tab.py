"""Hard dates ahead: days that hurt, kept privately, each with the plan the person wrote for
it and how many days before it a gentle note comes; and "On this day" in the journal, off
unless the person turns it on (past days can hurt too)."""

from __future__ import annotations

import dataclasses
from concurrent.futures import Future
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import config, practices
from kintsugi.core.errors import KintsugiError
from kintsugi.core.records import HardDate, Record
from kintsugi.core.repo.hard_dates import HardDateRepository
from kintsugi.ui import channel
from kintsugi.ui.checkins.record_list import RecordListTab
from kintsugi.ui.i18n import day_month_text, day_text
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.reflow import lines_tall, scrolling


class HardDatesTab(RecordListTab):
    #: "On this day" was turned on or off and kept (the journal shows or hides it)
    on_this_day_changed = Signal(bool)
    _failed = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(
            session,
            self.tr("Hard dates, the next one first"),
            self.tr("New hard date"),
            self.tr(
                "Some days are harder than others: the day you found out, an anniversary. "
                "Keep them here, privately, with a plan for what may help — Kintsugi will "
                "mention it gently a few days before. Press New hard date."
            ),
            parent,
        )
        self.title = self.tr("Hard dates")  # the PracticePage protocol (ui/together/page.py)
        self.kinds: tuple[str, ...] = ("hard_date",)
        self.text = QPlainTextEdit(placeholderText=self.tr("What the day is, in your words"))
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("What the day is"))
        lines_tall(self.text, 2.5)  # a few words; the plan below stays in sight
        self.day = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy")  # type: ignore[call-overload]
        self.day.setAccessibleName(self.tr("The date"))
        self.day.setDate(QDate.currentDate())  # never Qt's 1 Jan 2000
        self.yearly = QCheckBox(self.tr("Every year"))
        self.yearly.setAccessibleName(self.tr("Every year"))
        self.notice = QSpinBox(minimum=0, maximum=60)
        self.notice.setAccessibleName(self.tr("Days before, for a gentle note"))
        self.notice.setSpecialValueText(self.tr("on the day"))
        self.notice.valueChanged.connect(self.on_notice_changed)
        self.on_notice_changed(self.notice.value())
        self.helps = self._plan(self.tr("What may help"), self.tr("A walk, no big plans, music"))
        self.call = self._plan(self.tr("Who I can call"), self.tr("A friend, my therapist"))
        self.tell = self._plan(
            self.tr("What to tell my partner"),
            self.tr("That I may be quiet that day, and what would help from them"),
        )
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))
        private = QLabel(
            self.tr("Kept private: a hard date is shared only if you mark it."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        private.setProperty("role", "subtle")
        self.coming = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.coming.setAccessibleName(self.tr("When it comes next"))
        self.state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))
        for signal in (
            self.text.textChanged,
            self.day.dateChanged,
            self.yearly.toggled,
            self.notice.valueChanged,
            self.helps.textChanged,
            self.call.textChanged,
            self.tell.textChanged,
            self.share.toggled,
        ):
            signal.connect(self.on_field_changed)
        form = QFormLayout(self.form)
        form.addRow(self.tr("The day"), self.text)
        form.addRow(self.tr("Date"), self.day)
        form.addRow("", self.yearly)
        form.addRow(self.tr("A gentle note"), self.notice)
        form.addRow("", self.coming)
        form.addRow(self.tr("What may help"), self.helps)
        form.addRow(self.tr("Who I can call"), self.call)
        form.addRow(self.tr("What to tell my partner"), self.tell)
        form.addRow("", self.share)
        form.addRow("", private)
        form.addRow("", self.state)
        self.on_this_day = QCheckBox(self.tr("Show “On this day” in the journal"))
        self.on_this_day.setAccessibleName(self.tr("Show On this day in the journal"))
        self.on_this_day.toggled.connect(self.on_on_this_day_toggled)
        self._failed.connect(self._on_failed)
        on_this_day_note = QLabel(
            self.tr(
                "Entries written on today's date in earlier years, beside the journal. Off "
                "unless you turn it on: past days can hurt too."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        on_this_day_note.setProperty("role", "subtle")
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.on_this_day)
        bottom_layout.addWidget(on_this_day_note)
        self.assemble(scrolling(self.form), bottom)
        self._loading_setting = False

    def on_notice_changed(self, days: int) -> None:
        self.notice.setSuffix(self.tr(" day(s) before", "", days))

    def _plan(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(placeholderText=placeholder)
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(name)
        lines_tall(edit, 3.5)
        return edit

    def open_item(self, item_id: int, kind: str) -> None:
        """Show this record in the form (a search hit, a note's "Open my plan")."""
        self.open_record(item_id)

    def repo(self):
        return HardDateRepository(self.session.database())

    def record_ids(self) -> list[tuple[int, object]]:
        """The one coming next first; a single day gone by last."""
        today = date.today()
        dates = self.repo().all_live()
        far = date.max

        def comes(rec: HardDate) -> date:
            return practices.next_occurrence(rec, today) or far

        return [(rec.id, None) for rec in sorted(dates, key=comes) if rec.id is not None]

    def on_unlocked(self) -> None:
        super().on_unlocked()
        self.show_on_this_day_setting()

    def show_on_this_day_setting(self) -> None:
        """Show whether On this day is on, as kept (also after Settings changed it)."""
        if not self.session.is_open:
            return
        self._loading_setting = True
        self.on_this_day.setChecked(config.ON_THIS_DAY.get(self.session.settings()))
        self._loading_setting = False

    def add_list_row(self, item_id: int, extra: object) -> None:
        h = self.repo().get(item_id)
        title = h.text.splitlines()[0] if h.text.strip() else self.tr("(not written yet)")
        label = day_month_text(h.day)
        on = practices.next_occurrence(h, date.today())
        if on is not None and (on - date.today()).days <= max(h.notice_days, 7):
            label += " · " + practices.days_words((on - date.today()).days)
        label += f" · {title}"  # a long title is elided, never when the day comes
        row = QListWidgetItem(label)
        row.setData(Qt.ItemDataRole.UserRole, item_id)
        self.list.addItem(row)

    def blank(self) -> HardDate:
        return HardDate()

    def focus_new(self) -> None:
        self.text.setFocus()

    def show_record(self, rec: Record) -> None:
        assert isinstance(rec, HardDate)
        self.text.setPlainText(rec.text)
        self.day.setDate(QDate(rec.day.year, rec.day.month, rec.day.day))
        self.yearly.setChecked(rec.yearly)
        self.notice.setValue(rec.notice_days)
        self.helps.setPlainText(rec.helps)
        self.call.setPlainText(rec.call)
        self.tell.setPlainText(rec.tell_partner)
        self.share.setChecked(rec.shared)
        self.show_coming(rec)

    def show_coming(self, rec: HardDate) -> None:
        on = practices.next_occurrence(rec, date.today())
        if on is None:
            self.coming.setText(self.tr("This day has passed."))
            return
        days = practices.days_words((on - date.today()).days)
        self.coming.setText(
            self.tr("Next: %1 (%2)").replace("%1", day_text(on)).replace("%2", days)
        )

    def collect(self) -> HardDate:
        h = self._record
        assert isinstance(h, HardDate)
        return dataclasses.replace(
            h,
            text=self.text.toPlainText().strip() or h.text,
            day=self.day.date().toPython(),
            yearly=self.yearly.isChecked(),
            notice_days=self.notice.value(),
            helps=self.helps.toPlainText().strip(),
            call=self.call.toPlainText().strip(),
            tell_partner=self.tell.toPlainText().strip(),
            shared=self.share.isChecked(),
        )

    def after_save(self, saved: Record, extra: object) -> None:
        assert isinstance(saved, HardDate)
        self.show_coming(saved)

    def clear_fields(self) -> None:
        self.day.setDate(QDate.currentDate())
        for w in (self.text, self.helps, self.call, self.tell):
            w.clear()
        self.coming.clear()

    def clear(self) -> None:
        super().clear()
        self._loading_setting = True
        self.on_this_day.setChecked(False)
        self._loading_setting = False

    # --- On this day ---------------------------------------------------------------------
    def on_on_this_day_toggled(self, on: bool) -> None:
        if self._loading_setting or not self.session.is_open:
            return
        settings = self.session.settings()
        future = self.session.writer().submit(lambda: config.ON_THIS_DAY.set(settings, on))

        def after(f: Future[None]) -> None:  # on the writer: signals reach the UI thread
            if f.exception() is not None:
                self._failed.emit(f.exception())
            else:
                self.on_this_day_changed.emit(on)

        future.add_done_callback(after)

    def _on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KintsugiError):
            raise exc
        channel.error(describe(exc))

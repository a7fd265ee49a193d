"""The weekly conversation (after Gottman's "State of the Union"): appreciations, what went
well, one issue heard from both sides, agreements, what each will do. It can start from items
of the week the person picks (each quoted and listed with it, never brought in unseen), and
a gentle weekly reminder can be set, like the check-in's."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.i18n import marked
from kintsugi.core.records import ItemSummary, Record, WeeklyTalk
from kintsugi.core.render import KIND_NAMES
from kintsugi.core.repo.weekly_talks import PARTS, bring, brought_line
from kintsugi.core.schedule import ScheduleStore
from kintsugi.core.timeutil import now as local_now
from kintsugi.ui.checkins.pane import CheckInReminder
from kintsugi.ui.checkins.record_list import RecordListTab
from kintsugi.ui.i18n import qdatetime, short_moment_text, weekday_day_text
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.banners import ReminderBar
from kintsugi.ui.widgets.flow_layout import FlowLayout
from kintsugi.ui.widgets.reflow import scrolling
from kintsugi.ui.widgets.reminder_schedule import ReminderSchedule

WEEK = timedelta(days=7)


class WeeklyTalkReminder(CheckInReminder):
    """Due once a week at the time set, until a conversation is written (or snoozed)."""

    kind = "weekly_talk"

    def store(self) -> ScheduleStore:
        return ScheduleStore.weekly_talk(self.session.database())


class WeekPicker(QDialog):
    """This week's check-ins, hard moments, goals and rituals; none is picked until the
    person picks it, and the dialog says what happens to what is picked."""

    def __init__(self, items: list[tuple[ItemSummary, str]], parent: QWidget | None = None):
        """``items``: each of the week's items with the words it would bring."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start from this week"))
        intro = QLabel(
            self.tr(
                "Pick what you would like to bring to this conversation. Each one you pick "
                "is quoted in it and listed with it, so both of you can see where it came "
                "from. Nothing else is brought in."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("This week's items"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for item, words in items:
            kind = marked("render", KIND_NAMES.get(item.kind, item.kind))
            row = QListWidgetItem(f"{kind}, {weekday_day_text(item.occurred_at.date())}: {words}")
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            row.setData(Qt.ItemDataRole.UserRole, (item.id, item.kind))
            self.list.addItem(row)
        self.none = QLabel(
            self.tr(
                "Nothing from the last seven days yet: a conversation can start from "
                "a blank page too."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.none.setProperty("role", "subtle")
        self.none.setVisible(not items)
        self.list.setVisible(bool(items))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Bring these in"))
        ok.setEnabled(bool(items))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.none)
        layout.addWidget(buttons)
        if items:
            self.list.setCurrentRow(0)
            self.list.setFocus()

    def picked(self) -> list[tuple[int, str]]:
        return [
            self.list.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.list.count())
            if self.list.item(n).checkState() == Qt.CheckState.Checked
        ]


class WeeklyTalkPage(RecordListTab):
    """The Together tab of the weekly conversation (a PracticePage)."""

    kinds = ("weekly_talk",)
    show_me = Signal()  # the reminder's "Open": bring this page on screen
    share_requested = Signal()  # "Share this conversation…": the window shows Share

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(
            session,
            self.tr("Weekly conversations, the latest first"),
            self.tr("New weekly conversation"),
            self.tr(
                "No weekly conversation yet. Once a week, when you both have the time and "
                "some calm: appreciations first, then what went well, then one issue, heard "
                "from both sides. Press New weekly conversation to begin."
            ),
            parent,
        )
        self.title = self.tr("Weekly conversation")  # the PracticePage protocol
        self.list.setWordWrap(True)  # a long line wraps in the list, never scrolls sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        guide = QLabel(
            self.tr(
                "Start with appreciations and what went well. Then one issue only: one of "
                "you speaks, the other listens and says back what they heard before "
                "answering. It is fine to pause and come back to it."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        guide.setProperty("role", "subtle")
        self.when = QDateTimeEdit(calendarPopup=True, displayFormat="ddd d MMM yyyy  HH:mm")
        self.when.setDateTime(QDateTime.currentDateTime())  # never Qt's 1 Jan 2000
        self.when.setAccessibleName(self.tr("When"))
        self.bring_button = QPushButton(self.tr("Start from this week…"))
        self.bring_button.setAccessibleName(self.tr("Start from this week's items"))
        self.bring_button.clicked.connect(self.pick_from_week)
        self.brought = QListWidget()
        self.brought.setAccessibleName(self.tr("Brought in from this week"))
        self.brought.setWordWrap(True)
        self.brought.setMaximumHeight(90)
        self.brought.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.brought_note = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.brought_note.setProperty("role", "subtle")
        self.fields: dict[str, QPlainTextEdit | QLineEdit] = {}
        placeholders = {
            "appreciations": self.tr("Things you appreciated in each other this week"),
            "went_well": self.tr("What went right, however small"),
            "issue": self.tr("One issue to talk about, in a line"),
            "my_view": self.tr("How I see it, in my own words"),
            "heard": self.tr("What I heard my partner say, before I answer"),
            "need": self.tr("What I need"),
            "agreements": self.tr("What we agreed on, if anything"),
            "my_part": self.tr("What I will do this week"),
            "partner_part": self.tr("What my partner said they will do"),
        }
        names = {
            "appreciations": self.tr("Appreciations"),
            "went_well": self.tr("What went well this week"),
            "issue": self.tr("One issue"),
            "my_view": self.tr("My view"),
            "heard": self.tr("What I heard"),
            "need": self.tr("What I need"),
            "agreements": self.tr("Agreements"),
            "my_part": self.tr("I will"),
            "partner_part": self.tr("My partner will"),
        }
        for part in PARTS:
            field: QPlainTextEdit | QLineEdit
            if part == "issue":
                field = QLineEdit(placeholderText=placeholders[part])
                field.textChanged.connect(self.on_field_changed)
            else:
                field = QPlainTextEdit(placeholderText=placeholders[part])
                field.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
                field.setMinimumHeight(field.fontMetrics().lineSpacing() * 3)
                field.textChanged.connect(self.on_field_changed)
            field.setAccessibleName(names[part])
            self.fields[part] = field
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))
        self.share.toggled.connect(self.on_field_changed)
        # one step to share it: marked, kept, and Share opens (where the person chooses how)
        self.share_now = QPushButton(self.tr("Share this conversation…"))
        self.share_now.setAccessibleName(
            self.tr("Mark this conversation for sharing and go to Share")
        )
        self.share_now.clicked.connect(self.on_share_now)
        self.share_now.setEnabled(False)
        self.when.dateTimeChanged.connect(self.on_field_changed)
        self.state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))

        form = QFormLayout(self.form)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(guide)
        form.addRow(self.tr("When"), self.when)
        form.addRow("", self.bring_button)
        form.addRow(self.brought_note)
        form.addRow(self.brought)
        for part in PARTS:
            form.addRow(names[part], self.fields[part])
        share_row = FlowLayout()
        share_row.add(self.share)
        share_row.add(self.share_now)
        form.addRow("", share_row)
        form.addRow("", self.state)

        # the gentle reminder, like the check-in's: off until the person sets it
        self.remind = ReminderSchedule(
            session,
            self.schedule,
            label=self.tr("Remind us"),
            name=self.tr("Weekly reminder"),
            daily=False,
        )

        self.reminder = WeeklyTalkReminder(session, parent=self)
        self.reminder.due.connect(self.on_due)
        self.reminder_bar = ReminderBar(
            text=self.tr("When you both have a moment: your weekly conversation."),
            action=self.tr("Open"),
            action_name=self.tr("Open the weekly conversation"),
        )
        self.reminder_bar.check_in_clicked.connect(self.on_open_from_reminder)
        self.reminder_bar.later_clicked.connect(self.on_later)
        self.assemble(scrolling(self.form), self.remind)

    # --- the PracticePage protocol (and RecordListTab's hooks) -----------------------
    def status_widgets(self) -> list[QWidget]:
        return [self.reminder_bar]

    def on_unlocked(self) -> None:
        super().on_unlocked()
        self.remind.load()
        self.reminder.start()

    def clear(self) -> None:
        self.reminder.stop()
        self.reminder_bar.hide()
        super().clear()

    def open_item(self, item_id: int, kind: str) -> None:
        self.open_record(item_id)

    def repo(self):
        return self.session.repository("weekly_talk")

    def add_list_row(self, item_id: int, extra: object) -> None:
        summary = self.session.items().summary(item_id)
        row = QListWidgetItem(row_text(summary))
        row.setData(Qt.ItemDataRole.UserRole, item_id)
        self.list.addItem(row)

    def blank(self) -> Record:
        return WeeklyTalk()

    def focus_new(self) -> None:
        self.fields["appreciations"].setFocus()

    def show_record(self, rec: Record) -> None:
        assert isinstance(rec, WeeklyTalk)
        self.when.setDateTime(qdatetime(rec.occurred_at))
        for part in PARTS:
            field = self.fields[part]
            value = getattr(rec, part)
            if isinstance(field, QLineEdit):
                field.setText(value)
            else:
                field.setPlainText(value)
        self.share.setChecked(rec.shared)
        self.share_now.setEnabled(rec.id is not None)
        self.show_brought(rec)

    def show_brought(self, rec: WeeklyTalk) -> None:
        self.brought.clear()
        for b in rec.brought:
            self.brought.addItem(
                brought_line(
                    {"kind": b.kind, "occurred_at": b.occurred_at.isoformat(), "quote": b.quote}
                )
            )
        self.brought.setVisible(bool(rec.brought))
        self.brought_note.setVisible(bool(rec.brought))
        self.brought_note.setText(
            self.tr(
                "Started from %n item(s) of the week you picked. Their words are quoted in "
                "the parts below, and leave with this conversation if you share it.",
                "",
                len(rec.brought),
            )
        )

    def collect(self) -> Record:
        rec = self._record
        assert isinstance(rec, WeeklyTalk)
        values: dict[str, Any] = {}
        for part in PARTS:
            field = self.fields[part]
            values[part] = field.text() if isinstance(field, QLineEdit) else field.toPlainText()
        moment = self.when.dateTime().toSecsSinceEpoch()
        occurred = rec.occurred_at
        if int(occurred.timestamp()) != moment:
            occurred = datetime.fromtimestamp(moment).astimezone()
        return dataclasses.replace(
            rec, occurred_at=occurred, shared=self.share.isChecked(), **values
        )

    @staticmethod
    def has_words(rec: Record) -> bool:
        assert isinstance(rec, WeeklyTalk)
        return any(getattr(rec, part).strip() for part in PARTS) or bool(rec.brought)

    def clear_fields(self) -> None:
        self.when.setDateTime(QDateTime.currentDateTime())
        self.share_now.setEnabled(False)
        for field in self.fields.values():
            field.clear()
        self.brought.clear()
        self.brought.hide()
        self.brought_note.hide()

    def after_save(self, saved: Record, extra: object) -> None:
        self.share_now.setEnabled(saved.id is not None)  # kept: it can be shared now

    def on_share_now(self) -> None:
        if self._record is None or self._record.id is None:
            return
        self.share.setChecked(True)
        if self.flush():
            self.share_requested.emit()

    # --- starting from the week ------------------------------------------------------
    def pick_from_week(self) -> None:
        if not self.session.is_open or self._record is None:
            return
        until = local_now()
        since = until - WEEK
        picker = WeekPicker(self.week(since, until), self)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        self.bring_in(picker.picked(), since)

    def week(self, since: datetime, until: datetime) -> list[tuple[ItemSummary, str]]:
        """The week's items, each with the words it would bring (what the picker shows)."""
        out = []
        for summary in self.repo().week_items(since, until + timedelta(minutes=1)):
            item, _lines = bring(
                self.session.repository(summary.kind).get(summary.id), since.date()
            )
            out.append((summary, item.quote))
        return out

    def bring_in(self, picked: list[tuple[int, str]], since: datetime) -> None:
        """Quote each picked item into its part of the form and list it (visible, editable)."""
        rec = self.collect()
        assert isinstance(rec, WeeklyTalk)
        known = {b.uid for b in rec.brought}
        brought = list(rec.brought)
        for item_id, kind in picked:
            source = self.session.repository(kind).get(item_id)
            if source.uid in known:
                continue
            item, lines = bring(source, since.date())
            brought.append(item)
            for part, line in lines:
                field = self.fields[part]
                if isinstance(field, QLineEdit):
                    field.setText(" ".join(w for w in (field.text(), line) if w))
                else:
                    text = field.toPlainText().rstrip("\n")
                    field.setPlainText(f"{text}\n\n{line}\n" if text else f"{line}\n")
        self._record = dataclasses.replace(rec, brought=brought)
        self.show_brought(self._record)
        self.on_field_changed()

    # --- the reminder ------------------------------------------------------------------
    def schedule(self) -> ScheduleStore:
        return ScheduleStore.weekly_talk(self.session.database())

    def on_due(self) -> None:
        self.reminder_bar.show()

    def on_open_from_reminder(self) -> None:
        self.reminder_bar.hide()
        self.show_me.emit()
        self.new_record()

    def on_later(self) -> None:
        self.reminder_bar.hide()
        self.reminder.snooze()

    def flush(self) -> bool:
        ok = super().flush()
        if self.session.is_open:
            self.session.writer().flush()
        return ok


def row_text(summary: ItemSummary) -> str:
    day = short_moment_text(summary.occurred_at)
    return f"{day} — {summary.title}" if summary.title else day

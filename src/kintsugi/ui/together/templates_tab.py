"""My templates: one's own starting pages for writing (therapist homework with checkboxes
and a due date, say), kept in the vault; and the optional reminder to write, off until the
person sets it. New entry → Write from a prompt offers these beside the library."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from kintsugi.core.records import Record, Template
from kintsugi.core.repo.templates import TemplateRepository
from kintsugi.core.schedule import ScheduleStore
from kintsugi.ui.checkins.boundaries_tab import OptionalDate
from kintsugi.ui.checkins.record_list import RecordListTab
from kintsugi.ui.i18n import day_text
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.reflow import scrolling
from kintsugi.ui.widgets.reminder_schedule import ReminderSchedule


class TemplatesTab(RecordListTab):
    #: the id of a template to write from (the main window opens the journal with it)
    write_requested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(
            session,
            self.tr("My templates"),
            self.tr("New template"),
            self.tr(
                "No templates of your own yet. Homework from your therapist, or questions you "
                "come back to, can start a page: press New template."
            ),
            parent,
        )
        self.title = self.tr("My templates")  # the PracticePage protocol (ui/together/page.py)
        self.kinds: tuple[str, ...] = ("template",)
        self.name = QLineEdit(placeholderText=self.tr("A name, e.g. Homework for week 3"))
        self.name.setAccessibleName(self.tr("Template name"))
        self.text = QPlainTextEdit(
            placeholderText=self.tr(
                "What the page starts with. Checkboxes are written like this:\n"
                "- [ ] write three appreciations\n- [ ] one walk together"
            )
        )
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Template text"))
        self.due = OptionalDate(self.tr("Due"))
        self.write_button = QPushButton(self.tr("Write from this template"))
        self.write_button.setAccessibleName(self.tr("Write from this template"))
        self.write_button.clicked.connect(self.on_write_clicked)
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))
        self.share.setToolTip(self.tr("To send it to your partner or your therapist from Share"))
        self.state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))
        for signal in (
            self.name.textChanged,
            self.text.textChanged,
            self.due.enabled.toggled,
            self.due.edit.dateChanged,
            self.share.toggled,
        ):
            signal.connect(self.on_field_changed)
        form = QFormLayout(self.form)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(self.tr("Due"), self.due)
        form.addRow("", self.write_button)
        form.addRow("", self.share)
        form.addRow("", self.state)
        self.reminder = ReminderSchedule(
            session,
            lambda: ScheduleStore.writing(session.database()),
            label=self.tr("Remind me to write"),
            name=self.tr("Remind me to write"),
            note=self.tr("A quiet line in the status bar, never a pop-up; “Later” puts it off."),
        )
        self.assemble(scrolling(self.form), self.reminder)

    def open_item(self, item_id: int, kind: str) -> None:
        """Show this record in the form (a search hit, a note's "Open my plan")."""
        self.open_record(item_id)

    def repo(self):
        return TemplateRepository(self.session.database())

    def add_list_row(self, item_id: int, extra: object) -> None:
        t = self.repo().get(item_id)
        label = self.repo().title_of(t) or self.tr("(not written yet)")
        if t.due:
            label += "   · " + self.tr("due %1").replace("%1", day_text(t.due))
        row = QListWidgetItem(label)
        row.setData(Qt.ItemDataRole.UserRole, item_id)
        self.list.addItem(row)

    def blank(self) -> Template:
        return Template()

    def focus_new(self) -> None:
        self.name.setFocus()

    def on_unlocked(self) -> None:
        super().on_unlocked()
        self.reminder.load()

    def show_record(self, rec: Record) -> None:
        assert isinstance(rec, Template)
        self.name.setText(rec.name)
        self.text.setPlainText(rec.text)
        self.due.set_value(rec.due)
        self.share.setChecked(rec.shared)
        self.write_button.setEnabled(rec.id is not None)

    def collect(self) -> Template:
        t = self._record
        assert isinstance(t, Template)
        return dataclasses.replace(
            t,
            name=self.name.text().strip(),
            text=self.text.toPlainText(),
            due=self.due.value(),
            shared=self.share.isChecked(),
        )

    def after_save(self, saved: Record, extra: object) -> None:
        self.write_button.setEnabled(True)

    def on_write_clicked(self) -> None:
        self.autosaver.save_now()
        if self._record is not None and self._record.id is not None:
            self.write_requested.emit(self._record.id)

    def clear_fields(self) -> None:
        self.name.clear()
        self.text.clear()

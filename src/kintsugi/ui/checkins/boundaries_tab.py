"""Boundaries: agreements revisited on a date; earlier wordings are kept. Due ones come
first, marked calmly."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from kintsugi.core.i18n import marked
from kintsugi.core.records import BOUNDARY_CATEGORIES, BOUNDARY_STATUSES, Boundary, Record
from kintsugi.ui.checkins.record_list import RecordListTab
from kintsugi.ui.i18n import day_text
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.reflow import lines_tall, scrolling

NO_DATE = QDate(1900, 1, 1)  # what an unset date holds; it reads "no date"


class OptionalDate(QWidget):
    """A date that may be left unset."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.enabled = QCheckBox()
        self.enabled.setAccessibleName(self.tr("Set %1").replace("%1", name))
        self.edit = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy", enabled=False)  # type: ignore[call-overload]
        self.edit.setAccessibleName(name)
        # Unset reads "no date" (the lowest date stands for it), never a made-up day.
        self.edit.setMinimumDate(NO_DATE)
        self.edit.setSpecialValueText(self.tr("no date"))
        self.edit.setDate(NO_DATE)
        self.enabled.toggled.connect(self.on_toggled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.edit, 1)

    def on_toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on and self.edit.date() == NO_DATE:
            self.edit.setDate(QDate.currentDate())
        elif not on:
            self.edit.setDate(NO_DATE)

    def value(self) -> date | None:
        if not self.enabled.isChecked() or self.edit.date() == NO_DATE:
            return None
        return self.edit.date().toPython()

    def set_value(self, day: date | None) -> None:
        self.edit.blockSignals(True)
        self.edit.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        self.edit.blockSignals(False)
        self.enabled.setChecked(day is not None)
        self.edit.setEnabled(day is not None)


STATUS_NAMES = {
    "active": QT_TRANSLATE_NOOP("BoundariesTab", "Active"),
    "revised": QT_TRANSLATE_NOOP("BoundariesTab", "Revised"),
    "retired": QT_TRANSLATE_NOOP("BoundariesTab", "Retired"),
}


def status_name(status: str) -> str:
    known = STATUS_NAMES.get(status)
    return marked("BoundariesTab", known) if known else status


CATEGORY_NAMES = {
    "general": QT_TRANSLATE_NOOP("BoundariesTab", "Boundary"),
    "transparency": QT_TRANSLATE_NOOP("BoundariesTab", "Transparency agreement"),
    "technology": QT_TRANSLATE_NOOP("BoundariesTab", "Phones and accounts"),
}


def category_name(category: str) -> str:
    known = CATEGORY_NAMES.get(category)
    return marked("BoundariesTab", known) if known else category


class BoundariesTab(RecordListTab):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(
            session,
            self.tr("Boundaries, due for revisit first"),
            self.tr("New boundary"),
            self.tr(
                "No boundaries yet. When the two of you agree on something, write it down "
                "here in plain words: press New boundary."
            ),
            parent,
        )
        self.text = QPlainTextEdit(placeholderText=self.tr("What we agreed, in plain words"))
        self.text.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
        self.text.setAccessibleName(self.tr("The agreement"))
        self.agreed = OptionalDate(self.tr("Agreed on"))
        self.revisit = OptionalDate(self.tr("Revisit by"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for status in BOUNDARY_STATUSES:
            self.status.addItem(status_name(status), status)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Kind of agreement"))
        for category in BOUNDARY_CATEGORIES:
            self.category.addItem(category_name(category), category)
        self.show_only = QComboBox()
        self.show_only.setAccessibleName(self.tr("Show"))
        self.show_only.addItem(self.tr("All agreements"), None)
        for category in BOUNDARY_CATEGORIES:
            self.show_only.addItem(category_name(category), category)
        self.show_only.currentIndexChanged.connect(lambda _n: self.reload())
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Earlier wordings"))
        lines_tall(self.history, 5)
        self.state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))
        for signal in (
            self.text.textChanged,
            self.agreed.enabled.toggled,
            self.agreed.edit.dateChanged,
            self.revisit.enabled.toggled,
            self.revisit.edit.dateChanged,
            self.status.currentIndexChanged,
            self.category.currentIndexChanged,
            self.share.toggled,
        ):
            signal.connect(self.on_field_changed)
        form = QFormLayout(self.form)
        form.addRow(self.tr("Agreement"), self.text)
        form.addRow(self.tr("Kind"), self.category)
        form.addRow(self.tr("Agreed on"), self.agreed)
        form.addRow(self.tr("Revisit by"), self.revisit)
        form.addRow(self.tr("Status"), self.status)
        form.addRow("", self.share)
        form.addRow(self.tr("Earlier wordings"), self.history)
        form.addRow("", self.attachments)
        form.addRow("", self.state)
        self.assemble(scrolling(self.form), above=self.show_only)  # a short window scrolls

    def repo(self):
        return self.session.boundaries()

    def record_ids(self) -> list[tuple[int, object]]:
        return self.repo().listing(category=self.show_only.currentData())

    def blank_category(self) -> str:
        """A new agreement takes the kind being shown (a new one among transparency ones
        is a transparency agreement)."""
        return self.show_only.currentData() or "general"

    def add_list_row(self, item_id: int, due: object) -> None:
        b = self.repo().get(item_id)
        label = b.text.splitlines()[0] if b.text.strip() else self.tr("(not written yet)")
        if due:
            label = f"{label}   · " + self.tr("time to revisit")
        elif b.status != "active":
            label = f"{label}   · {status_name(b.status)}"
        if b.category != "general":  # first, so a narrow list still shows what kind it is
            label = f"{category_name(b.category)} · {label}"
        row = QListWidgetItem(label)
        row.setData(Qt.ItemDataRole.UserRole, item_id)
        if due:
            font = row.font()
            font.setBold(True)
            row.setFont(font)
        self.list.addItem(row)

    def blank(self) -> Boundary:
        return Boundary(category=self.blank_category())  # the placeholder says what goes here

    def focus_new(self) -> None:
        self.text.setFocus()

    def show_record(self, b: Record) -> None:
        assert isinstance(b, Boundary)
        self.text.setPlainText(b.text)
        self.agreed.set_value(b.agreed_on)
        self.revisit.set_value(b.revisit_by)
        self.status.setCurrentIndex(self.status.findData(b.status))
        self.category.setCurrentIndex(max(0, self.category.findData(b.category)))
        self.share.setChecked(b.shared)
        self.history.clear()
        for h in reversed(b.history):
            self.history.addItem(f"{day_text(h.changed_at)}: {h.text} ({status_name(h.status)})")

    def collect(self) -> Boundary:
        b = self._record
        assert isinstance(b, Boundary)
        return dataclasses.replace(
            b,
            text=self.text.toPlainText().strip() or b.text,
            agreed_on=self.agreed.value(),
            revisit_by=self.revisit.value(),
            status=self.status.currentData(),
            category=self.category.currentData(),
            shared=self.share.isChecked(),
        )

    def clear_fields(self) -> None:
        self.text.clear()
        self.history.clear()

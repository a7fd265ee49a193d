"""Rituals, together: a light log of what the two of you keep doing — a date night, a walk,
the weekly talk, one of your own — with when, and how it felt. Nothing counts or compares."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from kintsugi.core.records import RITUAL_KINDS, Record, Ritual
from kintsugi.core.repo.rituals import ritual_label
from kintsugi.ui.checkins.record_list import RecordListTab
from kintsugi.ui.i18n import qdatetime, short_moment_text
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.reflow import scrolling


class RitualsPage(RecordListTab):
    """The Together tab of rituals (a PracticePage)."""

    kinds = ("ritual",)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(
            session,
            self.tr("Rituals, the latest first"),
            self.tr("New ritual"),
            self.tr(
                "No rituals kept yet. Small things done again and again — a walk, a meal, "
                "a date night — can help closeness come back, slowly. Press New ritual to keep one."
            ),
            parent,
        )
        self.title = self.tr("Rituals")  # the PracticePage protocol
        self.list.setWordWrap(True)  # a long line wraps in the list, never scrolls sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ritual = QComboBox()
        self.ritual.setAccessibleName(self.tr("Ritual"))
        for ritual in RITUAL_KINDS:
            self.ritual.addItem(ritual_label(ritual), ritual)
        self.name = QLineEdit(placeholderText=self.tr("Its own name, if it has one"))
        self.name.setAccessibleName(self.tr("Its name"))
        self.when = QDateTimeEdit(calendarPopup=True, displayFormat="ddd d MMM yyyy  HH:mm")
        self.when.setDateTime(QDateTime.currentDateTime())  # never Qt's 1 Jan 2000
        self.when.setAccessibleName(self.tr("When"))
        self.felt = QPlainTextEdit(
            placeholderText=self.tr("How it felt, for you (and for your partner, if they said)")
        )
        self.felt.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
        self.felt.setAccessibleName(self.tr("How it felt"))
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))
        self.state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))
        for signal in (
            self.ritual.currentIndexChanged,
            self.name.textChanged,
            self.when.dateTimeChanged,
            self.felt.textChanged,
            self.share.toggled,
        ):
            signal.connect(self.on_field_changed)
        form = QFormLayout(self.form)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Ritual"), self.ritual)
        form.addRow(self.tr("Its name"), self.name)
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("How it felt"), self.felt)
        form.addRow("", self.share)
        form.addRow("", self.state)
        self.assemble(scrolling(self.form))

    # --- the PracticePage protocol (and RecordListTab's hooks) -----------------------
    def open_item(self, item_id: int, kind: str) -> None:
        self.open_record(item_id)

    def repo(self):
        return self.session.repository("ritual")

    def add_list_row(self, item_id: int, extra: object) -> None:
        rec = self.repo().get(item_id)
        row = QListWidgetItem(row_text(rec))
        row.setData(Qt.ItemDataRole.UserRole, item_id)
        self.list.addItem(row)

    def after_save(self, saved: Record, extra: object) -> None:
        item = self.list.currentItem()
        if item is not None and isinstance(saved, Ritual):
            item.setText(row_text(saved))

    def blank(self) -> Record:
        return Ritual()

    def focus_new(self) -> None:
        self.ritual.setFocus()

    def show_record(self, rec: Record) -> None:
        assert isinstance(rec, Ritual)
        self.ritual.setCurrentIndex(max(0, self.ritual.findData(rec.ritual)))
        self.name.setText(rec.name)
        self.when.setDateTime(qdatetime(rec.occurred_at))
        self.felt.setPlainText(rec.felt)
        self.share.setChecked(rec.shared)

    def collect(self) -> Record:
        rec = self._record
        assert isinstance(rec, Ritual)
        moment = self.when.dateTime().toSecsSinceEpoch()
        occurred = rec.occurred_at
        if int(occurred.timestamp()) != moment:
            occurred = datetime.fromtimestamp(moment).astimezone()
        return dataclasses.replace(
            rec,
            ritual=self.ritual.currentData(),
            name=self.name.text().strip(),
            occurred_at=occurred,
            felt=self.felt.toPlainText(),
            shared=self.share.isChecked(),
        )

    @staticmethod
    def has_words(rec: Record) -> bool:
        return True  # choosing what it was is enough to keep it: a walk needs no words

    def clear_fields(self) -> None:
        self.when.setDateTime(QDateTime.currentDateTime())
        self.name.clear()
        self.felt.clear()


def row_text(rec: Ritual) -> str:
    what = rec.name.strip() or ritual_label(rec.ritual)
    return f"{short_moment_text(rec.occurred_at)} — {what}"

"""Something I want to tell you: a quick record of what happened, when it happened and when
it was told, shareable. Each one shows the time to telling; above the list, in words and
never as a score, whether telling has been coming sooner."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import practices
from kintsugi.core.records import Disclosure, Record
from kintsugi.core.repo.disclosures import DisclosureRepository
from kintsugi.core.timeutil import now
from kintsugi.ui.checkins.record_list import RecordListTab
from kintsugi.ui.i18n import qdatetime, short_moment_text
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.reflow import scrolling

NO_MOMENT = QDateTime(1900, 1, 1, 0, 0, 0)  # an unset moment reads "not set"


class OptionalMoment(QWidget):
    """A date and time that may be left unset, with a "Now" button."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.enabled = QCheckBox()
        self.enabled.setAccessibleName(self.tr("Set %1").replace("%1", name))
        self.edit = QDateTimeEdit(calendarPopup=True, enabled=False)  # type: ignore[call-overload]
        self.edit.setDisplayFormat("d MMM yyyy HH:mm")
        self.edit.setAccessibleName(name)
        self.edit.setMinimumDateTime(NO_MOMENT)
        self.edit.setSpecialValueText(self.tr("not set"))
        self.edit.setDateTime(NO_MOMENT)
        self.now_button = QPushButton(self.tr("Now"))
        self.now_button.setAccessibleName(self.tr("%1: now").replace("%1", name))
        self.now_button.clicked.connect(self.set_now)
        self.enabled.toggled.connect(self.on_toggled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.edit, 1)
        row.addWidget(self.now_button)

    def set_now(self) -> None:
        self.set_value(now())
        self.enabled.toggled.emit(True)  # a change the form saves

    def on_toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on and self.edit.dateTime() == NO_MOMENT:
            self.edit.setDateTime(QDateTime.currentDateTime())
        elif not on:
            self.edit.setDateTime(NO_MOMENT)

    def value(self) -> datetime | None:
        if not self.enabled.isChecked() or self.edit.dateTime() == NO_MOMENT:
            return None
        return datetime.fromtimestamp(self.edit.dateTime().toSecsSinceEpoch()).astimezone()

    def set_value(self, moment: datetime | None) -> None:
        self.edit.blockSignals(True)
        self.enabled.blockSignals(True)
        self.edit.setDateTime(qdatetime(moment) if moment else NO_MOMENT)
        self.enabled.setChecked(moment is not None)
        self.edit.setEnabled(moment is not None)
        self.enabled.blockSignals(False)
        self.edit.blockSignals(False)


class DisclosuresTab(RecordListTab):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(
            session,
            self.tr("Things I wanted to tell you, newest first"),
            self.tr("Something I want to tell you"),
            self.tr(
                "Nothing here yet. When there is something you want your partner to know, "
                "write it down here — what happened and when — and mark when you told them. "
                "Over time, both of you can see telling come sooner."
            ),
            parent,
        )
        self.title = self.tr("Something to tell")  # the PracticePage protocol (ui/together/page.py)
        self.kinds: tuple[str, ...] = ("disclosure",)
        self.trend = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.trend.setAccessibleName(self.tr("How soon things are told"))
        self.gaps = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.gaps.setProperty("role", "subtle")
        self.gaps.setAccessibleName(self.tr("Time to telling, oldest to newest"))
        self.text = QPlainTextEdit(placeholderText=self.tr("What happened, in your own words"))
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("What happened"))
        self.happened = OptionalMoment(self.tr("When it happened"))
        self.told = OptionalMoment(self.tr("When I told"))
        self.gap = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.gap.setAccessibleName(self.tr("Time to telling"))
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))
        self.state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))
        for signal in (
            self.text.textChanged,
            self.happened.enabled.toggled,
            self.happened.edit.dateTimeChanged,
            self.told.enabled.toggled,
            self.told.edit.dateTimeChanged,
            self.share.toggled,
        ):
            signal.connect(self.on_field_changed)
        form = QFormLayout(self.form)
        form.addRow(self.tr("What happened"), self.text)
        form.addRow(self.tr("When it happened"), self.happened)
        form.addRow(self.tr("When I told"), self.told)
        form.addRow("", self.gap)
        form.addRow("", self.share)
        form.addRow("", self.state)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.trend)
        top_layout.addWidget(self.gaps)
        self._moments_shown: tuple[datetime | None, datetime | None] = (None, None)
        self.assemble(scrolling(self.form), above=top)

    def open_item(self, item_id: int, kind: str) -> None:
        """Show this record in the form (a search hit, a note's "Open my plan")."""
        self.open_record(item_id)

    def repo(self):
        return DisclosureRepository(self.session.database())

    def reload(self, select: int | None = None) -> None:
        super().reload(select)
        self.refresh_trend()

    def refreshed(self) -> None:
        self.refresh_trend()

    def refresh_trend(self) -> None:
        if not self.session.is_open:
            self.trend.clear()
            self.gaps.clear()
            return
        recs = self.repo().moments()  # one read of the two moments, no words
        self.trend.setText(practices.trend_words(recs))
        self.gaps.setText(practices.gaps_line(recs))

    def add_list_row(self, item_id: int, extra: object) -> None:
        d = self.repo().get(item_id)
        title = d.text.splitlines()[0] if d.text.strip() else self.tr("(not written yet)")
        row = QListWidgetItem(row_text(title, d))
        row.setData(Qt.ItemDataRole.UserRole, item_id)
        self.list.addItem(row)

    def blank(self) -> Disclosure:
        return Disclosure(told_at=None)

    def focus_new(self) -> None:
        self.text.setFocus()

    def show_record(self, rec: Record) -> None:
        assert isinstance(rec, Disclosure)
        self.text.setPlainText(rec.text)
        self.happened.set_value(rec.happened_at)
        self.told.set_value(rec.told_at)
        self.share.setChecked(rec.shared)
        self.show_gap(rec)

    def show_gap(self, rec: Disclosure) -> None:
        self._moments_shown = (rec.happened_at, rec.told_at)
        words = practices.gap_words(rec)
        if rec.told_at is not None:
            words += " · " + short_moment_text(rec.told_at)
        self.gap.setText(words)

    def collect(self) -> Disclosure:
        d = self._record
        assert isinstance(d, Disclosure)
        happened, told = self.happened.value(), self.told.value()
        if happened and told and told < happened:
            told = happened  # told the moment it happened, at the earliest
        return dataclasses.replace(
            d,
            text=self.text.toPlainText().strip() or d.text,
            happened_at=happened,
            told_at=told,
            shared=self.share.isChecked(),
        )

    def after_save(self, saved: Record, extra: object) -> None:
        assert isinstance(saved, Disclosure)
        moved = (saved.happened_at, saved.told_at) != self._moments_shown
        self.show_gap(saved)
        row = self.list.currentItem()
        if row is not None and row.data(Qt.ItemDataRole.UserRole) == saved.id:
            title = saved.text.splitlines()[0] if saved.text.strip() else ""
            row.setText(row_text(title, saved))
        if moved:
            self.refresh_trend()  # only when a moment changed, not with every word

    def clear_fields(self) -> None:
        self.text.clear()
        self.gap.clear()

    def clear(self) -> None:
        super().clear()
        self.trend.clear()
        self.gaps.clear()


def row_text(title: str, rec: Disclosure) -> str:
    """A row: the time to telling first (a long title is elided, never the gap)."""
    return f"{practices.gap_words(rec)} · {title}"

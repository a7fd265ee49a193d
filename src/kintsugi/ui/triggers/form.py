"""Every detail of a trigger, saved as you go."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from PySide6.QtCore import QDateTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.errors import KintsugiError
from kintsugi.core.records import CUE_CATEGORIES, Emotion, Trigger
from kintsugi.core.repo.triggers import cue_label
from kintsugi.ui import channel
from kintsugi.ui.attachments.strip import AttachmentStrip
from kintsugi.ui.autosave import Autosaver, Background, show_fresh, store_update
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.cells import cell_text, edit_cell
from kintsugi.ui.widgets.reflow import lines_tall
from kintsugi.ui.widgets.suds import SudsSlider


def optional_spin(name: str, maximum: int, suffix: str = "") -> QSpinBox:
    """A spin box whose lowest value means "not answered"."""
    spin = QSpinBox(minimum=-1, maximum=maximum, value=-1, suffix=suffix)
    spin.setSpecialValueText("—")
    spin.setAccessibleName(name)
    return spin


class EmotionsEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Emotions and how strong (0–100)"))
        self.table.setHorizontalHeaderLabels([self.tr("Emotion"), self.tr("Strength 0–100")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.verticalHeader().hide()
        lines_tall(self.table, 5)
        self.table.itemChanged.connect(self.changed)
        add = QPushButton(self.tr("Add emotion"))
        add.setAccessibleName(self.tr("Add an emotion"))
        add.clicked.connect(lambda: self.add(Emotion("", 50), edit=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(add)

    def add(self, emotion: Emotion, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(emotion.name))
        self.table.setItem(row, 1, QTableWidgetItem(str(emotion.intensity)))
        if edit:
            edit_cell(self.table, row, 0)

    def set_emotions(self, emotions: list[Emotion]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for e in emotions:
            self.add(e)
        self.table.blockSignals(False)

    def emotions(self) -> list[Emotion]:
        out = []
        for row in range(self.table.rowCount()):
            name = (cell_text(self.table, row, 0)).strip()
            raw = cell_text(self.table, row, 1, "50")
            if name:
                digits = "".join(ch for ch in raw if ch.isdigit())
                out.append(Emotion(name, min(100, int(digits)) if digits else 50))
        return out


class TriggerForm(QWidget):
    saved = Signal(object)  # ItemSummary

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._trigger: Trigger | None = None
        self._base: Trigger | None = None  # as loaded or last saved: what typing is measured by
        self._loading = False
        self._fresh_after_save = False  # a round's changes wait for the save on its way
        self.autosaver = Autosaver(
            parent=self,
            background=Background(
                writer=lambda: self.session.writer(),
                snapshot=lambda: (self.collect(), self.session.triggers(), self.session.items()),
                store=store_update,
                apply=self._apply,
            ),
        )
        self.when = QDateTimeEdit(calendarPopup=True, displayFormat="ddd d MMM yyyy  HH:mm")
        self.when.setDateTime(QDateTime.currentDateTime())  # never Qt's 1 Jan 2000
        self.when.setAccessibleName(self.tr("When"))
        self.cue = QComboBox()
        self.cue.setAccessibleName(self.tr("What set it off"))
        for cue in CUE_CATEGORIES:
            self.cue.addItem(cue_label(cue), cue)
        self.situation = QPlainTextEdit(placeholderText=self.tr("The situation, in your words"))
        self.situation.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
        self.situation.setAccessibleName(self.tr("Situation"))
        lines_tall(self.situation, 3)
        self.suds = SudsSlider(self.tr("Distress at its worst, 0 to 10"))
        self.emotions = EmotionsEditor()
        self.hot_thought = QLineEdit(placeholderText=self.tr("The thought that hurt most"))
        self.hot_thought.setAccessibleName(self.tr("The thought that hurt most"))
        self.belief = optional_spin(
            self.tr("How much I believed it, 0 to 100 %"), 100, self.tr(" %")
        )
        self.body = QLineEdit(placeholderText=self.tr("e.g. tight chest, shaky hands"))
        self.body.setAccessibleName(self.tr("Body sensations"))
        self.urge = optional_spin(self.tr("Urge to act, 0 (none) to 5 (overwhelming)"), 5)
        self.acted = QComboBox()
        self.acted.setAccessibleName(self.tr("Acted on the urge"))
        for label, value in ((self.tr("—"), None), (self.tr("No"), False), (self.tr("Yes"), True)):
            self.acted.addItem(label, value)
        self.action = QPlainTextEdit(placeholderText=self.tr("What I did"))
        self.action.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
        self.action.setAccessibleName(self.tr("What I did"))
        lines_tall(self.action, 2.5)
        self.suds_after = optional_spin(
            self.tr("Distress afterwards, 0 (calm) to 10 (the worst I can imagine)"), 10
        )
        self.note = QPlainTextEdit(
            placeholderText=self.tr("Private note — never shared or exported")
        )
        self.note.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
        self.note.setAccessibleName(self.tr("Private note"))
        lines_tall(self.note, 2)
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))

        urge_row = QHBoxLayout()
        urge_row.addWidget(self.urge)
        urge_row.addWidget(self.acted)
        self.layout_form = form = QFormLayout(self)
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("What set it off"), self.cue)
        form.addRow(self.tr("Situation"), self.situation)
        form.addRow(self.tr("Distress (0–10)"), self.suds)
        form.addRow(self.tr("Emotions"), self.emotions)
        form.addRow(self.tr("The thought that hurt most"), self.hot_thought)
        form.addRow(self.tr("Believed it (0–100 %)"), self.belief)
        form.addRow(self.tr("In my body"), self.body)
        form.addRow(self.tr("Urge (0 = none · 5 = overwhelming) · acted on"), urge_row)
        form.addRow(self.tr("What I did"), self.action)
        form.addRow(self.tr("Distress after (0 = calm · 10 = the worst)"), self.suds_after)
        form.addRow(self.tr("Private note"), self.note)
        form.addRow("", self.share)
        # photos, screenshots, a voice note: as under a journal entry (ui/attachments)
        self.attachments = AttachmentStrip(session, lambda: self.trigger_id)
        self.attachments.problem.connect(channel.error)
        form.addRow("", self.attachments)

        for signal in (
            self.when.dateTimeChanged,
            self.cue.currentIndexChanged,
            self.situation.textChanged,
            self.suds.value_changed,
            self.emotions.changed,
            self.hot_thought.textChanged,
            self.belief.valueChanged,
            self.body.textChanged,
            self.urge.valueChanged,
            self.acted.currentIndexChanged,
            self.action.textChanged,
            self.suds_after.valueChanged,
            self.note.textChanged,
            self.share.toggled,
        ):
            signal.connect(self.on_field_changed)
        self.setEnabled(False)

    @property
    def trigger_id(self) -> int | None:
        return self._trigger.id if self._trigger else None

    def take_changes(self, fresh: Trigger) -> None:
        """The same hard moment as it is now in the vault, after another computer changed it
        (a sync round): every field the person has not changed here since it was loaded or
        saved shows the new value; what they are typing stays as it is, cursor and all."""
        base = self._base
        if base is None or self._trigger is None or fresh.id != self._trigger.id:
            return
        if self.autosaver.pending:  # a save on its way: the vault read again once it settled
            self._fresh_after_save = True  # (else its next save put the old values back)
            return
        if fresh.updated_at == base.updated_at:
            return  # nothing new
        # (an emotion's cell being typed in: kept, and typed on in it)
        kept = show_fresh(self, self.autosaver, base, fresh, self.collect, self.load)
        self._base = fresh  # (load made it what is shown, typing included)
        if kept:
            self.autosaver.changed()  # what is typed here is saved over the new values

    def load(self, t: Trigger) -> None:
        self._loading = True
        try:
            self._trigger = self._base = t
            self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(t.occurred_at.timestamp())))
            self.cue.setCurrentIndex(max(0, self.cue.findData(t.cue)))
            self.situation.setPlainText(t.situation)
            self.suds.set_value(t.suds_peak)
            self.emotions.set_emotions(t.emotions)
            self.hot_thought.setText(t.hot_thought)
            self.belief.setValue(-1 if t.belief is None else t.belief)
            self.body.setText(", ".join(t.body_sensations))
            self.urge.setValue(-1 if t.urge is None else t.urge)
            self.acted.setCurrentIndex(max(0, self.acted.findData(t.acted_on)))
            self.action.setPlainText(t.action)
            self.suds_after.setValue(-1 if t.suds_after is None else t.suds_after)
            self.note.setPlainText(t.private_note)
            self.share.setChecked(t.shared)
        finally:
            self._loading = False
        self.autosaver.reset()
        self.attachments.refresh()
        self.setEnabled(True)

    def clear(self) -> None:
        self.autosaver.reset()
        self.attachments.clear()
        self._loading = True
        for w in (self.situation, self.action, self.note):
            w.clear()
        for line in (self.hot_thought, self.body):
            line.clear()
        self.emotions.set_emotions([])
        self.when.setDateTime(QDateTime.currentDateTime())
        self._loading = False
        self._trigger = self._base = None
        self.setEnabled(False)

    def on_field_changed(self, *_: object) -> None:
        if not self._loading and self._trigger is not None:
            self.autosaver.changed()

    def collect(self) -> Trigger:
        assert self._trigger is not None
        moment = self.when.dateTime().toSecsSinceEpoch()
        occurred = self._trigger.occurred_at
        if int(occurred.timestamp()) != moment:
            occurred = datetime.fromtimestamp(moment).astimezone()

        def opt(spin: QSpinBox) -> int | None:
            return None if spin.value() < 0 else spin.value()

        return dataclasses.replace(
            self._trigger,
            occurred_at=occurred,
            cue=self.cue.currentData(),
            situation=self.situation.toPlainText(),
            suds_peak=self.suds.value(),
            emotions=self.emotions.emotions(),
            hot_thought=self.hot_thought.text(),
            belief=opt(self.belief),
            body_sensations=[b.strip() for b in self.body.text().split(",") if b.strip()],
            urge=opt(self.urge),
            acted_on=self.acted.currentData(),
            action=self.action.toPlainText(),
            suds_after=opt(self.suds_after),
            private_note=self.note.toPlainText(),
            shared=self.share.isChecked(),
        )

    def _apply(self, result: tuple) -> None:
        """On the UI thread, once the writer has committed a save."""
        saved, summary = result
        if self._trigger is not None and self._trigger.id == saved.id:
            self._trigger = dataclasses.replace(self._trigger, updated_at=saved.updated_at)
            self._base = saved  # what a field typed since is measured against
        self.saved.emit(summary)
        if self._fresh_after_save:  # a round came while it was saving: once it has settled
            self._fresh_after_save = False
            QTimer.singleShot(0, self._take_fresh)

    def _take_fresh(self) -> None:
        if self._trigger is None or self._trigger.id is None or not self.session.is_open:
            return
        try:
            fresh = self.session.triggers().get(self._trigger.id)
        except KintsugiError:
            return
        self.take_changes(fresh)

    def save_now(self) -> bool:
        return self.autosaver.save_now()

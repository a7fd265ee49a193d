"""Check in: four 0–10 scales and three short answers (under a minute), saved as you go;
the history as a small trend chart; and the schedule for the gentle reminder."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.i18n import marked
from kintsugi.core.insights import DIMENSIONS, Range
from kintsugi.core.records import CheckIn
from kintsugi.core.timeutil import now
from kintsugi.ui import channel
from kintsugi.ui.attachments.strip import AttachmentStrip
from kintsugi.ui.autosave import Autosaver, Background, Draft, store_draft
from kintsugi.ui.i18n import day_month_text, day_text, weekday_day_text
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.charts import DIMENSION_NAMES, ChartSpec, ChartWidget
from kintsugi.ui.widgets.flow_layout import FlowLayout
from kintsugi.ui.widgets.reflow import ReflowRow, lines_tall, scrolling
from kintsugi.ui.widgets.reminder_schedule import ReminderSchedule

C = "CheckInTab"
# Each scale with what its ends mean.
QUESTIONS = {
    "safety": (
        QT_TRANSLATE_NOOP("CheckInTab", "How safe do I feel?"),
        QT_TRANSLATE_NOOP("CheckInTab", "0 = not safe at all · 10 = completely safe"),
    ),
    "trust": (
        QT_TRANSLATE_NOOP("CheckInTab", "How much do I trust?"),
        QT_TRANSLATE_NOOP("CheckInTab", "0 = no trust at all · 10 = complete trust"),
    ),
    "connection": (
        QT_TRANSLATE_NOOP("CheckInTab", "How connected do we feel?"),
        QT_TRANSLATE_NOOP("CheckInTab", "0 = far apart · 10 = very close"),
    ),
    "communication": (
        QT_TRANSLATE_NOOP("CheckInTab", "How well are we talking?"),
        QT_TRANSLATE_NOOP("CheckInTab", "0 = not talking · 10 = talking openly and kindly"),
    ),
}


class CheckInTab(QWidget):
    saved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._checkin: CheckIn | None = None
        self._draft = Draft()
        self._loading = False
        self.autosaver = Autosaver(
            parent=self,
            background=Background(
                writer=lambda: self.session.writer(),
                snapshot=lambda: (
                    self._draft,
                    self.collect(),
                    self.session.checkins(),
                    self.session.database(),
                ),
                store=self._store,
                apply=self._apply,
            ),
        )
        self.sliders: dict[str, QSlider] = {}
        form = QFormLayout()
        ends = QLabel(
            self.tr("Each scale: 0 = not at all · 10 = completely"),
            textFormat=Qt.TextFormat.PlainText,
            wordWrap=True,
        )
        ends.setProperty("role", "subtle")
        form.addRow("", ends)
        for dim in DIMENSIONS:
            slider = QSlider(  # type: ignore[call-overload]
                Qt.Orientation.Horizontal,
                minimum=0,
                maximum=10,
                value=5,
                pageStep=1,
                tickPosition=QSlider.TickPosition.TicksBelow,
                tickInterval=1,
            )
            question, meaning = (marked(C, text) for text in QUESTIONS[dim])
            slider.setAccessibleName(question)
            slider.setAccessibleDescription(meaning)
            value = QLabel("5", textFormat=Qt.TextFormat.PlainText)
            slider.valueChanged.connect(lambda v, label=value: label.setNum(v))
            slider.valueChanged.connect(self.on_field_changed)
            slider.setToolTip(meaning)
            row = QHBoxLayout()
            row.addWidget(slider)
            row.addWidget(value)
            form.addRow(question, row)
            self.sliders[dim] = slider
        self.gratitude = QLineEdit(placeholderText=self.tr("One thing I'm grateful for"))
        self.gratitude.setAccessibleName(self.tr("Grateful for"))
        self.needs = QLineEdit(placeholderText=self.tr("What I need this week"))
        self.needs.setAccessibleName(self.tr("What I need this week"))
        self.notes = QLineEdit(placeholderText=self.tr("Anything else"))
        self.notes.setAccessibleName(self.tr("Notes"))
        for field in (self.gratitude, self.needs, self.notes):
            field.textChanged.connect(self.on_field_changed)
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))
        self.share.toggled.connect(self.on_field_changed)
        form.addRow(self.tr("Grateful for"), self.gratitude)
        form.addRow(self.tr("I need"), self.needs)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow("", self.share)
        # photos, screenshots, a voice note: as under a journal entry (ui/attachments)
        self.attachments = AttachmentStrip(
            session, lambda: self._draft.id, self._saved_for_attachment
        )
        self.attachments.problem.connect(channel.error)
        form.addRow("", self.attachments)
        self.new_button = QPushButton(self.tr("Start a new check-in"))
        self.new_button.setAccessibleName(self.tr("Start a new check-in"))
        self.new_button.clicked.connect(self.start_new)
        self.state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))

        self.schedule = ReminderSchedule(
            session, session.schedule, label=self.tr("Remind me"), name=self.tr("How often")
        )

        self.trend = ChartWidget()
        self.trend.setMinimumSize(240, 150)  # the window fits 960 × 540 logical pixels
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Past check-ins"))
        lines_tall(self.history, 6)
        self.history.setWordWrap(True)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_side, right_side = QWidget(), QWidget()
        left = QVBoxLayout(left_side)
        left.setContentsMargins(8, 6, 4, 6)  # the words clear of the tab's frame
        left.addLayout(form)
        state_row = FlowLayout()
        state_row.add(self.state, stretch=True)
        state_row.add(self.new_button)
        left.addLayout(state_row)
        left.addWidget(self.schedule)
        left.addStretch(1)
        right = QVBoxLayout(right_side)
        right.setContentsMargins(4, 6, 6, 6)
        right.addWidget(self.trend, 1)
        right.addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(ReflowRow(left_side, right_side)))

    # --- loading -------------------------------------------------------------------
    def on_unlocked(self) -> None:
        self.schedule.load()
        self.start_new()
        self.refresh_trend()

    def start_new(self) -> None:
        self.autosaver.save_now()
        self._loading = True
        self._checkin = CheckIn(occurred_at=now())
        self._draft = Draft()
        for slider in self.sliders.values():
            slider.setValue(5)
        for field in (self.gratitude, self.needs, self.notes):
            field.clear()
        self.share.setChecked(False)
        self._loading = False
        self.autosaver.reset()
        self.attachments.refresh()
        self.state.setText(self.tr("Move a slider to begin — it saves itself."))

    def refresh_trend(self) -> None:
        self.show_trend(_trend(self.session.database()))

    def show_trend(self, data) -> None:
        self.trend.set_spec(
            ChartSpec(
                "lines",
                self.tr("The last six months"),
                [day_month_text(w) for w, _ in data.checkins],
                {
                    marked("charts", DIMENSION_NAMES[d]): [c[d] for _, c in data.checkins]
                    for d in DIMENSIONS
                },
                y_max=10,
                empty_text=self.tr("Your check-ins will draw a line here over the weeks."),
            )
        )
        self.history.clear()
        for when, scores in reversed(data.checkins):
            self.history.addItem(
                f"{weekday_day_text(when)} · "
                + " · ".join(
                    f"{marked('charts', DIMENSION_NAMES[d])} {scores[d]}"
                    for d in DIMENSIONS
                    if scores[d] is not None
                )
            )

    def _saved_for_attachment(self) -> int | None:
        """The check-in's id, keeping a new one first (a photo alone is a check-in)."""
        if self._draft.id is None and self._checkin is not None:
            self.autosaver.changed()
            self.autosaver.save_now()
            self.session.writer().flush(10)
        return self._draft.id

    def clear(self) -> None:
        self.autosaver.reset()
        self.attachments.clear()
        self._checkin = None
        for field in (self.gratitude, self.needs, self.notes):
            field.clear()
        self.trend.spec = None
        self.history.clear()

    # --- saving --------------------------------------------------------------------
    def on_field_changed(self, *_: object) -> None:
        if not self._loading and self._checkin is not None:
            self.autosaver.changed()

    def open_checkin(self, item_id: int) -> None:
        """A past check-in, back in the form (changes save themselves, like a new one)."""
        self.autosaver.save_now()
        rec = self.session.checkins().get(item_id)
        self._loading = True
        self._checkin = rec
        self._draft = Draft(rec.id)
        for dim, slider in self.sliders.items():
            value = getattr(rec, dim)
            slider.setValue(5 if value is None else value)
        self.gratitude.setText(rec.gratitude)
        self.needs.setText(rec.needs)
        self.notes.setText(rec.notes)
        self.share.setChecked(rec.shared)
        self._loading = False
        self.autosaver.reset()
        self.attachments.refresh()
        self.state.setText(
            self.tr("Your check-in of %1. Changes save themselves.").replace(
                "%1", day_text(rec.occurred_at)
            )
        )

    def collect(self) -> CheckIn:
        assert self._checkin is not None
        scores: dict[str, Any] = {d: s.value() for d, s in self.sliders.items()}
        return dataclasses.replace(
            self._checkin,
            **scores,
            gratitude=self.gratitude.text().strip(),
            needs=self.needs.text().strip(),
            notes=self.notes.text().strip(),
            shared=self.share.isChecked(),
        )

    # The three steps of a save (see ui.autosave.Background): the form is read here, the
    # check-in saved and the trend read again on the writer thread, and both shown here.
    @staticmethod
    def _store(value: tuple) -> tuple:
        draft, rec, repo, db = value
        return draft, store_draft(draft, rec, repo), _trend(db)

    def _apply(self, result: tuple) -> None:
        draft, saved, trend = result
        if draft is self._draft and self._checkin is not None:
            self._checkin = dataclasses.replace(
                self._checkin, id=saved.id, created_at=saved.created_at, updated_at=saved.updated_at
            )
        self.show_trend(trend)
        self.saved.emit()

    def flush(self) -> bool:
        """Wait for this form's saves, and a reminder setting just changed."""
        ok = self.autosaver.save_now()
        if self.session.is_open:
            self.session.writer().flush()
        return ok


def _trend(db):
    """The last six months of check-ins, for the chart beside the form."""
    from kintsugi.core import insights

    return insights.compute(db, Range.last_days(182))

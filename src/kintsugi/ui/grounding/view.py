"""The exercise screen: full window, large type, nothing else on it.

Pages: choose (when started from "Ground now") → before (options, distress now — skippable)
→ the exercise → after (distress now, a note) → saved. Esc leaves at once, asking nothing;
the main window then offers to save what was done.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.errors import KintsugiError
from kintsugi.core.exercises import CustomTechnique
from kintsugi.core.records import GroundingSession
from kintsugi.ui.grounding.exercises import (
    BreathingExercise,
    Clock,
    Exercise,
    SensesExercise,
    ThoughtRecordExercise,
    big,
    custom_exercise,
    muscle_relaxation,
)
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.suds import SudsSlider

BUILT_IN = (
    "box_breathing",
    "paced_breathing",
    "senses_54321",
    "muscle_relaxation",
    "thought_record",
)
INTROS = {
    "box_breathing": "Breathe in for four, hold for four, out for four, rest for four.",
    "paced_breathing": "A longer out-breath tells the body it is safe.",
    "senses_54321": "Come back to the room, one sense at a time.",
    "muscle_relaxation": "Tense each muscle group gently, then let it go.",
    "thought_record": "Slow a painful thought down and look at it from every side.",
    "custom": "Your own way back to steady ground.",
}


class ExerciseView(QWidget):
    saved = Signal(object)  # the saved GroundingSession
    closed = Signal(object)  # a draft GroundingSession worth offering to save, or None
    support_requested = Signal()

    def __init__(self, session: Session, clock: Clock | None = None, parent=None):
        super().__init__(parent, objectName="exerciseView")
        self.session = session
        self.clock = clock or Clock()
        self.reduced_motion = False
        self.exercise: Exercise | None = None
        self.trigger_id: int | None = None
        self.started_at: datetime | None = None
        self.suds_before: int | None = None
        self.custom: list[CustomTechnique] = []

        self.heading = big(huge=True)
        support = QPushButton(self.tr("Support…"))
        support.setAccessibleName(self.tr("My support contacts"))
        support.clicked.connect(self.support_requested)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the exercise"))
        self.stop_button.clicked.connect(self.stop)
        leave = QPushButton(self.tr("Leave (Esc)"))
        leave.setAccessibleName(self.tr("Leave the exercise"))
        leave.clicked.connect(self.leave)
        header = QHBoxLayout()
        header.addStretch(1)
        for b in (support, self.stop_button, leave):
            header.addWidget(b)

        self.pages = QStackedWidget()
        self.choose_page = QWidget()
        self.choose_grid = QGridLayout(self.choose_page)
        self.before_page = QWidget()
        bv = QVBoxLayout(self.before_page)
        self.intro = big()
        self.options_slot = QVBoxLayout()
        self.suds_now = SudsSlider(self.tr("Distress right now, 0 to 10"))
        start = QPushButton(self.tr("Begin"))
        start.setProperty("role", "primary")
        start.setAccessibleName(self.tr("Begin"))
        start.clicked.connect(lambda: self.begin(rated=True))
        skip = QPushButton(self.tr("Begin without rating"))
        skip.setAccessibleName(self.tr("Begin without rating"))
        skip.clicked.connect(lambda: self.begin(rated=False))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(skip)
        row.addWidget(start)
        bv.addWidget(self.intro)
        bv.addLayout(self.options_slot)
        bv.addWidget(QLabel(self.tr("How strong is the distress right now?")))
        bv.addWidget(self.suds_now)
        bv.addLayout(row)
        bv.addStretch(1)
        self.run_page = QWidget()
        self.run_layout = QVBoxLayout(self.run_page)
        self.after_page = QWidget()
        av = QVBoxLayout(self.after_page)
        self.after_text = big(self.tr("Well done."))
        self.suds_after = SudsSlider(self.tr("Distress now, 0 to 10"))
        self.notes = QPlainTextEdit(placeholderText=self.tr("Anything you noticed (optional)"))
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setMaximumHeight(100)
        self.message = QLabel(wordWrap=True)
        self.message.setProperty("role", "error")
        save = QPushButton(self.tr("Save"))
        save.setProperty("role", "primary")
        save.setAccessibleName(self.tr("Save this session"))
        save.clicked.connect(self.save)
        discard = QPushButton(self.tr("Leave without saving"))
        discard.setAccessibleName(self.tr("Leave without saving"))
        discard.clicked.connect(lambda: self._close(None))
        arow = QHBoxLayout()
        arow.addStretch(1)
        arow.addWidget(discard)
        arow.addWidget(save)
        av.addWidget(self.after_text)
        av.addWidget(QLabel(self.tr("And now, how strong is it?")))
        av.addWidget(self.suds_after)
        av.addWidget(self.notes)
        av.addWidget(self.message)
        av.addLayout(arow)
        av.addStretch(1)
        for page in (self.choose_page, self.before_page, self.run_page, self.after_page):
            self.pages.addWidget(page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addLayout(header)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages, 1)
        QShortcut(QKeySequence(Qt.Key_Escape), self, self.leave)

    # --- starting ------------------------------------------------------------------
    def open_chooser(self, trigger_id: int | None, suds: int | None = None) -> None:
        self._reset(trigger_id)
        self.heading.setText(self.tr("What would help right now?"))
        while self.choose_grid.count():
            self.choose_grid.takeAt(0).widget().deleteLater()
        from kintsugi.core.repo.grounding import TECHNIQUE_LABELS

        choices = [(TECHNIQUE_LABELS[t], t, None) for t in BUILT_IN]
        choices += [(c.name, "custom", c) for c in self.custom]
        for n, (label, technique, custom) in enumerate(choices):
            button = QPushButton(self.tr(label))
            button.setAccessibleName(self.tr(label))
            button.setMinimumHeight(56)
            button.clicked.connect(
                lambda _=False, t=technique, c=custom: self.prepare(
                    t, trigger_id, custom=c, suds=suds
                )
            )
            self.choose_grid.addWidget(button, n // 2, n % 2)
        self.pages.setCurrentWidget(self.choose_page)

    def prepare(
        self,
        technique: str,
        trigger_id: int | None = None,
        *,
        custom: CustomTechnique | None = None,
        suds: int | None = None,
    ) -> Exercise:
        """Show the 'before' page of ``technique``; returns the exercise widget."""
        self._reset(trigger_id)
        ex = self._make(technique, custom)
        self.exercise = ex
        self.heading.setText(ex.title())
        self.intro.setText(self.tr(INTROS[technique]))
        options = ex.options()
        if options is not None:
            self.options_slot.addWidget(options)
        self.suds_now.set_value(5 if suds is None else suds)
        self.run_layout.addWidget(ex)
        ex.finished.connect(self.on_exercise_finished)
        self.pages.setCurrentWidget(self.before_page)
        self.suds_now.setFocus()
        return ex

    def _make(self, technique: str, custom: CustomTechnique | None) -> Exercise:
        if technique in ("box_breathing", "paced_breathing"):
            return BreathingExercise(
                self.clock, technique == "paced_breathing", self.reduced_motion
            )
        if technique == "senses_54321":
            return SensesExercise(self.clock)
        if technique == "muscle_relaxation":
            return muscle_relaxation(self.clock)
        if technique == "thought_record":
            return ThoughtRecordExercise(self.clock)
        if technique == "custom" and custom is not None:
            return custom_exercise(self.clock, custom)
        raise ValueError(f"unknown technique {technique!r}")

    def begin(self, rated: bool) -> None:
        self.suds_before = self.suds_now.value() if rated else None
        self.started_at = datetime.now().astimezone()
        self.pages.setCurrentWidget(self.run_page)
        self.stop_button.show()
        assert self.exercise is not None
        self.exercise.start()

    # --- ending --------------------------------------------------------------------
    def on_exercise_finished(self) -> None:
        self.after_text.setText(self.tr("Well done. You stayed with it."))
        self._to_after()

    def stop(self) -> None:
        if self.exercise is not None and self.exercise.running:
            self.exercise.pause()
            self.after_text.setText(self.tr("That's fine. Every minute counts."))
            self._to_after()

    def _to_after(self) -> None:
        self.stop_button.hide()
        self.suds_after.set_value(self.suds_before if self.suds_before is not None else 5)
        self.pages.setCurrentWidget(self.after_page)
        self.suds_after.setFocus()

    def draft(self, with_after: bool) -> GroundingSession | None:
        ex = self.exercise
        if ex is None or self.started_at is None:
            return None
        return GroundingSession(
            technique=ex.technique,
            occurred_at=self.started_at,
            duration_s=round(ex.elapsed(), 1),
            completed=ex.completed,
            suds_before=self.suds_before,
            suds_after=self.suds_after.value() if with_after else None,
            steps=ex.steps(),
            notes=self.notes.toPlainText().strip(),
            trigger_id=self.trigger_id,
        )

    def save(self) -> GroundingSession | None:
        draft = self.draft(with_after=True)
        if draft is None:
            return None
        try:
            saved = self.session.grounding().add(draft)
        except KintsugiError as exc:
            self.message.setText(describe(exc))
            return None
        self.saved.emit(saved)
        self._close(None)
        return saved

    def leave(self) -> None:
        """Esc: out at once. What was done is offered for saving, never lost silently."""
        on_after = self.pages.currentWidget() is self.after_page
        draft = self.draft(with_after=on_after)
        if draft is not None and draft.duration_s < 5 and not on_after:
            draft = None  # a few seconds in: nothing worth offering
        self._close(draft)

    def _close(self, draft: GroundingSession | None) -> None:
        if self.exercise is not None:
            self.exercise.pause()
        self.closed.emit(draft)
        self._reset(None)

    def _reset(self, trigger_id: int | None) -> None:
        if self.exercise is not None:
            self.exercise.hide()
            self.exercise.deleteLater()
            self.exercise = None
        while self.options_slot.count():
            w = self.options_slot.takeAt(0).widget()
            if w is not None:
                w.setParent(None)
        self.trigger_id = trigger_id
        self.started_at = None
        self.suds_before = None
        self.notes.clear()
        self.message.clear()
        self.stop_button.hide()

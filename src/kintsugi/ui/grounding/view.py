"""The exercise screen: full window, large type, nothing else on it.

Pages: choose (from "Ground now", Ctrl+G, or "Breathe now" before unlocking) → before
(options, distress now — skippable; Enter begins) → the exercise → after (distress now, a
note; after Stop, "Carry on" resumes) → saved, or a gentle next step when the distress
stayed high or rose. Esc leaves at once, asking nothing; the main window then offers to
keep what was done. Every page keeps its buttons in a fixed row and scrolls the rest, so
it fits 1366×768 at 100 % and 960×540 at 200 %.

Without an open vault (before unlocking) the built-in exercises run the same way; what
was done is kept in memory only and offered after the next unlock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import insights
from kintsugi.core.errors import KintsugiError
from kintsugi.core.exercises import CustomTechnique, needs_more_support
from kintsugi.core.i18n import Words, marked
from kintsugi.core.records import GroundingSession
from kintsugi.core.repo.grounding import technique_label
from kintsugi.core.support_card import CrisisLine
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
from kintsugi.ui.i18n import number_text
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.flow_layout import FlowLayout
from kintsugi.ui.widgets.reflow import lines_tall
from kintsugi.ui.widgets.suds import SudsSlider
from kintsugi.ui.widgets.support_list import SupportList
from kintsugi.ui.workers import run_in_background

ExerciseLengths = Words("ExerciseLengths")  # plurals outside a Qt class (core/i18n.py)

BUILT_IN = (
    "box_breathing",
    "paced_breathing",
    "senses_54321",
    "muscle_relaxation",
    "thought_record",
)
C = "ExerciseView"
INTROS = {
    "box_breathing": QT_TRANSLATE_NOOP(
        "ExerciseView", "Breathe in for four, hold for four, out for four, rest for four."
    ),
    "paced_breathing": QT_TRANSLATE_NOOP(
        "ExerciseView", "A longer out-breath tells the body it is safe."
    ),
    "senses_54321": QT_TRANSLATE_NOOP(
        "ExerciseView", "Come back to the room, one sense at a time."
    ),
    "muscle_relaxation": QT_TRANSLATE_NOOP(
        "ExerciseView", "Tense each muscle group gently, then let it go."
    ),
    "thought_record": QT_TRANSLATE_NOOP(
        "ExerciseView", "Slow a painful thought down and look at it from every side."
    ),
    "custom": QT_TRANSLATE_NOOP("ExerciseView", "Your own way back to steady ground."),
}
LENGTHS = {
    "box_breathing": QT_TRANSLATE_NOOP("ExerciseView", "2, 5 or 10 minutes"),
    "paced_breathing": QT_TRANSLATE_NOOP("ExerciseView", "2, 5 or 10 minutes"),
    "senses_54321": QT_TRANSLATE_NOOP("ExerciseView", "about 3 minutes"),
    "muscle_relaxation": QT_TRANSLATE_NOOP("ExerciseView", "about 3 minutes"),
    "thought_record": QT_TRANSLATE_NOOP("ExerciseView", "10 to 20 minutes, at your pace"),
}


def custom_length(technique: CustomTechnique) -> str:
    timed = sum(s.seconds or 0 for s in technique.steps)
    untimed = any(s.seconds is None for s in technique.steps)
    if not timed:
        return QCoreApplication.translate("ExerciseView", "at your pace")
    minutes = max(1, round(timed / 60))
    text = ExerciseLengths.tr("about %n minute(s)", "", minutes)
    return text + (
        QCoreApplication.translate("ExerciseView", ", and your own pace") if untimed else ""
    )


COLUMN_MAX = 860  # a comfortable reading width on a wide screen


def scrolled(content: QWidget) -> QScrollArea:
    """Content that may grow, in a frameless scroll area (buttons stay outside it), as a
    centred column no wider than is comfortable to read."""
    content.setMaximumWidth(COLUMN_MAX)
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(content)
    area = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)  # type: ignore[call-arg]
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields and buttons take Tab
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(holder)
    return area


class ChoiceButton(QPushButton):
    """One technique in the chooser: its name, how long, one line about it, and what it
    did for this person before (filled in when known)."""

    def __init__(self, label: str, length: str, line: str, parent=None):
        super().__init__(parent)
        self.title = QLabel(label, textFormat=Qt.TextFormat.PlainText)
        self.title.setProperty("role", "choiceTitle")
        self.about = QLabel(f"{length} · {line}", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.about.setProperty("role", "subtle")
        self.helped = QLabel(wordWrap=True, visible=False, textFormat=Qt.TextFormat.PlainText)  # type: ignore[call-overload]
        self.helped.setProperty("role", "subtle")
        v = QVBoxLayout(self)
        v.setContentsMargins(14, 8, 14, 8)
        v.setSpacing(2)
        for w in (self.title, self.about, self.helped):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            v.addWidget(w)
        v.addStretch(1)  # the words stay together at the top
        self.setAccessibleName(label)
        self.setAccessibleDescription(self.about.text())
        self.setMinimumHeight(64)
        self.setSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred
        )  # a row shares a height

    def set_helped(self, text: str) -> None:
        self.helped.setText(text)
        self.helped.setVisible(bool(text))
        self.setAccessibleDescription(" ".join(filter(None, [self.about.text(), text])))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()


class ExerciseView(QWidget):
    saved = Signal(object)  # the saved GroundingSession
    kept = Signal(object)  # a GroundingSession finished while locked: keep after unlocking
    closed = Signal(object)  # a draft GroundingSession worth offering to save, or None
    support_requested = Signal()
    safety_plan_requested = Signal()  # "My safety plan…" on the next-step page
    in_progress = Signal(bool)  # an exercise or its rating page is on screen (no idle lock)

    def __init__(self, session: Session, clock: Clock | None = None, parent=None):
        super().__init__(parent, objectName="exerciseView")  # type: ignore[call-arg]
        self.session = session
        self.clock = clock or Clock()
        self.reduced_motion = False
        self.exercise: Exercise | None = None
        self.trigger_id: int | None = None
        self.started_at: datetime | None = None
        self.suds_before: int | None = None
        self.custom: list[CustomTechnique] = []
        self.choices: dict[tuple[str, str], ChoiceButton] = {}
        self._chooser_generation = 0
        self._last_suds: int | None = None
        # who to show on the next-step page: (contacts as dicts, crisis line)
        self.support_source: Callable[[], tuple[list[dict], CrisisLine | None]] = lambda: (
            [],
            None,
        )
        # whether there is a safety plan to show (open vault: always; locked: the card's part)
        self.plan_available: Callable[[], bool] = lambda: self.session.is_open

        self.heading = big(huge=True)
        self.support_button = QPushButton(self.tr("Support…"))
        self.support_button.setAccessibleName(self.tr("My support contacts"))
        self.support_button.clicked.connect(self.support_requested)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop the exercise"))
        self.stop_button.clicked.connect(self.stop)
        leave = QPushButton(self.tr("Leave (Esc)"))
        leave.setAccessibleName(self.tr("Leave the exercise"))
        leave.clicked.connect(self.leave)
        header = QHBoxLayout()
        header.addStretch(1)
        for b in (self.support_button, self.stop_button, leave):
            header.addWidget(b)

        self.pages = QStackedWidget()
        # choose
        self.choose_page = QWidget()
        choose_content = QWidget()
        self.choose_grid = QGridLayout(choose_content)
        self.choose_grid.setContentsMargins(0, 12, 0, 0)
        self.choose_grid.setSpacing(10)
        cv = QVBoxLayout(self.choose_page)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.addWidget(scrolled(choose_content), 1)
        # before
        self.before_page = QWidget()
        before_content = QWidget()
        bv = QVBoxLayout(before_content)
        bv.setContentsMargins(0, 0, 0, 0)
        self.intro = big()
        self.options_slot = QVBoxLayout()
        self.suds_now = SudsSlider(self.tr("Distress right now, 0 to 10"))
        self.begin_button = QPushButton(self.tr("Begin (Enter)"))
        self.begin_button.setProperty("role", "primary")
        self.begin_button.setAccessibleName(self.tr("Begin"))
        self.begin_button.clicked.connect(lambda: self.begin(rated=True))
        skip = QPushButton(self.tr("Begin without rating"))
        skip.setAccessibleName(self.tr("Begin without rating"))
        skip.clicked.connect(lambda: self.begin(rated=False))
        bv.addWidget(self.intro)
        bv.addLayout(self.options_slot)
        bv.addWidget(
            QLabel(
                self.tr("How strong is the distress right now?"), textFormat=Qt.TextFormat.PlainText
            )
        )
        bv.addWidget(self.suds_now)
        bv.addStretch(1)
        self._page(self.before_page, before_content, [skip, self.begin_button])
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.before_page, lambda: self.begin(rated=True))
            enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # run
        self.run_page = QWidget()
        self.run_layout = QVBoxLayout(self.run_page)
        self.run_layout.setContentsMargins(0, 0, 0, 0)
        # after
        self.after_page = QWidget()
        after_content = QWidget()
        av = QVBoxLayout(after_content)
        av.setContentsMargins(0, 0, 0, 0)
        self.after_text = big(self.tr("Well done."))
        self.suds_after = SudsSlider(self.tr("Distress now, 0 to 10"))
        self.notes = QPlainTextEdit(placeholderText=self.tr("Anything you noticed (optional)"))
        self.notes.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
        self.notes.setAccessibleName(self.tr("Notes"))
        lines_tall(self.notes, 2, minimum=True)
        lines_tall(self.notes, 4)
        self.locked_note = QLabel(
            self.tr(
                "Your journal is locked, so this stays only in this window's memory. "
                "After you unlock, you can keep it."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.locked_note.setProperty("role", "subtle")
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setProperty("role", "error")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName(self.tr("Save this session"))
        self.save_button.clicked.connect(self.save)
        self.carry_on_button = QPushButton(self.tr("Carry on"))
        self.carry_on_button.setAccessibleName(self.tr("Carry on with the exercise"))
        self.carry_on_button.clicked.connect(self.carry_on)
        discard = QPushButton(self.tr("Leave without saving"))
        discard.setAccessibleName(self.tr("Leave without saving"))
        discard.clicked.connect(lambda: self._close(None))
        av.addWidget(self.after_text)
        av.addWidget(
            QLabel(self.tr("And now, how strong is it?"), textFormat=Qt.TextFormat.PlainText)
        )
        av.addWidget(self.suds_after)
        av.addWidget(self.notes)
        av.addWidget(self.locked_note)
        av.addWidget(self.message)
        av.addStretch(1)
        self._page(
            self.after_page, after_content, [self.carry_on_button, discard, self.save_button]
        )
        # a gentle next step
        self.next_page = QWidget()
        next_content = QWidget()
        nv = QVBoxLayout(next_content)
        nv.setContentsMargins(0, 0, 0, 0)
        self.next_text = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.next_text.setProperty("role", "big")
        self.others_row = FlowLayout()  # wraps in a narrow window or a longer language
        self.people_heading = QLabel(
            self.tr("Or reach someone"), textFormat=Qt.TextFormat.PlainText
        )
        self.people_heading.setProperty("role", "subheading")
        self.people_heading.setIndent(0)
        self.people = SupportList()
        self.safety_note = QLabel(
            self.tr(
                "If you feel you might not be safe, your local emergency number is there "
                "for you too, any time."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.safety_note.setProperty("role", "subtle")
        try_heading = QLabel(self.tr("Try something else"), textFormat=Qt.TextFormat.PlainText)
        try_heading.setProperty("role", "subheading")
        try_heading.setIndent(0)
        nv.addWidget(self.next_text)
        nv.addWidget(try_heading)
        nv.addLayout(self.others_row)
        nv.addWidget(self.people_heading)
        nv.addWidget(self.people)
        self.plan_button = QPushButton(self.tr("My safety plan…"))
        self.plan_button.setAccessibleName(self.tr("My safety plan"))
        self.plan_button.clicked.connect(self.safety_plan_requested)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.plan_button)
        plan_row.addStretch(1)
        nv.addLayout(plan_row)
        nv.addWidget(self.safety_note)
        nv.addStretch(1)
        self.done_button = QPushButton(self.tr("Back to my journal"))
        self.done_button.setAccessibleName(self.tr("Back to my journal"))
        self.done_button.clicked.connect(lambda: self._close(None))
        self._page(self.next_page, next_content, [self.done_button])
        for page in (
            self.choose_page,
            self.before_page,
            self.run_page,
            self.after_page,
            self.next_page,
        ):
            self.pages.addWidget(page)
        self.pages.currentChanged.connect(self._on_page_changed)
        # Enter presses each page's main button (a multi-line note keeps its Enter)
        for page, button in (
            (self.after_page, self.save_button),
            (self.next_page, self.done_button),
        ):
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                enter = QShortcut(QKeySequence(key), page, button.click)
                enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.addLayout(header)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.leave)

    @staticmethod
    def _page(page: QWidget, content: QWidget, buttons: list[QPushButton]) -> None:
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(scrolled(content), 1)
        row = QHBoxLayout()
        row.addStretch(1)
        for b in buttons:
            row.addWidget(b)
        v.addLayout(row)

    def _on_page_changed(self, _index: int) -> None:
        self.in_progress.emit(self.pages.currentWidget() in (self.run_page, self.after_page))

    # --- starting ------------------------------------------------------------------
    def open_chooser(self, trigger_id: int | None, suds: int | None = None) -> None:
        self._reset(trigger_id)
        self._refresh_support_button()
        self.heading.setText(self.tr("What would help right now?"))
        while self.choose_grid.count():
            item = self.choose_grid.takeAt(0)
            if item is not None and (w := item.widget()) is not None:
                w.deleteLater()
        choices: list[tuple[str, str, CustomTechnique | None]]
        choices = [(technique_label(t), t, None) for t in BUILT_IN]
        choices += [(c.name, "custom", c) for c in self.custom]
        self.choices = {}
        for n, (label, technique, custom) in enumerate(choices):
            length = custom_length(custom) if custom is not None else marked(C, LENGTHS[technique])
            button = ChoiceButton(label, length, marked(C, INTROS[technique]))
            button.clicked.connect(
                lambda _=False, t=technique, c=custom: self.prepare(
                    t, trigger_id, custom=c, suds=suds
                )
            )
            self.choices[(technique, custom.name if custom else "")] = button
            self.choose_grid.addWidget(button, n // 2, n % 2)
        for row in range(self.choose_grid.rowCount()):
            self.choose_grid.setRowStretch(row, 0)
        self.choose_grid.setRowStretch((len(choices) + 1) // 2, 1)  # rows stay together
        self.pages.setCurrentWidget(self.choose_page)
        if self.choices:
            next(iter(self.choices.values())).setFocus()
        if self.session.is_open:
            self._chooser_generation += 1
            generation, db = self._chooser_generation, self.session.database()
            run_in_background(
                lambda: insights.what_helped(db),
                lambda effects: self.show_what_helped(generation, effects),
                lambda _exc: None,  # the chooser works without it
            )

    def show_what_helped(self, generation: int, effects: list[insights.TechniqueEffect]):
        if generation != self._chooser_generation:
            return
        for e in effects:
            button = self.choices.get(e.key)
            if button is None:
                continue
            if e.mean_drop > 0:
                text = (
                    self.tr("Before, it eased your distress by %1 on average (%2 times).")
                    if e.n > 1
                    else self.tr("Last time, it eased your distress by %1.")
                )
                drop = number_text(e.mean_drop, 1)  # "4.0", "4,0": the locale's decimal mark
                button.set_helped(text.replace("%1", drop).replace("%2", str(e.n)))
            else:
                button.set_helped(
                    self.tr("You have rated it %1 times.").replace("%1", str(e.n))
                    if e.n > 1
                    else self.tr("You have rated it once.")
                )

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
        self._refresh_support_button()
        ex = self._make(technique, custom)
        self.exercise = ex
        self.heading.setText(ex.title())
        self.intro.setText(marked(C, INTROS[technique]))
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
        if self.exercise is None or self.pages.currentWidget() is not self.before_page:
            return
        self.suds_before = self.suds_now.value() if rated else None
        self.started_at = datetime.now().astimezone()
        self.pages.setCurrentWidget(self.run_page)
        self.stop_button.show()
        self.exercise.start()

    def _refresh_support_button(self) -> None:
        contacts, line = self.support_source()
        self.support_button.setVisible(self.session.is_open or bool(contacts or line))

    # --- ending --------------------------------------------------------------------
    def on_exercise_finished(self) -> None:
        self.after_text.setText(self.tr("Well done. You stayed with it."))
        self._to_after()

    def stop(self) -> None:
        if self.exercise is not None and self.exercise.running:
            self.exercise.pause()
            self.after_text.setText(
                self.tr("That's fine. Every minute counts. You can carry on if you like.")
            )
            self._to_after()

    def carry_on(self) -> None:
        """After Stop: back to the exercise where it was, the clock running again."""
        ex = self.exercise
        if ex is None or ex.completed or self.pages.currentWidget() is not self.after_page:
            return
        self.pages.setCurrentWidget(self.run_page)
        self.stop_button.show()
        ex.resume()

    def _to_after(self) -> None:
        self.stop_button.hide()
        ex = self.exercise
        self.carry_on_button.setVisible(ex is not None and not ex.completed)
        locked = not self.session.is_open
        self.locked_note.setVisible(locked)
        self.save_button.setText(self.tr("Keep it") if locked else self.tr("Save"))
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
        """Save (or, while locked, keep in memory for after the unlock); then either back
        to the journal or, if the distress stayed high or rose, a gentle next step."""
        draft = self.draft(with_after=True)
        if draft is None:
            return None
        if self.session.is_open:
            try:
                result = self.session.grounding().add(draft)
            except KintsugiError as exc:
                self.message.setText(describe(exc))
                return None
            self.saved.emit(result)
        else:
            result = draft
            self.kept.emit(draft)
        if needs_more_support(draft.suds_before, draft.suds_after):
            self.show_next_step(draft)
        else:
            self._close(None)
        return result

    def show_next_step(self, done: GroundingSession) -> None:
        """Distress stayed high or rose: no alarm, just what else is there."""
        if self.exercise is not None:
            self.exercise.pause()
        self._last_suds = done.suds_after
        self.heading.setText(self.tr("Still hard right now"))
        self.next_text.setText(
            self.tr(
                "That's okay. Some moments take more than one try, and reaching out is a "
                "strong thing to do."
            )
        )
        while self.others_row.count():
            item = self.others_row.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        others = [t for t in BUILT_IN if t != done.technique][:3]
        trigger_id = self.trigger_id
        for t in others:
            b = QPushButton(technique_label(t))
            b.setAccessibleName(self.tr("Try %1").replace("%1", technique_label(t)))
            b.clicked.connect(
                lambda _=False, t=t: self.prepare(t, trigger_id, suds=self._last_suds)
            )
            self.others_row.addWidget(b)
        more = QPushButton(self.tr("All exercises…"))
        more.setAccessibleName(self.tr("All exercises"))
        more.clicked.connect(lambda: self.open_chooser(trigger_id, self._last_suds))
        self.others_row.addWidget(more)
        contacts, line = self.support_source()
        self.people.set_people(contacts, line)
        self.plan_button.setVisible(self.plan_available())
        self.done_button.setText(
            self.tr("Back to my journal") if self.session.is_open else self.tr("Back")
        )
        self.done_button.setAccessibleName(self.done_button.text())
        self.stop_button.hide()
        self.pages.setCurrentWidget(self.next_page)
        self.done_button.setFocus()

    def leave(self) -> None:
        """Esc: out at once. What was done is offered for saving, never lost silently."""
        on_after = self.pages.currentWidget() is self.after_page
        draft = self.draft(with_after=on_after)
        if draft is not None and draft.duration_s < 5 and not on_after:
            draft = None  # a few seconds in: nothing worth offering
        if self.pages.currentWidget() is self.next_page:
            draft = None  # already saved or kept
        self._close(draft)

    def take_unfinished(self) -> GroundingSession | None:
        """What is on screen, for keeping in memory when the session locks under it."""
        if self.pages.currentWidget() not in (self.run_page, self.after_page):
            return None
        on_after = self.pages.currentWidget() is self.after_page
        draft = self.draft(with_after=on_after)
        if draft is not None and draft.duration_s < 5 and not on_after:
            return None
        return draft

    def _close(self, draft: GroundingSession | None) -> None:
        if self.exercise is not None:
            self.exercise.pause()
        self._reset(None)  # first: the workspace comes back at its own size
        self.closed.emit(draft)

    def clear(self) -> None:
        """The vault is locked: no exercise, no notes, back to the choice of exercises."""
        self._reset(None)

    def _reset(self, trigger_id: int | None) -> None:
        if self.exercise is not None:
            ex, self.exercise = self.exercise, None
            ex.hide()
            self.run_layout.removeWidget(ex)
            ex.setParent(None)  # out of the layout now: its size never grows the window
            ex.deleteLater()
        while self.options_slot.count():
            item = self.options_slot.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.setParent(None)
        self.trigger_id = trigger_id
        self.started_at = None
        self.suds_before = None
        self.notes.clear()
        self.message.clear()
        self.stop_button.hide()
        if self.pages.currentWidget() is not self.choose_page:
            self.pages.setCurrentWidget(self.choose_page)

"""The exercises themselves. Each reads time from an injectable clock, so a test can run an
exercise to its end without waiting; a Qt timer only asks them to look at the clock again,
and runs only while they are on screen."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.exercises import (
    BOX,
    LENGTHS_MIN,
    PACED_PRESETS,
    SENSES,
    BreathingPattern,
    CustomTechnique,
    TimedStep,
    breath_at,
    pmr_steps,
    timed_step_at,
)
from kintsugi.core.i18n import arg, marked
from kintsugi.ui.grounding.pacer import BreathingPacer
from kintsugi.ui.widgets.reflow import lines_tall


class Clock:
    def now(self) -> float:
        return time.monotonic()


def big(text: str = "", huge: bool = False) -> QLabel:
    """Large, centred type (sized by the style sheet: roles "big" and "huge")."""
    label = QLabel(
        text,
        alignment=Qt.AlignmentFlag.AlignCenter,
        wordWrap=True,
        textFormat=Qt.TextFormat.PlainText,
    )
    label.setProperty("role", "huge" if huge else "big")
    return label


class Exercise(QWidget):
    """Base: timing, pause, and the answers to save."""

    finished = Signal()
    technique = ""
    TICK_MS = 200

    def __init__(self, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self.clock = clock
        self.completed = False
        self._started: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._timer = QTimer(self, interval=self.TICK_MS)
        self._timer.timeout.connect(self.tick)

    def title(self) -> str:
        return ""

    def options(self) -> QWidget | None:
        """Choices shown before starting (pattern, length…), or None."""
        return None

    def start(self) -> None:
        self._started = self.clock.now()
        if self.isVisible():
            self._timer.start()
        self.tick()

    @property
    def running(self) -> bool:
        return self._started is not None and not self.completed

    def elapsed(self) -> float:
        if self._started is None:
            return 0.0
        end = self._paused_at if self._paused_at is not None else self.clock.now()
        return max(0.0, end - self._started - self._paused_total)

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = self.clock.now()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self.clock.now() - self._paused_at
            self._paused_at = None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def finish(self) -> None:
        if not self.completed:
            self.pause()  # the duration is the exercise's, not the time on the next page
            self.completed = True
            self._timer.stop()
            self.finished.emit()

    def tick(self) -> None:
        pass

    def steps(self) -> list[dict]:
        return []

    def showEvent(self, event) -> None:
        if self.running:
            self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self._timer.stop()  # no CPU while nobody is looking
        super().hideEvent(event)


class BreathingExercise(Exercise):
    TICK_MS = 16  # ~60 frames a second for the pacer

    def __init__(self, clock: Clock, paced: bool, reduced_motion: bool = False, parent=None):
        super().__init__(clock, parent)
        self.technique = "paced_breathing" if paced else "box_breathing"
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # even frames for the pacer
        self.pacer = BreathingPacer()
        self.pacer.reduced_motion = reduced_motion
        self.info = QLabel(
            alignment=Qt.AlignmentFlag.AlignCenter, textFormat=Qt.TextFormat.PlainText
        )
        self.info.setProperty("role", "subtle")
        layout = QVBoxLayout(self)
        layout.addWidget(self.pacer, 1)
        layout.addWidget(self.info)
        self._options = QWidget()
        form = QFormLayout(self._options)
        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Breathing pattern"))
        if paced:
            for name, pattern in PACED_PRESETS.items():
                self.preset.addItem(marked("exercise", name), pattern)
            self.preset.addItem(self.tr("My own"), None)
        else:
            self.preset.addItem("4-4-4-4", BOX)
        self.custom = [
            QDoubleSpinBox(minimum=0, maximum=20, value=v, decimals=0, suffix=self.tr(" s"))
            for v in (4, 2, 6, 0)
        ]
        custom_row = QHBoxLayout()
        names = (self.tr("In"), self.tr("Hold"), self.tr("Out"), self.tr("Rest"))
        for spin, name in zip(self.custom, names, strict=True):
            spin.setAccessibleName(name)
            spin.setEnabled(False)
            custom_row.addWidget(QLabel(name, textFormat=Qt.TextFormat.PlainText))
            custom_row.addWidget(spin)

        def enable_custom() -> None:
            for s in self.custom:
                s.setEnabled(self.preset.currentData() is None)

        self.preset.currentIndexChanged.connect(enable_custom)
        self.length = QComboBox()
        self.length.setAccessibleName(self.tr("How long"))
        for minutes in LENGTHS_MIN:
            self.length.addItem(self.tr("%1 minutes").replace("%1", str(minutes)), minutes)
        form.addRow(self.tr("Pattern"), self.preset)
        if paced:
            form.addRow(self.tr("My own"), custom_row)
        form.addRow(self.tr("Length"), self.length)

    def title(self) -> str:
        return (
            self.tr("Paced breathing")
            if self.technique == "paced_breathing"
            else self.tr("Box breathing")
        )

    def options(self) -> QWidget:
        return self._options

    def pattern(self) -> BreathingPattern:
        chosen = self.preset.currentData()
        if chosen is not None:
            return chosen
        inhale, hold_in, exhale, hold_out = (s.value() for s in self.custom)
        return BreathingPattern(max(1, inhale), hold_in, max(1, exhale), hold_out)

    def tick(self) -> None:
        if self._started is None or self.completed:
            return
        state = breath_at(self.pattern(), self.elapsed(), self.length.currentData() * 60)
        self.pacer.set_state(state)
        minutes, seconds = divmod(int(self.elapsed()), 60)
        self.info.setText(
            self.tr("Breath %1 · %2")
            .replace("%1", str(state.cycles_done + 1))
            .replace("%2", f"{minutes}:{seconds:02d}")
        )
        if state.finished:
            self.finish()

    def steps(self) -> list[dict]:
        pattern = self.pattern()
        done = breath_at(pattern, self.elapsed(), self.length.currentData() * 60).cycles_done
        return [
            {"pattern": pattern.label(), "length_min": self.length.currentData(), "cycles": done}
        ]


class SensesExercise(Exercise):
    technique = "senses_54321"

    def __init__(self, clock: Clock, parent=None):
        super().__init__(clock, parent)
        self.pages = QStackedWidget()
        self.fields: list[list[QLineEdit]] = []
        for index, (_sense, count, prompt, field_name) in enumerate(SENSES):
            page = QWidget()
            v = QVBoxLayout(page)
            v.addWidget(big(marked("exercise", prompt)))
            fields = []
            for n in range(count):
                field = QLineEdit()
                field.setAccessibleName(arg(marked("exercise", field_name), n + 1))
                field.returnPressed.connect(self.focusNextChild)
                fields.append(field)
                v.addWidget(field)
            nxt = QPushButton(self.tr("Next") if index < len(SENSES) - 1 else self.tr("Done"))
            nxt.setAccessibleName(nxt.text())
            nxt.clicked.connect(self.next_page)
            fields[-1].returnPressed.disconnect()
            fields[-1].returnPressed.connect(self.next_page)
            v.addWidget(nxt, 0, Qt.AlignmentFlag.AlignRight)
            v.addStretch(1)
            self.fields.append(fields)
            self.pages.addWidget(page)
        QVBoxLayout(self).addWidget(self.pages)

    def title(self) -> str:
        return self.tr("5-4-3-2-1 senses")

    def start(self) -> None:
        super().start()
        self.fields[0][0].setFocus()

    def next_page(self) -> None:
        i = self.pages.currentIndex()
        if i + 1 < self.pages.count():
            self.pages.setCurrentIndex(i + 1)
            self.fields[i + 1][0].setFocus()
        else:
            self.finish()

    def steps(self) -> list[dict]:
        return [
            {"sense": sense, "items": [f.text().strip() for f in fields if f.text().strip()]}
            for (sense, *_), fields in zip(SENSES, self.fields, strict=True)
        ]


class TimedStepsExercise(Exercise):
    """Muscle relaxation, and your own techniques: steps that run on the clock (or wait)."""

    def __init__(
        self, clock: Clock, technique: str, steps: list[TimedStep], name: str = "", parent=None
    ):
        super().__init__(clock, parent)
        self.technique = technique
        self.name = name
        self.step_list = steps
        self.index = 0
        self._step_started = 0.0  # active seconds when the current step began
        self.text = big()
        self.progress = QProgressBar(maximum=len(steps), textVisible=False)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.countdown = QLabel(
            alignment=Qt.AlignmentFlag.AlignCenter, textFormat=Qt.TextFormat.PlainText
        )
        self.countdown.setProperty("role", "subtle")
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setAccessibleName(self.tr("Pause or resume"))
        self.pause_button.clicked.connect(self.on_pause_clicked)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.next_button.clicked.connect(self.next_step)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.pause_button)
        row.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addWidget(self.countdown)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addLayout(row)

    def title(self) -> str:
        return self.name or self.tr("Muscle relaxation")

    def on_pause_clicked(self) -> None:
        if self.paused:
            self.resume()
        else:
            self.pause()
        self.pause_button.setText(self.tr("Resume") if self.paused else self.tr("Pause"))

    def next_step(self) -> None:
        self.index += 1
        self._step_started = self.elapsed()
        if self.index >= len(self.step_list):
            self.progress.setValue(len(self.step_list))
            self.finish()
        else:
            self.tick()

    def tick(self) -> None:
        if self._started is None or self.completed:
            return
        step = self.step_list[self.index]
        if step.seconds is not None:
            state = timed_step_at([step], self.elapsed() - self._step_started)
            if state.finished:
                self.next_step()
                return
            self.countdown.setText(f"{int(state.seconds_left) + 1}")
        else:
            self.countdown.setText(self.tr("Take your time, then Next."))
        self.text.setText(step.text)
        self.progress.setValue(self.index)
        self.next_button.setVisible(step.seconds is None)

    def steps(self) -> list[dict]:
        data: dict[str, object] = {
            "steps_done": min(self.index, len(self.step_list)),
            "of": len(self.step_list),
        }
        if self.name:
            data = {"name": self.name, **data}
        return [data]


def muscle_relaxation(clock: Clock) -> TimedStepsExercise:
    return TimedStepsExercise(clock, "muscle_relaxation", pmr_steps())


def custom_exercise(clock: Clock, technique: CustomTechnique) -> TimedStepsExercise:
    return TimedStepsExercise(clock, "custom", technique.steps, technique.name)


class ThoughtRecordExercise(Exercise):
    """A thought record one step at a time: a question or two per page, progress shown,
    Back and Next (Ctrl+Enter), Done on the last page. Each page scrolls if it must."""

    technique = "thought_record"

    def __init__(self, clock: Clock, parent=None):
        super().__init__(clock, parent)
        self.situation = QPlainTextEdit(placeholderText=self.tr("Where, when, what happened"))
        self.situation.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
        self.situation.setAccessibleName(self.tr("Situation"))
        self.emotions = [
            (QLineEdit(placeholderText=self.tr("Emotion")), QSpinBox(maximum=100, suffix=" %"))
            for _ in range(3)
        ]
        self.thoughts = [
            QLineEdit(placeholderText=self.tr("A thought that went through my mind"))
            for _ in range(3)
        ]
        self.hot = [QRadioButton(self.tr("the one that hurt most")) for _ in range(3)]
        self.evidence_for = QPlainTextEdit(placeholderText=self.tr("Facts that support it"))
        self.evidence_for.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
        self.evidence_for.setAccessibleName(self.tr("Evidence for"))
        self.evidence_against = QPlainTextEdit(placeholderText=self.tr("Facts that don't fit it"))
        self.evidence_against.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
        self.evidence_against.setAccessibleName(self.tr("Evidence against"))
        self.balanced = QPlainTextEdit(placeholderText=self.tr("A more balanced thought"))
        self.balanced.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
        self.balanced.setAccessibleName(self.tr("Balanced thought"))
        self.belief = QSpinBox(maximum=100, suffix=" %")
        self.belief.setAccessibleName(self.tr("How much I believe the balanced thought"))
        self.rerated = [QSpinBox(maximum=100, suffix=" %") for _ in range(3)]
        self.rerated_names = [QLabel(textFormat=Qt.TextFormat.PlainText) for _ in range(3)]
        self._rerated_touched = [False] * 3
        for n, spin in enumerate(self.rerated):
            spin.valueChanged.connect(lambda _v, n=n: self._mark_rerated(n))
        for _, level in self.emotions:
            level.setFixedWidth(130)
        for spin in (*self.rerated, self.belief):
            spin.setFixedWidth(130)
        for edit in (self.situation, self.evidence_for, self.evidence_against, self.balanced):
            lines_tall(edit, 3, minimum=True)
            edit.setTabChangesFocus(True)

        emotions = QFormLayout()
        for n, (name, level) in enumerate(self.emotions):
            name.setAccessibleName(self.tr("Emotion %1").replace("%1", str(n + 1)))
            level.setAccessibleName(self.tr("Emotion %1 strength").replace("%1", str(n + 1)))
            row = QHBoxLayout()
            row.addWidget(name, 1)
            row.addWidget(level)
            emotions.addRow(self.tr("%1.").replace("%1", str(n + 1)), row)
        thoughts = QFormLayout()
        for n, (thought, hot) in enumerate(zip(self.thoughts, self.hot, strict=True)):
            thought.setAccessibleName(self.tr("Thought %1").replace("%1", str(n + 1)))
            hot.setAccessibleName(
                self.tr("Thought %1 is the one that hurt most").replace("%1", str(n + 1))
            )
            row = QHBoxLayout()
            row.addWidget(thought, 1)
            row.addWidget(hot)
            thoughts.addRow(self.tr("%1.").replace("%1", str(n + 1)), row)
        belief = QFormLayout()
        belief.addRow(self.tr("How much do I believe it?"), self.belief)
        rerate = QFormLayout()
        for n, (spin, label) in enumerate(zip(self.rerated, self.rerated_names, strict=True)):
            spin.setAccessibleName(self.tr("Emotion %1 now").replace("%1", str(n + 1)))
            rerate.addRow(label, spin)
        self.rerate_empty = QLabel(
            self.tr("No emotions named earlier: that's fine. You can go back, or finish here."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.rerate_empty.setProperty("role", "subtle")

        # (question, a hint, the widgets or layouts that answer it)
        self.questions: list[tuple[str, str, list[QWidget | QLayout]]] = [
            (
                self.tr("What happened?"),
                self.tr("Just the facts: where you were, when, what you saw or heard."),
                [self.situation],
            ),
            (
                self.tr("What did you feel?"),
                self.tr("Name up to three emotions, and how strong each was (0–100 %)."),
                [emotions],
            ),
            (
                self.tr("What went through your mind?"),
                self.tr("Write the thoughts as they came. Mark the one that hurt most."),
                [thoughts],
            ),
            (
                self.tr("What supports the thought that hurt most?"),
                self.tr("Facts only, the way a kind friend would list them."),
                [self.evidence_for],
            ),
            (
                self.tr("What doesn't fit it?"),
                self.tr("Anything that points the other way, however small."),
                [self.evidence_against],
            ),
            (
                self.tr("A more balanced thought"),
                self.tr("Something that holds both sides. It doesn't have to be positive."),
                [self.balanced, belief],
            ),
            (
                self.tr("How strong are the feelings now?"),
                self.tr("Rate them again. Any change counts, and so does none."),
                [rerate, self.rerate_empty],
            ),
        ]
        self.pages = QStackedWidget()
        for question, hint, parts in self.questions:
            content = QWidget()
            v = QVBoxLayout(content)
            v.setContentsMargins(0, 0, 0, 0)
            v.addWidget(big(question))
            note = QLabel(
                hint,
                wordWrap=True,
                alignment=Qt.AlignmentFlag.AlignCenter,
                textFormat=Qt.TextFormat.PlainText,
            )
            note.setProperty("role", "subtle")
            v.addWidget(note)
            for part in parts:
                if isinstance(part, QWidget):
                    v.addWidget(part)
                else:
                    v.addLayout(part)
            v.addStretch(1)
            content.setMaximumWidth(860)  # a comfortable column on a wide screen
            holder = QWidget()
            centred = QHBoxLayout(holder)
            centred.setContentsMargins(0, 0, 0, 0)
            centred.addWidget(content)
            area = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)  # type: ignore[call-arg]
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields and buttons take Tab
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            area.setWidget(holder)
            self.pages.addWidget(area)
        self.step_label = QLabel(
            alignment=Qt.AlignmentFlag.AlignCenter, textFormat=Qt.TextFormat.PlainText
        )
        self.step_label.setProperty("role", "subtle")
        self.progress = QProgressBar(maximum=len(self.questions), textVisible=False)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setMaximumHeight(8)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Previous question"))
        self.back_button.clicked.connect(self.previous_page)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setProperty("role", "primary")
        self.next_button.setAccessibleName(self.tr("Next question"))
        self.next_button.clicked.connect(self.next_page)
        self.done_button = self.next_button  # on the last page, Next says Done
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.next_page).setContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.step_label)
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.pages, 1)
        layout.addLayout(row)
        self.go_to(0)

    def go_to(self, index: int) -> None:
        index = max(0, min(index, self.pages.count() - 1))
        self.pages.setCurrentIndex(index)
        last = index == self.pages.count() - 1
        self.step_label.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(index + 1))
            .replace("%2", str(self.pages.count()))
        )
        self.progress.setValue(index + 1)
        self.back_button.setEnabled(index > 0)
        self.next_button.setText(self.tr("Done") if last else self.tr("Next"))
        self.next_button.setAccessibleName(self.tr("Done") if last else self.tr("Next question"))
        if last:
            named = [n.text().strip() for n, _ in self.emotions]
            for n, (text, spin, label) in enumerate(
                zip(named, self.rerated, self.rerated_names, strict=True)
            ):
                if not self._rerated_touched[n]:  # start from how strong it was
                    spin.blockSignals(True)
                    spin.setValue(self.emotions[n][1].value())
                    spin.blockSignals(False)
                label.setText(text)
                label.setVisible(bool(text))
                spin.setVisible(bool(text))
            self.rerate_empty.setVisible(not any(named))
        first = self.questions[index][2][0]
        target = first if isinstance(first, QWidget) else None
        if index in (1, 2):
            target = self.emotions[0][0] if index == 1 else self.thoughts[0]
        if target is not None and target.isVisible():
            target.setFocus()
        elif target is not None:
            QTimer.singleShot(0, target.setFocus)

    def _mark_rerated(self, n: int) -> None:
        self._rerated_touched[n] = True

    def next_page(self) -> None:
        if self.pages.currentIndex() == self.pages.count() - 1:
            self.finish()
        else:
            self.go_to(self.pages.currentIndex() + 1)

    def previous_page(self) -> None:
        self.go_to(self.pages.currentIndex() - 1)

    def start(self) -> None:
        super().start()
        self.go_to(0)

    def title(self) -> str:
        return self.tr("Thought record")

    def steps(self) -> list[dict]:
        emotions = [
            {"name": n.text().strip(), "intensity": s.value()}
            for n, s in self.emotions
            if n.text().strip()
        ]
        after = [
            {"name": n.text().strip(), "intensity": r.value()}
            for (n, _), r in zip(self.emotions, self.rerated, strict=True)
            if n.text().strip()
        ]
        thoughts = [t.text().strip() for t in self.thoughts if t.text().strip()]
        hot = next(
            (
                t.text().strip()
                for t, h in zip(self.thoughts, self.hot, strict=True)
                if h.isChecked()
            ),
            "",
        )
        return [
            {
                "situation": self.situation.toPlainText(),
                "emotions": emotions,
                "thoughts": thoughts,
                "hot_thought": hot,
                "evidence_for": self.evidence_for.toPlainText(),
                "evidence_against": self.evidence_against.toPlainText(),
                "balanced_thought": self.balanced.toPlainText(),
                "belief": self.belief.value(),
                "emotions_after": after,
            }
        ]

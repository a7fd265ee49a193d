"""Grounding exercises as plain data and pure functions of elapsed time (no Qt, no clock).

The UI asks "where are we at t seconds?" and draws it; tests ask the same with any t.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from kintsugi.core.i18n import QT_TRANSLATE_NOOP, marked


# --- breathing -------------------------------------------------------------------
@dataclass(frozen=True)
class BreathingPattern:
    inhale: float
    hold_in: float
    exhale: float
    hold_out: float

    @property
    def cycle(self) -> float:
        return self.inhale + self.hold_in + self.exhale + self.hold_out

    def label(self) -> str:
        parts = [self.inhale, self.hold_in, self.exhale, self.hold_out]
        return "-".join(f"{p:g}" for p in parts)


BOX = BreathingPattern(4, 4, 4, 4)
PACED_478 = BreathingPattern(4, 7, 8, 0)
PACED_PRESETS = {
    "4-7-8": PACED_478,
    QT_TRANSLATE_NOOP("exercise", "5-5 coherent"): BreathingPattern(5, 0, 5, 0),
    QT_TRANSLATE_NOOP("exercise", "4-2-6 longer out-breath"): BreathingPattern(4, 2, 6, 0),
}
LENGTHS_MIN = (2, 5, 10)


@dataclass(frozen=True)
class BreathState:
    phase: str  # "in", "hold_in", "out", "hold_out", "done"
    seconds_left: int  # whole seconds left in this phase, for "Breathe in… 3"
    fill: float  # 0 (empty lungs) … 1 (full): the pacer's size
    cycles_done: int
    finished: bool


def _ease(x: float) -> float:
    """Smooth start and end (the pacer should not jerk)."""
    x = min(max(x, 0.0), 1.0)
    return x * x * (3 - 2 * x)


def breath_at(pattern: BreathingPattern, elapsed: float, length_s: float) -> BreathState:
    """The breath at ``elapsed`` seconds. The session ends softly: the cycle running when
    ``length_s`` is reached is finished, never cut."""
    cycles_wanted = max(1, round(length_s / pattern.cycle))
    if elapsed >= cycles_wanted * pattern.cycle:
        return BreathState("done", 0, 0.0, cycles_wanted, True)
    cycles_done, t = divmod(max(elapsed, 0.0), pattern.cycle)
    for phase, length in (
        ("in", pattern.inhale),
        ("hold_in", pattern.hold_in),
        ("out", pattern.exhale),
        ("hold_out", pattern.hold_out),
    ):
        if length and t < length:
            left = math.ceil(length - t)
            fill = {
                "in": _ease(t / length),
                "hold_in": 1.0,
                "out": 1.0 - _ease(t / length),
                "hold_out": 0.0,
            }[phase]
            return BreathState(phase, max(1, left), fill, int(cycles_done), False)
        t -= length
    return BreathState("hold_out", 1, 0.0, int(cycles_done), False)  # float edge


# --- 5-4-3-2-1 ----------------------------------------------------------------------
# (sense, how many, what the page asks, one field's name with %1 for its number)
SENSES = (
    (
        "see",
        5,
        QT_TRANSLATE_NOOP("exercise", "Name 5 things you can see"),
        QT_TRANSLATE_NOOP("exercise", "Something you can see, %1 of 5"),
    ),
    (
        "touch",
        4,
        QT_TRANSLATE_NOOP("exercise", "Name 4 things you can touch"),
        QT_TRANSLATE_NOOP("exercise", "Something you can touch, %1 of 4"),
    ),
    (
        "hear",
        3,
        QT_TRANSLATE_NOOP("exercise", "Name 3 things you can hear"),
        QT_TRANSLATE_NOOP("exercise", "Something you can hear, %1 of 3"),
    ),
    (
        "smell",
        2,
        QT_TRANSLATE_NOOP("exercise", "Name 2 things you can smell"),
        QT_TRANSLATE_NOOP("exercise", "Something you can smell, %1 of 2"),
    ),
    (
        "taste",
        1,
        QT_TRANSLATE_NOOP("exercise", "Name 1 thing you can taste"),
        QT_TRANSLATE_NOOP("exercise", "Something you can taste"),
    ),
)


# --- progressive muscle relaxation ----------------------------------------------------
@dataclass(frozen=True)
class TimedStep:
    text: str
    seconds: float | None  # None: untimed, the person moves on when ready


# Each step a whole sentence, so a translation can say it as its language does.
PMR_GROUPS = (
    (
        QT_TRANSLATE_NOOP("exercise", "Tense your hands and forearms… hold it"),
        QT_TRANSLATE_NOOP("exercise", "Release your hands and forearms. Notice the difference."),
    ),
    (
        QT_TRANSLATE_NOOP("exercise", "Tense your upper arms… hold it"),
        QT_TRANSLATE_NOOP("exercise", "Release your upper arms. Notice the difference."),
    ),
    (
        QT_TRANSLATE_NOOP("exercise", "Tense your shoulders… hold it"),
        QT_TRANSLATE_NOOP("exercise", "Release your shoulders. Notice the difference."),
    ),
    (
        QT_TRANSLATE_NOOP("exercise", "Tense your forehead… hold it"),
        QT_TRANSLATE_NOOP("exercise", "Release your forehead. Notice the difference."),
    ),
    (
        QT_TRANSLATE_NOOP("exercise", "Tense your eyes and cheeks… hold it"),
        QT_TRANSLATE_NOOP("exercise", "Release your eyes and cheeks. Notice the difference."),
    ),
    (
        QT_TRANSLATE_NOOP("exercise", "Tense your mouth and jaw… hold it"),
        QT_TRANSLATE_NOOP("exercise", "Release your mouth and jaw. Notice the difference."),
    ),
    (
        QT_TRANSLATE_NOOP("exercise", "Tense your neck… hold it"),
        QT_TRANSLATE_NOOP("exercise", "Release your neck. Notice the difference."),
    ),
    (
        QT_TRANSLATE_NOOP("exercise", "Tense your chest… hold it"),
        QT_TRANSLATE_NOOP("exercise", "Release your chest. Notice the difference."),
    ),
    (
        QT_TRANSLATE_NOOP("exercise", "Tense your stomach… hold it"),
        QT_TRANSLATE_NOOP("exercise", "Release your stomach. Notice the difference."),
    ),
    (
        QT_TRANSLATE_NOOP("exercise", "Tense your thighs… hold it"),
        QT_TRANSLATE_NOOP("exercise", "Release your thighs. Notice the difference."),
    ),
    (
        QT_TRANSLATE_NOOP("exercise", "Tense your calves… hold it"),
        QT_TRANSLATE_NOOP("exercise", "Release your calves. Notice the difference."),
    ),
    (
        QT_TRANSLATE_NOOP("exercise", "Tense your feet… hold it"),
        QT_TRANSLATE_NOOP("exercise", "Release your feet. Notice the difference."),
    ),
)
PMR_TENSE_S, PMR_RELEASE_S = 5.0, 10.0


def pmr_steps() -> list[TimedStep]:
    steps = []
    for tense, release in PMR_GROUPS:
        steps.append(TimedStep(marked("exercise", tense), PMR_TENSE_S))
        steps.append(TimedStep(marked("exercise", release), PMR_RELEASE_S))
    return steps


@dataclass(frozen=True)
class StepState:
    index: int  # current step (len(steps) when finished)
    seconds_left: float
    finished: bool


def timed_step_at(steps: list[TimedStep], elapsed: float) -> StepState:
    """Where a run of timed steps is after ``elapsed`` active (unpaused) seconds."""
    t = elapsed
    for i, step in enumerate(steps):
        if step.seconds is None:
            raise ValueError("untimed steps are advanced by the person, not the clock")
        if t < step.seconds:
            return StepState(i, step.seconds - t, False)
        t -= step.seconds
    return StepState(len(steps), 0.0, True)


# --- your own techniques ---------------------------------------------------------------
@dataclass
class CustomTechnique:
    name: str
    steps: list[TimedStep] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "steps": [{"text": s.text, "seconds": s.seconds} for s in self.steps],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CustomTechnique:
        return cls(
            str(data.get("name", "")),
            [TimedStep(str(s.get("text", "")), s.get("seconds")) for s in data.get("steps", [])],
        )


# --- SUDS words -------------------------------------------------------------------------
SUDS_WORDS = (
    QT_TRANSLATE_NOOP("distress", "Calm"),
    QT_TRANSLATE_NOOP("distress", "Barely upset"),
    QT_TRANSLATE_NOOP("distress", "A little upset"),
    QT_TRANSLATE_NOOP("distress", "Mildly upset"),
    QT_TRANSLATE_NOOP("distress", "Upset"),
    QT_TRANSLATE_NOOP("distress", "Moderately upset"),
    QT_TRANSLATE_NOOP("distress", "Quite upset"),
    QT_TRANSLATE_NOOP("distress", "Very upset"),
    QT_TRANSLATE_NOOP("distress", "Intensely upset"),
    QT_TRANSLATE_NOOP("distress", "Extremely upset"),
    QT_TRANSLATE_NOOP("distress", "Worst imaginable"),
)


def suds_word(value: int) -> str:
    """A distress rating (0–10) in words, in the person's language."""
    return marked("distress", SUDS_WORDS[value])


# --- after an exercise ------------------------------------------------------------------
HIGH_SUDS = 7


def needs_more_support(before: int | None, after: int | None) -> bool:
    """Distress rose, or stayed high (7 or more, eased by less than 2): offer a next step."""
    if after is None:
        return False
    if before is not None and after > before:
        return True
    return after >= HIGH_SUDS and (before is None or before - after < 2)

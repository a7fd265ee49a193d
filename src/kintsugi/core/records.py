"""The records a person keeps: plain dataclasses in, plain dataclasses out.

Every record has an id (None until saved), a stable ``uid`` (for export and
import), when it happened, tags, a share mark and a private note that no
export ever includes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from kintsugi.core.timeutil import now

CUE_CATEGORIES = (
    "reminder",
    "partner_behaviour",
    "place",
    "date_anniversary",
    "media",
    "intrusive_memory",
    "other",
)
TECHNIQUES = (
    "box_breathing",
    "paced_breathing",
    "senses_54321",
    "muscle_relaxation",
    "thought_record",
    "custom",
)
BOUNDARY_STATUSES = ("active", "revised", "retired")
#: What a boundary is about: most are general; a transparency agreement (what each tells
#: the other, and when) or one about phones and accounts gets its own label and filter.
BOUNDARY_CATEGORIES = ("general", "transparency", "technology")
#: The rituals kept together; "own" is one the couple named themselves.
RITUAL_KINDS = ("date_night", "walk", "weekly_talk", "meal", "own")


def _uid() -> str:
    return uuid.uuid4().hex


@dataclass(kw_only=True)
class Record:
    KIND: ClassVar[str] = ""

    id: int | None = None
    uid: str = field(default_factory=_uid)
    occurred_at: datetime = field(default_factory=now)
    tags: list[str] = field(default_factory=list)
    shared: bool = False
    private_note: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None


@dataclass(kw_only=True)
class Entry(Record):
    KIND: ClassVar[str] = "entry"
    title: str = ""
    body: str = ""
    mood: int | None = None  # -3 … +3
    starred: bool = False  # marked (jrnl's and Day One's star), shown and searchable


@dataclass
class Emotion:
    name: str
    intensity: int = 50  # 0 … 100


@dataclass(kw_only=True)
class Trigger(Record):
    KIND: ClassVar[str] = "trigger"
    cue: str = "other"
    situation: str = ""
    suds_peak: int = 0  # 0 … 10
    emotions: list[Emotion] = field(default_factory=list)
    hot_thought: str = ""
    belief: int | None = None  # 0 … 100 %
    body_sensations: list[str] = field(default_factory=list)
    urge: int | None = None  # 0 … 5
    acted_on: bool | None = None
    action: str = ""  # what I did
    suds_after: int | None = None


@dataclass(kw_only=True)
class GroundingSession(Record):
    """``occurred_at`` is when the exercise started."""

    KIND: ClassVar[str] = "grounding"
    technique: str = "box_breathing"
    duration_s: float = 0.0
    completed: bool = False
    suds_before: int | None = None
    suds_after: int | None = None
    steps: list[dict[str, Any]] = field(default_factory=list)  # the answers of each step
    notes: str = ""
    trigger_id: int | None = None


@dataclass(kw_only=True)
class CheckIn(Record):
    KIND: ClassVar[str] = "checkin"
    safety: int | None = None  # each 0 … 10
    trust: int | None = None
    connection: int | None = None
    communication: int | None = None
    gratitude: str = ""
    needs: str = ""
    notes: str = ""


@dataclass
class BoundaryRevision:
    text: str
    status: str
    revisit_by: date | None
    changed_at: datetime


@dataclass(kw_only=True)
class Boundary(Record):
    KIND: ClassVar[str] = "boundary"
    text: str = ""
    agreed_on: date | None = None
    revisit_by: date | None = None
    status: str = "active"
    history: list[BoundaryRevision] = field(default_factory=list)  # earlier wordings
    category: str = "general"  # one of BOUNDARY_CATEGORIES


@dataclass
class GoalMilestone:
    """A step on the way to a goal; ``reached_on`` once it is reached, ``celebrated`` once
    that was noticed (a quiet line, once)."""

    text: str
    reached_on: date | None = None
    celebrated: bool = False


@dataclass
class GoalProgress:
    day: date
    amount: float
    note: str = ""


@dataclass(kw_only=True)
class Goal(Record):
    KIND: ClassVar[str] = "goal"
    text: str = ""
    target_amount: float | None = None
    target_unit: str = ""
    due: date | None = None
    progress: list[GoalProgress] = field(default_factory=list)
    done: bool = False
    celebrated: bool = False  # the success was acknowledged (once)
    together: bool = False  # a goal the two keep together
    milestones: list[GoalMilestone] = field(default_factory=list)

    @property
    def achieved(self) -> float:
        return sum(p.amount for p in self.progress)

    @property
    def reached(self) -> bool:
        return self.done or (self.target_amount is not None and self.achieved >= self.target_amount)


#: A safety plan's parts (Stanley–Brown), in the order a person goes through them.
SAFETY_PLAN_PARTS = (
    "warning_signs",
    "coping_alone",
    "distractions",
    "helpers",
    "professionals",
    "safer_environment",
    "reasons",
)


@dataclass(kw_only=True)
class SafetyPlan(Record):
    """A Stanley–Brown safety plan: six parts (and, often, a seventh: what matters to me),
    each a few short lines in the person's own words."""

    KIND: ClassVar[str] = "safety_plan"
    warning_signs: list[str] = field(default_factory=list)
    coping_alone: list[str] = field(default_factory=list)  # things I can do on my own
    distractions: list[str] = field(default_factory=list)  # people and places that distract
    helpers: list[str] = field(default_factory=list)  # people I can ask for help
    professionals: list[str] = field(default_factory=list)  # professionals and crisis lines
    safer_environment: list[str] = field(default_factory=list)  # making things safer
    reasons: list[str] = field(default_factory=list)  # what matters to me

    @property
    def text(self) -> str:
        """Every line of the plan (the list's "first words" rule reads it)."""
        return "\n".join(line for part in SAFETY_PLAN_PARTS for line in getattr(self, part))


@dataclass(kw_only=True)
class Question(Record):
    """A question written for the partner, sent in a bundle; they choose which to answer,
    and when (Shirley Glass). Its state is read from the share log and from answers
    received (core/repo/questions.py)."""

    KIND: ClassVar[str] = "question"
    text: str = ""


@dataclass(kw_only=True)
class Answer(Record):
    """An answer to a question the partner sent, linked to it by the question's ``uid``."""

    KIND: ClassVar[str] = "answer"
    question_uid: str = ""
    question: str = ""  # the question's words, as they arrived
    text: str = ""


@dataclass
class Homework:
    text: str
    done: bool = False


@dataclass(kw_only=True)
class TherapySession(Record):
    """A therapy session: the points brought (from the agenda of items marked "for my next
    session", and the person's own), notes after it, and the homework given."""

    KIND: ClassVar[str] = "therapy_session"
    agenda: list[str] = field(default_factory=list)
    notes: str = ""
    homework: list[Homework] = field(default_factory=list)

    @property
    def text(self) -> str:
        """What is written in it (the list's "first words" rule reads it)."""
        return "\n".join([*self.agenda, self.notes, *(h.text for h in self.homework)]).strip()


@dataclass(kw_only=True)
class Disclosure(Record):
    """Something I want to tell you: what happened, when it happened, and when it was told
    (None: written down, not told yet). ``occurred_at`` is when it was written."""

    KIND: ClassVar[str] = "disclosure"
    text: str = ""
    happened_at: datetime | None = None
    told_at: datetime | None = None

    @property
    def gap(self) -> timedelta | None:
        """The time between what happened and the telling (never below zero)."""
        if self.happened_at is None or self.told_at is None:
            return None
        return max(self.told_at - self.happened_at, timedelta(0))


@dataclass(kw_only=True)
class HardDate(Record):
    """A date that hurts (the day of the discovery, an anniversary), kept privately, with
    the plan the person wrote for it and how many days before it a gentle note comes."""

    KIND: ClassVar[str] = "hard_date"
    text: str = ""  # what the day is, in the person's words
    day: date = field(default_factory=date.today)
    yearly: bool = True
    notice_days: int = 3  # 0 … 60: the note comes this many days before
    helps: str = ""  # what may help
    call: str = ""  # who to call
    tell_partner: str = ""  # what to tell my partner


@dataclass(kw_only=True)
class Template(Record):
    """One's own writing template (therapist homework, say): Markdown, with checkboxes."""

    KIND: ClassVar[str] = "template"
    name: str = ""
    text: str = ""
    due: date | None = None


@dataclass
class BroughtItem:
    """An item of the week picked to start a weekly conversation: which one (its uid and
    kind, when it happened) and the words quoted from it then."""

    uid: str
    kind: str
    occurred_at: datetime
    quote: str = ""


@dataclass(kw_only=True)
class WeeklyTalk(Record):
    """The weekly conversation ("State of the Union"): appreciations, what went well, one
    issue (my view, what I heard, what I need), agreements, and what each will do."""

    KIND: ClassVar[str] = "weekly_talk"
    appreciations: str = ""
    went_well: str = ""
    issue: str = ""  # the one issue, in a line
    my_view: str = ""
    heard: str = ""  # what I heard my partner say
    need: str = ""
    agreements: str = ""
    my_part: str = ""  # what I will do
    partner_part: str = ""  # what my partner said they will do
    brought: list[BroughtItem] = field(default_factory=list)  # picked from the week, quoted


@dataclass(kw_only=True)
class Ritual(Record):
    """A ritual kept together (``occurred_at`` is when): what it was and how it felt."""

    KIND: ClassVar[str] = "ritual"
    ritual: str = "date_night"  # one of RITUAL_KINDS
    name: str = ""  # its own name ("Sunday coffee"), for "own" or any other
    felt: str = ""  # how it felt


RECORD_TYPES: dict[str, type[Record]] = {
    cls.KIND: cls
    for cls in (
        Entry,
        Trigger,
        GroundingSession,
        CheckIn,
        Boundary,
        Goal,
        SafetyPlan,
        Question,
        Answer,
        TherapySession,
        Disclosure,
        HardDate,
        Template,
        WeeklyTalk,
        Ritual,
    )
}
KINDS = tuple(RECORD_TYPES)


@dataclass(frozen=True)
class ItemSummary:
    """One row of the timeline or trash: what every kind has in common."""

    id: int
    kind: str
    occurred_at: datetime
    title: str
    excerpt: str
    shared: bool
    tags: tuple[str, ...] = ()
    mood: int | None = None
    deleted_at: datetime | None = None

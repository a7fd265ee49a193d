"""The practices of repair as plain data and pure functions (#20, items 2–4): the small
library of writing prompts, the time between something happening and its telling (and how
that time moves, in words, never a score), and when a hard date comes next.

No Qt, no SQL: the repositories keep the records, the panes show these results.
"""

from __future__ import annotations

import calendar
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from kintsugi.core import validate
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, Words, arg, date_text, marked, translate
from kintsugi.core.records import Disclosure, HardDate

Practices = Words("Practices")  # the plurals of this module (see core/i18n.py)


@dataclass(frozen=True)
class Prompt:
    """One prompt of the library: its key, a title (the entry's title) and its question."""

    key: str
    title: str
    question: str

    def shown_title(self) -> str:
        return marked("prompts", self.title)

    def shown_question(self) -> str:
        return marked("prompts", self.question)

    def body(self) -> str:
        """The start of an entry written from this prompt: the question as plain words (no
        Markdown marks to puzzle over in the editor), then room."""
        return f"{self.shown_question()}\n\n"


#: Worded for both partners: nothing assumes who was hurt, nothing asks to be shared.
PROMPTS: tuple[Prompt, ...] = (
    Prompt(
        "felt_safe",
        QT_TRANSLATE_NOOP("prompts", "What felt safe today"),
        QT_TRANSLATE_NOOP(
            "prompts",
            "What felt safe today, even for a moment? Where were you, who was there, "
            "and what made it feel that way?",
        ),
    ),
    Prompt(
        "noticed_trust",
        QT_TRANSLATE_NOOP("prompts", "A moment I noticed trust"),
        QT_TRANSLATE_NOOP(
            "prompts",
            "Was there a moment, however small, when you noticed trust — given or received? "
            "What happened, and how did it feel?",
        ),
    ),
    Prompt(
        "want_to_ask",
        QT_TRANSLATE_NOOP("prompts", "What I want to ask"),
        QT_TRANSLATE_NOOP(
            "prompts",
            "Is there something you want to ask? Write it here first, just for you. "
            "You can choose later whether, when and how to ask it.",
        ),
    ),
    Prompt(
        "did_to_rebuild",
        QT_TRANSLATE_NOOP("prompts", "What I did today to rebuild"),
        QT_TRANSLATE_NOOP(
            "prompts",
            "What did you do today to rebuild, however small? Something you said, something "
            "you kept to, a moment you stayed with.",
        ),
    ),
    Prompt(
        "what_i_need",
        QT_TRANSLATE_NOOP("prompts", "What I need"),
        QT_TRANSLATE_NOOP(
            "prompts",
            "What do you need right now — from yourself, from your partner, from others? "
            "Naming a need is not a demand; it is a place to start.",
        ),
    ),
    Prompt(
        "appreciated",
        QT_TRANSLATE_NOOP("prompts", "Something I appreciated"),
        QT_TRANSLATE_NOOP(
            "prompts",
            "What did you appreciate today, in your partner, in yourself, or in the two of "
            "you together?",
        ),
    ),
)


def template_body(text: str, due: date | None, due_words: str) -> str:
    """The start of an entry written from one's own template: its text, and its due date
    (``due_words``, already in the person's language, holds ``%1`` for the date)."""
    head = f"{due_words.replace('%1', date_text(due))}\n\n" if due else ""
    return head + text.rstrip() + "\n\n"


# --- disclosures ------------------------------------------------------------------------------
def gap_length(gap: timedelta) -> str:
    """A time to telling in the fewest words: "under an hour", "5 hours", "2 days"."""
    hours = int(gap.total_seconds() // 3600)
    if hours < 1:
        return translate("Practices", "under an hour")
    if hours < 24:
        return Practices.tr("%n hour(s)", "", hours)
    return Practices.tr("%n day(s)", "", gap.days)


def gap_words(rec: Disclosure) -> str:
    """How long the telling took, in a few plain words."""
    if rec.told_at is None:
        return translate("Practices", "Not told yet")
    gap = rec.gap
    if gap is None:
        return translate("Practices", "Told")
    hours = int(gap.total_seconds() // 3600)
    if hours < 1:
        return translate("Practices", "Told within the hour")
    if hours < 24:
        return Practices.tr("Told %n hour(s) later", "", hours)
    return Practices.tr("Told %n day(s) later", "", gap.days)


TREND_SHORTER, TREND_STEADY, TREND_LONGER = "shorter", "steady", "longer"
#: How many told disclosures a trend needs before it says anything.
TREND_MINIMUM = 4


def gaps_in_order(recs: Iterable[Disclosure]) -> list[tuple[date, timedelta]]:
    """(day told, gap) of every disclosure told with both moments known, oldest first."""
    told = [r for r in recs if r.gap is not None and r.told_at is not None]
    told.sort(key=lambda r: r.told_at)  # type: ignore[arg-type,return-value]
    return [(r.told_at.date(), r.gap) for r in told if r.told_at and r.gap is not None]


def trend(gaps: Sequence[timedelta]) -> str | None:
    """Whether the time before telling has been shorter lately (the newer half's median
    against the older half's), about the same, or longer; None with too few to say."""
    if len(gaps) < TREND_MINIMUM:
        return None
    half = len(gaps) // 2
    older = statistics.median(g.total_seconds() for g in gaps[:half])
    newer = statistics.median(g.total_seconds() for g in gaps[-half:])
    if newer < older * 0.75 and older - newer >= 3600:
        return TREND_SHORTER
    if newer > older * 1.33 and newer - older >= 3600:
        return TREND_LONGER
    return TREND_STEADY


TREND_WORDS = {
    None: QT_TRANSLATE_NOOP(
        "Practices",
        "Once a few things have been told, this shows, gently, whether telling comes sooner.",
    ),
    TREND_SHORTER: QT_TRANSLATE_NOOP(
        "Practices", "Lately, things have been told sooner than before."
    ),
    TREND_STEADY: QT_TRANSLATE_NOOP(
        "Practices", "The time before telling has stayed about the same."
    ),
    TREND_LONGER: QT_TRANSLATE_NOOP(
        "Practices",
        "Lately, telling has taken a little longer. That happens; every telling still counts.",
    ),
}


def trend_words(recs: Iterable[Disclosure]) -> str:
    return marked("Practices", TREND_WORDS[trend([g for _, g in gaps_in_order(recs)])])


#: At most this many times to telling in one line (the newest).
GAPS_SHOWN = 8


def gaps_line(recs: Iterable[Disclosure]) -> str:
    """ "Time to telling, oldest to newest: 6 days → 3 days → 7 hours" (the newest few), or
    nothing with fewer than two told."""
    gaps = gaps_in_order(recs)[-GAPS_SHOWN:]
    if len(gaps) < 2:
        return ""
    words = " → ".join(gap_length(g) for _, g in gaps)
    return arg(translate("Practices", "Time to telling, oldest to newest: %1"), words)


def shared_disclosures(items: Iterable[Mapping[str, Any]]) -> list[Disclosure]:
    """Disclosures as they arrived in a partner's bundle (their two moments alone, for the
    time to telling; a moment that does not read is left out)."""

    def moment(value: Any) -> datetime | None:
        try:
            return validate.optional_moment(value)
        except validate.Invalid:
            return None

    return [
        Disclosure(happened_at=moment(d.get("happened_at")), told_at=moment(d.get("told_at")))
        for d in items
    ]


# --- hard dates -------------------------------------------------------------------------------
def _in_year(day: date, year: int) -> date:
    """``day``'s month and day in ``year`` (29 February is the 28th in other years)."""
    last = calendar.monthrange(year, day.month)[1]
    return date(year, day.month, min(day.day, last))


def next_occurrence(rec: HardDate, today: date) -> date | None:
    """The next time this date comes (today included); None for a single day gone by."""
    if not rec.yearly:
        return rec.day if rec.day >= today else None
    this_year = _in_year(rec.day, today.year)
    return this_year if this_year >= today else _in_year(rec.day, today.year + 1)


@dataclass(frozen=True)
class Coming:
    """A hard date whose note is due: which, on what day, and in how many days."""

    id: int
    uid: str
    on: date
    days: int


def coming(recs: Iterable[HardDate], today: date) -> list[Coming]:
    """The hard dates within their own notice (``notice_days`` before, up to the day)."""
    out = []
    for rec in recs:
        on = next_occurrence(rec, today)
        if on is None or rec.id is None:
            continue
        days = (on - today).days
        if days <= rec.notice_days:
            out.append(Coming(rec.id, rec.uid, on, days))
    return sorted(out, key=lambda c: (c.on, c.id))


def days_words(days: int) -> str:
    if days == 0:
        return translate("Practices", "today")
    if days == 1:
        return translate("Practices", "tomorrow")
    return Practices.tr("in %n day(s)", "", days)

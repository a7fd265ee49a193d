"""The figures behind the Insights charts and the therapy report (one source, so they agree).

Every query (``repo/figures.py``) is bounded by a date range and starts from an index
(kind + occurred_at), so the cost follows the range chosen, not the size of the journal.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kintsugi.core.db import Database
from kintsugi.core.records import CUE_CATEGORIES
from kintsugi.core.repo.figures import Figures
from kintsugi.core.timeutil import day_start_utc, from_db

DIMENSIONS = ("safety", "trust", "connection", "communication")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Range:
    since: date
    until: date  # inclusive

    def bounds(self) -> tuple[str, str]:
        return day_start_utc(self.since), day_start_utc(self.until + timedelta(days=1))

    @classmethod
    def last_days(cls, days: int, today: date | None = None) -> Range:
        today = today or date.today()
        return cls(today - timedelta(days=days - 1), today)


@dataclass
class TechniqueEffect:
    technique: str
    n: int  # sessions with both ratings
    mean_drop: float  # mean of (before − after)
    name: str = ""  # a custom technique's own name: each one apart

    @property
    def key(self) -> tuple[str, str]:
        return (self.technique, self.name)


@dataclass
class Insights:
    range: Range
    trigger_count: int = 0
    weeks: list[tuple[date, int, float | None]] = field(default_factory=list)  # start, n, mean
    by_cue: dict[str, int] = field(default_factory=dict)
    by_hour: list[int] = field(default_factory=lambda: [0] * 24)
    by_weekday: list[int] = field(default_factory=lambda: [0] * 7)
    mean_peak_suds: float | None = None
    techniques: list[TechniqueEffect] = field(default_factory=list)
    by_cue_technique: dict[str, list[TechniqueEffect]] = field(default_factory=dict)
    checkins: list[tuple[datetime, dict[str, int | None]]] = field(default_factory=list)
    mood_weeks: list[tuple[date, int, float | None]] = field(default_factory=list)  # -3 … 3
    entry_days: int = 0
    current_streak: int = 0  # consecutive days with an entry, ending today (or yesterday)
    longest_streak: int = 0
    checkin_weeks: int = 0  # weeks in the range with at least one check-in

    @property
    def empty(self) -> bool:
        return not (self.trigger_count or self.techniques or self.checkins or self.entry_days)


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _effects(rows: list[tuple[str, str, int, int]]) -> list[TechniqueEffect]:
    """Rows of (technique, custom name or "", before, after); each custom one apart by name."""
    drops: dict[tuple[str, str], list[int]] = defaultdict(list)
    for technique, name, before, after in rows:
        drops[(technique, name if technique == "custom" else "")].append(before - after)
    return sorted(
        (TechniqueEffect(t, len(d), sum(d) / len(d), n) for (t, n), d in drops.items()),
        key=lambda e: (-e.mean_drop, e.technique, e.name),
    )


def what_helped(db: Database, days: int = 365, today: date | None = None) -> list[TechniqueEffect]:
    """This person's mean drop in distress per technique over the last ``days`` (the
    exercise chooser's "what helped before")."""
    lo, hi = Range.last_days(days, today).bounds()
    rows = Figures(db).sessions(lo, hi)
    return _effects([(t, str(n or ""), b, a) for t, n, b, a, _ in rows])


def compute(
    db: Database, rng: Range, today: date | None = None, only_ids: list[int] | None = None
) -> Insights:
    """The figures for ``rng``; with ``only_ids``, from those items alone (a report shows
    nothing but what was chosen)."""
    today = today or date.today()
    lo, hi = rng.bounds()
    out = Insights(rng)
    rows = Figures(db).rows(lo, hi, only_ids)
    triggers, sessions, checkins, entries = (
        rows.triggers,
        rows.sessions,
        rows.checkins,
        rows.entries,
    )

    # triggers: per week, by cue, by hour and weekday (in the writer's local time)
    weekly: dict[date, list[int]] = defaultdict(list)
    cues: Counter[str] = Counter()
    for occ, tz, cue, suds in triggers:
        when = from_db(occ, tz)
        weekly[_week_start(when.date())].append(suds)
        cues[cue] += 1
        out.by_hour[when.hour] += 1
        out.by_weekday[when.weekday()] += 1
    out.trigger_count = len(triggers)
    out.mean_peak_suds = (sum(t[3] for t in triggers) / len(triggers)) if triggers else None
    week = _week_start(rng.since)
    while week <= rng.until:
        values = weekly.get(week, [])
        out.weeks.append((week, len(values), sum(values) / len(values) if values else None))
        week += timedelta(days=7)
    out.by_cue = {cue: cues[cue] for cue in CUE_CATEGORIES if cues[cue]}

    # grounding: what helps, overall and per cue category
    out.techniques = _effects([(t, str(n or ""), b, a) for t, n, b, a, _ in sessions])
    per_cue: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
    for technique, name, before, after, cue in sessions:
        if cue:
            per_cue[cue].append((technique, str(name or ""), before, after))
    out.by_cue_technique = {cue: _effects(rows) for cue, rows in per_cue.items()}

    # check-ins over time, and the weeks that had one
    out.checkins = [
        (from_db(occ, tz), dict(zip(DIMENSIONS, values, strict=True)))
        for occ, tz, *values in checkins
    ]
    out.checkin_weeks = len({_week_start(when.date()) for when, _ in out.checkins})

    # mood, week by week (entries with a mood only)
    moods: dict[date, list[int]] = defaultdict(list)
    for occ, tz, mood in entries:
        if mood is not None:
            moods[_week_start(from_db(occ, tz).date())].append(mood)
    week = _week_start(rng.since)
    while week <= rng.until:
        values = moods.get(week, [])
        out.mood_weeks.append((week, len(values), sum(values) / len(values) if values else None))
        week += timedelta(days=7)

    # days in a row with an entry (shown as something kept, never as something broken)
    days = sorted({from_db(occ, tz).date() for occ, tz, _ in entries})
    out.entry_days = len(days)
    run = longest = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    out.longest_streak = longest
    current, day = 0, today if today in set(days) else today - timedelta(days=1)
    have = set(days)
    while day in have:
        current += 1
        day -= timedelta(days=1)
    out.current_streak = current
    return out

"""When a check-in is due (and the optional reminder to write): a schedule kept in the vault,
checked against an injectable 'now'; and the gentle notes before hard dates."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from kintsugi.core import config
from kintsugi.core.db import Database
from kintsugi.core.practices import Coming
from kintsugi.core.repo.hard_dates import HardDateRepository
from kintsugi.core.repo.settings import Settings


@dataclass
class CheckInSchedule:
    cadence: str = "off"  # "off", "daily" or "weekly": no reminder until the person sets one
    weekday: int = 7  # ISO weekday for weekly (7 = Sunday)
    at: str = "19:00"  # local time of day

    def _time(self) -> time:
        hours, minutes = (int(x) for x in self.at.split(":"))
        return time(hours, minutes)

    def latest_due_before(self, now: datetime) -> datetime | None:
        """The most recent moment, not after ``now``, when a check-in fell due."""
        if self.cadence == "off":
            return None
        today = datetime.combine(now.date(), self._time(), tzinfo=now.tzinfo)
        if self.cadence == "daily":
            return today if today <= now else today - timedelta(days=1)
        back = (now.isoweekday() - self.weekday) % 7
        due = today - timedelta(days=back)
        return due if due <= now else due - timedelta(days=7)

    def is_due(
        self, now: datetime, last_checkin: datetime | None, snoozed_until: datetime | None = None
    ) -> bool:
        """Due when the latest due moment has no check-in after it and no snooze covers now."""
        due = self.latest_due_before(now)
        if due is None:
            return False
        if snoozed_until is not None and now < snoozed_until:
            return False
        # a check-in up to a day before the due moment counts (done early is done)
        return last_checkin is None or last_checkin < due - timedelta(days=1)


class ScheduleStore:
    """A reminder's schedule and snooze, kept in the vault: the check-in's by default; the
    same shape keeps the reminder to write (:meth:`writing`) and the weekly conversation's
    (:meth:`weekly_talk`), each under its own settings and off until the person sets it."""

    def __init__(
        self,
        db: Database,
        schedule: config.Setting[dict[str, Any]] = config.CHECKIN_SCHEDULE,
        snoozed: config.Setting[str | None] = config.CHECKIN_SNOOZED_UNTIL,
    ):
        self.settings = Settings(db)
        self._schedule, self._snoozed = schedule, snoozed

    @classmethod
    def writing(cls, db: Database) -> ScheduleStore:
        """The optional reminder to write (daily or weekly), off by default."""
        return cls(db, config.WRITE_SCHEDULE, config.WRITE_SNOOZED_UNTIL)

    @classmethod
    def weekly_talk(cls, db: Database) -> ScheduleStore:
        """The weekly conversation's reminder (off until the person sets one)."""
        return cls(db, config.WEEKLY_TALK_SCHEDULE, config.WEEKLY_TALK_SNOOZED_UNTIL)

    def get(self) -> CheckInSchedule:
        try:
            return CheckInSchedule(**self._schedule.get(self.settings))
        except TypeError:  # a foreign or damaged value: no reminder
            return CheckInSchedule()

    def set(self, schedule: CheckInSchedule) -> None:
        if schedule.cadence not in ("off", "daily", "weekly") or not 1 <= schedule.weekday <= 7:
            raise ValueError("bad schedule")
        schedule._time()
        self._schedule.set(self.settings, asdict(schedule))

    def snoozed_until(self) -> datetime | None:
        value = self._snoozed.get(self.settings)
        return datetime.fromisoformat(value) if value else None

    def snooze(self, until: datetime) -> None:
        self._snoozed.set(self.settings, until.isoformat())


class HardDateNotes:
    """The gentle notes before hard dates: which are due today, and putting one away until
    that date's next coming (a note put away for this year's day comes back next year)."""

    def __init__(self, db: Database):
        self.settings = Settings(db)
        self.repo = HardDateRepository(db)

    def due(self, today: date) -> list[Coming]:
        quieted = config.HARD_DATES_QUIETED.get(self.settings)
        return [c for c in self.repo.coming(today) if quieted.get(c.uid) != c.on.isoformat()]

    def quiet(self, note: Coming) -> None:
        quieted = config.HARD_DATES_QUIETED.get(self.settings)
        quieted[note.uid] = note.on.isoformat()
        config.HARD_DATES_QUIETED.set(self.settings, quieted)

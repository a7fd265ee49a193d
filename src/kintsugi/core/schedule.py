"""When a check-in is due: a schedule kept in the vault, checked against an injectable 'now'."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, time, timedelta

from kintsugi.core import config
from kintsugi.core.db import Database
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
    def __init__(self, db: Database):
        self.settings = Settings(db)

    def get(self) -> CheckInSchedule:
        return CheckInSchedule(**config.CHECKIN_SCHEDULE.get(self.settings))

    def set(self, schedule: CheckInSchedule) -> None:
        if schedule.cadence not in ("off", "daily", "weekly") or not 1 <= schedule.weekday <= 7:
            raise ValueError("bad schedule")
        schedule._time()
        config.CHECKIN_SCHEDULE.set(self.settings, asdict(schedule))

    def snoozed_until(self) -> datetime | None:
        value = config.CHECKIN_SNOOZED_UNTIL.get(self.settings)
        return datetime.fromisoformat(value) if value else None

    def snooze(self, until: datetime) -> None:
        config.CHECKIN_SNOOZED_UNTIL.set(self.settings, until.isoformat())

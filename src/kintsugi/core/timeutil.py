"""Timestamps: stored as sortable UTC text plus the writer's UTC offset in minutes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import overload

_FMT = "%Y-%m-%dT%H:%M:%S.%fZ"


def now() -> datetime:
    """Now, in the local time zone (aware)."""
    return datetime.now().astimezone()


_MINUTE = timedelta(minutes=1)


def to_db(moment: datetime) -> tuple[str, int]:
    if moment.tzinfo is None:
        moment = moment.astimezone()
    offset = moment.utcoffset()
    if offset is None:  # a zone that names no offset: read as UTC
        return moment.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z", 0
    # isoformat is _FMT's text (for years 1000–9999) at a fraction of strftime's cost; in
    # UTC it ends in "+00:00" (astimezone and a slice: a third less than replace(tzinfo=
    # None) and a subtraction, for the thousands of rows of an import)
    utc = moment.astimezone(UTC).isoformat(timespec="microseconds")
    return utc[:-6] + "Z", offset // _MINUTE


@overload
def from_db(text: str, offset_minutes: int = 0) -> datetime: ...
@overload
def from_db(text: None, offset_minutes: int = 0) -> None: ...
@overload
def from_db(text: str | None, offset_minutes: int = 0) -> datetime | None: ...
def from_db(text: str | None, offset_minutes: int = 0) -> datetime | None:
    if text is None:
        return None
    utc = datetime.fromisoformat(text)  # "…Z" parses as UTC (fast, unlike strptime)
    return utc.astimezone(timezone(timedelta(minutes=offset_minutes)))


def utc_text(moment: datetime) -> str:
    return to_db(moment)[0]


def day_start_utc(day: date) -> str:
    """The UTC text of local midnight at the start of ``day`` (for range filters)."""
    return utc_text(datetime(day.year, day.month, day.day).astimezone())


def date_to_db(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


@overload
def date_from_db(text: str) -> date: ...
@overload
def date_from_db(text: None) -> None: ...
@overload
def date_from_db(text: str | None) -> date | None: ...
def date_from_db(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)

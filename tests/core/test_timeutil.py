"""core/timeutil.py: sortable UTC text plus the writer's offset, and dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from kintsugi.core import timeutil

PLUS_2 = timezone(timedelta(hours=2))
MINUS_530 = timezone(-timedelta(hours=5, minutes=30))


def test_a_moment_keeps_its_instant_and_its_writers_offset():
    for moment in (
        datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=PLUS_2),
        datetime(2026, 11, 2, 23, 59, tzinfo=MINUS_530),
        datetime(1999, 12, 31, 23, 59, 59, tzinfo=UTC),
    ):
        text, offset = timeutil.to_db(moment)
        assert text.endswith("Z") and len(text) == len("2026-03-28T23:30:15.123456Z")
        assert offset == moment.utcoffset() // timedelta(minutes=1)
        back = timeutil.from_db(text, offset)
        assert back == moment and back.utcoffset() == moment.utcoffset()
    assert timeutil.to_db(datetime(2026, 3, 29, 1, 30, tzinfo=PLUS_2))[0] == (
        "2026-03-28T23:30:00.000000Z"
    )
    assert timeutil.from_db(None) is None


def test_the_text_sorts_as_the_instants_do():
    moments = [
        datetime(2026, 1, 1, 0, 30, tzinfo=PLUS_2),  # 2025-12-31 22:30 UTC
        datetime(2025, 12, 31, 23, 0, tzinfo=UTC),
        datetime(2025, 12, 31, 18, 0, tzinfo=MINUS_530),  # 23:30 UTC
    ]
    texts = [timeutil.utc_text(m) for m in moments]
    assert sorted(texts) == [texts[0], texts[1], texts[2]]
    assert sorted(moments) == moments


def test_a_naive_moment_is_local_time():
    naive = datetime(2026, 6, 1, 12, 0)
    assert timeutil.utc_text(naive) == timeutil.utc_text(naive.astimezone())
    assert timeutil.now().tzinfo is not None


def test_day_bounds_and_dates():
    start = timeutil.day_start_utc(date(2026, 6, 1))
    local_midnight = datetime(2026, 6, 1).astimezone()
    assert timeutil.from_db(start) == local_midnight
    assert timeutil.date_to_db(date(2026, 2, 28)) == "2026-02-28"
    assert timeutil.date_from_db("2026-02-28") == date(2026, 2, 28)
    assert timeutil.date_to_db(None) is None and timeutil.date_from_db(None) is None

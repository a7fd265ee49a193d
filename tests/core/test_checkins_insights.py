from datetime import date, datetime, timedelta, timezone

import pytest

from kintsugi.core import insights
from kintsugi.core.insights import Range
from kintsugi.core.records import (
    Boundary,
    CheckIn,
    Entry,
    Goal,
    GoalProgress,
    GroundingSession,
    Trigger,
)
from kintsugi.core.repo.boundaries import BoundaryRepository
from kintsugi.core.repo.checkins import CheckInRepository
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.goals import GoalRepository
from kintsugi.core.repo.grounding import GroundingRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.triggers import TriggerRepository
from kintsugi.core.schedule import CheckInSchedule, ScheduleStore

TZ = timezone(timedelta(hours=1))


def at(day, hour=12):
    return datetime(2026, 11, day, hour, tzinfo=TZ)


# --- schedule ------------------------------------------------------------------------
def test_weekly_schedule_due_and_snooze():
    s = CheckInSchedule("weekly", weekday=7, at="19:00")  # Sundays 19:00
    sunday_evening = datetime(2026, 11, 22, 19, 30, tzinfo=TZ)  # a Sunday
    assert s.latest_due_before(sunday_evening) == datetime(2026, 11, 22, 19, 0, tzinfo=TZ)
    assert s.latest_due_before(sunday_evening - timedelta(hours=1)) == datetime(
        2026, 11, 15, 19, 0, tzinfo=TZ
    )
    assert s.is_due(sunday_evening, last_checkin=None)
    assert s.is_due(sunday_evening, last_checkin=datetime(2026, 11, 16, 9, tzinfo=TZ))
    assert not s.is_due(sunday_evening, last_checkin=datetime(2026, 11, 22, 8, tzinfo=TZ))
    assert not s.is_due(sunday_evening, None, snoozed_until=sunday_evening + timedelta(hours=1))
    assert s.is_due(
        sunday_evening + timedelta(hours=2), None, snoozed_until=sunday_evening + timedelta(hours=1)
    )
    assert not CheckInSchedule("off").is_due(sunday_evening, None)


def test_daily_schedule():
    s = CheckInSchedule("daily", at="08:00")
    morning = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)
    assert s.latest_due_before(morning) == datetime(2026, 11, 22, 8, 0, tzinfo=TZ)
    assert not s.is_due(morning, last_checkin=datetime(2026, 11, 22, 9, 0, tzinfo=TZ))


def test_schedule_lives_in_the_vault(vault):
    store = ScheduleStore(vault.db)
    assert store.get() == CheckInSchedule()
    store.set(CheckInSchedule("daily", 1, "21:30"))
    assert store.get().at == "21:30"
    with pytest.raises(ValueError):
        store.set(CheckInSchedule("hourly"))
    store.snooze(at(23, 20))
    assert store.snoozed_until() == at(23, 20)


# --- boundaries and goals ------------------------------------------------------------
def test_boundaries_due_for_revisit_come_first(vault):
    repo = BoundaryRepository(vault.db)
    later = repo.add(Boundary(text="later", revisit_by=date(2027, 1, 1)))
    due = repo.add(Boundary(text="due", revisit_by=date(2026, 11, 1)))
    retired = repo.add(Boundary(text="retired", revisit_by=date(2026, 10, 1), status="retired"))
    none = repo.add(Boundary(text="no date"))
    order = repo.listing(due_first_on=date(2026, 11, 23))
    assert order[0] == (due.id, True)
    assert {i for i, d in order[1:]} == {later.id, retired.id, none.id}
    assert not any(d for _, d in order[1:])


def test_goals_progress_and_celebration_flag(vault):
    repo = GoalRepository(vault.db)
    g = repo.add(
        Goal(
            text="Six therapy modules",
            target_amount=6,
            due=date(2026, 12, 31),
            progress=[GoalProgress(date(2026, 11, 1), 2)],
        )
    )
    assert g.achieved == 2 and not g.reached
    g.progress.append(GoalProgress(date(2026, 11, 8), 4))
    g = repo.update(g)
    assert g.reached and not g.celebrated
    repo.mark_celebrated(g.id)
    assert repo.get(g.id).celebrated
    done = repo.add(Goal(text="Done already", done=True))
    assert repo.all_ids() == [g.id, done.id]


# --- insights ----------------------------------------------------------------------------
@pytest.fixture
def fixture_data(vault):
    triggers, grounding = TriggerRepository(vault.db), GroundingRepository(vault.db)
    t1 = triggers.add(Trigger(cue="place", suds_peak=8, occurred_at=at(2, 9)))  # Monday
    t2 = triggers.add(Trigger(cue="place", suds_peak=6, occurred_at=at(3, 21)))
    triggers.add(Trigger(cue="media", suds_peak=4, occurred_at=at(10, 21)))
    triggers.add(Trigger(cue="media", suds_peak=9, occurred_at=datetime(2026, 10, 1, tzinfo=TZ)))
    grounding.add(
        GroundingSession(
            technique="box_breathing",
            suds_before=8,
            suds_after=4,
            trigger_id=t1.id,
            occurred_at=at(2, 10),
        )
    )
    grounding.add(
        GroundingSession(
            technique="box_breathing",
            suds_before=6,
            suds_after=4,
            trigger_id=t2.id,
            occurred_at=at(3, 22),
        )
    )
    grounding.add(
        GroundingSession(technique="senses_54321", suds_before=7, suds_after=2, occurred_at=at(5))
    )
    grounding.add(
        GroundingSession(
            technique="thought_record", suds_before=None, suds_after=3, occurred_at=at(5)
        )
    )
    checkins = CheckInRepository(vault.db)
    checkins.add(CheckIn(safety=5, trust=3, connection=4, communication=6, occurred_at=at(2)))
    checkins.add(CheckIn(safety=6, trust=4, connection=5, communication=6, occurred_at=at(9)))
    entries = EntryRepository(vault.db)
    for day in (1, 2, 3, 5, 6, 7, 8, 12, 13):
        entries.add(Entry(body=f"day {day}", occurred_at=at(day)))
    gone = entries.add(Entry(body="trashed", occurred_at=at(4)))
    Items(vault.db).delete(gone.id)
    return vault


def test_insights_from_known_fixtures(fixture_data):
    got = insights.compute(
        fixture_data.db, Range(date(2026, 11, 1), date(2026, 11, 14)), today=date(2026, 11, 13)
    )
    assert got.trigger_count == 3 and got.mean_peak_suds == 6.0
    assert got.by_cue == {"place": 2, "media": 1}
    assert got.by_hour[9] == 1 and got.by_hour[21] == 2 and sum(got.by_hour) == 3
    assert got.by_weekday == [1, 2, 0, 0, 0, 0, 0]  # Nov 2 is a Monday, Nov 3 and 10 Tuesdays
    assert [(w.isoformat(), n, m) for w, n, m in got.weeks] == [
        ("2026-10-26", 0, None),
        ("2026-11-02", 2, 7.0),
        ("2026-11-09", 1, 4.0),
    ]
    assert [(e.technique, e.n, e.mean_drop) for e in got.techniques] == [
        ("senses_54321", 1, 5.0),
        ("box_breathing", 2, 3.0),
    ]
    assert [(e.technique, e.n, e.mean_drop) for e in got.by_cue_technique["place"]] == [
        ("box_breathing", 2, 3.0)
    ]
    assert [c["trust"] for _, c in got.checkins] == [3, 4] and got.checkin_weeks == 2
    assert got.entry_days == 9 and got.longest_streak == 4  # 5, 6, 7, 8
    assert got.current_streak == 2  # 12, 13
    assert not got.empty


def test_insights_of_an_empty_range(fixture_data):
    got = insights.compute(fixture_data.db, Range(date(2025, 1, 1), date(2025, 1, 31)))
    assert got.empty and got.mean_peak_suds is None and got.by_cue == {}
    assert Range.last_days(7, date(2026, 11, 23)) == Range(date(2026, 11, 17), date(2026, 11, 23))

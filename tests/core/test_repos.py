from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from kintsugi.core.errors import InvalidRecord, RecordNotFound
from kintsugi.core.records import (
    Boundary,
    CheckIn,
    Emotion,
    Entry,
    Goal,
    GoalProgress,
    GroundingSession,
    Trigger,
)
from kintsugi.core.repo import repository_for
from kintsugi.core.repo.boundaries import BoundaryRepository
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.goals import GoalRepository
from kintsugi.core.repo.grounding import GroundingRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.settings import Settings
from kintsugi.core.repo.triggers import TriggerRepository

SAMPLES = [
    Entry(title="Monday", body="# Hard day\nWe *talked*.", mood=-2, tags=["therapy"]),
    Trigger(
        cue="place",
        situation="Drove past the hotel",
        suds_peak=8,
        emotions=[Emotion("anger", 70), Emotion("fear", 40)],
        hot_thought="It will happen again",
        belief=80,
        body_sensations=["tight chest"],
        urge=3,
        acted_on=False,
        action="Called my sister",
        suds_after=4,
    ),
    GroundingSession(
        technique="senses_54321",
        duration_s=312.5,
        completed=True,
        suds_before=7,
        suds_after=3,
        steps=[{"sense": "see", "items": ["lamp", "tree"]}],
        notes="ok",
    ),
    CheckIn(
        safety=6,
        trust=4,
        connection=5,
        communication=7,
        gratitude="the walk",
        needs="quiet evenings",
        notes="",
    ),
    Boundary(
        text="No contact with the affair partner",
        agreed_on=date(2026, 10, 1),
        revisit_by=date(2026, 12, 1),
    ),
    Goal(
        text="Accountability talks",
        target_amount=4,
        target_unit="talks",
        due=date(2026, 12, 31),
        progress=[GoalProgress(date(2026, 11, 2), 1, "good one")],
    ),
]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.KIND)
def test_every_kind_round_trips(vault, sample):
    repo = repository_for(vault.db, sample.KIND)
    saved = repo.add(sample)
    assert saved.id is not None and saved.created_at is not None
    assert saved.created_at.utcoffset() is not None  # UTC with the writer's offset
    got = repo.get(saved.id)
    for field in sample.__dataclass_fields__:
        if field not in ("id", "created_at", "updated_at"):
            assert getattr(got, field) == getattr(sample, field), field
    assert Items(vault.db).get(saved.id) == got


def test_update_changes_fields_and_updated_at(vault):
    repo = EntryRepository(vault.db)
    e = repo.add(Entry(title="a", body="one"))
    e.body, e.tags, e.private_note = "two", ["x", "y"], "only for me"
    updated = repo.update(e)
    assert updated.body == "two" and updated.tags == ["x", "y"]
    assert updated.private_note == "only for me"
    assert updated.updated_at >= updated.created_at


def test_occurred_at_keeps_its_offset(vault):
    tz = timezone(timedelta(hours=-5))
    when = datetime(2026, 3, 1, 22, 30, tzinfo=tz)
    e = EntryRepository(vault.db).add(Entry(body="late", occurred_at=when))
    assert e.occurred_at == when and e.occurred_at.utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize(
    "bad",
    [
        Entry(mood=5),
        Trigger(suds_peak=11),
        Trigger(cue="nope"),
        Trigger(urge=9),
        GroundingSession(technique="yoga"),
        CheckIn(trust=-1),
        Boundary(text=""),
        Goal(text="x", target_amount=0),
        Trigger(emotions=[Emotion("x", 101)]),
    ],
)
def test_invalid_records_are_refused(vault, bad):
    with pytest.raises(InvalidRecord):
        repository_for(vault.db, bad.KIND).add(bad)
    assert Items(vault.db).timeline() == []


def test_tags_are_cleaned_and_deduplicated(vault):
    e = EntryRepository(vault.db).add(Entry(body="x", tags=[" #Hope ", "hope", "", "day  one"]))
    assert e.tags == ["day one", "Hope"]
    assert Items(vault.db).tag_names() == ["day one", "Hope"]


def test_boundary_keeps_earlier_wordings(vault):
    repo = BoundaryRepository(vault.db)
    b = repo.add(Boundary(text="Phone stays unlocked", revisit_by=date(2026, 12, 1)))
    b.text = "Phone stays unlocked in the evenings"
    b = repo.update(b)
    b.status = "revised"
    b = repo.update(b)
    assert [h.text for h in b.history] == ["Phone stays unlocked"] * 1 + [
        "Phone stays unlocked in the evenings"
    ]
    assert b.history[0].status == "active" and b.history[0].changed_at is not None
    b.private_note = "just a note"
    assert len(repo.update(b).history) == 2  # a note alone is not a new wording


def test_goal_progress_is_replaced_on_update(vault):
    repo = GoalRepository(vault.db)
    first = GoalProgress(date(2026, 1, 1), 1)
    g = repo.add(Goal(text="Modules", target_amount=6, progress=[first]))
    g.progress.append(GoalProgress(date(2026, 1, 8), 2, "two at once"))
    g = repo.update(g)
    assert [p.amount for p in g.progress] == [1, 2]


def test_grounding_links_to_its_trigger(vault):
    t = TriggerRepository(vault.db).add(Trigger(cue="media", suds_peak=6))
    repo = GroundingRepository(vault.db)
    g = repo.add(GroundingSession(technique="box_breathing", trigger_id=t.id, duration_s=120))
    assert [s.id for s in repo.for_trigger(t.id)] == [g.id]
    Items(vault.db).delete(t.id)
    Items(vault.db).purge(t.id)
    assert repo.get(g.id).trigger_id is None  # the session stays; the link goes


def test_trash_delete_restore_purge(vault):
    repo, items = EntryRepository(vault.db), Items(vault.db)
    a, b = repo.add(Entry(body="keep")), repo.add(Entry(body="toss"))
    items.delete(b.id)
    assert [i.id for i in items.timeline()] == [a.id]
    assert [i.id for i in items.trash()] == [b.id]
    assert repo.get(b.id).deleted_at is not None
    items.restore(b.id)
    assert {i.id for i in items.timeline()} == {a.id, b.id}
    with pytest.raises(RecordNotFound):
        items.purge(b.id)  # only from the trash
    items.delete(b.id)
    assert items.empty_trash() == 1
    with pytest.raises(RecordNotFound):
        repo.get(b.id)
    assert items.trash() == []


def test_share_mark(vault):
    e = EntryRepository(vault.db).add(Entry(body="x"))
    Items(vault.db).set_shared(e.id, True)
    assert Items(vault.db).summary(e.id).shared
    with pytest.raises(RecordNotFound):
        Items(vault.db).set_shared(9999, True)


def test_timeline_pages_newest_first_with_a_keyset(vault):
    repo = EntryRepository(vault.db)
    base = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for i in range(25):
        repo.add(Entry(body=f"e{i}", occurred_at=base + timedelta(hours=i // 2)))  # ties on time
    items, seen, after = Items(vault.db), [], None
    while page := items.timeline(limit=7, after=after):
        seen += page
        after = (page[-1].occurred_at, page[-1].id)
    assert len(seen) == 25 and len({s.id for s in seen}) == 25
    keys = [(s.occurred_at, s.id) for s in seen]
    assert keys == sorted(keys, reverse=True)
    anchored = items.timeline(limit=3, after=(base + timedelta(hours=3), 0))
    assert anchored and all(s.occurred_at < base + timedelta(hours=3) for s in anchored)


def test_timeline_filters_by_kind(vault):
    EntryRepository(vault.db).add(Entry(body="x"))
    TriggerRepository(vault.db).add(Trigger(cue="other", suds_peak=2))
    assert [i.kind for i in Items(vault.db).timeline(kind="trigger")] == ["trigger"]


def test_settings_round_trip(vault):
    s = Settings(vault.db)
    assert s.get("autolock.minutes", 5) == 5
    s.set("autolock.minutes", 0)
    s.set("theme", "dark")
    assert s.get("autolock.minutes") == 0 and s.get("theme") == "dark"

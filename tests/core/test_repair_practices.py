"""The practices of repair, part two (#20 items 2–4), in the engine: prompts and one's own
templates, disclosures with the time to telling and its trend, transparency agreements as a
boundary's category, hard dates with their notes, "on this day", the reminder to write, and
the migration (disclosures, hard dates, templates, a boundary's category) from the kept v1
fixture and from the version before it."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kintsugi.core import config, practices, schema, transfer
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.records import Boundary, Disclosure, Entry, HardDate, Template
from kintsugi.core.render import render_record
from kintsugi.core.repo.boundaries import BoundaryRepository
from kintsugi.core.repo.disclosures import DisclosureRepository
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.hard_dates import HardDateRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.settings import Settings
from kintsugi.core.repo.templates import TemplateRepository
from kintsugi.core.schedule import HardDateNotes, ScheduleStore
from kintsugi.core.search import Search
from kintsugi.core.vault import Vault

DATA = Path(__file__).resolve().parent.parent / "data"
HERE = timezone(timedelta(hours=2))


def at(day: int, hour: int = 12, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=HERE)


# --- prompts and templates ---------------------------------------------------------------
def test_the_prompt_library_is_small_kind_and_starts_an_entry_with_its_question():
    keys = [p.key for p in practices.PROMPTS]
    assert len(keys) == len(set(keys)) and 5 <= len(keys) <= 8
    for wanted in ("felt_safe", "noticed_trust", "want_to_ask", "did_to_rebuild", "what_i_need"):
        assert wanted in keys
    for p in practices.PROMPTS:
        assert p.body().startswith(p.question) and p.body().endswith("\n\n")
        # patient words: no orders, no blame
        for word in ("must", "should", "fault", "why did you", "always", "never"):
            assert word not in p.question.lower(), (p.key, word)


def test_a_template_with_checkboxes_and_a_due_date_is_kept_found_and_rendered(vault):
    repo = TemplateRepository(vault.db)
    text = "Homework from Dr. Reyes:\n\n- [ ] write three appreciations\n- [x] read chapter 2"
    saved = repo.add(Template(name="Week 3 homework", text=text, due=date(2026, 12, 4)))
    assert repo.get(saved.id).text == text and repo.get(saved.id).due == date(2026, 12, 4)
    assert [t.id for t in repo.all_live()] == [saved.id]
    assert saved.id in [h.id for h in Search(vault.db).search("appreciations")]
    out = render_record(saved)
    assert "Week 3 homework" in out and "- [ ] write three appreciations" in out
    assert "04 Dec 2026" in out
    body = practices.template_body(saved.text, saved.due, "Due %1")
    assert body.startswith("Due 04 Dec 2026\n\nHomework") and "- [ ] write" in body
    with pytest.raises(InvalidRecord):
        repo.add(Template())


def test_the_reminder_to_write_is_off_until_set_then_due_and_snoozable(vault):
    store = ScheduleStore.writing(vault.db)
    monday_night = datetime(2026, 11, 30, 21, 0).astimezone()
    assert store.get().cadence == "off"
    assert not store.get().is_due(monday_night, None)
    schedule = store.get()
    schedule.cadence, schedule.at = "daily", "20:00"
    store.set(schedule)
    assert store.get().is_due(monday_night, None, store.snoozed_until())
    # written today after the due moment: not due
    assert not store.get().is_due(monday_night, monday_night - timedelta(minutes=30))
    store.snooze(monday_night + timedelta(hours=2))
    assert not store.get().is_due(monday_night, None, store.snoozed_until())
    # the check-in's own schedule is another setting
    assert ScheduleStore(vault.db).get().cadence == "off"
    assert config.WRITE_SCHEDULE.get(Settings(vault.db))["cadence"] == "daily"


# --- disclosures ---------------------------------------------------------------------------
def test_a_disclosure_keeps_both_moments_with_their_offsets_and_shows_the_gap(vault):
    repo = DisclosureRepository(vault.db)
    d = repo.add(
        Disclosure(text="I had coffee with J. after work", happened_at=at(3), told_at=at(5, 18))
    )
    back = repo.get(d.id)
    assert back.happened_at == at(3) and back.happened_at.utcoffset() == timedelta(hours=2)
    assert back.gap == timedelta(days=2, hours=6)
    assert practices.gap_words(back) == "Told 2 days later"
    out = render_record(back)
    assert "When it happened: Tuesday 03 November 2026, 12:00" in out
    assert "When it was told: Thursday 05 November 2026, 18:00" in out
    assert "Told 2 days later" in out
    assert practices.gap_words(Disclosure(text="x", happened_at=at(3))) == "Not told yet"
    same = Disclosure(text="x", happened_at=at(3, 9), told_at=at(3, 9) + timedelta(minutes=20))
    assert practices.gap_words(same) == "Told within the hour"
    hours = Disclosure(text="x", happened_at=at(3, 9), told_at=at(3, 14))
    assert practices.gap_words(hours) == "Told 5 hours later"
    repo.add(Disclosure(text="not told yet", happened_at=at(6)))
    (moments,) = repo.moments()  # the told ones' two moments, no words
    assert (moments.happened_at, moments.told_at, moments.text) == (at(3), at(5, 18), "")
    with pytest.raises(InvalidRecord, match="before it happened"):
        repo.add(Disclosure(text="x", happened_at=at(5), told_at=at(4)))


def test_the_trend_of_the_time_to_telling_is_words_and_needs_a_few():
    def told(*days: float) -> list[Disclosure]:
        return [
            Disclosure(
                text="x",
                happened_at=at(1 + n) - timedelta(days=d),
                told_at=at(1 + n),
            )
            for n, d in enumerate(days)
        ]

    assert practices.trend([]) is None
    assert practices.trend([timedelta(days=1)] * 3) is None  # too few to say anything
    assert practices.trend([g for _, g in practices.gaps_in_order(told(6, 5, 1, 0.5))]) == (
        practices.TREND_SHORTER
    )
    assert practices.trend([g for _, g in practices.gaps_in_order(told(1, 1, 1, 1))]) == (
        practices.TREND_STEADY
    )
    assert practices.trend([g for _, g in practices.gaps_in_order(told(0.1, 0.2, 3, 4))]) == (
        practices.TREND_LONGER
    )
    # minutes apart are no trend
    small = [timedelta(minutes=m) for m in (50, 40, 5, 1)]
    assert practices.trend(small) == practices.TREND_STEADY
    # order is by the telling, whatever order they come in
    recs = told(6, 5, 1, 0.5)
    assert practices.trend_words(reversed(recs)) == practices.trend_words(recs)
    assert "sooner" in practices.trend_words(recs)
    assert "counts" in practices.trend_words(told(0.1, 0.2, 3, 4))  # never a score
    for words in practices.TREND_WORDS.values():
        assert not any(ch.isdigit() for ch in words) and "%" not in words


# --- transparency agreements ---------------------------------------------------------------
def test_a_transparency_agreement_is_a_boundary_with_its_own_label_and_filter(vault):
    repo = BoundaryRepository(vault.db)
    general = repo.add(Boundary(text="No contact with J."))
    open_phone = repo.add(
        Boundary(text="I tell you within a day if J. writes", category="transparency")
    )
    assert repo.get(general.id).category == "general"
    assert [i for i, _ in repo.listing(category="transparency")] == [open_phone.id]
    assert {i for i, _ in repo.listing()} == {general.id, open_phone.id}
    assert "Kind of agreement: transparency agreement" in render_record(repo.get(open_phone.id))
    assert "Kind of agreement" not in render_record(repo.get(general.id))
    assert open_phone.id in [h.id for h in Search(vault.db).search("transparency")]
    with pytest.raises(InvalidRecord):
        repo.add(Boundary(text="x", category="spying"))
    # an export of a boundary made before categories (no key) imports as general
    data = transfer.full_dict(repo.get(general.id), vault.db)
    data.pop("category")
    from kintsugi.core import validate

    cls, values = validate.record_fields(data)
    assert cls(**values).category == "general"


# --- hard dates ----------------------------------------------------------------------------
def test_the_next_coming_of_a_hard_date_and_its_note_days_before():
    found = HardDate(id=1, text="The day I found out", day=date(2024, 3, 14), notice_days=3)
    assert practices.next_occurrence(found, date(2026, 3, 1)) == date(2026, 3, 14)
    assert practices.next_occurrence(found, date(2026, 3, 14)) == date(2026, 3, 14)
    assert practices.next_occurrence(found, date(2026, 3, 15)) == date(2027, 3, 14)
    leap = HardDate(id=2, text="x", day=date(2024, 2, 29))
    assert practices.next_occurrence(leap, date(2026, 1, 1)) == date(2026, 2, 28)
    once = HardDate(id=3, text="the hearing", day=date(2026, 5, 2), yearly=False)
    assert practices.next_occurrence(once, date(2026, 5, 3)) is None
    assert practices.coming([found], date(2026, 3, 10)) == []  # four days before: not yet
    (note,) = practices.coming([found], date(2026, 3, 11))
    assert (note.on, note.days) == (date(2026, 3, 14), 3)
    assert practices.days_words(3) == "in 3 days" and practices.days_words(0) == "today"


def test_hard_dates_are_private_by_default_and_their_note_can_be_put_away_for_the_year(vault):
    repo = HardDateRepository(vault.db)
    rec = repo.add(
        HardDate(
            text="Discovery day",
            day=date(2025, 12, 3),
            notice_days=5,
            helps="A long walk; no big plans",
            call="Ana",
            tell_partner="That I may be quiet, and it is not a test",
        )
    )
    assert rec.shared is False  # never marked for sharing unless the person does
    assert Items(vault.db).timeline(kind="hard_date")[0].shared is False
    notes = HardDateNotes(vault.db)
    (note,) = notes.due(date(2026, 11, 30))
    assert note.id == rec.id and note.days == 3
    notes.quiet(note)
    assert notes.due(date(2026, 12, 1)) == []
    assert [n.on for n in notes.due(date(2027, 12, 1))] == [date(2027, 12, 3)]  # next year
    out = render_record(repo.get(rec.id))
    for words in (
        "Every year on 03 Dec 2025",
        "A gentle note 5 days before",
        "Who I can call: Ana",
    ):
        assert words in out
    assert rec.id in [h.id for h in Search(vault.db).search("walk")]
    with pytest.raises(InvalidRecord):
        repo.add(HardDate(text="x", notice_days=61))


def test_on_this_day_finds_entries_of_this_date_in_earlier_years_in_their_own_time(vault):
    entries = EntryRepository(vault.db)
    west = timezone(timedelta(hours=-5))
    last_year = entries.add(
        Entry(body="a year ago", occurred_at=datetime(2025, 12, 1, 20, tzinfo=west))
    )
    # 1 December 23:30 in UTC-5 is 2 December in UTC: still the first, where it was written
    late = entries.add(Entry(body="late", occurred_at=datetime(2024, 12, 1, 23, 30, tzinfo=west)))
    entries.add(Entry(body="other day", occurred_at=datetime(2025, 12, 2, 12, tzinfo=UTC)))
    entries.add(Entry(body="today", occurred_at=datetime(2026, 12, 1, 8, tzinfo=UTC)))
    gone = entries.add(Entry(body="trashed", occurred_at=datetime(2023, 12, 1, 12, tzinfo=UTC)))
    Items(vault.db).delete(gone.id)
    found = Items(vault.db).on_this_day(date(2026, 12, 1))
    assert [s.id for s in found] == [last_year.id, late.id]


# --- the migration ---------------------------------------------------------------------------
def test_the_migration_from_the_kept_v1_fixture_and_from_the_version_before(tmp_path):
    path = tmp_path / "v1.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        repo = BoundaryRepository(v.db)
        (old,) = [repo.get(i) for i in repo.all_ids()]
        assert old.category == "general"
        old.category = "transparency"
        repo.update(old)
        assert repo.get(old.id).category == "transparency"
        DisclosureRepository(v.db).add(Disclosure(text="t", happened_at=at(1), told_at=at(2)))
        assert v.check() == []
    before = schema.MIGRATIONS.index(schema._add_disclosures_hard_dates_templates)
    prev = tmp_path / "v10.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", prev)
    with Vault.open(prev, "old vault passphrase", migrations=schema.MIGRATIONS[:before]) as v:
        assert schema.user_version(v.db) == before
        with v.db.read() as conn:
            cols = [r[1] for r in conn.execute("PRAGMA table_info(boundary)")]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "category" not in cols and "disclosure" not in tables
    with Vault.open(prev, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        HardDateRepository(v.db).add(HardDate(text="h", day=date(2026, 1, 2)))
        TemplateRepository(v.db).add(Template(name="n", text="t"))
        assert len(Items(v.db).timeline(kind="hard_date")) == 1
        with v.db.transaction() as conn:  # idempotent: running it again changes nothing
            schema._add_disclosures_hard_dates_templates(conn)
        assert len(Items(v.db).timeline(kind="hard_date")) == 1
        assert v.check() == []


# --- sync -------------------------------------------------------------------------------------
def test_the_new_kinds_and_a_boundarys_kind_travel_between_computers(tmp_path):
    """Disclosures, hard dates and templates are items: they sync as their kind's export,
    edits too (the telling marked later, an agreement that becomes a transparency one).
    The reminder to write, On this day and a note put away are this computer's own
    preferences (settings, like the check-in's schedule): they stay where they were set."""
    from kintsugi.core import sync
    from tests.helpers import open_paired, paired_template

    folder, v = open_paired(paired_template(tmp_path / "t", ("a", "b")), tmp_path / "c", ("a", "b"))
    a, b = v["a"], v["b"]
    try:
        d = DisclosureRepository(a.db).add(Disclosure(text="the message", happened_at=at(1)))
        h = HardDateRepository(a.db).add(HardDate(text="that day", day=date(2025, 3, 14)))
        t = TemplateRepository(a.db).add(Template(name="Homework", text="- [ ] a walk"))
        agreement = BoundaryRepository(a.db).add(Boundary(text="I tell you the same day"))
        config.ON_THIS_DAY.set(Settings(a.db), True)
        for vault in (a, b, a, b):
            sync.run_round(vault)
        ids = Items(b.db).ids_of([d.uid, h.uid, t.uid, agreement.uid])
        assert DisclosureRepository(b.db).get(ids[d.uid]).told_at is None
        assert HardDateRepository(b.db).get(ids[h.uid]).text == "that day"
        assert TemplateRepository(b.db).get(ids[t.uid]).text == "- [ ] a walk"
        theirs = BoundaryRepository(b.db).get(ids[agreement.uid])
        theirs.category = "transparency"
        BoundaryRepository(b.db).update(theirs)
        told = DisclosureRepository(a.db).get(d.id)
        told.told_at = at(2)
        DisclosureRepository(a.db).update(told)
        for vault in (a, b, a, b):
            sync.run_round(vault)
        assert DisclosureRepository(b.db).get(ids[d.uid]).told_at == at(2)
        assert BoundaryRepository(a.db).get(agreement.id).category == "transparency"
        assert not config.ON_THIS_DAY.get(Settings(b.db))  # a preference of a's alone
    finally:
        for vault in (a, b):
            vault.lock()

from datetime import date, datetime, timedelta

import pytest

from kintsugi.core.records import Entry, Trigger
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.triggers import TriggerRepository
from kintsugi.core.search import Search, SearchFilters, build_query


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("hope", '"hope"'),
        ("hope walk", '"hope" AND "walk"'),
        ('"long walk" home', '"long walk" AND "home"'),
        ("thera*", '"thera"*'),
        ("hope -anger", '"hope" NOT "anger"'),
        ('AND OR NOT ( ) " *', '"AND" AND "OR" AND "NOT"'),
        ("", None),
        ("-only", None),
        ("   ", None),
    ],
)
def test_build_query_is_safe(typed, query):
    assert build_query(typed) == query


def test_prefix_last_for_search_as_you_type():
    assert build_query("long wa", prefix_last=True) == '"long" AND "wa"*'
    assert build_query("long wa ", prefix_last=True) == '"long" AND "wa"'


@pytest.fixture
def corpus(vault):
    entries, triggers = EntryRepository(vault.db), TriggerRepository(vault.db)
    day = datetime(2026, 5, 10, 9).astimezone()
    ids = {
        "title": entries.add(
            Entry(title="Forgiveness", body="a long day", tags=["therapy"], occurred_at=day)
        ).id,
        "body": entries.add(
            Entry(
                title="Tuesday",
                body="we spoke about forgiveness once",
                occurred_at=day + timedelta(days=1),
            )
        ).id,
        "trigger": triggers.add(
            Trigger(
                cue="media",
                suds_peak=5,
                situation="A film about forgiveness",
                occurred_at=day + timedelta(days=2),
            )
        ).id,
        "other": entries.add(Entry(body="nothing to see", occurred_at=day)).id,
        "accent": entries.add(Entry(body="Un café à Zürich", occurred_at=day)).id,
    }
    return Search(vault.db), ids


def test_ranking_prefers_titles(corpus):
    search, ids = corpus
    hits = search.search("forgiveness")
    assert {h.id for h in hits} == {ids["title"], ids["body"], ids["trigger"]}
    assert hits[0].id == ids["title"]


def test_snippets_mark_the_match(corpus):
    search, ids = corpus
    hit = next(h for h in search.search("forgiveness") if h.id == ids["body"])
    start, end = hit.highlights[0]
    assert hit.snippet[start:end].lower() == "forgiveness"


def test_snippet_window_and_prefix_marks(vault):
    repo, search = EntryRepository(vault.db), Search(vault.db)
    words = " ".join(f"w{i}" for i in range(60))
    long = repo.add(Entry(title="Long", body=f"{words} Forgiveness matters {words}"))
    (hit,) = search.search("forgiv*")
    assert hit.id == long.id
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet.split()) <= 24
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["Forgiveness"]
    repo.add(Entry(title="Away", body="Un café à Zürich"))
    (hit,) = search.search("cafe zurich")
    assert hit.snippet == "Un café à Zürich"
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["café", "Zürich"]


def test_snippet_of_a_title_or_tag_match(corpus):
    search, ids = corpus
    (hit,) = search.search("forgiveness", SearchFilters(tag="therapy"))
    assert hit.snippet == "Forgiveness" and hit.highlights == ((0, 11),)
    (hit,) = search.search("therapy")  # a tag: the title stands in, nothing marked
    assert hit.id == ids["title"] and hit.snippet == "Forgiveness" and hit.highlights == ()


def test_unmark_ignores_stray_markers():
    from kintsugi.core.search import unmark

    assert unmark("a \x02b\x03 c\x03 \x02") == ("a b c ", ((2, 3),))


def test_prefix_and_diacritics(corpus):
    search, ids = corpus
    assert [h.id for h in search.search("forgiv*")] != []
    assert [h.id for h in search.search("cafe zurich")] == [ids["accent"]]


def test_filters_kind_date_tag(corpus):
    search, ids = corpus
    assert [h.id for h in search.search("forgiveness", SearchFilters(kinds=("trigger",)))] == [
        ids["trigger"]
    ]
    day = date(2026, 5, 11)
    assert [h.id for h in search.search("forgiveness", SearchFilters(since=day, until=day))] == [
        ids["body"]
    ]
    assert [h.id for h in search.search("forgiveness", SearchFilters(tag="Therapy"))] == [
        ids["title"]
    ]


def test_index_follows_updates_trash_and_purge(vault, corpus):
    search, ids = corpus
    repo, items = EntryRepository(vault.db), Items(vault.db)
    e = repo.get(ids["other"])
    e.body = "now about lanterns"
    repo.update(e)
    assert [h.id for h in search.search("lanterns")] == [e.id]
    assert search.search("nothing") == []
    items.delete(e.id)
    assert search.search("lanterns") == []
    items.restore(e.id)
    assert [h.id for h in search.search("lanterns")] == [e.id]
    items.delete(e.id)
    items.purge(e.id)
    with vault.db.read() as conn:
        assert conn.execute("SELECT count(*) FROM fts WHERE rowid = ?", (e.id,)).fetchone()[0] == 0


def test_private_notes_are_searchable_locally(vault):
    e = EntryRepository(vault.db).add(Entry(body="x", private_note="only mine: saffron"))
    assert [h.id for h in Search(vault.db).search("saffron")] == [e.id]


def test_the_index_stays_true_to_its_content_through_every_change(vault):
    """The index keeps no copy of the text (schema._V6): each change must delete the old
    index row before the text it was made from changes. FTS5's integrity check compares
    the index with its content view, row by row."""
    from kintsugi.core.records import Boundary, CheckIn, Goal, GoalProgress, GroundingSession
    from kintsugi.core.repo import repository_for

    made = [
        EntryRepository(vault.db).add(Entry(body="first words", tags=["a"], private_note="n")),
        TriggerRepository(vault.db).add(Trigger(cue="media", suds_peak=3, situation="a song")),
        repository_for(vault.db, "grounding").add(GroundingSession(notes="counted breaths")),
        repository_for(vault.db, "checkin").add(CheckIn(gratitude="tea", needs="time")),
        repository_for(vault.db, "goal").add(Goal(text="walk more")),
        repository_for(vault.db, "boundary").add(Boundary(text="no phones")),
    ]
    assert vault.check() == []
    items = Items(vault.db)
    for rec in made:
        rec = items.get(rec.id)
        rec.private_note, rec.tags = "quince", ["c", "b", "A"]  # "a" exists: its id is first
        if isinstance(rec, Goal):
            rec.progress = [GoalProgress(day=date(2026, 5, 1), amount=1, note="a quince walk")]
        repository_for(vault.db, rec.KIND).update(rec)
    assert vault.check() == []
    assert {h.id for h in Search(vault.db).search("quince")} == {r.id for r in made}
    for rec in made[:3]:
        items.delete(rec.id)
    items.restore(made[0].id)
    items.purge(made[1].id)
    assert items.empty_trash() == 1
    assert vault.check() == []
    assert {h.id for h in Search(vault.db).search("quince")} == {r.id for r in made} - {
        made[1].id,
        made[2].id,
    }


def test_records_added_in_a_batch_keep_the_index_true(vault):
    """Imports add records with add_batch (the index written from values, not the view):
    the values must be what the view shows, for every kind."""
    from kintsugi.core.records import CheckIn
    from kintsugi.core.repo import repository_for

    triggers = TriggerRepository(vault.db)
    (tid,) = triggers.add_batch([Trigger(cue="media", suds_peak=4, situation="a wedding song")])
    (eid,) = EntryRepository(vault.db).add_batch(
        [Entry(body="the batch entry", tags=["b", "B2"], private_note="pomelo")]
    )
    (cid,) = repository_for(vault.db, "checkin").add_batch([CheckIn(needs="a slow evening")])
    assert vault.check() == []
    search = Search(vault.db)
    assert [h.id for h in search.search("wedding")] == [tid]
    assert [h.id for h in search.search("pomelo")] == [eid]
    assert [h.id for h in search.search("slow evening")] == [cid]
    t = triggers.get(tid)
    t.situation = "a different song"
    triggers.update(t)
    assert search.search("wedding") == [] and vault.check() == []


def test_the_count_follows_every_filter_the_hits_follow(vault):
    """ "Showing 100 of N": N counts with the same filters as the page (the star included)."""
    repo, search = EntryRepository(vault.db), Search(vault.db)
    for i in range(6):
        repo.add(Entry(title=f"walnut {i}", body="walnut evening", starred=i % 3 == 0))
    for filters in (SearchFilters(), SearchFilters(starred=True)):
        hits = search.search("walnut", filters)
        assert search.count("walnut", filters) == len(hits)
    assert search.count("walnut", SearchFilters(starred=True)) == 2

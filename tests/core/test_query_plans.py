"""No full-table scan on a path a person waits for (open, first page, search, save)."""

from datetime import datetime

from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import SUMMARY_SQL


def plan(vault, sql, args=()):
    with vault.db.read() as conn:
        return " | ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", args))


def test_timeline_pages_use_the_index(vault):
    EntryRepository(vault.db).add(Entry(body="x"))
    first = plan(
        vault,
        f"{SUMMARY_SQL} WHERE i.deleted_at IS NULL"
        " ORDER BY i.occurred_at DESC, i.id DESC LIMIT 100",
    )
    assert "SCAN i USING INDEX item_timeline" in first or "SEARCH i USING INDEX" in first
    assert "TEMP B-TREE" not in first
    later = plan(
        vault,
        f"{SUMMARY_SQL} WHERE i.deleted_at IS NULL"
        " AND (i.occurred_at, i.id) < (?, ?)"
        " ORDER BY i.occurred_at DESC, i.id DESC LIMIT 100",
        (datetime.now().isoformat(), 5),
    )
    assert "item_timeline" in later and "TEMP B-TREE" not in later
    by_kind = plan(
        vault,
        f"{SUMMARY_SQL} WHERE i.deleted_at IS NULL AND i.kind = 'entry'"
        " ORDER BY i.occurred_at DESC, i.id DESC LIMIT 100",
    )
    assert "item_kind_timeline" in by_kind and "TEMP B-TREE" not in by_kind


def test_search_starts_from_the_full_text_index_and_stays_off_item_rows(vault, monkeypatch):
    from kintsugi.core.search import Search

    plans = []

    class Spy:
        def __init__(self, conn):
            self.conn = conn

        def execute(self, sql, args=()):
            if "MATCH" in sql and "bm25" in sql:
                plans.append(
                    " | ".join(r[-1] for r in self.conn.execute(f"EXPLAIN QUERY PLAN {sql}", args))
                )
            return self.conn.execute(sql, args)

    class SpyDb:
        def __init__(self, db):
            self.db = db

        def read(self):
            from contextlib import contextmanager

            @contextmanager
            def ctx():
                with self.db.read() as conn:
                    yield Spy(conn)

            return ctx()

    from kintsugi.core.search import SearchFilters

    Search(SpyDb(vault.db)).search("x", SearchFilters(kinds=("entry",)))
    assert "VIRTUAL TABLE INDEX" in plans[0]
    assert "COVERING INDEX item_search" in plans[0]  # ranking never reads wide item rows

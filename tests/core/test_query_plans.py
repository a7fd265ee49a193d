"""No full-table scan on a path a person waits for (open, first page, search, save)."""

from datetime import datetime

from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import _SUMMARY


def plan(vault, sql, args=()):
    with vault.db.read() as conn:
        return " | ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", args))


def test_timeline_pages_use_the_index(vault):
    EntryRepository(vault.db).add(Entry(body="x"))
    first = plan(vault, f"{_SUMMARY} WHERE i.deleted_at IS NULL"
                        " ORDER BY i.occurred_at DESC, i.id DESC LIMIT 100")
    assert "SCAN i USING INDEX item_timeline" in first or "SEARCH i USING INDEX" in first
    assert "TEMP B-TREE" not in first
    later = plan(vault, f"{_SUMMARY} WHERE i.deleted_at IS NULL AND (i.occurred_at, i.id) < (?, ?)"
                        " ORDER BY i.occurred_at DESC, i.id DESC LIMIT 100",
                 (datetime.now().isoformat(), 5))
    assert "item_timeline" in later and "TEMP B-TREE" not in later
    by_kind = plan(vault, f"{_SUMMARY} WHERE i.deleted_at IS NULL AND i.kind = 'entry'"
                          " ORDER BY i.occurred_at DESC, i.id DESC LIMIT 100")
    assert "item_kind_timeline" in by_kind and "TEMP B-TREE" not in by_kind


def test_search_starts_from_the_full_text_index(vault):
    p = plan(vault, "SELECT i.id FROM fts JOIN item i ON i.id = fts.rowid"
                    " WHERE fts MATCH 'x' AND i.deleted_at IS NULL")
    assert "VIRTUAL TABLE INDEX" in p and "SEARCH i USING INTEGER PRIMARY KEY" in p

"""The search index's content view (schema ``_SEARCH_DOC``) reads an item's tags in the
order of item_tag's key instead of sorting them per row: it must show exactly what the
view it replaced showed — each item's tags by tag id — so an index made through either
stays true, and the migration makes it from a vault that has the old one."""

from __future__ import annotations

from datetime import timedelta

from kintsugi.core import schema
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.search import Search
from kintsugi.core.timeutil import now
from kintsugi.core.vault import Vault
from tests.helpers import PASSPHRASE, index_problem

#: The view as schema v6 made it (its tags sorted by ``group_concat(… ORDER BY …)``).
OLD_VIEW = schema._V6[schema._V6.index("CREATE VIEW") : schema._V6.index("CREATE VIRTUAL")]
ROWS = "SELECT id, title, body, tags FROM search_doc ORDER BY id"


def _fill(vault: Vault) -> None:
    repo = EntryRepository(vault.db)
    start = now() - timedelta(days=40)
    # tags made in one order and given to later entries in others: the tag ids' order is
    # neither the names' order nor the order an entry lists them in
    for n, tags in enumerate(
        [["zeta"], ["alpha"], ["mid", "zeta", "alpha"], ["Alpha", "beta", "zeta"], [], ["beta"]]
    ):
        repo.add(Entry(occurred_at=start + timedelta(days=n), title=f"t{n}", body="b", tags=tags))
    repo.add_batch(
        [
            Entry(occurred_at=start + timedelta(days=20 + n), body="x", tags=t)
            for n, t in enumerate([["new", "zeta"], ["beta", "new", "alpha"]])
        ]
    )


def test_the_view_shows_each_items_tags_by_tag_id_as_the_old_one_did(vault):
    _fill(vault)
    with vault.db.read() as conn:
        now_rows = conn.execute(ROWS).fetchall()
        by_id = {
            item_id: " ".join(
                name
                for (name,) in conn.execute(
                    "SELECT t.name FROM item_tag it JOIN tag t ON t.id = it.tag_id"
                    " WHERE it.item_id = ? ORDER BY t.id",
                    (item_id,),
                )
            )
            for item_id, *_ in now_rows
        }
    with vault.db.transaction() as conn:
        conn.execute("DROP VIEW search_doc")
        conn.execute(OLD_VIEW)
        old_rows = conn.execute(ROWS).fetchall()
    assert now_rows == old_rows
    assert [row[3] for row in now_rows] == [by_id[row[0]] for row in now_rows]
    assert any(len(row[3].split()) == 3 for row in now_rows)
    assert index_problem(vault.db) is None


def test_a_vault_with_the_old_view_is_migrated_and_its_index_stays_true(vault_path):
    v = Vault.create(vault_path, PASSPHRASE)
    _fill(v)
    with v.db.transaction() as conn:
        conn.execute("DROP VIEW search_doc")
        conn.execute(OLD_VIEW)
        # the version before the step that made the view (the steps after it run too)
        version = schema.MIGRATIONS.index(schema._read_search_tags_in_key_order)
        conn.execute(f"PRAGMA user_version = {version}")
        before = conn.execute(ROWS).fetchall()
    v.lock()
    v = Vault.open(vault_path, PASSPHRASE)
    with v.db.read() as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST_VERSION
        (sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'search_doc'"
        ).fetchone()
        assert "ORDER BY it.tag_id)" in sql and "group_concat(t.name, ' ' ORDER BY" not in sql
        assert conn.execute(ROWS).fetchall() == before
    assert index_problem(v.db) is None
    hits = Search(v.db).search("zeta")
    assert {hit.id for hit in hits} == {r[0] for r in before if "zeta" in r[3].split()}
    schema._read_search_tags_in_key_order(v.db.conn)  # again: idempotent
    assert index_problem(v.db) is None
    v.lock()

"""Schema v18: the search index's leaves fit SQLCipher's page, and the timeline's indexes
run in time order (docs/benchmarks.md, "The file")."""

import shutil
from pathlib import Path

from kintsugi.core import schema
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.search import Search
from kintsugi.core.vault import Vault

DATA = Path(__file__).resolve().parent.parent / "data"
# What a table leaf holds in place: 4,096 bytes less SQLCipher's 80, less 35; the blob's
# record has a 4-byte header.
IN_PLACE = 4096 - 80 - 35 - 4


def _leaf_setting(conn) -> int:
    return conn.execute("SELECT v FROM fts_config WHERE k = 'pgsz'").fetchone()[0]


def _plans(conn, sql: str, args=()) -> str:
    return " | ".join(r[-1] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", args))


def test_a_new_vaults_index_leaves_each_fit_one_page(vault):
    repo = EntryRepository(vault.db)
    words = [f"word{n}" for n in range(3000)]
    with vault.db.transaction():
        for n in range(120):
            repo.add(Entry(title=f"day {n}", body=" ".join(words[n : n + 400])))
    with vault.db.read() as conn:
        assert _leaf_setting(conn) == schema.SEARCH_LEAF_BYTES
        conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")
        longest = conn.execute("SELECT max(length(block)) FROM fts_data").fetchone()[0]
        assert schema.SEARCH_LEAF_BYTES <= longest <= IN_PLACE
        conn.execute("INSERT INTO fts (fts) VALUES ('integrity-check')")
    assert [h.title for h in Search(vault.db).search("word0")] == ["day 0"]


def test_the_timeline_reads_its_ascending_index_backwards_without_a_sort(vault):
    with vault.db.read() as conn:
        sqls = {r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_master")}
        assert "DESC" not in sqls["item_timeline"] and "DESC" not in sqls["item_kind_timeline"]
        for where, args in (("", ()), ("AND i.kind = ?", ("entry",))):
            plan = _plans(
                conn,
                f"SELECT i.id FROM item i WHERE i.deleted_at IS NULL {where}"
                " AND (i.occurred_at, i.id) < ('9', 9) ORDER BY i.occurred_at DESC, i.id DESC"
                " LIMIT 100",
                args,
            )
            assert "TEMP B-TREE" not in plan and "item_" in plan and "timeline" in plan, plan


def test_version_1_and_3_vaults_get_the_fitted_index_and_lose_nothing(tmp_path):
    for name in ("vault-v1.kintsugi", "vault-v3.kintsugi"):
        path = tmp_path / name
        shutil.copy(DATA / name, path)
        with Vault.open(path, "old vault passphrase") as v:
            assert schema.user_version(v.db) == schema.LATEST_VERSION
            with v.db.read() as conn:
                assert _leaf_setting(conn) == schema.SEARCH_LEAF_BYTES
                conn.execute("INSERT INTO fts (fts) VALUES ('integrity-check')")
            timeline = Items(v.db).timeline()
            assert timeline == sorted(timeline, key=lambda i: (i.occurred_at, i.id), reverse=True)
            assert v.check() == []


def test_the_step_runs_again_over_its_own_result(vault):
    repo = EntryRepository(vault.db)
    kept = repo.add(Entry(title="kept", body="lanterns by the river"))
    with vault.db.transaction() as conn:
        schema.MIGRATIONS[17](conn)
    with vault.db.read() as conn:
        assert _leaf_setting(conn) == schema.SEARCH_LEAF_BYTES
        conn.execute("INSERT INTO fts (fts) VALUES ('integrity-check')")
    assert [h.id for h in Search(vault.db).search("lanterns")] == [kept.id]
    assert Items(vault.db).timeline()[0].id == kept.id

"""Vaults written by older versions (kept in tests/data) open, upgrade, and lose nothing."""

import re
import shutil
from pathlib import Path

from kintsugi.core import schema
from kintsugi.core.repo import repository_for
from kintsugi.core.repo.goals import GoalRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.search import Search
from kintsugi.core.vault import Vault, backup_dir_for

DATA = Path(__file__).resolve().parent.parent / "data"


def test_a_version_1_vault_upgrades_with_a_backup(tmp_path):
    path = tmp_path / "vault-v1.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        items = Items(v.db).timeline()
        assert sorted(i.kind for i in items) == ["boundary", "checkin", "entry", "goal", "trigger"]
        goal = GoalRepository(v.db).get(next(i.id for i in items if i.kind == "goal"))
        assert goal.reached and not goal.celebrated
        assert v.check() == []
    backups = list(backup_dir_for(path).iterdir())
    assert len(backups) == 1 and ".before-migration." in backups[0].name
    with Vault.open(backups[0], "old vault passphrase", migrations=schema.MIGRATIONS[:1]) as b:
        assert schema.user_version(b.db) == 1
        assert len(Items(b.db).timeline()) == 5


def _open_copy_of(name, tmp_path):
    path = tmp_path / name
    shutil.copy(DATA / name, path)
    return path


def test_a_version_1_vault_is_searchable_after_upgrading(tmp_path):
    path = _open_copy_of("vault-v1.kintsugi", tmp_path)
    with Vault.open(path, "old vault passphrase") as v:
        kinds = {i.id: i.kind for i in Items(v.db).timeline()}
        search = Search(v.db)
        for kind in ("entry", "trigger", "checkin", "goal", "boundary"):
            rec = Items(v.db).get(next(i for i, k in kinds.items() if k == kind))
            _, _, text = repository_for(v.db, kind).describe(rec)
            word = max(re.findall(r"\w{4,}", f"{text} {rec.tags}") or [""], key=len)
            if word:
                assert rec.id in [h.id for h in search.search(word)], (kind, word)
        assert _index_holds_no_text(v.db)


def _index_holds_no_text(db) -> bool:
    with db.read() as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'fts'").fetchone()[0]
    return "fts_content" not in names and "content = 'search_doc'" in sql and "prefix" not in sql


def test_a_version_3_vault_upgrades_to_an_index_without_a_copy_of_the_text(tmp_path):
    """tests/data/vault-v3.kintsugi: made by schema v3 (tests/data/make_vault_v3.py)."""
    path = _open_copy_of("vault-v3.kintsugi", tmp_path)
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        assert _index_holds_no_text(v.db)
        with v.db.read() as conn:  # no more than a quarter left free (else VACUUM)
            free = conn.execute("PRAGMA freelist_count").fetchone()[0]
            assert free * 4 <= conn.execute("PRAGMA page_count").fetchone()[0]
        search = Search(v.db)
        found = {
            typed: [(h.kind, h.snippet, [h.snippet[a:b] for a, b in h.highlights]) for h in hits]
            for typed in (
                "forgiveness",
                "saffron",
                "cafe zurich",
                "affair",
                "breathing",
                "honesty",
                "walks",
                "phone",
                "spring",
                "lanterns",
                "therapy",
            )
            for hits in [search.search(typed)]
        }
        assert found["forgiveness"] == [
            (
                "entry",
                "We talked about forgiveness on a long walk.\nonly mine: saffron",
                ["forgiveness"],
            )
        ]
        assert found["saffron"][0][2] == ["saffron"]  # a private note: searchable locally
        assert found["cafe zurich"][0][2] == ["café", "Zürich"]
        assert [k for k, *_ in found["affair"]] == ["trigger"]
        assert found["affair"][0][2] == ["affair"]
        assert [k for k, *_ in found["breathing"]] == ["grounding"]  # its title
        assert [k for k, *_ in found["honesty"]] == ["checkin"]
        assert [k for k, *_ in found["walks"]] == []  # a unit is not searchable text
        assert [k for k, *_ in found["phone"]] == ["boundary"]
        assert [k for k, *_ in found["spring"]] == ["boundary"]  # its private note
        assert found["lanterns"] == []  # in the trash
        assert found["therapy"] == [("entry", "Forgiveness", [])]  # a tag: the title stands
        assert v.check() == []
        # and the index stays true through every change of the migrated records
        items = Items(v.db)
        for summary in items.timeline():
            rec = items.get(summary.id)
            rec.private_note = "changed after the upgrade: juniper"
            rec.tags = [*rec.tags, "moved"]
            repository_for(v.db, summary.kind).update(rec)
        assert len(search.search("juniper")) == len(items.timeline())
        assert search.search("saffron") == []
        assert items.empty_trash() == 1
        assert v.check() == []
    backups = list(backup_dir_for(path).iterdir())
    assert len(backups) == 1 and ".before-migration." in backups[0].name
    with Vault.open(backups[0], "old vault passphrase", migrations=schema.MIGRATIONS[:3]) as b:
        assert schema.user_version(b.db) == 3


def test_a_migration_that_frees_most_of_the_file_gives_it_back(vault, vault_path):
    from kintsugi.core.records import Entry
    from kintsugi.core.repo.entries import EntryRepository

    repo = EntryRepository(vault.db)
    with vault.db.transaction():
        ids = [repo.add(Entry(body="filler words " * 800)).id for _ in range(300)]
    keep = repo.add(Entry(body="kept"))
    with vault.db.transaction():
        for item_id in ids:
            Items(vault.db).delete(item_id)
        Items(vault.db).empty_trash()
    vault.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = vault_path.stat().st_size
    vault._compact_if_mostly_free()
    vault.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert vault_path.stat().st_size < before / 4
    assert repo.get(keep.id).body == "kept" and vault.check() == []

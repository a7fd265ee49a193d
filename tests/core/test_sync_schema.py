"""The sync tables' migration (schema: ``_v9_to_v10``), from the kept version-1 vault and from
the version before it; and its triggers mark changes only while a vault syncs."""

from __future__ import annotations

import shutil
from pathlib import Path

from kintsugi.core import schema, sync
from kintsugi.core.records import Entry
from kintsugi.core.repo import sync_state
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import Vault
from tests.helpers import FAST_KDF, PASSPHRASE

DATA = Path(__file__).resolve().parent.parent / "data"
SYNC_VERSION = schema.MIGRATIONS.index(schema._v9_to_v10) + 1
SYNC_TABLES = {
    "sync_config",
    "sync_key",
    "sync_device",
    "sync_record",
    "sync_dirty",
    "sync_blob",
    "sync_conflict",
}


def _tables(vault) -> set[str]:
    with vault.db.read() as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_the_kept_version_1_vault_gets_the_sync_tables_and_can_sync(tmp_path):
    path = tmp_path / "vault-v1.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    folder = tmp_path / "folder"
    folder.mkdir()
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        assert _tables(v) >= SYNC_TABLES
        assert v.check() == []
        code = sync.setup(v, folder)
        with Vault.create(tmp_path / "new.kintsugi", PASSPHRASE, params=FAST_KDF) as n:
            sync.join(n, folder, code)
            assert sorted(i.kind for i in Items(n.db).timeline()) == sorted(
                i.kind for i in Items(v.db).timeline()
            )


def test_the_version_before_upgrades_and_keeps_its_records(tmp_path):
    path = tmp_path / "prev.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    before = schema.MIGRATIONS[: SYNC_VERSION - 1]
    with Vault.open(path, "old vault passphrase", migrations=before) as v:
        assert schema.user_version(v.db) == SYNC_VERSION - 1
        assert not SYNC_TABLES & _tables(v)
        e = EntryRepository(v.db).add(Entry(title="before", body="kept"))
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        assert _tables(v) >= SYNC_TABLES
        assert EntryRepository(v.db).get(e.id).body == "kept"
        assert v.check() == []


def test_the_triggers_mark_changes_only_while_the_vault_syncs(vault, tmp_path):
    repo = EntryRepository(vault.db)
    e = repo.add(Entry(body="not syncing"))
    with vault.db.read() as conn:
        assert not sync_state.has_dirty(conn)
    folder = tmp_path / "folder"
    folder.mkdir()
    sync.setup(vault, folder)
    with vault.db.read() as conn:
        assert not sync_state.has_dirty(conn)  # the first round sent it
    e.body = "now it syncs"
    repo.update(e)
    with vault.db.read() as conn:
        assert sync_state.dirty(conn, 10) == [e.uid]
    Items(vault.db).delete(e.id)
    Items(vault.db).empty_trash()
    with vault.db.read() as conn:
        assert sync_state.dirty(conn, 10) == [e.uid]


def test_the_kept_version_1_vault_gets_the_signing_columns_and_the_step_runs_twice(tmp_path):
    """Schema v19 (``_add_sync_signatures``): each device's verify key and its mark under
    older keys, from the kept version-1 vault; the step is idempotent."""
    path = tmp_path / "vault-v1.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.MIGRATIONS.index(schema._add_sync_signatures) + 1 == 19
        with v.db.transaction() as conn:
            schema._add_sync_signatures(conn)  # again: nothing to add
            cols = {r[1] for r in conn.execute("PRAGMA table_info(sync_device)")}
            sync_state.pin_verify_key(conn, "ab" * 8, "cd" * 32)
            sync_state.pin_verify_key(conn, "ab" * 8, "ef" * 32)  # the first one is kept
            sync_state.set_old_key_marks(conn, {"ab" * 8: 7})
        assert {"verify_key", "old_key_to"} <= cols
        with v.db.read() as conn:
            (dev,) = sync_state.devices(conn)
        assert (dev.verify_key, dev.old_key_to) == ("cd" * 32, 7)
        assert v.check() == []


def test_the_kept_version_1_vault_gets_the_key_withdrawal_column_and_the_step_runs_twice(
    tmp_path,
):
    """Schema v20 (``_add_sync_key_withdrawal``): sync keys this device no longer writes
    under, from the kept version-1 vault; the step is idempotent."""
    path = tmp_path / "vault-v1.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.MIGRATIONS.index(schema._add_sync_key_withdrawal) + 1 == 20
        with v.db.transaction() as conn:
            schema._add_sync_key_withdrawal(conn)  # again: nothing to add
            sync_state.add_key(conn, 1, "AGE-SECRET-KEY-1", "00" * 32)
            sync_state.add_key(conn, 2, "AGE-SECRET-KEY-2", "11" * 32)
            assert not sync_state.newest_key_withdrawn(conn)
            sync_state.withdraw_keys_from(conn, 2)
        with v.db.read() as conn:
            assert sync_state.newest_key_withdrawn(conn)
            assert [k[0] for k in sync_state.keys(conn)] == [2, 1]
        assert v.check() == []

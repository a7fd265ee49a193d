import os
import sqlite3
import stat
import subprocess
import sys
import textwrap

import pytest
import sqlcipher3

from kintsugi.core import kdf, schema
from kintsugi.core import vault as vault_module
from kintsugi.core.errors import (
    InvalidRecoveryKey,
    NotAVault,
    PlainSQLiteFile,
    StorageError,
    VaultCorrupted,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    VaultReadOnly,
    VaultTooNew,
    WrongPassphrase,
)
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import Vault, backup_dir_for
from tests.helpers import FAST_KDF, PASSPHRASE


def add_entries(v, n=3, text="hello"):
    repo = EntryRepository(v.db)
    return [repo.add(Entry(title=f"{text} {i}", body=f"{text} body {i}")).id for i in range(n)]


def leftovers(vault_path):
    """Files next to the vault other than the vault, its WAL and its WAL index."""
    names = {vault_path.name, vault_path.name + "-wal", vault_path.name + "-shm"}
    return [p.name for p in vault_path.parent.iterdir() if p.name not in names]


def checkpointed_bytes(v):
    with v.db.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return v.path.read_bytes()


# --- creating ------------------------------------------------------------------
def test_create_makes_a_private_self_describing_file(vault, vault_path):
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(vault_path.parent.stat().st_mode) == 0o700
    with vault.db.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    head = vault_path.read_bytes()[:16]
    assert head == vault.salt
    assert kdf.parse_salt(head) == FAST_KDF
    assert b"SQLite format 3" not in vault_path.read_bytes()


def test_create_refuses_to_overwrite(vault_path):
    vault_path.parent.mkdir(parents=True)
    vault_path.write_bytes(b"precious")
    with pytest.raises(VaultExists):
        Vault.create(vault_path, PASSPHRASE, params=FAST_KDF)
    assert vault_path.read_bytes() == b"precious"


def test_new_vault_uses_the_calibrated_default_floor(tmp_path):
    with Vault.create(tmp_path / "v.kintsugi", PASSPHRASE) as v:
        p = v.kdf_params
    assert p.memory_kib >= 65536 and p.iterations >= 3 and p.lanes >= 4


def test_connection_settings_are_checked(vault):
    with vault.db.read() as conn:
        assert conn.execute("PRAGMA cipher_version").fetchone()[0]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST_VERSION


# --- opening -------------------------------------------------------------------
def test_reopen_with_the_passphrase(vault, vault_path):
    ids = add_entries(vault)
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert [i.id for i in Items(v.db).timeline()] == ids[::-1]


def test_wrong_passphrase_is_clear_quiet_and_writes_nothing(vault, vault_path, capfd):
    add_entries(vault)
    vault.lock()
    before = vault_path.read_bytes()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "not it")
    assert vault_path.read_bytes() == before
    assert capfd.readouterr().err == ""  # SQLCipher's own logging is silenced


def test_missing_file(tmp_path):
    with pytest.raises(VaultNotFound):
        Vault.open(tmp_path / "nope.kintsugi", PASSPHRASE)


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", NotAVault),
        (os.urandom(8192), NotAVault),
        (kdf.encode_tag(FAST_KDF) + os.urandom(8188), WrongPassphrase),
    ],
)
def test_files_that_are_not_vaults(tmp_path, content, error):
    path = tmp_path / "x.kintsugi"
    path.write_bytes(content)
    with pytest.raises(error):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == content


def test_plain_sqlite_file_is_named(tmp_path):
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(PlainSQLiteFile):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == before


def test_a_folder_is_not_a_vault(tmp_path):
    with pytest.raises(NotAVault):
        Vault.open(tmp_path, PASSPHRASE)


def test_truncated_vault_is_reported_corrupted(vault, vault_path):
    add_entries(vault, 200, "x" * 400)
    data = checkpointed_bytes(vault)
    vault.lock()
    vault_path.write_bytes(data[: len(data) // 2])
    truncated = vault_path.read_bytes()
    try:
        with Vault.open(vault_path, PASSPHRASE) as v:
            Items(v.db).timeline(limit=1000)
            problems = v.check()
    except VaultCorrupted:
        problems = ["reported as corrupted"]
    assert problems, "truncation went unnoticed"
    assert vault_path.read_bytes()[: len(truncated)] == truncated


def test_flipped_byte_is_found_by_check(vault, vault_path):
    add_entries(vault, 100, "y" * 300)
    data = bytearray(checkpointed_bytes(vault))
    vault.lock()
    data[4096 * 3 + 500] ^= 0x40
    vault_path.write_bytes(bytes(data))
    with Vault.open(vault_path, PASSPHRASE) as v:
        problems = v.check()
    assert problems and any("HMAC" in p or "damaged" in p for p in problems)


def test_vault_from_a_newer_version_is_refused_untouched(vault, vault_path):
    with vault.db.transaction() as conn:
        conn.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    before = checkpointed_bytes(vault)
    vault.lock()
    with pytest.raises(VaultTooNew):
        Vault.open(vault_path, PASSPHRASE)
    assert vault_path.read_bytes() == before


def test_read_only_file_is_refused(vault, vault_path):
    vault.lock()
    os.chmod(vault_path, 0o400)
    try:
        with pytest.raises(VaultReadOnly):
            Vault.open(vault_path, PASSPHRASE)
    finally:
        os.chmod(vault_path, 0o600)


def test_read_only_folder_is_refused(vault, vault_path):
    vault.lock()
    os.chmod(vault_path.parent, 0o500)
    try:
        with pytest.raises(VaultReadOnly):
            Vault.open(vault_path, PASSPHRASE)
    finally:
        os.chmod(vault_path.parent, 0o700)


def test_vault_in_use_by_another_process(vault, vault_path):
    code = textwrap.dedent(f"""
        import sys
        from kintsugi.core.vault import Vault
        from kintsugi.core.errors import VaultInUse
        try:
            Vault.open(sys.argv[1], {PASSPHRASE!r})
        except VaultInUse:
            sys.exit(17)
    """)
    result = subprocess.run([sys.executable, "-c", code, str(vault_path)], capture_output=True)
    assert result.returncode == 17, result.stderr
    vault.lock()
    result = subprocess.run([sys.executable, "-c", code, str(vault_path)], capture_output=True)
    assert result.returncode == 0, result.stderr


def test_refuses_a_sqlite_build_without_encryption(vault_path, monkeypatch):
    real_connect = sqlcipher3.connect

    class NoCipher:
        def __init__(self, *a, **k):
            self._conn = real_connect(*a, **k)

        def execute(self, sql, *args):
            if "cipher_version" in sql:
                return self._conn.execute("SELECT '' WHERE 0")
            return self._conn.execute(sql, *args)

        def close(self):
            self._conn.close()

    monkeypatch.setattr(vault_module.sqlcipher3, "connect", NoCipher)
    from kintsugi.core.errors import CipherUnavailable

    with pytest.raises(CipherUnavailable):
        Vault.create(vault_path, PASSPHRASE, params=FAST_KDF)
    assert not vault_path.exists()


# --- locking --------------------------------------------------------------------
def test_lock_closes_and_wipes(vault):
    key = vault._key
    vault.lock()
    assert vault.locked and key == bytearray(len(key))
    with pytest.raises(VaultLocked):
        Items(vault.db).timeline()
    vault.lock()  # idempotent


def test_verify_passphrase(vault):
    assert vault.verify_passphrase(PASSPHRASE)
    assert not vault.verify_passphrase(PASSPHRASE + " ")


# --- recovery key ---------------------------------------------------------------
def test_recovery_key_opens_and_asks_for_a_new_passphrase(vault, vault_path):
    ids = add_entries(vault)
    rk = vault.recovery_key()
    vault.lock()
    with Vault.open_with_recovery_key(vault_path, rk) as v:
        assert v.needs_new_passphrase
        v.change_passphrase("a brand new passphrase")
        assert not v.needs_new_passphrase
        new_rk = v.recovery_key()
    assert new_rk != rk
    with pytest.raises(InvalidRecoveryKey):
        Vault.open_with_recovery_key(vault_path, rk)
    with Vault.open(vault_path, "a brand new passphrase") as v:
        assert len(Items(v.db).timeline()) == len(ids)


def test_recovery_key_of_another_vault_is_refused(vault, tmp_path):
    with Vault.create(tmp_path / "other.kintsugi", "x", params=FAST_KDF) as other:
        foreign = other.recovery_key()
    vault.lock()
    with pytest.raises(InvalidRecoveryKey):
        Vault.open_with_recovery_key(vault.path, foreign)


# --- change passphrase -------------------------------------------------------------
def test_change_passphrase(vault, vault_path):
    ids = add_entries(vault)
    old_salt = vault.salt
    items = Items(vault.db)  # made before the re-key: must keep working after it
    vault.change_passphrase("second passphrase")
    assert len(items.timeline()) == len(ids)
    assert vault.salt != old_salt and kdf.parse_salt(vault.salt) == FAST_KDF
    add_entries(vault, 1, "after")  # still usable
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE)
    with Vault.open(vault_path, "second passphrase") as v:
        assert len(Items(v.db).timeline()) == len(ids) + 1
        assert v.check() == []
        assert v.path.read_bytes()[:16] == v.salt
    assert leftovers(vault_path) == []


def test_failed_rekey_leaves_the_original_untouched(vault, vault_path, monkeypatch):
    add_entries(vault)
    before = checkpointed_bytes(vault)

    def broken_verify(*args, **kwargs):
        raise StorageError("simulated failure while verifying")

    monkeypatch.setattr(vault_module, "_verify_copy", broken_verify)
    with pytest.raises(StorageError):
        vault.change_passphrase("never applied")
    assert vault_path.read_bytes() == before
    assert leftovers(vault_path) == []
    assert len(Items(vault.db).timeline()) == 3  # still open and usable
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert v.check() == []


def test_failed_swap_keeps_the_old_vault_working(vault, vault_path, monkeypatch):
    add_entries(vault)

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(vault_module.fsutil.os, "replace", broken_replace)
    with pytest.raises(OSError):
        vault.change_passphrase("never applied")
    monkeypatch.undo()
    assert len(Items(vault.db).timeline()) == 3
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert v.check() == []
    assert leftovers(vault_path) == []


# --- backups -------------------------------------------------------------------------
def test_a_backup_does_not_hold_writes_back(vault, tmp_path):
    """A save made while the copy runs commits while the copy is still running. Judged by
    what the copy is doing when the save returns, not by comparing durations: on a loaded
    machine one save's fsync can take as long as the whole copy."""
    import threading
    import time

    repo = EntryRepository(vault.db)
    with vault.db.transaction():
        for i in range(3000):
            repo.add(Entry(title=f"padding {i}", body="words " * 300))
    copying = vault._backup_running  # held from the copy's first step to its last
    worker = threading.Thread(target=lambda: vault.backup_to(tmp_path / "b.kintsugi"))
    worker.start()
    deadline = time.monotonic() + 60
    while not copying.locked() and worker.is_alive() and time.monotonic() < deadline:
        time.sleep(0.001)
    assert copying.locked(), "the copy was never seen running"
    repo.add(Entry(title="written while the backup runs"))
    saved_during_copy = copying.locked()  # had the save waited for the copy, it would be over
    more = 0
    while worker.is_alive() and more < 200:  # keep writing while the copy runs
        repo.add(Entry(title=f"more {more}", body="while copying " * 20))
        more += 1
    worker.join()
    assert saved_during_copy, "the save returned only once the copy had finished"
    assert vault.check() == []
    assert len(Items(vault.db).timeline(limit=5000)) == 3001 + more
    with Vault.open(tmp_path / "b.kintsugi", PASSPHRASE) as b:
        assert b.check() == []


def test_locking_stops_a_backup_at_once(vault, tmp_path):
    """Lock while a backup is between its steps: the backup stops there (VaultLocked), no
    copy and no temporary file are left. The backup is held after its first step until
    lock() asks it to stop, so the test never depends on how fast the machine is (it
    failed in CI when the whole backup finished within a 50 ms sleep)."""
    import threading

    class HeldAfterTheFirstStep(threading.Event):
        def __init__(self) -> None:
            super().__init__()
            self.in_steps, self.asked_to_stop = threading.Event(), threading.Event()

        def is_set(self) -> bool:  # the backup asks between its steps
            self.in_steps.set()
            self.asked_to_stop.wait(20)
            return super().is_set()

        def set(self) -> None:  # lock() asks it to stop
            super().set()
            self.asked_to_stop.set()

    repo = EntryRepository(vault.db)
    with vault.db.transaction():
        for i in range(3000):
            repo.add(Entry(title=f"padding {i}", body="words " * 300))
    vault._stop_backup = held = HeldAfterTheFirstStep()
    errors = []

    def backup():
        try:
            vault.backup_to(tmp_path / "b.kintsugi")
        except Exception as exc:  # noqa: BLE001 - the test looks at what it was
            errors.append(exc)

    worker = threading.Thread(target=backup)
    worker.start()
    assert held.in_steps.wait(20)  # copying, between two steps
    vault.lock()
    worker.join(20)
    assert vault.locked and not worker.is_alive()
    assert errors and isinstance(errors[0], VaultLocked)
    assert not (tmp_path / "b.kintsugi").exists()
    assert [p.name for p in tmp_path.iterdir() if "backup" in p.name] == []


def test_backup_opens_with_the_same_passphrase(vault, tmp_path):
    ids = add_entries(vault, 5)
    out = vault.backup_to(tmp_path / "backups" / "copy.kintsugi")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    add_entries(vault, 1, "later")
    vault.lock()
    with Vault.open(out, PASSPHRASE) as b:
        assert sorted(i.id for i in Items(b.db).timeline()) == ids
        assert b.check() == []


# --- migrations ----------------------------------------------------------------------
def _add_column(conn):
    conn.execute("ALTER TABLE entry ADD COLUMN weather TEXT")


def _broken(conn):
    conn.execute("ALTER TABLE entry ADD COLUMN half_done TEXT")
    raise RuntimeError("migration bug")


def test_forward_migration_takes_a_backup_first(vault, vault_path):
    add_entries(vault)
    vault.lock()
    migrations = (*schema.MIGRATIONS, _add_column)
    with Vault.open(vault_path, PASSPHRASE, migrations=migrations) as v:
        with v.db.read() as conn:
            cols = [r[1] for r in conn.execute("PRAGMA table_info(entry)")]
            assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations)
        assert "weather" in cols
    backups = list(backup_dir_for(vault_path).iterdir())
    assert len(backups) == 1
    with Vault.open(backups[0], PASSPHRASE) as b:
        assert schema.user_version(b.db) == schema.LATEST_VERSION
        assert len(Items(b.db).timeline()) == 3


def test_failed_migration_rolls_back(vault, vault_path):
    add_entries(vault)
    vault.lock()
    with pytest.raises(RuntimeError):
        Vault.open(vault_path, PASSPHRASE, migrations=(*schema.MIGRATIONS, _broken))
    with Vault.open(vault_path, PASSPHRASE) as v:
        with v.db.read() as conn:
            cols = [r[1] for r in conn.execute("PRAGMA table_info(entry)")]
        assert "half_done" not in cols
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        assert v.check() == []


def test_a_failed_write_names_the_vault_only_when_it_was_the_vault(tmp_path):
    import errno as _errno

    from kintsugi.core.errors import DiskFull, StorageError, VaultReadOnly, from_os_error

    out = tmp_path / "usb" / "report.pdf"
    denied = OSError(_errno.EROFS, "Read-only file system")
    assert isinstance(from_os_error(denied, out), VaultReadOnly)
    export = from_os_error(denied, out, vault=False)
    assert type(export) is StorageError and "vault" not in str(export)
    assert str(out.parent) in str(export) and export.exit_code == 4
    assert isinstance(from_os_error(OSError(_errno.ENOSPC, "full"), out, vault=False), DiskFull)

import os
import stat
from datetime import UTC, datetime, timedelta

import pytest

from kintsugi.core import backups, config
from kintsugi.core.errors import VaultCorrupted, VaultInUse, WrongPassphrase
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.settings import Settings
from kintsugi.core.vault import Vault
from tests.helpers import PASSPHRASE


def write(v, n, text="entry"):
    repo = EntryRepository(v.db)
    for i in range(n):
        repo.add(Entry(title=f"{text} {i}", body=text))


def test_one_backup_a_day_verified_and_private(vault):
    write(vault, 3)
    now = datetime(2026, 11, 23, 9, tzinfo=UTC)
    first = backups.daily_backup(vault, now)
    assert first is not None and first.path.exists()
    assert stat.S_IMODE(first.path.stat().st_mode) == 0o600
    assert backups.daily_backup(vault, now + timedelta(hours=5)) is None
    assert backups.daily_backup(vault, now + timedelta(days=1)) is not None
    before = first.path.read_bytes()
    details = backups.inspect_backup(first.path, PASSPHRASE)
    assert first.path.read_bytes() == before  # looking inside changes nothing
    assert details.entries == 3 and details.info.reason == "daily"
    with pytest.raises(WrongPassphrase):
        backups.inspect_backup(first.path, "nope")


def test_tiered_retention_keeps_7_days_4_weeks_12_months():
    from pathlib import Path

    start = datetime(2025, 1, 1, 12, tzinfo=UTC)
    daily = [
        backups.BackupInfo(Path(f"b{n}"), start + timedelta(days=n), "daily") for n in range(400)
    ]
    keep = backups.to_keep(daily, (start + timedelta(days=399)).date())
    kept = sorted((b for b in daily if b.path in keep), key=lambda b: b.taken_at, reverse=True)
    last = daily[-1].taken_at.date()
    assert [b.taken_at.date() for b in kept[:7]] == [last - timedelta(days=d) for d in range(7)]
    assert len({(b.taken_at.year, b.taken_at.month) for b in kept}) == 12
    assert len(kept) <= 7 + 4 + 12


def test_pruning_removes_files_beyond_the_tiers(vault):
    start = datetime(2025, 1, 1, 12, tzinfo=UTC)
    for week in range(12):  # a backup a week for twelve weeks
        backups.take_backup(vault, "daily", start + timedelta(weeks=week))
    kept = backups.list_backups(backups.backup_folder(vault), vault.path.stem)
    assert 7 <= len(kept) < 12  # the oldest weekly ones were pruned, the months stayed
    assert kept[0].taken_at == start + timedelta(weeks=11)


def test_backup_folder_is_configurable(vault, tmp_path):
    config.BACKUP_FOLDER.set(Settings(vault.db), str(tmp_path / "elsewhere"))
    info = backups.take_backup(vault, "manual")
    assert info.path.parent == tmp_path / "elsewhere"


def test_restore_is_atomic_and_keeps_the_current_vault(vault, vault_path):
    write(vault, 2, "old")
    info = backups.take_backup(vault, "manual")
    write(vault, 3, "new")
    vault.lock()
    backup_bytes = info.path.read_bytes()
    kept = backups.restore(vault_path, info.path, PASSPHRASE)
    assert info.path.read_bytes() == backup_bytes  # restoring does not alter the backup
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert len(Items(v.db).timeline()) == 2
        assert v.check() == []
    with Vault.open(kept, PASSPHRASE) as before:
        assert len(Items(before.db).timeline()) == 5  # nothing lost: the newer state is kept


def test_a_bad_restore_changes_nothing(vault, vault_path, tmp_path):
    write(vault, 2)
    info = backups.take_backup(vault, "manual")
    with vault.db.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with pytest.raises(VaultInUse):
        backups.restore(vault_path, info.path, PASSPHRASE)
    vault.lock()
    before = vault_path.read_bytes()
    with pytest.raises(WrongPassphrase):
        backups.restore(vault_path, info.path, "wrong")
    damaged = tmp_path / "damaged.kintsugi"
    data = bytearray(info.path.read_bytes())
    data[4096 * 2 + 10] ^= 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(VaultCorrupted):
        backups.restore(vault_path, damaged, PASSPHRASE)
    assert vault_path.read_bytes() == before
    leftovers = [p for p in vault_path.parent.iterdir() if "restore" in p.name]
    assert leftovers == []


def test_restore_over_a_damaged_vault_keeps_its_bytes(vault, vault_path):
    write(vault, 2)
    info = backups.take_backup(vault, "manual")
    with vault.db.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    vault.lock()
    vault_path.write_bytes(vault_path.read_bytes()[:5000])  # truncated
    broken = vault_path.read_bytes()
    kept = backups.restore(vault_path, info.path, PASSPHRASE)
    assert kept.read_bytes() == broken
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert len(Items(v.db).timeline()) == 2
    assert os.path.exists(kept)

"""Automatic encrypted backups with tiered retention, and atomic restore.

Backups are whole encrypted copies (same key as the vault when taken), named
``<stem>.<UTC stamp>.<reason>.kintsugi`` in ``<stem>-backups/`` beside the vault (or a
folder the person chose). Each is verified when written (it opens, every page's HMAC and
the b-trees check out) before any older one is pruned.

Retention: every backup of the last 7 days with a backup, plus the newest of each of the
last 4 weeks and 12 months; backups taken before a migration, passphrase change, restore
or emptying the trash are kept as long as daily ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from kintsugi.core import config, fsutil, i18n, kdf, walguard
from kintsugi.core.db import Database
from kintsugi.core.errors import (
    KintsugiError,
    StorageError,
    VaultCorrupted,
    VaultInUse,
    WrongPassphrase,
)
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.settings import Settings
from kintsugi.core.vault import (
    Vault,
    _integrity_problems,
    backup_dir_for,
    backup_name_pattern,
    export_connection,
    open_copy,
    read_salt,
)

_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}T\d{6}Z)\.(?P<reason>[a-z-]+)\.kintsugi$")
REASONS = (
    "daily",
    "before-passphrase-change",
    "before-empty-trash",
    "before-restore",
    "before-migration",
    "manual",
)
KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 7, 4, 12


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str


@dataclass(frozen=True)
class BackupDetails:
    info: BackupInfo
    entries: int
    items: int
    newest: datetime | None


def backup_folder(vault: Vault) -> Path:
    chosen = config.BACKUP_FOLDER.get(Settings(vault.db))
    return Path(chosen).expanduser() if chosen else backup_dir_for(vault.path)


def list_backups(folder: Path, stem: str | None = None) -> list[BackupInfo]:
    """Backups in ``folder``, newest first."""
    out: list[BackupInfo] = []
    if not folder.is_dir():
        return out
    for p in folder.iterdir():
        m = _NAME.match(p.name)
        if m and (stem is None or m["stem"] == stem):
            taken = datetime.strptime(m["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            out.append(BackupInfo(p, taken, m["reason"]))
    # same-second ties (a daily and a manual backup): the file written last is newer
    return sorted(out, key=lambda b: (b.taken_at, b.path.stat().st_mtime_ns), reverse=True)


def take_backup(vault: Vault, reason: str, now: datetime | None = None) -> BackupInfo:
    """Write and verify one backup, then prune by the retention tiers."""
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r}")
    now = now or datetime.now(UTC)
    folder = backup_folder(vault)
    name = f"{vault.path.stem}.{now:%Y%m%dT%H%M%SZ}.{reason}.kintsugi"
    # temp files of this vault's interrupted backups (we hold its instance lock)
    fsutil.remove_stale_temps(folder, backup_name_pattern(vault.path.stem), ("backup",))
    path = vault.backup_to(folder / name)  # verified before it is moved into place
    prune(folder, vault.path.stem, now.date())
    return BackupInfo(path, now.replace(microsecond=0), reason)


def daily_backup(vault: Vault, now: datetime | None = None) -> BackupInfo | None:
    """One backup per day the vault is used; None when today's exists."""
    now = now or datetime.now(UTC)
    for b in list_backups(backup_folder(vault), vault.path.stem):
        if b.taken_at.date() == now.date():
            return None
    return take_backup(vault, "daily", now)


def to_keep(backups: list[BackupInfo], today: date) -> set[Path]:
    keep: set[Path] = set()
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    days = sorted({b.taken_at.date() for b in newest_first}, reverse=True)[:KEEP_DAYS]
    keep |= {b.path for b in newest_first if b.taken_at.date() in days}
    weeks: dict[tuple[int, int], Path] = {}
    months: dict[tuple[int, int], Path] = {}
    for b in newest_first:
        weeks.setdefault(b.taken_at.isocalendar()[:2], b.path)
        months.setdefault((b.taken_at.year, b.taken_at.month), b.path)
    keep |= set(list(weeks.values())[:KEEP_WEEKS])
    keep |= set(list(months.values())[:KEEP_MONTHS])
    return keep


def prune(folder: Path, stem: str, today: date) -> list[Path]:
    backups = list_backups(folder, stem)
    keep = to_keep(backups, today)
    removed = [b.path for b in backups if b.path not in keep]
    fsutil.remove_quietly(*removed)
    return removed


def inspect_backup(path: Path, passphrase: str) -> BackupDetails:
    """Open a backup read-only enough to count what it holds (runs the KDF)."""
    salt = read_salt(path)
    key = kdf.derive_key(passphrase, salt)
    try:
        conn = open_copy(path, key, salt)
    finally:
        kdf.wipe(key)
    try:
        entries, items, newest = Items(Database(conn)).counts()
    finally:
        conn.close()
    m = _NAME.match(path.name)
    taken = (
        datetime.strptime(m["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        if m
        else datetime.fromtimestamp(path.stat().st_mtime, UTC)
    )
    from kintsugi.core.timeutil import from_db

    return BackupDetails(
        BackupInfo(path, taken, m["reason"] if m else "manual"),
        entries,
        items,
        from_db(newest) if newest else None,
    )


def restore(
    vault_path: Path, backup: Path, passphrase: str, current_passphrase: str | None = None
) -> Path | None:
    """Replace the vault with ``backup`` atomically; the current vault is backed up first.

    ``passphrase`` opens the backup (afterwards it opens the vault). The current vault is
    copied aside first when ``current_passphrase`` opens it; if it cannot be opened (it is
    damaged, or the passphrase differs) its file is kept aside byte for byte instead.
    Returns where the previous vault was kept.
    """
    vault_path, backup = Path(vault_path), Path(backup)
    salt = read_salt(backup)
    key = kdf.derive_key(passphrase, salt)
    try:
        conn = open_copy(backup, key, salt)
    except WrongPassphrase:
        kdf.wipe(key)
        raise WrongPassphrase(
            i18n.translate("errors", "That passphrase does not open this backup.")
        ) from None
    try:
        problems = _integrity_problems(conn)
    finally:
        conn.close()
    if problems:
        kdf.wipe(key)
        raise VaultCorrupted(
            i18n.translate("errors", "This backup is damaged; the journal file was left as it was.")
        )
    kept = _keep_current(vault_path, current_passphrase or passphrase)
    # hold the vault (as an open one does) until the swap: no one opens it half-restored,
    # and its next opener may remove what an interrupted restore left
    try:
        instance_lock = fsutil.lock_instance(vault_path) if vault_path.exists() else None
    except BlockingIOError:
        kdf.wipe(key)
        raise VaultInUse() from None
    try:
        return _restore_into(vault_path, backup, key, salt, kept)
    finally:
        fsutil.unlock_instance(instance_lock)


def _restore_into(
    vault_path: Path, backup: Path, key: bytearray, salt: bytes, kept: Path | None
) -> Path | None:
    tmp = fsutil.temp_sibling(vault_path, "restore")
    try:
        conn = open_copy(backup, key, salt)  # as it is: no migration here
        try:
            export_connection(conn, tmp, key, salt)
        finally:
            conn.close()
        # The old vault's log must never meet the restored file (it may have the same key:
        # SQLite would apply it). It is gone after a clean close; else it was copied aside
        # with the old file by _keep_current, and is set aside here before the swap.
        wal = walguard.wal_path(vault_path)
        if wal.exists():
            if kept is not None and _same_bytes(wal, walguard.wal_path(kept)):
                fsutil.remove_quietly(wal)
            else:
                walguard.set_aside(wal, "before-restore")
        fsutil.remove_quietly(walguard.shm_path(vault_path))
        fsutil.atomic_replace(tmp, vault_path)
    except BaseException:
        fsutil.remove_quietly(tmp)
        raise
    finally:
        kdf.wipe(key)
    return kept


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def _keep_current(vault_path: Path, passphrase: str) -> Path | None:
    if not vault_path.exists():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    try:
        with Vault.open(vault_path, passphrase) as current:
            return take_backup(current, "before-restore").path
    except VaultInUse:
        raise  # never replace a vault another window has open
    except KintsugiError:
        folder = backup_dir_for(vault_path)
        fsutil.ensure_private_dir(folder)
        aside = folder / f"{vault_path.stem}.{stamp}.before-restore.kintsugi"
        try:
            aside.write_bytes(vault_path.read_bytes())  # as it is, damaged or not
            fsutil.fsync_file(aside)
            wal = walguard.wal_path(vault_path)
            if wal.exists():  # its live log too: the pair opens as the vault was
                walguard.wal_path(aside).write_bytes(wal.read_bytes())
                fsutil.fsync_file(walguard.wal_path(aside))
        except OSError as exc:
            raise StorageError(
                i18n.arg(
                    i18n.translate("errors", "Could not keep the current journal file aside: %1."),
                    exc,
                )
            ) from None
        return aside

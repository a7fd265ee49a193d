"""The vault: one SQLCipher 4 file, opened with a key derived from a passphrase.

Lifecycle: :meth:`Vault.create` or :meth:`Vault.open` → use :attr:`Vault.db`
with the repositories → :meth:`Vault.lock`. Nothing here prompts or prints;
the front ends decide what to ask and show. Slow calls (the KDF in
``create``/``open``, ``change_passphrase``, ``backup_to``, ``check``) belong
off any UI thread.
"""

from __future__ import annotations

import hmac
import logging
import os
import re
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from kintsugi.core import background, fsutil, i18n, kdf, syncfolder, walguard
from kintsugi.core.db import (
    SQLITE_BUSY,
    SQLITE_CANTOPEN,
    SQLITE_CORRUPT,
    SQLITE_LOCKED,
    SQLITE_NOTADB,
    Database,
    error_code,
    translate,
)
from kintsugi.core.errors import (
    CipherUnavailable,
    InvalidRecoveryKey,
    JournalTailUnreadable,
    KintsugiError,
    NotAVault,
    PlainSQLiteFile,
    StorageError,
    VaultCorrupted,
    VaultExists,
    VaultInUse,
    VaultLocked,
    VaultNotFound,
    VaultReadOnly,
    VaultTooNew,
    WrongPassphrase,
    from_os_error,
)
from kintsugi.core.kdf import KdfParams
from kintsugi.core.repo.attachments import AttachmentRepo, verify_blobs
from kintsugi.core.schema import LATEST_VERSION, MIGRATIONS, Migration, migrate
from kintsugi.core.writer import Writer

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
CACHE_KIB = 32 * 1024
#: A log this long is checkpointed after the commit that grew it (SQLite's own automatic
#: checkpoint is off: each new log must begin with its binding, see walguard).
CHECKPOINT_FRAMES = 1000

# Settings checked after every open: (pragma, value to set, value expected back).
_PRAGMAS = (
    ("journal_mode", "WAL", "wal"),
    ("synchronous", "FULL", 2),
    ("temp_store", "MEMORY", 2),  # FILE would write plaintext temp files for big sorts
    ("secure_delete", "ON", 1),
    ("foreign_keys", "ON", 1),
    ("wal_autocheckpoint", "0", 0),  # we checkpoint, then bind the next log (Vault._bind_log)
)


def backup_dir_for(vault_path: Path) -> Path:
    return vault_path.parent / f"{vault_path.stem}-backups"


def backup_name_pattern(stem: str) -> re.Pattern[str]:
    """Names of this vault's backups: ``<stem>.<UTC stamp>.<reason>.kintsugi``."""
    return re.compile(re.escape(stem) + r"\.\d{8}T\d{6}Z\.[a-z-]+\.kintsugi")


def read_salt(path: Path) -> bytes:
    """Check that ``path`` looks like a vault before spending a second on the KDF.

    Returns the 16-byte salt (which names the KDF parameters).
    """
    try:
        if path.is_dir():
            raise NotAVault(_a_folder())
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise VaultNotFound(
            i18n.arg(i18n.translate("errors", "There is no journal file at %1."), path)
        ) from None
    except PermissionError:
        raise StorageError(
            i18n.arg(i18n.translate("errors", "Kintsugi is not allowed to read %1."), path)
        ) from None
    except IsADirectoryError:
        raise NotAVault(_a_folder()) from None
    if not head:
        raise NotAVault(
            i18n.translate("errors", "This file is empty: it is not a Kintsugi journal file.")
        )
    if head == SQLITE_MAGIC:
        raise PlainSQLiteFile()
    if len(head) < kdf.SALT_LEN:
        raise NotAVault()
    kdf.parse_salt(head)
    return head


def _check_writable(path: Path) -> None:
    if fsutil.is_read_only(path) or fsutil.is_read_only(path.parent):
        raise VaultReadOnly()


def _connect(
    path: Path,
    key: bytes | bytearray,
    salt: bytes,
    latest: int | None,
    notices: list[KintsugiError] | None = None,
) -> Any:
    """Check the key and the files next to the vault (walguard.admit: a wrong key or a
    foreign ``-wal`` never reaches SQLite), then open, key and configure one connection;
    map every failure to an engine error. What admit did for the person goes to ``notices``.

    ``latest=None`` opens a copy (a backup, a fresh export) as it is: any schema version,
    no journal-mode change, nothing written — only temp storage kept in memory."""
    notice = walguard.admit(path, key, salt, lambda: read_binding(path, key, salt))
    if notice is not None:
        log.info("%s", type(notice).__name__)
        if notices is not None:
            notices.append(notice)
    try:
        conn = sqlcipher3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=0
        )
    except sqlcipher3.Error as exc:
        raise StorageError(
            i18n.arg(i18n.translate("errors", "Could not open %1: %2."), path, exc)
        ) from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # it would print to stderr on a bad key
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise CipherUnavailable()
        kdf.run_key_statement(conn, key, salt)
        # Exclusive: the page cache stays valid between transactions (each page read under
        # SQLCipher is a decryption). One Kintsugi per vault is the flock (fsutil).
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.Error as exc:
            code = error_code(exc)
            if code == SQLITE_NOTADB:
                raise WrongPassphrase() from None
            if code in (SQLITE_BUSY, SQLITE_LOCKED):
                raise VaultInUse() from None
            if code == SQLITE_CANTOPEN:
                raise StorageError(
                    i18n.arg(i18n.translate("errors", "Could not open %1."), path)
                ) from None
            if code == SQLITE_CORRUPT:
                raise VaultCorrupted() from None
            raise translate(exc) or exc from None
        conn.execute("PRAGMA temp_store = MEMORY")
        if latest is None:
            return conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > latest:
            raise VaultTooNew()
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        for name, value, expected in _PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}")
            got = conn.execute(f"PRAGMA {name}").fetchone()[0]
            if got != expected:
                raise StorageError(
                    i18n.arg(
                        i18n.translate(
                            "errors", "Could not set %1 = %2 on the journal file (got %3)."
                        ),
                        name,
                        value,
                        repr(got),
                    )
                )
        return conn
    except KintsugiError:
        conn.close()
        raise
    except sqlcipher3.Error as exc:
        conn.close()
        raise translate(exc) or VaultCorrupted() from None


def read_binding(path: Path, key: bytes | bytearray, salt: bytes) -> walguard.Binding | None:
    """The main file's ``wal_binding`` row, read from the main file alone: ``immutable=1``
    makes SQLite open no log and no ``-shm``, take no lock and write nothing. None when the
    file has none (before v7) or cannot be read on its own (a checkpoint cut short)."""
    try:
        conn = sqlcipher3.connect(
            path.resolve().as_uri() + "?immutable=1",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlcipher3.Error:
        return None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        kdf.run_key_statement(conn, key, salt)
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?",
            (walguard.BINDING_TABLE,),
        ).fetchone()
        row = conn.execute("SELECT base, gen FROM wal_binding WHERE id = 1").fetchone()
    except sqlcipher3.Error:
        return None
    finally:
        conn.close()
    if not root or not row or not all(isinstance(v, bytes) for v in row):
        return None
    return walguard.Binding(int(root[0]), bytes(row[0]), bytes(row[1]))


def _fresh_binding(conn: Any, schema: str = "main") -> None:
    """A copy is a state of its own: a new ``gen``, so no log of the original is ever
    taken for one of the copy's (walguard.bound_here)."""
    if conn.execute(
        f"SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' AND name = ?",
        (walguard.BINDING_TABLE,),
    ).fetchone():
        conn.execute(
            f"UPDATE {schema}.wal_binding SET base = zeroblob(16), gen = randomblob(16)"
            " WHERE id = 1"
        )


def open_copy(path: Path, key: bytes | bytearray, salt: bytes) -> Any:
    """A connection to a backup or copy that reads it as it is and changes nothing."""
    return _connect(path, key, salt, latest=None)


def export_connection(conn: Any, target: Path, key: bytes | bytearray, salt: bytes) -> None:
    """``sqlcipher_export`` of an open connection into ``target`` (keyed ``key``/``salt``),
    with its schema version, then opened again and checked page by page."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    literal = kdf.key_literal(key, salt)  # bound as a blob: SQLite copies it, we wipe ours
    try:
        conn.execute("ATTACH DATABASE ? AS export KEY ?", (str(target), literal))
    finally:
        kdf.wipe(literal)
    try:
        conn.execute("SELECT sqlcipher_export('export')")
        conn.execute(f"PRAGMA export.user_version = {int(version)}")
        _fresh_binding(conn, "export")
    finally:
        conn.execute("DETACH DATABASE export")
    _verify_copy(target, key, salt, version)


def _verify_copy(path: Path, key: bytes | bytearray, salt: bytes, user_version: int) -> None:
    """Open a fresh copy with its key and check every page's HMAC and the b-trees."""
    conn = open_copy(path, key, salt)
    try:
        problems = _integrity_problems(conn)
        got = conn.execute("PRAGMA user_version").fetchone()[0]
        if problems or got != user_version:
            raise StorageError(
                i18n.translate(
                    "errors",
                    "The new copy of the journal file did not verify; nothing was changed.",
                )
            )
    finally:
        conn.close()


def _integrity_problems(conn: Any) -> list[str]:
    """Every page's HMAC, the b-trees and the search index; [] when sound. Never raises
    for damage: damage is the answer."""
    problems: list[str] = []
    try:
        problems += [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems += rows
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'fts'").fetchone():
            try:
                conn.execute("INSERT INTO fts (fts, rank) VALUES ('integrity-check', 1)")
            except sqlcipher3.Error as exc:
                problems.append(f"search index: {exc}")
        problems += verify_blobs(conn)  # attachments: each blob's chunks hash to its name
    except sqlcipher3.DatabaseError as exc:
        problems.append(f"damaged: {exc}")
    return problems


class Vault:
    """An unlocked vault. Holds the only connection and the raw key until :meth:`lock`."""

    def __init__(
        self, path: Path, conn: Any, key: bytearray, salt: bytes, instance_lock: int | None = None
    ):
        self.path = path
        self.db = Database(conn)
        self._instance_lock = instance_lock  # one Kintsugi per vault (see fsutil.lock_instance)
        self._backup_running = threading.Lock()  # held while a stepwise backup runs
        self._stop_backup = threading.Event()  # set by lock(): the backup gives up
        self._writer: Writer | None = None
        self._writer_guard = threading.Lock()
        self._locking = False
        self._key: bytearray | None = key
        self._salt = salt
        #: True after opening with the recovery key: ask for a new passphrase now.
        self.needs_new_passphrase = False
        #: What was done before opening, to tell the person once (errors.JournalNotice:
        #: a foreign change file set aside, or the unreadable tail of ours).
        self.notices: list[KintsugiError] = []
        self._binding = False  # the file has its wal_binding row (v7 on)
        self._log_bound = False  # the current log already begins with its binding
        self._binding_now = False  # the open transaction writes it
        self.db.on_begin = self._bind_log
        self.db.on_commit = self._after_commit
        #: The folder a sync tool manages that this file lies in (core/syncfolder.py), or
        #: None. While it is there, every write is checkpointed at once: a sync tool that
        #: copies the file between saves never finds saves waiting in a ``-wal`` beside it.
        self.synced_folder = syncfolder.synced_folder(path)

    # --- opening -------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, passphrase: str, *, params: KdfParams | None = None) -> Vault:
        path = Path(path)
        if not passphrase:
            raise ValueError("a passphrase is required")
        if path.exists() or path.is_symlink():
            raise VaultExists()
        try:
            fsutil.ensure_private_dir(path.parent)
        except OSError as exc:
            raise from_os_error(exc, path) from None
        _check_writable(path.parent)
        salt = kdf.new_salt(params or kdf.calibrate())
        key = kdf.derive_key(passphrase, salt)
        try:
            fsutil.create_private_file(path)
            instance_lock = fsutil.lock_instance(path)
        except FileExistsError:
            raise VaultExists() from None
        except BlockingIOError:
            raise VaultInUse() from None
        except OSError as exc:
            raise from_os_error(exc, path) from None
        try:
            notices: list[KintsugiError] = []
            conn = _connect(path, key, salt, LATEST_VERSION, notices)
            vault = cls(path, conn, key, salt, instance_lock)
            vault.notices = notices + vault.sync_notices()
            migrate(vault.db)
            from kintsugi.core import config
            from kintsugi.core.repo.settings import Settings
            from kintsugi.core.repo.sharing import Sharing

            config.VAULT_CREATED_AT.set(
                Settings(vault.db), datetime.now(UTC).isoformat(timespec="seconds")
            )

            Sharing(vault.db).identity()  # this vault's age key, made with it
            vault._begin_log()
        except BaseException:
            if "vault" in locals():
                vault.db.close()
            fsutil.unlock_instance(instance_lock)
            fsutil.remove_quietly(path, _wal(path), _shm(path))
            raise
        return vault

    @classmethod
    def open(
        cls, path: Path, passphrase: str, *, migrations: Sequence[Migration] = MIGRATIONS
    ) -> Vault:
        path = Path(path)
        salt = read_salt(path)
        _check_writable(path)
        instance_lock = _lock_instance(path)  # before the KDF: "in use" is said at once
        try:
            key = kdf.derive_key(passphrase, salt)
        except BaseException:
            fsutil.unlock_instance(instance_lock)
            raise
        return cls._open_with_key(path, key, salt, migrations, instance_lock)

    @classmethod
    def open_with_recovery_key(cls, path: Path, recovery_key: str) -> Vault:
        """Open with the recovery key; the caller must then set a new passphrase."""
        path = Path(path)
        salt = read_salt(path)
        _check_writable(path)
        key = kdf.decode_recovery_key(recovery_key)
        try:
            vault = cls._open_with_key(path, key, salt, MIGRATIONS, _lock_instance(path))
        except WrongPassphrase:
            raise InvalidRecoveryKey(
                i18n.translate(
                    "errors",
                    "That recovery key does not open this journal file. "
                    "(A recovery key changes whenever the passphrase changes.)",
                )
            ) from None
        vault.needs_new_passphrase = True
        return vault

    @classmethod
    def _open_with_key(
        cls,
        path: Path,
        key: bytearray,
        salt: bytes,
        migrations: Sequence[Migration],
        instance_lock: int | None = None,
    ) -> Vault:
        notices: list[KintsugiError] = []
        try:
            conn = _connect(path, key, salt, latest=len(migrations), notices=notices)
        except BaseException:
            kdf.wipe(key)
            fsutil.unlock_instance(instance_lock)
            raise
        vault = cls(path, conn, key, salt, instance_lock)
        vault.notices = notices
        try:
            vault._begin_log()
            if vault._migrate(migrations):
                vault._begin_log()
            AttachmentRepo(vault.db).sweep_unfinished()  # what a crash mid-attach left
        except BaseException:
            vault.lock()
            raise
        vault.remove_stale_temps()
        vault.notices += vault.sync_notices()
        return vault

    def sync_notices(self) -> list[KintsugiError]:
        """What to tell the person about a sync tool around this file: that it lies in a
        synced folder, and each conflicted copy of it left beside it (core/syncfolder.py)."""
        from kintsugi.core.errors import ConflictedCopyBeside, VaultInSyncedFolder

        said: list[KintsugiError] = []
        if self.synced_folder is not None:
            where = f"{self.synced_folder.tool}: {self.synced_folder.root}"
            said.append(VaultInSyncedFolder(where))
        said += [ConflictedCopyBeside(c.path) for c in syncfolder.copies_beside(self.path)]
        return said

    def _migrate(self, migrations: Sequence[Migration]) -> bool:
        """Bring the schema up to date; True when a migration ran."""
        with self.db.read() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version >= len(migrations):
            return False
        if version > 0:  # an existing vault: keep a copy as it was
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            name = f"{self.path.stem}.{stamp}.before-migration.kintsugi"
            self.backup_to(backup_dir_for(self.path) / name)
        migrate(self.db, migrations)
        self._compact_if_mostly_free()
        return True

    def _compact_if_mostly_free(self) -> None:
        """VACUUM when a migration left a tenth of the file free (v6 drops the search
        index's copy of the text; v18 rewrites the index into leaves that fit a page, and
        the old ones are freed). It is atomic, and with ``temp_store = MEMORY`` its work
        copy stays in memory: no plaintext reaches the disk."""
        with self.db.read() as conn:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            free = conn.execute("PRAGMA freelist_count").fetchone()[0]
            if pages and free * 10 > pages:
                conn.execute("VACUUM")

    # --- the write-ahead log's binding (see core/walguard.py) ---------------------------
    def _begin_log(self) -> None:
        """After (re)connecting: note whether the file has its binding, and checkpoint a log
        left from before (a crash's, admitted by walguard), so the next write begins a new
        log with its binding."""
        with self.db.read() as conn:
            self._binding = (
                conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    (walguard.BINDING_TABLE,),
                ).fetchone()
                is not None
            )
            self._log_bound = False
            if _size(_wal(self.path)):
                self._checkpoint(conn)

    def _bind_log(self, conn: Any) -> None:
        """At the BEGIN of every write: the first write of a log writes its binding first,
        in the same transaction (so its first commit carries it): base = the generation the
        main file holds, gen = a new one."""
        self._binding_now = False
        if self._binding and (not self._log_bound or not _size(_wal(self.path))):
            conn.execute("UPDATE wal_binding SET base = gen, gen = randomblob(16) WHERE id = 1")
            self._binding_now = True

    def _after_commit(self, conn: Any) -> None:
        if self._binding_now:
            self._log_bound, self._binding_now = True, False
        if self.synced_folder is not None:
            self._checkpoint(conn)  # in a synced folder: nothing left in the -wal, ever
        elif _size(_wal(self.path)) > walguard.WAL_HEADER + CHECKPOINT_FRAMES * walguard.FRAME:
            self._checkpoint(conn)

    def _checkpoint(self, conn: Any) -> None:
        """Everything into the main file and the log emptied; the next write binds anew."""
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if not busy:
            self._log_bound = False

    def remove_stale_temps(self) -> list[Path]:
        """Remove what an interrupted re-key, restore, log repair or backup of this vault
        left behind (``.<name>.<purpose>-<hex>`` and SQLite's files beside them). Only the
        holder of the vault's instance lock makes those, and we hold it: none is in use.
        Also the temps of exports and the recovery key text at paths the person chose (their
        paths are recorded inside this vault before they are made: repo.pending), and of the
        support card in its per-machine folder; those are removed only if no writer holds
        them."""
        from kintsugi.core import support_card
        from kintsugi.core.repo.pending import PendingTemps

        name = re.escape(self.path.name)
        removed = fsutil.remove_stale_temps(
            self.path.parent, re.compile(name), ("rekey", "restore")
        )
        removed += fsutil.remove_stale_temps(self.path.parent, re.compile(name + "-wal"), ("wal",))
        removed += fsutil.remove_stale_temps(
            backup_dir_for(self.path), backup_name_pattern(self.path.stem), ("backup",)
        )
        removed += PendingTemps(self.db).sweep()
        removed += support_card.remove_stale_temps()
        if removed:
            log.info("removed %d temporary file(s) left by an interrupted write", len(removed))
        return removed

    # --- state ------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self._key is None

    @property
    def salt(self) -> bytes:
        return self._salt

    @property
    def kdf_params(self) -> KdfParams:
        return kdf.parse_salt(self._salt)

    def _require_key(self) -> bytearray:
        if self._key is None:
            raise VaultLocked()
        return self._key

    def verify_passphrase(self, passphrase: str) -> bool:
        """True when ``passphrase`` is this vault's (runs the KDF: slow)."""
        candidate = kdf.derive_key(passphrase, self._salt)
        try:
            return hmac.compare_digest(candidate, self._require_key())  # no bytes copies
        finally:
            kdf.wipe(candidate)

    def recovery_key(self) -> str:
        return kdf.encode_recovery_key(self._require_key())

    @property
    def writer(self) -> Writer:
        """The one thread that runs this vault's saves in order (see core.writer)."""
        with self._writer_guard:
            if self._locking or self.locked:
                raise VaultLocked()
            if self._writer is None:
                self._writer = Writer()
            return self._writer

    def lock(self) -> None:
        """Run the saves still queued, then close the connection, overwrite the key and let
        another window open it. Idempotent. A backup in progress stops after its current
        step (it is not kept)."""
        with self._writer_guard:
            self._locking = True  # no new writer from here on
            writer, self._writer = self._writer, None
        if writer is not None:
            writer.close()  # every queued save commits before the key goes
        self._stop_backup.set()
        with self._backup_running:
            self.db.close()
            kdf.wipe(self._key)
            self._key = None
            fsutil.unlock_instance(self._instance_lock)
            self._instance_lock = None

    close = lock

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    # --- whole-file operations --------------------------------------------
    def _export_to(self, target: Path, key: bytes | bytearray, salt: bytes) -> None:
        """Write an encrypted copy of the whole vault to ``target`` (a fresh empty file)."""
        with self.db.read() as conn:
            export_connection(conn, target, key, salt)

    def backup_to(self, out: Path) -> Path:
        """An encrypted copy that opens with the same passphrase. Atomic; 0600."""
        out = Path(out)
        key = self._require_key()
        try:
            fsutil.ensure_private_dir(out.parent)
            tmp = fsutil.temp_sibling(out, "backup")
        except OSError as exc:
            raise from_os_error(exc, out) from None
        try:
            # Copying and checking every page is CPU-bound for seconds: at a lower priority
            # (core.background), so on a busy machine typing gets the core first.
            background.run_niced(lambda: self._backup_in_steps(tmp, key), name="kintsugi-backup")
            fsutil.atomic_replace(tmp, out)
        except OSError as exc:
            fsutil.remove_quietly(tmp)
            raise from_os_error(exc, out) from None
        except BaseException:
            fsutil.remove_quietly(tmp)
            raise
        return out

    def _backup_in_steps(self, target: Path, key: bytearray) -> None:
        """SQLite's online backup, a few hundred pages at a time, *without* holding the
        Database lock: between steps the UI's saves go on (SQLite serialises each step on
        the connection, and keeps the copy in step with writes made meanwhile). The copy
        has the same key and salt, so it opens with the same passphrase; then it is checked
        page by page like every copy."""
        with self.db.read() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]

        def between_steps(status: int, remaining: int, total: int) -> None:
            if self._stop_backup.is_set():
                raise VaultLocked()  # lock() is waiting: stop after this step

        with self._backup_running:
            if self.locked:
                raise VaultLocked()
            dest = sqlcipher3.connect(str(target), isolation_level=None, check_same_thread=False)
            try:
                dest.execute("PRAGMA cipher_log_level = NONE")
                kdf.run_key_statement(dest, key, self._salt)
                self.db.conn.backup(dest, pages=256, progress=between_steps, sleep=0.002)
                dest.execute("PRAGMA journal_mode = DELETE")
                _fresh_binding(dest)
            except sqlcipher3.Error as exc:
                raise translate(exc) or StorageError(
                    i18n.arg(i18n.translate("errors", "The backup failed: %1."), exc)
                ) from None
            finally:
                dest.close()
        _verify_copy(target, key, self._salt, version)

    def change_passphrase(self, new_passphrase: str, *, params: KdfParams | None = None) -> None:
        """Re-key into a fresh copy with a new salt, verify it, then swap it in atomically.

        Any failure before the swap leaves the original file byte-for-byte as it was.
        """
        if not new_passphrase:
            raise ValueError("a passphrase is required")
        salt = kdf.new_salt(params or self.kdf_params)
        new_key = kdf.derive_key(new_passphrase, salt)
        self._rekey(new_key, salt)
        self.needs_new_passphrase = False

    def _rekey(self, new_key: bytearray, new_salt: bytes) -> None:
        old_key = self._require_key()
        try:
            tmp = fsutil.temp_sibling(self.path, "rekey")
        except OSError as exc:
            kdf.wipe(new_key)
            raise from_os_error(exc, self.path) from None
        try:
            self._export_to(tmp, new_key, new_salt)
            fsutil.fsync_file(tmp)
        except BaseException as exc:
            fsutil.remove_quietly(tmp)
            kdf.wipe(new_key)
            if isinstance(exc, OSError):
                raise from_os_error(exc, self.path) from None
            raise
        # Close (checkpoints the WAL into the old file), swap, reopen — holding every other
        # thread off, and keeping the same Database object so repositories stay valid.
        with self._backup_running, self.db.exclusive():  # no backup step on the connection
            self.db.close()
            new_lock = _lock_instance(tmp)  # the new file is ours before it has the name
            try:
                fsutil.atomic_replace(tmp, self.path)
            except BaseException:
                fsutil.unlock_instance(new_lock)
                fsutil.remove_quietly(tmp)
                self.db.set_connection(_connect(self.path, old_key, self._salt, LATEST_VERSION))
                self._begin_log()
                kdf.wipe(new_key)
                raise
            fsutil.unlock_instance(self._instance_lock)
            self._instance_lock = new_lock
            self.db.set_connection(_connect(self.path, new_key, new_salt, LATEST_VERSION))
            self._begin_log()
        kdf.wipe(old_key)
        self._key, self._salt = new_key, new_salt

    def check(self) -> list[str]:
        """Every page's HMAC, the b-trees and the search index, and changes that could not
        be read after a crash (while their file is kept). [] when sound. Slow."""
        unreadable = [str(JournalTailUnreadable(p)) for p in walguard.set_aside_files(self.path)]
        try:
            with self.db.read() as conn:
                return unreadable + _integrity_problems(conn)
        except VaultCorrupted as exc:
            return [*unreadable, str(exc)]


def _lock_instance(path: Path) -> int | None:
    try:
        return fsutil.lock_instance(path)
    except BlockingIOError:
        raise VaultInUse() from None
    except OSError as exc:
        raise from_os_error(exc, path) from None


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return 0


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _shm(path: Path) -> Path:
    return path.with_name(path.name + "-shm")


def _a_folder() -> str:
    return i18n.translate("errors", "That path is a folder, not a Kintsugi journal file.")

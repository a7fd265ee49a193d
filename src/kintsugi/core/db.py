"""A thin, typed wrapper over one DB-API connection (SQLCipher, or plain sqlite3 in the benchmark).

All access goes through :meth:`Database.read` or :meth:`Database.transaction`,
which serialise threads on one lock and translate SQLite errors into the
engine's own: "the environment" (disk full, read-only, in use, corrupted)
becomes a :class:`~kintsugi.core.errors.KintsugiError`; anything else is a bug
and propagates unchanged.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlcipher3

from kintsugi.core import i18n
from kintsugi.core.errors import (
    DiskFull,
    KintsugiError,
    StorageError,
    VaultCorrupted,
    VaultInUse,
    VaultLocked,
    VaultReadOnly,
)

_DB_ERRORS = (sqlcipher3.Error, sqlite3.Error)

SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL = 10, 11, 13
SQLITE_CANTOPEN, SQLITE_NOTADB = 14, 26


def error_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def translate(exc: BaseException) -> KintsugiError | None:
    """The engine error for a SQLite error on an open vault, or None if it is a bug."""
    code = error_code(exc)
    text = str(exc).lower()
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text:
        return VaultCorrupted()
    if code == SQLITE_FULL or "disk is full" in text:
        return DiskFull()
    if code == SQLITE_READONLY or "readonly" in text:
        return VaultReadOnly()
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return VaultInUse()
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN) or "disk i/o" in text:
        return StorageError(
            i18n.arg(
                i18n.translate("errors", "The journal file could not be read or written (%1)."), exc
            )
        )
    return None


@contextmanager
def translated() -> Iterator[None]:
    try:
        yield
    except _DB_ERRORS as exc:
        mapped = translate(exc)
        if mapped is None:
            raise
        raise mapped from exc


class Database:
    """One connection, one lock. ``isolation_level=None``: we say BEGIN ourselves."""

    def __init__(self, conn: Any):
        self._conn = conn
        self._lock = threading.RLock()
        self._depth = 0
        #: Called with the connection after every outermost BEGIN, and after its COMMIT
        #: (the vault binds each write-ahead log to its main file with them).
        self.on_begin: Callable[[Any], None] | None = None
        self.on_commit: Callable[[Any], None] | None = None

    @property
    def conn(self) -> Any:
        if self._conn is None:
            raise VaultLocked()
        return self._conn

    @property
    def closed(self) -> bool:
        return self._conn is None

    @contextmanager
    def read(self) -> Iterator[Any]:
        with self._lock, translated():
            yield self.conn

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """BEGIN IMMEDIATE … COMMIT; nested calls join the outer transaction."""
        with self._lock, translated():
            conn = self.conn
            if self._depth:
                self._depth += 1
                try:
                    yield conn
                finally:
                    self._depth -= 1
                return
            conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                if self.on_begin is not None:
                    self.on_begin(conn)
                yield conn
            except BaseException:
                self._depth = 0
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            self._depth = 0
            try:
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            if self.on_commit is not None:
                self.on_commit(conn)

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold every other thread off (while the vault swaps its file)."""
        with self._lock:
            yield

    def set_connection(self, conn: Any) -> None:
        """Point this wrapper at a new connection (after a re-key); the old one must be closed."""
        with self._lock:
            self._conn = conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                finally:
                    self._conn = None

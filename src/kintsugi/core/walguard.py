"""Before SQLite sees a vault: is the key right, and is the write-ahead log ours?

SQLite applies whatever ``<vault>-wal`` (or hot ``-journal``) lies next to a database,
and checkpoints it into the main file when the connection closes. A log from another
vault, or from this vault before a passphrase change, would overwrite the journal with
pages it can never decrypt; a wrong passphrase would still checkpoint and delete a live
log. So :func:`admit` runs first, in Python, with no SQLite connection open:

1. The candidate key must authenticate page 1 of the main file (SQLCipher 4 page format:
   4096-byte pages ending in a 16-byte IV and a 64-byte HMAC-SHA512 over the encrypted
   data + IV + the page number as 4 bytes little-endian; the HMAC key is
   PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations, 32 bytes); page 1's first 16
   bytes are the salt and are not covered). Otherwise :class:`WrongPassphrase`, and
   nothing was opened or changed.
2. The ``-wal`` is parsed as SQLite documents it (32-byte header, 24-byte frame headers,
   salts, cumulative checksums, commit frames) and every frame SQLite would apply must
   authenticate under the key with its page number.
   - No frame authenticates: the log is not ours. It (and a ``-shm``) is moved aside
     next to the vault, never applied, never deleted.
   - Ours, but damaged (a frame SQLite would apply fails its HMAC, or a committed
     transaction lies after a break in the checksum chain): the original is moved aside
     and only the frames up to the last commit that fully authenticates are put back.
   - Ours by key, but not written on top of this main file (a backup made with the same
     passphrase copied over the journal by hand, the journal's old log beside a restored
     copy): the log's *binding* (below) differs from the main file's; set aside like a
     foreign log.
3. A ``-shm`` is never trusted: with ``locking_mode=EXCLUSIVE`` SQLite keeps the
   wal-index in memory, so any ``-shm`` is someone else's and is removed (it holds only
   an index that SQLite rebuilds from the log). A non-empty ``-journal`` is never ours
   (vaults use WAL; copies are never written after they are made) and is moved aside.

The binding. Every vault (schema v7 on) has one row, ``wal_binding (base, gen)``, in a
one-page table. The first write of every log generation (after open and after every
checkpoint, see vault.py) sets ``base = gen, gen = 16 random bytes`` in the same
transaction, so the first committed transaction of every log carries that page: ``base``
names the main-file state the log was begun on. Every copy Kintsugi writes (backup,
restore, re-key) gets a fresh ``gen``. A log is applied only when its first transaction's
``base`` is the main file's ``gen`` (the log was begun on exactly this state), or one of
its binding pages' ``gen`` is (the main file is this log, checkpointed in part or in full).
The main file's row is read by the caller (``main_binding``: SQLCipher with
``immutable=1``, which reads the main file alone and never opens the log); the log's pages
are decrypted here (AES-256-CBC with the page's IV: SQLCipher's page format, read only).

The caller must hold the vault's instance lock (fsutil.lock_instance) for a vault.
"""

from __future__ import annotations

import hashlib
import hmac
import operator
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from kintsugi.core import fsutil, i18n
from kintsugi.core.errors import (
    ForeignJournalSetAside,
    JournalTailUnreadable,
    KintsugiError,
    StorageError,
    VaultCorrupted,
    WrongPassphrase,
)

PAGE_SIZE = 4096
SALT_LEN = 16
HMAC_LEN = 64
IV_LEN = 16
RESERVE = IV_LEN + HMAC_LEN
HMAC_SALT_MASK = 0x3A
HMAC_KEY_ITERATIONS = 2
WAL_MAGIC_LE, WAL_MAGIC_BE = 0x377F0682, 0x377F0683
WAL_VERSION = 3007000
WAL_HEADER = 32
FRAME_HEADER = 24
FRAME = FRAME_HEADER + PAGE_SIZE

FOREIGN_SUFFIX = "not-this-vault"
UNREADABLE_SUFFIX = "unreadable"


class PageKey:
    """Checks that a page was written by SQLCipher 4 under this key (its HMAC), and reads
    one (the binding page) when asked."""

    def __init__(self, key: bytes | bytearray, salt: bytes):
        self._key = key  # the caller's buffer (wiped by the caller), only for decrypt()
        self.salt = bytes(salt)
        mask = bytes(b ^ HMAC_SALT_MASK for b in self.salt)
        self._hmac_key = hashlib.pbkdf2_hmac("sha512", key, mask, HMAC_KEY_ITERATIONS, 32)

    def verifies(self, page: bytes, pgno: int) -> bool:
        if len(page) != PAGE_SIZE or not 1 <= pgno <= 0xFFFFFFFF:
            return False
        start = 0
        if pgno == 1:
            if page[:SALT_LEN] != self.salt:
                return False
            start = SALT_LEN
        mac = hmac.new(self._hmac_key, page[start:-HMAC_LEN], "sha512")
        mac.update(pgno.to_bytes(4, "little"))
        return hmac.compare_digest(mac.digest(), page[-HMAC_LEN:])

    def decrypt(self, page: bytes, pgno: int) -> bytes:
        """The plaintext of an authenticated page other than page 1 (its data area)."""
        if pgno == 1 or len(page) != PAGE_SIZE:
            raise ValueError("only whole pages after the first")
        iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - HMAC_LEN]
        decryptor = Cipher(algorithms.AES(self._key), modes.CBC(iv)).decryptor()
        return decryptor.update(page[: PAGE_SIZE - RESERVE]) + decryptor.finalize()


# --- the binding between a log and the main file -----------------------------------
BINDING_TABLE = "wal_binding"
BINDING_LEN = 16


@dataclass(frozen=True)
class Binding:
    """The one row of ``wal_binding``; ``page`` is the table's root (and only) page."""

    page: int
    base: bytes
    gen: bytes


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """SQLite's big-endian varint at ``at``: (value, offset after it)."""
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, at + i + 1
    return (value << 8) | data[at + 8], at + 9


def parse_binding_page(plain: bytes) -> tuple[bytes, bytes] | None:
    """(base, gen) if ``plain`` is a table leaf holding exactly the binding row
    (rowid 1: NULL, a 16-byte blob, a 16-byte blob), else None."""
    try:
        if plain[0] != 0x0D or int.from_bytes(plain[3:5], "big") != 1:
            return None
        at = int.from_bytes(plain[8:10], "big")
        _payload, at = _varint(plain, at)
        rowid, at = _varint(plain, at)
        header_len, start = _varint(plain, at)
        types, pos = [], start
        while pos < at + header_len:
            t, pos = _varint(plain, pos)
            types.append(t)
        blob = 12 + 2 * BINDING_LEN
        if rowid != 1 or types != [0, blob, blob]:
            return None
        body = at + header_len
        base, gen = plain[body : body + BINDING_LEN], plain[body + BINDING_LEN : body + 32]
        return (base, gen) if len(gen) == BINDING_LEN else None
    except IndexError:
        return None


# --- SQLite's WAL checksum -------------------------------------------------------
# Per 8-byte step: s0 += x0 + s1; s1 += x1 + s0 (mod 2^32). That is linear, so the state
# after n steps is A^n·s + Σ A^(n-1-i)·B·x_i with A = [[1,1],[1,2]], B = [[1,0],[1,1]]:
# precomputed coefficients turn a 4 KiB page into two dot products done in C.
_M32 = 0xFFFFFFFF


def _mat_mul(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    return (
        (a[0] * b[0] + a[1] * b[2]) & _M32,
        (a[0] * b[1] + a[1] * b[3]) & _M32,
        (a[2] * b[0] + a[3] * b[2]) & _M32,
        (a[2] * b[1] + a[3] * b[3]) & _M32,
    )


@lru_cache(maxsize=4)
def _coefficients(steps: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A^steps, and for each input word the coefficient of s0 plus its coefficient of s1
    shifted by 80 bits (each partial sum stays below 2^75: one dot product gives both)."""
    a, b = (1, 1, 1, 2), (1, 0, 1, 1)
    power: tuple[int, ...] = (1, 0, 0, 1)  # A^0
    coefficients: list[int] = []
    for _ in range(steps):  # i = steps-1 down to 0: A^(steps-1-i)·B
        m = _mat_mul(power, b)
        coefficients[:0] = [m[0] | (m[2] << 80), m[1] | (m[3] << 80)]
        power = _mat_mul(power, a)
    return power, tuple(coefficients)


def wal_checksum(data: bytes, big_endian: bool, s0: int = 0, s1: int = 0) -> tuple[int, int]:
    """SQLite's WAL checksum of ``data`` (a multiple of 8 bytes) continuing from (s0, s1)."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    an, coefficients = _coefficients(len(data) // 8)
    t = sum(map(operator.mul, coefficients, words))
    return (an[0] * s0 + an[1] * s1 + t) & _M32, (an[2] * s0 + an[3] * s1 + (t >> 80)) & _M32


# --- the log, as SQLite would read it -----------------------------------------------
@dataclass(frozen=True)
class WalScan:
    size: int  # bytes in the file
    header_valid: bool
    frames: int  # whole frames in the file
    chained: int  # frames SQLite accepts (salts and checksum chain from the start)
    applied: int  # frames SQLite would apply: up to the last commit in the chain
    authentic: int  # frames anywhere in the file that authenticate under the key
    good: int  # frames up to the last commit whose whole prefix authenticates
    lost_commit: bool  # a commit that SQLite would not apply, or would apply unverified
    first: int = 0  # frames in the first committed transaction, if all of it authenticates
    pgnos: tuple[int, ...] = ()  # page number of each frame SQLite would apply

    @property
    def ours(self) -> bool:
        return self.authentic > 0

    @property
    def sound(self) -> bool:
        return self.good == self.applied and not self.lost_commit


def scan_wal(path: Path, page_key: PageKey) -> WalScan:
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        header = f.read(WAL_HEADER)
        magic, version, page_size, _seq, salt1, salt2, c1, c2 = (
            struct.unpack(">8I", header) if len(header) == WAL_HEADER else (0,) * 8
        )
        big = magic == WAL_MAGIC_BE
        header_valid = (
            magic in (WAL_MAGIC_LE, WAL_MAGIC_BE)
            and version == WAL_VERSION
            and page_size == PAGE_SIZE
            and wal_checksum(header[:24], big) == (c1, c2)
        )
        state = (c1, c2)
        frames = chained = applied = authentic = good = first = 0
        pgnos: list[int] = []
        in_chain = header_valid
        prefix_ok = True  # every chained frame so far authenticates
        lost_commit = False
        while True:
            frame = f.read(FRAME)
            if len(frame) < FRAME:
                break
            frames += 1
            pgno, commit, fs1, fs2, fc1, fc2 = struct.unpack(">6I", frame[:FRAME_HEADER])
            current = header_valid and (fs1, fs2) == (salt1, salt2)
            if in_chain:
                state = wal_checksum(frame[:8] + frame[FRAME_HEADER:], big, *state)
                in_chain = current and pgno > 0 and state == (fc1, fc2)
            authentic_frame = page_key.verifies(frame[FRAME_HEADER:], pgno)
            authentic += authentic_frame
            if in_chain:
                chained += 1
                pgnos.append(pgno)
                prefix_ok = prefix_ok and authentic_frame
                if commit:
                    if not applied and prefix_ok:
                        first = chained
                    applied = chained
                    if prefix_ok:
                        good = chained
            elif commit and (current or (not header_valid and authentic_frame)):
                lost_commit = True  # a finished transaction after a break in the chain
    pgnos_applied = tuple(pgnos[:applied])
    return WalScan(
        size,
        header_valid,
        frames,
        chained,
        applied,
        authentic,
        good,
        lost_commit,
        first,
        pgnos_applied,
    )


def bound_here(wal: Path, scan: WalScan, page_key: PageKey, main: Binding | None) -> bool | None:
    """Was this log (ours by key) written on top of the main file whose binding is ``main``?
    None when that cannot be told: the main file has no binding (a vault from before v7,
    or a new one), or the log's first transaction is damaged (the damage rules apply)."""
    if main is None or not scan.first:
        return None
    found: list[tuple[int, tuple[bytes, bytes] | None]] = []
    with open(wal, "rb") as f:
        for index, pgno in enumerate(scan.pgnos):
            if pgno != main.page:
                continue
            f.seek(WAL_HEADER + index * FRAME + FRAME_HEADER)
            page = f.read(PAGE_SIZE)
            if not page_key.verifies(page, pgno):
                continue
            found.append((index, parse_binding_page(page_key.decrypt(page, pgno))))
    if any(row is not None and row[1] == main.gen for _index, row in found):
        return True  # the main file is this log, checkpointed in part or in full
    first = [row for index, row in found if index < scan.first and row is not None]
    # begun on exactly this main file; a log that did not begin with its binding was not
    return bool(first) and first[0][0] == main.gen


# --- what admit() does ----------------------------------------------------------------
def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def shm_path(path: Path) -> Path:
    return path.with_name(path.name + "-shm")


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def check_key(path: Path, page_key: PageKey) -> None:
    """WrongPassphrase unless the key authenticates page 1 (an empty file passes: new)."""
    try:
        with open(path, "rb") as f:
            page = f.read(PAGE_SIZE)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StorageError(
            i18n.arg(i18n.translate("errors", "Could not read %1: %2."), path, exc.strerror)
        ) from None
    if not page:
        return
    if len(page) < PAGE_SIZE:
        raise VaultCorrupted(
            i18n.translate(
                "errors", "The journal file is cut short (its first page is incomplete)."
            )
        )
    if not page_key.verifies(page, 1):
        raise WrongPassphrase()


def admit(
    path: Path,
    key: bytes | bytearray,
    salt: bytes,
    main_binding: Callable[[], Binding | None] = lambda: None,
) -> KintsugiError | None:
    """Check the key and make the files next to ``path`` safe for SQLite to open.
    ``main_binding`` reads the main file's binding row (with the key checked; only called
    when there is a log to judge).

    Raises WrongPassphrase (having changed nothing) or a storage error. Returns a notice
    for the person (a ForeignJournalSetAside or a JournalTailUnreadable), or None."""
    page_key = PageKey(key, salt)
    check_key(path, page_key)
    notice: KintsugiError | None = None
    wal, shm, journal = wal_path(path), shm_path(path), journal_path(path)
    try:
        result = scan_wal(wal, page_key) if _nonempty(wal) else None
        if result is not None and not (result.header_valid and result.size <= WAL_HEADER):
            # not ours by key, or ours but begun on another state of the main file
            if not result.ours or bound_here(wal, result, page_key, main_binding()) is False:
                kept = set_aside(wal, FOREIGN_SUFFIX)
                if shm.exists():
                    set_aside(shm, FOREIGN_SUFFIX)
                notice = ForeignJournalSetAside(kept)
            elif not result.sound:
                kept = set_aside(wal, UNREADABLE_SUFFIX)
                if result.good:
                    _write_prefix(kept, wal, WAL_HEADER + result.good * FRAME)
                notice = JournalTailUnreadable(kept)
        if _nonempty(journal):
            kept = set_aside(journal, FOREIGN_SUFFIX)
            notice = notice or ForeignJournalSetAside(kept)
        fsutil.remove_quietly(shm)  # never ours: the wal-index lives in memory
    except OSError as exc:
        raise StorageError(
            i18n.arg(
                i18n.translate(
                    "errors", "Could not set aside a leftover change file next to %1: %2."
                ),
                path,
                exc.strerror,
            )
        ) from None
    return notice


def set_aside_files(path: Path, suffix: str = UNREADABLE_SUFFIX) -> list[Path]:
    """Change files of ours kept aside because they could not be read in full."""
    prefix = f"{path.name}-wal.{suffix}."
    try:
        return sorted(p for p in path.parent.iterdir() if p.name.startswith(prefix))
    except OSError:
        return []


def _nonempty(p: Path) -> bool:
    try:
        return p.stat().st_size > 0
    except FileNotFoundError:
        return False


def set_aside(p: Path, suffix: str) -> Path:
    """Rename ``p`` to ``<name>.<suffix>.<UTC stamp>`` (never over an existing file), 0600."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    n = 1
    while True:
        target = p.with_name(f"{p.name}.{suffix}.{stamp}" + (f".{n}" if n > 1 else ""))
        if not target.exists() and not target.is_symlink():
            break
        n += 1
    os.rename(p, target)
    os.chmod(target, 0o600)
    fsutil.fsync_dir(p.parent)
    return target


def _write_prefix(src: Path, dst: Path, length: int) -> None:
    """Put the first ``length`` bytes of ``src`` at ``dst`` atomically, 0600."""
    tmp = fsutil.temp_sibling(dst, "wal")
    try:
        with open(src, "rb") as fin, open(tmp, "wb") as fout:
            remaining = length
            while remaining:
                chunk = fin.read(min(remaining, 1 << 20))
                if not chunk:
                    break
                fout.write(chunk)
                remaining -= len(chunk)
        fsutil.atomic_replace(tmp, dst)
    except BaseException:
        fsutil.remove_quietly(tmp)
        raise

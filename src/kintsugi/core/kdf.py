"""Passphrase → SQLCipher raw key, and the 16-byte salt that describes how.

The vault is self-describing: SQLCipher stores the salt we hand it in the
first 16 bytes of the file, and the first 4 of those bytes are a tag that
names the KDF and its parameters. The other 12 bytes (96 bits) are random.

    byte 0   0x4B ('K')              magic
    byte 1   0x01                    KDF format: Argon2id, 32-byte output
    byte 2   high nibble: log2(memory KiB) - 10; low nibble: lanes (1..15)
    byte 3   iterations (1..255)
    4..15    random

The whole 16 bytes are the Argon2id salt, so the parameters are bound to the
key: changing a tag byte yields another key, never a weaker derivation of
the same one. See docs/vault-format.md.
"""

from __future__ import annotations

import base64
import ctypes
import hashlib
import math
import os
import sys
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from kintsugi.core.errors import DerivationCancelled, InvalidRecoveryKey, NotAVault
from kintsugi.core.i18n import translate

MAGIC = 0x4B
FORMAT_ARGON2ID_V1 = 0x01
SALT_LEN = 16
TAG_LEN = 4
KEY_LEN = 32
# A vault's header may ask for no more than Kintsugi itself ever chooses (DEFAULT_PARAMS's
# memory and lanes; calibrate()'s most passes): a hostile file cannot make us spend more
# memory or time than our own vaults do. Kintsugi never writes a vault above them.
MAX_MEMORY_KIB = 65536  # 64 MiB
MAX_ITERATIONS = 12
MAX_LANES = 4


def _not_ours() -> str:
    return translate(
        "errors",
        "This file is not a Kintsugi journal file "
        "(it asks for key-derivation settings Kintsugi never uses).",
    )


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int

    def __post_init__(self) -> None:
        log2m = math.log2(self.memory_kib) if self.memory_kib > 0 else -1.0
        if not (log2m.is_integer() and 10 <= log2m <= 25):
            raise ValueError("memory must be a power of two between 1 MiB and 32 GiB")
        if not 1 <= self.lanes <= 15:
            raise ValueError("lanes must be 1..15")
        if not 1 <= self.iterations <= 255:
            raise ValueError("iterations must be 1..255")


#: The floor for new vaults: 64 MiB, 3 passes, 4 lanes.
DEFAULT_PARAMS = KdfParams(memory_kib=65536, iterations=3, lanes=4)


def encode_tag(params: KdfParams) -> bytes:
    log2m = int(math.log2(params.memory_kib)) - 10
    return bytes([MAGIC, FORMAT_ARGON2ID_V1, (log2m << 4) | params.lanes, params.iterations])


def within_caps(params: KdfParams) -> bool:
    return (
        params.memory_kib <= MAX_MEMORY_KIB
        and params.iterations <= MAX_ITERATIONS
        and params.lanes <= MAX_LANES
    )


def new_salt(params: KdfParams) -> bytes:
    if not within_caps(params):
        raise ValueError("Kintsugi never writes a vault it would refuse to open")
    return encode_tag(params) + os.urandom(SALT_LEN - TAG_LEN)


def parse_salt(salt: bytes) -> KdfParams:
    """The parameters a vault's salt names; ``NotAVault`` when it names none."""
    if len(salt) != SALT_LEN or salt[0] != MAGIC or salt[1] != FORMAT_ARGON2ID_V1:
        raise NotAVault()
    memory = 1 << ((salt[2] >> 4) + 10)
    lanes, iterations = salt[2] & 0x0F, salt[3]
    if lanes == 0 or iterations == 0:
        raise NotAVault(_not_ours())
    params = KdfParams(memory_kib=memory, iterations=iterations, lanes=lanes)
    if not within_caps(params):
        raise NotAVault(_not_ours())
    return params


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC, so the same passphrase typed on another keyboard or OS gives the same bytes."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(passphrase: str, salt: bytes) -> bytearray:
    """The vault key for ``passphrase`` and a vault's ``salt`` (whose parameters are
    checked against the caps first). Slow, and stoppable: see :func:`derive_with`."""
    return derive_with(normalize_passphrase(passphrase), salt, parse_salt(salt))


# --- a derivation that can be stopped ---------------------------------------------------
# Argon2 runs in a daemon thread (cryptography releases the GIL while it computes); the
# caller waits for it in short steps. So Ctrl+C reaches the main thread at once (the CLI
# exits), and cancel_running() — the app quitting — makes every waiting caller give up
# with DerivationCancelled. An abandoned derivation finishes on its own thread, its result
# overwritten; it never holds the process open (daemon).
#
# One Argon2 at a time per process: with cryptography 50 / OpenSSL 4, two derivations with
# lanes > 1 running at once in one process deadlock (or fail with MemoryError) — see
# tests/core/test_kdf_bounds.py::test_two_derivations_at_once_both_finish. A derivation
# abandoned before its turn never runs.
_generation = 0
_generation_lock = threading.Lock()
_one_at_a_time = threading.Lock()
_POLL_SECONDS = 0.05


def cancel_running() -> None:
    """Make every derivation now being waited for give up at once (derivations started
    later are not affected)."""
    global _generation
    with _generation_lock:
        _generation += 1


def derive_with(secret: bytes, salt: bytes, params: KdfParams) -> bytearray:
    def argon2() -> bytearray:
        kdf = Argon2id(
            salt=salt,
            length=KEY_LEN,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        )
        key = bytearray(KEY_LEN)  # derived straight into memory we can wipe: no bytes copy
        kdf.derive_into(secret, key)
        return key

    return _stoppable(argon2)


class _Outcome:
    """What the derivation thread hands back: the key, or what it raised."""

    key: bytearray | None = None
    error: BaseException | None = None


def _stoppable(fn: Callable[[], bytearray]) -> bytearray:
    generation = _generation
    done, abandoned = threading.Event(), threading.Event()
    box = _Outcome()

    def run() -> None:
        try:
            with _one_at_a_time:
                if not abandoned.is_set():
                    box.key = fn()
        except BaseException as exc:  # handed to the waiting caller
            box.error = exc
        finally:
            done.set()
            if abandoned.is_set():
                wipe(box.key)

    worker = threading.Thread(target=run, name="kintsugi-kdf", daemon=True)
    worker.start()
    try:
        while not done.wait(_POLL_SECONDS):
            if _generation != generation:
                raise DerivationCancelled()
    except BaseException:  # KeyboardInterrupt, or cancelled: leave it behind
        abandoned.set()
        if done.is_set():
            wipe(box.key)
        raise
    if box.error is not None:
        raise box.error
    assert box.key is not None  # not abandoned, so the worker set a key or an error
    return box.key


def calibrate(target_seconds: float = 0.5, floor: KdfParams = DEFAULT_PARAMS) -> KdfParams:
    """Raise the pass count above ``floor`` until one derivation takes about ``target_seconds``
    (at most MAX_ITERATIONS)."""
    start = time.perf_counter()
    derive_key("calibration", new_salt(floor))
    per_pass = (time.perf_counter() - start) / floor.iterations
    iterations = max(
        floor.iterations, min(MAX_ITERATIONS, round(target_seconds / max(per_pass, 1e-6)))
    )
    return KdfParams(floor.memory_kib, iterations, floor.lanes)


_HEX = b"0123456789abcdef"


def key_literal(key: bytes | bytearray, salt: bytes) -> bytearray:
    """SQLCipher's raw-key-with-salt form ``x'<64 hex key><32 hex salt>'``, written into a
    bytearray (the caller wipes it): the hex key never becomes an immutable str or bytes."""
    if len(key) != KEY_LEN or len(salt) != SALT_LEN:
        raise ValueError("bad key or salt length")
    out = bytearray(b"x'")
    for byte in key:
        out.append(_HEX[byte >> 4])
        out.append(_HEX[byte & 15])
    out += salt.hex().encode("ascii")
    out += b"'"
    return out


def key_pragma_value(key: bytes | bytearray, salt: bytes) -> str:
    """``key_literal`` as a str, for tests and tools only (an immutable copy of the key)."""
    literal = key_literal(key, salt)
    try:
        return literal.decode("ascii")
    finally:
        wipe(literal)


def key_statement(key: bytes | bytearray, salt: bytes) -> bytearray:
    """``PRAGMA key = "x'…'"`` as a bytearray the caller wipes (see run_key_statement)."""
    literal = key_literal(key, salt)
    try:
        return bytearray(b'PRAGMA key = "') + literal + b'"'
    finally:
        wipe(literal)


def run_key_statement(conn: Any, key: bytes | bytearray, salt: bytes) -> None:
    """Key a fresh connection. sqlcipher3 takes SQL only as a str, so the statement is a str
    for the length of this call: run with executescript (no statement cache keeps it), then
    overwritten in place (CPython, ASCII) along with its bytearray."""
    statement = key_statement(key, salt)
    sql = statement.decode("ascii")
    try:
        conn.executescript(sql)
    finally:
        wipe(statement)
        wipe_str(sql)
        del sql


# --- recovery key --------------------------------------------------------------
# The raw key plus a 3-byte checksum, base32 in groups of four: 56 characters.
_RK_CHECK = 3
_RK_TYPOS = str.maketrans({"0": "O", "1": "I", "8": "B"})


def encode_recovery_key(key: bytes | bytearray) -> str:
    raw = bytes(key) + hashlib.sha256(b"kintsugi-recovery" + bytes(key)).digest()[:_RK_CHECK]
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def decode_recovery_key(text: str) -> bytearray:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_RK_TYPOS)
    try:
        raw = base64.b32decode(cleaned)
    except (ValueError, TypeError):
        raise InvalidRecoveryKey() from None
    if len(raw) != KEY_LEN + _RK_CHECK:
        raise InvalidRecoveryKey()
    key, check = raw[:KEY_LEN], raw[KEY_LEN:]
    if hashlib.sha256(b"kintsugi-recovery" + key).digest()[:_RK_CHECK] != check:
        raise InvalidRecoveryKey()
    return bytearray(key)


def wipe_str(text: str) -> None:
    """Overwrite an ASCII str this module made itself and holds the only reference to.

    CPython keeps a compact ASCII string's characters right after its header (the last
    ``len + 1`` bytes of its ``sys.getsizeof``). Nothing else may share such a string: only
    ever pass one built at run time, never a literal or an interned name."""
    if sys.implementation.name != "cpython" or not text or not text.isascii() or len(text) < 2:
        return
    size = len(text)
    ctypes.memset(id(text) + sys.getsizeof(text) - size - 1, 0, size)


def wipe(buf: bytearray | None) -> None:
    if buf is not None:
        for i in range(len(buf)):
            buf[i] = 0

"""The sync folder's files: names, write-once writes, padding, age encryption.

Layout (docs/sync-format.md)::

    <folder>/<device id>/<seq>.age         a device's changes, in order (written once)
    <folder>/<device id>/<seq>.<part>.age  a snapshot at <seq>, in parts
    <folder>/keys/<epoch>-<device id>.age  a new sync key, to the devices that remain
    <folder>/pairing/<random>.age          the sync key, locked by a one-time pairing code
    <folder>/blobs/<name>.age              an attachment's bytes (name keyed by its SHA-256)

Only the device that owns a folder writes in it, so a sync tool never has two versions of
one file to reconcile. Every name that is not exactly one of these is ignored: a sync
tool's conflicted copies (``x.sync-conflict-20260101-…``, ``x (conflicted copy)``), its
temporaries and our own unfinished writes.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import struct
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from kintsugi.core import fsutil

DEVICE_DIR = re.compile(r"^[0-9a-f]{16}$")
CHANGE_FILE = re.compile(r"^(\d{1,12})\.age$")
SNAPSHOT_FILE = re.compile(r"^(\d{1,12})\.(\d{1,6})\.age$")
KEY_FILE = re.compile(r"^(\d{1,9})-([0-9a-f]{16})\.age$")
PAIRING_FILE = re.compile(r"^[0-9a-f]{16}\.age$")
BLOB_FILE = re.compile(r"^[0-9a-f]{40}\.age$")
KEYS, PAIRING, BLOBS = "keys", "pairing", "blobs"
TEMP_PREFIX = ".kintsugi-"
#: Plaintext sizes are padded up to a bucket: the smallest of 1 KiB, or the size rounded
#: up to an eighth of its power of two (at most 12.5 % more).
MIN_BUCKET = 1024


def bucket(size: int) -> int:
    if size <= MIN_BUCKET:
        return MIN_BUCKET
    step = 1 << max(size.bit_length() - 4, 0)
    return -(-size // step) * step


def pad(data: bytes) -> bytes:
    """``data`` with its length in front and zeros up to its bucket."""
    framed = struct.pack(">Q", len(data)) + data
    return framed + b"\0" * (bucket(len(framed)) - len(framed))


def unpad(data: bytes) -> bytes | None:
    if len(data) < 8:
        return None
    (size,) = struct.unpack(">Q", data[:8])
    if size > len(data) - 8:
        return None
    return data[8 : 8 + size]


def seal_document(payload: bytes, recipients: Sequence[str]) -> bytes:
    """Compressed, padded, and encrypted to ``recipients`` (age X25519)."""
    keys = [x25519.Recipient.from_str(r) for r in recipients]
    sealed: bytes = pyrage.encrypt(pad(zlib.compress(payload, 6)), keys)
    return sealed


def open_document(data: bytes, identities: Sequence[str], *, limit: int) -> bytes | None:
    """The payload of a sealed file, or None when it cannot be read: not for our keys, cut
    short by a sync still under way (age authenticates every chunk and the last one), or
    damaged. Nothing of such a file is used."""
    try:
        keys = [x25519.Identity.from_str(i) for i in identities]
        plain = unpad(pyrage.decrypt(data, keys))
        if plain is None:
            return None
        inflater = zlib.decompressobj()
        out = inflater.decompress(plain, limit)
        if inflater.unconsumed_tail or not inflater.eof:
            return None
        return out
    except (pyrage.DecryptError, pyrage.IdentityError, zlib.error, ValueError):
        return None


def seal_blob(data: bytes, recipients: Sequence[str]) -> bytes:
    keys = [x25519.Recipient.from_str(r) for r in recipients]
    sealed: bytes = pyrage.encrypt(pad(data), keys)
    return sealed


def open_blob(data: bytes, identities: Sequence[str]) -> bytes | None:
    try:
        keys = [x25519.Identity.from_str(i) for i in identities]
        return unpad(pyrage.decrypt(data, keys))
    except (pyrage.DecryptError, pyrage.IdentityError, ValueError):
        return None


def lock_with_code(payload: bytes, code: str) -> bytes:
    """``payload`` (the sync keys) locked with the pairing code (age's scrypt recipient)."""
    sealed: bytes = age_passphrase.encrypt(pad(payload), code)
    return sealed


def open_with_code(data: bytes, code: str) -> bytes | None:
    from kintsugi.core.share import decrypt_with_passphrase

    try:
        return unpad(decrypt_with_passphrase(data, code))
    except (pyrage.DecryptError, ValueError):
        return None


def new_identity() -> tuple[str, str]:
    """A fresh age X25519 key pair: (identity, recipient)."""
    ident = x25519.Identity.generate()
    return str(ident), str(ident.to_public())


def recipient_of(identity: str) -> str:
    return str(x25519.Identity.from_str(identity).to_public())


# --- signatures: every document says which device wrote it -------------------------------
#: A signed document is its JSON text whose last key is ``"sig"``: the Ed25519 signature
#: (hex) of the same text with the signature's 128 digits all ``0``.
_SIG_DIGITS = 128
_SIG_HEAD = b', "sig": "'
_SIG_TAIL = b'"}'


def _signing_key(identity: str) -> Ed25519PrivateKey:
    """A device's signing key, made from its own age identity (kept only in its vault)."""
    seed = hmac.new(identity.encode(), b"kintsugi sync signing key", hashlib.sha256).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


def verify_key_of(identity: str) -> str:
    """The public half of a device's signing key (hex), announced in its files."""
    public = _signing_key(identity).public_key()
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return raw.hex()


def signed_payload(doc: dict[str, object], identity: str) -> bytes:
    """``doc`` as JSON text, signed by the device whose own age identity is ``identity``."""
    if "sig" in doc:
        raise ValueError("a document to sign has no signature yet")
    zeroed = json.dumps({**doc, "sig": "0" * _SIG_DIGITS}, ensure_ascii=False).encode()
    signature = _signing_key(identity).sign(zeroed).hex().encode()
    cut = len(zeroed) - len(_SIG_TAIL) - _SIG_DIGITS
    return zeroed[:cut] + signature + _SIG_TAIL


def signature_ok(payload: bytes, verify_key: str) -> bool:
    """Whether ``payload`` was signed (``signed_payload``) by the key ``verify_key``."""
    cut = len(payload) - len(_SIG_TAIL) - _SIG_DIGITS
    if cut < len(_SIG_HEAD) or not payload.endswith(_SIG_TAIL):
        return False
    if payload[cut - len(_SIG_HEAD) : cut] != _SIG_HEAD:
        return False
    try:
        signature = bytes.fromhex(payload[cut : cut + _SIG_DIGITS].decode("ascii"))
        public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(verify_key))
        public.verify(signature, payload[:cut] + b"0" * _SIG_DIGITS + _SIG_TAIL)
    except (ValueError, UnicodeDecodeError, InvalidSignature):
        return False
    return True


def blob_file_name(sha256: str, name_key: str) -> str:
    """An attachment's file name: its content's SHA-256 under the sync key's name key (the
    same file on every device, and nothing a stranger can compare with a known file)."""
    digest = hashlib.blake2b(sha256.encode(), key=bytes.fromhex(name_key), digest_size=20)
    return digest.hexdigest() + ".age"


# --- the files ----------------------------------------------------------------------------
def write_once(path: Path, data: bytes) -> None:
    """Write ``data`` at ``path``: a temporary name in the same folder, fsync, rename, fsync
    the folder. A sync tool sees the file whole or not at all (it may still carry it half)."""
    fsutil.ensure_private_dir(path.parent)
    tmp = path.with_name(f"{TEMP_PREFIX}{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        fsutil.remove_quietly(tmp)
        raise
    fsutil.fsync_dir(path.parent)


def read_file(path: Path, limit: int) -> bytes | None:
    """The file's bytes, or None when it vanished meanwhile or is larger than ``limit``."""
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        return None
    return None if len(data) > limit else data


def device_dirs(folder: Path) -> Iterator[str]:
    with os.scandir(folder) as it:
        for entry in it:
            if DEVICE_DIR.match(entry.name) and entry.is_dir(follow_symlinks=False):
                yield entry.name


def device_files(folder: Path, device: str) -> tuple[dict[int, str], dict[int, list[str]]]:
    """A device's change files by sequence number, and its snapshots' parts by sequence."""
    changes: dict[int, str] = {}
    snapshots: dict[int, list[str]] = {}
    try:
        it = os.scandir(folder / device)
    except (FileNotFoundError, NotADirectoryError):
        return changes, snapshots
    with it:
        for entry in it:
            m = CHANGE_FILE.match(entry.name)
            if m:
                changes[int(m.group(1))] = entry.name
                continue
            m = SNAPSHOT_FILE.match(entry.name)
            if m:
                snapshots.setdefault(int(m.group(1)), []).append(entry.name)
    return changes, snapshots


def names(folder: Path, sub: str, pattern: re.Pattern[str]) -> list[str]:
    try:
        with os.scandir(folder / sub) as it:
            return sorted(e.name for e in it if pattern.match(e.name))
    except (FileNotFoundError, NotADirectoryError):
        return []


def stale_temps(directory: Path, older_than_s: float, now_s: float) -> list[Path]:
    """Our own unfinished writes in ``directory`` (a crash between write and rename)."""
    found = []
    try:
        with os.scandir(directory) as it:
            for e in it:
                if e.name.startswith(TEMP_PREFIX) and e.name.endswith(".tmp"):
                    try:
                        if now_s - e.stat(follow_symlinks=False).st_mtime > older_than_s:
                            found.append(Path(e.path))
                    except FileNotFoundError:
                        continue
    except FileNotFoundError:
        pass
    return found

"""Share bundles: the items a person chose, as a versioned JSON document and a Markdown copy,
zipped and encrypted in the standard age format (pyrage) — to a passphrase (scrypt) or to
age public keys. Any `age -d` opens one. Private notes are never included.

Reading a bundle checks everything before anything is stored: size, age header, the
recipient, the AEAD (tampering), the zip's members and sizes, the format and its version.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from kintsugi.core.errors import KintsugiError
from kintsugi.core.records import Record
from kintsugi.core.render import render_item, render_items
from kintsugi.core.serialize import record_to_dict

FORMAT = "kintsugi-share"
VERSION = 1
JSON_NAME, MD_NAME = "kintsugi-share.json", "shared.md"
MAX_BUNDLE = 64 * 1024 * 1024  # bytes on disk
MAX_UNPACKED = 256 * 1024 * 1024  # bytes once unzipped (a zip bomb stops here)
MAX_ITEMS = 200_000
AGE_HEADER = b"age-encryption.org/v1\n"
AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"


class BundleError(KintsugiError):
    exit_code = 2
    default_message = "This is not a Kintsugi share bundle."


class NotABundle(BundleError):
    pass


class BundleNotForYou(BundleError):
    default_message = (
        "This bundle was encrypted for someone else (or with another "
        "passphrase), so it can't be opened here."
    )


class BundleDamaged(BundleError):
    exit_code = 3
    default_message = (
        "This bundle is damaged or was changed after it was made; nothing was imported."
    )


class BundleTooNew(BundleError):
    default_message = (
        "This bundle comes from a newer version of Kintsugi. Update Kintsugi "
        "to open it; nothing was imported."
    )


class BundleTooLarge(BundleError):
    default_message = "This bundle is far larger than any share bundle; it was not opened."


@dataclass(frozen=True)
class ShareOptions:
    """Parts of an item a person may not want to leave; the Share pane shows each choice."""

    earlier_wordings: bool = False  # a boundary's earlier wordings (with their dates)
    exercise_answers: bool = True  # what was written in an exercise's steps


DEFAULT_OPTIONS = ShareOptions()


# Never leave: the private note, the vault's own ids and trash/celebration state. created_at
# says nothing a person chose to share; updated_at is the item's revision.
DROPPED = ("id", "private_note", "deleted_at", "shared", "trigger_id", "celebrated", "created_at")


def share_dict(
    rec: Record,
    options: ShareOptions = DEFAULT_OPTIONS,
    answered: Record | None = None,
) -> dict[str, Any]:
    """What of a record leaves the vault (one payload item)."""
    data = record_to_dict(rec, include_private=False)
    for key in DROPPED:
        data.pop(key, None)
    if rec.KIND == "boundary" and not options.earlier_wordings:
        data.pop("history", None)
    if rec.KIND == "grounding":
        if not options.exercise_answers:
            data.pop("steps", None)
        if answered is not None:
            data["answered_trigger"] = {
                "uid": answered.uid,
                "cue": getattr(answered, "cue", ""),
                "occurred_at": answered.occurred_at.isoformat(),
            }
    return data


@dataclass(frozen=True)
class BundleContent:
    exporter: str
    exported_at: datetime
    items: list[dict[str, Any]]
    markdown: str
    sha256: str  # of the encrypted file, as received


@dataclass(frozen=True)
class Payload:
    """Everything that leaves, built once; every view (preview, Markdown, PDF, the bundle's
    JSON and ``shared.md``) is rendered from it."""

    items: list[dict[str, Any]]
    exporter: str
    exported_at: datetime
    options: ShareOptions = DEFAULT_OPTIONS

    def document(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": self.exported_at.isoformat(timespec="seconds"),
            "exporter": self.exporter,
            "items": self.items,
        }

    def json_bytes(self) -> bytes:
        return json.dumps(self.document(), ensure_ascii=False, indent=1).encode("utf-8")

    def markdown(self, title: str = "Shared from Kintsugi") -> str:
        return render_items(
            self.items, title=title, exporter=self.exporter, exported_at=self.exported_at
        )

    def items_markdown(self) -> str:
        ordered = sorted(self.items, key=lambda i: str(i.get("occurred_at", "")))
        return "\n".join(render_item(i) for i in ordered)


def build_payload(
    records: list[Record],
    *,
    exporter: str = "",
    options: ShareOptions = DEFAULT_OPTIONS,
    exported_at: datetime | None = None,
    answered: Callable[[Record], Record | None] | None = None,
) -> Payload:
    """The one payload of an export. ``answered`` finds the trigger an exercise answered."""
    ordered = sorted(records, key=lambda r: r.occurred_at)
    items = [share_dict(r, options, answered(r) if answered else None) for r in ordered]
    return Payload(items, exporter, exported_at or datetime.now(UTC), options)


def build_plaintext(payload: Payload) -> bytes:
    """The zip that gets encrypted: the payload as JSON and its Markdown rendering."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        fixed = (2026, 1, 1, 0, 0, 0)  # no local clock in the archive
        z.writestr(zipfile.ZipInfo(JSON_NAME, fixed), payload.json_bytes())
        z.writestr(zipfile.ZipInfo(MD_NAME, fixed), payload.markdown())
    return buf.getvalue()


def encrypt(
    plaintext: bytes, *, recipients: list[str] | None = None, passphrase: str | None = None
) -> bytes:
    if recipients:
        try:
            keys = [x25519.Recipient.from_str(r.strip()) for r in recipients]
        except pyrage.RecipientError:
            raise BundleError("That is not an age public key (they begin with age1…).") from None
        return pyrage.encrypt(plaintext, keys)
    if passphrase:
        return age_passphrase.encrypt(plaintext, passphrase)
    raise ValueError("a recipient or a passphrase is required")


def open_bundle(
    data: bytes, *, identities: list[str] = (), passphrase: str | None = None
) -> BundleContent:
    """Decrypt and check a bundle completely; raise a BundleError on anything wrong."""
    if len(data) > MAX_BUNDLE:
        raise BundleTooLarge()
    if not (data.startswith(AGE_HEADER) or data.lstrip().startswith(AGE_ARMOR)):
        raise NotABundle("This file is not an encrypted Kintsugi share bundle (not age).")
    wants_passphrase = needs_passphrase(data)
    try:
        if wants_passphrase:
            if not passphrase:
                raise BundleNotForYou(
                    "This bundle is locked with a passphrase: enter the one your partner chose."
                )
            plaintext = age_passphrase.decrypt(data, passphrase)
        else:
            keys = [x25519.Identity.from_str(i) for i in identities]
            plaintext = pyrage.decrypt(data, keys)
    except pyrage.DecryptError as exc:
        text = str(exc).lower()
        if "no matching keys" in text or (wants_passphrase and "decryption failed" in text):
            raise BundleNotForYou() from None
        raise BundleDamaged() from None
    return _read_plaintext(plaintext, hashlib.sha256(data).hexdigest())


def needs_passphrase(head: bytes) -> bool:
    """True when an age file is locked with a passphrase (scrypt) rather than to keys."""
    return b"\n-> scrypt " in head[:4096].split(b"\n---", 1)[0]


def _read_plaintext(plaintext: bytes, sha256: str) -> BundleContent:
    try:
        with zipfile.ZipFile(io.BytesIO(plaintext)) as z:
            infos = {i.filename: i for i in z.infolist()}
            if set(infos) != {JSON_NAME, MD_NAME}:
                raise NotABundle()
            if sum(i.file_size for i in infos.values()) > MAX_UNPACKED:
                raise BundleTooLarge()
            document = json.loads(z.read(JSON_NAME).decode("utf-8"))
            markdown = z.read(MD_NAME).decode("utf-8")
    except (
        zipfile.BadZipFile,
        UnicodeDecodeError,
        ValueError,
        KeyError,
        EOFError,
        RecursionError,
    ):  # RecursionError: absurdly nested JSON
        raise NotABundle() from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise NotABundle()
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise NotABundle()
    if version > VERSION:
        raise BundleTooNew()
    items = document.get("items")
    exporter = document.get("exporter")
    try:
        exported_at = datetime.fromisoformat(document["exported_at"])
    except (KeyError, TypeError, ValueError):
        raise NotABundle() from None
    if (
        not isinstance(items, list)
        or len(items) > MAX_ITEMS
        or not isinstance(exporter, str)
        or not all(_item_ok(i) for i in items)
    ):
        raise NotABundle()
    return BundleContent(exporter[:200], exported_at, items, markdown, sha256)


def _item_ok(item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    kind, uid, occurred = item.get("kind"), item.get("uid"), item.get("occurred_at")
    if not (isinstance(kind, str) and isinstance(uid, str) and isinstance(occurred, str)):
        return False
    try:
        datetime.fromisoformat(occurred)
    except ValueError:
        return False
    return 0 < len(uid) <= 100 and "private_note" not in item


def new_identity() -> str:
    return str(x25519.Identity.generate())


def public_key(identity: str) -> str:
    return str(x25519.Identity.from_str(identity).to_public())


def check_recipient(text: str) -> str:
    try:
        return str(x25519.Recipient.from_str(text.strip()))
    except pyrage.RecipientError:
        raise BundleError("That is not an age public key (they begin with age1…).") from None

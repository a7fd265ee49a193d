"""Share bundles: the items a person chose, as a versioned JSON document and a Markdown copy,
signed with the sender's Ed25519 key, zipped and encrypted in the standard age format
(pyrage) — to a passphrase (scrypt) or to age public keys. Any `age -d` opens one (also
ASCII-armored). Private notes are never included. The format is in docs/share-format.md.

Reading a bundle checks everything before anything is stored: size, age header, the
recipient, the AEAD (tampering), the zip's members and sizes, the format and its version,
and the signature over the exact JSON bytes (and, through its hash, shared.md).
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import json
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any, BinaryIO

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from kintsugi.core import validate
from kintsugi.core.errors import BundleDamaged as BundleDamaged  # the bundle errors, as share.*
from kintsugi.core.errors import BundleError as BundleError
from kintsugi.core.errors import BundleForged as BundleForged
from kintsugi.core.errors import BundleNotForYou as BundleNotForYou
from kintsugi.core.errors import BundleTooLarge as BundleTooLarge
from kintsugi.core.errors import BundleTooNew as BundleTooNew
from kintsugi.core.errors import NotABundle as NotABundle
from kintsugi.core.i18n import arg, translate
from kintsugi.core.records import Record
from kintsugi.core.render import render_item, render_items
from kintsugi.core.repo import REPOSITORIES
from kintsugi.core.serialize import record_to_dict

FORMAT = "kintsugi-share"
# 3: items carry attachments, their files in the zip (written only when there are any: a
# bundle without attachments is version 2, which older Kintsugi reads); 2: signed
# (Ed25519), sender, markdown_sha256, options; 1 and 2 are still read
VERSION = 3
SIGNED_VERSION = 2
JSON_NAME, MD_NAME, SIG_NAME = "kintsugi-share.json", "shared.md", "kintsugi-share.sig"
ATTACHMENTS_DIR = "attachments/"
KEY_PREFIX = "ed25519:"
#: The attachments' bytes one bundle carries at most (each file once): one largest
#: attachment (core/repo/attachments.py MAX_BYTES) fits.
MAX_ATTACHMENT_BYTES = 256 * 1024 * 1024
MAX_BUNDLE = MAX_ATTACHMENT_BYTES + 64 * 1024 * 1024  # bytes on disk
MAX_UNPACKED = 256 * 1024 * 1024  # its text once unzipped (a zip bomb stops here)
MAX_ITEMS = 200_000
AGE_HEADER = b"age-encryption.org/v1\n"
AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"


# --- signing keys (Ed25519, from cryptography) -------------------------------------------
def new_signing_key() -> str:
    """A new Ed25519 private key, as base64 of its 32 raw bytes (kept inside the vault)."""
    raw = Ed25519PrivateKey.generate().private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption()
    )
    return base64.b64encode(raw).decode("ascii")


def signing_public(private: str) -> str:
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private))
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return KEY_PREFIX + base64.b64encode(raw).decode("ascii")


def _public_raw(public: str) -> bytes:
    if not isinstance(public, str) or not public.startswith(KEY_PREFIX):
        raise ValueError("not an ed25519 key")
    raw = base64.b64decode(public[len(KEY_PREFIX) :], validate=True)
    if len(raw) != 32:
        raise ValueError("not an ed25519 key")
    return raw


def fingerprint(public: str) -> str:
    """What two people compare aloud: the first 16 bytes of SHA-256 of the key, in groups."""
    digest = hashlib.sha256(_public_raw(public)).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def sign(data: bytes, private: str) -> str:
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private))
    return base64.b64encode(key.sign(data)).decode("ascii")


def verify(data: bytes, public: str, signature: str) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(_public_raw(public))
        key.verify(base64.b64decode(signature, validate=True), data)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


@dataclass(frozen=True)
class Sender:
    """Who signs a bundle: their Ed25519 public key, and their age key to answer to."""

    signing_key: str  # "ed25519:" + base64
    age_recipient: str = ""

    def lines(self) -> list[str]:
        text = translate(
            "share", "Encrypted bundles are signed with the sender's sharing key, fingerprint %1."
        )
        out = [arg(text, fingerprint(self.signing_key))]
        if self.age_recipient:
            text = translate("share", "The sender's age key, to answer to: %1")
            out.append(arg(text, self.age_recipient))
        return out


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
    REPOSITORIES[rec.KIND].leaving(data, rec, options, answered)
    return data


@dataclass(frozen=True)
class BundleContent:
    exporter: str
    exported_at: datetime
    items: list[dict[str, Any]]
    markdown: str
    sha256: str  # of the encrypted file, as received
    version: int = 1
    signing_key: str = ""  # "" for a version-1 bundle (not signed); checked otherwise
    age_recipient: str = ""
    archive: bytes = dataclasses.field(default=b"", repr=False)  # the zip (version 3)

    def open_attachment(self, ref: dict[str, Any]) -> IO[bytes]:
        """An attachment's bytes, as the bundle carries them (checked against their SHA-256
        when the bundle was opened)."""
        z = zipfile.ZipFile(io.BytesIO(self.archive))
        return z.open(member_name(ref))


@dataclass(frozen=True)
class Payload:
    """Everything that leaves, built once; every view (preview, Markdown, PDF, the bundle's
    JSON and ``shared.md``) is rendered from it."""

    items: list[dict[str, Any]]
    exporter: str
    exported_at: datetime
    options: ShareOptions = DEFAULT_OPTIONS
    sender: Sender | None = None
    #: The bytes of an attachment the items name, by SHA-256 (from the vault)
    open_blob: Callable[[str], BinaryIO] | None = dataclasses.field(default=None, compare=False)

    def attachment_refs(self) -> list[dict[str, Any]]:
        """Every attachment the items name, each file once (by SHA-256), in item order."""
        return unique_refs(self.items)

    def version(self) -> int:
        return VERSION if self.attachment_refs() else SIGNED_VERSION

    def attachment_bytes(self) -> int:
        return sum(int(ref["size"]) for ref in self.attachment_refs())

    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version(),
            "exported_at": self.exported_at.isoformat(timespec="seconds"),
            "exporter": self.exporter,
        }
        if self.sender is not None:
            doc["sender"] = {
                "signing_key": self.sender.signing_key,
                "age_recipient": self.sender.age_recipient,
            }
        doc["options"] = dataclasses.asdict(self.options)
        doc["markdown_sha256"] = hashlib.sha256(self.markdown_bytes()).hexdigest()
        doc["items"] = self.items
        return doc

    def json_bytes(self) -> bytes:
        return json.dumps(self.document(), ensure_ascii=False, indent=1).encode("utf-8")

    def option_lines(self) -> list[str]:
        def yes(value: bool) -> str:
            return translate("share", "included") if value else translate("share", "not included")

        text = translate(
            "share", "A boundary's earlier wordings: %1. What was written in exercises: %2."
        )
        return [arg(text, yes(self.options.earlier_wordings), yes(self.options.exercise_answers))]

    def markdown(self, title: str | None = None, *, bundle: bool = True) -> str:
        """The preview and ``shared.md`` (``bundle``: with the sender's keys, which only a
        bundle carries), or a Markdown export."""
        sender = self.sender.lines() if self.sender and bundle else []
        return render_items(
            self.items,
            title=title,
            exporter=self.exporter,
            exported_at=self.exported_at,
            sender_lines=sender + self.option_lines(),
            pictures=bundle,  # a Markdown export carries no files: it names them
        )

    def markdown_bytes(self) -> bytes:
        return self.markdown().encode("utf-8")

    def markdown_parts(self, per_part: int = 50) -> list[str]:
        """:meth:`markdown` cut between items, ``per_part`` items a part: ``"".join`` of
        them is exactly ``markdown()``. (A long preview is built a part at a time.)"""
        whole = self.markdown()
        ordered = sorted(self.items, key=lambda i: str(i.get("occurred_at", "")))
        rendered = [render_item(i) for i in ordered]
        body = "\n".join(rendered)
        if not rendered or not whole.endswith(body):
            return [whole]
        parts = [whole[: len(whole) - len(body)]]
        for k in range(0, len(rendered), per_part):
            last = k + per_part >= len(rendered)
            parts.append("\n".join(rendered[k : k + per_part]) + ("" if last else "\n"))
        return parts if "".join(parts) == whole else [whole]

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
    sender: Sender | None = None,
    attachments: Callable[[Record], list[dict[str, Any]]] | None = None,
    open_blob: Callable[[str], BinaryIO] | None = None,
) -> Payload:
    """The one payload of an export. ``answered`` finds the trigger an exercise answered;
    ``attachments`` a record's attachments (as :func:`attachment_ref` dicts), whose bytes
    ``open_blob`` opens by SHA-256."""
    ordered = sorted(records, key=lambda r: r.occurred_at)
    items = []
    for rec in ordered:
        item = share_dict(rec, options, answered(rec) if answered else None)
        refs = attachments(rec) if attachments else []
        if refs:
            item["attachments"] = refs
        items.append(item)
    return Payload(items, exporter, exported_at or datetime.now(UTC), options, sender, open_blob)


def attachment_ref(
    *,
    name: str,
    mime: str,
    kind: str,
    size: int,
    sha256: str,
    width: int | None = None,
    height: int | None = None,
    duration_ms: int | None = None,
) -> dict[str, Any]:
    """How a shared item names one of its attachments (docs/share-format.md)."""
    ref: dict[str, Any] = {"name": name, "kind": kind, "mime": mime, "size": size}
    ref["sha256"] = sha256
    for key, value in (("width", width), ("height", height), ("duration_ms", duration_ms)):
        if value is not None:
            ref[key] = value
    return ref


def member_name(ref: dict[str, Any]) -> str:
    """The zip member of an attachment: ``attachments/<sha256><suffix>``."""
    from kintsugi.core.repo.attachments import SUFFIX_FOR_MIME

    return f"{ATTACHMENTS_DIR}{ref['sha256']}{SUFFIX_FOR_MIME.get(str(ref['mime']), '')}"


def unique_refs(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for item in items:
        for ref in item.get("attachments") or []:
            seen.setdefault(ref["sha256"], ref)
    return list(seen.values())


def _blocks(src: IO[bytes], size: int = 256 * 1024) -> Iterator[bytes]:
    with src:
        while block := src.read(size):
            yield block


def build_plaintext(payload: Payload, signing_key: str) -> bytes:
    """The zip that gets encrypted: the payload as JSON, its Markdown rendering, and the
    signature (with ``signing_key``, whose public half the JSON names) over the JSON bytes."""
    if payload.sender is None or payload.sender.signing_key != signing_public(signing_key):
        raise ValueError("the payload must name the key that signs it")
    if payload.attachment_bytes() > MAX_ATTACHMENT_BYTES:
        raise BundleTooLarge(too_many_attachments(payload.attachment_bytes()))
    data = payload.json_bytes()
    signature = {"algorithm": "ed25519", "signed": JSON_NAME, "signature": sign(data, signing_key)}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        fixed = (2026, 1, 1, 0, 0, 0)  # no local clock in the archive; each member deflated
        z.writestr(zipfile.ZipInfo(JSON_NAME, fixed), data, zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo(MD_NAME, fixed), payload.markdown_bytes(), zipfile.ZIP_DEFLATED)
        z.writestr(
            zipfile.ZipInfo(SIG_NAME, fixed), json.dumps(signature, indent=1), zipfile.ZIP_DEFLATED
        )
        for ref in payload.attachment_refs():
            _put_attachment(z, payload, ref, fixed)
    return buf.getvalue()


def _put_attachment(
    z: zipfile.ZipFile, payload: Payload, ref: dict[str, Any], fixed: tuple[int, ...]
) -> None:
    """One attachment's bytes into the zip a chunk at a time, checked against its name."""
    if payload.open_blob is None:
        raise ValueError("the payload names attachments but has no way to read them")
    info = zipfile.ZipInfo(member_name(ref), fixed)  # type: ignore[arg-type]
    # pictures and sound are compressed already; a PDF's text is not
    info.compress_type = zipfile.ZIP_DEFLATED if ref["kind"] == "pdf" else zipfile.ZIP_STORED
    digest, size = hashlib.sha256(), 0
    with z.open(info, "w", force_zip64=ref["size"] > 2**31) as out:
        for block in _blocks(payload.open_blob(ref["sha256"])):
            digest.update(block)
            size += len(block)
            out.write(block)
    if digest.hexdigest() != ref["sha256"] or size != ref["size"]:
        raise BundleError(
            arg(
                translate(
                    "share",
                    "The attachment %1 is damaged in this journal file (kintsugi check says "
                    "more); nothing was shared.",
                ),
                str(ref["name"]),
            )
        )


def too_many_attachments(total: int) -> str:
    text = translate(
        "share",
        "These items' attachments come to %1 MB; one bundle carries at most %2 MB. Share "
        "fewer items at a time; nothing was shared.",
    )
    mb = 1024 * 1024
    return arg(text, f"{total / mb:.0f}", f"{MAX_ATTACHMENT_BYTES / mb:.0f}")


def encrypt(
    plaintext: bytes, *, recipients: list[str] | None = None, passphrase: str | None = None
) -> bytes:
    if recipients:
        try:
            keys = [x25519.Recipient.from_str(r.strip()) for r in recipients]
        except pyrage.RecipientError:
            raise BundleError(_not_a_key()) from None
        encrypted: bytes = pyrage.encrypt(plaintext, keys)
        return encrypted
    if passphrase:
        sealed: bytes = age_passphrase.encrypt(plaintext, passphrase)
        return sealed
    raise ValueError("a recipient or a passphrase is required")


def open_bundle(
    data: bytes, *, identities: Sequence[str] = (), passphrase: str | None = None
) -> BundleContent:
    """Decrypt and check a bundle completely; raise a BundleError on anything wrong."""
    if len(data) > MAX_BUNDLE:
        raise BundleTooLarge()
    sha256 = hashlib.sha256(data).hexdigest()  # of the file as received (armored or not)
    if data.lstrip().startswith(AGE_ARMOR):
        data = dearmor(data)
    if not data.startswith(AGE_HEADER):
        raise NotABundle(
            translate("share", "This file is not an encrypted Kintsugi share bundle (not age).")
        )
    wants_passphrase = needs_passphrase(data)
    try:
        if wants_passphrase:
            if not passphrase:
                raise BundleNotForYou(
                    translate(
                        "share",
                        "This bundle is locked with a passphrase: enter the one your partner "
                        "chose.",
                    )
                )
            plaintext = _decrypt_with_passphrase(data, passphrase)
        else:
            keys = [x25519.Identity.from_str(i) for i in identities]
            plaintext = pyrage.decrypt(data, keys)
    except pyrage.DecryptError as exc:
        text = str(exc).lower()
        if "no matching keys" in text or (wants_passphrase and "decryption failed" in text):
            raise BundleNotForYou() from None
        raise BundleDamaged() from None
    return _read_plaintext(plaintext, sha256)


# age (rage, under pyrage) refuses a passphrase file whose scrypt work factor is more than 16x
# what it measures this machine does in a second — measured anew on each decrypt, by timing one
# tiny scrypt. On a busy machine that one timing can come out 30x slow (the process waited for
# a core), and a bundle made a moment earlier is refused as "excessive work" (it failed the
# round-trip test under load about 1 time in 5). The refusal is decided before any real work,
# so asking again costs ~a millisecond: a few more tries absorb a bad timing, while a bundle
# that really asks for too much (a hostile one) is refused every time.
_EXCESSIVE_WORK = "excessive work"
_PASSPHRASE_TRIES = 8


def _decrypt_with_passphrase(data: bytes, passphrase: str) -> bytes:
    for attempt in range(_PASSPHRASE_TRIES):
        try:
            plaintext: bytes = age_passphrase.decrypt(data, passphrase)
            return plaintext
        except pyrage.DecryptError as exc:
            if _EXCESSIVE_WORK not in str(exc).lower() or attempt == _PASSPHRASE_TRIES - 1:
                raise
        time.sleep(0.05 * (attempt + 1))  # let the load pass before timing again
    raise AssertionError("unreachable")


def decrypt_with_passphrase(data: bytes, passphrase: str) -> bytes:
    """Decrypt an age file locked with a passphrase (scrypt), asking again when rage's timing
    came out slow (see above). Raises ``pyrage.DecryptError``."""
    return _decrypt_with_passphrase(data, passphrase)


def dearmor(data: bytes, *, partial: bool = False) -> bytes:
    """The binary age file inside ASCII armor (``age -a``: PEM-style base64 between
    ``-----BEGIN AGE ENCRYPTED FILE-----`` and ``-----END AGE ENCRYPTED FILE-----``).
    ``partial``: decode what there is of a file's beginning (to read its header)."""
    lines = data.strip().splitlines()
    end = b"-----END AGE ENCRYPTED FILE-----"
    if not lines or lines[0].strip() != AGE_ARMOR:
        raise NotABundle()
    body = [ln.strip() for ln in lines[1:]]
    if body and body[-1] == end:
        body = body[:-1]
    elif not partial:
        raise BundleDamaged()
    text = b"".join(body)
    if partial:
        text = text[: len(text) // 4 * 4]
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise BundleDamaged() from None


def needs_passphrase(head: bytes) -> bool:
    """True when an age file (binary or armored) is locked with a passphrase (scrypt)
    rather than to keys."""
    if head.lstrip().startswith(AGE_ARMOR):
        try:
            head = dearmor(head, partial=True)
        except BundleError:
            return False
    return b"\n-> scrypt " in head[:4096].split(b"\n---", 1)[0]


def _read_plaintext(plaintext: bytes, sha256: str) -> BundleContent:
    try:
        with zipfile.ZipFile(io.BytesIO(plaintext)) as z:
            infos = {i.filename: i for i in z.infolist()}
            if len(infos) != len(z.infolist()):
                raise NotABundle()  # a member twice: which one is meant?
            files = {
                i.filename: i for i in infos.values() if i.filename.startswith(ATTACHMENTS_DIR)
            }
            core_names = set(infos) - set(files)
            if core_names not in ({JSON_NAME, MD_NAME}, {JSON_NAME, MD_NAME, SIG_NAME}):
                raise NotABundle()
            if sum(infos[n].file_size for n in core_names) > MAX_UNPACKED:
                raise BundleTooLarge()
            if sum(i.file_size for i in files.values()) > MAX_ATTACHMENT_BYTES:
                raise BundleTooLarge()
            raw_json = z.read(JSON_NAME)
            raw_md = z.read(MD_NAME)
            signature = json.loads(z.read(SIG_NAME).decode("utf-8")) if SIG_NAME in infos else None
            document = json.loads(raw_json.decode("utf-8"))
            markdown = raw_md.decode("utf-8")
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
    if files and version < 3:
        raise NotABundle()
    signing_key: Any = ""
    age_recipient = ""
    if version >= 2:  # signed: the signature must match the exact bytes, or nothing is read
        sender = document.get("sender")
        if not isinstance(sender, dict) or not isinstance(signature, dict):
            raise BundleForged()
        signing_key = sender.get("signing_key")
        age_recipient = sender.get("age_recipient") or ""
        if (
            not isinstance(signing_key, str)
            or not isinstance(age_recipient, str)
            or signature.get("algorithm") != "ed25519"
            or not isinstance(signature.get("signature"), str)
            or not verify(raw_json, signing_key, signature["signature"])
            or document.get("markdown_sha256") != hashlib.sha256(raw_md).hexdigest()
        ):
            raise BundleForged()
    elif signature is not None:
        raise NotABundle()
    items = document.get("items")
    exporter = document.get("exporter")
    try:
        exported_at = datetime.fromisoformat(document["exported_at"])
    except (KeyError, TypeError, ValueError):
        raise NotABundle() from None
    if not isinstance(items, list) or len(items) > MAX_ITEMS or not isinstance(exporter, str):
        raise NotABundle()
    _check_items(items)
    _check_attachments(plaintext, items, files)
    try:
        exporter = validate.line(exporter)
        validate.text(markdown, MAX_UNPACKED)  # the human copy of every item: not one field
    except validate.Invalid:
        raise NotABundle() from None
    return BundleContent(
        exporter[:200],
        exported_at,
        items,
        markdown,
        sha256,
        version,
        signing_key,
        age_recipient[:200],
        plaintext if files else b"",
    )


def _check_attachments(
    plaintext: bytes, items: list[dict[str, Any]], files: dict[str, zipfile.ZipInfo]
) -> None:
    """The files the (signed) items name are exactly the zip's attachments, each of the
    size and SHA-256 named: a file changed, added or left out is refused."""
    refs = unique_refs(items)
    wanted = {member_name(ref): ref for ref in refs}
    if set(wanted) != set(files):
        raise BundleForged()
    if sum(int(ref["size"]) for ref in refs) > MAX_ATTACHMENT_BYTES:
        raise BundleTooLarge()
    with zipfile.ZipFile(io.BytesIO(plaintext)) as z:
        for member, ref in wanted.items():
            if files[member].file_size != ref["size"]:
                raise BundleForged()
            digest = hashlib.sha256()
            try:
                for block in _blocks(z.open(member)):
                    digest.update(block)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError):
                raise BundleDamaged() from None
            if digest.hexdigest() != ref["sha256"]:
                raise BundleForged()


def _check_items(items: list[Any]) -> None:
    """Every item as strictly as a Kintsugi export's (kintsugi.core.validate), or one line
    naming the first that is not."""
    for n, item in enumerate(items, 1):
        try:
            validate.check_share_item(item)
        except validate.Invalid as exc:
            raise NotABundle(
                arg(
                    translate(
                        "share",
                        "This is not a Kintsugi share bundle: its item %1: %2; nothing was "
                        "imported.",
                    ),
                    n,
                    exc,
                )
            ) from None


def new_identity() -> str:
    return str(x25519.Identity.generate())


def public_key(identity: str) -> str:
    return str(x25519.Identity.from_str(identity).to_public())


def check_recipient(text: str) -> str:
    try:
        return str(x25519.Recipient.from_str(text.strip()))
    except pyrage.RecipientError:
        raise BundleError(_not_a_key()) from None


def _not_a_key() -> str:
    return translate("share", "That is not an age public key (they begin with age1…).")

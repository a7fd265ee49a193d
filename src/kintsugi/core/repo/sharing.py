"""Sharing state kept in the vault: this vault's age identity and Ed25519 signing key, the
address book (people's age keys and signing keys), the log of what was shared, and items
received from a partner (read-only, by sender, item and revision)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, BinaryIO

from kintsugi.core import config, share
from kintsugi.core.db import Database
from kintsugi.core.i18n import arg, translate
from kintsugi.core.repo.settings import Settings
from kintsugi.core.timeutil import from_db, now, utc_text

# How a received bundle's sender is known (shown on import and in From partner).
VERIFIED, UNKNOWN, UNSIGNED = "verified", "unknown", "unsigned"


@dataclass
class ShareContact:
    label: str
    recipient: str  # age1…
    signing_key: str = ""  # "ed25519:…", saved from a verified bundle (trust on first use)


@dataclass(frozen=True)
class SenderStatus:
    trust: str  # VERIFIED, UNKNOWN or UNSIGNED
    name: str  # the name saved in the address book when verified, else the bundle's
    fingerprint: str = ""
    claimed_by_other: str = ""  # a saved person with this name but another key

    def line(self) -> str:
        if self.trust == VERIFIED:
            return arg(translate("sharing", "from %1 — verified, the key you saved"), self.name)
        if self.trust == UNKNOWN:
            text = arg(
                translate("sharing", "from %1 — this sender's key is not in your address book"),
                self.name,
            )
            if self.claimed_by_other:
                text += " " + arg(
                    translate("sharing", "(it is not the key you saved for %1)"),
                    self.claimed_by_other,
                )
            return text + arg(translate("sharing", "; fingerprint %1"), self.fingerprint)
        return arg(
            translate(
                "sharing",
                "from %1 — not signed (made by an older Kintsugi): who sent it is unknown",
            ),
            self.name,
        )


@dataclass
class LoggedItem:
    id: int
    kind: str  # "" when the item is no longer in the vault
    title: str

    @property
    def present(self) -> bool:
        return bool(self.kind)


@dataclass
class ShareLogEntry:
    id: int
    shared_at: datetime
    recipient: str
    format: str
    sha256: str
    item_ids: list[int]
    items: list[LoggedItem] = field(default_factory=list)
    item_count: int = 0


@dataclass
class ReceivedBundle:
    id: int
    sender: str
    exported_at: datetime
    imported_at: datetime
    sha256: str
    item_count: int
    signing_key: str = ""


@dataclass
class ReceivedItem:
    kind: str
    uid: str
    occurred_at: datetime
    title: str
    data: dict[str, Any]
    revision: str = ""
    received_id: int = 0
    sender: str = ""
    signing_key: str = ""
    imported_at: datetime | None = None
    earlier: list[ReceivedItem] = field(default_factory=list)  # older revisions, newest first


class Sharing:
    def __init__(self, db: Database):
        self.db = db
        self.settings = Settings(db)

    # --- identity and address book -------------------------------------------------
    def identity(self) -> str:
        """This vault's age secret key (made on first use, kept inside the vault)."""
        identity = config.SHARE_IDENTITY.get(self.settings)
        if not identity:
            identity = share.new_identity()
            config.SHARE_IDENTITY.set(self.settings, identity)
        return identity

    def my_key(self) -> str:
        return share.public_key(self.identity())

    def signing_key(self) -> str:
        """This vault's Ed25519 private key (made with the vault; on first use for a vault
        that predates it)."""
        key = config.SHARE_SIGNING_KEY.get(self.settings)
        if not key:
            key = share.new_signing_key()
            config.SHARE_SIGNING_KEY.set(self.settings, key)
        return key

    def sender(self) -> share.Sender:
        return share.Sender(share.signing_public(self.signing_key()), self.my_key())

    def my_fingerprint(self) -> str:
        return share.fingerprint(self.sender().signing_key)

    def display_name(self) -> str:
        return config.SHARE_DISPLAY_NAME.get(self.settings)

    def set_display_name(self, name: str) -> None:
        config.SHARE_DISPLAY_NAME.set(self.settings, name.strip())

    def contacts(self) -> list[ShareContact]:
        return [ShareContact(**c) for c in config.SHARE_ADDRESS_BOOK.get(self.settings)]

    def save_contacts(self, contacts: list[ShareContact]) -> None:
        checked = []
        for c in contacts:
            if c.signing_key:
                share.fingerprint(c.signing_key)  # raises ValueError when it is not a key
            checked.append(
                ShareContact(
                    c.label.strip() or "Partner", share.check_recipient(c.recipient), c.signing_key
                )
            )
        config.SHARE_ADDRESS_BOOK.set(self.settings, [c.__dict__ for c in checked])

    def status_of(self, exporter: str, signing_key: str) -> SenderStatus:
        """Whether a bundle's signing key is one saved in the address book."""
        if not signing_key:
            return SenderStatus(UNSIGNED, exporter or "your partner")
        contacts = self.contacts()
        for c in contacts:
            if c.signing_key == signing_key:
                return SenderStatus(VERIFIED, c.label, share.fingerprint(signing_key))
        other = next(
            (c.label for c in contacts if exporter and c.label.casefold() == exporter.casefold()),
            "",
        )
        return SenderStatus(
            UNKNOWN, exporter or "an unknown sender", share.fingerprint(signing_key), other
        )

    def trust_sender(self, label: str, recipient: str, signing_key: str) -> ShareContact:
        """Save a sender's keys (trust on first use): the person with this age key gets the
        signing key, or a new person is added."""
        share.fingerprint(signing_key)
        contacts = self.contacts()
        recipient = share.check_recipient(recipient)
        for c in contacts:
            if c.recipient == recipient:
                c.signing_key = signing_key
                break
        else:
            contacts.append(ShareContact(label.strip() or "Partner", recipient, signing_key))
        self.save_contacts(contacts)
        return next(c for c in contacts if c.signing_key == signing_key)

    # --- the share log -------------------------------------------------------------------
    def log(self, *, recipient: str, fmt: str, sha256: str, item_ids: Sequence[int]) -> int:
        with self.db.transaction() as conn:
            log_id: int = conn.execute(
                "INSERT INTO share_log (shared_at, recipient, format, sha256, item_count)"
                " VALUES (?, ?, ?, ?, ?)",
                (utc_text(now()), recipient, fmt, sha256, len(item_ids)),
            ).lastrowid
            conn.executemany(  # streamed: a full export carries every item id
                "INSERT OR IGNORE INTO share_log_item (item_id, log_id) VALUES (?, ?)",
                ((i, log_id) for i in item_ids),
            )
        return log_id

    def history(self, limit: int | None = None, *, items: bool = True) -> list[ShareLogEntry]:
        """The whole log, newest first (it never leaves the vault): when, to whom, which
        format, the file's SHA-256, and (``items``) every item it carried."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT id, shared_at, recipient, format, sha256, item_count FROM share_log"
                " ORDER BY id DESC LIMIT ?",
                (-1 if limit is None else limit,),
            ).fetchall()
        out = []
        for log_id, at, recipient, fmt, sha, count in rows:
            carried = self.logged_items(log_id) if items else []
            out.append(
                ShareLogEntry(
                    log_id,
                    from_db(at),
                    recipient,
                    fmt,
                    sha,
                    [i.id for i in carried],
                    carried,
                    count,
                )
            )
        return out

    def logged_items(self, log_id: int) -> list[LoggedItem]:
        """What one export carried: kind and title (an item purged since: empty kind)."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT s.item_id, coalesce(i.kind, ''), coalesce(i.title, '')"
                " FROM share_log_item s LEFT JOIN item i ON i.id = s.item_id"
                " WHERE s.log_id = ? ORDER BY s.item_id",
                (log_id,),
            ).fetchall()
        return [LoggedItem(*r) for r in rows]

    def last_shared(self, item_ids: list[int]) -> dict[int, datetime]:
        if not item_ids:
            return {}
        marks = ",".join("?" for _ in item_ids)
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT s.item_id, max(l.shared_at) FROM share_log_item s JOIN share_log l"
                f" ON l.id = s.log_id WHERE s.item_id IN ({marks}) GROUP BY s.item_id",
                item_ids,
            ).fetchall()
        return {item_id: from_db(at) for item_id, at in rows}

    # --- received bundles ------------------------------------------------------------------
    def store_received(self, content: share.BundleContent) -> tuple[int | None, int]:
        """Keep a partner's items read-only, by sender, item and revision: (bundle id, items
        added). The same file, or the same items re-encrypted, add nothing (None, 0)."""
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT id FROM received WHERE sha256 = ?", (content.sha256,)
            ).fetchone()
            if row:
                return None, 0
            seen = {
                (uid, revision)
                for uid, revision in conn.execute(
                    "SELECT i.uid, i.revision FROM received_item i JOIN received r"
                    " ON r.id = i.received_id WHERE r.signing_key = ?",
                    (content.signing_key,),
                )
            }
            new = []
            for item in content.items:
                key = (item["uid"], str(item.get("updated_at") or ""))
                if key not in seen:
                    seen.add(key)
                    new.append(item)
            if not new:
                return None, 0
            rid = conn.execute(
                "INSERT INTO received (sha256, sender, exported_at, imported_at, signing_key)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    content.sha256,
                    content.exporter,
                    content.exported_at.isoformat(),
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    content.signing_key,
                ),
            ).lastrowid
            blobs: dict[str, int] = {}  # each file of the bundle is kept once
            for i in new:
                row_id = conn.execute(
                    "INSERT INTO received_item"
                    " (received_id, kind, uid, occurred_at, title, data, revision)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        rid,
                        i["kind"],
                        i["uid"],
                        i["occurred_at"],
                        str(i.get("title") or i.get("text") or i.get("situation") or "")[:200],
                        json.dumps(i, ensure_ascii=False),
                        str(i.get("updated_at") or ""),
                    ),
                ).lastrowid
                for position, ref in enumerate(i.get("attachments") or []):
                    if ref["sha256"] not in blobs:
                        blobs[ref["sha256"]] = self._receive_file(content, ref)
                    conn.execute(
                        "INSERT INTO received_attachment (received_item_id, blob_id, position,"
                        " name, mime, kind, width, height, duration_ms)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            row_id,
                            blobs[ref["sha256"]],
                            position,
                            str(ref["name"])[:200],
                            ref["mime"],
                            ref["kind"],
                            ref.get("width"),
                            ref.get("height"),
                            ref.get("duration_ms"),
                        ),
                    )
        return rid, len(new)

    def _receive_file(self, content: share.BundleContent, ref: dict[str, Any]) -> int:
        from kintsugi.core.errors import AttachmentRefused
        from kintsugi.core.repo.attachments import AttachmentRepo

        try:
            with content.open_attachment(ref) as src:
                return AttachmentRepo(self.db).receive(src, ref)
        except AttachmentRefused as exc:
            text = translate(
                "sharing",
                "This bundle carries an attachment Kintsugi does not keep (%1); nothing was "
                "imported.",
            )
            raise share.NotABundle(arg(text, str(exc).rstrip("."))) from None

    def received_attachment_rows(self) -> list[dict[str, Any]]:
        """Every received attachment with the bundle, item and revision it belongs to (the
        complete backup carries them: core/complete.py)."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT r.sha256, i.uid, i.revision, a.position, a.name, a.mime, a.kind,"
                " a.width, a.height, a.duration_ms, b.sha256, b.size"
                " FROM received_attachment a JOIN received_item i ON i.id = a.received_item_id"
                " JOIN received r ON r.id = i.received_id JOIN blob b ON b.id = a.blob_id"
                " ORDER BY a.id"
            ).fetchall()
        keys: tuple[str, ...] = ("bundle_sha256", "item_uid", "revision", "position", "name")
        keys += ("mime", "kind", "width", "height", "duration_ms", "sha256", "size")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def restore_received_attachment(
        self, where: dict[str, Any], ref: dict[str, Any], position: int, data: BinaryIO
    ) -> bool:
        """Link ``data`` (checked like any file that comes in) to the received item
        ``where`` names (``bundle_sha256``, ``item_uid``, ``revision``); False when the
        vault has no such item."""
        from kintsugi.core.repo.attachments import AttachmentRepo

        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT i.id FROM received_item i JOIN received r ON r.id = i.received_id"
                " WHERE r.sha256 = ? AND i.uid = ? AND i.revision = ?",
                (
                    str(where.get("bundle_sha256")),
                    str(where.get("item_uid")),
                    str(where.get("revision")),
                ),
            ).fetchone()
            if row is None:
                return False
            blob_id = AttachmentRepo(self.db).receive(data, ref)
            conn.execute(
                "INSERT INTO received_attachment (received_item_id, blob_id, position, name,"
                " mime, kind, width, height, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row[0],
                    blob_id,
                    position,
                    ref["name"],
                    ref["mime"],
                    ref["kind"],
                    ref.get("width"),
                    ref.get("height"),
                    ref.get("duration_ms"),
                ),
            )
        return True

    def open_received_file(self, ref: dict[str, Any]) -> BinaryIO:
        """A received attachment's bytes (``ref`` from a received item's ``attachments``),
        only if a received item links them."""
        from kintsugi.core.errors import RecordNotFound
        from kintsugi.core.repo.attachments import AttachmentRepo

        with self.db.read() as conn:
            row = conn.execute(
                "SELECT 1 FROM received_attachment a JOIN blob b ON b.id = a.blob_id"
                " WHERE b.sha256 = ? LIMIT 1",
                (str(ref.get("sha256")),),
            ).fetchone()
        if row is None:
            raise RecordNotFound(translate("sharing", "This attachment is not here."))
        return AttachmentRepo(self.db).open_blob(str(ref["sha256"]))

    def save_received_copy(self, ref: dict[str, Any], target: Any) -> Any:
        """A plaintext copy of a received attachment (Save a copy…): atomic, 0600, never
        over an existing file."""
        from kintsugi.core.repo.attachments import AttachmentRepo

        self.open_received_file(ref).close()
        return AttachmentRepo(self.db).save_blob_copy(str(ref["sha256"]), target)

    def received(self) -> list[ReceivedBundle]:
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT r.id, r.sender, r.exported_at, r.imported_at, r.sha256,"
                " (SELECT count(*) FROM received_item WHERE received_id = r.id), r.signing_key"
                " FROM received r ORDER BY r.id DESC"
            ).fetchall()
        return [
            ReceivedBundle(i, s, datetime.fromisoformat(e), datetime.fromisoformat(m), h, n, k)
            for i, s, e, m, h, n, k in rows
        ]

    def _items(self, where: str = "", args: tuple[Any, ...] = ()) -> list[ReceivedItem]:
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT i.kind, i.uid, i.occurred_at, i.title, i.data, i.revision,"
                " i.received_id, r.sender, r.signing_key, r.imported_at"
                " FROM received_item i JOIN received r ON r.id = i.received_id"
                f" {where} ORDER BY i.occurred_at, i.id",
                args,
            ).fetchall()
        return [
            ReceivedItem(
                k,
                u,
                datetime.fromisoformat(o),
                t,
                json.loads(d),
                rev,
                rid,
                snd,
                key,
                datetime.fromisoformat(imp),
            )
            for k, u, o, t, d, rev, rid, snd, key, imp in rows
        ]

    def received_items(self, received_id: int) -> list[ReceivedItem]:
        return self._items("WHERE i.received_id = ?", (received_id,))

    def received_latest(self) -> list[ReceivedItem]:
        """From partner: each item once, at its newest revision, with the earlier ones."""
        by_item: dict[tuple[str, str], list[ReceivedItem]] = {}
        for item in self._items():
            by_item.setdefault((item.signing_key, item.uid), []).append(item)
        out = []
        for versions in by_item.values():
            versions.sort(key=lambda v: (_revision_time(v.revision), v.received_id), reverse=True)
            latest = versions[0]
            latest.earlier = versions[1:]
            out.append(latest)
        out.sort(key=lambda v: v.occurred_at, reverse=True)
        return out


def _revision_time(revision: str) -> datetime:
    try:
        moment = datetime.fromisoformat(revision)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

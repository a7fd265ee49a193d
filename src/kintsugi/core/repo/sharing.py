"""Sharing state kept in the vault: this vault's age identity, the address book, the log of
what was shared, and bundles received from a partner (read-only)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kintsugi.core import share
from kintsugi.core.db import Database
from kintsugi.core.repo.settings import Settings
from kintsugi.core.timeutil import from_db, now, utc_text

IDENTITY_KEY = "share.identity"
CONTACTS_KEY = "share.address_book"
NAME_KEY = "share.display_name"


@dataclass
class ShareContact:
    label: str
    recipient: str  # age1…


@dataclass
class ShareLogEntry:
    id: int
    shared_at: datetime
    recipient: str
    format: str
    sha256: str
    item_ids: list[int]


@dataclass
class ReceivedBundle:
    id: int
    sender: str
    exported_at: datetime
    imported_at: datetime
    sha256: str
    item_count: int


@dataclass
class ReceivedItem:
    kind: str
    uid: str
    occurred_at: datetime
    title: str
    data: dict[str, Any]


class Sharing:
    def __init__(self, db: Database):
        self.db = db
        self.settings = Settings(db)

    # --- identity and address book -------------------------------------------------
    def identity(self) -> str:
        """This vault's age secret key (made on first use, kept inside the vault)."""
        identity = self.settings.get(IDENTITY_KEY)
        if not identity:
            identity = share.new_identity()
            self.settings.set(IDENTITY_KEY, identity)
        return identity

    def my_key(self) -> str:
        return share.public_key(self.identity())

    def display_name(self) -> str:
        return self.settings.get(NAME_KEY, "")

    def set_display_name(self, name: str) -> None:
        self.settings.set(NAME_KEY, name.strip())

    def contacts(self) -> list[ShareContact]:
        return [ShareContact(**c) for c in self.settings.get(CONTACTS_KEY, [])]

    def save_contacts(self, contacts: list[ShareContact]) -> None:
        checked = [
            ShareContact(c.label.strip() or "Partner", share.check_recipient(c.recipient))
            for c in contacts
        ]
        self.settings.set(CONTACTS_KEY, [c.__dict__ for c in checked])

    # --- the share log -------------------------------------------------------------------
    def log(self, *, recipient: str, fmt: str, sha256: str, item_ids: list[int]) -> int:
        with self.db.transaction() as conn:
            log_id = conn.execute(
                "INSERT INTO share_log (shared_at, recipient, format, sha256, item_count)"
                " VALUES (?, ?, ?, ?, ?)",
                (utc_text(now()), recipient, fmt, sha256, len(item_ids)),
            ).lastrowid
            conn.executemany(
                "INSERT OR IGNORE INTO share_log_item (item_id, log_id) VALUES (?, ?)",
                [(i, log_id) for i in item_ids],
            )
        return log_id

    def history(self, limit: int = 500) -> list[ShareLogEntry]:
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT id, shared_at, recipient, format, sha256 FROM share_log"
                " ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
            out = []
            for log_id, at, recipient, fmt, sha in rows:
                ids = [
                    r[0]
                    for r in conn.execute(
                        "SELECT item_id FROM share_log_item WHERE log_id = ? ORDER BY item_id",
                        (log_id,),
                    )
                ]
                out.append(ShareLogEntry(log_id, from_db(at), recipient, fmt, sha, ids))
        return out

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
    def store_received(self, content: share.BundleContent) -> tuple[int, bool]:
        """Keep a partner's bundle read-only. (id, False) when it was imported before."""
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT id FROM received WHERE sha256 = ?", (content.sha256,)
            ).fetchone()
            if row:
                return row[0], False
            rid = conn.execute(
                "INSERT INTO received (sha256, sender, exported_at, imported_at)"
                " VALUES (?, ?, ?, ?)",
                (
                    content.sha256,
                    content.exporter,
                    content.exported_at.isoformat(),
                    datetime.now(UTC).isoformat(timespec="seconds"),
                ),
            ).lastrowid
            conn.executemany(
                "INSERT INTO received_item (received_id, kind, uid, occurred_at, title, data)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        rid,
                        i["kind"],
                        i["uid"],
                        i["occurred_at"],
                        str(i.get("title") or i.get("text") or i.get("situation") or "")[:200],
                        json.dumps(i, ensure_ascii=False),
                    )
                    for i in content.items
                ],
            )
        return rid, True

    def received(self) -> list[ReceivedBundle]:
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT r.id, r.sender, r.exported_at, r.imported_at, r.sha256,"
                " (SELECT count(*) FROM received_item WHERE received_id = r.id)"
                " FROM received r ORDER BY r.id DESC"
            ).fetchall()
        return [
            ReceivedBundle(i, s, datetime.fromisoformat(e), datetime.fromisoformat(m), h, n)
            for i, s, e, m, h, n in rows
        ]

    def received_items(self, received_id: int) -> list[ReceivedItem]:
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT kind, uid, occurred_at, title, data FROM received_item"
                " WHERE received_id = ? ORDER BY occurred_at",
                (received_id,),
            ).fetchall()
        return [
            ReceivedItem(k, u, datetime.fromisoformat(o), t, json.loads(d))
            for k, u, o, t, d in rows
        ]

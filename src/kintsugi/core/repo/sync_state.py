"""Syncing's own state inside the vault (core/sync/): where this device syncs, the keys it
knows, the other devices and how far each was read, every record's last synced revision,
the change marks the schema's triggers write while the vault syncs, and conflicts.

Every function takes an open connection (``conn``) inside the caller's read or transaction:
a round reads and writes many of these in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Config:
    folder: str
    device_id: str
    device_name: str
    identity: str
    clock: str
    next_seq: int
    snapshot_seq: int
    set_up_at: str
    last_round_at: str | None
    last_problem: str | None


_CONFIG_COLS = (
    "folder, device_id, device_name, identity, clock, next_seq, snapshot_seq, set_up_at,"
    " last_round_at, last_problem"
)


def config(conn: Any) -> Config | None:
    row = conn.execute(f"SELECT {_CONFIG_COLS} FROM sync_config WHERE id = 1").fetchone()
    return None if row is None else Config(*row)


def create_config(
    conn: Any, *, folder: str, device_id: str, device_name: str, identity: str, set_up_at: str
) -> None:
    conn.execute(
        "INSERT INTO sync_config (id, folder, device_id, device_name, identity, set_up_at)"
        " VALUES (1, ?, ?, ?, ?, ?)",
        (folder, device_id, device_name, identity, set_up_at),
    )


_SETTABLE = {"folder", "clock", "next_seq", "snapshot_seq", "last_round_at", "last_problem"}


def update_config(conn: Any, **values: Any) -> None:
    unknown = set(values) - _SETTABLE
    if unknown:
        raise ValueError(f"not a sync setting: {sorted(unknown)}")
    sets = ", ".join(f"{name} = ?" for name in values)
    conn.execute(f"UPDATE sync_config SET {sets} WHERE id = 1", tuple(values.values()))


def drop_everything(conn: Any) -> None:
    """Stop syncing: every sync table emptied (the records stay as they are)."""
    for table in (
        "sync_config",
        "sync_key",
        "sync_device",
        "sync_record",
        "sync_dirty",
        "sync_blob",
        "sync_conflict",
    ):
        conn.execute(f"DELETE FROM {table}")


# --- keys ---------------------------------------------------------------------------------
def keys(conn: Any) -> list[tuple[int, str, str]]:
    """(epoch, age identity, name key) of every sync key this device knows, newest first."""
    rows: list[tuple[int, str, str]] = conn.execute(
        "SELECT epoch, identity, name_key FROM sync_key ORDER BY epoch DESC"
    ).fetchall()
    return rows


def add_key(conn: Any, epoch: int, identity: str, name_key: str) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO sync_key (epoch, identity, name_key) VALUES (?, ?, ?)",
        (epoch, identity, name_key),
    )


def withdraw_keys_from(conn: Any, epoch: int) -> None:
    """Stop writing under the sync keys of ``epoch`` and later (they stay, to read with)."""
    conn.execute("UPDATE sync_key SET withdrawn = 1 WHERE epoch >= ?", (epoch,))


def newest_key_withdrawn(conn: Any) -> bool:
    row = conn.execute("SELECT withdrawn FROM sync_key ORDER BY epoch DESC LIMIT 1").fetchone()
    return bool(row and row[0])


# --- devices ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Device:
    device_id: str
    name: str
    recipient: str
    read_seq: int
    last_seen: str | None
    removed: bool
    accept_to: int | None
    #: The device's Ed25519 public key (hex) its files are checked against, once known.
    verify_key: str | None = None
    #: The last number of its files still read under an older sync key (None: none).
    old_key_to: int | None = None


def devices(conn: Any) -> list[Device]:
    rows = conn.execute(
        "SELECT device_id, name, recipient, read_seq, last_seen, removed, accept_to,"
        " verify_key, old_key_to FROM sync_device ORDER BY device_id"
    ).fetchall()
    return [Device(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8]) for r in rows]


def pin_verify_key(conn: Any, device_id: str, verify_key: str) -> None:
    """The key ``device_id``'s files are checked against from now on (kept once known)."""
    conn.execute(
        "INSERT INTO sync_device (device_id, verify_key) VALUES (?, ?)"
        " ON CONFLICT (device_id) DO UPDATE SET"
        " verify_key = coalesce(verify_key, excluded.verify_key)",
        (device_id, verify_key),
    )


def set_old_key_marks(conn: Any, marks: dict[str, int]) -> None:
    """After a new sync key: each device's files under an older key are read up to its mark
    (the last number the device that made the key had read of it); a device without one,
    none at all."""
    conn.execute("UPDATE sync_device SET old_key_to = NULL")
    for device_id, to in marks.items():
        conn.execute(
            "INSERT INTO sync_device (device_id, old_key_to) VALUES (?, ?)"
            " ON CONFLICT (device_id) DO UPDATE SET old_key_to = excluded.old_key_to",
            (device_id, to),
        )


def note_device(conn: Any, device_id: str, name: str, recipient: str) -> None:
    """A device as it announces itself (its name and age public key)."""
    conn.execute(
        "INSERT INTO sync_device (device_id, name, recipient) VALUES (?, ?, ?)"
        " ON CONFLICT (device_id) DO UPDATE SET name = excluded.name,"
        " recipient = excluded.recipient",
        (device_id, name, recipient),
    )


def device_read(conn: Any, device_id: str, read_seq: int, seen_at: str) -> None:
    conn.execute(
        "INSERT INTO sync_device (device_id, read_seq, last_seen) VALUES (?, ?, ?)"
        " ON CONFLICT (device_id) DO UPDATE SET read_seq = max(read_seq, excluded.read_seq),"
        " last_seen = excluded.last_seen",
        (device_id, read_seq, seen_at),
    )


def mark_removed(conn: Any, device_id: str, accept_to: int | None) -> None:
    conn.execute(
        "INSERT INTO sync_device (device_id, removed, accept_to) VALUES (?, 1, ?)"
        " ON CONFLICT (device_id) DO UPDATE SET removed = 1,"
        " accept_to = coalesce(min(accept_to, excluded.accept_to), accept_to, excluded.accept_to)",
        (device_id, accept_to),
    )


# --- records ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Synced:
    uid: str
    kind: str
    rev: str
    hash: str
    sent: bool
    state: bytes


def synced(conn: Any, uid: str) -> Synced | None:
    row = conn.execute(
        "SELECT uid, kind, rev, hash, sent, state FROM sync_record WHERE uid = ?", (uid,)
    ).fetchone()
    return None if row is None else Synced(row[0], row[1], row[2], row[3], bool(row[4]), row[5])


def put_synced(conn: Any, s: Synced) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO sync_record (uid, kind, rev, hash, sent, state)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (s.uid, s.kind, s.rev, s.hash, int(s.sent), s.state),
    )


def unsent(conn: Any, limit: int) -> list[Synced]:
    rows = conn.execute(
        "SELECT uid, kind, rev, hash, sent, state FROM sync_record WHERE sent = 0"
        " ORDER BY uid LIMIT ?",
        (limit,),
    ).fetchall()
    return [Synced(r[0], r[1], r[2], r[3], bool(r[4]), r[5]) for r in rows]


def mark_sent(conn: Any, revs: Iterable[tuple[str, str]]) -> None:
    """(uid, rev) pairs now in the folder; a record changed meanwhile stays unsent."""
    conn.executemany("UPDATE sync_record SET sent = 1 WHERE uid = ? AND rev = ?", list(revs))


def republish_from(conn: Any, device_id: str) -> int:
    """Every record whose current revision here was made by ``device_id`` is sent again (the
    same revision, in this device's next change file): the others get what only this device
    read of a device that is being removed. Returns how many."""
    cur = conn.execute(
        "UPDATE sync_record SET sent = 0 WHERE sent = 1 AND rev LIKE ?", (f"%.{device_id}",)
    )
    return int(cur.rowcount)


def synced_uids_page(conn: Any, after: str, limit: int) -> list[Synced]:
    rows = conn.execute(
        "SELECT uid, kind, rev, hash, sent, state FROM sync_record WHERE uid > ?"
        " ORDER BY uid LIMIT ?",
        (after, limit),
    ).fetchall()
    return [Synced(r[0], r[1], r[2], r[3], bool(r[4]), r[5]) for r in rows]


# --- what changed -------------------------------------------------------------------------
def dirty(conn: Any, limit: int) -> list[str]:
    return [r[0] for r in conn.execute("SELECT uid FROM sync_dirty LIMIT ?", (limit,))]


def counts(conn: Any) -> tuple[int, int, int]:
    """(records marked changed, revisions not sent, records synced): what a long first round
    has to do, for its progress."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM sync_dirty),"
        " (SELECT count(*) FROM sync_record WHERE sent = 0), (SELECT count(*) FROM sync_record)"
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def has_dirty(conn: Any) -> bool:
    return conn.execute("SELECT 1 FROM sync_dirty LIMIT 1").fetchone() is not None


def has_unsent(conn: Any) -> bool:
    return conn.execute("SELECT 1 FROM sync_record WHERE sent = 0 LIMIT 1").fetchone() is not None


def clear_dirty(conn: Any, uids: Iterable[str]) -> None:
    conn.executemany("DELETE FROM sync_dirty WHERE uid = ?", [(u,) for u in uids])


def mark_all_dirty(conn: Any) -> None:
    """Every record, to be sent (the first round after setting up)."""
    conn.execute("INSERT OR IGNORE INTO sync_dirty (uid) SELECT uid FROM item")


# --- the records themselves, by uid -------------------------------------------------------
def item_of(conn: Any, uid: str) -> tuple[int, str] | None:
    """(id, kind) of the record with ``uid``, trash included."""
    row = conn.execute("SELECT id, kind FROM item WHERE uid = ?", (uid,)).fetchone()
    return None if row is None else (row[0], row[1])


def set_deleted(conn: Any, item_id: int, deleted_at: str | None) -> None:
    conn.execute(
        "UPDATE item SET deleted_at = ? WHERE id = ? AND deleted_at IS NOT ?",
        (deleted_at, item_id, deleted_at),
    )


def purge(conn: Any, item_id: int) -> None:
    """Delete a record for good (another device emptied it from its trash)."""
    conn.execute("DELETE FROM fts WHERE rowid = ?", (item_id,))  # before the row (schema._V6)
    conn.execute("DELETE FROM item WHERE id = ?", (item_id,))
    conn.execute("DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM item_tag)")


def title_of(conn: Any, item_id: int) -> str:
    row = conn.execute("SELECT title FROM item WHERE id = ?", (item_id,)).fetchone()
    return "" if row is None else str(row[0])


def record_count(conn: Any) -> int:
    count: int = conn.execute("SELECT count(*) FROM item").fetchone()[0]
    return count


def attachment_id_of(conn: Any, uid: str) -> int | None:
    row = conn.execute("SELECT id FROM attachment WHERE uid = ?", (uid,)).fetchone()
    return None if row is None else int(row[0])


def set_attachment_position(conn: Any, attachment_id: int, position: int) -> None:
    conn.execute(
        "UPDATE attachment SET position = ? WHERE id = ? AND position <> ?",
        (position, attachment_id, position),
    )


def attachment_positions(conn: Any, item_id: int) -> dict[int, int]:
    return dict(conn.execute("SELECT id, position FROM attachment WHERE item_id = ?", (item_id,)))


# --- attachments' files in the folder -----------------------------------------------------
def blob_name(conn: Any, sha256: str) -> str | None:
    row = conn.execute("SELECT name FROM sync_blob WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else str(row[0])


def put_blob_name(conn: Any, sha256: str, name: str) -> None:
    conn.execute("INSERT OR REPLACE INTO sync_blob (sha256, name) VALUES (?, ?)", (sha256, name))


# --- conflicts ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ConflictRow:
    id: int
    uid: str
    kind: str
    field: str
    base: str
    mine: str
    theirs: str
    mine_device: str
    theirs_device: str
    rev: str
    found_at: str


_CONFLICT_COLS = (
    "id, uid, kind, field, base, mine, theirs, mine_device, theirs_device, rev, found_at"
)


def conflicts(conn: Any) -> list[ConflictRow]:
    rows = conn.execute(f"SELECT {_CONFLICT_COLS} FROM sync_conflict ORDER BY id").fetchall()
    return [ConflictRow(*r) for r in rows]


def conflict(conn: Any, conflict_id: int) -> ConflictRow | None:
    row = conn.execute(
        f"SELECT {_CONFLICT_COLS} FROM sync_conflict WHERE id = ?", (conflict_id,)
    ).fetchone()
    return None if row is None else ConflictRow(*row)


def conflicts_of(conn: Any, uid: str) -> list[ConflictRow]:
    rows = conn.execute(
        f"SELECT {_CONFLICT_COLS} FROM sync_conflict WHERE uid = ? ORDER BY id", (uid,)
    ).fetchall()
    return [ConflictRow(*r) for r in rows]


def conflict_count(conn: Any) -> int:
    count: int = conn.execute("SELECT count(*) FROM sync_conflict").fetchone()[0]
    return count


def add_conflict(conn: Any, c: ConflictRow) -> None:
    same = conn.execute(
        "SELECT 1 FROM sync_conflict WHERE uid = ? AND field = ? AND ((mine = ? AND theirs = ?)"
        " OR (mine = ? AND theirs = ?))",
        (c.uid, c.field, c.mine, c.theirs, c.theirs, c.mine),
    ).fetchone()
    if same is not None:
        return  # the same two versions, found again
    conn.execute(
        "INSERT INTO sync_conflict (uid, kind, field, base, mine, theirs, mine_device,"
        " theirs_device, rev, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            c.uid,
            c.kind,
            c.field,
            c.base,
            c.mine,
            c.theirs,
            c.mine_device,
            c.theirs_device,
            c.rev,
            c.found_at,
        ),
    )


def drop_conflict(conn: Any, conflict_id: int) -> None:
    conn.execute("DELETE FROM sync_conflict WHERE id = ?", (conflict_id,))

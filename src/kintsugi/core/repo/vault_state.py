"""The vault's own state besides its records, table by table, for the complete backup:
settings (support contacts, own techniques, the check-in schedule, the sharing identity and
address book, every preference), received bundles and the share log.

Every table of the vault is one of these: a record table (written by the repositories, in a
backup as its records), derived (rebuilt from the records: the search index, tag names),
local (this device's syncing, never carried), or state (here).
``tests/core/test_complete_backup.py`` checks that every table is one of them, so a new
table cannot be left out of the backup unnoticed.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

from kintsugi.core.db import Database
from kintsugi.core.repo import pending

#: Settings about this one file on this machine, never carried: the temporaries being
#: written (a backup holding its own temp's path would leave that path in the clear).
LOCAL_SETTINGS = frozenset({pending.KEY})

#: Written by the repositories; a backup carries them as records.
RECORD_TABLES = frozenset(
    {
        "item",
        "item_tag",
        "entry",
        "trigger_event",
        "grounding",
        "checkin",
        "boundary",
        "boundary_revision",
        "goal",
        "goal_progress",
        "safety_plan",
        "question",
        "answer",
        "therapy_session",
        "goal_milestone",
        "weekly_talk",
        "ritual",
    }
)
RECORD_TABLES |= {"disclosure", "hard_date", "template"}  # #20: repair practices, part two
#: Rebuilt from the records, SQLite's own, or about this one file (the write-ahead log's
#: binding to it: a copy gets a fresh one).
DERIVED_TABLES = frozenset({"tag", "search_text", "sqlite_sequence", "sqlite_stat1", "wal_binding"})
DERIVED_PREFIXES = ("fts",)  # the full-text index and its shadow tables
#: This device's place in syncing (core/sync, core/repo/sync_state.py): its id, its keys, what
#: it has read. Never carried: a journal restored from a backup elsewhere is another
#: computer, and joins again.
LOCAL_PREFIXES = ("sync_",)
#: State tables: (table, child table, the child's column naming its parent). A column
#: ``item_id`` is carried as the item's uid (ids differ between vaults).
STATE_TABLES: tuple[tuple[str, str | None, str | None], ...] = (
    ("setting", None, None),
    ("received", "received_item", "received_id"),
    ("share_log", "share_log_item", "log_id"),
    ("next_session", None, None),  # items marked "for my next session" (repo/therapy.py)
)


#: Attachments (core/repo/attachments.py): their links and bytes, carried by the complete
#: backup as its ``"attachments"`` list, a partner's as ``"received_attachments"``
#: (core/complete.py).
ATTACHMENT_TABLES = frozenset({"attachment", "blob", "blob_chunk", "received_attachment"})


def classify(table: str) -> str:
    if table in RECORD_TABLES:
        return "record"
    if table in ATTACHMENT_TABLES:
        return "attachments"
    if table in DERIVED_TABLES or table.startswith(DERIVED_PREFIXES):
        return "derived"
    if table.startswith(LOCAL_PREFIXES):
        return "local"
    if table in {t for t, _, _ in STATE_TABLES} | {c for _, c, _ in STATE_TABLES if c}:
        return "state"
    return "unknown"


def tables(db: Database) -> list[str]:
    with db.read() as conn:
        return [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]


def _columns(conn: Any, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _row(
    cols: list[str], row: tuple[Any, ...], uids: dict[int, str], skip: set[str]
) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    for col, value in zip(cols, row, strict=True):
        if col in skip:
            continue
        if col == "item_id":
            if value not in uids:
                return None  # an item purged since: nothing to carry
            out["item_uid"] = uids[value]
        else:
            out[col] = value
    return out


def dump(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every state table's rows as dicts (no row ids; children nested under ``rows``)."""
    out: dict[str, list[dict[str, Any]]] = {}
    with db.read() as conn:
        uids = dict(conn.execute("SELECT id, uid FROM item"))
        for table, child, parent_col in STATE_TABLES:
            cols = _columns(conn, table)
            has_id = "id" in cols
            rows = []
            for row in conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1"):
                data = _row(cols, row, uids, {"id"})
                if data is None or (table == "setting" and data.get("key") in LOCAL_SETTINGS):
                    continue
                if child and has_id:
                    ccols = _columns(conn, child)
                    crows = conn.execute(
                        f"SELECT {', '.join(ccols)} FROM {child} WHERE {parent_col} = ?"
                        " ORDER BY 1, 2",
                        (row[cols.index("id")],),
                    ).fetchall()
                    data["rows"] = [
                        d
                        for r in crows
                        if (d := _row(ccols, r, uids, {"id", str(parent_col)})) is not None
                    ]
                rows.append(data)
            out[table] = rows
    return out


def restore(conn: Any, state: dict[str, Any]) -> int:
    """Write a dump back (inside the caller's transaction): settings replace this vault's,
    received bundles and share-log entries are added. Returns the rows written."""
    written = 0
    ids = dict(conn.execute("SELECT uid, id FROM item"))
    for table, child, parent_col in STATE_TABLES:
        rows = state.get(table)
        if not isinstance(rows, list):
            continue
        cols = [c for c in _columns(conn, table) if c != "id"]
        for data in rows:
            if not isinstance(data, dict):
                raise ValueError(f"{table}: a row is not an object")
            if table == "setting" and data.get("key") in LOCAL_SETTINGS:
                continue
            values = [
                ids.get(data.get("item_uid")) if c == "item_id" else data.get(c) for c in cols
            ]
            if "item_id" in cols and values[cols.index("item_id")] is None:
                continue  # a mark on an item not here
            verb = {"setting": "INSERT OR REPLACE", "next_session": "INSERT OR IGNORE"}.get(
                table, "INSERT"
            )
            marks = ", ".join("?" for _ in cols)
            parent = conn.execute(
                f"{verb} INTO {table} ({', '.join(cols)}) VALUES ({marks})", values
            ).lastrowid
            written += 1
            if not child:
                continue
            ccols = [c for c in _columns(conn, child) if c not in ("id", parent_col)]
            for sub in data.get("rows") or []:
                if not isinstance(sub, dict):
                    raise ValueError(f"{child}: a row is not an object")
                values = []
                for c in ccols:
                    if c == "item_id":
                        values.append(ids.get(sub.get("item_uid")))
                    else:
                        values.append(sub.get(c))
                if "item_id" in ccols and values[ccols.index("item_id")] is None:
                    continue
                conn.execute(
                    f"INSERT OR IGNORE INTO {child} ({parent_col}, {', '.join(ccols)})"
                    f" VALUES (?, {', '.join('?' for _ in ccols)})",
                    [parent, *values],
                )
                written += 1
    return written


def set_deleted(conn: Any, deleted: list[tuple[str, str]]) -> None:
    """Put imported items back in the trash: (uid, deleted_at as stored)."""
    conn.executemany("UPDATE item SET deleted_at = ? WHERE uid = ?", [(d, u) for u, d in deleted])


def iter_all_ids(db: Database) -> Iterator[int]:
    """Every item's id, trash included, in time order (then by uid, so two vaults holding
    the same records list them alike). One sorted read of the ids alone (8 bytes each: 1.6
    MB at 200,000 items); the records themselves are read one at a time by the caller."""
    with db.read() as conn:
        ids = array(
            "q", (r[0] for r in conn.execute("SELECT id FROM item ORDER BY occurred_at, uid"))
        )
    yield from ids


def with_attachments(db: Database) -> list[tuple[int, str]]:
    """(id, uid) of every item that has attachments, in time order, then by uid."""
    with db.read() as conn:
        rows: list[tuple[int, str]] = conn.execute(
            "SELECT i.id, i.uid FROM item i WHERE EXISTS"
            " (SELECT 1 FROM attachment a WHERE a.item_id = i.id) ORDER BY i.occurred_at, i.uid"
        ).fetchall()
    return rows


def count_all(db: Database) -> int:
    with db.read() as conn:
        return int(conn.execute("SELECT count(*) FROM item").fetchone()[0])

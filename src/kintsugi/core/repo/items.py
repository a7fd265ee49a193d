"""What works across kinds: the timeline, the trash, share marks, tag names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from kintsugi.core.db import Database
from kintsugi.core.errors import RecordNotFound
from kintsugi.core.i18n import arg, translate
from kintsugi.core.records import ItemSummary, Record
from kintsugi.core.timeutil import day_start_utc, from_db, now, to_db, utc_text

SUMMARY_SQL = (
    "SELECT i.id, i.kind, i.occurred_at, i.occurred_tz, i.title, i.excerpt, i.shared,"
    " (SELECT group_concat(t.name, char(31)) FROM item_tag it JOIN tag t ON t.id = it.tag_id"
    "   WHERE it.item_id = i.id),"
    " (SELECT e.mood FROM entry e WHERE e.item_id = i.id), i.deleted_at"
    " FROM item i"
)


def summary_from_row(row: tuple[Any, ...]) -> ItemSummary:
    item_id, kind, occ, tz, title, excerpt, shared, tags, mood, deleted = row
    return ItemSummary(
        id=item_id,
        kind=kind,
        occurred_at=from_db(occ, tz),
        title=title,
        excerpt=excerpt,
        shared=bool(shared),
        tags=tuple(sorted(tags.split("\x1f"), key=str.casefold)) if tags else (),
        mood=mood,
        deleted_at=from_db(deleted),
    )


def timeline_page(
    db: Database, where: list[str], args: list[Any], after: tuple[datetime, int] | None, limit: int
) -> list[ItemSummary]:
    """One page of live items matching ``where``, newest first, after the keyset ``after``."""
    where = ["i.deleted_at IS NULL", *where]
    args = list(args)
    if after:
        where.append("(i.occurred_at, i.id) < (?, ?)")
        args += [utc_text(after[0]), after[1]]
    sql = (
        f"{SUMMARY_SQL} WHERE {' AND '.join(where)} ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?"
    )
    with db.read() as conn:
        return [summary_from_row(r) for r in conn.execute(sql, (*args, limit))]


@dataclass(frozen=True)
class Choice:
    """Which items an export takes: the shared ones, or everything, within days and kinds."""

    shared: bool = False
    since: date | None = None
    until: date | None = None  # inclusive
    everything: bool = False
    kinds: tuple[str, ...] = ()

    def where(self) -> tuple[list[str], list[Any]]:
        where, args = ["i.deleted_at IS NULL"], []
        if self.shared:
            where.append("i.shared = 1")
        if not (self.shared or self.everything):
            raise ValueError("choose ids, the shared items, or everything")
        if self.since:
            where.append("i.occurred_at >= ?")
            args.append(day_start_utc(self.since))
        if self.until:
            where.append("i.occurred_at < ?")
            args.append(day_start_utc(self.until + timedelta(days=1)))
        if self.kinds:
            where.append(f"i.kind IN ({','.join('?' for _ in self.kinds)})")
            args += list(self.kinds)
        return where, args


class Items:
    def __init__(self, db: Database):
        self.db = db

    def timeline(
        self,
        *,
        kind: str | None = None,
        after: tuple[datetime, int] | None = None,
        limit: int = 100,
    ) -> list[ItemSummary]:
        """Newest first. Page on with ``after=(last.occurred_at, last.id)`` (keyset, no OFFSET)."""
        where, args = (["i.kind = ?"], [kind]) if kind else ([], [])
        return timeline_page(self.db, where, args, after, limit)

    def on_this_day(self, today: date, *, limit: int = 20) -> list[ItemSummary]:
        """Entries written on this calendar day (month and day, in the writer's own time)
        in earlier years, newest first. A scan of the entries: call it off the UI thread."""
        sql = (
            f"{SUMMARY_SQL} WHERE i.deleted_at IS NULL AND i.kind = 'entry'"
            " AND i.occurred_at < ?"
            " AND strftime('%m-%d', i.occurred_at, i.occurred_tz || ' minutes') = ?"
            " ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?"
        )
        year_start = day_start_utc(date(today.year, 1, 1))
        with self.db.read() as conn:
            rows = conn.execute(sql, (year_start, f"{today:%m-%d}", limit)).fetchall()
        return [summary_from_row(r) for r in rows]

    def summary(self, item_id: int) -> ItemSummary:
        with self.db.read() as conn:
            row = conn.execute(f"{SUMMARY_SQL} WHERE i.id = ?", (item_id,)).fetchone()
        if row is None:
            raise RecordNotFound(_no_record(item_id))
        return summary_from_row(row)

    def kind_of(self, item_id: int) -> str:
        return self.summary(item_id).kind

    # --- share marks ------------------------------------------------------------
    def set_shared(self, item_id: int, shared: bool) -> None:
        with self.db.transaction() as conn:
            cur = conn.execute(
                "UPDATE item SET shared = ?, updated_at = ?, updated_tz = ? WHERE id = ?",
                (int(shared), *to_db(now()), item_id),
            )
            if cur.rowcount == 0:
                raise RecordNotFound(_no_record(item_id))

    # --- trash ------------------------------------------------------------------
    def delete(self, item_id: int) -> None:
        """Move to the trash (undoable with :meth:`restore`)."""
        self._set_deleted(item_id, utc_text(now()))

    def restore(self, item_id: int) -> None:
        self._set_deleted(item_id, None)

    def _set_deleted(self, item_id: int, value: str | None) -> None:
        with self.db.transaction() as conn:
            cur = conn.execute("UPDATE item SET deleted_at = ? WHERE id = ?", (value, item_id))
            if cur.rowcount == 0:
                raise RecordNotFound(_no_record(item_id))

    def trash(self, limit: int = 500) -> list[ItemSummary]:
        with self.db.read() as conn:
            rows = conn.execute(
                f"{SUMMARY_SQL} WHERE i.deleted_at IS NOT NULL ORDER BY i.deleted_at DESC LIMIT ?",
                (limit,),
            )
            return [summary_from_row(r) for r in rows]

    def purge(self, item_id: int) -> None:
        """Delete for good (only from the trash)."""
        with self.db.transaction() as conn:
            row = conn.execute("SELECT deleted_at FROM item WHERE id = ?", (item_id,)).fetchone()
            if row is None or row[0] is None:
                raise RecordNotFound(
                    arg(
                        translate("records", "There is no record with id %1 in the trash."), item_id
                    )
                )
            self._purge(conn, [item_id])

    def empty_trash(self) -> int:
        with self.db.transaction() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM item WHERE deleted_at IS NOT NULL")]
            self._purge(conn, ids)
        return len(ids)

    @staticmethod
    def _purge(conn: Any, ids: list[int]) -> None:
        for item_id in ids:  # the index row first: it is deleted by what the view shows
            conn.execute("DELETE FROM fts WHERE rowid = ?", (item_id,))
            conn.execute("DELETE FROM item WHERE id = ?", (item_id,))
        conn.execute("DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM item_tag)")

    def existing_uids(self, uids: list[str]) -> set[str]:
        """Which of ``uids`` are already in the vault (trash included)."""
        found: set[str] = set()
        with self.db.read() as conn:
            for start in range(0, len(uids), 500):
                chunk = uids[start : start + 500]
                marks = ",".join("?" for _ in chunk)
                found.update(
                    r[0]
                    for r in conn.execute(f"SELECT uid FROM item WHERE uid IN ({marks})", chunk)
                )
        return found

    def counts(self) -> tuple[int, int, str | None]:
        """Live entries, live items, and the newest item's time (UTC text): what a backup's
        summary says it holds."""
        with self.db.read() as conn:
            entries: int = conn.execute(
                "SELECT count(*) FROM item WHERE kind = 'entry' AND deleted_at IS NULL"
            ).fetchone()[0]
            items: int = conn.execute(
                "SELECT count(*) FROM item WHERE deleted_at IS NULL"
            ).fetchone()[0]
            newest: str | None = conn.execute("SELECT max(occurred_at) FROM item").fetchone()[0]
        return entries, items, newest

    # --- choosing what to export ------------------------------------------------------
    def count_chosen(self, choice: Choice) -> int:
        """How many live items ``choice`` takes."""
        where, args = choice.where()
        with self.db.read() as conn:
            count: int = conn.execute(
                f"SELECT count(*) FROM item i WHERE {' AND '.join(where)}", args
            ).fetchone()[0]
        return count

    def chosen_page(
        self, choice: Choice, after: tuple[str, int] | None, limit: int
    ) -> list[tuple[int, str]]:
        """(id, occurred_at) of the next ``limit`` items ``choice`` takes, oldest first,
        after the keyset ``after`` (the timeline index)."""
        where, args = choice.where()
        page_where = [*where, "(i.occurred_at, i.id) > (?, ?)"] if after else where
        with self.db.read() as conn:
            rows: list[tuple[int, str]] = conn.execute(
                f"SELECT i.id, i.occurred_at FROM item i WHERE {' AND '.join(page_where)}"
                " ORDER BY i.occurred_at, i.id LIMIT ?",
                (*args, *(after or ()), limit),
            ).fetchall()
        return rows

    def ids_of(self, uids: list[str]) -> dict[str, int]:
        """The ids of those of ``uids`` that are in the vault."""
        found: dict[str, int] = {}
        with self.db.read() as conn:
            for start in range(0, len(uids), 500):
                chunk = uids[start : start + 500]
                marks = ",".join("?" for _ in chunk)
                found.update(
                    conn.execute(f"SELECT uid, id FROM item WHERE uid IN ({marks})", chunk)
                )
        return found

    def last_id(self) -> int:
        with self.db.read() as conn:
            return int(conn.execute("SELECT coalesce(max(id), 0) FROM item").fetchone()[0])

    def same_entry(self, utc_minute: str, title: str, body: str, *, up_to: int) -> bool:
        """Is there an entry (trash included, id at most ``up_to``: one that was there
        before an import began) written in the UTC minute ``utc_minute``
        (``YYYY-MM-DDTHH:MM``) with exactly this title and text? Imports use it so that
        one entry never comes in twice by another route."""
        with self.db.read() as conn:
            return (
                conn.execute(
                    "SELECT 1 FROM item i JOIN entry e ON e.item_id = i.id"
                    " WHERE i.kind = 'entry' AND i.occurred_at >= ? AND i.occurred_at < ?"
                    " AND i.id <= ? AND e.title = ? AND e.body = ? LIMIT 1",
                    (utc_minute + ":", utc_minute + ";", up_to, title, body),
                ).fetchone()
                is not None
            )

    def entry_minutes(self, utc_minute: str, *, up_to: int) -> bool:
        """Was any entry (id at most ``up_to``) written in this UTC minute?"""
        with self.db.read() as conn:
            return (
                conn.execute(
                    "SELECT 1 FROM item i WHERE i.kind = 'entry' AND i.occurred_at >= ?"
                    " AND i.occurred_at < ? AND i.id <= ? LIMIT 1",
                    (utc_minute + ":", utc_minute + ";", up_to),
                ).fetchone()
                is not None
            )

    # --- tags -------------------------------------------------------------------
    def tag_names(self) -> list[str]:
        with self.db.read() as conn:
            return [r[0] for r in conn.execute("SELECT name FROM tag ORDER BY name COLLATE NOCASE")]

    def get(self, item_id: int) -> Record:
        """The full record, whatever its kind."""
        from kintsugi.core.repo import repository_for

        rec: Record = repository_for(self.db, self.kind_of(item_id)).get(item_id)
        return rec


def _no_record(item_id: object) -> str:
    return arg(translate("records", "There is no record with id %1."), item_id)

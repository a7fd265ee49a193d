"""Boundaries: an agreement, revisited on a date; earlier wordings are kept."""

from __future__ import annotations

from datetime import date
from typing import Any

from kintsugi.core.errors import InvalidRecord
from kintsugi.core.records import BOUNDARY_STATUSES, Boundary, BoundaryRevision
from kintsugi.core.repo.base import Column, Repository, excerpt_of, first_line
from kintsugi.core.timeutil import date_from_db, date_to_db, from_db, now, utc_text


class BoundaryRepository(Repository[Boundary]):
    record_type = Boundary
    table = "boundary"
    columns = (
        Column("text"),
        Column("agreed_on", date_to_db, date_from_db),
        Column("revisit_by", date_to_db, date_from_db),
        Column("status"),
    )

    def validate(self, rec: Boundary) -> None:
        if not rec.text.strip():
            raise InvalidRecord("A boundary needs its wording.")
        if rec.status not in BOUNDARY_STATUSES:
            raise InvalidRecord(f"Unknown status {rec.status!r}.")

    def describe(self, rec: Boundary) -> tuple[str, str, str]:
        due = f"revisit by {rec.revisit_by.isoformat()}" if rec.revisit_by else ""
        return first_line(rec.text), excerpt_of(f"{rec.status} {due}".strip()), rec.text

    def save_children(self, conn: Any, rec: Boundary, item_id: int, old: Boundary | None) -> None:
        """Keep the previous wording whenever text, status or revisit date change."""
        if old is None:  # a new boundary (or one being imported with its history)
            conn.executemany(
                "INSERT INTO boundary_revision (boundary_id, text, status, revisit_by, changed_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (item_id, h.text, h.status, date_to_db(h.revisit_by), utc_text(h.changed_at))
                    for h in rec.history
                ],
            )
            return
        if (old.text, old.status, old.revisit_by) != (rec.text, rec.status, rec.revisit_by):
            conn.execute(
                "INSERT INTO boundary_revision (boundary_id, text, status, revisit_by, changed_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (item_id, old.text, old.status, date_to_db(old.revisit_by), utc_text(now())),
            )

    def load_children(self, conn: Any, rec: Boundary) -> None:
        rec.history = [
            BoundaryRevision(text, status, date_from_db(revisit), from_db(changed))
            for text, status, revisit, changed in conn.execute(
                "SELECT text, status, revisit_by, changed_at FROM boundary_revision"
                " WHERE boundary_id = ? ORDER BY id",
                (rec.id,),
            )
        ]

    def all_ids(self, *, due_first_on: date | None = None) -> list[tuple[int, bool]]:
        """Every live boundary as (id, due for revisit), due ones first, then newest."""
        today = (due_first_on or date.today()).isoformat()
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT b.item_id, b.status = 'active' AND b.revisit_by IS NOT NULL"
                " AND b.revisit_by <= ? AS due FROM boundary b JOIN item i ON i.id = b.item_id"
                " WHERE i.deleted_at IS NULL"
                " ORDER BY due DESC, b.revisit_by, i.occurred_at DESC",
                (today,),
            ).fetchall()
        return [(item_id, bool(due)) for item_id, due in rows]

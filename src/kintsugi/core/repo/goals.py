"""Goals: a measurable target, a due date, and progress entries."""

from __future__ import annotations

from typing import Any

from kintsugi.core.errors import InvalidRecord
from kintsugi.core.records import Goal, GoalProgress
from kintsugi.core.repo.base import Column, Repository, excerpt_of, first_line
from kintsugi.core.timeutil import date_from_db, date_to_db


class GoalRepository(Repository[Goal]):
    record_type = Goal
    table = "goal"
    columns = (
        Column("text"),
        Column("target_amount"),
        Column("target_unit"),
        Column("due", date_to_db, date_from_db),
        Column("done", int, bool),
        Column("celebrated", int, bool),
    )

    def validate(self, rec: Goal) -> None:
        if not rec.text.strip():
            raise InvalidRecord("A goal needs a description.")
        if rec.target_amount is not None and rec.target_amount <= 0:
            raise InvalidRecord("A target must be more than zero.")

    def describe(self, rec: Goal) -> tuple[str, str, str]:
        done = sum(p.amount for p in rec.progress)
        target = f"{done:g} of {rec.target_amount:g} {rec.target_unit}" if rec.target_amount else ""
        notes = "\n".join(p.note for p in rec.progress if p.note)
        return first_line(rec.text), excerpt_of(target.strip()), f"{rec.text}\n{notes}"

    def save_children(self, conn: Any, rec: Goal, item_id: int, old: Goal | None) -> None:
        conn.execute("DELETE FROM goal_progress WHERE goal_id = ?", (item_id,))
        conn.executemany(
            "INSERT INTO goal_progress (goal_id, day, amount, note) VALUES (?, ?, ?, ?)",
            [(item_id, date_to_db(p.day), p.amount, p.note) for p in rec.progress],
        )

    def load_children(self, conn: Any, rec: Goal) -> None:
        rec.progress = [
            GoalProgress(date_from_db(day), amount, note)
            for day, amount, note in conn.execute(
                "SELECT day, amount, note FROM goal_progress WHERE goal_id = ? ORDER BY day, id",
                (rec.id,),
            )
        ]

    def all_ids(self) -> list[int]:
        """Live goals: open ones first (by due date), then the finished."""
        with self.db.read() as conn:
            return [
                r[0]
                for r in conn.execute(
                    "SELECT g.item_id FROM goal g JOIN item i ON i.id = g.item_id"
                    " WHERE i.deleted_at IS NULL ORDER BY g.done, g.due IS NULL, g.due,"
                    " i.occurred_at DESC"
                )
            ]

    def mark_celebrated(self, goal_id: int) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE goal SET celebrated = 1 WHERE item_id = ?", (goal_id,))

"""Grounding sessions: which exercise, SUDS before and after, each step's answers."""

from __future__ import annotations

import json

from kintsugi.core.errors import InvalidRecord
from kintsugi.core.records import TECHNIQUES, GroundingSession
from kintsugi.core.repo.base import Column, Repository, check_range

TECHNIQUE_LABELS = {
    "box_breathing": "Box breathing",
    "paced_breathing": "Paced breathing",
    "senses_54321": "5-4-3-2-1 senses",
    "muscle_relaxation": "Muscle relaxation",
    "thought_record": "Thought record",
    "custom": "My own technique",
}


def _step_text(steps: list[dict]) -> str:
    parts: list[str] = []
    for step in steps:
        for value in step.values():
            if isinstance(value, str):
                parts.append(value)
            elif isinstance(value, list):
                parts.extend(v for v in value if isinstance(v, str))
    return "\n".join(parts)


class GroundingRepository(Repository[GroundingSession]):
    record_type = GroundingSession
    table = "grounding"
    columns = (
        Column("technique"),
        Column("duration_s"),
        Column("completed", int, bool),
        Column("suds_before"),
        Column("suds_after"),
        Column("steps", json.dumps, json.loads),
        Column("notes"),
        Column("trigger_id"),
    )

    def validate(self, rec: GroundingSession) -> None:
        if rec.technique not in TECHNIQUES:
            raise InvalidRecord(f"Unknown technique {rec.technique!r}.")
        check_range("SUDS before", rec.suds_before, 0, 10)
        check_range("SUDS after", rec.suds_after, 0, 10)
        if rec.duration_s < 0:
            raise InvalidRecord("Duration cannot be negative.")

    def describe(self, rec: GroundingSession) -> tuple[str, str, str]:
        title = TECHNIQUE_LABELS[rec.technique]
        if rec.technique == "custom" and rec.steps and isinstance(rec.steps[0].get("name"), str):
            title = rec.steps[0]["name"]
        minutes = round(rec.duration_s / 60, 1)
        excerpt = f"{minutes:g} min"
        if rec.suds_before is not None and rec.suds_after is not None:
            excerpt += f" · SUDS {rec.suds_before} → {rec.suds_after}"
        return title, excerpt, "\n".join([rec.notes, _step_text(rec.steps)])

    def for_trigger(self, trigger_id: int) -> list[GroundingSession]:
        with self.db.read() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT g.item_id FROM grounding g JOIN item i ON i.id = g.item_id"
                    " WHERE g.trigger_id = ? AND i.deleted_at IS NULL ORDER BY i.occurred_at",
                    (trigger_id,),
                )
            ]
        return [self.get(i) for i in ids]

    def link_triggers(self, links: list[tuple[str, str]]) -> int:
        """Point grounding sessions at the triggers they followed: (session uid, trigger uid)
        pairs, as an import knows them. Unknown trigger uids leave no link. Returns how many
        were linked."""
        with self.db.transaction() as conn:
            cur = conn.executemany(
                "UPDATE grounding SET trigger_id = (SELECT id FROM item WHERE uid = ?2)"
                " WHERE item_id = (SELECT id FROM item WHERE uid = ?1)"
                " AND EXISTS (SELECT 1 FROM item WHERE uid = ?2 AND kind = 'trigger')",
                links,
            )
            return cur.rowcount

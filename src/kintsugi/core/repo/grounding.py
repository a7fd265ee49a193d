"""Grounding sessions: which exercise, SUDS before and after, each step's answers."""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING, Any

from kintsugi.core import validate
from kintsugi.core.errors import InvalidRecord, RecordNotFound
from kintsugi.core.fieldtext import field_line, number, step_lines, when_text
from kintsugi.core.records import TECHNIQUES, GroundingSession, Record
from kintsugi.core.repo.base import Column, Repository, Take, check_range
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.triggers import CUE_LABELS, TriggerRepository

if TYPE_CHECKING:
    from kintsugi.core.share import ShareOptions

TECHNIQUE_LABELS = {
    "box_breathing": "Box breathing",
    "paced_breathing": "Paced breathing",
    "senses_54321": "5-4-3-2-1 senses",
    "muscle_relaxation": "Muscle relaxation",
    "thought_record": "Thought record",
    "custom": "My own technique",
}


def _step_text(steps: list[dict[str, Any]]) -> str:
    parts: list[str] = []
    for step in steps:
        for value in step.values():
            if isinstance(value, str):
                parts.append(value)
            elif isinstance(value, list):
                parts.extend(v for v in value if isinstance(v, str))
    return "\n".join(parts)


def _step_value(value: Any, depth: int = 0) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int) and abs(value) <= 2**53:
        return value
    if isinstance(value, int | float):
        return validate.number(-validate.MAX_NUMBER, validate.MAX_NUMBER)(value)
    if isinstance(value, str):
        return validate.text(value)
    if depth < 3 and isinstance(value, list):
        return validate.list_of(lambda v: _step_value(v, depth + 1))(value)
    if depth < 3 and isinstance(value, dict):
        if len(value) > validate.MAX_LIST:
            raise validate.Invalid(f"has {len(value):,} keys (at most {validate.MAX_LIST:,})")
        return {validate.line(k): _step_value(v, depth + 1) for k, v in value.items()}
    raise validate.Invalid("is nested too deeply")


def _step(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise validate.Invalid(f"must be an object, not {validate.type_name(value)}")
    step: dict[str, Any] = _step_value(value)
    return step


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
    name = "Grounding"
    labels = {
        "suds_before": "Distress before (0–10)",
        "suds_after": "Distress afterwards (0–10)",
        "notes": "Notes",
        # the answers of the exercises' steps
        "pattern": "Pattern",
        "length_min": "Length (minutes)",
        "cycles": "Breaths completed",
        "steps_done": "Steps done",
        "of": "Steps in all",
        "name": "Technique",
        "thoughts": "Thoughts",
        "evidence_for": "Evidence for",
        "evidence_against": "Evidence against",
        "balanced_thought": "Balanced thought",
        "emotions_after": "Emotions afterwards",
        "sense": "Sense",
        "items": "Noticed",
    }
    import_fields = {
        "technique": validate.choice(TECHNIQUES),
        "duration_s": validate.number(0, validate.MAX_DURATION_S),
        "completed": validate.flag(),
        "suds_before": validate.whole(0, 10),
        "suds_after": validate.whole(0, 10),
        "steps": validate.list_of(_step),
        "notes": validate.text,
    }

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

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        label_ = TECHNIQUE_LABELS.get(item.get("technique", ""), str(item.get("technique") or ""))
        name = item.get("technique_name")
        return f"{label_}: {name}" if isinstance(name, str) and name else label_

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        take("technique")
        take("technique_name")  # in the heading
        duration, completed = take("duration_s"), take("completed")
        if duration is not None or completed is not None:
            minutes = f"{round(float(duration or 0) / 60, 1):g} minutes"
            done = {True: ", completed", False: ", stopped early"}.get(completed, "")
            lines.append(f"- {minutes}{done}")
        before, after = take("suds_before"), take("suds_after")
        if before is not None and after is not None:
            lines.append(f"- Distress {number(before)} → {number(after)} (0–10)")
        else:
            for key, value in (("suds_before", before), ("suds_after", after)):
                if value is not None:
                    lines.append(field_line(key, value))
        answered = take("answered_trigger")
        if isinstance(answered, dict):
            cue = CUE_LABELS.get(answered.get("cue", ""), str(answered.get("cue") or ""))
            lines.append(
                f"- In answer to: {TriggerRepository.name} — {cue}, "
                f"{when_text(answered.get('occurred_at'))}"
            )
        steps = take("steps")
        if isinstance(steps, list) and steps:
            lines.append("- Answers:")
            for step in steps:
                lines += step_lines(step)
        return lines

    @classmethod
    def leaving(
        cls,
        data: dict[str, Any],
        rec: GroundingSession,
        options: ShareOptions,
        answered: Record | None,
    ) -> None:
        steps = data.get("steps") or []
        name = steps[0].get("name") if steps and isinstance(steps[0], dict) else None
        if rec.technique == "custom" and isinstance(name, str) and name.strip():
            data["technique_name"] = name  # one's own technique, by its name (charts use it)
        if not options.exercise_answers:
            data.pop("steps", None)
        if answered is not None:
            data["answered_trigger"] = {
                "uid": answered.uid,
                "cue": getattr(answered, "cue", ""),
                "occurred_at": answered.occurred_at.isoformat(),
            }

    def answers(self, rec: GroundingSession) -> int | None:
        return rec.trigger_id

    def export_dict(self, rec: GroundingSession) -> dict[str, Any]:
        """The trigger it followed by its uid (the vault's ids do not leave)."""
        data = super().export_dict(rec)
        if rec.trigger_id is not None:
            with contextlib.suppress(RecordNotFound):  # a purged trigger: no link to keep
                data["trigger_uid"] = Items(self.db).get(rec.trigger_id).uid
        data.pop("trigger_id", None)
        return data

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
            linked: int = cur.rowcount
            return linked

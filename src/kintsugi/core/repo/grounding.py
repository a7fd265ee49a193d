"""Grounding sessions: which exercise, SUDS before and after, each step's answers."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kintsugi.core import validate
from kintsugi.core.errors import InvalidRecord, RecordNotFound
from kintsugi.core.fieldtext import (
    csv_cell,
    csv_day_time,
    field_line,
    minutes_text,
    number,
    step_lines,
    when_text,
)
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, arg, count_text, marked, translate
from kintsugi.core.records import TECHNIQUES, GroundingSession, Record
from kintsugi.core.repo.base import Column, Repository, Take, check_range
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.triggers import TriggerRepository, cue_label

if TYPE_CHECKING:
    from kintsugi.core.share import ShareOptions

TECHNIQUE_LABELS = {
    "box_breathing": QT_TRANSLATE_NOOP("technique", "Box breathing"),
    "paced_breathing": QT_TRANSLATE_NOOP("technique", "Paced breathing"),
    "senses_54321": QT_TRANSLATE_NOOP("technique", "5-4-3-2-1 senses"),
    "muscle_relaxation": QT_TRANSLATE_NOOP("technique", "Muscle relaxation"),
    "thought_record": QT_TRANSLATE_NOOP("technique", "Thought record"),
    "custom": QT_TRANSLATE_NOOP("technique", "My own technique"),
}


def technique_label(key: str) -> str:
    """The technique's name in the person's language (an unknown key as it is)."""
    known = TECHNIQUE_LABELS.get(key)
    return marked("technique", known) if known else key


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
            raise validate.Invalid(
                arg(
                    translate("Import", "has %1 keys (at most %2)"),
                    count_text(len(value)),
                    count_text(validate.MAX_LIST),
                )
            )
        return {validate.line(k): _step_value(v, depth + 1) for k, v in value.items()}
    raise validate.Invalid(translate("Import", "is nested too deeply"))


def _step(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise validate.Invalid(
            arg(translate("Import", "must be an object, not %1"), validate.type_name(value))
        )
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
    name = QT_TRANSLATE_NOOP("render", "Grounding")
    csv_table = "grounding.csv"
    csv_columns = (
        "date",
        "time",
        "technique",
        "minutes",
        "completed",
        "distress_before",
        "distress_after",
        "notes",
        "trigger_id",
        "tags",
        "id",
    )
    labels = {
        "suds_before": QT_TRANSLATE_NOOP("render", "Distress before (0–10)"),
        "suds_after": QT_TRANSLATE_NOOP("render", "Distress afterwards (0–10)"),
        "notes": QT_TRANSLATE_NOOP("render", "Notes"),
        # the answers of the exercises' steps
        "pattern": QT_TRANSLATE_NOOP("render", "Pattern"),
        "length_min": QT_TRANSLATE_NOOP("render", "Length (minutes)"),
        "cycles": QT_TRANSLATE_NOOP("render", "Breaths completed"),
        "steps_done": QT_TRANSLATE_NOOP("render", "Steps done"),
        "of": QT_TRANSLATE_NOOP("render", "Steps in all"),
        "name": QT_TRANSLATE_NOOP("render", "Technique"),
        "thoughts": QT_TRANSLATE_NOOP("render", "Thoughts"),
        "evidence_for": QT_TRANSLATE_NOOP("render", "Evidence for"),
        "evidence_against": QT_TRANSLATE_NOOP("render", "Evidence against"),
        "balanced_thought": QT_TRANSLATE_NOOP("render", "Balanced thought"),
        "emotions_after": QT_TRANSLATE_NOOP("render", "Emotions afterwards"),
        "sense": QT_TRANSLATE_NOOP("render", "Sense"),
        "items": QT_TRANSLATE_NOOP("render", "Noticed"),
        "see": QT_TRANSLATE_NOOP("render", "Seen"),
        "touch": QT_TRANSLATE_NOOP("render", "Touched"),
        "hear": QT_TRANSLATE_NOOP("render", "Heard"),
        "smell": QT_TRANSLATE_NOOP("render", "Smelled"),
        "taste": QT_TRANSLATE_NOOP("render", "Tasted"),
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
            raise InvalidRecord(
                arg(translate("records", "Unknown technique %1."), repr(rec.technique))
            )
        check_range("SUDS before", rec.suds_before, 0, 10)
        check_range("SUDS after", rec.suds_after, 0, 10)
        if rec.duration_s < 0:
            raise InvalidRecord(translate("records", "Duration cannot be negative."))

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
        label_ = technique_label(str(item.get("technique") or ""))
        name = item.get("technique_name")
        return f"{label_}: {name}" if isinstance(name, str) and name else label_

    @classmethod
    def csv_row(cls, rec: GroundingSession, trigger_uid: str) -> list[Any]:
        day, clock = csv_day_time(rec.occurred_at)
        return [
            day,
            clock,
            rec.technique,
            round(rec.duration_s / 60, 2),
            csv_cell(rec.completed),
            csv_cell(rec.suds_before),
            csv_cell(rec.suds_after),
            rec.notes,
            trigger_uid,
            ", ".join(rec.tags),
            rec.uid,
        ]

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        take("technique")
        take("technique_name")  # in the heading
        duration, completed = take("duration_s"), take("completed")
        if duration is not None or completed is not None:
            text = minutes_text(float(duration or 0))
            if completed is True:
                text += translate("render", ", completed")
            elif completed is False:
                text += translate("render", ", stopped early")
            lines.append("- " + text)
        before, after = take("suds_before"), take("suds_after")
        if before is not None and after is not None:
            text = translate("render", "Distress %1 → %2 (0 = calm, 10 = the worst)")
            lines.append("- " + arg(text, number(before), number(after)))
        else:
            for key, value in (("suds_before", before), ("suds_after", after)):
                if value is not None:
                    lines.append(field_line(key, value))
        answered = take("answered_trigger")
        if isinstance(answered, dict):
            cue = cue_label(str(answered.get("cue") or ""))
            text = translate("render", "In answer to: %1 — %2, %3")
            moment = marked("render", TriggerRepository.name)
            lines.append("- " + arg(text, moment, cue, when_text(answered.get("occurred_at"))))
        steps = take("steps")
        if isinstance(steps, list) and steps:
            lines.append("- " + translate("render", "Answers:"))
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

    def link_imported(self, item_id: int, data: Mapping[str, Any]) -> None:
        trigger_uid = data.get("trigger_uid")
        uid = data.get("uid")
        if isinstance(trigger_uid, str) and isinstance(uid, str):
            self.link_triggers([(uid, trigger_uid)])

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

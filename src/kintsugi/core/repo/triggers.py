"""Triggers: what hit, how hard (SUDS), what it stirred, and what I did."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from kintsugi.core import validate
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.exercises import suds_word
from kintsugi.core.fieldtext import csv_cell, csv_day_time, empty, field_line, number, value_text
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, arg, marked, translate
from kintsugi.core.records import CUE_CATEGORIES, Emotion, ItemSummary, Trigger
from kintsugi.core.repo.base import (
    Column,
    Repository,
    Take,
    check_range,
    excerpt_of,
    first_line,
)
from kintsugi.core.repo.items import timeline_page

CUE_LABELS = {
    "reminder": QT_TRANSLATE_NOOP("cue", "A reminder"),
    "partner_behaviour": QT_TRANSLATE_NOOP("cue", "Something my partner did"),
    "place": QT_TRANSLATE_NOOP("cue", "A place"),
    "date_anniversary": QT_TRANSLATE_NOOP("cue", "A date or anniversary"),
    "media": QT_TRANSLATE_NOOP("cue", "Something I saw or heard"),
    "intrusive_memory": QT_TRANSLATE_NOOP("cue", "An intrusive memory"),
    "other": QT_TRANSLATE_NOOP("cue", "Something else"),
}


def cue_label(key: str) -> str:
    """The cue's name in the person's language (an unknown key as it is)."""
    known = CUE_LABELS.get(key)
    return marked("cue", known) if known else key


def _emotions_to_db(emotions: list[Emotion]) -> str:
    return json.dumps([{"name": e.name, "intensity": e.intensity} for e in emotions])


def _emotions_from_db(text: str) -> list[Emotion]:
    return [Emotion(**e) for e in json.loads(text)]


def _optional_bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _emotion(value: Any) -> Emotion:
    found = validate.fields(
        {"name": validate.line, "intensity": validate.whole(0, 100, optional=False)}, value
    )
    if "name" not in found:
        raise validate.Invalid(translate("Import", "has no name"))
    return Emotion(**found)


class TriggerRepository(Repository[Trigger]):
    record_type = Trigger
    table = "trigger_event"
    columns = (
        Column("cue"),
        Column("situation"),
        Column("suds_peak"),
        Column("emotions", _emotions_to_db, _emotions_from_db),
        Column("hot_thought"),
        Column("belief"),
        Column("body_sensations", json.dumps, json.loads),
        Column("urge"),
        Column("acted_on", lambda v: None if v is None else int(v), _optional_bool),
        Column("action"),
        Column("suds_after"),
    )
    name = QT_TRANSLATE_NOOP("render", "A hard moment")
    short_name = QT_TRANSLATE_NOOP("render", "Trigger")
    csv_table = "triggers.csv"
    csv_columns = (
        "date",
        "time",
        "cue",
        "situation",
        "distress_peak",
        "emotions",
        "hot_thought",
        "belief_percent",
        "body_sensations",
        "urge",
        "acted_on",
        "what_i_did",
        "distress_after",
        "tags",
        "id",
    )
    labels = {
        "situation": QT_TRANSLATE_NOOP("render", "Situation"),
        "emotions": QT_TRANSLATE_NOOP("render", "Emotions"),
        "hot_thought": QT_TRANSLATE_NOOP("render", "The thought that hurt most"),
        "belief": QT_TRANSLATE_NOOP("render", "Believed"),
        "body_sensations": QT_TRANSLATE_NOOP("render", "In my body"),
        "urge": QT_TRANSLATE_NOOP("render", "Urge (0–5)"),
        "acted_on": QT_TRANSLATE_NOOP("render", "Acted on the urge"),
        "action": QT_TRANSLATE_NOOP("render", "What I did"),
        "suds_peak": QT_TRANSLATE_NOOP("render", "Distress at its worst (0–10)"),
        "suds_after": QT_TRANSLATE_NOOP("render", "Distress afterwards (0–10)"),
    }
    percent_keys = frozenset({"belief"})
    import_fields = {
        "cue": validate.choice(CUE_CATEGORIES),
        "situation": validate.text,
        "suds_peak": validate.whole(0, 10, optional=False),
        "emotions": validate.list_of(_emotion),
        "hot_thought": validate.text,
        "belief": validate.whole(0, 100),
        "body_sensations": validate.short_texts,
        "urge": validate.whole(0, 5),
        "acted_on": validate.flag(optional=True),
        "action": validate.text,
        "suds_after": validate.whole(0, 10),
    }

    def validate(self, rec: Trigger) -> None:
        if rec.cue not in CUE_CATEGORIES:
            raise InvalidRecord(
                arg(translate("records", "Unknown cue category %1."), repr(rec.cue))
            )
        check_range("Peak SUDS", rec.suds_peak, 0, 10)
        check_range("SUDS after", rec.suds_after, 0, 10)
        check_range("Belief", rec.belief, 0, 100)
        check_range("Urge", rec.urge, 0, 5)
        for emotion in rec.emotions:
            check_range("Emotion intensity", emotion.intensity, 0, 100)

    def describe(self, rec: Trigger) -> tuple[str, str, str]:
        title = first_line(rec.situation) or CUE_LABELS[rec.cue]
        text = "\n".join(
            [
                rec.situation,
                rec.hot_thought,
                rec.action,
                " ".join(e.name for e in rec.emotions),
                " ".join(rec.body_sensations),
            ]
        )
        return title, excerpt_of(f"{CUE_LABELS[rec.cue]} · SUDS {rec.suds_peak}"), text

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        return cue_label(str(item.get("cue") or ""))

    @classmethod
    def csv_row(cls, rec: Trigger, trigger_uid: str) -> list[Any]:
        day, clock = csv_day_time(rec.occurred_at)
        emotions = "; ".join(f"{e.name} {e.intensity}" for e in rec.emotions)
        return [
            day,
            clock,
            rec.cue,
            rec.situation,
            rec.suds_peak,
            emotions,
            rec.hot_thought,
            csv_cell(rec.belief),
            "; ".join(rec.body_sensations),
            csv_cell(rec.urge),
            csv_cell(rec.acted_on),
            rec.action,
            csv_cell(rec.suds_after),
            ", ".join(rec.tags),
            rec.uid,
        ]

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        cue = take("cue")
        if cue not in CUE_LABELS and not empty(cue):
            text = translate("render", "What set it off: %1")
            lines.append("- " + arg(text, value_text("cue", cue)))
        peak = take("suds_peak")
        if peak is not None:
            text = arg(translate("render", "Distress at its worst: %1 of 10"), number(peak))
            if isinstance(peak, int) and 0 <= peak <= 10:
                text += f" ({suds_word(peak)})"
            lines.append("- " + text)
        for key in ("situation", "emotions"):
            value = take(key)
            if not empty(value):
                lines.append(field_line(key, value))
        hot, belief = take("hot_thought"), take("belief")
        if not empty(hot):
            text = arg(translate("render", "The thought that hurt most: %1"), value_text("", hot))
            if belief is not None:
                text += " " + arg(translate("render", "(believed %1%)"), number(belief))
            lines.append("- " + text)
        elif belief is not None:
            lines.append(field_line("belief", belief))
        sensations = take("body_sensations")
        if not empty(sensations):
            lines.append(field_line("body_sensations", sensations))
        urge, acted = take("urge"), take("acted_on")
        if urge is not None:
            text = arg(translate("render", "Urge: %1 of 5"), number(urge))
            if acted is True:
                text += translate("render", ", acted on")
            elif acted is False:
                text += translate("render", ", not acted on")
            lines.append("- " + text)
        elif acted is not None:
            lines.append(field_line("acted_on", acted))
        return lines

    def timeline(
        self, *, cue: str | None = None, after: tuple[datetime, int] | None = None, limit: int = 100
    ) -> list[ItemSummary]:
        """Triggers newest first, optionally of one cue category (keyset paging)."""
        where, args = ["i.kind = 'trigger'"], []
        if cue:
            where.append("i.id IN (SELECT item_id FROM trigger_event WHERE cue = ?)")
            args.append(cue)
        return timeline_page(self.db, where, args, after, limit)

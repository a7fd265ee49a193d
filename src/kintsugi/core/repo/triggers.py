"""Triggers: what hit, how hard (SUDS), what it stirred, and what I did."""

from __future__ import annotations

import json
from datetime import datetime

from kintsugi.core.errors import InvalidRecord
from kintsugi.core.records import CUE_CATEGORIES, Emotion, ItemSummary, Trigger
from kintsugi.core.repo.base import Column, Repository, check_range, excerpt_of, first_line
from kintsugi.core.repo.items import timeline_page

CUE_LABELS = {
    "reminder": "A reminder",
    "partner_behaviour": "Something my partner did",
    "place": "A place",
    "date_anniversary": "A date or anniversary",
    "media": "Something I saw or heard",
    "intrusive_memory": "An intrusive memory",
    "other": "Something else",
}


def _emotions_to_db(emotions: list[Emotion]) -> str:
    return json.dumps([{"name": e.name, "intensity": e.intensity} for e in emotions])


def _emotions_from_db(text: str) -> list[Emotion]:
    return [Emotion(**e) for e in json.loads(text)]


def _optional_bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


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

    def validate(self, rec: Trigger) -> None:
        if rec.cue not in CUE_CATEGORIES:
            raise InvalidRecord(f"Unknown cue category {rec.cue!r}.")
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

    def timeline(
        self, *, cue: str | None = None, after: tuple[datetime, int] | None = None, limit: int = 100
    ) -> list[ItemSummary]:
        """Triggers newest first, optionally of one cue category (keyset paging)."""
        where, args = ["i.kind = 'trigger'"], []
        if cue:
            where.append("i.id IN (SELECT item_id FROM trigger_event WHERE cue = ?)")
            args.append(cue)
        return timeline_page(self.db, where, args, after, limit)

"""Check-ins: safety, trust, connection, communication (0–10), gratitude, needs."""

from __future__ import annotations

from typing import Any

from kintsugi.core import validate
from kintsugi.core.fieldtext import csv_cell, csv_day_time, number
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, arg, marked, translate
from kintsugi.core.records import CheckIn
from kintsugi.core.repo.base import Column, Repository, Take, check_range, excerpt_of

DIMENSIONS = ("safety", "trust", "connection", "communication")
DIMENSION_LABELS = {
    "safety": QT_TRANSLATE_NOOP("render", "Safety"),
    "trust": QT_TRANSLATE_NOOP("render", "Trust"),
    "connection": QT_TRANSLATE_NOOP("render", "Connection"),
    "communication": QT_TRANSLATE_NOOP("render", "Communication"),
}


class CheckInRepository(Repository[CheckIn]):
    record_type = CheckIn
    table = "checkin"
    columns = tuple(Column(name) for name in (*DIMENSIONS, "gratitude", "needs", "notes"))
    name = QT_TRANSLATE_NOOP("render", "Check-in")
    csv_table = "checkins.csv"
    csv_columns = (
        "date",
        "time",
        "safety",
        "trust",
        "connection",
        "communication",
        "gratitude",
        "needs",
        "notes",
        "tags",
        "id",
    )
    labels = {
        "notes": QT_TRANSLATE_NOOP("render", "Notes"),
        "gratitude": QT_TRANSLATE_NOOP("render", "Grateful for"),
        "needs": QT_TRANSLATE_NOOP("render", "I need"),
    }
    import_fields = {
        **{name: validate.whole(0, 10) for name in DIMENSIONS},
        "gratitude": validate.text,
        "needs": validate.text,
        "notes": validate.text,
    }

    def validate(self, rec: CheckIn) -> None:
        for name in DIMENSIONS:
            check_range(name.capitalize(), getattr(rec, name), 0, 10)

    def describe(self, rec: CheckIn) -> tuple[str, str, str]:
        scores = " · ".join(
            f"{name} {getattr(rec, name)}" for name in DIMENSIONS if getattr(rec, name) is not None
        )
        return "Check-in", excerpt_of(scores), "\n".join([rec.gratitude, rec.needs, rec.notes])

    @classmethod
    def csv_row(cls, rec: CheckIn, trigger_uid: str) -> list[Any]:
        day, clock = csv_day_time(rec.occurred_at)
        return [
            day,
            clock,
            csv_cell(rec.safety),
            csv_cell(rec.trust),
            csv_cell(rec.connection),
            csv_cell(rec.communication),
            rec.gratitude,
            rec.needs,
            rec.notes,
            ", ".join(rec.tags),
            rec.uid,
        ]

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        for key in DIMENSIONS:
            value = take(key)
            if value is not None:
                text = translate("render", "%1: %2 of 10")
                lines.append(
                    "- " + arg(text, marked("render", DIMENSION_LABELS[key]), number(value))
                )
        return lines

"""Check-ins: safety, trust, connection, communication (0–10), gratitude, needs."""

from __future__ import annotations

from kintsugi.core import validate
from kintsugi.core.fieldtext import number
from kintsugi.core.records import CheckIn
from kintsugi.core.repo.base import Column, Repository, Take, check_range, excerpt_of

DIMENSIONS = ("safety", "trust", "connection", "communication")


class CheckInRepository(Repository[CheckIn]):
    record_type = CheckIn
    table = "checkin"
    columns = tuple(Column(name) for name in (*DIMENSIONS, "gratitude", "needs", "notes"))
    name = "Check-in"
    labels = {"notes": "Notes", "gratitude": "Grateful for", "needs": "I need"}
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
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        for key in DIMENSIONS:
            value = take(key)
            if value is not None:
                lines.append(f"- {key.capitalize()}: {number(value)}/10")
        return lines

"""Disclosures: "something I want to tell you" — what happened, when it happened, and when
it was told, so the time between the two can be seen (and, over time, shrink)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kintsugi.core import practices, validate
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.fieldtext import inline, when_text
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, arg, translate
from kintsugi.core.records import Disclosure
from kintsugi.core.repo.base import Column, Repository, Take, excerpt_of, first_line


def moment_to_db(moment: datetime | None) -> str | None:
    """A moment with the writer's own offset (ISO 8601), as it was given."""
    return None if moment is None else moment.isoformat()


def moment_from_db(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


class DisclosureRepository(Repository[Disclosure]):
    record_type = Disclosure
    table = "disclosure"
    columns = (
        Column("text"),
        Column("happened_at", moment_to_db, moment_from_db),
        Column("told_at", moment_to_db, moment_from_db),
    )
    name = QT_TRANSLATE_NOOP("render", "Something I want to tell you")
    short_name = QT_TRANSLATE_NOOP("render", "Disclosure")
    labels = {
        "happened_at": QT_TRANSLATE_NOOP("render", "When it happened"),
        "told_at": QT_TRANSLATE_NOOP("render", "When it was told"),
    }
    import_fields = {
        "text": validate.text,
        "happened_at": validate.optional_moment,
        "told_at": validate.optional_moment,
    }

    @classmethod
    def check_imported(cls, values: dict[str, Any]) -> None:
        if not values.get("text", "").strip():
            raise validate.Invalid(translate("Import", "a disclosure needs its words"))

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        return first_line(str(item.get("text") or ""))

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        text = take("text")
        if text:
            lines += [inline(str(text)), ""]
        happened, told = take("happened_at"), take("told_at")
        if happened:
            lines.append(
                "- " + arg(translate("render", "When it happened: %1"), when_text(happened))
            )
        if told:
            lines.append("- " + arg(translate("render", "When it was told: %1"), when_text(told)))
        rec = Disclosure(
            happened_at=_moment(happened),
            told_at=_moment(told),
        )
        lines.append("- " + practices.gap_words(rec))
        return lines

    def validate(self, rec: Disclosure) -> None:
        if not rec.text.strip():
            raise InvalidRecord(translate("records", "A disclosure needs its words."))
        for moment in (rec.happened_at, rec.told_at):
            if moment is not None and moment.tzinfo is None:
                raise InvalidRecord(translate("records", "A moment needs its time zone."))
        if rec.happened_at and rec.told_at and rec.told_at < rec.happened_at:
            raise InvalidRecord(
                translate("records", "It cannot have been told before it happened.")
            )

    def describe(self, rec: Disclosure) -> tuple[str, str, str]:
        return first_line(rec.text), excerpt_of(rec.text), rec.text

    def moments(self) -> list[Disclosure]:
        """Every live disclosure's two moments alone (no words), in one read: what the
        time to telling and its trend need (``practices.gaps_in_order``)."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT d.happened_at, d.told_at FROM disclosure d JOIN item i"
                " ON i.id = d.item_id WHERE i.deleted_at IS NULL AND d.told_at IS NOT NULL"
            ).fetchall()
        return [
            Disclosure(happened_at=moment_from_db(h), told_at=moment_from_db(t)) for h, t in rows
        ]


def _moment(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return validate.moment(value)
        except validate.Invalid:
            return None
    return None

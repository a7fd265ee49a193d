"""Rituals kept together — a date night, a walk, the weekly talk, one of their own — with
when, and how it felt. A light log: nothing counts them against anyone."""

from __future__ import annotations

from typing import Any

from kintsugi.core import validate
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.fieldtext import inline
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, arg, marked, translate
from kintsugi.core.records import RITUAL_KINDS, Ritual
from kintsugi.core.repo.base import Column, Repository, Take, excerpt_of, first_line

RITUAL_LABELS = {
    "date_night": QT_TRANSLATE_NOOP("render", "Date night"),
    "walk": QT_TRANSLATE_NOOP("render", "A walk together"),
    "weekly_talk": QT_TRANSLATE_NOOP("render", "Our weekly talk"),
    "meal": QT_TRANSLATE_NOOP("render", "A meal together"),
    "own": QT_TRANSLATE_NOOP("render", "A ritual of our own"),
}


def ritual_label(ritual: str) -> str:
    known = RITUAL_LABELS.get(ritual)
    return marked("render", known) if known else ritual


class RitualRepository(Repository[Ritual]):
    record_type = Ritual
    table = "ritual"
    columns = (Column("ritual"), Column("name"), Column("felt"))
    name = QT_TRANSLATE_NOOP("render", "Ritual")
    labels = {"felt": QT_TRANSLATE_NOOP("render", "How it felt")}
    import_fields = {
        "ritual": validate.choice(RITUAL_KINDS),
        "name": validate.line,
        "felt": validate.text,
    }

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        own = str(item.get("name") or "").strip()
        return own or ritual_label(str(item.get("ritual") or ""))

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        ritual, own = take("ritual"), take("name")
        if isinstance(own, str) and own.strip():  # the title is its own name: say what it is
            lines.append("- " + arg(translate("render", "Kind: %1"), ritual_label(str(ritual))))
            lines.append("- " + arg(translate("render", "Its name: %1"), inline(own)))
        felt = take("felt")
        if isinstance(felt, str) and felt.strip():
            lines.append("- " + arg(translate("render", "How it felt: %1"), inline(felt)))
        return lines

    def validate(self, rec: Ritual) -> None:
        if rec.ritual not in RITUAL_KINDS:
            raise InvalidRecord(arg(translate("records", "Unknown ritual %1."), repr(rec.ritual)))

    def describe(self, rec: Ritual) -> tuple[str, str, str]:
        title = first_line(rec.name) or RITUAL_LABELS[rec.ritual]
        return title, excerpt_of(rec.felt), f"{rec.name}\n{rec.felt}"

"""Safety plans: Stanley–Brown's six parts (and what matters to me), each a few lines.

One plan is the one a person keeps up to date (``current``: the newest live one); earlier
ones stay in the journal like any record. The lock screen's support card may carry the
plan's "things I can do on my own", and only those, if the person chooses so
(``config.SAFETY_PLAN_ON_CARD``; see ``repo/support.py``)."""

from __future__ import annotations

import json
from typing import Any

from kintsugi.core import validate
from kintsugi.core.fieldtext import value_text
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, marked, translate
from kintsugi.core.records import SAFETY_PLAN_PARTS, SafetyPlan
from kintsugi.core.repo.base import Column, Repository, Take, excerpt_of

#: Each part's name, as the plan, its print-out and every export show it.
PART_LABELS = {
    "warning_signs": QT_TRANSLATE_NOOP("render", "Warning signs that a hard time may be coming"),
    "coping_alone": QT_TRANSLATE_NOOP("render", "Things I can do on my own"),
    "distractions": QT_TRANSLATE_NOOP("render", "People and places that take my mind off it"),
    "helpers": QT_TRANSLATE_NOOP("render", "People I can ask for help"),
    "professionals": QT_TRANSLATE_NOOP("render", "Professionals and crisis lines"),
    "safer_environment": QT_TRANSLATE_NOOP("render", "Making things around me safer"),
    "reasons": QT_TRANSLATE_NOOP("render", "What matters to me"),
}
#: The stored title of every plan (rows show it translated: ui/widgets/summary_words.py).
TITLE = "Safety plan"


def _lines(value: list[str]) -> str:
    return json.dumps([str(v) for v in value], ensure_ascii=False)


def _from_lines(text: str) -> list[str]:
    data = json.loads(text or "[]")
    return [str(v) for v in data] if isinstance(data, list) else []


def clean_lines(lines: list[str]) -> list[str]:
    """A part's lines as kept: trimmed, the empty ones left out."""
    return [" ".join(line.split()) for line in lines if line.strip()]


class SafetyPlanRepository(Repository[SafetyPlan]):
    record_type = SafetyPlan
    table = "safety_plan"
    columns = tuple(Column(part, _lines, _from_lines) for part in SAFETY_PLAN_PARTS)
    name = QT_TRANSLATE_NOOP("render", "Safety plan")
    labels = PART_LABELS
    import_fields = {part: validate.short_texts for part in SAFETY_PLAN_PARTS}

    @classmethod
    def check_imported(cls, values: dict[str, Any]) -> None:
        if not any(values.get(part) for part in SAFETY_PLAN_PARTS):
            raise validate.Invalid(translate("Import", "a safety plan needs at least one line"))

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        return ""

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        for number, part in enumerate(SAFETY_PLAN_PARTS, 1):
            value = take(part)
            if not isinstance(value, list):
                value = [] if value in (None, "") else [value]
            lines.append(f"**{number}. {marked('render', PART_LABELS[part])}**")
            lines.append("")
            written = [value_text("", v) for v in value if v not in (None, "")]
            lines += [f"- {v}" for v in written] or ["- …"]
            lines.append("")
        return lines

    def validate(self, rec: SafetyPlan) -> None:
        for part in SAFETY_PLAN_PARTS:
            setattr(rec, part, clean_lines(getattr(rec, part)))

    def describe(self, rec: SafetyPlan) -> tuple[str, str, str]:
        first = next((getattr(rec, p)[0] for p in SAFETY_PLAN_PARTS if getattr(rec, p)), "")
        return TITLE, excerpt_of(first), rec.text

    def add(self, rec: SafetyPlan) -> SafetyPlan:
        saved = super().add(rec)
        self._follow_card()
        return saved

    def update(self, rec: SafetyPlan) -> SafetyPlan:
        saved = super().update(rec)
        self._follow_card()
        return saved

    def _follow_card(self) -> None:
        """A plan on the support card: the card follows each save of it."""
        from kintsugi.core.repo.support import SupportContacts

        contacts = SupportContacts(self.db)
        if contacts.plan_on_card() and contacts.before_unlock():
            contacts.sync_card()

    def current(self) -> SafetyPlan | None:
        """The plan a person keeps: the newest live one (None: none written yet)."""
        ids = self.all_ids()
        return self.get(ids[0]) if ids else None

"""Boundaries: an agreement, revisited on a date; earlier wordings are kept."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from kintsugi.core import validate
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.fieldtext import day_text, field_line, inline, value_text, when_text
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, arg, marked, translate
from kintsugi.core.records import (
    BOUNDARY_CATEGORIES,
    BOUNDARY_STATUSES,
    Boundary,
    BoundaryRevision,
    Record,
)
from kintsugi.core.repo.base import Column, Repository, Take, excerpt_of, first_line
from kintsugi.core.timeutil import date_from_db, date_to_db, from_db, now, utc_text

if TYPE_CHECKING:
    from kintsugi.core.share import ShareOptions


def _revision(value: Any) -> BoundaryRevision:
    found = validate.fields(
        {
            "text": validate.text,
            "status": validate.choice(BOUNDARY_STATUSES),
            "revisit_by": validate.optional_day,
            "changed_at": validate.moment,
        },
        value,
    )
    for need in ("text", "status", "changed_at"):
        if need not in found:
            raise validate.Invalid(arg(translate("Import", "has no %1"), need))
    return BoundaryRevision(
        found["text"], found["status"], found.get("revisit_by"), found["changed_at"]
    )


STATUS_WORDS = {
    "active": QT_TRANSLATE_NOOP("render", "active"),
    "revised": QT_TRANSLATE_NOOP("render", "revised"),
    "retired": QT_TRANSLATE_NOOP("render", "retired"),
}
#: What a boundary is about (its own label: a transparency agreement, say).
CATEGORY_WORDS = {
    "general": QT_TRANSLATE_NOOP("render", "boundary"),
    "transparency": QT_TRANSLATE_NOOP("render", "transparency agreement"),
    "technology": QT_TRANSLATE_NOOP("render", "phones and accounts"),
}


class BoundaryRepository(Repository[Boundary]):
    record_type = Boundary
    table = "boundary"
    columns = (
        Column("text"),
        Column("agreed_on", date_to_db, date_from_db),
        Column("revisit_by", date_to_db, date_from_db),
        Column("status"),
        Column("category"),
    )
    name = QT_TRANSLATE_NOOP("render", "Boundary")
    labels = {
        "agreed_on": QT_TRANSLATE_NOOP("render", "Agreed on"),
        "revisit_by": QT_TRANSLATE_NOOP("render", "Revisit by"),
        "status": QT_TRANSLATE_NOOP("render", "Status"),
        "category": QT_TRANSLATE_NOOP("render", "Kind of agreement"),
    }
    date_keys = frozenset({"agreed_on", "revisit_by"})
    import_fields = {
        "text": validate.text,
        "agreed_on": validate.optional_day,
        "revisit_by": validate.optional_day,
        "status": validate.choice(BOUNDARY_STATUSES),
        "history": validate.list_of(_revision),
        "category": validate.choice(BOUNDARY_CATEGORIES),
    }

    @classmethod
    def check_imported(cls, values: dict[str, Any]) -> None:
        if not values.get("text", "").strip():
            raise validate.Invalid(translate("Import", "a boundary needs its text"))

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        text = str(item.get("text") or "")
        return text.splitlines()[0] if text.strip() else ""

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        text = take("text")
        if text:
            lines += [inline(str(text)), ""]
        status, revisit = take("status"), take("revisit_by")
        known = STATUS_WORDS.get(str(status))
        word = marked("render", known) if known else str(status)
        line = "*" + arg(translate("render", "Status: %1"), word) + "*"
        if revisit:
            line += " · *" + arg(translate("render", "revisit by %1"), day_text(revisit)) + "*"
        lines.append(line)
        lines.append("")
        category = take("category")
        if category and category != "general":
            known_kind = CATEGORY_WORDS.get(str(category))
            kind_word = marked("render", known_kind) if known_kind else str(category)
            lines.append("- " + arg(translate("render", "Kind of agreement: %1"), kind_word))
        agreed = take("agreed_on")
        if agreed:
            lines.append(field_line("agreed_on", agreed))
        history = take("history")
        if isinstance(history, list) and history:
            lines.append("- " + translate("render", "Earlier wordings:"))
            for h in history:
                if isinstance(h, dict):
                    h = dict(h)
                    changed = h.pop("changed_at", None)
                    text = h.pop("text", "")
                    if h.get("status") in STATUS_WORDS:
                        h["status"] = marked("render", STATUS_WORDS[h["status"]])
                    extra = value_text("", {k: v for k, v in h.items()})
                    until = translate("render", "until %1: “%2”")
                    line = arg(until, when_text(changed), value_text("", text))
                    lines.append("  - " + line + (f" ({extra})" if extra else ""))
                else:
                    lines.append(f"  - {value_text('', h)}")
        return lines

    @classmethod
    def leaving(
        cls, data: dict[str, Any], rec: Boundary, options: ShareOptions, answered: Record | None
    ) -> None:
        if not options.earlier_wordings:
            data.pop("history", None)

    def validate(self, rec: Boundary) -> None:
        if not rec.text.strip():
            raise InvalidRecord(translate("records", "A boundary needs its wording."))
        if rec.status not in BOUNDARY_STATUSES:
            raise InvalidRecord(arg(translate("records", "Unknown status %1."), repr(rec.status)))
        if rec.category not in BOUNDARY_CATEGORIES:
            raise InvalidRecord(
                arg(translate("records", "Unknown kind of agreement %1."), repr(rec.category))
            )

    def describe(self, rec: Boundary) -> tuple[str, str, str]:
        due = f"revisit by {rec.revisit_by.isoformat()}" if rec.revisit_by else ""
        about = "" if rec.category == "general" else rec.category
        summary = f"{about} {rec.status} {due}".strip()
        return first_line(rec.text), excerpt_of(summary), f"{rec.text}\n{about}".strip()

    def save_children(self, conn: Any, rec: Boundary, item_id: int, old: Boundary | None) -> None:
        """Keep the previous wording whenever text, status or revisit date change."""
        if old is None:  # a new boundary (or one being imported with its history)
            conn.executemany(
                "INSERT INTO boundary_revision (boundary_id, text, status, revisit_by, changed_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (item_id, h.text, h.status, date_to_db(h.revisit_by), utc_text(h.changed_at))
                    for h in rec.history
                ],
            )
            return
        unwritten = not old.text.strip()  # a new boundary's first words are not a rewording
        if not unwritten and (old.text, old.status, old.revisit_by) != (
            rec.text,
            rec.status,
            rec.revisit_by,
        ):
            conn.execute(
                "INSERT INTO boundary_revision (boundary_id, text, status, revisit_by, changed_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (item_id, old.text, old.status, date_to_db(old.revisit_by), utc_text(now())),
            )

    def load_children(self, conn: Any, rec: Boundary) -> None:
        rec.history = [
            BoundaryRevision(text, status, date_from_db(revisit), from_db(changed))
            for text, status, revisit, changed in conn.execute(
                "SELECT text, status, revisit_by, changed_at FROM boundary_revision"
                " WHERE boundary_id = ? ORDER BY id",
                (rec.id,),
            )
        ]

    def listing(
        self, *, due_first_on: date | None = None, category: str | None = None
    ) -> list[tuple[int, bool]]:
        """Every live boundary (of one ``category``, if given) as (id, due for revisit),
        due ones first, then newest."""
        today = (due_first_on or date.today()).isoformat()
        where, args = ("AND b.category = ?", (today, category)) if category else ("", (today,))
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT b.item_id, b.status = 'active' AND b.revisit_by IS NOT NULL"
                " AND b.revisit_by <= ? AS due FROM boundary b JOIN item i ON i.id = b.item_id"
                f" WHERE i.deleted_at IS NULL {where}"
                " ORDER BY due DESC, b.revisit_by, i.occurred_at DESC",
                args,
            ).fetchall()
        return [(item_id, bool(due)) for item_id, due in rows]

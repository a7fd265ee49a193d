"""Therapy sessions, and the agenda for the next one.

Any item can be marked "for my next session" (like the share mark: ``NextSession``); the
marked items are the agenda. Starting a session's notes takes the agenda into the session
(its ``agenda``: each item's name and title, and any point of the person's own) and clears
the marks. After the session: notes, and the homework given (each can become a goal)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from kintsugi.core import validate
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.fieldtext import inline, value_text
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, translate
from kintsugi.core.records import Homework, ItemSummary, TherapySession
from kintsugi.core.repo.base import Column, Repository, Take, excerpt_of
from kintsugi.core.repo.items import summary_from_row
from kintsugi.core.timeutil import now, utc_text

#: The stored title of every session (rows show it translated).
TITLE = "Therapy session"


def _homework(value: Any) -> Homework:
    found = validate.fields({"text": validate.text, "done": validate.flag()}, value)
    if not str(found.get("text", "")).strip():
        raise validate.Invalid(translate("Import", "needs its text"))
    return Homework(found["text"], bool(found.get("done")))


def _homework_to_db(items: list[Homework]) -> str:
    return json.dumps([{"text": h.text, "done": h.done} for h in items], ensure_ascii=False)


def _homework_from_db(text: str) -> list[Homework]:
    return [Homework(str(h.get("text", "")), bool(h.get("done"))) for h in json.loads(text or "[]")]


def _lines_from_db(text: str) -> list[str]:
    return [str(v) for v in json.loads(text or "[]")]


class TherapySessionRepository(Repository[TherapySession]):
    record_type = TherapySession
    table = "therapy_session"
    columns = (
        Column("agenda", lambda v: json.dumps(v, ensure_ascii=False), _lines_from_db),
        Column("notes"),
        Column("homework", _homework_to_db, _homework_from_db),
    )
    name = QT_TRANSLATE_NOOP("render", "Therapy session")
    labels = {
        "agenda": QT_TRANSLATE_NOOP("render", "What I brought"),
        "homework": QT_TRANSLATE_NOOP("render", "Homework"),
    }
    import_fields = {
        "agenda": validate.short_texts,
        "notes": validate.text,
        "homework": validate.list_of(_homework),
    }

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        return ""

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        agenda, notes, homework = take("agenda"), take("notes"), take("homework")
        if isinstance(agenda, list) and agenda:
            lines.append("- " + translate("render", "What I brought:"))
            lines += [f"  - {value_text('', a)}" for a in agenda]
        if notes:
            heading = translate("render", "Notes after the session")
            lines += ["", "**" + heading + "**", ""]
            lines += [inline(str(notes)), ""]
        if isinstance(homework, list) and homework:
            lines.append("- " + translate("render", "Homework:"))
            for h in homework:
                if isinstance(h, dict):
                    h = dict(h)
                    box = "[x]" if h.pop("done", False) else "[ ]"
                    text = value_text("", h.pop("text", ""))
                    rest = value_text("", h)
                    lines.append(f"  - {box} {text}" + (f" ({rest})" if rest else ""))
                else:
                    lines.append(f"  - {value_text('', h)}")
        return lines

    def validate(self, rec: TherapySession) -> None:
        rec.agenda = [" ".join(a.split()) for a in rec.agenda if a.strip()]
        rec.homework = [h for h in rec.homework if h.text.strip()]
        for h in rec.homework:
            if not isinstance(h, Homework):
                raise InvalidRecord(translate("records", "Homework must be a list of tasks."))

    def describe(self, rec: TherapySession) -> tuple[str, str, str]:
        first = rec.notes or (rec.agenda[0] if rec.agenda else "")
        return TITLE, excerpt_of(first), rec.text


class NextSession:
    """The agenda: items marked "for my next session". Kept on this computer: a mark is no
    change of the item, so it is not synced (docs/sync-format.md); the session that takes
    the agenda in is."""

    def __init__(self, db: Any):
        self.db = db

    def set_marked(self, item_id: int, marked: bool) -> None:
        with self.db.transaction() as conn:
            if marked:
                conn.execute(
                    "INSERT OR IGNORE INTO next_session (item_id, marked_at) VALUES (?, ?)",
                    (item_id, utc_text(now())),
                )
            else:
                conn.execute("DELETE FROM next_session WHERE item_id = ?", (item_id,))

    def is_marked(self, item_id: int) -> bool:
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT 1 FROM next_session WHERE item_id = ?", (item_id,)
            ).fetchone()
        return row is not None

    def agenda(self) -> list[ItemSummary]:
        """The marked live items, in the order they were marked."""
        with self.db.read() as conn:
            rows = conn.execute(
                "SELECT i.id, i.kind, i.occurred_at, i.occurred_tz, i.title, i.excerpt,"
                " i.shared, '', NULL, i.deleted_at FROM next_session n"
                " JOIN item i ON i.id = n.item_id"
                " WHERE i.deleted_at IS NULL ORDER BY n.marked_at, n.item_id"
            ).fetchall()
        return [summary_from_row(r) for r in rows]

    def take_into(self, session: TherapySession, point: Callable[[ItemSummary], str]) -> list[int]:
        """Put the agenda into ``session.agenda`` (each item as ``point`` words it, after any
        points it has) and return the items taken; the caller clears them once it is saved."""
        taken = self.agenda()
        for s in taken:
            words = point(s)
            if words not in session.agenda:
                session.agenda.append(words)
        return [s.id for s in taken]

    def clear(self, item_ids: list[int]) -> None:
        with self.db.transaction() as conn:
            conn.executemany("DELETE FROM next_session WHERE item_id = ?", [(i,) for i in item_ids])

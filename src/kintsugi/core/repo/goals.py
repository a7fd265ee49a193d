"""Goals: a measurable target, a due date, and progress entries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kintsugi.core import validate
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.fieldtext import day_text, empty, field_line, number, value_text
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, arg, translate
from kintsugi.core.records import Goal, GoalMilestone, GoalProgress, Record
from kintsugi.core.repo.base import Column, Repository, Take, excerpt_of, first_line
from kintsugi.core.timeutil import date_from_db, date_to_db

if TYPE_CHECKING:
    from kintsugi.core.share import ShareOptions


def _progress(value: Any) -> GoalProgress:
    found = validate.fields(
        {
            "day": validate.day,
            "amount": validate.number(-validate.MAX_NUMBER, validate.MAX_NUMBER),
            "note": validate.text,
        },
        value,
    )
    if "day" not in found or "amount" not in found:
        raise validate.Invalid(translate("Import", "needs a day and an amount"))
    return GoalProgress(found["day"], found["amount"], found.get("note", ""))


def _milestone(value: Any) -> GoalMilestone:
    found = validate.fields(
        {"text": validate.text, "reached_on": validate.optional_day, "celebrated": validate.flag()},
        value,
    )
    if "text" not in found:
        raise validate.Invalid(translate("Import", "a step needs its text"))
    return GoalMilestone(found["text"], found.get("reached_on"), bool(found.get("celebrated")))


class GoalRepository(Repository[Goal]):
    record_type = Goal
    table = "goal"
    #: Live goals: open ones first (by due date), then the finished.
    live_order = "d.done, d.due IS NULL, d.due, i.occurred_at DESC"
    columns = (
        Column("text"),
        Column("target_amount"),
        Column("target_unit"),
        Column("due", date_to_db, date_from_db),
        Column("done", int, bool),
        Column("celebrated", int, bool),
        Column("together", int, bool),
    )
    name = QT_TRANSLATE_NOOP("render", "Goal")
    labels = {
        "due": QT_TRANSLATE_NOOP("render", "Due"),
        "done": QT_TRANSLATE_NOOP("render", "Marked done"),
        "together": QT_TRANSLATE_NOOP("render", "Kept together"),
        "milestones": QT_TRANSLATE_NOOP("render", "Steps"),
    }
    date_keys = frozenset({"due", "day", "reached_on"})
    import_fields = {
        "text": validate.text,
        "target_amount": validate.number(0, validate.MAX_NUMBER, optional=True, above=True),
        "target_unit": validate.line,
        "due": validate.optional_day,
        "progress": validate.list_of(_progress),
        "done": validate.flag(),
        "celebrated": validate.flag(),
        "together": validate.flag(),
        "milestones": validate.list_of(_milestone),
    }

    @classmethod
    def check_imported(cls, values: dict[str, Any]) -> None:
        if not values.get("text", "").strip():
            raise validate.Invalid(translate("Import", "a goal needs its text"))

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        return str(item.get("text") or "")

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []
        take("text")
        target, unit = take("target_amount"), take("target_unit")
        progress = take("progress")
        done = take("done")
        achieved = sum(
            float(p.get("amount") or 0)
            for p in progress or []
            if isinstance(p, dict) and isinstance(p.get("amount"), int | float)
        )
        if target:
            text = translate("render", "Progress: %1 of %2 %3")
            lines.append(
                "- " + arg(text, number(achieved), number(target), value_text("", unit)).rstrip()
            )
        elif not empty(unit):
            lines.append(field_line("target_unit", unit))
        due = take("due")
        if due:
            lines.append(field_line("due", due))
        if take("together"):
            lines.append("- " + translate("render", "A goal we keep together"))
        milestones = take("milestones")
        if isinstance(milestones, list) and milestones:
            lines.append("- " + translate("render", "Steps:"))
            for m in milestones:
                if isinstance(m, dict):
                    m = dict(m)
                    text, reached_on = m.pop("text", ""), m.pop("reached_on", None)
                    step = value_text("", text)
                    if reached_on:
                        line = arg(
                            translate("render", "✓ %1 (reached %2)"), step, day_text(reached_on)
                        )
                    else:
                        line = arg(translate("render", "○ %1 (not yet)"), step)
                    rest_of = value_text("", m)
                    lines.append("  - " + line + (f" ({rest_of})" if rest_of else ""))
                else:
                    lines.append(f"  - {value_text('', m)}")
        reached = bool(done) or (bool(target) and achieved >= float(target))
        done_text = translate("render", "Done") if reached else translate("render", "In progress")
        lines.append("- " + done_text)
        if isinstance(progress, list) and progress:
            lines.append("- " + translate("render", "Progress entries:"))
            for p in progress:
                if isinstance(p, dict):
                    p = dict(p)
                    day, amount, note = p.pop("day", None), p.pop("amount", None), p.pop("note", "")
                    text = f"  - {day_text(day)}: {number(amount) if amount is not None else ''}"
                    if note:
                        text += f" — {value_text('', note)}"
                    rest_of = value_text("", p)
                    lines.append(text + (f" ({rest_of})" if rest_of else ""))
                else:
                    lines.append(f"  - {value_text('', p)}")
        return lines

    @classmethod
    def leaving(
        cls, data: dict[str, Any], rec: Goal, options: ShareOptions, answered: Record | None
    ) -> None:
        """A step leaves with its words and when it was reached; that the app noticed it
        (like the goal's own ``celebrated``) is the app's note, not the person's."""
        for m in data.get("milestones") or []:
            if isinstance(m, dict):
                m.pop("celebrated", None)

    def validate(self, rec: Goal) -> None:
        if not rec.text.strip():
            raise InvalidRecord(translate("records", "A goal needs a description."))
        if rec.target_amount is not None and rec.target_amount <= 0:
            raise InvalidRecord(translate("records", "A target must be more than zero."))

    def describe(self, rec: Goal) -> tuple[str, str, str]:
        done = sum(p.amount for p in rec.progress)
        target = f"{done:g} of {rec.target_amount:g} {rec.target_unit}" if rec.target_amount else ""
        notes = "\n".join(p.note for p in rec.progress if p.note)
        steps = "\n".join(m.text for m in rec.milestones)
        return first_line(rec.text), excerpt_of(target.strip()), f"{rec.text}\n{notes}\n{steps}"

    def save_children(self, conn: Any, rec: Goal, item_id: int, old: Goal | None) -> None:
        conn.execute("DELETE FROM goal_progress WHERE goal_id = ?", (item_id,))
        conn.executemany(
            "INSERT INTO goal_progress (goal_id, day, amount, note) VALUES (?, ?, ?, ?)",
            [(item_id, date_to_db(p.day), p.amount, p.note) for p in rec.progress],
        )

        conn.execute("DELETE FROM goal_milestone WHERE goal_id = ?", (item_id,))
        conn.executemany(
            "INSERT INTO goal_milestone (goal_id, position, text, reached_on, celebrated)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (item_id, n, m.text, date_to_db(m.reached_on), int(m.celebrated))
                for n, m in enumerate(rec.milestones)
            ],
        )

    def load_children(self, conn: Any, rec: Goal) -> None:
        rec.progress = [
            GoalProgress(date_from_db(day), amount, note)
            for day, amount, note in conn.execute(
                "SELECT day, amount, note FROM goal_progress WHERE goal_id = ? ORDER BY day, id",
                (rec.id,),
            )
        ]
        rec.milestones = [
            GoalMilestone(text, date_from_db(reached_on), bool(celebrated))
            for text, reached_on, celebrated in conn.execute(
                "SELECT text, reached_on, celebrated FROM goal_milestone WHERE goal_id = ?"
                " ORDER BY position, id",
                (rec.id,),
            )
        ]

    def mark_celebrated(self, goal_id: int) -> None:
        with self.db.transaction() as conn:
            conn.execute("UPDATE goal SET celebrated = 1 WHERE item_id = ?", (goal_id,))

"""The weekly conversation ("State of the Union", after Gottman's weekly meeting):
appreciations, what went well this week, one issue (my view, what I heard, what I need),
agreements, and what each will do. It may start from items of the week the person picked:
each is kept with the words quoted from it (``brought``), and leaves with them, in sight."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from kintsugi.core import validate
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.fieldtext import day_text, demote_headings, label, number
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, arg, marked, translate
from kintsugi.core.records import BroughtItem, ItemSummary, Record, WeeklyTalk
from kintsugi.core.repo.base import Column, Repository, Take, excerpt_of, first_line
from kintsugi.core.repo.items import SUMMARY_SQL, summary_from_row
from kintsugi.core.timeutil import utc_text

if TYPE_CHECKING:
    from kintsugi.core.share import ShareOptions

#: The conversation's parts, in the order it is held.
PARTS = (
    "appreciations",
    "went_well",
    "issue",
    "my_view",
    "heard",
    "need",
    "agreements",
    "my_part",
    "partner_part",
)
#: The kinds a conversation may start from (the week's check-ins, hard moments, goals,
#: rituals).
STARTS_FROM = ("checkin", "trigger", "goal", "ritual")


def _brought(value: Any) -> BroughtItem:
    found = validate.fields(
        {
            "uid": validate.line,
            "kind": validate.line,
            "occurred_at": validate.moment,
            "quote": validate.text,
        },
        value,
    )
    for need in ("kind", "occurred_at"):
        if need not in found:
            raise validate.Invalid(arg(translate("Import", "has no %1"), need))
    return BroughtItem(
        found.get("uid", ""), found["kind"], found["occurred_at"], found.get("quote", "")
    )


def _brought_to_db(items: list[BroughtItem]) -> str:
    return json.dumps(
        [
            {
                "uid": b.uid,
                "kind": b.kind,
                "occurred_at": b.occurred_at.isoformat(),
                "quote": b.quote,
            }
            for b in items
        ]
    )


def _brought_from_db(text: str) -> list[BroughtItem]:
    return [
        BroughtItem(d["uid"], d["kind"], datetime.fromisoformat(d["occurred_at"]), d["quote"])
        for d in json.loads(text or "[]")
    ]


class WeeklyTalkRepository(Repository[WeeklyTalk]):
    record_type = WeeklyTalk
    table = "weekly_talk"
    columns = (
        *(Column(name) for name in PARTS),
        Column("brought", _brought_to_db, _brought_from_db),
    )
    name = QT_TRANSLATE_NOOP("render", "Weekly conversation")
    labels = {
        "appreciations": QT_TRANSLATE_NOOP("render", "Appreciations"),
        "went_well": QT_TRANSLATE_NOOP("render", "What went well this week"),
        "issue": QT_TRANSLATE_NOOP("render", "One issue"),
        "my_view": QT_TRANSLATE_NOOP("render", "My view"),
        "heard": QT_TRANSLATE_NOOP("render", "What I heard"),
        "need": QT_TRANSLATE_NOOP("render", "What I need"),
        "agreements": QT_TRANSLATE_NOOP("render", "Agreements"),
        "my_part": QT_TRANSLATE_NOOP("render", "What I will do"),
        "partner_part": QT_TRANSLATE_NOOP("render", "What my partner said they will do"),
        "brought": QT_TRANSLATE_NOOP("render", "From this week"),
    }
    import_fields = {
        **{name: validate.text for name in PARTS},
        "brought": validate.list_of(_brought),
    }

    @classmethod
    def check_imported(cls, values: dict[str, Any]) -> None:
        if not any(str(values.get(name, "")).strip() for name in PARTS):
            raise validate.Invalid(translate("Import", "a weekly conversation needs some words"))

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        return first_line(str(item.get("issue") or ""))

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        lines: list[str] = []

        def part(key: str, level: int = 3) -> None:
            value = take(key)
            if isinstance(value, str) and value.strip():
                lines.extend([f"{'#' * level} {label(key)}", "", demote_headings(value, level)])
                lines.append("")

        brought = take("brought")
        if isinstance(brought, list) and brought:
            lines.append("*" + translate("render", "Started from items of this week:") + "*")
            lines.append("")
            for b in brought:
                lines.append("- " + brought_line(b))
            lines.append("")
        for key in ("appreciations", "went_well"):
            part(key)
        issue = take("issue")
        if isinstance(issue, str) and issue.strip():
            lines += [f"### {label('issue')}: {issue.strip()}", ""]
        for key in ("my_view", "heard", "need"):
            part(key, 4 if issue else 3)
        for key in ("agreements", "my_part", "partner_part"):
            part(key)
        return lines

    @classmethod
    def leaving(
        cls, data: dict[str, Any], rec: WeeklyTalk, options: ShareOptions, answered: Record | None
    ) -> None:
        """The picked items leave as what was quoted from them, when and of what kind (their
        ids are this vault's own)."""
        for b in data.get("brought") or []:
            if isinstance(b, dict):
                b.pop("uid", None)

    def validate(self, rec: WeeklyTalk) -> None:
        for b in rec.brought:
            if not isinstance(b, BroughtItem):
                raise InvalidRecord(
                    translate("records", "An item brought to a weekly conversation is not one.")
                )

    def describe(self, rec: WeeklyTalk) -> tuple[str, str, str]:
        first = next((getattr(rec, p) for p in PARTS if getattr(rec, p).strip()), "")
        title = first_line(rec.issue) or first_line(first)
        excerpt = excerpt_of(rec.went_well or rec.appreciations or rec.agreements)
        text = "\n".join([*(getattr(rec, p) for p in PARTS), *(b.quote for b in rec.brought)])
        return title, excerpt, text

    # --- the week's items it may start from ---------------------------------------
    def week_items(self, since: datetime, until: datetime) -> list[ItemSummary]:
        """The live check-ins, hard moments and rituals of ``[since, until)``, and the goals
        with progress or a step reached then, newest first."""
        marks = ", ".join("?" for _ in STARTS_FROM)
        lo, hi = utc_text(since), utc_text(until)
        lo_day, hi_day = since.date().isoformat(), until.date().isoformat()
        sql = (
            f"{SUMMARY_SQL} WHERE i.deleted_at IS NULL AND i.kind IN ({marks}) AND ("
            " (i.kind <> 'goal' AND i.occurred_at >= ? AND i.occurred_at < ?)"
            " OR (i.kind = 'goal' AND (EXISTS (SELECT 1 FROM goal_progress p"
            "   WHERE p.goal_id = i.id AND p.day >= ? AND p.day < ?)"
            "  OR EXISTS (SELECT 1 FROM goal_milestone m WHERE m.goal_id = i.id"
            "   AND m.reached_on >= ? AND m.reached_on < ?)"
            "  OR (i.updated_at >= ? AND i.updated_at < ?))))"
            " ORDER BY i.occurred_at DESC, i.id DESC LIMIT 200"
        )
        args = (*STARTS_FROM, lo, hi, lo_day, hi_day, lo_day, hi_day, lo, hi)
        with self.db.read() as conn:
            return [summary_from_row(r) for r in conn.execute(sql, args)]


def brought_line(b: Any) -> str:
    """One picked item as it reads in the conversation: its kind, its day, what was quoted."""
    from kintsugi.core.repo import REPOSITORIES

    if not isinstance(b, dict):
        return str(b)
    repo = REPOSITORIES.get(str(b.get("kind", "")))
    kind = marked("render", repo.name) if repo else str(b.get("kind", ""))
    quote = " ".join(str(b.get("quote") or "").split())
    when = day_text(b.get("occurred_at")) if b.get("occurred_at") else ""
    head = f"{kind}, {when}" if when else kind
    return arg(translate("render", "%1: “%2”"), head, quote) if quote else head


# --- what a picked item gives the conversation ---------------------------------------
def quotes_from(rec: Record, since: date) -> list[tuple[str, str]]:
    """The words a picked item brings, and the part of the conversation they go to:
    (part, words), at least one. A check-in's gratitude opens the appreciations and its
    needs go to what I need; a hard moment is my view of the issue; a goal's progress and a
    ritual go to what went well. Never a private note."""
    from kintsugi.core.records import CheckIn, Goal, Ritual, Trigger
    from kintsugi.core.repo.checkins import DIMENSION_LABELS, DIMENSIONS
    from kintsugi.core.repo.rituals import ritual_label
    from kintsugi.core.repo.triggers import CUE_LABELS

    out: list[tuple[str, str]] = []
    if isinstance(rec, CheckIn):
        if rec.gratitude.strip():
            out.append(("appreciations", rec.gratitude.strip()))
        if rec.needs.strip():
            out.append(("need", rec.needs.strip()))
        if not out and rec.notes.strip():
            out.append(("went_well", rec.notes.strip()))
        if not out:
            scores = [
                arg(
                    translate("render", "%1: %2 of 10"),
                    marked("render", DIMENSION_LABELS[d]),
                    str(getattr(rec, d)),
                )
                for d in DIMENSIONS
                if getattr(rec, d) is not None
            ]
            out.append(("went_well", ", ".join(scores)))
    elif isinstance(rec, Trigger):
        words = first_line(rec.situation, 400) or first_line(rec.hot_thought, 400)
        out.append(("my_view", words or marked("cue", CUE_LABELS.get(rec.cue, rec.cue))))
    elif isinstance(rec, Goal):
        amount = sum(p.amount for p in rec.progress if p.day >= since)
        steps = [m.text for m in rec.milestones if m.reached_on and m.reached_on >= since]
        words = first_line(rec.text, 400)
        if rec.target_amount and amount:
            progress = arg(
                translate("render", "%1 more this week (%2 of %3 %4)"),
                number(amount),
                number(rec.achieved),
                number(rec.target_amount),
                rec.target_unit,
            )
            words += " — " + progress.replace(" )", ")")
        for step in steps:
            words += " — " + arg(translate("render", "a step reached: %1"), step)
        out.append(("went_well", words))
    elif isinstance(rec, Ritual):
        words = first_line(rec.name, 400) or ritual_label(rec.ritual)
        if rec.felt.strip():
            words += " — " + first_line(rec.felt, 400)
        out.append(("went_well", words))
    else:
        raise InvalidRecord(
            translate(
                "records",
                "A weekly conversation starts from check-ins, moments, goals and rituals.",
            )
        )
    return out


def bring(rec: Record, since: date) -> tuple[BroughtItem, list[tuple[str, str]]]:
    """A picked item as it is kept with the conversation, and the quoted lines it adds to
    its parts: (part, "> Check-in, 24 Nov 2026: “…”")."""
    quotes = quotes_from(rec, since)
    item = BroughtItem(rec.uid, rec.KIND, rec.occurred_at, "; ".join(w for _, w in quotes))
    lines = [
        (
            part,
            "> " + brought_line({"kind": rec.KIND, "occurred_at": rec.occurred_at, "quote": words}),
        )
        for part, words in quotes
    ]
    return item, lines

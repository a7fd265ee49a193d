"""Share payload items as calm, readable Markdown: the one renderer behind the Share preview,
a bundle's ``shared.md``, Markdown exports, the PDF report and From partner.

It renders the item *dicts* that leave (see :func:`kintsugi.core.share.build_payload`), not
the records, and it renders every key it is given: the kind's known fields in a readable
order, then anything else under a label made from its name. So a field that leaves is always
in the preview, including fields added later.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from kintsugi.core.exercises import suds_word
from kintsugi.core.records import Record
from kintsugi.core.repo.grounding import TECHNIQUE_LABELS
from kintsugi.core.repo.triggers import CUE_LABELS

MOODS = {
    -3: "very low",
    -2: "low",
    -1: "a bit low",
    0: "okay",
    1: "a bit better",
    2: "good",
    3: "very good",
}
KIND_NAMES = {
    "entry": "Journal",
    "trigger": "A hard moment",
    "grounding": "Grounding",
    "checkin": "Check-in",
    "boundary": "Boundary",
    "goal": "Goal",
}
# Labels for keys wherever they appear (fields and exercise answers); others get one made
# from their name.
LABELS = {
    "situation": "Situation",
    "emotions": "Emotions",
    "hot_thought": "Hot thought",
    "belief": "Believed",
    "body_sensations": "In my body",
    "urge": "Urge (0–5)",
    "acted_on": "Acted on the urge",
    "action": "What I did",
    "suds_peak": "Distress at its worst (0–10)",
    "suds_before": "Distress before (0–10)",
    "suds_after": "Distress afterwards (0–10)",
    "notes": "Notes",
    "gratitude": "Grateful for",
    "needs": "I need",
    "agreed_on": "Agreed on",
    "revisit_by": "Revisit by",
    "status": "Status",
    "due": "Due",
    "done": "Marked done",
    "pattern": "Pattern",
    "length_min": "Length (minutes)",
    "cycles": "Breaths completed",
    "steps_done": "Steps done",
    "of": "Steps in all",
    "name": "Technique",
    "thoughts": "Thoughts",
    "evidence_for": "Evidence for",
    "evidence_against": "Evidence against",
    "balanced_thought": "Balanced thought",
    "emotions_after": "Emotions afterwards",
    "sense": "Sense",
    "items": "Noticed",
}
DATE_KEYS = {"agreed_on", "revisit_by", "due", "day"}
TIME_KEYS = {"occurred_at", "updated_at", "changed_at", "created_at"}
PERCENT_KEYS = {"belief"}
# Shown in an item's heading and footer, not as lines of its body.
FRAME_KEYS = ("kind", "uid", "occurred_at", "updated_at", "tags")


def label(key: str) -> str:
    return LABELS.get(key) or key.replace("_", " ").strip().capitalize() or key


def when_text(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        return f"{value:%A %d %B %Y, %H:%M}"
    return str(value)


def day_text(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, date):
        return f"{value:%d %b %Y}"
    return str(value)


def _number(value: float | int) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _is_emotions(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, dict) and set(v) == {"name", "intensity"} for v in value)
    )


def value_text(key: str, value: Any) -> str:
    """One value on one line (lists joined), as every view shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key in DATE_KEYS:
        return day_text(value)
    if key in TIME_KEYS:
        return when_text(value)
    if isinstance(value, int | float):
        return _number(value) + ("%" if key in PERCENT_KEYS else "")
    if _is_emotions(value):
        return ", ".join(f"{e['name']} {_number(e['intensity'])}%" for e in value)
    if isinstance(value, list):
        return ", ".join(value_text(key, v) for v in value if v not in (None, "", [], {}))
    if isinstance(value, dict):
        return "; ".join(
            f"{label(k)}: {value_text(k, v)}" for k, v in value.items() if v not in (None, "")
        )
    return _inline(str(value))


def _inline(text: str) -> str:
    """Keep a person's line breaks inside one Markdown list item."""
    return "  \n  ".join(line.rstrip() for line in text.strip().splitlines())


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _field_line(key: str, value: Any) -> str:
    return f"- {label(key)}: {value_text(key, value)}"


def _step_lines(step: Any) -> list[str]:
    """One exercise step's answers, every key of it."""
    if not isinstance(step, dict):
        return [f"  - {value_text('', step)}"]
    if set(step) == {"sense", "items"}:
        return [f"  - {label(str(step['sense']))}: {value_text('items', step['items'])}"]
    return [f"  - {label(k)}: {value_text(k, v)}" for k, v in step.items() if not _empty(v)] or [
        "  - (nothing written)"
    ]


def demote_headings(markdown: str, levels: int = 2) -> str:
    """A person's own ``#`` headings, nested below the item's heading (``##``)."""
    out: list[str] = []
    fence = None
    for line in markdown.splitlines():
        stripped = line.lstrip()
        marker = re.match(r"(`{3,}|~{3,})", stripped)
        if marker:
            if fence is None:
                fence = marker.group(1)[0]
            elif stripped.startswith(fence * 3):
                fence = None
            out.append(line)
            continue
        if fence is None and len(line) - len(stripped) < 4:
            m = re.match(r"(#{1,6})(\s|$)", stripped)
            if m:
                depth = min(6, len(m.group(1)) + levels)
                out.append("#" * depth + stripped[len(m.group(1)) :])
                continue
            if re.fullmatch(r"=+\s*|-+\s*", stripped) and out and out[-1].strip():
                prev = out[-1].strip()
                if not re.match(r"([-*+]|\d+[.)])\s|#|>", prev):
                    depth = min(6, (1 if stripped[0] == "=" else 2) + levels)
                    out[-1] = "#" * depth + " " + prev
                    continue
        out.append(line)
    return "\n".join(out)


def item_title(item: dict[str, Any]) -> str:
    kind = item.get("kind", "")
    if kind == "entry":
        return str(item.get("title") or "")
    if kind == "trigger":
        return CUE_LABELS.get(item.get("cue", ""), str(item.get("cue") or ""))
    if kind == "grounding":
        label_ = TECHNIQUE_LABELS.get(item.get("technique", ""), str(item.get("technique") or ""))
        name = item.get("technique_name")
        return f"{label_}: {name}" if isinstance(name, str) and name else label_
    if kind == "boundary":
        text = str(item.get("text") or "")
        return text.splitlines()[0] if text.strip() else ""
    if kind == "goal":
        return str(item.get("text") or "")
    return str(item.get("title") or "")


def item_heading(item: dict[str, Any]) -> str:
    kind = item.get("kind", "")
    name = KIND_NAMES.get(kind, label(str(kind)))
    title = item_title(item)
    return f"{name} — {title}" if title else name


def _body(item: dict[str, Any]) -> list[str]:
    rest = {k: v for k, v in item.items() if k not in FRAME_KEYS}
    kind = item.get("kind")
    lines: list[str] = []

    def take(key: str) -> Any:
        return rest.pop(key, None)

    if kind == "entry":
        take("title")
        mood = take("mood")
        if mood is not None:
            lines.append(f"*Mood: {MOODS.get(mood, mood)}*\n")
        body = take("body")
        if body:
            lines += [demote_headings(str(body).strip()), ""]
    elif kind == "trigger":
        cue = take("cue")
        if cue not in CUE_LABELS and not _empty(cue):
            lines.append(f"- What set it off: {value_text('cue', cue)}")
        peak = take("suds_peak")
        if peak is not None:
            word = f" ({suds_word(peak)})" if isinstance(peak, int) and 0 <= peak <= 10 else ""
            lines.append(f"- Distress at its worst: {_number(peak)}/10{word}")
        for key in ("situation", "emotions"):
            value = take(key)
            if not _empty(value):
                lines.append(_field_line(key, value))
        hot, belief = take("hot_thought"), take("belief")
        if not _empty(hot):
            believed = f" (believed {_number(belief)}%)" if belief is not None else ""
            lines.append(f"- Hot thought: {value_text('', hot)}{believed}")
        elif belief is not None:
            lines.append(_field_line("belief", belief))
        sensations = take("body_sensations")
        if not _empty(sensations):
            lines.append(_field_line("body_sensations", sensations))
        urge, acted = take("urge"), take("acted_on")
        if urge is not None:
            how = {None: "", True: ", acted on", False: ", not acted on"}.get(acted, "")
            lines.append(f"- Urge: {_number(urge)}/5{how}")
        elif acted is not None:
            lines.append(_field_line("acted_on", acted))
    elif kind == "grounding":
        take("technique")
        take("technique_name")  # in the heading
        duration, completed = take("duration_s"), take("completed")
        if duration is not None or completed is not None:
            minutes = f"{round(float(duration or 0) / 60, 1):g} minutes"
            done = {True: ", completed", False: ", stopped early"}.get(completed, "")
            lines.append(f"- {minutes}{done}")
        before, after = take("suds_before"), take("suds_after")
        if before is not None and after is not None:
            lines.append(f"- Distress {_number(before)} → {_number(after)} (0–10)")
        else:
            for key, value in (("suds_before", before), ("suds_after", after)):
                if value is not None:
                    lines.append(_field_line(key, value))
        answered = take("answered_trigger")
        if isinstance(answered, dict):
            cue = CUE_LABELS.get(answered.get("cue", ""), str(answered.get("cue") or ""))
            lines.append(
                f"- In answer to: {KIND_NAMES['trigger']} — {cue}, "
                f"{when_text(answered.get('occurred_at'))}"
            )
        steps = take("steps")
        if isinstance(steps, list) and steps:
            lines.append("- Answers:")
            for step in steps:
                lines += _step_lines(step)
    elif kind == "checkin":
        for key in ("safety", "trust", "connection", "communication"):
            value = take(key)
            if value is not None:
                lines.append(f"- {key.capitalize()}: {_number(value)}/10")
    elif kind == "boundary":
        text = take("text")
        if text:
            lines += [_inline(str(text)), ""]
        status, revisit = take("status"), take("revisit_by")
        lines.append(
            f"*Status: {status}*" + (f" · *revisit by {day_text(revisit)}*" if revisit else "")
        )
        lines.append("")
        agreed = take("agreed_on")
        if agreed:
            lines.append(_field_line("agreed_on", agreed))
        history = take("history")
        if isinstance(history, list) and history:
            lines.append("- Earlier wordings:")
            for h in history:
                if isinstance(h, dict):
                    h = dict(h)
                    changed = h.pop("changed_at", None)
                    text = h.pop("text", "")
                    extra = value_text("", {k: v for k, v in h.items()})
                    lines.append(
                        f"  - until {when_text(changed)}: “{value_text('', text)}”"
                        + (f" ({extra})" if extra else "")
                    )
                else:
                    lines.append(f"  - {value_text('', h)}")
    elif kind == "goal":
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
            lines.append(
                f"- Progress: {achieved:g} of {_number(target)} {value_text('', unit)}".rstrip()
            )
        elif not _empty(unit):
            lines.append(_field_line("target_unit", unit))
        due = take("due")
        if due:
            lines.append(_field_line("due", due))
        reached = bool(done) or (bool(target) and achieved >= float(target))
        lines.append(f"- {'Done' if reached else 'In progress'}")
        if isinstance(progress, list) and progress:
            lines.append("- Progress entries:")
            for p in progress:
                if isinstance(p, dict):
                    p = dict(p)
                    day, amount, note = p.pop("day", None), p.pop("amount", None), p.pop("note", "")
                    text = f"  - {day_text(day)}: {_number(amount) if amount is not None else ''}"
                    if note:
                        text += f" — {value_text('', note)}"
                    rest_of = value_text("", p)
                    lines.append(text + (f" ({rest_of})" if rest_of else ""))
                else:
                    lines.append(f"  - {value_text('', p)}")
    # Everything not shown above, so that nothing leaves unseen.
    for key, value in rest.items():
        if _empty(value):
            continue
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            if _is_emotions(value):
                lines.append(_field_line(key, value))
                continue
            lines.append(f"- {label(key)}:")
            for v in value:
                lines += _step_lines(v)
        else:
            lines.append(_field_line(key, value))
    return lines


def render_item(item: dict[str, Any], *, level: int = 2) -> str:
    """One payload item as Markdown: heading, when, every field, tags, id and revision."""
    parts = [
        f"{'#' * level} {item_heading(item)}",
        "",
        f"*{when_text(item.get('occurred_at'))}*",
        "",
    ]
    body = "\n".join(_body(item)).strip()
    if body:
        parts += [body, ""]
    tags = item.get("tags")
    if isinstance(tags, list) and tags:
        parts += [" ".join(f"#{t}" for t in tags), ""]
    footer = []
    if item.get("uid"):
        footer.append(f"item {item['uid']}")
    if item.get("updated_at"):
        footer.append(f"last changed {when_text(item['updated_at'])}")
    if footer:
        parts += ["*" + " · ".join(footer) + "*", ""]
    return "\n".join(parts)


def render_items(
    items: list[dict[str, Any]],
    *,
    title: str = "Shared from Kintsugi",
    exporter: str = "",
    exported_at: datetime | None = None,
    sender_lines: list[str] = (),
) -> str:
    head = [f"# {title}", ""]
    if exporter or exported_at:
        head.append(
            (f"From {exporter}" if exporter else "Exported")
            + (f", {exported_at:%d %B %Y}" if exported_at else "")
        )
        head.append("")
    for line in sender_lines:
        head += [line, ""]
    head.append(f"{len(items)} item(s). Private notes are never included.")
    ordered = sorted(items, key=lambda i: str(i.get("occurred_at", "")))
    return "\n".join(head) + "\n\n" + "\n".join(render_item(i) for i in ordered)


def render_record(rec: Record) -> str:
    """A record rendered as it would leave (for Markdown exports by day)."""
    from kintsugi.core.share import ShareOptions, share_dict

    return render_item(share_dict(rec, ShareOptions(earlier_wordings=True)))


def heading(rec: Record) -> str:
    from kintsugi.core.share import share_dict

    return item_heading(share_dict(rec))

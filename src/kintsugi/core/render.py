"""Records as calm, readable Markdown (for share bundles, Markdown exports and the report)."""

from __future__ import annotations

from datetime import datetime

from kintsugi.core.exercises import suds_word
from kintsugi.core.records import (
    Boundary,
    CheckIn,
    Entry,
    Goal,
    GroundingSession,
    Record,
    Trigger,
)
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


def heading(rec: Record) -> str:
    title = {
        Entry: lambda r: r.title,
        Trigger: lambda r: CUE_LABELS.get(r.cue, r.cue),
        GroundingSession: lambda r: TECHNIQUE_LABELS.get(r.technique, r.technique),
        Boundary: lambda r: r.text.splitlines()[0] if r.text else "",
        Goal: lambda r: r.text,
    }.get(type(rec), lambda r: "")(rec)
    kind = KIND_NAMES[rec.KIND]
    return f"{kind} — {title}" if title else kind


def body_lines(rec: Record) -> list[str]:
    lines: list[str] = []
    if isinstance(rec, Entry):
        if rec.mood is not None:
            lines.append(f"*Mood: {MOODS[rec.mood]}*\n")
        lines.append(rec.body.strip())
    elif isinstance(rec, Trigger):
        lines.append(f"- Distress at its worst: {rec.suds_peak}/10 ({suds_word(rec.suds_peak)})")
        if rec.situation:
            lines.append(f"- Situation: {rec.situation}")
        if rec.emotions:
            lines.append(
                "- Emotions: " + ", ".join(f"{e.name} {e.intensity}%" for e in rec.emotions)
            )
        if rec.hot_thought:
            belief = f" (believed {rec.belief}%)" if rec.belief is not None else ""
            lines.append(f"- Hot thought: {rec.hot_thought}{belief}")
        if rec.body_sensations:
            lines.append("- In my body: " + ", ".join(rec.body_sensations))
        if rec.urge is not None:
            acted = {None: "", True: ", acted on", False: ", not acted on"}[rec.acted_on]
            lines.append(f"- Urge: {rec.urge}/5{acted}")
        if rec.action:
            lines.append(f"- What I did: {rec.action}")
        if rec.suds_after is not None:
            lines.append(f"- Distress afterwards: {rec.suds_after}/10")
    elif isinstance(rec, GroundingSession):
        minutes = round(rec.duration_s / 60, 1)
        done = "completed" if rec.completed else "stopped early"
        lines.append(f"- {minutes:g} minutes, {done}")
        if rec.suds_before is not None and rec.suds_after is not None:
            lines.append(f"- Distress {rec.suds_before} → {rec.suds_after}")
        if rec.notes:
            lines.append(f"- Notes: {rec.notes}")
    elif isinstance(rec, CheckIn):
        for name in ("safety", "trust", "connection", "communication"):
            value = getattr(rec, name)
            if value is not None:
                lines.append(f"- {name.capitalize()}: {value}/10")
        for label, text in (
            ("Grateful for", rec.gratitude),
            ("I need", rec.needs),
            ("Notes", rec.notes),
        ):
            if text:
                lines.append(f"- {label}: {text}")
    elif isinstance(rec, Boundary):
        lines.append(rec.text)
        lines.append("")
        lines.append(
            f"*Status: {rec.status}*"
            + (f" · *revisit by {rec.revisit_by:%d %b %Y}*" if rec.revisit_by else "")
        )
    elif isinstance(rec, Goal):
        if rec.target_amount:
            lines.append(
                f"- Progress: {rec.achieved:g} of {rec.target_amount:g} {rec.target_unit}".rstrip()
            )
        if rec.due:
            lines.append(f"- Due: {rec.due:%d %b %Y}")
        lines.append(f"- {'Done' if rec.reached else 'In progress'}")
    if rec.tags:
        lines.append("\n" + " ".join(f"#{t}" for t in rec.tags))
    return lines


def render_record(rec: Record) -> str:
    when = f"{rec.occurred_at:%A %d %B %Y, %H:%M}"
    return f"## {heading(rec)}\n\n*{when}*\n\n" + "\n".join(body_lines(rec)).strip() + "\n"


def render_markdown(
    records: list[Record],
    *,
    exporter: str = "",
    exported_at: datetime | None = None,
    title: str = "Shared from Kintsugi",
) -> str:
    head = [f"# {title}", ""]
    if exporter:
        head.append(f"From {exporter}" + (f", {exported_at:%d %B %Y}" if exported_at else ""))
        head.append("")
    head.append(f"{len(records)} item(s). Private notes are never included.")
    ordered = sorted(records, key=lambda r: r.occurred_at)
    return "\n".join(head) + "\n\n" + "\n".join(render_record(r) for r in ordered)

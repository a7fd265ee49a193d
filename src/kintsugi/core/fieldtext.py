"""How one field of a payload item reads: its label, a date, a number, a list, a person's
own lines. The pieces every kind's rendering (see ``Repository.render_body``) is made of.

The labels, date keys and percent keys are each kind's own (``Repository.labels`` …); the
registry (:mod:`kintsugi.core.repo`) adds them here with :func:`register`, once, when it is
imported, which happens before any kind can be rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from kintsugi.core.i18n import (
    Words,
    date_text,
    datetime_text,
    marked,
    number_text,
    translate,
)

Render = Words("Render")  # the renderer's plurals (see core/i18n.py)

#: Labels for keys wherever they appear (fields and exercise answers); others get one made
#: from their name. Filled by every kind's ``labels`` (see :func:`register`).
LABELS: dict[str, str] = {}
DATE_KEYS: set[str] = set()
TIME_KEYS = {"occurred_at", "updated_at", "changed_at", "created_at"}
PERCENT_KEYS: set[str] = set()


def register(
    labels: Mapping[str, str], date_keys: Iterable[str] = (), percent_keys: Iterable[str] = ()
) -> None:
    """Add one kind's labels and key types. Two kinds may share a key only with one label."""
    for key, text in labels.items():
        if LABELS.setdefault(key, text) != text:
            raise ValueError(f"two labels for {key!r}: {LABELS[key]!r} and {text!r}")
    DATE_KEYS.update(date_keys)
    PERCENT_KEYS.update(percent_keys)


def label(key: str) -> str:
    """A key's label in the person's language (kinds mark theirs for translators)."""
    known = LABELS.get(key)
    return marked("render", known) if known else key.replace("_", " ").strip().capitalize() or key


def when_text(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return str(value)
    if isinstance(value, datetime):
        return datetime_text(value)
    return str(value)


def day_text(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return str(value)
    if isinstance(value, date):
        return date_text(value)
    return str(value)


def number(value: float | int) -> str:
    return number_text(value) if isinstance(value, float) else str(value)


def minutes_text(seconds: float) -> str:
    """A length in whole minutes, or seconds under a minute ("2 minutes", "20 seconds")."""
    if seconds < 60:
        return Render.tr("%n second(s)", "", round(seconds))
    return Render.tr("%n minute(s)", "", round(seconds / 60))


def is_emotions(value: Any) -> bool:
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
        return translate("render", "yes") if value else translate("render", "no")
    if key in DATE_KEYS:
        return day_text(value)
    if key in TIME_KEYS:
        return when_text(value)
    if isinstance(value, int | float):
        return number(value) + ("%" if key in PERCENT_KEYS else "")
    if is_emotions(value):
        return ", ".join(f"{e['name']} {number(e['intensity'])}%" for e in value)
    if isinstance(value, list):
        return ", ".join(value_text(key, v) for v in value if v not in (None, "", [], {}))
    if isinstance(value, dict):
        return "; ".join(
            f"{label(k)}: {value_text(k, v)}" for k, v in value.items() if v not in (None, "")
        )
    return inline(str(value))


def inline(text: str) -> str:
    """Keep a person's line breaks inside one Markdown list item."""
    return "  \n  ".join(line.rstrip() for line in text.strip().splitlines())


def empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def field_line(key: str, value: Any) -> str:
    return f"- {label(key)}: {value_text(key, value)}"


def step_lines(step: Any) -> list[str]:
    """One exercise step's answers, every key of it."""
    if not isinstance(step, dict):
        return [f"  - {value_text('', step)}"]
    if set(step) == {"sense", "items"}:
        return [f"  - {label(str(step['sense']))}: {value_text('items', step['items'])}"]
    return [f"  - {label(k)}: {value_text(k, v)}" for k, v in step.items() if not empty(v)] or [
        "  - " + translate("render", "(nothing written)")
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


def csv_day_time(moment: datetime | None) -> tuple[str, str]:
    """A moment as a spreadsheet's date and time columns (local, as written)."""
    if moment is None:
        return "", ""
    return moment.strftime("%Y-%m-%d"), moment.strftime("%H:%M")


def csv_cell(value: Any) -> Any:
    """A value as a spreadsheet cell: nothing for None, yes/no for a truth value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


# Whoever imports this module first, every kind's labels are registered before one is read.
import kintsugi.core.repo  # noqa: E402, F401

"""Merging two versions of one record, field by field (pure functions, no I/O).

A field both sides left as it was in the base keeps its value; a field one side changed
takes that side's value; a field both changed takes the newer value by the hybrid logical
clock of that field's last change — except a text, which is merged line by line against
the base (three-way, ``merge3``) and, when the two changes touch the same lines, keeps the
newer version in the record and both versions in a conflict. The sides are ordered by their
revision, not by which is local, so every device merging the same two versions gets the
same result.

The trash is a field (``deleted_at``): moving to the trash loses to an edit made after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import merge3

#: Fields that are bookkeeping, not merged.
TRASH = "deleted_at"


@dataclass
class Side:
    rev: str
    fields: dict[str, Any]
    clocks: dict[str, str]


@dataclass
class TextConflict:
    field: str
    base: str
    kept: str
    other: str
    kept_rev: str
    other_rev: str


@dataclass
class Merged:
    fields: dict[str, Any]
    clocks: dict[str, str]
    conflicts: list[TextConflict] = field(default_factory=list)
    merged_texts: int = 0


def merge_text(base: str, left: str, right: str) -> str | None:
    """The three-way merge of two texts changed from ``base``, or None when the changes
    overlap (the same lines changed differently, or text added at the same place)."""
    a = base.splitlines(keepends=True)
    b = left.splitlines(keepends=True)
    c = right.splitlines(keepends=True)
    m = merge3.Merge3(a, b, c)
    out: list[str] = []
    for region in m.merge_regions():
        what = region[0]
        if what == "unchanged":
            out.extend(a[region[1] : region[2]])
        elif what in ("a", "same"):
            out.extend(b[region[1] : region[2]])
        elif what == "b":
            out.extend(c[region[1] : region[2]])
        else:
            return None
    merged = "".join(out)
    return merged


def _clock(side: Side, name: str) -> str:
    return side.clocks.get(name, side.rev)


def merge(
    base: dict[str, Any] | None,
    one: Side,
    other: Side,
    is_text: Callable[[str], bool],
) -> Merged:
    """Merge two versions whose common ancestor's fields are ``base`` (None when it is not
    known: then every field the two differ in counts as changed on both sides)."""
    left, right = (one, other) if one.rev <= other.rev else (other, one)
    out: dict[str, Any] = {}
    clocks: dict[str, str] = {}
    result = Merged(out, clocks)
    for name in sorted(set(left.fields) | set(right.fields)):
        lv, rv = left.fields.get(name), right.fields.get(name)
        lc, rc = _clock(left, name), _clock(right, name)
        if lv == rv:
            out[name], clocks[name] = lv, max(lc, rc)
            continue
        bv = base.get(name) if base is not None else None
        known = base is not None and name in base
        if known and lv == bv:
            out[name], clocks[name] = rv, rc
            continue
        if known and rv == bv:
            out[name], clocks[name] = lv, lc
            continue
        newer_is_right = rc > lc
        kept, lost = (rv, lv) if newer_is_right else (lv, rv)
        kept_side, lost_side = (right, left) if newer_is_right else (left, right)
        if is_text(name) and isinstance(lv, str) and isinstance(rv, str):
            text_base = bv if isinstance(bv, str) else ""
            joined = merge_text(text_base, lv, rv) if known else None
            if joined is not None:
                out[name], clocks[name] = joined, max(lc, rc)
                result.merged_texts += 1
                continue
            result.conflicts.append(
                TextConflict(
                    name,
                    text_base,
                    str(kept),
                    str(lost),
                    kept_side.rev,
                    lost_side.rev,
                )
            )
        out[name], clocks[name] = kept, max(lc, rc)
    # An edit made after moving to the trash takes it out of the trash again.
    if out.get(TRASH) is not None:
        trashed_at = clocks.get(TRASH, "")
        if any(c > trashed_at for n, c in clocks.items() if n != TRASH):
            out[TRASH] = None
            clocks[TRASH] = max(clocks.values())
    return result

"""Checking what an imported file says before any of it becomes a record.

Every importer (Kintsugi JSON, jrnl JSON and text, Day One JSON, share bundles) reads
plain JSON-like values from a file it did not make. The converters here turn such a value
into what a record holds, or raise :class:`Invalid` with a short, human sentence naming
the problem ("the date '2024-13-45' is not a date"). The importer adds where it was
("item 12") and the file's name. The caps are documented in ``docs/imports.md``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from kintsugi.core.i18n import QT_TRANSLATE_NOOP, arg, count_text, marked, translate
from kintsugi.core.records import Record

# --- caps (docs/imports.md) ---------------------------------------------------------------
MAX_FILE_BYTES = 256 * 1024 * 1024  # a whole import file
MAX_ITEMS = 200_000  # records in one file
MAX_TEXT = 1_000_000  # characters in one text field (a body, a note)
MAX_LINE = 1_000  # characters in a one-line field (a title, a unit, a name)
MAX_UID = 100
MAX_TAGS, MAX_TAG = 100, 200  # tags per record, characters per tag
MAX_LIST = 1_000  # emotions, sensations, steps, revisions, progress rows per record
MAX_DEPTH = 16  # nesting of JSON containers anywhere in a file
MIN_YEAR, MAX_YEAR = 1900, 2199
MAX_NUMBER = 1e12  # amounts and targets
MAX_DURATION_S = 30 * 24 * 3600.0


class Invalid(ValueError):
    """One problem in one value, as a sentence without the location (in the person's
    language: every text here goes through core/i18n.py when it is raised)."""


def _say(text: str, *values: object) -> Invalid:
    """An :class:`Invalid` of an already translated ``text`` with ``%1``… filled in."""
    return Invalid(arg(text, *values))


def show(value: Any, limit: int = 40) -> str:
    """A value as it can appear in a one-line message: quoted, escaped, short."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        shown = repr(value)
    else:
        shown = type_name(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def type_name(value: Any) -> str:
    """What a value is, in words ("a list", "null", …)."""
    if value is None:
        return "null"  # JSON's own words
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return translate("Import", "a list")
    if isinstance(value, dict):
        return translate("Import", "an object")
    if isinstance(value, str):
        return translate("Import", "text")
    return translate("Import", "a number")


# --- scalar converters --------------------------------------------------------------------
_TEXT = QT_TRANSLATE_NOOP("Import", "text")


def text(value: Any, limit: int = MAX_TEXT, *, what: str = _TEXT) -> str:
    """``what``: marked with QT_TRANSLATE_NOOP("Import", …), translated if it is said."""
    if not isinstance(value, str):
        raise _say(
            translate("Import", "expected %1, found %2"), marked("Import", what), type_name(value)
        )
    if len(value) > limit:
        raise _say(
            translate("Import", "is %1 characters long (at most %2)"),
            count_text(len(value)),
            count_text(limit),
        )
    if "\x00" in value:
        raise Invalid(translate("Import", "contains a NUL character"))
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise Invalid(translate("Import", "is not valid Unicode (a lone surrogate)")) from None
    return value


def line(value: Any) -> str:
    return text(value, MAX_LINE)


def uid(value: Any) -> str:
    checked = text(value, MAX_UID, what=QT_TRANSLATE_NOOP("Import", "an identifier (text)"))
    if not checked.strip():
        raise Invalid(translate("Import", "is empty"))
    return checked


def whole(low: int, high: int, *, optional: bool = True) -> Callable[[Any], int | None]:
    def convert(value: Any) -> int | None:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise _say(
                translate("Import", "must be a whole number from %1 to %2, not %3"),
                low,
                high,
                show(value),
            )
        return value

    return convert


def number(
    low: float, high: float, *, optional: bool = False, above: bool = False
) -> Callable[[Any], float | None]:
    def convert(value: Any) -> float | None:
        if value is None and optional:
            return None
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if ok:
            value = float(value) if isinstance(value, int) and abs(value) < 2**63 else value
            ok = isinstance(value, float) and math.isfinite(value) and low <= value <= high
            ok = ok and not (above and value <= low)
        if not ok:
            bound = (
                translate("Import", "must be a number more than %1 up to %2, not %3")
                if above
                else translate("Import", "must be a number from %1 up to %2, not %3")
            )
            raise _say(bound, f"{low:g}", f"{high:g}", show(value))
        result: float = value
        return result

    return convert


def flag(*, optional: bool = False) -> Callable[[Any], bool | None]:
    def convert(value: Any) -> bool | None:
        if value is None and optional:
            return None
        if not isinstance(value, bool):
            raise _say(translate("Import", "must be true or false, not %1"), show(value))
        return value

    return convert


def choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        if not isinstance(value, str) or value not in options:
            raise _say(translate("Import", "%1 is not one of %2"), show(value), ", ".join(options))
        return value

    return convert


def _year_ok(year: int, value: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _say(
            translate("Import", "the date %1 is outside the years %2–%3"),
            show(value),
            MIN_YEAR,
            MAX_YEAR,
        )


def moment(value: Any) -> datetime:
    """An ISO 8601 date-time; one without an offset is taken as local time."""
    if not isinstance(value, str) or len(value) > 64:
        raise _say(
            translate("Import", "expected a date and time (ISO 8601 text), found %1"), show(value)
        )
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _say(translate("Import", "the date %1 is not a date and time"), show(value)) from None
    _year_ok(parsed.year, value)
    return parsed if parsed.tzinfo else parsed.astimezone()


def optional_moment(value: Any) -> datetime | None:
    return None if value is None else moment(value)


def day(value: Any) -> date:
    if not isinstance(value, str) or len(value) > 32:
        raise _say(translate("Import", "expected a date (YYYY-MM-DD), found %1"), show(value))
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise _say(translate("Import", "the date %1 is not a date"), show(value)) from None
    _year_ok(parsed.year, value)
    return parsed


def optional_day(value: Any) -> date | None:
    return None if value is None else day(value)


_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?$")


def clock(value: Any) -> time:
    """A time of day: "08:30", "8:30:15", "1:05 PM"."""
    m = _CLOCK.match(value) if isinstance(value, str) else None
    if m is None:
        raise _say(translate("Import", "the time %1 is not a time"), show(value))
    hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
    if m[4]:
        if not 1 <= hour <= 12:
            raise _say(translate("Import", "the time %1 is not a time"), show(value))
        hour = hour % 12 + (12 if m[4].upper() == "PM" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise _say(translate("Import", "the time %1 is not a time"), show(value))
    return time(hour, minute, second)


# --- lists --------------------------------------------------------------------------------
def list_of(
    convert: Callable[[Any], Any],
    limit: int = MAX_LIST,
    *,
    what: str = QT_TRANSLATE_NOOP("Import", "a list"),
) -> Callable[[Any], list[Any]]:
    def convert_list(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise _say(
                translate("Import", "must be %1, not %2"),
                marked("Import", what),
                type_name(value),
            )
        if len(value) > limit:
            raise _say(
                translate("Import", "has %1 entries (at most %2)"),
                count_text(len(value)),
                count_text(limit),
            )
        out = []
        for n, element in enumerate(value, 1):
            try:
                out.append(convert(element))
            except Invalid as exc:
                raise _say(translate("Import", "entry %1: %2"), n, exc) from None
        return out

    return convert_list


_LIST_OF_TEXT = QT_TRANSLATE_NOOP("Import", "a list of text")
tags = list_of(lambda v: text(v, MAX_TAG), MAX_TAGS, what=_LIST_OF_TEXT)
short_texts = list_of(line, what=_LIST_OF_TEXT)


def fields(spec: dict[str, Callable[[Any], Any]], value: Any) -> dict[str, Any]:
    """Convert the keys of ``spec`` found in the object ``value`` (others are ignored)."""
    if not isinstance(value, dict):
        raise _say(translate("Import", "must be an object, not %1"), type_name(value))
    out = {}
    for name, convert in spec.items():
        if name in value:
            try:
                out[name] = convert(value[name])
            except Invalid as exc:
                raise Invalid(f"{name}: {exc}") from None
    return out


# --- records --------------------------------------------------------------------------------
COMMON: dict[str, Callable[[Any], Any]] = {
    "uid": uid,
    "occurred_at": moment,
    "tags": tags,
    "shared": flag(),
    "private_note": text,
    "created_at": optional_moment,
    "updated_at": optional_moment,
}


def _answered(value: Any) -> dict[str, Any]:
    found = fields({"uid": uid, "cue": line, "occurred_at": moment}, value)
    if "uid" not in found:
        raise Invalid(translate("Import", "has no uid"))
    return found


def attachment_ref(value: Any) -> dict[str, Any]:
    """One attachment a shared item names (share bundle version 3): its file is the zip
    member named by its SHA-256 (docs/share-format.md)."""
    from kintsugi.core.repo.attachments import KINDS, SUFFIX_FOR_MIME, kind_of_mime

    found = fields(
        {
            "sha256": line,
            "name": line,
            "mime": choice(tuple(SUFFIX_FOR_MIME)),
            "kind": choice(KINDS),
            "size": whole(1, 256 * 1024 * 1024, optional=False),
            "width": whole(0, 1_000_000),
            "height": whole(0, 1_000_000),
            "duration_ms": whole(0, 10**10),
        },
        value,
    )
    sha = found.get("sha256", "")
    if len(sha) != 64 or any(ch not in "0123456789abcdef" for ch in sha):
        raise Invalid(translate("Import", "has no SHA-256 (64 hexadecimal digits)"))
    for need in ("name", "mime", "kind", "size"):
        if need not in found:
            raise Invalid(arg(translate("Import", "has no %1"), need))
    if kind_of_mime(found["mime"]) != found["kind"]:
        text = translate("Import", "is %1, which is not of the kind %2")
        raise Invalid(arg(text, show(found["mime"]), show(found["kind"])))
    extra = set(value) - {"sha256", "name", "mime", "kind", "size", "width", "height"}
    if extra - {"duration_ms"}:
        text = translate("Import", "has a field Kintsugi does not know: %1")
        raise Invalid(arg(text, show(sorted(extra)[0])))
    return found


attachment_refs = list_of(attachment_ref, what="a list of attachments")


def record_fields(item: Any, *, shared_copy: bool = False) -> tuple[type[Record], dict[str, Any]]:
    """The record class and constructor values of one Kintsugi item (export or bundle).

    ``shared_copy``: an item from a partner's bundle, which never carries a private note.
    """
    # Each kind's fields are read by converters of this module: its repository names them.
    from kintsugi.core.repo import REPOSITORIES

    if not isinstance(item, dict):
        raise _say(translate("Import", "must be an object, not %1"), type_name(item))
    kind = item.get("kind")
    if not isinstance(kind, str) or kind not in REPOSITORIES:
        raise _say(translate("Import", "the kind %1 is not one Kintsugi knows"), show(kind))
    if shared_copy and "private_note" in item:
        raise Invalid(
            translate("Import", "carries a private note, which a share bundle never does")
        )
    repo = REPOSITORIES[kind]
    values = fields({**COMMON, **repo.import_fields}, item)
    if shared_copy and "answered_trigger" in item:  # the trigger an exercise answered
        fields({"answered_trigger": _answered}, item)
    if shared_copy and "attachments" in item:  # files carried in the bundle (version 3)
        fields({"attachments": attachment_refs}, item)
    if shared_copy and "technique_name" in item:  # one's own technique, by its name
        fields({"technique_name": line}, item)
    if "uid" not in values:
        raise Invalid(translate("Import", "has no uid"))
    if "occurred_at" not in values:
        raise Invalid(translate("Import", "has no date (occurred_at)"))
    repo.check_imported(values)
    return repo.record_type, values


def check_share_item(item: Any) -> None:
    """Raise :class:`Invalid` unless ``item`` is a well-formed item of a share bundle."""
    record_fields(item, shared_copy=True)

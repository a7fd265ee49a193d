"""The words the engine writes for people (Markdown and PDF text, labels, summaries), through
one translator the front end can replace.

The core has no Qt, so it cannot ask Qt for a translation itself. Every text it writes for a
person goes through :func:`translate` (the same spelling as ``QCoreApplication.translate``,
so ``pyside6-lupdate`` extracts it), and dictionaries mark their values with
:func:`QT_TRANSLATE_NOOP`. By default the text stays English, as the command line prints it;
the desktop app calls :func:`install` at start with Qt's translator and its ``QLocale``
formats, so the same renderer writes Spanish in a Spanish app.

Plurals: a source text with ``%n`` is given its count through a :class:`Words` context,
``Render = Words("Render")`` then ``Render.tr("%n item(s)", "", count)`` — the one spelling
``pyside6-lupdate`` reads as a plural outside a Qt class (``translate(..., n)`` it does not).
The English fallback writes "(s)" as "s" or nothing, by the count; a translation gives every
form its own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

Translate = Callable[[str, str, int], str]


def english(context: str, text: str, n: int = -1) -> str:
    """The source text itself, with its count filled in and "(s)" made plural by it."""
    if n < 0:
        return text
    return text.replace("(s)", "" if n == 1 else "s").replace("%n", str(n))


def _english_date(value: date) -> str:
    return f"{value:%d %b %Y}"


def _english_datetime(value: datetime) -> str:
    return f"{value:%A %d %B %Y, %H:%M}"


def _english_number(value: float, decimals: int = -1) -> str:
    if decimals >= 0:
        return f"{value:.{decimals}f}"
    return f"{value:g}"


def _english_count(value: int) -> str:
    return f"{value:,}"


_translate: Translate = english
_count: Callable[[int], str] = _english_count
_date: Callable[[date], str] = _english_date
_datetime: Callable[[datetime], str] = _english_datetime
_number: Callable[[float, int], str] = _english_number


def install(
    translate_fn: Translate | None = None,
    *,
    date_fn: Callable[[date], str] | None = None,
    datetime_fn: Callable[[datetime], str] | None = None,
    number_fn: Callable[[float, int], str] | None = None,
    count_fn: Callable[[int], str] | None = None,
) -> None:
    """Replace the translator and the formats (``None`` puts the English one back)."""
    global _translate, _date, _datetime, _number, _count
    _translate = translate_fn or english
    _count = count_fn or _english_count
    _date = date_fn or _english_date
    _datetime = datetime_fn or _english_datetime
    _number = number_fn or _english_number


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the person's language (``context`` groups it for translators)."""
    del disambiguation  # part of the message's identity for lupdate only
    return _translate(context, text, n)


class Words:
    """A translators' context for plurals (and any text) outside a Qt class. Name the
    variable as the context — ``Render = Words("Render")`` — since lupdate reads the context
    from the name before ``.tr`` (a test checks they agree)."""

    def __init__(self, context: str):
        self.context = context

    def tr(self, text: str, disambiguation: str = "", n: int = -1) -> str:
        del disambiguation
        return _translate(self.context, text, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's spelling)
    """Mark ``text`` for translators where it is written; translate it where it is shown."""
    del context
    return text


def date_text(value: date) -> str:
    """A calendar day, short (e.g. "03 Mar 2025")."""
    return _date(value)


def datetime_text(value: datetime) -> str:
    """A moment, in full (e.g. "Monday 03 March 2025, 14:05")."""
    return _datetime(value)


def number_text(value: float, decimals: int = -1) -> str:
    """A number in the person's notation; ``decimals`` < 0: as few as it needs."""
    return _number(value, decimals)


def count_text(value: int) -> str:
    """A whole number with the notation's digit groups ("12,345"; "12.345" in Spanish)."""
    return _count(int(value))


def marked(context: str, text: object, n: int = -1) -> str:
    """Translate a text that was marked with :func:`QT_TRANSLATE_NOOP` where it is written
    (a dictionary's value): the one place a translation is looked up by a variable."""
    return _translate(context, str(text), n)


def arg(text: str, *values: object) -> str:
    """Fill ``%1`` … ``%9`` in a translated text in one pass (a value's own ``%2`` stays)."""

    def fill(match: re.Match[str]) -> str:
        i = int(match.group(1)) - 1
        return str(values[i]) if 0 <= i < len(values) else match.group(0)

    return re.sub(r"%([1-9])", fill, text)

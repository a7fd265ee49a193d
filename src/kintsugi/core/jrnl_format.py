"""jrnl's own file formats, read and written as jrnl itself does (jrnl 2–4, and the newer
salted encryption): tags, the star, the journal's time format, encrypted journals.

- **Tags** are words that start with one of the journal's tag symbols (``#@`` unless its
  config says otherwise) followed by letters, digits, ``_``, ``-``, ``+``, ``*``, ``#`` or
  ``/`` — jrnl's own pattern ``(?<!\\S)([{symbols}][-+*#/\\w]+)`` — and jrnl lowercases them.
- **The star**: a first line ending in ``*`` marks the entry starred (`` *`` is removed).
- **Time format**: the config's ``timeformat`` when given, otherwise the one of
  :data:`COMMON_TIME_FORMATS` under which every bracketed date in the file reads.
- **Encryption** (jrnl 2+): the file is a Fernet token whose key is PBKDF2-HMAC-SHA256 of the
  password, 100,000 iterations, with jrnl's fixed salt (files starting ``gAAAAA``), or a
  ``JRNLv3`` header carrying a random salt. Decrypted with ``cryptography``; jrnl 1's AES-CBC
  files are not read (they are older than 2019, and jrnl itself upgrades them).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import struct
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

DEFAULT_TIME_FORMAT = "%Y-%m-%d %H:%M"
DEFAULT_TAG_SYMBOLS = "#@"
#: Tried in this order when no config says which: the first under which every date reads.
COMMON_TIME_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %I:%M %p",
    "%Y-%m-%d %I:%M:%S %p",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %I:%M %p",
    "%Y/%m/%d %H:%M",
    "%d-%m-%Y %H:%M",
    "%m-%d-%Y %I:%M %p",
    "%Y.%m.%d %H:%M",
    "%d %b %Y %H:%M",
    "%b %d %Y %I:%M %p",
    "%a %d %b %Y %H:%M",
    "%A, %B %d, %Y %I:%M %p",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
)
#: A line that may start an entry: ``[date blob] `` (jrnl's own pattern, at a line start).
HEADER = re.compile(r"^\[([^\]\n]{1,64})\] ?")

_V2_SALT = b"\xf2\xd5q\x0e\xc1\x8d.\xde\xdc\x8e6t\x89\x04\xce\xf8"
_V3_PREFIX = b"JRNLv3"
_ITERATIONS = 100_000


class WrongPassword(Exception):
    """The password does not open this journal (or the file is damaged)."""


_WORDY = re.compile(r"\w")


def tag_pattern(symbols: str = DEFAULT_TAG_SYMBOLS) -> re.Pattern[str]:
    return re.compile(rf"(?<!\S)([{re.escape(symbols)}][-+*#/\w]+)")


def tags_in(text: str, symbols: str = DEFAULT_TAG_SYMBOLS) -> list[str]:
    """The tags jrnl reads in ``text``, lowercased, without their symbol, in first-seen
    order (``@self-care`` → ``self-care``, ``#Überleben`` → ``überleben``). A "tag" with no
    letter or digit (``##`` starting a Markdown heading, which jrnl also counts) is not one."""
    seen: dict[str, None] = {}
    for tag in tag_pattern(symbols).findall(text):
        name = tag[1:].lower()
        if _WORDY.search(name):  # not "##" of a Markdown heading, which jrnl counts too
            seen.setdefault(name, None)
    return list(seen)


def split_star(first_line: str) -> tuple[str, bool]:
    """jrnl's star: a first line ending in ``*`` is starred; the ``*`` and spaces go."""
    stripped = first_line.strip()
    if stripped.endswith("*"):
        return stripped.strip("\n *"), True
    return first_line, False


#: Where jrnl ends a one-line entry's title: a sentence terminal (maybe a closing quote and
#: brackets) and spaces, or a CJK full stop.
_SENTENCE_END = re.compile(
    "([.!?\u2026\u203c\u203d\u2047-\u2049\u22ef\ufe52\ufe57]['\u2019\"\u201d]?[\\])]*\\s+)"
    "|[\uff01\uff0e\uff1f\uff61\u3002]"
)


def split_title(text: str) -> tuple[str, str]:
    """jrnl's title and body: the first line when there are several, else the first
    sentence."""
    if "\n" in text.lstrip():
        cut = text.lstrip()
        at = cut.index("\n")
        return cut[:at].strip(), cut[at:].strip()
    m = _SENTENCE_END.search(text)
    if not m:
        return text.strip(), ""
    return text[: m.end()].strip(), text[m.end() :].strip()


_SHAPES = {
    "Y": r"\d{4}",
    "y": r"\d{2}",
    "m": r"\d{1,2}",
    "d": r"\d{1,2}",
    "H": r"\d{1,2}",
    "I": r"\d{1,2}",
    "M": r"\d{1,2}",
    "S": r"\d{1,2}",
    "p": r"[AaPp]\.?[Mm]\.?",
    "b": r"\w+\.?",
    "B": r"\w+",
    "a": r"\w+\.?",
    "A": r"\w+",
}


def shape_of(fmt: str) -> re.Pattern[str]:
    """What a date in ``fmt`` looks like (digits where digits go), to tell a date that is
    wrong (``31.02.2024``) from text in brackets."""
    out, n = [], 0
    fmt = expand_format(fmt)
    while n < len(fmt):
        if fmt[n] == "%" and n + 1 < len(fmt):
            out.append(_SHAPES.get(fmt[n + 1], r".+?"))
            n += 2
        else:
            out.append(re.escape(fmt[n]))
            n += 1
    return re.compile("^" + "".join(out) + "$")


#: C's shorthands that jrnl's configs use (its own default is ``%F %r``) and Python's
#: strptime does not read.
_SHORTHANDS = {
    "%F": "%Y-%m-%d",
    "%r": "%I:%M:%S %p",
    "%T": "%H:%M:%S",
    "%R": "%H:%M",
    "%D": "%m/%d/%y",
}


def expand_format(fmt: str) -> str:
    for short, full in _SHORTHANDS.items():
        fmt = fmt.replace(short, full)
    return fmt


def parse_time(blob: str, fmt: str) -> datetime | None:
    try:
        return datetime.strptime(blob, expand_format(fmt))
    except ValueError:
        return None


def detect_time_format(blobs: Iterable[str], preferred: str | None = None) -> str | None:
    """The time format under which the journal's bracketed dates read: ``preferred`` (from a
    config) alone when given; else the first of :data:`COMMON_TIME_FORMATS` that reads
    every blob that any of them reads (a blob none reads is body text, as in jrnl)."""
    if preferred:
        return preferred
    alive = list(COMMON_TIME_FORMATS)
    seen_any = False
    for blob in blobs:
        readers = [f for f in alive if parse_time(blob, f) is not None]
        if not readers:
            if any(parse_time(blob, f) for f in COMMON_TIME_FORMATS):
                return None  # dates in two formats that no one format reads
            continue
        seen_any = True
        alive = readers
    return alive[0] if seen_any and alive else None


def read_config(path: Path | str, journal: str | None = None) -> tuple[str | None, str]:
    """(timeformat, tagsymbols) from a jrnl config file (YAML); a journal's own settings
    (``journals: {name: {timeformat: …}}``) win over the top level."""
    import yaml

    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    if not isinstance(data, dict):
        raise ValueError("it is not a jrnl config (YAML mapping)")
    fmt, symbols = data.get("timeformat"), data.get("tagsymbols")
    journals = data.get("journals")
    if isinstance(journals, dict):
        chosen = journals.get(journal or "default")
        if isinstance(chosen, dict):
            fmt = chosen.get("timeformat", fmt)
            symbols = chosen.get("tagsymbols", symbols)
    fmt = expand_format(fmt) if isinstance(fmt, str) and fmt else None
    symbols = symbols if isinstance(symbols, str) and symbols else DEFAULT_TAG_SYMBOLS
    return fmt, symbols


# --- encryption ----------------------------------------------------------------------------
def is_encrypted(head: bytes) -> bool:
    head = head.lstrip()
    return head.startswith(b"gAAAAA") or head.startswith(_V3_PREFIX)


def _key(password: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=_ITERATIONS)
    return base64.urlsafe_b64encode(kdf.derive(password.encode("utf-8")))


def decrypt(data: bytes, password: str) -> bytes:
    """The plaintext of an encrypted jrnl journal, or :class:`WrongPassword`."""
    from cryptography.fernet import Fernet, InvalidToken

    data = data.strip()
    try:
        if data.startswith(_V3_PREFIX):
            offset = len(_V3_PREFIX)
            (length,) = struct.unpack_from(">H", data, offset)
            field = data[offset + 2 : offset + 2 + length]
            try:
                header = json.loads(base64.b64decode(field, validate=True))
            except binascii.Error:
                header = json.loads(field)
            salt = base64.urlsafe_b64decode(header["salt"])
            token = data[offset + 2 + length :]
        else:
            salt, token = _V2_SALT, data
        return Fernet(_key(password, salt)).decrypt(token)
    except (InvalidToken, KeyError, ValueError, TypeError, struct.error):
        raise WrongPassword() from None


def encrypt_v2(plaintext: bytes, password: str) -> bytes:
    """A journal as jrnl 2–4 writes it (fixed salt). For tests and round trips only."""
    from cryptography.fernet import Fernet

    return Fernet(_key(password, _V2_SALT)).encrypt(plaintext)


# --- writing --------------------------------------------------------------------------------
def entry_text(
    when: datetime, title: str, body: str, *, starred: bool = False, fmt: str = DEFAULT_TIME_FORMAT
) -> str:
    """One entry in jrnl's text format, exactly as jrnl writes it (``Entry.__str__``)."""
    head = f"[{when.strftime(expand_format(fmt))}] {title.rstrip()}"
    if starred:
        head += " *"
    body = body.rstrip("\n ")
    return f"{head}{chr(10) if body else ''}{body}\n"

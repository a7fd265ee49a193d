"""Text on its way to a terminal: nothing in it may steer the terminal.

A title imported from a file can hold `ESC ] 52 ; c ; …` (which sets the clipboard in many
terminals), a carriage return that overwrites the line before it, C1 controls (U+0080–U+009F,
which some terminals obey even UTF-8-encoded) or bidi overrides that make text read
differently from what it is. Human output shows each such character as a visible escape
(`\\x1b`, `\\u202e`); JSON output escapes them the JSON way (`\\u001b`), so it stays exact JSON
whose parsed values are the stored text, character for character.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

# C0 controls, DEL, C1 controls; the bidi embeddings, overrides and isolates, the marks;
# the line and paragraph separators (which some terminals treat as newlines).
_UNSAFE = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_PATTERNS: dict[str, re.Pattern[str]] = {}


def _pattern(keep: str) -> re.Pattern[str]:
    pat = _PATTERNS.get(keep)
    if pat is None:
        # every unsafe character except those in `keep` (only \n and \t are ever kept)
        kept = "".join(re.escape(c) for c in keep)
        pat = re.compile(f"(?![{kept}])[{_UNSAFE}]" if keep else f"[{_UNSAFE}]")
        _PATTERNS[keep] = pat
    return pat


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _visible(match: re.Match[str]) -> str:
    if match.group() in _NAMED:
        return _NAMED[match.group()]
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str, keep: str = "\n\t") -> str:
    """`text` with every character that could steer a terminal shown as an escape."""
    return _pattern(keep).sub(_visible, text)


def field(text: str) -> str:
    """One field of a one-line, tab-separated row: newlines and tabs are escaped too."""
    return escape(text, keep="")


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


# json.dumps escapes C0 in strings itself; outside strings there is only its own layout.
_JSON_UNSAFE = re.compile(f"[{_UNSAFE.removeprefix(chr(0) + '-' + chr(0x1F))}]")


def json_text(value: Any, *, indent: int | None = 2) -> str:
    """JSON for a terminal: exact (it parses back to `value`), with no raw control character.

    json.dumps already escapes C0 controls; DEL, C1 and the bidi characters can only occur
    inside strings, where a \\uXXXX escape means the same character."""
    return _JSON_UNSAFE.sub(_json_escape, json.dumps(value, ensure_ascii=False, indent=indent))


class EscapingStream:
    """A text stream for human output: everything written is `escape`d (\\n and \\t kept)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

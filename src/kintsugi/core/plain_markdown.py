"""Markdown to the words a person reads, for one-line places (timeline rows, search snippets).

A row or a snippet is a fragment (cut at a length, or around a match), so this works on any
piece of Markdown, finished or not, and keeps the position of every character it keeps: a
search snippet's highlight spans are moved with the text. What it removes is checked against
a real Markdown parser (Qt's md4c, ``QTextDocument.setMarkdown(...).toPlainText()``) in
tests/core/test_plain_markdown.py.
"""

from __future__ import annotations

import bisect
import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}=+[ \t]*$")
_LEAD = re.compile(
    r"^(?P<indent>[ \t]*)(?P<quote>(?:>[ \t]?)*)[ \t]*"
    r"(?P<marker>#{1,6}(?:[ \t]+|$)|(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?"
)
_HEADING_TAIL = re.compile(r"[ \t]+#+[ \t]*$")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]\n]*)\](?:\(([^)\n]*)\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+|[^@>\s]+@[^>\s]+\.[^>\s]+)>")
_ESCAPABLE = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def strip_markdown(text: str) -> str:
    """The text without its Markdown marks (``**bold**`` → ``bold``, ``[a](b)`` → ``a``)."""
    return _strip(text)[0]


def strip_markdown_spans(
    text: str, spans: tuple[tuple[int, int], ...] = ()
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """:func:`strip_markdown`, with ``(start, end)`` ranges of ``text`` moved to the result
    (a range whose characters were all marks disappears)."""
    out, kept = _strip(text)
    moved = []
    for start, end in spans:
        a, b = bisect.bisect_left(kept, start), bisect.bisect_left(kept, end)
        if b > a:
            moved.append((a, b))
    return out, tuple(moved)


def _strip(text: str) -> tuple[str, list[int]]:
    """(stripped text, for each of its characters the index it had in ``text``)."""
    kept: list[int] = []
    in_code = False
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        end = offset + len(body)
        if _FENCE.match(body):
            in_code = not in_code
        elif in_code:
            kept.extend(range(offset, offset + len(line)))
        elif not (_RULE.match(body) or _SETEXT.match(body)):
            lead = _LEAD.match(body)
            start = offset + (lead.end() if lead else 0)
            stop = end
            if lead and lead.group("marker") and lead.group("marker").startswith("#"):
                tail = _HEADING_TAIL.search(body, lead.end())
                if tail:
                    stop = offset + tail.start()
            _inline(text, start, stop, kept)
            kept.extend(range(end, offset + len(line)))  # the line break itself
        offset += len(line)
    return "".join(text[i] for i in kept), kept


def _inline(text: str, start: int, stop: int, kept: list[int]) -> None:
    """Keep the readable characters of ``text[start:stop]`` (one line, no block marks)."""
    i = start
    while i < stop:
        c = text[i]
        if c == "\\" and i + 1 < stop and text[i + 1] in _ESCAPABLE:
            kept.append(i + 1)
            i += 2
            continue
        if c == "`":
            run = _run(text, i, stop, "`")
            close = text.find("`" * run, i + run, stop)
            if close != -1:
                content = range(i + run, close)
                kept.extend(content)
                i = close + run
                continue
            i += run  # an unclosed code mark (a cut fragment): drop the marks
            continue
        if c in "![" and (m := _IMAGE_OR_LINK.match(text, i, stop)):
            label = m.start(1)
            _inline(text, label, m.end(1), kept)
            i = m.end()
            continue
        if c == "<" and (m := _AUTOLINK.match(text, i, stop)):
            kept.extend(range(m.start(1), m.end(1)))
            i = m.end()
            continue
        if c in "*_~":
            run = _run(text, i, stop, c)
            before = text[i - 1] if i > start else " "
            after = text[i + run] if i + run < stop else " "
            if c == "~" and run < 2:
                kept.append(i)
                i += 1
                continue
            flanking = not after.isspace() or not before.isspace()
            intraword = before.isalnum() and after.isalnum()
            if flanking and not (c == "_" and intraword):
                i += run  # emphasis marks
                continue
            kept.extend(range(i, i + run))
            i += run
            continue
        kept.append(i)
        i += 1


def _run(text: str, i: int, stop: int, c: str) -> int:
    n = 0
    while i + n < stop and text[i + n] == c:
        n += 1
    return n

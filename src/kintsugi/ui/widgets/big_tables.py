"""Markdown tables too big to lay out in a moment are previewed as plain text.

Qt lays a table out cell by cell on the UI thread, and its layout cannot be moved off it
(a document given to a view is laid out again by the view): a 10,000-cell table held the
window for 4-5 s, ~0.3-1 ms a cell on the development machine. So a document's tables
are laid out as tables up to :data:`MAX_TABLE_CELLS` cells in all; a table past that
budget is shown as the text it is (an indented code block, every character kept), after
one plain sentence saying why. Nothing is lost: the entry itself is never changed, and an
export writes the Markdown as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from kintsugi.ui.i18n import count_text

#: Table cells a preview lays out as tables, in all (~0.1-0.3 s on a busy 2-core machine).
MAX_TABLE_CELLS = 400

_DELIMITER = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BLOCK_START = re.compile(r"^ {0,3}(#{1,6}\s|>|`{3,}|~{3,})")


def _note(cells: int) -> str:
    return QCoreApplication.translate(
        "big_tables", "This table has %1 cells, too many to lay out quickly: it is shown as text."
    ).replace("%1", count_text(cells))


def cap_tables(
    text: str, max_cells: int = MAX_TABLE_CELLS, note: Callable[[int], str] = _note
) -> str:
    """``text`` with every table past the first ``max_cells`` cells turned into an
    indented code block after ``note(cells)``; the same text when there is none."""
    if "|" not in text or "-" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    budget, fence, i = max_cells, None, 0
    while i < len(lines):
        line = lines[i]
        opened = _FENCE.match(line)
        if fence is not None:  # inside a fenced code block nothing is a table
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            out.append(line)
            i += 1
            continue
        if opened:
            fence = opened.group(1)
            out.append(line)
            i += 1
            continue
        is_table = (
            i + 1 < len(lines)
            and "|" in line
            and "|" in lines[i + 1]
            and _DELIMITER.match(lines[i + 1]) is not None
        )
        if not is_table:
            out.append(line)
            i += 1
            continue
        end = i + 2
        while end < len(lines) and lines[end].strip() and not _BLOCK_START.match(lines[end]):
            end += 1
        columns = len([c for c in lines[i + 1].strip().strip("|").split("|")])
        cells = columns * (end - i - 1)  # the heading row and every body row
        if cells <= budget:
            budget -= cells
            out += lines[i:end]
        else:
            out += ["", note(cells), ""] + ["    " + row for row in lines[i:end]] + [""]
        i = end
    return "\n".join(out)

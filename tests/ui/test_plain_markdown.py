"""Rows and snippets read as words: core/plain_markdown.py checked against a real Markdown
parser (Qt's md4c through QTextDocument), and search highlights kept on the right words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from kintsugi.core.plain_markdown import strip_markdown, strip_markdown_spans

SAMPLES = [
    "**bold** and *it* and _em_ and snake_case_word",
    "# Heading\n\nSome text with [a link](http://x.y) and more",
    "- one\n- two **b**\n1. first\n2) second",
    "> quoted *text*\n> more",
    "`code *not em*` and ``a ` b``",
    "~~gone~~ text 2 * 3 = 6",
    "Heading\n=======\n\ntext",
    "---\n\n***\n",
    "```\ncode **x**\n```\nafter",
    "\\*not em\\* and \\# not heading",
    "## Title ##",
    "- [ ] todo\n- [x] done",
    "<https://example.org> mail <a@b.cd>",
    "a __strong__ b ***both***",
]


def parsed(text: str) -> str:
    doc = QTextDocument()
    doc.setMarkdown(text)
    return " ".join(doc.toPlainText().split())


def ours(text: str) -> str:
    return " ".join(strip_markdown(text).split())


@pytest.mark.parametrize("text", SAMPLES)
def test_same_words_as_a_markdown_parser(qapp, text):
    assert ours(text) == parsed(text)


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=8)


@st.composite
def markdown_line(draw):
    words = []
    for w in draw(st.lists(WORD, min_size=1, max_size=6)):
        style = draw(st.sampled_from(["", "**", "*", "_", "__", "~~", "`", "link"]))
        if style == "link":
            words.append(f"[{w}](https://example.org/{w})")
        else:
            words.append(f"{style}{w}{style[::-1]}")
    lead = draw(st.sampled_from(["", "# ", "### ", "- ", "* ", "1. ", "> ", "> - "]))
    return lead + " ".join(words)


@settings(max_examples=150, deadline=None)
@given(st.lists(markdown_line(), min_size=1, max_size=4))
def test_generated_markdown_reads_like_the_parser(qapp, lines):
    text = "\n\n".join(lines)
    assert ours(text) == parsed(text)


def test_images_keep_their_words_and_plain_text_is_untouched():
    assert strip_markdown("see ![the sea](a.png) today") == "see the sea today"
    plain = "Nothing marked here, 2 + 2 = 4, a-b, snake_case, C#."
    assert strip_markdown(plain) == plain


def test_highlights_move_with_the_words():
    text = "a **calm** day and [the sea](https://x)"
    spans = ((4, 8), (24, 27))  # "calm", "sea"
    out, moved = strip_markdown_spans(text, spans)
    assert out == "a calm day and the sea"
    assert [out[a:b] for a, b in moved] == ["calm", "sea"]


def test_a_cut_fragment_loses_its_half_marks():
    assert strip_markdown("…was **really hard and `the") == "…was really hard and the"

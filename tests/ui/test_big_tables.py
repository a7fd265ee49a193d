"""A table too big to lay out in a moment is previewed as text, every character kept."""

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextTable

from kintsugi.ui.widgets.big_tables import MAX_TABLE_CELLS, cap_tables
from kintsugi.ui.widgets.safe_text import SafeTextBrowser


def table(rows: int, cols: int) -> str:
    head = "| " + " | ".join(f"h{c}" for c in range(cols)) + " |\n|" + "---|" * cols + "\n"
    body = "".join(
        "| " + " | ".join(f"r{r}c{c}" for c in range(cols)) + " |\n" for r in range(rows)
    )
    return head + body


def tables_in(browser) -> int:
    return sum(isinstance(f, QTextTable) for f in browser.document().rootFrame().childFrames())


def test_small_tables_stay_tables_and_big_ones_become_text(qtbot):
    small = table(9, 4)  # 40 cells
    assert cap_tables(small) == small
    big = "Before.\n\n" + table(999, 10) + "\nAfter."  # 10,000 cells
    capped = cap_tables(big, note=lambda n: f"NOTE {n}")
    assert "NOTE 10000" in capped
    assert "    | r999c9" not in capped and "    | r998c0 | r998c1" in capped
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.setMarkdown(big)
    assert tables_in(browser) == 0
    text = browser.toPlainText()
    assert "10,000 cells" in text and "r998c9" in text and "After." in text
    browser.setMarkdown(small)
    assert tables_in(browser) == 1


def test_the_budget_is_for_the_whole_document():
    rows = MAX_TABLE_CELLS // 4 - 1  # each table a little under the budget
    two = table(rows, 2) + "\n" + table(rows, 2) + "\n" + table(rows, 2)
    capped = cap_tables(two, note=lambda n: "NOTE")
    assert capped.count("NOTE") == 1  # the first two fit, the third is text


def test_a_table_inside_a_fenced_block_is_left_alone():
    fenced = "```\n" + table(999, 10) + "```\n"
    assert cap_tables(fenced) == fenced


LINE = st.text(alphabet="|-: a`~#", max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=40), st.integers(min_value=0, max_value=30))
def test_nothing_written_is_lost(lines, budget):
    text = "\n".join(lines)
    out = cap_tables(text, max_cells=budget, note=lambda n: "NOTE")
    kept = [
        line[4:] if line.startswith("    ") and line[4:] in lines else line
        for line in out.split("\n")
    ]
    kept = [line for line in kept if line not in ("", "NOTE")]
    assert kept == [line for line in lines if line != ""]

"""Text size and rows that read (#15 items 1 and 3): the system font is honoured, one text
size setting scales every screen, and a timeline row keeps its title first."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QStyleOptionViewItem

from kintsugi.core.records import ItemSummary
from kintsugi.ui.theme import apply_text_size, base_point_size, system_font
from kintsugi.ui.widgets.charts import ChartWidget
from kintsugi.ui.widgets.timeline_delegate import TimelineDelegate
from kintsugi.ui.widgets.timeline_model import TimelineModel
from tests.helpers import ROOT

SOURCES = ROOT / "src" / "kintsugi" / "ui"


def test_the_style_sheet_has_no_fixed_text_size():
    sheet = (ROOT / "resources" / "style.qss").read_text()
    assert not re.search(r"font-size:\s*[0-9.]+\s*(pt|px)", sheet)
    assert "QWidget { font-size" not in sheet


def test_no_fixed_font_sizes_or_row_heights_in_the_code():
    fixed = []
    for path in SOURCES.rglob("*.py"):
        text = path.read_text()
        for m in re.finditer(r"setPoint(Size|SizeF)\(\s*[0-9.]+\s*\)|ROW_H|HEIGHT = \d+", text):
            fixed.append(f"{path.name}: {m.group(0)}")
    assert fixed == []


def test_the_system_font_is_honoured(app):
    apply_text_size(app, 100)
    assert app.font().pointSizeF() == pytest.approx(system_font(app).pointSizeF())


def sizes(window) -> dict[str, float]:
    """Text sizes (points) and heights (pixels) across the screens, as laid out now."""
    QApplication.processEvents()
    heading = next(w for w in window.findChildren(QLabel) if w.property("role") == "heading")
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 600, 100)
    model = TimelineModel()
    model.set_source(lambda after, limit: [] if after else [summary()])
    model.fetchMore()
    delegate = TimelineDelegate()
    option.font = QApplication.font()
    return {
        "app": QApplication.font().pointSizeF(),
        "heading": heading.font().pointSizeF(),
        "editor": window.journal.editor.body.font().pointSizeF(),
        "title field": window.journal.editor.title.font().pointSizeF(),
        "form field": window.triggers.form.findChildren(QLineEdit)[0].font().pointSizeF(),
        "form label": window.triggers.form.findChildren(QLabel)[0].font().pointSizeF(),
        "exercise text": window.exercise.findChildren(QLabel)[0].font().pointSizeF(),
        "exercise button": window.exercise.findChildren(QPushButton)[0].font().pointSizeF(),
        "chart": window.insights.findChildren(ChartWidget)[0].font().pointSizeF(),
        "row": delegate.sizeHint(option, model.index(0)).height(),
    }


def test_one_text_size_scales_every_screen(window, app):
    before = sizes(window)
    window.on_settings()
    window.dialog.text_size.setCurrentIndex(window.dialog.text_size.findData(150))
    window.dialog.on_accepted()
    assert base_point_size(app) == pytest.approx(system_font(app).pointSizeF() * 1.5)
    after = sizes(window)
    for name in before:
        assert after[name] == pytest.approx(before[name] * 1.5, rel=0.12), name


def summary(**kw) -> ItemSummary:
    values = dict(
        id=1,
        kind="entry",
        occurred_at=datetime(2026, 3, 4, 21, 15, tzinfo=UTC),
        title="The evening we finally talked about the trip",
        excerpt="We **really** talked, and [she listened](https://example.org). `Calm`.",
        shared=True,
        tags=("therapy", "a-very-long-tag-that-goes-on-and-on", "hope", "weekend", "family"),
        mood=2,
    )
    values.update(kw)
    return ItemSummary(**values)


@pytest.mark.parametrize("width", [260, 360, 600, 1200])
def test_a_row_keeps_its_title_and_nothing_overlaps(app, width):
    model = TimelineModel()
    model.set_source(lambda after, limit: [] if after else [summary()])
    model.fetchMore()
    option = QStyleOptionViewItem()
    option.font = QApplication.font()
    delegate = TimelineDelegate()
    option.rect = QRect(0, 0, width, delegate.sizeHint(option, model.index(0)).height())
    at = delegate.row_layout(option, model.index(0))
    assert at.title_text.startswith("The eve"), at.title_text  # the title first, never lost
    assert not at.title.intersects(at.meta) and not at.time.intersects(at.meta)
    assert not at.time.intersects(at.title)
    for part in (at.time, at.title, at.meta, at.excerpt):
        assert option.rect.contains(part, False) or part.width() == 0
    full = "Good  ·  #therapy #a-very-long-tag-that-goes-on-and-on #hope #weekend #family  ·  ↗"
    assert full.startswith(at.meta_text.rstrip("…"))  # mood first, elided
    assert "*" not in at.excerpt_text and "](" not in at.excerpt_text and "`" not in at.excerpt_text
    if width >= 600:
        assert at.title_text == summary().title and "#therapy" in at.meta_text
        assert at.excerpt_text.startswith("We really talked, and she listened")


def test_a_row_never_draws_an_ellipsis_alone(app):
    """Where mood and tags have no room left (a narrow row, or one with pictures), they are
    left out, not shown as a lone "…" after the title."""
    model = TimelineModel()
    model.set_source(lambda after, limit: [] if after else [summary(title="By the sea")])
    model.fetchMore()
    option = QStyleOptionViewItem()
    option.font = QApplication.font()
    delegate = TimelineDelegate()
    height = delegate.sizeHint(option, model.index(0)).height()
    texts = set()
    for width in range(120, 700, 4):
        option.rect = QRect(0, 0, width, height)
        texts.add(delegate.row_layout(option, model.index(0)).meta_text)
    assert "…" not in texts and "" in texts and any(t.startswith("Good") for t in texts)


@pytest.fixture
def english_locale():
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
    yield
    QLocale.setDefault(before)


def test_search_says_how_many_match_in_all_and_snippets_read(window, qtbot, english_locale):
    from kintsugi.core.records import Entry
    from kintsugi.core.repo.entries import EntryRepository

    when = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    EntryRepository(window.session.vault.db).add_batch(
        [
            Entry(title=f"Day {n}", body=f"a **long** walk by the river, day {n}", occurred_at=when)
            for n in range(1234)
        ]
    )
    search = window.search
    assert "Type a word" in search.status.text()  # the empty state: one next step
    search.query.setText("river")
    qtbot.waitUntil(lambda: search.model.rowCount() == search.LIMIT, timeout=10_000)
    assert search.status.text().startswith("Showing 100 of 1,234")
    assert search.session.search().count("river") == 1234
    hit = search.model.index(0).data(search.model.HitRole)
    assert "**" not in hit.snippet and "long walk by the river" in hit.snippet
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["river"]
    search.query.setText("river day 12")  # 12, 12x, 12xx (a prefix): 45, all shown
    qtbot.waitUntil(lambda: "result" in search.status.text(), timeout=10_000)
    assert search.status.text() == "45 results" and search.model.rowCount() == 45


def layout_of(item: ItemSummary, width: int):
    model = TimelineModel()
    model.set_source(lambda after, limit: [] if after else [item])
    model.fetchMore()
    option = QStyleOptionViewItem()
    option.font = QApplication.font()
    delegate = TimelineDelegate()
    option.rect = QRect(0, 0, width, delegate.sizeHint(option, model.index(0)).height())
    return delegate.row_layout(option, model.index(0))


def test_a_row_with_nothing_under_its_title_says_so_calmly(app):
    """An untitled entry of one line (its line is the title) or a title with no text: the
    second line is a quiet word, never blank."""
    for title in ("Woke at 4 again.", "Untitled"):
        at = layout_of(summary(title=title, excerpt="", tags=(), mood=None), 600)
        assert at.title_text == title
        assert at.excerpt_text == "Nothing more written" and at.excerpt_is_placeholder
    at = layout_of(summary(), 600)
    assert not at.excerpt_is_placeholder


@pytest.mark.parametrize("width", [260, 360, 600])
def test_a_long_untitled_line_goes_on_in_the_second_line(app, width):
    line = (
        "Woke at 4 again and lay there **for an hour**, then box breathing helped me get "
        "back to sleep before the alarm"
    )
    at = layout_of(summary(title=line, excerpt="", tags=(), mood=None), width)
    assert not at.title_text.endswith("…") and line.startswith(at.title_text)
    assert at.excerpt_text and not at.excerpt_is_placeholder
    rest = line[len(at.title_text) :].strip().replace("**", "")
    assert "*" not in at.excerpt_text  # Markdown stripped, as in every excerpt
    assert rest.startswith(at.excerpt_text.rstrip("…"))  # the words go on where they broke


def test_an_untitled_entry_written_in_the_journal_reads_in_its_row(window, qtbot):
    editor = window.journal.editor
    window.on_new_entry()
    qtbot.keyClicks(editor.body, "Woke at 4 again.")
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=5_000)
    window.journal.show_journal()
    view = window.journal.view
    qtbot.waitUntil(lambda: view.model().rowCount() >= 1, timeout=5_000)
    option = QStyleOptionViewItem()
    option.font = view.font()
    option.rect = view.visualRect(view.model().index(0, 0))
    at = view.itemDelegate().row_layout(option, view.model().index(0, 0))
    assert at.title_text == "Woke at 4 again."
    assert at.excerpt_text == "Nothing more written" and at.excerpt_is_placeholder


def test_the_calm_word_is_spanish_in_spanish(spanish):
    at = layout_of(summary(title="Me desperté a las 4.", excerpt="", tags=(), mood=None), 600)
    assert at.excerpt_text == "No hay nada más escrito"

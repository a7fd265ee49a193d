"""Search in the window: as you type, with filters, and its results model."""

import json

from kintsugi.ui.search.pane import SearchResultsModel
from tests.helpers import type_entry


def test_search_as_you_type_opens_the_result(window, qtbot):
    type_entry(qtbot, window, "Lake", "Walked around the lake with my sister")
    target = type_entry(qtbot, window, "Letter", "I wrote the letter I never sent")
    window.find_action.trigger()
    assert window.panes.currentWidget() is window.search
    qtbot.keyClicks(window.search.query, "lett")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5_000)
    hit = window.search.model.index(0).data(SearchResultsModel.HitRole)
    assert hit.id == target and hit.snippet[slice(*hit.highlights[0])].lower() == "letter"
    window.journal.select_row(window.journal.model.rowCount() - 1)  # look elsewhere first
    window.search.on_result_activated(window.search.model.index(0))
    assert window.panes.currentWidget() is window.journal
    assert window.journal.editor.entry_id == target


def test_search_filters(window, qtbot):
    type_entry(qtbot, window, "Tagged", "the garden again")
    qtbot.keyClicks(window.journal.editor.tags, "garden")
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=5_000)
    type_entry(qtbot, window, "Untagged", "the garden")
    window.search.on_unlocked()
    window.search.query.setText("garden")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 2, timeout=5_000)
    window.search.tag.setCurrentText("garden")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5_000)
    window.search.tag.setCurrentText("")
    window.search.kind.setCurrentIndex(window.search.kind.findData("trigger"))
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 0, timeout=5_000)
    assert "Nothing found" in window.search.status.text()


def test_search_results_model(window, qtbot, qtmodeltester):
    type_entry(qtbot, window, "One", "apples and pears")
    window.search.query.setText("apples")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5_000)
    qtmodeltester.check(window.search.model)
    assert json.dumps(window.search.model.index(0).data()) != ""


def test_starring_an_entry_shows_and_finds_it(window, qtbot):
    """The editor's ☆ toggle stars the entry: the timeline shows ★ with its title, and the
    search pane's ★ filter finds starred entries only."""
    starred = type_entry(qtbot, window, "Starred walk", "the river walk")
    star = window.journal.editor.star
    assert star.text() == "☆" and star.accessibleName() == "Starred"
    star.click()
    assert star.text() == "★"
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=5_000)
    type_entry(qtbot, window, "Plain walk", "the river again")
    row = window.journal.model.row_of(starred)
    assert window.journal.model.index(row).data().startswith("★ Starred walk")
    window.search.query.setText("river")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 2, timeout=5_000)
    window.search.starred.click()
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5_000)
    hit = window.search.model.index(0).data(SearchResultsModel.HitRole)
    assert hit.id == starred
    window.journal.select_row(window.journal.model.row_of(starred))
    assert window.journal.editor.star.isChecked()

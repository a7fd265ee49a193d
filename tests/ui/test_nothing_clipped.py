"""Nothing cut off (#15 item 2): on every section, tab and the exercise screen, at 800 × 600
and 960 × 540 (200 % of 1920 × 1080), in English and in Spanish, every button, check box
and label shown is whole: no part of it clipped by the widget around it (a wrapped row of
buttons taller than the room its layout gave it, say). What is inside a scroll area may be
scrolled out of sight, and is left out."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QWidget,
)

from tests.helpers import every_tab, inside_a_scroll_area, unlock


def clipped(top: QWidget) -> list[str]:
    found = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLabel) or not widget.isVisible():
            continue
        if widget.width() <= 1 or widget.height() <= 1 or inside_a_scroll_area(widget):
            continue
        if widget.metaObject().className() in ("QToolButton", "QTabBar"):
            continue  # a tool bar's extension and a tab bar's arrows are Qt's own
        seen = widget.visibleRegion().boundingRect()
        if seen != widget.rect():
            text = widget.text() if hasattr(widget, "text") else ""
            found.append(f"{type(widget).__name__} {text[:40]!r} shows {seen} of {widget.rect()}")
    return found


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(800, 600), (960, 540)])
def test_nothing_shown_is_cut_off(request, make_window, long_journal, qtbot, size, language):
    if language == "es":
        request.getfixturevalue("spanish")
    window = make_window(long_journal)
    unlock(qtbot, window)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=2_000)
    problems = []
    QApplication.processEvents()
    problems += [f"quiet start: {p}" for p in clipped(window)]
    window.journal.show_journal()
    for name in every_tab(window):
        QApplication.processEvents()
        problems += [f"{name}: {p}" for p in clipped(window)]
    assert not problems, "\n".join(problems)


def test_nothing_is_cut_off_at_a_large_text_size(app, make_window, long_journal, qtbot):
    """The desktop's text at 16 pt (160 % of 10 pt) on a 1280 × 800 screen, maximised."""
    from kintsugi.ui.theme import apply_text_size

    apply_text_size(app, 160)
    window = make_window(long_journal)
    unlock(qtbot, window)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1280, 800), timeout=2_000)
    QApplication.processEvents()
    problems = [f"quiet start: {p}" for p in clipped(window)]
    window.journal.show_journal()
    for name in every_tab(window):
        QApplication.processEvents()
        problems += [f"{name}: {p}" for p in clipped(window)]
    assert not problems, "\n".join(problems)


def test_words_keep_clear_of_a_tabs_frame(window, qtbot):
    """Inside a tab's frame nothing written starts on the frame's line: every label and
    button of a tab page stands at least a few pixels in from the page's left edge."""
    from PySide6.QtWidgets import QTabWidget

    window.resize(1100, 720)
    touching = []
    for name in every_tab(window):
        pane = window.panes.currentWidget()
        for tabs in pane.findChildren(QTabWidget):
            page = tabs.currentWidget()
            if page is None or not page.isVisible() or not tabs.tabBar().isVisible():
                continue
            for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
                if widget.isVisible() and widget.width() > 1:
                    x = widget.mapTo(page, widget.rect().topLeft()).x()
                    if x < 3:
                        text = widget.text() if hasattr(widget, "text") else ""
                        touching.append(f"{name}: {type(widget).__name__} {text[:30]!r} x={x}")
    assert not touching, "\n".join(touching)


def test_a_chosen_goals_quiet_words_can_be_read_on_the_gold(window, qtbot):
    """A goal's card on the chosen row: its due date and steps in the highlight's text
    colour (grey on gold was about 1.6 : 1); on the other rows, quiet as before."""
    from datetime import date, timedelta

    from PySide6.QtGui import QPalette

    from kintsugi.core.records import Goal
    from kintsugi.ui.checkins.goals_tab import GoalCard

    for text in ("One accountability talk a week", "A walk together on Sundays"):
        window.session.goals().add(Goal(text=text, due=date.today() + timedelta(days=9)))
    tab = window.checkins.goals
    window.show_pane(window.checkins)
    window.checkins.tabs.setCurrentWidget(tab)
    tab.reload()
    tab.list.setCurrentRow(1)
    QApplication.processEvents()
    palette = window.palette()
    gold = palette.color(QPalette.ColorRole.Highlight)
    for n in range(tab.list.count()):
        card = tab.list.itemWidget(tab.list.item(n))
        assert isinstance(card, GoalCard) and "due" in card.notes.text()
        colour = card.notes.palette().color(QPalette.ColorRole.WindowText)
        if n == 1:
            assert colour == palette.color(QPalette.ColorRole.HighlightedText)
        else:
            assert colour == palette.color(QPalette.ColorRole.PlaceholderText)
    tab.list.setCurrentRow(0)
    QApplication.processEvents()
    first = tab.list.itemWidget(tab.list.item(0))
    assert first.notes.palette().color(QPalette.ColorRole.WindowText) != gold
    assert first.notes.palette().color(QPalette.ColorRole.WindowText) == palette.color(
        QPalette.ColorRole.HighlightedText
    )

    def chosen_colour(n):
        card = tab.list.itemWidget(tab.list.item(n))
        return card.notes.palette().color(QPalette.ColorRole.WindowText)

    tab.refresh_quietly()  # a sync round's: the list read again with the same row chosen
    QApplication.processEvents()
    assert tab.list.currentRow() == 0
    assert chosen_colour(0) == palette.color(QPalette.ColorRole.HighlightedText)
    tab.new_record()  # no row chosen: every card quiet again
    QApplication.processEvents()
    assert chosen_colour(0) == palette.color(QPalette.ColorRole.PlaceholderText)


def test_settings_open_as_tall_as_they_are_within_the_screen(window, qtbot):
    """Qt's first size for a dialog is two thirds of the screen at most: Settings showed
    five of its rows at 960 × 540. It opens as tall as its settings, as the screen allows."""
    from kintsugi.ui.widgets.screen_fit import available, fits

    window.on_settings()
    dialog = window.dialog
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    room = available(dialog).height()
    from PySide6.QtWidgets import QScrollArea

    wanted = dialog.findChild(QScrollArea).widget().sizeHint().height()
    assert fits(dialog)
    assert dialog.height() >= min(wanted, room - 80), (dialog.height(), wanted, room)
    dialog.close()

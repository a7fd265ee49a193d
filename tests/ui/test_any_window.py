"""Any window (#15 item 2): every pane fits 800 × 600 and 960 × 540 logical pixels (a
1920 × 1080 screen at 200 %), nothing is cut off, Lock, Preview and the status bar stay inside."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from tests.helpers import every_tab, inside_a_scroll_area, show_every_screen

SIZES = [(800, 600), (960, 540)]


def inside(window, widget: QWidget) -> bool:
    """``widget`` is shown and wholly inside the window's client area."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def test_the_minimum_size_fits_the_smallest_screens(window):
    for name in show_every_screen(window):
        hint = window.minimumSizeHint()
        assert hint.width() <= 800 and hint.height() <= 540, (name, hint)


@pytest.mark.parametrize("size", SIZES)
def test_lock_preview_and_status_bar_stay_inside(window, qtbot, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=2_000)
    QApplication.processEvents()
    lock = window.toolbar.widgetForAction(window.lock_action)
    assert inside(window, lock), lock.geometry()
    assert inside(window, window.statusBar())
    window.on_new_entry()
    QApplication.processEvents()
    assert inside(window, window.journal.editor.preview_button)
    for name in show_every_screen(window):
        pane = window.panes.currentWidget() if name != "exercise" else window.exercise
        assert inside(window, pane) or name == "exercise", name
        # nothing wider than the window: every visible child's right edge is inside it
        for child in pane.findChildren(QWidget):
            if child.isVisible() and child.isVisibleTo(pane) and not child.isWindow():
                right = child.mapTo(window, QPoint(child.width(), 0)).x()
                assert right <= window.width() + 1 or inside_a_scroll_area(child), (
                    name,
                    child.metaObject().className(),
                    child.accessibleName(),
                    right,
                )


def test_the_lock_screen_fits_too(make_window, existing_vault, qtbot):
    window = make_window(existing_vault)
    for size in SIZES:
        window.resize(*size)
        qtbot.waitUntil(lambda size=size: window.size().toTuple() == size, timeout=2_000)
        assert window.minimumSizeHint().width() <= size[0]
        assert inside(window, window.unlock.unlock_button)
        assert inside(window, window.unlock.passphrase)


# --- in Spanish (#15): longer words, the same window ------------------------------------
def sideways(top: QWidget) -> list[str]:
    """Scroll areas that scroll sideways, or hold content wider than they show."""
    from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea

    found = []
    for area in top.findChildren(QAbstractScrollArea):
        if not area.isVisible():
            continue
        what = f"{type(area).__name__} {area.accessibleName()!r} in {type(area.parent()).__name__}"
        if area.horizontalScrollBar().isVisible():
            found.append(f"{what} scrolls sideways")
        content = area.widget() if isinstance(area, QScrollArea) else None
        if content is not None and content.width() > area.viewport().width() + 1:
            found.append(f"{what} cuts {content.width() - area.viewport().width()} px off")
    return found


def test_the_minimum_size_fits_in_spanish(spanish, make_window, long_journal, qtbot):
    """The window's minimum size in Spanish, over every screen and tab, fits 800 × 540; so
    do the dialogs'. (Measured: 711 × 528 for the window, the exercises the widest.)"""
    from PySide6.QtWidgets import QDialog

    from tests.helpers import unlock

    window = make_window(long_journal)
    assert window.minimumSizeHint().width() <= 800
    unlock(qtbot, window)
    sizes = {}
    for name in every_tab(window):
        hint = window.minimumSizeHint()
        sizes[name] = hint.toTuple()
        assert hint.width() <= 800 and hint.height() <= 540, (name, hint)
    flow = window.grounding_flow
    for opener in (
        window.on_settings,
        window.on_trash,
        window.file_actions.on_restore,
        flow.on_support,
        flow.on_quick_log,
    ):
        opener()
        QApplication.processEvents()
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible():
                hint = top.minimumSizeHint()
                sizes[type(top).__name__] = hint.toTuple()
                assert hint.width() <= 800 and hint.height() <= 540, (type(top).__name__, hint)
                top.close()
    assert len(sizes) >= 14, sizes


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_nothing_scrolls_sideways(app, make_window, long_journal, qtbot, size, language):
    """At 800 × 600 and 960 × 540, in Spanish and English, with long words: no pane, tab or
    dialog scrolls sideways or cuts its right side off (forms put labels above fields, lists
    elide their rows, the charts go one to a row)."""
    from PySide6.QtWidgets import QDialog

    from kintsugi.ui import i18n
    from tests.helpers import unlock

    i18n.install(app, language)
    try:
        window = make_window(long_journal)
        window.resize(*size)
        qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=2_000)
        unlock(qtbot, window)
        window.journal.show_journal()
        window.journal.select_row(0)
        found = []
        for name in every_tab(window):
            if name.startswith(window.nav.item(1).text()):  # a trigger open in its form
                window.triggers.open_trigger(window.session.triggers().timeline()[0].id)
            QApplication.processEvents()
            found += [f"{name}: {problem}" for problem in sideways(window)]
        window.on_settings()
        QApplication.processEvents()
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible():
                found += [f"settings: {problem}" for problem in sideways(top)]
                top.close()
        assert not found, "\n".join(found)
    finally:
        i18n.install(app, "en")

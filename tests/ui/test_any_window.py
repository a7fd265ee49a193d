"""Any window (#15 item 2): every pane fits 800 × 600 and 960 × 540 logical pixels (a
1920 × 1080 screen at 200 %), nothing is cut off, Lock, Preview and the status bar stay inside."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

SIZES = [(800, 600), (960, 540)]


def inside(window, widget: QWidget) -> bool:
    """``widget`` is shown and wholly inside the window's client area."""
    if not widget.isVisible():
        return False
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def show_every_screen(window):
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        QApplication.processEvents()
        yield window.nav.item(row).text()
    window.screens.setCurrentWidget(window.exercise)
    QApplication.processEvents()
    yield "exercise"
    window.screens.setCurrentWidget(window.workspace)


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
                assert right <= window.width() + 1 or clipped_by_a_scroll_area(child), (
                    name,
                    child.metaObject().className(),
                    child.accessibleName(),
                    right,
                )


def clipped_by_a_scroll_area(widget: QWidget) -> bool:
    """Inside a list or scroll area, a child may extend beyond its viewport (it scrolls)."""
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def test_the_lock_screen_fits_too(make_window, existing_vault, qtbot):
    window = make_window(existing_vault)
    for size in SIZES:
        window.resize(*size)
        qtbot.waitUntil(lambda size=size: window.size().toTuple() == size, timeout=2_000)
        assert window.minimumSizeHint().width() <= size[0]
        assert inside(window, window.unlock.unlock_button)
        assert inside(window, window.unlock.passphrase)

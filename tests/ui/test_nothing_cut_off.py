"""Nothing cut off (#15 items 1 and 2): at 800 × 600 and 960 × 540, in Spanish and English,
at the usual text size and at a 16 pt system font, no button, check box, tab or one-line
label on any screen is narrower than its own words (Qt would cut them off or squeeze them)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from kintsugi.core.records import GroundingSession
from kintsugi.ui.grounding.view import BUILT_IN
from tests.helpers import every_tab


def cut_off(top: QWidget) -> list[str]:
    found = []
    for w in top.findChildren(QWidget):
        if not w.isVisible() or w.width() <= 0:
            continue
        if isinstance(w, QLabel):
            if w.wordWrap() or not w.text() or w.pixmap() is not None and not w.text():
                continue
            need = w.minimumSizeHint().width()
        elif isinstance(w, QPushButton | QCheckBox | QRadioButton):
            if not w.text():
                continue
            need = w.sizeHint().width()
        else:
            continue
        if w.width() + 1 < need:
            found.append(
                f"{type(w).__name__} {w.text()!r} is {w.width()} px of {need}"
                f" (in {type(w.parentWidget()).__name__})"
            )
    return found


def desktop_font(app, points: float | None) -> None:
    """As if the desktop's text size were ``points`` (None: as it was when the tests began)."""
    from kintsugi.ui.theme import apply_text_size, system_font

    first = app.property("kintsugi-first-system-font") or system_font(app)
    app.setProperty("kintsugi-first-system-font", first)
    font = QFont(first)
    if points:
        font.setPointSizeF(points)
    app.setProperty("kintsugi-system-font", font)
    app.setProperty("kintsugi-styled", False)
    apply_text_size(app, 100)


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize(
    ("size", "points"), [((800, 600), None), ((960, 540), None), ((1280, 800), 16.0)]
)
def test_no_words_are_cut_off(app, make_window, long_journal, qtbot, size, language, points):
    from PySide6.QtWidgets import QDialog

    from kintsugi.ui import i18n
    from tests.helpers import unlock

    i18n.install(app, language)
    desktop_font(app, points)
    try:
        window = make_window(long_journal)
        window.resize(*size)
        qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=2_000)
        unlock(qtbot, window)
        window.journal.show_journal()
        window.journal.select_row(0)
        window.keep_offer.add(GroundingSession(technique="muscle_relaxation", duration_s=60))
        found = []
        for name in every_tab(window):
            QApplication.processEvents()
            found += [f"{name}: {problem}" for problem in cut_off(window)]
        flow = window.grounding_flow
        flow.on_ground_now()
        found += [f"what would help: {problem}" for problem in cut_off(window)]
        for technique in BUILT_IN:
            flow.start_exercise(technique)
            for page in ("before", "running", "after"):
                if page == "running":
                    window.exercise.begin(rated=True)
                elif page == "after":
                    window.exercise.stop_button.click()
                QApplication.processEvents()
                found += [f"{technique}, {page}: {problem}" for problem in cut_off(window)]
            window.exercise.leave()
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
                    found += [f"{type(top).__name__}: {p}" for p in cut_off(top)]
                    top.close()
        assert not found, "\n".join(sorted(set(found)))
    finally:
        i18n.install(app, "en")
        desktop_font(app, None)

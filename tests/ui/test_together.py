"""The Together section: a pane like the others (Ctrl+8, in the Go menu, unlock/save/lock),
a calm word while no practice is there, and one tab per practice page named in PAGES —
each page made with the session, told of unlock, save and lock, and sent its kinds' hits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kintsugi.ui.panes import OpensItems, Pane
from kintsugi.ui.together import pane as together_pane
from kintsugi.ui.together.page import PracticePage
from kintsugi.ui.together.pane import TogetherPane
from tests.helpers import unlock

EVENTS: list[tuple[str, str]] = []


class FirstPractice(QWidget):
    """A page as a practice would write one (only for these tests)."""

    kinds: tuple[str, ...] = ("first_kind",)
    saves = True

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.title = type(self).__name__
        self.opened: list[tuple[int, str]] = []

    def on_unlocked(self) -> None:
        EVENTS.append((self.title, "unlocked"))

    def flush(self) -> bool:
        EVENTS.append((self.title, "flush"))
        return self.saves

    def clear(self) -> None:
        EVENTS.append((self.title, "clear"))

    def open_item(self, item_id: int, kind: str) -> None:
        self.opened.append((item_id, kind))


class SecondPractice(FirstPractice):
    kinds = ("second_kind", "third_kind")
    saves = False


class NotAPage(QWidget):
    def __init__(self, session):
        super().__init__()


STUBS = (f"{__name__}:FirstPractice", f"{__name__}:SecondPractice")


@pytest.fixture(autouse=True)
def _events():
    EVENTS.clear()
    yield
    EVENTS.clear()


def test_together_is_the_eighth_section_with_ctrl_8_and_in_the_go_menu(window, qtbot):
    pane = window.together
    assert isinstance(pane, Pane) and pane.label == "Together"
    assert list(window.sections)[-1] is pane and window.nav.item(7).text() == "Together"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    qtbot.keyClick(window.nav, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.panes.currentWidget() is pane and window.nav.currentRow() == 7
    go = next(m for m in window.menuBar().actions() if m.text() == "&Go").menu()
    shown = {a.text(): a.shortcut().toString() for a in go.actions() if not a.isSeparator()}
    assert shown["Together"] == "Ctrl+8"


def test_with_no_practice_yet_a_calm_word_says_what_will_be_here(app, qtbot, monkeypatch):
    pane = TogetherPane(session=None, pages=())  # type: ignore[arg-type]
    qtbot.addWidget(pane)
    pane.resize(640, 480)
    pane.show()
    assert pane.stack.currentWidget() is pane.empty and pane.empty.isVisible()
    words = pane.empty.text()
    assert "together" in words and "own pace" in words
    assert pane.empty.textFormat() == Qt.TextFormat.PlainText
    pane.on_unlocked()
    assert pane.flush() is True
    pane.clear()
    assert pane.opens_kinds == ()


def test_each_page_named_in_pages_gets_a_tab_and_the_moments(app, qtbot):
    pane = TogetherPane(session="the session", pages=STUBS)  # type: ignore[arg-type]
    qtbot.addWidget(pane)
    pane.show()
    assert pane.stack.currentWidget() is pane.tabs
    assert [pane.tabs.tabText(n) for n in range(pane.tabs.count())] == [
        "FirstPractice",
        "SecondPractice",
    ]
    first, second = pane.pages
    assert all(isinstance(p, PracticePage) for p in pane.pages)
    assert first.session == "the session"  # made with the session alone
    pane.on_unlocked()
    assert pane.flush() is False  # the second could not save …
    pane.clear()
    assert EVENTS == [  # … and the first still did: every page, every moment, once
        ("FirstPractice", "unlocked"),
        ("SecondPractice", "unlocked"),
        ("FirstPractice", "flush"),
        ("SecondPractice", "flush"),
        ("FirstPractice", "clear"),
        ("SecondPractice", "clear"),
    ]
    assert pane.opens_kinds == ("first_kind", "second_kind", "third_kind")
    assert isinstance(pane, OpensItems)
    pane.open_item(7, "third_kind")
    assert pane.tabs.currentWidget() is second and second.opened == [(7, "third_kind")]
    pane.open_item(3, "first_kind")
    assert pane.tabs.currentWidget() is first and first.opened == [(3, "first_kind")]
    pane.open_item(4, "nobody's kind")  # not ours: nothing moves
    assert pane.tabs.currentWidget() is first and first.opened == [(3, "first_kind")]


def test_a_line_that_names_no_practice_page_is_refused(app):
    with pytest.raises(TypeError, match="not a practice page"):
        TogetherPane(session=None, pages=(f"{__name__}:NotAPage",))  # type: ignore[arg-type]


def test_a_search_hit_of_a_page_kind_opens_its_page_in_the_window(
    make_window, existing_vault, qtbot, monkeypatch
):
    monkeypatch.setattr(together_pane, "PAGES", STUBS)
    window = make_window(existing_vault)
    unlock(qtbot, window)
    pane = window.together
    first, second = pane.pages
    assert first.session is window.session
    assert ("SecondPractice", "unlocked") in EVENTS
    window.on_open_requested(5, "second_kind")
    assert window.panes.currentWidget() is pane
    assert pane.tabs.currentWidget() is second and second.opened == [(5, "second_kind")]
    assert window.flush() is False  # a page that could not save is heard, like a pane's form
    assert ("FirstPractice", "flush") in EVENTS and ("SecondPractice", "flush") in EVENTS
    window.session.lock()
    assert ("FirstPractice", "clear") in EVENTS and ("SecondPractice", "clear") in EVENTS


def test_the_tabs_are_reached_by_keyboard_and_fit_a_narrow_window(app, qtbot):
    many = STUBS * 4  # eight practices, as the issue has
    pane = TogetherPane(session=None, pages=many)  # type: ignore[arg-type]
    qtbot.addWidget(pane)
    pane.resize(560, 480)  # what is left of 800 × 600 beside the section list
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pane, timeout=2_000)
    row = pane.sections
    assert not pane.tabs.tabBar().isVisible()  # no bar that scrolls sideways
    assert pane.minimumSizeHint().width() <= 560
    tab_stops = [b for b in row.buttons if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert tab_stops == [row.buttons[0]]  # one Tab stop, as a tab bar: the current tab
    first = row.buttons[0]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert pane.tabs.currentIndex() == 1 and row.buttons[1].hasFocus()
    assert row.buttons[1].isChecked() and not first.isChecked()
    for _ in many:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    last = len(many) - 1
    assert pane.tabs.currentIndex() == last  # and no further
    for button in row.buttons:  # every name whole, inside the pane: the row wraps
        assert button.isVisible() and button.width() >= button.sizeHint().width()
        assert pane.rect().contains(button.geometry().translated(row.pos()))
    assert len({b.y() for b in row.buttons}) >= 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home)
    assert pane.tabs.currentIndex() == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    assert pane.tabs.currentIndex() == last
    qtbot.mouseClick(row.buttons[2], Qt.MouseButton.LeftButton)
    assert pane.tabs.currentWidget() is pane.pages[2]
    pane.show_page(pane.pages[5])  # a page shown another way checks its name
    assert row.buttons[5].isChecked() and not row.buttons[2].isChecked()
    page = pane.pages[last]
    assert isinstance(page, QWidget)
    pane.tabs.setCurrentIndex(last)
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # and round
    assert pane.tabs.currentIndex() == 0 and row.buttons[0].isChecked()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(800, 600), (960, 540)])
def test_every_practice_is_named_whole_at_800_by_600(
    request, make_window, existing_vault, qtbot, language, size
):
    """The real eight practices, in English and in Spanish, in the smallest windows: every
    name is on screen whole, none behind scroll arrows, the current one checked."""
    if language == "es":
        request.getfixturevalue("spanish")
    window = make_window(existing_vault)
    unlock(qtbot, window)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=2_000)
    window.show_pane(window.together)
    QApplication.processEvents()
    pane = window.together
    row = pane.sections
    assert [b.text() for b in row.buttons] == [p.title for p in pane.pages]
    assert not pane.tabs.tabBar().isVisible()
    for index, button in enumerate(row.buttons):
        pane.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        for other in row.buttons:
            where = other.mapTo(window, other.rect().topLeft())
            whole = other.fontMetrics().horizontalAdvance(other.text())
            assert other.isVisible(), (language, other.text())
            assert window.rect().contains(other.rect().translated(where)), other.text()
            assert other.contentsRect().width() >= whole, (other.text(), other.width())
            assert other.visibleRegion().boundingRect() == other.rect(), other.text()
        assert button.isChecked() and pane.tabs.currentWidget() is pane.pages[index]


def test_the_registered_practices_are_real_pages_of_registered_kinds(window):
    """Every line of PAGES gives the window a page, and each page opens registered kinds."""
    from kintsugi.core.repo import REPOSITORIES

    registered = set(REPOSITORIES)
    pages = window.together.pages
    assert len(pages) == len(together_pane.PAGES)
    for page in pages:
        assert page.title and isinstance(page, PracticePage), page
        assert set(page.kinds) <= registered, page.title
    assert window.together.stack.currentWidget() is (
        window.together.tabs if pages else window.together.empty
    )

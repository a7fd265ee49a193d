"""Together: the practices of repair a couple keeps — a weekly conversation, rituals, and the
others — one tab each (their names in a row that wraps), at the person's own pace.

To add a practice: write its page (a QWidget with the `PracticePage` protocol of
``ui/together/page.py``, made as ``Page(session)``) and put one line in ``PAGES`` below,
``"module:Class"``. The pane imports it, gives it a tab, passes on unlock, save and lock,
and sends it the search hits of its kinds."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from kintsugi.ui.session import Session
from kintsugi.ui.together.page import PracticePage
from kintsugi.ui.widgets.wrapping_tabs import WrappingTabs

# The practices, in the order of their tabs: one line each, "module:Class".
PAGES: tuple[str, ...] = (
    # repair-a: the weekly conversation, rituals
    "kintsugi.ui.together.weekly:WeeklyTalkPage",
    "kintsugi.ui.together.rituals:RitualsPage",
    # repair-b: prompts and templates, disclosures, hard dates
    "kintsugi.ui.together.templates_tab:TemplatesTab",
    "kintsugi.ui.together.disclosures_tab:DisclosuresTab",
    "kintsugi.ui.together.hard_dates_tab:HardDatesTab",
    # repair-c: safety plan, questions and answers, therapy sessions
    "kintsugi.ui.together.safety_plan:SafetyPlanPage",
    "kintsugi.ui.together.questions:QuestionsPage",
    "kintsugi.ui.together.sessions:TherapyPage",
)


def load_page(spec: str, session: Session) -> PracticePage:
    """Make the page a ``PAGES`` line names."""
    module, _, name = spec.partition(":")
    page = getattr(importlib.import_module(module), name)(session)
    if not isinstance(page, QWidget) or not isinstance(page, PracticePage):
        raise TypeError(f"{spec} is not a practice page (a QWidget with PracticePage)")
    return page


class TogetherPane(QWidget):
    """The Together section: a tab per practice page, or a calm word while there are none."""

    show_requested = Signal()  # a page asked to be on screen (the window shows this pane)

    def __init__(
        self,
        session: Session,
        pages: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.label = self.tr("Together")  # the Pane protocol (ui/panes.py)
        self.shortcut: str | None = "Ctrl+8"  # the section's place in the list
        self.session = session
        specs = PAGES if pages is None else pages  # None: the registered practices
        self.pages: list[PracticePage] = [load_page(spec, session) for spec in specs]
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Things you do together"))
        self.tabs.setDocumentMode(True)
        for page in self.pages:
            assert isinstance(page, QWidget)
            self.tabs.addTab(page, page.title)
            show_me = getattr(page, "show_me", None)
            if show_me is not None:
                show_me.connect(lambda p=page: self._on_show_me(p))
        # the practices' names in a row that wraps, each one whole at 800 × 600, none
        # behind a tab bar's scroll arrows (made first: Tab reaches it before the page)
        self.sections = WrappingTabs(self.tabs, self)
        self.sections.setAccessibleName(self.tr("Practices"))
        self.sections.setVisible(bool(self.pages))
        self.empty = QLabel(
            self.tr(
                "This is where the things you do together will be: a weekly conversation, "
                "rituals, and the other practices of rebuilding, each at your own pace."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.empty.setProperty("role", "subtle")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAccessibleName(self.tr("Together"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tabs)
        self.stack.setCurrentWidget(self.tabs if self.pages else self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)  # the window fits 960 × 540 logical pixels
        layout.setSpacing(6)
        layout.addWidget(self.sections)
        layout.addWidget(self.stack, 1)

    # --- the Pane protocol -----------------------------------------------------------
    def on_unlocked(self) -> None:
        for page in self.pages:
            page.on_unlocked()

    def flush(self) -> bool:
        """Every page saves now (all of them, even after one fails)."""
        return all([page.flush() for page in self.pages])

    def clear(self) -> None:
        for page in self.pages:
            page.clear()

    def refresh_quietly(self) -> None:
        """A sync round brought something (the Refreshes protocol, ui/panes.py): every page
        that shows records reads again."""
        for page in self.pages:
            refresh = getattr(page, "refresh_quietly", None)
            if refresh is not None:
                refresh()

    # --- reaching a page (the OpensItems protocol, ui/panes.py) ------------------------
    @property
    def opens_kinds(self) -> tuple[str, ...]:
        """The record kinds some page here opens."""
        return tuple(kind for page in self.pages for kind in page.kinds)

    def page_for(self, kind: str) -> PracticePage | None:
        return next((page for page in self.pages if kind in page.kinds), None)

    def status_widgets(self) -> list[QWidget]:
        """What the pages put in the window's status bar (each shows and hides its own)."""
        return [w for page in self.pages for w in getattr(page, "status_widgets", list)()]

    def _on_show_me(self, page: PracticePage) -> None:
        self.show_page(page)
        self.show_requested.emit()

    def show_page(self, page: PracticePage) -> None:
        assert isinstance(page, QWidget)
        self.tabs.setCurrentWidget(page)

    def open_item(self, item_id: int, kind: str) -> None:
        """Open a record of one of the pages' kinds on its page (a search hit, say)."""
        page = self.page_for(kind)
        if page is not None:
            self.show_page(page)
            page.open_item(item_id, kind)

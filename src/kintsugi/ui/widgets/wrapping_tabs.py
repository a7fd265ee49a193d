"""A tab widget's tabs as a row of buttons that wraps onto a second line when the window is
narrow, so every tab's name is whole and none hides behind scroll arrows (Together's eight
practices at 800 × 600, in Spanish too).

The tab widget stays (its pages, ``currentWidget``, ``currentChanged``); only its bar is
hidden. Like a tab bar the row is one Tab stop, the current tab's button: the arrow keys
move to the next or previous tab and show it, Home and End to the first and the last."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QWidget,
)

from kintsugi.ui.widgets.flow_layout import FlowLayout

_NEXT = {Qt.Key.Key_Right, Qt.Key.Key_Down}
_PREVIOUS = {Qt.Key.Key_Left, Qt.Key.Key_Up}


class TabButton(QPushButton):
    """One tab: arrows, Home and End go to another tab (and take the focus with them)."""

    def __init__(self, text: str, row: WrappingTabs):
        super().__init__(text)
        self.row = row
        self.setCheckable(True)
        self.setAutoDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if key in _NEXT or key in _PREVIOUS or key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            count = self.row.tabs.count()
            index = self.row.tabs.currentIndex()
            if key in _NEXT:
                index = min(index + 1, count - 1)
            elif key in _PREVIOUS:
                index = max(index - 1, 0)
            else:
                index = 0 if key == Qt.Key.Key_Home else count - 1
            self.row.tabs.setCurrentIndex(index)
            self.row.buttons[index].setFocus(Qt.FocusReason.TabFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)


class WrappingTabs(QFrame):  # a frame: the style sheet draws its line under the names
    """The tabs of ``tabs`` as buttons in a wrapping row; the current one is checked."""

    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("wrappingTabs")
        self.setFrameShape(QFrame.Shape.StyledPanel)  # drawn as the style sheet says
        self.tabs = tabs
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[TabButton] = []
        self.flow = FlowLayout(self, spacing=4)
        self.flow.setContentsMargins(0, 0, 0, 0)
        for index in range(tabs.count()):
            button = TabButton(tabs.tabText(index), self)
            button.setToolTip(tabs.tabToolTip(index))
            self.group.addButton(button, index)
            self.flow.add(button)
            self.buttons.append(button)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.group.idClicked.connect(tabs.setCurrentIndex)
        tabs.currentChanged.connect(self._on_current_changed)
        tabs.tabBar().hide()
        # the tab widget hands its focus to its bar: hidden, it would hold Tab where it is
        tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._on_current_changed(tabs.currentIndex())

    def _on_current_changed(self, index: int) -> None:
        for n, button in enumerate(self.buttons):
            button.setChecked(n == index)
            # one Tab stop, as a tab bar: the current tab's button
            policy = Qt.FocusPolicy.StrongFocus if n == index else Qt.FocusPolicy.ClickFocus
            button.setFocusPolicy(policy)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self.flow.heightForWidth(width)

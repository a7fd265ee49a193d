"""Side by side when there is room, one above the other when there is not: a pane's two
halves reflow in a narrow window (or at a large text size) instead of forcing it wider."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout, QFrame, QScrollArea, QWidget


class ReflowRow(QWidget):
    def __init__(self, *parts: QWidget, stretches: tuple[int, ...] = (), parent=None):
        super().__init__(parent)
        self.parts = parts
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        for n, part in enumerate(parts):
            self.box.addWidget(part, stretches[n] if n < len(stretches) else 1)

    @property
    def side_by_side(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.LeftToRight

    def _needed_width(self) -> int:
        """The width the parts need side by side."""
        gap = max(self.box.spacing(), 0)
        visible = [p for p in self.parts if not p.isHidden()]
        widths = [max(p.minimumSizeHint().width(), p.minimumWidth()) for p in visible]
        return sum(widths) + gap * max(0, len(visible) - 1)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest part: below the side-by-side width the parts stack."""
        hints = [p.minimumSizeHint() for p in self.parts if not p.isHidden()]
        width = max((h.width() for h in hints), default=0)
        gap = max(self.box.spacing(), 0)
        if self.side_by_side:
            height = max((h.height() for h in hints), default=0)
        else:
            height = sum(h.height() for h in hints) + gap * max(0, len(hints) - 1)
        return QSize(width, height)

    def resizeEvent(self, event) -> None:
        self.reflow(event.size().width())
        super().resizeEvent(event)

    def reflow(self, width: int) -> None:
        direction = (
            QBoxLayout.Direction.LeftToRight
            if width >= self._needed_width()
            else QBoxLayout.Direction.TopToBottom
        )
        if direction != self.box.direction():
            self.box.setDirection(direction)
            self.updateGeometry()


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless area that scrolls up and down, never sideways, so a short
    window cuts nothing off."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    from PySide6.QtCore import Qt

    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class Column(QWidget):
    """A column of text as wide as ``chars`` average characters of its font (so it grows
    with the text size), narrower when the window is."""

    def __init__(self, chars: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.chars = chars
        from PySide6.QtWidgets import QSizePolicy

        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def _width(self) -> int:
        return self.fontMetrics().averageCharWidth() * self.chars

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self._width(), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._width()), hint.height())

    def hasHeightForWidth(self) -> bool:
        layout = self.layout()
        return layout is not None and layout.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else -1

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setMaximumWidth(max(self._width(), self.minimumSizeHint().width()))

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FontChange:
            self.setMaximumWidth(max(self._width(), self.minimumSizeHint().width()))
            self.updateGeometry()
        super().changeEvent(event)

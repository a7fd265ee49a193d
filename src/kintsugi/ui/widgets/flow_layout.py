"""A row of controls that wraps onto the next line when the window is narrow (Qt's own
flow-layout example, kept small): a row never forces the window wider than its widest item."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: set[int] = set()  # ids of items that take the rest of their line
        self.setSpacing(spacing)
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # --- QLayout ---------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, widget: QWidget, stretch: bool = False) -> None:
        """Add ``widget``; with ``stretch`` it takes what is left of its line."""
        self.addWidget(widget)
        if stretch:
            self._stretch.add(id(self._items[-1]))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible()) + self._gap() * max(
            0, len(self._visible()) - 1
        )
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # --- placing -----------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        style = parent.style() if parent else None
        return style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style else 6

    def _place(self, rect: QRect, apply: bool) -> int:
        m: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(m)
        gap = max(self._gap(), 0)
        lines: list[list[QLayoutItem]] = [[]]
        x = 0
        for item in self._visible():
            w = min(item.sizeHint().width(), area.width())
            if lines[-1] and x + w > area.width():
                lines.append([])
                x = 0
            lines[-1].append(item)
            x += w + gap
        y = area.top()
        for line in lines:
            if not line:
                continue
            h = max(i.sizeHint().height() for i in line)
            if apply:
                widths = [min(i.sizeHint().width(), area.width()) for i in line]
                spare = area.width() - sum(widths) - gap * (len(line) - 1)
                stretchers = [n for n, i in enumerate(line) if id(i) in self._stretch]
                for n in stretchers:
                    widths[n] += max(0, spare) // len(stretchers)
                x = area.left()
                for item, w in zip(line, widths, strict=True):
                    vertical = item.sizeHint().height()
                    item.setGeometry(QRect(QPoint(x, y + (h - vertical) // 2), QSize(w, vertical)))
                    x += w + gap
            y += h + gap
        return y - gap - area.top() + m.top() + m.bottom() if y > area.top() else 0

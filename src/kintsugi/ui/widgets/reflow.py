"""Side by side when there is room, one above the other when there is not: a pane's two
halves reflow in a narrow window (or at a large text size) instead of forcing it wider."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QFrame,
    QGridLayout,
    QListView,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)


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


class FormReflow(QObject):
    """A form's labels beside their fields when ``watched`` (what the form is shown in, a
    scroll area's viewport) is at least ``chars`` average characters wide, above them when
    it is narrower — a narrow window or a large text size never scrolls a form sideways."""

    def __init__(self, form: QFormLayout, watched: QWidget, chars: int = 60):
        super().__init__(watched)
        self.form, self.watched, self.chars = form, watched, chars
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        watched.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.watched and event.type() == QEvent.Type.Resize:
            self.reflow(self.watched.width())
        return False

    def reflow(self, width: int) -> None:
        wide = width >= self.chars * self.watched.fontMetrics().averageCharWidth()
        policy = (
            QFormLayout.RowWrapPolicy.WrapLongRows
            if wide
            else QFormLayout.RowWrapPolicy.WrapAllRows
        )
        if self.form.rowWrapPolicy() != policy:
            self.form.setRowWrapPolicy(policy)
            self.form.invalidate()


class GridReflow(QObject):
    """``widgets`` two to a row in ``grid`` when ``watched`` (a scroll area's viewport) has
    room for two side by side, one to a row when it has not (no sideways scrolling)."""

    def __init__(self, grid: QGridLayout, widgets: list[QWidget], watched: QWidget):
        super().__init__(watched)
        self.grid, self.widgets, self.watched = grid, widgets, watched
        self.columns = 0
        self.place(2)
        watched.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.watched and event.type() == QEvent.Type.Resize:
            gap = max(self.grid.spacing(), 0)
            margins = self.grid.contentsMargins()
            parent = self.grid.parentWidget()
            outer_layout = parent.layout() if parent is not None else None
            if outer_layout is not None:
                outer = outer_layout.contentsMargins()
                margins = QMargins(
                    margins.left() + outer.left(), 0, margins.right() + outer.right(), 0
                )
            need = sum(
                sorted(
                    (max(w.minimumSizeHint().width(), w.minimumWidth()) for w in self.widgets),
                    reverse=True,
                )[:2]
            )
            room = self.watched.width() - margins.left() - margins.right()
            self.place(2 if room >= need + gap else 1)
        return False

    def place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for widget in self.widgets:
            self.grid.removeWidget(widget)
        for n, widget in enumerate(self.widgets):
            self.grid.addWidget(widget, n // columns, n % columns)


class _UpAndDown(QScrollArea):
    """Scrolls up and down only, so it is never narrower than what it holds: a window or
    dialog cannot squeeze it into cutting its content's right side off."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        margins = self.contentsMargins()
        width = (
            content.minimumSizeHint().width()
            + self.verticalScrollBar().sizeHint().width()
            + margins.left()
            + margins.right()
        )
        return QSize(max(hint.width(), width), hint.height())


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless area that scrolls up and down, never sideways, so a short
    window cuts nothing off (and a narrow one cannot cut its right side off)."""
    area = _UpAndDown()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own: it scrolls to each field
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


class FitRows(QStyledItemDelegate):
    """A list's rows as wide as the list, never wider: a long row is elided (its whole text
    in a tool tip) instead of scrolling the list sideways."""

    def __init__(self, view: QListView):
        super().__init__(view)
        self.view = view
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setItemDelegate(self)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        room = self.view.viewport().width() - 2 * self.view.spacing()
        return QSize(max(1, min(hint.width(), room)), hint.height())

    def helpEvent(self, event, view, option, index) -> bool:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        elided = (
            isinstance(text, str)
            and not tip
            and option.fontMetrics.horizontalAdvance(text) > option.rect.width() - 8
        )
        if event.type() == QEvent.Type.ToolTip and elided:
            QToolTip.showText(event.globalPos(), text, view)
            return True
        return bool(super().helpEvent(event, view, option, index))


class _LinesTall(QObject):
    def __init__(self, widget: QWidget, lines: float, minimum: bool):
        super().__init__(widget)
        self.widget, self.lines, self.minimum = widget, lines, minimum
        widget.installEventFilter(self)
        self.apply()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.widget and event.type() in (QEvent.Type.FontChange, QEvent.Type.Polish):
            self.apply()
        return False

    def apply(self) -> None:
        frame = 2 * getattr(self.widget, "frameWidth", lambda: 0)() + 12
        height = round(self.widget.fontMetrics().lineSpacing() * self.lines) + frame
        if self.minimum:
            self.widget.setMinimumHeight(height)
        else:
            self.widget.setMaximumHeight(height)


def lines_tall(widget: QWidget, lines: float, *, minimum: bool = False) -> None:
    """At most (``minimum``: at least) ``lines`` lines of ``widget``'s own text tall, kept so
    when the text size changes: a field's height never in fixed pixels."""
    _LinesTall(widget, lines, minimum)

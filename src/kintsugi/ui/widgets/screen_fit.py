"""Windows never larger than the screen they are on: a saved geometry from a bigger
monitor is not restored as is, and dialogs shrink to fit (their content scrolls)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def available(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fits(widget: QWidget) -> bool:
    area = available(widget)
    frame = widget.frameGeometry()
    return frame.width() <= area.width() and frame.height() <= area.height()


def fit_to_screen(widget: QWidget, preferred: tuple[int, int] | None = None) -> None:
    """Resize ``widget`` to ``preferred`` (or its size) within the available screen area,
    and move it fully onto that screen."""
    area = available(widget)
    frame_extra_w = max(0, widget.frameGeometry().width() - widget.width())
    frame_extra_h = max(0, widget.frameGeometry().height() - widget.height())
    w, h = preferred or (widget.width(), widget.height())
    w = min(w, area.width() - frame_extra_w)
    h = min(h, area.height() - frame_extra_h)
    w = max(w, min(widget.minimumWidth(), area.width()))
    h = max(h, min(widget.minimumHeight(), area.height()))
    widget.resize(w, h)
    x = min(max(widget.x(), area.left()), area.right() - w - frame_extra_w + 1)
    y = min(max(widget.y(), area.top()), area.bottom() - h - frame_extra_h + 1)
    widget.move(max(area.left(), x), max(area.top(), y))

"""A picture full size in a window of any size: fitted to the window (its aspect kept, never
enlarged past its own pixels) and fitted again as the window is resized, or shown at its
actual size or zoomed, with scroll bars when it is larger than the window.

Keys (the viewer's shortcuts): Ctrl+0 fit, Ctrl+1 actual size, Ctrl++ / Ctrl+= zoom in,
Ctrl+- zoom out; Ctrl and the mouse wheel zoom too. Shown smaller than its own pixels, the
picture is drawn from one pixmap scaled smoothly once per shown size (a drag of the
window's edge draws it quickly scaled and smooths it a moment after); shown larger, it is
drawn smoothly from its own pixels, only the part on screen (no enlarged copy is kept)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.02, 8.0


class _Canvas(QWidget):
    """The picture at the size it is shown (this widget's size)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pixmap = QPixmap()
        self._smooth = QPixmap()  # self.pixmap scaled smoothly to this widget's size
        self._smoothen = QTimer(self, singleShot=True, interval=80)
        self._smoothen.timeout.connect(self._make_smooth)

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self.pixmap, self._smooth = pixmap, QPixmap()
        self.update()

    def _enlarged(self) -> bool:
        """Shown larger than its own pixels (zoomed in): drawn smoothly from them, the part
        on screen at a time; a copy scaled to this size would grow with the zoom's square
        (3.2 GB for a 4,096-pixel photo at 800 %)."""
        return self.width() > self.pixmap.width() or self.height() > self.pixmap.height()

    def _make_smooth(self) -> None:
        if self.pixmap.isNull() or self.size() == self.pixmap.size() or self._enlarged():
            self._smooth = QPixmap()
            return
        self._smooth = self.pixmap.scaled(
            self.size(),
            Qt.AspectRatioMode.IgnoreAspectRatio,  # the size already keeps it
            Qt.TransformationMode.SmoothTransformation,
        )
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.pixmap.isNull():
            return
        painter = QPainter(self)
        if self.size() == self.pixmap.size():
            painter.drawPixmap(0, 0, self.pixmap)
        elif self._smooth.size() == self.size():
            painter.drawPixmap(0, 0, self._smooth)
        else:  # being resized or zoomed: quickly now, smoothly in a moment (if smaller)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(self.rect(), self.pixmap)
            if not self._enlarged():
                self._smoothen.start()
        painter.end()


class PictureView(QScrollArea):
    """One picture, fitted or zoomed. ``zoom_changed(percent, fitted)`` after every change."""

    zoom_changed = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.canvas = _Canvas()
        self.setWidget(self.canvas)
        self.fitted = True  # follows the window's size until zoomed
        self.factor = 1.0  # shown pixels per picture pixel

    # --- what is shown --------------------------------------------------------------
    def set_image(self, image: QImage) -> None:
        self.canvas.set_pixmap(QPixmap.fromImage(image))
        self._apply()

    def has_picture(self) -> bool:
        return not self.canvas.pixmap.isNull()

    def picture_size(self) -> QSize:
        return self.canvas.pixmap.size()

    def shown_size(self) -> QSize:
        return self.canvas.size()

    # --- fitting and zooming ----------------------------------------------------------
    def fit(self) -> None:
        self.fitted = True
        self._apply()

    def actual_size(self) -> None:
        self._zoom_to(1.0)

    def zoom_in(self) -> None:
        self._zoom_to(self.factor * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_to(self.factor / ZOOM_STEP)

    def _fit_factor(self) -> float:
        # the room without scroll bars (a fitted picture never has them)
        size, room = self.picture_size(), self.maximumViewportSize()
        if size.isEmpty() or room.isEmpty():
            return 1.0
        # never enlarged past its own pixels: a small screenshot stays sharp
        return min(1.0, room.width() / size.width(), room.height() / size.height())

    def _zoom_to(self, factor: float) -> None:
        self.fitted = False
        self._apply(max(MIN_ZOOM, min(MAX_ZOOM, factor)))

    def _apply(self, factor: float | None = None) -> None:
        if not self.has_picture():
            return
        # the point of the picture at the window's centre stays there
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        old = self.canvas.size()
        room = self.maximumViewportSize() if self.fitted else self.viewport().size()
        centre_x = (h.value() + room.width() / 2) / old.width() if old.width() else 0.5
        centre_y = (v.value() + room.height() / 2) / old.height() if old.height() else 0.5
        if self.fitted:
            # scroll bars come and go with the size: fit to the room without them
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.factor = self._fit_factor()
        else:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.factor = factor if factor is not None else self.factor
        size = self.picture_size()
        shown = QSize(
            max(1, round(size.width() * self.factor)), max(1, round(size.height() * self.factor))
        )
        if self.fitted:  # exactly within the room, whatever the rounding
            shown = shown.boundedTo(room) if not room.isEmpty() else shown
        self.canvas.resize(shown)
        h.setValue(round(centre_x * shown.width() - room.width() / 2))
        v.setValue(round(centre_y * shown.height() - room.height() / 2))
        self.zoom_changed.emit(round(100 * self.factor), self.fitted)

    # --- Qt -------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self.fitted:
            self._apply()

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and self.has_picture():
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

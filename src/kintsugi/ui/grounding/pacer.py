"""The breathing pacer: a soft circle that grows on the in-breath and shrinks on the out-breath,
with the phase in words. With reduced motion it is a line of text and a filling bar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from kintsugi.core.exercises import BreathState
from kintsugi.core.i18n import marked

PHASE_WORDS = {
    "in": QT_TRANSLATE_NOOP("BreathingPacer", "Breathe in…"),
    "hold_in": QT_TRANSLATE_NOOP("BreathingPacer", "Hold…"),
    "out": QT_TRANSLATE_NOOP("BreathingPacer", "Breathe out…"),
    "hold_out": QT_TRANSLATE_NOOP("BreathingPacer", "Rest…"),
    "done": QT_TRANSLATE_NOOP("BreathingPacer", "Well done."),
}


class BreathingPacer(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.state: BreathState | None = None
        self.reduced_motion = False
        self.frames = 0  # paints, for the smoothness benchmark
        self.setMinimumSize(280, 280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Breathing pacer"))

    def phase_text(self) -> str:
        if self.state is None:
            return ""
        word = marked("BreathingPacer", PHASE_WORDS[self.state.phase])
        return word if self.state.finished else f"{word} {self.state.seconds_left}"

    def set_state(self, state: BreathState) -> None:
        changed_text = self.state is None or (state.phase, state.seconds_left) != (
            self.state.phase,
            self.state.seconds_left,
        )
        self.state = state
        if changed_text:
            self.setAccessibleDescription(self.phase_text())
        self.update()

    def paintEvent(self, event) -> None:
        self.frames += 1
        if self.state is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        accent = QColor(pal.color(QPalette.ColorRole.Highlight))
        text = pal.color(QPalette.ColorRole.WindowText)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        p.setFont(font)
        w, h = self.width(), self.height()
        if self.reduced_motion:
            bar = QRectF(w * 0.15, h * 0.6, w * 0.7, 14)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
            p.drawRoundedRect(bar, 7, 7)
            p.setBrush(accent)
            p.drawRoundedRect(
                QRectF(bar.x(), bar.y(), bar.width() * self.state.fill, bar.height()), 7, 7
            )
            p.setPen(text)
            p.drawText(
                QRectF(0, 0, w, h * 0.55),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                self.phase_text(),
            )
            return
        r_max = min(w, h) * 0.45
        r_min = r_max * 0.35
        r = r_min + (r_max - r_min) * self.state.fill
        halo = QColor(accent)
        halo.setAlphaF(0.18)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(halo)
        p.drawEllipse(QRectF(w / 2 - r_max, h / 2 - r_max, 2 * r_max, 2 * r_max))
        body = QColor(accent)
        body.setAlphaF(0.75)
        p.setBrush(body)
        p.drawEllipse(QRectF(w / 2 - r, h / 2 - r, 2 * r, 2 * r))
        p.setPen(text)
        p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.phase_text())

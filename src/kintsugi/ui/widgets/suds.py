"""Distress (0–10; SUDS to therapists) on a large slider with word anchors, calm colours
whatever the number."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSlider, QWidget

from kintsugi.core.exercises import suds_word


class SudsSlider(QWidget):
    value_changed = Signal(int)

    def __init__(self, accessible_name: str, value: int = 5, parent: QWidget | None = None):
        super().__init__(parent)
        self.slider = QSlider(  # type: ignore[call-overload]
            Qt.Orientation.Horizontal,
            minimum=0,
            maximum=10,
            value=value,
            tickPosition=QSlider.TickPosition.TicksBelow,
            tickInterval=1,
            pageStep=1,
        )
        self.slider.setAccessibleName(accessible_name)
        self.slider.setMinimumHeight(36)
        self.word = QLabel(
            alignment=Qt.AlignmentFlag.AlignCenter, textFormat=Qt.TextFormat.PlainText
        )
        self.word.setProperty("role", "suds")
        low = QLabel(self.tr("0 = calm"), textFormat=Qt.TextFormat.PlainText)
        high = QLabel(
            self.tr("10 = the worst I can imagine"),
            alignment=Qt.AlignmentFlag.AlignRight,
            textFormat=Qt.TextFormat.PlainText,
        )
        for label in (low, high):
            label.setProperty("role", "subtle")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.word, 0, 0, 1, 2)
        grid.addWidget(self.slider, 1, 0, 1, 2)
        grid.addWidget(low, 2, 0)
        grid.addWidget(high, 2, 1)
        self.slider.valueChanged.connect(self.on_slider_value_changed)
        self.on_slider_value_changed(value)
        self.setFocusProxy(self.slider)

    def value(self) -> int:
        return self.slider.value()

    def set_value(self, value: int) -> None:
        self.slider.setValue(value)

    def on_slider_value_changed(self, value: int) -> None:
        self.word.setText(f"{value} · {suds_word(value)}")
        self.slider.setAccessibleDescription(suds_word(value))
        self.value_changed.emit(value)

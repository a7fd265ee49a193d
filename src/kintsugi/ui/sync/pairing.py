"""The pairing code, shown large, in groups, copyable (the one secret the other computer
types once)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def grouped(code: str) -> str:
    """The code as a person reads it aloud: its own groups (words or blocks), or blocks of
    four characters when it has none."""
    code = code.strip()
    if re.search(r"[\s-]", code):
        return " ".join(part for part in re.split(r"[\s-]+", code) if part)
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


class PairingCode(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.code = ""
        self.label = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.label.setAccessibleName(self.tr("Pairing code"))
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        base = self.font().pointSizeF()
        if base > 0:  # large, relative to the person's own text size (no fixed size)
            font.setPointSizeF(base * 1.8)
        font.setBold(True)
        self.label.setFont(font)
        self.copy_button = QPushButton(self.tr("Copy the code"))
        self.copy_button.setAccessibleName(self.tr("Copy the pairing code"))
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)

    def set_code(self, code: str) -> None:
        self.code = code
        self.label.setText(grouped(code))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)

    def clear(self) -> None:
        self.code = ""
        self.label.clear()

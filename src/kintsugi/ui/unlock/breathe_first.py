"""The calm note of the lock and welcome screens: breathe before typing a passphrase."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout


class BreatheFirstNote(QFrame):
    """ "Breathe now" (the built-in exercises, no journal needed) and, when the person chose
    to keep a support card on this computer, "People who help"."""

    breathe_requested = Signal()
    support_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent, objectName="calmNote")  # type: ignore[call-arg]
        self.breathe_button = QPushButton(self.tr("Breathe now (Ctrl+G)"))
        self.breathe_button.setAccessibleName(self.tr("Breathe now"))
        self.breathe_button.setToolTip(
            self.tr("Breathing and grounding, right away. Nothing of the journal is shown.")
        )
        self.breathe_button.clicked.connect(self.breathe_requested)
        self.people_button = QPushButton(self.tr("People who help…"), visible=False)  # type: ignore[call-overload]
        self.people_button.setAccessibleName(self.tr("People who help"))
        self.people_button.clicked.connect(self.support_requested)
        text = QLabel(
            self.tr("Not ready to type? Breathe first. Nothing of your journal is shown."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        text.setProperty("role", "subtle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.breathe_button)
        buttons.addWidget(self.people_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

"""Calm lines in the status bar: an Undo offer, and a check-in that is due. Never pop-ups."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

UNDO_MS = 10_000


class UndoBanner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="banner", visible=False)  # type: ignore[call-arg]
        self.label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.button = QPushButton(self.tr("Undo"))
        self.button.setAccessibleName(self.tr("Undo"))
        self.button.clicked.connect(self.on_undo_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self._undo = None
        self._timer = QTimer(self, singleShot=True, interval=UNDO_MS)
        self._timer.timeout.connect(self.dismiss)

    def offer(self, message: str, undo, button: str | None = None) -> None:
        self.label.setText(message)
        self.button.setText(button or self.tr("Undo"))
        self.button.setAccessibleName(self.button.text())
        self._undo = undo
        self.show()
        self._timer.start()

    def on_undo_clicked(self) -> None:
        undo, self._undo = self._undo, None
        self.dismiss()
        if undo:
            undo()

    def dismiss(self) -> None:
        self._undo = None
        self.hide()


class ReminderBar(QFrame):
    """A calm line in the status bar: a check-in is due (or, given its words, another
    practice's moment). Never a pop-up."""

    check_in_clicked = Signal()
    later_clicked = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        text: str | None = None,
        action: str | None = None,
        action_name: str | None = None,
    ):
        super().__init__(parent, objectName="banner", visible=False)  # type: ignore[call-arg]
        label = QLabel(
            text or self.tr("It's time for your check-in."), textFormat=Qt.TextFormat.PlainText
        )
        now = QPushButton(action or self.tr("Check in"))
        now.setAccessibleName(action_name or self.tr("Check in now"))
        now.clicked.connect(self.check_in_clicked)
        later = QPushButton(self.tr("Later"))
        later.setAccessibleName(self.tr("Remind me later"))
        later.clicked.connect(self.later_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        for w in (label, now, later):
            layout.addWidget(w)

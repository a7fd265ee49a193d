"""The line in an open entry that has two versions (it changed on two computers at once and
could not be put together by itself): where it cannot be missed, and one step to choose
or combine them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class TwoVersionsNote(QFrame):
    """Shown while the record ``uid`` it is told about has a conflict waiting. Emits
    ``open_requested(uid)`` for the list of two versions, opened at that record."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="banner", visible=False)  # type: ignore[call-arg]
        self.uid: str | None = None
        self.waiting: frozenset[str] = frozenset()
        self.label = QLabel(
            self.tr("There are two versions of this entry, from two computers. Nothing is lost."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.button = QPushButton(self.tr("Choose or combine…"))
        self.button.setAccessibleName(self.tr("Choose or combine the two versions of this entry"))
        self.button.clicked.connect(self.on_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)

    def show_for(self, uid: str | None) -> None:
        """The record now open (None: a new one)."""
        self.uid = uid
        self._update()

    def set_waiting(self, uids: frozenset[str]) -> None:
        """The records with two versions waiting (after every round)."""
        self.waiting = uids
        self._update()

    def _update(self) -> None:
        self.setVisible(self.uid is not None and self.uid in self.waiting)

    def on_clicked(self) -> None:
        if self.uid is not None:
            self.open_requested.emit(self.uid)

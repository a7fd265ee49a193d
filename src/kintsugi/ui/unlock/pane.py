"""The unlock screen: passphrase, Caps Lock hint, a busy bar while the KDF runs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.ui.unlock.breathe_first import BreatheFirstNote
from kintsugi.ui.unlock.passphrase import PassphraseField, centre
from kintsugi.ui.widgets.reflow import Column


class UnlockPane(QWidget):
    unlock_requested = Signal(str)
    recovery_requested = Signal()
    restore_requested = Signal()
    breathe_requested = Signal()  # the built-in exercises, before (without) the passphrase
    support_requested = Signal()  # the support card, if the person chose to have one

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(self.tr("Welcome back"), textFormat=Qt.TextFormat.PlainText)
        heading.setProperty("role", "heading")
        self.hint = QLabel(
            self.tr("Take your time. Enter your passphrase to open your journal."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.hint.setProperty("role", "subtle")
        self.passphrase = PassphraseField(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.on_unlock_clicked)
        self.caps = QLabel(  # type: ignore[call-overload]
            self.tr("Caps Lock seems to be on."), visible=False, textFormat=Qt.TextFormat.PlainText
        )
        self.caps.setProperty("role", "subtle")
        self.passphrase.caps_lock_changed.connect(self.caps.setVisible)
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setProperty("role", "error")
        self.message.setAccessibleName(self.tr("Message"))
        self.busy = QProgressBar(minimum=0, maximum=0, visible=False, textVisible=False)  # type: ignore[call-arg]
        self.busy.setAccessibleName(self.tr("Opening the journal"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setProperty("role", "primary")
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self.on_unlock_clicked)
        self.recovery_button = QPushButton(self.tr("Use recovery key…"), flat=True)
        self.recovery_button.setAccessibleName(self.tr("Use recovery key"))
        self.recovery_button.clicked.connect(self.recovery_requested)
        self.restore_button = QPushButton(  # type: ignore[call-overload]
            self.tr("Restore from a backup…"), flat=True, visible=False
        )
        self.restore_button.setAccessibleName(self.tr("Restore from a backup"))
        self.restore_button.clicked.connect(self.restore_requested)
        self.vault_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.vault_label.setProperty("role", "subtle")

        self.calm_row = BreatheFirstNote()
        self.calm_row.breathe_requested.connect(self.breathe_requested)
        self.calm_row.support_requested.connect(self.support_requested)
        self.breathe_button = self.calm_row.breathe_button
        self.people_button = self.calm_row.people_button

        column = Column(chars=48)  # as wide as 48 characters of the text size
        layout = QVBoxLayout(column)
        layout.setSpacing(10)
        for w in (
            heading,
            self.hint,
            self.passphrase,
            self.caps,
            self.message,
            self.busy,
            self.unlock_button,
            self.recovery_button,
            self.restore_button,
        ):
            layout.addWidget(w)
        layout.addSpacing(14)
        layout.addWidget(self.calm_row)
        layout.addSpacing(6)
        layout.addWidget(self.vault_label)
        centre(self, column)

    def set_vault_name(self, name: str) -> None:
        """Name the journal file, or (the default, for discretion) say nothing."""
        self.vault_label.setText(self.tr("Journal file: %1").replace("%1", name) if name else "")
        self.vault_label.setVisible(bool(name))

    def on_unlock_clicked(self) -> None:
        if not self.passphrase.text():
            self.show_error(self.tr("Please enter your passphrase."))
            return
        self.set_busy(True)
        self.show_error("")
        self.unlock_requested.emit(self.passphrase.text())

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for w in (self.passphrase, self.unlock_button, self.recovery_button):
            w.setEnabled(not busy)

    def show_error(self, text: str, offer_restore: bool = False) -> None:
        """Keep what was typed, selected, so it can be corrected or retyped."""
        self.message.setText(text)
        self.restore_button.setVisible(offer_restore)
        if text:
            self.set_busy(False)
            self.passphrase.setFocus()
            self.passphrase.selectAll()

    def set_support_available(self, available: bool) -> None:
        self.people_button.setVisible(available)

    def clear(self) -> None:
        self.passphrase.clear()
        self.message.clear()
        self.set_busy(False)
        self.passphrase.setFocus()

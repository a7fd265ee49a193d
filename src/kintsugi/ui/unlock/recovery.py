"""Recovery key dialogs: show a new key once (copy, save, print); unlock with a key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.fsutil import PendingRegistry, atomic_write_bytes
from kintsugi.ui.dialogs.files import ask_save
from kintsugi.ui.discretion import EXPORT_NAMES, on_this_computer, removable_media
from kintsugi.ui.unlock.passphrase import PassphraseField, StrengthMeter, too_short
from kintsugi.ui.widgets.safe_text import SafeTextDocument


class RecoveryKeyDialog(QDialog):
    """Shows the key once. Copy puts it on the clipboard (cleared again on lock)."""

    def __init__(
        self,
        recovery_key: str,
        parent: QWidget | None = None,
        pending: PendingRegistry | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your recovery key"))
        self.recovery_key = recovery_key
        self.pending = pending  # the open vault records the temp of a save (fsutil)
        text = QLabel(
            self.tr(
                "This key opens your journal if you ever forget the passphrase. Write it down or "
                "save it somewhere safe, away from this computer. It is shown only now; you can "
                "make a new one later in Settings. It stops working when you change the passphrase."
                "\n\nKeep it off this computer: on a USB stick you keep elsewhere, on paper, or "
                "in a password manager on another device. A copy left here opens your journal "
                "for anyone who can open your files."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.key_label = QLabel(recovery_key, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.font().pointSizeF() * 1.25)  # a little larger than the text
        self.key_label.setFont(font)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        copy = QPushButton(self.tr("Copy"))
        copy.setAccessibleName(self.tr("Copy the recovery key"))
        copy.clicked.connect(self.on_copy_clicked)
        save = QPushButton(self.tr("Save to a file…"))
        save.setAccessibleName(self.tr("Save the recovery key to a file"))
        save.clicked.connect(self.on_save_clicked)
        save.setDefault(True)  # Enter saves it where the person chooses (never the clipboard)
        print_ = QPushButton(self.tr("Print…"))
        print_.setAccessibleName(self.tr("Print the recovery key"))
        print_.clicked.connect(self.on_print_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("I have kept it"))
        buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        for b in (save, copy, print_):  # saving first: it has the focus, Enter presses it
            row.addWidget(b)
        row.addStretch(1)
        self.status = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.status.setProperty("role", "subtle")
        layout = QVBoxLayout(self)
        for w in (text, self.key_label):
            layout.addWidget(w)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.recovery_key)
        self.status.setText(self.tr("Copied. It will be cleared from the clipboard on lock."))

    def on_save_clicked(self) -> None:
        """The person chooses where; a USB stick is offered first when one is plugged in,
        never a place in the home folder."""
        stick = removable_media()
        name = EXPORT_NAMES["recovery"]
        path = ask_save(
            self,
            self.tr("Save the recovery key (away from this computer)"),
            stick / name if stick else Path(name),
            self.tr("Text (*.txt)"),
        )
        if path:
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        text = self.tr("Recovery key\n\n%1\n").replace("%1", self.recovery_key)
        atomic_write_bytes(path, text.encode("utf-8"), pending=self.pending)
        if on_this_computer(path):
            self.status.setText(
                self.tr(
                    "Saved, but on this computer. Move it to a USB stick or print it, then "
                    "delete this copy."
                )
            )
        else:
            self.status.setText(self.tr("Saved. Keep it somewhere safe, away from this computer."))

    def on_print_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            doc = SafeTextDocument()
            doc.setPlainText(self.tr("Recovery key\n\n%1").replace("%1", self.recovery_key))
            doc.print_(printer)


class RecoveryUnlockDialog(QDialog):
    """Recovery key plus a new passphrase (twice)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open with the recovery key"))
        intro = QLabel(
            self.tr(
                "Type your recovery key, then choose a new passphrase. "
                "The old passphrase and this recovery key will stop working."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.key = QLineEdit(placeholderText="XXXX-XXXX-XXXX-…")
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.new = PassphraseField(self.tr("New passphrase"))
        self.meter = StrengthMeter(self.new)
        self.repeat = PassphraseField(self.tr("Repeat the new passphrase"))
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setProperty("role", "error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        self.buttons.accepted.connect(self.on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, self.key, self.new, self.meter, self.repeat, self.message, self.buttons):
            layout.addWidget(w)

    def on_accepted(self) -> None:
        if problem := too_short(self.new.text()):
            self.message.setText(problem)
        elif self.new.text() != self.repeat.text():
            self.message.setText(self.tr("The two passphrases are different."))
        elif not self.key.text().strip():
            self.message.setText(self.tr("Please type the recovery key."))
        else:
            self.accept()

"""Join a journal from another computer (from the welcome screen): a new journal file here,
its passphrase, the sync folder and the pairing code the other computer showed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kintsugi.ui.sync.dialog import FolderField
from kintsugi.ui.sync.progress import ProgressRelay, progress_text
from kintsugi.ui.unlock.passphrase import PassphraseField, StrengthMeter, too_short
from kintsugi.ui.widgets.reflow import scrolling


class JoinDialog(QDialog):
    """Emits ``join_requested(passphrase, folder, pairing_code)`` when the form is sound; the
    window creates the journal and joins off the UI thread, then calls :meth:`failed` or
    closes it."""

    join_requested = Signal(str, object, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join a journal from another computer"))
        intro = QLabel(
            self.tr(
                "On the other computer, Settings → Use on another computer showed a pairing "
                "code. Once your sync tool has carried that folder here, choose it and type "
                "the code. This computer gets its own journal file, with a passphrase of its "
                "own; the entries come through the folder."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.folder = FolderField(self.tr("Choose the sync folder"))
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Pairing code"))
        self.code.setPlaceholderText(self.tr("Pairing code"))
        self.passphrase = PassphraseField(self.tr("Passphrase for this computer's journal"))
        self.repeat = PassphraseField(self.tr("Repeat the passphrase"))
        self.meter = StrengthMeter(self.passphrase)
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setProperty("role", "error")
        self.message.setAccessibleName(self.tr("Message"))
        self.progress = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.progress.setProperty("role", "subtle")  # "Receiving 12,000 of 100,000 items…"
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.relay = ProgressRelay(self)
        self.relay.moved.connect(self.on_progress)
        self.busy = QProgressBar(minimum=0, maximum=0, visible=False, textVisible=False)  # type: ignore[call-arg]
        self.busy.setAccessibleName(self.tr("Joining"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Join"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self.on_join)
        self.buttons.rejected.connect(self.reject)
        content = QWidget()
        layout = QVBoxLayout(content)
        folder_label = QLabel(self.tr("Sync folder"), textFormat=Qt.TextFormat.PlainText)
        folder_label.setBuddy(self.folder.edit)
        code_label = QLabel(self.tr("Pairing code"), textFormat=Qt.TextFormat.PlainText)
        code_label.setBuddy(self.code)
        for w in (
            intro,
            folder_label,
            self.folder,
            code_label,
            self.code,
            self.passphrase,
            self.meter,
            self.repeat,
        ):
            layout.addWidget(w)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(content), 1)
        outer.addWidget(self.message)
        outer.addWidget(self.progress)
        outer.addWidget(self.busy)
        outer.addWidget(self.buttons)
        self.resize(
            max(self.sizeHint().width(), self.fontMetrics().averageCharWidth() * 72),
            self.sizeHint().height(),
        )
        self.folder.edit.setFocus()

    def on_join(self) -> None:
        folder: Path | None = self.folder.path()
        code = self.code.text().strip()
        first, second = self.passphrase.text(), self.repeat.text()
        if folder is None:
            self.failed(self.tr("Choose the sync folder first."))
            self.folder.edit.setFocus()
        elif not code:
            self.failed(self.tr("Type the pairing code the other computer shows."))
            self.code.setFocus()
        elif problem := too_short(first):
            self.failed(problem)
            self.passphrase.setFocus()
        elif first != second:
            self.failed(self.tr("The two passphrases are different."))
            self.repeat.setFocus()
        else:
            self.message.clear()
            self.set_busy(True)
            self.join_requested.emit(first, folder, code)

    def on_progress(self, step: str, done: int, total: int) -> None:
        """How many of the other computer's items have come (from the worker)."""
        if self.busy.isVisible():
            self.progress.setText(progress_text(step, done, total))
            self.progress.show()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.progress.clear()
        self.progress.hide()
        for w in (self.folder, self.code, self.passphrase, self.repeat, self.buttons):
            w.setEnabled(not busy)
        self.message.setProperty("role", "subtle" if busy else "error")
        self.message.style().polish(self.message)
        self.message.setText(
            self.tr(
                "Joining: the entries come from the folder. For a large journal this takes a "
                "few minutes; the journal opens when it is done."
            )
            if busy
            else ""
        )

    def failed(self, text: str) -> None:
        if not isValid(self):
            return  # the dialog went meanwhile (the journal was locked): nothing to show
        self.set_busy(False)
        self.message.setText(text)

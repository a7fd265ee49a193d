"""File → Restore from backup…: choose a backup, look inside it, restore it atomically."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import backups
from kintsugi.core.i18n import marked
from kintsugi.ui.dialogs.files import ask_open
from kintsugi.ui.i18n import day_text, short_moment_text
from kintsugi.ui.messages import describe
from kintsugi.ui.unlock.passphrase import PassphraseField
from kintsugi.ui.workers import run_in_background

REASON_WORDS = {
    "daily": QT_TRANSLATE_NOOP("RestoreDialog", "daily"),
    "before-passphrase-change": QT_TRANSLATE_NOOP("RestoreDialog", "before a passphrase change"),
    "before-empty-trash": QT_TRANSLATE_NOOP("RestoreDialog", "before emptying the trash"),
    "before-restore": QT_TRANSLATE_NOOP("RestoreDialog", "before a restore"),
    "before-migration": QT_TRANSLATE_NOOP("RestoreDialog", "before an update"),
    "manual": QT_TRANSLATE_NOOP("RestoreDialog", "made by hand"),
}


def reason_words(reason: str) -> str:
    known = REASON_WORDS.get(reason)
    return marked("RestoreDialog", known) if known else reason


class RestoreDialog(QDialog):
    """Emits ``restore_requested(backup path, passphrase)`` once the person confirms."""

    restore_requested = Signal(Path, str)

    def __init__(self, folder: Path, stem: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups, newest first"))
        for b in backups.list_backups(folder, stem):
            self._add(
                b.path,
                f"{short_moment_text(b.taken_at.astimezone())} · {reason_words(b.reason)}",
            )
        other = QPushButton(self.tr("Choose another file…"))
        other.setAccessibleName(self.tr("Choose a backup file"))
        other.clicked.connect(self.on_other_clicked)
        self.passphrase = PassphraseField(self.tr("The backup's passphrase"))
        self.look = QPushButton(self.tr("Look inside"))
        self.look.setAccessibleName(self.tr("Look inside the backup"))
        self.look.clicked.connect(self.on_look_clicked)
        self.details = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.details.setAccessibleName(self.tr("What the backup holds"))
        self.busy = QProgressBar(minimum=0, maximum=0, visible=False, textVisible=False)  # type: ignore[call-arg]
        self.busy.setAccessibleName(self.tr("Opening the backup"))
        note = QLabel(
            self.tr("Your journal as it is now is kept aside first, so a restore loses nothing."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        note.setProperty("role", "subtle")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.on_restore_clicked)
        self.buttons.rejected.connect(self.reject)
        empty = (
            QLabel(self.tr("No backups here yet."), textFormat=Qt.TextFormat.PlainText)
            if not self.list.count()
            else None
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        if empty:
            empty.setProperty("role", "subtle")
            layout.addWidget(empty)
        for w in (other, self.passphrase, self.look, self.busy, self.details, note, self.buttons):
            layout.addWidget(w)
        self.list.currentItemChanged.connect(self.on_selection_changed)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.resize(520, 480)

    def _add(self, path: Path, label: str) -> None:
        row = QListWidgetItem(label)
        row.setData(Qt.ItemDataRole.UserRole, str(path))
        self.list.addItem(row)

    def chosen(self) -> Path | None:
        row = self.list.currentItem()
        return Path(row.data(Qt.ItemDataRole.UserRole)) if row else None

    def on_other_clicked(self) -> None:
        path = ask_open(
            self, self.tr("Choose a backup"), self.tr("Kintsugi journal files (*.kintsugi)")
        )
        if path:
            self._add(path, path.name)
            self.list.setCurrentRow(self.list.count() - 1)

    def on_selection_changed(self, *_: object) -> None:
        self.details.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def on_look_clicked(self) -> None:
        path, passphrase = self.chosen(), self.passphrase.text()
        if path is None or not passphrase:
            self.details.setText(self.tr("Choose a backup and type its passphrase."))
            return
        self.busy.show()
        run_in_background(
            lambda: backups.inspect_backup(path, passphrase), self.on_looked, self.on_failed
        )

    def on_looked(self, d: backups.BackupDetails) -> None:
        self.busy.hide()
        text = self.tr("%n journal entries", "", d.entries) + ", "
        text += self.tr("%n items in all", "", d.items)
        if d.newest:
            text += ", " + self.tr("the newest from %1").replace("%1", day_text(d.newest))
        self.details.setText(text + ".")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def on_failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.details.setText(describe(exc))

    def on_restore_clicked(self) -> None:
        path = self.chosen()
        if path is not None:
            self.accept()
            self.restore_requested.emit(path, self.passphrase.text())

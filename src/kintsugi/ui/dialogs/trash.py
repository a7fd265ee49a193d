"""The trash: restore what was deleted, or empty it for good."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import backups
from kintsugi.ui import channel
from kintsugi.ui.i18n import day_text
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.summary_words import title_text
from kintsugi.ui.workers import run_in_background


class TrashDialog(QDialog):
    restored = Signal(int)
    emptied = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Trash"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Items in the trash"))
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.note = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.note.setProperty("role", "subtle")
        self.empty_note = QLabel(self.tr("The trash is empty."), textFormat=Qt.TextFormat.PlainText)
        self.empty_note.setProperty("role", "subtle")
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setAccessibleName(self.tr("Restore the selected items"))
        self.restore_button.clicked.connect(self.on_restore_clicked)
        self.list.itemSelectionChanged.connect(self._on_selection_changed)
        self.empty_button = QPushButton(self.tr("Empty trash…"))
        self.empty_button.setAccessibleName(self.tr("Empty the trash"))
        self.empty_button.clicked.connect(self.on_empty_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.restore_button.setDefault(True)  # (once in the dialog) Enter restores, never empties
        self.resize(480, 420)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for item in self.session.items().trash():
            row = QListWidgetItem(f"{day_text(item.occurred_at)}  ·  {title_text(item) or '—'}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(row)
        empty = self.list.count() == 0
        self.empty_note.setVisible(empty)
        self.empty_button.setEnabled(not empty)
        if not empty:
            self.list.setCurrentRow(0)  # the newest, chosen: Enter restores it
        self._on_selection_changed()

    def _on_selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.list.selectedItems()))

    def on_restore_clicked(self) -> None:
        for row in self.list.selectedItems():
            item_id = row.data(Qt.ItemDataRole.UserRole)
            self.session.items().restore(item_id)
            self.restored.emit(item_id)
        self.reload()

    def on_empty_clicked(self, *, confirm: bool = True) -> None:
        n = self.list.count()
        if (
            confirm
            and channel.ask(
                self,
                self.tr("Empty the trash"),
                self.tr("Delete %n item(s) for good? This cannot be undone.", "", n),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
                QMessageBox.Icon.Question,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        vault, items = self.session.vault, self.session.items()
        assert vault is not None  # items() above needs it open

        def work() -> int:  # a backup of a large vault takes seconds: never on the UI thread
            backups.take_backup(vault, "before-empty-trash")
            return items.empty_trash()

        self.empty_button.setEnabled(False)
        self.note.setText(self.tr("Keeping a backup first, then emptying…"))
        run_in_background(work, self.on_emptied, self.on_failed)

    def on_emptied(self, count: int) -> None:
        self.note.clear()
        self.emptied.emit(count)
        if self.session.is_open:
            self.reload()

    def on_failed(self, exc: BaseException) -> None:
        self.note.setText(describe(exc))
        self.empty_button.setEnabled(True)

"""The people and lines the user trusts, one click away from the quick log and exercises."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.errors import KintsugiError
from kintsugi.core.repo.support import SupportContact
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session


class SupportDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Support"))
        intro = QLabel(
            self.tr("People and lines you trust. You don't have to do this alone."), wordWrap=True
        )
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Support contacts"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Phone or address"), self.tr("Note")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.empty = QLabel(
            self.tr("No one here yet. Add a therapist, a friend, or a crisis line you trust."),
            wordWrap=True,
        )
        self.empty.setProperty("role", "subtle")
        add = QPushButton(self.tr("Add"))
        add.setAccessibleName(self.tr("Add a contact"))
        add.clicked.connect(self.on_add_clicked)
        remove = QPushButton(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove the selected contact"))
        remove.clicked.connect(self.on_remove_clicked)
        self.message = QLabel(wordWrap=True)
        self.message.setProperty("role", "error")
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Close)
        buttons.addButton(add, QDialogButtonBox.ActionRole)
        buttons.addButton(remove, QDialogButtonBox.ActionRole)
        buttons.accepted.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, self.table, self.empty, self.message, buttons):
            layout.addWidget(w)
        self.resize(560, 340)
        self.load(session.support_contacts().all())

    def load(self, contacts: list[SupportContact]) -> None:
        self.table.setRowCount(0)
        for c in contacts:
            self._add_row(c)
        self.empty.setVisible(not contacts)

    def _add_row(self, c: SupportContact) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate((c.name, c.reach, c.note)):
            self.table.setItem(row, col, QTableWidgetItem(text))

    def contacts(self) -> list[SupportContact]:
        out = []
        for row in range(self.table.rowCount()):
            name, reach, note = (
                self.table.item(row, c).text() if self.table.item(row, c) else "" for c in range(3)
            )
            if name.strip() or reach.strip():
                out.append(SupportContact(name.strip(), reach.strip(), note.strip()))
        return out

    def on_add_clicked(self) -> None:
        self._add_row(SupportContact(""))
        self.empty.hide()
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def on_remove_clicked(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def on_save_clicked(self) -> None:
        try:
            self.session.support_contacts().save_all(self.contacts())
        except KintsugiError as exc:
            self.message.setText(describe(exc))
            return
        self.accept()

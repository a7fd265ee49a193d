"""Dialogs for sharing: who a bundle is for, and this vault's key and address book."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import share
from kintsugi.core.errors import KintsugiError
from kintsugi.core.repo.sharing import ShareContact
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.unlock.passphrase import PassphraseField, too_short
from kintsugi.ui.widgets.cells import cell_text


class BundleDialog(QDialog):
    """For whom: people in the address book (their age keys), or a passphrase."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Encrypted bundle"))
        sharing = session.sharing()
        self.contacts = sharing.contacts()
        self.by_key = QRadioButton(self.tr("For people in my address book"))
        self.by_key.setAccessibleName(self.tr("Encrypt to saved keys"))
        self.by_passphrase = QRadioButton(self.tr("With a passphrase we both know"))
        self.by_passphrase.setAccessibleName(self.tr("Encrypt with a passphrase"))
        self.checks = []
        for c in self.contacts:
            box = QCheckBox(f"{c.label}  ({c.recipient[:16]}…)")
            box.setAccessibleName(c.label)
            self.checks.append(box)
        self.passphrase = PassphraseField(self.tr("Bundle passphrase"))
        self.repeat = PassphraseField(self.tr("Repeat the bundle passphrase"))
        self.name = QLineEdit(sharing.display_name(), placeholderText=self.tr("Your name"))
        self.name.setAccessibleName(self.tr("Your name, shown to the reader"))
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setProperty("role", "error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose where to save…"))
        buttons.accepted.connect(self.on_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.by_key)
        for box in self.checks:
            layout.addWidget(box)
        if not self.contacts:
            none = QLabel(
                self.tr("No saved keys yet (Share → Keys and people…)."),
                textFormat=Qt.TextFormat.PlainText,
            )
            none.setProperty("role", "subtle")
            layout.addWidget(none)
        layout.addWidget(self.by_passphrase)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.repeat)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.name)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.by_key if self.contacts else self.by_passphrase).setChecked(True)

    def recipients(self) -> list[str]:
        if not self.by_key.isChecked():
            return []
        return [
            c.recipient
            for c, box in zip(self.contacts, self.checks, strict=True)
            if box.isChecked()
        ]

    def recipient_label(self) -> str:
        if self.by_key.isChecked():
            return ", ".join(
                c.label
                for c, box in zip(self.contacts, self.checks, strict=True)
                if box.isChecked()
            )
        return self.tr("passphrase bundle")

    def on_accepted(self) -> None:
        if self.by_key.isChecked() and not self.recipients():
            self.message.setText(self.tr("Choose at least one person."))
        elif self.by_passphrase.isChecked() and (problem := too_short(self.passphrase.text())):
            self.message.setText(problem)
        elif self.by_passphrase.isChecked() and self.passphrase.text() != self.repeat.text():
            self.message.setText(self.tr("The two passphrases are different."))
        else:
            self.accept()


class SharingSettingsDialog(QDialog):
    """My sharing key (to give my partner or therapist), my name, and their keys."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Keys and people"))
        sharing = session.sharing()
        self.my_key = QLineEdit(sharing.my_key(), readOnly=True)
        self.my_key.setAccessibleName(self.tr("My sharing key"))
        copy = QPushButton(self.tr("Copy my key"))
        copy.setAccessibleName(self.tr("Copy my sharing key"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.my_key.text()))
        self.fingerprint = QLineEdit(sharing.my_fingerprint(), readOnly=True)
        self.fingerprint.setAccessibleName(self.tr("My signing key's fingerprint"))
        self.name = QLineEdit(sharing.display_name(), placeholderText=self.tr("e.g. Alex"))
        self.name.setAccessibleName(self.tr("My name on what I share"))
        self.table = QTableWidget(0, 3)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Address book"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Who"), self.tr("Their key (age1…)"), self.tr("Signing key fingerprint")]
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        for c in sharing.contacts():
            self._add(c)
        add = QPushButton(self.tr("Add a person"))
        add.setAccessibleName(self.tr("Add a person"))
        add.clicked.connect(lambda: self._add(ShareContact("", "")))
        remove = QPushButton(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove the selected person"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setProperty("role", "error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)
        note = QLabel(
            self.tr(
                "Give this key to your partner or therapist: with it they can "
                "make bundles only you can open. It is not a secret. Everything you share is "
                "signed; the fingerprint is what they compare to know a bundle is yours."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        note.setProperty("role", "subtle")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("My sharing key"), self.my_key)
        form.addRow("", copy)
        form.addRow(self.tr("My fingerprint"), self.fingerprint)
        form.addRow(self.tr("My name"), self.name)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(add)
        layout.addWidget(remove)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _add(self, c: ShareContact) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        who = QTableWidgetItem(c.label)
        who.setData(Qt.ItemDataRole.UserRole, c.signing_key)
        self.table.setItem(row, 0, who)
        self.table.setItem(row, 1, QTableWidgetItem(c.recipient))
        shown = share.fingerprint(c.signing_key) if c.signing_key else self.tr("not saved yet")
        mark = QTableWidgetItem(shown)
        mark.setFlags(mark.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 2, mark)

    def on_save_clicked(self) -> None:
        contacts = []
        for row in range(self.table.rowCount()):
            label, key = (cell_text(self.table, row, c).strip() for c in range(2))
            first = self.table.item(row, 0)
            signing = first.data(Qt.ItemDataRole.UserRole) if first is not None else ""
            if key:
                contacts.append(ShareContact(label, key, signing or ""))
        try:
            sharing = self.session.sharing()
            sharing.save_contacts(contacts)
            sharing.set_display_name(self.name.text())
        except KintsugiError as exc:
            self.message.setText(describe(exc))
            return
        self.accept()

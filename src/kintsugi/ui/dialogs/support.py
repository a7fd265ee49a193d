"""The people and lines the user trusts, one click away from the quick log and exercises.

Saved as you go, like every other form (nothing to forget to press), and at once on close.
The crisis line is the person's own: pick a country for a starting number, then edit it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.i18n import marked
from kintsugi.core.repo.support import SupportContact
from kintsugi.core.support_card import BUILT_IN_LINES, CrisisLine, built_in
from kintsugi.ui.autosave import Autosaver
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.cells import cell_text, edit_cell
from kintsugi.ui.widgets.screen_fit import fit_to_screen


class SupportDialog(QDialog):
    changed = Signal()  # saved: the home screen's "people who help" follows
    safety_plan_requested = Signal()  # "My safety plan…": one step from the people who help

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._loading = True
        self.autosaver = Autosaver(self._save, self)
        self.setWindowTitle(self.tr("People who help"))
        intro = QLabel(
            self.tr("People and lines you trust. You don't have to do this alone."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.table = QTableWidget(0, 3)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(self.tr("Support contacts"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Phone or address"), self.tr("Note")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemChanged.connect(self.on_changed)
        self.empty = QLabel(
            self.tr("No one here yet. Add a therapist, a friend, or someone you trust."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.empty.setProperty("role", "subtle")
        add = QPushButton(self.tr("Add"))
        add.setAccessibleName(self.tr("Add a contact"))
        add.clicked.connect(self.on_add_clicked)
        remove = QPushButton(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove the selected contact"))
        remove.clicked.connect(self.on_remove_clicked)

        self.country = QComboBox()
        self.country.setAccessibleName(self.tr("Crisis line: country"))
        self.country.addItem(self.tr("None"), "none")
        for code, (country, name, number, _source) in sorted(
            BUILT_IN_LINES.items(), key=lambda kv: kv[1][0]
        ):
            self.country.addItem(f"{marked('country', country)} — {name}, {number}", code)
        self.country.addItem(self.tr("My own line"), "")
        self.line_name = QLineEdit(placeholderText=self.tr("Name of the line"))
        self.line_name.setAccessibleName(self.tr("Crisis line: name"))
        self.line_number = QLineEdit(placeholderText=self.tr("Number"))
        self.line_number.setAccessibleName(self.tr("Crisis line: number"))
        self.country.currentIndexChanged.connect(self.on_country_changed)
        self.line_name.textEdited.connect(self.on_line_edited)
        self.line_number.textEdited.connect(self.on_line_edited)
        crisis = QFormLayout()
        crisis.addRow(self.tr("Crisis line"), self.country)
        crisis.addRow(self.tr("Name"), self.line_name)
        crisis.addRow(self.tr("Number"), self.line_number)
        crisis_note = QLabel(
            self.tr("Choose your country for a number to start from; you can change it."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        crisis_note.setProperty("role", "subtle")

        self.state = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.state.setAccessibleName(self.tr("Save state"))
        self.autosaver.state_changed.connect(self.on_state_changed)
        self.message = self.state  # where a problem shows (one line, never a pop-up)
        self.plan_button = QPushButton(self.tr("My safety plan…"))
        self.plan_button.setAccessibleName(self.tr("My safety plan"))
        self.plan_button.clicked.connect(self.safety_plan_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.plan_button, QDialogButtonBox.ButtonRole.HelpRole)
        buttons.addButton(add, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(remove, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, self.table, self.empty):
            layout.addWidget(w)
        layout.addLayout(crisis)
        for bottom in (crisis_note, self.state, buttons):
            layout.addWidget(bottom)
        fit_to_screen(self, (620, 480))
        repo = session.support_contacts()
        self.load(repo.all(), repo.crisis_line())

    def load(self, contacts: list[SupportContact], line: CrisisLine | None = None) -> None:
        self._loading = True
        self.table.setRowCount(0)
        for c in contacts:
            self._add_row(c)
        self.empty.setVisible(not contacts)
        code = "none" if line is None else line.country
        index = self.country.findData(code)
        self.country.setCurrentIndex(index if index >= 0 else self.country.findData(""))
        self.line_name.setText(line.name if line else "")
        self.line_number.setText(line.number if line else "")
        self._loading = False
        self.autosaver.reset()

    def _add_row(self, c: SupportContact) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate((c.name, c.reach, c.note)):
            self.table.setItem(row, col, QTableWidgetItem(text))

    def contacts(self) -> list[SupportContact]:
        out = []
        for row in range(self.table.rowCount()):
            name, reach, note = (cell_text(self.table, row, c) for c in range(3))
            if name.strip() or reach.strip():
                out.append(SupportContact(name.strip(), reach.strip(), note.strip()))
        return out

    def crisis_line(self) -> CrisisLine | None:
        code = self.country.currentData()
        if code == "none" or not self.line_number.text().strip():
            return None
        return CrisisLine(self.line_name.text().strip(), self.line_number.text().strip(), code)

    # --- editing ------------------------------------------------------------------------
    def on_changed(self, *_: object) -> None:
        if not self._loading:
            self.autosaver.changed()

    def on_country_changed(self) -> None:
        if self._loading:
            return
        code = self.country.currentData()
        self._loading = True
        if code in BUILT_IN_LINES:
            line = built_in(code)
            self.line_name.setText(line.name)
            self.line_number.setText(line.number)
        elif code == "none":
            self.line_name.clear()
            self.line_number.clear()
        self._loading = False
        self.on_changed()

    def on_line_edited(self) -> None:
        code = self.country.currentData()
        if code in BUILT_IN_LINES and (self.line_name.text(), self.line_number.text()) != (
            built_in(code).name,
            built_in(code).number,
        ):
            self._loading = True
            self.country.setCurrentIndex(self.country.findData(""))  # now the person's own
            self._loading = False
        elif code == "none":
            self._loading = True
            self.country.setCurrentIndex(self.country.findData(""))
            self._loading = False
        self.on_changed()

    def on_add_clicked(self) -> None:
        self._loading = True
        self._add_row(SupportContact(""))
        self._loading = False
        self.empty.hide()
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        edit_cell(self.table, self.table.rowCount() - 1, 0)

    def on_remove_clicked(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())
            self.on_changed()

    def on_state_changed(self, state: str, text: str) -> None:
        self.state.setText(text)

    # --- saving -------------------------------------------------------------------------
    def _save(self) -> None:
        repo = self.session.support_contacts()
        repo.save_all(self.contacts())
        repo.set_crisis_line(self.crisis_line())
        self.changed.emit()

    def flush(self) -> bool:
        return self.session.is_open and self.autosaver.save_now()

    def done(self, result: int) -> None:
        if self.session.is_open:
            self.autosaver.save_now()  # closing never loses a contact
        super().done(result)

"""Your own grounding techniques: a name and steps, each timed (seconds) or untimed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.errors import KintsugiError
from kintsugi.core.exercises import CustomTechnique, TimedStep
from kintsugi.ui.i18n import number_text, read_number
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.cells import cell_text, edit_cell


class TechniquesDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("My grounding techniques"))
        self.techniques = session.custom_techniques().all()
        self._current = -1
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("My techniques"))
        self.list.currentRowChanged.connect(self.on_current_row_changed)
        add = QPushButton(self.tr("New technique"))
        add.setAccessibleName(self.tr("New technique"))
        add.clicked.connect(self.on_add_clicked)
        remove = QPushButton(self.tr("Remove"))
        remove.setAccessibleName(self.tr("Remove the technique"))
        remove.clicked.connect(self.on_remove_clicked)
        self.name = QLineEdit(placeholderText=self.tr("Name"))
        self.name.setAccessibleName(self.tr("Technique name"))
        self.steps = QTableWidget(0, 2)
        self.steps.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.steps.setAccessibleName(self.tr("Steps"))
        self.steps.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Seconds (empty: untimed)")])
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.verticalHeader().hide()
        add_step = QPushButton(self.tr("Add step"))
        add_step.setAccessibleName(self.tr("Add a step"))
        add_step.clicked.connect(lambda: self._add_step(TimedStep("", None), edit=True))
        del_step = QPushButton(self.tr("Remove step"))
        del_step.setAccessibleName(self.tr("Remove the selected step"))
        del_step.clicked.connect(lambda: self.steps.removeRow(self.steps.currentRow()))
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setProperty("role", "error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addWidget(add)
        left.addWidget(remove)
        right = QVBoxLayout()
        right.addWidget(self.name)
        right.addWidget(self.steps)
        step_row = QHBoxLayout()
        step_row.addWidget(add_step)
        step_row.addWidget(del_step)
        step_row.addStretch(1)
        right.addLayout(step_row)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(680, 400)
        for t in self.techniques:
            self.list.addItem(t.name)
        if self.techniques:
            self.list.setCurrentRow(0)

    def _add_step(self, step: TimedStep, edit: bool = False) -> None:
        row = self.steps.rowCount()
        self.steps.insertRow(row)
        self.steps.setItem(row, 0, QTableWidgetItem(step.text))
        self.steps.setItem(
            row, 1, QTableWidgetItem("" if step.seconds is None else number_text(step.seconds))
        )
        if edit:
            edit_cell(self.steps, row, 0)

    def _store_current(self) -> None:
        if 0 <= self._current < len(self.techniques):
            steps = []
            for row in range(self.steps.rowCount()):
                text = cell_text(self.steps, row, 0).strip()
                raw = cell_text(self.steps, row, 1).strip()
                seconds = read_number(raw) if raw else None
                if text:
                    steps.append(TimedStep(text, seconds))
            self.techniques[self._current] = CustomTechnique(self.name.text().strip(), steps)
            self.list.item(self._current).setText(self.name.text().strip() or "—")

    def on_current_row_changed(self, row: int) -> None:
        self._store_current()
        self._current = row
        self.steps.setRowCount(0)
        if 0 <= row < len(self.techniques):
            self.name.setText(self.techniques[row].name)
            for s in self.techniques[row].steps:
                self._add_step(s)

    def on_add_clicked(self) -> None:
        self._store_current()
        self.techniques.append(
            CustomTechnique(self.tr("My technique"), [TimedStep(self.tr("Breathe slowly"), 30.0)])
        )
        self.list.addItem(self.techniques[-1].name)
        self.list.setCurrentRow(len(self.techniques) - 1)

    def on_remove_clicked(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self._current = -1
            del self.techniques[row]
            self.list.takeItem(row)

    def on_save_clicked(self) -> None:
        self._store_current()
        try:
            self.session.custom_techniques().save_all(self.techniques)
        except KintsugiError as exc:
            self.message.setText(describe(exc))
            return
        self.accept()

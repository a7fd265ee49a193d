"""Goals: short, measurable, with a due date and progress. Reaching one is acknowledged once,
kindly."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.records import Goal, GoalProgress, Record
from kintsugi.ui.checkins.boundaries_tab import OptionalDate
from kintsugi.ui.checkins.record_list import RecordListTab
from kintsugi.ui.i18n import day_text, number_text, read_day, read_number
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.cells import cell_text


class GoalCard(QWidget):
    def __init__(self, goal: Goal, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(
            goal.text or self.tr("(not written yet)"),
            textFormat=Qt.TextFormat.PlainText,
            wordWrap=True,
        )
        self.bar = QProgressBar(textVisible=True)
        self.bar.setAccessibleName(self.tr("Progress of %1").replace("%1", goal.text))
        target = goal.target_amount or 1
        self.bar.setMaximum(1000)
        self.bar.setValue(1000 if goal.reached else int(1000 * min(1.0, goal.achieved / target)))
        if goal.target_amount:
            text = self.tr("%1 of %2 %3").replace("%3", goal.target_unit)
            text = text.replace("%1", number_text(goal.achieved))
            text = text.replace("%2", number_text(goal.target_amount)).strip()
        else:
            text = self.tr("Done") if goal.done else self.tr("In progress")
        self.bar.setFormat(text.replace("%", "%%"))
        due = QLabel(
            self.tr("due %1").replace("%1", day_text(goal.due)) if goal.due else "",
            textFormat=Qt.TextFormat.PlainText,
        )
        due.setProperty("role", "subtle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.bar)
        layout.addWidget(due)


class GoalsTab(RecordListTab):
    celebrated = Signal(str)  # the kind words shown once

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(
            session,
            self.tr("Goals"),
            self.tr("New goal"),
            self.tr("No goals yet. A small, measurable one is a good start: press New goal."),
            parent,
        )
        self.text = QLineEdit(placeholderText=self.tr("e.g. One accountability talk a week"))
        self.text.setAccessibleName(self.tr("Goal"))
        self.target = QDoubleSpinBox(maximum=10_000, decimals=0, specialValueText="—")  # type: ignore[call-arg]
        self.target.setAccessibleName(self.tr("Target amount"))
        self.unit = QLineEdit(placeholderText=self.tr("talks, modules, walks…"))
        self.unit.setAccessibleName(self.tr("Unit"))
        self.due = OptionalDate(self.tr("Due"))
        self.done = QCheckBox(self.tr("Done"))
        self.done.setAccessibleName(self.tr("Done"))
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))
        self.progress = QTableWidget(0, 3)
        self.progress.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.progress.setAccessibleName(self.tr("Progress entries"))
        self.progress.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Amount"), self.tr("Note")]
        )
        self.progress.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.progress.verticalHeader().hide()
        add = QPushButton(self.tr("Add progress today"))
        add.setAccessibleName(self.tr("Add progress today"))
        add.clicked.connect(self.add_progress)
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setProperty("role", "note")
        self.message.hide()
        self.state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))
        for signal in (
            self.text.textChanged,
            self.target.valueChanged,
            self.unit.textChanged,
            self.due.enabled.toggled,
            self.due.edit.dateChanged,
            self.done.toggled,
            self.share.toggled,
            self.progress.itemChanged,
        ):
            signal.connect(self.on_field_changed)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        target_row.addWidget(self.unit, 1)
        form = QFormLayout(self.form)
        form.addRow(self.tr("Goal"), self.text)
        form.addRow(self.tr("Target"), target_row)
        form.addRow(self.tr("Due"), self.due)
        form.addRow("", self.done)
        form.addRow("", self.share)
        form.addRow(self.tr("Progress"), self.progress)
        form.addRow("", add)
        form.addRow("", self.state)
        self.assemble(self.message, self.form)

    def repo(self):
        return self.session.goals()

    def record_ids(self) -> list[tuple[int, object]]:
        return [(i, None) for i in self.repo().all_ids()]

    def add_list_row(self, item_id: int, extra: object) -> None:
        row = QListWidgetItem()
        row.setData(Qt.ItemDataRole.UserRole, item_id)
        card = GoalCard(self.repo().get(item_id))
        row.setSizeHint(card.sizeHint())
        self.list.addItem(row)
        self.list.setItemWidget(row, card)

    def blank(self) -> Goal:
        return Goal()  # empty: the placeholders say what goes here

    def focus_new(self) -> None:
        self.text.setFocus()

    def show_record(self, g: Record) -> None:
        assert isinstance(g, Goal)
        self.text.setText(g.text)
        self.target.setValue(g.target_amount or 0)
        self.unit.setText(g.target_unit)
        self.due.set_value(g.due)
        self.done.setChecked(g.done)
        self.share.setChecked(g.shared)
        self.progress.setRowCount(0)
        for p in g.progress:
            self._add_row(p)

    def _add_row(self, p: GoalProgress) -> None:
        row = self.progress.rowCount()
        self.progress.insertRow(row)
        # editable cells in the locale's words, read back by entries() (ISO dates too)
        for col, text in enumerate((day_text(p.day), number_text(p.amount), p.note)):
            self.progress.setItem(row, col, QTableWidgetItem(text))

    def add_progress(self) -> None:
        self._add_row(GoalProgress(date.today(), 1))
        self.on_field_changed()

    def entries(self) -> list[GoalProgress]:
        out = []
        for row in range(self.progress.rowCount()):
            cells = [cell_text(self.progress, row, c).strip() for c in range(3)]
            day, amount = read_day(cells[0]), read_number(cells[1] or "0")
            if day is None or amount is None:
                continue  # a half-typed row waits for the next save
            out.append(GoalProgress(day, amount, cells[2]))
        return out

    def collect(self) -> Goal:
        g = self._record
        assert isinstance(g, Goal)
        return dataclasses.replace(
            g,
            text=self.text.text().strip() or g.text,
            target_amount=self.target.value() or None,
            target_unit=self.unit.text().strip(),
            due=self.due.value(),
            done=self.done.isChecked(),
            progress=self.entries(),
            shared=self.share.isChecked(),
        )

    @staticmethod
    def store(value: tuple) -> tuple:
        """On the writer: save, and mark a goal just reached as celebrated (once)."""
        goal, repo = value
        if not goal.celebrated and repo.get(goal.id).celebrated:
            # collected before an earlier queued save marked it: keep it marked
            goal = dataclasses.replace(goal, celebrated=True)
        saved = repo.update(goal)
        reached_now = saved.reached and not saved.celebrated
        if reached_now:
            repo.mark_celebrated(saved.id)
            saved = dataclasses.replace(saved, celebrated=True)
        return saved, reached_now

    def after_save(self, goal: Record, reached_now: object) -> None:
        assert isinstance(goal, Goal)
        if reached_now:
            on_time = goal.due is None or date.today() <= goal.due
            words = (
                self.tr("You reached it: “%1”.").replace("%1", goal.text)
                + " "
                + (
                    self.tr("And before the date you set. That took steady work.")
                    if on_time
                    else self.tr("That took steady work.")
                )
            )
            self.message.setText(words)
            self.message.show()
            self.celebrated.emit(words)
        row = self.list.currentRow()
        if row >= 0:
            self.list.setItemWidget(self.list.item(row), GoalCard(goal))

    def clear_fields(self) -> None:
        self.text.clear()
        self.progress.setRowCount(0)
        self.message.hide()

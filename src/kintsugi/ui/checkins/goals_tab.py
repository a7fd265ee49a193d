"""Goals: short, measurable, with a due date and progress; a goal may be kept together, with
steps on the way (milestones). Reaching one, or a step of one, is acknowledged once, kindly."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
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
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.records import Goal, GoalMilestone, GoalProgress, Record
from kintsugi.ui.checkins.boundaries_tab import OptionalDate
from kintsugi.ui.checkins.record_list import RecordListTab
from kintsugi.ui.i18n import day_text, number_text, read_day, read_number
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.cells import cell_text
from kintsugi.ui.widgets.reflow import scrolling

#: What a step's row keeps besides its words: (the day it was reached, noticed already).
STEP_DATA = Qt.ItemDataRole.UserRole


class GoalCard(QWidget):
    def __init__(self, goal: Goal, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(
            goal.text or self.tr("(not written yet)"),
            textFormat=Qt.TextFormat.PlainText,
            wordWrap=True,
        )
        # a long goal is cut at the list's edge (the form shows it whole), never scrolled
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
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
        self.bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        notes = []
        if goal.together:
            notes.append(self.tr("together"))
        if goal.milestones:
            reached = sum(1 for m in goal.milestones if m.reached_on)
            notes.append(
                self.tr("%1 of %n step(s)", "", len(goal.milestones)).replace("%1", str(reached))
            )
        if goal.due:
            notes.append(self.tr("due %1").replace("%1", day_text(goal.due)))
        due = QLabel(" · ".join(notes), textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        due.setProperty("role", "subtle")
        self.notes = due
        due.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.bar)
        layout.addWidget(due)

    def set_current(self, current: bool) -> None:
        """On the chosen row's gold its quiet words take the highlight's text colour (grey on
        gold could not be read)."""
        if bool(self.property("current")) == current:
            return
        self.setProperty("current", current)
        for label in (self.title, self.notes):
            label.style().unpolish(label)
            label.style().polish(label)


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
        self.together = QCheckBox(self.tr("A goal we keep together"))
        self.together.setAccessibleName(self.tr("A goal we keep together"))
        # steps on the way: tick one when it is reached (the day is kept), type to word it
        self.steps = QTableWidget(0, 2)
        self.steps.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.steps.setAccessibleName(self.tr("Steps on the way"))
        self.steps.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Reached")])
        self.steps.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.steps.verticalHeader().hide()
        self.steps.setMinimumHeight(self.steps.fontMetrics().lineSpacing() * 6)
        self.steps.itemChanged.connect(self.on_step_changed)
        add_step = QPushButton(self.tr("Add a step"))
        add_step.setAccessibleName(self.tr("Add a step on the way"))
        add_step.clicked.connect(self.add_step)
        self.remove_step_button = QPushButton(self.tr("Remove this step"))
        self.remove_step_button.setAccessibleName(self.tr("Remove the chosen step"))
        self.remove_step_button.clicked.connect(self.remove_step)
        steps_buttons = QHBoxLayout()
        steps_buttons.addWidget(add_step)
        steps_buttons.addWidget(self.remove_step_button)
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
            self.together.toggled,
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
        form.addRow("", self.together)
        form.addRow(self.tr("Steps"), self.steps)
        form.addRow("", steps_buttons)
        form.addRow(self.tr("Progress"), self.progress)
        form.addRow("", add)
        form.addRow("", self.share)
        form.addRow("", self.attachments)
        form.addRow("", self.state)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.viewport().installEventFilter(self)  # cards refit when the list is resized
        self.list.currentItemChanged.connect(lambda *_: self._mark_current())
        self.assemble(self.message, scrolling(self.form))

    def repo(self):
        return self.session.goals()

    def add_list_row(self, item_id: int, extra: object) -> None:
        row = QListWidgetItem()
        row.setData(Qt.ItemDataRole.UserRole, item_id)
        card = GoalCard(self.repo().get(item_id))
        self.list.addItem(row)
        self.list.setItemWidget(row, card)
        self._fit(row)

    def _fit(self, row: QListWidgetItem) -> None:
        """A card as tall as its wrapped words need at the list's width."""
        card = self.list.itemWidget(row)
        if card is None:
            return
        width = max(self.list.viewport().width(), 120)
        layout = card.layout()
        height = layout.totalHeightForWidth(width) if layout is not None else -1
        row.setSizeHint(QSize(width, height if height > 0 else card.sizeHint().height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            for n in range(self.list.count()):
                self._fit(self.list.item(n))
        return super().eventFilter(watched, event)

    def blank(self) -> Goal:
        return Goal()  # empty: the placeholders say what goes here

    def focus_new(self) -> None:
        self.text.setFocus()

    def show_record(self, g: Record) -> None:
        assert isinstance(g, Goal)
        self.text.setText(g.text)
        amount = g.target_amount or 0
        # as written (an imported 7.5 or 20,000 kept, not rounded or cut by the field)
        self.target.setDecimals(next(d for d in range(7) if d == 6 or round(amount, d) == amount))
        self.target.setMaximum(max(10_000, amount))
        self.target.setValue(amount)
        self.unit.setText(g.target_unit)
        self.due.set_value(g.due)
        self.done.setChecked(g.done)
        self.share.setChecked(g.shared)
        self.together.setChecked(g.together)
        self.steps.setRowCount(0)
        for m in g.milestones:
            self._add_step_row(m)
        self.progress.setRowCount(0)
        for p in g.progress:
            self._add_row(p)

    # --- steps on the way --------------------------------------------------------------
    def _add_step_row(self, m: GoalMilestone) -> None:
        self.steps.blockSignals(True)
        try:
            row = self.steps.rowCount()
            self.steps.insertRow(row)
            words = QTableWidgetItem(m.text)
            words.setFlags(words.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            words.setCheckState(Qt.CheckState.Checked if m.reached_on else Qt.CheckState.Unchecked)
            words.setData(STEP_DATA, (m.reached_on, m.celebrated))
            self.steps.setItem(row, 0, words)
            day = QTableWidgetItem(day_text(m.reached_on) if m.reached_on else "")
            day.setFlags(day.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.steps.setItem(row, 1, day)
        finally:
            self.steps.blockSignals(False)

    def _step(self, row: int) -> QTableWidgetItem:
        """A step's words (every row has them, made in ``_add_step_row``)."""
        item = self.steps.item(row, 0)
        assert item is not None
        return item

    def add_step(self) -> None:
        self._add_step_row(GoalMilestone(""))
        row = self.steps.rowCount() - 1
        self.steps.setCurrentCell(row, 0)
        self.steps.editItem(self._step(row))  # the words go straight in

    def remove_step(self) -> None:
        row = self.steps.currentRow()
        if row < 0:
            return
        self.steps.removeRow(row)
        self.on_field_changed()

    def on_step_changed(self, item: QTableWidgetItem) -> None:
        """A tick keeps the day it was reached; taking it away forgets the day."""
        if item.column() == 0:
            reached_on, noticed = item.data(STEP_DATA) or (None, False)
            ticked = item.checkState() == Qt.CheckState.Checked
            if ticked and reached_on is None:
                reached_on = date.today()
            elif not ticked:
                reached_on = None
            self.steps.blockSignals(True)
            item.setData(STEP_DATA, (reached_on, noticed))
            day = self.steps.item(item.row(), 1)
            if day is not None:
                day.setText(day_text(reached_on) if reached_on else "")
            self.steps.blockSignals(False)
        self.on_field_changed()

    def milestones(self) -> list[GoalMilestone]:
        out = []
        for row in range(self.steps.rowCount()):
            words = self._step(row)
            text = words.text().strip()
            if not text:
                continue  # a step not worded yet waits for its words
            reached_on, noticed = words.data(STEP_DATA) or (None, False)
            out.append(GoalMilestone(text, reached_on, bool(noticed)))
        return out

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
            together=self.together.isChecked(),
            milestones=self.milestones(),
        )

    @staticmethod
    def store(value: tuple) -> tuple:
        """On the writer: save, marking a goal or a step just reached as noticed in the same
        save (so it is noticed once, on every computer the journal syncs to). Returns the
        saved goal and what to say: (the goal was reached now, the steps reached now)."""
        goal, repo = value
        before = repo.get(goal.id)
        if not goal.celebrated and before.celebrated:
            # collected before an earlier queued save marked it: keep it marked
            goal = dataclasses.replace(goal, celebrated=True)
        noticed = {m.text for m in before.milestones if m.celebrated}
        steps, steps_now = [], []
        for m in goal.milestones:
            if not m.celebrated and m.text in noticed:
                m = dataclasses.replace(m, celebrated=True)
            if m.reached_on is not None and not m.celebrated:
                steps_now.append(m.text)
                m = dataclasses.replace(m, celebrated=True)
            steps.append(m)
        reached_now = goal.reached and not goal.celebrated
        saved = repo.update(
            dataclasses.replace(goal, milestones=steps, celebrated=goal.celebrated or reached_now)
        )
        return saved, (reached_now, steps_now)

    def after_save(self, goal: Record, extra: object) -> None:
        assert isinstance(goal, Goal)
        reached_now, steps_now = extra if isinstance(extra, tuple) else (False, [])
        self._keep_step_marks(goal)
        if steps_now and not reached_now:
            words = (
                self.tr("A step on the way: “%1”.").replace("%1", steps_now[-1])
                if len(steps_now) == 1
                else self.tr("%n step(s) on the way.", "", len(steps_now))
            )
            words += " " + self.tr("Worth noticing, however small.")
            self.message.setText(words)
            self.message.show()
            self.celebrated.emit(words)
        if reached_now:
            on_time = goal.due is None or date.today() <= goal.due
            words = (
                (
                    self.tr("You reached it together: “%1”.")
                    if goal.together
                    else self.tr("You reached it: “%1”.")
                ).replace("%1", goal.text)
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
            self._fit(self.list.item(row))
            self._mark_current()

    def refreshed(self) -> None:
        self._mark_current()  # the list read again after a sync round, its signals blocked

    def new_record(self) -> None:
        super().new_record()
        self._mark_current()  # no row chosen now (set with the list's signals blocked)

    def _mark_current(self) -> None:
        current = self.list.currentItem()
        for n in range(self.list.count()):
            card = self.list.itemWidget(self.list.item(n))
            if isinstance(card, GoalCard):
                card.set_current(self.list.item(n) is current)

    def _keep_step_marks(self, goal: Goal) -> None:
        """The rows learn which steps were noticed in that save (never noticed twice)."""
        noticed = {m.text for m in goal.milestones if m.celebrated}
        self.steps.blockSignals(True)
        for row in range(self.steps.rowCount()):
            words = self._step(row)
            reached_on, was = words.data(STEP_DATA) or (None, False)
            if not was and words.text().strip() in noticed:
                words.setData(STEP_DATA, (reached_on, True))
        self.steps.blockSignals(False)

    def clear_fields(self) -> None:
        self.text.clear()
        self.steps.setRowCount(0)
        self.progress.setRowCount(0)
        self.message.hide()

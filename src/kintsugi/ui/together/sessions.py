"""Therapy sessions: what is marked "for my next session" (the agenda), notes after the
session, and the homework given — each piece of homework can become a goal."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.errors import KintsugiError
from kintsugi.core.i18n import marked
from kintsugi.core.records import Goal, Homework, ItemSummary, Record, TherapySession
from kintsugi.core.render import KIND_NAMES
from kintsugi.core.repo.therapy import NextSession
from kintsugi.ui import channel
from kintsugi.ui.checkins.record_list import RecordListTab
from kintsugi.ui.i18n import day_text
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.cells import cell_text, edit_cell
from kintsugi.ui.widgets.reflow import FitRows, scrolling
from kintsugi.ui.widgets.summary_words import title_text


def point_of(summary: ItemSummary) -> str:
    """An agenda item as a line of the session: its kind and title, in the person's words."""
    known = KIND_NAMES.get(summary.kind)
    name = marked("render", known) if known else summary.kind
    title = title_text(summary)
    return f"{name}: {title}" if title else name


class TherapyPage(RecordListTab):
    """Together → Therapy (a practice page: ui/together/page.py)."""

    open_requested = Signal(int, str)  # an agenda item: open it where it lives
    agenda_mark = False  # a session is where the agenda goes, not an item on it

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(
            session,
            self.tr("Therapy sessions, newest first"),
            self.tr("Start notes for a session"),
            self.tr(
                "No sessions written down yet. Before a session, press Start notes for a "
                "session: what you marked for it comes along."
            ),
            parent,
        )
        self.title = self.tr("Therapy")
        self.kinds: tuple[str, ...] = ("therapy_session",)
        self._taking: list[int] = []  # agenda items the new session took in (cleared once kept)
        # the agenda
        agenda_heading = QLabel(self.tr("For my next session"), textFormat=Qt.TextFormat.PlainText)
        agenda_heading.setProperty("role", "subheading")
        self.agenda = QListWidget()
        self.agenda.setAccessibleName(self.tr("For my next session"))
        self.agenda_rows = FitRows(self.agenda)  # long rows elided, the day on its own line
        self.agenda.setSpacing(2)
        self.agenda.itemActivated.connect(self.on_agenda_activated)
        self.agenda_empty = QLabel(
            self.tr(
                "Nothing marked yet. Wherever an item is listed (the journal, hard moments, "
                "goals, search results), right-click it or press Ctrl+Shift+N to bring it to "
                "your next session."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.agenda_empty.setProperty("role", "subtle")
        self.unmark_button = QPushButton(self.tr("Take off the agenda"))
        self.unmark_button.setAccessibleName(self.tr("Take the chosen item off the agenda"))
        self.unmark_button.clicked.connect(self.on_unmark)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open the chosen item"))
        self.open_button.clicked.connect(
            lambda: self.on_agenda_activated(self.agenda.currentItem())
        )
        # the session
        self.points = QPlainTextEdit(placeholderText=self.tr("What I want to bring, one per line"))
        self.points.setTabChangesFocus(True)
        self.points.setAccessibleName(self.tr("What I brought"))
        self.notes = QPlainTextEdit(placeholderText=self.tr("What stayed with me afterwards"))
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(self.tr("Notes after the session"))
        self.homework = QTableWidget(0, 2)
        self.homework.setTabKeyNavigation(False)
        self.homework.setAccessibleName(self.tr("Homework"))
        self.homework.setHorizontalHeaderLabels([self.tr("Done"), self.tr("What to do")])
        self.homework.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.homework.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.homework.verticalHeader().hide()
        self.homework.itemChanged.connect(self.on_field_changed)
        add = QPushButton(self.tr("Add homework"))
        add.setAccessibleName(self.tr("Add homework"))
        add.clicked.connect(self.add_homework)
        self.goal_button = QPushButton(self.tr("Make it a goal"))
        self.goal_button.setAccessibleName(self.tr("Make the chosen homework a goal"))
        self.goal_button.clicked.connect(self.make_goal)
        for edit in (self.points, self.notes):
            edit.textChanged.connect(self.on_field_changed)
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark this session's notes for sharing"))
        self.share.setToolTip(
            self.tr("Shared only when you choose it in Share: with your partner or therapist.")
        )
        self.share.toggled.connect(self.on_field_changed)
        self.state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        for label, w in (
            (self.tr("What I brought"), self.points),
            (self.tr("Notes after the session"), self.notes),
            (self.tr("Homework"), self.homework),
        ):
            heading = QLabel(label, textFormat=Qt.TextFormat.PlainText)
            heading.setBuddy(w)
            form.addWidget(heading)
            form.addWidget(w, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.goal_button)
        row.addStretch(1)
        form.addLayout(row)
        form.addWidget(self.share)
        form.addWidget(self.state)

        agenda_buttons = QHBoxLayout()
        agenda_buttons.addWidget(self.open_button)
        agenda_buttons.addWidget(self.unmark_button)
        agenda_buttons.addStretch(1)
        left_side = QWidget()
        left = QVBoxLayout(left_side)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(agenda_heading)
        left.addWidget(self.agenda, 1)
        left.addWidget(self.agenda_empty)
        left.addLayout(agenda_buttons)
        sessions_heading = QLabel(self.tr("Sessions"), textFormat=Qt.TextFormat.PlainText)
        sessions_heading.setProperty("role", "subheading")
        left.addWidget(sessions_heading)
        left.addWidget(self.list, 1)
        left.addWidget(self.empty, 1)
        left.addWidget(self.new_button)
        layout = QHBoxLayout(self)
        # both halves scroll in a short window (the agenda's words wrap tall, the session has
        # three fields and a table) rather than make it taller than a 540-pixel screen
        layout.addWidget(scrolling(left_side), 1)
        layout.addWidget(scrolling(self.form), 2)

    # --- the agenda -----------------------------------------------------------------
    def refreshed(self) -> None:
        self.reload_agenda()

    def reload_agenda(self) -> None:
        self.agenda.clear()
        if not self.session.is_open:
            return
        for s in NextSession(self.session.database()).agenda():
            row = QListWidgetItem(f"{point_of(s)}\n\u2003{day_text(s.occurred_at.date())}")
            row.setData(Qt.ItemDataRole.UserRole, (s.id, s.kind))
            self.agenda.addItem(row)
        has = self.agenda.count() > 0
        self.agenda.setVisible(has)
        self.agenda_empty.setVisible(not has)
        self.unmark_button.setEnabled(has)
        self.open_button.setEnabled(has)

    def on_agenda_activated(self, row: QListWidgetItem | None) -> None:
        if row is not None:
            item_id, kind = row.data(Qt.ItemDataRole.UserRole)
            self.open_requested.emit(item_id, kind)

    def on_unmark(self) -> None:
        row = self.agenda.currentItem()
        if row is None or not self.session.is_open:
            return
        item_id, _kind = row.data(Qt.ItemDataRole.UserRole)
        NextSession(self.session.database()).set_marked(item_id, False)
        self.reload_agenda()

    # --- RecordListTab --------------------------------------------------------------
    def repo(self):
        return self.session.repository("therapy_session")

    def add_list_row(self, item_id: int, extra: object) -> None:
        rec = self.repo().get(item_id)
        row = QListWidgetItem(
            self.tr("Session · %1").replace("%1", day_text(rec.occurred_at.date()))
        )
        row.setData(Qt.ItemDataRole.UserRole, item_id)
        self.list.addItem(row)

    def blank(self) -> TherapySession:
        """A new session, with what was marked for it (the marks go once it is kept)."""
        rec = TherapySession()
        self._taking = NextSession(self.session.database()).take_into(rec, point_of)
        return rec

    def new_record(self) -> None:
        super().new_record()
        if self._taking:
            self.on_field_changed()  # the agenda it took in is its first words: keep it

    def focus_new(self) -> None:
        self.points.setFocus()

    def show_record(self, rec: Record) -> None:
        assert isinstance(rec, TherapySession)
        self.points.setPlainText("\n".join(rec.agenda))
        self.notes.setPlainText(rec.notes)
        self.homework.setRowCount(0)
        for h in rec.homework:
            self._add_homework_row(h)
        self.share.setChecked(rec.shared)

    def _add_homework_row(self, h: Homework) -> None:
        row = self.homework.rowCount()
        self.homework.insertRow(row)
        done = QTableWidgetItem()
        done.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        done.setCheckState(Qt.CheckState.Checked if h.done else Qt.CheckState.Unchecked)
        self.homework.setItem(row, 0, done)
        self.homework.setItem(row, 1, QTableWidgetItem(h.text))

    def homework_rows(self) -> list[Homework]:
        out = []
        for row in range(self.homework.rowCount()):
            box = self.homework.item(row, 0)
            text = cell_text(self.homework, row, 1).strip()
            if text:
                done = box is not None and box.checkState() == Qt.CheckState.Checked
                out.append(Homework(text, done))
        return out

    def collect(self) -> TherapySession:
        rec = self._record
        assert isinstance(rec, TherapySession)
        return dataclasses.replace(
            rec,
            agenda=self.points.toPlainText().splitlines(),
            notes=self.notes.toPlainText().strip(),
            homework=self.homework_rows(),
            shared=self.share.isChecked(),
        )

    def after_save(self, saved: Record, extra: object) -> None:
        if self._taking and self.session.is_open:
            NextSession(self.session.database()).clear(self._taking)
            self._taking = []
            self.reload_agenda()

    def clear_fields(self) -> None:
        self.points.clear()
        self.notes.clear()
        self.homework.setRowCount(0)
        self.share.setChecked(False)

    # --- homework -------------------------------------------------------------------
    def add_homework(self) -> None:
        if self._record is None:
            self.new_record()
        self._add_homework_row(Homework(""))
        row = self.homework.rowCount() - 1
        self.homework.setCurrentCell(row, 1)
        edit_cell(self.homework, row, 1)

    def make_goal(self) -> Goal | None:
        """The chosen homework as a goal (Check-ins → Goals), with a due date to set there."""
        row = self.homework.currentRow()
        text = cell_text(self.homework, row, 1).strip() if row >= 0 else ""
        if not text or not self.session.is_open:
            return None
        try:
            goal = self.session.goals().add(Goal(text=text, target_unit=""))
        except KintsugiError as exc:
            channel.error(describe(exc))
            return None
        channel.info(self.tr("Added to your goals: %1").replace("%1", text))
        return goal

    # --- the page -------------------------------------------------------------------
    def on_unlocked(self) -> None:
        super().on_unlocked()
        self.reload_agenda()

    def clear(self) -> None:
        super().clear()
        self._taking = []
        self.agenda.clear()

    def open_item(self, item_id: int, kind: str) -> None:
        self.open_record(item_id)
        self.reload_agenda()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self.session.is_open:
            self.reload_agenda()  # items may have been marked anywhere meanwhile

"""The Journal pane: the timeline on the left, the editor on the right."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import config
from kintsugi.core.errors import KintsugiError
from kintsugi.core.repo.attachments import AttachmentRepo
from kintsugi.ui import channel
from kintsugi.ui.attachments.media import RowPictures
from kintsugi.ui.journal.editor import EntryEditor
from kintsugi.ui.journal.on_this_day import OnThisDay
from kintsugi.ui.journal.prompts import PromptDialog, template_start
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.flow_layout import FlowLayout
from kintsugi.ui.widgets.reflow import Column
from kintsugi.ui.widgets.timeline_delegate import TimelineDelegate
from kintsugi.ui.widgets.timeline_list import TimelineList
from kintsugi.ui.widgets.timeline_model import TimelineModel


class QuietStart(QWidget):
    """What the journal shows as it opens, unless the person chose their last entry: a
    greeting and two ways on, and nothing they wrote (someone may be looking)."""

    write_requested = Signal()
    show_requested = Signal()
    prompt_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(self.tr("Welcome back"), textFormat=Qt.TextFormat.PlainText)
        heading.setProperty("role", "heading")
        note = QLabel(
            self.tr(
                "Your journal is open. Nothing you wrote is on screen until you choose. "
                "(Settings can open on your last entry instead.)"
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        note.setProperty("role", "subtle")
        self.write_button = QPushButton(self.tr("Write something new"))
        self.write_button.setProperty("role", "primary")
        self.write_button.setAccessibleName(self.tr("Write something new"))
        self.write_button.clicked.connect(self.write_requested)
        self.show_button = QPushButton(self.tr("Show my journal"))
        self.show_button.setAccessibleName(self.tr("Show my journal"))
        self.show_button.clicked.connect(self.show_requested)
        self.prompt_button = QPushButton(self.tr("Write from a prompt…"))
        self.prompt_button.setAccessibleName(self.tr("Write from a prompt"))
        self.prompt_button.clicked.connect(self.prompt_requested)
        column = Column(chars=50)
        v = QVBoxLayout(column)
        v.addWidget(heading)
        v.addWidget(note)
        row = FlowLayout()
        row.add(self.write_button)
        row.add(self.prompt_button)
        row.add(self.show_button)
        v.addLayout(row)
        # centred between stretches, not by alignment: an aligned item is asked its height
        # at the whole pane's width, and the buttons' second line was cut off at 800 × 600
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(column)
        middle.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)


class JournalPane(QWidget):
    #: (message, undo callback) — the main window shows it with an Undo button.
    undoable = Signal(str, object)
    share_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = self.tr("Journal")  # the Pane protocol (ui/panes.py)
        self.shortcut: str | None = "Ctrl+1"  # the section's place in the list
        self.session = session
        self.list_stack = TimelineList(
            session,
            self.tr("Journal entries, newest first"),
            self.tr(
                "Nothing here yet.\n\nWrite whatever is on your mind — it stays on this "
                "computer, encrypted."
            ),
            self.on_share_toggled,
        )
        self.model, self.view = self.list_stack.model, self.list_stack.view
        # thumbnails in the rows, asked for as rows are painted, decoded on a worker
        self.row_pictures = RowPictures(lambda: AttachmentRepo(self.session.database()), self)
        delegate = self.view.itemDelegate()
        assert isinstance(delegate, TimelineDelegate)
        delegate.pictures = self.row_pictures
        self.row_pictures.changed.connect(self.view.viewport().update)
        self.share_action = self.list_stack.share_action
        self.view.selectionModel().currentChanged.connect(self.on_current_changed)

        self.prev_day = QPushButton("‹")
        self.prev_day.setAccessibleName(self.tr("Previous day"))
        self.prev_day.setToolTip(self.tr("Previous day (Alt+Down)"))
        self.prev_day.clicked.connect(lambda: self.step_day(-1))
        self.next_day = QPushButton("›")
        self.next_day.setAccessibleName(self.tr("Next day"))
        self.next_day.setToolTip(self.tr("Next day (Alt+Up)"))
        self.next_day.clicked.connect(lambda: self.step_day(+1))
        self.jump = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy")  # type: ignore[call-overload]
        self.jump.setDate(QDate.currentDate())
        self.jump.setAccessibleName(self.tr("Jump to date"))
        self.jump.setToolTip(self.tr("Jump to a date"))
        self.jump.dateChanged.connect(self.on_jump_date_changed)
        self.newest_button = QPushButton(self.tr("Back to newest"), visible=False)  # type: ignore[call-overload]
        self.newest_button.setAccessibleName(self.tr("Back to newest"))
        self.newest_button.clicked.connect(self.back_to_newest)
        self.delete_button = QPushButton(self.tr("Move to trash"))
        self.delete_button.setAccessibleName(self.tr("Move the entry to the trash"))
        self.delete_button.clicked.connect(self.delete_current)
        self.prompt_button = QPushButton(self.tr("From a prompt…"))
        self.prompt_button.setAccessibleName(self.tr("Write from a prompt"))
        self.prompt_button.setToolTip(self.tr("Write from a prompt or one of your templates"))
        self.prompt_button.clicked.connect(self.choose_prompt)
        self.on_this_day = OnThisDay(session)
        self.on_this_day.open_requested.connect(self.open_entry)

        bar = FlowLayout()  # wraps in a narrow window
        for w in (self.prev_day, self.jump, self.next_day, self.newest_button):
            bar.add(w)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addWidget(self.on_this_day)

        self.editor = EntryEditor(session)
        self.editor.saved.connect(self.on_editor_saved)
        self.editor.attachments.attached.connect(
            lambda att: self.row_pictures.invalidate(att.item_id)
        )
        self.editor.attachments.removed.connect(self.row_pictures.invalidate)
        self.editor.problem.connect(channel.error)
        self.editor.bottom.insertWidget(0, self.delete_button)
        self.editor.bottom.insertWidget(1, self.prompt_button)  # offered while a page is new
        right = self.editor

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        chars = self.fontMetrics().averageCharWidth()
        splitter.setSizes([chars * 44, chars * 80])  # the list as wide as ~40 characters
        self.quiet = QuietStart()
        self.quiet.write_requested.connect(self.new_entry)
        self.quiet.show_requested.connect(self.show_journal)
        self.quiet.prompt_requested.connect(self.choose_prompt)
        self.pages = QStackedWidget()
        self.pages.addWidget(splitter)
        self.pages.addWidget(self.quiet)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor.two_versions)  # across the pane: it is not missed
        layout.addWidget(self.pages)

        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.view,
            self.delete_current,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        QShortcut(QKeySequence("Alt+Down"), self, lambda: self.step_day(-1))
        QShortcut(QKeySequence("Alt+Up"), self, lambda: self.step_day(+1))

    # --- session -------------------------------------------------------------------
    def _entries(self):
        items = self.session.items()
        return lambda after, limit: items.timeline(kind="entry", after=after, limit=limit)

    def on_unlocked(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Show the timeline from the vault again, newest first (after an import, say)."""
        items = self.session.items()
        self.model.set_source(self._entries())
        self.model.fetchMore()
        self.editor.set_tag_names(items.tag_names())
        self.list_stack.update_empty()
        self.on_this_day.refresh()
        if self.model.rowCount() and config.OPEN_ON.get(self.session.settings()) != "last":
            self.pages.setCurrentWidget(self.quiet)  # nothing written is on screen yet
            self.quiet.write_button.setFocus()
        elif self.model.rowCount():
            self.select_row(0)
        else:
            self.new_entry()

    def show_journal(self) -> None:
        """Leave the quiet start page for the timeline, newest first."""
        self.pages.setCurrentIndex(0)
        if self.model.rowCount():
            self.select_row(0)
            self.view.setFocus()
        else:
            self.new_entry()

    def refresh_quietly(self) -> None:
        """After a sync round brought something: the list read again with the same entry
        still chosen, and the open entry showing the other computer's changes (each field
        the person is not typing in). Nothing else moves."""
        if not self.session.is_open or not self.newest_button.isHidden():
            return  # (a date jumped to stays as it is, on screen or not; Back to newest reads it)
        current = self.editor.entry_id
        self.model.set_source(self._entries())
        self.model.fetchMore()
        self.list_stack.update_empty()
        row = self.model.row_of(current) if current is not None else -1
        if row >= 0:
            sm = self.view.selectionModel()
            sm.blockSignals(True)  # the same entry: nothing to load
            sm.setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            sm.blockSignals(False)
            self.view.viewport().update()
        if current is not None:
            try:
                fresh = self.session.entries().get(current)
            except KintsugiError:
                return  # gone on the other computer: what is on screen stays until left
            self.editor.take_changes(fresh)

    def flush(self) -> bool:
        return self.editor.save_now()

    def clear(self) -> None:
        self.pages.setCurrentIndex(0)
        self.row_pictures.forget()
        self.editor.clear()
        self.model.set_source(None)
        self.newest_button.hide()
        self.on_this_day.clear()

    # --- navigation ----------------------------------------------------------------
    def select_row(self, row: int) -> None:
        self.list_stack.select_row(row)

    opens_kinds = ("entry",)

    def open_item(self, item_id: int, kind: str) -> None:
        self.open_entry(item_id)

    def open_entry(self, item_id: int) -> None:
        """Open an entry by id (from search), even if it is not loaded in the timeline."""
        self.pages.setCurrentIndex(0)
        row = self.model.row_of(item_id)
        if row < 0:
            summary = self.session.items().summary(item_id)
            self.anchor_at(summary.occurred_at + timedelta(microseconds=1))
            row = self.model.row_of(item_id)
        if row >= 0:
            self.select_row(row)

    def on_current_changed(self, current, previous) -> None:
        if not current.isValid():
            return
        item_id = current.data(TimelineModel.IdRole)
        if item_id == self.editor.entry_id:
            return
        self.editor.save_now()
        try:
            self.editor.load(self.session.entries().get(item_id))
        except KintsugiError as exc:
            channel.error(describe(exc))
        self.update_actions()

    def new_entry(self) -> None:
        self.pages.setCurrentIndex(0)
        self.editor.save_now()
        self.view.selectionModel().clearSelection()
        self.view.selectionModel().setCurrentIndex(
            self.model.index(-1), QItemSelectionModel.SelectionFlag.Clear
        )
        self.editor.load(None)
        self.update_actions()
        self.editor.body.setFocus()

    # --- writing from a prompt or a template --------------------------------------------
    def choose_prompt(self, template_id: int | None = None) -> PromptDialog:
        """Open the prompts (and one's own templates); the chosen one starts a new entry."""
        dialog = PromptDialog(self.session, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.new_entry_from)
        if template_id is not None:
            dialog.select_template(template_id)
        dialog.open()
        return dialog

    def write_from_template(self, template_id: int) -> None:
        """A new entry that starts with one's own template (Together → My templates)."""
        self.new_entry_from(*template_start(self.session, template_id))

    def new_entry_from(self, title: str, body: str) -> None:
        """A new entry that starts with a title and a body; like any new entry it is kept
        only once the person writes in it."""
        self.new_entry()
        self.editor.start_with(title, body)

    def update_actions(self) -> None:
        """Nothing to act on, nothing offered: an entry not yet written has no trash (and
        a new one can start from a prompt)."""
        written = self.editor.entry_id is not None
        self.delete_button.setEnabled(written)
        # one or the other, so the editor's last row stays narrow enough for the list
        # beside it at 800 × 600 (in Spanish too)
        self.delete_button.setVisible(written)
        self.prompt_button.setVisible(not written)

    def on_editor_saved(self, summary) -> None:
        self.delete_button.setEnabled(True)
        self.delete_button.show()
        self.prompt_button.hide()
        row = self.model.upsert(summary)
        if row >= 0:
            sm = self.view.selectionModel()
            before = [*sm.selectedIndexes(), sm.currentIndex()]
            sm.blockSignals(True)
            sm.setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            sm.blockSignals(False)
            # The view was not told (its signals were blocked): repaint the rows whose
            # selection changed, not the whole viewport — a dozen rows painted in Python,
            # ~14 ms of the UI thread, after every autosave (bench/bench_gui.py).
            for index in (*before, self.model.index(row)):
                if index.isValid():
                    self.view.update(index)
        # (the editor has the tag names the writer read with the save: no read here, where
        # it would wait behind the writer and a backup step)

    def step_day(self, direction: int) -> None:
        """Select the first entry of the previous (-1) or next (+1) day."""
        current = self.view.currentIndex()
        if not current.isValid():
            return
        day = self.model.summary_at(current.row()).occurred_at.date()
        row = current.row()
        while True:
            row += 1 if direction < 0 else -1
            if direction < 0 and row >= self.model.rowCount() and self.model.canFetchMore():
                self.model.fetchMore()
            if not 0 <= row < self.model.rowCount():
                return
            other = self.model.summary_at(row).occurred_at.date()
            if other != day:
                if direction > 0:  # go to the first (newest) row of that day
                    while row > 0 and self.model.summary_at(row - 1).occurred_at.date() == other:
                        row -= 1
                self.select_row(row)
                return

    def on_jump_date_changed(self, qdate: QDate) -> None:
        if not self.session.is_open:
            return
        day = date(qdate.year(), qdate.month(), qdate.day())
        self.editor.save_now()
        self.anchor_at(datetime.combine(day + timedelta(days=1), time()).astimezone())
        if self.model.rowCount():
            self.select_row(0)

    def anchor_at(self, moment: datetime) -> None:
        self.model.set_source(self._entries(), anchor=moment)
        self.model.fetchMore()
        self.newest_button.show()

    def back_to_newest(self) -> None:
        self.editor.save_now()
        self.model.set_source(self._entries())
        self.model.fetchMore()
        self.newest_button.hide()
        if self.model.rowCount():
            self.select_row(0)

    # --- trash ---------------------------------------------------------------------
    def delete_current(self) -> None:
        item_id = self.editor.entry_id
        if item_id is None:
            self.editor.load(None)
            return
        self.editor.save_now()
        row = self.model.row_of(item_id)
        try:
            self.session.items().delete(item_id)
        except KintsugiError as exc:
            channel.error(describe(exc))
            return
        self.model.remove_id(item_id)
        if self.model.rowCount():
            self.select_row(min(max(row, 0), self.model.rowCount() - 1))
        else:
            self.new_entry()
        self.undoable.emit(self.tr("Moved to the trash."), lambda: self.restore(item_id))

    def restore(self, item_id: int) -> None:
        if not self.session.is_open:
            return
        self.session.items().restore(item_id)
        row = self.model.upsert(self.session.items().summary(item_id))
        if row >= 0:
            self.select_row(row)

    def on_share_toggled(self) -> None:
        self.share_changed.emit()

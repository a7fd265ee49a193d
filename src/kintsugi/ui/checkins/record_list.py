"""A list of records beside the form of the chosen one, saved as you go (Boundaries, Goals)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.errors import KintsugiError
from kintsugi.core.records import Record
from kintsugi.ui import channel
from kintsugi.ui.attachments.strip import AttachmentStrip
from kintsugi.ui.autosave import Autosaver, Background, Draft, show_fresh
from kintsugi.ui.session import Session
from kintsugi.ui.share.mark import install_agenda_toggle
from kintsugi.ui.widgets.reflow import FitRows, scrolling


class RecordListTab(QWidget):
    """Subclasses say which records, how a row looks, and how the form shows and collects.

    Saves run on the vault's writer thread (ui.autosave.Background): the form is read on
    the UI thread, written there, and what was stored comes back to ``after_save``.
    A row can be brought to the next therapy session (context menu, Ctrl+Shift+N) unless
    ``agenda_mark`` is False."""

    agenda_mark = True

    def __init__(
        self,
        session: Session,
        list_name: str,
        new_label: str,
        empty_text: str = "",
        parent: QWidget | None = None,
        *,
        writing_text: str = "",
    ):
        super().__init__(parent)
        self.session = session
        self._record: Record | None = None
        self.state: QLabel  # where the form says "Saved" (each subclass places it)
        self._draft = Draft()  # a new record gets its id from its first save, on the writer
        self._loading = False
        self._fresh_after_save = False  # a round's changes wait for the save on its way
        kind_store, has_words = type(self).store, type(self).has_words
        self.autosaver = Autosaver(
            parent=self,
            background=Background(
                writer=lambda: self.session.writer(),
                snapshot=lambda: (self.collect(), self.repo(), self._draft),
                store=lambda value: first_words_then(kind_store, value, has_words),
                apply=self._apply,
            ),
        )
        self.list = QListWidget()
        self.list.setAccessibleName(list_name)
        self.fit_rows = FitRows(self.list)  # long rows elided, never a sideways scroll
        self.list.currentItemChanged.connect(self.on_current_item_changed)
        if self.agenda_mark:
            install_agenda_toggle(self.list, session, self.current_id)
        self.new_button = QPushButton(new_label)
        self.new_button.setAccessibleName(new_label)
        self.new_button.clicked.connect(self.new_record)
        self.form = QWidget()
        self.form.setEnabled(False)
        # Nothing yet: what this list is for, and the one next step (the New button below).
        # Once a new one is open in the form, the words say so (not "Press New…" any more).
        self.empty_texts = (
            empty_text,
            writing_text
            or self.tr(
                "Nothing kept yet. Write in the form: it is kept from its first words, and "
                "then listed here."
            ),
        )
        self.empty = QLabel(empty_text, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.empty.hide()
        self.empty.setProperty("role", "subtle")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # photos, screenshots, a voice note: as under a journal entry (each form places it)
        self.attachments = AttachmentStrip(
            session, lambda: self._draft.id, self._saved_for_attachment
        )
        self.attachments.problem.connect(channel.error)

    # --- what subclasses provide -----------------------------------------------------
    def repo(self):
        raise NotImplementedError

    def record_ids(self) -> list[tuple[int, object]]:
        """(id, anything the row needs) in display order: by default the kind's live
        records in its repository's order, with nothing more."""
        return [(i, None) for i in self.repo().all_ids()]

    def add_list_row(self, item_id: int, extra: object) -> None:
        raise NotImplementedError

    def blank(self) -> Record:
        raise NotImplementedError

    def show_record(self, rec: Record) -> None:
        raise NotImplementedError

    def collect(self) -> Record:
        raise NotImplementedError

    @staticmethod
    def store(value: tuple) -> tuple:
        """On the writer thread: save the collected record; (it as stored, anything
        ``after_save`` needs). Touches no widget."""
        rec, repo = value
        return repo.update(rec), None

    @staticmethod
    def has_words(rec: Record) -> bool:
        """Whether a new record has enough to be kept (its first words, by default)."""
        return bool(str(getattr(rec, "text", "")).strip())

    def after_save(self, saved: Record, extra: object) -> None:
        """On the UI thread, once the writer has committed a save of the shown record."""

    def clear_fields(self) -> None:
        pass

    def _saved_for_attachment(self) -> int | None:
        """The shown record's id, saving a new one first (it needs its words: else None,
        and the strip says to write something first)."""
        if self._draft.id is None and self._record is not None:
            self.autosaver.changed()
            self.autosaver.save_now()
            self.session.writer().flush(10)
        return self._draft.id

    # --- shared behaviour --------------------------------------------------------------
    def assemble(self, *right: QWidget, above: QWidget | None = None) -> None:
        """The list (with ``above`` over it: a filter, a line about the list) beside the
        form and anything else in ``right``."""
        left = QVBoxLayout()
        if above is not None:
            left.addWidget(above)
        left.addWidget(self.list, 1)
        left.addWidget(self.empty, 1)
        left.addWidget(self.new_button)
        column = QVBoxLayout()
        for w in right:  # the form scrolls: with its attachments it may be taller than a window
            column.addWidget(scrolling(w) if w is self.form else w)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(column, 2)

    def on_unlocked(self) -> None:
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.autosaver.save_now()
        self.list.blockSignals(True)
        self.list.clear()
        for item_id, extra in self.record_ids():
            self.add_list_row(item_id, extra)
        self.list.blockSignals(False)
        self.update_empty()
        for n in range(self.list.count()):
            if self.list.item(n).data(Qt.ItemDataRole.UserRole) == select or (
                select is None and n == 0
            ):
                self.list.setCurrentRow(n)
                break

    def refresh_quietly(self) -> None:
        """After a sync round brought something: the list read again with the same row
        chosen, and the form showing the other computer's changes unless something typed
        here is not saved yet (then it stays as typed, and a new record being written
        stays too)."""
        if not self.session.is_open:
            return
        current = self._record.id if self._record is not None else None
        self.list.blockSignals(True)  # the same record: nothing to load
        self.list.clear()
        for item_id, extra in self.record_ids():
            self.add_list_row(item_id, extra)
        row = self._row_of(current) if current is not None else -1
        if row >= 0:
            self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self.update_empty()
        self.refreshed()
        if self._record is None and self.list.count():
            self.list.setCurrentRow(0)  # the first one came from the other computer
            return
        if row < 0 or self._record is None:
            return  # gone on the other computer (what is on screen stays until left)
        self._take_fresh()

    def _take_fresh(self) -> None:
        """The open record as the vault has it now, in the form (what is typed kept). A
        save on its way first: taken once it has settled (else the form kept the old
        values, and its next save put them back over the other computer's)."""
        if not self.session.is_open or self._record is None or self._record.id is None:
            return
        if self.autosaver.pending:
            self._fresh_after_save = True
            return
        try:
            fresh = self.repo().get(self._record.id)
        except KintsugiError:
            return
        if fresh.updated_at == self._record.updated_at:
            return
        base = self._record

        def show(shown: Record) -> None:
            self._loading = True
            try:
                self._record = fresh
                self.show_record(shown)
            finally:
                self._loading = False

        kept = show_fresh(self.form, self.autosaver, base, fresh, self.collect, show)
        self.autosaver.reset()
        if kept:
            self.autosaver.changed()  # what is typed here is saved over the new values
        self.attachments.refresh()

    def _row_of(self, item_id: int) -> int:
        """The list's row of ``item_id`` (-1: not listed)."""
        for n in range(self.list.count()):
            if self.list.item(n).data(Qt.ItemDataRole.UserRole) == item_id:
                return n
        return -1

    def refreshed(self) -> None:
        """After ``refresh_quietly`` read the list again: anything else the tab shows."""

    def current_id(self) -> int | None:
        """The item of the chosen row (None: none chosen)."""
        row = self.list.currentItem()
        value = row.data(Qt.ItemDataRole.UserRole) if row is not None else None
        return value if isinstance(value, int) else None

    def open_record(self, item_id: int) -> None:
        """Show this record in the form (a search hit, say)."""
        self.reload(select=item_id)

    def writing_new(self) -> bool:
        """A new record is open in the form, not kept yet (nothing typed in it)."""
        return self._record is not None and self._record.id is None and self.form.isEnabled()

    def update_empty(self) -> None:
        empty = self.list.count() == 0 and self.session.is_open
        self.empty.setText(self.empty_texts[1] if self.writing_new() else self.empty_texts[0])
        self.empty.setVisible(empty)
        self.list.setVisible(not empty)

    def new_record(self) -> None:
        """An empty form (its placeholders say what goes where); the record is kept from
        the first words typed, never before (see :func:`first_words_then`)."""
        self.autosaver.save_now()
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        rec = self.blank()
        self._loading = True
        try:
            self.clear_fields()
            self._record, self._draft = rec, Draft()
            self.show_record(rec)
        finally:
            self._loading = False
        self.autosaver.reset()
        self.attachments.refresh()
        self.form.setEnabled(True)
        self.update_empty()  # the words beside the form say it is open for writing
        self.focus_new()

    def show_error(self, text: str) -> None:
        """Say why something was not saved: a message, never on the form's save state (the
        next "Editing…" would overwrite it)."""
        channel.error(text)

    def focus_new(self) -> None:
        """Put the cursor where a new record's wording goes."""

    def on_current_item_changed(self, current, previous) -> None:
        self.autosaver.save_now()
        if current is None or not self.session.is_open:
            return
        rec = self.repo().get(current.data(Qt.ItemDataRole.UserRole))
        self._loading = True
        try:
            self._record, self._draft = rec, Draft(rec.id)
            self.show_record(rec)
        finally:
            self._loading = False
        self.autosaver.reset()
        self.attachments.refresh()
        self.form.setEnabled(True)

    def on_field_changed(self, *_: object) -> None:
        if not self._loading and self._record is not None:
            self.autosaver.changed()

    def _apply(self, result: tuple | None) -> None:
        if result is None:  # a new one with no words yet: nothing was kept
            return
        saved, extra, draft = result
        if draft is not self._draft or self._record is None:
            return
        if self._record.id is None:  # its first words were kept: now it is listed
            self.list.blockSignals(True)
            # once: a sync round's refresh_quietly may have read the list between this
            # save's commit and its answer here, and listed it already
            row = self._row_of(saved.id)
            if row < 0:
                self.add_list_row(saved.id, False)
                row = self.list.count() - 1
            self.list.setCurrentRow(row)
            self.list.blockSignals(False)
            self.update_empty()
        self._record = saved
        self.after_save(saved, extra)
        if self._fresh_after_save:  # a round came while it was saving: once it has settled
            self._fresh_after_save = False
            QTimer.singleShot(0, self._take_fresh)

    def flush(self) -> bool:
        return self.autosaver.save_now()

    def clear(self) -> None:
        self.autosaver.reset()
        self._record, self._draft = None, Draft()
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.clear_fields()
        self.attachments.clear()
        self.form.setEnabled(False)


def first_words_then(store, value: tuple, has_words=RecordListTab.has_words) -> tuple | None:
    """On the writer: a new record is added with its first words (none yet: nothing is
    kept), then saved by the kind's own ``store``; later saves find the id on the draft."""
    rec, repo, draft = value
    if draft.id is None:
        if not has_words(rec):
            return None
        draft.id = repo.add(rec).id
    if rec.id is None:
        rec = dataclasses.replace(rec, id=draft.id)
    saved, extra = store((rec, repo))
    return saved, extra, draft

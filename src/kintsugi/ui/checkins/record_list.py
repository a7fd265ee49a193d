"""A list of records beside the form of the chosen one, saved as you go (Boundaries, Goals)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from kintsugi.core.errors import KintsugiError
from kintsugi.core.records import Record
from kintsugi.ui import channel
from kintsugi.ui.autosave import Autosaver, Background
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session


class RecordListTab(QWidget):
    """Subclasses say which records, how a row looks, and how the form shows and collects.

    Saves run on the vault's writer thread (ui.autosave.Background): the form is read on
    the UI thread, written there, and what was stored comes back to ``after_save``."""

    _added = Signal(object)  # (Future of a new record, whether to focus it), writer → UI

    def __init__(
        self, session: Session, list_name: str, new_label: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.session = session
        self._record: Record | None = None
        self.state: QLabel  # where the form says "Saved" (each subclass places it)
        self._loading = False
        self.autosaver = Autosaver(
            parent=self,
            background=Background(
                writer=lambda: self.session.writer(),
                snapshot=lambda: (self.collect(), self.repo()),
                store=self.store,
                apply=self._apply,
            ),
        )
        self._added.connect(self._on_added)
        self.list = QListWidget()
        self.list.setAccessibleName(list_name)
        self.list.currentItemChanged.connect(self.on_current_item_changed)
        self.new_button = QPushButton(new_label)
        self.new_button.setAccessibleName(new_label)
        self.new_button.clicked.connect(self.new_record)
        self.form = QWidget()
        self.form.setEnabled(False)

    # --- what subclasses provide -----------------------------------------------------
    def repo(self):
        raise NotImplementedError

    def record_ids(self) -> list[tuple[int, object]]:
        """(id, anything the row needs) in display order."""
        raise NotImplementedError

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

    def after_save(self, saved: Record, extra: object) -> None:
        """On the UI thread, once the writer has committed a save of the shown record."""

    def clear_fields(self) -> None:
        pass

    # --- shared behaviour --------------------------------------------------------------
    def assemble(self, *right: QWidget) -> None:
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addWidget(self.new_button)
        column = QVBoxLayout()
        for w in right:
            column.addWidget(w)
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
        for n in range(self.list.count()):
            if self.list.item(n).data(Qt.ItemDataRole.UserRole) == select or (
                select is None and n == 0
            ):
                self.list.setCurrentRow(n)
                break

    def open_record(self, item_id: int) -> None:
        """Show this record in the form (a search hit, say)."""
        self.reload(select=item_id)

    def new_record(self) -> None:
        """Add a blank record on the writer; it is shown (and focused) once committed."""
        self.autosaver.save_now()
        repo, blank = self.repo(), self.blank()
        try:
            future = self.session.writer().submit(lambda: repo.add(blank))
        except KintsugiError as exc:
            self.show_error(describe(exc))
            return
        # Nothing is typed into the record shown before while the new one is on its way.
        self.new_button.setEnabled(False)
        self.form.setEnabled(False)
        future.add_done_callback(self._added.emit)

    def _on_added(self, future) -> None:
        self.new_button.setEnabled(True)
        exc = future.exception()
        if exc is not None:
            self.form.setEnabled(self._record is not None)
            if not isinstance(exc, KintsugiError):
                raise exc
            self.show_error(describe(exc))
            return
        if self.session.is_open:
            self.reload(select=future.result().id)
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
            self._record = rec
            self.show_record(rec)
        finally:
            self._loading = False
        self.autosaver.reset()
        self.form.setEnabled(True)

    def on_field_changed(self, *_: object) -> None:
        if not self._loading and self._record is not None:
            self.autosaver.changed()

    def _apply(self, result: tuple) -> None:
        saved, extra = result
        if self._record is not None and self._record.id == saved.id:
            self._record = saved
            self.after_save(saved, extra)

    def flush(self) -> bool:
        return self.autosaver.save_now()

    def clear(self) -> None:
        self.autosaver.reset()
        self._record = None
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.clear_fields()
        self.form.setEnabled(False)

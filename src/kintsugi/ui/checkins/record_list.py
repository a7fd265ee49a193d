"""A list of records beside the form of the chosen one, saved as you go (Boundaries, Goals)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from kintsugi.core.records import Record
from kintsugi.ui.autosave import Autosaver
from kintsugi.ui.session import Session


class RecordListTab(QWidget):
    """Subclasses say which records, how a row looks, and how the form shows and collects."""

    def __init__(
        self, session: Session, list_name: str, new_label: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.session = session
        self._record: Record | None = None
        self._loading = False
        self.autosaver = Autosaver(self._save, self)
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

    def after_save(self, saved: Record) -> None:
        pass

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
            if self.list.item(n).data(Qt.UserRole) == select or (select is None and n == 0):
                self.list.setCurrentRow(n)
                break

    def open_record(self, item_id: int) -> None:
        """Show this record in the form (a search hit, say)."""
        self.reload(select=item_id)

    def new_record(self) -> None:
        self.autosaver.save_now()
        saved = self.repo().add(self.blank())
        self.reload(select=saved.id)
        self.focus_new()

    def focus_new(self) -> None:
        """Put the cursor where a new record's wording goes."""

    def on_current_item_changed(self, current, previous) -> None:
        self.autosaver.save_now()
        if current is None or not self.session.is_open:
            return
        rec = self.repo().get(current.data(Qt.UserRole))
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

    def _save(self) -> None:
        saved = self.repo().update(self.collect())
        self._record = saved
        self.after_save(saved)

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

"""Boundaries: agreements revisited on a date; earlier wordings kept. Due ones come first,
marked calmly."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.records import BOUNDARY_STATUSES, Boundary
from kintsugi.ui.autosave import Autosaver
from kintsugi.ui.session import Session


class OptionalDate(QWidget):
    """A date that may be left unset."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.enabled = QCheckBox()
        self.enabled.setAccessibleName(self.tr("Set %1").replace("%1", name))
        self.edit = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy", enabled=False)
        self.edit.setAccessibleName(name)
        self.enabled.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.enabled.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.enabled.setChecked(day is not None)
        self.edit.setDate(QDate(day) if day else QDate.currentDate())


class BoundariesTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._boundary: Boundary | None = None
        self._loading = False
        self.autosaver = Autosaver(self._save, self)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Boundaries, due for revisit first"))
        self.list.currentItemChanged.connect(self.on_current_item_changed)
        new = QPushButton(self.tr("New boundary"))
        new.setAccessibleName(self.tr("New boundary"))
        new.clicked.connect(self.new_boundary)
        self.text = QPlainTextEdit(placeholderText=self.tr("What we agreed, in plain words"))
        self.text.setAccessibleName(self.tr("The agreement"))
        self.agreed = OptionalDate(self.tr("Agreed on"))
        self.revisit = OptionalDate(self.tr("Revisit by"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for status in BOUNDARY_STATUSES:
            self.status.addItem(self.tr(status.capitalize()), status)
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Earlier wordings"))
        self.history.setMaximumHeight(110)
        self.state = QLabel()
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))
        for signal in (self.text.textChanged, self.agreed.enabled.toggled,
                       self.agreed.edit.dateChanged, self.revisit.enabled.toggled,
                       self.revisit.edit.dateChanged, self.status.currentIndexChanged,
                       self.share.toggled):
            signal.connect(self.on_field_changed)
        form = QFormLayout()
        form.addRow(self.tr("Agreement"), self.text)
        form.addRow(self.tr("Agreed on"), self.agreed)
        form.addRow(self.tr("Revisit by"), self.revisit)
        form.addRow(self.tr("Status"), self.status)
        form.addRow("", self.share)
        form.addRow(self.tr("Earlier wordings"), self.history)
        form.addRow("", self.state)
        self.form = QWidget()
        self.form.setLayout(form)
        self.form.setEnabled(False)
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addWidget(new)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.form, 2)

    def on_unlocked(self) -> None:
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.autosaver.save_now()
        repo = self.session.boundaries()
        self.list.blockSignals(True)
        self.list.clear()
        for item_id, due in repo.all_ids():
            b = repo.get(item_id)
            label = b.text.splitlines()[0] if b.text else "—"
            if due:
                label = f"{label}   · " + self.tr("time to revisit")
            elif b.status != "active":
                label = f"{label}   · {self.tr(b.status)}"
            row = QListWidgetItem(label)
            row.setData(Qt.UserRole, item_id)
            if due:
                font = row.font()
                font.setBold(True)
                row.setFont(font)
            self.list.addItem(row)
        self.list.blockSignals(False)
        for n in range(self.list.count()):
            if self.list.item(n).data(Qt.UserRole) == select or (select is None and n == 0):
                self.list.setCurrentRow(n)
                break

    def new_boundary(self) -> None:
        self.autosaver.save_now()
        saved = self.session.boundaries().add(Boundary(text=self.tr("A new agreement")))
        self.reload(select=saved.id)
        self.text.selectAll()
        self.text.setFocus()

    def on_current_item_changed(self, current, previous) -> None:
        self.autosaver.save_now()
        if current is None or not self.session.is_open:
            return
        b = self.session.boundaries().get(current.data(Qt.UserRole))
        self._loading = True
        self._boundary = b
        self.text.setPlainText(b.text)
        self.agreed.set_value(b.agreed_on)
        self.revisit.set_value(b.revisit_by)
        self.status.setCurrentIndex(self.status.findData(b.status))
        self.share.setChecked(b.shared)
        self.history.clear()
        for h in reversed(b.history):
            self.history.addItem(f"{h.changed_at:%d %b %Y}: {h.text} ({self.tr(h.status)})")
        self._loading = False
        self.autosaver.reset()
        self.form.setEnabled(True)

    def on_field_changed(self, *_: object) -> None:
        if not self._loading and self._boundary is not None:
            self.autosaver.changed()

    def _save(self) -> None:
        assert self._boundary is not None
        self._boundary = self.session.boundaries().update(dataclasses.replace(
            self._boundary, text=self.text.toPlainText().strip() or self._boundary.text,
            agreed_on=self.agreed.value(), revisit_by=self.revisit.value(),
            status=self.status.currentData(), shared=self.share.isChecked()))

    def flush(self) -> bool:
        return self.autosaver.save_now()

    def clear(self) -> None:
        self.autosaver.reset()
        self._boundary = None
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.text.clear()
        self.history.clear()
        self.form.setEnabled(False)

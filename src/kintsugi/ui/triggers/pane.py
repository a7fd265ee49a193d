"""The Triggers pane: a lazy list (filter by what set it off, or jump to a date), the full
form of the selected trigger, and the grounding sessions that followed it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.errors import KintsugiError
from kintsugi.core.records import CUE_CATEGORIES
from kintsugi.core.repo.grounding import technique_label
from kintsugi.core.repo.triggers import cue_label
from kintsugi.ui import channel
from kintsugi.ui.i18n import clock_text, day_month_text
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.triggers.form import TriggerForm
from kintsugi.ui.widgets.flow_layout import FlowLayout
from kintsugi.ui.widgets.reflow import FormReflow, lines_tall
from kintsugi.ui.widgets.timeline_list import TimelineList
from kintsugi.ui.widgets.timeline_model import TimelineModel


class TriggersPane(QWidget):
    ground_requested = Signal(int)  # trigger id
    session_open_requested = Signal(int)  # a grounding session's id: read it again
    share_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = self.tr("Triggers")  # the Pane protocol (ui/panes.py)
        self.shortcut: str | None = "Ctrl+2"  # the section's place in the list
        self.session = session
        self.list_stack = TimelineList(
            session,
            self.tr("Triggers, newest first"),
            self.tr(
                "No moments logged yet.\n\nWhen something hits hard, Log a moment "
                "(Ctrl+Shift+T) — it takes a few seconds."
            ),
            self.on_share_toggled,
        )
        self.model, self.view = self.list_stack.model, self.list_stack.view
        self.share_action = self.list_stack.share_action
        self.view.selectionModel().currentChanged.connect(self.on_current_changed)

        self.cue = QComboBox()
        self.cue.setAccessibleName(self.tr("Show triggers of one kind"))
        self.cue.addItem(self.tr("Everything"), None)
        for cue in CUE_CATEGORIES:
            self.cue.addItem(cue_label(cue), cue)
        self.cue.currentIndexChanged.connect(self.reload)
        self.jump = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy")  # type: ignore[call-overload]
        self.jump.setDate(QDate.currentDate())
        self.jump.setAccessibleName(self.tr("Show triggers up to this date"))
        self.jump.dateChanged.connect(self.on_jump_date_changed)
        self.newest_button = QPushButton(self.tr("Back to newest"), visible=False)  # type: ignore[call-overload]
        self.newest_button.setAccessibleName(self.tr("Back to newest"))
        self.newest_button.clicked.connect(lambda: self.reload())
        bar = FlowLayout()  # wraps in a narrow window
        for w in (self.cue, self.jump, self.newest_button):
            bar.add(w)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(bar)
        lv.addWidget(self.list_stack, 1)

        self.form = TriggerForm(session)
        self.form.saved.connect(self.on_form_saved)
        self.sessions = QListWidget()
        self.sessions.setAccessibleName(self.tr("Grounding after this trigger"))
        lines_tall(self.sessions, 4)
        self.sessions.itemActivated.connect(self.on_session_activated)
        self.ground_button = QPushButton(self.tr("Ground now"))
        self.ground_button.setAccessibleName(self.tr("Start a grounding exercise for this"))
        self.ground_button.clicked.connect(self.on_ground_clicked)
        self.ground_button.setEnabled(False)  # until a hard moment is open
        scroll = QScrollArea(widgetResizable=True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the form's fields
        scroll.setWidget(self.form)
        # labels above their fields in a narrow window: the form never scrolls sideways
        self.form_reflow = FormReflow(self.form.layout_form, scroll.viewport())
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(scroll, 1)
        rv.addWidget(
            QLabel(
                self.tr("What I did to ground myself afterwards"),
                textFormat=Qt.TextFormat.PlainText,
                wordWrap=True,
            )
        )
        rv.addWidget(self.sessions)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ground_button)
        rv.addLayout(row)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        chars = self.fontMetrics().averageCharWidth()
        splitter.setSizes([chars * 44, chars * 80])  # the list as wide as ~40 characters
        QVBoxLayout(self).addWidget(splitter)

    # --- session -------------------------------------------------------------------
    def _fetch(self, cue=None):
        triggers = self.session.triggers()
        return lambda after, limit: triggers.timeline(cue=cue, after=after, limit=limit)

    def on_unlocked(self) -> None:
        self.reload()

    def reload(self, *_: object, anchor: datetime | None = None) -> None:
        if not self.session.is_open:
            return
        self.form.save_now()
        self.model.set_source(self._fetch(self.cue.currentData()), anchor=anchor)
        self.model.fetchMore()
        self.newest_button.setVisible(anchor is not None)
        if self.model.rowCount():
            self.select_row(0)
        else:
            self.form.clear()
            self.sessions.clear()
        self._offer_actions()
        self.list_stack.show_empty_when_no_rows = self.cue.currentData() is None
        self.list_stack.update_empty()

    def flush(self) -> bool:
        return self.form.save_now()

    def refresh_quietly(self) -> None:
        """After a sync round brought something: the list read again with the same hard
        moment chosen, and its form showing the other computer's changes (what is being typed
        stays as typed: TriggerForm.take_changes)."""
        # (a date jumped to stays as it is; Back to newest reads it again). isHidden, not
        # isVisible: under another section on screen the button is not visible either
        if not self.session.is_open or not self.newest_button.isHidden():
            return
        current = self.form.trigger_id
        self.model.set_source(self._fetch(self.cue.currentData()))
        self.model.fetchMore()
        self.list_stack.update_empty()
        row = self.model.row_of(current) if current is not None else -1
        if row >= 0:
            sm = self.view.selectionModel()
            sm.blockSignals(True)  # the same hard moment: nothing to load
            sm.setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            sm.blockSignals(False)
            self.view.viewport().update()
        elif current is None and self.model.rowCount():
            self.select_row(0)  # the first one came from the other computer
        if current is None:
            return
        try:
            fresh = self.session.triggers().get(current)
        except KintsugiError:
            return  # gone on the other computer: what is on screen stays until left
        self.form.take_changes(fresh)
        self.show_sessions(current)

    def clear(self) -> None:
        self.form.clear()
        self.sessions.clear()
        self.model.set_source(None)
        self._offer_actions()

    def on_jump_date_changed(self, qdate: QDate) -> None:
        day = date(qdate.year(), qdate.month(), qdate.day()) + timedelta(days=1)
        self.reload(anchor=datetime.combine(day, time()).astimezone())

    # --- selection -----------------------------------------------------------------
    def select_row(self, row: int) -> None:
        self.list_stack.select_row(row)

    opens_kinds = ("trigger",)

    def open_item(self, item_id: int, kind: str) -> None:
        self.open_trigger(item_id)

    def open_trigger(self, trigger_id: int) -> None:
        if self.cue.currentData() is not None:
            self.cue.setCurrentIndex(0)
        row = self.model.row_of(trigger_id)
        if row < 0:
            self.reload()
            row = self.model.row_of(trigger_id)
        if row < 0:  # older than the first page
            summary = self.session.items().summary(trigger_id)
            self.reload(anchor=summary.occurred_at + timedelta(microseconds=1))
            row = self.model.row_of(trigger_id)
        if row >= 0:
            self.select_row(row)

    def on_current_changed(self, current, previous) -> None:
        if not current.isValid():
            return
        trigger_id = current.data(TimelineModel.IdRole)
        if trigger_id == self.form.trigger_id:
            return
        self.form.save_now()
        try:
            self.form.load(self.session.triggers().get(trigger_id))
            self.show_sessions(trigger_id)
        except KintsugiError as exc:
            channel.error(describe(exc))
        self._offer_actions()

    def _offer_actions(self) -> None:
        """Ground now only for a hard moment that is open (nothing to ground for otherwise)."""
        self.ground_button.setEnabled(self.form.trigger_id is not None)

    def show_sessions(self, trigger_id: int) -> None:
        self.sessions.clear()
        for s in self.session.grounding().for_trigger(trigger_id):
            name = technique_label(s.technique)
            if s.technique == "custom" and s.steps and s.steps[0].get("name"):
                name = str(s.steps[0]["name"])
            line = f"{day_month_text(s.occurred_at)}, {clock_text(s.occurred_at)} · {name}"
            if s.suds_before is not None and s.suds_after is not None:
                line += " · " + self.tr("distress %1 → %2").replace(
                    "%1", str(s.suds_before)
                ).replace("%2", str(s.suds_after))
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setToolTip(self.tr("Open to read it again"))
            self.sessions.addItem(item)
        if not self.sessions.count():
            self.sessions.addItem(self.tr("Nothing yet."))

    def on_session_activated(self, item: QListWidgetItem) -> None:
        session_id = item.data(Qt.ItemDataRole.UserRole)
        if session_id is not None:
            self.session_open_requested.emit(int(session_id))

    def on_form_saved(self, summary) -> None:
        self.model.upsert(summary)
        self._offer_actions()
        row = self.model.row_of(summary.id)
        if row >= 0:
            sm = self.view.selectionModel()
            sm.blockSignals(True)
            sm.setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            sm.blockSignals(False)

    def on_ground_clicked(self) -> None:
        if self.form.trigger_id is not None:
            self.form.save_now()
            self.ground_requested.emit(self.form.trigger_id)

    def on_share_toggled(self) -> None:
        self.share_changed.emit()

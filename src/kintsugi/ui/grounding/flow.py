"""The main window's part in triggers and grounding: the quick log, "Ground now", the
exercise screen coming and going, and the support contacts. (A mixin of MainWindow.)"""

from __future__ import annotations

from PySide6.QtCore import Qt

from kintsugi.ui.support_dialog import SupportDialog
from kintsugi.ui.triggers.quick_log import QuickLogDialog


class GroundingFlow:
    def on_quick_log(self) -> None:
        if not self.session.is_open:
            return
        self.flush()
        self.dialog = QuickLogDialog(self.session, self)
        self.dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.dialog.saved.connect(lambda _id: self.triggers.reload())
        self.dialog.ground_requested.connect(self.on_ground_requested)
        self.dialog.details_requested.connect(self.on_trigger_details_requested)
        self.dialog.support_requested.connect(self.on_support)
        self.dialog.open()

    def on_trigger_details_requested(self, trigger_id: int) -> None:
        self.nav.setCurrentRow(1)
        self.triggers.open_trigger(trigger_id)
        self.triggers.form.situation.setFocus()

    def on_ground_requested(self, trigger_id: int) -> None:
        suds = self.session.triggers().get(trigger_id).suds_peak
        self._show_exercise()
        self.exercise.open_chooser(trigger_id, suds)

    def start_exercise(self, technique: str, custom=None, trigger_id: int | None = None):
        self._show_exercise()
        return self.exercise.prepare(technique, trigger_id, custom=custom)

    def _show_exercise(self) -> None:
        self.flush()
        self.exercise.custom = self.session.custom_techniques().all()
        self.toolbar.hide()
        self.menuBar().hide()
        self.statusBar().hide()
        self.screens.setCurrentWidget(self.exercise)

    def on_support(self) -> None:
        if self.session.is_open:
            self.support_dialog = SupportDialog(self.session, self)
            self.support_dialog.setAttribute(Qt.WA_DeleteOnClose)
            self.support_dialog.open()

    def on_exercise_saved(self, saved) -> None:
        self.grounding.refresh()
        if saved.trigger_id is not None and self.triggers.form.trigger_id == saved.trigger_id:
            self.triggers.show_sessions(saved.trigger_id)
        self.save_state.setText(self.tr("Session saved"))

    def on_exercise_closed(self, draft) -> None:
        self.menuBar().show()
        self.statusBar().show()
        if not self.session.is_open:
            return
        self.toolbar.show()
        self.screens.setCurrentWidget(self.workspace)
        if draft is not None:
            self.banner.offer(
                self.tr("Keep a note of this exercise?"),
                lambda: self._save_draft(draft),
                self.tr("Save it"),
            )

    def _save_draft(self, draft) -> None:
        if self.session.is_open:
            self.on_exercise_saved(self.session.grounding().add(draft))

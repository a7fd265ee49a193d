"""Triggers and grounding across the window: the quick log, "Ground now" (Ctrl+G, also before
unlocking as "Breathe now"), the exercise screen coming and going, keeping what was done across
a lock, and the support contacts. A controller: it gets the session, the window's `Shell` and
the panes it works with, and owns the keep offer and the support strip the window lays out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid

from kintsugi.core.errors import KintsugiError
from kintsugi.core.exercises import CustomTechnique
from kintsugi.core.records import GroundingSession
from kintsugi.core.support_card import CrisisLine, read_card
from kintsugi.ui import channel
from kintsugi.ui.dialogs.support import SupportDialog
from kintsugi.ui.grounding.keep_offer import KeepOffer
from kintsugi.ui.grounding.pane import GroundingPane
from kintsugi.ui.grounding.session_view import GroundingSessionDialog
from kintsugi.ui.grounding.view import ExerciseView
from kintsugi.ui.idle import IdleWatcher
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.shell import Shell
from kintsugi.ui.together.safety_plan import CardPlanDialog, SafetyPlanDialog
from kintsugi.ui.triggers.pane import TriggersPane
from kintsugi.ui.triggers.quick_log import QuickLogDialog
from kintsugi.ui.unlock.pane import UnlockPane
from kintsugi.ui.unlock.welcome import WelcomePane
from kintsugi.ui.widgets.support_list import SupportCardDialog
from kintsugi.ui.widgets.support_strip import SupportStrip


class GroundingFlow(QObject):
    def __init__(
        self,
        session: Session,
        shell: Shell,
        window: QWidget,
        *,
        exercise: ExerciseView,
        grounding: GroundingPane,
        triggers: TriggersPane,
        entry_screens: Sequence[UnlockPane | WelcomePane],
        idle: IdleWatcher,
    ):
        super().__init__(window)
        self.session, self.shell, self.window = session, shell, window
        self.exercise, self.grounding, self.triggers, self.idle = (
            exercise,
            grounding,
            triggers,
            idle,
        )
        self.support_dialog: SupportDialog | SupportCardDialog | None = None
        self.keep_offer = KeepOffer()
        self.keep_offer.keep_requested.connect(self._save_draft)
        self.support_strip = SupportStrip()
        self.support_strip.edit_requested.connect(self.on_support)
        self.exercise.support_source = self.support_people
        self.exercise.in_progress.connect(self.on_exercise_in_progress)
        self.exercise.kept.connect(self.keep_offer.add)
        self.exercise.saved.connect(self.on_exercise_saved)
        self.exercise.closed.connect(self.on_exercise_closed)
        self.exercise.support_requested.connect(self.on_support)
        self.exercise.safety_plan_requested.connect(self.on_safety_plan)
        self.exercise.plan_available = self.safety_plan_available
        #: Shows the safety plan's own page (the window sets it: Together → Safety plan).
        self.plan_page_opener: Callable[[], None] | None = None
        self.plan_dialog: QDialog | None = None
        self.grounding.start_requested.connect(self.start_exercise)
        self.grounding.support_requested.connect(self.on_support)
        self.grounding.open_requested.connect(self.open_grounding_session)
        self.triggers.ground_requested.connect(self.on_ground_requested)
        self.triggers.session_open_requested.connect(self.open_grounding_session)
        for screen in entry_screens:
            screen.breathe_requested.connect(self.on_ground_now)
            screen.support_requested.connect(self.on_support)

    # --- the vault opens and locks -------------------------------------------------------
    def on_unlocked(self) -> None:
        self.refresh_support()
        self.keep_offer.set_allowed(True)  # what was done while locked, offered now

    def on_locked(self) -> None:
        self.exercise.clear()
        self.idle.release()
        self.keep_offer.set_allowed(False)
        self.support_strip.clear()

    # --- starting ------------------------------------------------------------------
    def on_quick_log(self) -> None:
        if not self.session.is_open:
            return
        self.shell.flush()
        dialog = QuickLogDialog(self.session, self.window)
        dialog.saved.connect(lambda _id: self.triggers.reload())
        dialog.ground_requested.connect(self.on_ground_requested)
        dialog.details_requested.connect(self.on_trigger_details_requested)
        dialog.support_requested.connect(self.on_support)
        self.shell.open_dialog(dialog)

    def on_trigger_details_requested(self, trigger_id: int) -> None:
        self.shell.show_pane(self.triggers)
        self.triggers.open_trigger(trigger_id)
        self.triggers.form.situation.setFocus()

    def on_ground_requested(self, trigger_id: int) -> None:
        suds = self.session.triggers().get(trigger_id).suds_peak
        self._show_exercise()
        self.exercise.open_chooser(trigger_id, suds)

    def on_ground_now(self) -> None:
        """Ctrl+G, the toolbar, the menu, and "Breathe now" before unlocking."""
        if self.shell.on_exercise_screen():
            return
        self._show_exercise()
        self.exercise.open_chooser(None)

    def start_exercise(
        self, technique: str, custom: CustomTechnique | None = None, trigger_id: int | None = None
    ) -> Any:
        self._show_exercise()
        return self.exercise.prepare(technique, trigger_id, custom=custom)

    def _show_exercise(self) -> None:
        if self.session.is_open:
            self.shell.flush()
            self.exercise.custom = self.session.custom_techniques().all()
        else:
            self.exercise.custom = []  # your own techniques live in the vault
        self.shell.show_exercise_screen()

    def on_exercise_in_progress(self, running: bool) -> None:
        if running:
            self.idle.hold()
        else:
            self.idle.release()

    # --- the people who help ---------------------------------------------------------
    def support_people(self) -> tuple[list[dict[str, Any]], CrisisLine | None]:
        """(contacts as dicts, crisis line): from the vault, or — locked — from the support
        card, which exists only if the person chose to reach them before unlocking."""
        if self.session.is_open:
            repo = self.session.support_contacts()
            return [asdict(c) for c in repo.all()], repo.crisis_line()
        card = read_card()
        return (card.contacts, card.crisis_line) if card else ([], None)

    def refresh_support(self) -> None:
        if self.session.is_open:
            self.support_strip.set_people(*self.support_people())
        else:
            self.support_strip.clear()

    def on_support(self) -> None:
        if self.session.is_open:
            dialog = SupportDialog(self.session, self.window)
            dialog.changed.connect(self.refresh_support)
            dialog.safety_plan_requested.connect(self.on_safety_plan)
            self.support_dialog = dialog
        else:
            card = read_card()
            if card is None:
                return
            locked = SupportCardDialog(
                card.contacts, card.crisis_line, self.window, with_plan=bool(card.coping)
            )
            locked.safety_plan_requested.connect(self.on_safety_plan)
            self.support_dialog = locked
        self.support_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.support_dialog.open()

    # --- the safety plan ---------------------------------------------------------------
    def safety_plan_available(self) -> bool:
        """Open: the plan (or a way to start one). Locked: the part the card keeps, if any."""
        if self.session.is_open:
            return True
        card = read_card()
        return card is not None and bool(card.coping)

    def on_safety_plan(self) -> None:
        """One step from the people who help and from "still hard right now"."""
        if self.session.is_open:
            self.shell.flush()
            plan = SafetyPlanDialog(self.session, self.window)
            plan.edit_requested.connect(self.open_plan_page)
            dialog: QDialog = plan
        else:
            card = read_card()
            if card is None or not card.coping:
                return
            dialog = CardPlanDialog(card.coping, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.plan_dialog = dialog
        dialog.open()

    def open_plan_page(self) -> None:
        if self.shell.on_exercise_screen():
            self.exercise.leave()
        support = self.support_dialog
        if isinstance(support, QDialog) and isValid(support) and support.isVisible():
            support.accept()
        if self.plan_page_opener is not None:
            self.plan_page_opener()

    # --- ending, and keeping -----------------------------------------------------------
    def on_exercise_saved(self, saved: GroundingSession) -> None:
        self.grounding.refresh()
        if saved.trigger_id is not None and self.triggers.form.trigger_id == saved.trigger_id:
            self.triggers.show_sessions(saved.trigger_id)
        channel.info(self.tr("Session saved"))

    def on_exercise_closed(self, draft: GroundingSession | None) -> None:
        self.idle.release()
        if draft is not None:
            self.keep_offer.add(draft)
        if not self.session.is_open:
            self.shell.show_start()
            return
        self.shell.show_workspace()

    def keep_unfinished_exercise(self) -> None:
        """The session is locking under a running exercise: keep it in memory, to offer.
        (And the support contacts being typed are saved, like every form.)"""
        dialog = self.support_dialog
        if isinstance(dialog, SupportDialog) and isValid(dialog) and dialog.isVisible():
            dialog.flush()
        draft = self.exercise.take_unfinished()
        if draft is not None:
            self.keep_offer.add(draft)

    def _save_draft(self, draft: GroundingSession) -> None:
        if not self.session.is_open:
            self.keep_offer.put_back(draft)
            return
        try:
            saved = self.session.grounding().add(draft)
        except KintsugiError as exc:
            self.keep_offer.put_back(draft)
            channel.error(describe(exc))
            return
        self.on_exercise_saved(saved)

    def open_grounding_session(self, item_id: int) -> None:
        if not self.session.is_open:
            return
        self.shell.open_dialog(
            GroundingSessionDialog(
                self.session.grounding().get(item_id), self.window, app_session=self.session
            )
        )

"""The main window assembles the panes and connects their signals; it holds no logic of its own
beyond moving between the welcome, unlock and workspace screens, and locking."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QByteArray, QLocale, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import backups, config
from kintsugi.core.support_card import read_card
from kintsugi.ui import channel, discretion
from kintsugi.ui.app_settings import AppSettings
from kintsugi.ui.checkins.pane import CheckInReminder, CheckInsPane
from kintsugi.ui.dialogs.settings import SettingsDialog
from kintsugi.ui.dialogs.trash import TrashDialog
from kintsugi.ui.file_actions import FileActions
from kintsugi.ui.forget import forget_everything
from kintsugi.ui.gentle_notes import GentleNotes
from kintsugi.ui.grounding.flow import GroundingFlow
from kintsugi.ui.grounding.pane import GroundingPane
from kintsugi.ui.grounding.view import ExerciseView
from kintsugi.ui.idle import IdleWatcher, SystemLockWatcher
from kintsugi.ui.insights.pane import InsightsPane
from kintsugi.ui.journal.pane import JournalPane
from kintsugi.ui.machine_settings import MachineSettings
from kintsugi.ui.messages import describe
from kintsugi.ui.panes import OpensItems, Pane, Sections
from kintsugi.ui.search.pane import SearchPane
from kintsugi.ui.session import Session
from kintsugi.ui.share.pane import SharePane
from kintsugi.ui.sync.actions import SyncActions
from kintsugi.ui.sync.controller import SyncController
from kintsugi.ui.sync.place import SyncedPlaceOffer
from kintsugi.ui.theme import apply_text_size, apply_theme
from kintsugi.ui.together import links as together_links
from kintsugi.ui.together.disclosures_tab import DisclosuresTab
from kintsugi.ui.together.hard_dates_tab import HardDatesTab
from kintsugi.ui.together.pane import TogetherPane
from kintsugi.ui.together.templates_tab import TemplatesTab
from kintsugi.ui.triggers.pane import TriggersPane
from kintsugi.ui.unlock.pane import UnlockPane
from kintsugi.ui.unlock.recovery import RecoveryKeyDialog, RecoveryUnlockDialog
from kintsugi.ui.unlock.welcome import WelcomePane
from kintsugi.ui.widgets.banners import ReminderBar, UndoBanner
from kintsugi.ui.widgets.screen_fit import fit_to_screen, fits
from kintsugi.ui.workers import run_in_background


def application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


class MainWindow(QMainWindow):
    """The window: its screens, menus and status bar, and the wiring between the panes and the
    two controllers (GroundingFlow, FileActions). It is the controllers' `Shell`."""

    def __init__(self, session: Session):
        super().__init__()
        self.setWindowTitle(discretion.app_title())  # "Notes", if the person chose so
        self.session = session
        self.settings = AppSettings()
        self._offer_recovery_key = False
        self._flushed_for_lock = False
        self._copied_digest: bytes | None = None
        self.dialog: QDialog | None = None  # the open dialog, if any (one at a time)
        self.tray: QSystemTrayIcon | None = None
        self._progress_text: str | None = None

        self.welcome = WelcomePane()
        self.unlock = UnlockPane()
        self.journal = JournalPane(session)
        self.triggers = TriggersPane(session)
        self.grounding = GroundingPane(session)
        self.checkins = CheckInsPane(session)
        self.insights = InsightsPane(session)
        self.share = SharePane(session)
        self.search = SearchPane(session)
        self.together = TogetherPane(session)
        self.exercise = ExerciseView(session)
        # the one registered list: navigation order, and who takes part in unlock/save/lock
        self.sections = Sections(
            (
                self.journal,
                self.triggers,
                self.grounding,
                self.checkins,
                self.share,
                self.insights,
                self.search,
                self.together,
            ),
            self,
        )
        self.nav = self.sections.nav
        self.nav.ensurePolished()  # rows measured with the style sheet's padding
        self.nav.doItemsLayout()
        self.panes = self.sections.stack
        self.sections.shown.connect(self.on_pane_shown)
        self.idle = IdleWatcher(application(), self)
        self.system_lock = SystemLockWatcher(self)
        self.grounding_flow = GroundingFlow(
            session,
            self,
            self,
            exercise=self.exercise,
            grounding=self.grounding,
            triggers=self.triggers,
            entry_screens=(self.unlock, self.welcome),
            idle=self.idle,
        )
        self.file_actions = FileActions(session, self, self, unlock=self.unlock, share=self.share)
        self.keep_offer = self.grounding_flow.keep_offer
        self.support_strip = self.grounding_flow.support_strip
        self.workspace = QWidget()
        left = QVBoxLayout()
        left.addWidget(self.nav, 1)
        left.addWidget(self.keep_offer, 0, Qt.AlignmentFlag.AlignHCenter)
        left.addWidget(self.support_strip)
        self.fit_navigation()
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left)
        row.addWidget(self.panes, 1)
        self.screens = QStackedWidget()
        for w in (self.welcome, self.unlock, self.workspace, self.exercise):
            self.screens.addWidget(w)
        self.setCentralWidget(self.screens)

        # the status bar: whether what is typed is saved, then the one place for messages
        self.save_state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.save_state.setAccessibleName(self.tr("Save state"))
        self.notice = QLabel(textFormat=Qt.TextFormat.PlainText)  # may name a partner or a file
        self.notice.setAccessibleName(self.tr("Messages"))
        self.progress = QProgressBar(maximumWidth=160, textVisible=False)  # type: ignore[call-arg]
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.banner = UndoBanner()
        self.statusBar().addWidget(self.save_state)
        self.statusBar().addWidget(self.notice, 1)
        self.statusBar().addWidget(self.progress)
        self.reminder_bar = ReminderBar()
        self.reminder_bar.check_in_clicked.connect(self.on_check_in_now)
        self.reminder_bar.later_clicked.connect(self.on_check_in_later)
        self.statusBar().addPermanentWidget(self.reminder_bar)
        # syncing with another computer: when it last synced, and entries with two versions
        self.sync = SyncController(session, self)
        self.sync_actions = SyncActions(session, self.sync, self)
        self.statusBar().addPermanentWidget(self.sync_actions.two_versions)
        self.statusBar().addPermanentWidget(self.sync_actions.sync_state)
        self.synced_place = SyncedPlaceOffer(session, self)  # the journal in a synced folder
        for widget in self.together.status_widgets():  # e.g. the weekly conversation's
            self.statusBar().addPermanentWidget(widget)
        self.together.show_requested.connect(lambda: self.show_pane(self.together))
        self.statusBar().addPermanentWidget(self.banner)

        self.reminder = CheckInReminder(session, parent=self)
        self.reminder.due.connect(self.on_check_in_due)
        # the reminder to write and the notes before hard dates (#20)
        self.gentle_notes = GentleNotes(session, parent=self)
        self.statusBar().addPermanentWidget(self.gentle_notes.bar)
        self.gentle_notes.write_requested.connect(self.on_write_from_prompt)
        self.gentle_notes.plan_requested.connect(lambda i: self.on_open_requested(i, "hard_date"))
        templates, hard_dates = (
            self.together.page_for("template"),
            self.together.page_for("hard_date"),
        )
        if isinstance(templates, TemplatesTab):
            templates.write_requested.connect(self.on_write_from_template)
        if isinstance(hard_dates, HardDatesTab):
            hard_dates.on_this_day_changed.connect(lambda _on: self.journal.on_this_day.refresh())
        self._build_actions()
        self._connect()
        self.show_start()
        geometry = config.WINDOW_GEOMETRY.get(MachineSettings())
        restored = isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(geometry)
        if not restored or not fits(self):
            fit_to_screen(self, (1100, 720))  # never restore a window bigger than the screen

    # --- assembly ------------------------------------------------------------------
    def _build_actions(self) -> None:
        flow, files = self.grounding_flow, self.file_actions

        def action(
            text: str,
            slot: Callable[[], object],
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
            menu: QMenu | None = None,
        ) -> QAction:
            a = QAction(text, self)
            a.triggered.connect(slot)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            if menu is not None:
                menu.addAction(a)
            self.addAction(a)
            return a

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_entry_action = action(
            self.tr("New entry"), self.on_new_entry, QKeySequence.StandardKey.New, file_menu
        )
        self.prompt_action = action(
            self.tr("Write from a prompt…"), self.on_write_from_prompt, "Ctrl+Alt+N", file_menu
        )
        self.tell_action = action(
            self.tr("Something I want to tell you…"), self.on_something_to_tell, None, file_menu
        )
        file_menu.addSeparator()
        action(self.tr("New journal file…"), files.on_new_vault, None, file_menu)
        action(
            self.tr("Open journal file…"),
            files.on_open_vault,
            QKeySequence.StandardKey.Open,
            file_menu,
        )
        file_menu.addSeparator()
        action(self.tr("Restore from backup…"), files.on_restore, None, file_menu)
        self.import_action = action(self.tr("Import…"), files.on_import, None, file_menu)
        self.export_all_action = action(
            self.tr("Export everything…"), files.on_export_everything, None, file_menu
        )
        file_menu.addSeparator()
        self.quick_log_action = action(
            self.tr("Log a moment…"), flow.on_quick_log, "Ctrl+Shift+T", file_menu
        )
        self.ground_action = action(self.tr("Ground now…"), flow.on_ground_now, "Ctrl+G", file_menu)
        self.ground_action.setToolTip(self.tr("Ground now: breathing and other exercises (Ctrl+G)"))
        self.lock_action = action(self.tr("Lock"), self.lock, "Ctrl+L", file_menu)
        self.panic_action = action(
            self.tr("Hide and lock"), self.hide_and_lock, discretion.PANIC_KEY, file_menu
        )
        self.panic_key = discretion.PanicKey(self.hide_and_lock, self)  # in dialogs too
        application().installEventFilter(self.panic_key)
        self.elsewhere_action = action(
            self.tr("Use on another computer…"), self.sync_actions.open_sync_dialog, None, file_menu
        )
        action(self.tr("Settings…"), self.on_settings, "Ctrl+,", file_menu)  # none is standard here
        file_menu.addSeparator()
        action(self.tr("Quit"), self.close, "Ctrl+Q", file_menu)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.find_action = action(
            self.tr("Search…"), self.on_find, QKeySequence.StandardKey.Find, edit_menu
        )
        action(self.tr("Trash…"), self.on_trash, None, edit_menu)
        action(self.tr("Support contacts…"), flow.on_support, None, edit_menu)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for section in self.sections.actions:  # Ctrl+1 … Ctrl+8, shown beside each name
            go_menu.addAction(section)
        go_menu.addSeparator()
        self.nav_action = action(
            self.tr("Section list"),
            lambda: self.set_navigation_shown(self.nav_action.isChecked()),
            "F9",
            go_menu,
        )
        self.nav_action.setCheckable(True)
        self.nav_action.setChecked(True)
        self.workspace_actions = [
            self.new_entry_action,
            self.prompt_action,
            self.tell_action,
            self.quick_log_action,
            self.lock_action,
            self.elsewhere_action,
            self.find_action,
            self.nav_action,
            *self.sections.actions,
        ]
        self.toolbar = self.addToolBar(self.tr("Main"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.new_entry_action)
        new_button = self.toolbar.widgetForAction(self.new_entry_action)
        if isinstance(new_button, QToolButton):  # New entry ▾ Write from a prompt…
            new_menu = QMenu(new_button)
            new_menu.addAction(self.prompt_action)
            new_menu.addAction(self.tell_action)
            new_button.setMenu(new_menu)
            new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.toolbar.addAction(self.quick_log_action)
        self.toolbar.addAction(self.ground_action)
        self.toolbar.addAction(self.find_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.lock_action)
        self.lock_action.setToolTip(self.tr("Lock (Ctrl+L)"))

    def _connect(self) -> None:
        self.session.unlocked.connect(self.on_session_unlocked)
        self.session.about_to_lock.connect(self.on_session_about_to_lock)
        self.session.locked.connect(self.on_session_locked)
        self.welcome.create_requested.connect(self.on_create_requested)
        self.welcome.join_requested.connect(self.sync_actions.open_join_dialog)
        self.unlock.unlock_requested.connect(self.on_unlock_requested)
        self.unlock.recovery_requested.connect(self.on_recovery_requested)
        self.unlock.restore_requested.connect(self.file_actions.on_restore)
        self.journal.editor.autosaver.state_changed.connect(self.on_save_state_changed)
        self.journal.undoable.connect(self.banner.offer)
        self.search.open_requested.connect(self.on_open_requested)
        self.triggers.form.autosaver.state_changed.connect(self.on_save_state_changed)
        self.share.imported.connect(self.journal.reload)  # what came in shows at once
        self.sync.records_changed.connect(self.sections.refresh_quietly)  # another computer
        self.sync_actions.follow(self.journal.editor.two_versions)
        self.synced_place.setup_suggested.connect(
            lambda folder: self.sync_actions.open_sync_dialog(folder=folder)
        )  # two versions of this entry
        self.share.imported.connect(self.triggers.reload)
        self.share.import_requested.connect(self.file_actions.on_import)
        self.share.open_requested.connect(self.on_open_requested)
        self.journal.share_changed.connect(self.share.reload)
        self.triggers.share_changed.connect(self.share.reload)
        together_links.connect(self)  # the plan, questions and sessions reach the window
        self.idle.idle.connect(self.on_idle)
        self.system_lock.should_lock.connect(self.on_system_lock)
        QGuiApplication.clipboard().dataChanged.connect(self.on_clipboard_changed)
        messages = channel.bridge()
        messages.shown.connect(self.show_message)
        messages.progressed.connect(self.show_progress)
        messages.progress_ended.connect(self.end_progress)

    # --- screens -------------------------------------------------------------------
    def show_start(self) -> None:
        for a in self.workspace_actions:
            a.setEnabled(False)
        self.toolbar.hide()
        self.menuBar().show()
        self.statusBar().show()
        if self.session.vault_exists():
            self.unlock.clear()
            self.unlock.set_vault_name(
                self.session.path.name if discretion.show_file_name() else ""
            )
            self.unlock.set_support_available(read_card() is not None)
            self.screens.setCurrentWidget(self.unlock)
            self.unlock.passphrase.setFocus()
        else:
            self.welcome.clear()
            self.welcome.set_support_available(read_card() is not None)
            self.screens.setCurrentWidget(self.welcome)
            self.welcome.passphrase.setFocus()
        self.save_state.clear()
        self.show_message(None)
        self.end_progress()

    def show_workspace(self) -> None:
        self.menuBar().show()
        self.statusBar().show()
        self.toolbar.show()
        self.screens.setCurrentWidget(self.workspace)

    def show_exercise_screen(self) -> None:
        self.toolbar.hide()
        self.menuBar().hide()
        self.statusBar().hide()
        self.screens.setCurrentWidget(self.exercise)

    def on_exercise_screen(self) -> bool:
        return self.screens.currentWidget() is self.exercise

    def open_dialog(self, dialog: QDialog, *, delete_on_close: bool = True) -> None:
        if delete_on_close:
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def on_create_requested(self, passphrase: str, wants_recovery_key: bool) -> None:
        self._offer_recovery_key = wants_recovery_key
        self.session.create(passphrase, self.on_create_failed)

    def on_create_failed(self, exc: BaseException) -> None:
        self.welcome.set_busy(False)
        self.welcome.show_message(describe(exc))

    def on_unlock_requested(self, passphrase: str) -> None:
        self.session.unlock(passphrase, self.on_unlock_failed)

    def on_unlock_failed(self, exc: BaseException) -> None:
        from kintsugi.core.errors import VaultCorrupted

        self.unlock.show_error(describe(exc), offer_restore=isinstance(exc, VaultCorrupted))

    def on_recovery_requested(self) -> None:
        dialog = RecoveryUnlockDialog(self)
        dialog.accepted.connect(lambda: self.on_recovery_dialog_accepted(dialog))
        self.open_dialog(dialog, delete_on_close=False)

    def on_recovery_dialog_accepted(self, dialog: RecoveryUnlockDialog) -> None:
        self.unlock.set_busy(True)
        self._offer_recovery_key = True  # the old key no longer works: offer the new one
        self.session.unlock_with_recovery_key(
            dialog.key.text(), dialog.new.text(), lambda exc: self.unlock.show_error(describe(exc))
        )

    def on_session_unlocked(self) -> None:
        self.settings = AppSettings.load(self.session.settings())
        self.apply_settings(self.settings)
        self.sections.on_unlocked()
        self.reminder.start()
        self.grounding_flow.on_unlocked()
        vault = self.session.vault
        assert vault is not None  # just unlocked
        run_in_background(
            lambda: backups.daily_backup(vault),
            lambda _info: None,
            lambda exc: channel.warning(
                self.tr("No backup today: %1").replace("%1", describe(exc))
            ),
        )
        self.show_pane(self.journal)
        self.show_workspace()
        for a in self.workspace_actions:
            a.setEnabled(True)
        self.save_state.setText(self.tr("All saved"))
        for notice in vault.notices:  # a change file set aside before opening: say so once
            channel.warning(describe(notice))
        self.synced_place.on_unlocked(vault)  # in a synced folder: offer to move it out
        self.sync.on_unlocked()  # rounds by themselves, if this journal syncs
        self.welcome.clear()
        self.unlock.clear()
        if self._offer_recovery_key and self.session.vault is not None:
            self._offer_recovery_key = False
            self.show_recovery_key(self.session.vault.recovery_key())

    def show_recovery_key(self, recovery_key: str) -> None:
        self.open_dialog(RecoveryKeyDialog(recovery_key, self, self.session.pending_temps()))

    def set_navigation_shown(self, shown: bool) -> None:
        """The section list folds away for room (F9); Ctrl+1 … Ctrl+8 still move between
        sections, and the Go menu lists them."""
        for widget in (self.nav, self.support_strip):
            widget.setVisible(shown)
        self.nav_action.setChecked(shown)

    def fit_navigation(self) -> None:
        """The side column is as wide as its longest section name at the text size now."""
        metrics = self.nav.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.nav.item(n).text()) for n in range(self.nav.count())),
            default=0,
        )
        width = max(
            widest + metrics.averageCharWidth() * 8,
            metrics.averageCharWidth() * 18,
            self.support_strip.sizeHint().width(),  # "People who help" and its links
        )
        self.nav.setFixedWidth(width)
        self.support_strip.setFixedWidth(width)
        self.keep_offer.setFixedWidth(width)

    def apply_settings(self, values: AppSettings) -> None:
        self.settings = values
        discretion.apply_identity(application())
        self.setWindowTitle(discretion.app_title())
        self.idle.set_minutes(values.autolock_minutes)
        self.idle.start()
        apply_theme(application(), values.theme)
        apply_text_size(application(), values.text_size)
        self.fit_navigation()
        config.TEXT_SIZE_HERE.set(MachineSettings(), values.text_size)  # for the lock screen too
        self.exercise.reduced_motion = values.reduced_motion
        day = Qt.DayOfWeek(values.first_day_of_week)
        if day != QLocale().firstDayOfWeek():  # calendars are built lazily: only when needed
            for edit in (
                self.journal.jump,
                self.journal.editor.when,
                self.search.since,
                self.search.until,
            ):
                edit.calendarWidget().setFirstDayOfWeek(day)

    # --- locking -------------------------------------------------------------------
    def lock(self) -> bool:
        """Save, close the vault, clear every view. False if the user chose to stay."""
        if not self.session.is_open:
            return True
        if (
            not self.sections.flush()
            and channel.ask(
                self,
                discretion.app_title(),
                self.tr(
                    "The last changes couldn't be saved (%1)\n\nLock anyway and lose them?"
                ).replace("%1", self.save_state.text()),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return False
        self._flushed_for_lock = True  # just saved (or given up on): not again on the way
        try:
            self.session.lock()
        finally:
            self._flushed_for_lock = False
        return True

    def flush(self) -> bool:
        """Save every open form now; False if anything could not be saved."""
        return self.sections.flush()

    def hide_and_lock(self) -> None:
        """The panic key: out of sight at once, then locked. What can be saved is saved;
        nothing asks first (someone is coming)."""
        self.showMinimized()
        for window in QApplication.topLevelWidgets():
            if window is not self and window.isVisible():
                window.hide()
        if self.session.is_open:
            self.session.lock()  # the forms save first, as on any lock

    def on_idle(self) -> None:
        if self.session.is_open and not self.idle.held:
            self.session.lock()  # privacy first: an unattended journal locks (forms save first)

    def on_system_lock(self) -> None:
        """Screen lock or sleep: lock now, even mid-exercise (what was done is kept); a
        journal still being opened (a join taking minutes) is locked once it is open."""
        if self.session.is_open or self.session.opening:
            self.session.lock()

    def on_session_about_to_lock(self) -> None:
        """Every lock passes here, whoever asked for it: the one place forms save on the way."""
        self.grounding_flow.keep_unfinished_exercise()  # in memory only; offered after unlock
        if not self._flushed_for_lock:
            self.sections.flush()
        self.sync.on_about_to_lock()  # a last round, with what was just saved

    def on_session_locked(self) -> None:
        self.idle.stop()
        self.banner.dismiss()
        self.grounding_flow.on_locked()
        self.sections.clear()
        self.reminder.stop()
        self.reminder_bar.hide()
        self._clear_our_clipboard()
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog is not self and dialog.isVisible():
                dialog.close()
        forget_everything(self)  # every field, its undo steps, completers: nothing comes back
        self.show_start()

    def on_clipboard_changed(self) -> None:
        """Remember a digest of what our windows put on the clipboard (never the text)."""
        clipboard = QGuiApplication.clipboard()
        if QApplication.activeWindow() is not None or clipboard.ownsClipboard():
            self._copied_digest = hashlib.sha256(clipboard.text().encode()).digest()
        else:
            self._copied_digest = None

    def _clear_our_clipboard(self) -> None:
        """On lock: clear the clipboard if it still holds what we copied, and only then."""
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text()
        if text and self._copied_digest == hashlib.sha256(text.encode()).digest():
            clipboard.clear()
        self._copied_digest = None

    # --- menu actions --------------------------------------------------------------
    def show_pane(self, pane: Pane) -> None:
        """Bring one of the workspace's sections on screen."""
        self.sections.show(pane)

    def on_new_entry(self) -> None:
        self.show_pane(self.journal)
        self.journal.new_entry()

    def on_write_from_prompt(self) -> None:
        self.show_pane(self.journal)
        self.journal.choose_prompt()

    def on_something_to_tell(self) -> None:
        """A new "something I want to tell you", straight from New entry's menu."""
        page = self.together.page_for("disclosure")
        if isinstance(page, DisclosuresTab):
            self.show_pane(self.together)
            self.together.show_page(page)
            page.new_record()

    def on_this_day_setting_changed(self) -> None:
        """Settings may have turned On this day on or off: the journal and Hard dates follow."""
        self.journal.on_this_day.refresh()
        hard_dates = self.together.page_for("hard_date")
        if isinstance(hard_dates, HardDatesTab):
            hard_dates.show_on_this_day_setting()

    def on_write_from_template(self, template_id: int) -> None:
        self.show_pane(self.journal)
        self.journal.write_from_template(template_id)

    def on_find(self) -> None:
        self.show_pane(self.search)
        self.search.focus_query()

    def on_open_requested(self, item_id: int, kind: str) -> None:
        if kind == "grounding":  # a session opens in the grounding flow, over any pane
            self.grounding_flow.open_grounding_session(item_id)
            return
        pane = self.sections.opener(kind)
        if pane is not None:
            self.show_pane(pane)
            cast(OpensItems, pane).open_item(item_id, kind)

    def on_pane_shown(self, pane: Pane) -> None:
        if pane is self.share and self.session.is_open:
            self.share.reload()  # marks may have changed anywhere

    # --- check-in reminder ---------------------------------------------------------
    def on_check_in_due(self) -> None:
        self.reminder_bar.show()
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            if self.tray is None:
                self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
            self.tray.show()
            self.tray.showMessage(
                discretion.app_title(),
                self.tr("When you have a moment: your check-in."),
                QSystemTrayIcon.MessageIcon.Information,
                8000,
            )

    def on_check_in_now(self) -> None:
        self.reminder_bar.hide()
        self.show_pane(self.checkins)
        self.checkins.tabs.setCurrentWidget(self.checkins.checkin)
        self.checkins.checkin.start_new()

    def on_check_in_later(self) -> None:
        self.reminder_bar.hide()
        self.reminder.snooze()

    def on_save_state_changed(self, state: str, text: str) -> None:
        # Every keystroke says "Editing…": the label is set and re-styled only when what
        # it says changes (a style polish per key was a tenth of a keystroke's UI time).
        role = "error" if state == "error" else ""
        if text == self.save_state.text() and role == self.save_state.property("role"):
            return
        self.save_state.setText(text)
        self.save_state.setProperty("role", role)
        self.save_state.style().polish(self.save_state)

    def show_message(self, message: channel.Message | None) -> None:
        """The one place a message shows (None: none now); errors look like errors."""
        self.notice.setText(message.text if message is not None else "")
        error = message is not None and message.level is channel.Level.ERROR
        self.notice.setProperty("role", "error" if error else "")
        self.notice.style().polish(self.notice)

    def show_progress(self, progress: channel.Progress) -> None:
        self._progress_text = progress.text
        self.notice.setText(progress.text)
        self.notice.setProperty("role", "")
        self.notice.style().polish(self.notice)
        self.progress.setRange(0, progress.total)  # 0, 0: busy
        self.progress.setValue(progress.done)
        self.progress.show()

    def end_progress(self) -> None:
        self.progress.hide()
        if self._progress_text is not None and self.notice.text() == self._progress_text:
            self.notice.clear()  # a message that came since stays
        self._progress_text = None

    def on_settings(self) -> None:
        if not self.session.is_open:
            return
        dialog = SettingsDialog(self.session, self)
        dialog.applied.connect(self.apply_settings)
        dialog.applied.connect(lambda _values: self.on_this_day_setting_changed())
        dialog.recovery_key_made.connect(self.show_recovery_key)
        dialog.techniques_changed.connect(self.grounding.refresh)
        dialog.use_elsewhere_requested.connect(lambda: self.sync_actions.open_sync_dialog(dialog))
        self.open_dialog(dialog)

    def on_trash(self) -> None:
        if not self.session.is_open:
            return
        self.flush()
        dialog = TrashDialog(self.session, self)
        dialog.restored.connect(self.journal.restore)
        self.open_dialog(dialog)

    # --- quitting ------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.lock():
            event.ignore()
            return
        config.WINDOW_GEOMETRY.set(MachineSettings(), self.saveGeometry())
        event.accept()

"""Syncing, as the window shows it (a controller): the status bar's "Synced 2 minutes ago"
and its "two versions" button, Use on another computer, and joining from the welcome
screen."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kintsugi.ui import i18n
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.sync.conflicts import ConflictsDialog
from kintsugi.ui.sync.controller import SyncController
from kintsugi.ui.sync.dialog import SyncDialog
from kintsugi.ui.sync.join import JoinDialog
from kintsugi.ui.sync.note import TwoVersionsNote


class SyncActions(QObject):
    def __init__(self, session: Session, controller: SyncController, window: QWidget):
        super().__init__(window)
        self.session = session
        self.controller = controller
        self.window = window
        self.sync_dialog: SyncDialog | None = None
        self.join_dialog: JoinDialog | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self.sync_state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.sync_state.setAccessibleName(self.tr("Sync"))
        self.two_versions = QPushButton()
        self.two_versions.setFlat(True)
        self.two_versions.setAccessibleName(self.tr("Entries with two versions"))
        self.two_versions.clicked.connect(self.open_conflicts)
        self.two_versions.hide()
        controller.changed.connect(self.show_state)
        session.unlocked.connect(self._joined)
        self.show_state()

    # --- the status bar -------------------------------------------------------------------
    def show_state(self) -> None:
        text, problem = self.controller.state_text()
        self.sync_state.setText(text)
        self.sync_state.setVisible(bool(text))
        self.sync_state.setProperty("role", "error" if problem else "")
        self.sync_state.style().polish(self.sync_state)
        n = self.controller.conflicts_waiting
        self.two_versions.setText(
            self.tr("Two versions to choose from (%1)…").replace("%1", i18n.number_text(n))
        )
        self.two_versions.setVisible(n > 0)

    def follow(self, note: TwoVersionsNote) -> None:
        """An open record's "two versions of this entry" line: shown while it has a
        conflict waiting, and its button opens the list at that record."""
        self.controller.changed.connect(lambda: note.set_waiting(self.controller.conflict_uids))
        note.open_requested.connect(lambda uid: self.open_conflicts(at_uid=uid))

    # --- dialogs --------------------------------------------------------------------------
    def open_sync_dialog(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        """Use on another computer; ``folder`` filled in as the folder to sync through
        (the synced folder a journal file was just moved out of)."""
        if not self.session.is_open:
            return
        dialog = SyncDialog(self.session, parent or self.window)
        if folder is not None:
            dialog.folder.edit.setText(str(folder))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.started.connect(self.controller.on_unlocked)  # rounds start now
        dialog.sync_requested.connect(self.controller.run_now)
        dialog.conflicts_requested.connect(lambda: self.open_conflicts(dialog))
        self.controller.changed.connect(dialog.refresh_quietly)
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.sync_dialog = dialog
        dialog.open()

    def _forget(self, dialog: SyncDialog) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.controller.changed.disconnect(dialog.refresh_quietly)

    def open_conflicts(self, parent: QWidget | None = None, at_uid: str | None = None) -> None:
        if not self.session.is_open:
            return
        dialog = ConflictsDialog(self.session, parent or self.window, at_uid=at_uid)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(self.controller.records_changed)  # the open entry shows it
        dialog.resolved.connect(self.controller.run_now)  # the kept text goes out, counts too
        self.conflicts_dialog = dialog
        dialog.open()

    def open_join_dialog(self) -> None:
        dialog = JoinDialog(self.window)
        dialog.join_requested.connect(
            lambda passphrase, folder, code: self.session.create_and_join(
                passphrase,
                folder,
                code,
                lambda exc: dialog.failed(describe(exc)),
                progress=dialog.relay.report,
            )
        )
        self.join_dialog = dialog
        dialog.open()

    def _joined(self) -> None:
        if self.join_dialog is not None:
            self.join_dialog.accept()
            self.join_dialog = None

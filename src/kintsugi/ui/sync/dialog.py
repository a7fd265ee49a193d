"""Settings → Use on another computer: start syncing this journal through a folder (and
show the pairing code for the other computer), or, once it syncs, see the computers, sync
now, remove one, and look at entries with two versions."""

from __future__ import annotations

import platform
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kintsugi.core import sync
from kintsugi.core.i18n import arg
from kintsugi.ui import channel, i18n
from kintsugi.ui.dialogs.files import ask_folder
from kintsugi.ui.messages import describe, known_problem
from kintsugi.ui.session import Session
from kintsugi.ui.sync.controller import one_at_a_time
from kintsugi.ui.sync.pairing import PairingCode
from kintsugi.ui.sync.progress import ProgressRelay, progress_text
from kintsugi.ui.widgets.reflow import scrolling
from kintsugi.ui.workers import run_in_background


def _label(text: str = "", role: str = "") -> QLabel:
    label = QLabel(text, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


def when(moment: str | None) -> str:
    if not moment:
        return ""
    try:
        parsed = datetime.fromisoformat(moment).astimezone()
    except ValueError:
        return moment
    return i18n.short_moment_text(parsed)


class FolderField(QWidget):
    """A folder: typed, or chosen with the no-trail folder dialog."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.edit = QLineEdit()
        self.edit.setAccessibleName(self.tr("Sync folder"))
        self.edit.setPlaceholderText(self.tr("A folder your sync tool keeps on both computers"))
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.setAccessibleName(self.tr("Choose the sync folder"))
        self.choose.clicked.connect(self.on_choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.choose)

    def on_choose(self) -> None:
        chosen = ask_folder(self, self.title, self.edit.text())
        if chosen is not None:
            self.edit.setText(str(chosen))

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None


class SyncDialog(QDialog):
    """Emits ``started`` once this journal syncs (setup done), ``conflicts_requested`` for
    the list of entries with two versions, ``sync_requested`` for a round now."""

    started = Signal()
    conflicts_requested = Signal()
    sync_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Use on another computer"))
        self.pages = QStackedWidget()

        # --- not syncing yet: how it works, and a folder ---------------------------------
        start = QWidget()
        intro = _label(
            self.tr(
                "Kintsugi can keep this journal the same on two computers through a folder you "
                "already sync: Syncthing, Nextcloud, Dropbox, or a USB stick you carry. "
                "Everything Kintsugi puts in that folder is encrypted; your journal file "
                "itself stays here, outside it."
            )
        )
        self.folder = FolderField(self.tr("Choose the sync folder"))
        self.device_name = QLineEdit(platform.node())
        self.device_name.setAccessibleName(self.tr("This computer's name"))
        self.start_button = QPushButton(self.tr("Start syncing"))
        self.start_button.setAccessibleName(self.tr("Start syncing"))
        self.start_button.setProperty("role", "primary")
        self.start_button.clicked.connect(self.on_start)
        join_note = _label(
            self.tr(
                "To join a journal that is already on another computer, start on this one with "
                "a new, empty journal: File → New journal file…, then “Join a journal from "
                "another computer”."
            ),
            "subtle",
        )
        form = QFormLayout()
        form.addRow(self.tr("Sync folder"), self.folder)
        form.addRow(self.tr("This computer's name"), self.device_name)
        start_layout = QVBoxLayout(start)
        start_layout.addWidget(intro)
        start_layout.addLayout(form)
        start_layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignRight)
        start_layout.addWidget(join_note)
        start_layout.addStretch(1)

        # --- the pairing code ---------------------------------------------------------------
        code_page = QWidget()
        self.code = PairingCode()
        steps = _label(
            self.tr(
                "On the other computer: once your sync tool has carried the folder there, open "
                "Kintsugi, choose “Join a journal from another computer”, choose that folder "
                "and type this code. It works once. Keep it to yourself: with the folder, it "
                "opens the journal's sync."
            )
        )
        code_layout = QVBoxLayout(code_page)
        code_layout.addWidget(_label(self.tr("Your pairing code"), "heading"))
        code_layout.addWidget(self.code)
        code_layout.addWidget(steps)
        code_layout.addStretch(1)

        # --- syncing: the computers, now, two versions ----------------------------------------
        status = QWidget()
        self.where = _label()
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last = _label()
        self.problem = _label(role="error")
        self.devices = QListWidget()
        self.devices.setAccessibleName(self.tr("Computers this journal syncs with"))
        self.remove_button = QPushButton(self.tr("Stop syncing with this computer…"))
        self.remove_button.setAccessibleName(self.tr("Stop syncing with the chosen computer"))
        self.remove_button.clicked.connect(self.on_remove)
        self.devices.currentItemChanged.connect(lambda *_: self._enable_remove())
        self.invite_button = QPushButton(self.tr("Add another computer…"))
        self.invite_button.setAccessibleName(
            self.tr("Add another computer: a new pairing code for it")
        )
        self.invite_button.clicked.connect(self.on_invite)
        self.now_button = QPushButton(self.tr("Sync now"))
        self.now_button.setAccessibleName(self.tr("Sync now"))
        self.now_button.clicked.connect(self.sync_requested)
        self.conflicts_line = _label()
        self.conflicts_button = QPushButton(self.tr("Look at them…"))
        self.conflicts_button.setAccessibleName(self.tr("Look at the entries with two versions"))
        self.conflicts_button.clicked.connect(self.conflicts_requested)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.remove_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.invite_button)
        buttons_row.addWidget(self.now_button)
        conflicts_row = QHBoxLayout()
        conflicts_row.addWidget(self.conflicts_line, 1)
        conflicts_row.addWidget(self.conflicts_button)
        status_layout = QVBoxLayout(status)
        for w in (self.where, self.last, self.problem):
            status_layout.addWidget(w)
        status_layout.addWidget(_label(self.tr("Computers"), "heading"))
        status_layout.addWidget(self.devices, 1)
        status_layout.addLayout(buttons_row)
        status_layout.addLayout(conflicts_row)

        for page in (start, code_page, status):
            self.pages.addWidget(page)
        self.start_page, self.code_page, self.status_page = start, code_page, status
        self.message = _label(role="error")
        self.message.setAccessibleName(self.tr("Message"))
        self.progress = _label(role="subtle")  # "Preparing 12,000 of 100,000 items…"
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.relay = ProgressRelay(self)
        self.relay.moved.connect(self.on_progress)
        self.busy = QProgressBar(minimum=0, maximum=0, visible=False, textVisible=False)  # type: ignore[call-arg]
        self.busy.setAccessibleName(self.tr("Working"))
        self.setting_up = False  # the folder being made ready: the dialog stays till it is
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(self.pages), 1)
        outer.addWidget(self.message)
        outer.addWidget(self.progress)
        outer.addWidget(self.busy)
        outer.addWidget(self.buttons)
        # wide enough for the pairing code on one line, measured in the text's own size
        self.resize(
            max(self.sizeHint().width(), self.fontMetrics().averageCharWidth() * 80),
            self.sizeHint().height(),
        )
        self.status: sync.SyncStatus | None = None
        self.question: QMessageBox | None = None
        self.refresh()

    # --- what is shown ----------------------------------------------------------------------
    def refresh(self) -> None:
        vault = self.session.vault
        if vault is None:
            return
        self._busy(True)
        run_in_background(lambda: sync.status(vault), self.show_status, self.on_failed)

    def refresh_quietly(self) -> None:
        """After a round (the controller's ``changed``): the figures again, without the
        busy bar, while the status page shows."""
        vault = self.session.vault
        if vault is None or self.pages.currentWidget() is not self.status_page:
            return
        run_in_background(lambda: sync.status(vault), self._show_if_open, lambda _exc: None)

    def _show_if_open(self, st: sync.SyncStatus | None) -> None:
        if isValid(self) and self.isVisible():
            self.show_status(st)

    def show_status(self, st: sync.SyncStatus | None) -> None:
        if not isValid(self):
            return  # the dialog went meanwhile (the journal was locked): nothing to show
        self._busy(False)
        self.status = st
        if st is None:
            if self.pages.currentWidget() is not self.code_page:
                self.pages.setCurrentWidget(self.start_page)
                self.folder.edit.setFocus()
            return
        if self.pages.currentWidget() is not self.code_page:
            self.pages.setCurrentWidget(self.status_page)
        self.where.setText(self.tr("Syncing through %1").replace("%1", str(st.folder)))
        self.last.setText(
            self.tr("Last synced: %1").replace("%1", when(st.last_round_at))
            if st.last_round_at
            else self.tr("Not synced yet")
        )
        self.problem.setText(known_problem(st.last_problem) or "")
        self.problem.setVisible(bool(st.last_problem))
        chosen = self.devices.currentItem()  # kept through the refresh after every round
        chosen_id = chosen.data(Qt.ItemDataRole.UserRole) if chosen is not None else None
        had_focus = self.devices.hasFocus()
        self.devices.clear()
        for device in st.devices:
            if device.removed:
                continue
            # a computer known by its key before its first file told its name
            name = device.name or self.tr("Another computer")
            if device.this_device:
                text = arg(self.tr("%1 (this computer)"), name)
            elif device.last_seen:
                text = arg(self.tr("%1, last heard from %2"), name, when(device.last_seen))
            else:
                text = arg(self.tr("%1, not heard from yet"), name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, device.device_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, device.this_device)
            item.setData(Qt.ItemDataRole.UserRole + 2, name)
            self.devices.addItem(item)
            if device.device_id == chosen_id:
                self.devices.setCurrentItem(item)
        if had_focus:
            self.devices.setFocus()
        self._enable_remove()
        n = st.conflicts_waiting
        self.conflicts_line.setText(
            self.tr("Entries with two versions to choose from: %1.").replace(
                "%1", i18n.number_text(n)
            )
            if n
            else self.tr("No entries with two versions.")
        )
        self.conflicts_button.setEnabled(n > 0)

    def _enable_remove(self) -> None:
        item = self.devices.currentItem()
        self.remove_button.setEnabled(
            item is not None and not item.data(Qt.ItemDataRole.UserRole + 1)
        )

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for w in (self.start_button, self.now_button, self.invite_button, self.folder):
            w.setEnabled(not busy)

    def _setting_up(self, on: bool, first: bool = True) -> None:
        """While the folder is made ready (setup sends every record the first time: minutes
        for a large journal) or a new code is made, the dialog says so and stays open, so
        the code is not lost."""
        self.setting_up = on
        self._busy(on)
        self.buttons.setEnabled(not on)
        self.message.setProperty("role", "subtle" if on else "error")
        self.message.style().polish(self.message)
        self.progress.clear()
        self.progress.hide()
        if not on:
            self.message.clear()
        elif first:
            self.message.setText(
                self.tr(
                    "Getting the folder ready. The first time, every entry is written into "
                    "it, encrypted: for a large journal this takes a few minutes. The pairing "
                    "code shows here when it is done."
                )
            )
        else:
            self.message.setText(self.tr("Making a new pairing code…"))

    def reject(self) -> None:
        if self.setting_up and self.session.is_open:
            return  # Esc or Close while the code is being made: it shows here soon
        # (locked meanwhile: the dialog goes with everything else; the setting up stops at
        # its next step, what it made is kept and the next round goes on from there)
        super().reject()

    def on_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return  # the dialog went meanwhile (the journal was locked): nothing to show
        self._setting_up(False)
        self.message.setText(describe(exc))

    # --- starting ---------------------------------------------------------------------------
    def on_start(self) -> None:
        folder = self.folder.path()
        vault = self.session.vault
        if folder is None:
            self.message.setText(self.tr("Choose the folder to sync through first."))
            self.folder.edit.setFocus()
            return
        if vault is None:
            return
        name = self.device_name.text().strip() or None
        self._setting_up(True)
        relay = self.relay
        run_in_background(
            lambda: one_at_a_time(lambda: sync.setup(vault, folder, name, relay.report)),
            self.on_started,
            self.on_failed,
        )

    def on_progress(self, step: str, done: int, total: int) -> None:
        """How far the first round has come (from the worker): the figure under the words
        that say a large journal takes a few minutes."""
        if self.setting_up:
            self.progress.setText(progress_text(step, done, total))
            self.progress.show()

    def on_started(self, code: str) -> None:
        if not isValid(self):
            return  # the dialog went meanwhile (the journal was locked): nothing to show
        self._show_code(code)
        self.started.emit()

    def _show_code(self, code: str) -> None:
        if not isValid(self):
            return  # the dialog went meanwhile (the journal was locked): nothing to show
        self._setting_up(False)
        self.code.set_code(code)
        self.pages.setCurrentWidget(self.code_page)
        self.code.copy_button.setFocus()

    def on_invite(self) -> None:
        """One more computer (or a code lost): a new one-time pairing code for this folder."""
        vault, st = self.session.vault, self.status
        if vault is None or st is None:
            return
        folder = Path(st.folder)
        self._setting_up(True, first=False)
        run_in_background(
            lambda: one_at_a_time(lambda: sync.setup(vault, folder)),
            self._show_code,
            self.on_failed,
        )

    # --- removing a computer ----------------------------------------------------------------
    def on_remove(self) -> None:
        item = self.devices.currentItem()
        vault = self.session.vault
        if item is None or vault is None:
            return
        device_id = item.data(Qt.ItemDataRole.UserRole)
        self.question = channel.ask_later(
            self,
            self.tr("Stop syncing with this computer"),
            self.tr(
                "“%1” will no longer get this journal's changes, and what it writes from now on "
                "will not come here. The sync key changes for the computers that stay. "
                "Nothing already on either computer is deleted."
            ).replace("%1", item.data(Qt.ItemDataRole.UserRole + 2)),
            lambda answer: self._remove(answer, vault, device_id),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
            labels={QMessageBox.StandardButton.Ok: self.tr("Stop syncing with it")},
        )

    def _remove(self, answer: QMessageBox.StandardButton, vault: object, device_id: str) -> None:
        if answer != QMessageBox.StandardButton.Ok or self.session.vault is not vault:
            return
        open_vault = self.session.vault
        assert open_vault is not None
        self._busy(True)
        run_in_background(
            lambda: one_at_a_time(lambda: sync.remove_device(open_vault, device_id)),
            lambda _r: self.refresh(),
            self.on_failed,
        )

    def clear(self) -> None:
        self.code.clear()

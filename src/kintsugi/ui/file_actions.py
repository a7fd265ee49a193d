"""The main window's File actions: another vault, restore from a backup, import, export
everything. A controller with explicit dependencies (the session, the window's `Shell`, the
unlock screen and the share pane); dialogs leave no trail, slow work runs on workers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from kintsugi.core import backups, share
from kintsugi.core.vault import backup_dir_for
from kintsugi.ui import channel
from kintsugi.ui.dialogs.files import ask_open, ask_save
from kintsugi.ui.dialogs.restore import RestoreDialog
from kintsugi.ui.discretion import EXPORT_NAMES
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.share.pane import SharePane
from kintsugi.ui.shell import Shell
from kintsugi.ui.unlock.pane import UnlockPane
from kintsugi.ui.workers import run_in_background


def bundle_needs_passphrase(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return share.needs_passphrase(f.read(4096))
    except OSError:
        return False  # never an entry's title, never a path


class FileActions(QObject):
    def __init__(
        self,
        session: Session,
        shell: Shell,
        window: QWidget,
        *,
        unlock: UnlockPane,
        share: SharePane,
    ):
        super().__init__(window)
        self.session, self.shell, self.window = session, shell, window
        self.unlock, self.share = unlock, share

    # --- backups -----------------------------------------------------------------------
    def on_restore(self) -> None:
        vault = self.session.vault
        folder = (
            backups.backup_folder(vault) if vault is not None else backup_dir_for(self.session.path)
        )
        dialog = RestoreDialog(folder, self.session.path.stem, self.window)
        dialog.restore_requested.connect(self.restore_from)
        self.shell.open_dialog(dialog)

    def restore_from(self, backup: Path, passphrase: str) -> None:
        if not self.shell.lock():
            return
        path = self.session.path
        self.unlock.set_busy(True)
        run_in_background(
            lambda: backups.restore(path, backup, passphrase),
            lambda kept: self.on_restored(backup),
            lambda exc: self.unlock.show_error(describe(exc)),
        )

    def on_restored(self, backup: Path) -> None:
        self.shell.show_start()
        self.unlock.hint.setText(
            self.tr(
                "Restored. Unlock with the passphrase of that backup; "
                "the journal as it was is kept in the backups."
            )
        )

    # --- import and export ------------------------------------------------------------
    def on_import(self) -> None:
        if not self.session.is_open:
            return
        path = ask_open(
            self.window,
            self.tr("Import"),
            self.tr("Bundles and exports (*.age *.json *.txt *.zip);;All files (*)"),
        )
        if path is None:
            return
        passphrase = None
        if bundle_needs_passphrase(path):
            passphrase, ok = QInputDialog.getText(
                self.window,
                self.tr("Bundle passphrase"),
                self.tr("This bundle is locked with a passphrase:"),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return
        jrnl_password = None
        if jrnl_needs_password(path):
            jrnl_password, ok = QInputDialog.getText(
                self.window,
                self.tr("jrnl password"),
                self.tr("This jrnl journal is encrypted. Its password:"),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return
        self.share.import_file(path, passphrase, jrnl_password=jrnl_password)

    def on_export_everything(self) -> None:
        if (
            not self.session.is_open
            or channel.ask(
                self.window,
                self.tr("Export everything"),
                self.tr(
                    "This writes everything — private notes included — to a file that is "
                    "not encrypted. A JSON file also holds your sharing identity, a secret: "
                    "with it anyone can read the bundles your partner sends you and sign as "
                    "you. Keep it somewhere private."
                ),
            )
            != QMessageBox.StandardButton.Ok
        ):
            return
        self.shell.flush()
        out = ask_save(
            self.window,
            self.tr("Export everything"),
            Path.home() / EXPORT_NAMES["everything"],
            self.tr("JSON, lossless (*.json);;Markdown, one file per day (*.zip)"),
        )
        if out:
            self.share.export_everything(out)

    def _choose_vault(self, save: bool) -> Path | None:
        title = self.tr("New journal file") if save else self.tr("Open journal file")
        flt = self.tr("Kintsugi journal files (*.kintsugi);;All files (*)")
        if save:
            return ask_save(self.window, title, self.session.path.parent / "journal.kintsugi", flt)
        return ask_open(self.window, title, flt, str(self.session.path.parent))

    def on_new_vault(self) -> None:
        path = self._choose_vault(save=True)
        if path and self.shell.lock():
            if path.suffix != ".kintsugi":
                path = path.with_name(path.name + ".kintsugi")
            self.session.set_path(path)
            self.shell.show_start()

    def on_open_vault(self) -> None:
        path = self._choose_vault(save=False)
        if path and self.shell.lock():
            self.session.set_path(path)
            self.shell.show_start()


def jrnl_needs_password(path: Path) -> bool:
    """An encrypted jrnl journal (jrnl 2+): its password is asked for before importing."""
    from kintsugi.core import jrnl_format

    try:
        with open(path, "rb") as f:
            return jrnl_format.is_encrypted(f.read(64))
    except OSError:
        return False

"""A journal file inside a folder a sync tool manages (core/syncfolder.py), as the app
says it: why that is risky, in plain words, and an offer to move the file and its backups
out (then sync through the folder the safe way); if the person keeps it there, that choice
is remembered for that folder (inside the journal), and the vault writes every save
straight into its file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from kintsugi.core import config, paths, syncfolder
from kintsugi.core.vault import Vault
from kintsugi.ui import channel
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.workers import run_in_background


class SyncedPlaceOffer(QObject):
    """``window`` is the main window (its ``lock()`` saves the forms first; ``show_start()``
    shows the unlock screen for the new place). Emits ``setup_suggested(folder)`` once the
    moved journal is unlocked at its new place: syncing through the folder it left, the
    safe way, is the next step."""

    setup_suggested = Signal(object)

    def __init__(self, session: Session, window: QWidget):
        super().__init__(window)
        self.session = session
        self.window = window
        self.question: QMessageBox | None = None
        self.moved: tuple[Path, Path] | None = None  # (the new file, the folder it left)

    def target(self) -> Path:
        """Where the journal file goes: Kintsugi's own data folder on this computer."""
        return paths.data_dir()

    # --- a journal file inside a synced folder ----------------------------------------------
    def on_unlocked(self, vault: Vault) -> None:
        if self.moved is not None:
            new, left = self.moved
            self.moved = None
            if vault.path == new:
                self.setup_suggested.emit(left)
        place = vault.synced_folder
        if place is None or config.KEPT_IN_SYNCED_FOLDER.get(self.session.settings()) == str(
            place.root
        ):
            return
        target = self.target()
        if syncfolder.synced_folder(target) is not None or target == vault.path.parent:
            return  # nowhere safer we can name: the warning said why, the rest is theirs
        self.question = channel.ask_later(
            self.window,
            self.tr("Your journal file is in a synced folder"),
            self.tr(
                "%1 copies this folder to other computers as files change. A copy taken in the "
                "middle of a save may not open on the other computer, and if two computers "
                "write at once there are two separate journals. Kintsugi can move the journal "
                "file and its backups to %2 on this computer, and you can then sync through "
                "the folder the safe way (Use on another computer). Nothing is lost either way."
            )
            .replace("%1", place.tool)
            .replace("%2", str(target)),
            lambda answer: self._on_place_answer(answer, vault, str(place.root)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
            labels={
                QMessageBox.StandardButton.Yes: self.tr("Move it out"),
                QMessageBox.StandardButton.No: self.tr("Keep it here"),
            },
        )

    def _on_place_answer(self, answer: QMessageBox.StandardButton, vault: Vault, root: str) -> None:
        if self.session.vault is not vault:
            return  # locked meanwhile: ask again next time
        if answer == QMessageBox.StandardButton.No:
            config.KEPT_IN_SYNCED_FOLDER.set(self.session.settings(), root)
            channel.info(
                self.tr(
                    "The journal file stays where it is. Kintsugi writes every save straight "
                    "into it, so nothing waits in a side file."
                )
            )
            return
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.move_out()

    def move_out(self) -> None:
        """Lock (every form saves first), move the file and its backups, then ask for the
        passphrase at the new place."""
        old = self.session.path
        target = self.target()
        lock = getattr(self.window, "lock", None)
        if callable(lock) and not lock():
            return
        self.session.lock()

        def moved(new: object) -> None:
            self.session.set_path(new)  # type: ignore[arg-type]
            self.moved = (Path(str(new)), Path(old).parent)
            show_start = getattr(self.window, "show_start", None)
            if callable(show_start):
                show_start()
            channel.info(
                self.tr(
                    "The journal file is now at %1. Unlock it to go on: Kintsugi then offers "
                    "to sync it through the folder it was in, the safe way."
                ).replace("%1", str(new))
            )

        run_in_background(
            lambda: syncfolder.move_out(old, target),
            moved,
            lambda exc: channel.error(describe(exc)),
        )

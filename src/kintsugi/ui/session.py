"""The open vault, as the UI sees it: unlock and lock, and the repositories to use.

Signals (owned here; connected by MainWindow):
    unlocked()      a vault is open; panes may load.
    about_to_lock() panes must save what they hold, now, synchronously.
    locked()        the key is gone; panes must already be empty.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kintsugi.core.db import Database
from kintsugi.core.repo import Repository, repository_for
from kintsugi.core.repo.boundaries import BoundaryRepository
from kintsugi.core.repo.checkins import CheckInRepository
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.goals import GoalRepository
from kintsugi.core.repo.grounding import GroundingRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.pending import PendingTemps
from kintsugi.core.repo.settings import Settings
from kintsugi.core.repo.sharing import Sharing
from kintsugi.core.repo.support import CustomTechniques, SupportContacts
from kintsugi.core.repo.triggers import TriggerRepository
from kintsugi.core.schedule import ScheduleStore
from kintsugi.core.search import Search
from kintsugi.core.syncfolder import refuse_conflicted_copy
from kintsugi.core.vault import Vault
from kintsugi.core.writer import Writer
from kintsugi.ui.workers import run_in_background


class Session(QObject):
    unlocked = Signal()
    about_to_lock = Signal()
    locked = Signal()

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.vault: Vault | None = None
        #: A journal is being opened on a worker (unlocking, or joining: minutes for a large
        #: one); a lock asked for meanwhile locks it as soon as it is open.
        self.opening = False
        self._lock_when_open = False

    # --- state -------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.vault is not None and not self.vault.locked

    def vault_exists(self) -> bool:
        return self.path.exists()

    def set_path(self, path: Path) -> None:
        self.lock()
        self.path = Path(path)

    # --- opening (KDF off the UI thread) -------------------------------------------
    def create(self, passphrase: str, on_failed: Callable[[BaseException], None]) -> None:
        self._open_with(lambda: Vault.create(self.path, passphrase), on_failed)

    def unlock(self, passphrase: str, on_failed: Callable[[BaseException], None]) -> None:
        def work() -> Vault:
            refuse_conflicted_copy(self.path)  # a sync tool's copy is explained, not opened
            return Vault.open(self.path, passphrase)

        self._open_with(work, on_failed)

    def unlock_with_recovery_key(
        self, recovery_key: str, new_passphrase: str, on_failed: Callable[[BaseException], None]
    ) -> None:
        def work() -> Vault:
            refuse_conflicted_copy(self.path)
            vault = Vault.open_with_recovery_key(self.path, recovery_key)
            try:
                vault.change_passphrase(new_passphrase)
            except BaseException:
                vault.lock()
                raise
            return vault

        self._open_with(work, on_failed)

    def create_and_join(
        self,
        passphrase: str,
        folder: Path,
        pairing_code: str,
        on_failed: Callable[[BaseException], None],
        progress: Callable[[str, int, int], None] | None = None,
    ) -> None:
        """A new journal file here that joins the one another computer syncs through
        ``folder``. If joining fails (a wrong code, a missing folder), the new, empty file
        is removed again: nothing is left half made."""

        def work() -> Vault:
            from kintsugi.core import sync
            from kintsugi.core.vault import backup_dir_for

            vault = Vault.create(self.path, passphrase)
            try:
                sync.join(vault, folder, pairing_code, progress=progress)
            except BaseException:
                vault.lock()
                for leftover in (
                    self.path,
                    self.path.with_name(self.path.name + "-wal"),
                    self.path.with_name(self.path.name + "-shm"),
                ):
                    leftover.unlink(missing_ok=True)
                import shutil

                shutil.rmtree(backup_dir_for(self.path), ignore_errors=True)
                raise
            return vault

        self._open_with(work, on_failed)

    def _open_with(
        self, work: Callable[[], Vault], on_failed: Callable[[BaseException], None]
    ) -> None:
        self.opening, self._lock_when_open = True, False

        def failed(exc: BaseException) -> None:
            self.opening = self._lock_when_open = False
            on_failed(exc)

        run_in_background(work, self._on_opened, failed)

    def _on_opened(self, vault: Vault) -> None:
        self.opening = False
        if self._lock_when_open:  # locked (the screen, sleep) while it was being opened
            self._lock_when_open = False
            vault.lock()  # the key goes; the unlock screen stays
            self.locked.emit()
            return
        self.vault = vault
        self.unlocked.emit()

    # --- locking -------------------------------------------------------------------
    def lock(self) -> None:
        if self.vault is None:
            if self.opening:
                self._lock_when_open = True
            return
        self.about_to_lock.emit()
        vault, self.vault = self.vault, None
        vault.lock()
        self.locked.emit()

    # --- what panes use --------------------------------------------------------------
    def _require(self) -> Vault:
        if self.vault is None:
            from kintsugi.core.errors import VaultLocked

            raise VaultLocked()
        return self.vault

    def repository(self, kind: str) -> Repository:
        """Any kind's repository (the typed ones below are shortcuts to the same)."""
        return repository_for(self._require().db, kind)

    def entries(self) -> EntryRepository:
        return EntryRepository(self._require().db)

    def items(self) -> Items:
        return Items(self._require().db)

    def search(self) -> Search:
        return Search(self._require().db)

    def settings(self) -> Settings:
        return Settings(self._require().db)

    def triggers(self) -> TriggerRepository:
        return TriggerRepository(self._require().db)

    def grounding(self) -> GroundingRepository:
        return GroundingRepository(self._require().db)

    def support_contacts(self) -> SupportContacts:
        return SupportContacts(self._require().db)

    def custom_techniques(self) -> CustomTechniques:
        return CustomTechniques(self._require().db)

    def checkins(self) -> CheckInRepository:
        return CheckInRepository(self._require().db)

    def boundaries(self) -> BoundaryRepository:
        return BoundaryRepository(self._require().db)

    def goals(self) -> GoalRepository:
        return GoalRepository(self._require().db)

    def schedule(self) -> ScheduleStore:
        return ScheduleStore(self._require().db)

    def writer(self) -> Writer:
        """The vault's one writer thread: saves run there, in order (core.writer)."""
        return self._require().writer

    def database(self) -> Database:
        """For whole-vault computations (insights, exports) run on a worker."""
        return self._require().db

    def pending_temps(self) -> PendingTemps:
        """Where a file being written at a chosen path is recorded (see core/repo/pending)."""
        return PendingTemps(self._require().db)

    def sharing(self) -> Sharing:
        return Sharing(self._require().db)

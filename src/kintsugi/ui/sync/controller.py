"""Rounds by themselves while the journal is open (a controller): a watch on the sync
folder and a short poll start a round; one more runs on lock and quit; every round runs
off the UI thread (ui/workers.py). It keeps what the status bar says: "Synced 2 minutes
ago", "Syncing…", or what is wrong, in plain words."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kintsugi.core import sync
from kintsugi.ui.messages import describe, known_problem
from kintsugi.ui.session import Session
from kintsugi.ui.workers import run_in_background

#: A change seen in the folder starts a round this long after the last change (a sync tool
#: writes a file in pieces); the poll catches what a watch cannot see (network folders).
SETTLE_MS = 1500
POLL_MS = 30_000
#: How long locking or quitting waits for the last round (off the UI thread) at most.
LAST_ROUND_S = 15.0

T = TypeVar("T")
# The app's calls that change what syncs (a round, setting up, a new code, keeping one of
# two versions, stopping with a computer) run one at a time: two at once on one journal
# could both take the same sequence number in the folder.
_ONE_AT_A_TIME = threading.Lock()


def one_at_a_time(fn: Callable[[], T]) -> T:
    """``fn()`` once no other such call runs (on a worker: it may wait a round)."""
    with _ONE_AT_A_TIME:
        return fn()


def _parse(moment: str | None) -> datetime | None:
    if not moment:
        return None
    try:
        parsed = datetime.fromisoformat(moment)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


class SyncController(QObject):
    """Emits ``changed`` whenever what the status bar says may have changed, and
    ``records_changed`` after a round that brought something from another computer or
    after two versions were made one here (the views show it)."""

    changed = Signal()
    records_changed = Signal()

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.folder: Path | None = None
        self.last_round_at: datetime | None = None
        self.problem: str | None = None
        self.conflicts_waiting = 0
        self.conflict_uids: frozenset[str] = frozenset()  # the records with two versions
        self.running = False
        self.rounds = 0  # rounds finished since unlocking (tests wait on it)
        self._again = False
        self._generation = 0  # bumped on lock: results of an older unlock are dropped
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self.soon)
        self.settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.settle.timeout.connect(self.run_now)
        self.poll = QTimer(self, interval=POLL_MS)
        self.poll.timeout.connect(self.run_now)
        self.tick = QTimer(self, interval=30_000)  # "2 minutes ago" moves on
        self.tick.timeout.connect(self.changed)

    @property
    def syncing(self) -> bool:
        return self.folder is not None

    # --- unlocking, setting up ------------------------------------------------------------
    def on_unlocked(self) -> None:
        """Read whether this journal syncs (off the UI thread), and if so start."""
        vault, generation = self.session.vault, self._generation
        if vault is None:
            return
        run_in_background(
            lambda: sync.status(vault),
            lambda st: self._started(generation, st),
            lambda exc: self._failed(generation, exc),
        )

    def _started(self, generation: int, st: sync.SyncStatus | None) -> None:
        if generation != self._generation or not self.session.is_open:
            return
        self._take_status(st)
        if st is None:
            self.changed.emit()
            return
        self._watch()
        self.poll.start()
        self.tick.start()
        self.run_now()

    def _take_status(self, st: sync.SyncStatus | None) -> None:
        if st is None:
            self.folder, self.last_round_at, self.problem = None, None, None
            self.conflicts_waiting = 0
            return
        self.folder = Path(st.folder)
        self.last_round_at = _parse(st.last_round_at) or self.last_round_at
        self.problem = known_problem(st.last_problem)
        self.conflicts_waiting = st.conflicts_waiting

    def _watch(self) -> None:
        """The folder and the folders in it (one per computer): a new file anywhere there."""
        if self.folder is None:
            return
        wanted = {str(self.folder)}
        # a missing folder: the poll tries again, and the round says what is wrong
        with contextlib.suppress(OSError):
            wanted |= {str(p) for p in self.folder.iterdir() if p.is_dir()}
        have = set(self.watcher.directories())
        if have - wanted:
            self.watcher.removePaths(sorted(have - wanted))
        if wanted - have:
            self.watcher.addPaths(sorted(wanted - have))

    # --- rounds -------------------------------------------------------------------------
    def soon(self, *_: Any) -> None:
        """Something changed in the folder: a round once it has been quiet a moment."""
        if self.syncing:
            self.settle.start()

    def run_now(self) -> None:
        if not self.syncing or not self.session.is_open:
            return
        if self.running:
            self._again = True
            return
        vault, generation = self.session.vault, self._generation
        assert vault is not None
        self.running, self._again = True, False
        self.changed.emit()

        def work() -> tuple[sync.RoundSummary, sync.SyncStatus | None, frozenset[str]] | None:
            # a round while the dialog sets up or makes a code (minutes for a big journal)
            # would hold a worker that long: skip it, and try again after a moment
            if not _ONE_AT_A_TIME.acquire(blocking=False):
                return None
            try:
                summary = sync.run_round(vault)
            finally:
                _ONE_AT_A_TIME.release()
            st = sync.status(vault)
            waiting = st is not None and st.conflicts_waiting > 0
            uids = frozenset(c.item_uid for c in sync.conflicts(vault)) if waiting else frozenset()
            return summary, st, uids

        run_in_background(
            work,
            lambda result: self._round_done(generation, result),
            lambda exc: self._failed(generation, exc),
        )

    def _round_done(
        self,
        generation: int,
        result: tuple[sync.RoundSummary, sync.SyncStatus | None, frozenset[str]] | None,
    ) -> None:
        self.running = False
        if generation != self._generation:
            return
        if result is None:  # another sync call was running: again once it is quiet
            self.settle.start()
            return
        summary, st, self.conflict_uids = result
        self._take_status(st)
        self.last_round_at = _parse(summary.finished_at) or datetime.now(UTC)
        self.rounds += 1
        self._watch()
        self.changed.emit()
        if summary.received or summary.merged or summary.conflicts:
            self.records_changed.emit()
        if self._again:
            self.run_now()

    def _failed(self, generation: int, exc: BaseException) -> None:
        self.running = False
        if generation != self._generation:
            return
        self.problem = describe(exc)
        self.rounds += 1
        self.changed.emit()

    # --- locking and quitting -----------------------------------------------------------
    def on_about_to_lock(self) -> None:
        """A last round before the key goes: run off the UI thread, waited for here (at most
        LAST_ROUND_S), so what was written just now reaches the folder."""
        self._generation += 1
        for timer in (self.settle, self.poll, self.tick):
            timer.stop()
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        vault = self.session.vault
        if self.syncing and vault is not None and not vault.locked:
            finished = threading.Event()

            def last_round() -> None:
                try:
                    if _ONE_AT_A_TIME.acquire(timeout=LAST_ROUND_S):
                        try:
                            sync.run_round(vault)
                        finally:
                            _ONE_AT_A_TIME.release()
                finally:
                    finished.set()

            run_in_background(last_round, lambda _r: None, lambda _exc: None)
            finished.wait(LAST_ROUND_S)
        self.folder, self.last_round_at, self.problem = None, None, None
        self.conflicts_waiting, self.running, self.rounds = 0, False, 0
        self.conflict_uids = frozenset()
        self.changed.emit()

    # --- words ----------------------------------------------------------------------------
    def state_text(self, now: datetime | None = None) -> tuple[str, bool]:
        """What the status bar says, and whether it is a problem."""
        if not self.syncing:
            return "", False
        if self.problem:
            return self.problem, True
        if self.running and self.last_round_at is None:
            return self.tr("Syncing…"), False
        if self.last_round_at is None:
            return self.tr("Not synced yet"), False
        seconds = ((now or datetime.now(UTC)) - self.last_round_at).total_seconds()
        if seconds < 60:
            return self.tr("Synced just now"), False
        if seconds < 3600:
            return self.tr("Synced %n minute(s) ago", "", int(seconds // 60)), False
        if seconds < 86400:
            return self.tr("Synced %n hour(s) ago", "", int(seconds // 3600)), False
        return self.tr("Synced %n day(s) ago", "", int(seconds // 86400)), False

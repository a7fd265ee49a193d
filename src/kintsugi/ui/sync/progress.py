"""How far setting up or joining has come, said while the worker runs: the engine reports
from the worker thread (core.sync.Progress); a relay carries it to the UI thread as a queued
signal, and ``progress_text`` says it in words ("Preparing 12,000 of 100,000 items…")."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from kintsugi.core.i18n import arg, marked
from kintsugi.core.sync import engine
from kintsugi.ui.i18n import count_text

_STEPS = {
    engine.PREPARE: QT_TRANSLATE_NOOP("SyncProgress", "Preparing %1 of %2 items…"),
    engine.SEND: QT_TRANSLATE_NOOP("SyncProgress", "Writing %1 of %2 items into the folder…"),
    engine.SNAPSHOT: QT_TRANSLATE_NOOP(
        "SyncProgress", "Writing a summary for new computers: %1 of %2 items…"
    ),
    engine.RECEIVE: QT_TRANSLATE_NOOP("SyncProgress", "Receiving %1 of %2 items…"),
}


def progress_text(step: str, done: int, total: int) -> str:
    text = marked("SyncProgress", _STEPS.get(step, _STEPS[engine.PREPARE]))
    return arg(text, count_text(done), count_text(total))


class ProgressRelay(QObject):
    """Lives on the UI thread; ``report`` may be called from any thread (the worker's)."""

    moved = Signal(str, int, int)  # step, done, total

    def report(self, step: str, done: int, total: int) -> None:
        # the dialog went (locked meanwhile): the work goes on without telling
        with contextlib.suppress(RuntimeError):
            self.moved.emit(step, done, total)

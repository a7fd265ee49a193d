"""Run slow core calls (KDF, rekey, search, export) off the UI thread.

``run_in_background(fn, on_done, on_failed)`` runs ``fn()`` on the global
thread pool and delivers its result (or exception) back on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_running: set[Task] = set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _Signals()  # created on the UI thread: slots run there

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # delivered to the UI, which decides what to show
            if not _is_expected(exc):
                log.error("background task failed: %s", type(exc).__name__)
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def _is_expected(exc: BaseException) -> bool:
    from kintsugi.core.errors import KintsugiError

    return isinstance(exc, KintsugiError)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> Task:
    task = Task(fn)
    _running.add(task)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(task)
        callback(value)

    task.signals.done.connect(lambda result: finish(on_done, result))
    task.signals.failed.connect(lambda exc: finish(on_failed, exc))
    QThreadPool.globalInstance().start(task)
    return task


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    """Block until every background task has finished (quit and tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)

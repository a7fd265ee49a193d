"""One thread that runs a vault's writes in the order they were asked for.

The UI hands a save to :meth:`Writer.submit` and goes on painting; the save's fsync
happens here. A :class:`~concurrent.futures.Future` says when it committed (the UI says
"Saved" only then) or why it failed. :meth:`Writer.close` runs everything already
queued before it returns: the vault calls it before it drops the key, so locking never
loses an acknowledged — or a queued — save.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from kintsugi.core.errors import VaultLocked

T = TypeVar("T")
_STOP = object()


class Writer:
    def __init__(self, name: str = "kintsugi-writer"):
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._closed = False
        self._guard = threading.Lock()  # submit() against close()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[], T]) -> Future[T]:
        """Queue ``fn`` to run after everything queued before it."""
        future: Future[T] = Future()
        with self._guard:
            if self._closed:
                raise VaultLocked()
            self._queue.put((fn, future))
        return future

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything queued so far has run; False on timeout."""
        try:
            self.submit(lambda: None).result(timeout)
        except VaultLocked:
            return True  # closed: nothing is left
        except TimeoutError:
            return False
        return True

    @property
    def on_writer_thread(self) -> bool:
        return threading.current_thread() is self._thread

    def close(self) -> None:
        """Run what is queued, then stop. Idempotent."""
        with self._guard:
            if self._closed:
                return
            self._closed = True
            self._queue.put(_STOP)
        if not self.on_writer_thread:
            self._thread.join()

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is _STOP:
                return
            fn, future = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn()
            except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on it
                future.set_exception(exc)
            else:
                future.set_result(result)

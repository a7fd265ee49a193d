"""Long CPU-bound work (a backup, the check of its copy) at a lower CPU priority, so a
busy machine gives the person's typing the core first.

On Linux a thread has its own nice value; raising it is allowed to anyone, lowering it
back is not. So the work runs on a fresh thread of its own, which is niced and then
ends: the caller's thread (a pool worker, say, used next for a search) keeps its
priority. Where threads cannot be niced the work simply runs at normal priority.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: How much nicer than the app the work runs (0 normal … 19 the least urgent).
NICE = 10


def run_niced(fn: Callable[[], T], *, nice: int = NICE, name: str = "kintsugi-niced") -> T:
    """Run ``fn`` on a new thread at ``nice`` more than now, wait for it and hand back
    its result or its exception."""
    result: list[T] = []
    error: list[BaseException] = []

    def run() -> None:
        lower_this_thread(nice)
        try:
            result.append(fn())
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller
            error.append(exc)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    thread.join()
    if error:
        raise error[0]
    return result[0]


def lower_this_thread(nice: int) -> bool:
    """Lower the calling thread's CPU priority; False where that is not possible."""
    setpriority = getattr(os, "setpriority", None)
    # Only Linux gives a thread its own nice value (elsewhere the id is no process's).
    if not sys.platform.startswith("linux") or setpriority is None or nice <= 0:
        return False
    try:
        tid = threading.get_native_id()
        setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + nice))
    except OSError:
        return False
    return True

"""Process hardening: no core dumps (they would hold decrypted pages and the key)."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

PR_SET_DUMPABLE, PR_GET_DUMPABLE = 4, 3


def harden() -> list[str]:
    """Turn core dumps off and (on Linux) make the process non-dumpable.
    Returns what was done, for the self-check."""
    done = []
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        done.append("RLIMIT_CORE=0")
    except (ImportError, ValueError, OSError):
        pass
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0:
                done.append("not dumpable")
        except OSError:
            pass
    return done


def is_dumpable() -> bool | None:
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))

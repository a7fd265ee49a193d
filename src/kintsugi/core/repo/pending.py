"""Temporary files being written at paths the person chose (exports, the recovery key
text), recorded inside the vault before they exist, so the next unlock removes what a
kill left behind. The list is encrypted with everything else; nothing names those paths
outside the vault."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path

from kintsugi.core import fsutil
from kintsugi.core.db import Database
from kintsugi.core.errors import KintsugiError

KEY = "pending.temps"


class PendingTemps:
    """``fsutil.PendingRegistry`` for one vault: paths in the ``setting`` row ``pending.temps``."""

    def __init__(self, db: Database):
        self.db = db

    def _update(self, change: Callable[[list[str]], list[str]]) -> None:
        with self.db.transaction() as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (KEY,)).fetchone()
            paths = _paths(row[0] if row else None)
            paths = change(paths)
            if paths:
                conn.execute(
                    "INSERT INTO setting (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (KEY, json.dumps(paths)),
                )
            else:
                conn.execute("DELETE FROM setting WHERE key = ?", (KEY,))

    def add(self, path: Path) -> None:
        """Record ``path`` (committed, so it survives a kill) before the file is made."""
        self._update(lambda paths: [*paths, str(path)])

    def discard(self, path: Path) -> None:
        """Forget ``path`` (the write ended). Quiet when the vault was locked meanwhile:
        the next unlock finds the file gone and forgets it then."""
        with contextlib.suppress(KintsugiError):
            self._update(lambda paths: [p for p in paths if p != str(path)])

    def all(self) -> list[Path]:
        with self.db.read() as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (KEY,)).fetchone()
        return [Path(p) for p in _paths(row[0] if row else None)]

    def sweep(self) -> list[Path]:
        """Remove every recorded temp that no live writer holds (fsutil.remove_dead_temp)
        and forget it; keep the ones still being written. Returns what was removed."""
        recorded = self.all()
        if not recorded:
            return []
        removed, busy = [], []
        for p in recorded:
            outcome = fsutil.remove_dead_temp(p)
            if outcome == "removed":
                removed.append(p)
            elif outcome == "in use":
                busy.append(str(p))
        self._update(lambda paths: [p for p in paths if p in busy])
        return removed


def _paths(value: str | None) -> list[str]:
    try:
        data = json.loads(value) if value else []
    except ValueError:
        return []
    return [p for p in data if isinstance(p, str)] if isinstance(data, list) else []

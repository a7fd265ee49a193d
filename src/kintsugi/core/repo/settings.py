"""Settings kept inside the vault (JSON values by key)."""

from __future__ import annotations

import json
from typing import Any

from kintsugi.core.config import Where
from kintsugi.core.db import Database


class Settings:
    """The vault's store of settings; read and write them through ``kintsugi.core.config``."""

    where = Where.VAULT

    def __init__(self, db: Database):
        self.db = db

    def get(self, key: str, default: Any = None) -> Any:
        with self.db.read() as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return row[0]

    def set(self, key: str, value: Any) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )

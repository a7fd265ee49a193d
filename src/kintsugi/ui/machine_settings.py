"""Settings kept on this computer, outside the vault (QSettings): only those
``core/config.py`` registers as ``Where.MACHINE`` — a window's size, never journal content."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from kintsugi.core import config


class MachineSettings:
    """The machine's store, for ``config.SETTING.get(MachineSettings())``."""

    where = config.Where.MACHINE

    def __init__(self) -> None:
        self._store = QSettings()

    def get(self, key: str, default: Any = None) -> Any:
        if not self._store.contains(key):
            return default
        value = self._store.value(key)
        if config.REGISTRY[key].type is bool and isinstance(value, str):
            return {"true": True, "false": False}.get(value.lower(), default)  # INI text
        if config.REGISTRY[key].type is int and isinstance(value, str):
            try:  # an INI file gives numbers back as text
                return int(value)
            except ValueError:
                return default
        return value

    def set(self, key: str, value: Any) -> None:
        self._store.setValue(key, value)

    def remove(self, key: str) -> None:
        self._store.remove(key)

"""The app's settings kept inside the vault: auto-lock, theme, text size, first day of the
week, reduced motion, what the journal opens on (each defined once in core/config.py).
Plain data, read and written through the vault's settings repository."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from kintsugi.core import config
from kintsugi.core.repo.settings import Settings


@dataclass
class AppSettings:
    """The app's settings kept in the vault (each defined in core/config.py)."""

    autolock_minutes: int = config.AUTOLOCK_MINUTES.default
    theme: str = config.THEME.default
    text_size: int = config.TEXT_SIZE.default  # percent of the system's: every text, the editor
    first_day_of_week: int = config.FIRST_DAY_OF_WEEK.default  # Qt.DayOfWeek value
    reduced_motion: bool = config.REDUCED_MOTION.default
    open_on: str = config.OPEN_ON.default  # "start" (a quiet page) or "last" (the last entry)
    on_this_day: bool = config.ON_THIS_DAY.default  # past entries of today's date: off

    SETTINGS: ClassVar[dict[str, config.Setting[Any]]] = {
        "autolock_minutes": config.AUTOLOCK_MINUTES,
        "theme": config.THEME,
        "text_size": config.TEXT_SIZE,
        "first_day_of_week": config.FIRST_DAY_OF_WEEK,
        "reduced_motion": config.REDUCED_MOTION,
        "open_on": config.OPEN_ON,
        "on_this_day": config.ON_THIS_DAY,
    }

    @classmethod
    def load(cls, store: Settings) -> AppSettings:
        return cls(**{name: s.get(store) for name, s in cls.SETTINGS.items()})

    def save(self, store: Settings) -> None:
        for name, setting in self.SETTINGS.items():
            setting.set(store, getattr(self, name))

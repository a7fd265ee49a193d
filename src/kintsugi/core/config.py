"""Every setting Kintsugi keeps, in one register: its key, type, default and where it is kept
(in the spirit of Electrum's ``ConfigVar``, electrum/simple_config.py).

- ``Where.VAULT``: inside the encrypted vault (the ``setting`` table, JSON values, through
  :class:`kintsugi.core.repo.settings.Settings`). It travels with the journal: backups,
  restores, another computer. Anything a person wrote may only be kept here.
- ``Where.MACHINE``: on this computer, outside the vault (the app keeps them in QSettings).
  Never anything of the journal: a window's size, not what was in it.

A setting is read with ``SETTING.get(store)`` and written with ``SETTING.set(store, value)``;
a store says where it keeps things, and a setting refuses a store of the other kind, so a
vault setting can never be written in the clear. A stored value of the wrong type (a foreign
or damaged vault) reads as the default. A new setting is one line here; no key is spelled
anywhere else (``tests/core/test_config.py``).
"""

from __future__ import annotations

import copy
import enum
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")


class Where(enum.Enum):
    VAULT = "vault"
    MACHINE = "machine"


class Store(Protocol):
    where: Where

    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...


_MISSING = object()


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type | tuple[type, ...]
    default: T
    where: Where = Where.VAULT
    doc: str = ""

    def fits(self, value: object) -> bool:
        types = self.type if isinstance(self.type, tuple) else (self.type,)
        if isinstance(value, bool) and bool not in types:
            return False  # True is an int to Python, not to a setting
        return isinstance(value, types)

    def get(self, store: Store) -> T:
        self._check(store)
        value = store.get(self.key, _MISSING)
        if value is _MISSING or not self.fits(value):
            return copy.deepcopy(self.default)
        result: T = value
        return result

    def set(self, store: Store, value: T) -> None:
        self._check(store)
        if not self.fits(value):
            raise TypeError(f"{self.key} takes {self.type}, not {type(value).__name__}")
        store.set(self.key, value)

    def _check(self, store: Store) -> None:
        if store.where is not self.where:
            raise ValueError(f"{self.key} is kept in the {self.where.value}, not the {store.where}")


REGISTRY: dict[str, Setting[Any]] = {}


def _register(
    key: str, type_: type | tuple[type, ...], default: T, where: Where = Where.VAULT, doc: str = ""
) -> Setting[T]:
    if key in REGISTRY:
        raise ValueError(f"two settings named {key!r}")
    setting = Setting(key, type_, default, where, doc)
    if not setting.fits(default):
        raise TypeError(f"the default of {key} is not a {type_}")
    REGISTRY[key] = setting
    return setting


NONE = type(None)

# --- the app (Settings dialog) --------------------------------------------------------------
AUTOLOCK_MINUTES = _register("ui.autolock_minutes", int, 5, doc="lock after idle minutes; 0 never")
THEME = _register("ui.theme", str, "system", doc="light, dark or system")
TEXT_SIZE = _register("ui.text_size", int, 100, doc="percent of the system's text size")
FIRST_DAY_OF_WEEK = _register("ui.first_day_of_week", int, 1, doc="a Qt.DayOfWeek value")
REDUCED_MOTION = _register("ui.reduced_motion", bool, False, doc="the pacer becomes words")
WINDOW_GEOMETRY: Setting[object] = _register(
    "window/geometry", object, None, Where.MACHINE, doc="the main window's saveGeometry()"
)
TEXT_SIZE_HERE = _register(
    "ui/text_size", int, 100, Where.MACHINE, doc="TEXT_SIZE again, for the lock screen"
)
OPEN_ON = _register(
    "ui.open_on", str, "start", doc="after unlocking: 'start' (a quiet page) or 'last' entry"
)
NEUTRAL_NAME = _register(
    "discretion/neutral_name", bool, False, Where.MACHINE, doc="'Notes' and a plain icon"
)
SHOW_FILE_NAME = _register(
    "discretion/show_file_name", bool, False, Where.MACHINE, doc="the lock screen names the file"
)

# --- the vault's own ----------------------------------------------------------------------
VAULT_CREATED_AT: Setting[str | None] = _register(
    "vault.created_at",
    (str, NONE),
    None,
    doc="when the vault was made (UTC, ISO 8601), written once; nothing reads it yet",
)
BACKUP_FOLDER: Setting[str | None] = _register(
    "backup.folder", (str, NONE), None, doc="where backups go; None: next to the vault"
)

# --- check-ins --------------------------------------------------------------------------------
CHECKIN_SCHEDULE: Setting[dict[str, Any]] = _register(
    "checkin.schedule", dict, {}, doc="CheckInSchedule fields"
)
CHECKIN_SNOOZED_UNTIL: Setting[str | None] = _register(
    "checkin.snoozed_until", (str, NONE), None, doc="ISO 8601: the due check-in waits till then"
)

# --- the weekly conversation (Together) ----------------------------------------------------
WEEKLY_TALK_SCHEDULE: Setting[dict[str, Any]] = _register(
    "weekly_talk.schedule", dict, {}, doc="CheckInSchedule fields for the weekly conversation"
)
WEEKLY_TALK_SNOOZED_UNTIL: Setting[str | None] = _register(
    "weekly_talk.snoozed_until", (str, NONE), None, doc="ISO 8601: its reminder waits till then"
)

# --- sharing ------------------------------------------------------------------------------
SHARE_IDENTITY: Setting[str | None] = _register(
    "share.identity", (str, NONE), None, doc="this vault's age identity"
)
SHARE_SIGNING_KEY: Setting[str | None] = _register(
    "share.signing_key", (str, NONE), None, doc="this vault's Ed25519 key (base64)"
)
SHARE_ADDRESS_BOOK: Setting[list[dict[str, str]]] = _register(
    "share.address_book", list, [], doc="the people bundles go to"
)
SHARE_DISPLAY_NAME = _register("share.display_name", str, "", doc="the name bundles carry")

# --- support and grounding ----------------------------------------------------------------
SUPPORT_CONTACTS: Setting[list[dict[str, str]]] = _register(
    "support.contacts", list, [], doc="SupportContact fields"
)
SUPPORT_CRISIS_LINE: Setting[dict[str, Any] | None] = _register(
    "support.crisis_line", (dict, NONE), None, doc="CrisisLine fields, or none chosen"
)
SUPPORT_BEFORE_UNLOCK = _register(
    "support.before_unlock", bool, False, doc="the support card is kept for the lock screen"
)
SAFETY_PLAN_ON_CARD = _register(
    "support.safety_plan_on_card",
    bool,
    False,
    doc="the safety plan's 'things I can do on my own' are kept on the support card too",
)
CUSTOM_TECHNIQUES: Setting[list[dict[str, Any]]] = _register(
    "grounding.custom_techniques", list, [], doc="CustomTechnique.to_json() of each"
)

#: The synced folder the person chose to keep the journal file in anyway (asked once per
#: folder; core/syncfolder.py, ui/sync/place.py).
KEPT_IN_SYNCED_FOLDER = _register(
    "sync.kept_in_synced_folder", str, "", doc="a synced folder the journal stays in, by choice"
)

# --- the practices of repair: writing, hard dates (#20) -------------------------------------
WRITE_SCHEDULE: Setting[dict[str, Any]] = _register(
    "journal.write_schedule", dict, {}, doc="CheckInSchedule fields of the reminder to write; off"
)
WRITE_SNOOZED_UNTIL: Setting[str | None] = _register(
    "journal.write_snoozed_until", (str, NONE), None, doc="ISO 8601: the writing reminder waits"
)
ON_THIS_DAY = _register(
    "journal.on_this_day", bool, False, doc="show past entries of today's date in the journal"
)
HARD_DATES_QUIETED: Setting[dict[str, str]] = _register(
    "hard_dates.quieted", dict, {}, doc="hard date uid → the day whose note was put away"
)

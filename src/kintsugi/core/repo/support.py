"""The person's own support contacts and custom grounding techniques, kept in the vault."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from kintsugi.core.db import Database
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.exercises import CustomTechnique
from kintsugi.core.repo.settings import Settings
from kintsugi.core.support_card import CrisisLine, remove_card, write_card

CONTACTS_KEY = "support.contacts"
CRISIS_KEY = "support.crisis_line"
BEFORE_UNLOCK_KEY = "support.before_unlock"  # the person chose to reach them when locked
TECHNIQUES_KEY = "grounding.custom_techniques"


@dataclass
class SupportContact:
    name: str
    reach: str = ""  # phone, address, e-mail: how to reach them
    note: str = ""  # e.g. "my therapist", "call any time"


class SupportContacts:
    def __init__(self, db: Database):
        self.settings = Settings(db)

    def all(self) -> list[SupportContact]:
        return [SupportContact(**c) for c in self.settings.get(CONTACTS_KEY, [])]

    def save_all(self, contacts: list[SupportContact]) -> None:
        for c in contacts:
            if not c.name.strip():
                raise InvalidRecord("A support contact needs a name.")
        self.settings.set(CONTACTS_KEY, [asdict(c) for c in contacts])
        self.sync_card()

    def crisis_line(self) -> CrisisLine | None:
        data = self.settings.get(CRISIS_KEY)
        if not isinstance(data, dict) or not str(data.get("number", "")).strip():
            return None
        return CrisisLine(
            str(data.get("name", "")), str(data["number"]), str(data.get("country", ""))
        )

    def set_crisis_line(self, line: CrisisLine | None) -> None:
        if line is not None and not line.number.strip():
            line = None
        self.settings.set(CRISIS_KEY, asdict(line) if line else None)
        self.sync_card()

    def before_unlock(self) -> bool:
        return bool(self.settings.get(BEFORE_UNLOCK_KEY, False))

    def set_before_unlock(self, on: bool) -> None:
        self.settings.set(BEFORE_UNLOCK_KEY, bool(on))
        self.sync_card()

    def sync_card(self) -> None:
        """The lock-screen card holds exactly the contacts and line now, or does not exist."""
        if self.before_unlock():
            write_card([asdict(c) for c in self.all()], self.crisis_line())
        else:
            remove_card()


class CustomTechniques:
    def __init__(self, db: Database):
        self.settings = Settings(db)

    def all(self) -> list[CustomTechnique]:
        return [CustomTechnique.from_json(t) for t in self.settings.get(TECHNIQUES_KEY, [])]

    def save_all(self, techniques: list[CustomTechnique]) -> None:
        for t in techniques:
            if not t.name.strip() or not t.steps:
                raise InvalidRecord("A technique needs a name and at least one step.")
            for s in t.steps:
                if s.seconds is not None and s.seconds <= 0:
                    raise InvalidRecord("A timed step needs a positive number of seconds.")
        self.settings.set(TECHNIQUES_KEY, [t.to_json() for t in techniques])

"""The person's own support contacts and custom grounding techniques, kept in the vault."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from kintsugi.core import config
from kintsugi.core.db import Database
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.exercises import CustomTechnique
from kintsugi.core.i18n import translate
from kintsugi.core.repo.settings import Settings
from kintsugi.core.support_card import CrisisLine, remove_card, write_card


@dataclass
class SupportContact:
    name: str
    reach: str = ""  # phone, address, e-mail: how to reach them
    note: str = ""  # e.g. "my therapist", "call any time"


class SupportContacts:
    def __init__(self, db: Database):
        self.db = db
        self.settings = Settings(db)

    def all(self) -> list[SupportContact]:
        return [SupportContact(**c) for c in config.SUPPORT_CONTACTS.get(self.settings)]

    def save_all(self, contacts: list[SupportContact]) -> None:
        for c in contacts:
            if not c.name.strip():
                raise InvalidRecord(translate("records", "A support contact needs a name."))
        config.SUPPORT_CONTACTS.set(self.settings, [asdict(c) for c in contacts])
        self.sync_card()

    def crisis_line(self) -> CrisisLine | None:
        data = config.SUPPORT_CRISIS_LINE.get(self.settings)
        if not isinstance(data, dict) or not str(data.get("number", "")).strip():
            return None
        return CrisisLine(
            str(data.get("name", "")), str(data["number"]), str(data.get("country", ""))
        )

    def set_crisis_line(self, line: CrisisLine | None) -> None:
        if line is not None and not line.number.strip():
            line = None
        config.SUPPORT_CRISIS_LINE.set(self.settings, asdict(line) if line else None)
        self.sync_card()

    def before_unlock(self) -> bool:
        return config.SUPPORT_BEFORE_UNLOCK.get(self.settings)

    def set_before_unlock(self, on: bool) -> None:
        config.SUPPORT_BEFORE_UNLOCK.set(self.settings, bool(on))
        self.sync_card()

    def plan_on_card(self) -> bool:
        return config.SAFETY_PLAN_ON_CARD.get(self.settings)

    def set_plan_on_card(self, on: bool) -> None:
        config.SAFETY_PLAN_ON_CARD.set(self.settings, bool(on))
        self.sync_card()

    def card_coping(self) -> list[str]:
        """What of the safety plan the card carries: its "things I can do on my own", only
        when the person chose so — never its people, warning signs or reasons."""
        if not self.plan_on_card():
            return []
        from kintsugi.core.repo.safety_plans import SafetyPlanRepository

        plan = SafetyPlanRepository(self.db).current()
        return list(plan.coping_alone) if plan else []

    def sync_card(self) -> None:
        """The lock-screen card holds exactly the contacts and line now (and the plan's
        things to do on my own, if chosen), or does not exist."""
        if self.before_unlock():
            write_card(
                [asdict(c) for c in self.all()], self.crisis_line(), coping=self.card_coping()
            )
        else:
            remove_card()


class CustomTechniques:
    def __init__(self, db: Database):
        self.settings = Settings(db)

    def all(self) -> list[CustomTechnique]:
        return [CustomTechnique.from_json(t) for t in config.CUSTOM_TECHNIQUES.get(self.settings)]

    def save_all(self, techniques: list[CustomTechnique]) -> None:
        for t in techniques:
            if not t.name.strip() or not t.steps:
                raise InvalidRecord(
                    translate("records", "A technique needs a name and at least one step.")
                )
            for s in t.steps:
                if s.seconds is not None and s.seconds <= 0:
                    raise InvalidRecord(
                        translate("records", "A timed step needs a positive number of seconds.")
                    )
        config.CUSTOM_TECHNIQUES.set(self.settings, [t.to_json() for t in techniques])

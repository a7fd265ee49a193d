"""One repository per kind of record; SQL lives here and nowhere else.

``REPOSITORIES`` is the one register of kinds: each kind's repository carries all of the
kind but its dataclass and its table (see ``repo/base.py`` and the checklist in
docs/architecture.md), and everything that walks the kinds walks this.
"""

from __future__ import annotations

from typing import Any

from kintsugi.core import fieldtext
from kintsugi.core.db import Database
from kintsugi.core.repo.base import Repository
from kintsugi.core.repo.boundaries import BoundaryRepository
from kintsugi.core.repo.checkins import CheckInRepository
from kintsugi.core.repo.disclosures import DisclosureRepository
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.goals import GoalRepository
from kintsugi.core.repo.grounding import GroundingRepository
from kintsugi.core.repo.hard_dates import HardDateRepository
from kintsugi.core.repo.questions import AnswerRepository, QuestionRepository
from kintsugi.core.repo.rituals import RitualRepository
from kintsugi.core.repo.safety_plans import SafetyPlanRepository
from kintsugi.core.repo.templates import TemplateRepository
from kintsugi.core.repo.therapy import TherapySessionRepository
from kintsugi.core.repo.triggers import TriggerRepository
from kintsugi.core.repo.weekly_talks import WeeklyTalkRepository

REPOSITORIES: dict[str, type[Repository[Any]]] = {
    cls.record_type.KIND: cls
    for cls in (
        EntryRepository,
        TriggerRepository,
        GroundingRepository,
        CheckInRepository,
        BoundaryRepository,
        GoalRepository,
        SafetyPlanRepository,
        QuestionRepository,
        AnswerRepository,
        TherapySessionRepository,
        DisclosureRepository,
        HardDateRepository,
        TemplateRepository,
        WeeklyTalkRepository,
        RitualRepository,
    )
}
for _kind in REPOSITORIES.values():
    fieldtext.register(_kind.labels, _kind.date_keys, _kind.percent_keys)


def repository_for(db: Database, kind: str) -> Repository[Any]:
    return REPOSITORIES[kind](db)

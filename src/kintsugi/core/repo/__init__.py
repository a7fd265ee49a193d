"""One repository per kind of record; SQL lives here and nowhere else."""

from __future__ import annotations

from kintsugi.core.db import Database
from kintsugi.core.repo.base import Repository
from kintsugi.core.repo.boundaries import BoundaryRepository
from kintsugi.core.repo.checkins import CheckInRepository
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.goals import GoalRepository
from kintsugi.core.repo.grounding import GroundingRepository
from kintsugi.core.repo.triggers import TriggerRepository

REPOSITORIES: dict[str, type[Repository]] = {
    cls.record_type.KIND: cls
    for cls in (
        EntryRepository,
        TriggerRepository,
        GroundingRepository,
        CheckInRepository,
        BoundaryRepository,
        GoalRepository,
    )
}


def repository_for(db: Database, kind: str) -> Repository:
    return REPOSITORIES[kind](db)

"""How tests/data/vault-v3.kintsugi was made, once, by Kintsugi at schema v3.

PYTHONPATH=<a checkout at schema v3>/src python tests/data/make_vault_v3.py OUT
"""

import sys
from datetime import datetime, timedelta
from pathlib import Path

from kintsugi.core import kdf, records, schema
from kintsugi.core.repo.boundaries import BoundaryRepository
from kintsugi.core.repo.checkins import CheckInRepository
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.goals import GoalRepository
from kintsugi.core.repo.grounding import GroundingRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.triggers import TriggerRepository
from kintsugi.core.vault import Vault

assert schema.LATEST_VERSION == 3
v = Vault.create(Path(sys.argv[1]), "old vault passphrase", params=kdf.DEFAULT_PARAMS)
day = datetime(2026, 3, 2, 9).astimezone()
entries = EntryRepository(v.db)
entries.add(
    records.Entry(
        title="Forgiveness",
        body="We talked about forgiveness on a long walk.",
        tags=["therapy", "us"],
        occurred_at=day,
        private_note="only mine: saffron",
    )
)
entries.add(
    records.Entry(
        body="Un café à Zürich\nthe first line is the title",
        mood=1,
        occurred_at=day + timedelta(days=1),
    )
)
gone = entries.add(
    records.Entry(title="Trashed", body="lanterns in the trash", occurred_at=day + timedelta(2))
)
Items(v.db).delete(gone.id)
trigger = TriggerRepository(v.db).add(
    records.Trigger(
        cue="media",
        suds_peak=6,
        situation="A film about an affair",
        hot_thought="it will happen again",
        occurred_at=day + timedelta(days=3),
        tags=["film"],
    )
)
GroundingRepository(v.db).add(
    records.GroundingSession(
        technique="box_breathing",
        duration_s=240,
        completed=True,
        suds_before=6,
        suds_after=3,
        notes="slower breathing helped",
        trigger_id=trigger.id,
        occurred_at=day + timedelta(days=3, hours=1),
    )
)
CheckInRepository(v.db).add(
    records.CheckIn(
        safety=6,
        trust=4,
        gratitude="the coffee in bed",
        needs="more honesty",
        occurred_at=day + timedelta(days=4),
    )
)
GoalRepository(v.db).add(
    records.Goal(
        text="Walk together twice a week",
        target_amount=2,
        target_unit="walks",
        occurred_at=day + timedelta(days=5),
    )
)
BoundaryRepository(v.db).add(
    records.Boundary(
        text="No phone at dinner",
        occurred_at=day + timedelta(days=6),
        private_note="revisit in spring",
    )
)
v.lock()

"""Vaults written by older versions (kept in tests/data) open, upgrade, and lose nothing."""

import shutil
from pathlib import Path

from kintsugi.core import schema
from kintsugi.core.repo.goals import GoalRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import Vault, backup_dir_for

DATA = Path(__file__).resolve().parent.parent / "data"


def test_a_version_1_vault_upgrades_with_a_backup(tmp_path):
    path = tmp_path / "vault-v1.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        items = Items(v.db).timeline()
        assert sorted(i.kind for i in items) == ["boundary", "checkin", "entry", "goal", "trigger"]
        goal = GoalRepository(v.db).get(next(i.id for i in items if i.kind == "goal"))
        assert goal.reached and not goal.celebrated
        assert v.check() == []
    backups = list(backup_dir_for(path).iterdir())
    assert len(backups) == 1 and ".before-migration." in backups[0].name
    with Vault.open(backups[0], "old vault passphrase", migrations=schema.MIGRATIONS[:1]) as b:
        assert schema.user_version(b.db) == 1
        assert len(Items(b.db).timeline()) == 5

"""One register of settings: every key Kintsugi keeps is defined there, once, with its type,
its default and where it is kept."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

import kintsugi
from kintsugi.core import config
from kintsugi.core.exercises import CustomTechnique, TimedStep
from kintsugi.core.repo.settings import Settings
from kintsugi.core.repo.sharing import ShareContact, Sharing
from kintsugi.core.repo.support import CustomTechniques, SupportContact, SupportContacts
from kintsugi.core.schedule import CheckInSchedule, ScheduleStore
from kintsugi.core.support_card import CrisisLine

SRC = Path(kintsugi.__file__).parent


def test_no_key_is_spelled_outside_the_register():
    """A setting is defined in core/config.py and used through it, nowhere else by name."""
    for path in SRC.rglob("*.py"):
        if path.name == "config.py" and path.parent.name == "core":
            continue
        text = path.read_text(encoding="utf-8")
        for key in config.REGISTRY:
            assert not re.search(rf"[\"']{re.escape(key)}[\"']", text), (
                f"{path.relative_to(SRC)} spells the setting {key!r}: use config"
            )


def test_every_default_fits_and_is_not_shared(vault):
    store = Settings(vault.db)
    for setting in config.REGISTRY.values():
        assert setting.fits(setting.default), setting.key
        assert setting.doc, setting.key
    contacts = config.SUPPORT_CONTACTS.get(store)
    contacts.append({"name": "changed"})
    assert config.SUPPORT_CONTACTS.get(store) == []  # a copy of the default, not the default


def test_a_setting_reads_back_what_it_kept_and_refuses_another_type(vault):
    store = Settings(vault.db)
    assert config.AUTOLOCK_MINUTES.get(store) == 5
    config.AUTOLOCK_MINUTES.set(store, 12)
    assert config.AUTOLOCK_MINUTES.get(store) == 12
    with pytest.raises(TypeError):
        config.AUTOLOCK_MINUTES.set(store, "12")
    with pytest.raises(TypeError):
        config.AUTOLOCK_MINUTES.set(store, True)  # a bool is not a number of minutes
    store.set(config.THEME.key, ["not", "a", "theme"])  # a foreign or damaged value
    assert config.THEME.get(store) == "system"


def test_a_vault_setting_never_goes_to_a_machine_store(vault):
    class Machine(dict):
        where = config.Where.MACHINE

        def set(self, key, value):
            self[key] = value

    machine = Machine()
    with pytest.raises(ValueError):
        config.SUPPORT_CONTACTS.set(machine, [{"name": "Ana"}])
    with pytest.raises(ValueError):
        config.WINDOW_GEOMETRY.set(Settings(vault.db), b"geometry")
    config.WINDOW_GEOMETRY.set(machine, b"geometry")
    assert machine == {"window/geometry": b"geometry"}


def test_everything_the_vault_keeps_is_registered(vault):
    """Use every part of the core that keeps a setting; the vault holds registered keys only."""
    SupportContacts(vault.db).save_all([SupportContact("Ana", "555")])
    SupportContacts(vault.db).set_crisis_line(CrisisLine("Line", "116 123", "UK"))
    SupportContacts(vault.db).set_before_unlock(False)
    CustomTechniques(vault.db).save_all([CustomTechnique("Walk", [TimedStep("walk", 60)])])
    ScheduleStore(vault.db).set(CheckInSchedule(cadence="daily"))
    ScheduleStore(vault.db).snooze(datetime(2026, 12, 2, tzinfo=UTC))
    sharing = Sharing(vault.db)
    sharing.set_display_name("Sam")
    sharing.save_contacts([ShareContact("Ana", sharing.my_key())])
    sharing.signing_key()
    with vault.db.read() as conn:
        keys = {k for (k,) in conn.execute("SELECT key FROM setting")}
    vault_keys = {k for k, s in config.REGISTRY.items() if s.where is config.Where.VAULT}
    assert keys <= vault_keys, keys - vault_keys
    assert config.VAULT_CREATED_AT.key in keys  # written when the vault was made
    assert datetime.fromisoformat(config.VAULT_CREATED_AT.get(Settings(vault.db))).tzinfo

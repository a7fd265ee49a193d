"""The safety plan (issue 20 item 5): a kind like the others, its schema from old vaults,
and the one part the support card may carry, only when chosen."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kintsugi.core import schema, support_card, validate
from kintsugi.core.records import SAFETY_PLAN_PARTS, SafetyPlan
from kintsugi.core.render import render_record
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.safety_plans import SafetyPlanRepository
from kintsugi.core.repo.support import SupportContact, SupportContacts
from kintsugi.core.search import Search
from kintsugi.core.vault import Vault

DATA = Path(__file__).resolve().parent.parent / "data"
OLD = "old vault passphrase"


def _plan(**parts: list[str]) -> SafetyPlan:
    return SafetyPlan(**{p: parts.get(p, []) for p in SAFETY_PLAN_PARTS})


def test_a_plan_keeps_its_lines_trimmed_and_renders_every_part_in_order(vault):
    repo = SafetyPlanRepository(vault.db)
    saved = repo.add(
        _plan(warning_signs=["  can't   sleep ", "", "pulling away"], coping_alone=["cold water"])
    )
    assert saved.warning_signs == ["can't sleep", "pulling away"]
    text = render_record(saved)
    places = [text.index(f"{n}. ") for n in range(1, len(SAFETY_PLAN_PARTS) + 1)]
    assert places == sorted(places)
    assert "- can't sleep" in text and "- cold water" in text
    assert "Things I can do on my own" in text and "Professionals and crisis lines" in text
    assert repo.current().id == saved.id
    assert Items(vault.db).summary(saved.id).title == "Safety plan"
    assert saved.id in [h.id for h in Search(vault.db).search("pulling")]


def test_the_newest_plan_is_the_current_one(vault):
    repo = SafetyPlanRepository(vault.db)
    assert repo.current() is None
    first = repo.add(_plan(coping_alone=["a walk"]))
    second = repo.add(_plan(coping_alone=["music"]))
    assert repo.current().id == second.id
    Items(vault.db).delete(second.id)
    assert repo.current().id == first.id


def test_an_imported_plan_needs_a_line():
    with pytest.raises(validate.Invalid):
        SafetyPlanRepository.check_imported({p: [] for p in SAFETY_PLAN_PARTS})


def test_the_card_carries_only_the_things_i_can_do_on_my_own_and_only_when_chosen(vault):
    contacts = SupportContacts(vault.db)
    contacts.save_all([SupportContact("Ana", "555 0101")])
    repo = SafetyPlanRepository(vault.db)
    plan = repo.add(
        _plan(
            warning_signs=["wsignq"],
            coping_alone=["breathe by the window"],
            helpers=["helperq"],
            reasons=["reasonq"],
        )
    )
    contacts.set_before_unlock(True)
    assert support_card.read_card().coping == ()  # the card on, the plan not chosen
    contacts.set_plan_on_card(True)
    assert support_card.read_card().coping == ("breathe by the window",)
    plan.coping_alone = ["breathe by the window", "a hot shower"]
    repo.update(plan)  # the card follows each save of the plan
    assert support_card.read_card().coping == ("breathe by the window", "a hot shower")
    raw = support_card.card_path().read_text(encoding="utf-8")
    for private in ("wsignq", "helperq", "reasonq"):
        assert private not in raw
    contacts.set_plan_on_card(False)
    assert support_card.read_card().coping == ()
    assert "breathe" not in support_card.card_path().read_text(encoding="utf-8")
    contacts.set_plan_on_card(True)
    contacts.set_before_unlock(False)  # the card off: no file at all
    assert not support_card.card_path().exists()


def test_a_card_from_an_older_kintsugi_reads_without_a_plan(tmp_path):
    path = tmp_path / "card.json"
    path.write_text(json.dumps({"contacts": [{"name": "A"}], "crisis_line": None}))
    assert support_card.read_card(path).coping == ()


def _plans_table(v: Vault) -> list[str]:
    with v.db.read() as conn:
        return [r[1] for r in conn.execute("PRAGMA table_info(safety_plan)")]


def test_the_safety_plan_migration_from_v1_and_from_the_previous_version(tmp_path):
    path = tmp_path / "v1.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    with Vault.open(path, OLD) as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        assert SafetyPlanRepository(v.db).add(_plan(coping_alone=["tea"])).coping_alone == ["tea"]
        assert v.check() == []
    at = schema.MIGRATIONS.index(schema._add_safety_plans)
    prev = tmp_path / "prev.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", prev)
    with Vault.open(prev, OLD, migrations=schema.MIGRATIONS[:at]) as v:
        assert schema.user_version(v.db) == at
        assert _plans_table(v) == []
        before = len(Items(v.db).timeline())
    with Vault.open(prev, OLD) as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        assert "coping_alone" in _plans_table(v)
        assert len(Items(v.db).timeline()) == before
        assert v.check() == []

"""The core of issue 14: what helped, the support card, the next-step rule, the crisis lines."""

from __future__ import annotations

import json
import re

import pytest

from kintsugi.core import insights
from kintsugi.core.exercises import needs_more_support
from kintsugi.core.records import GroundingSession
from kintsugi.core.repo.grounding import GroundingRepository
from kintsugi.core.repo.support import SupportContact, SupportContacts
from kintsugi.core.support_card import (
    BUILT_IN_LINES,
    CrisisLine,
    built_in,
    card_path,
    read_card,
)


@pytest.mark.parametrize(
    ("before", "after", "offer"),
    [
        (6, 8, True),  # rose
        (8, 8, True),  # stayed high
        (9, 8, True),  # high, eased by less than 2
        (9, 7, False),  # eased by 2
        (5, 5, False),  # steady, not high
        (None, 8, True),
        (None, 4, False),
        (8, None, False),  # not rated after: nothing to go on
    ],
)
def test_a_next_step_when_distress_stays_high_or_rises(before, after, offer):
    assert needs_more_support(before, after) is offer


def test_what_helped_keeps_each_own_technique_apart(vault):
    repo = GroundingRepository(vault.db)
    for name, before, after in (("Cold water", 8, 3), ("Cold water", 6, 5), ("Stone", 7, 7)):
        repo.add(
            GroundingSession(
                technique="custom", suds_before=before, suds_after=after, steps=[{"name": name}]
            )
        )
    repo.add(GroundingSession(technique="box_breathing", suds_before=5, suds_after=2))
    repo.add(GroundingSession(technique="box_breathing", suds_before=5))  # not rated after
    got = {e.key: (e.n, e.mean_drop) for e in insights.what_helped(vault.db)}
    assert got == {
        ("custom", "Cold water"): (2, 3.0),
        ("box_breathing", ""): (1, 3.0),
        ("custom", "Stone"): (1, 0.0),
    }


def test_the_card_exists_only_while_chosen_and_holds_only_the_people(vault):
    contacts = SupportContacts(vault.db)
    contacts.save_all([SupportContact("Sam", "+44 20 7946 0000", "sister")])
    contacts.set_crisis_line(built_in("GB"))
    assert not card_path().exists()
    contacts.set_before_unlock(True)
    card = read_card()
    assert card.contacts == [{"name": "Sam", "reach": "+44 20 7946 0000", "note": "sister"}]
    assert card.crisis_line == CrisisLine("Samaritans", "116 123")
    contacts.save_all([])  # an edit while chosen: the card follows at once
    assert read_card().contacts == []
    contacts.set_before_unlock(False)
    assert not card_path().exists()


@pytest.mark.parametrize(
    "content", [b"", b"not json", b"[]", b'{"contacts": 5}', b'{"crisis_line": "x"}', b"\xff\xfe"]
)
def test_a_damaged_or_foreign_card_is_no_card_and_no_error(content):
    path = card_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    card = read_card()
    assert card is None or (card.contacts == [] and card.crisis_line is None)


def test_every_built_in_line_names_its_official_source():
    assert 0 < len(BUILT_IN_LINES) <= 12  # a short list
    for code, (country, name, number, source) in BUILT_IN_LINES.items():
        assert re.fullmatch(r"[A-Z]{2}", code) and country and name
        assert re.fullmatch(r"[\d ]+", number), number
        assert source.startswith("https://"), source
    assert json.dumps(BUILT_IN_LINES)  # plain data

"""The engine's words go through one replaceable translator (core/i18n.py): English by
default (the CLI's), and every word of a rendered item is the translator's once one is
installed, so a Spanish app writes Spanish Markdown and PDF text."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from kintsugi.core import i18n
from kintsugi.core.exercises import pmr_steps, suds_word
from kintsugi.core.records import (
    Boundary,
    BoundaryRevision,
    CheckIn,
    Emotion,
    Entry,
    Goal,
    GoalProgress,
    GroundingSession,
    Trigger,
)
from kintsugi.core.render import render_items
from kintsugi.core.share import ShareOptions, share_dict


@pytest.fixture
def translator():
    seen: list[tuple[str, str]] = []

    def mark(context: str, text: str, n: int = -1) -> str:
        # Every ASCII letter becomes "x" (placeholders %1 … %9 and %n kept), so any English
        # letter left in the output did not come through the translator.
        seen.append((context, text))
        out = re.sub(r"(?<!%)[A-Za-z]", "x", text)
        return out.replace("%n", str(n)) if n >= 0 else out

    i18n.install(
        mark,
        date_fn=lambda d: "٣/٣",
        datetime_fn=lambda d: "٣/٣ ١٤:٠٥",
        number_fn=lambda v, decimals=-1: f"{v:g}",
    )
    yield seen
    i18n.install(None)


def test_english_by_default_with_plurals():
    assert i18n.translate("render", "%n item(s)", n=1) == "1 item"
    assert i18n.translate("render", "%n item(s)", n=0) == "0 items"
    assert i18n.translate("render", "%n item(s)", n=12) == "12 items"
    assert i18n.arg("%1 of %2, %1", "a", "%2") == "a of %2, a"
    assert i18n.date_text(date(2025, 3, 3)) == "03 Mar 2025"


GREEK = "αβγ δεζ"


def records():
    when = datetime(2025, 3, 3, 14, 5).astimezone()
    return [
        Entry(title=GREEK, body=GREEK, mood=2, tags=["ηθ"], occurred_at=when),
        Trigger(
            cue="place",
            situation=GREEK,
            suds_peak=7,
            emotions=[Emotion(GREEK, 60)],
            hot_thought=GREEK,
            belief=80,
            body_sensations=[GREEK],
            urge=3,
            acted_on=False,
            action=GREEK,
            occurred_at=when,
        ),
        GroundingSession(
            technique="senses_54321",
            duration_s=150,
            completed=True,
            suds_before=8,
            suds_after=4,
            steps=[{"sense": "see", "items": [GREEK]}],
            notes=GREEK,
            occurred_at=when,
        ),
        GroundingSession(technique="box_breathing", duration_s=20, occurred_at=when),
        CheckIn(safety=3, trust=4, connection=5, communication=6, gratitude=GREEK, needs=GREEK),
        Boundary(
            text=GREEK,
            agreed_on=date(2025, 1, 2),
            revisit_by=date(2025, 6, 1),
            status="revised",
            history=[BoundaryRevision(GREEK, "active", None, when)],
            occurred_at=when,
        ),
        Goal(
            text=GREEK,
            target_amount=10,
            target_unit=GREEK,
            due=date(2025, 6, 1),
            progress=[GoalProgress(date(2025, 3, 1), 2, GREEK)],
            occurred_at=when,
        ),
    ]


def test_every_word_of_a_rendered_item_comes_through_the_translator(translator):
    items = []
    for rec in records():
        item = share_dict(rec, ShareOptions(earlier_wordings=True))
        item.pop("uid", None)  # hex: letters that are no words
        items.append(item)
    text = render_items(items, exporter=GREEK, exported_at=datetime(2025, 3, 4))
    english = re.findall(r"[A-Za-z]{2,}", text.replace("x", ""))
    assert not english, (english, text)
    contexts = {c for c, _ in translator}
    assert {"render", "cue", "technique", "distress"} <= contexts


def test_exercise_words_come_through_the_translator(translator):
    assert all(set(re.sub(r"[^A-Za-z]", "", s.text)) <= {"x"} for s in pmr_steps())
    assert suds_word(10) == "xxxxx xxxxxxxxxx"


def test_share_log_plurals_stay_as_the_cli_contract_says():
    """The CLI prints English; rendered Markdown says "1 item", not "1 item(s)"."""
    text = render_items([share_dict(Entry(title="t"))])
    assert "1 item. Private notes are never included." in text

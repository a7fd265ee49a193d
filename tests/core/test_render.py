"""core/render.py (and core/fieldtext.py): payload items as Markdown, read back exactly."""

from __future__ import annotations

from datetime import UTC, datetime

from kintsugi.core import render
from kintsugi.core.fieldtext import demote_headings, label, value_text

WHEN = "2026-11-02T20:15:00+00:00"


def test_an_entry_renders_heading_when_mood_body_tags_and_footer():
    item = {
        "kind": "entry",
        "uid": "u1",
        "occurred_at": WHEN,
        "updated_at": "2026-11-03T08:00:00+00:00",
        "tags": ["us", "therapy"],
        "title": "We talked",
        "body": "# It went better\nline two",
        "mood": 1,
    }
    assert render.render_item(item) == (
        "## Journal — We talked\n\n"
        "*Monday 02 November 2026, 20:15*\n\n"
        "*Mood: a bit better*\n\n"
        "### It went better\nline two\n\n"
        "#us #therapy\n\n"
        "*item u1 · last changed Tuesday 03 November 2026, 08:00*\n"
    )


def test_a_trigger_reads_as_sentences():
    item = {
        "kind": "trigger",
        "occurred_at": WHEN,
        "cue": "place",
        "suds_peak": 8,
        "situation": "The hotel\nagain",
        "hot_thought": "It will happen again",
        "belief": 60,
        "urge": 2,
        "acted_on": False,
        "emotions": [{"name": "fear", "intensity": 70}],
    }
    text = render.render_item(item)
    assert text.startswith("## A hard moment — A place\n")
    assert "- Distress at its worst: 8 of 10 (" in text
    assert "- Situation: The hotel  \n  again" in text  # a person's line break, kept
    assert "- Emotions: fear 70%" in text
    assert "- The thought that hurt most: It will happen again (believed 60%)" in text
    assert "- Urge: 2 of 5, not acted on" in text


def test_every_key_is_shown_even_unknown_ones_and_kinds():
    item = {"kind": "mystery", "occurred_at": WHEN, "title": "T", "new_field": [{"a": 1}]}
    text = render.render_item(item)
    assert text.startswith("## Mystery — T\n")
    assert "- Title: T" in text and "- New field:\n  - A: 1" in text
    assert render.item_heading({"kind": "goal", "text": "Walk"}) == "Goal — Walk"


def test_a_share_lists_items_oldest_first_with_the_count():
    items = [
        {"kind": "goal", "occurred_at": "2026-11-05T10:00:00+00:00", "text": "later"},
        {"kind": "goal", "occurred_at": "2026-11-01T10:00:00+00:00", "text": "earlier"},
    ]
    text = render.render_items(
        items, title="For Dr. Lee", exporter="Sam", exported_at=datetime(2026, 11, 6, tzinfo=UTC)
    )
    assert text.startswith("# For Dr. Lee\n\nFrom Sam, 06 Nov 2026\n\n2 items.")
    assert text.index("Goal — earlier") < text.index("Goal — later")
    assert "Private notes are never included." in text


def test_field_text():
    assert (
        label("hot_thought") == "The thought that hurt most" and label("brand_new") == "Brand new"
    )
    assert value_text("due", "2026-12-24") == "24 Dec 2026"
    assert value_text("belief", 60) == "60%" and value_text("x", 2.5) == "2.5"
    assert value_text("x", True) == "yes" and value_text("x", None) == ""
    assert value_text("x", ["a", "", None, "b"]) == "a, b"
    assert value_text("occurred_at", "not a date") == "not a date"


def test_a_persons_headings_nest_under_the_item_but_not_in_code():
    text = "# Top\nSetext\n===\n```\n# not a heading\n```\n    # indented code"
    assert demote_headings(text) == (
        "### Top\n### Setext\n```\n# not a heading\n```\n    # indented code"
    )

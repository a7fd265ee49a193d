"""core/serialize.py: records, timeline rows and search hits as JSON-ready dicts."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta, timezone

from kintsugi.core.records import Boundary, BoundaryRevision, Emotion, ItemSummary, Trigger
from kintsugi.core.search import SearchHit
from kintsugi.core.serialize import hit_to_dict, record_to_dict, summary_to_dict
from kintsugi.core.timeutil import to_db

WHEN = datetime(2026, 11, 2, 20, 15, tzinfo=UTC)


def test_a_record_is_plain_json_with_its_kind_first():
    rec = Trigger(
        id=7,
        uid="u1",
        occurred_at=WHEN,
        cue="place",
        suds_peak=6,
        emotions=[Emotion("fear", 70)],
        private_note="mine",
        tags=["a"],
    )
    data = record_to_dict(rec)
    assert next(iter(data)) == "kind" and data["kind"] == "trigger"
    assert data["occurred_at"] == "2026-11-02T20:15:00+00:00"
    assert data["emotions"] == [{"name": "fear", "intensity": 70}]
    assert data["private_note"] == "mine" and data["id"] == 7
    assert json.loads(json.dumps(data)) == data  # nothing but JSON types
    assert set(data) == {"kind"} | {f.name for f in dataclasses.fields(Trigger)}
    assert "private_note" not in record_to_dict(rec, include_private=False)


def test_nested_dates_become_iso_text():
    rec = Boundary(
        text="t",
        agreed_on=date(2026, 10, 1),
        history=[BoundaryRevision("old", "active", date(2026, 12, 1), WHEN)],
    )
    data = record_to_dict(rec)
    assert data["agreed_on"] == "2026-10-01"
    assert data["history"] == [
        {
            "text": "old",
            "status": "active",
            "revisit_by": "2026-12-01",
            "changed_at": "2026-11-02T20:15:00+00:00",
        }
    ]


def test_summaries_and_hits():
    summary = ItemSummary(7, "entry", WHEN, "Title", "excerpt", True, ("a", "b"), 2)
    data = summary_to_dict(summary)
    assert data["occurred_at"] == "2026-11-02T20:15:00+00:00"
    assert data["tags"] == ["a", "b"] and data["deleted_at"] is None
    # as the index gives it: UTC text, the writer's offset, the snippet with its match marked
    text, offset = to_db(WHEN.astimezone(timezone(timedelta(hours=1))))
    hit = SearchHit(7, "entry", text, offset, "Title", "we \x02talked\x03", -1.5)
    out = hit_to_dict(hit)
    assert out == {
        "id": 7,
        "kind": "entry",
        "occurred_at": "2026-11-02T21:15:00+01:00",
        "title": "Title",
        "snippet": "we talked",
        "highlights": [[3, 9]],
        "score": -1.5,
    }

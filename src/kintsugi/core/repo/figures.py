"""The rows behind Insights and the report: each kind's figures over a date range, read in
one go (one read, so they agree with each other). ``core/insights.py`` makes the figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kintsugi.core.db import Database

#: Grounding sessions rated before and after: technique, custom name, before, after, and
#: the cue of the trigger each answered.
SESSIONS = (
    "SELECT g.technique, coalesce(json_extract(g.steps, '$[0].name'), ''),"
    " g.suds_before, g.suds_after, t.cue FROM item i"
    " JOIN grounding g ON g.item_id = i.id"
    " LEFT JOIN trigger_event t ON t.item_id = g.trigger_id"
    " WHERE i.kind = 'grounding' AND i.deleted_at IS NULL"
    " AND i.occurred_at >= ? AND i.occurred_at < ?"
    " AND g.suds_before IS NOT NULL AND g.suds_after IS NOT NULL"
)


@dataclass
class FigureRows:
    triggers: list[tuple[Any, ...]]  # occurred_at, tz, cue, suds_peak
    sessions: list[tuple[Any, ...]]  # see SESSIONS
    checkins: list[tuple[Any, ...]]  # occurred_at, tz, safety, trust, connection, communication
    entries: list[tuple[Any, ...]]  # occurred_at, tz, mood


class Figures:
    def __init__(self, db: Database):
        self.db = db

    def sessions(self, lo: str, hi: str) -> list[tuple[Any, ...]]:
        """Rated sessions between the UTC texts ``lo`` (inclusive) and ``hi``."""
        with self.db.read() as conn:
            rows: list[tuple[Any, ...]] = conn.execute(SESSIONS, (lo, hi)).fetchall()
        return rows

    def rows(self, lo: str, hi: str, only_ids: list[int] | None = None) -> FigureRows:
        """Every kind's rows between ``lo`` and ``hi``; with ``only_ids``, of those alone."""
        only = (
            ""
            if only_ids is None
            else f" AND i.id IN ({','.join(str(int(i)) for i in only_ids) or 'NULL'})"
        )
        with self.db.read() as conn:
            triggers = conn.execute(
                "SELECT i.occurred_at, i.occurred_tz, t.cue, t.suds_peak FROM item i"
                " JOIN trigger_event t ON t.item_id = i.id WHERE i.kind = 'trigger'"
                " AND i.deleted_at IS NULL AND i.occurred_at >= ? AND i.occurred_at < ?" + only,
                (lo, hi),
            ).fetchall()
            sessions = conn.execute(SESSIONS + only, (lo, hi)).fetchall()
            checkins = conn.execute(
                "SELECT i.occurred_at, i.occurred_tz, c.safety, c.trust, c.connection,"
                " c.communication FROM item i JOIN checkin c ON c.item_id = i.id"
                " WHERE i.kind = 'checkin' AND i.deleted_at IS NULL"
                " AND i.occurred_at >= ? AND i.occurred_at < ?" + only + " ORDER BY i.occurred_at",
                (lo, hi),
            ).fetchall()
            entries = conn.execute(
                "SELECT i.occurred_at, i.occurred_tz, e.mood FROM item i"
                " JOIN entry e ON e.item_id = i.id WHERE i.kind = 'entry'"
                " AND i.deleted_at IS NULL AND i.occurred_at >= ? AND i.occurred_at < ?" + only,
                (lo, hi),
            ).fetchall()
        return FigureRows(triggers, sessions, checkins, entries)

"""Full-text search over every kind, inside the encrypted file (FTS5, bm25 ranking)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kintsugi.core.db import Database
from kintsugi.core.timeutil import day_start_utc, from_db

HIT_START, HIT_END = "\x02", "\x03"
_TOKEN = re.compile(r'(-?)"([^"]*)"(\*?)|(-?)(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchFilters:
    kinds: tuple[str, ...] = ()
    since: date | None = None  # inclusive, local days
    until: date | None = None  # inclusive
    tag: str | None = None


@dataclass(frozen=True)
class SearchHit:
    id: int
    kind: str
    occurred_at: datetime
    title: str
    snippet: str
    #: (start, end) character ranges of ``snippet`` that matched.
    highlights: tuple[tuple[int, int], ...] = field(default=())
    score: float = 0.0


def build_query(text: str, *, prefix_last: bool = False) -> str | None:
    """A safe FTS5 query from what a person typed.

    Words are ANDed; ``"a phrase"`` is a phrase; ``word*`` is a prefix; ``-word``
    excludes. With ``prefix_last`` the last word is a prefix (search as you type).
    Returns None when nothing searchable was typed.
    """
    positive: list[str] = []
    negative: list[str] = []
    matches = list(_TOKEN.finditer(text))
    for n, m in enumerate(matches):
        neg = bool(m.group(1) or m.group(4))
        if m.group(2) is not None:
            words, star = _WORD.findall(m.group(2)), bool(m.group(3))
        else:
            raw = m.group(5)
            words, star = _WORD.findall(raw), raw.endswith("*")
            if prefix_last and n == len(matches) - 1 and not text.endswith(" "):
                star = True
        if not words:
            continue
        term = '"' + " ".join(words) + '"' + ("*" if star else "")
        (negative if neg else positive).append(term)
    if not positive:
        return None
    query = " AND ".join(positive)
    for term in negative:
        query += f" NOT {term}"
    return query


def _highlights(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos, start = 0, 0
    for ch in snippet:
        if ch == HIT_START:
            start = pos
        elif ch == HIT_END:
            spans.append((start, pos))
        else:
            out.append(ch)
            pos += 1
    return "".join(out), tuple(spans)


class Search:
    def __init__(self, db: Database):
        self.db = db

    def search(
        self,
        text: str,
        filters: SearchFilters = SearchFilters(),
        *,
        limit: int = 50,
        offset: int = 0,
        prefix_last: bool = False,
    ) -> list[SearchHit]:
        query = build_query(text, prefix_last=prefix_last)
        if query is None:
            return []
        where, args = ["fts MATCH ?", "i.deleted_at IS NULL"], [query]
        if filters.kinds:
            where.append(f"i.kind IN ({', '.join('?' for _ in filters.kinds)})")
            args += list(filters.kinds)
        if filters.since:
            where.append("i.occurred_at >= ?")
            args.append(day_start_utc(filters.since))
        if filters.until:
            where.append("i.occurred_at < ?")
            args.append(day_start_utc(filters.until + timedelta(days=1)))
        if filters.tag:
            where.append(
                "EXISTS (SELECT 1 FROM item_tag it JOIN tag t ON t.id = it.tag_id"
                " WHERE it.item_id = i.id AND t.name = ?)"
            )
            args.append(filters.tag)
        sql = (
            "SELECT i.id, i.kind, i.occurred_at, i.occurred_tz, i.title,"
            f" snippet(fts, -1, '{HIT_START}', '{HIT_END}', '…', 16),"
            " bm25(fts, 4.0, 1.0, 2.0) AS score"
            " FROM fts JOIN item i ON i.id = fts.rowid"
            f" WHERE {' AND '.join(where)} ORDER BY score LIMIT ? OFFSET ?"
        )
        with self.db.read() as conn:
            rows = conn.execute(sql, (*args, limit, offset)).fetchall()
        hits = []
        for item_id, kind, occ, tz, title, snippet, score in rows:
            plain, spans = _highlights(snippet or "")
            hits.append(SearchHit(item_id, kind, from_db(occ, tz), title, plain, spans, score))
        return hits

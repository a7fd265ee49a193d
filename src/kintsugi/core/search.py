"""Full-text search over every kind, inside the encrypted file (FTS5, bm25 ranking)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kintsugi.core.db import Database
from kintsugi.core.timeutil import day_start_utc, from_db

SNIPPET_WORDS = 24
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


@dataclass(frozen=True)
class ParsedQuery:
    fts: str
    #: (normalised word, is_prefix), to mark matches in snippets
    terms: tuple[tuple[str, bool], ...]


def normalise(word: str) -> str:
    """Fold case and strip diacritics, as the index's tokenizer (unicode61) does."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def parse_query(text: str, *, prefix_last: bool = False) -> ParsedQuery | None:
    """A safe FTS5 query from what a person typed.

    Words are ANDed; ``"a phrase"`` is a phrase; ``word*`` is a prefix; ``-word``
    excludes. With ``prefix_last`` the last word is a prefix (search as you type).
    Returns None when nothing searchable was typed.
    """
    positive: list[str] = []
    negative: list[str] = []
    terms: list[tuple[str, bool]] = []
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
        if not neg:
            terms += [(normalise(w), star and i == len(words) - 1) for i, w in enumerate(words)]
    if not positive:
        return None
    query = " AND ".join(positive)
    for term in negative:
        query += f" NOT {term}"
    return ParsedQuery(query, tuple(terms))


def build_query(text: str, *, prefix_last: bool = False) -> str | None:
    parsed = parse_query(text, prefix_last=prefix_last)
    return parsed.fts if parsed else None


def make_snippet(
    text: str, terms: tuple[tuple[str, bool], ...], words: int = SNIPPET_WORDS
) -> tuple[str, tuple[tuple[int, int], ...], int]:
    """A window of ``text`` around its first match: (snippet, highlight spans, matches)."""
    tokens = list(_WORD.finditer(text))
    if not tokens:
        return text.strip()[:200], (), 0

    def matches(token: str) -> bool:
        norm = normalise(token)
        return any(norm.startswith(t) if prefix else norm == t for t, prefix in terms)

    hits = [i for i, t in enumerate(tokens) if matches(t.group())]
    first = max(0, (hits[0] if hits else 0) - 3)
    last = min(len(tokens), first + words)
    first = max(0, last - words)
    start = tokens[first].start() if first else 0
    end = tokens[last - 1].end() if last < len(tokens) else len(text)
    lead = "…" if first else ""
    snippet = lead + text[start:end] + ("…" if last < len(tokens) else "")
    spans = tuple(
        (len(lead) + tokens[i].start() - start, len(lead) + tokens[i].end() - start)
        for i in hits
        if first <= i < last
    )
    return snippet, spans, len(hits)


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
        parsed = parse_query(text, prefix_last=prefix_last)
        if parsed is None:
            return []
        where, args = ["fts MATCH ?", "i.deleted_at IS NULL"], [parsed.fts]
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
        # Rank every match using only the full-text index and a small covering index (no
        # wide item rows: under SQLCipher each page read is a decryption), then read the
        # few winners in full.
        ranked = (
            "SELECT i.id, bm25(fts, 4.0, 1.0, 2.0) AS score"
            " FROM fts JOIN item i INDEXED BY item_search ON i.id = fts.rowid"
            f" WHERE {' AND '.join(where)} ORDER BY score LIMIT ? OFFSET ?"
        )
        hits = []
        with self.db.read() as conn:
            for item_id, score in conn.execute(ranked, (*args, limit, offset)).fetchall():
                kind, occ, tz, title = conn.execute(
                    "SELECT kind, occurred_at, occurred_tz, title FROM item WHERE id = ?",
                    (item_id,),
                ).fetchone()
                fts_title, body = conn.execute(
                    "SELECT title, body FROM fts WHERE rowid = ?", (item_id,)
                ).fetchone()
                snippet, spans, n = make_snippet(body, parsed.terms)
                if n == 0 and fts_title:  # matched on the title (or tags) only
                    snippet, spans, _ = make_snippet(fts_title, parsed.terms)
                hits.append(
                    SearchHit(item_id, kind, from_db(occ, tz), title, snippet, spans, score)
                )
        return hits

"""Full-text search over every kind, inside the encrypted file (FTS5, bm25 ranking)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from kintsugi.core.db import Database
from kintsugi.core.timeutil import day_start_utc

SNIPPET_WORDS = 24
#: bm25 with a match in the title worth 4, in the text 1, in a tag 2.
RANKING = "bm25(4.0, 1.0, 2.0)"
_TOKEN = re.compile(r'(-?)"([^"]*)"(\*?)|(-?)(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchFilters:
    kinds: tuple[str, ...] = ()
    since: date | None = None  # inclusive, local days
    until: date | None = None  # inclusive
    tag: str | None = None
    starred: bool = False  # starred entries only


class SearchHit:
    """One match, built from its row as it came from the index (50 of them per keystroke).

    What only a reader needs — the snippet without its marks, the highlight spans and
    the local time — is worked out when first read, not inside the search.
    """

    __slots__ = ("id", "kind", "title", "score", "_occurred", "_tz", "_marked", "_cut", "_when")

    def __init__(
        self,
        id: int,
        kind: str,
        occurred_utc: str,
        occurred_tz: int,
        title: str,
        marked: str,
        score: float = 0.0,
    ) -> None:
        self.id = id
        self.kind = kind
        self.title = title
        self.score = score
        self._occurred = occurred_utc
        self._tz = occurred_tz
        #: FTS5's snippet, each match between _OPEN and _CLOSE.
        self._marked = marked
        self._cut: tuple[str, tuple[tuple[int, int], ...]] | None = None
        self._when: datetime | None = None

    @property
    def occurred_at(self) -> datetime:
        if self._when is None:
            self._when = datetime.fromisoformat(self._occurred).astimezone(_zone(self._tz))
        return self._when

    @property
    def snippet(self) -> str:
        return self._unmarked()[0]

    @snippet.setter
    def snippet(self, text: str) -> None:  # a view's own reading of it (marks stripped, …)
        self._cut = (text, self.highlights)

    @property
    def highlights(self) -> tuple[tuple[int, int], ...]:
        """(start, end) character ranges of ``snippet`` that matched."""
        return self._unmarked()[1]

    @highlights.setter
    def highlights(self, spans: tuple[tuple[int, int], ...]) -> None:
        self._cut = (self.snippet, tuple(spans))

    def _unmarked(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        if self._cut is None:
            self._cut = unmark(self._marked)
        return self._cut

    def __repr__(self) -> str:
        return f"SearchHit(id={self.id}, kind={self.kind!r}, score={self.score:.3f})"


@dataclass(frozen=True)
class ParsedQuery:
    fts: str


def parse_query(text: str, *, prefix_last: bool = False) -> ParsedQuery | None:
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
    return ParsedQuery(query)


def build_query(text: str, *, prefix_last: bool = False) -> str | None:
    parsed = parse_query(text, prefix_last=prefix_last)
    return parsed.fts if parsed else None


#: What FTS5's snippet() puts around each match: two control characters a person cannot
#: type, removed from the text and turned into (start, end) spans.
_OPEN, _CLOSE = "\x02", "\x03"


def unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """FTS5 ``snippet()`` output → (plain snippet, highlight spans)."""
    if _OPEN not in marked:
        return marked.replace(_CLOSE, ""), ()
    first, *rest = marked.split(_OPEN)
    out = [first.replace(_CLOSE, "")]
    spans = []
    length = len(out[0])
    for part in rest:
        word, closed, tail = part.partition(_CLOSE)
        tail = tail.replace(_CLOSE, "")
        if closed and word:
            spans.append((length, length + len(word)))
        out += (word, tail)
        length += len(word) + len(tail)
    return "".join(out), tuple(spans)


def _snippet_sql(table: str, column: int) -> str:
    return f"snippet({table}, {column}, char(2), char(3), '…', {SNIPPET_WORDS})"


@functools.lru_cache(maxsize=64)
def _zone(offset_minutes: int) -> timezone:
    return timezone(timedelta(minutes=offset_minutes))


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
        where, args = _filter_clauses(filters, "s")
        # One query: FTS5 ranks every match itself (ORDER BY rank is consumed by the index,
        # so nothing else is sorted) and the rows are then visited best first; filters are
        # checked on a small covering index (no wide item rows: under SQLCipher each page
        # read is a decryption), and only the winners' item rows are read and their
        # snippets cut, by FTS5 in C from the index's content view (schema._V6).
        if len(where) > 1:  # filters that may pass over many matches: check them cheaply
            source = "fts CROSS JOIN item s INDEXED BY item_search CROSS JOIN item i"
            where.append("s.id = fts.rowid")
        else:  # only the trash is passed over: every row read is a winner's
            source = "fts CROSS JOIN item i"
            where = ["i.deleted_at IS NULL"]
        head = (parsed.fts, *args)
        query = (
            "SELECT fts.rowid, i.kind, i.occurred_at, i.occurred_tz, i.title,"
            f" {_snippet_sql('fts', 1)}, fts.rank FROM {source}"
            f" WHERE fts MATCH ? AND fts.rank MATCH '{RANKING}'"
            f" AND i.id = fts.rowid AND {' AND '.join(where)}"
            # Written in, not bound: on this SQLite build a bound LIMIT made the same query
            # 10-25 % slower (bench/bench_core.py); int() keeps it a number.
            f" ORDER BY fts.rank LIMIT {int(limit)} OFFSET {int(offset)}"
        )
        with self.db.read() as conn:
            hits = [SearchHit(*row) for row in conn.execute(query, head)]
            # Matched on the title (or a tag) only: the title, marked, stands in.
            title_only = {hit.id: hit for hit in hits if _OPEN not in hit._marked}
            if title_only:
                marks = ", ".join("?" for _ in title_only)
                for item_id, marked in conn.execute(
                    f"SELECT rowid, {_snippet_sql('fts', 0)} FROM fts"
                    f" WHERE fts MATCH ? AND rowid IN ({marks})",
                    (parsed.fts, *title_only),
                ):
                    if marked:
                        title_only[item_id]._marked = marked
        return hits

    def count(
        self, text: str, filters: SearchFilters = SearchFilters(), *, prefix_last: bool = False
    ) -> int:
        """How many items match in all (what :meth:`search` pages through), from the index."""
        parsed = parse_query(text, prefix_last=prefix_last)
        if parsed is None:
            return 0
        where, args = _filter_clauses(filters, "i")
        query = (
            "SELECT count(*) FROM fts CROSS JOIN item i INDEXED BY item_search"
            f" WHERE fts MATCH ? AND i.id = fts.rowid AND {' AND '.join(where)}"
        )
        with self.db.read() as conn:
            count: int = conn.execute(query, (parsed.fts, *args)).fetchone()[0]
            return count


def _filter_clauses(filters: SearchFilters, alias: str) -> tuple[list[str], list[Any]]:
    """The WHERE terms (and their arguments) of ``filters`` over the item row ``alias``: one
    list for a page of hits and for their count, so the two always agree."""
    where, args = [f"{alias}.deleted_at IS NULL"], []
    if filters.kinds:
        where.append(f"{alias}.kind IN ({', '.join('?' for _ in filters.kinds)})")
        args += list(filters.kinds)
    if filters.since:
        where.append(f"{alias}.occurred_at >= ?")
        args.append(day_start_utc(filters.since))
    if filters.until:
        where.append(f"{alias}.occurred_at < ?")
        args.append(day_start_utc(filters.until + timedelta(days=1)))
    if filters.tag:
        where.append(
            "EXISTS (SELECT 1 FROM item_tag it JOIN tag t ON t.id = it.tag_id"
            f" WHERE it.item_id = {alias}.id AND t.name = ?)"
        )
        args.append(filters.tag)
    if filters.starred:
        where.append(
            f"EXISTS (SELECT 1 FROM entry e WHERE e.item_id = {alias}.id AND e.starred = 1)"
        )
    return where, args

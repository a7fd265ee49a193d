"""The shortcuts an import's rows take give exactly what the plain code gives: an excerpt
without the split and join when there is nothing to collapse, and a stored time through
``astimezone(UTC)`` (docs/benchmarks.md, "Import against the limit")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from kintsugi.core.repo.base import EXCERPT_CHARS, _collapsed, excerpt_of
from kintsugi.core.timeutil import to_db

SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000"
PIECES = st.one_of(
    st.sampled_from(["a", "word", "café", " ", "  ", "\u200b", "\x00", *SPACES]),
    st.text(max_size=12),
)
TEXTS = st.lists(PIECES, max_size=120).map("".join)


def _plain_excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """excerpt_of as it was before the shortcut."""
    if len(text) > 2 * limit:
        head = text[: 2 * limit]
        cut = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
        short = " ".join(head[:cut].split()) if cut > 0 else ""
        if len(short) > limit:
            return short[:limit]
    return " ".join(text.split())[:limit]


@settings(max_examples=600)
@given(TEXTS)
def test_collapsing_whitespace_is_the_split_and_join(text):
    assert _collapsed(text) == " ".join(text.split())
    assert excerpt_of(text) == _plain_excerpt(text)
    assert excerpt_of(text, 10) == _plain_excerpt(text, 10)


def test_every_character_split_at_but_the_space_is_not_printable():
    splits = [c for c in map(chr, range(0x110000)) if c.split() == []]
    assert " " in splits and len(splits) > 20
    assert [c for c in splits if c != " " and c.isprintable()] == []


def _plain_to_db(moment: datetime) -> tuple[str, int]:
    """to_db as it was before astimezone(UTC)."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    offset = moment.utcoffset() or timedelta(0)
    utc = moment.replace(tzinfo=None) - offset
    return utc.isoformat(timespec="microseconds") + "Z", int(offset.total_seconds() // 60)


OFFSETS = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))


@settings(max_examples=600)
@given(
    st.datetimes(datetime(1000, 1, 2), datetime(9999, 12, 30)),
    st.one_of(st.none(), st.just(UTC), OFFSETS),
    st.integers(-59, 59),
)
def test_a_stored_time_is_what_it_was(moment, zone, seconds):
    if zone is not None:
        odd = (
            timezone(
                timedelta(minutes=zone.utcoffset(None) // timedelta(minutes=1), seconds=seconds)
            )
            if seconds
            else zone
        )
        moment = moment.replace(tzinfo=odd)
    assert to_db(moment) == _plain_to_db(moment)

"""The jrnl JSON entry's one-pass check (``importing._Run._plain_jrnl``) agrees with the
full check (``validate.fields`` over ``importing._JRNL_FIELDS``): for any value it either
gives exactly what the full check gives, or hands the value to the full check (None) —
never a value the full check would refuse, never a different one."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kintsugi.core import importing, validate

SPECIAL = st.sampled_from(
    ["", "plain", "caf\u00e9", "a\x00b", "\ud800", "x" * (validate.MAX_TAG + 1), "@tag"]
)
TEXTS = st.one_of(SPECIAL, st.text(max_size=30))
ODD = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.lists(TEXTS, max_size=2)
)
DAYS = st.sampled_from(
    ["2024-02-29", "2023-02-29", "1899-12-31", "2200-01-01", "2024-1-5", "24-01-05", "x" * 40]
)
CLOCKS = st.sampled_from(["08:30", "8:30:15", "1:05 PM", "13:05 PM", "24:00", "23:60", ""])
TAGS = st.one_of(
    st.lists(SPECIAL, min_size=1, max_size=3),
    st.sampled_from([["t"] * validate.MAX_TAGS, ["t"] * (validate.MAX_TAGS + 1)]),
    ODD,
)


GOOD = {
    "date": st.dates(date(1900, 1, 1), date(2199, 12, 31)).map(lambda d: d.isoformat()),
    "time": st.times().map(lambda t: t.strftime("%H:%M")),
    "title": st.text(max_size=20),
    "body": st.text(max_size=40),
    "tags": st.lists(st.text(max_size=8), max_size=3),
    "starred": st.one_of(st.booleans(), st.none()),
}
BAD = {
    "date": st.one_of(DAYS, ODD),
    "time": st.one_of(CLOCKS, ODD),
    "title": st.one_of(SPECIAL, ODD),
    "body": st.one_of(SPECIAL, ODD),
    "tags": TAGS,
    "starred": st.one_of(st.integers(0, 1), TEXTS, ODD),
}


@st.composite
def entries(draw: st.DrawFn) -> Any:
    """Mostly an entry as jrnl writes it, with one or two fields made odd or left out."""
    if draw(st.integers(0, 9)) == 0:
        return draw(ODD)
    value = draw(st.fixed_dictionaries(GOOD))
    for name in draw(st.lists(st.sampled_from(sorted(GOOD)), max_size=2, unique=True)):
        if draw(st.booleans()):
            value[name] = draw(BAD[name])
        else:
            del value[name]
    return value


def full_check(value: Any) -> tuple[Any, ...] | None:
    try:
        found = validate.fields(importing._JRNL_FIELDS, value)
    except validate.Invalid:
        return None
    if "date" not in found:
        return None
    return (
        found["date"],
        found.get("time") or time(),
        found.get("title", ""),
        found.get("body", ""),
        found.get("tags", []),
        found.get("starred"),
    )


def a_run() -> importing._Run:
    run = importing._Run.__new__(importing._Run)
    run.days, run.clocks = {}, {}
    return run


@settings(max_examples=600, deadline=None)
@given(st.lists(entries(), min_size=1, max_size=3))
def test_the_one_pass_check_gives_what_the_full_check_gives_or_hands_it_over(values):
    run = a_run()  # one run for several entries: its remembered dates and times are used
    for value in values:
        plain = run._plain_jrnl(value)
        if plain is not None:
            assert plain == full_check(value)


def test_an_entry_as_jrnl_writes_it_takes_the_one_pass_check():
    run = a_run()
    value = {
        "date": "2024-03-01",
        "time": "21:05",
        "title": "Un día",
        "body": "Caminé.",
        "tags": ["@walk"],
        "starred": False,
    }
    assert run._plain_jrnl(value) == full_check(value)
    assert run._plain_jrnl(value) is not None
    assert run._plain_jrnl(dict(value, body="a\x00b")) is None  # refused: the full check says why


ODD_VALUES: list[Any] = [
    None, True, 0, 1, 2.5, [], ["x"], {}, "", "plain", "caf\u00e9", "a\x00b", "\ud800",
    "x" * (validate.MAX_TAG + 1), "x" * (validate.MAX_TEXT + 1), "2024-02-29", "2023-02-29",
    "1899-12-31", "2200-01-01", "24-01-05", "x" * 40, "08:30", "1:05 PM", "13:05 PM", "24:00",
    ["t"] * validate.MAX_TAGS, ["t"] * (validate.MAX_TAGS + 1), ["a\x00b"], ["\ud800"],
    ["x" * (validate.MAX_TAG + 1)], [None], ["ok", 3],
]  # fmt: skip
BASE = {
    "date": "2024-03-01",
    "time": "21:05",
    "title": "Un día",
    "body": "Caminé.",
    "tags": ["@walk"],
    "starred": False,
}


def test_every_field_made_odd_or_left_out_in_turn():
    run = a_run()
    for name in BASE:
        for changed in [
            {k: v for k, v in BASE.items() if k != name},
            *({**BASE, name: odd} for odd in ODD_VALUES),
        ]:
            plain = run._plain_jrnl(changed)
            assert plain is None or plain == full_check(changed), (name, changed[name])

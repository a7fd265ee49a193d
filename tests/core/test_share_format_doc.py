"""docs/share-format.md documents every field of every kind that leaves (walked from the
record definitions, so a new field without documentation fails here)."""

import dataclasses
import re
import typing
from pathlib import Path

from kintsugi.core import share
from kintsugi.core.records import RECORD_TYPES, Record

DOC = Path(__file__).resolve().parents[2] / "docs" / "share-format.md"


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = re.search(r"^##", text[start + len(heading) :], re.M)
    return text[start : start + len(heading) + (end.start() if end else len(text))]


def _nested(hint) -> list[type]:
    out = []
    for arg in typing.get_args(hint) or (hint,):
        if dataclasses.is_dataclass(arg):
            out.append(arg)
        out += [a for a in typing.get_args(arg) if dataclasses.is_dataclass(a)]
    return out


def test_every_field_of_every_kind_is_documented():
    text = DOC.read_text()
    assert f"version {share.VERSION}" in text.splitlines()[0]
    common = _section(text, "### Every item")
    base = {f.name for f in dataclasses.fields(Record)}
    for kind, cls in RECORD_TYPES.items():
        section = _section(text, f"### `{kind}`")
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            if f.name in share.DROPPED:
                assert f"`{f.name}`" in common, f"{f.name}: say it never leaves"
                continue
            where = common if f.name in base else section
            assert f"`{f.name}`" in where, f"{kind}.{f.name} is not documented"
            for inner in _nested(hints[f.name]):
                for g in dataclasses.fields(inner):
                    assert f'"{g.name}"' in section or f"`{g.name}`" in section, (
                        f"{kind}.{f.name}.{g.name} is not documented"
                    )

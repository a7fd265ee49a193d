"""A record kind is a unit: everything about it is reached through the one registry.

These tests walk ``REPOSITORIES`` (and fill each kind's dataclass from its type hints), so a
new kind, or a new field of one, is covered without touching them: it must render with every
text it holds, leave through a share without its private note, come back from the lossless
export equal to what was saved, be found by search, and be read by the importer field for
field.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import types
import typing
from datetime import UTC, date, datetime, timedelta

import pytest

from kintsugi.core import fieldtext, share, transfer, validate
from kintsugi.core.records import KINDS, RECORD_TYPES, Record
from kintsugi.core.render import KIND_NAMES, item_heading, render_item, render_record
from kintsugi.core.repo import REPOSITORIES, repository_for
from kintsugi.core.search import Search
from kintsugi.core.vault import Vault
from tests.helpers import FAST_KDF, index_problem

PRIVATE = "privmarkzq"
COMMON = {f.name for f in dataclasses.fields(Record)}
NOT_FILLED = {"id", "deleted_at", "trigger_id", "created_at", "updated_at", "shared"}


class Filler:
    """Fills a dataclass from its type hints: each text is a unique marker word."""

    def __init__(self) -> None:
        self.counter = itertools.count(1)
        self.markers: list[str] = []

    def text(self) -> str:
        marker = f"mk{next(self.counter):03d}q"
        self.markers.append(marker)
        return marker

    def value(self, hint, n: int, kind: str = ""):
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            return self.value(next(a for a in args if a is not type(None)), n, kind)
        if hint is str:
            return self.text()
        if hint is bool:
            return True
        if hint is int:
            return 3  # inside every range the repositories check
        if hint is float:
            return 7.5
        if hint is datetime:
            return datetime(2026, 11, 2, 9, 0, tzinfo=UTC) - timedelta(hours=n)
        if hint is date:
            return date(2026, 11, 20) + timedelta(days=n)
        if origin is list:
            return [self.value(args[0], n + k, kind) for k in range(2)]
        if hint is dict or origin is dict:
            return {"answer": self.text(), "items": [self.text(), self.text()]}
        if dataclasses.is_dataclass(hint):
            return self.record(hint, n, kind)
        raise AssertionError(f"the kind test does not know how to fill {hint!r}")

    def record(self, cls, n: int = 0, kind: str = ""):
        """``kind``: the record a nested dataclass (a boundary's revision) belongs to."""
        kind = getattr(cls, "KIND", "") or kind
        hints = typing.get_type_hints(cls)
        values = {}
        for f in dataclasses.fields(cls):
            if f.name in NOT_FILLED:
                continue
            if f.name == "private_note":
                values[f.name] = PRIVATE
                continue
            choices = _choices(kind, f.name)
            values[f.name] = (
                choices[n % len(choices)] if choices else self.value(hints[f.name], n, kind)
            )
        return cls(**values)


def _choices(kind: str, name: str) -> tuple | None:
    """The values a field of a fixed vocabulary may take, read from its kind's import
    converter (the repositories refuse anything else)."""
    repo = REPOSITORIES.get(kind)
    convert = repo.import_fields.get(name) if repo else None
    if convert is None:
        return None
    try:
        convert("\x00no such value")
    except validate.Invalid as exc:
        if "is not one of " in str(exc):
            return tuple(str(exc).split("is not one of ", 1)[1].split(", "))
    except Exception:
        return None
    if name == "mood":
        return (2,)
    return None


@pytest.fixture
def filled(vault):
    filler = Filler()
    saved = {}
    for n, kind in enumerate(REPOSITORIES):
        rec = filler.record(RECORD_TYPES[kind], n)
        rec.shared = True
        saved[kind] = repository_for(vault.db, kind).add(rec)
    return saved


def _markers(value) -> set[str]:
    return set(_strings(value)) & {s for s in _strings(value) if s.startswith("mk")}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)
    elif dataclasses.is_dataclass(value):
        yield from _strings(dataclasses.asdict(value))


def test_the_registry_and_the_dataclasses_name_the_same_kinds():
    assert tuple(REPOSITORIES) == KINDS
    for kind, repo in REPOSITORIES.items():
        assert repo.record_type is RECORD_TYPES[kind]
        assert repo.name and KIND_NAMES[kind] == repo.name
        assert (repo.short_name or repo.name).strip()
        for key, text in repo.labels.items():
            assert fieldtext.label(key) == text


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_of_a_kind_is_imported_and_stored(kind):
    """The import mapping and the table know every field the dataclass has."""
    repo = REPOSITORIES[kind]
    own = {f.name for f in dataclasses.fields(RECORD_TYPES[kind])} - COMMON
    links = {"trigger_id"}  # ids of the vault: an export carries the linked record's uid
    assert set(repo.import_fields) == own - links
    stored = {c.attr for c in repo.columns} | {"history", "progress", "milestones"}  # children
    assert own <= stored


@pytest.mark.parametrize("kind", KINDS)
def test_a_kind_renders_every_text_it_shares(vault, filled, kind):
    rec = filled[kind]
    item = share.share_dict(rec, share.ShareOptions(earlier_wordings=True))
    text = render_item(item)
    assert text.startswith(f"## {item_heading(item)}\n")
    assert item_heading(item).startswith(REPOSITORIES[kind].name)
    missing = {m for m in _markers(item) if m not in text}
    assert not missing, f"{kind}: {missing} leave but are not rendered"
    assert PRIVATE not in text and PRIVATE not in json.dumps(item)
    assert render_record(rec) == render_item(item)


@pytest.mark.parametrize("kind", KINDS)
def test_a_kind_round_trips_through_the_export(vault, tmp_path, filled, kind):
    rec = filled[kind]
    exported = json.loads(json.dumps(transfer.full_dict(rec, vault.db)))
    assert exported["kind"] == kind and "id" not in exported
    cls, values = validate.record_fields(exported)
    assert cls is RECORD_TYPES[kind]
    back = cls(**values)
    for f in dataclasses.fields(cls):
        if f.name not in NOT_FILLED:
            assert getattr(back, f.name) == getattr(rec, f.name), f"{kind}.{f.name}"
    # … and through a real import into another vault
    data = transfer.export_bytes(vault.db, [rec], "json")
    with Vault.create(tmp_path / "other.kintsugi", "other pass", params=FAST_KDF) as other:
        result = transfer.import_file(other.db, data)
        assert result.added == 1
        assert index_problem(other.db) is None  # the batch's index row is the view's
        (summary,) = transfer.select(other.db, everything=True)
        again = repository_for(other.db, kind).get(summary.id)
        for f in dataclasses.fields(cls):
            if f.name not in NOT_FILLED | {"updated_at"}:
                assert getattr(again, f.name) == getattr(rec, f.name), f"{kind}.{f.name}"


@pytest.mark.parametrize("kind", KINDS)
def test_a_kind_is_found_by_the_words_of_its_search_text(vault, filled, kind):
    rec = filled[kind]
    _title, _excerpt, text = repository_for(vault.db, kind).describe(rec)
    words = sorted(_markers(text))
    assert words, f"{kind} has no searchable text"
    search = Search(vault.db)
    for word in words:
        assert rec.id in {hit.id for hit in search.search(word)}, f"{kind}: {word}"
    assert rec.id in {hit.id for hit in search.search(PRIVATE)}  # one's own note is searched


@pytest.mark.parametrize("kind", KINDS)
def test_a_kind_with_a_csv_table_gives_one_cell_per_column_and_its_texts(filled, kind):
    """A kind's CSV table sits with its repository (repo/<kind>.py): the export's tables are
    exactly the kinds that declare one, and each row carries one cell per column, the
    record's own id last and its texts in the cells."""
    from kintsugi.core import outbound

    cls = REPOSITORIES[kind]
    rec = filled[kind]
    if cls.csv_table is None:
        assert outbound.csv_rows(rec) is None
        return
    assert outbound.CSV_COLUMNS[cls.csv_table] == list(cls.csv_columns)
    table, row = outbound.csv_rows(rec, "a-trigger-uid")
    assert table == cls.csv_table and len(row) == len(cls.csv_columns)
    assert row[cls.csv_columns.index("id")] == rec.uid
    assert _markers(rec) & {str(c) for c in row}  # the record's own words are in it


@pytest.mark.parametrize("how", ["--all", "--ids"])
def test_every_kind_leaves_through_the_cli_export_and_comes_back_through_its_import(
    vault, vault_path, tmp_path, filled, how
):
    """``kintsugi export --format json`` (the complete backup with ``--all``, the streamed
    export with ``--ids``) and ``kintsugi import`` bring every kind back field for field."""
    from tests.helpers import PASSPHRASE, run_cli

    ids = [str(rec.id) for rec in filled.values()]
    vault.lock()
    dump = tmp_path / "all.json"
    chosen = ["--all"] if how == "--all" else ["--ids", *ids]
    args = ("--passphrase-fd", "{fd0}")
    r = run_cli(
        "export", "--vault", str(vault_path), *args, *chosen, "--format", "json",
        "--out", str(dump), secrets=(PASSPHRASE,),
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    other = tmp_path / "other.kintsugi"
    Vault.create(other, PASSPHRASE, params=FAST_KDF).lock()
    r = run_cli("import", "--vault", str(other), *args, str(dump), secrets=(PASSPHRASE,))
    assert r.returncode == 0, r.stdout + r.stderr
    with Vault.open(other, PASSPHRASE) as back:
        by_uid = {s.uid: s for s in transfer.select(back.db, everything=True)}
        for kind, rec in filled.items():
            assert rec.uid in by_uid, f"{kind} did not come back"
            again = repository_for(back.db, kind).get(by_uid[rec.uid].id)
            for f in dataclasses.fields(RECORD_TYPES[kind]):
                if f.name not in NOT_FILLED | {"updated_at"}:
                    assert getattr(again, f.name) == getattr(rec, f.name), f"{kind}.{f.name}"

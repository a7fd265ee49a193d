"""What leaves is exactly what the preview showed.

Every field of every record kind (walked from the dataclass definitions, so new kinds and
fields are covered without touching this test) is filled with a unique marker; the items are
shared through the real Share pane as a bundle (opened with the standard ``age`` tool),
Markdown and a PDF (read with ``pdftotext``). Every marker found in any of them must be in the
preview's text, and the private note must be in none of them.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import shutil
import subprocess
import typing
import zipfile
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from kintsugi.core import share
from kintsugi.core.records import (
    BOUNDARY_CATEGORIES,
    BOUNDARY_STATUSES,
    CUE_CATEGORIES,
    RECORD_TYPES,
    RITUAL_KINDS,
    TECHNIQUES,
    Record,
)
from kintsugi.core.repo import repository_for
from tests.helpers import settled

PRIVATE = "privmarkzq"
# Fields whose values are one of a fixed set (the repositories refuse anything else).
CHOICES = {
    "cue": CUE_CATEGORIES,
    "technique": TECHNIQUES,
    "status": BOUNDARY_STATUSES,
    "category": BOUNDARY_CATEGORIES,
    "ritual": RITUAL_KINDS,
}
NOT_FILLED = {"id", "deleted_at", "trigger_id", "created_at", "updated_at", "shared"}

pytestmark = pytest.mark.skipif(
    not (shutil.which("age") and shutil.which("pdftotext")), reason="needs age and pdftotext"
)


class Markers:
    def __init__(self) -> None:
        self.counter = itertools.count(1)
        self.made: dict[str, str] = {}  # marker -> where it was put ("Trigger.situation")

    def new(self, where: str) -> str:
        marker = f"mk{next(self.counter):03d}q"
        self.made[marker] = where
        return marker


def _value(hint, where: str, markers: Markers, n: int):
    """A value for a field of type ``hint``: strings get a unique marker."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        hint = next(a for a in args if a is not type(None))
        return _value(hint, where, markers, n)
    if hint is str:
        return markers.new(where)
    if hint is bool:
        return True
    if hint is int:
        return 3  # inside every range the vault checks (moods, 0–5, 0–10, 0–100)
    if hint is float:
        return 7.5
    if hint is datetime:
        return datetime(2026, 11, 2, 9, 0, tzinfo=UTC) - timedelta(hours=n)
    if hint is date:
        return date(2026, 11, 20) + timedelta(days=n)
    if origin is list:
        (inner,) = args
        return [_value(inner, f"{where}[{k}]", markers, n + k) for k in range(2)]
    if hint is dict or origin is dict:  # free-form exercise answers: keys, text and lists
        return {
            markers.new(f"{where}.key"): markers.new(f"{where}.value"),
            "items": [markers.new(f"{where}.items"), markers.new(f"{where}.items")],
        }
    if dataclasses.is_dataclass(hint):
        return _dataclass(hint, where, markers, n)
    raise AssertionError(f"the marker test does not know how to fill {hint!r} ({where})")


def _dataclass(cls, where: str, markers: Markers, n: int):
    hints = typing.get_type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in NOT_FILLED:
            continue
        name = f"{where}.{f.name}"
        if f.name == "private_note":
            values[f.name] = PRIVATE
        elif f.name in CHOICES:
            values[f.name] = CHOICES[f.name][n % len(CHOICES[f.name])]
        elif f.name == "mood":
            values[f.name] = 2
        else:
            values[f.name] = _value(hints[f.name], name, markers, n)
    return cls(**values)


def fill_every_kind(db, markers: Markers) -> list[Record]:
    made: list[Record] = []
    for n, cls in enumerate(RECORD_TYPES.values()):
        rec = _dataclass(cls, cls.__name__, markers, n)
        rec.shared = True
        if rec.KIND == "grounding":  # the trigger this exercise answered
            rec.trigger_id = next(r.id for r in made if r.KIND == "trigger")
        made.append(repository_for(db, rec.KIND).add(rec))
    # One's own technique: its name is in the charts and tables of the report, so it leaves
    # (and shows) even without the exercise's answers.
    before = set(markers.made)
    own = _dataclass(RECORD_TYPES["grounding"], "GroundingSession", markers, 9)
    for unused in [m for m in set(markers.made) - before if ".steps" in markers.made[m]]:
        del markers.made[unused]
    own.technique, own.shared = "custom", True
    own.steps = [{"name": markers.new("Custom.name"), "steps_done": 2, "of": 3}]
    made.append(repository_for(db, "grounding").add(own))
    return made


def _age_decrypt(path, identity_file) -> bytes:
    out = subprocess.run(
        ["age", "-d", "-i", str(identity_file), str(path)], capture_output=True, check=True
    )
    return out.stdout


def _pdftotext(path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


@pytest.mark.parametrize(
    "wordings, answers", [(True, True), (False, True), (True, False), (False, False)]
)
def test_every_marker_that_leaves_was_in_the_preview(
    window, qtbot, tmp_path, wordings, answers, monkeypatch
):
    markers = Markers()
    records = fill_every_kind(window.session.database(), markers)
    assert {r.KIND for r in records} == set(RECORD_TYPES)
    pane = window.share
    pane.reload()
    assert settled(pane, qtbot).list.count() == len(records)
    pane.with_wordings.setChecked(wordings)
    pane.with_answers.setChecked(answers)
    preview = settled(pane, qtbot).preview.toPlainText().lower()
    assert PRIVATE not in preview

    # every export is made from the very payload the preview was rendered from
    from kintsugi.core import transfer
    from kintsugi.ui.insights import report

    used = []
    for module, name in ((transfer, "export_bytes"), (report, "render_pdf")):
        real = getattr(module, name)

        def spy(*a, _real=real, **k):
            used.append(k.get("payload"))
            return _real(*a, **k)

        monkeypatch.setattr(module, name, spy)
    identity = share.new_identity()
    (tmp_path / "key.txt").write_text(identity + "\n")
    outputs = {}
    for fmt, name in (("age", "bundle.age"), ("md", "shared.md"), ("pdf", "report.pdf")):
        shown = settled(pane, qtbot).payload  # what the preview shows now (it reloads after
        assert pane.preview.toPlainText().lower() == preview  # each export), unchanged
        with qtbot.waitSignal(pane.exported, timeout=30_000) as blocker:
            pane.export(
                fmt,
                tmp_path / name,
                recipients=[share.public_key(identity)] if fmt == "age" else None,
                label="Dr. Rivera",
            )
        assert blocker.args[0] == tmp_path / name
        assert used[-1] is not None and used[-1].items is shown.items
        outputs[fmt] = tmp_path / name
    with zipfile.ZipFile(io.BytesIO(_age_decrypt(outputs["age"], tmp_path / "key.txt"))) as z:
        texts = {
            "bundle JSON": z.read(share.JSON_NAME).decode(),
            "bundle shared.md": z.read(share.MD_NAME).decode(),
        }
        assert all(PRIVATE.encode() not in z.read(n) for n in z.namelist())
    assert len(used) == 3
    texts["Markdown"] = outputs["md"].read_text()
    texts["PDF"] = _pdftotext(outputs["pdf"])

    in_preview = {m for m in markers.made if m in preview}
    for view, text in texts.items():
        text = text.lower()
        assert PRIVATE not in text, view
        found = {m for m in markers.made if m in text}
        unseen = {markers.made[m] for m in found - in_preview}
        assert not unseen, f"{view} carries what the preview did not show: {sorted(unseen)}"
        # ... and every view carries everything the preview showed.
        missing = {markers.made[m] for m in in_preview - found}
        assert not missing, f"{view} lacks what the preview showed: {sorted(missing)}"

    # What the choices leave out is nowhere; everything else leaves.
    left_out = {
        m
        for m, where in markers.made.items()
        if (not wordings and where.startswith("Boundary.history"))
        or (not answers and where.startswith("GroundingSession.steps"))
        # a picked item's uid is this vault's link to it: it stays (its quote leaves)
        or (where.startswith("WeeklyTalk.brought") and where.endswith(".uid"))
    }
    assert not left_out & in_preview
    assert in_preview == set(markers.made) - left_out

    # The preview follows the choices at once.
    pane.with_wordings.setChecked(not wordings)
    pane.with_answers.setChecked(not answers)
    flipped = settled(pane, qtbot).preview.toPlainText().lower()
    history = [m for m, w in markers.made.items() if w.startswith("Boundary.history")]
    steps = [m for m, w in markers.made.items() if w.startswith("GroundingSession.steps")]
    assert all((m in flipped) == (not wordings) for m in history)
    assert all((m in flipped) == (not answers) for m in steps)
    pane.list.item(0).setCheckState(Qt.Unchecked)
    assert pane.payload is None  # none to export while the new preview is built
    settled(pane, qtbot)
    assert pane.payload is not None and len(pane.payload.items) == len(records) - 1

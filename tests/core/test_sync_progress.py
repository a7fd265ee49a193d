"""Setting up and joining say how far they have come (core.sync.Progress, from the thread
that runs them): the first round's preparing, writing and snapshot against the journal's
size, and a join's items received against the inviter's count."""

from __future__ import annotations

from kintsugi.core import sync
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.sync import engine
from kintsugi.core.vault import Vault
from tests.helpers import FAST_KDF, PASSPHRASE


def _steps(reports):
    return [step for step, _, _ in reports]


def test_setting_up_and_joining_report_their_progress(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "BATCH", 3)
    monkeypatch.setattr(engine, "FLUSH", 2)
    monkeypatch.setattr(engine, "SNAPSHOT_EVERY", 2)
    folder = tmp_path / "folder"
    folder.mkdir()
    with Vault.create(tmp_path / "a.kintsugi", PASSPHRASE, params=FAST_KDF) as a:
        for n in range(7):
            EntryRepository(a.db).add(Entry(title=f"t{n}", body=f"entry {n}"))
        reports: list[tuple[str, int, int]] = []
        code = sync.setup(a, folder, progress=lambda *r: reports.append(r))
        for step in (engine.PREPARE, engine.SEND, engine.SNAPSHOT):
            mine = [(done, total) for s, done, total in reports if s == step]
            assert len(mine) >= 2, step  # a figure per batch, not one at the end
            assert all(total == 7 and 0 < done <= 7 for done, total in mine)
            assert [d for d, _ in mine] == sorted(d for d, _ in mine)  # never backwards
            assert mine[-1] == (7, 7)
        # (prepared, then written, then summed up for new computers)
        assert _steps(reports) == sorted(
            _steps(reports), key=[engine.PREPARE, engine.SEND, engine.SNAPSHOT].index
        )
        with Vault.create(tmp_path / "b.kintsugi", PASSPHRASE, params=FAST_KDF) as b:
            got: list[tuple[str, int, int]] = []
            sync.join(b, folder, code, progress=lambda *r: got.append(r))
            received = [(done, total) for s, done, total in got if s == engine.RECEIVE]
            assert len(received) >= 2 and received[-1] == (7, 7)
            assert all(0 < done <= total == 7 for done, total in received)
            assert len(Items(b.db).timeline()) == 7
        # a round without one says nothing (and costs nothing more)
        assert sync.run_round(a).sent == 0

"""Setting up and joining a large journal take minutes: the dialog shows how far they have
come ("Preparing 12,000 of 100,000 items…"), reported from the worker while the window stays
responsive; locking meanwhile (the person, the screen, sleep) drops the key and leaves a
journal that opens and syncs on, never a traceback. The worker is held in the middle of its
work (at its first report), so "long" needs no large journal."""

from __future__ import annotations

import re
import threading

import pytest

from kintsugi.core import kdf, sync
from kintsugi.core.errors import KintsugiError
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.sync import engine
from kintsugi.core.vault import Vault
from kintsugi.ui.messages import describe, unexpected
from kintsugi.ui.sync.progress import ProgressRelay
from kintsugi.ui.workers import wait_for_background
from tests.helpers import FAST_KDF, PASSPHRASE, unlock

FIGURE = re.compile(r"^(Preparing|Writing|Receiving) \d+ of \d+ items…$|summary")


@pytest.fixture
def held(monkeypatch):
    """The worker stops at its first progress report until ``gate`` is set."""
    monkeypatch.setattr(engine, "BATCH", 3)
    monkeypatch.setattr(engine, "FLUSH", 2)
    reached, gate = threading.Event(), threading.Event()
    real = ProgressRelay.report

    def report(self, step: str, done: int, total: int) -> None:
        real(self, step, done, total)
        if not reached.is_set():
            reached.set()
            gate.wait(30)

    monkeypatch.setattr(ProgressRelay, "report", report)
    yield reached, gate
    gate.set()


def _start_setup(window, qtbot, folder):
    for n in range(7):
        EntryRepository(window.session.database()).add(Entry(title=f"t{n}", body="words"))
    window.on_settings()
    window.dialog.elsewhere_button.click()
    dialog = window.sync_actions.sync_dialog
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    dialog.folder.edit.setText(str(folder))
    dialog.start_button.click()
    return dialog


def test_setting_up_shows_how_far_it_has_come_while_the_window_answers(
    window, qtbot, tmp_path, held
):
    reached, gate = held
    folder = tmp_path / "Sync"
    folder.mkdir()
    dialog = _start_setup(window, qtbot, folder)
    assert reached.wait(20)
    # the worker is held; the window still answers and shows the figure it reported
    qtbot.waitUntil(lambda: dialog.progress.isVisible(), timeout=10_000)
    assert dialog.progress.text() == "Preparing 2 of 7 items…"
    assert "Getting the folder ready" in dialog.message.text()
    dialog.reject()
    assert dialog.isVisible()  # the code is on its way: the dialog waits for it
    gate.set()
    qtbot.waitUntil(lambda: not dialog.setting_up, timeout=30_000)
    assert dialog.pages.currentWidget() is dialog.code_page
    assert not dialog.progress.isVisible()


def test_locking_while_setting_up_drops_the_key_and_the_journal_syncs_on(
    window, qtbot, tmp_path, held, monkeypatch
):
    reached, gate = held
    folder = tmp_path / "Sync"
    folder.mkdir()
    vault = window.session.vault
    path = vault.path
    ended: list[BaseException] = []
    real_setup = sync.setup

    def setup(*args, **kwargs):
        try:
            return real_setup(*args, **kwargs)
        except BaseException as exc:
            ended.append(exc)
            raise

    monkeypatch.setattr(sync, "setup", setup)
    dialog = _start_setup(window, qtbot, folder)
    assert reached.wait(20)
    window.lock()  # Ctrl+L while the folder is being made ready
    assert window.session.vault is None and vault.locked
    assert window.screens.currentWidget() is window.unlock
    assert not dialog.isVisible()  # it went with everything else
    gate.set()  # the worker goes on: its next step finds the journal locked
    assert wait_for_background()
    qtbot.wait(50)  # (its end reaches the gone dialog: nothing to show, no traceback)
    assert len(ended) == 1 and isinstance(ended[0], KintsugiError)  # a calm error
    assert describe(ended[0]) != unexpected()
    assert vault._key is None  # the key was overwritten
    with Vault.open(path, PASSPHRASE) as v:
        assert v.check() == []
        assert sync.status(v) is not None  # set up, its first round not finished
        sync.run_round(v)  # the next round goes on from there
        with Vault.create(tmp_path / "b.kintsugi", PASSPHRASE, params=FAST_KDF) as b:
            sync.join(b, folder, sync.setup(v, folder))  # (a new code: the first was not shown)
            assert len(Items(b.db).timeline()) == 7


def test_the_screen_locking_while_joining_locks_the_journal_once_it_is_made(
    make_window, qtbot, tmp_path, held, monkeypatch
):
    reached, gate = held
    monkeypatch.setattr(kdf, "calibrate", lambda *a, **k: FAST_KDF)
    folder = tmp_path / "Sync"
    folder.mkdir()
    with Vault.create(tmp_path / "a.kintsugi", PASSPHRASE, params=FAST_KDF) as a:
        for n in range(7):
            EntryRepository(a.db).add(Entry(title=f"t{n}", body="words"))
        code = sync.setup(a, folder, "laptop")
    gate.clear()
    reached.clear()  # (setting up the other one reported too)
    path = tmp_path / "here" / "journal.kintsugi"
    w = make_window(path)
    w.welcome.join_button.click()
    dialog = w.sync_actions.join_dialog
    dialog.folder.edit.setText(str(folder))
    dialog.code.setText(code)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    dialog.buttons.accepted.emit()
    assert reached.wait(20)
    qtbot.waitUntil(lambda: dialog.progress.isVisible(), timeout=10_000)
    assert dialog.progress.text() == "Receiving 3 of 7 items…"
    w.on_system_lock()  # the screen locks (or the computer sleeps) meanwhile
    gate.set()
    qtbot.waitUntil(lambda: not w.session.opening, timeout=30_000)
    assert w.session.vault is None and not w.session.is_open  # never opened unlocked
    assert w.screens.currentWidget() is w.unlock
    unlock(qtbot, w)  # it opens with the passphrase chosen, every entry there
    assert len(Items(w.session.database()).timeline()) == 7
    assert w.session.vault.check() == []

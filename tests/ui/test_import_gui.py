"""File → Import in the app: streamed on a worker, with a progress dialog; a refusal is one
calm line and keeps nothing."""

from __future__ import annotations

import json
import threading

from kintsugi.core import transfer
from kintsugi.core.repo.items import Items
from kintsugi.ui import channel


def test_import_shows_progress_from_the_worker_and_refuses_cleanly(window, qtbot, tmp_path):
    pane = window.share
    entries = [{"date": "2024-01-01", "time": "10:00", "body": f"n{i}"} for i in range(2500)]
    path = tmp_path / "jrnl.json"
    path.write_text(json.dumps({"entries": entries}))
    seen, threads = [], set()
    original = pane._on_import_progress

    def spy(done, total, items):
        threads.add(threading.get_ident())
        seen.append((done, total, items))
        original(done, total, items)

    pane._on_import_progress = spy
    with qtbot.waitSignal(channel.bridge().shown, timeout=30_000) as blocker:
        pane.import_file(path)
        dialog = pane.progress
        assert dialog is not None and dialog.maximum() == 1000
    assert "Imported 2500 items" in blocker.args[0].text
    assert seen and seen[-1][0] == seen[-1][1] == path.stat().st_size and seen[-1][2] == 2500
    assert threads == {threading.main_thread().ident}  # the dialog is updated on the UI thread
    assert pane.progress is None
    db = window.session.database()
    count = len(Items(db).timeline(limit=10_000))

    entries[1800]["date"] = "2024-13-45"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"entries": entries}))
    with qtbot.waitSignal(channel.bridge().shown, timeout=30_000) as blocker:
        pane.import_file(bad)
    assert blocker.args[0].level is channel.Level.ERROR
    assert blocker.args[0].text.startswith("bad.json: entry 1801: date: the date '2024-13-45'")
    assert "\n" not in blocker.args[0].text and pane.progress is None
    assert len(Items(db).timeline(limit=10_000)) == count


def test_cancel_in_the_progress_dialog_keeps_nothing_and_the_summary_follows(
    window, qtbot, tmp_path, monkeypatch
):
    """Cancel in File → Import's progress dialog: the worker stops at its next batch, the
    one transaction is rolled back (nothing half-imported), and a calm line says so. Then
    the whole file, and again: the summary says what is new and what was already here."""
    pane = window.share
    db = window.session.database()
    before = len(Items(db).timeline(limit=10_000))
    entries = [{"date": "2024-01-01", "time": "10:00", "body": f"n{i}"} for i in range(5000)]
    path = tmp_path / "jrnl.json"
    path.write_text(json.dumps({"entries": entries}))
    original = pane._on_import_progress
    pressed = threading.Event()

    def cancel_on_first(done, total, items):  # on the UI thread
        original(done, total, items)
        if items and pane.progress is not None and not pressed.is_set():
            from PySide6.QtWidgets import QPushButton

            pane.progress.findChild(QPushButton).click()  # the dialog's Cancel button
            pressed.set()

    real_import = transfer.import_path

    def import_path(db, path, *, progress, **kw):  # the worker waits for the press once
        def heard(p):
            progress(p)
            if p.items:
                pressed.wait(10)
            return not pane._cancelled

        return real_import(db, path, progress=heard, **kw)

    pane._on_import_progress = cancel_on_first
    monkeypatch.setattr(transfer, "import_path", import_path)
    with qtbot.waitSignal(channel.bridge().shown, timeout=30_000) as blocker:
        pane.import_file(path)
    assert blocker.args[0].text == "The import was stopped; nothing was imported."
    assert len(Items(db).timeline(limit=10_000)) == before
    pane._on_import_progress = original
    monkeypatch.setattr(transfer, "import_path", real_import)
    with qtbot.waitSignal(channel.bridge().shown, timeout=60_000) as blocker:
        pane.import_file(path)
    assert blocker.args[0].text == "Imported 5000 items: 5,000 new, 0 already here."
    with qtbot.waitSignal(channel.bridge().shown, timeout=60_000) as blocker:
        pane.import_file(path)
    assert blocker.args[0].text == "Imported 0 items: 0 new, 5,000 already here."


def test_an_encrypted_jrnl_journal_asks_for_its_password(window, qtbot, monkeypatch):
    """File → Import on jrnl 4.6's encrypted journal asks for the password (a password
    field), imports with it, and a wrong one is one calm line with nothing imported."""
    from pathlib import Path

    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from kintsugi.ui import file_actions

    path = Path(__file__).resolve().parent.parent / "data" / "imports" / "jrnl-4.6-encrypted.txt"
    asked = []
    answers = iter(["wrong password", "correct horse"])

    def fake_get_text(parent, title, label, mode=QLineEdit.Normal, *a, **k):
        asked.append((title, mode))
        return next(answers), True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(fake_get_text))
    monkeypatch.setattr(file_actions, "ask_open", lambda *a, **k: path)
    db = window.session.database()
    before = len(Items(db).timeline(limit=10_000))
    with qtbot.waitSignal(channel.bridge().shown, timeout=30_000) as blocker:
        window.file_actions.on_import()
    assert asked == [("jrnl password", QLineEdit.Password)]
    assert "does not open this encrypted jrnl journal" in blocker.args[0].text
    assert len(Items(db).timeline(limit=10_000)) == before
    with qtbot.waitSignal(channel.bridge().shown, timeout=30_000) as blocker:
        window.file_actions.on_import()
    assert blocker.args[0].text == "Imported 3 items: 3 new, 0 already here."
    assert len(Items(db).timeline(limit=10_000)) == before + 3

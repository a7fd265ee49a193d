"""File → Import in the app: streamed on a worker, with a progress dialog; a refusal is one
calm line and keeps nothing."""

from __future__ import annotations

import json
import threading

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
    assert "Imported 2500 item(s)" in blocker.args[0].text
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

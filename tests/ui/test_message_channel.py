"""One message channel (ui/channel.py): info, warning, error and progress each show in one
place; the save-state label shows only save state; the share pane's `exported` carries no
failure; an unexpected exception is one calm line, and only its type reaches the log."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt

from kintsugi.core.vault import backup_dir_for
from kintsugi.ui import channel
from tests.helpers import unlock


def test_each_kind_of_message_shows_in_the_one_place(window, qtbot):
    window.save_state.setText("Saved")
    for say, level in ((channel.info, ""), (channel.warning, ""), (channel.error, "error")):
        say(f"a {say.__name__}")
        assert window.notice.text() == f"a {say.__name__}"
        assert window.notice.property("role") == level
        assert window.notice.textFormat() == Qt.TextFormat.PlainText
    assert window.save_state.text() == "Saved"  # messages never touch the save state


def test_no_backup_today_is_not_overwritten_by_typing(make_window, existing_vault, qtbot):
    backup_dir_for(existing_vault).parent.mkdir(parents=True, exist_ok=True)
    backup_dir_for(existing_vault).write_text("a file where the backups folder should be")
    window = make_window(existing_vault)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.notice.text().startswith("No backup today"), timeout=10_000)
    said = window.notice.text()
    window.journal.editor.body.setPlainText("typing after the backup failed")
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=10_000)
    assert window.notice.text() == said  # "Editing…" and "Saved" went to the save state


def test_progress_shows_beside_the_notice_and_ends(window, qtbot):
    channel.progress("Working it out…")
    assert window.progress.isVisible() and window.notice.text() == "Working it out…"
    channel.progress_done()
    assert not window.progress.isVisible() and window.notice.text() == ""
    channel.progress("Importing…", 3, 10)
    assert (window.progress.value(), window.progress.maximum()) == (3, 10)
    channel.warning("something to know")  # a message that came meanwhile stays
    channel.progress_done()
    assert window.notice.text() == "something to know"
    window.show_pane(window.insights)
    with qtbot.waitSignal(channel.bridge().progress_ended, timeout=20_000):
        window.insights.refresh()
    assert not window.progress.isVisible()


def test_a_failed_export_is_an_error_message_and_never_exported(window, qtbot, tmp_path):
    pane = window.share
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with (
        qtbot.assertNotEmitted(pane.exported, wait=200),
        qtbot.waitSignal(channel.bridge().shown, timeout=20_000) as told,
    ):
        pane.export("md", blocked / "shared.md", label="Dr. Rivera", records=[])
    assert told.args[0].level is channel.Level.ERROR
    assert window.notice.property("role") == "error"
    out = tmp_path / "shared.md"
    with qtbot.waitSignal(pane.exported, timeout=20_000) as done:
        pane.export("md", out, label="Dr. Rivera", records=[])
    assert done.args[0] == out and window.notice.text() == "Exported to shared.md"


CHILD = textwrap.dedent("""
    import json, logging, os, sys
    from pathlib import Path
    from PySide6.QtCore import QObject, QTimer, Signal
    from kintsugi.ui import channel
    from kintsugi.ui.app import make_app
    from kintsugi.ui.main_window import MainWindow
    from kintsugi.ui.session import Session

    logging.basicConfig(filename=sys.argv[2], level=logging.DEBUG)
    app = make_app()
    channel.install_excepthook()
    window = MainWindow(Session(Path(sys.argv[1])))
    window.show()

    class Button(QObject):
        clicked = Signal()

    def slot():
        raise ValueError("what I wrote: " + os.environ["KINTSUGI_TEST_MARK"])

    button = Button()
    button.clicked.connect(slot)
    QTimer.singleShot(0, button.clicked.emit)  # from the event loop, as a click would be
    QTimer.singleShot(300, app.quit)
    app.exec()
    print(json.dumps({"notice": window.notice.text(), "role": window.notice.property("role"),
                      "calm": channel.calm_line(), "alive": True}))
""")


def test_an_unexpected_exception_is_one_calm_line_and_its_type_alone_is_logged(
    tmp_path, private_home
):
    mark = "MARK-" + os.urandom(8).hex()
    log = tmp_path / "kintsugi.log"
    env = dict(os.environ, KINTSUGI_TEST_MARK=mark, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "journal.kintsugi"), str(log)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    seen = json.loads(r.stdout.strip().splitlines()[-1])
    assert seen["notice"] == seen["calm"] and seen["role"] == "error"
    assert "\n" not in seen["notice"]
    assert "ValueError" in log.read_text()  # the type, for whoever reads the log
    assert mark not in r.stdout and mark not in r.stderr and "Traceback" not in r.stderr
    for folder in (tmp_path, private_home):
        for f in folder.rglob("*"):
            if f.is_file():
                assert mark.encode() not in f.read_bytes(), f


def test_a_check_in_form_that_cannot_add_or_schedule_says_so_as_a_message(
    window, qtbot, monkeypatch
):
    """A boundary whose first words cannot be kept says so as its save state (not saved, and
    why), and stays unsaved; a reminder that could not be kept is an error message on the one
    channel (the form's own label keeps to its save state)."""
    from kintsugi.core import errors
    from kintsugi.core.repo.boundaries import BoundaryRepository
    from kintsugi.core.schedule import ScheduleStore
    from kintsugi.ui.messages import describe

    def full(*_args, **_kwargs):
        raise errors.DiskFull()

    tabs = window.checkins
    window.show_pane(tabs)
    monkeypatch.setattr(BoundaryRepository, "add", full)
    tabs.boundaries.new_record()  # an empty form: nothing is added before the first words
    tabs.boundaries.text.setPlainText("We tell each other where we are.")
    assert tabs.boundaries.autosaver.save_now() is False
    qtbot.waitUntil(
        lambda: tabs.boundaries.state.text() == describe(errors.DiskFull()), timeout=10_000
    )
    assert tabs.boundaries.list.count() == 0  # nothing was added
    tabs.boundaries.autosaver.reset()  # the words stay unsaved: lock would ask about them

    window.show_message(None)
    monkeypatch.setattr(ScheduleStore, "set", full)
    checkin = tabs.checkin
    before = checkin.state.text()
    with qtbot.waitSignal(channel.bridge().shown, timeout=10_000) as told:
        checkin.schedule.cadence.setCurrentIndex((checkin.schedule.cadence.currentIndex() + 1) % 2)
    assert told.args[0].level is channel.Level.ERROR
    assert window.notice.text() == describe(errors.DiskFull())
    assert checkin.state.text() == before

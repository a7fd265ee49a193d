"""The journal editor: typing saves as you go (a throttle, never waiting for the disk), undo,
switching entries, a draft surviving a kill, and the queued save committed before a lock."""

import signal
import subprocess
import sys
import textwrap

from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.vault import Vault
from tests.helpers import PASSPHRASE, type_entry, unlock


def test_write_autosave_restart_and_find_it(make_window, window, qtbot):
    entry_id = type_entry(qtbot, window, "First evening", "We *talked* for an hour.")
    assert entry_id is not None and not window.journal.editor.dirty
    assert window.journal.model.rowCount() == 1
    qtbot.keyClicks(window.journal.editor.tags, "therapy, hope")
    window.journal.editor.share.setChecked(True)
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=5_000)
    path = window.session.path
    window.close()  # saves and locks
    again = make_window(path)
    unlock(qtbot, again)
    again.journal.show_journal()  # it opens on the quiet page; the person chooses
    assert again.journal.model.rowCount() == 1
    editor = again.journal.editor
    assert editor.title.text() == "First evening"
    assert editor.body.toPlainText() == "We *talked* for an hour."
    assert editor.share.isChecked() and editor.tags.text() == "hope, therapy"
    editor.preview_button.click()
    assert "talked" in editor.preview.toPlainText() and "*" not in editor.preview.toPlainText()


def test_undo_redo_in_the_editor(window, qtbot):
    editor = window.journal.editor
    window.on_new_entry()
    qtbot.keyClicks(editor.body, "hello")
    editor.body.undo()
    assert editor.body.toPlainText() == ""
    editor.body.redo()
    assert editor.body.toPlainText() == "hello"


def test_switching_entries_saves_at_once(window, qtbot):
    first = type_entry(qtbot, window, "One", "first")
    type_entry(qtbot, window, "Two", "second")
    editor = window.journal.editor
    editor.body.setPlainText("second, changed")
    window.journal.select_row(window.journal.model.row_of(first))  # before the autosave
    assert editor.entry_id == first
    assert EntryRepository(window.session.vault.db).get(first + 1).body == "second, changed"


DRAFT = textwrap.dedent("""
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtTest import QTest
    from kintsugi.ui.app import make_app
    from kintsugi.ui.main_window import MainWindow
    from kintsugi.ui.session import Session
    app = make_app()
    w = MainWindow(Session(Path(sys.argv[1])))
    w.show()
    w.unlock.passphrase.setText(sys.argv[2])
    w.unlock.unlock_button.click()
    while w.screens.currentWidget() is not w.workspace:
        QTest.qWait(20)
    w.on_new_entry()
    QTest.keyClicks(w.journal.editor.body, "Words typed before the crash. ")
    # No save was asked for: only the autosave can have kept this. "Saved" is the promise.
    for _ in range(250):
        if w.save_state.text() == "Saved":
            break
        QTest.qWait(20)
    print(repr(w.save_state.text()), repr(w.journal.editor.body.toPlainText()), flush=True)
    QTest.keyClicks(w.journal.editor.body, "And these were still being typed")
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_a_draft_survives_killing_the_app_mid_typing(existing_vault):
    result = subprocess.run(
        [sys.executable, "-c", DRAFT, str(existing_vault), PASSPHRASE],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert result.stdout.strip() == "'Saved' 'Words typed before the crash. '"
    with Vault.open(existing_vault, PASSPHRASE) as v:
        from kintsugi.core.repo.items import Items

        items = Items(v.db).timeline()
        assert len(items) == 1
        body = EntryRepository(v.db).get(items[0].id).body
    assert body.startswith("Words typed before the crash. ")  # what "Saved" acknowledged


def _hold_the_writer(vault, release, *, in_transaction=True):
    """Keep the vault's writer thread busy until ``release`` is set; inside a write
    transaction, so that any save the UI thread tried itself would hang the test."""

    def hold():
        if in_transaction:
            with vault.db.transaction():
                release.wait(20)
        else:
            release.wait(20)

    vault.writer.submit(hold)


def test_saved_only_after_the_commit_and_typing_never_waits_for_the_disk(window, qtbot):
    import threading

    from kintsugi.core.repo.items import Items

    editor, vault, release = window.journal.editor, window.session.vault, threading.Event()
    window.on_new_entry()
    _hold_the_writer(vault, release)
    qtbot.keyClicks(editor.body, "typed while the disk is busy")
    qtbot.wait(1500)  # the autosave has fired: its save waits in the writer's queue
    assert editor.autosaver.pending == 1 and window.save_state.text() == "Saving…"
    qtbot.keyClicks(editor.body, " and more")  # the UI thread is free: typing goes on
    assert editor.body.toPlainText().endswith("and more")
    assert window.save_state.text() == "Editing…"
    release.set()
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=10_000)
    assert editor.autosaver.pending == 0 and not editor.dirty
    assert len(Items(vault.db).timeline()) == 1  # the second save found the first's id
    body = EntryRepository(vault.db).get(editor.entry_id).body
    assert body == "typed while the disk is busy and more"


def test_locking_commits_the_queued_save_first(window, qtbot):
    import threading

    editor, vault, release = window.journal.editor, window.session.vault, threading.Event()
    path = window.session.path
    window.on_new_entry()
    _hold_the_writer(vault, release, in_transaction=False)
    qtbot.keyClicks(editor.body, "queued when the lock came")
    qtbot.wait(1500)
    assert editor.autosaver.pending == 1
    threading.Timer(0.3, release.set).start()
    window.session.lock()
    assert editor.body.toPlainText() == ""  # the view is cleared
    with Vault.open(path, PASSPHRASE) as v:
        from kintsugi.core.repo.items import Items

        (item,) = Items(v.db).timeline()
        assert EntryRepository(v.db).get(item.id).body == "queued when the lock came"

import json
import signal
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication

from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.vault import Vault
from kintsugi.ui.search.pane import SearchResultsModel
from kintsugi.ui.widgets.timeline_model import TimelineModel
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock


def type_entry(qtbot, window, title, body):
    editor = window.journal.editor
    window.on_new_entry()
    qtbot.keyClicks(editor.title, title)
    qtbot.keyClicks(editor.body, body)
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=5_000)
    return editor.entry_id


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


def test_search_as_you_type_opens_the_result(window, qtbot):
    type_entry(qtbot, window, "Lake", "Walked around the lake with my sister")
    target = type_entry(qtbot, window, "Letter", "I wrote the letter I never sent")
    window.find_action.trigger()
    assert window.panes.currentWidget() is window.search
    qtbot.keyClicks(window.search.query, "lett")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5_000)
    hit = window.search.model.index(0).data(SearchResultsModel.HitRole)
    assert hit.id == target and hit.snippet[slice(*hit.highlights[0])].lower() == "letter"
    window.journal.select_row(window.journal.model.rowCount() - 1)  # look elsewhere first
    window.search.on_result_activated(window.search.model.index(0))
    assert window.panes.currentWidget() is window.journal
    assert window.journal.editor.entry_id == target


def test_search_filters(window, qtbot):
    type_entry(qtbot, window, "Tagged", "the garden again")
    qtbot.keyClicks(window.journal.editor.tags, "garden")
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=5_000)
    type_entry(qtbot, window, "Untagged", "the garden")
    window.search.on_unlocked()
    window.search.query.setText("garden")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 2, timeout=5_000)
    window.search.tag.setCurrentText("garden")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5_000)
    window.search.tag.setCurrentText("")
    window.search.kind.setCurrentIndex(window.search.kind.findData("trigger"))
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 0, timeout=5_000)
    assert "Nothing found" in window.search.status.text()


def test_delete_undo_and_trash(window, qtbot):
    keep = type_entry(qtbot, window, "Keep", "stays")
    gone = type_entry(qtbot, window, "Gone", "goes")
    window.journal.delete_current()
    assert window.journal.model.row_of(gone) == -1 and window.banner.isVisible()
    window.banner.button.click()
    assert window.journal.model.row_of(gone) >= 0 and not window.banner.isVisible()
    window.journal.select_row(window.journal.model.row_of(gone))
    window.journal.delete_current()
    window.on_trash()
    trash = window.dialog
    assert trash.list.count() == 1
    trash.list.setCurrentRow(0)
    trash.restore_button.click()
    assert window.journal.model.row_of(gone) >= 0 and trash.list.count() == 0
    window.journal.select_row(window.journal.model.row_of(gone))
    window.journal.delete_current()
    trash.reload()
    with qtbot.waitSignal(trash.emptied, timeout=10_000):
        trash.on_empty_clicked(confirm=False)
    from kintsugi.core import backups

    kept = backups.list_backups(backups.backup_folder(window.session.vault))
    assert any(b.reason == "before-empty-trash" for b in kept)
    assert trash.list.count() == 0 and trash.empty_note.isVisible() is not None
    assert [i.id for i in window.session.items().timeline()] == [keep]
    assert window.session.items().trash() == []


def test_lock_clears_every_view_and_our_clipboard(window, qtbot):
    type_entry(qtbot, window, "Private", "nobody should see this")
    window.search.query.setText("nobody")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5_000)
    window.activateWindow()
    window.journal.editor.body.selectAll()
    window.journal.editor.body.copy()
    assert QGuiApplication.clipboard().text() == "nobody should see this"
    window.lock_action.trigger()
    assert not window.session.is_open and window.screens.currentWidget() is window.unlock
    editor = window.journal.editor
    assert (editor.title.text(), editor.body.toPlainText(), editor.tags.text()) == ("", "", "")
    assert not editor.body.document().isUndoAvailable()
    assert window.journal.model.rowCount() == 0 and window.search.model.rowCount() == 0
    assert window.search.query.text() == "" and window.unlock.passphrase.text() == ""
    assert QGuiApplication.clipboard().text() == ""
    assert window.windowTitle() == "Kintsugi"


def test_lock_leaves_someone_elses_clipboard_alone(window, qtbot):
    type_entry(qtbot, window, "Mine", "copied by me")
    window.journal.editor.body.selectAll()
    window.journal.editor.body.copy()
    clipboard = QGuiApplication.clipboard()
    clipboard.blockSignals(True)  # another application takes the clipboard: we are not told
    clipboard.setText("from another app")
    clipboard.blockSignals(False)
    window.lock()
    assert clipboard.text() == "from another app"


def test_auto_lock_fires_when_idle(window, qtbot):
    type_entry(qtbot, window, "Idle", "then I walked away")
    window.journal.editor.body.setPlainText("then I walked away, unsaved")  # not yet saved
    window.idle.set_interval_ms(300)
    with qtbot.waitSignal(window.session.locked, timeout=5_000):
        pass
    assert window.screens.currentWidget() is window.unlock
    unlock(qtbot, window)
    assert window.journal.editor.body.toPlainText() == "then I walked away, unsaved"


def test_settings_persist_inside_the_vault(window, qtbot, make_window):
    window.on_settings()
    dialog = window.dialog
    dialog.autolock.setValue(12)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(150))
    dialog.first_day.setCurrentIndex(dialog.first_day.findData(7))
    body_before = window.journal.editor.body.font().pointSizeF()
    dialog.on_accepted()
    assert window.journal.editor.body.font().pointSizeF() == pytest.approx(body_before * 1.5, 0.02)
    path = window.session.path
    window.close()
    again = make_window(path)
    unlock(qtbot, again)
    assert (
        again.settings.autolock_minutes,
        again.settings.theme,
        again.settings.text_size,
        again.settings.first_day_of_week,
    ) == (12, "dark", 150, 7)
    assert again.journal.jump.calendarWidget().firstDayOfWeek().value == 7
    again.on_settings()
    again.dialog.theme.setCurrentIndex(again.dialog.theme.findData("light"))
    again.dialog.on_accepted()


def test_change_passphrase_and_new_recovery_key_from_settings(window, qtbot, make_window):
    type_entry(qtbot, window, "Before", "kept through the re-key")
    old_rk = window.session.vault.recovery_key()
    window.on_settings()
    window.dialog.open_passphrase_dialog(False)
    change = window.dialog.passphrase_dialog
    change.current.setText("wrong")
    change.new.setText("another fine passphrase")
    change.repeat.setText("another fine passphrase")
    change.on_accepted()
    qtbot.waitUntil(lambda: change.message.text() != "", timeout=10_000)
    assert "not the current" in change.message.text()
    change.current.setText(PASSPHRASE)
    with qtbot.waitSignal(change.accepted, timeout=20_000):
        change.on_accepted()
    assert window.session.vault.recovery_key() != old_rk
    settings = window.dialog
    settings.open_passphrase_dialog(True)
    fresh = settings.passphrase_dialog
    fresh.current.setText("another fine passphrase")
    with qtbot.waitSignal(settings.recovery_key_made, timeout=20_000):
        fresh.on_accepted()
    assert window.dialog.recovery_key == window.session.vault.recovery_key()
    window.dialog.accept()
    type_entry(qtbot, window, "After", "still saving")
    window.close()
    again = make_window(window.session.path)
    unlock(qtbot, again, "another fine passphrase")
    assert again.journal.model.rowCount() == 2


def _fill(vault_path, n, start=datetime(2026, 1, 1, 9)):
    with Vault.open(vault_path, PASSPHRASE) as v:
        repo = EntryRepository(v.db)
        with v.db.transaction():
            for i in range(n):
                repo.add(
                    Entry(
                        title=f"day {i}",
                        body=f"body {i}",
                        occurred_at=(start + timedelta(hours=12 * i)).astimezone(),
                    )
                )


def test_timeline_model_is_lazy_and_sound(existing_vault, make_window, qtbot, qtmodeltester):
    _fill(existing_vault, 450)
    w = make_window(existing_vault)
    unlock(qtbot, w)
    model = w.journal.model
    assert model.rowCount() == TimelineModel.PAGE and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450
    titles = [model.index(r).data() for r in range(3)]
    assert titles == ["day 449", "day 448", "day 447"]
    assert model.index(0).data(TimelineModel.DayStartRole)
    assert not model.index(1).data(TimelineModel.DayStartRole)  # same day, two entries


def test_previous_next_day_and_jump(existing_vault, make_window, qtbot):
    _fill(existing_vault, 300)
    w = make_window(existing_vault)
    unlock(qtbot, w)
    j = w.journal
    assert j.editor.title.text() == "day 299"
    j.step_day(-1)
    assert j.editor.title.text() == "day 297"
    j.step_day(+1)
    assert j.editor.title.text() == "day 299"
    j.jump.setDate(QDate(2026, 1, 10))
    assert j.editor.title.text() == "day 19" and j.newest_button.isVisible()
    j.open_entry(w.session.items().timeline(limit=1)[0].id)
    j.back_to_newest()
    assert j.editor.title.text() == "day 299" and not j.newest_button.isVisible()
    j.jump.setDate(QDate(2025, 1, 1))  # before the first entry: nothing to show, no error
    assert j.model.rowCount() == 0


def test_search_results_model(window, qtbot, qtmodeltester):
    type_entry(qtbot, window, "One", "apples and pears")
    window.search.query.setText("apples")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5_000)
    qtmodeltester.check(window.search.model)
    assert json.dumps(window.search.model.index(0).data()) != ""


def test_a_saved_row_that_keeps_its_place_is_changed_in_place(qapp):
    """Autosaves (every second while typing) must not remove and re-insert the row: the
    view would measure every loaded row again each time."""
    from dataclasses import replace

    from kintsugi.core.records import ItemSummary

    day = datetime(2026, 5, 10, 9).astimezone()
    rows = [ItemSummary(n, "entry", day - timedelta(days=n), f"t{n}", "", False) for n in (1, 2, 3)]
    model = TimelineModel()
    model.set_source(lambda after, limit: rows if after is None else [])
    model.fetchMore()
    moved, changed = [], []
    model.rowsRemoved.connect(lambda *a: moved.append(a))
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    assert model.upsert(replace(rows[1], title="retitled")) == 1
    assert not moved and changed == [(1, 1)]
    assert model.summary_at(1).title == "retitled"
    assert model.upsert(replace(rows[2], occurred_at=day + timedelta(hours=1))) == 0  # newest
    assert moved and [model.summary_at(r).id for r in range(3)] == [3, 1, 2]

"""Use on another computer, through the real stack (a real vault, the real sync engine, a
real folder): setting up from Settings shows the pairing code large, in groups, copyable;
joining from the welcome screen brings the other computer's entries; rounds run by
themselves (a watch on the folder) and once more on lock; the status bar says when it last
synced or what is wrong; entries with two versions have their own list, side by side."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kintsugi.core import kdf, sync
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import Vault
from kintsugi.ui.sync.controller import SyncController
from kintsugi.ui.sync.pairing import grouped
from tests.helpers import FAST_KDF, PASSPHRASE, assert_accessible, type_entry


def _titles(db):
    return sorted(s.title for s in Items(db).timeline(limit=1000))


@pytest.fixture
def other(tmp_path):
    """The other computer's journal (core only), closed at the end."""
    opened = []

    def make(name="other"):
        v = Vault.create(tmp_path / name / "journal.kintsugi", PASSPHRASE, params=FAST_KDF)
        opened.append(v)
        return v

    yield make
    for v in opened:
        v.lock()


def _start_syncing(window, folder, qtbot):
    """As Settings → Use on another computer does."""
    code = sync.setup(window.session.vault, folder, "this laptop")
    window.sync.on_unlocked()
    qtbot.waitUntil(lambda: window.sync.syncing and window.sync.rounds >= 1, timeout=20_000)
    return code


def test_setting_up_from_settings_shows_the_pairing_code_and_rounds_start(
    window, qtbot, tmp_path, other
):
    folder = tmp_path / "Sync"
    folder.mkdir()
    type_entry(qtbot, window, "written here first", "words")
    window.on_settings()
    window.dialog.elsewhere_button.click()
    dialog = window.sync_actions.sync_dialog
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    assert_accessible(dialog)
    dialog.folder.edit.setText(str(folder))
    dialog.start_button.click()
    # while the folder is made ready the dialog says so, and stays open for the code
    assert "Getting the folder ready" in dialog.message.text()
    dialog.reject()
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.setting_up, timeout=30_000)
    assert dialog.pages.currentWidget() is dialog.code_page
    assert dialog.message.text() == ""
    code = dialog.code.code
    assert re.fullmatch(r"([0-9A-Z]{4}-){7}[0-9A-Z]{4}", code)
    assert dialog.code.label.text() == code.replace("-", " ")  # in groups, as read aloud
    assert dialog.code.label.font().pointSizeF() > 1.5 * dialog.font().pointSizeF()  # large
    dialog.code.copy_button.click()
    assert QGuiApplication.clipboard().text() == code
    QGuiApplication.clipboard().clear()
    qtbot.waitUntil(lambda: window.sync.syncing and window.sync.rounds >= 1, timeout=20_000)
    assert window.sync_actions.sync_state.text() == "Synced just now"
    # the code is real: the other computer joins with it and gets the entry
    b = other()
    sync.join(b, folder, code, "desktop")
    assert _titles(b.db) == ["written here first"]
    dialog.reject()
    # one more computer (or a code lost): a new code from the computers' page
    window.sync_actions.open_sync_dialog()
    dialog = window.sync_actions.sync_dialog
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.status_page, timeout=10_000)
    qtbot.waitUntil(dialog.invite_button.isEnabled, timeout=10_000)
    dialog.invite_button.click()
    qtbot.waitUntil(lambda: not dialog.setting_up, timeout=30_000)
    assert dialog.pages.currentWidget() is dialog.code_page and dialog.code.code != code
    third = other("third")
    sync.join(third, folder, dialog.code.code, "old laptop")
    assert _titles(third.db) == ["written here first"]
    dialog.reject()


def test_joining_from_the_welcome_screen_brings_the_other_computers_entries(
    make_window, qtbot, tmp_path, other, monkeypatch
):
    monkeypatch.setattr(kdf, "calibrate", lambda *a, **k: FAST_KDF)  # a test-speed KDF
    folder = tmp_path / "Sync"
    folder.mkdir()
    a = other("a")
    for t in ("from the other computer", "and another"):
        EntryRepository(a.db).add(Entry(title=t, body="words"))
    code = sync.setup(a, folder, "laptop")
    path = tmp_path / "here" / "journal.kintsugi"
    w = make_window(path)
    assert w.screens.currentWidget() is w.welcome
    w.welcome.join_button.click()
    dialog = w.sync_actions.join_dialog
    assert_accessible(dialog)
    dialog.folder.edit.setText(str(folder))
    dialog.code.setText("0000-0000-0000-0000-0000-0000-0000-0000")  # a wrong code first
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "pairing code does not open" in dialog.message.text(), timeout=20_000)
    assert not path.exists() and not w.session.is_open  # nothing left half made
    dialog.code.setText(code.lower().replace("-", " "))  # as a person may type it
    with qtbot.waitSignal(w.session.unlocked, timeout=30_000):
        dialog.buttons.accepted.emit()
    assert w.screens.currentWidget() is w.workspace
    assert _titles(w.session.database()) == ["and another", "from the other computer"]
    qtbot.waitUntil(lambda: w.sync.syncing, timeout=10_000)


def test_rounds_run_by_themselves_and_once_more_on_lock(window, qtbot, tmp_path, other):
    folder = tmp_path / "Sync"
    folder.mkdir()
    code = _start_syncing(window, folder, qtbot)
    b = other()
    sync.join(b, folder, code, "desktop")
    EntryRepository(b.db).add(Entry(title="written on the desktop", body="words"))
    sync.run_round(b)  # its files land in the folder: the window's watch starts a round
    qtbot.waitUntil(
        lambda: "written on the desktop" in _titles(window.session.database()), timeout=30_000
    )
    assert window.sync_actions.sync_state.text() == "Synced just now"
    type_entry(qtbot, window, "written just before locking", "words")
    window.lock()  # saves, then one last round off the UI thread, then the key goes
    sync.run_round(b)
    assert "written just before locking" in _titles(b.db)


def test_what_another_computer_wrote_shows_without_moving_what_is_open(
    window, qtbot, tmp_path, other
):
    folder = tmp_path / "Sync"
    folder.mkdir()
    entry_id = type_entry(qtbot, window, "our evening", "We talked for an hour.")
    code = _start_syncing(window, folder, qtbot)
    b = other()
    sync.join(b, folder, code, "desktop")
    b_repo = EntryRepository(b.db)
    (b_item,) = Items(b.db).timeline()
    b_repo.add(Entry(title="written on the desktop", body="words"))
    b_repo.update(dataclasses.replace(b_repo.get(b_item.id), title="our long evening"))
    editor = window.journal.editor
    editor.body.setFocus()
    qtbot.keyClicks(editor.body, " Then we walked.")  # typing in the open entry meanwhile
    rounds = window.sync.rounds
    sync.run_round(b)
    window.sync.run_now()
    qtbot.waitUntil(lambda: window.sync.rounds > rounds, timeout=30_000)
    model = window.journal.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)  # the list shows it
    assert editor.entry_id == entry_id  # the same entry still open, the same one chosen
    assert window.journal.view.currentIndex().row() == model.row_of(entry_id)
    assert editor.title.text() == "our long evening"  # the other computer's title
    assert editor.body.toPlainText() == "We talked for an hour. Then we walked."  # ours
    assert editor.body.hasFocus() and editor.body.textCursor().atEnd()
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=10_000)
    saved = EntryRepository(window.session.database()).get(entry_id)
    assert (saved.title, saved.body) == (
        "our long evening",
        "We talked for an hour. Then we walked.",
    )
    sync.run_round(window.session.vault)
    sync.run_round(b)
    again = b_repo.get(b_item.id)
    assert (again.title, again.body) == (
        "our long evening",
        "We talked for an hour. Then we walked.",
    )


def test_two_versions_have_their_own_list_side_by_side(window, qtbot, tmp_path, other):
    folder = tmp_path / "Sync"
    folder.mkdir()
    entry_id = type_entry(qtbot, window, "our evening", "We talked for an hour.")
    code = _start_syncing(window, folder, qtbot)
    b = other()
    sync.join(b, folder, code, "desktop")
    (b_item,) = Items(b.db).timeline()
    b_repo = EntryRepository(b.db)
    b_repo.update(dataclasses.replace(b_repo.get(b_item.id), body="We talked, then walked."))
    sync.run_round(b)
    repo = EntryRepository(window.session.database())
    window.session.writer().submit(
        lambda: repo.update(dataclasses.replace(repo.get(entry_id), body="We talked and cried."))
    ).result()
    window.sync.run_now()
    qtbot.waitUntil(lambda: window.sync.conflicts_waiting == 1, timeout=30_000)
    button = window.sync_actions.two_versions
    qtbot.waitUntil(button.isVisible, timeout=5_000)
    assert button.text() == "Two versions to choose from (1)…"
    # in the entry itself, where it cannot be missed
    note = window.journal.editor.two_versions
    assert window.journal.editor.entry_id == entry_id
    qtbot.waitUntil(note.isVisible, timeout=5_000)
    assert "two versions of this entry" in note.label.text()
    note.button.click()
    dialog = window.sync_actions.conflicts_dialog
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10_000)
    assert_accessible(dialog)
    assert dialog.heading.text() == "Two versions of this entry: the text"
    assert dialog.mine.toPlainText() == "We talked and cried."
    assert dialog.theirs.toPlainText() == "We talked, then walked."
    assert dialog.theirs_label.text() == "On desktop"  # the computers by their names
    assert dialog.mine_label.text() == "On this computer (this laptop)"
    assert dialog.list.item(0).text() == "our evening — the text"
    assert dialog.mine.geometry().top() == dialog.theirs.geometry().top()  # side by side
    dialog.keep_theirs.click()
    dialog.combined.appendPlainText("And cried.")
    dialog.keep_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 0 and dialog.empty.isVisible(), timeout=10_000)
    assert sync.conflicts(window.session.vault) == []
    assert repo.get(entry_id).body == "We talked, then walked.\nAnd cried."
    qtbot.waitUntil(lambda: not button.isVisible(), timeout=20_000)
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=5_000)
    # the open entry shows the text kept (a save from it would not put the old one back)
    assert window.journal.editor.body.toPlainText() == "We talked, then walked.\nAnd cried."
    sync.run_round(b)
    assert b_repo.get(b_item.id).body == "We talked, then walked.\nAnd cried."


def test_the_status_bar_says_when_or_what_is_wrong(window, qtbot, tmp_path):
    controller = SyncController(window.session)
    assert controller.state_text() == ("", False)  # not syncing: nothing said
    controller.folder = tmp_path
    now = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    assert controller.state_text(now) == ("Not synced yet", False)
    for ago, text in (
        (timedelta(seconds=20), "Synced just now"),
        (timedelta(minutes=2, seconds=5), "Synced 2 minutes ago"),
        (timedelta(minutes=1), "Synced 1 minute ago"),
        (timedelta(hours=3), "Synced 3 hours ago"),
        (timedelta(days=2), "Synced 2 days ago"),
    ):
        controller.last_round_at = now - ago
        assert controller.state_text(now) == (text, False)
    # a real problem: the folder is gone
    folder = tmp_path / "Sync"
    folder.mkdir()
    _start_syncing(window, folder, qtbot)
    folder.rename(tmp_path / "gone")
    window.sync.run_now()
    qtbot.waitUntil(
        lambda: "cannot be found" in window.sync_actions.sync_state.text(), timeout=20_000
    )
    assert window.sync_actions.sync_state.property("role") == "error"


def test_the_sync_screens_fit_800_by_600_and_work_by_keyboard(window, qtbot, tmp_path):
    window.resize(800, 600)
    window.on_settings()
    window.dialog.elsewhere_button.click()
    dialog = window.sync_actions.sync_dialog
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    from kintsugi.ui.sync.conflicts import ConflictsDialog
    from kintsugi.ui.sync.join import JoinDialog

    for d in (dialog, JoinDialog(window), ConflictsDialog(window.session, window)):
        hint = d.minimumSizeHint()
        assert hint.width() <= 800 and hint.height() <= 600, type(d).__name__
        assert d.width() <= 800
    # by keyboard: Tab from the folder reaches Start syncing, Space presses it
    dialog.folder.edit.setFocus()
    (tmp_path / "Sync").mkdir()
    qtbot.keyClicks(dialog.folder.edit, str(tmp_path / "Sync"))
    seen = []
    for _ in range(8):
        qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Tab)
        seen.append(QGuiApplication.focusObject())
        if QGuiApplication.focusObject() is dialog.start_button:
            break
    assert dialog.start_button in seen
    qtbot.keyClick(dialog.start_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.code_page, timeout=30_000)
    assert grouped(dialog.code.code) == dialog.code.label.text()
    dialog.reject()


def test_two_versions_by_keyboard_and_stopping_with_a_computer(window, qtbot, tmp_path, other):
    folder = tmp_path / "Sync"
    folder.mkdir()
    entry_id = type_entry(qtbot, window, "our evening", "We talked for an hour.")
    code = _start_syncing(window, folder, qtbot)
    b = other()
    sync.join(b, folder, code, "desktop")
    (b_item,) = Items(b.db).timeline()
    b_repo = EntryRepository(b.db)
    b_repo.update(dataclasses.replace(b_repo.get(b_item.id), body="We walked."))
    sync.run_round(b)
    repo = EntryRepository(window.session.database())
    window.session.writer().submit(
        lambda: repo.update(dataclasses.replace(repo.get(entry_id), body="We cried."))
    ).result()
    window.sync.run_now()
    qtbot.waitUntil(lambda: window.sync.conflicts_waiting == 1, timeout=30_000)
    window.sync_actions.open_conflicts()
    dialog = window.sync_actions.conflicts_dialog
    qtbot.waitUntil(lambda: dialog.list.count() == 1 and dialog.list.hasFocus(), timeout=10_000)
    # Tab: this computer's version, its button, the other's, its button, the text to keep
    expected = [dialog.mine, dialog.keep_mine, dialog.theirs, dialog.keep_theirs]
    expected += [dialog.combined, dialog.keep_button]
    for widget in expected:
        qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Tab)
        assert QGuiApplication.focusObject() is widget
    dialog.keep_theirs.setFocus()
    qtbot.keyClick(dialog.keep_theirs, Qt.Key.Key_Space)
    assert dialog.combined.toPlainText() == "We walked."
    dialog.keep_button.setFocus()
    qtbot.keyClick(dialog.keep_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=10_000)
    assert repo.get(entry_id).body == "We walked."
    dialog.reject()
    # stopping with a computer: the question names it, and its button says what it does
    window.sync_actions.open_sync_dialog()
    sd = window.sync_actions.sync_dialog
    qtbot.waitUntil(lambda: sd.devices.count() == 2, timeout=10_000)
    sd.devices.setFocus()
    sd.devices.setCurrentRow(1)
    assert sd.remove_button.isEnabled()
    window.sync.run_now()  # a round meanwhile: the list is read again, the choice stays
    rounds = window.sync.rounds
    qtbot.waitUntil(lambda: window.sync.rounds > rounds, timeout=20_000)
    qtbot.wait(300)
    assert sd.devices.currentRow() == 1 and sd.remove_button.isEnabled()
    sd.remove_button.click()
    box = sd.question
    assert box.text().startswith("“desktop” will no longer get this journal's changes")
    assert box.button(box.StandardButton.Ok).text() == "Stop syncing with it"
    assert box.defaultButton() is box.button(box.StandardButton.Cancel)
    box.button(box.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: sd.devices.count() == 1, timeout=20_000)
    sd.reject()


def test_a_round_waits_its_turn_behind_setting_up(window, qtbot, tmp_path):
    """While the dialog sets up or makes a code (minutes for a big journal) a round does
    not run beside it on the same journal, nor holds a worker: it comes again after."""
    from kintsugi.ui.sync import controller as ctl

    folder = tmp_path / "Sync"
    folder.mkdir()
    _start_syncing(window, folder, qtbot)
    rounds = window.sync.rounds
    with ctl._ONE_AT_A_TIME:  # as setting up holds it
        window.sync.run_now()
        qtbot.waitUntil(lambda: not window.sync.running, timeout=10_000)
        assert window.sync.rounds == rounds  # skipped, not run beside it
        assert window.sync.settle.isActive()  # and again in a moment
    qtbot.waitUntil(lambda: window.sync.rounds > rounds, timeout=20_000)


def test_a_computer_known_before_its_name_is_listed_by_a_name(window, qtbot, tmp_path):
    """A computer whose key arrived before its first file (so before its name): the list
    and the question about it say "Another computer", never ", not heard from yet"."""
    from kintsugi.core.repo import sync_state

    folder = tmp_path / "Sync"
    folder.mkdir()
    _start_syncing(window, folder, qtbot)
    db = window.session.database()
    window.session.writer().submit(
        lambda: _in_txn(db, lambda conn: sync_state.pin_verify_key(conn, "UNNAMED", "key"))
    ).result()
    window.sync_actions.open_sync_dialog()
    sd = window.sync_actions.sync_dialog
    qtbot.waitUntil(lambda: sd.devices.count() == 2, timeout=10_000)
    rows = [sd.devices.item(n).text() for n in range(sd.devices.count())]
    assert "Another computer, not heard from yet" in rows, rows
    assert not any(r.startswith(",") for r in rows)
    sd.devices.setCurrentRow(rows.index("Another computer, not heard from yet"))
    sd.remove_button.click()
    assert sd.question.text().startswith("“Another computer” will no longer")
    sd.question.button(sd.question.StandardButton.Cancel).click()
    sd.reject()


def _in_txn(db, job):
    with db.transaction() as conn:
        job(conn)

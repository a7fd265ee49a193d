"""The journal file inside a folder a sync tool manages, in the app (ui/sync/place.py):
the window says why it is risky and offers to move it out (the file and its backups, then
the passphrase at the new place); keeping it there is remembered; a sync tool's conflicted
copy is explained on the unlock screen instead of opened."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QMessageBox

from kintsugi.core import config, paths
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import Vault, backup_dir_for
from tests.helpers import FAST_KDF, PASSPHRASE, unlock


def _in_syncthing_folder(tmp_path):
    synced = tmp_path / "Sync"
    (synced / ".stfolder").mkdir(parents=True)
    path = synced / "journal.kintsugi"
    with Vault.create(path, PASSPHRASE, params=FAST_KDF) as v:
        EntryRepository(v.db).add(Entry(title="written before the move", body="kept"))
    return path


def test_the_window_offers_to_move_a_journal_out_of_a_synced_folder(make_window, qtbot, tmp_path):
    path = _in_syncthing_folder(tmp_path)
    w = make_window(path)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.synced_place.question is not None, timeout=5_000)
    box = w.synced_place.question
    assert "Syncthing" in box.text() and "middle of a save" in box.text()
    assert "Syncthing" in w.notice.text()  # the notice says why, in the status bar too
    with qtbot.waitSignal(w.session.locked, timeout=10_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    new = paths.data_dir() / "journal.kintsugi"
    qtbot.waitUntil(lambda: w.session.path == new, timeout=20_000)
    assert new.exists() and not path.exists()
    assert w.screens.currentWidget() is w.unlock
    assert str(new) in w.notice.text()
    unlock(qtbot, w)
    assert w.session.vault.synced_folder is None
    assert [s.title for s in Items(w.session.database()).timeline()] == ["written before the move"]
    assert w.synced_place.question is None or not w.synced_place.question.isVisible()
    # the next step, the safe way: Use on another computer, through the folder it left
    qtbot.waitUntil(lambda: w.sync_actions.sync_dialog is not None, timeout=5_000)
    dialog = w.sync_actions.sync_dialog
    assert dialog.isVisible() and dialog.folder.edit.text() == str(path.parent)
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    assert dialog.pages.currentWidget() is dialog.start_page
    dialog.reject()


def test_keeping_it_there_is_remembered_and_saves_go_straight_into_the_file(
    make_window, qtbot, tmp_path
):
    path = _in_syncthing_folder(tmp_path)
    w = make_window(path)
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.synced_place.question is not None, timeout=5_000)
    w.synced_place.question.button(QMessageBox.StandardButton.No).click()
    assert config.KEPT_IN_SYNCED_FOLDER.get(w.session.settings()) == str(path.parent)
    assert path.exists() and w.session.path == path
    w.session.lock()
    w.synced_place.question = None
    unlock(qtbot, w)
    qtbot.wait(200)
    assert w.synced_place.question is None  # not asked again for this folder
    EntryRepository(w.session.database()).add(Entry(title="saved in place"))
    assert path.with_name(path.name + "-wal").stat().st_size == 0


def test_a_conflicted_copy_is_explained_on_the_unlock_screen(make_window, qtbot, existing_vault):
    copy = existing_vault.with_name("journal.sync-conflict-20261201-185300-WLRXKAA.kintsugi")
    shutil.copyfile(existing_vault, copy)
    before = copy.read_bytes()
    w = make_window(copy)
    w.unlock.passphrase.setText(PASSPHRASE)
    w.unlock.unlock_button.click()
    qtbot.waitUntil(lambda: "a copy a sync tool made" in w.unlock.message.text(), timeout=10_000)
    assert str(existing_vault) in w.unlock.message.text()
    assert not w.session.is_open
    assert copy.read_bytes() == before
    assert backup_dir_for(copy).exists() is False

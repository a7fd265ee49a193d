"""A journal file in a folder a sync tool manages (core/syncfolder.py): each tool's folder is
recognised from its own layout, a vault there leaves nothing in its -wal between saves,
conflicted copies are recognised (by name, or as a same-salt sibling) and refused with an
explanation by the CLI, and moving the journal out keeps every file."""

from __future__ import annotations

import errno
import json
import os
import shutil

import pytest

from kintsugi.core import errors, syncfolder
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import Vault, backup_dir_for
from tests.helpers import FAST_KDF, PASSPHRASE, run_cli


def _titles(vault):
    return sorted(s.title for s in Items(vault.db).timeline(limit=100))


def _wal(path):
    return path.with_name(path.name + "-wal")


# --- which folder is synced ------------------------------------------------------------
@pytest.mark.parametrize(
    ("layout", "tool"),
    [
        ({".stfolder/": None}, "Syncthing"),
        ({".stfolder": ""}, "Syncthing"),  # old Syncthing made a file
        ({".dropbox": '{"tag": "personal"}', ".dropbox.cache/": None}, "Dropbox"),
        ({".dropbox.cache/": None}, "Dropbox"),
        ({".sync_3e8a2c11f0b4.db": "", ".sync_3e8a2c11f0b4.db-wal": ""}, "Nextcloud or ownCloud"),
        ({"._sync_9f2e40a1c3d7.db": ""}, "Nextcloud or ownCloud"),
        ({".owncloudsync.log": "x"}, "Nextcloud or ownCloud"),
    ],
)
def test_a_tools_marker_anywhere_above_marks_the_folder(tmp_path, layout, tool):
    root = tmp_path / "Shared"
    root.mkdir()
    for name, text in layout.items():
        if name.endswith("/"):
            (root / name).mkdir()
        else:
            (root / name).write_text(text)
    journal = root / "notes" / "private" / "journal.kintsugi"
    journal.parent.mkdir(parents=True)
    found = syncfolder.synced_folder(journal)
    assert found == syncfolder.SyncedFolder(tool, root)
    assert syncfolder.synced_folder(tmp_path / "elsewhere" / "journal.kintsugi") is None


def test_the_dropbox_programs_own_settings_folder_does_not_mark_home(tmp_path):
    home = tmp_path / "home"
    (home / ".dropbox").mkdir(parents=True)  # ~/.dropbox: the program's settings
    (home / ".dropbox" / "info.json").write_text(
        json.dumps({"personal": {"path": str(home / "Work files"), "host": 1}})
    )
    data = home / ".local" / "share" / "Kintsugi" / "journal.kintsugi"
    data.parent.mkdir(parents=True)
    assert syncfolder.synced_folder(data, home=home, env={}) is None
    # … but the folder it names is Dropbox's, wherever it was moved to
    moved = home / "Work files" / "journal.kintsugi"
    moved.parent.mkdir()
    assert syncfolder.synced_folder(moved, home=home, env={}) == syncfolder.SyncedFolder(
        "Dropbox", home / "Work files"
    )


@pytest.mark.parametrize(
    ("where", "tool"),
    [
        ("OneDrive/Documents", "OneDrive"),
        ("OneDrive - Contoso Ltd/Notes", "OneDrive"),
        ("Dropbox/Private", "Dropbox"),
        ("Dropbox (Personal)", "Dropbox"),
        ("iCloudDrive/Journal", "iCloud Drive"),
        ("Library/Mobile Documents/com~apple~CloudDocs/Journal", "iCloud Drive"),
        ("Library/CloudStorage/OneDrive-Personal/Journal", "OneDrive"),
        ("Library/CloudStorage/GoogleDrive-sam@example.org/My Drive", "Google Drive"),
    ],
)
def test_the_folders_sync_tools_use_by_default(tmp_path, where, tool):
    home = tmp_path / "home"
    folder = home / where
    folder.mkdir(parents=True)
    found = syncfolder.synced_folder(folder / "journal.kintsugi", home=home, env={})
    assert found is not None and found.tool == tool
    assert syncfolder.synced_folder(home / "journal.kintsugi", home=home, env={}) is None


def test_onedrive_named_by_its_environment_variable(tmp_path):
    root = tmp_path / "D" / "Cloud"
    root.mkdir(parents=True)
    found = syncfolder.synced_folder(
        root / "j.kintsugi", home=tmp_path / "h", env={"OneDriveCommercial": str(root)}
    )
    assert found == syncfolder.SyncedFolder("OneDrive", root)


# --- a vault there keeps its -wal empty between saves ----------------------------------
def test_a_vault_in_a_synced_folder_leaves_no_changes_in_its_wal(tmp_path):
    synced = tmp_path / "Sync"
    (synced / ".stfolder").mkdir(parents=True)
    inside, outside = synced / "journal.kintsugi", tmp_path / "local" / "journal.kintsugi"
    for path in (inside, outside):
        Vault.create(path, PASSPHRASE, params=FAST_KDF).lock()
    with Vault.open(inside, PASSPHRASE) as v_in, Vault.open(outside, PASSPHRASE) as v_out:
        assert v_in.synced_folder == syncfolder.SyncedFolder("Syncthing", synced)
        assert v_out.synced_folder is None
        assert any(isinstance(n, errors.VaultInSyncedFolder) for n in v_in.notices)
        assert not any(isinstance(n, errors.VaultInSyncedFolder) for n in v_out.notices)
        for i in range(5):
            for v in (v_in, v_out):
                EntryRepository(v.db).add(Entry(title=f"entry {i}", body="words " * 50))
            assert _wal(inside).stat().st_size == 0  # everything is in the main file
            # a sync tool copying the main file alone now carries every save
            copy = tmp_path / f"carried-{i}.kintsugi"
            shutil.copyfile(inside, copy)
            with Vault.open(copy, PASSPHRASE) as carried:
                assert _titles(carried) == [f"entry {n}" for n in range(i + 1)]
        assert _wal(outside).stat().st_size > 0  # outside, the log is used as before


def test_a_conflicted_copy_beside_the_journal_is_told_once_opened(vault_path):
    Vault.create(vault_path, PASSPHRASE, params=FAST_KDF).lock()
    copy = vault_path.with_name("journal.sync-conflict-20261201-185300-WLRXKAA.kintsugi")
    shutil.copyfile(vault_path, copy)
    with Vault.open(vault_path, PASSPHRASE) as v:
        beside = [n for n in v.notices if isinstance(n, errors.ConflictedCopyBeside)]
        assert len(beside) == 1 and str(copy) in str(beside[0])


# --- conflicted copies -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "tool"),
    [
        ("journal.sync-conflict-20261201-185300-WLRXKAA.kintsugi", "Syncthing"),
        ("journal (Sam's conflicted copy 2026-12-01).kintsugi", "Dropbox"),
        ("journal (Sam's conflicted copy 2026-12-01 (1)).kintsugi", "Dropbox"),
        ("journal (conflicted copy 2026-12-01 185300).kintsugi", "Nextcloud"),
        ("journal_conflict-20261201-185300.kintsugi", "ownCloud"),
        ("journal (Conflicted Copy from laptop).kintsugi", "a sync tool"),
    ],
)
def test_a_conflicted_copy_is_known_by_its_name(tmp_path, name, tool):
    copy = syncfolder.conflicted_copy(tmp_path / name)
    assert copy == syncfolder.ConflictCopy(tmp_path / name, tmp_path / "journal.kintsugi", tool)


@pytest.mark.parametrize(
    "name", ["journal (1).kintsugi", "journal 2.kintsugi", "journal-DESKTOP-7Q2LK.kintsugi"]
)
def test_a_copy_named_with_a_number_or_a_computer_is_one_only_with_the_same_salt(tmp_path, name):
    original = tmp_path / "journal.kintsugi"
    Vault.create(original, PASSPHRASE, params=FAST_KDF).lock()
    sibling = tmp_path / name
    Vault.create(sibling, PASSPHRASE, params=FAST_KDF).lock()  # another journal: its own salt
    assert syncfolder.conflicted_copy(sibling) is None
    sibling.unlink()
    shutil.copyfile(original, sibling)  # the same journal, copied
    assert syncfolder.conflicted_copy(sibling) == syncfolder.ConflictCopy(
        sibling, original, syncfolder.conflicted_copy(sibling).tool
    )
    assert [c.path for c in syncfolder.copies_beside(original)] == [sibling]


@pytest.mark.parametrize(
    "name",
    ["journal.kintsugi", "my conflicts.kintsugi", "conflict-notes.kintsugi", "2026 (1).txt"],
)
def test_ordinary_names_are_not_conflicted_copies(tmp_path, name):
    assert syncfolder.conflicted_copy(tmp_path / name) is None


def test_the_cli_explains_a_conflicted_copy_instead_of_opening_it(vault_path):
    Vault.create(vault_path, PASSPHRASE, params=FAST_KDF).lock()
    copy = vault_path.with_name("journal (Sam's conflicted copy 2026-12-01).kintsugi")
    shutil.copyfile(vault_path, copy)
    before = copy.read_bytes()
    result = run_cli(
        "--vault", str(copy), "list", "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,)
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "a copy a sync tool made" in result.stderr and str(vault_path) in result.stderr
    assert result.stdout == ""
    assert copy.read_bytes() == before
    assert not _wal(copy).exists()
    # the journal itself opens, and says the copy is there
    ok = run_cli(
        "--vault", str(vault_path), "list", "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,)
    )
    assert ok.returncode == 0, ok.stderr
    assert "A sync tool left a copy" in ok.stderr and str(copy) in ok.stderr


# --- moving the journal out ---------------------------------------------------------------
def _journal_with_backup(path):
    with Vault.create(path, PASSPHRASE, params=FAST_KDF) as v:
        EntryRepository(v.db).add(Entry(title="kept through the move", body="every word"))
        v.backup_to(backup_dir_for(path) / "journal.20261201T000000Z.daily.kintsugi")


def _check_moved(old, new):
    assert not old.exists() and not backup_dir_for(old).exists()
    with Vault.open(new, PASSPHRASE) as v:
        assert _titles(v) == ["kept through the move"]
    assert len(list(backup_dir_for(new).iterdir())) == 1


def test_moving_out_takes_the_journal_and_its_backups(tmp_path):
    old = tmp_path / "Dropbox" / "journal.kintsugi"
    _journal_with_backup(old)
    new = syncfolder.move_out(old, tmp_path / "local")
    assert new == tmp_path / "local" / "journal.kintsugi"
    _check_moved(old, new)


def test_moving_out_to_another_disk_copies_then_removes(tmp_path, monkeypatch):
    old = tmp_path / "Dropbox" / "journal.kintsugi"
    _journal_with_backup(old)
    real_rename = os.rename

    def rename(src, dst):
        if not os.path.basename(str(src)).startswith(".journal"):  # the temps' final rename
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_rename(src, dst)

    monkeypatch.setattr(syncfolder.os, "rename", rename)
    new = syncfolder.move_out(old, tmp_path / "other-disk")
    monkeypatch.undo()
    _check_moved(old, new)
    assert not [p for p in new.parent.iterdir() if ".move-" in p.name]


def test_moving_out_never_overwrites(tmp_path):
    old = tmp_path / "Dropbox" / "journal.kintsugi"
    _journal_with_backup(old)
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "journal.kintsugi").write_text("someone else's")
    before = old.read_bytes()
    with pytest.raises(errors.VaultExists):
        syncfolder.move_out(old, tmp_path / "local")
    assert old.read_bytes() == before and backup_dir_for(old).exists()
    assert (tmp_path / "local" / "journal.kintsugi").read_text() == "someone else's"

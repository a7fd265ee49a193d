"""A journal file inside a folder a sync tool manages, and the copies such tools leave.

A sync tool (Syncthing, Dropbox, Nextcloud, OneDrive, iCloud Drive…) copies files whole,
whenever it sees them change: it may carry the journal file in the middle of a save, or
without the small change file (``-wal``) beside it, and when two computers change it at once
it keeps both as a "conflicted copy". The journal is safe in such a folder only if nothing
half-written is ever there to be copied, and only if nobody opens a conflicted copy thinking
it is the journal. So:

* :func:`synced_folder` says whether a path lies in a folder a sync tool manages (walking
  up the parents: Syncthing's ``.stfolder``, Dropbox's ``.dropbox``/``.dropbox.cache``,
  Nextcloud's and ownCloud's ``.sync_*.db``/``._sync_*.db``/``.owncloudsync.log``, the
  folders OneDrive, Dropbox and iCloud Drive use, Dropbox's own list of its folders).
  A vault opened there checkpoints after every write (core/vault.py): no ``-wal`` with
  content is left between saves.
* :func:`conflicted_copy` recognises a sync tool's conflicted copy of a journal file by
  its name (or, for the tools that only add a number or a computer's name, by the journal
  beside it having the same salt: the same journal file, copied); the fronts explain it
  instead of opening it (errors.ConflictedCopy). :func:`copies_beside` finds such copies
  next to the journal, to tell the person they exist.
* :func:`move_out` moves a (closed) journal file and its backups out of the synced folder,
  atomically where it can and never losing a file where it cannot.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kintsugi.core import fsutil, i18n
from kintsugi.core.errors import ConflictedCopy, VaultExists, from_os_error

SALT_SIZE = 16  # the vault's salt: its file's first 16 bytes (see vault.read_salt)


@dataclass(frozen=True)
class SyncedFolder:
    """A folder a sync tool keeps in step with other computers."""

    tool: str  # "Syncthing", "Dropbox", "Nextcloud or ownCloud", "OneDrive", "iCloud Drive"
    root: Path  # the folder the tool manages (or the nearest one we can name)


_NEXTCLOUD_DB = re.compile(r"^\._?sync_[0-9a-f]+\.db$")


def _marker_in(folder: Path) -> str | None:
    """The sync tool whose marker sits in ``folder`` itself, if any."""
    try:
        if (folder / ".stfolder").exists():
            return "Syncthing"
        dropbox = folder / ".dropbox"
        # ~/.dropbox is the Dropbox program's own settings folder: only the file marks a
        # Dropbox folder (with .dropbox.cache beside it).
        if (folder / ".dropbox.cache").is_dir() or dropbox.is_file():
            return "Dropbox"
        if (folder / ".owncloudsync.log").exists() or (folder / ".nextcloudsync.log").exists():
            return "Nextcloud or ownCloud"
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith((".sync_", "._sync_")) and _NEXTCLOUD_DB.match(entry.name):
                    return "Nextcloud or ownCloud"
    except OSError:  # a folder we may not read tells us nothing
        return None
    return None


def _known_roots(home: Path, env: Mapping[str, str]) -> list[SyncedFolder]:
    """Folders the sync tools use by default, and the ones their settings name."""
    roots: list[SyncedFolder] = []
    for var in ("OneDrive", "OneDriveConsumer", "OneDriveCommercial"):
        if env.get(var):
            roots.append(SyncedFolder("OneDrive", Path(env[var])))
    try:
        children = [p for p in home.iterdir() if p.is_dir()]
    except OSError:
        children = []
    for child in children:
        if child.name == "OneDrive" or child.name.startswith("OneDrive - "):
            roots.append(SyncedFolder("OneDrive", child))
        elif child.name == "Dropbox" or child.name.startswith("Dropbox ("):
            roots.append(SyncedFolder("Dropbox", child))
        elif child.name == "iCloudDrive":
            roots.append(SyncedFolder("iCloud Drive", child))
    roots.append(SyncedFolder("iCloud Drive", home / "Library" / "Mobile Documents"))
    cloud = home / "Library" / "CloudStorage"  # macOS: OneDrive-*, Dropbox, GoogleDrive-*
    try:
        for child in cloud.iterdir():
            tool = child.name.split("-")[0]
            names = {"OneDrive": "OneDrive", "Dropbox": "Dropbox", "GoogleDrive": "Google Drive"}
            roots.append(SyncedFolder(names.get(tool, child.name), child))
    except OSError:
        pass
    try:  # Dropbox writes where its folders are (a moved Dropbox folder is still found)
        info = json.loads((home / ".dropbox" / "info.json").read_text(encoding="utf-8"))
        for account in info.values() if isinstance(info, dict) else ():
            if isinstance(account, dict) and isinstance(account.get("path"), str):
                roots.append(SyncedFolder("Dropbox", Path(account["path"])))
    except (OSError, ValueError):
        pass
    return roots


def synced_folder(
    path: Path, *, home: Path | None = None, env: Mapping[str, str] | None = None
) -> SyncedFolder | None:
    """The synced folder ``path`` (a file or folder) lies in, or None."""
    env = os.environ if env is None else env
    home = Path(env.get("HOME") or Path.home()) if home is None else home
    path = Path(os.path.abspath(path))
    start = path if path.is_dir() else path.parent
    for folder in (start, *start.parents):
        tool = _marker_in(folder)
        if tool is not None:
            return SyncedFolder(tool, folder)
    for known in _known_roots(home, env):
        root = Path(os.path.abspath(known.root))
        if start == root or root in start.parents:
            return known
    return None


# --- conflicted copies ------------------------------------------------------------------
@dataclass(frozen=True)
class ConflictCopy:
    """A copy a sync tool made of a journal file when two computers changed it at once."""

    path: Path
    original: Path  # the journal file it is a copy of (beside it; it may be missing)
    tool: str


# A name that says "conflict" (each tool's own wording), and how to find the original's.
_BY_NAME: tuple[tuple[str, re.Pattern[str]], ...] = (
    # journal.sync-conflict-20261201-185300-WLRXKAA.kintsugi (Syncthing)
    ("Syncthing", re.compile(r"^(?P<stem>.+?)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}(?P<ext>.*)$")),
    # journal (Sam's conflicted copy 2026-12-01).kintsugi (Dropbox), with a number too
    (
        "Dropbox",
        re.compile(
            r"^(?P<stem>.+?) \([^()]*'s conflicted copy \d{4}-\d{2}-\d{2}"
            r"(?: \(\d+\))?\)(?P<ext>.*)$"
        ),
    ),
    # journal (conflicted copy 2026-12-01 185300).kintsugi (Nextcloud)
    (
        "Nextcloud",
        re.compile(r"^(?P<stem>.+?) \(conflicted copy \d{4}-\d{2}-\d{2} \d{6}\)(?P<ext>.*)$"),
    ),
    # journal_conflict-20261201-185300.kintsugi (ownCloud)
    ("ownCloud", re.compile(r"^(?P<stem>.+?)_conflict-\d{8}-\d{6}(?P<ext>.*)$")),
    # any other "conflicted copy" wording in brackets, as other tools and versions write it
    (
        "a sync tool",
        re.compile(r"^(?P<stem>.+?) \((?:[^()]* )?conflicted copy[^()]*\)(?P<ext>\.[^.]+)$", re.I),
    ),
)
# Names that only add a number or a computer's name: a copy only when the journal beside
# has the same salt (the same journal file). journal (1).kintsugi (Google Drive, browsers),
# journal 2.kintsugi (iCloud Drive), journal-LAPTOP-7Q2.kintsugi (OneDrive)
_BY_SALT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a sync tool", re.compile(r"^(?P<stem>.+?) \(\d+\)(?P<ext>\.[^.]+)$")),
    ("iCloud Drive", re.compile(r"^(?P<stem>.+?) \d+(?P<ext>\.[^.]+)$")),
    ("OneDrive", re.compile(r"^(?P<stem>.+?)-[A-Z0-9][A-Z0-9-]{1,14}(?P<ext>\.[^.]+)$")),
)


def _salt(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as f:
            salt = f.read(SALT_SIZE)
    except OSError:
        return None
    return salt if len(salt) == SALT_SIZE else None


def conflicted_copy(path: Path) -> ConflictCopy | None:
    """``path`` as a sync tool's conflicted copy of a journal file, or None."""
    path = Path(path)
    name = path.name
    for tool, pattern in _BY_NAME:
        m = pattern.match(name)
        if m and m["stem"]:
            return ConflictCopy(path, path.with_name(m["stem"] + m["ext"]), tool)
    mine = _salt(path)
    for tool, pattern in _BY_SALT:
        m = pattern.match(name)
        if not (m and m["stem"]):
            continue
        original = path.with_name(m["stem"] + m["ext"])
        if original != path and mine is not None and _salt(original) == mine:
            return ConflictCopy(path, original, tool)
    return None


def refuse_conflicted_copy(path: Path) -> None:
    """Raise errors.ConflictedCopy when ``path`` is a sync tool's conflicted copy of a
    journal file (before anything asks for a passphrase or opens it)."""
    copy = conflicted_copy(path)
    if copy is not None:
        raise ConflictedCopy(copy.original)


def copies_beside(journal: Path) -> list[ConflictCopy]:
    """Conflicted copies of ``journal`` left in its folder (oldest name first)."""
    journal = Path(journal)
    found = []
    try:
        names = sorted(os.listdir(journal.parent))
    except OSError:
        return []
    for name in names:
        if name == journal.name or name.startswith(".") and fsutil.TEMP_NAME.match(name):
            continue
        copy = conflicted_copy(journal.with_name(name))
        if copy is not None and copy.original.name == journal.name:
            found.append(copy)
    return found


# --- moving out -------------------------------------------------------------------------
def _side_files(vault: Path) -> list[Path]:
    """What belongs with a (closed) journal file: its change file if one was left, and its
    backups' folder (see vault.backup_dir_for)."""
    from kintsugi.core.vault import backup_dir_for

    wal = vault.with_name(vault.name + "-wal")
    backups = backup_dir_for(vault)
    return [p for p in (wal, backups) if p.exists()]


def move_out(vault: Path, folder: Path) -> Path:
    """Move the journal file ``vault`` (closed: nobody holds it open) with its backups into
    ``folder``; return its new path. Nothing is overwritten (VaultExists if the name is
    taken) and nothing is lost: on the same disk each file is renamed (atomic); across disks
    each is copied under a temporary name, flushed, renamed into place, and only then is
    the old one removed, so an interruption leaves a whole copy in one place or both."""
    vault = Path(os.path.abspath(vault))
    folder = Path(os.path.abspath(folder))
    target = folder / vault.name
    pairs = [(vault, target)] + [(p, folder / p.name) for p in _side_files(vault)]
    for _, dst in pairs:
        if dst.exists() or dst.is_symlink():
            raise VaultExists(
                i18n.arg(
                    i18n.translate("errors", "A file already exists at %1; nothing was moved."),
                    dst,
                )
            )
    try:
        fsutil.ensure_private_dir(folder)
        for src, dst in pairs:
            _move_one(src, dst)
    except OSError as exc:
        raise from_os_error(exc, target) from None
    return target


def _move_one(src: Path, dst: Path) -> None:
    try:
        os.rename(src, dst)  # same file system: atomic (the folder is new-or-old)
        fsutil.fsync_dir(dst.parent)
        fsutil.fsync_dir(src.parent)
        return
    except OSError as exc:
        if exc.errno != 18:  # EXDEV: another file system
            raise
    tmp = dst.with_name(f".{dst.name}.move-{os.urandom(6).hex()}")
    try:
        if src.is_dir():
            shutil.copytree(src, tmp, copy_function=shutil.copy2)
            for p in sorted(tmp.rglob("*")):
                if p.is_file():
                    fsutil.fsync_file(p)
        else:
            shutil.copy2(src, tmp)
            fsutil.fsync_file(tmp)
        os.rename(tmp, dst)
        fsutil.fsync_dir(dst.parent)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True) if tmp.is_dir() else fsutil.remove_quietly(tmp)
        raise
    if src.is_dir():
        shutil.rmtree(src)
    else:
        os.unlink(src)
    fsutil.fsync_dir(src.parent)

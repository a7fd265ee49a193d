"""Small file-system helpers: private folders and files, fsync, atomic replace."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Protocol


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) with 0700 for the folders we create."""
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        d.mkdir(mode=0o700)
        os.chmod(d, 0o700)


def create_private_file(path: Path) -> None:
    """Create an empty 0600 file; fail if it already exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def temp_name(path: Path, purpose: str) -> Path:
    """A name for a temp sibling of ``path``: ``.<name>.<purpose>-<12 hex>``."""
    return path.with_name(f".{path.name}.{purpose}-{secrets.token_hex(6)}")


#: What temp_name makes (and nothing a person would name a file).
TEMP_NAME = re.compile(r"^\..+\.[a-z-]+-[0-9a-f]{12}$")


def temp_sibling(path: Path, purpose: str) -> Path:
    """A fresh private, empty file next to ``path`` (same file system, so replace is atomic)."""
    tmp = temp_name(path, purpose)
    create_private_file(tmp)
    return tmp


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder for fsync
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_replace(src: Path, dst: Path) -> None:
    """fsync ``src``, move it over ``dst``, fsync the folder: ``dst`` is old or new, never half."""
    fsync_file(src)
    os.replace(src, dst)
    fsync_dir(dst.parent)


class PendingRegistry(Protocol):
    """Where a temp's path is recorded before the file exists (repo.pending.PendingTemps:
    inside the vault), so the next start can remove it if the writer is killed."""

    def add(self, path: Path) -> None: ...

    def discard(self, path: Path) -> None: ...


@contextmanager
def atomic_output(dst: Path, *, pending: PendingRegistry | None = None) -> Iterator[BinaryIO]:
    """Write ``dst`` whole or not at all: into a 0600 temp sibling (``.<name>.write-<hex>``)
    that replaces it at the end, removed on any error. While it is written the temp is held
    with an exclusive ``flock``, so a sweep (:func:`remove_dead_temp`) never takes one whose
    writer is alive; a killed writer's lock goes with it. ``pending`` records the temp's
    path before it is made and forgets it after."""
    tmp = temp_name(dst, "write")
    if pending is not None:
        pending.add(tmp)
    fd: int | None = None
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(fd, 0o600)
        _hold(fd)
        f = os.fdopen(fd, "wb")
        fd = None  # the file object closes it (and the lock goes with it)
        with f:
            yield f
            f.flush()
            atomic_replace(tmp, dst)  # still held: no sweep removes it meanwhile
    except BaseException:
        if fd is not None:
            os.close(fd)
        remove_quietly(tmp)
        raise
    finally:
        if pending is not None:
            pending.discard(tmp)


def atomic_write_bytes(dst: Path, data: bytes, *, pending: PendingRegistry | None = None) -> None:
    with atomic_output(dst, pending=pending) as f:
        f.write(data)


@contextmanager
def building_folder(dst: Path, *, pending: PendingRegistry | None = None) -> Iterator[Path]:
    """A private temp folder beside ``dst`` (``.<name>.write-<hex>``, 0700) to build a folder
    export in, held with an exclusive ``flock`` while it is written and recorded in
    ``pending`` before it exists, so the next start removes what a kill left (as
    :func:`atomic_output` does for files). The caller moves it into place."""
    tmp = temp_name(dst, "write")
    if pending is not None:
        pending.add(tmp)
    try:
        tmp.mkdir(mode=0o700)
        fd = os.open(tmp, os.O_RDONLY | os.O_DIRECTORY)
        try:
            _hold(fd)
            yield tmp
        finally:
            os.close(fd)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if pending is not None:
            pending.discard(tmp)


def _hold(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # no flock (Windows): sweeps then rely on the registry alone
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_dead_temp(path: Path) -> str:
    """Remove ``path`` if it is one of our temps (by name, a plain file or a folder export's
    build folder) that no live writer holds. Returns "removed", "in use", "missing" or
    "not a temp" (left alone)."""
    if not TEMP_NAME.match(path.name):
        return "not a temp"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "not a temp"  # a symlink, a FIFO we may not open, …: never ours
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            return "not a temp"
        try:
            _hold(fd)
        except OSError:
            return "in use"
        if stat.S_ISDIR(mode):  # a folder export built whole before it is moved into place
            shutil.rmtree(path, ignore_errors=True)
        else:
            remove_quietly(path)
        return "removed"
    finally:
        os.close(fd)


def remove_quietly(*paths: Path) -> None:
    for p in paths:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(p)


def is_read_only(path: Path) -> bool:
    """True when ``path`` cannot (or, by its mode bits, must not) be written.

    Mode bits are honoured even for root, who could write anyway: a file the
    user made read-only is a file they do not want us to change.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return not os.access(path, os.W_OK) or not (mode & 0o222)


def lock_instance(path: Path) -> int | None:
    """Hold an exclusive advisory lock on ``path`` for as long as the returned fd is open:
    one Kintsugi per vault. Raises BlockingIOError if another holds it. (flock is separate
    from SQLite's own fcntl locks; where flock is missing, returns None and nothing is held.)
    """
    try:
        import fcntl
    except ImportError:
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise BlockingIOError(f"{path} is locked") from None
    return fd


def unlock_instance(fd: int | None) -> None:
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)  # closing the descriptor releases the flock


# --- temporary files left by an interrupted write ------------------------------------
_SIDE_FILES = ("", "-journal", "-wal", "-shm")  # SQLite's own files beside a temp copy


def stale_temps(folder: Path, target: re.Pattern[str], purposes: tuple[str, ...]) -> list[Path]:
    """Temp siblings in ``folder`` (``.<target>.<purpose>-<12 hex>`` and SQLite's side
    files of them) whose target name matches ``target``."""
    pattern = re.compile(
        r"^\.(?P<target>.+)\.(?:" + "|".join(map(re.escape, purposes)) + r")-[0-9a-f]{12}"
        r"(?:-journal|-wal|-shm)?$"
    )
    try:
        names = [p for p in folder.iterdir() if not p.is_dir()]
    except OSError:
        return []
    out = []
    for p in names:
        m = pattern.match(p.name)
        if m and target.fullmatch(m["target"]):
            out.append(p)
    return sorted(out)


def remove_stale_temps(
    folder: Path, target: re.Pattern[str], purposes: tuple[str, ...]
) -> list[Path]:
    """Remove what :func:`stale_temps` finds (call only while holding the lock of whoever
    makes them). Returns what was removed."""
    found = stale_temps(folder, target, purposes)
    remove_quietly(*found)
    return found


def remove_dead_temps(folder: Path, target: re.Pattern[str]) -> list[Path]:
    """Remove the :func:`atomic_output` temps of ``target`` in ``folder`` whose writer is
    gone (for a fixed folder that several processes may write, such as the support card's)."""
    return [p for p in stale_temps(folder, target, ("write",)) if remove_dead_temp(p) == "removed"]

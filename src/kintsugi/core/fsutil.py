"""Small file-system helpers: private folders and files, fsync, atomic replace."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path


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


def temp_sibling(path: Path, purpose: str) -> Path:
    """A fresh private, empty file next to ``path`` (same file system, so replace is atomic)."""
    tmp = path.with_name(f".{path.name}.{purpose}-{secrets.token_hex(6)}")
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


def atomic_write_bytes(dst: Path, data: bytes) -> None:
    tmp = temp_sibling(dst, "write")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        atomic_replace(tmp, dst)
    except BaseException:
        remove_quietly(tmp)
        raise


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

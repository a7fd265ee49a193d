"""core/fsutil.py: private folders and files, atomic writes, the instance lock, stale temps."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys

import pytest

from kintsugi.core import fsutil


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_private_folders_and_files(tmp_path):
    old = os.umask(0o022)
    try:
        deep = tmp_path / "a" / "b" / "c"
        fsutil.ensure_private_dir(deep)
        for folder in (tmp_path / "a", tmp_path / "a" / "b", deep):
            assert folder.is_dir() and _mode(folder) == 0o700
        fsutil.ensure_private_dir(deep)  # already there: nothing to do
        f = deep / "f"
        fsutil.create_private_file(f)
        assert f.read_bytes() == b"" and _mode(f) == 0o600
        with pytest.raises(FileExistsError):
            fsutil.create_private_file(f)  # never over an existing file
    finally:
        os.umask(old)


def test_atomic_write_replaces_whole_and_private(tmp_path):
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    fsutil.atomic_write_bytes(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert _mode(target) == 0o600  # the new file is private, whatever the old one was
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary left


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_bytes(b"old")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "replace", fail)
    with pytest.raises(OSError):
        fsutil.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_temp_siblings_are_found_and_removed_by_their_target(tmp_path):
    vault = tmp_path / "journal.kintsugi"
    vault.write_bytes(b"x")
    tmp = fsutil.temp_sibling(vault, "rekey")
    assert tmp.parent == tmp_path and tmp.name.startswith(".journal.kintsugi.rekey-")
    assert _mode(tmp) == 0o600
    side = tmp.with_name(tmp.name + "-wal")
    side.write_bytes(b"")
    other = fsutil.temp_sibling(tmp_path / "notes.txt", "rekey")  # another target
    unknown = tmp_path / ".journal.kintsugi.other-0123456789ab"  # another purpose
    unknown.write_bytes(b"")
    target = re.compile(re.escape(vault.name))
    assert fsutil.stale_temps(tmp_path, target, ("rekey", "write")) == sorted([tmp, side])
    assert fsutil.remove_stale_temps(tmp_path, target, ("rekey",)) == sorted([tmp, side])
    assert not tmp.exists() and not side.exists() and other.exists() and unknown.exists()
    assert fsutil.stale_temps(tmp_path / "missing", target, ("rekey",)) == []


def test_remove_quietly_and_read_only(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"x")
    fsutil.remove_quietly(f, tmp_path / "never-there")
    assert not f.exists()
    assert fsutil.is_read_only(tmp_path / "never-there") is False
    f.write_bytes(b"x")
    assert fsutil.is_read_only(f) is False
    os.chmod(f, 0o444)
    assert fsutil.is_read_only(f) is True  # by its mode bits, even for root


def test_one_holder_of_the_instance_lock(tmp_path):
    f = tmp_path / "v.kintsugi"
    f.write_bytes(b"x")
    fd = fsutil.lock_instance(f)
    assert fd is not None
    probe = (
        "import sys; from pathlib import Path; from kintsugi.core import fsutil\n"
        "try:\n    fsutil.lock_instance(Path(sys.argv[1]))\nexcept BlockingIOError:\n"
        "    sys.exit(3)\n"
    )
    held = subprocess.run([sys.executable, "-c", probe, str(f)])
    assert held.returncode == 3  # another process cannot take it
    fsutil.unlock_instance(fd)
    free = subprocess.run([sys.executable, "-c", probe, str(f)])
    assert free.returncode == 0
    fsutil.unlock_instance(None)  # nothing held: nothing to do

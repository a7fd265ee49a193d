"""Shared fixtures: every test gets private, temporary user folders and vaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kintsugi.core.kdf import KdfParams
from kintsugi.core.vault import Vault

#: Cheap KDF settings for tests only (real vaults use at least 64 MiB, t=3, p=4).
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
PASSPHRASE = "quiet river stone lantern"
ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption(
        "--soak", action="store_true", help="run crash/fuzz tests with their full counts (slow)"
    )


@pytest.fixture
def trials(request):
    """``trials(bounded, full)``: how many rounds a soak-able test runs in this session."""
    soak = request.config.getoption("--soak")
    return lambda bounded, full: full if soak else bounded


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    """Point HOME and the XDG folders at a temp dir: no test touches real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("KINTSUGI_VAULT", raising=False)
    return home


@pytest.fixture
def vault_path(tmp_path) -> Path:
    return tmp_path / "vaults" / "journal.kintsugi"


@pytest.fixture
def vault(vault_path):
    v = Vault.create(vault_path, PASSPHRASE, params=FAST_KDF)
    yield v
    v.lock()


def run_cli(
    *args: str, secrets: tuple[str, ...] = (), stdin: str = "", env=None, timeout: float = 60
) -> subprocess.CompletedProcess:
    """Run ``python -m kintsugi`` with each secret on its own pipe.

    ``{fd0}``, ``{fd1}`` … in ``args`` are replaced by those pipes' numbers.
    """
    fds, keep = [], []
    for secret in secrets:
        r, w = os.pipe()
        os.write(w, secret.encode() + b"\n")
        os.close(w)
        fds.append(r)
        keep.append(r)
    argv = [a.format(**{f"fd{i}": fd for i, fd in enumerate(fds)}) for a in args]
    try:
        return subprocess.run(
            [sys.executable, "-m", "kintsugi", *argv],
            input=stdin,
            capture_output=True,
            text=True,
            pass_fds=keep,
            env=env,
            timeout=timeout,
            stdin=None if stdin else None,
        )
    finally:
        for fd in keep:
            os.close(fd)

"""Shared fixtures: every test gets private, temporary user folders and vaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from kintsugi.core.vault import Vault
from tests.helpers import FAST_KDF, PASSPHRASE


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
def english_engine():
    """The engine's words in English, as the CLI writes them, whatever a GUI test installed
    before (the app's fixture installs Qt's translator again for GUI tests)."""
    from kintsugi.core import i18n

    i18n.install(None)
    yield


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

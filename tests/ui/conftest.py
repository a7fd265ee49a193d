"""GUI fixtures: a real MainWindow over a real vault in a temp folder (offscreen)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KINTSUGI_LANGUAGE", "en")  # the source texts, whatever LANG says

from kintsugi.core.vault import Vault  # noqa: E402
from kintsugi.ui.app import make_app  # noqa: E402
from kintsugi.ui.main_window import MainWindow  # noqa: E402
from kintsugi.ui.session import Session  # noqa: E402
from kintsugi.ui.workers import wait_for_background  # noqa: E402
from tests.helpers import FAST_KDF, PASSPHRASE, unlock  # noqa: E402


@pytest.fixture(scope="session")
def qapp_args():
    return ["kintsugi-tests"]


@pytest.fixture
def app(qapp):
    from PySide6.QtCore import QSettings

    from kintsugi.core import config
    from kintsugi.ui.theme import apply_text_size

    yield make_app()
    QSettings().remove(config.TEXT_SIZE_HERE.key)  # one test's text size never leaks into the next
    apply_text_size(qapp, 100)


@pytest.fixture
def make_window(app, qtbot):
    windows = []

    def make(path) -> MainWindow:
        w = MainWindow(Session(path))
        qtbot.addWidget(w)
        w.show()
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.session.lock()
    wait_for_background()


@pytest.fixture
def existing_vault(vault_path):
    Vault.create(vault_path, PASSPHRASE, params=FAST_KDF).lock()
    return vault_path


@pytest.fixture
def window(make_window, existing_vault, qtbot):
    w = make_window(existing_vault)
    unlock(qtbot, w)
    return w

"""GUI fixtures: a real MainWindow over a real vault in a temp folder (offscreen)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kintsugi.core.vault import Vault  # noqa: E402
from kintsugi.ui.app import make_app  # noqa: E402
from kintsugi.ui.main_window import MainWindow  # noqa: E402
from kintsugi.ui.session import Session  # noqa: E402
from kintsugi.ui.workers import wait_for_background  # noqa: E402
from tests.conftest import FAST_KDF, PASSPHRASE  # noqa: E402


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


def unlock(qtbot, window, passphrase=PASSPHRASE):
    window.unlock.passphrase.setText(passphrase)
    with qtbot.waitSignal(window.session.unlocked, timeout=20_000):
        window.unlock.unlock_button.click()
    assert window.screens.currentWidget() is window.workspace


@pytest.fixture
def existing_vault(vault_path):
    Vault.create(vault_path, PASSPHRASE, params=FAST_KDF).lock()
    return vault_path


@pytest.fixture
def window(make_window, existing_vault, qtbot):
    w = make_window(existing_vault)
    unlock(qtbot, w)
    return w


def assert_accessible(root) -> None:
    """Every control we made under ``root`` has an accessible name (or visible text)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QCalendarWidget,
        QComboBox,
        QLineEdit,
        QMenuBar,
        QPlainTextEdit,
        QTextEdit,
        QToolBar,
        QWidget,
    )

    kinds = (
        QAbstractButton,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QComboBox,
        QAbstractSpinBox,
        QAbstractItemView,
        QAbstractSlider,
    )
    composites = (
        QComboBox,
        QCalendarWidget,
        QMenuBar,
        QToolBar,
        QLineEdit,
        QAbstractSpinBox,
        QAbstractItemView,
    )

    def part_of_a_qt_composite(widget):
        parent = widget.parent()
        while parent is not None:
            if isinstance(parent, composites):
                return True
            parent = parent.parent()
        return False

    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or part_of_a_qt_composite(widget):
            continue
        if widget.metaObject().className() == "QScrollBar":
            continue
        name = widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())
        if not name:
            missing.append(f"{widget.metaObject().className()} {widget.objectName()}")
    assert missing == [], "\n".join(missing)

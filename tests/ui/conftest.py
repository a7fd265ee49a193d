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


# Long words (Spanish, as in a real journal), so a list or a form that cannot narrow shows it.
LONG = "El teléfono queda desbloqueado por las tardes y lo hablamos cada domingo sin prisa"


@pytest.fixture
def spanish(app):
    from kintsugi.ui import i18n

    assert i18n.install(app, "es") == "es"
    yield
    i18n.install(app, "en")


@pytest.fixture
def long_journal(vault_path):
    """Records whose words are long, so a list or a form that cannot narrow shows it."""
    from datetime import date, timedelta

    from kintsugi.core.records import Boundary, Entry, Goal, GoalProgress, Trigger
    from kintsugi.core.repo import repository_for
    from kintsugi.core.vault import Vault
    from tests.helpers import FAST_KDF, PASSPHRASE

    with Vault.create(vault_path, PASSPHRASE, params=FAST_KDF) as v:
        add = lambda rec: repository_for(v.db, rec.KIND).add(rec)  # noqa: E731
        add(Entry(title=LONG, body=LONG, tags=["desencadenante", "nosotros"], shared=True))
        add(Trigger(cue="date_anniversary", situation=LONG, suds_peak=7, shared=True))
        add(Boundary(text=LONG, revisit_by=date.today(), shared=True))
        add(
            Goal(
                text=LONG,
                target_amount=4,
                target_unit="conversaciones",
                due=date.today() + timedelta(days=9),
                progress=[GoalProgress(date.today(), 1)],
                shared=True,
            )
        )
    return vault_path

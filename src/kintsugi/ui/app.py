"""Start the desktop app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kintsugi.ui import channel, i18n
from kintsugi.ui.main_window import MainWindow
from kintsugi.ui.session import Session
from kintsugi.ui.theme import app_icon, apply_text_size, apply_theme
from kintsugi.ui.workers import wait_for_background


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)  # a widget app, never a bare core one
    app.setApplicationName("Kintsugi")
    app.setOrganizationName("Kintsugi")
    app.setDesktopFileName("kintsugi")
    app.setWindowIcon(app_icon())
    # KINTSUGI_LANGUAGE (en, es, system) overrides the saved choice: tests and screenshots.
    i18n.install(app, os.environ.get("KINTSUGI_LANGUAGE") or None)
    from kintsugi.ui.discretion import apply_identity

    apply_identity(app)  # a neutral name and icon, if chosen
    apply_theme(app, "system")
    from kintsugi.core import config
    from kintsugi.ui.machine_settings import MachineSettings

    apply_text_size(app, config.TEXT_SIZE_HERE.get(MachineSettings()))  # not secret: a size
    return app


def self_check() -> int:
    """Start the real window on a temporary vault: create, write, read back, lock. 0 = sound."""
    import tempfile

    from PySide6.QtCore import QEventLoop, QTimer

    from kintsugi.core.repo.entries import EntryRepository
    from kintsugi.core.repo.items import Items
    from kintsugi.core.vault import Vault

    app = make_app()
    channel.install_excepthook()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "self-check.kintsugi"
        window = MainWindow(Session(path))
        window.show()
        loop = QEventLoop()
        window.session.unlocked.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)
        window.welcome.passphrase.setText("self-check passphrase")
        window.welcome.repeat.setText("self-check passphrase")
        window.welcome.want_recovery.setChecked(False)
        window.welcome.create_button.click()
        loop.exec()
        if not window.session.is_open:
            print("self-check: the vault did not open", file=sys.stderr)
            return 1
        window.on_new_entry()
        window.journal.editor.body.setPlainText("self-check entry")
        ok = window.journal.flush()
        window.lock()
        wait_for_background()
        with Vault.open(path, "self-check passphrase") as vault:
            entries = Items(vault.db).timeline()
            body = EntryRepository(vault.db).get(entries[0].id).body if entries else ""
        window.close()
        app.processEvents()
    good = ok and body == "self-check entry"
    print("self-check ok" if good else "self-check FAILED", file=sys.stderr)
    return 0 if good else 1


def no_display() -> bool:

    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def run(vault_path: Path) -> int:
    from kintsugi.core.hardening import harden

    harden()
    from kintsugi.core import support_card

    support_card.remove_stale_temps()  # a killed write of the lock screen's card, if any
    if no_display():
        print(
            "kintsugi: there is no graphical display here (DISPLAY is not set). Start it "
            "from your desktop, or use the command line: kintsugi --help",
            file=sys.stderr,
        )
        return 1
    app = make_app()
    channel.install_excepthook()  # the unexpected: one calm line, its type alone in the log
    window = MainWindow(Session(vault_path))
    window.show()
    quit_on_interrupt(app)
    code = app.exec()
    shut_down(window)
    return code


def quit_on_interrupt(app: QApplication) -> None:
    """Ctrl+C in the terminal quits like closing the window (Python sees the signal only
    when it runs, so a timer lets it run a few times a second)."""
    import signal

    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGINT, lambda *_: app.quit())
    timer = QTimer(app, interval=200)
    timer.timeout.connect(lambda: None)
    timer.start()


def shut_down(window: MainWindow) -> None:
    """Quit promptly: a key derivation being waited for gives up at once (it finishes on
    its own daemon thread, never holding the process), then lock and let the workers end."""
    from kintsugi.core import kdf

    kdf.cancel_running()
    window.lock()
    wait_for_background()

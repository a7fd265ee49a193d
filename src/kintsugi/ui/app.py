"""Start the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kintsugi.ui.main_window import MainWindow
from kintsugi.ui.session import Session
from kintsugi.ui.theme import app_icon, apply_theme
from kintsugi.ui.workers import wait_for_background


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Kintsugi")
    app.setOrganizationName("Kintsugi")
    app.setDesktopFileName("kintsugi")
    app.setWindowIcon(app_icon())
    apply_theme(app, "system")
    return app


def run(vault_path: Path) -> int:
    app = make_app()
    window = MainWindow(Session(vault_path))
    window.show()
    code = app.exec()
    window.lock()
    wait_for_background()
    return code

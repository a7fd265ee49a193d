"""Discretion: what someone glancing at the screen, the launcher or a file name learns.

Two choices apply before any journal is open, so they are kept on this computer
(``config.NEUTRAL_NAME``, ``config.SHOW_FILE_NAME``: two yes/no values, nothing written):
a neutral name and icon ("Notes", a plain page) for the window, the app and the launcher
entry, and whether the lock screen names the journal file (by default it does not).
Exports are offered under neutral file names always.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import QApplication

from kintsugi.core import config
from kintsugi.core.fsutil import atomic_write_bytes
from kintsugi.ui.machine_settings import MachineSettings

APP_NAME = "Kintsugi"
NEUTRAL_NAME = "Notes"

#: A plain page with three lines: says nothing about what the app is for.
PLAIN_ICON = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect x="12" y="6" width="40" height="52" rx="5" fill="#f4f1ea" stroke="#8a8580" stroke-width="3"/>
<path d="M20 22h24M20 32h24M20 42h16" stroke="#8a8580" stroke-width="3" stroke-linecap="round"/>
</svg>
"""

#: Default file names offered when saving: they say nothing about the app or its purpose.
EXPORT_NAMES = {
    "pdf": "report.pdf",
    "md": "notes.md",
    "bundle": "bundle.age",
    "everything": "export.json",
    "recovery": "recovery-key.txt",
}


def neutral_name() -> bool:
    return config.NEUTRAL_NAME.get(MachineSettings())


def show_file_name() -> bool:
    return config.SHOW_FILE_NAME.get(MachineSettings())


def set_choices(*, neutral: bool, file_name: bool) -> None:
    store = MachineSettings()
    config.NEUTRAL_NAME.set(store, bool(neutral))
    config.SHOW_FILE_NAME.set(store, bool(file_name))


def app_title() -> str:
    """The name on the window, the task bar and notifications."""
    return NEUTRAL_NAME if neutral_name() else APP_NAME


def plain_icon() -> QIcon:
    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(PLAIN_ICON), "SVG")
    return QIcon(pixmap)


def apply_identity(app: QApplication) -> None:
    """Name and icon of the running app, as chosen."""
    from kintsugi.ui.theme import app_icon

    app.setApplicationDisplayName("")
    app.setWindowIcon(plain_icon() if neutral_name() else app_icon())


def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def desktop_entry_path() -> Path:
    return _data_home() / "applications" / "kintsugi.desktop"


def desktop_entry(neutral: bool) -> str:
    """The launcher entry's text: Kintsugi's own, or a neutral one."""
    from kintsugi.ui.theme import resource_bytes

    lines = resource_bytes("kintsugi.desktop").decode("utf-8").splitlines()
    if not neutral:
        return "\n".join(lines) + "\n"
    replace = {
        "Name": NEUTRAL_NAME,
        "GenericName": "Notes",
        "Comment": "Notes",
        "Keywords": "notes;",
        "Icon": "kintsugi-notes",
    }
    out = []
    for line in lines:
        key = line.split("=", 1)[0]
        out.append(f"{key}={replace[key]}" if key in replace else line)
    return "\n".join(out) + "\n"


def write_desktop_entry(neutral: bool) -> Path | None:
    """Rewrite the person's installed launcher entry (from ``make install-desktop``) to
    match the choice. Nothing is written when no entry is installed."""
    path = desktop_entry_path()
    if not path.exists():
        return None
    if neutral:
        icon = _data_home() / "icons" / "hicolor" / "scalable" / "apps" / "kintsugi-notes.svg"
        icon.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(icon, PLAIN_ICON)
    atomic_write_bytes(path, desktop_entry(neutral).encode("utf-8"))
    return path


def removable_media() -> Path | None:
    """Where a USB stick shows up (/media/<user>, /run/media/<user>), if one is plugged in."""
    user = os.environ.get("USER") or os.environ.get("LOGNAME") or ""
    for base in (Path("/media") / user, Path("/run/media") / user):
        try:
            mounted = [p for p in base.iterdir() if p.is_dir()] if user else []
        except OSError:
            continue
        if mounted:
            return mounted[0]
    return None


def on_this_computer(path: Path) -> bool:
    """Is ``path`` on the same disk as the home folder (not a USB stick or another disk)?"""
    try:
        return path.resolve().parent.stat().st_dev == Path.home().stat().st_dev
    except OSError:
        return True


PANIC_KEY = "Ctrl+Shift+L"


class PanicKey(QObject):
    """The panic key works from every window of the app, a modal dialog too (a window
    shortcut is blocked by one): a filter on the application sees the key press first."""

    def __init__(self, trigger: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self.trigger = trigger
        self.sequence = QKeySequence(PANIC_KEY)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the app passes here: the cheap test first (a type() is ~3 µs).
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            combo = QKeySequence(event.keyCombination())
            if combo.matches(self.sequence) == QKeySequence.SequenceMatch.ExactMatch:
                self.trigger()
                return True
        return False

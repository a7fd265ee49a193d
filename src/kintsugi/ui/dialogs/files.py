"""File dialogs that leave no trail.

Qt's own (widget) file dialog is used everywhere — never the platform's, which may record
recent files (GTK's recently-used.xbel). On closing, Qt saves the dialog's history and last
folder to ``QtProject.conf``; we empty them before it does and remove what it wrote, so no
path or file name the person chose is kept outside the vault.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget


def _ask(
    parent: QWidget | None, title: str, start: str, name_filter: str, save: bool
) -> Path | None:
    dialog = QFileDialog(parent, title, start, name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    if save:
        dialog.selectFile(Path(start).name if start else "")
    chosen = dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else None
    dialog.setHistory([])
    dialog.setDirectory(str(Path.home()))
    shiboken6.delete(dialog)  # Qt saves its settings now: then remove them
    forget_dialog_settings()
    return Path(chosen) if chosen else None


def forget_dialog_settings() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.remove("Qt/filedialog")
    settings.sync()


def ask_open(parent: QWidget | None, title: str, name_filter: str, start: str = "") -> Path | None:
    return _ask(parent, title, start or str(Path.home()), name_filter, save=False)


def ask_folder(parent: QWidget | None, title: str, start: str = "") -> Path | None:
    """An existing folder (the sync folder), with the same no-trail dialog."""
    dialog = QFileDialog(parent, title, start or str(Path.home()))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else None
    dialog.setHistory([])
    dialog.setDirectory(str(Path.home()))
    shiboken6.delete(dialog)
    forget_dialog_settings()
    return Path(chosen) if chosen else None


def ask_save(parent: QWidget | None, title: str, suggested: Path, name_filter: str) -> Path | None:
    return _ask(parent, title, str(suggested), name_filter, save=True)

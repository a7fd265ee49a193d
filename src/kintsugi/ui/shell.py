"""What a controller may ask of the main window (the `Shell` protocol): the window's few
screen moves, saving every form, and opening a dialog. Controllers get it, the session and the
panes they work with as explicit, typed dependencies; nothing reaches into the window."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QDialog

from kintsugi.ui.panes import Pane


class Shell(Protocol):
    def flush(self) -> bool:
        """Every form saves now; False if anything could not be saved."""

    def lock(self) -> bool:
        """Save, lock, clear every view; False if the person chose to stay."""

    def show_start(self) -> None:
        """The welcome or unlock screen, for the vault's current path."""

    def show_workspace(self) -> None:
        """The panes, with the menus, toolbar and status bar."""

    def show_exercise_screen(self) -> None:
        """The exercise screen, full window: no menus, toolbar or status bar."""

    def on_exercise_screen(self) -> bool: ...

    def show_pane(self, pane: Pane) -> None: ...

    def open_dialog(self, dialog: QDialog, *, delete_on_close: bool = True) -> None:
        """Open a window-modal dialog; it is the window's one open dialog until closed."""

"""The workspace's sections: what a pane is to the main window (the `Pane` protocol), and the
one registered list of them (`Sections`) — the navigation, the stacked pages, a shortcut for
each pane that has one, and the three moments every pane takes part in: the vault opened,
save now, the vault locked (and, for a pane that shows records, a fourth: another computer
changed some)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidget, QStackedWidget, QWidget


@runtime_checkable
class Pane(Protocol):
    """A section of the workspace. Every pane is a QWidget; this is what the window needs of it.

    ``label``     its name in the navigation (translated)
    ``shortcut``  a key sequence that shows it (``"Ctrl+1"``), or None
    """

    label: str
    shortcut: str | None

    def on_unlocked(self) -> None:
        """The vault is open: load what the pane shows."""

    def flush(self) -> bool:
        """Save what is being typed, now; False if it could not be saved."""

    def clear(self) -> None:
        """The vault is locked: forget everything the pane shows."""


@runtime_checkable
class Refreshes(Protocol):
    """A pane that shows records another computer can change (a sync round brought some)."""

    def refresh_quietly(self) -> None:
        """Read again what is shown, keeping the person's place and choice; an edit not yet
        saved stays as it is on screen (its save comes next)."""


@runtime_checkable
class OpensItems(Protocol):
    """A pane that opens records of some kinds (from Search, the timeline, a link): it names
    them in ``opens_kinds`` and opens one with ``open_item``. The window finds the pane by
    kind, so a new kind's pane needs no change to the window."""

    opens_kinds: tuple[str, ...]

    def open_item(self, item_id: int, kind: str) -> None:
        """Show the record ``item_id`` (of ``kind``, one of ``opens_kinds``)."""


class Sections(QObject):
    """The registered panes, in navigation order: one row and one page each."""

    shown = Signal(object)  # the Pane now on screen

    def __init__(self, panes: Sequence[Pane], window: QWidget):
        super().__init__(window)
        self._panes = tuple(panes)
        self.nav = QListWidget(objectName="navigation")  # type: ignore[call-arg]
        self.nav.setAccessibleName(self.tr("Sections"))
        self.stack = QStackedWidget()
        self.actions: list[QAction] = []
        for pane in self._panes:
            if not isinstance(pane, QWidget):
                raise TypeError(f"a pane must be a QWidget, not {type(pane).__name__}")
            self.nav.addItem(pane.label)
            self.stack.addWidget(pane)
            if pane.shortcut:
                action = QAction(pane.label, window)
                action.setShortcut(QKeySequence(pane.shortcut))
                action.triggered.connect(lambda _=False, p=pane: self.show(p))
                window.addAction(action)
                self.actions.append(action)
        self.nav.currentRowChanged.connect(self._on_row_changed)

    def __iter__(self) -> Iterator[Pane]:
        return iter(self._panes)

    def __len__(self) -> int:
        return len(self._panes)

    def show(self, pane: Pane) -> None:
        """Bring a pane on screen (its row in the navigation follows)."""
        self.nav.setCurrentRow(self._panes.index(pane))

    def opener(self, kind: str) -> Pane | None:
        """The pane that opens records of ``kind``, if any."""
        for pane in self._panes:
            if isinstance(pane, OpensItems) and kind in pane.opens_kinds:
                return pane
        return None

    def current(self) -> Pane | None:
        row = self.nav.currentRow()
        return self._panes[row] if 0 <= row < len(self._panes) else None

    def _on_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._panes):
            self.stack.setCurrentIndex(row)
            self.shown.emit(self._panes[row])

    # --- the moments every pane takes part in --------------------------------------
    def on_unlocked(self) -> None:
        for pane in self._panes:
            pane.on_unlocked()

    def flush(self) -> bool:
        """Every pane saves now (all of them, even after one fails); False if any failed."""
        return all([pane.flush() for pane in self._panes])

    def clear(self) -> None:
        for pane in self._panes:
            pane.clear()

    def refresh_quietly(self) -> None:
        """Records changed elsewhere (a sync round): every pane that shows some reads again."""
        for pane in self._panes:
            if isinstance(pane, Refreshes):
                pane.refresh_quietly()

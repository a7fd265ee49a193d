"""What a practice's page is to the Together section (the `PracticePage` protocol).

A page is a QWidget made with the session alone (``Page(session)``); the Together pane puts
it in a tab of its own and passes on the moments every pane takes part in.

Three things a page may have besides (the pane looks for them): ``status_widgets()``, widgets
for the window's status bar (a reminder's calm line: the page shows and hides them itself),
a ``show_me`` signal, emitted when the page wants to be on screen (that line's button), and
``refresh_quietly()``, called when a sync round brought records (see ``Refreshes``,
ui/panes.py; every RecordListTab has it)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class PracticePage(Protocol):
    """One practice of repair, on a tab of Together.

    ``title``  the tab's name (translated, short: it shares a row with the others)
    ``kinds``  the record kinds this page opens (a search hit of one comes here), maybe none
    """

    title: str
    kinds: tuple[str, ...]

    def on_unlocked(self) -> None:
        """The vault is open: load what the page shows."""

    def flush(self) -> bool:
        """Save what is being typed, now; False if it could not be saved."""

    def clear(self) -> None:
        """The vault is locked: forget everything the page shows."""

    def open_item(self, item_id: int, kind: str) -> None:
        """Show this record (one of ``kinds``) on the page."""

"""Reading and editing a table's cells, where a cell may hold no item yet."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget


def cell_text(table: QTableWidget, row: int, column: int, default: str = "") -> str:
    item = table.item(row, column)
    return item.text() if item is not None else default


def edit_cell(table: QTableWidget, row: int, column: int) -> None:
    item = table.item(row, column)
    if item is not None:
        table.editItem(item)

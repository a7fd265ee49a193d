"""The journal timeline as a lazy list model: newest first, a page at a time.

Rows are :class:`~kintsugi.core.records.ItemSummary`. ``fetchMore`` asks the
source (a repository's ``timeline``-like method) for the next page with a keyset
(occurred_at, id), so opening and scrolling cost the same at 100 or 100,000 items.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt

from kintsugi.core.records import ItemSummary
from kintsugi.ui.i18n import moment_text
from kintsugi.ui.widgets.safe_text import plain_tooltip
from kintsugi.ui.widgets.summary_words import excerpt_text, title_text

Index = QModelIndex | QPersistentModelIndex
#: fetch(after=(occurred_at, id) | None, limit=N) -> the next page, newest first
Fetch = Callable[..., list[ItemSummary]]
_FAR_FUTURE_ID = 2**62


class TimelineModel(QAbstractListModel):
    PAGE = 200
    IdRole = Qt.ItemDataRole.UserRole + 1
    SummaryRole = Qt.ItemDataRole.UserRole + 2
    DayStartRole = (
        Qt.ItemDataRole.UserRole + 3
    )  # True on the first row of a day (draws the day heading)
    #: What a saved row's new summary changes (its day start is told apart, when it does).
    ROW_ROLES = [
        int(role)
        for role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
            IdRole,
            SummaryRole,
        )
    ]

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fetch: Fetch | None = None
        self._rows: list[ItemSummary] = []
        self._exhausted = True
        self._anchor: tuple[datetime, int] | None = None

    # --- source ---------------------------------------------------------------
    def set_source(self, fetch: Fetch | None, anchor: datetime | None = None) -> None:
        """Show what ``fetch`` pages through (None clears everything), newest first,
        or from ``anchor`` back."""
        self.beginResetModel()
        self._fetch = fetch
        self._rows = []
        self._anchor = (anchor, _FAR_FUTURE_ID) if anchor else None
        self._exhausted = fetch is None
        self.endResetModel()

    # --- Qt model API -----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return title_text(row) or self.tr("Untitled")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            title = title_text(row) or self.tr("Untitled")
            return f"{moment_text(row.occurred_at)}: {title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(excerpt_text(row))  # the text as it is, never markup
        if role == self.IdRole:
            return row.id
        if role == self.SummaryRole:
            return row
        if role == self.DayStartRole:
            r = index.row()
            return r == 0 or self._rows[r - 1].occurred_at.date() != row.occurred_at.date()
        return None

    def roleNames(self) -> dict[int, QByteArray]:  # noqa: N802 (Qt API)
        names = super().roleNames()
        for role, name in (
            (self.IdRole, b"itemId"),
            (self.SummaryRole, b"summary"),
            (self.DayStartRole, b"dayStart"),
        ):
            names[role] = QByteArray(name)
        return names

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        last = self._rows[-1] if self._rows else None
        after = (last.occurred_at, last.id) if last else self._anchor
        page = self._fetch(after=after, limit=self.PAGE)
        if len(page) < self.PAGE:
            self._exhausted = True
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    # --- edits from the app -----------------------------------------------------
    def row_of(self, item_id: int) -> int:
        for r, row in enumerate(self._rows):
            if row.id == item_id:
                return r
        return -1

    def summary_at(self, row: int) -> ItemSummary:
        return self._rows[row]

    def upsert(self, summary: ItemSummary) -> int:
        """Show a saved item where it belongs; returns its row (or -1 if outside the window)."""
        key = (summary.occurred_at, summary.id)
        rows = self._rows
        r = self.row_of(summary.id)
        newer_above = r >= 0 and (r == 0 or (rows[r - 1].occurred_at, rows[r - 1].id) > key)
        older_below = r >= 0 and (
            r == len(rows) - 1 or key > (rows[r + 1].occurred_at, rows[r + 1].id)
        )
        if newer_above and older_below:
            # Still in its place (an autosave, every second while someone types): change the
            # row, not the list, or the view measures every loaded row again.
            old, rows[r] = rows[r], summary
            # The roles that changed, never the day start: the view repaints the row
            # without measuring every loaded row again (timeline_delegate.TimelineView).
            self.dataChanged.emit(self.index(r), self.index(r), self.ROW_ROLES)
            if old.occurred_at != summary.occurred_at:  # day headings may change around it
                self._day_start_changed(r)
                self._day_start_changed(r + 1)
            return r
        self.remove_id(summary.id)
        pos = 0
        while pos < len(rows) and (rows[pos].occurred_at, rows[pos].id) > key:
            pos += 1
        if self._anchor and key > (self._anchor[0], self._anchor[1]):
            return -1  # newer than the anchored window
        if pos == len(rows) and not self._exhausted:
            return -1  # older than what is loaded: it will arrive with a later page
        self.beginInsertRows(QModelIndex(), pos, pos)
        rows.insert(pos, summary)
        self.endInsertRows()
        self._day_start_changed(pos + 1)
        return pos

    def remove_id(self, item_id: int) -> None:
        r = self.row_of(item_id)
        if r < 0:
            return
        self.beginRemoveRows(QModelIndex(), r, r)
        del self._rows[r]
        self.endRemoveRows()
        self._day_start_changed(r)

    def _day_start_changed(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [self.DayStartRole])

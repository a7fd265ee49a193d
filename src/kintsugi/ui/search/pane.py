"""Search everything as you type: ranked results with the matching words marked.

Each query runs on the thread pool; only the newest query's results are shown.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.i18n import marked
from kintsugi.core.plain_markdown import strip_markdown_spans
from kintsugi.core.repo import REPOSITORIES
from kintsugi.core.search import SearchFilters, SearchHit
from kintsugi.ui.i18n import day_text
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.share.mark import install_agenda_toggle
from kintsugi.ui.widgets.flow_layout import FlowLayout
from kintsugi.ui.widgets.safe_text import SafeTextDocument
from kintsugi.ui.workers import run_in_background

Index = QModelIndex | QPersistentModelIndex
# Every kind in the register, by its name in lists (core/repo: a kind is a unit).
KIND_LABELS = {kind: repo.short_name or repo.name for kind, repo in REPOSITORIES.items()}


def kind_label(kind: str) -> str:
    known = KIND_LABELS.get(kind)
    return marked("render", known) if known else kind


class SearchResultsModel(QAbstractListModel):
    HitRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit.title} — {hit.snippet}"
        if role == self.HitRole:
            return hit
        return None


def snippet_html(hit: SearchHit) -> str:
    out, pos = [], 0
    for start, end in hit.highlights:
        out.append(html.escape(hit.snippet[pos:start]))
        out.append(f"<b><u>{html.escape(hit.snippet[start:end])}</u></b>")
        pos = end
    out.append(html.escape(hit.snippet[pos:]))
    return "".join(out).replace("\n", " ")


def readable(hits: list[SearchHit]) -> list[SearchHit]:
    """Snippets as words: Markdown marks removed, the highlights moved with the text."""
    for hit in hits:
        hit.snippet, hit.highlights = strip_markdown_spans(hit.snippet, hit.highlights)
    return hits


class SearchHitDelegate(QStyledItemDelegate):
    """Two lines of text per hit, sized from the font (never a fixed height)."""

    @staticmethod
    def height(option) -> int:
        return QFontMetrics(option.font).lineSpacing() * 2 + 14

    def sizeHint(self, option, index) -> QSize:
        return QSize(1, self.height(option))

    def paint(self, painter, option, index) -> None:
        hit: SearchHit = index.data(SearchResultsModel.HitRole)
        painter.save()
        painter.setClipRect(option.rect)
        pal = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(option.rect.adjusted(4, 2, -4, -2), 6, 6)
        colour = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ).name()
        subtle = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        kind = kind_label(hit.kind)
        doc = SafeTextDocument()
        doc.setDefaultFont(option.font)
        doc.set_html(
            f"<div style='color:{colour}'><b>{html.escape(hit.title or '—')}</b>"
            f" <span style='color:{subtle.name()}'>&nbsp;{kind} · "
            f"{day_text(hit.occurred_at)}</span><br>{snippet_html(hit)}</div>"
        )
        doc.setTextWidth(option.rect.width() - 24)
        painter.translate(option.rect.left() + 12, option.rect.top() + 6)
        doc.drawContents(painter, QRectF(0, 0, option.rect.width() - 24, option.rect.height() - 8))
        painter.restore()


class SearchPane(QWidget):
    open_requested = Signal(int, str)  # item id, kind
    LIMIT = 100  # hits shown at once

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = self.tr("Search")  # the Pane protocol (ui/panes.py)
        self.shortcut: str | None = "Ctrl+7"  # the section's place in the list
        self.session = session
        self._generation = 0
        self.query = QLineEdit(
            placeholderText=self.tr("Search everything you have written…"), clearButtonEnabled=True
        )
        self.query.setAccessibleName(self.tr("Search"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of record"))
        self.kind.addItem(self.tr("Everything"), None)
        for kind in KIND_LABELS:
            self.kind.addItem(kind_label(kind), kind)
        self.tag = QComboBox(editable=True)
        self.tag.setAccessibleName(self.tr("Tag"))
        tag_line = self.tag.lineEdit()
        assert tag_line is not None  # an editable combo box has one
        tag_line.setPlaceholderText(self.tr("Any tag"))
        self.starred = QToolButton()
        self.starred.setObjectName("starredOnly")
        self.starred.setCheckable(True)
        self.starred.setText("★")
        self.starred.setAccessibleName(self.tr("Only starred entries"))
        self.starred.setToolTip(self.tr("Only starred entries"))
        self.dated = QCheckBox(self.tr("Between"))
        self.dated.setAccessibleName(self.tr("Only between two dates"))
        self.since = QDateEdit(calendarPopup=True, enabled=False, displayFormat="d MMM yyyy")  # type: ignore[call-overload]
        self.since.setAccessibleName(self.tr("From date"))
        self.since.setDate(QDate.currentDate().addMonths(-1))
        self.until = QDateEdit(calendarPopup=True, enabled=False, displayFormat="d MMM yyyy")  # type: ignore[call-overload]
        self.until.setAccessibleName(self.tr("To date"))
        self.until.setDate(QDate.currentDate())
        self.dated.toggled.connect(self.since.setEnabled)
        self.dated.toggled.connect(self.until.setEnabled)
        self.status = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.status.setProperty("role", "subtle")
        self.status.setAccessibleName(self.tr("Search status"))

        self.model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.activated.connect(self.on_result_activated)
        self.results.clicked.connect(self.on_result_activated)
        install_agenda_toggle(self.results, session, self.current_id)

        self._debounce = QTimer(self, singleShot=True, interval=180)
        self._debounce.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._debounce.start)
        self.query.returnPressed.connect(self.on_query_return_pressed)
        for signal in (
            self.kind.currentIndexChanged,
            self.tag.currentTextChanged,
            self.dated.toggled,
            self.starred.toggled,
            self.since.dateChanged,
            self.until.dateChanged,
        ):
            signal.connect(self._debounce.start)

        filters = FlowLayout()  # wraps in a narrow window
        for w in (self.kind, self.tag, self.starred, self.dated, self.since, self.until):
            filters.add(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def on_unlocked(self) -> None:
        self.show_empty_state()
        self.tag.clear()
        self.tag.addItem("")
        self.tag.addItems(self.session.items().tag_names())

    def flush(self) -> bool:
        return True  # nothing here is saved: it only reads

    def clear(self) -> None:
        self._generation += 1  # drop any result still on its way
        self._debounce.stop()
        self.query.clear()
        self.tag.clear()
        self.model.set_hits([])
        self.status.clear()

    def show_empty_state(self) -> None:
        self.status.setText(self.tr("Type a word above to search everything you have written."))

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def filters(self) -> SearchFilters:
        kind = self.kind.currentData()
        return SearchFilters(
            kinds=(kind,) if kind else (),
            tag=self.tag.currentText().strip() or None,
            since=self.since.date().toPython() if self.dated.isChecked() else None,
            until=self.until.date().toPython() if self.dated.isChecked() else None,
            starred=self.starred.isChecked(),
        )

    def run_search(self) -> None:
        if not self.session.is_open:
            return
        text, filters = self.query.text(), self.filters()
        self._generation += 1
        generation = self._generation
        if not text.strip():
            self.model.set_hits([])
            self.show_empty_state()
            return
        search = self.session.search()
        self.status.setText(self.tr("Searching…"))

        def find() -> tuple[list[SearchHit], int]:
            hits = readable(search.search(text, filters, limit=self.LIMIT, prefix_last=True))
            total = len(hits)
            if total == self.LIMIT:  # there may be more: the index counts them all
                total = search.count(text, filters, prefix_last=True)
            return hits, total

        run_in_background(
            find,
            lambda found: self.on_search_done(generation, *found),
            lambda exc: self.on_search_failed(generation, exc),
        )

    def on_search_done(self, generation: int, hits: list[SearchHit], total: int) -> None:
        if generation != self._generation:
            return
        self.model.set_hits(hits)
        locale = QLocale()
        if total > len(hits):
            self.status.setText(
                self.tr("Showing %1 of %2 (the best first). A word more or a filter narrows them.")
                .replace("%1", locale.toString(len(hits)))
                .replace("%2", locale.toString(total))
            )
        elif hits:
            self.status.setText(
                self.tr("1 result")
                if len(hits) == 1
                else self.tr("%1 results").replace("%1", locale.toString(len(hits)))
            )
        else:
            self.status.setText(self.tr("Nothing found. Try fewer or shorter words."))

    def on_search_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.status.setText(describe(exc))

    def on_query_return_pressed(self) -> None:
        if self.model.rowCount():
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0))

    def current_id(self) -> int | None:
        """The item of the chosen result (None: none chosen)."""
        index = self.results.currentIndex()
        hit = index.data(SearchResultsModel.HitRole) if index.isValid() else None
        return hit.id if isinstance(hit, SearchHit) else None

    def on_result_activated(self, index: QModelIndex) -> None:
        hit: SearchHit = index.data(SearchResultsModel.HitRole)
        if hit is not None:
            self.open_requested.emit(hit.id, hit.kind)

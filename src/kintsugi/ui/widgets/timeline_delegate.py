"""Paints a timeline row: a day heading when the day changes, then time, title, excerpt,
mood, tags and the share mark. Calm type, no alarm colours."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from kintsugi.core.i18n import marked
from kintsugi.core.plain_markdown import strip_markdown
from kintsugi.core.records import ItemSummary
from kintsugi.ui.i18n import clock_text, long_day_text
from kintsugi.ui.widgets.summary_words import excerpt_text
from kintsugi.ui.widgets.timeline_model import Index, TimelineModel

MOODS = {
    -3: QT_TRANSLATE_NOOP("mood", "Very low"),
    -2: QT_TRANSLATE_NOOP("mood", "Low"),
    -1: QT_TRANSLATE_NOOP("mood", "A bit low"),
    0: QT_TRANSLATE_NOOP("mood", "Okay"),
    1: QT_TRANSLATE_NOOP("mood", "A bit better"),
    2: QT_TRANSLATE_NOOP("mood", "Good"),
    3: QT_TRANSLATE_NOOP("mood", "Very good"),
}
PAD = 10  # the horizontal margin; every height comes from the fonts
_WIDEST_TIME = datetime(2000, 1, 1, 22, 58)  # measures the time column in any locale


def mood_word(mood: int | None) -> str:
    return "" if mood is None else marked("mood", MOODS[mood])


def day_heading(day: date, today: date | None = None) -> str:
    today = today or date.today()
    if day == today:
        return QCoreApplication.translate("timeline", "Today")
    if day == today - timedelta(days=1):
        return QCoreApplication.translate("timeline", "Yesterday")
    return long_day_text(day)


@functools.lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """A row's excerpt as words: Markdown marks removed, on one line."""
    return " ".join(strip_markdown(text).split())


def wrap_once(text: str, fm: QFontMetrics, width: int) -> tuple[str, str]:
    """``text`` cut at the last space that lets its head fit ``width``: (head, the rest);
    (text, "") when it fits whole, or when no word fits (then the head is elided)."""
    if fm.horizontalAdvance(text) <= width:
        return text, ""
    cut = -1
    for n, char in enumerate(text):
        if char == " " and fm.horizontalAdvance(text[:n]) <= width:
            cut = n
        elif char == " ":
            break
    if cut <= 0:
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width), ""
    return text[:cut], text[cut + 1 :].lstrip()


class TimelineDelegate(QStyledItemDelegate):
    """Every size comes from the fonts: the row grows with the person's text size.
    ``pictures`` (ui/attachments/media.RowPictures), when given, draws a row's first
    pictures at its right, as tall as its two lines of text, asked for only as rows are
    painted (a 100,000-row timeline asks for the rows on screen)."""

    pictures: Any = None  # a RowPictures, or None: no thumbnails

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        small = QFont(option.font)
        small.setPointSizeF(small.pointSizeF() * 0.88)
        head = QFont(small)
        head.setBold(True)
        return title, small, head

    def _heights(self, option: QStyleOptionViewItem) -> tuple[int, int, int]:
        """(row height, day heading height, padding), from the fonts' line heights."""
        title, small, head = self._fonts(option)
        line = QFontMetrics(title).height()
        pad = max(4, line // 3)
        row = QFontMetrics(title).height() + QFontMetrics(small).height() + 2 * pad + 6
        return row, round(QFontMetrics(head).height() * 1.8), pad

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row, head, _ = self._heights(option)
        extra = head if index.data(TimelineModel.DayStartRole) else 0
        return QSize(1, row + extra)  # the view stretches rows to its width

    def row_layout(self, option: QStyleOptionViewItem, index: Index) -> RowLayout:
        """Where each part of the row goes and what it says (elided to its room)."""
        item: ItemSummary = index.data(TimelineModel.SummaryRole)
        title_font, small_font, _ = self._fonts(option)
        _, head_h, pad = self._heights(option)
        rect = QRect(option.rect)
        head = QRect()
        if index.data(TimelineModel.DayStartRole):
            head = QRect(rect.left() + PAD, rect.top(), rect.width() - 2 * PAD, head_h - pad // 2)
            rect.setTop(rect.top() + head_h)
        body = rect.adjusted(4, 3, -4, -3)
        inner = body.adjusted(PAD, pad, -PAD, -pad)
        title_fm, small_fm = QFontMetrics(title_font), QFontMetrics(small_font)
        top_h = title_fm.height()
        side = top_h + small_fm.height()  # a thumbnail is as tall as the row's two lines
        images: list = []
        pictures = QRect()
        if self.pictures is not None and item.id is not None:
            images = self.pictures.images(item.id, side) or []
            # as many as fit in two fifths of the row: the words keep the rest
            count = min(self.pictures.count(item.id), inner.width() * 2 // 5 // (side + pad))
            images = images[:count]
            reserve = count * (side + pad)
            if reserve:
                pictures = QRect(
                    inner.right() - reserve + pad + 1, inner.top(), reserve - pad, side
                )
                inner.setRight(inner.right() - reserve)
        time_w = small_fm.horizontalAdvance(clock_text(_WIDEST_TIME)) + PAD
        # The title first: it takes what it needs, leaving mood and tags a few characters
        # at least (when the row is wide enough to spare them); they take what is left,
        # elided. The two never overlap.
        room = max(0, inner.width() - time_w)
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        meta = "  ·  ".join(
            b
            for b in (
                mood_word(item.mood),
                " ".join(f"#{t}" for t in item.tags),
                "↗" if item.shared else "",
            )
            if b
        )
        meta_need = small_fm.horizontalAdvance(meta) + PAD if meta else 0
        spare = min(meta_need, small_fm.averageCharWidth() * 8 + PAD)
        if room - spare < room * 3 // 5:
            spare = 0  # too narrow to spare anything: the title has it all
        title_need = title_fm.horizontalAdvance(title) + 2  # elidedText wants a hair more
        title_w = max(0, min(title_need, room - spare))
        meta_w = max(0, room - title_w - PAD) if meta else 0
        left = inner.left() + time_w
        meta_text = small_fm.elidedText(meta, Qt.TextElideMode.ElideRight, meta_w) if meta_w else ""
        if meta_text == "…":
            meta_text = ""  # an ellipsis alone says nothing: no room, nothing drawn
        title_text = title_fm.elidedText(title, Qt.TextElideMode.ElideRight, title_w)
        excerpt = plain(excerpt_text(item))
        placeholder = False
        if not excerpt:  # the title is all there is (an untitled entry's one line, say)
            first, rest = wrap_once(title, title_fm, title_w)
            if rest:  # too long for its line: it goes on in the second, as words do
                title_text, excerpt = first, plain(rest)
            else:  # a calm word, never a blank line under the title
                excerpt = QCoreApplication.translate("timeline", "Nothing more written")
                placeholder = True
        return RowLayout(
            head=head,
            body=body,
            time=QRect(inner.left(), inner.top(), time_w, top_h),
            title=QRect(left, inner.top(), title_w, top_h),
            meta=QRect(inner.right() - meta_w + 1, inner.top(), meta_w, top_h),
            excerpt=QRect(left, inner.top() + top_h, room, inner.height() - top_h),
            title_text=title_text,
            meta_text=meta_text,
            excerpt_text=small_fm.elidedText(excerpt, Qt.TextElideMode.ElideRight, room),
            excerpt_is_placeholder=placeholder,
            pictures=pictures,
            images=tuple(images) if not pictures.isNull() else (),
            picture_side=side,
            picture_step=side + pad,
        )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item: ItemSummary | None = index.data(TimelineModel.SummaryRole)
        if item is None:
            return
        at = self.row_layout(option, index)
        title_font, small_font, head_font = self._fonts(option)
        painter.save()
        painter.setClipRect(option.rect)  # nothing is drawn outside its own row
        pal = option.palette
        if not at.head.isNull():
            painter.setFont(head_font)
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                at.head,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                QFontMetrics(head_font).elidedText(  # a narrow list: elided, never cut
                    day_heading(item.occurred_at.date()),
                    Qt.TextElideMode.ElideRight,
                    at.head.width(),
                ),
            )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(at.body, 6, 6)
            text_colour = pal.color(QPalette.ColorRole.HighlightedText)
        else:
            text_colour = pal.color(QPalette.ColorRole.Text)
        subtle = text_colour if selected else pal.color(QPalette.ColorRole.PlaceholderText)
        painter.setFont(small_font)
        painter.setPen(subtle)
        painter.drawText(
            at.time,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            clock_text(item.occurred_at),
        )
        painter.drawText(
            at.meta, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, at.meta_text
        )
        if at.excerpt_is_placeholder:  # said, not written: quieter still
            quiet = QFont(small_font)
            quiet.setItalic(True)
            painter.setFont(quiet)
        painter.drawText(
            at.excerpt, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, at.excerpt_text
        )
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(
            at.title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, at.title_text
        )
        x = at.pictures.left()
        for image in at.images:  # each fitted into a square as tall as the text
            side = at.picture_side
            shown = image.size().scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(
                x + (side - shown.width()) // 2,
                at.pictures.top() + (side - shown.height()) // 2,
                shown.width(),
                shown.height(),
            )
            painter.drawImage(target, image)
            x += at.picture_step
        painter.restore()


@dataclass(frozen=True)
class RowLayout:
    head: QRect
    body: QRect
    time: QRect
    title: QRect
    meta: QRect
    excerpt: QRect
    title_text: str
    meta_text: str
    excerpt_text: str
    excerpt_is_placeholder: bool = False  # "Nothing more written": no excerpt to show
    pictures: QRect = QRect()  # where a row's thumbnails go (null: none)
    images: tuple = ()  # those decoded so far (QImage)
    picture_side: int = 0
    picture_step: int = 0


class TimelineView(QListView):
    """A row's height depends only on whether it starts a day (sizeHint above). QListView
    lays out *every* loaded row again on any dataChanged — an autosave, every second while
    someone types, re-measured 1,200 rows (30–200 ms a time, measured with
    bench/bench_gui.py). A change that names its roles and leaves the day start alone is
    repainted instead; anything else is laid out as Qt would."""

    _SIZED = frozenset({int(TimelineModel.DayStartRole), int(Qt.ItemDataRole.SizeHintRole)})

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:
        named = [int(r) for r in roles]
        if named and not self._SIZED.intersection(named):
            QAbstractItemView.dataChanged(self, top_left, bottom_right, roles)  # repaint
            return
        super().dataChanged(top_left, bottom_right, roles)


def make_timeline_view(model: TimelineModel, accessible_name: str) -> QListView:
    """A list view over a timeline model, drawn by the timeline delegate, rows fit the width."""
    view = TimelineView(objectName="timeline")  # type: ignore[call-arg]
    view.setModel(model)
    view.setItemDelegate(TimelineDelegate(view))
    view.setUniformItemSizes(False)
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    # Thousands of rows can be loaded: lay them out a batch at a time between events, so a
    # relayout (a resize, a status text changing width) never holds a keystroke back.
    view.setLayoutMode(QListView.LayoutMode.Batched)
    view.setBatchSize(100)
    view.setAccessibleName(accessible_name)
    return view

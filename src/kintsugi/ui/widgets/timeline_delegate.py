"""Paints a timeline row: a day heading when the day changes, then time, title, excerpt,
mood, tags and the share mark. Calm type, no alarm colours."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kintsugi.core.records import ItemSummary
from kintsugi.ui.widgets.timeline_model import TimelineModel

MOODS = {
    -3: "Very low",
    -2: "Low",
    -1: "A bit low",
    0: "Okay",
    1: "A bit better",
    2: "Good",
    3: "Very good",
}
PAD, ROW_H, HEAD_H = 10, 58, 30


def mood_word(mood: int | None) -> str:
    return "" if mood is None else QCoreApplication.translate("mood", MOODS[mood])


def day_heading(day: date, today: date | None = None) -> str:
    today = today or date.today()
    if day == today:
        return QCoreApplication.translate("timeline", "Today")
    if day == today - timedelta(days=1):
        return QCoreApplication.translate("timeline", "Yesterday")
    return f"{day:%A} {day.day} {day:%B %Y}"


class TimelineDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        extra = HEAD_H if index.data(TimelineModel.DayStartRole) else 0
        return QSize(1, ROW_H + extra)  # the view stretches rows to its width

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        item: ItemSummary | None = index.data(TimelineModel.SummaryRole)
        if item is None:
            return
        painter.save()
        pal = option.palette
        rect = QRect(option.rect)
        if index.data(TimelineModel.DayStartRole):
            head = QRect(rect.left() + PAD, rect.top(), rect.width() - 2 * PAD, HEAD_H)
            font = QFont(option.font)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 0.9)
            painter.setFont(font)
            painter.setPen(pal.color(QPalette.PlaceholderText))
            painter.drawText(
                head, Qt.AlignLeft | Qt.AlignBottom, day_heading(item.occurred_at.date())
            )
            rect.setTop(rect.top() + HEAD_H)
        body = rect.adjusted(4, 3, -4, -3)
        if option.state & QStyle.State_Selected:
            painter.setPen(Qt.NoPen)
            painter.setBrush(pal.color(QPalette.Highlight))
            painter.drawRoundedRect(body, 6, 6)
            text_colour = pal.color(QPalette.HighlightedText)
        else:
            text_colour = pal.color(QPalette.Text)
        subtle = pal.color(QPalette.PlaceholderText)
        inner = body.adjusted(PAD, 6, -PAD, -6)

        time_font = QFont(option.font)
        time_font.setPointSizeF(time_font.pointSizeF() * 0.85)
        painter.setFont(time_font)
        painter.setPen(subtle if not option.state & QStyle.State_Selected else text_colour)
        time_w = QFontMetrics(time_font).horizontalAdvance("00:00") + PAD
        painter.drawText(
            QRect(inner.left(), inner.top(), time_w, inner.height() // 2),
            Qt.AlignLeft | Qt.AlignVCenter,
            f"{item.occurred_at:%H:%M}",
        )

        right_bits = [
            b
            for b in (
                mood_word(item.mood),
                " ".join(f"#{t}" for t in item.tags[:3]),
                "↗" if item.shared else "",
            )
            if b
        ]
        right = "  ·  ".join(right_bits)
        right_w = QFontMetrics(time_font).horizontalAdvance(right) + PAD if right else 0
        painter.drawText(
            QRect(inner.right() - right_w, inner.top(), right_w, inner.height() // 2),
            Qt.AlignRight | Qt.AlignVCenter,
            right,
        )

        text_left = inner.left() + time_w
        text_w = inner.width() - time_w - right_w
        title_font = QFont(option.font)
        title_font.setWeight(QFont.DemiBold)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        fm = QFontMetrics(title_font)
        title = index.data(Qt.DisplayRole)
        painter.drawText(
            QRect(text_left, inner.top(), text_w, inner.height() // 2),
            Qt.AlignLeft | Qt.AlignVCenter,
            fm.elidedText(title, Qt.ElideRight, text_w),
        )
        painter.setFont(time_font)
        painter.setPen(subtle if not option.state & QStyle.State_Selected else text_colour)
        fm = QFontMetrics(time_font)
        excerpt_w = inner.width() - time_w
        painter.drawText(
            QRect(text_left, inner.top() + inner.height() // 2, excerpt_w, inner.height() // 2),
            Qt.AlignLeft | Qt.AlignVCenter,
            fm.elidedText(item.excerpt, Qt.ElideRight, excerpt_w),
        )
        painter.restore()


def make_timeline_view(model: TimelineModel, accessible_name: str) -> QListView:
    """A list view over a timeline model, drawn by the timeline delegate, rows fit the width."""
    view = QListView(objectName="timeline")
    view.setModel(model)
    view.setItemDelegate(TimelineDelegate(view))
    view.setUniformItemSizes(False)
    view.setVerticalScrollMode(QListView.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.Adjust)
    # Thousands of rows can be loaded: lay them out a batch at a time between events, so a
    # relayout (a resize, a status text changing width) never holds a keystroke back.
    view.setLayoutMode(QListView.Batched)
    view.setBatchSize(100)
    view.setAccessibleName(accessible_name)
    return view

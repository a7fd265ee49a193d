"""One chart module for the screen and the therapy report: the same specs, drawn by the
same QPainter code onto a widget, an image or a PDF page, so the two never disagree."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kintsugi.core.i18n import Words, marked
from kintsugi.core.insights import DIMENSIONS, Insights
from kintsugi.core.repo.grounding import technique_label as core_technique_label
from kintsugi.core.repo.triggers import cue_label
from kintsugi.ui.i18n import day_month_text, number_text, weekday_names

Charts = Words("Charts")  # plurals outside a Qt class (core/i18n.py)

DIMENSION_NAMES = {
    "safety": QT_TRANSLATE_NOOP("charts", "Safety"),
    "trust": QT_TRANSLATE_NOOP("charts", "Trust"),
    "connection": QT_TRANSLATE_NOOP("charts", "Connection"),
    "communication": QT_TRANSLATE_NOOP("charts", "Communication"),
}


@dataclass
class ChartSpec:
    kind: str  # "bars" (vertical), "hbars" (labelled rows) or "lines"
    title: str
    labels: list[str]
    series: dict[str, list[float | None]]
    y_max: float | None = None
    value_suffix: str = ""
    empty_text: str = ""  # "Nothing to show yet." (translated) when empty
    notes: list[str] = field(default_factory=list)  # per-row notes for hbars ("n = 3")
    y_min: float = 0.0  # "lines" and "bars" start here (mood runs from −3)

    @property
    def empty(self) -> bool:
        # a 0 is "nothing" on a count, but a real value on a scale through 0 (mood)
        values = [v for series in self.series.values() for v in series]
        return not any(v is not None and (v or self.y_min < 0) for v in values)


@dataclass(frozen=True)
class ChartStyle:
    text: str = "#2f2a25"
    subtle: str = "#8a8076"
    grid: str = "#e4dccf"
    colours: tuple[str, ...] = ("#b8893b", "#6f8f8b", "#9b7aa6", "#c07a5a")


def charts_for(data: Insights) -> list[ChartSpec]:
    """The insight charts, in reading order, in the person's language."""
    week_labels = week_labels_for(data.weeks)
    moments = QCoreApplication.translate("charts", "Triggers")
    charts = [
        ChartSpec(
            "bars",
            QCoreApplication.translate("charts", "Triggers per week"),
            week_labels,
            {moments: [float(n) for _, n, _ in data.weeks]},
            empty_text=QCoreApplication.translate(
                "charts", "Triggers you log will be counted here, week by week."
            ),
        ),
        ChartSpec(
            "lines",
            QCoreApplication.translate(
                "charts", "Distress at its worst, week by week (0 = calm · 10 = the worst)"
            ),
            week_labels,
            {
                QCoreApplication.translate("charts", "Mean distress at its worst"): [
                    m for _, _, m in data.weeks
                ]
            },
            y_max=10,
            empty_text=QCoreApplication.translate(
                "charts", "How strong the moments were, on average, week by week."
            ),
        ),
        ChartSpec(
            "hbars",
            QCoreApplication.translate("charts", "What set them off"),
            [cue_label(c) for c in data.by_cue],
            {moments: [float(n) for n in data.by_cue.values()]},
            empty_text=QCoreApplication.translate("charts", "Which kinds of moments come up most."),
        ),
        ChartSpec(
            "bars",
            QCoreApplication.translate("charts", "By hour of the day"),
            [f"{h}" for h in range(24)],
            {moments: [float(n) for n in data.by_hour]},
            empty_text=QCoreApplication.translate("charts", "The hours that tend to be hardest."),
        ),
        ChartSpec(
            "bars",
            QCoreApplication.translate("charts", "By day of the week"),
            weekday_names(),
            {moments: [float(n) for n in data.by_weekday]},
            empty_text=QCoreApplication.translate("charts", "The days that tend to be hardest."),
        ),
        ChartSpec(
            "hbars",
            QCoreApplication.translate("charts", "What works for me: mean drop in distress"),
            [technique_label(e.technique, e.name) for e in data.techniques],
            {
                QCoreApplication.translate("charts", "Mean drop in distress"): [
                    e.mean_drop for e in data.techniques
                ]
            },
            value_suffix=QCoreApplication.translate("charts", " points"),
            notes=[Charts.tr("%n time(s)", "", e.n) for e in data.techniques],
            empty_text=QCoreApplication.translate(
                "charts",
                "Rate your distress before and after an exercise, and the ones "
                "that help most will show here.",
            ),
        ),
        ChartSpec(
            "lines",
            QCoreApplication.translate("charts", "Check-ins (0 = not at all · 10 = completely)"),
            week_labels_for(data.checkins),
            {
                marked("charts", DIMENSION_NAMES[d]): [c[d] for _, c in data.checkins]
                for d in DIMENSIONS
            },
            y_max=10,
            empty_text=QCoreApplication.translate(
                "charts",
                "Safety, trust, connection and communication over time, from your check-ins.",
            ),
        ),
        ChartSpec(
            "lines",
            QCoreApplication.translate(
                "charts", "Mood, week by week (−3 = very low · 3 = very good)"
            ),
            week_labels_for(data.mood_weeks),
            {QCoreApplication.translate("charts", "Mean mood"): [m for _, n, m in data.mood_weeks]},
            y_max=3,
            y_min=-3,
            empty_text=QCoreApplication.translate(
                "charts", "Give an entry a mood, and how the weeks felt will show here."
            ),
        ),
    ]
    return charts


def technique_label(technique: str, name: str = "") -> str:
    """A custom technique by its own name; the others by their label."""
    return name if technique == "custom" and name else core_technique_label(technique)


def week_labels_for(weeks: list) -> list[str]:
    return [day_month_text(w) for w, *_ in weeks]


def draw(
    p: QPainter,
    rect: QRectF,
    spec: ChartSpec,
    style: ChartStyle = ChartStyle(),
    *,
    label_pt: float | None = None,
) -> None:
    """Draw ``spec`` in ``rect``; ``label_pt``: the labels' size in points (the report's),
    else the painter's font (the title) and 80 % of it (the labels)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    title_font = QFont(p.font())
    if label_pt:
        title_font.setPointSizeF(label_pt * 1.2)
    title_font.setBold(True)
    p.setFont(title_font)
    p.setPen(QColor(style.text))
    title_fm = QFontMetricsF(title_font)
    # a title too long for one line (a narrow window, a large text size) takes two
    lines = 1 if title_fm.horizontalAdvance(spec.title) <= rect.width() else 2
    title_h = title_fm.height() * (0.5 + lines)
    p.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), title_h),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
        spec.title,
    )
    small = QFont(title_font)
    small.setBold(False)
    if label_pt:
        small.setPointSizeF(label_pt)
    elif title_font.pointSizeF() > 0:
        small.setPointSizeF(max(6.0, title_font.pointSizeF() * 0.8))
    else:  # a font sized in pixels (images)
        small.setPixelSize(max(8, round(title_font.pixelSize() * 0.8)))
    p.setFont(small)
    body = QRectF(rect.left(), rect.top() + title_h, rect.width(), rect.height() - title_h)
    if spec.empty:
        p.setPen(QColor(style.subtle))
        empty = spec.empty_text or QCoreApplication.translate("charts", "Nothing to show yet.")
        p.drawText(body, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, empty)
    elif spec.kind == "hbars":
        _hbars(p, body, spec, style)
    else:
        _xy(p, body, spec, style)
    p.restore()


def _hbars(p: QPainter, body: QRectF, spec: ChartSpec, style: ChartStyle) -> None:
    values = next(iter(spec.series.values()))
    fm = QFontMetricsF(p.font())
    label_w = min(body.width() * 0.45, max(fm.horizontalAdvance(s) for s in spec.labels) + 8)
    row_h = min(28.0, body.height() / max(1, len(values)))
    top_value = max((v for v in values if v), default=1) or 1
    for i, (label, value) in enumerate(zip(spec.labels, values, strict=True)):
        y = body.top() + i * row_h
        p.setPen(QColor(style.text))
        p.drawText(
            QRectF(body.left(), y, label_w - 6, row_h),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 6),
        )
        width = (body.width() - label_w - 90) * max(0.0, value or 0) / top_value
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(style.colours[0]))
        p.drawRoundedRect(QRectF(body.left() + label_w, y + row_h * 0.2, width, row_h * 0.6), 3, 3)
        p.setPen(QColor(style.subtle))
        note = f" · {spec.notes[i]}" if i < len(spec.notes) else ""
        text = f"{number_text(round(value or 0, 1))}{spec.value_suffix}{note}"
        p.drawText(
            QRectF(body.left() + label_w + width + 4, y, fm.horizontalAdvance(text) + 8, row_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )


def _xy(p: QPainter, body: QRectF, spec: ChartSpec, style: ChartStyle) -> None:
    fm = QFontMetricsF(p.font())
    all_values = [v for values in spec.series.values() for v in values if v is not None]
    y_max = spec.y_max or max(1.0, max(all_values, default=1.0))
    y_min = spec.y_min
    span = (y_max - y_min) or 1.0
    lines, every_y = 4, span / 4
    if spec.y_max is None and all(float(v).is_integer() for v in [*all_values, y_min]):
        # a count: whole numbers on its axis (0, 1, 2, …), never "0.25 moments"
        every_y = float(max(1, math.ceil(span / 4)))
        lines = max(1, math.ceil(span / every_y))
        span = every_y * lines
    ticks = [number_text(round(y_min + every_y * k, 2)) for k in range(lines + 1)]
    label_w = max(fm.horizontalAdvance(t) for t in ticks) + 2  # as wide as the text needs
    legend_h = fm.height() * 1.4 if len(spec.series) > 1 else 0
    plot = QRectF(
        body.left() + label_w + 4,
        body.top() + fm.height() / 2,
        body.width() - label_w - 10,
        body.height() - fm.height() * 2.1 - legend_h,
    )
    p.setPen(QPen(QColor(style.grid), 1))
    for k, tick in enumerate(ticks):  # gridlines and y labels
        y = plot.bottom() - plot.height() * k / lines
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(QColor(style.subtle))
        p.drawText(
            QRectF(body.left(), y - fm.height() / 2, label_w, fm.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            tick,
        )
        p.setPen(QPen(QColor(style.grid), 1))
    n = max(1, len(spec.labels))
    step = plot.width() / n
    every = max(1, int(n / max(1, plot.width() / 48)))
    p.setPen(QColor(style.subtle))
    for i, label in enumerate(spec.labels):
        if i % every == 0:
            p.drawText(
                QRectF(plot.left() + i * step - 10, plot.bottom() + 2, step + 20, fm.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )
    for s, (name, values) in enumerate(spec.series.items()):
        colour = QColor(style.colours[s % len(style.colours)])
        if spec.kind == "bars":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            for i, v in enumerate(values):
                if v:
                    h = plot.height() * (v - y_min) / span
                    p.drawRoundedRect(
                        QRectF(
                            plot.left() + i * step + step * 0.15, plot.bottom() - h, step * 0.7, h
                        ),
                        2,
                        2,
                    )
        else:
            path, started = QPainterPath(), False
            p.setBrush(colour)
            p.setPen(Qt.PenStyle.NoPen)
            for i, v in enumerate(values):
                if v is None:
                    started = False
                    continue
                pt = QPointF(
                    plot.left() + i * step + step / 2,
                    plot.bottom() - plot.height() * (v - y_min) / span,
                )
                p.drawEllipse(pt, 2.5, 2.5)
                if started:
                    path.lineTo(pt)
                else:
                    path.moveTo(pt)
                    started = True
            p.setPen(QPen(colour, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        if legend_h:
            x = plot.left() + s * (plot.width() / len(spec.series))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            y = body.bottom() - legend_h / 2
            p.drawEllipse(QPointF(x + 5, y), 4, 4)
            p.setPen(QColor(style.text))
            p.drawText(
                QRectF(x + 12, y - legend_h / 2, 140, legend_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                name,
            )


def render_image(
    spec: ChartSpec, size: QSize | None = None, style: ChartStyle = ChartStyle()
) -> QImage:
    size = size or QSize(560, 260)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    p = QPainter(image)
    font = QFont(p.font())
    font.setPixelSize(max(11, size.height() // 16))  # legible when the image is scaled down
    p.setFont(font)
    draw(p, QRectF(8, 8, size.width() - 16, size.height() - 16), spec, style)
    p.end()
    return image


class ChartWidget(QWidget):
    def __init__(self, spec: ChartSpec | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_spec(self, spec: ChartSpec) -> None:
        self.spec = spec
        self.setAccessibleName(spec.title)
        self.setAccessibleDescription(
            (spec.empty_text or QCoreApplication.translate("charts", "Nothing to show yet."))
            if spec.empty
            else ", ".join(
                f"{label}: {number_text(value, 1)}"
                for label, value in zip(spec.labels, next(iter(spec.series.values())), strict=False)
                if value
            )
        )
        self.update()

    def paintEvent(self, event) -> None:
        if self.spec is None:
            return
        pal = self.palette()
        style = ChartStyle(
            text=pal.windowText().color().name(),
            subtle=pal.placeholderText().color().name(),
            grid=pal.mid().color().name(),
        )
        p = QPainter(self)
        draw(p, QRectF(self.rect()).adjusted(8, 8, -8, -8), self.spec, style)
        p.end()

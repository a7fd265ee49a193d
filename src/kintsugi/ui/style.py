"""Check boxes, radio buttons and drop-down arrows that grow with the text and show in
both themes.

Fusion draws its indicators 14 px wide whatever the text size, with a border a shade
darker than the window: at 200 % text they are specks beside the words, and in the dark
theme an empty box is almost invisible. Sizes in the style sheet cannot fix it (a
``::indicator`` rule makes Qt's style-sheet style draw the indicator itself, and it draws
nothing without an image), so this proxy of Fusion, installed app-wide under the style
sheet, answers the indicator sizes from the font's height and draws the indicators with a
border of enough contrast (WCAG's 3:1 for a control) and the highlight when checked.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QToolButton,
)

PM = QStyle.PixelMetric
PE = QStyle.PrimitiveElement
State = QStyle.StateFlag

#: an indicator is this many times the text's line height (14 px at a 10 pt font, as Fusion)
INDICATOR = 0.85
SPACING = 0.38  # the gap between an indicator and its words
MENU_BUTTON = 1.2  # a tool button's menu arrow, as wide as style.qss makes it (in em)
_SIZES = {PM.PM_IndicatorWidth, PM.PM_IndicatorHeight}
_EXCLUSIVE = {PM.PM_ExclusiveIndicatorWidth, PM.PM_ExclusiveIndicatorHeight}
_SPACINGS = {PM.PM_CheckBoxLabelSpacing, PM.PM_RadioButtonLabelSpacing}
_SPIN = {PE.PE_IndicatorSpinUp, PE.PE_IndicatorSpinDown}
#: a slider's handle length and the slider's thickness, in lines of text (15 px at 10 pt)
_SLIDER = {PM.PM_SliderLength: 0.9, PM.PM_SliderThickness: 0.9}


def mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    """``a`` moved ``share_of_b`` of the way towards ``b``."""
    t = min(max(share_of_b, 0.0), 1.0)
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def indicator_border(palette: QPalette, enabled: bool = True) -> QColor:
    """The box's edge: most of the way from the field's colour to the text's (visible on
    the window and on a field, light or dark)."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return mix(base, text, 0.62 if enabled else 0.35)


class KintsugiStyle(QProxyStyle):
    """Fusion, with indicators sized from the text and drawn to be seen."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.setObjectName("kintsugi")

    # --- sizes ------------------------------------------------------------------------
    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 (Qt's name)
        if metric in _SLIDER:  # a slider's handle and groove, as the check boxes beside them
            return max(round(line_height(option, widget) * _SLIDER[metric]), 8)
        if metric == PM.PM_MenuButtonIndicator:  # as the style sheet's 1.2 em menu button
            return max(round(line_height(option, widget) * MENU_BUTTON), 12)
        if metric in _SIZES or metric in _EXCLUSIVE or metric in _SPACINGS:
            factor = SPACING if metric in _SPACINGS else INDICATOR
            return max(round(line_height(option, widget) * factor), 4)
        return super().pixelMetric(metric, option, widget)

    # --- drawing ----------------------------------------------------------------------
    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802
        if element == PE.PE_IndicatorCheckBox:
            draw_indicator(painter, option, round_box=False)
        elif element == PE.PE_IndicatorRadioButton:
            draw_indicator(painter, option, round_box=True)
        elif element == PE.PE_IndicatorArrowDown and isinstance(
            widget, QComboBox | QDateTimeEdit | QToolButton
        ):
            draw_chevron(painter, QRectF(option.rect), option.palette, option.state)
        elif element in _SPIN and isinstance(widget, QAbstractSpinBox):
            up = element == PE.PE_IndicatorSpinUp
            draw_chevron(painter, QRectF(option.rect), option.palette, option.state, up=up)
        else:
            super().drawPrimitive(element, option, painter, widget)


def line_height(option, widget) -> float:
    if widget is not None:
        return QFontMetricsF(widget.font()).height()
    if option is not None:
        return float(option.fontMetrics.height())
    return QFontMetricsF(QApplication.font()).height()


def draw_indicator(painter: QPainter, option, round_box: bool) -> None:
    palette: QPalette = option.palette
    state = option.state
    enabled = bool(state & State.State_Enabled)
    on = bool(state & State.State_On)
    partly = bool(state & State.State_NoChange)
    side = min(option.rect.width(), option.rect.height())
    width = max(1.0, side / 11)
    box = QRectF(0, 0, side - width, side - width)  # a square, its edge inside the rect
    box.moveCenter(QRectF(option.rect).center())
    highlight = palette.color(QPalette.ColorRole.Highlight)
    filled = (on or partly) and enabled
    if filled:
        fill = highlight
        edge = mix(highlight, palette.color(QPalette.ColorRole.Text), 0.35)
        mark = palette.color(QPalette.ColorRole.HighlightedText)
    else:
        fill = palette.color(QPalette.ColorRole.Base if enabled else QPalette.ColorRole.Window)
        edge = indicator_border(palette, enabled)
        if enabled and state & State.State_MouseOver:
            edge = palette.color(QPalette.ColorRole.Link)
        mark = palette.color(QPalette.ColorRole.PlaceholderText)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(edge, width))
    painter.setBrush(fill)
    if round_box:
        painter.drawEllipse(box)
    else:
        radius = box.width() * 0.18
        painter.drawRoundedRect(box, radius, radius)
    if on or partly:
        painter.setPen(
            QPen(
                mark,
                max(1.5, box.width() / 7),
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        x, y, s = box.x(), box.y(), box.width()
        if round_box:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mark)
            dot = s * 0.4
            painter.drawEllipse(box.center(), dot / 2, dot / 2)
        elif partly and not on:
            painter.drawLine(QPointF(x + s * 0.27, y + s / 2), QPointF(x + s * 0.73, y + s / 2))
        else:
            tick = QPainterPath(QPointF(x + s * 0.24, y + s * 0.52))
            tick.lineTo(x + s * 0.43, y + s * 0.71)
            tick.lineTo(x + s * 0.77, y + s * 0.31)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(tick)
    painter.restore()


def draw_chevron(
    painter: QPainter, rect: QRectF, palette: QPalette, state, up: bool = False
) -> None:
    """A drop-down's or a number's arrow: a chevron half as wide as its button, in the
    button's text colour (Fusion's is 14 × 8 pixels at any text size)."""
    side = min(rect.width(), rect.height()) * (0.5 if not up else 0.6)
    if side <= 2:
        return
    enabled = bool(state & State.State_Enabled)
    colour = palette.color(
        QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled,
        QPalette.ColorRole.ButtonText,
    )
    c = rect.center()
    half, drop = side / 2, (-side if up else side) / 4
    path = QPainterPath(QPointF(c.x() - half, c.y() - drop))
    path.lineTo(c.x(), c.y() + drop)
    path.lineTo(c.x() + half, c.y() - drop)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, max(1.3, side / 6))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.restore()


def install(app: QApplication) -> None:
    """Put the style under the app's style sheet (once; a theme change only repaints)."""
    if app.property("kintsugi-style"):
        return
    style = KintsugiStyle()
    app.setStyle(style)
    app.setProperty("kintsugi-style", True)

"""Check boxes and radio buttons that grow with the text.

Fusion draws its indicators 14 px wide whatever the text size: at 200 % text they are
specks beside the words. Sizes in the style sheet cannot fix it (a ``::indicator`` rule
makes Qt's style-sheet style draw the indicator itself, and it draws nothing without an
image), so this proxy of Fusion, installed app-wide under the style sheet, answers the
indicator sizes from the font's height.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

PM = QStyle.PixelMetric

#: an indicator is this many times the text's line height (14 px at a 10 pt font, as Fusion)
INDICATOR = 0.85
SPACING = 0.38  # the gap between an indicator and its words
_SIZES = {PM.PM_IndicatorWidth, PM.PM_IndicatorHeight}
_EXCLUSIVE = {PM.PM_ExclusiveIndicatorWidth, PM.PM_ExclusiveIndicatorHeight}
_SPACINGS = {PM.PM_CheckBoxLabelSpacing, PM.PM_RadioButtonLabelSpacing}


class KintsugiStyle(QProxyStyle):
    """Fusion, with indicators sized from the text."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.setObjectName("kintsugi")

    # --- sizes ------------------------------------------------------------------------
    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 (Qt's name)
        if metric in _SIZES or metric in _EXCLUSIVE or metric in _SPACINGS:
            factor = SPACING if metric in _SPACINGS else INDICATOR
            return max(round(line_height(option, widget) * factor), 4)
        return super().pixelMetric(metric, option, widget)


def line_height(option, widget) -> float:
    if widget is not None:
        return QFontMetricsF(widget.font()).height()
    if option is not None:
        return float(option.fontMetrics.height())
    return QFontMetricsF(QApplication.font()).height()


def install(app: QApplication) -> None:
    """Put the style under the app's style sheet (once; a theme change only repaints)."""
    if app.property("kintsugi-style"):
        return
    style = KintsugiStyle()
    app.setStyle(style)
    app.setProperty("kintsugi-style", True)

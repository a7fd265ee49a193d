"""Check boxes and radio buttons grow with the app's text size (#15 item 1) and can be seen
in the dark theme as in the light one (ui/style.py): measured in real offscreen grabs."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.ui.theme import apply_text_size, apply_theme

KINDS = [
    (QCheckBox, QStyle.SubElement.SE_CheckBoxIndicator, QStyle.PixelMetric.PM_IndicatorWidth),
    (
        QRadioButton,
        QStyle.SubElement.SE_RadioButtonIndicator,
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    ),
]


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def ratio(la: float, lb: float) -> float:
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def contrast(a: QColor, b: QColor) -> float:
    return ratio(luminance(a), luminance(b))


@pytest.fixture
def themed(app):
    yield app
    apply_text_size(app, 100)
    apply_theme(app, "light")
    apply_theme(app, "system")


def shown(qtbot, button: QAbstractButton) -> QWidget:
    holder = QWidget()
    QVBoxLayout(holder).addWidget(button)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    QApplication.processEvents()
    return holder


def indicator_rect(button: QAbstractButton, element):
    option = QStyleOptionButton()
    option.initFrom(button)
    return button.style().subElementRect(element, option, button)


def indicator_pixels(button: QAbstractButton, element) -> tuple[list[QColor], QColor]:
    """The indicator's pixels, and the background just outside it (left of the indicator)."""
    image: QImage = button.grab().toImage()
    ratio = image.devicePixelRatio()
    rect = indicator_rect(button, element)
    pixels = [
        image.pixelColor(round(x * ratio), round(y * ratio))
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    ]
    background = button.palette().color(button.backgroundRole())
    return pixels, background


@pytest.mark.parametrize("kind, element, metric", KINDS)
def test_indicators_grow_with_the_text_size(themed, qtbot, kind, element, metric):
    sizes = {}
    for percent in (100, 200):
        apply_text_size(themed, percent)
        button = kind("Remind me on Sundays")
        button.setChecked(True)
        holder = shown(qtbot, button)  # noqa: F841 (kept alive while measured)
        sizes[percent] = (
            button.style().pixelMetric(metric, None, button),
            indicator_rect(button, element).width(),
        )
        pixels, background = indicator_pixels(button, element)
        visible = [p for p in pixels if contrast(p, background) >= 1.5]
        assert len(visible) >= len(pixels) / 4, (percent, len(visible), len(pixels))
    (metric_100, rect_100), (metric_200, rect_200) = sizes[100], sizes[200]
    assert metric_100 >= 12  # no smaller than Fusion's own at a usual text size
    assert metric_200 >= 1.7 * metric_100, sizes
    assert rect_200 >= 1.7 * rect_100, sizes


@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("kind, element, metric", KINDS)
def test_indicators_stand_out_checked_or_not(themed, qtbot, theme, kind, element, metric):
    apply_theme(themed, theme)
    means = []
    for checked in (False, True):
        button = kind("Keep this off the lock screen")
        button.setChecked(checked)
        holder = shown(qtbot, button)  # noqa: F841 (kept alive while measured)
        pixels, background = indicator_pixels(button, element)
        best = max(contrast(p, background) for p in pixels)
        # the edge of an empty box reads as a control (WCAG's 3:1 for non-text contrast)
        assert best >= 3.0, (theme, checked, best)
        means.append(sum(luminance(p) for p in pixels) / len(pixels))
    # checked is plainly different from unchecked (their mean luminance)
    assert ratio(*means) >= 1.3, (theme, means)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_drop_downs_button_and_arrow_grow_with_the_text(themed, qtbot, theme):
    """A choice's and a date's drop-down button is 1.5 em wide and its chevron fills it:
    Fusion's stayed 16 px with a 14 × 8 px arrow at any text size."""
    from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QStyleOptionComboBox

    apply_theme(themed, theme)
    for make in (
        lambda: QComboBox(),
        lambda: QDateTimeEdit(calendarPopup=True),  # type: ignore[call-overload]
    ):
        measured = {}
        for percent in (100, 200):
            apply_text_size(themed, percent)
            box = make()
            if isinstance(box, QComboBox):
                box.addItems(["No reminder", "Every Sunday"])
            holder = QWidget()
            QVBoxLayout(holder).addWidget(box)
            qtbot.addWidget(holder)
            holder.show()
            qtbot.waitExposed(holder)
            QApplication.processEvents()
            option = QStyleOptionComboBox()
            option.initFrom(box)
            option.rect = box.rect()
            arrow = box.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, box
            )
            image = box.grab().toImage()
            ratio = image.devicePixelRatio()
            ground = box.palette().color(QPalette.ColorRole.Button)
            marks = sum(
                1
                for x in range(arrow.left(), arrow.right() + 1)
                for y in range(arrow.top(), arrow.bottom() + 1)
                if contrast(image.pixelColor(round(x * ratio), round(y * ratio)), ground) >= 3
            )
            measured[percent] = (arrow.width(), marks)
        (w100, m100), (w200, m200) = measured[100], measured[200]
        assert w100 >= 16 and w200 >= 1.7 * w100, measured
        assert m100 >= 6 and m200 >= 2.5 * m100, measured  # a chevron, larger with the text


def test_a_numbers_arrows_show_and_grow_with_the_text(themed, qtbot):
    """A number's up and down buttons are 1.4 em wide with a chevron each: the style
    sheet's padding left them 5 px wide and empty (Bloquear tras, a goal's amount)."""
    from PySide6.QtWidgets import QSpinBox, QStyleOptionSpinBox

    measured = {}
    for percent in (100, 200):
        apply_text_size(themed, percent)
        box = QSpinBox(suffix=" min")
        box.setRange(0, 120)
        box.setValue(5)
        holder = QWidget()
        QVBoxLayout(holder).addWidget(box)
        qtbot.addWidget(holder)
        holder.show()
        qtbot.waitExposed(holder)
        QApplication.processEvents()
        option = QStyleOptionSpinBox()
        option.initFrom(box)
        option.rect = box.rect()
        image = box.grab().toImage()
        ratio = image.devicePixelRatio()
        ground = box.palette().color(QPalette.ColorRole.Button)
        for name, part in (
            ("up", QStyle.SubControl.SC_SpinBoxUp),
            ("down", QStyle.SubControl.SC_SpinBoxDown),
        ):
            rect = box.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part, box)
            marks = sum(
                1
                for x in range(rect.left(), rect.right() + 1)
                for y in range(rect.top(), rect.bottom() + 1)
                if contrast(image.pixelColor(round(x * ratio), round(y * ratio)), ground) >= 3
            )
            measured[(percent, name)] = (rect.width(), marks)
    for name in ("up", "down"):
        (w100, m100), (w200, m200) = measured[(100, name)], measured[(200, name)]
        assert w100 >= 12 and w200 >= 1.7 * w100, measured
        assert m100 >= 4 and m200 > m100, measured


def test_new_entrys_menu_arrow_grows_and_never_covers_its_words(window, qtbot):
    """The tool bar's New entry ▾: its arrow part is 1.2 em wide (12 px before) and sits in
    the button's right padding, so the words stay whole at any text size."""
    from PySide6.QtWidgets import QStyleOptionToolButton, QToolButton

    app = QApplication.instance()
    found = {}
    for percent in (100, 200):
        apply_text_size(app, percent)
        QApplication.processEvents()
        button = next(
            b
            for b in window.toolbar.findChildren(QToolButton)
            if b.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup
        )
        button.adjustSize()
        option = QStyleOptionToolButton()
        option.initFrom(button)
        option.rect = button.rect()
        option.features |= QStyleOptionToolButton.ToolButtonFeature.MenuButtonPopup
        option.subControls = QStyle.SubControl.SC_ToolButton | QStyle.SubControl.SC_ToolButtonMenu
        menu = button.style().subControlRect(
            QStyle.ComplexControl.CC_ToolButton, option, QStyle.SubControl.SC_ToolButtonMenu, button
        )
        words = button.fontMetrics().horizontalAdvance(button.text())
        assert button.width() - menu.width() >= words, (percent, button.width(), menu, words)
        found[percent] = menu.width()
    apply_text_size(app, 100)
    assert found[100] >= 16 and found[200] >= 1.7 * found[100], found


def test_a_sliders_handle_grows_with_the_text(themed, qtbot):
    """The check-in's and a moment's distress sliders: their handle and thickness follow the
    text (15 px at 10 pt, as Fusion; twice that at 200 %), so they match the words beside."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QSlider, QStyleOptionSlider

    found = {}
    for percent in (100, 200):
        apply_text_size(themed, percent)
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 10)
        holder = QWidget()
        QVBoxLayout(holder).addWidget(slider)
        qtbot.addWidget(holder)
        holder.resize(300, 80)
        holder.show()
        qtbot.waitExposed(holder)
        option = QStyleOptionSlider()
        option.initFrom(slider)
        option.orientation = Qt.Orientation.Horizontal
        option.minimum, option.maximum, option.sliderPosition = 0, 10, 5
        option.rect = slider.rect()
        handle = slider.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
        )
        found[percent] = (handle.width(), slider.sizeHint().height())
    (w100, h100), (w200, h200) = found[100], found[200]
    assert w100 >= 14 and w200 >= 1.7 * w100, found
    assert h200 > h100, found

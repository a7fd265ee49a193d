"""Calm palettes (light, dark, or follow the system) and the style sheet from resources."""

from __future__ import annotations

import re
from importlib import resources

from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from kintsugi.ui import style

THEMES = ("system", "light", "dark")
TEXT_SIZES = (85, 100, 115, 130, 150, 175, 200)  # percent of the system's text size
_RELATIVE = re.compile(r"\{([0-9.]+)\}")

_LIGHT = {
    QPalette.ColorRole.Window: "#f7f3ec",
    QPalette.ColorRole.WindowText: "#2f2a25",
    QPalette.ColorRole.Base: "#fffdf9",
    QPalette.ColorRole.AlternateBase: "#efe8dc",
    QPalette.ColorRole.Text: "#2f2a25",
    QPalette.ColorRole.Button: "#efe8dc",
    QPalette.ColorRole.ButtonText: "#2f2a25",
    QPalette.ColorRole.Highlight: "#c9a96a",
    QPalette.ColorRole.HighlightedText: "#1f1b16",
    QPalette.ColorRole.PlaceholderText: "#8a8076",
    QPalette.ColorRole.Mid: "#d8cfc1",
    QPalette.ColorRole.ToolTipBase: "#fffdf9",
    QPalette.ColorRole.ToolTipText: "#2f2a25",
    QPalette.ColorRole.Link: "#8a6420",
}
_DARK = {
    QPalette.ColorRole.Window: "#22201e",
    QPalette.ColorRole.WindowText: "#ece6dc",
    QPalette.ColorRole.Base: "#2a2725",
    QPalette.ColorRole.AlternateBase: "#33302c",
    QPalette.ColorRole.Text: "#ece6dc",
    QPalette.ColorRole.Button: "#33302c",
    QPalette.ColorRole.ButtonText: "#ece6dc",
    QPalette.ColorRole.Highlight: "#8f7440",
    QPalette.ColorRole.HighlightedText: "#fff8ec",
    QPalette.ColorRole.PlaceholderText: "#9b9186",
    QPalette.ColorRole.Mid: "#4a4540",
    QPalette.ColorRole.ToolTipBase: "#33302c",
    QPalette.ColorRole.ToolTipText: "#ece6dc",
    QPalette.ColorRole.Link: "#d9b36a",
}


def resource_bytes(*parts: str) -> bytes:
    return resources.files("kintsugi").joinpath("resources", *parts).read_bytes()


def app_icon() -> QIcon:
    pixmap = QPixmap()
    pixmap.loadFromData(resource_bytes("icons", "kintsugi.svg"), "SVG")
    return QIcon(pixmap)


def _system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    from PySide6.QtCore import Qt

    return hints.colorScheme() == Qt.ColorScheme.Dark


def system_font(app: QApplication) -> QFont:
    """The desktop's own font, as it was before Kintsugi scaled it (remembered once)."""
    font = app.property("kintsugi-system-font")
    if not isinstance(font, QFont):
        font = QFont(app.font())
        app.setProperty("kintsugi-system-font", font)
    return QFont(font)


def base_point_size(app: QApplication) -> float:
    """The person's text size in points: the system font times the text size setting."""
    font = system_font(app)
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    scale = app.property("kintsugi-text-size") or 100
    return size * int(scale) / 100


def style_sheet(base_pt: float) -> str:
    """resources/style.qss with its relative sizes ({1.5} = 1.5 × the text size) in points."""
    text = resource_bytes("style.qss").decode("utf-8")
    return _RELATIVE.sub(lambda m: f"{float(m.group(1)) * base_pt:.1f}pt", text)


def apply_text_size(app: QApplication, percent: int = 100) -> None:
    """Scale every text (rows, charts, forms, exercises, the editor) from the system font."""
    percent = min(max(int(percent), 50), 300)
    if app.property("kintsugi-text-size") == percent and app.property("kintsugi-styled"):
        return
    font = system_font(app)
    app.setProperty("kintsugi-text-size", percent)
    base = base_point_size(app)
    font.setPointSizeF(base)
    app.setFont(font)
    app.setProperty("kintsugi-styled", True)
    app.setStyleSheet(style_sheet(base))


def apply_theme(app: QApplication, theme: str = "system") -> None:
    """Set palette and style sheet; a no-op when nothing would change (re-polishing is slow)."""
    dark = theme == "dark" or (theme == "system" and _system_is_dark())
    if app.property("kintsugi-dark") == dark:
        return
    app.setProperty("kintsugi-dark", dark)
    style.install(app)  # Fusion, its check boxes and radio buttons sized from the text
    palette = QPalette()
    colours = _DARK if dark else _LIGHT
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    # A field that cannot be typed in looks it: its text quiet, its ground the window's
    # (a disabled form beside "Press New…" read as open for writing).
    Role, Disabled = QPalette.ColorRole, QPalette.ColorGroup.Disabled
    quiet = QColor(colours[Role.PlaceholderText])
    for role in (Role.Text, Role.WindowText, Role.ButtonText, Role.HighlightedText):
        palette.setColor(Disabled, role, quiet)
    palette.setColor(Disabled, Role.Base, QColor(colours[Role.Window]))
    # The bevel the style sheet draws round a drop-down's button (Windows' light and
    # shadow edges) in the calm border colour: it glared white in the dark theme.
    for role in (Role.Light, Role.Midlight, Role.Dark, Role.Shadow):
        palette.setColor(role, QColor(colours[Role.Mid]))
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(base_point_size(app)))
    app.setProperty("kintsugi-styled", True)

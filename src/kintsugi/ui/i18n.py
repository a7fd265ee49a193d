"""The interface's language: Kintsugi's own translation and Qt's, the locale's dates and
numbers, and the engine's words (core/i18n.py) through the same translator.

The language is a per-machine choice (QSettings ``ui/language``: ``system``, ``en`` or
``es``), read at start; changing it in Settings applies at the next start. The .qm files are
built from ``resources/translations/*.ts`` by ``make translations`` (pyside6-lrelease); the
.ts files are the source of truth and a test keeps the .qm files up to date with them.
"""

from __future__ import annotations

from datetime import date, datetime
from importlib import resources
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTime,
    QTranslator,
)

from kintsugi.core import i18n

SETTING = "ui/language"
# Each language named in its own words, never translated: a person who cannot read the
# current language must still find theirs.
LANGUAGES = (("en", "English"), ("es", "Español"))
SHIPPED = tuple(code for code, _ in LANGUAGES)

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return Path(str(resources.files("kintsugi").joinpath("resources", "translations")))


def chosen_language() -> str:
    """The saved choice: ``system``, or one of :data:`SHIPPED`."""
    value = QSettings().value(SETTING, "system")
    return value if value in SHIPPED else "system"


def save_language(code: str) -> None:
    QSettings().setValue(SETTING, code if code in SHIPPED else "system")


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language a choice means here: the system's first shipped UI language, or English."""
    if choice in SHIPPED:
        return choice
    for name in (system or QLocale.system()).uiLanguages():
        code = name.replace("-", "_").split("_")[0].lower()
        if code in SHIPPED:
            return code
    return "en"


def locale_for(code: str, system: QLocale | None = None) -> QLocale:
    """The language's locale, in the system's country when it speaks it (es_MX, en_GB)."""
    system = system or QLocale.system()
    if system.name().split("_")[0] == code:
        return system
    if code == "en" and system.language() == QLocale.Language.C:
        # no locale set (LANG=C): English with a 24-hour clock and day-month dates
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(code)


def install(app: QCoreApplication, choice: str | None = None) -> str:
    """Load the translations for ``choice`` (default: the saved one); returns the language."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    code = resolve(choice if choice is not None else chosen_language())
    locale = locale_for(code)
    QLocale.setDefault(locale)
    # Kintsugi's own words (English too: its plural forms), then Qt's buttons and dialogs.
    own = QTranslator(app)
    if own.load(f"kintsugi_{code}", str(translations_dir())):
        app.installTranslator(own)
        _installed.append(own)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if code != "en":
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
    i18n.install(
        _translate,
        date_fn=day_text,
        datetime_fn=moment_text,
        number_fn=number_text,
        count_fn=count_text,
    )
    return code


def uninstall(app: QCoreApplication) -> None:
    """Back to the source texts (tests)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    i18n.install(None)


def _translate(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


# --- dates, times and numbers in the person's locale ------------------------------------
def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _qtime(value: datetime) -> QTime:
    return QTime(value.hour, value.minute)


def day_text(value: date) -> str:
    """A calendar day, short: "3 Mar 2025", "3 mar 2025"."""
    return QLocale().toString(_qdate(value), "d MMM yyyy")


def day_month_text(value: date) -> str:
    """A day of this year, or a chart's axis: "3 Mar", "3 mar"."""
    return QLocale().toString(_qdate(value), "d MMM")


def weekday_day_text(value: date) -> str:
    """ "Mon 3 Mar 2025", "lun 3 mar 2025"."""
    return QLocale().toString(_qdate(value), "ddd d MMM yyyy")


def long_day_text(value: date) -> str:
    """The locale's long date: "Monday, March 3, 2025", "lunes, 3 de marzo de 2025"."""
    return QLocale().toString(_qdate(value), QLocale.FormatType.LongFormat)


def clock_text(value: datetime) -> str:
    """The time of day in the locale's short form: "14:05", "2:05 PM"."""
    return QLocale().toString(_qtime(value), QLocale.FormatType.ShortFormat)


def short_moment_text(value: datetime) -> str:
    """ "3 Mar 2025, 14:05"."""
    return f"{day_text(value.date())}, {clock_text(value)}"


def moment_text(value: datetime) -> str:
    """ "Monday, March 3, 2025, 14:05"."""
    return f"{long_day_text(value.date())}, {clock_text(value)}"


def weekday_names() -> list[str]:
    """Monday … Sunday, short, in the locale."""
    return [QLocale().dayName(d, QLocale.FormatType.ShortFormat) for d in range(1, 8)]


def number_text(value: float, decimals: int = -1) -> str:
    """A number with the locale's decimal mark; ``decimals`` < 0: as few as it needs."""
    locale = QLocale()
    if decimals >= 0:
        return locale.toString(float(value), "f", decimals)
    if float(value).is_integer():
        return locale.toString(int(value))
    return locale.toString(float(value), "g", 6)


def read_day(text: str) -> date | None:
    """A day as day_text() writes it ("3 mar 2025"), or ISO ("2025-03-03"); None if neither."""
    text = text.strip()
    parsed = QLocale().toDate(text, "d MMM yyyy")
    if parsed.isValid():
        return date(parsed.year(), parsed.month(), parsed.day())
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def read_number(text: str) -> float | None:
    """A number in the locale's notation ("2,5") or with a point ("2.5"); None if neither."""
    value, ok = QLocale().toDouble(text.strip())
    if ok:
        return float(value)
    try:
        return float(text.strip())
    except ValueError:
        return None


def count_text(value: int) -> str:
    """A whole number with the locale's digit groups: "12,345", "12.345"."""
    return QLocale().toString(int(value))


def qdatetime(value: datetime) -> QDateTime:
    return QDateTime(_qdate(value), _qtime(value))

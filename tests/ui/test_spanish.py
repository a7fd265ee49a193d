"""The app in Spanish: every screen, every widget's words, and no English left.

The real window runs with the shipped translation (resources/translations/kintsugi_es.qm) and
Qt's own (qtbase_es), over a journal whose content is written in Greek letters, so that what
the person wrote is easy to tell apart. Every text the interface shows is collected — labels,
buttons, placeholders, tool tips, accessible names, window titles, menu actions, combo items,
table headers, list rows, spin box suffixes, the charts' titles, axes and legends, rendered
previews — on the welcome and unlock screens, each section, the exercises and the dialogs.
A text fails when it holds a word that appears in the English source texts and in none of
the Spanish translations (an English word left untranslated).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from kintsugi.core.records import (
    Boundary,
    CheckIn,
    Emotion,
    Entry,
    Goal,
    GoalProgress,
    GroundingSession,
    Trigger,
)
from kintsugi.core.repo import repository_for
from kintsugi.core.support_card import BUILT_IN_LINES
from kintsugi.core.vault import Vault
from kintsugi.ui import i18n
from kintsugi.ui.grounding.session_view import GroundingSessionDialog
from kintsugi.ui.grounding.view import BUILT_IN
from kintsugi.ui.insights.report import Report
from kintsugi.ui.share.dialogs import BundleDialog
from kintsugi.ui.unlock.recovery import RecoveryUnlockDialog
from kintsugi.ui.widgets.charts import ChartWidget
from tests.helpers import FAST_KDF, PASSPHRASE, unlock

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "kintsugi_es.ts"
GREEK = "Αλφα βήτα γάμμα"  # everything the person writes
WORD = re.compile(r"[A-Za-z][a-z]{2,}")
# Names that are the same in Spanish: the app's, formats, keys, and languages by their own name
ALLOWED = {"kintsugi", "markdown", "json", "age", "ctrl", "alt", "shift", "esc", "english"}


def english_words() -> set[str]:
    sources, translations = set(), set()
    root = ET.parse(TS).getroot()
    for m in root.iter("message"):
        sources |= {w.lower() for w in WORD.findall(m.findtext("source") or "")}
        tr = m.find("translation")
        for text in [tr.text or ""] + [f.text or "" for f in tr.iter("numerusform")]:
            translations |= {w.lower() for w in WORD.findall(text)}
    return sources - translations - ALLOWED


@pytest.fixture
def spanish(app):
    assert i18n.install(app, "es") == "es"
    yield
    i18n.install(app, "en")


@pytest.fixture
def full_journal(vault_path):
    """A journal with one of everything, shared, written in Greek."""
    when = datetime.now().astimezone() - timedelta(days=1)
    with Vault.create(vault_path, PASSPHRASE, params=FAST_KDF) as v:
        add = lambda rec: repository_for(v.db, rec.KIND).add(rec)  # noqa: E731
        add(Entry(title=GREEK, body=GREEK, mood=1, tags=["ωμέγα"], shared=True, occurred_at=when))
        trigger = add(
            Trigger(
                cue="place",
                situation=GREEK,
                suds_peak=7,
                emotions=[Emotion(GREEK, 60)],
                hot_thought=GREEK,
                belief=70,
                urge=2,
                acted_on=False,
                shared=True,
                occurred_at=when,
            )
        )
        add(
            GroundingSession(
                technique="thought_record",
                duration_s=610,
                completed=True,
                suds_before=8,
                suds_after=5,
                steps=[{"situation": GREEK, "thoughts": [GREEK], "hot_thought": GREEK}],
                notes=GREEK,
                trigger_id=trigger.id,
                shared=True,
                occurred_at=when,
            )
        )
        add(GroundingSession(technique="box_breathing", duration_s=20, occurred_at=when))
        add(CheckIn(safety=4, trust=3, connection=5, communication=6, gratitude=GREEK, shared=True))
        add(Boundary(text=GREEK, revisit_by=date.today(), status="revised", shared=True))
        add(
            Goal(
                text=GREEK,
                target_amount=4,
                target_unit="ζ",
                due=date.today() + timedelta(days=9),
                progress=[GoalProgress(date.today(), 1, GREEK)],
                shared=True,
            )
        )
    return vault_path


def _texts(widget: QWidget) -> list[str]:
    out = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    if widget.isWindow():
        out.append(widget.windowTitle())
    if isinstance(widget, QLabel):
        out.append(widget.text())
    if isinstance(widget, QAbstractButton):
        out.append(widget.text())
    if isinstance(widget, QLineEdit):
        out.append(widget.placeholderText())
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        out.append(widget.placeholderText())
        if widget.isReadOnly():
            out.append(widget.toPlainText())  # previews and rendered items
    if isinstance(widget, QComboBox):
        out += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QGroupBox):
        out.append(widget.title())
    if isinstance(widget, QTabBar):
        out += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractSpinBox):
        out.append(widget.specialValueText())
        if isinstance(widget, QSpinBox | QDoubleSpinBox):
            out += [widget.suffix(), widget.prefix()]
    if isinstance(widget, QTableWidget):
        for c in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(c)
            out.append(item.text() if item else "")
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for r in range(min(model.rowCount(QModelIndex()), 50)):
            for c in range(12):
                index = model.index(r, c)
                if not index.isValid():
                    break
                for role in (
                    Qt.ItemDataRole.DisplayRole,
                    Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole,
                ):
                    value = index.data(role)
                    out.append(value if isinstance(value, str) else "")
    if isinstance(widget, ChartWidget) and widget.spec is not None:
        spec = widget.spec
        out += [spec.title, spec.empty_text, spec.value_suffix, *spec.labels, *spec.notes]
        out += list(spec.series)
    if isinstance(widget, QMenu | QMainWindow):
        for action in widget.findChildren(QMenu) if isinstance(widget, QMainWindow) else []:
            out.append(action.title())
        for action in widget.actions():
            out += [action.text(), action.toolTip()]
    return [t for t in out if t]


def close_dialogs() -> None:
    for top in QApplication.topLevelWidgets():
        if isinstance(top, QDialog) and top.isVisible():
            top.close()
    QApplication.processEvents()


class Seen:
    def __init__(self):
        self.english = english_words()
        assert {"journal", "trigger", "breathe", "passphrase"} <= self.english
        self.left: dict[str, str] = {}
        self.count = 0
        self.before = set(QApplication.topLevelWidgets())  # other tests' windows, in English

    def walk(self, where: str) -> None:
        QApplication.processEvents()
        for top in QApplication.topLevelWidgets():
            if top in self.before:
                continue
            for widget in [top, *top.findChildren(QWidget)]:
                for text in _texts(widget):
                    self.check(text, f"{where}: {type(widget).__name__} {widget.objectName()}")

    def check(self, text: str, where: str) -> None:
        self.count += 1
        # markup, paths, file names and the crisis lines' own names are no interface words
        bare = re.sub(r"<[^>]*>", " ", text)
        for _country, name, _number, _source in BUILT_IN_LINES.values():
            bare = bare.replace(name, " ")
        # nor an item's hex id or a key (age1…): "…3add7…" would read as the word "add"
        bare = " ".join(
            t
            for t in bare.split()
            if "/" not in t
            and ".kintsugi" not in t
            and not (len(t) >= 16 and any(c.isdigit() for c in t))
        )
        words = {w.lower() for w in WORD.findall(bare)} & self.english
        if words:
            self.left.setdefault(text, f"{where} {sorted(words)}")


def test_every_screen_speaks_spanish(spanish, make_window, full_journal, tmp_path, qtbot):
    assert QLocale().language() == QLocale.Language.Spanish
    seen = Seen()
    first = make_window(tmp_path / "new" / "journal.kintsugi")
    seen.walk("welcome")
    first.close()

    window = make_window(full_journal)
    seen.walk("unlock")
    unlock(qtbot, window)
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        seen.walk(f"section {window.nav.item(row).text()}")
    qtbot.waitUntil(lambda: window.insights.result is not None, timeout=20_000)
    seen.walk("insights, computed")
    assert window.share.list.count() == 6  # every kind marked for sharing is in the preview

    flow = window.grounding_flow
    openers = (window.on_settings, window.on_trash, window.file_actions.on_restore)
    for opener in (*openers, flow.on_support, flow.on_quick_log):
        opener()
        seen.walk(opener.__name__)
        close_dialogs()

    window.on_settings()
    settings = window.dialog
    settings.open_techniques_dialog()
    settings.open_keys_dialog()
    settings.open_passphrase_dialog(False)
    seen.walk("settings: techniques, keys and people, passphrase")
    close_dialogs()
    window.show_recovery_key("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ")
    BundleDialog(window.session, window).show()
    RecoveryUnlockDialog(window).show()
    history = window.session.grounding().for_trigger(window.session.triggers().timeline()[0].id)
    GroundingSessionDialog(history[0], window).show()
    seen.walk("recovery key, bundle, recovery unlock, a session read again")
    close_dialogs()

    records = [
        repository_for(window.session.database(), row.kind).get(row.id)
        for row in window.session.items().timeline()
    ]
    report = Report(window.session.database(), records, name=GREEK)
    for part in (report.front.toPlainText(), report.summary, report.items.toPlainText()):
        seen.check(part, "the PDF report")
    for spec in report.charts:
        for text in (spec.title, spec.empty_text, *spec.labels, *spec.notes, *spec.series):
            seen.check(text, "the PDF report's charts")

    flow.on_ground_now()
    seen.walk("what would help right now")
    for technique in BUILT_IN:
        flow.start_exercise(technique)
        seen.walk(f"{technique}, before")
        window.exercise.begin(rated=True)
        seen.walk(f"{technique}, running")
        window.exercise.stop_button.click()
        seen.walk(f"{technique}, after")
        window.exercise.leave()

    assert seen.count > 1500
    assert not seen.left, f"{len(seen.left)} English texts left:\n" + "\n".join(
        f"{text!r}  ← {where}" for text, where in seen.left.items()
    )


def test_qt_own_buttons_are_spanish(spanish, window):
    window.on_settings()
    texts = {b.text().replace("&", "") for b in window.dialog.findChildren(QAbstractButton)}
    assert {"Aceptar", "Cancelar"} <= texts, texts
    window.dialog.close()


def test_the_language_setting_is_kept_per_computer(app, window, qtbot):
    """System / English / Español in Settings, saved in QSettings (not in the journal)."""
    window.on_settings()
    dialog = window.dialog
    codes = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert codes == ["system", "en", "es"]
    assert [dialog.language.itemText(i) for i in (1, 2)] == ["English", "Español"]
    dialog.language.setCurrentIndex(2)
    dialog.on_accepted()
    assert i18n.chosen_language() == "es"
    assert window.session.settings().get("ui.language", None) is None  # not in the journal
    try:
        assert i18n.install(app) == "es"
        assert QApplication.translate("timeline", "Today") == "Hoy"
    finally:
        i18n.save_language("system")
        i18n.install(app, "en")
    assert QApplication.translate("timeline", "Today") == "Today"


def test_the_system_language_is_followed():
    assert i18n.resolve("system", QLocale("es_MX")) == "es"
    assert i18n.resolve("system", QLocale("de_DE")) == "en"
    assert i18n.locale_for("es", QLocale("es_AR")).name() == "es_AR"
    assert i18n.locale_for("es", QLocale("en_US")).name() == "es_ES"


def test_dates_and_numbers_follow_the_locale(spanish):
    day = date(2025, 3, 3)
    assert i18n.day_text(day) == "3 mar 2025"
    assert "marzo" in i18n.long_day_text(day)
    assert i18n.number_text(2.5) == "2,5"
    assert i18n.weekday_names()[0].lower().startswith("lun")

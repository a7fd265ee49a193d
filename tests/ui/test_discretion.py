"""Discretion (#15 item 6): a panic key, a neutral name and icon, no file name on the lock
screen, a quiet page on opening, neutral export names and PDF metadata, and a recovery key
kept where the person chooses."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget

from kintsugi.core import config
from kintsugi.ui import discretion
from kintsugi.ui.machine_settings import MachineSettings
from tests.helpers import type_entry, unlock

SECRET_TITLE, SECRET_BODY = "About the hotel", "what I found on the phone"


@pytest.fixture(autouse=True)
def forget_choices():
    yield
    store = MachineSettings()
    for setting in (config.NEUTRAL_NAME, config.SHOW_FILE_NAME):
        store.remove(setting.key)


def visible_text(window) -> str:
    """Everything a person could read on the window now: labels, fields, list rows."""
    from PySide6.QtWidgets import QAbstractItemView

    parts = [window.windowTitle()]
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QLineEdit):
            parts.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            parts.append(w.toPlainText())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for row in range(min(model.rowCount(), 50)):
                parts.append(str(model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) or ""))
    return "\n".join(parts)


def test_the_journal_opens_on_a_quiet_page_unless_the_last_entry_was_chosen(
    window, make_window, qtbot
):
    type_entry(qtbot, window, SECRET_TITLE, SECRET_BODY)
    path = window.session.path
    window.close()
    again = make_window(path)
    unlock(qtbot, again)
    QApplication.processEvents()
    seen = visible_text(again)
    assert SECRET_TITLE not in seen and SECRET_BODY not in seen
    assert again.journal.pages.currentWidget() is again.journal.quiet
    again.journal.quiet.show_button.click()
    assert again.journal.editor.title.text() == SECRET_TITLE  # chosen: now it shows
    again.on_settings()
    again.dialog.open_on.setCurrentIndex(again.dialog.open_on.findData("last"))
    again.dialog.on_accepted()
    again.close()
    third = make_window(path)
    unlock(qtbot, third)
    assert third.journal.editor.title.text() == SECRET_TITLE


def test_the_lock_screen_names_no_file_unless_asked(make_window, existing_vault, qtbot):
    window = make_window(existing_vault)
    assert existing_vault.name not in visible_text(window)
    assert not window.unlock.vault_label.isVisible()
    discretion.set_choices(neutral=False, file_name=True)
    window.show_start()
    assert existing_vault.name in window.unlock.vault_label.text()


def test_the_panic_key_hides_and_locks_at_once_even_from_a_dialog(window, qtbot):
    type_entry(qtbot, window, SECRET_TITLE, SECRET_BODY)
    window.journal.editor.body.insertPlainText(" and more")  # not saved yet
    window.on_settings()
    dialog = window.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2_000)
    qtbot.keyClick(
        dialog.open_on,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not window.session.is_open
    assert window.isMinimized() or not window.isVisible()
    assert not dialog.isVisible()
    assert SECRET_TITLE not in visible_text(window)
    assert "Ctrl+Shift+L" in window.panic_action.shortcut().toString()


def test_a_neutral_name_and_icon_for_the_window_and_the_launcher(window, tmp_path):
    entry = discretion.desktop_entry_path()
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(discretion.desktop_entry(False))  # as make install-desktop leaves it
    window.on_settings()
    window.dialog.neutral.setChecked(True)
    window.dialog.on_accepted()
    assert window.windowTitle() == "Notes"
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.read(entry)
    desktop = parsed["Desktop Entry"]
    assert desktop["Name"] == "Notes" and desktop["Icon"] == "kintsugi-notes"
    text = entry.read_text().lower()
    for word in ("journal", "trust", "therapy", "kintsugi</", "encrypted"):
        assert word not in text
    icon = entry.parents[1] / "icons/hicolor/scalable/apps/kintsugi-notes.svg"
    assert icon.read_bytes() == discretion.PLAIN_ICON
    assert not discretion.plain_icon().isNull()
    window.on_settings()
    window.dialog.neutral.setChecked(False)
    window.dialog.on_accepted()
    assert window.windowTitle() == "Kintsugi"
    assert "Name=Kintsugi" in entry.read_text()


def test_exports_are_offered_under_neutral_names(window, monkeypatch):
    offered = []
    monkeypatch.setattr(
        "kintsugi.ui.share.pane.ask_save",
        lambda parent, title, suggested, flt: offered.append(suggested.name),
    )
    window.share._ask_path("t", discretion.EXPORT_NAMES["pdf"], "")
    for fmt in ("pdf", "md"):
        window.share.on_plain_clicked(fmt, confirm=False)
    assert offered and all("kintsugi" not in name for name in offered)
    assert set(offered) <= set(discretion.EXPORT_NAMES.values())


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler-utils")
def test_the_pdf_says_nothing_of_the_app_in_its_metadata(window, tmp_path):
    from kintsugi.ui.insights.report import render_pdf

    path = tmp_path / "r.pdf"
    path.write_bytes(render_pdf(window.session.vault.db, []))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Title:           Report" in info
    assert "kintsugi" not in info.lower()


def test_the_recovery_key_is_saved_where_the_person_chooses(window, monkeypatch, tmp_path):
    from kintsugi.ui.unlock.recovery import RecoveryKeyDialog

    offered = []
    monkeypatch.setattr(
        "kintsugi.ui.unlock.recovery.ask_save",
        lambda parent, title, suggested, flt: offered.append(suggested),
    )
    dialog = RecoveryKeyDialog("ABCD-EFGH", window)
    dialog.on_save_clicked()
    assert offered and Path.home() not in offered[0].parents  # no home-folder default
    assert "kintsugi" not in offered[0].name
    text = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "off this computer" in text
    dialog.save_to(Path.home() / "rk.txt")
    assert "on this computer" in dialog.status.text()  # said plainly
    dialog.close()

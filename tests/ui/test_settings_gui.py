"""Settings from the window: kept inside the vault, and a passphrase change with a new
recovery key."""

import pytest

from tests.helpers import PASSPHRASE, type_entry, unlock


def test_settings_persist_inside_the_vault(window, qtbot, make_window):
    window.on_settings()
    dialog = window.dialog
    dialog.autolock.setValue(12)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(150))
    dialog.first_day.setCurrentIndex(dialog.first_day.findData(7))
    body_before = window.journal.editor.body.font().pointSizeF()
    dialog.on_accepted()
    assert window.journal.editor.body.font().pointSizeF() == pytest.approx(body_before * 1.5, 0.02)
    path = window.session.path
    window.close()
    again = make_window(path)
    unlock(qtbot, again)
    assert (
        again.settings.autolock_minutes,
        again.settings.theme,
        again.settings.text_size,
        again.settings.first_day_of_week,
    ) == (12, "dark", 150, 7)
    assert again.journal.jump.calendarWidget().firstDayOfWeek().value == 7
    again.on_settings()
    again.dialog.theme.setCurrentIndex(again.dialog.theme.findData("light"))
    again.dialog.on_accepted()


def test_change_passphrase_and_new_recovery_key_from_settings(window, qtbot, make_window):
    type_entry(qtbot, window, "Before", "kept through the re-key")
    old_rk = window.session.vault.recovery_key()
    window.on_settings()
    window.dialog.open_passphrase_dialog(False)
    change = window.dialog.passphrase_dialog
    change.current.setText("wrong")
    change.new.setText("another fine passphrase")
    change.repeat.setText("another fine passphrase")
    change.on_accepted()
    qtbot.waitUntil(lambda: change.message.text() != "", timeout=10_000)
    assert "not the current" in change.message.text()
    change.current.setText(PASSPHRASE)
    with qtbot.waitSignal(change.accepted, timeout=20_000):
        change.on_accepted()
    assert window.session.vault.recovery_key() != old_rk
    settings = window.dialog
    settings.open_passphrase_dialog(True)
    fresh = settings.passphrase_dialog
    fresh.current.setText("another fine passphrase")
    with qtbot.waitSignal(settings.recovery_key_made, timeout=20_000):
        fresh.on_accepted()
    assert window.dialog.recovery_key == window.session.vault.recovery_key()
    window.dialog.accept()
    type_entry(qtbot, window, "After", "still saving")
    window.close()
    again = make_window(window.session.path)
    unlock(qtbot, again, "another fine passphrase")
    assert again.journal.model.rowCount() == 2

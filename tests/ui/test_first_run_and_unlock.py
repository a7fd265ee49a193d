import os

from PySide6.QtCore import Qt

from kintsugi.core import schema
from kintsugi.core.vault import Vault
from tests.helpers import FAST_KDF, PASSPHRASE, assert_accessible, unlock


def test_first_run_creates_a_vault_and_offers_a_recovery_key(make_window, vault_path, qtbot):
    w = make_window(vault_path)
    assert w.screens.currentWidget() is w.welcome
    w.welcome.passphrase.setText("short")
    w.welcome.create_button.click()
    assert "at least" in w.welcome.message.text()
    w.welcome.passphrase.setText("tender morning harbour lantern")
    w.welcome.repeat.setText("tender morning harbour lantern!")
    w.welcome.create_button.click()
    assert "different" in w.welcome.message.text()
    w.welcome.meter.update_now()
    assert w.welcome.meter.score >= 3
    w.welcome.repeat.setText("tender morning harbour lantern")
    with qtbot.waitSignal(w.session.unlocked, timeout=30_000):
        w.welcome.create_button.click()
    assert w.screens.currentWidget() is w.workspace
    assert vault_path.exists()
    dialog = w.dialog
    assert dialog.isVisible() and dialog.recovery_key == w.session.vault.recovery_key()
    saved = vault_path.parent / "rk.txt"
    dialog.save_to(saved)
    assert oct(saved.stat().st_mode & 0o777) == "0o600"
    dialog.accept()
    w.lock()
    key = saved.read_text().split("\n")[2]
    with Vault.open_with_recovery_key(vault_path, key) as v:
        assert v.needs_new_passphrase


def test_passphrase_field_shows_and_hides(make_window, vault_path):
    w = make_window(vault_path)
    field = w.welcome.passphrase
    assert field.echoMode() == field.EchoMode.Password
    field.toggle_action.trigger()
    assert field.echoMode() == field.EchoMode.Normal
    field.toggle_action.trigger()
    assert field.echoMode() == field.EchoMode.Password


def test_wrong_passphrase_message_keeps_the_field(make_window, existing_vault, qtbot):
    w = make_window(existing_vault)
    assert w.screens.currentWidget() is w.unlock
    w.unlock.passphrase.setText("not my passphrase")
    w.unlock.unlock_button.click()
    qtbot.waitUntil(lambda: w.unlock.message.text() != "", timeout=20_000)
    assert "does not open" in w.unlock.message.text()
    assert w.unlock.passphrase.text() == "not my passphrase"
    assert w.unlock.passphrase.isEnabled() and not w.unlock.busy.isVisible()
    unlock(qtbot, w)


def test_caps_lock_hint(make_window, existing_vault, qtbot):
    w = make_window(existing_vault)
    w.unlock.passphrase.setFocus()
    qtbot.keyClicks(w.unlock.passphrase, "A")  # upper case without Shift: Caps Lock is on
    assert not w.unlock.caps.isHidden()
    qtbot.keyClicks(w.unlock.passphrase, "a")
    assert w.unlock.caps.isHidden()


def test_unlock_with_recovery_key_sets_a_new_passphrase(make_window, existing_vault, qtbot):
    with Vault.open(existing_vault, PASSPHRASE) as v:
        rk = v.recovery_key()
    w = make_window(existing_vault)
    w.unlock.recovery_button.click()
    dialog = w.dialog
    dialog.key.setText(rk.lower())
    dialog.new.setText("my new calm passphrase")
    dialog.repeat.setText("my new calm passphrase")
    with qtbot.waitSignal(w.session.unlocked, timeout=20_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert w.dialog.recovery_key != rk  # a new recovery key is offered at once
    w.dialog.accept()
    w.lock()
    unlock(qtbot, w, "my new calm passphrase")


def test_every_engine_error_has_its_own_message(make_window, tmp_path, qtbot):
    cases = {}
    junk = tmp_path / "junk.kintsugi"
    junk.write_bytes(os.urandom(4096))
    cases[junk] = "not a Kintsugi journal file"
    newer = tmp_path / "newer.kintsugi"
    with Vault.create(newer, PASSPHRASE, params=FAST_KDF) as v, v.db.transaction() as c:
        c.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    cases[newer] = "newer version"
    readonly = tmp_path / "ro" / "v.kintsugi"
    Vault.create(readonly, PASSPHRASE, params=FAST_KDF).lock()
    os.chmod(readonly, 0o400)
    cases[readonly] = "read-only"
    for path, words in cases.items():
        w = make_window(path)
        w.unlock.passphrase.setText(PASSPHRASE)
        w.unlock.unlock_button.click()
        qtbot.waitUntil(lambda w=w: w.unlock.message.text() != "", timeout=20_000)
        assert words in w.unlock.message.text(), (path, w.unlock.message.text())
    os.chmod(readonly, 0o600)


def test_vault_in_use_is_explained(make_window, existing_vault, qtbot):
    with Vault.open(existing_vault, PASSPHRASE):
        w = make_window(existing_vault)
        w.unlock.passphrase.setText(PASSPHRASE)
        w.unlock.unlock_button.click()
        qtbot.waitUntil(lambda: w.unlock.message.text() != "", timeout=20_000)
        assert "already open" in w.unlock.message.text()


def test_window_title_is_always_just_kintsugi(window, qtbot):
    window.journal.editor.title.setText("A very private title")
    window.journal.editor.save_now()
    assert window.windowTitle() == "Kintsugi"
    window.lock()
    assert window.windowTitle() == "Kintsugi"


def test_every_control_has_an_accessible_name(window):
    assert_accessible(window)
    assert window.nav.count() >= 2
    assert window.lock_action.shortcut().matches(Qt.CTRL | Qt.Key_L)


def test_a_damaged_vault_points_to_a_backup(make_window, existing_vault, qtbot):
    with Vault.open(existing_vault, PASSPHRASE) as v, v.db.read() as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = existing_vault.read_bytes()
    existing_vault.write_bytes(data[: len(data) // 3])  # truncated
    w = make_window(existing_vault)
    w.unlock.passphrase.setText(PASSPHRASE)
    w.unlock.unlock_button.click()
    qtbot.waitUntil(lambda: w.unlock.message.text() != "", timeout=20_000)
    assert "damaged" in w.unlock.message.text() and "backup" in w.unlock.message.text()


def test_open_another_vault_and_create_a_new_one(window, qtbot, tmp_path, monkeypatch):
    other = tmp_path / "other.kintsugi"
    Vault.create(other, "another passphrase", params=FAST_KDF).lock()
    monkeypatch.setattr(window.file_actions, "_choose_vault", lambda save: other)
    window.file_actions.on_open_vault()
    assert not window.session.is_open and window.session.path == other
    assert window.screens.currentWidget() is window.unlock
    unlock(qtbot, window, "another passphrase")
    fresh = tmp_path / "fresh"
    monkeypatch.setattr(window.file_actions, "_choose_vault", lambda save: fresh)
    window.file_actions.on_new_vault()
    assert window.session.path == tmp_path / "fresh.kintsugi"
    assert window.screens.currentWidget() is window.welcome


def test_screen_lock_and_suspend_lock_the_journal(window, qtbot):
    with qtbot.waitSignal(window.session.locked, timeout=2_000):
        window.system_lock.on_active_changed(True)  # the screen saver became active
    unlock(qtbot, window)
    window.system_lock.on_active_changed(False)
    assert window.session.is_open
    with qtbot.waitSignal(window.session.locked, timeout=2_000):
        window.system_lock.on_prepare_for_sleep(True)
    assert window.toolbar.isHidden()

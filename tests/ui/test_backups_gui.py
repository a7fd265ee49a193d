from kintsugi.core import backups
from kintsugi.core.records import Entry
from kintsugi.core.vault import Vault
from kintsugi.ui.dialogs.restore import RestoreDialog
from tests.helpers import PASSPHRASE, assert_accessible, unlock


def test_unlock_makes_todays_backup_and_restore_brings_one_back(window, qtbot):
    folder = backups.backup_folder(window.session.vault)
    qtbot.waitUntil(lambda: len(backups.list_backups(folder)) == 1, timeout=10_000)
    window.session.entries().add(Entry(title="before", body="in the backup"))
    info = backups.take_backup(window.session.vault, "manual")
    window.session.entries().add(Entry(title="after", body="not in the backup"))
    window.file_actions.on_restore()
    dialog = window.dialog
    assert isinstance(dialog, RestoreDialog) and dialog.list.count() == 2
    assert_accessible(dialog)
    rows = [dialog.list.item(n).data(0x0100) for n in range(dialog.list.count())]
    dialog.list.setCurrentRow(rows.index(str(info.path)))
    assert dialog.chosen() == info.path
    dialog.passphrase.setText(PASSPHRASE)
    dialog.look.click()
    qtbot.waitUntil(lambda: "1 journal entry," in dialog.details.text(), timeout=10_000)
    with qtbot.waitSignal(dialog.restore_requested):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "Restored" in window.unlock.hint.text(), timeout=20_000)
    assert not window.session.is_open
    unlock(qtbot, window)
    titles = {s.title for s in window.session.items().timeline()}
    assert titles == {"before"}


def test_a_damaged_vault_offers_a_restore(make_window, existing_vault, qtbot):
    with Vault.open(existing_vault, PASSPHRASE) as v:
        backups.take_backup(v, "manual")
        with v.db.read() as c:
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    existing_vault.write_bytes(existing_vault.read_bytes()[:6000])
    w = make_window(existing_vault)
    w.unlock.passphrase.setText(PASSPHRASE)
    w.unlock.unlock_button.click()
    qtbot.waitUntil(lambda: w.unlock.message.text() != "", timeout=20_000)
    assert w.unlock.restore_button.isVisible()
    w.unlock.restore_button.click()
    assert w.dialog.list.count() == 1

"""Importing bundles in the window: who sent them (verified / new key, saved on first use /
refused), From partner's labels, and a newer revision replacing the older one (still
readable)."""

from __future__ import annotations

import io
import json
import zipfile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kintsugi.core import share, transfer
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.sharing import Sharing
from kintsugi.core.vault import Vault
from kintsugi.ui import channel
from tests.helpers import FAST_KDF, settled


def _import(pane, qtbot, path):
    with qtbot.waitSignal(channel.bridge().shown, timeout=20_000) as blocker:
        pane.import_file(path)
    settled(pane, qtbot)  # the lists it reloads
    return blocker.args[0].text


def test_import_labels_trust_on_first_use_forgeries_and_revisions(window, qtbot, tmp_path):
    me = window.session.sharing()
    pane = window.share
    with Vault.create(tmp_path / "sam.kintsugi", "sam's", params=FAST_KDF) as sam:
        Sharing(sam.db).set_display_name("Sam")
        repo = EntryRepository(sam.db)
        entry = repo.add(Entry(title="Plan", body="home at six", shared=True))

        def bundle(name: str) -> None:
            data = transfer.export_bytes(
                sam.db, [repo.get(entry.id)], "age", exporter="Sam", recipients=[me.my_key()]
            )
            (tmp_path / name).write_bytes(data)

        bundle("first.age")
        entry.body = "home at seven"
        entry = repo.update(entry)
        bundle("second.age")
        sam_fingerprint = Sharing(sam.db).my_fingerprint()
    with Vault.create(tmp_path / "mallory.kintsugi", "m", params=FAST_KDF) as mallory:
        m = EntryRepository(mallory.db).add(Entry(title="Trust me", body="x", shared=True))
        (tmp_path / "mallory.age").write_bytes(
            transfer.export_bytes(mallory.db, [m], "age", exporter="Sam", recipients=[me.my_key()])
        )

    # Tampered: the JSON changed after signing (re-encrypted to me): refused, one line.
    from pyrage import decrypt, x25519

    plain = decrypt(
        (tmp_path / "first.age").read_bytes(), [x25519.Identity.from_str(me.identity())]
    )
    with zipfile.ZipFile(io.BytesIO(plain)) as z:
        members = {n: z.read(n) for n in z.namelist()}
    doc = json.loads(members[share.JSON_NAME])
    doc["exporter"] = "Dr. Rivera"
    members[share.JSON_NAME] = json.dumps(doc).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, d in members.items():
            z.writestr(n, d)
    (tmp_path / "forged.age").write_bytes(share.encrypt(buf.getvalue(), recipients=[me.my_key()]))
    message = _import(pane, qtbot, tmp_path / "forged.age")
    assert "signature does not match" in message and "\n" not in message
    assert pane.received.count() == 0 and pane.trust_box is None

    # A new sender: labelled, and offered to save with the fingerprint shown.
    message = _import(pane, qtbot, tmp_path / "first.age")
    assert "Imported 1 item from Sam" in message and "not in your address book" in message
    assert pane.received.count() == 1
    assert "key not in your address book" in pane.received.item(0).text()
    box = pane.trust_box
    assert box is not None and box.isVisible() and sam_fingerprint in box.text()
    with qtbot.waitSignal(channel.bridge().shown, timeout=5_000) as blocker:
        box.button(QMessageBox.Save).click()
    assert "Saved Sam's key" in blocker.args[0].text
    assert [c.label for c in me.contacts()] == ["Sam"]
    assert "(verified)" in settled(pane, qtbot).received.item(0).text()

    # Someone else using Sam's name: labelled, never shown as Sam's.
    message = _import(pane, qtbot, tmp_path / "mallory.age")
    assert "not the key you saved for Sam" in message
    assert pane.trust_box.isVisible() and sam_fingerprint not in pane.trust_box.text()
    pane.trust_box.button(QMessageBox.Cancel).click()
    settled(pane, qtbot)
    labels = sorted(pane.received.item(n).text() for n in range(pane.received.count()))
    assert len(labels) == 2 and sum("(verified)" in t for t in labels) == 1
    assert [c.label for c in me.contacts()] == ["Sam"]

    # The same items re-encrypted add nothing; a newer revision replaces the older one.
    message = _import(pane, qtbot, tmp_path / "first.age")
    assert "imported before" in message
    message = _import(pane, qtbot, tmp_path / "second.age")
    assert "Imported 1 item from Sam — verified, the key you saved" in message
    assert pane.trust_box is None or not pane.trust_box.isVisible()
    rows = [pane.received.item(n).text() for n in range(pane.received.count())]
    revised = next(n for n, t in enumerate(rows) if "Plan" in t)
    assert len(rows) == 2 and "revised (1 earlier)" in rows[revised]
    pane.received.setCurrentRow(revised)
    shown = pane.received_view.toPlainText()
    assert "home at seven" in shown and "Earlier version" in shown and "home at six" in shown
    assert shown.index("home at seven") < shown.index("home at six")
    assert "verified" in shown

    # The address book shows the saved fingerprint; locking clears From partner.
    from kintsugi.ui.share.dialogs import SharingSettingsDialog

    keys = SharingSettingsDialog(window.session, window)
    assert keys.table.item(0, 2).text() == sam_fingerprint
    assert keys.fingerprint.text() == me.my_fingerprint()
    keys.on_save_clicked()
    assert me.contacts()[0].signing_key  # saving the table keeps the signing key
    window.session.lock()
    assert pane.received.count() == 0 and pane.received_view.toPlainText() == ""


def test_the_share_log_in_full_and_its_items_open(window, qtbot, tmp_path):
    import hashlib

    from kintsugi.core.records import CheckIn

    s = window.session
    entry = s.entries().add(Entry(title="For therapy", body="safer this week", shared=True))
    checkin = s.checkins().add(CheckIn(safety=7, notes="a calm week", shared=True))
    pane = window.share
    window.show_pane(pane)
    pane.reload()
    out = tmp_path / "report.md"
    with qtbot.waitSignal(pane.exported, timeout=20_000):
        pane.export("md", out, label="Dr. Rivera")
    settled(pane, qtbot)
    pane.tabs.setCurrentIndex(1)
    assert pane.log.count() == 1 and "Dr. Rivera" in pane.log.item(0).text()
    pane.log.setCurrentRow(0)
    details = pane.log_view.toPlainText()
    assert hashlib.sha256(out.read_bytes()).hexdigest() in details
    assert "Dr. Rivera" in details and "Markdown" in details
    rows = [pane.log_items.item(n).text() for n in range(pane.log_items.count())]
    assert len(rows) == 2 and "Journal — For therapy" in rows
    assert any(r.startswith("Check-in — ") for r in rows)
    check_row = next(
        pane.log_items.item(n)
        for n in range(pane.log_items.count())
        if pane.log_items.item(n).data(Qt.UserRole)[1] == "checkin"
    )
    pane.log_items.itemActivated.emit(check_row)
    assert "a calm week" in pane.log_item_view.toPlainText()
    entry_row = next(
        pane.log_items.item(n)
        for n in range(pane.log_items.count())
        if pane.log_items.item(n).data(Qt.UserRole)[1] == "entry"
    )
    pane.log_items.itemActivated.emit(entry_row)
    assert window.panes.currentWidget() is window.journal
    assert window.journal.editor.entry_id == entry.id
    assert window.journal.editor.body.toPlainText() == "safer this week"
    # An item purged since stays in the log, named as gone.
    with window.session.database().transaction() as conn:
        conn.execute("DELETE FROM item WHERE id = ?", (checkin.id,))
    window.show_pane(pane)
    pane.reload()
    settled(pane, qtbot)
    pane.log.setCurrentRow(0)
    texts = [pane.log_items.item(n).text() for n in range(pane.log_items.count())]
    assert "(no longer in the journal)" in texts and len(texts) == 2
    assert entry.id in {pane.log_items.item(n).data(Qt.UserRole)[0] for n in range(len(texts))}


def test_from_partner_rows_lead_with_what_each_item_is(window, qtbot, tmp_path):
    """Four items from one partner on one day, in a narrow list, still tell themselves apart:
    each row begins with its own title, then its kind, the day and who sent it; a sender's
    name holding "%2" stays as written (the row is filled in one pass)."""
    me = window.session.sharing()
    pane = window.share
    with Vault.create(tmp_path / "sam.kintsugi", "sam's", params=FAST_KDF) as sam:
        Sharing(sam.db).set_display_name("Sam %2")
        repo = EntryRepository(sam.db)
        items = [repo.add(Entry(title=f"Thing {n}", body="x", shared=True)) for n in range(4)]
        data = transfer.export_bytes(
            sam.db, items, "age", exporter="Sam %2", recipients=[me.my_key()]
        )
        (tmp_path / "four.age").write_bytes(data)
    _import(pane, qtbot, tmp_path / "four.age")
    rows = sorted(pane.received.item(n).text() for n in range(pane.received.count()))
    assert [r.split(" — ")[0] for r in rows] == [f"Thing {n}" for n in range(4)]
    assert all(" — Journal · " in r and "from Sam %2 (" in r for r in rows), rows

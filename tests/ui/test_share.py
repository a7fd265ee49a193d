from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument

from kintsugi.core import share, transfer
from kintsugi.core.records import Entry, Trigger
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.sharing import ShareContact, Sharing
from kintsugi.core.vault import Vault
from kintsugi.ui import channel
from kintsugi.ui.share.dialogs import BundleDialog, SharingSettingsDialog
from tests.helpers import FAST_KDF, assert_accessible, settled

NOTE = "ONLY-FOR-ME-91f2"


def marked(window, qtbot=None):
    s = window.session
    a = s.entries().add(
        Entry(
            title="For therapy",
            body="I noticed I felt safer this week.",
            private_note=NOTE,
            shared=True,
        )
    )
    b = s.triggers().add(
        Trigger(
            cue="place", suds_peak=7, situation="The old street", private_note=NOTE, shared=True
        )
    )
    s.entries().add(Entry(title="Just for me", body="not marked"))
    window.share.reload()
    if qtbot is not None:
        settled(window.share, qtbot)
    return a, b


def pdf_text(data: bytes) -> str:
    doc = QPdfDocument()
    buf = QBuffer()
    buf.setData(QByteArray(data))
    buf.open(QIODevice.ReadOnly)
    doc.load(buf)
    return "".join(doc.getAllText(i).text() for i in range(doc.pageCount()))


def test_marking_from_the_list_and_the_exact_preview(window, qtbot):
    entry = window.session.entries().add(Entry(title="Evening", body="A calm evening."))
    window.journal.on_unlocked()
    window.journal.select_row(window.journal.model.row_of(entry.id))
    window.journal.view.setFocus()
    window.journal.share_action.trigger()
    assert window.session.items().summary(entry.id).shared
    window.show_pane(window.share)
    pane = settled(window.share, qtbot)
    assert pane.list.count() == 1
    assert "A calm evening." in pane.preview.toPlainText()
    pane.list.item(0).setCheckState(Qt.Unchecked)
    assert not pane.pdf_button.isEnabled()  # at once: no export while the preview is built
    settled(pane, qtbot)
    assert pane.preview.toPlainText() == "" and not pane.pdf_button.isEnabled()
    assert_accessible(pane)


def test_exports_leave_no_private_note_and_are_logged(window, qtbot, tmp_path):
    a, b = marked(window, qtbot)
    pane = window.share
    assert pane.list.count() == 2
    assert NOTE not in pane.preview.toPlainText()
    assert "Private notes are never included" in pane.preview_label.text()
    md = tmp_path / "out" / "shared.md"
    with qtbot.waitSignal(pane.exported, timeout=20_000):
        pane.export("md", md, label="Dr. Rivera")
    assert "I noticed I felt safer" in md.read_text() and NOTE not in md.read_text()
    pdf = tmp_path / "out" / "report.pdf"
    with qtbot.waitSignal(pane.exported, timeout=20_000):
        pane.export("pdf", pdf, label="Dr. Rivera")
    text = pdf_text(pdf.read_bytes())
    assert "Notes for therapy" in text and "The old street" in text and NOTE not in text
    bundle = tmp_path / "out" / "for-you.age"
    with qtbot.waitSignal(pane.exported, timeout=30_000):
        pane.export("age", bundle, bundle_passphrase="between the two of us", label="Sam")
    content = share.open_bundle(bundle.read_bytes(), passphrase="between the two of us")
    assert {i["kind"] for i in content.items} == {"entry", "trigger"}
    assert NOTE.encode() not in bundle.read_bytes()
    settled(pane, qtbot)
    assert pane.log.count() == 3 and "Sam" in pane.log.item(0).text()
    assert "shared" in pane.list.item(0).text()  # each item shows when it was last shared
    pane.on_export_failed(transfer.ExportCancelled())


def test_bundle_dialog_and_keys_and_people(window, qtbot):
    partner_key = share.public_key(share.new_identity())
    keys = SharingSettingsDialog(window.session, window)
    assert keys.my_key.text() == window.session.sharing().my_key()
    keys._add(ShareContact("Sam", "age1notreally"))
    keys.on_save_clicked()
    assert "not an age public key" in keys.message.text()
    keys.table.item(0, 1).setText(partner_key)
    keys.name.setText("Alex")
    keys.on_save_clicked()
    assert window.session.sharing().contacts()[0].label == "Sam"
    assert window.session.sharing().display_name() == "Alex"
    dialog = BundleDialog(window.session, window)
    assert dialog.by_key.isChecked()
    dialog.on_accepted()
    assert "at least one" in dialog.message.text()
    dialog.checks[0].setChecked(True)
    assert dialog.recipients() == [partner_key] and dialog.recipient_label() == "Sam"
    assert_accessible(dialog)


def test_import_a_partners_bundle_once(window, qtbot, tmp_path):
    with Vault.create(tmp_path / "partner.kintsugi", "their pass", params=FAST_KDF) as partner:
        Sharing(partner.db).set_display_name("Sam")
        EntryRepository(partner.db).add(Entry(title="From Sam", body="I hear you.", shared=True))
        data = transfer.export_bytes(
            partner.db,
            transfer.select(partner.db, shared=True),
            "age",
            exporter="Sam",
            recipients=[window.session.sharing().my_key()],
        )
    bundle = tmp_path / "from-sam.age"
    bundle.write_bytes(data)
    pane = window.share
    with qtbot.waitSignal(channel.bridge().shown, timeout=20_000) as blocker:
        pane.import_file(bundle)
    assert "Imported 1 item from Sam" in blocker.args[0].text
    assert settled(pane, qtbot).received.count() == 1
    pane.received.setCurrentRow(0)
    assert "I hear you." in pane.received_view.toPlainText()
    with qtbot.waitSignal(channel.bridge().shown, timeout=20_000) as blocker:
        pane.import_file(bundle)
    assert "imported before" in blocker.args[0].text and settled(pane, qtbot).received.count() == 1
    junk = tmp_path / "junk.age"
    junk.write_bytes(data[:200])
    with qtbot.waitSignal(channel.bridge().shown, timeout=20_000) as blocker:
        pane.import_file(junk)
    assert blocker.args[0].level is channel.Level.ERROR
    assert "damaged" in blocker.args[0].text and pane.received.count() == 1


def test_every_kind_can_be_marked_from_its_editor_or_list(window, qtbot):
    from kintsugi.core.records import Boundary, Goal, GroundingSession

    s = window.session
    s.boundaries().add(Boundary(text="Keep the phone open"))
    s.goals().add(Goal(text="Weekly talk", target_amount=4))
    g = s.grounding().add(GroundingSession(technique="box_breathing", duration_s=60))
    window.checkins.on_unlocked()
    window.checkins.boundaries.share.setChecked(True)
    window.checkins.goals.share.setChecked(True)
    window.checkins.checkin.sliders["trust"].setValue(6)
    window.checkins.checkin.share.setChecked(True)
    assert window.checkins.flush()
    window.grounding.on_unlocked()
    window.grounding.view.setCurrentIndex(window.grounding.model.index(0))
    window.grounding.share_action.trigger()
    assert s.items().summary(g.id).shared
    window.show_pane(window.share)
    kinds = {r.KIND for r in settled(window.share, qtbot).records}
    assert kinds == {"boundary", "goal", "checkin", "grounding"}
    window.on_settings()
    window.dialog.open_keys_dialog()
    assert window.dialog.keys_dialog.my_key.text().startswith("age1")

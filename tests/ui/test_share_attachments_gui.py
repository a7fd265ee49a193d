"""Attachments in the Share pane and the PDF report, through the real window: the preview
shows the pictures from the very bytes the bundle carries (compared with the bundle opened
by pyrage), lists every file with its size; the PDF report embeds the picture (found by
``pdfimages``); From partner shows a partner's pictures inline and saves a copy; a
tampered bundle's attachment is refused in one line with nothing kept."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import zipfile

import pytest
from PIL import Image
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from kintsugi.core import share, transfer
from kintsugi.core.records import Entry
from kintsugi.core.repo.attachments import AttachmentRepo
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.sharing import Sharing
from kintsugi.core.vault import Vault
from kintsugi.ui import channel
from tests.core.test_attachments import pdf_bytes
from tests.helpers import FAST_KDF, settled


def png(colour=(200, 40, 40), size=(640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def _shown_image(doc, member: str) -> QImage:
    """The picture the document draws for ``member`` (never the 1×1 placeholder)."""
    doc.documentLayout().documentSize()  # laid out: every image it shows was asked for
    image = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(member))
    assert isinstance(image, QImage) and image.width() > 1
    assert doc.refused == 0  # nothing asked at the door that it did not serve
    return image


def test_the_preview_shows_the_bundles_own_pictures_and_lists_files(window, qtbot, tmp_path):
    s = window.session
    entry = s.entries().add(Entry(title="The letter", body="What I kept.", shared=True))
    store = AttachmentRepo(s.database())
    photo = store.add_bytes(entry.id, png(), "photo.png")
    store.add_bytes(entry.id, pdf_bytes("a letter"), "letter.pdf")
    pane = window.share
    pane.reload()
    settled(pane, qtbot)
    doc = pane.preview.document()
    member = f"attachments/{photo.sha256}.png"
    assert doc.pictures == {member: photo.sha256}
    assert not _shown_image(doc, member).isNull()
    text = pane.preview.toPlainText()
    assert "letter.pdf (PDF, " in text and "photo.png (picture, " in text
    assert "[image not shown" not in text

    # the bundle made from that same payload carries exactly those bytes
    other = share.new_identity()
    data = transfer.export_bytes(
        s.database(),
        pane.payload_records,
        "age",
        recipients=[share.public_key(other)],
        payload=pane.payload,
    )
    from pyrage import decrypt, x25519

    with zipfile.ZipFile(io.BytesIO(decrypt(data, [x25519.Identity.from_str(other)]))) as z:
        assert hashlib.sha256(z.read(member)).hexdigest() == doc.pictures[member]
        names = [n for n in z.namelist() if n.startswith("attachments/")]
    assert len(names) == 2  # the photo and the PDF


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="needs poppler-utils")
def test_the_pdf_report_embeds_the_picture(window, qtbot, tmp_path):
    from kintsugi.ui.insights.report import render_pdf

    s = window.session
    entry = s.entries().add(Entry(title="With a photo", body="Look.", shared=True))
    AttachmentRepo(s.database()).add_bytes(entry.id, png(size=(640, 480)), "photo.png")
    plain = s.entries().add(Entry(title="Words only", body="No pictures.", shared=True))
    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf(s.database(), [s.entries().get(entry.id)], name="Alex"))
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    sizes = [tuple(int(v) for v in line.split()[3:5]) for line in listing]
    assert (640, 480) in sizes  # decoded at most twice the 9 cm it is drawn: not shrunk
    path.write_bytes(render_pdf(s.database(), [s.entries().get(plain.id)], name="Alex"))
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert (640, 480) not in [tuple(int(v) for v in line.split()[3:5]) for line in listing]


def _import(pane, qtbot, path):
    with qtbot.waitSignal(channel.bridge().shown, timeout=20_000) as blocker:
        pane.import_file(path)
    settled(pane, qtbot)
    return blocker.args[0].text


def test_from_partner_shows_pictures_saves_a_copy_and_refuses_tampering(
    window, qtbot, tmp_path, monkeypatch
):
    me = window.session.sharing()
    pane = window.share
    sent = png((20, 90, 200))
    with Vault.create(tmp_path / "sam.kintsugi", "sam's", params=FAST_KDF) as sam:
        Sharing(sam.db).set_display_name("Sam")
        entry = EntryRepository(sam.db).add(Entry(title="Our walk", body="x", shared=True))
        att = AttachmentRepo(sam.db).add_bytes(entry.id, sent, "walk.png")
        AttachmentRepo(sam.db).add_bytes(entry.id, pdf_bytes("plan"), "plan.pdf")
        data = transfer.export_bytes(
            sam.db, [EntryRepository(sam.db).get(entry.id)], "age", recipients=[me.my_key()]
        )
        stored = AttachmentRepo(sam.db).read_bytes(att.id)
    from pyrage import decrypt, x25519

    with zipfile.ZipFile(io.BytesIO(decrypt(data, [x25519.Identity.from_str(me.identity())]))) as z:
        members = {n: z.read(n) for n in z.namelist()}
    member = f"attachments/{att.sha256}.png"
    members[member] = png((0, 0, 0))  # changed after it was signed
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, d in members.items():
            z.writestr(n, d)
    (tmp_path / "tampered.age").write_bytes(share.encrypt(buf.getvalue(), recipients=[me.my_key()]))
    message = _import(pane, qtbot, tmp_path / "tampered.age")
    assert "signature does not match" in message and "\n" not in message
    assert pane.received.count() == 0

    (tmp_path / "sam.age").write_bytes(data)
    message = _import(pane, qtbot, tmp_path / "sam.age")
    assert "Imported 1 item" in message
    pane.received.setCurrentRow(0)
    settled(pane, qtbot)
    doc = pane.received_view.document()
    assert doc.pictures == {member: att.sha256}
    assert not _shown_image(doc, member).isNull()
    text = pane.received_view.toPlainText()
    assert "Our walk" in text and "plan.pdf (PDF, " in text and "walk.png (picture, " in text
    assert not pane.received_save.isHidden() and pane.received_save.isEnabled()
    assert "only way one leaves" in pane.received_note.text()

    from PySide6.QtWidgets import QInputDialog

    from kintsugi.ui.share import pane as pane_module

    target = tmp_path / "out" / "walk.png"
    target.parent.mkdir()
    monkeypatch.setattr(pane_module, "ask_save", lambda *a, **k: target)
    monkeypatch.setattr(
        QInputDialog, "getItem", staticmethod(lambda *a, **k: ("1. walk.png", True))
    )
    with qtbot.waitSignal(channel.bridge().shown, timeout=20_000) as blocker:
        pane.save_received_copy()
    assert "unencrypted copy" in blocker.args[0].text
    assert target.read_bytes() == stored

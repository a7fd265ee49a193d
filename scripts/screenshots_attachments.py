"""Screenshots of an entry with photos and a voice note (docs/screenshots/attachments-*.png).

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_attachments.py
    (add --es-800x600: the entry in Spanish in an 800 x 600 window)

The photos are painted here (a sky, a sea, a path); the voice note is a soft tone written
through the same chunk path as a recording.
"""

from __future__ import annotations

import math
import os
import struct
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kintsugi.core.kdf import KdfParams  # noqa: E402
from kintsugi.core.records import Entry  # noqa: E402
from kintsugi.core.repo.attachments import AttachmentRepo  # noqa: E402
from kintsugi.core.repo.entries import EntryRepository  # noqa: E402
from kintsugi.core.vault import Vault  # noqa: E402
from kintsugi.ui.app import make_app  # noqa: E402
from kintsugi.ui.attachments.viewer import AttachmentViewer  # noqa: E402
from kintsugi.ui.main_window import MainWindow  # noqa: E402
from kintsugi.ui.session import Session  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASS = "demo passphrase for screenshots"


def painted(top: str, bottom: str, sun: bool) -> bytes:
    image = QImage(1200, 800, QImage.Format_RGB32)
    p = QPainter(image)
    sky = QLinearGradient(QPointF(0, 0), QPointF(0, 800))
    sky.setColorAt(0, QColor(top))
    sky.setColorAt(1, QColor(bottom))
    p.fillRect(image.rect(), sky)
    if sun:
        p.setBrush(QColor("#f6d28b"))
        p.setPen(Qt.NoPen)
        p.drawEllipse(QPointF(820, 330), 90, 90)
    p.fillRect(0, 520, 1200, 280, QColor(40, 70, 100, 180))
    p.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "JPEG", 88)
    return bytes(data.data())


def demo_vault(path: Path) -> int:
    with Vault.create(path, PASS, params=KdfParams(65536, 3, 4)) as v:
        when = datetime.now().replace(hour=20, minute=12, second=0, microsecond=0).astimezone()
        entry = EntryRepository(v.db).add(
            Entry(
                title="By the sea, finally",
                body="We drove out to the coast, just the two of us. For the first time in "
                "months I did not check his phone in my head.\n\nThe photos are for the "
                "days I forget that this happened.",
                mood=2,
                tags=["us", "good day"],
                occurred_at=when,
            )
        )
        repo = AttachmentRepo(v.db)
        repo.add_bytes(entry.id, painted("#8fb8de", "#f3c9a8", True), "Sunset.jpg")
        repo.add_bytes(entry.id, painted("#a9c6d9", "#dfe8ee", False), "The bay.jpg")
        repo.add_bytes(entry.id, painted("#c9b7d9", "#f0d9c9", True), "Walking back.jpg")
        rec = repo.recorder(entry.id, "Voice note.wav", "audio/L16;rate=16000;channels=1")
        for second in range(14):
            rec.write(
                b"".join(
                    struct.pack("<h", int(2500 * math.sin(2 * math.pi * 220 * t / 16000)))
                    for t in range(second * 16000, (second + 1) * 16000)
                )
            )
        rec.finish()
        EntryRepository(v.db).add(
            Entry(title="Therapy, session 10", body="Talked about the beach.", occurred_at=when)
        )
        return entry.id


def shoot(widget, name: str) -> None:
    QTest.qWait(500)
    QApplication.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png")


def wait_until(condition, ms: int = 20_000) -> None:
    waited = 0
    while not condition() and waited < ms:
        QTest.qWait(50)
        waited += 50


def main() -> int:
    # --es-800x600: the entry in Spanish in the smallest window we support
    small = "--es-800x600" in sys.argv[1:]
    if small:
        os.environ["KINTSUGI_LANGUAGE"] = "es"
    make_app(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "journal.kintsugi"
        entry_id = demo_vault(path)
        window = MainWindow(Session(path))
        window.resize(*((800, 600) if small else (1100, 760)))
        window.move(0, 0)
        window.show()
        window.unlock.passphrase.setText(PASS)
        window.unlock.unlock_button.click()
        wait_until(lambda: window.screens.currentWidget() is window.workspace)
        window.journal.show_journal()  # past the quiet start page
        window.journal.select_row(1)
        editor = window.journal.editor
        wait_until(lambda: editor.entry_id == entry_id)
        strip = editor.attachments
        wait_until(
            lambda: all(
                strip.thumbnails.image(a.id, 72) is not None
                for a in strip.attachments()
                if a.kind == "image"
            )
        )
        pictures = window.journal.row_pictures  # the timeline row's thumbnails too
        window.journal.view.viewport().update()
        wait_until(lambda: pictures.count(entry_id) == 3)
        QTest.qWait(1500)  # decoded on a worker; each repaints the row
        if small:
            shoot(window, "attachments-entry-es-800x600")
            editor.preview_button.click()
            wait_until(lambda: "opening" not in editor.preview.toPlainText())
            shoot(window, "attachments-preview-es-800x600")
            window.close()
            return 0
        shoot(window, "attachments-entry")
        editor.preview_button.click()
        wait_until(lambda: "opening" not in editor.preview.toPlainText())
        shoot(window, "attachments-preview")
        editor.preview_button.click()
        photo, voice = strip.attachments()[0], strip.attachments()[-1]
        viewer = AttachmentViewer(window.session, photo, window)
        viewer.resize(900, 680)
        viewer.show()
        wait_until(viewer.picture.has_picture)
        shoot(viewer, "attachments-photo")
        viewer.close()
        viewer = AttachmentViewer(window.session, voice, window)
        viewer.resize(640, 220)
        viewer.show()
        shoot(viewer, "attachments-voice-note")
        viewer.close()
        share_shots(window, entry_id, Path(tmp))
        window.close()
    return 0


def share_shots(window, entry_id: int, tmp: Path) -> None:
    """The Share preview of the entry with its photos (from the bytes the bundle carries),
    and a partner's photo in From partner."""
    from kintsugi.core import transfer
    from kintsugi.core.repo.sharing import Sharing

    s = window.session
    entry = s.entries().get(entry_id)
    entry.shared = True
    s.entries().update(entry)
    pane = window.share
    window.show_pane(pane)
    pane.reload()
    wait_until(lambda: not pane.busy and getattr(pane.preview.document(), "pictures", None))
    found = pane.preview.document().find("attachments:")  # the pictures, in view
    bar = pane.preview.verticalScrollBar()
    bar.setValue(bar.value() + pane.preview.cursorRect(found).top() - 40)
    QTest.qWait(300)
    shoot(window, "attachments-share-preview")
    with Vault.create(tmp / "sam.kintsugi", "sam's passphrase here") as sam:
        Sharing(sam.db).set_display_name("Sam")
        theirs = EntryRepository(sam.db).add(
            Entry(
                title="The note you left me",
                body="I kept it. I read it again tonight.",
                shared=True,
                occurred_at=entry.occurred_at,
            )
        )
        AttachmentRepo(sam.db).add_bytes(
            theirs.id, painted("#e8d5b7", "#b7c9e8", False), "Your note.jpg"
        )
        data = transfer.export_bytes(
            sam.db,
            [EntryRepository(sam.db).get(theirs.id)],
            "age",
            exporter="Sam",
            recipients=[Sharing(s.database()).my_key()],
        )
    (tmp / "from-sam.age").write_bytes(data)
    pane.import_file(tmp / "from-sam.age")
    wait_until(lambda: not pane.busy and pane.received.count() > 0)
    if pane.trust_box is not None:
        pane.trust_box.close()
    pane.tabs.setCurrentIndex(2)
    pane.received.setCurrentRow(0)
    wait_until(lambda: not pane.busy and getattr(pane.received_view.document(), "pictures", None))
    QTest.qWait(300)
    shoot(window, "attachments-from-partner")


if __name__ == "__main__":
    raise SystemExit(main())

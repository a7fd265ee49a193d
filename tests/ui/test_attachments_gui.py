"""Attachments in the app, through the real window: attach (chooser path, drop, paste),
thumbnails on a worker, the preview's one door, full size, PDFs page by page, voice notes
recorded through the same chunk path as a microphone and played from the vault."""

from __future__ import annotations

import io
import threading

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage, QPageSize, QPainter, QPdfWriter

from kintsugi.core.repo.attachments import AttachmentRepo, gps_of
from tests.core.test_attachments import photo_with_gps
from tests.helpers import type_entry


def _two_page_pdf() -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.A5))
    painter = QPainter(writer)
    painter.drawText(100, 100, "first page")
    writer.newPage()
    painter.drawText(100, 100, "second page")
    painter.end()
    buffer.close()
    return bytes(data.data())


def _editor(window, qtbot, title="With pictures"):
    type_entry(qtbot, window, title, "An evening by the sea.")
    return window.journal.editor


def _attach(qtbot, strip, action):
    with qtbot.waitSignal(strip.attached, timeout=10_000) as blocker:
        action()
    return blocker.args[0]


def test_attach_runs_on_the_writer_thread_and_shows_a_thumbnail(window, qtbot, tmp_path):
    editor = _editor(window, qtbot)
    photo = tmp_path / "sea.jpg"
    photo.write_bytes(photo_with_gps((1600, 1200)))
    threads = []
    real = AttachmentRepo.add_file

    def spy(self, *args, **kw):
        threads.append(threading.current_thread())
        return real(self, *args, **kw)

    AttachmentRepo.add_file = spy
    try:
        att = _attach(qtbot, editor.attachments, lambda: editor.attachments.attach_paths([photo]))
    finally:
        AttachmentRepo.add_file = real
    assert threads and threads[0] is not threading.main_thread()  # never the UI thread
    assert att.item_id == editor.entry_id and att.kind == "image"
    strip = editor.attachments
    assert strip.list.count() == 1 and strip.list.isVisible()
    qtbot.waitUntil(lambda: strip.thumbnails.image(att.id, 72) is not None, timeout=5_000)
    thumb = strip.thumbnails.image(att.id, 72)
    assert max(thumb.width(), thumb.height()) == 72  # decoded small, kept in memory only
    stored = window.session.database()
    assert gps_of(io.BytesIO(AttachmentRepo(stored).read_bytes(att.id))) == {}


def test_photo_details_are_kept_only_when_ticked_and_only_for_that_attach(window, qtbot, tmp_path):
    editor = _editor(window, qtbot)
    strip = editor.attachments
    photo = tmp_path / "sea.jpg"
    photo.write_bytes(photo_with_gps())
    assert not strip.keep_details.isChecked()  # private by default
    strip.keep_details.setChecked(True)
    kept = _attach(qtbot, strip, lambda: strip.attach_paths([photo]))
    assert not strip.keep_details.isChecked()  # chosen each time, never left on
    repo = AttachmentRepo(window.session.database())
    assert kept.metadata_kept and gps_of(io.BytesIO(repo.read_bytes(kept.id)))
    again = _attach(qtbot, strip, lambda: strip.attach_paths([photo]))
    assert not again.metadata_kept and gps_of(io.BytesIO(repo.read_bytes(again.id))) == {}
    from kintsugi.ui.attachments.viewer import AttachmentViewer

    viewer = AttachmentViewer(window.session, kept, window)
    assert viewer.details_note is not None and viewer.details_note.text()
    viewer.close()
    viewer = AttachmentViewer(window.session, again, window)
    assert viewer.details_note is None
    viewer.close()


def test_a_refused_file_says_one_line_and_stores_nothing(window, qtbot, tmp_path):
    editor = _editor(window, qtbot)
    fake = tmp_path / "letter.pdf"
    fake.write_text("not a pdf\n")
    with qtbot.waitSignal(editor.problem, timeout=10_000) as blocker:
        editor.attachments.attach_paths([fake])
    assert blocker.args[0] == "letter.pdf says it is a PDF but it is not one; nothing was stored."
    assert AttachmentRepo(window.session.database()).list_for(editor.entry_id) == []


def test_paste_a_screenshot_and_drop_a_file(window, qtbot, tmp_path):
    editor = _editor(window, qtbot)
    shot = QImage(300, 200, QImage.Format_RGB32)
    shot.fill(Qt.darkCyan)
    mime = QMimeData()
    mime.setImageData(shot)
    QGuiApplication.clipboard().setMimeData(mime)
    text_before = editor.body.toPlainText()
    try:
        att = _attach(qtbot, editor.attachments, editor.body.paste)  # Ctrl+V in the text
    finally:
        # The clipboard owns the QMimeData made here: left there, Qt's exit handlers delete
        # it after Python has finished, and the test process dies with SIGSEGV at exit.
        QGuiApplication.clipboard().clear()
    assert att.name == "Screenshot.png" and (att.width, att.height) == (300, 200)
    assert editor.body.toPlainText() == text_before  # the picture is not pasted as text
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(_two_page_pdf())
    drop = QMimeData()
    drop.setUrls([QUrl.fromLocalFile(str(pdf))])
    strip = editor.attachments
    event = QDropEvent(QPointF(5, 5), Qt.CopyAction, drop, Qt.LeftButton, Qt.NoModifier)
    att = _attach(qtbot, strip, lambda: strip.dropEvent(event))
    assert att.kind == "pdf" and [a.name for a in strip.attachments()] == [
        "Screenshot.png",
        "scan.pdf",
    ]


def test_the_preview_shows_pictures_through_the_attachment_door_only(window, qtbot, tmp_path):
    editor = _editor(window, qtbot)
    photo = tmp_path / "p.jpg"
    photo.write_bytes(photo_with_gps((800, 600)))
    att = _attach(qtbot, editor.attachments, lambda: editor.attachments.attach_paths([photo]))
    editor.preview_button.click()
    doc = editor.preview.safe_document()

    def images():
        found, block = [], doc.begin()
        while block.isValid():
            for rng in block.textFormats():
                if rng.format.isImageFormat():
                    found.append(rng.format.toImageFormat().name())
            block = block.next()
        return found

    qtbot.waitUntil(lambda: images() == [f"kintsugi-attachment:{att.id}"], timeout=5_000)
    editor.preview.grab()  # lay out and paint: Qt asks the door for the picture
    assert doc.requests >= 1 and doc.refused == 0
    assert "An evening by the sea." in editor.preview.toPlainText()


def test_a_narrow_preview_shows_a_photo_whole(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication, QSplitter

    window.resize(1100, 700)
    editor = _editor(window, qtbot)
    photo = tmp_path / "wide.jpg"
    photo.write_bytes(photo_with_gps((1600, 600)))
    _attach(qtbot, editor.attachments, lambda: editor.attachments.attach_paths([photo]))
    splitter = window.journal.findChild(QSplitter)
    splitter.setSizes([300, 800])  # a wide editor: the picture as decoded
    QApplication.processEvents()
    editor.preview_button.click()
    qtbot.waitUntil(lambda: editor.preview.document().toHtml().count("<img") == 1, timeout=5_000)
    editor.preview.grab()
    assert editor.preview.viewport().width() > 420
    window.resize(800, 600)
    splitter.setSizes([500, 300])  # narrowed while the preview is shown
    QApplication.processEvents()
    editor.preview.grab()
    width = editor.preview.viewport().width()
    assert width < 420  # narrower than the picture as decoded for the preview
    assert editor.preview.document().idealWidth() <= width
    assert editor.preview.horizontalScrollBar().maximum() == 0
    editor.preview_button.click()  # and shown again at that width
    editor.preview_button.click()
    qtbot.waitUntil(lambda: editor.preview.document().toHtml().count("<img") == 1, timeout=5_000)
    editor.preview.grab()
    assert editor.preview.horizontalScrollBar().maximum() == 0


def test_full_size_pdf_page_by_page_and_save_a_copy(window, qtbot, tmp_path, monkeypatch):
    from kintsugi.ui.attachments.viewer import AttachmentViewer

    editor = _editor(window, qtbot)
    pdf = tmp_path / "two.pdf"
    pdf.write_bytes(_two_page_pdf())
    att = _attach(qtbot, editor.attachments, lambda: editor.attachments.attach_paths([pdf]))
    viewer = AttachmentViewer(window.session, att, window)
    viewer.show()
    qtbot.waitUntil(lambda: viewer.pdf.pageCount() == 2, timeout=5_000)
    assert viewer.page_label.text() == "Page 1 of 2" and not viewer.prev_page.isEnabled()
    viewer.next_page.click()
    qtbot.waitUntil(lambda: viewer.page_label.text() == "Page 2 of 2", timeout=5_000)
    assert not viewer.next_page.isEnabled()
    assert viewer.windowTitle() == "Attachment"  # never the file's name
    assert "only way it leaves" in viewer.note.text()
    target = tmp_path / "out" / "copy.pdf"
    target.parent.mkdir()
    monkeypatch.setattr("kintsugi.ui.dialogs.files.ask_save", lambda *a, **k: target)
    viewer.save_copy()
    qtbot.waitUntil(lambda: "unencrypted copy" in viewer.note.text(), timeout=5_000)
    assert target.read_bytes() == pdf.read_bytes()
    viewer.close()


def _shown_whole(viewer, aspect: float) -> None:
    """The picture fits the window's room, touches it on one side, and keeps its aspect."""
    shown, room = viewer.picture.shown_size(), viewer.picture.viewport().size()
    assert shown.width() <= room.width() and shown.height() <= room.height()
    assert shown.width() == room.width() or shown.height() == room.height()
    assert abs(shown.width() / shown.height() - aspect) < 0.01
    assert viewer.picture.horizontalScrollBar().maximum() == 0
    assert viewer.picture.verticalScrollBar().maximum() == 0


def test_a_large_photo_fits_the_window_follows_its_size_and_zooms(window, qtbot, tmp_path):
    from PySide6.QtTest import QTest

    from kintsugi.ui.attachments.viewer import AttachmentViewer

    editor = _editor(window, qtbot)
    photo = tmp_path / "big.jpg"
    photo.write_bytes(photo_with_gps((4000, 3000)))
    att = _attach(qtbot, editor.attachments, lambda: editor.attachments.attach_paths([photo]))
    viewer = AttachmentViewer(window.session, att, window)
    screen = window.screen().availableGeometry()
    assert viewer.width() <= screen.width() and viewer.height() <= screen.height()  # opens on it
    viewer.show()
    qtbot.waitUntil(viewer.picture.has_picture, timeout=10_000)
    assert viewer.picture.picture_size().width() == 4000  # decoded whole, not a thumbnail
    assert not viewer.fit_button.isEnabled() and viewer.actual_button.isEnabled()
    viewer.resize(800, 600)
    qtbot.waitUntil(lambda: viewer.picture.viewport().width() > 0)
    _shown_whole(viewer, 4 / 3)
    assert "fitted" in viewer.zoom_label.text() and not viewer.fit_button.isEnabled()
    before = viewer.picture.shown_size()
    viewer.grab()  # drawn, quickly scaled and then smoothly
    qtbot.waitUntil(lambda: viewer.picture.canvas._smooth.size() == before, timeout=5_000)

    viewer.resize(500, 700)  # narrower and taller: fitted again, to the width now
    qtbot.waitUntil(lambda: viewer.picture.shown_size() != before)
    _shown_whole(viewer, 4 / 3)
    assert viewer.picture.shown_size().width() == viewer.picture.viewport().width()
    viewer.resize(800, 600)

    QTest.keyClick(viewer, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # actual size
    assert viewer.picture.shown_size().width() == 4000 and not viewer.picture.fitted
    assert viewer.zoom_label.text() == "100 %" and viewer.fit_button.isEnabled()
    bar = viewer.picture.horizontalScrollBar()
    assert bar.maximum() > 0 and viewer.picture.verticalScrollBar().maximum() > 0  # scrolls
    bar.setValue(bar.maximum())
    assert bar.value() == bar.maximum()
    viewer.resize(700, 500)  # zoomed: the window's size no longer changes the picture's
    assert viewer.picture.shown_size().width() == 4000

    QTest.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.picture.shown_size().width() == 3200  # 100 % / 1.25
    QTest.keyClick(viewer, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert viewer.picture.shown_size().width() == 4000
    QTest.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.picture.shown_size().width() == 5000 and viewer.zoom_label.text() == "125 %"
    viewer.zoom_out_button.click()
    assert viewer.picture.shown_size().width() == 4000

    QTest.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # fit again
    assert viewer.picture.fitted
    _shown_whole(viewer, 4 / 3)
    viewer.resize(800, 600)
    _shown_whole(viewer, 4 / 3)

    QTest.keyClick(viewer, Qt.Key.Key_Escape)  # Esc closes
    qtbot.waitUntil(lambda: not viewer.isVisible())


def test_a_small_picture_is_not_enlarged_and_its_window_fits_it(window, qtbot, tmp_path):
    from kintsugi.ui.attachments.viewer import AttachmentViewer

    editor = _editor(window, qtbot)
    shot = tmp_path / "small.jpg"
    shot.write_bytes(photo_with_gps((300, 200)))
    att = _attach(qtbot, editor.attachments, lambda: editor.attachments.attach_paths([shot]))
    viewer = AttachmentViewer(window.session, att, window)
    assert viewer.width() < 900  # room for the picture, not a big empty window
    viewer.show()
    qtbot.waitUntil(viewer.picture.has_picture, timeout=10_000)
    viewer.resize(800, 600)
    qtbot.waitUntil(lambda: viewer.picture.shown_size().width() == 300)  # sharp, its own size
    assert viewer.zoom_label.text().startswith("100 %")
    viewer.close()


class FakeMicrophone(QIODevice):
    """What a QAudioSource in pull mode gives: a device of PCM, more every 20 ms."""

    def __init__(self, pattern: bytes):
        super().__init__()
        self.pattern, self.fed, self.pending = pattern, bytearray(), bytearray()
        self.open(QIODevice.ReadOnly)
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self.feed)
        self.timer.start()

    def isSequential(self):  # noqa: N802
        return True

    def bytesAvailable(self):  # noqa: N802
        return len(self.pending) + super().bytesAvailable()

    def readData(self, maxlen):  # noqa: N802
        piece = bytes(self.pending[:maxlen])
        del self.pending[:maxlen]
        return piece

    def writeData(self, data, length=-1):  # noqa: N802
        return -1

    def feed(self):
        piece = self.pattern * 40  # 640 bytes of 16 kHz mono: 20 ms
        self.fed += piece
        self.pending += piece
        self.readyRead.emit()

    def stop(self):
        self.timer.stop()


def _record(window, qtbot, editor, ms=600):
    from kintsugi.ui.attachments.voice import RecordButton

    mics = []

    def factory():
        mics.append(FakeMicrophone(bytes(range(16))))
        return mics[-1], mics[-1]

    button = RecordButton(window.session, editor._ensure_saved, factory)
    qtbot.addWidget(button)
    button.recorded.connect(lambda att: editor.attachments.refresh())
    button.click()
    qtbot.wait(ms)
    assert button.text().startswith("Stop and keep it")
    return button, mics


# Qt Multimedia on a machine without sound: it says so, and which codec libraries it lacks
AUDIO_NOISE = pytest.mark.qt_log_ignore(
    "Couldn't (load|resolve) .*", "PulseAudioService: .*", "Using Qt multimedia.*"
)


@AUDIO_NOISE
def test_a_voice_note_is_recorded_into_the_vault_and_plays_from_it(window, qtbot):
    import wave

    from kintsugi.ui.attachments.viewer import AttachmentViewer

    editor = _editor(window, qtbot)
    button, mics = _record(window, qtbot, editor)
    with qtbot.waitSignal(button.recorded, timeout=10_000) as blocker:
        button.click()
    att = blocker.args[0]
    data = AttachmentRepo(window.session.database()).read_bytes(att.id)
    with wave.open(io.BytesIO(data)) as w:
        assert w.getframerate() == 16000 and w.getnchannels() == 1
        assert w.readframes(w.getnframes()) == bytes(mics[0].fed)
    assert att.duration_ms == len(mics[0].fed) * 1000 // 32000 and att.duration_ms > 200
    assert button.text() == "Record a voice note"
    viewer = AttachmentViewer(window.session, att, window)
    player = viewer.player
    assert player.media.sourceDevice() is player.device  # read from the vault, no file
    assert player.media.source().isEmpty() or player.media.source().scheme() != "file"
    assert player.position.text().endswith(f"/ 0:{att.duration_ms // 1000:02d}")
    # Qt's FFmpeg backend reads the WAV from the vault device and knows its length
    qtbot.waitUntil(lambda: player.media.duration() > 0, timeout=10_000)
    assert abs(player.media.duration() - att.duration_ms) <= 50
    assert player.device.pos() > 0  # it read from the vault
    viewer.close()


def test_locking_while_recording_keeps_what_was_recorded(window, qtbot):
    editor = _editor(window, qtbot)
    entry_id = editor.entry_id
    button, mics = _record(window, qtbot, editor, ms=300)
    path = window.session.path
    window.session.lock()
    assert editor.attachments.list.count() == 0  # the view forgot
    from kintsugi.core.vault import Vault
    from tests.helpers import PASSPHRASE

    with Vault.open(path, PASSPHRASE) as v:
        (att,) = AttachmentRepo(v.db).list_for(entry_id)
        assert AttachmentRepo(v.db).read_bytes(att.id)[44:] == bytes(mics[0].fed)


@pytest.mark.parametrize("n", [1])
def test_a_new_blank_entry_gets_saved_to_take_a_picture(window, qtbot, tmp_path, n):
    window.journal.new_entry() if hasattr(window.journal, "new_entry") else None
    editor = window.journal.editor
    photo = tmp_path / "only.png"
    shot = QImage(40, 30, QImage.Format_RGB32)
    shot.fill(Qt.red)
    shot.save(str(photo))
    att = _attach(qtbot, editor.attachments, lambda: editor.attachments.attach_paths([photo]))
    assert editor.entry_id == att.item_id is not None


def test_a_picture_closed_before_it_is_decoded_goes_quietly(window, qtbot, tmp_path, monkeypatch):
    """Esc on the full-size window before its photo is decoded: the answer that comes
    afterwards finds the window gone and touches none of its widgets (it was a traceback)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from shiboken6 import isValid

    from kintsugi.ui.attachments.viewer import AttachmentViewer
    from kintsugi.ui.workers import wait_for_background

    editor = _editor(window, qtbot)
    photo = tmp_path / "big.jpg"
    photo.write_bytes(photo_with_gps((400, 300)))
    att = _attach(qtbot, editor.attachments, lambda: editor.attachments.attach_paths([photo]))
    release = threading.Event()

    class Held(AttachmentRepo):
        def read_bytes(self, att_id):  # the decode waits until the window has gone
            release.wait(10)
            return super().read_bytes(att_id)

        def save_copy(self, att_id, target):  # so does the copy being saved
            release.wait(10)
            return super().save_copy(att_id, target)

    monkeypatch.setattr(AttachmentViewer, "_repo", lambda self: Held(self.session.database()))
    viewer = AttachmentViewer(window.session, att, window)
    viewer.show()
    viewer.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(viewer)
    release.set()
    assert wait_for_background()
    qtbot.wait(50)  # the decode's answer is delivered: nothing is touched, nothing raised

    # "Save a copy…", then the window closed before the copy is written: it is written all
    # the same, and the answer touches nothing
    release.clear()
    target = tmp_path / "copy.jpg"
    monkeypatch.setattr("kintsugi.ui.dialogs.files.ask_save", lambda *a, **k: target)
    viewer = AttachmentViewer(window.session, att, window)
    viewer.show()
    viewer.save_copy()
    viewer.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(viewer)
    release.set()
    assert wait_for_background()
    qtbot.wait(50)
    assert target.read_bytes() == AttachmentRepo(window.session.database()).read_bytes(att.id)


def test_a_picture_zoomed_past_its_own_size_keeps_no_enlarged_copy(app, qtbot):
    """Zoomed in, the picture is drawn smoothly from its own pixels, part by part as it is
    shown: no copy of it scaled to the zoomed size is made (at 800 % a 4,096-pixel photo's
    copy would take 3.2 GB, at 400 % 0.8 GB); fitted smaller, the smooth copy is made."""
    from PySide6.QtGui import QColor, QImage

    from kintsugi.ui.attachments.picture import MAX_ZOOM, PictureView

    view = PictureView()
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show()
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor(40, 90, 160))
    view.set_image(image)
    view.grab()  # fitted: smaller than the picture, smoothed once
    qtbot.waitUntil(lambda: view.canvas._smooth.size() == view.shown_size(), timeout=5_000)
    while view.factor < MAX_ZOOM:
        view.zoom_in()
        view.grab()
    assert view.shown_size().width() == 400 * MAX_ZOOM
    qtbot.wait(300)  # longer than the moment after which a shown size is smoothed
    view.grab()
    qtbot.wait(300)
    smooth = view.canvas._smooth
    assert smooth.width() <= 400 and smooth.height() <= 300

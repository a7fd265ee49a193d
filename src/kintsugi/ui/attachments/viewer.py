"""One attachment full size: a picture (decoded on a worker), a PDF page by page (Qt PDF,
read from the vault through a QIODevice — never a temporary file), or a recording played
from the vault the same way. "Save a copy…" is the only way an attachment leaves outside an
export, and the window says so. Its title never names the file (window titles are seen by
the whole desktop)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kintsugi.core.errors import KintsugiError
from kintsugi.core.repo.attachments import Attachment, AttachmentRepo
from kintsugi.ui import channel
from kintsugi.ui.attachments.media import VaultDevice, decode_image
from kintsugi.ui.attachments.picture import PictureView
from kintsugi.ui.session import Session
from kintsugi.ui.workers import run_in_background

FULL = 4096
# The most of the screen the window takes when it opens (it is never larger than the screen).
SCREEN_SHARE = 0.9


class AttachmentViewer(QDialog):
    problem = Signal(str)
    removed = Signal(int)

    def __init__(self, session: Session, att: Attachment, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.att = session, att
        self.setWindowTitle(self.tr("Attachment"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(self._opening_size())
        self.name = QLabel(att.name, textFormat=Qt.TextFormat.PlainText)
        self.name.setProperty("role", "heading")
        self.device: VaultDevice | None = None
        self.pdf: Any = None
        self.player: Any = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        self.details_note: QLabel | None = None
        if att.kind == "image" and att.metadata_kept:
            self.details_note = QLabel(
                self.tr(
                    "This photo kept its camera details (where and when it was taken) "
                    "because you chose to keep them."
                ),
                textFormat=Qt.TextFormat.PlainText,
                wordWrap=True,
            )
            self.details_note.setProperty("role", "subtle")
            layout.addWidget(self.details_note)
        if att.kind == "image":
            layout.addWidget(self._image_view(), 1)
        elif att.kind == "pdf":
            layout.addWidget(self._pdf_view(), 1)
        else:
            layout.addWidget(self._audio_view(), 1)
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.save_button.setAccessibleName(self.tr("Save an unencrypted copy of this file"))
        self.save_button.clicked.connect(self.save_copy)
        self.note = QLabel(
            self.tr(
                "Inside Kintsugi this file is encrypted. “Save a copy…” is the only way it "
                "leaves, apart from an export you choose — and that copy is not encrypted."
            ),
            textFormat=Qt.TextFormat.PlainText,
            wordWrap=True,
        )
        self.note.setProperty("role", "subtle")
        self.remove_button = QPushButton(self.tr("Remove from this record"))
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.remove_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def _repo(self) -> AttachmentRepo:
        return AttachmentRepo(self.session.database())

    def _opening_size(self) -> QSize:
        """Room for the picture at its own size when the screen has it, 900 × 700 for a PDF
        or a recording; never more than most of the screen (a 4000-pixel photo on a laptop
        opens fitted to a window that fits)."""
        wanted = QSize(900, 700)
        if self.att.kind == "image" and self.att.width and self.att.height:
            chrome = QSize(48, 150)  # the name, the zoom row and the buttons
            wanted = QSize(self.att.width, self.att.height) + chrome
            wanted = wanted.expandedTo(QSize(480, 360))
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else self.screen()
        if screen is not None:
            room = screen.availableGeometry().size()
            room = QSize(int(room.width() * SCREEN_SHARE), int(room.height() * SCREEN_SHARE))
            wanted = wanted.boundedTo(room)
        return wanted

    # --- pictures -----------------------------------------------------------------
    def _image_view(self) -> QWidget:
        box = QWidget()
        self.picture = PictureView(box)
        self.picture.setAccessibleName(self.att.name)
        self.picture_status = QLabel(self.tr("Opening…"), alignment=Qt.AlignmentFlag.AlignCenter)
        self.fit_button = QPushButton(self.tr("Fit to window"))
        self.fit_button.setToolTip(self.tr("Fit to window (Ctrl+0)"))
        self.actual_button = QPushButton(self.tr("Actual size"))
        self.actual_button.setToolTip(self.tr("Actual size (Ctrl+1)"))
        self.zoom_out_button = QPushButton(self.tr("Zoom out"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_in_button = QPushButton(self.tr("Zoom in"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.zoom_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.zoom_label.setProperty("role", "subtle")
        actions = (
            (self.fit_button, self.picture.fit, ("Ctrl+0",)),
            (self.actual_button, self.picture.actual_size, ("Ctrl+1",)),
            (
                self.zoom_out_button,
                self.picture.zoom_out,
                ("Ctrl+-", QKeySequence.StandardKey.ZoomOut),
            ),
            (
                self.zoom_in_button,
                self.picture.zoom_in,
                ("Ctrl++", "Ctrl+=", QKeySequence.StandardKey.ZoomIn),
            ),
        )
        self._shortcuts: list[QShortcut] = []
        seen: set[str] = set()
        for button, slot, keys in actions:
            button.setEnabled(False)
            button.clicked.connect(slot)
            for key in keys:
                sequence = QKeySequence(key)
                if sequence.isEmpty() or sequence.toString() in seen:
                    continue
                seen.add(sequence.toString())
                shortcut = QShortcut(sequence, self)
                shortcut.activated.connect(slot)
                self._shortcuts.append(shortcut)
        self.picture.zoom_changed.connect(self._zoom_changed)
        zoom_row = QHBoxLayout()
        zoom_row.addWidget(self.zoom_label, 1)
        for button in (
            self.fit_button,
            self.actual_button,
            self.zoom_out_button,
            self.zoom_in_button,
        ):
            zoom_row.addWidget(button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture_status)
        layout.addWidget(self.picture, 1)
        layout.addLayout(zoom_row)
        self.picture.hide()
        repo, att_id = self._repo(), self.att.id
        run_in_background(
            lambda: decode_image(repo.read_bytes(att_id), FULL),
            self._show_picture,
            self._picture_failed,
        )
        return box

    # The window may have gone (Esc, or the journal locked) before a worker answers: its
    # widgets are deleted then, and an answer touches none of them.
    def _picture_failed(self, _exc: BaseException) -> None:
        if isValid(self):
            self.picture_status.setText(self.tr("This picture could not be shown."))

    def _show_picture(self, image) -> None:
        if not isValid(self) or not self.session.is_open:
            return
        if image.isNull():
            self.picture_status.setText(self.tr("This picture could not be shown."))
            return
        self.picture_status.hide()
        self.picture.show()
        for button in (
            self.fit_button,
            self.actual_button,
            self.zoom_out_button,
            self.zoom_in_button,
        ):
            button.setEnabled(True)
        self.picture.set_image(image)  # fitted: Fit to window is off until a zoom
        self.picture.setFocus()  # the arrow keys scroll a zoomed picture

    def _zoom_changed(self, percent: int, fitted: bool) -> None:
        text = self.tr("{percent} % (fitted to the window)") if fitted else self.tr("{percent} %")
        self.zoom_label.setText(text.format(percent=percent))
        self.fit_button.setEnabled(not fitted)

    # --- PDFs ---------------------------------------------------------------------
    def _pdf_view(self) -> QWidget:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        box = QWidget()
        self.pdf = QPdfDocument(self)
        self.device = VaultDevice(self._repo(), self.att.id, self)
        self.device.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self.device)
        self.pdf_view = QPdfView(box)
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.SinglePage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.page_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.prev_page = QPushButton(self.tr("‹ Previous page"))
        self.next_page = QPushButton(self.tr("Next page ›"))
        self.prev_page.clicked.connect(lambda: self.go_to_page(self.page() - 1))
        self.next_page.clicked.connect(lambda: self.go_to_page(self.page() + 1))
        nav = QHBoxLayout()
        nav.addWidget(self.prev_page)
        nav.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.next_page)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pdf_view, 1)
        layout.addLayout(nav)
        self.pdf_view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self._page_changed(0)
        return box

    def page(self) -> int:
        return self.pdf_view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.pdf.pageCount():
            from PySide6.QtCore import QPointF

            self.pdf_view.pageNavigator().jump(page, QPointF(), 0)

    def _page_changed(self, page: int) -> None:
        count = self.pdf.pageCount()
        if count <= 0:
            self.page_label.setText(self.tr("This PDF could not be shown."))
        else:
            self.page_label.setText(self.tr("Page {n} of {count}").format(n=page + 1, count=count))
        self.prev_page.setEnabled(page > 0)
        self.next_page.setEnabled(page + 1 < count)

    # --- sound --------------------------------------------------------------------
    def _audio_view(self) -> QWidget:
        from kintsugi.ui.attachments.voice import Player

        self.player = Player(self.session, self.att, self)
        return self.player

    # --- leaving ------------------------------------------------------------------
    def save_copy(self) -> None:
        from pathlib import Path

        from kintsugi.ui.dialogs.files import ask_save

        target = ask_save(
            self,
            self.tr("Save an unencrypted copy"),
            Path.home() / self.att.name,
            self.tr("This file (*{suffix})").format(suffix=Path(self.att.name).suffix or ""),
        )
        if target is None:
            return
        repo, att_id = self._repo(), self.att.id
        self.save_button.setEnabled(False)
        run_in_background(lambda: repo.save_copy(att_id, target), self._saved, self._failed)

    def _saved(self, target) -> None:
        if not isValid(self):
            return  # closed meanwhile: the copy is written all the same
        self.save_button.setEnabled(True)
        self.note.setText(self.tr("Saved an unencrypted copy as {path}.").format(path=str(target)))

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KintsugiError):
            text = QCoreApplication.translate("AttachmentViewer", "Not saved.")
        else:
            text = str(exc)
        if not isValid(self):
            channel.error(text)  # closed meanwhile: still said, in the window's status
            return
        self.save_button.setEnabled(True)
        self.problem.emit(text)

    def remove(self) -> None:
        repo, att_id = self._repo(), self.att.id
        future = self.session.writer().submit(lambda: repo.remove(att_id))
        future.result()  # a one-row delete: the writer has it done at once
        self.removed.emit(att_id)
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.player is not None:
            self.player.stop()
        if self.pdf is not None:
            self.pdf.close()
        if self.device is not None:
            self.device.close()
        super().closeEvent(event)

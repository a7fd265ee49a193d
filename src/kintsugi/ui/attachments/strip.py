"""A record's attachments under its editor: small pictures, PDFs and voice notes; attach by
drag and drop, by pasting a screenshot, or with "Attach…"; double-click shows one full size
(``viewer.py``). Every attach runs on the vault's writer thread (a 10 MB photo never waits
on the UI thread); pictures are decoded on a worker (``media.Thumbnails``)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.errors import KintsugiError
from kintsugi.core.i18n import marked
from kintsugi.core.repo.attachments import AttachmentRepo
from kintsugi.ui.attachments.media import Thumbnails
from kintsugi.ui.session import Session

THUMB = 72
FILTER = QT_TRANSLATE_NOOP(
    "AttachmentStrip",
    "Photos, PDFs and sound (*.png *.jpg *.jpeg *.webp *.gif *.heic *.heif *.pdf *.wav *.mp3 "
    "*.m4a *.aac *.ogg *.oga *.opus *.flac *.webm)",
)


class AttachmentStrip(QWidget):
    """``record_id()`` says which record the strip shows (None: not saved yet);
    ``ensure_saved()`` saves a new record and returns its id (or None)."""

    problem = Signal(str)  # one calm line for the person
    attached = Signal(object)  # the Attachment, after its commit
    removed = Signal(int)  # the record whose attachment was removed (in the viewer)
    _finished = Signal(object)  # a Future, emitted on the writer thread

    def __init__(
        self,
        session: Session,
        record_id: Callable[[], int | None],
        ensure_saved: Callable[[], int | None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self._record_id = record_id
        self._ensure_saved = ensure_saved or record_id
        self._shown_for: int | None = None
        self.thumbnails = Thumbnails(self._repo, self)
        self.thumbnails.ready.connect(self._on_thumbnail)
        self._finished.connect(self._settle)
        self.pending: list[Future] = []

        self.list = QListWidget()
        self.list.setObjectName("attachmentList")
        self.list.setAccessibleName(self.tr("Attachments"))
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 26))
        self.list.setFixedHeight(THUMB + 34)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.itemActivated.connect(self._open_item)
        self.list.setVisible(False)
        self.attach_button = QPushButton(self.tr("Attach…"))
        self.attach_button.setAccessibleName(self.tr("Attach a photo, a PDF or a sound file"))
        self.attach_button.setToolTip(
            self.tr(
                "Attach a photo, a PDF or a sound file (or drop one here, or paste a "
                "screenshot). It is kept inside the encrypted journal file; camera location "
                "data is taken out of photos."
            )
        )
        self.attach_button.clicked.connect(self.choose_file)
        # Private by default: a photo's camera details are taken out as it comes in, unless
        # this is ticked. It holds for the next files attached (chooser, drop or paste),
        # then unticks itself: keeping them is chosen each time, never left on.
        self.keep_details = QCheckBox(self.tr("Keep photo details"))
        self.keep_details.setToolTip(
            self.tr(
                "Kintsugi takes out where and when a photo was taken and which camera took "
                "it. Tick this to keep those details in the next photos you attach."
            )
        )
        self.status = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.status.setProperty("role", "subtle")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.attach_button)
        self.buttons = row
        row.addWidget(self.status, 1)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.keep_details)  # its own line: the buttons' row stays narrow
        self.setAcceptDrops(True)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.list)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste)

    def _repo(self) -> AttachmentRepo:
        return AttachmentRepo(self.session.database())

    # --- showing ------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the current record's attachments (one short indexed read)."""
        self.list.clear()
        record_id = self._record_id()
        self._shown_for = record_id
        found = [] if record_id is None else self._repo().list_for(record_id)
        for att in found:
            item = QListWidgetItem(self._icon_for(att), att.name)
            item.setData(Qt.ItemDataRole.UserRole, att)
            item.setToolTip(att.name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{att.kind}: {att.name}")
            self.list.addItem(item)
        self.list.setVisible(bool(found))

    def attachments(self) -> list:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def _icon_for(self, att) -> QIcon:
        if att.kind == "image":
            image = self.thumbnails.image(att.id, THUMB)
            if image is not None:  # centred in a square: every tile's name on one line
                square = QPixmap(THUMB, THUMB)
                square.fill(Qt.GlobalColor.transparent)
                painter = QPainter(square)
                painter.drawImage(
                    (THUMB - image.width()) // 2, (THUMB - image.height()) // 2, image
                )
                painter.end()
                return QIcon(square)
            return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        if att.kind == "pdf":
            return self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        return self.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume)

    def _on_thumbnail(self, attachment_id: int, longest: int) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            att = item.data(Qt.ItemDataRole.UserRole)
            if att.id == attachment_id and longest == THUMB:
                item.setIcon(self._icon_for(att))

    def clear(self) -> None:
        """Forget everything shown (lock)."""
        self.list.clear()
        self.list.setVisible(False)
        self.thumbnails.forget()
        self.status.clear()
        self.keep_details.setChecked(False)
        self._shown_for = None

    # --- attaching ----------------------------------------------------------------
    def choose_file(self) -> None:
        from kintsugi.ui.dialogs.files import ask_open

        path = ask_open(self, self.tr("Attach a file"), marked("AttachmentStrip", FILTER))
        if path is not None:
            self.attach_paths([path])

    def attach_paths(self, paths: list[Path]) -> None:
        keep = self._take_keep_details()
        for path in paths:
            self._submit(
                Path(path).name,
                lambda repo, rid, p=Path(path): repo.add_file(rid, p, keep_metadata=keep),
            )

    def _take_keep_details(self) -> bool:
        """Whether the files attached now keep their camera details (then unticked)."""
        keep = self.keep_details.isChecked()
        self.keep_details.setChecked(False)
        return keep

    def attach_image(self, image: QImage, name: str = "Screenshot.png") -> None:
        """A picture from the clipboard, as PNG (encoded on the writer thread)."""
        image = image.copy()

        def add(repo: AttachmentRepo, record_id: int):
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")  # type: ignore[call-overload]  # (the stubs say bytes; PySide6 6.11 takes str)
            buffer.close()
            return repo.add_bytes(record_id, bytes(data.data()), name)

        self._submit(name, add)

    def paste(self) -> bool:
        """Attach what the clipboard holds, if it is a picture or files. True if it was."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None:
            return False
        if mime.hasUrls() and all(u.isLocalFile() for u in mime.urls()):
            self.attach_paths([Path(u.toLocalFile()) for u in mime.urls()])
            return True
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                self.attach_image(image)
                return True
        return False

    def _submit(self, name: str, add: Callable) -> None:
        record_id = self._ensure_saved()
        if record_id is None:
            self.problem.emit(self.tr("Write something first: attachments belong to a record."))
            return
        repo = self._repo()
        self.status.setText(self.tr("Adding {name}…").format(name=name))
        future = self.session.writer().submit(lambda: add(repo, record_id))
        self.pending.append(future)
        future.add_done_callback(self._finished.emit)

    def _settle(self, future: Future) -> None:
        if future in self.pending:
            self.pending.remove(future)
        exc = future.exception()
        if exc is not None:
            self.status.clear()
            if isinstance(exc, KintsugiError):
                self.problem.emit(str(exc))
            else:
                self.problem.emit(self.tr("That file could not be attached."))
            return
        att = future.result()
        self.status.setText(self.tr("Added {name}.").format(name=att.name))
        if att.item_id == self._record_id() and self.session.is_open:
            self.refresh()
        self.attached.emit(att)

    # --- drag and drop -------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        mime = event.mimeData()
        if (mime.hasUrls() and all(u.isLocalFile() for u in mime.urls())) or mime.hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt API)
        mime = event.mimeData()
        if mime.hasUrls():
            self.attach_paths([Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()])
        elif mime.hasImage():
            self.attach_image(QImage(mime.imageData()), "Dropped picture.png")
        event.acceptProposedAction()

    # --- opening ---------------------------------------------------------------------
    def _open_item(self, item: QListWidgetItem) -> None:
        from kintsugi.ui.attachments.viewer import AttachmentViewer

        att = item.data(Qt.ItemDataRole.UserRole)
        viewer = AttachmentViewer(self.session, att, self.window())
        viewer.problem.connect(self.problem)
        viewer.removed.connect(lambda _id: self.removed.emit(att.item_id))
        self.session.locked.connect(viewer.close)
        viewer.show()


_SUFFIXES = {
    ".png", ".jpg", ".jpeg", ".webp", ".gif", ".heic", ".heif", ".pdf", ".wav", ".mp3",
    ".m4a", ".aac", ".ogg", ".oga", ".opus", ".flac", ".webm",
}  # fmt: skip


def attachable(mime) -> list[Path]:
    """The local files in a drop or paste that are ours to attach (by their names)."""
    if mime is None or not mime.hasUrls():
        return []
    files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    if files and all(f.suffix.lower() in _SUFFIXES for f in files):
        return files
    return []

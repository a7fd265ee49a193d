"""An attachment's bytes for Qt, straight from the vault: a read-only QIODevice over its
chunks (for QPdfDocument and QMediaPlayer — never a temporary file), and pictures decoded
at the size they are shown, on a worker. Decoded pictures live in memory only, in
:class:`Thumbnails`, which forgets everything when the vault locks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Signal
from PySide6.QtGui import QImage, QImageReader

from kintsugi.core.repo.attachments import AttachmentRepo
from kintsugi.ui.workers import run_in_background


class VaultDevice(QIODevice):
    """Random access to one attachment, a chunk at a time (the Database lock makes the
    reads safe from Qt's own decoder threads)."""

    def __init__(self, repo: AttachmentRepo, attachment_id: int, parent: QObject):
        super().__init__(parent)
        self._file = repo.open(attachment_id)
        self._size = repo.get(attachment_id).size

    def isSequential(self) -> bool:  # noqa: N802 (Qt API)
        return False

    def size(self) -> int:
        return self._size

    def seek(self, pos: int) -> bool:
        if not 0 <= pos <= self._size:
            return False
        super().seek(pos)
        self._file.seek(pos)
        return True

    def readData(self, maxlen: int) -> bytes:  # noqa: N802 (Qt API)
        self._file.seek(self.pos())
        return self._file.read(max(0, maxlen))

    def writeData(self, data: bytes | bytearray | memoryview, length: int, /) -> int:  # noqa: N802
        return -1

    def bytesAvailable(self) -> int:  # noqa: N802 (Qt API)
        return self._size - self.pos() + super().bytesAvailable()

    def close(self) -> None:
        self._file.close()
        super().close()


def decode_image(data: bytes, longest: int) -> QImage:
    """A picture no larger than ``longest`` pixels on its longest side (decoded at that
    size: a JPEG is read at a fraction of its pixels), turned the way its EXIF says."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > longest:
        reader.setScaledSize(size.scaled(QSize(longest, longest), _keep_aspect()))
    image = reader.read()
    buffer.close()
    return image


def _keep_aspect():
    from PySide6.QtCore import Qt

    return Qt.AspectRatioMode.KeepAspectRatio


class Thumbnails(QObject):
    """Pictures decoded on a worker, kept in memory while the vault is open (never on
    disk). ``ready(attachment_id, longest)`` says one came; ``image`` returns it or None
    (and asks for it)."""

    ready = Signal(int, int)

    def __init__(self, repo: Callable[[], AttachmentRepo], parent: QObject | None = None):
        super().__init__(parent)
        self._repo = repo
        self._images: dict[tuple[int, int], QImage] = {}
        self._asked: set[tuple[int, int]] = set()
        self._generation = 0

    def image(self, attachment_id: int, longest: int) -> QImage | None:
        key = (attachment_id, longest)
        found = self._images.get(key)
        if found is None and key not in self._asked:
            self._asked.add(key)
            generation = self._generation
            repo = self._repo()

            def work() -> QImage:
                return decode_image(repo.read_bytes(attachment_id), longest)

            run_in_background(work, lambda img: self._store(generation, key, img), lambda exc: None)
        return found

    def _store(self, generation: int, key: tuple[int, int], image: QImage) -> None:
        if generation != self._generation or image.isNull():
            return
        self._images[key] = image
        self.ready.emit(*key)

    def forget(self) -> None:
        """Drop every decoded picture (lock)."""
        self._generation += 1
        self._images.clear()
        self._asked.clear()


PREVIEW = 420  # the longest side of a picture in the preview (it fits the editor)


class PreviewImages:
    """The `kintsugi-attachment:<id>` door of a SafeTextDocument (see widgets/safe_text):
    pictures already decoded by ``thumbnails`` at preview size, nothing else."""

    def __init__(self, thumbnails: Thumbnails):
        self.thumbnails = thumbnails

    def image(self, url) -> QImage | None:
        try:
            attachment_id = int(url.path())
        except ValueError:
            return None
        return self.thumbnails.image(attachment_id, PREVIEW)


def preview_markdown(body: str, found: list, thumbnails: Thumbnails) -> str:
    """``body`` with the record's pictures after it (those decoded so far; the others say
    they are on their way and come when ``thumbnails.ready`` fires)."""
    parts = [body.rstrip()]
    for att in found:
        if att.kind != "image":
            continue
        alt = "".join(ch for ch in att.name if ch not in "[]()\\<>*_`!#")
        if thumbnails.image(att.id, PREVIEW) is not None:
            parts.append(f"![{alt}](kintsugi-attachment:{att.id})")
        else:
            parts.append(f"*{alt}: opening…*")
    for att in found:
        if att.kind != "image":
            kind = "PDF" if att.kind == "pdf" else "Sound"
            alt = "".join(ch for ch in att.name if ch not in "[]()\\<>*_`!#")
            parts.append(f"*{kind}: {alt}*")
    return "\n\n".join(p for p in parts if p)


def add_pictures(doc, refs: list, open_blob: Callable | None, longest: int) -> dict[str, str]:
    """Give ``doc`` (a SafeTextDocument, before its Markdown is set) the pictures a share
    payload or a partner's items name, as ``attachments/<sha256><suffix>`` resources — the
    names ``shared.md`` links them by (core/render.py), so the document serves exactly
    those and nothing else. Each is read through ``open_blob`` — the very bytes that leave
    in the bundle (or came in one) — checked against its SHA-256 and decoded at ``longest``
    pixels (call this on a worker). Returns {member: SHA-256 of the bytes decoded}."""
    import hashlib

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from kintsugi.core.share import member_name

    served: dict[str, str] = {}
    if open_blob is None:
        return served
    for ref in refs:
        name = member_name(ref)
        if ref.get("kind") != "image" or name in served:
            continue
        try:
            with open_blob(ref["sha256"]) as f:
                data = f.read()
        except Exception:  # noqa: BLE001 - a missing file is a placeholder, not a crash
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != ref["sha256"]:
            continue
        image = decode_image(data, longest)
        if image.isNull():
            continue
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        served[name] = digest
    doc.pictures = served
    return served


def picture_size(widget) -> int:
    """How large (longest side, in pixels) a picture is shown in ``widget``'s text: about
    eighteen lines of its text, so it follows the app's text size (no fixed size, #15)."""
    from PySide6.QtGui import QFontMetrics

    return max(96, QFontMetrics(widget.font()).height() * 18)


def fit_pictures(doc, longest: float) -> None:
    """Lay out every picture ``add_pictures`` gave ``doc`` at most ``longest`` units on its
    longest side (a report decodes pictures sharper than they are drawn)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextCursor, QTextDocument

    served = getattr(doc, "pictures", {})
    changes = []
    block = doc.begin()
    while block.isValid():
        for rng in block.textFormats():
            fmt = rng.format
            if fmt.isImageFormat() and fmt.toImageFormat().name() in served:
                image = doc.resource(
                    QTextDocument.ResourceType.ImageResource, QUrl(fmt.toImageFormat().name())
                )
                if isinstance(image, QImage) and not image.isNull():
                    scale = min(1.0, longest / max(image.width(), image.height()))
                    changes.append(
                        (
                            block.position() + rng.start,
                            rng.length,
                            fmt.toImageFormat(),
                            scale,
                            image,
                        )
                    )
        block = block.next()
    cursor = QTextCursor(doc)
    for start, length, fmt, scale, image in changes:
        fmt.setWidth(image.width() * scale)
        fmt.setHeight(image.height() * scale)
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)


def fit_to_width(doc, width: float) -> None:
    """Draw every picture of ``doc`` at most ``width`` wide (a narrow editor's preview shows
    a photo whole instead of a sideways scroll bar); none is drawn larger than decoded."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextCursor, QTextDocument

    if width <= 0:
        return
    changes = []
    block = doc.begin()
    while block.isValid():
        for rng in block.textFormats():
            if not rng.format.isImageFormat():
                continue
            fmt = rng.format.toImageFormat()
            image = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(fmt.name()))
            if isinstance(image, QImage) and not image.isNull():
                scale = min(1.0, width / image.width())
                changes.append((block.position() + rng.start, rng.length, fmt, scale, image))
        block = block.next()
    cursor = QTextCursor(doc)
    for start, length, fmt, scale, image in changes:
        fmt.setWidth(image.width() * scale)
        fmt.setHeight(image.height() * scale)
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)


class RowPictures(QObject):
    """A timeline row's thumbnails, lazily: a painted row asks for its pictures; which
    pictures a row has is looked up for every row asked in the same turn of the event loop
    (one indexed query on a worker), and each is decoded on a worker by ``thumbnails``, at
    the size the row asks for (its text's height: no fixed size). Nothing is ever written
    to disk; :meth:`forget` drops everything (lock). ``changed`` says there is more to
    paint."""

    changed = Signal()
    MOST = 3

    def __init__(self, repo: Callable[[], AttachmentRepo], parent: QObject | None = None):
        super().__init__(parent)
        self._repo = repo
        self.thumbnails = Thumbnails(repo, self)
        self.thumbnails.ready.connect(lambda *_: self.changed.emit())
        self._ids: dict[int, list[int]] = {}
        self._wanted: set[int] = set()
        self._generation = 0
        self.lookups = 0  # how many lookups ran (tests: lazy, batched)

    def images(self, item_id: int, side: int) -> list[QImage] | None:
        """The row's pictures decoded so far; None while which ones is not known yet."""
        ids = self._ids.get(item_id)
        if ids is None:
            if not self._wanted:
                from PySide6.QtCore import QTimer

                QTimer.singleShot(0, self._look_up)
            self._wanted.add(item_id)
            return None
        found = [self.thumbnails.image(att_id, side) for att_id in ids]
        return [image for image in found if image is not None]

    def count(self, item_id: int) -> int:
        """How many pictures the row shows (0 while not known yet)."""
        return len(self._ids.get(item_id) or [])

    def _look_up(self) -> None:
        wanted, self._wanted = sorted(self._wanted), set()
        if not wanted:
            return
        generation, repo, most = self._generation, self._repo(), self.MOST
        self.lookups += 1

        def done(found: dict[int, list[int]]) -> None:
            if generation == self._generation:
                self._ids.update(found)
                if any(found.values()):
                    self.changed.emit()

        run_in_background(lambda: repo.picture_ids(wanted, most), done, lambda exc: None)

    def invalidate(self, item_id: int) -> None:
        """The row's attachments changed (attached, removed): look again when painted."""
        self._ids.pop(item_id, None)
        self.changed.emit()

    def forget(self) -> None:
        self._generation += 1
        self._ids.clear()
        self._wanted.clear()
        self.thumbnails.forget()

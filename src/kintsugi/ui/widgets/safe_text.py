"""One resource policy for everything Kintsugi renders as rich text (Markdown or HTML).

Left to itself, Qt's text engine reads whatever a document names: an image (`![x](file:///…)`,
`<img src>`), a style sheet (`<link rel=stylesheet>`, `@import`) or a CSS background.
`QTextDocument::loadResource` falls back to `QFile` for anything without a loader, and the
image handler falls back to `QImage::load(name)` whenever a resource comes back empty; a
`QTextBrowser` reads files and follows `file:` links by itself; a `QLabel` that decides its
text "might be rich text" does the same. `file:///dev/zero` is then read until memory runs
out, and `file:///etc/passwd` ends up in a PDF.

The policy, for every surface:

- `SafeTextDocument` is the only kind of document we render. Its `loadResource` is the one
  door Qt's text engine asks for external resources, and it never opens anything: an image
  comes only from what the document itself was given (`addResource`, e.g. the report's charts)
  or, for `kintsugi-attachment:` URLs, from a `VaultImages` source (the vault's own data);
  anything else gets a transparent placeholder (never an empty answer, so Qt never falls
  back to reading the file by name), a style sheet gets nothing.
- Markdown is read with raw HTML off: `<img>`, `<style>` and `<script>` in an entry show as
  the text they are.
- After content is set (`set_markdown` / `set_html`), every image we would not serve is
  replaced by a quiet text placeholder and textured backgrounds are dropped, so nothing of it
  is laid out, drawn or embedded in a PDF.
- `SafeTextBrowser` never navigates: links do not load (no `setSource`, no `file:`, no
  browser), and its document is a `SafeTextDocument`.
- Text that comes from a partner or an import (names, titles) is plain text: `plain_label`,
  `set_plain` for `QLabel`s, `plain_tooltip` for tool tips, `message` for message boxes.

Attachments will use the one door: give a document a `VaultImages` (an object with
`image(url) -> QImage | None` that reads only from the open vault) and reference the image as
`kintsugi-attachment:<id>`. Nothing else about rendering needs to change.
"""

from __future__ import annotations

import html
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)
from PySide6.QtWidgets import QLabel, QTextBrowser, QWidget

from kintsugi.ui.widgets.big_tables import cap_tables

ATTACHMENT_SCHEME = "kintsugi-attachment"
# Markdown is CommonMark + GitHub's tables and task lists, with raw HTML shown as the text it
# is: an entry is text, never markup for Qt's HTML engine (whose HTML blocks in Markdown also
# swallow everything after a void tag such as <img> or <link>).
MARKDOWN = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)
# A served image is drawn at most this large (in layout pixels), whatever the markup says.
MAX_IMAGE = QSize(2000, 2000)


class VaultImages(Protocol):
    """Where `kintsugi-attachment:` images come from: the open vault, nothing else."""

    def image(self, url: QUrl) -> QImage | None: ...


def _placeholder_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


def placeholder_text() -> str:
    return QCoreApplication.translate("SafeText", "[image not shown]")


class SafeTextDocument(QTextDocument):
    """A QTextDocument that never reads a file, a device or the network."""

    def __init__(self, parent=None, *, images: VaultImages | None = None):
        super().__init__(parent)
        self.images = images
        self._given: set[str] = set()  # image names handed to us with addResource
        self._kept: dict[str, object] = {}  # and the images (setting content clears them)
        self.requests = 0  # how often Qt asked for a resource (tests count them)
        self.refused = 0

    # --- the one door -----------------------------------------------------------------
    def addResource(self, type: int, name: QUrl | str, resource: object) -> None:  # noqa: N802
        if int(type) == int(QTextDocument.ResourceType.ImageResource):
            self._given.add(QUrl(name).toString())
            self._kept[QUrl(name).toString()] = resource
        super().addResource(type, name, resource)

    def _give_back(self) -> None:
        """Qt's setMarkdown/setHtml clear the document's resources: the images it was given
        before its content (an attachment's pictures, decoded first) are given again."""
        for name, resource in self._kept.items():
            super().addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), resource)

    def loadResource(self, type: int, name: QUrl | str) -> object:  # noqa: N802 (Qt API)
        name = QUrl(name)
        self.requests += 1
        if int(type) == int(QTextDocument.ResourceType.ImageResource):
            image = self._vault_image(name)
            if image is None:
                self.refused += 1
                image = _placeholder_image()
            super().addResource(type, name, image)  # asked once per name, not on every paint
            return image
        self.refused += 1
        return ""  # a style sheet, a page, anything else: nothing

    def _vault_image(self, url: QUrl) -> QImage | None:
        if self.images is None or url.scheme() != ATTACHMENT_SCHEME:
            return None
        try:
            image = self.images.image(url)
        except Exception:  # a missing or unreadable attachment is a placeholder, not a crash
            return None
        return image if isinstance(image, QImage) and not image.isNull() else None

    def serves(self, name: str) -> bool:
        if name in self._given:
            return True
        url = QUrl(name)
        return self.images is not None and url.scheme() == ATTACHMENT_SCHEME

    # --- content ----------------------------------------------------------------------
    def set_markdown(self, text: str) -> None:
        self.setMarkdown(cap_tables(text), MARKDOWN)  # a huge table is shown as text
        self._give_back()
        sanitize(self)

    def set_markdown_parts(self, parts: list[str]) -> None:
        """The same document as ``set_markdown("".join(parts))``, read a part at a time.
        For a long document built on a worker: one setMarkdown holds Python's GIL for the
        whole parse (seconds at 20,000 items), and the UI thread would wait that long.
        Each part is inserted after a new block carrying the part's own first block format
        (insertMarkdown merges its first block into the current one)."""
        if len(parts) <= 1:
            self.set_markdown("".join(parts))
            return
        self.setMarkdown(parts[0], MARKDOWN)
        self._give_back()
        cursor = QTextCursor(self)
        for part in parts[1:]:
            probe = QTextDocument()
            probe.setMarkdown(part.split("\n\n", 1)[0], MARKDOWN)
            first = probe.begin()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertBlock(first.blockFormat(), first.charFormat())
            cursor.insertMarkdown(part, MARKDOWN)
        sanitize(self)

    def set_html(self, text: str) -> None:
        self.setHtml(text)
        self._give_back()
        sanitize(self)


def sanitize(doc: SafeTextDocument) -> int:
    """Replace every image `doc` would not serve by a quiet placeholder; drop textured
    backgrounds. Returns how many images were replaced."""
    if not any(_suspect(f) for f in doc.allFormats()):
        return 0  # the common case, and a 10,000-cell table, cost one pass over the formats
    images: list[tuple[int, int, str]] = []
    backgrounds: list[tuple[int, int]] = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().background().style() == Qt.BrushStyle.TexturePattern:
            backgrounds.append((block.position(), -1))
        for rng in block.textFormats():
            fmt = rng.format
            start = block.position() + rng.start
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                if (
                    not doc.serves(image.name())
                    or image.width() > MAX_IMAGE.width()
                    or image.height() > MAX_IMAGE.height()
                ):
                    alt = image.stringProperty(QTextFormat.Property.ImageAltText)
                    images.append((start, rng.length, alt))
                    continue
            if fmt.background().style() == Qt.BrushStyle.TexturePattern:
                backgrounds.append((start, rng.length))
        block = block.next()
    cursor = QTextCursor(doc)
    no_brush = QBrush()
    for start, length in backgrounds:
        cursor.setPosition(start)
        if length < 0:
            block_fmt = cursor.blockFormat()
            block_fmt.setBackground(no_brush)
            cursor.setBlockFormat(block_fmt)
        else:
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(no_brush)
            cursor.mergeCharFormat(fmt)
    quiet = QTextCharFormat()
    quiet.setFontItalic(True)
    quiet.setForeground(QColor(128, 128, 128))
    for start, length, alt in reversed(images):
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        text = placeholder_text()
        cursor.insertText(f"{text[:-1]}: {alt}]" if alt else text, quiet)
    _strip_frame_backgrounds(doc.rootFrame())
    return len(images)


def _suspect(fmt: QTextFormat) -> bool:
    return fmt.isImageFormat() or fmt.background().style() == Qt.BrushStyle.TexturePattern


def _strip_frame_backgrounds(frame: QTextFrame) -> None:
    fmt = frame.frameFormat()
    if fmt.background().style() == Qt.BrushStyle.TexturePattern:
        fmt.setBackground(QBrush())
        frame.setFrameFormat(fmt)
    if isinstance(frame, QTextTable):
        for r in range(frame.rows()):
            for c in range(frame.columns()):
                cell = frame.cellAt(r, c)
                cf = cell.format()
                if cf.background().style() == Qt.BrushStyle.TexturePattern:
                    cf.setBackground(QBrush())
                    cell.setFormat(cf)
    for child in frame.childFrames():
        _strip_frame_backgrounds(child)


class SafeTextBrowser(QTextBrowser):
    """A read-only rich-text view that never loads anything and never navigates."""

    def __init__(
        self, parent: QWidget | None = None, *, images: VaultImages | None = None, **kwargs
    ):
        super().__init__(parent, **kwargs)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setDocument(SafeTextDocument(self, images=images))

    def safe_document(self) -> SafeTextDocument:
        doc = self.document()
        assert isinstance(doc, SafeTextDocument)
        return doc

    def setMarkdown(self, text: str) -> None:  # noqa: N802 (Qt API)
        self.safe_document().set_markdown(text)  # QTextEdit's own has no features argument
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def show_document(self, doc: SafeTextDocument) -> None:
        """Show ``doc`` (built elsewhere, e.g. on a worker, and moved to this thread) in
        place of the current document, which is deleted if this view owned it."""
        old = self.document()
        doc.setParent(self)
        self.setDocument(doc)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        if old is not doc and old.parent() is self:
            old.deleteLater()

    def setHtml(self, text: str) -> None:  # noqa: N802 (Qt API)
        super().setHtml(text)
        sanitize(self.safe_document())

    def loadResource(self, type: int, name: QUrl | str) -> object:  # noqa: N802 (Qt API)
        return self.safe_document().loadResource(type, name)

    def doSetSource(self, name: QUrl | str, type: object = None) -> None:  # noqa: N802 (Qt API)
        return  # never follow a link or load a page

    def setSource(self, name: QUrl | str, type: object = None) -> None:  # noqa: N802 (Qt API)
        return


# --- plain text for everything that came from someone else ------------------------------
def plain_label(text: str = "", parent: QWidget | None = None, **kwargs) -> QLabel:
    label = QLabel(text, parent, **kwargs)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def set_plain(label: QLabel, text: str) -> None:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)


def plain_tooltip(text: str | None) -> str | None:
    """A tool tip that shows `text` as it is (Qt would render it as HTML if it looks so)."""
    if not text:
        return None
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"

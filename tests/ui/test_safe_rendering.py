"""Nothing we render reads a file, a device or the network (issue 11).

Every surface that renders Markdown or rich text is fed `file:///dev/zero`, `/etc/passwd`,
`http://127.0.0.1:9/x`, raw `<img>`, `<style>`, `<script>`, `<link>` and files of our own
(a real PNG, a style sheet, a page). The kernel (inotify) reports whether any process opened
our files, from C++ or Python; an audit hook records Python's own opens. A control test
shows that the same content in a plain QTextDocument *is* read, so the witness can fail.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import QPoint, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QImage, QPainter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QStyleOptionViewItem

from kintsugi.core import transfer
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.sharing import Sharing
from kintsugi.core.vault import Vault
from kintsugi.ui import channel
from kintsugi.ui.insights.report import render_pdf
from kintsugi.ui.widgets.safe_text import (
    ATTACHMENT_SCHEME,
    SafeTextBrowser,
    SafeTextDocument,
    plain_tooltip,
)
from kintsugi.ui.workers import wait_for_background
from tests.helpers import FAST_KDF, settled
from tests.hostile import (
    NAME,
    OpenWatch,
    big_table,
    canaries,
    hostile_html,
    hostile_markdown,
    python_opens,
)


@pytest.fixture
def bait(tmp_path):
    python_opens()  # make sure the audit hook is in before anything renders
    c = canaries(tmp_path / "bait")
    with OpenWatch(c.values()) as watch:
        watch.python_start = len(python_opens())
        yield c, watch


def assert_nothing_read(c, watch):
    assert watch.seen() == []
    opened = python_opens()[watch.python_start :]
    for p in (*c.values(), "/dev/zero", "/etc/passwd"):
        assert str(p) not in opened


def paint(widget) -> None:
    widget.resize(700, 500)
    widget.grab()  # lays out and paints every visible image


def test_a_plain_qt_document_reads_what_it_names_and_ours_does_not(app, bait):
    c, watch = bait
    plain = QTextDocument()
    plain.setHtml(hostile_html(c))
    plain.setTextWidth(600)
    plain.size()
    assert str(c["png"]) in watch.seen()  # the witness works: Qt really reads files

    doc = SafeTextDocument()
    doc.setHtml(hostile_html(c))  # no sanitising: the door alone must hold
    doc.setTextWidth(600)
    image = QImage(700, 700, QImage.Format_ARGB32)
    with QPainter(image) as p:
        doc.drawContents(p, QRectF(0, 0, 700, 700))
    assert doc.requests >= 4 and doc.refused == doc.requests  # Qt asked us, we refused
    md = SafeTextDocument()
    md.setMarkdown(hostile_markdown(c))
    md.setTextWidth(600)
    md.size()
    assert md.requests >= 5 and md.refused == md.requests
    assert_nothing_read(c, watch)


def test_content_keeps_only_a_quiet_placeholder(app, bait):
    c, watch = bait
    doc = SafeTextDocument()
    doc.set_html(hostile_html(c))
    text = doc.toPlainText()
    assert "before" in text and "after" in text and "cell" in text and "the end" in text
    assert text.count("[image not shown") == 4 and "alert(1)" not in text
    used = formats_in_use(doc)
    assert not any(f.isImageFormat() for f in used)  # no image left in the document
    assert not any(f.background().style() == Qt.TexturePattern for f in used)
    md = SafeTextDocument()
    md.set_markdown(hostile_markdown(c))
    text = md.toPlainText()
    assert text.count("[image not shown") == 5 and "the end" in text  # raw HTML: just text
    assert '<img src="file:///dev/zero"' in text and "<script>" in text
    assert_nothing_read(c, watch)


def formats_in_use(doc):
    out, block = [], doc.begin()
    while block.isValid():
        out.append(block.blockFormat())
        out.extend(QTextCharFormat(r.format) for r in block.textFormats())
        block = block.next()
    return out


def test_images_come_only_from_what_the_document_was_given(app, bait):
    c, watch = bait
    chart = QImage(30, 30, QImage.Format_RGB32)
    chart.fill(Qt.blue)
    photo = QImage(20, 10, QImage.Format_RGB32)
    asked = []

    class Attachments:  # the door attachments will use: the vault serves these URLs
        def image(self, url):
            asked.append(url.toString())
            return photo if url.path() == "7" else None

    doc = SafeTextDocument(images=Attachments())
    doc.addResource(QTextDocument.ImageResource, QUrl("chart0.png"), chart)
    doc.set_html(
        f'<img src="chart0.png"><img src="{ATTACHMENT_SCHEME}:7">'
        f'<img src="{ATTACHMENT_SCHEME}:8"><img src="{c["png"].as_uri()}">'
    )
    doc.size()
    assert doc.toPlainText().count("[image not shown") == 1  # the file; the rest are ours
    image = QImage(200, 100, QImage.Format_ARGB32)
    with QPainter(image) as p:
        doc.drawContents(p)
    assert f"{ATTACHMENT_SCHEME}:7" in asked and f"{ATTACHMENT_SCHEME}:8" in asked
    assert doc.refused == 1  # the missing attachment: a placeholder, never a file
    assert_nothing_read(c, watch)


def test_a_safe_browser_never_follows_a_link(app, bait, qtbot):
    c, watch = bait
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.setMarkdown(hostile_markdown(c))
    assert not browser.openLinks() and not browser.openExternalLinks()
    browser.setSource(QUrl(c["html"].as_uri()))
    browser.setSource(QUrl("file:///etc/passwd"))
    browser.show()
    paint(browser)
    # a click on the link: Qt's own anchor handling (openLinks off: no navigation)
    anchor = browser.document().find("a link")
    rect = browser.cursorRect(anchor)
    qtbot.mouseClick(browser.viewport(), Qt.LeftButton, pos=rect.center() - QPoint(5, 0))
    assert "SECRET-PAGE" not in browser.toPlainText() and "the end" in browser.toPlainText()
    assert_nothing_read(c, watch)


def hostile_entry(c) -> Entry:
    return Entry(title=NAME, body=hostile_markdown(c), shared=True, tags=[NAME])


def test_journal_preview(window, bait, qtbot):
    c, watch = bait
    entry = window.session.entries().add(hostile_entry(c))
    window.journal.on_unlocked()
    window.journal.select_row(window.journal.model.row_of(entry.id))
    editor = window.journal.editor
    editor.preview_button.setChecked(True)
    assert isinstance(editor.preview.document(), SafeTextDocument)
    paint(window)
    assert "[image not shown: zero]" in editor.preview.toPlainText()
    # the list's tool tip shows the text as text (Qt would render a tool tip as HTML)
    markup = window.session.entries().add(Entry(title="markup", body=NAME))
    window.journal.on_unlocked()
    model = window.journal.model
    tip = model.data(model.index(model.row_of(markup.id)), Qt.ToolTipRole)
    assert "&lt;img" in tip and "<img" not in tip
    assert "&lt;img" in plain_tooltip(NAME) and "<img" not in plain_tooltip(NAME)
    assert_nothing_read(c, watch)


def test_share_preview_and_pdf_report(window, bait, qtbot, tmp_path):
    c, watch = bait
    window.session.entries().add(hostile_entry(c))
    window.show_pane(window.share)
    pane = window.share
    pane.reload()
    settled(pane, qtbot)
    assert isinstance(pane.preview.document(), SafeTextDocument)
    paint(window)
    assert "[image not shown: zero]" in pane.preview.toPlainText()
    out = tmp_path / "out" / "report.pdf"
    with qtbot.waitSignal(pane.exported, timeout=30_000):
        pane.export("pdf", out, label="Dr. Rivera")
    wait_for_background()
    assert_nothing_read(c, watch)
    assert_pdf_clean(out.read_bytes(), tmp_path)


def assert_pdf_clean(data: bytes, tmp_path) -> None:
    pdf = tmp_path / "check.pdf"
    pdf.write_bytes(data)
    if shutil.which("pdfimages"):
        listing = subprocess.run(
            ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        sizes = [(int(r.split()[3]), int(r.split()[4])) for r in listing]
        assert (40, 40) not in sizes  # our PNG was never embedded
        assert all(w >= 100 for w, _ in sizes)  # only charts (900 × 360), no placeholders
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "image not shown" in text and "the end" in text
        assert "root:" not in text and "SECRET" not in text


def test_pdf_report_directly_and_a_ten_thousand_cell_table(app, vault, bait, tmp_path):
    c, watch = bait
    repo = EntryRepository(vault.db)
    hostile = repo.add(hostile_entry(c))
    table = repo.add(Entry(title="Table", body=big_table(), shared=True))
    data = render_pdf(vault.db, [hostile, table], name=NAME)
    assert_nothing_read(c, watch)
    assert_pdf_clean(data, tmp_path)


def test_search_results_draw_text_as_text(window, bait, qtbot):
    c, watch = bait
    window.session.entries().add(hostile_entry(c))
    pane = window.search
    window.show_pane(pane)
    with qtbot.waitSignal(pane.model.modelReset, timeout=10_000):
        pane.query.setText("title")
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=10_000)
    delegate = pane.results.itemDelegate()
    image = QImage(600, 80, QImage.Format_ARGB32)
    option = QStyleOptionViewItem()
    option.rect = image.rect()
    option.font = pane.font()
    with QPainter(image) as p:
        delegate.paint(p, option, pane.model.index(0))
    paint(window)
    assert_nothing_read(c, watch)


def partner_bundle(tmp_path, c, recipient: str) -> bytes:
    with Vault.create(tmp_path / "partner.kintsugi", "their pass", params=FAST_KDF) as partner:
        Sharing(partner.db).set_display_name(NAME)
        EntryRepository(partner.db).add(hostile_entry(c))
        return transfer.export_bytes(
            partner.db,
            transfer.select(partner.db, shared=True),
            "age",
            exporter=NAME,
            recipients=[recipient],
        )


def test_from_partner_a_hostile_sender_name_and_items(window, bait, qtbot, tmp_path):
    c, watch = bait
    bundle = tmp_path / "from-partner.age"
    bundle.write_bytes(partner_bundle(tmp_path, c, window.session.sharing().my_key()))
    pane = window.share
    window.show_pane(pane)
    with qtbot.waitSignal(channel.bridge().shown, timeout=20_000) as blocker:
        pane.import_file(bundle)
    assert NAME in blocker.args[0].text
    assert window.notice.text() == blocker.args[0].text
    offers = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert offers  # "a new sender": their name, as text
    for box in offers:
        assert box.textFormat() == Qt.PlainText and NAME in box.text()
        box.reject()
    pane.tabs.setCurrentIndex(2)
    settled(pane, qtbot).received.setCurrentRow(0)
    assert isinstance(pane.received_view.document(), SafeTextDocument)
    paint(window)
    assert NAME in pane.received_view.toPlainText()  # shown as the text it is
    assert_labels_plain(window)
    assert_nothing_read(c, watch)


def assert_labels_plain(root) -> None:
    """Every label showing markup-looking text shows it as plain text."""
    for label in root.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.PlainText, (label.objectName(), label.text())


def test_qt_own_label_rendering_would_read_the_file(app, bait, qtbot):
    """Why labels must be plain: Qt's rich-text QLabel reads the file an <img> names."""
    c, watch = bait
    label = QLabel(f'<img src="{c["png"].as_uri()}">')
    qtbot.addWidget(label)
    label.show()
    label.grab()
    assert str(c["png"]) in watch.seen()
    plain = QLabel(f'<img src="{c["png"].as_uri()}">', textFormat=Qt.PlainText)
    qtbot.addWidget(plain)
    plain.show()
    plain.grab()
    assert watch.seen() == []


@pytest.mark.parametrize("size", [QSize(300, 200)])
def test_ten_thousand_cells_in_a_browser(app, qtbot, size):
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(size)
    browser.show()
    browser.setMarkdown(big_table())
    browser.grab()
    assert browser.document().toPlainText().count("x") >= 10_000

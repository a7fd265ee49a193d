"""Thumbnails in the journal timeline's rows: asked for only as rows are painted (one
batched lookup for the rows on screen, never the whole journal), decoded on a worker,
as tall as the row's two lines of text (they follow the text size), forgotten on lock."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

from PIL import Image
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from kintsugi.core.records import Entry
from kintsugi.core.repo.attachments import AttachmentRepo


def png(size=(300, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(out, "PNG")
    return out.getvalue()


def _layout(view, row):
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    return view.itemDelegate().row_layout(option, index)


def test_rows_show_their_pictures_lazily_at_the_text_size(window, qtbot):
    from kintsugi.ui.theme import apply_text_size

    s = window.session
    start = datetime(2026, 1, 1, 9, 0).astimezone()
    store = AttachmentRepo(s.database())
    far = s.entries().add(Entry(title="Long ago", body="x", occurred_at=start))
    store.add_bytes(far.id, png(), "old.png")
    for n in range(1, 260):
        s.entries().add(Entry(title=f"Day {n}", body="x", occurred_at=start + timedelta(hours=n)))
    newest = s.entries().add(
        Entry(title="Our walk", body="x", occurred_at=start + timedelta(days=30))
    )
    store.add_bytes(newest.id, png(), "walk.png")
    store.add_bytes(newest.id, png((200, 300)), "tall.png")
    journal = window.journal
    journal.reload()
    journal.show_journal()
    view, pictures = journal.view, journal.row_pictures
    assert view.model().summary_at(0).id == newest.id
    view.viewport().repaint()  # painting asks; nothing is read before
    qtbot.waitUntil(lambda: pictures.count(newest.id) == 2, timeout=20_000)
    assert pictures.lookups == 1  # the rows on screen, in one lookup
    assert far.id not in pictures._ids  # a row never painted is never looked up

    def decoded():
        view.viewport().repaint()
        return len(_layout(view, 0).images) == 2

    qtbot.waitUntil(decoded, timeout=20_000)
    at = _layout(view, 0)
    assert at.picture_side == at.title.height() + at.excerpt.height()
    assert not at.pictures.isNull() and at.pictures.left() > at.title.right()
    assert all(max(i.width(), i.height()) == at.picture_side for i in at.images)
    assert _layout(view, 1).pictures.isNull()  # a row without pictures keeps its room

    small_side = at.picture_side
    apply_text_size(QApplication.instance(), 160)
    qtbot.waitUntil(lambda: _layout(view, 0).picture_side > small_side, timeout=10_000)

    s.lock()
    assert pictures._ids == {} and pictures.count(newest.id) == 0

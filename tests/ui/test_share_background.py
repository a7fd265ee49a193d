"""The Share pane builds its list, preview, history and From partner on the thread pool:
the UI thread only shows results; a placeholder meanwhile; nothing can be exported until
the preview shows what would leave; a result that arrives after locking is dropped."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from kintsugi.core import transfer
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.sharing import Sharing
from kintsugi.ui import channel
from kintsugi.ui.widgets.safe_text import SafeTextDocument
from kintsugi.ui.workers import wait_for_background
from tests.helpers import settled


def _mark(window, n: int) -> None:
    db = window.session.database()
    repo = EntryRepository(db)
    with db.transaction():
        for i in range(n):
            repo.add(Entry(title=f"Marked {i}", body=f"words of day {i}", shared=True))


def test_every_slow_part_runs_off_the_ui_thread(window, qtbot, monkeypatch):
    _mark(window, 300)
    pane = window.share
    ui = threading.current_thread()
    where: dict[str, set[bool]] = {}

    def watch(owner, name, label):
        real = getattr(owner, name)

        def wrapper(*a, **k):
            where.setdefault(label, set()).add(threading.current_thread() is ui)
            return real(*a, **k)

        monkeypatch.setattr(owner, name, wrapper)

    watch(transfer, "select", "select")
    watch(transfer, "payload_for", "payload")
    watch(SafeTextDocument, "set_markdown_parts", "preview document")
    for name in ("last_shared", "history", "received_latest", "status_of"):
        watch(Sharing, name, name)
    pane.reload()
    assert pane.busy and pane.list.count() == 0  # reload() only asks
    assert "Finding the items marked for sharing" in pane.preview.toPlainText()
    assert not pane.pdf_button.isEnabled() and pane.payload is None
    settled(pane, qtbot)
    assert pane.list.count() == 300 and "Marked 299" in pane.preview.toPlainText()
    assert pane.pdf_button.isEnabled()
    for label in ("select", "payload", "preview document", "last_shared", "history"):
        assert where.get(label) == {False}, (label, where.get(label))
    # choosing runs the payload and its preview off the UI thread too, once for "None"
    where.clear()
    pane.set_all(False)
    settled(pane, qtbot)
    assert pane.preview.toPlainText() == "" and not pane.pdf_button.isEnabled()
    pane.list.item(5).setCheckState(Qt.Checked)
    settled(pane, qtbot)
    assert where["payload"] == {False} and "Marked 5" in pane.preview.toPlainText()
    assert [r.title for r in pane.payload_records] == ["Marked 5"]


def _nothing_shown(pane, problems) -> None:
    assert not pane.busy and pane.list.count() == 0 and pane.records == []
    assert pane.payload is None and pane.preview.toPlainText() == ""
    assert problems == [] and pane.received.count() == 0 and pane.log.count() == 0


def test_a_build_that_arrives_after_locking_is_dropped(window, qtbot):
    _mark(window, 2000)
    pane = window.share
    problems = []
    channel.bridge().shown.connect(lambda m: problems.append(m.text))
    # locked while the workers read: they fail on the closed vault, quietly
    pane.reload()
    assert pane.busy
    window.session.lock()
    wait_for_background()
    qtbot.wait(50)
    _nothing_shown(pane, problems)
    # the workers finished, their results wait in the event queue, then the lock comes
    from tests.helpers import unlock

    unlock(qtbot, window)
    settled(pane, qtbot)
    pane.reload()
    wait_for_background()  # the load is done; its result is not delivered yet
    window.session.lock()
    qtbot.wait(50)  # delivered now: dropped
    _nothing_shown(pane, problems)
    unlock(qtbot, window)
    settled(pane, qtbot)
    pane.with_answers.setChecked(not pane.with_answers.isChecked())  # a preview alone
    wait_for_background()
    window.session.lock()
    qtbot.wait(50)
    _nothing_shown(pane, problems)


def test_an_export_asked_for_while_the_preview_is_built_waits_for_it(window, qtbot, tmp_path):
    _mark(window, 50)
    pane = settled(window.share, qtbot)
    pane.reload()
    out = tmp_path / "shared.md"
    with qtbot.waitSignal(pane.exported, timeout=30_000):
        pane.export("md", out, label="Dr. Rivera")  # deferred until the preview is shown
    text = out.read_text()
    assert "Marked 49" in text and "Marked 0" in text


def test_the_preview_read_a_part_at_a_time_is_the_same_document(window, qtbot):
    """set_markdown_parts (the GIL is let go between parts) gives exactly the document one
    set_markdown of the whole gives, for every kind with every field filled."""
    from kintsugi.core import share
    from tests.ui.test_share_payload import Markers, fill_every_kind

    records = fill_every_kind(window.session.database(), Markers())
    records += [
        EntryRepository(window.session.database()).add(
            Entry(title=f"More {i}", body="# A heading\n\n- a list\n\n```\ncode\n```", shared=True)
        )
        for i in range(120)
    ]
    payload = transfer.payload_for(
        window.session.database(), records, exporter="Alex", options=share.ShareOptions()
    )
    parts = payload.markdown_parts(per_part=7)
    assert len(parts) > 10 and "".join(parts) == payload.markdown()
    whole, pieces = SafeTextDocument(), SafeTextDocument()
    whole.set_markdown(payload.markdown())
    pieces.set_markdown_parts(parts)
    assert pieces.toHtml() == whole.toHtml()
    assert pieces.toMarkdown() == whole.toMarkdown()

"""The timeline view measures its rows again only when a row's height can change."""

from dataclasses import replace
from datetime import datetime, timedelta

from kintsugi.core.records import ItemSummary
from kintsugi.ui.widgets import timeline_delegate
from kintsugi.ui.widgets.timeline_model import TimelineModel


def _settle(qtbot, view):
    qtbot.wait(300)  # batched layout: a hundred rows between events


def test_an_autosave_repaints_its_row_and_measures_nothing_else(qtbot, monkeypatch):
    day = datetime(2026, 5, 10, 9).astimezone()
    rows = [
        ItemSummary(n, "entry", day - timedelta(hours=5 * n), f"t{n}", "", False)
        for n in range(1, 601)
    ]
    model = TimelineModel()

    def fetch(after=None, limit=200):
        older = [r for r in rows if after is None or (r.occurred_at, r.id) < after]
        return older[:limit]

    model.set_source(fetch)
    measured = []
    real = timeline_delegate.TimelineDelegate.sizeHint

    def counting(self, option, index):
        measured.append(index.row())
        return real(self, option, index)

    monkeypatch.setattr(timeline_delegate.TimelineDelegate, "sizeHint", counting)
    view = timeline_delegate.make_timeline_view(model, "Timeline")
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    while model.canFetchMore(view.rootIndex()):
        model.fetchMore()
    # laid out once, every row (a batch of 100 between events: give a busy machine time)
    qtbot.waitUntil(lambda: len(set(measured)) == 600, timeout=10_000)
    _settle(qtbot, view)

    measured.clear()
    model.upsert(replace(rows[0], title="retitled", excerpt="a new last line"))  # autosave
    _settle(qtbot, view)
    assert len(measured) < 50  # the rows painted, not the 600 loaded

    measured.clear()  # a new time can move day headings: laid out again, as Qt does
    model.upsert(replace(rows[0], occurred_at=rows[0].occurred_at + timedelta(minutes=30)))
    qtbot.waitUntil(lambda: len(set(measured)) == 600, timeout=10_000)


def test_an_autosave_repaints_the_saved_row_not_the_whole_timeline(window, qtbot):
    from PySide6.QtCore import QEvent, QObject

    from kintsugi.core.records import Entry

    entries = window.session.entries()
    start = datetime(2026, 5, 10, 9).astimezone()
    for n in range(40):
        entries.add(Entry(title=f"day {n}", body="words", occurred_at=start - timedelta(days=n)))
    journal = window.journal
    window.on_new_entry()  # the journal on screen
    journal.on_unlocked()
    journal.show_journal()  # it opens on the quiet page: the timeline on screen
    journal.select_row(3)
    qtbot.waitUntil(lambda: journal.editor.entry_id is not None, timeout=5000)
    qtbot.wait(200)
    regions = []

    class Paints(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                regions.append(event.region().boundingRect())
            return False

    paints = Paints()
    journal.view.viewport().installEventFilter(paints)
    qtbot.keyClicks(journal.editor.body, " and more")
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=10_000)
    row = journal.view.visualRect(journal.model.index(3))
    qtbot.waitUntil(lambda: any(r.intersects(row) for r in regions), timeout=5_000)
    qtbot.wait(200)
    journal.view.viewport().removeEventFilter(paints)
    assert regions and all(r.intersects(row) for r in regions)  # the saved row, shown anew
    assert max(r.height() for r in regions) <= 2 * row.height()  # not the whole list

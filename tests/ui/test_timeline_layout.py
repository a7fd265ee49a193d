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
    _settle(qtbot, view)
    assert len(set(measured)) == 600  # laid out once, every row

    measured.clear()
    model.upsert(replace(rows[0], title="retitled", excerpt="a new last line"))  # autosave
    _settle(qtbot, view)
    assert len(measured) < 50  # the rows painted, not the 600 loaded

    measured.clear()  # a new time can move day headings: laid out again, as Qt does
    model.upsert(replace(rows[0], occurred_at=rows[0].occurred_at + timedelta(minutes=30)))
    _settle(qtbot, view)
    assert len(set(measured)) == 600

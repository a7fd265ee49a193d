"""The journal timeline: a lazy model, day by day and jumping to a date, rows changed in place,
and delete with Undo and the trash."""

from datetime import datetime, timedelta

from PySide6.QtCore import QDate

from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.vault import Vault
from kintsugi.ui.widgets.timeline_model import TimelineModel
from tests.helpers import PASSPHRASE, type_entry, unlock


def _fill(vault_path, n, start=datetime(2026, 1, 1, 9)):
    with Vault.open(vault_path, PASSPHRASE) as v:
        repo = EntryRepository(v.db)
        with v.db.transaction():
            for i in range(n):
                repo.add(
                    Entry(
                        title=f"day {i}",
                        body=f"body {i}",
                        occurred_at=(start + timedelta(hours=12 * i)).astimezone(),
                    )
                )


def test_timeline_model_is_lazy_and_sound(existing_vault, make_window, qtbot, qtmodeltester):
    _fill(existing_vault, 450)
    w = make_window(existing_vault)
    unlock(qtbot, w)
    model = w.journal.model
    assert model.rowCount() == TimelineModel.PAGE and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450
    titles = [model.index(r).data() for r in range(3)]
    assert titles == ["day 449", "day 448", "day 447"]
    assert model.index(0).data(TimelineModel.DayStartRole)
    assert not model.index(1).data(TimelineModel.DayStartRole)  # same day, two entries


def test_previous_next_day_and_jump(existing_vault, make_window, qtbot):
    _fill(existing_vault, 300)
    w = make_window(existing_vault)
    unlock(qtbot, w)
    w.journal.show_journal()  # it opens on the quiet page; the person chooses
    j = w.journal
    assert j.editor.title.text() == "day 299"
    j.step_day(-1)
    assert j.editor.title.text() == "day 297"
    j.step_day(+1)
    assert j.editor.title.text() == "day 299"
    j.jump.setDate(QDate(2026, 1, 10))
    assert j.editor.title.text() == "day 19" and j.newest_button.isVisible()
    j.open_entry(w.session.items().timeline(limit=1)[0].id)
    j.back_to_newest()
    assert j.editor.title.text() == "day 299" and not j.newest_button.isVisible()
    j.jump.setDate(QDate(2025, 1, 1))  # before the first entry: nothing to show, no error
    assert j.model.rowCount() == 0


def test_a_saved_row_that_keeps_its_place_is_changed_in_place(qapp):
    """Autosaves (every second while typing) must not remove and re-insert the row: the
    view would measure every loaded row again each time."""
    from dataclasses import replace

    from kintsugi.core.records import ItemSummary

    day = datetime(2026, 5, 10, 9).astimezone()
    rows = [ItemSummary(n, "entry", day - timedelta(days=n), f"t{n}", "", False) for n in (1, 2, 3)]
    model = TimelineModel()
    model.set_source(lambda after, limit: rows if after is None else [])
    model.fetchMore()
    moved, changed = [], []
    model.rowsRemoved.connect(lambda *a: moved.append(a))
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    assert model.upsert(replace(rows[1], title="retitled")) == 1
    assert not moved and changed == [(1, 1)]
    assert model.summary_at(1).title == "retitled"
    assert model.upsert(replace(rows[2], occurred_at=day + timedelta(hours=1))) == 0  # newest
    assert moved and [model.summary_at(r).id for r in range(3)] == [3, 1, 2]


def test_delete_undo_and_trash(window, qtbot):
    keep = type_entry(qtbot, window, "Keep", "stays")
    gone = type_entry(qtbot, window, "Gone", "goes")
    window.journal.delete_current()
    assert window.journal.model.row_of(gone) == -1 and window.banner.isVisible()
    window.banner.button.click()
    assert window.journal.model.row_of(gone) >= 0 and not window.banner.isVisible()
    window.journal.select_row(window.journal.model.row_of(gone))
    window.journal.delete_current()
    window.on_trash()
    trash = window.dialog
    assert trash.list.count() == 1
    trash.list.setCurrentRow(0)
    trash.restore_button.click()
    assert window.journal.model.row_of(gone) >= 0 and trash.list.count() == 0
    window.journal.select_row(window.journal.model.row_of(gone))
    window.journal.delete_current()
    trash.reload()
    with qtbot.waitSignal(trash.emptied, timeout=10_000):
        trash.on_empty_clicked(confirm=False)
    from kintsugi.core import backups

    kept = backups.list_backups(backups.backup_folder(window.session.vault))
    assert any(b.reason == "before-empty-trash" for b in kept)
    assert trash.list.count() == 0 and trash.empty_note.isVisible() is not None
    assert [i.id for i in window.session.items().timeline()] == [keep]
    assert window.session.items().trash() == []

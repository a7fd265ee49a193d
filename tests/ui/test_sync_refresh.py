"""What a sync round brings shows in every pane that shows records, not only the journal:
hard moments, check-ins and boundaries, and Together's pages, each keeping the record that is
chosen; a field being typed in keeps what is typed (cursor and focus too), the other fields
show the other computer's values, and the save that follows keeps both."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from kintsugi.core import sync
from kintsugi.core.records import RECORD_TYPES, Boundary, CheckIn, Trigger
from kintsugi.core.repo import repository_for
from kintsugi.core.vault import Vault
from tests.core.test_kinds import Filler
from tests.helpers import FAST_KDF, PASSPHRASE


def _round(window, qtbot):
    rounds = window.sync.rounds
    window.sync.run_now()
    qtbot.waitUntil(lambda: window.sync.rounds > rounds and not window.sync.running, timeout=30_000)


def test_a_round_refreshes_triggers_check_ins_and_together_keeping_what_is_typed(
    window, qtbot, tmp_path
):
    folder = tmp_path / "Sync"
    folder.mkdir()
    here = window.session.database()
    trigger = repository_for(here, "trigger").add(Trigger(situation="at the door"))
    boundary = repository_for(here, "boundary").add(Boundary(text="phone stays out"))
    code = sync.setup(window.session.vault, folder, "this laptop")
    window.sync.on_unlocked()
    qtbot.waitUntil(lambda: window.sync.syncing and window.sync.rounds >= 1, timeout=20_000)
    b = Vault.create(tmp_path / "b" / "journal.kintsugi", PASSPHRASE, params=FAST_KDF)
    try:
        sync.join(b, folder, code, "desktop")
        triggers, boundaries = window.triggers, window.checkins.boundaries
        rituals = window.together.page_for("ritual")
        triggers.reload()
        triggers.open_trigger(trigger.id)
        boundaries.reload(select=boundary.id)
        history = window.checkins.checkin.history.count()
        assert rituals.list.count() == 0

        # the other computer changes both records and writes new ones of four kinds
        t_repo, b_repo = repository_for(b.db, "trigger"), repository_for(b.db, "boundary")
        (theirs_t,) = [t_repo.get(i) for i in t_repo.all_ids()]
        t_repo.update(dataclasses.replace(theirs_t, situation="at the door, in the evening"))
        (theirs_b,) = [b_repo.get(i) for i in b_repo.all_ids()]
        b_repo.update(dataclasses.replace(theirs_b, text="phone stays out at dinner"))
        t_repo.add(Trigger(situation="written on the desktop"))
        b_repo.add(Boundary(text="a walk on Sundays"))
        repository_for(b.db, "checkin").add(CheckIn(safety=7, trust=6, gratitude="the walk"))
        repository_for(b.db, "ritual").add(Filler().record(RECORD_TYPES["ritual"], 1))
        sync.run_round(b)

        # meanwhile, here, someone is typing in the open hard moment (not saved yet)
        form = triggers.form
        form.hot_thought.setFocus()
        qtbot.keyClicks(form.hot_thought, "I am not enough")
        assert form.autosaver.dirty
        _round(window, qtbot)

        assert triggers.model.rowCount() == 2  # the new one is listed
        assert form.trigger_id == trigger.id  # the same one still open and chosen
        assert triggers.view.currentIndex().row() == triggers.model.row_of(trigger.id)
        assert form.situation.toPlainText() == "at the door, in the evening"  # theirs
        assert form.hot_thought.text() == "I am not enough"  # ours, as typed
        assert form.hot_thought.hasFocus()
        assert form.hot_thought.cursorPosition() == len("I am not enough")
        assert boundaries.list.count() == 2
        assert boundaries.current_id() == boundary.id
        assert boundaries.text.toPlainText() == "phone stays out at dinner"
        assert window.checkins.checkin.history.count() == history + 1
        assert rituals.list.count() == 1

        # the save that follows keeps both, and the other computer gets ours
        assert form.save_now()
        saved = repository_for(here, "trigger").get(trigger.id)
        assert (saved.situation, saved.hot_thought) == (
            "at the door, in the evening",
            "I am not enough",
        )
        _round(window, qtbot)
        sync.run_round(b)
        again = t_repo.get(theirs_t.id)
        assert (again.situation, again.hot_thought) == (
            "at the door, in the evening",
            "I am not enough",
        )
    finally:
        b.lock()


def test_a_date_jumped_to_in_hard_moments_stays_while_another_section_is_shown(window, qtbot):
    """The list jumped to a date stays there after a round, also when the hard moments are
    not on screen (the round read it back to the newest while 'Back to newest' still
    showed: the button's isVisible() is False under a hidden pane)."""
    from datetime import datetime, timedelta

    from PySide6.QtCore import QDate

    here = window.session.database()
    repo = repository_for(here, "trigger")
    now = datetime.now().astimezone()
    old = repo.add(Trigger(situation="last spring", occurred_at=now - timedelta(days=200)))
    repo.add(Trigger(situation="this week", occurred_at=now - timedelta(days=1)))
    pane = window.triggers
    window.sections.show(pane)
    day = (now - timedelta(days=100)).date()
    pane.jump.setDate(QDate(day.year, day.month, day.day))
    assert pane.model.rowCount() == 1 and pane.form.trigger_id == old.id
    assert not pane.newest_button.isHidden()
    window.sections.show(window.journal)  # another section on screen
    assert not pane.isVisible()
    pane.refresh_quietly()
    assert pane.model.rowCount() == 1  # still up to the date jumped to
    assert pane.model.row_of(old.id) == 0 and pane.form.trigger_id == old.id
    window.sections.show(pane)
    assert pane.newest_button.isVisible()


def test_a_new_record_saved_as_a_round_ends_is_listed_once(window, qtbot):
    """A round's refresh that reads the list between a new boundary's first save and its
    answer on the UI thread: the boundary is listed once, and chosen (its answer added a
    second row for it)."""
    from PySide6.QtCore import QCoreApplication

    tab = window.checkins.boundaries
    tab.reload()
    tab.new_record()
    tab.text.setPlainText("no phones at dinner")
    assert tab.autosaver.dirty
    tab.autosaver.save_soon()
    window.session.writer().flush()  # committed; its answer not taken on this thread yet
    tab.refresh_quietly()  # the round's refresh comes first
    QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: not tab.autosaver.pending)
    ids = [tab.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(tab.list.count())]
    assert len(ids) == 1 and tab.current_id() == ids[0] == tab._record.id


def test_a_date_jumped_to_in_the_journal_stays_while_another_section_is_shown(window, qtbot):
    """The same for the journal's list (a round refreshes it whatever is on screen)."""
    from datetime import datetime, timedelta

    from PySide6.QtCore import QDate

    from kintsugi.core.records import Entry

    repo = repository_for(window.session.database(), "entry")
    now = datetime.now().astimezone()
    old = repo.add(Entry(title="last spring", body="x", occurred_at=now - timedelta(days=200)))
    repo.add(Entry(title="this week", body="y", occurred_at=now - timedelta(days=1)))
    pane = window.journal
    window.sections.show(pane)
    pane.reload()
    day = (now - timedelta(days=100)).date()
    pane.jump.setDate(QDate(day.year, day.month, day.day))
    assert pane.model.row_of(old.id) == 0 and pane.model.rowCount() == 1
    window.sections.show(window.triggers)  # another section on screen
    assert not pane.isVisible()
    pane.refresh_quietly()
    assert pane.model.rowCount() == 1 and pane.model.row_of(old.id) == 0
    assert not pane.newest_button.isHidden()  # and still offers to go back to the newest


def test_an_emotion_being_typed_in_its_cell_stays_when_the_moment_changes_elsewhere(window, qtbot):
    """The other computer changed the open hard moment while an emotion's cell is being
    typed in (its editor open, nothing committed to the table yet): what is typed stays,
    still being edited with the cursor where it was, beside the other computer's change,
    and the save that follows keeps both (the table was filled again and the typing lost)."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    from kintsugi.core.records import Emotion

    repo = repository_for(window.session.database(), "trigger")
    t = repo.add(Trigger(situation="at the door", emotions=[Emotion("fear", 60)]))
    pane = window.triggers
    window.sections.show(pane)
    pane.reload()
    pane.open_trigger(t.id)
    form, table = pane.form, pane.form.emotions.table
    table.setFocus()
    table.editItem(table.item(0, 0))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "dread")
    editor.setCursorPosition(2)
    # what a round brings: the other computer's change of the same hard moment
    repo.update(dataclasses.replace(repo.get(t.id), situation="at the door, late"))
    form.take_changes(repo.get(t.id))
    assert form.situation.toPlainText() == "at the door, late"  # theirs
    editing = QApplication.focusWidget()
    assert isinstance(editing, QLineEdit) and table.isAncestorOf(editing)  # still typing
    assert editing.text() == "dread" and editing.cursorPosition() == 2
    assert form.save_now()
    saved = repo.get(t.id)
    assert saved.situation == "at the door, late"
    assert [e.name for e in saved.emotions] == ["dread"]


def test_a_goals_step_being_typed_in_its_cell_stays_when_the_goal_changes_elsewhere(window, qtbot):
    """The same for any list page's table: a goal's step being worded in its cell while the
    other computer changes the goal's words."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    from kintsugi.core.records import Goal, GoalMilestone

    repo = repository_for(window.session.database(), "goal")
    g = repo.add(Goal(text="walk more", milestones=[GoalMilestone("ten minutes")]))
    tab = window.checkins.goals
    window.sections.show(window.checkins)
    window.checkins.tabs.setCurrentWidget(tab)
    tab.reload(select=g.id)
    table = tab.steps
    table.setFocus()
    table.editItem(table.item(0, 0))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "twenty minutes")
    editor.setCursorPosition(6)
    repo.update(dataclasses.replace(repo.get(g.id), text="walk more, after dinner"))
    tab.refresh_quietly()
    assert tab.text.text() == "walk more, after dinner"  # theirs
    editing = QApplication.focusWidget()
    assert isinstance(editing, QLineEdit) and table.isAncestorOf(editing)  # still typing
    assert editing.text() == "twenty minutes" and editing.cursorPosition() == 6
    assert tab.flush()
    saved = repo.get(g.id)
    assert saved.text == "walk more, after dinner"
    assert [m.text for m in saved.milestones] == ["twenty minutes"]


def test_a_round_leaves_the_grounding_buttons_and_the_keyboard_where_they_are(window, qtbot):
    """Grounding read again after a round that brought something: the techniques' buttons
    are made again only if the techniques changed, so the one the keyboard is on keeps the
    focus (they were all made again, every round, and the focus fell out of the grid)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    from kintsugi.core.exercises import CustomTechnique, TimedStep

    pane = window.grounding
    window.sections.show(pane)
    third = pane.grid.itemAt(2).widget()
    third.setFocus()
    assert QApplication.focusWidget() is third
    pane.refresh_quietly()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert isValid(third) and QApplication.focusWidget() is third
    # a technique of the person's own came: now the buttons are made again, it among them
    count = pane.grid.count()
    store = window.session.custom_techniques()
    store.save_all([*store.all(), CustomTechnique("Cold water", [TimedStep("Sip it.", None)])])
    pane.refresh_quietly()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert pane.grid.count() == count + 1


def test_a_round_that_comes_while_a_save_is_on_its_way_is_shown_once_it_has_settled(window, qtbot):
    """A round's refresh while the open goal's save is on its way: the other computer's
    change shows once the save has settled (it was skipped, the form kept the old value,
    and the next save put it back over the other computer's)."""
    from kintsugi.core.records import Goal

    repo = repository_for(window.session.database(), "goal")
    g = repo.add(Goal(text="walk more", target_unit="walks"))
    tab = window.checkins.goals
    tab.reload(select=g.id)
    tab.text.setText("walk more, together")
    tab.autosaver.save_soon()  # on its way to the writer; its answer not taken yet
    assert tab.autosaver.pending

    def theirs():  # what the round applies after it: the other computer's change
        repo.update(dataclasses.replace(repo.get(g.id), target_unit="evening walks"))

    window.session.writer().submit(theirs)
    window.session.writer().flush()
    tab.refresh_quietly()  # the round's refresh, the save still unanswered here
    qtbot.waitUntil(lambda: tab.unit.text() == "evening walks", timeout=5_000)
    assert tab.text.text() == "walk more, together"
    tab.text.setText("walk more, together, slowly")  # typed on, saved
    assert tab.flush()
    saved = repo.get(g.id)
    assert (saved.text, saved.target_unit) == ("walk more, together, slowly", "evening walks")


def test_the_same_for_a_hard_moment_being_saved_when_the_round_comes(window, qtbot):
    repo = repository_for(window.session.database(), "trigger")
    t = repo.add(Trigger(situation="at the door", hot_thought=""))
    pane = window.triggers
    pane.reload()
    pane.open_trigger(t.id)
    form = pane.form
    form.hot_thought.setText("not again")
    form.autosaver.save_soon()
    assert form.autosaver.pending

    def theirs():
        repo.update(dataclasses.replace(repo.get(t.id), situation="at the door, late"))

    window.session.writer().submit(theirs)
    window.session.writer().flush()
    pane.refresh_quietly()
    qtbot.waitUntil(lambda: form.situation.toPlainText() == "at the door, late", timeout=5_000)
    assert form.hot_thought.text() == "not again"
    form.hot_thought.setText("not again, it is fine")
    assert form.save_now()
    saved = repo.get(t.id)
    assert (saved.situation, saved.hot_thought) == ("at the door, late", "not again, it is fine")

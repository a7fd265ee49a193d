"""Therapy sessions on screen (issue 20 item 8): items marked "for my next session" from the
timeline (context menu, Ctrl+Shift+N) make the agenda; a session's notes start from it,
the marks go once it is kept; homework given becomes a goal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kintsugi.core.records import Entry, Homework, TherapySession
from kintsugi.core.repo.therapy import NextSession, TherapySessionRepository
from kintsugi.ui.together.sessions import TherapyPage
from kintsugi.ui.workers import wait_for_background
from tests.helpers import assert_accessible


def test_marked_items_become_the_next_sessions_agenda_and_homework_a_goal(window, qtbot):
    session = window.session
    db = session.database()
    first = session.entries().add(Entry(title="The call on Friday", body="It shook me."))
    session.entries().add(Entry(title="A calmer evening", body="We cooked."))
    window.show_pane(window.journal)
    window.journal.reload()
    timeline = window.journal.list_stack
    rows = {timeline.model.summary_at(n).id: n for n in range(timeline.model.rowCount())}
    timeline.select_row(rows[first.id])
    timeline.view.setFocus()
    assert timeline.session_action in timeline.view.actions()  # the context menu
    timeline.session_action.trigger()
    assert [s.id for s in NextSession(db).agenda()] == [first.id]
    assert "On the agenda for your next session" in window.notice.text()

    page = TherapyPage(session)
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    page.on_unlocked()
    assert_accessible(page)
    assert page.agenda.count() == 1 and "The call on Friday" in page.agenda.item(0).text()
    opened = []
    page.open_requested.connect(lambda i, k: opened.append((i, k)))
    page.agenda.setCurrentRow(0)
    page.open_button.click()
    assert opened == [(first.id, "entry")]

    page.new_record()  # notes for a session: the agenda comes along, and is kept at once
    assert page.points.toPlainText() == "Journal: The call on Friday"
    qtbot.waitUntil(lambda: page.state.text() == "Saved", timeout=10_000)
    wait_for_background()
    qtbot.waitUntil(lambda: page.agenda.count() == 0, timeout=10_000)
    assert NextSession(db).agenda() == []
    page.notes.setPlainText("Pacing the questions; one a day.")
    page.add_homework()
    row = page.homework.rowCount() - 1
    page.homework.item(row, 1).setText("Write a letter I won't send")
    page.homework.item(row, 0).setCheckState(Qt.CheckState.Checked)
    page.flush()
    wait_for_background()
    (saved,) = [TherapySessionRepository(db).get(i) for i in TherapySessionRepository(db).all_ids()]
    assert saved.agenda == ["Journal: The call on Friday"]
    assert saved.notes == "Pacing the questions; one a day."
    assert saved.homework == [Homework("Write a letter I won't send", True)]
    page.homework.setCurrentCell(row, 1)
    goal = page.make_goal()
    assert goal is not None and session.goals().get(goal.id).text == "Write a letter I won't send"
    page.clear()
    assert page.list.count() == 0 and page.agenda.count() == 0 and not page.notes.toPlainText()


def test_a_session_opens_from_search_on_its_page(window, qtbot):
    saved = TherapySessionRepository(window.session.database()).add(
        TherapySession(notes="About the holidays")
    )
    page = TherapyPage(window.session)
    qtbot.addWidget(page)
    page.on_unlocked()
    page.open_item(saved.id, "therapy_session")
    assert page.notes.toPlainText() == "About the holidays"


def test_any_listed_item_can_go_on_the_agenda_and_a_session_can_be_shared(window, qtbot):
    """Ctrl+Shift+N beyond the timelines: a goal (every list of records) and a search hit
    (every kind); a session's notes can be marked for sharing like any record."""
    from kintsugi.core.records import Goal
    from kintsugi.core.search import SearchFilters

    session = window.session
    db = session.database()
    goal = session.goals().add(Goal(text="One walk together this week", target_unit=""))
    goals = window.checkins.goals
    goals.reload(select=goal.id)
    assert goals.current_id() == goal.id
    (action,) = [a for a in goals.list.actions() if a.shortcut().toString() == "Ctrl+Shift+N"]
    action.trigger()
    assert [s.id for s in NextSession(db).agenda()] == [goal.id]
    entry = session.entries().add(Entry(title="The drive home", body="quiet"))
    search = window.search
    search.model.set_hits(session.search().search("drive", SearchFilters()))
    search.results.setCurrentIndex(search.model.index(0))
    assert search.current_id() == entry.id
    (action,) = [a for a in search.results.actions() if a.shortcut().toString() == "Ctrl+Shift+N"]
    action.trigger()
    assert [s.id for s in NextSession(db).agenda()] == [goal.id, entry.id]
    action.trigger()  # again: off the agenda
    assert [s.id for s in NextSession(db).agenda()] == [goal.id]

    page = TherapyPage(session)
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    page.on_unlocked()
    assert page.agenda.item(0).text().splitlines()[0] == "Goal: One walk together this week"
    assert page.agenda.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert not [a for a in page.list.actions() if a.shortcut().toString() == "Ctrl+Shift+N"]
    page.new_record()
    qtbot.waitUntil(lambda: page.state.text() == "Saved", timeout=10_000)
    page.share.setChecked(True)
    page.flush()
    wait_for_background()
    (saved,) = [TherapySessionRepository(db).get(i) for i in TherapySessionRepository(db).all_ids()]
    assert saved.shared

"""The weekly conversation and rituals on Together (#20 items 1 and 7), through the real
window over a real vault: kept from the first words, started from the week's items the
person picks (quoted and listed, never brought in unseen), shared exactly as it reads, a
gentle weekly reminder like the check-in's, rituals logged lightly, and search hits opening
on their page."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kintsugi.core.records import CheckIn, Ritual, Trigger, WeeklyTalk
from kintsugi.core.schedule import CheckInSchedule, ScheduleStore
from kintsugi.core.timeutil import now
from kintsugi.ui.together.weekly import WeeklyTalkPage, WeeklyTalkReminder, WeekPicker
from tests.helpers import assert_accessible, settled


def weekly(window) -> WeeklyTalkPage:
    page = next(p for p in window.together.pages if isinstance(p, WeeklyTalkPage))
    window.show_pane(window.together)
    window.together.show_page(page)
    return page


def saved(page, qtbot):
    qtbot.waitUntil(lambda: page.state.text() == "Saved", timeout=5_000)


def test_a_conversation_is_kept_from_its_first_words_and_listed(window, qtbot):
    page = weekly(window)
    assert page.empty.isVisible() and "appreciations first" in page.empty.text()
    page.new_button.click()
    assert page.fields["appreciations"].hasFocus()
    assert page.flush() and page.repo().all_ids() == []  # nothing typed: nothing kept
    qtbot.keyClicks(page.fields["appreciations"], "You made tea without asking")
    saved(page, qtbot)
    page.fields["issue"].setText("Late evenings")
    qtbot.keyClicks(page.fields["heard"], "You feel alone when I'm out late")
    saved(page, qtbot)
    (talk_id,) = page.repo().all_ids()
    talk = page.repo().get(talk_id)
    assert talk.appreciations == "You made tea without asking" and talk.issue == "Late evenings"
    assert talk.heard == "You feel alone when I'm out late"
    assert page.list.count() == 1 and not page.empty.isVisible()
    page.reload()
    assert "Late evenings" in page.list.item(0).text()
    assert_accessible(page)


def test_tab_walks_every_part_of_the_conversation(window, qtbot):
    page = weekly(window)
    page.new_button.click()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    seen = []
    for _ in range(30):
        focused = QApplication.focusWidget()
        seen.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert all(field in seen for field in page.fields.values())


def _the_week(window):
    s = window.session
    moment = now()
    checkin = s.checkins().add(
        CheckIn(
            occurred_at=moment - timedelta(days=2),
            gratitude="you walked with me",
            needs="quiet mornings",
            private_note="only mine",
        )
    )
    trigger = s.triggers().add(
        Trigger(occurred_at=moment - timedelta(days=1), situation="a message late at night")
    )
    s.checkins().add(CheckIn(occurred_at=moment - timedelta(days=12), gratitude="long ago"))
    return checkin, trigger


def test_starting_from_the_week_quotes_only_what_is_picked_and_lists_it(window, qtbot):
    checkin, trigger = _the_week(window)
    page = weekly(window)
    page.new_button.click()
    moment = now()
    picker = WeekPicker(page.week(moment - timedelta(days=7), moment))
    qtbot.addWidget(picker)
    rows = [picker.list.item(n) for n in range(picker.list.count())]
    assert len(rows) == 2 and "long ago" not in " ".join(r.text() for r in rows)
    assert "you walked with me; quiet mornings" in rows[1].text()  # what it would bring
    assert all(r.checkState() == Qt.CheckState.Unchecked for r in rows)  # none picked for you
    assert picker.picked() == []
    assert "Nothing else is brought in" in picker.findChildren(type(page.state))[0].text()
    next(r for r in rows if r.data(Qt.ItemDataRole.UserRole)[1] == "checkin").setCheckState(
        Qt.CheckState.Checked
    )
    assert picker.picked() == [(checkin.id, "checkin")]
    page.bring_in(picker.picked(), moment - timedelta(days=7))
    appreciations = page.fields["appreciations"].toPlainText()
    assert appreciations.startswith("> Check-in, ") and "“you walked with me”" in appreciations
    assert "quiet mornings" in page.fields["need"].toPlainText()
    assert "a message late at night" not in page.fields["my_view"].toPlainText()  # not picked
    assert page.brought.isVisible() and page.brought.count() == 1
    assert "1 item of the week you picked" in page.brought_note.text()
    saved(page, qtbot)
    (talk_id,) = page.repo().all_ids()
    talk = page.repo().get(talk_id)
    assert [(b.uid, b.kind) for b in talk.brought] == [(checkin.uid, "checkin")]
    assert "only mine" not in repr(talk)
    page.bring_in([(checkin.id, "checkin")], moment - timedelta(days=7))  # not twice
    assert page.brought.count() == 1


def test_a_shared_conversation_is_previewed_exactly_as_it_leaves(window, qtbot):
    checkin, _ = _the_week(window)
    page = weekly(window)
    page.new_button.click()
    page.bring_in([(checkin.id, "checkin")], now() - timedelta(days=7))
    page.fields["issue"].setText("Evenings apart")
    page.fields["partner_part"].setPlainText("Call when plans change")
    assert page.flush() and page.share_now.isEnabled()  # kept: one step to share it
    page.share_now.click()  # marked, saved, and Share comes on screen
    assert page.share.isChecked()
    assert window.sections.current() is window.share
    pane = settled(window.share, qtbot)
    assert [r.KIND for r in pane.records] == ["weekly_talk"]
    preview = pane.preview.toPlainText()
    for words in (
        "Weekly conversation — Evenings apart",
        "Started from items of this week:",
        "you walked with me",
        "What my partner said they will do",
        "Call when plans change",
    ):
        assert words in preview, words
    assert "only mine" not in preview


def test_the_weekly_reminder_is_off_until_set_then_calm_and_snoozable(window, qtbot):
    page = weekly(window)
    assert page.remind.cadence.currentData() == "off" and page.remind.weekday.isHidden()
    assert page.remind.cadence.findData("daily") == -1  # a weekly conversation, not a daily one
    page.remind.cadence.setCurrentIndex(page.remind.cadence.findData("weekly"))
    moment = now()
    page.remind.weekday.setCurrentIndex(page.remind.weekday.findData(moment.isoweekday()))
    before = (moment - timedelta(minutes=5)).time()
    page.remind.at.setTime(page.remind.at.time().fromString(before.strftime("%H:%M"), "HH:mm"))
    assert page.flush()
    stored = ScheduleStore.weekly_talk(window.session.database()).get()
    assert stored == CheckInSchedule("weekly", moment.isoweekday(), before.strftime("%H:%M"))
    assert window.session.schedule().get().cadence == "off"  # the check-in's is its own
    reminder = WeeklyTalkReminder(window.session, now=lambda: moment)
    reminder.due.connect(page.on_due)
    assert reminder.check() is True and page.reminder_bar.isVisible()
    assert "weekly conversation" in " ".join(
        w.text() for w in page.reminder_bar.findChildren(type(page.state))
    )
    assert reminder.check() is False  # said once per due moment, never again
    page.on_later()
    assert not page.reminder_bar.isVisible()
    later = WeeklyTalkReminder(window.session, now=lambda: moment + timedelta(minutes=30))
    assert later.check() is False  # snoozed
    window.session.repository("weekly_talk").add(WeeklyTalk(appreciations="done this week"))
    after = WeeklyTalkReminder(window.session, now=lambda: moment + timedelta(hours=3))
    assert after.check() is False  # written: nothing is due
    page.reminder_bar.show()
    page.on_open_from_reminder()  # its button: the page, a new conversation
    assert window.panes.currentWidget() is window.together
    assert window.together.tabs.currentWidget() is page
    assert page.form.isEnabled() and page.fields["appreciations"].toPlainText() == ""


def test_the_reminder_line_lives_in_the_status_bar_and_goes_with_the_lock(window):
    page = weekly(window)
    assert page.reminder_bar in window.together.status_widgets()
    assert page.reminder_bar.parentWidget() is not None
    assert window.statusBar().isAncestorOf(page.reminder_bar)
    page.reminder_bar.show()
    window.session.lock()
    assert not page.reminder_bar.isVisible()


def test_search_hits_open_on_their_together_page(window, qtbot):
    s = window.session
    talk = s.repository("weekly_talk").add(WeeklyTalk(issue="Money worries"))
    ritual = s.repository("ritual").add(Ritual(ritual="meal", felt="warm"))
    window.together.on_unlocked()
    window.show_pane(window.journal)
    window.search.open_requested.emit(talk.id, "weekly_talk")
    pane = window.together
    assert window.panes.currentWidget() is pane
    page = pane.tabs.currentWidget()
    assert page.title == "Weekly conversation"
    assert page.list.currentItem().data(Qt.ItemDataRole.UserRole) == talk.id
    assert page.fields["issue"].text() == "Money worries"
    window.search.open_requested.emit(ritual.id, "ritual")
    page = pane.tabs.currentWidget()
    assert page.title == "Rituals" and page.felt.toPlainText() == "warm"


def test_a_ritual_is_logged_lightly_with_when_and_how_it_felt(window, qtbot):
    from kintsugi.ui.together.rituals import RitualsPage

    page = next(p for p in window.together.pages if isinstance(p, RitualsPage))
    window.show_pane(window.together)
    window.together.show_page(page)
    assert page.empty.isVisible() and "Press New ritual" in page.empty.text()
    page.new_button.click()
    assert page.flush() and page.repo().all_ids() == []  # a new form alone keeps nothing
    page.ritual.setCurrentIndex(page.ritual.findData("walk"))  # choosing is enough
    saved(page, qtbot)
    qtbot.keyClicks(page.felt, "Slow and easy, by the river")
    page.name.setText("River walk")
    saved(page, qtbot)
    (ritual_id,) = page.repo().all_ids()
    ritual = page.repo().get(ritual_id)
    assert (ritual.ritual, ritual.name, ritual.felt) == (
        "walk",
        "River walk",
        "Slow and easy, by the river",
    )
    assert page.list.count() == 1 and "River walk" in page.list.item(0).text()
    when = datetime(2026, 11, 20, 19, 30).astimezone()
    page.when.setDateTime(page.when.dateTime().fromSecsSinceEpoch(int(when.timestamp())))
    saved(page, qtbot)
    assert page.repo().get(ritual_id).occurred_at == when
    row = window.session.items().summary(ritual_id)
    assert row.kind == "ritual" and row.title == "River walk"
    assert_accessible(page)


def test_a_goal_kept_together_has_steps_and_each_reached_one_is_noticed_once(window, qtbot):
    tab = window.checkins.goals
    window.show_pane(window.checkins)
    tab.new_record()
    tab.text.setText("Finish the couples workbook together")
    tab.together.setChecked(True)
    for words in ("Read the first chapter", "Try the listening exercise"):
        tab.add_step()
        tab.steps.item(tab.steps.rowCount() - 1, 0).setText(words)
    tab.add_step()  # a step not worded yet is not kept
    noticed = []
    tab.celebrated.connect(noticed.append)
    assert tab.flush() and noticed == []
    goal = window.session.goals().get(tab._record.id)
    assert goal.together and [m.text for m in goal.milestones] == [
        "Read the first chapter",
        "Try the listening exercise",
    ]
    assert not any(m.reached_on for m in goal.milestones)
    tab.steps.item(0, 0).setCheckState(Qt.CheckState.Checked)  # reached today
    assert tab.steps.item(0, 1).text()  # the day it was reached
    assert tab.flush()
    assert len(noticed) == 1 and "Read the first chapter" in noticed[0]
    assert "however small" in noticed[0] and not tab.message.isHidden()
    goal = window.session.goals().get(tab._record.id)
    assert goal.milestones[0].reached_on and goal.milestones[0].celebrated
    # untick and tick again, or edit something else: never noticed twice
    tab.steps.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert tab.flush()
    tab.steps.item(0, 0).setCheckState(Qt.CheckState.Checked)
    tab.unit.setText("chapters")
    assert tab.flush() and len(noticed) == 1
    card = tab.list.itemWidget(tab.list.currentItem())
    assert "together" in card.findChildren(type(card.title))[-1].text()
    # reopened from the list, the steps are as they were
    tab.reload(select=goal.id)
    assert tab.together.isChecked() and tab.steps.rowCount() == 2
    assert tab.steps.item(0, 0).checkState() == Qt.CheckState.Checked
    assert tab.steps.item(1, 0).checkState() == Qt.CheckState.Unchecked
    tab.steps.setCurrentCell(1, 0)
    tab.remove_step_button.click()
    assert tab.flush()
    assert [m.text for m in window.session.goals().get(goal.id).milestones] == [
        "Read the first chapter"
    ]
    # the goal itself reached: said once, as something done together
    tab.done.setChecked(True)
    assert tab.flush() and len(noticed) == 2
    assert noticed[-1].startswith("You reached it together: “Finish the couples workbook")
    tab.unit.setText("chapters, all of them")
    assert tab.flush() and len(noticed) == 2
    assert_accessible(tab)

"""Issue 14 — calm in the moment: help before the passphrase, and no exercise ever lost.

Everything through the real window over a real vault; time from fake clocks."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kintsugi.core.exercises import CustomTechnique, TimedStep
from kintsugi.core.records import Boundary, CheckIn, Entry, Goal, GroundingSession, Trigger
from kintsugi.core.repo.support import SupportContact
from kintsugi.core.support_card import CrisisLine, card_path, read_card
from kintsugi.ui.dialogs.support import SupportDialog
from kintsugi.ui.grounding.session_view import GroundingSessionDialog
from kintsugi.ui.grounding.view import ChoiceButton
from kintsugi.ui.widgets.support_list import SupportCardDialog
from tests.helpers import PASSPHRASE, assert_accessible, unlock
from tests.ui.test_triggers_grounding import FakeClock, run


def fake_clocks(window) -> FakeClock:
    clock = FakeClock()
    window.exercise.clock = clock
    window.idle.clock = clock
    return clock


def files_containing(root, needle: bytes) -> list[str]:
    found = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            try:
                with open(path, "rb") as f:
                    if needle in f.read():
                        found.append(path)
            except OSError:
                pass
    return found


# --- 1. never lock mid-exercise ------------------------------------------------------------
def test_idle_never_locks_mid_exercise_and_starts_again_after(window, qtbot):
    clock = fake_clocks(window)
    window.idle.set_interval_ms(5 * 60_000)  # the default five minutes
    ex = window.grounding_flow.start_exercise("box_breathing")
    ex.length.setCurrentIndex(ex.length.findData(10))
    window.exercise.begin(rated=True)
    assert window.idle.held
    for _ in range(21):  # ten minutes (38 breaths) of following the pacer: no key, no mouse
        run(ex, clock, 30)
        window.idle.check()
    assert window.session.is_open and ex.completed
    assert window.exercise.pages.currentWidget() is window.exercise.after_page
    clock.advance(6 * 60)  # the rating page may stay as long as it needs
    window.idle.check()
    assert window.session.is_open
    window.exercise.save()
    assert not window.idle.held  # back in the journal: the idle clock runs again, from zero
    clock.advance(4 * 60)
    window.idle.check()
    assert window.session.is_open
    with qtbot.waitSignal(window.session.locked, timeout=2_000):
        clock.advance(61)
        window.idle.check()


def test_a_lock_under_a_running_exercise_keeps_it_in_memory_and_offers_it(
    window, qtbot, tmp_path, private_home
):
    clock = fake_clocks(window)
    ex = window.grounding_flow.start_exercise("thought_record")
    window.exercise.begin(rated=True)
    ex.situation.setPlainText("kestrel-marmalade: a message on his phone")
    clock.advance(240)
    window.system_lock.on_active_changed(True)  # the screen locks (or Ctrl+L, or sleep)
    assert not window.session.is_open and window.screens.currentWidget() is window.unlock
    assert window.exercise.exercise is None and not window.keep_offer.isVisible()
    for root in (tmp_path, private_home):  # kept in memory only, never written in clear
        assert files_containing(root, b"kestrel-marmalade") == []
    unlock(qtbot, window)
    offer = window.keep_offer
    when = f"{offer.drafts[0].occurred_at:%H:%M}"
    assert offer.isVisible() and offer.label.text() == f"Keep the thought record you did at {when}?"
    offer.keep_button.click()
    items = window.session.items().timeline(kind="grounding")
    saved = window.session.grounding().get(items[0].id)
    assert saved.steps[0]["situation"].startswith("kestrel-marmalade")
    assert saved.duration_s == 240 and not saved.completed


# --- 2. breathe now, before unlocking -----------------------------------------------------
def test_breathe_now_on_the_lock_screen_runs_without_the_vault(window, qtbot):
    window.session.custom_techniques().save_all(
        [CustomTechnique("Cold water", [TimedStep("x", 5)])]
    )
    window.lock()
    assert window.unlock.breathe_button.isVisible()
    assert not window.unlock.people_button.isVisible()  # off by default
    clock = fake_clocks(window)
    window.unlock.breathe_button.click()
    view = window.exercise
    assert window.screens.currentWidget() is view and view.pages.currentWidget() is view.choose_page
    assert [b.accessibleName() for b in view.choices.values()] == [
        "Box breathing",
        "Paced breathing",
        "5-4-3-2-1 senses",
        "Muscle relaxation",
        "Thought record",
    ]  # the built-in ones: your own live in the vault
    assert not view.support_button.isVisible()  # no support card was chosen
    view.choices[("paced_breathing", "")].click()
    qtbot.keyClick(view.suds_now.slider, Qt.Key_Return)  # Enter begins
    ex = view.exercise
    assert ex.running
    run(ex, clock, 121)
    assert ex.completed and view.locked_note.isVisible() and view.save_button.text() == "Keep it"
    view.suds_after.set_value(2)
    view.save_button.click()
    assert window.screens.currentWidget() is window.unlock  # back to the passphrase, nothing else
    assert not window.session.is_open
    unlock(qtbot, window)
    assert window.keep_offer.isVisible() and "breathing" in window.keep_offer.label.text()
    window.keep_offer.keep_button.click()
    items = window.session.items().timeline(kind="grounding")
    saved = window.session.grounding().get(items[0].id)
    assert (saved.technique, saved.suds_before, saved.suds_after) == ("paced_breathing", 5, 2)


def test_ctrl_g_on_the_welcome_screen_too(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "new.kintsugi")
    assert window.screens.currentWidget() is window.welcome
    assert window.welcome.breathe_button.isVisible()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    qtbot.keyClick(window.welcome.passphrase, Qt.Key_G, Qt.ControlModifier)
    assert window.screens.currentWidget() is window.exercise
    qtbot.keyClick(window.exercise, Qt.Key_Escape)
    assert window.screens.currentWidget() is window.welcome


def test_support_on_the_lock_screen_only_when_chosen(window, qtbot):
    contacts = window.session.support_contacts()
    contacts.save_all([SupportContact("Sam", "+44 20 7946 0000", "my sister")])
    contacts.set_crisis_line(CrisisLine("Samaritans", "116 123", "GB"))
    assert not card_path().exists()  # off by default: nothing outside the vault
    window.on_settings()
    settings = window.dialog
    assert "not encrypted" in settings.before_unlock_note.text()
    assert str(card_path()) in settings.before_unlock_note.text()
    settings.before_unlock.setChecked(True)
    settings.on_accepted()
    data = json.loads(card_path().read_text())
    assert [c["name"] for c in data["contacts"]] == ["Sam"]
    assert data["crisis_line"]["number"] == "116 123"
    assert oct(card_path().stat().st_mode & 0o777) == "0o600"
    window.lock()
    assert window.unlock.people_button.isVisible()
    window.unlock.people_button.click()
    card = window.grounding_flow.support_dialog
    assert isinstance(card, SupportCardDialog)
    assert card.people.rows == [("Sam", "+44 20 7946 0000"), ("Samaritans", "116 123")]
    card.close()
    unlock(qtbot, window)
    window.on_settings()
    window.dialog.before_unlock.setChecked(False)
    window.dialog.on_accepted()
    assert not card_path().exists() and read_card() is None
    window.lock()
    assert not window.unlock.people_button.isVisible()


# --- 3. one step to grounding ---------------------------------------------------------------
def test_ground_now_from_toolbar_menu_and_ctrl_g_shows_what_helped(window, qtbot):
    g = window.session.grounding()
    for before, after in ((8, 4), (7, 4)):
        g.add(GroundingSession(technique="senses_54321", suds_before=before, suds_after=after))
    window.session.custom_techniques().save_all(
        [CustomTechnique("Cold water", [TimedStep("x", 90)])]
    )
    g.add(
        GroundingSession(
            technique="custom", suds_before=6, suds_after=5, steps=[{"name": "Cold water"}]
        )
    )
    assert window.ground_action in window.toolbar.actions()
    assert window.ground_action in window.menuBar().actions()[0].menu().actions()
    window.activateWindow()
    qtbot.keyClick(window.journal, Qt.Key_G, Qt.ControlModifier)
    view = window.exercise
    assert window.screens.currentWidget() is view and view.pages.currentWidget() is view.choose_page
    senses = view.choices[("senses_54321", "")]
    assert isinstance(senses, ChoiceButton)
    assert senses.about.text() == "about 3 minutes · Come back to the room, one sense at a time."
    qtbot.waitUntil(lambda: senses.helped.text() != "", timeout=5_000)
    assert senses.helped.text() == "Before, it eased your distress by 3.5 on average (2 times)."
    own = view.choices[("custom", "Cold water")]
    assert own.about.text().startswith("about 2 minutes")
    assert own.helped.text() == "Last time, it eased your distress by 1.0."
    assert view.choices[("box_breathing", "")].helped.isHidden()  # never tried: nothing said
    assert_accessible(view)
    qtbot.keyClick(view, Qt.Key_Escape)
    window.ground_action.trigger()
    assert window.screens.currentWidget() is view


# --- 4. when distress stays high or rises ---------------------------------------------------
def test_rising_distress_gets_a_gentle_next_step(window, qtbot):
    window.session.support_contacts().save_all([SupportContact("Sam", "+44 20 7946 0000")])
    window.session.support_contacts().set_crisis_line(CrisisLine("Samaritans", "116 123", "GB"))
    clock = fake_clocks(window)
    ex = window.grounding_flow.start_exercise("box_breathing")
    window.exercise.suds_now.set_value(6)
    window.exercise.begin(rated=True)
    run(ex, clock, 128)
    view = window.exercise
    view.suds_after.set_value(8)
    view.save()
    assert len(window.session.items().timeline(kind="grounding")) == 1  # saved all the same
    assert view.pages.currentWidget() is view.next_page
    assert view.heading.text() == "Still hard right now"
    page_text = " ".join(w.text() for w in view.next_page.findChildren(QLabel))
    for word in ("emergency", "alone", "okay"):
        assert word in page_text or word == "alone"
    for w in view.next_page.findChildren(QWidget):  # calm, never red, never alarm
        assert w.property("role") != "error"
    assert view.people.rows == [("Sam", "+44 20 7946 0000"), ("Samaritans", "116 123")]
    dialled = []
    view.people.open_url = dialled.append
    calls = [b for b in view.people.findChildren(type(view.done_button)) if b.text() == "Call"]
    calls[1].click()
    assert dialled[0].toString() == "tel:116123"
    copies = [b for b in view.people.findChildren(type(view.done_button)) if b.text() == "Copy"]
    copies[0].click()
    assert QApplication.clipboard().text() == "+44 20 7946 0000"
    tries = [b.text() for b in view.next_page.findChildren(type(view.done_button))]
    assert "Paced breathing" in tries and "Box breathing" not in tries
    next(
        b
        for b in view.next_page.findChildren(type(view.done_button))
        if b.text() == "Paced breathing"
    ).click()
    assert view.pages.currentWidget() is view.before_page and view.suds_now.value() == 8
    assert_accessible(view)


def test_distress_that_eases_just_saves(window):
    clock = fake_clocks(window)
    ex = window.grounding_flow.start_exercise("box_breathing")
    window.exercise.suds_now.set_value(8)
    window.exercise.begin(rated=True)
    run(ex, clock, 128)
    window.exercise.suds_after.set_value(4)
    window.exercise.save()
    assert window.screens.currentWidget() is window.workspace


# --- 5. support that is always there ------------------------------------------------------
def test_support_contacts_save_themselves_and_show_on_the_home_screen(window, qtbot, make_window):
    window.grounding_flow.on_support()
    dialog = window.grounding_flow.support_dialog
    assert isinstance(dialog, SupportDialog)
    dialog.on_add_clicked()
    dialog.table.item(0, 0).setText("Dr Reyes")
    dialog.table.setItem(0, 1, type(dialog.table.item(0, 0))("+1 555 0100"))
    gb = dialog.country.findData("GB")
    dialog.country.setCurrentIndex(gb)
    assert (dialog.line_name.text(), dialog.line_number.text()) == ("Samaritans", "116 123")
    qtbot.waitUntil(lambda: dialog.state.text() == "Saved", timeout=5_000)  # nothing pressed
    assert [c.name for c in window.session.support_contacts().all()] == ["Dr Reyes"]
    qtbot.keyClicks(dialog.line_number, " 4")  # the person's own number now
    assert dialog.country.currentData() == ""
    dialog.close()
    assert window.session.support_contacts().crisis_line() == CrisisLine(
        "Samaritans", "116 123 4", ""
    )
    strip = window.support_strip
    assert [b.text() for b in strip.buttons] == ["Dr Reyes", "Samaritans"]
    assert strip.isVisible()
    path = window.session.path
    window.close()
    again = make_window(path)
    unlock(qtbot, again)
    assert [b.text() for b in again.support_strip.buttons] == ["Dr Reyes", "Samaritans"]
    again.lock()
    assert again.support_strip.buttons == []  # nothing of them left on screen when locked


# --- 6. every exercise fits -----------------------------------------------------------------
def visible_in(window, widget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return widget.isVisible() and window.rect().contains(QRect(top_left, widget.size()))


def test_the_thought_record_goes_step_by_step_and_fits_960_by_540(window, qtbot):
    window.resize(960, 540)
    qtbot.waitUntil(lambda: window.height() <= 540 and window.width() <= 960, timeout=2_000)
    ex = window.grounding_flow.start_exercise("thought_record")
    view = window.exercise
    assert visible_in(window, view.begin_button)
    view.begin(rated=True)
    seen = []
    while not ex.completed:
        QApplication.processEvents()
        assert window.width() <= 960 and window.height() <= 540  # it never grows the window
        assert visible_in(window, ex.next_button)
        seen.append(ex.step_label.text())
        if ex.pages.currentIndex() == 1:
            ex.emotions[0][0].setText("fear")
        ex.next_button.click()
    assert seen[0] == "Question 1 of 7" and seen[-1] == "Question 7 of 7" and len(seen) == 7
    assert view.pages.currentWidget() is view.after_page
    QApplication.processEvents()
    assert visible_in(window, view.save_button)
    for technique in ("box_breathing", "paced_breathing", "senses_54321", "muscle_relaxation"):
        view.leave()
        window.grounding_flow.start_exercise(technique)
        QApplication.processEvents()
        assert visible_in(window, view.begin_button), technique
        view.begin(rated=True)
        QApplication.processEvents()
        assert visible_in(window, view.stop_button), technique
    view.leave()
    QApplication.processEvents()
    assert window.height() <= 540  # the pacer left with the exercise: the window kept its size
    assert window.minimumSizeHint().width() <= 960 and window.minimumSizeHint().height() <= 540


def test_a_saved_geometry_larger_than_the_screen_is_never_restored(make_window, existing_vault):
    first = make_window(existing_vault)
    first.resize(5000, 3000)
    QSettings().setValue("window/geometry", first.saveGeometry())
    first.close()
    again = make_window(existing_vault)
    area = again.screen().availableGeometry()
    smallest = again.minimumSizeHint()  # the offscreen screen may be smaller than that
    assert again.width() <= max(area.width(), smallest.width())
    assert again.height() <= max(area.height(), smallest.height())


# --- 7. what was written can be read again ------------------------------------------------
def thought_record_session(window) -> GroundingSession:
    trigger = window.session.triggers().add(Trigger(cue="partner_behaviour", suds_peak=8))
    return window.session.grounding().add(
        GroundingSession(
            technique="thought_record",
            suds_before=8,
            suds_after=5,
            duration_s=600,
            completed=True,
            trigger_id=trigger.id,
            steps=[
                {
                    "situation": "A message notification on his phone",
                    "emotions": [{"name": "fear", "intensity": 80}],
                    "thoughts": ["It's happening again"],
                    "hot_thought": "It's happening again",
                    "evidence_for": "It happened before",
                    "evidence_against": "He showed me: it was his brother",
                    "balanced_thought": "My fear makes sense; the facts say otherwise",
                    "belief": 60,
                    "emotions_after": [{"name": "fear", "intensity": 35}],
                }
            ],
        )
    )


def answers_of(dialog) -> str:
    assert isinstance(dialog, GroundingSessionDialog)
    return "\n".join(a.text() for a in dialog.answer_labels)


def test_a_thought_record_opens_again_from_history_search_and_its_trigger(window, qtbot):
    saved = thought_record_session(window)
    window.grounding.refresh()
    window.show_pane(window.grounding)
    view = window.grounding.view
    view.activated.emit(window.grounding.model.index(0))
    text = answers_of(window.dialog)
    assert "He showed me: it was his brother" in text and "fear · 35 %" in text
    assert window.dialog.facts.text().endswith("distress 8 → 5 (0 = calm, 10 = the worst)")
    window.dialog.close()

    window.on_find()
    qtbot.keyClicks(window.search.query, "brother")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5_000)
    window.search.results.activated.emit(window.search.model.index(0))
    assert "My fear makes sense" in answers_of(window.dialog)
    window.dialog.close()

    window.show_pane(window.triggers)
    window.triggers.reload()
    window.triggers.open_trigger(saved.trigger_id)
    row = window.triggers.sessions.item(0)
    assert "Thought record" in row.text()
    window.triggers.sessions.itemActivated.emit(row)
    assert "A message notification on his phone" in answers_of(window.dialog)


def test_every_kind_of_search_hit_opens_its_editor(window, qtbot):
    s = window.session
    s.entries().add(Entry(title="lighthouse entry", body="lighthouse"))
    s.checkins().save(CheckIn(safety=4, gratitude="lighthouse walk"))
    b = s.boundaries().add(Boundary(text="lighthouse rule: phones on the table"))
    s.boundaries().add(Boundary(text="another agreement"))
    goal = s.goals().add(Goal(text="lighthouse visit", target_amount=1))
    s.goals().add(Goal(text="another goal", target_amount=1))
    s.triggers().add(Trigger(cue="place", suds_peak=5, situation="the lighthouse"))
    window.checkins.on_unlocked()
    window.on_find()
    qtbot.keyClicks(window.search.query, "lighthouse")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 5, timeout=5_000)
    opened = {}
    for row in range(5):
        window.on_find()
        hit = window.search.model.index(row).data(window.search.model.HitRole)
        window.search.results.activated.emit(window.search.model.index(row))
        opened[hit.kind] = window.panes.currentWidget()
        if hit.kind == "checkin":
            assert window.checkins.tabs.currentWidget() is window.checkins.checkin
            assert window.checkins.checkin.gratitude.text() == "lighthouse walk"
        elif hit.kind == "boundary":
            assert window.checkins.boundaries.list.currentItem().data(Qt.UserRole) == b.id
            assert window.checkins.boundaries.text.toPlainText().startswith("lighthouse rule")
        elif hit.kind == "goal":
            assert window.checkins.goals.list.currentItem().data(Qt.UserRole) == goal.id
    assert opened == {
        "entry": window.journal,
        "checkin": window.checkins,
        "boundary": window.checkins,
        "goal": window.checkins,
        "trigger": window.triggers,
    }


def test_stop_can_be_resumed_where_it_was(window):
    clock = fake_clocks(window)
    ex = window.grounding_flow.start_exercise("muscle_relaxation")
    view = window.exercise
    view.begin(rated=True)
    run(ex, clock, 20)
    view.stop_button.click()
    assert view.pages.currentWidget() is view.after_page and view.carry_on_button.isVisible()
    clock.advance(300)  # a long pause on the rating page is not exercise time
    view.carry_on_button.click()
    assert view.pages.currentWidget() is view.run_page and not ex.paused
    assert ex.elapsed() == 20 and ex.index == 3  # tense 5 s, release 10 s, tense…
    run(ex, clock, 12 * 15 - 20)
    assert ex.completed and not view.carry_on_button.isVisible()
    view.save()
    saved = window.session.grounding().get(window.session.items().timeline(kind="grounding")[0].id)
    assert saved.duration_s == 180 and saved.completed


# --- 8. insights that help --------------------------------------------------------------------
def test_insights_keep_custom_techniques_apart_show_the_by_cue_table_and_mood(window, qtbot):
    s = window.session
    trigger = s.triggers().add(Trigger(cue="place", suds_peak=8))
    for name, before, after in (("Cold water", 8, 3), ("Hold a stone", 7, 6)):
        s.grounding().add(
            GroundingSession(
                technique="custom",
                suds_before=before,
                suds_after=after,
                steps=[{"name": name, "steps_done": 1, "of": 1}],
                trigger_id=trigger.id,
            )
        )
    today = datetime.now().astimezone()
    for days, mood in ((0, 2), (0, 1), (1, None), (14, -2), (14, 0)):
        s.entries().add(Entry(body="x", mood=mood, occurred_at=today - timedelta(days=days)))
    pane = window.insights
    window.show_pane(pane)
    pane.refresh()
    qtbot.waitUntil(lambda: pane.result is not None and pane.result.entry_days == 3, timeout=5_000)
    works = next(c.spec for c in pane.charts if c.spec.title.startswith("What works"))
    assert works.labels == ["Cold water", "Hold a stone"] and works.series[
        "Mean drop in distress"
    ] == [
        5.0,
        1.0,
    ]
    table = [
        [pane.by_cue.item(r, c).text() for c in range(4)] for r in range(pane.by_cue.rowCount())
    ]
    assert table == [
        ["A place", "Cold water", "1", "5.0 points (of 10)"],
        ["A place", "Hold a stone", "1", "1.0 points (of 10)"],
    ]
    assert pane.by_cue.isVisible() and not pane.by_cue_empty.isVisible()
    mood = next(c.spec for c in pane.charts if c.spec.title.startswith("Mood, week by week"))
    assert not mood.empty and mood.y_min == -3
    assert [m for m in mood.series["Mean mood"] if m is not None][-2:] == [-1.0, 1.5]
    assert not next(c for c in pane.charts if c.spec is mood).grab().isNull()
    text = pane.summary.text()
    assert "You wrote on 3 days" in text and "2 days in a row now" in text
    for unkind in ("streak", "missed", "broke", "0 days"):
        assert unkind not in text.lower()


def test_the_summary_never_counts_what_was_missed(window):
    from kintsugi.core.insights import Insights, Range
    from kintsugi.ui.insights.pane import summary_text

    r = Range.last_days(28, date(2026, 12, 1))
    assert summary_text(Insights(r, entry_days=3, current_streak=0, longest_streak=2)) == (
        "You wrote on 3 days · at most 2 days in a row."
    )
    assert summary_text(Insights(r, trigger_count=1)) == "1 hard moment logged."


def test_passphrase_typed_stays_private_while_breathing(window, qtbot):
    window.lock()
    window.unlock.passphrase.setText(PASSPHRASE[:5])
    window.unlock.breathe_button.click()
    qtbot.keyClick(window.exercise, Qt.Key_Escape)
    assert window.unlock.passphrase.text() == ""  # nothing half-typed left behind

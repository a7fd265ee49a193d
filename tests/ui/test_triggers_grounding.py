from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kintsugi.core.exercises import CustomTechnique, TimedStep
from kintsugi.core.records import Emotion, Trigger
from kintsugi.core.repo.support import SupportContact
from kintsugi.ui.dialogs.support import SupportDialog
from kintsugi.ui.grounding.exercises import BreathingExercise, TimedStepsExercise
from kintsugi.ui.triggers.quick_log import QuickLogDialog
from tests.helpers import assert_accessible


class FakeClock:
    def __init__(self):
        self.t = 1000.0

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def run(exercise, clock, seconds, step=0.5):
    """Let ``seconds`` pass on the fake clock, ticking like the Qt timer would."""
    for _ in range(int(seconds / step)):
        clock.advance(step)
        exercise.tick()


def only_session(window):
    items = window.session.items().timeline(kind="grounding")
    assert len(items) == 1
    return window.session.grounding().get(items[0].id)


def test_quick_log_by_keyboard_alone(window, qtbot):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key_T, Qt.ControlModifier | Qt.ShiftModifier)
    dialog = window.dialog
    assert isinstance(dialog, QuickLogDialog) and dialog.isVisible()
    assert_accessible(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.cue, timeout=2_000)
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus, Qt.Key_Down)  # "Something my partner did"
    qtbot.keyClick(focus, Qt.Key_Tab)
    slider = QApplication.focusWidget()
    assert slider is dialog.suds.slider
    for _ in range(3):
        qtbot.keyClick(slider, Qt.Key_Right)  # 5 → 8
    qtbot.keyClick(slider, Qt.Key_Tab)
    assert QApplication.focusWidget() is dialog.what
    qtbot.keyClicks(dialog.what, "He was late and didn't call")
    qtbot.keyClick(dialog.what, Qt.Key_Return)
    trigger = window.session.triggers().get(dialog.trigger_id)
    assert (trigger.cue, trigger.suds_peak, trigger.situation) == (
        "partner_behaviour",
        8,
        "He was late and didn't call",
    )
    assert dialog.pages.currentIndex() == 1
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ground_button, timeout=2_000)
    qtbot.keyClick(dialog.ground_button, Qt.Key_Return)  # "Ground now" has the focus
    assert window.screens.currentWidget() is window.exercise
    assert window.exercise.trigger_id == trigger.id


def test_ground_now_from_a_trigger_saves_a_linked_session(window, qtbot):
    trigger = window.session.triggers().add(Trigger(cue="place", suds_peak=8))
    window.triggers.reload()
    clock = FakeClock()
    window.exercise.clock = clock
    window.triggers.ground_button.click()
    view = window.exercise
    assert view.pages.currentWidget() is view.choose_page
    view.prepare("box_breathing", trigger.id, suds=8)
    assert view.suds_now.value() == 8
    assert_accessible(view)
    view.begin(rated=True)
    ex = view.exercise
    assert isinstance(ex, BreathingExercise)
    run(ex, clock, 2.5)
    assert ex.pacer.phase_text() == "Breathe in… 2"
    run(ex, clock, 128)
    assert ex.completed and view.pages.currentWidget() is view.after_page
    view.suds_after.set_value(3)
    view.notes.setPlainText("slower now")
    view.save()
    assert window.screens.currentWidget() is window.workspace
    saved = only_session(window)
    assert (saved.technique, saved.completed, saved.suds_before, saved.suds_after) == (
        "box_breathing",
        True,
        8,
        3,
    )
    assert saved.duration_s == 128 and saved.trigger_id == trigger.id
    assert saved.steps == [{"pattern": "4-4-4-4", "length_min": 2, "cycles": 8}]
    assert "Box breathing" in window.triggers.sessions.item(0).text()


def test_paced_breathing_with_my_own_pattern_ends_softly(window):
    clock = FakeClock()
    window.exercise.clock = clock
    ex = window.grounding_flow.start_exercise("paced_breathing")
    ex.preset.setCurrentIndex(ex.preset.count() - 1)  # "My own"
    for spin, value in zip(ex.custom, (5, 0, 7, 0), strict=True):
        spin.setValue(value)
    ex.length.setCurrentIndex(ex.length.findData(5))
    window.exercise.begin(rated=False)
    run(ex, clock, 299.5)
    assert not ex.completed  # 25 breaths of 12 s = 300 s: the last breath is finished
    run(ex, clock, 1.0)
    assert ex.completed
    window.exercise.save()
    saved = only_session(window)
    assert saved.technique == "paced_breathing" and saved.suds_before is None
    assert saved.steps[0]["pattern"] == "5-0-7-0" and saved.steps[0]["cycles"] == 25


def test_senses_54321_saves_every_answer(window, qtbot):
    clock = FakeClock()
    window.exercise.clock = clock
    ex = window.grounding_flow.start_exercise("senses_54321")
    window.exercise.begin(rated=True)
    answers = [
        ["lamp", "window", "my hands", "a cup", "the door"],
        ["sleeve", "chair", "desk", "floor"],
        ["traffic", "fridge", "breath"],
        ["coffee", "soap"],
        ["mint"],
    ]
    for page, items in enumerate(answers):
        for field, text in zip(ex.fields[page], items, strict=True):
            qtbot.keyClicks(field, text)
        clock.advance(20)
        qtbot.keyClick(ex.fields[page][-1], Qt.Key_Return)
    assert ex.completed
    window.exercise.save()
    saved = only_session(window)
    assert saved.technique == "senses_54321" and saved.duration_s == 100
    assert [s["items"] for s in saved.steps] == answers
    assert [s["sense"] for s in saved.steps] == ["see", "touch", "hear", "smell", "taste"]


def test_muscle_relaxation_runs_on_the_clock_and_pauses(window):
    clock = FakeClock()
    window.exercise.clock = clock
    ex = window.grounding_flow.start_exercise("muscle_relaxation")
    window.exercise.begin(rated=True)
    run(ex, clock, 6)
    assert ex.index == 1 and "Release" in ex.text.text()
    ex.pause_button.click()
    clock.advance(500)  # a long pause changes nothing
    ex.tick()
    assert ex.index == 1 and ex.pause_button.text() == "Resume"
    ex.pause_button.click()
    run(ex, clock, 12 * 15)
    assert ex.completed
    window.exercise.save()
    saved = only_session(window)
    assert saved.technique == "muscle_relaxation" and saved.duration_s == 180  # 12 × 15 s
    assert saved.steps == [{"steps_done": 24, "of": 24}]


def test_thought_record_keeps_every_column(window, qtbot):
    ex = window.grounding_flow.start_exercise("thought_record")
    window.exercise.begin(rated=True)
    ex.situation.setPlainText("Saw a message notification on his phone")
    ex.emotions[0][0].setText("fear")
    ex.emotions[0][1].setValue(80)
    ex.thoughts[0].setText("It's happening again")
    ex.thoughts[1].setText("I can't trust anything")
    ex.hot[0].setChecked(True)
    ex.evidence_for.setPlainText("It happened before")
    ex.evidence_against.setPlainText("He showed me the message: it was his brother")
    ex.balanced.setPlainText("My fear is understandable; this time the facts say otherwise")
    ex.belief.setValue(60)
    ex.rerated[0].setValue(35)
    ex.finish()
    window.exercise.save()
    step = only_session(window).steps[0]
    assert step["hot_thought"] == "It's happening again"
    assert step["emotions"] == [{"name": "fear", "intensity": 80}]
    assert step["emotions_after"] == [{"name": "fear", "intensity": 35}]
    assert step["belief"] == 60 and step["thoughts"][1] == "I can't trust anything"


def test_my_own_technique_with_timed_and_untimed_steps(window, qtbot):
    technique = CustomTechnique(
        "Cold water",
        [
            TimedStep("Cold water on your wrists", 30),
            TimedStep("Name three things you did well", None),
        ],
    )
    window.session.custom_techniques().save_all([technique])
    window.grounding.refresh()
    assert any(
        b.text() == "Cold water"
        for b in window.grounding.findChildren(type(window.exercise.stop_button))
    )
    clock = FakeClock()
    window.exercise.clock = clock
    ex = window.grounding_flow.start_exercise("custom", technique)
    assert isinstance(ex, TimedStepsExercise)
    window.exercise.begin(rated=True)
    run(ex, clock, 31)
    assert ex.index == 1 and not ex.completed  # waits for the person
    run(ex, clock, 60)
    assert ex.index == 1
    ex.next_button.click()
    assert ex.completed
    window.exercise.save()
    saved = only_session(window)
    assert saved.technique == "custom"
    assert saved.steps == [{"name": "Cold water", "steps_done": 2, "of": 2}]
    assert window.session.items().summary(saved.id).title == "Cold water"


def test_escape_leaves_at_once_and_offers_to_save(window, qtbot):
    clock = FakeClock()
    window.exercise.clock = clock
    ex = window.grounding_flow.start_exercise("box_breathing")
    window.exercise.begin(rated=True)
    run(ex, clock, 30)
    qtbot.keyClick(window.exercise, Qt.Key_Escape)
    assert window.screens.currentWidget() is window.workspace
    assert window.session.items().timeline(kind="grounding") == []  # nothing saved unasked
    offer = window.keep_offer  # stays until answered, in the side column
    assert offer.isVisible() and offer.label.text().startswith("Keep the breathing you did at")
    offer.keep_button.click()
    assert not offer.isVisible()
    saved = only_session(window)
    assert not saved.completed and saved.duration_s == 30


def test_the_pacer_costs_nothing_when_hidden_and_respects_reduced_motion(window):
    clock = FakeClock()
    window.exercise.clock = clock
    window.exercise.reduced_motion = True
    ex = window.grounding_flow.start_exercise("box_breathing")
    window.exercise.begin(rated=False)
    assert ex.pacer.reduced_motion and ex._timer.isActive()
    assert ex._timer.interval() <= 17  # 60 frames a second while shown
    run(ex, clock, 1)
    assert not ex.pacer.grab().isNull() and ex.pacer.frames > 0
    window.exercise.hide()
    assert not ex._timer.isActive()
    window.exercise.show()
    assert ex._timer.isActive()
    window.lock()
    assert window.exercise.exercise is None


def test_support_contacts_are_one_click_away(window, qtbot):
    window.session.support_contacts().save_all([SupportContact("Sam", "+44 20 7946 0000")])
    window.grounding_flow.on_quick_log()
    window.dialog.support_requested.emit()
    dialog = window.grounding_flow.support_dialog
    assert isinstance(dialog, SupportDialog) and dialog.table.item(0, 0).text() == "Sam"
    assert_accessible(dialog)
    dialog.on_add_clicked()
    dialog.table.item(1, 0).setText("Crisis line")
    dialog.table.setItem(1, 1, type(dialog.table.item(0, 0))("116 123"))
    dialog.close()  # no Save button: it saved itself, and at once on close
    assert [c.name for c in window.session.support_contacts().all()] == ["Sam", "Crisis line"]
    window.grounding_flow.start_exercise("senses_54321")
    window.exercise.support_requested.emit()
    assert window.grounding_flow.support_dialog.table.rowCount() == 2


def test_full_trigger_form_saves_as_you_go(window, qtbot):
    trigger = window.session.triggers().add(Trigger(cue="media", suds_peak=6))
    window.show_pane(window.triggers)
    window.triggers.reload()
    form = window.triggers.form
    assert form.trigger_id == trigger.id
    form.emotions.add(Emotion("sadness", 70))
    form.emotions.changed.emit()
    form.hot_thought.setText("I wasn't enough")
    form.belief.setValue(90)
    form.body.setText("heavy chest, tired")
    form.urge.setValue(3)
    form.acted.setCurrentIndex(form.acted.findData(False))
    form.action.setPlainText("Went for a walk instead")
    form.suds_after.setValue(4)
    form.note.setPlainText("private")
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=5_000)
    got = window.session.triggers().get(trigger.id)
    assert got.emotions == [Emotion("sadness", 70)] and got.belief == 90
    assert got.body_sensations == ["heavy chest", "tired"] and got.urge == 3
    assert got.acted_on is False and got.suds_after == 4 and got.private_note == "private"
    assert_accessible(window.triggers)


def test_triggers_filter_by_what_set_them_off(window):
    for cue in ("place", "media", "place"):
        window.session.triggers().add(Trigger(cue=cue, suds_peak=5))
    window.triggers.reload()
    assert window.triggers.model.rowCount() == 3
    window.triggers.cue.setCurrentIndex(window.triggers.cue.findData("place"))
    assert window.triggers.model.rowCount() == 2
    window.triggers.cue.setCurrentIndex(window.triggers.cue.findData("reminder"))
    assert window.triggers.model.rowCount() == 0


def test_my_techniques_are_edited_in_settings(window):
    window.on_settings()
    window.dialog.open_techniques_dialog()
    dialog = window.dialog.techniques_dialog
    dialog.on_add_clicked()
    dialog.name.setText("Hold something cold")
    dialog.on_save_clicked()
    assert [t.name for t in window.session.custom_techniques().all()] == ["Hold something cold"]
    names = [b.text() for b in window.grounding.findChildren(type(window.exercise.stop_button))]
    assert "Hold something cold" in names


def test_the_trigger_form_saves_on_the_writer_thread(window, qtbot):
    import threading

    trigger = window.session.triggers().add(Trigger(cue="media", suds_peak=6))
    window.show_pane(window.triggers)
    window.triggers.reload()
    form, vault, release = window.triggers.form, window.session.vault, threading.Event()

    def hold():  # the writer is busy in a write transaction: a UI-thread save would hang
        with vault.db.transaction():
            release.wait(20)

    vault.writer.submit(hold)
    form.hot_thought.setText("typed while the disk is busy")
    qtbot.wait(1500)
    assert form.autosaver.pending == 1 and window.save_state.text() == "Saving…"
    release.set()
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=10_000)
    assert window.session.triggers().get(trigger.id).hot_thought == "typed while the disk is busy"

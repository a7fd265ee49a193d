"""The safety plan on screen (issue 20 item 5): written as you go, printable as a PDF that
reads back with pdftotext, one step from the people who help and from "still hard right
now", and — only if chosen — its "things I can do on my own" before unlocking."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPushButton

from kintsugi.core import support_card
from kintsugi.core.records import SafetyPlan
from kintsugi.core.repo.safety_plans import SafetyPlanRepository
from kintsugi.core.repo.support import SupportContact
from kintsugi.ui.dialogs.support import SupportDialog
from kintsugi.ui.together.safety_plan import (
    CardPlanDialog,
    SafetyPlanDialog,
    SafetyPlanPage,
    save_plan_pdf,
)
from kintsugi.ui.widgets.support_list import SupportCardDialog
from kintsugi.ui.workers import wait_for_background
from tests.helpers import assert_accessible


def _page(window, qtbot) -> SafetyPlanPage:
    page = SafetyPlanPage(window.session)
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    page.on_unlocked()
    return page


def test_a_plan_is_kept_from_its_first_words_and_saved_as_you_go(window, qtbot):
    page = _page(window, qtbot)
    assert page.empty.isVisible() and not page.print_button.isEnabled()
    assert_accessible(page)
    page.new_record()
    assert page.focusWidget() is page.parts["warning_signs"]
    qtbot.keyClicks(page.parts["warning_signs"], "I stop answering messages")
    qtbot.waitUntil(lambda: page.state.text() == "Saved", timeout=10_000)
    page.parts["coping_alone"].setPlainText("Walk around the block\n\nCold water on my face")
    page.flush()
    wait_for_background()
    plan = SafetyPlanRepository(window.session.database()).current()
    assert plan.warning_signs == ["I stop answering messages"]
    assert plan.coping_alone == ["Walk around the block", "Cold water on my face"]
    assert page.print_button.isEnabled() and page.list.count() == 1
    page.clear()
    assert all(not e.toPlainText() for e in page.parts.values())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
def test_the_plan_saves_as_a_pdf_that_reads_back_in_order(window, qtbot, tmp_path):
    repo = SafetyPlanRepository(window.session.database())
    plan = repo.add(
        SafetyPlan(
            warning_signs=["Replaying the messages at night"],
            coping_alone=["Box breathing for four minutes"],
            helpers=["My sister Ana 555 0101"],
            professionals=["Samaritans 116 123"],
            reasons=["My children 🌻"],
        )
    )
    out = tmp_path / "plan.pdf"
    done = []
    save_plan_pdf(window.session, plan, out, on_done=done.append)
    qtbot.waitUntil(lambda: done == [out], timeout=30_000)
    assert out.stat().st_mode & 0o777 == 0o600
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = [
        "My safety plan",
        "1. Warning signs",
        "Replaying the messages at night",
        "2. Things I can do on my own",
        "Box breathing for four minutes",
        "4. People I can ask for help",
        "My sister Ana 555 0101",
        "5. Professionals and crisis lines",
        "Samaritans 116 123",
        "7. What matters to me",
        "🌻",
        "local emergency number",
    ]
    places = [text.find(w) for w in words]
    assert -1 not in places, [w for w, p in zip(words, places, strict=True) if p < 0]
    assert places == sorted(places)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "Kintsugi" not in info  # neutral metadata
    log = window.session.sharing().history()
    assert log[0].format == "pdf" and log[0].item_ids == [plan.id]


def test_the_plan_is_one_step_from_the_people_who_help(window, qtbot):
    SafetyPlanRepository(window.session.database()).add(
        SafetyPlan(coping_alone=["Sit with the dog"])
    )
    flow = window.grounding_flow
    flow.on_support()
    dialog = flow.support_dialog
    assert isinstance(dialog, SupportDialog)
    dialog.plan_button.click()
    plan = flow.plan_dialog
    assert isinstance(plan, SafetyPlanDialog) and plan.isVisible()
    assert "Sit with the dog" in plan.view.toPlainText()
    opened = []
    flow.plan_page_opener = lambda: opened.append(True)
    plan.on_edit()
    assert opened == [True] and not dialog.isVisible()


def test_still_hard_right_now_offers_the_plan(window, qtbot):
    flow, view = window.grounding_flow, window.exercise
    flow.on_ground_now()
    view.prepare("box_breathing", None)
    view.suds_now.set_value(7)
    view.begin(rated=True)
    view.stop()
    view.suds_after.set_value(8)
    view.save()
    assert view.pages.currentWidget() is view.next_page
    assert view.plan_button.isVisible()
    view.plan_button.click()
    dialog = flow.plan_dialog
    assert isinstance(dialog, SafetyPlanDialog)
    assert dialog.plan is None and "haven't written a safety plan yet" in "".join(
        label.text() for label in dialog.findChildren(QLabel)
    )
    dialog.reject()


def test_before_unlocking_only_the_chosen_part_is_there(window, qtbot):
    session = window.session
    contacts = session.support_contacts()
    contacts.save_all([SupportContact("Ana", "555 0101")])
    contacts.set_before_unlock(True)
    SafetyPlanRepository(session.database()).add(
        SafetyPlan(warning_signs=["wsignq"], coping_alone=["Hold an ice cube"])
    )
    window.lock()
    flow = window.grounding_flow
    assert not flow.safety_plan_available()  # the card, but not the plan's part
    flow.on_support()
    assert isinstance(flow.support_dialog, SupportCardDialog)
    buttons = [b.text() for b in flow.support_dialog.findChildren(QPushButton)]
    assert "My safety plan…" not in buttons
    flow.support_dialog.reject()
    assert support_card.read_card().coping == ()
    from tests.helpers import unlock

    unlock(qtbot, window)
    session.support_contacts().set_plan_on_card(True)
    window.lock()
    assert flow.safety_plan_available()
    flow.on_safety_plan()
    dialog = flow.plan_dialog
    assert isinstance(dialog, CardPlanDialog)
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Hold an ice cube" in shown and "wsignq" not in shown
    dialog.reject()


def test_change_my_plan_opens_its_page_in_together(window, qtbot):
    flow = window.grounding_flow
    flow.on_support()
    flow.support_dialog.plan_button.click()
    flow.plan_dialog.on_edit()  # "Write my plan": no plan yet
    page = next(p for p in window.together.pages if isinstance(p, SafetyPlanPage))
    assert window.panes.currentWidget() is window.together
    assert window.together.tabs.currentWidget() is page
    assert page.form.isEnabled() and page.focusWidget() is page.parts["warning_signs"]
    assert not flow.support_dialog.isVisible()
    qtbot.keyClicks(page.parts["coping_alone"], "Music in the car")
    page.flush()
    wait_for_background()
    window.on_open_requested(
        SafetyPlanRepository(window.session.database()).current().id, "safety_plan"
    )
    assert page.parts["coping_alone"].toPlainText() == "Music in the car"
    window.lock()  # locking forgets the plan on screen
    assert all(not e.toPlainText() for e in page.parts.values())


def test_the_words_beside_the_form_match_what_can_be_done(window, qtbot):
    """Before a plan is started the page says to press Start a new plan; once the form is
    open for writing (that button, or "still hard" opening the page) it says to write."""
    page = _page(window, qtbot)
    assert not page.form.isEnabled()
    assert "Press Start a new plan" in page.empty.text()
    field = page.parts["warning_signs"]
    closed = field.grab().toImage().pixelColor(field.width() // 2, field.height() // 2)
    page.new_record()
    assert page.form.isEnabled() and page.empty.isVisible()
    # and it looks it: a closed field has the window's ground, an open one the field's
    opened = field.grab().toImage().pixelColor(field.width() // 2, field.height() // 2)
    assert closed == field.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base)
    assert opened == field.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
    assert closed != opened
    assert "Press" not in page.empty.text() and "Write it in the form" in page.empty.text()
    qtbot.keyClicks(page.parts["warning_signs"], "I stop answering messages")
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=10_000)
    assert not page.empty.isVisible()  # kept and listed: the list takes the place


def test_a_plan_opened_from_still_hard_says_to_write(window, qtbot):
    window.grounding_flow.plan_page_opener()
    page = window.together.page_for("safety_plan")
    assert window.together.tabs.currentWidget() is page
    assert page.form.isEnabled() and "Press" not in page.empty.text()


def test_every_list_open_for_a_new_record_says_to_write(window, qtbot):
    """Every page with a list and a form: with none kept, New opens the form and the words
    beside it stop saying to press New."""
    from kintsugi.ui.checkins.record_list import RecordListTab

    tabs = [t for t in window.findChildren(RecordListTab) if t.list.count() == 0]
    assert len(tabs) >= 8
    for tab in tabs:
        before = tab.empty.text()
        tab.new_record()
        assert tab.form.isEnabled()
        assert tab.empty.text() != before and tab.empty.text(), type(tab).__name__


def test_the_words_to_write_are_spanish_in_spanish(spanish, window, qtbot):
    page = _page(window, qtbot)
    page.new_record()
    assert page.empty.text().startswith("Todavía no has guardado ningún plan")

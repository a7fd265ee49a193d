"""Forgiving forms (#15 item 5): placeholders, never made-up text or dates; an empty state
with one next step wherever a list can be empty; no reminder before a schedule is set;
nothing offered when there is nothing to act on."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

from tests.helpers import type_entry


def test_new_boundaries_and_goals_start_empty_and_dates_read_no_date(window):
    window.nav.setCurrentRow(window.panes.indexOf(window.checkins))
    for tab in (window.checkins.boundaries, window.checkins.goals):
        tab.new_record()
        text = tab.text.toPlainText() if hasattr(tab.text, "toPlainText") else tab.text.text()
        assert text == "" and tab.text.placeholderText()
    goals = window.checkins.goals
    assert goals.target.value() == 0 and goals.target.text() == "—"
    for edit in (goals.due.edit, window.checkins.boundaries.agreed.edit):
        assert edit.text() == "no date" and "2000" not in edit.text()
    goals.due.enabled.setChecked(True)
    assert goals.due.value() == date.today()
    goals.due.enabled.setChecked(False)
    assert goals.due.value() is None and goals.due.edit.text() == "no date"


def test_every_empty_list_says_what_to_do_next(window):
    window.share.reload()
    QApplication.processEvents()
    checks = {
        "boundaries": window.checkins.boundaries.empty,
        "goals": window.checkins.goals.empty,
        "grounding history": window.grounding.list_stack.empty,
        "from partner": window.share.received_empty,
    }
    for name, label in checks.items():
        assert not label.isHidden(), name
        assert "press" in label.text() or "choose" in label.text() or "open" in label.text(), name
    assert not window.share.open_bundle_button.isHidden()
    # nothing shared yet: what the Shared tab will list, and a button to choose what to share
    window.share.tabs.setCurrentIndex(1)
    assert not window.share.log_empty.isHidden() and window.share.log_right.isHidden()
    window.share.choose_button.click()
    assert window.share.tabs.currentIndex() == 0
    assert "Type a word" in window.search.status.text()
    assert window.checkins.boundaries.list.isHidden()


def test_no_check_in_reminder_before_a_schedule_is_set(window):
    assert window.session.schedule().get().cadence == "off"
    assert not window.reminder.check()
    assert not window.reminder_bar.isVisible()
    assert window.checkins.checkin.schedule.cadence.currentData() == "off"


def test_nothing_to_act_on_nothing_offered(window, qtbot):
    window.on_new_entry()
    assert not window.journal.delete_button.isEnabled()  # nothing written yet
    type_entry(qtbot, window, "A title", "and some words")
    assert window.journal.delete_button.isEnabled()
    window.nav.setCurrentRow(window.panes.indexOf(window.share))
    window.share.reload()
    assert not window.share.bundle_button.isEnabled()  # nothing chosen to export
    triggers = window.triggers  # no hard moment yet: nothing to ground for
    window.nav.setCurrentRow(window.panes.indexOf(triggers))
    assert not triggers.ground_button.isEnabled()
    from kintsugi.core.records import Trigger

    moment = window.session.triggers().add(Trigger(cue="place", suds_peak=6))
    triggers.reload()
    assert triggers.form.trigger_id == moment.id and triggers.ground_button.isEnabled()
    window.on_trash()  # an empty trash: nothing to restore or empty
    assert not window.dialog.restore_button.isEnabled()
    assert not window.dialog.empty_button.isEnabled()
    window.dialog.close()


def test_no_screen_shows_a_made_up_date(window):
    """No date field on any screen or tab (Together's pages, nested tabs too) reads Qt's
    default 1 Jan 2000: an empty one says "no date" or shows today, before anything is
    written and after a new one is started."""
    from PySide6.QtWidgets import QDateTimeEdit, QTabWidget

    found, seen = [], 0
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        pane = window.panes.currentWidget()
        tabs = pane.findChildren(QTabWidget)
        for step in range(max([t.count() for t in tabs], default=1)):
            for t in tabs:
                t.setCurrentIndex(min(step, t.count() - 1))
            for new in (False, True):
                if new:  # a page's New button starts an empty one
                    page = tabs[0].currentWidget() if tabs else pane
                    if hasattr(page, "new_record"):
                        page.new_record()
                QApplication.processEvents()
                for edit in pane.findChildren(QDateTimeEdit):
                    if edit.isVisible():
                        seen += 1
                        if "2000" in edit.text():
                            found.append(f"{window.nav.item(row).text()}: {edit.accessibleName()}")
    assert seen >= 10
    assert not found, sorted(set(found))

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QSize, Qt

from kintsugi.core import insights
from kintsugi.core.insights import Range
from kintsugi.core.records import Boundary, CheckIn, GroundingSession, Trigger
from kintsugi.core.schedule import CheckInSchedule
from kintsugi.ui.checkins.pane import CheckInReminder
from kintsugi.ui.widgets.charts import ChartSpec, charts_for, render_image
from tests.helpers import assert_accessible


def test_check_in_saves_as_you_go_and_draws_the_trend(window, qtbot):
    window.show_pane(window.checkins)
    tab = window.checkins.checkin
    tab.sliders["trust"].setValue(7)
    tab.gratitude.setText("the walk we took")
    qtbot.waitUntil(lambda: tab.state.text() == "Saved", timeout=5_000)
    saved = window.session.checkins().get(window.session.items().timeline(kind="checkin")[0].id)
    assert (saved.trust, saved.safety, saved.gratitude) == (7, 5, "the walk we took")
    assert tab.trend.spec.series["Trust"] == [7]
    assert "Trust 7" in tab.history.item(0).text()
    tab.start_new()
    tab.sliders["safety"].setValue(8)
    assert tab.flush()
    assert len(window.session.items().timeline(kind="checkin")) == 2
    assert_accessible(window.checkins)


def test_schedule_and_a_gentle_reminder(window, qtbot):
    tab = window.checkins.checkin
    tab.schedule.cadence.setCurrentIndex(tab.schedule.cadence.findData("weekly"))
    tab.schedule.weekday.setCurrentIndex(tab.schedule.weekday.findData(7))
    tab.schedule.at.setTime(tab.schedule.at.time().fromString("19:00", "HH:mm"))
    assert tab.flush()  # the setting is written on the writer thread
    assert window.session.schedule().get() == CheckInSchedule("weekly", 7, "19:00")
    tz = UTC
    clock = {"now": datetime(2026, 11, 22, 19, 30, tzinfo=tz)}  # a Sunday evening
    reminder = CheckInReminder(window.session, now=lambda: clock["now"])
    told = []
    reminder.due.connect(lambda: told.append(clock["now"]))
    assert reminder.check() and len(told) == 1
    assert not reminder.check()  # said once per due moment: no nagging
    reminder.snooze()
    clock["now"] += timedelta(hours=1)
    reminder._told_for = None
    assert not reminder.check()  # snoozed for two hours
    clock["now"] += timedelta(hours=2)
    assert reminder.check()
    window.session.checkins().add(CheckIn(trust=5, occurred_at=clock["now"]))
    clock["now"] += timedelta(days=1)
    reminder._told_for = None
    assert not reminder.check()  # done this week
    window.on_check_in_due()
    assert window.reminder_bar.isVisible()
    window.on_check_in_later()
    assert not window.reminder_bar.isVisible()


def test_boundaries_revisit_first_and_keep_earlier_wordings(window, qtbot):
    repo = window.session.boundaries()
    repo.add(Boundary(text="Later one", revisit_by=date.today() + timedelta(days=30)))
    due = repo.add(Boundary(text="Phone stays unlocked", revisit_by=date.today()))
    tab = window.checkins.boundaries
    tab.reload()
    assert tab.list.item(0).data(Qt.ItemDataRole.UserRole) == due.id
    assert "time to revisit" in tab.list.item(0).text()
    tab.text.setPlainText("Phone stays unlocked in the evenings")
    tab.revisit.set_value(date.today() + timedelta(days=60))
    assert tab.flush()
    got = repo.get(due.id)
    assert got.text == "Phone stays unlocked in the evenings"
    assert [h.text for h in got.history] == ["Phone stays unlocked"]
    tab.reload(select=due.id)
    assert "Phone stays unlocked (Active)" in tab.history.item(0).text()
    tab.new_record()
    assert tab.text.toPlainText() == "" and tab.text.placeholderText()  # no made-up words
    assert tab.revisit.edit.text() == "no date" and tab.revisit.value() is None
    assert len(repo.all_ids()) == 2  # kept from the first words, not before
    tab.text.setPlainText("We tell each other when plans change")
    assert tab.flush() and len(repo.all_ids()) == 3
    assert repo.get(tab._record.id).history == []  # the first words are not a rewording


def test_goal_progress_and_a_single_kind_acknowledgement(window, qtbot):
    tab = window.checkins.goals
    tab.new_record()  # an empty form at once; the goal is kept from its first words
    tab.text.setText("Complete 6 therapy modules")
    tab.target.setValue(6)
    tab.unit.setText("modules")
    tab.due.set_value(date.today() + timedelta(days=30))
    for _ in range(5):
        tab.add_progress()
    assert tab.flush() and not tab.message.text()  # 5 of 6: not yet
    words = []
    tab.celebrated.connect(words.append)
    tab.add_progress()
    assert tab.flush()
    assert len(words) == 1 and "before the date you set" in words[0]
    goal = window.session.goals().get(tab._record.id)
    assert goal.reached and goal.celebrated and goal.achieved == 6
    card = tab.list.itemWidget(tab.list.currentItem())
    assert card.bar.value() == card.bar.maximum() and card.bar.format() == "6 of 6 modules"
    tab.add_progress()
    assert tab.flush() and len(words) == 1  # once, never again


def test_insights_pane_computes_off_the_ui_thread_and_draws(window, qtbot):
    session = window.session
    t = session.triggers().add(Trigger(cue="place", suds_peak=8))
    session.grounding().add(
        GroundingSession(technique="box_breathing", suds_before=8, suds_after=3, trigger_id=t.id)
    )
    pane = window.insights
    window.show_pane(pane)
    pane.refresh()
    qtbot.waitUntil(
        lambda: pane.result is not None and pane.result.trigger_count == 1, timeout=5_000
    )
    titles = [c.spec.title for c in pane.charts]
    assert "What works for me: mean drop in distress" in titles
    works = next(c.spec for c in pane.charts if c.spec.title.startswith("What works"))
    assert works.series["Mean drop in distress"] == [5.0] and works.notes == ["1 time"]
    assert "1 hard moment logged" in pane.summary.text()
    for chart in pane.charts:
        assert not chart.grab().isNull()
    pane.preset.setCurrentIndex(pane.preset.count() - 1)  # choose dates
    pane.since.setDate(pane.since.date().addYears(-5))
    pane.until.setDate(pane.since.date().addDays(10))
    qtbot.waitUntil(lambda: pane.result.empty, timeout=5_000)
    assert "Nothing in this range yet" in pane.summary.text()
    assert_accessible(pane)


def test_every_chart_renders_offscreen_from_known_figures(vault):
    from kintsugi.core.repo.triggers import TriggerRepository

    when = datetime(2026, 11, 3, 21, tzinfo=UTC)
    TriggerRepository(vault.db).add(Trigger(cue="media", suds_peak=6, occurred_at=when))
    data = insights.compute(vault.db, Range(date(2026, 11, 1), date(2026, 11, 14)))
    specs = charts_for(data)
    per_week = specs[0]
    assert per_week.labels == ["26 Oct", "2 Nov", "9 Nov"]
    assert per_week.series["Triggers"] == [0.0, 1.0, 0.0]
    for spec in specs + [ChartSpec("bars", "empty", [], {"x": []})]:
        image = render_image(spec, QSize(480, 240))
        assert image.width() == 480 and not image.isNull()
    painted = render_image(per_week)
    colours = {painted.pixel(x, y) for x in range(0, 560, 7) for y in range(0, 260, 7)}
    assert len(colours) > 3  # something was drawn besides the background

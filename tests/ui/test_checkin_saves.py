"""Check-ins, boundaries and goals save on the vault's writer thread, like the journal:
the UI thread never waits for the disk, "Saved" comes only after the commit, and what
"Saved" acknowledged survives kill -9."""

import signal
import subprocess
import sys
import textwrap
import threading

from kintsugi.core.records import Boundary, Goal
from kintsugi.core.vault import Vault
from tests.helpers import PASSPHRASE


def _hold_the_writer(vault, release):
    """Keep the writer busy inside a write transaction until ``release`` is set: a save
    tried on the UI thread itself would hang the test."""

    def hold():
        with vault.db.transaction():
            release.wait(20)

    vault.writer.submit(hold)


def _saves_in_the_background(qtbot, tab, change, more):
    vault, release = tab.session.vault, threading.Event()
    _hold_the_writer(vault, release)
    change()
    qtbot.wait(1500)  # the autosave fired: its save waits in the writer's queue
    assert tab.autosaver.pending == 1 and tab.state.text() == "Saving…"
    more()  # the UI thread is free
    assert tab.state.text() == "Editing…"
    release.set()
    qtbot.waitUntil(lambda: tab.state.text() == "Saved", timeout=10_000)
    assert tab.autosaver.pending == 0 and not tab.autosaver.dirty


def test_a_checkin_saves_on_the_writer_and_says_saved_after_the_commit(window, qtbot):
    tab = window.checkins.checkin
    _saves_in_the_background(
        qtbot,
        tab,
        lambda: tab.sliders["trust"].setValue(8),
        lambda: tab.gratitude.setText("the walk"),
    )
    (item,) = window.session.items().timeline(kind="checkin")  # one, not one per save
    saved = window.session.checkins().get(item.id)
    assert (saved.trust, saved.gratitude) == (8, "the walk")
    assert tab.trend.spec.series["Trust"] == [8]  # read again on the writer, shown here


def test_boundary_and_goal_saves_never_wait_for_the_disk(window, qtbot):
    boundaries, goals = window.session.boundaries(), window.session.goals()
    b = boundaries.add(Boundary(text="No phones at dinner"))
    g = goals.add(Goal(text="Six sessions", target_amount=6))
    tab = window.checkins.boundaries
    tab.reload(select=b.id)
    _saves_in_the_background(
        qtbot,
        tab,
        lambda: tab.text.setPlainText("No phones at dinner or in bed"),
        lambda: tab.text.setPlainText("No phones at dinner or in bed, both of us"),
    )
    assert boundaries.get(b.id).text == "No phones at dinner or in bed, both of us"

    tab = window.checkins.goals
    tab.reload(select=g.id)
    words = []
    tab.celebrated.connect(words.append)
    _saves_in_the_background(
        qtbot,
        tab,
        lambda: [tab.add_progress() for _ in range(6)],  # reached: celebrated once
        lambda: tab.unit.setText("sessions"),
    )
    got = goals.get(g.id)
    assert got.target_unit == "sessions" and got.celebrated and len(words) == 1


def test_a_goals_target_is_kept_as_written_when_another_field_is_edited(window, qtbot):
    """A target the form's field would have rounded or cut (an imported 7.5 talks, a
    20,000-step goal) is saved back as it was when only the unit changes."""
    goals = window.session.goals()
    tab = window.checkins.goals
    for amount in (7.5, 20_000.0, 0.125):
        g = goals.add(Goal(text=f"Goal of {amount}", target_amount=amount))
        tab.reload(select=g.id)
        tab.unit.setText("talks")
        assert tab.flush()
        got = goals.get(g.id)
        assert got.target_unit == "talks" and got.target_amount == amount
    tab.new_record()
    assert tab.target.decimals() == 0  # a new one counts in whole numbers again


def test_a_new_boundary_is_added_on_the_writer(window, qtbot):
    tab, vault, release = window.checkins.boundaries, window.session.vault, threading.Event()
    _hold_the_writer(vault, release)
    tab.new_record()  # an empty form at once; the boundary is kept from its first words
    assert tab.form.isEnabled() and tab.list.count() == 0
    tab.text.setPlainText("We say so when plans change")  # saved on the writer (held)
    qtbot.wait(1_500)  # the timed save was handed to the writer without waiting for it
    assert tab.list.count() == 0
    release.set()
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=10_000)
    assert len(window.session.boundaries().all_ids()) == 1
    tab.text.setPlainText("We say so when plans change, at once")
    assert tab.flush() and len(window.session.boundaries().all_ids()) == 1  # not added twice


KILLED = textwrap.dedent("""
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtTest import QTest
    from kintsugi.ui.app import make_app
    from kintsugi.ui.main_window import MainWindow
    from kintsugi.ui.session import Session
    app = make_app()
    w = MainWindow(Session(Path(sys.argv[1])))
    w.show()
    w.unlock.passphrase.setText(sys.argv[2])
    w.unlock.unlock_button.click()
    while w.screens.currentWidget() is not w.workspace:
        QTest.qWait(20)

    def until(cond):
        for _ in range(500):
            if cond():
                return True
            QTest.qWait(20)
        return False

    tabs = w.checkins
    for tab in (tabs.boundaries, tabs.goals):
        tab.new_record()
        until(tab.form.isEnabled)
    # No save is asked for: only the autosave can have kept these. "Saved" is the promise.
    tabs.checkin.gratitude.setText("grateful before the crash")
    tabs.boundaries.text.setPlainText("a boundary before the crash")
    tabs.goals.text.setText("a goal before the crash")
    for tab in (tabs.checkin, tabs.boundaries, tabs.goals):
        until(lambda: tab.state.text() == "Saved")
        print(repr(tab.state.text()), flush=True)
    tabs.checkin.gratitude.setText("still being typed")
    tabs.boundaries.text.setPlainText("still being typed")
    tabs.goals.text.setText("still being typed")
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_what_saved_acknowledged_survives_kill_9(existing_vault):
    result = subprocess.run(
        [sys.executable, "-c", KILLED, str(existing_vault), PASSPHRASE],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert result.stdout.split() == ["'Saved'"] * 3
    with Vault.open(existing_vault, PASSPHRASE) as v:
        from kintsugi.core.repo.boundaries import BoundaryRepository
        from kintsugi.core.repo.checkins import CheckInRepository
        from kintsugi.core.repo.goals import GoalRepository
        from kintsugi.core.repo.items import Items

        items = Items(v.db)
        (checkin,) = items.timeline(kind="checkin")
        assert CheckInRepository(v.db).get(checkin.id).gratitude == "grateful before the crash"
        (boundary,) = BoundaryRepository(v.db).all_ids()
        assert BoundaryRepository(v.db).get(boundary).text == "a boundary before the crash"
        (goal,) = items.timeline(kind="goal")
        assert GoalRepository(v.db).get(goal.id).text == "a goal before the crash"

from datetime import datetime, timedelta

import pytest

from kintsugi.core.errors import InvalidRecord
from kintsugi.core.exercises import (
    BOX,
    PACED_478,
    CustomTechnique,
    TimedStep,
    breath_at,
    pmr_steps,
    suds_word,
    timed_step_at,
)
from kintsugi.core.records import Trigger
from kintsugi.core.repo.support import CustomTechniques, SupportContact, SupportContacts
from kintsugi.core.repo.triggers import TriggerRepository


@pytest.mark.parametrize(
    ("t", "phase", "left", "fill"),
    [
        (0.0, "in", 4, 0.0),
        (1.0, "in", 3, None),
        (2.0, "in", 2, 0.5),
        (4.0, "hold_in", 4, 1.0),
        (7.5, "hold_in", 1, 1.0),
        (8.0, "out", 4, 1.0),
        (10.0, "out", 2, 0.5),
        (12.0, "hold_out", 4, 0.0),
        (16.0, "in", 4, 0.0),
    ],
)
def test_box_breathing_phases(t, phase, left, fill):
    state = breath_at(BOX, t, length_s=120)
    assert (state.phase, state.seconds_left) == (phase, left)
    if fill is not None:
        assert state.fill == pytest.approx(fill)
    assert state.cycles_done == int(t // 16)


def test_pacer_grows_and_shrinks_smoothly():
    fills = [breath_at(BOX, i / 60, 120).fill for i in range(0, 16 * 60)]
    steps = [abs(b - a) for a, b in zip(fills, fills[1:], strict=False)]
    assert max(steps) < 0.03  # no jumps at 60 frames per second
    assert min(fills) == 0.0 and max(fills) == 1.0


def test_session_ends_softly_after_whole_cycles():
    # 4-7-8 is a 19 s cycle: a 2-minute session is 6 whole cycles (114 s), never cut mid-breath
    assert not breath_at(PACED_478, 113.9, 120).finished
    done = breath_at(PACED_478, 114.0, 120)
    assert done.finished and done.cycles_done == 6
    assert breath_at(PACED_478, 0, 120).phase == "in"
    assert breath_at(PACED_478, 11.0, 120).phase == "out"  # no empty hold_out phase


def test_muscle_relaxation_steps_follow_the_clock():
    steps = pmr_steps()
    assert len(steps) == 24 and "Tense" in steps[0].text and "Release" in steps[1].text
    assert timed_step_at(steps, 0).index == 0
    assert timed_step_at(steps, 5.0).index == 1
    assert timed_step_at(steps, 14.9).index == 1
    assert timed_step_at(steps, 15.0).index == 2
    assert timed_step_at(steps, 12 * 15).finished
    with pytest.raises(ValueError):
        timed_step_at([TimedStep("untimed", None)], 1)


def test_suds_words():
    assert suds_word(0) == "Calm" and suds_word(10) == "Worst imaginable"


def test_support_contacts_and_custom_techniques_live_in_the_vault(vault):
    contacts = SupportContacts(vault.db)
    assert contacts.all() == []
    contacts.save_all([SupportContact("Dr. Rivera", "+1 555 0100", "therapist, Tuesdays")])
    assert contacts.all()[0].reach == "+1 555 0100"
    with pytest.raises(InvalidRecord):
        contacts.save_all([SupportContact("")])
    techniques = CustomTechniques(vault.db)
    mine = CustomTechnique(
        "Cold water",
        [
            TimedStep("Run cold water over your wrists", 30),
            TimedStep("Name three things you did well", None),
        ],
    )
    techniques.save_all([mine])
    assert techniques.all() == [mine]
    with pytest.raises(InvalidRecord):
        techniques.save_all([CustomTechnique("Empty")])


def test_trigger_timeline_filters_by_cue(vault):
    repo = TriggerRepository(vault.db)
    base = datetime(2026, 3, 1, 12).astimezone()
    for i, cue in enumerate(["place", "media", "place", "reminder"]):
        repo.add(Trigger(cue=cue, suds_peak=i, occurred_at=base + timedelta(hours=i)))
    assert [s.excerpt.split(" · ")[0] for s in repo.timeline()] == [
        "A reminder",
        "A place",
        "Something I saw or heard",
        "A place",
    ]
    places = repo.timeline(cue="place")
    assert len(places) == 2
    older = repo.timeline(cue="place", after=(places[0].occurred_at, places[0].id))
    assert [s.id for s in older] == [places[1].id]

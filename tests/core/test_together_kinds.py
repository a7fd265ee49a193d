"""The practices kept together (#20 items 1 and 7) in the core: the weekly conversation and
what it starts from, rituals, goals kept together with their steps, the schema that holds
them (from the kept v1 vault and from the version before), and the weekly reminder's own
schedule."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kintsugi.core import schema, share, transfer
from kintsugi.core.errors import InvalidRecord
from kintsugi.core.records import (
    BroughtItem,
    CheckIn,
    Goal,
    GoalMilestone,
    GoalProgress,
    Ritual,
    Trigger,
    WeeklyTalk,
)
from kintsugi.core.render import render_item
from kintsugi.core.repo.checkins import CheckInRepository
from kintsugi.core.repo.goals import GoalRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.rituals import RitualRepository
from kintsugi.core.repo.triggers import TriggerRepository
from kintsugi.core.repo.weekly_talks import WeeklyTalkRepository, bring
from kintsugi.core.schedule import CheckInSchedule, ScheduleStore
from kintsugi.core.search import Search
from kintsugi.core.timeutil import now
from kintsugi.core.vault import Vault, backup_dir_for

DATA = Path(__file__).resolve().parent.parent / "data"
MINE = schema.MIGRATIONS.index(
    schema._add_weekly_talks_rituals_and_goal_steps
)  # the version before this one


def _tables(db) -> set[str]:
    with db.read() as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _goal_columns(db) -> set[str]:
    with db.read() as conn:
        return {r[1] for r in conn.execute("PRAGMA table_info(goal)")}


@pytest.mark.parametrize("start", ["v1", "previous"])
def test_the_migration_from_v1_and_from_the_version_before(tmp_path, start):
    path = tmp_path / "old.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    if start == "previous":
        with Vault.open(path, "old vault passphrase", migrations=schema.MIGRATIONS[:MINE]) as v:
            assert schema.user_version(v.db) == MINE
            assert "weekly_talk" not in _tables(v.db) and "together" not in _goal_columns(v.db)
        for f in backup_dir_for(path).iterdir():
            f.unlink()
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        assert {"weekly_talk", "ritual", "goal_milestone"} <= _tables(v.db)
        old_goal = next(i for i in Items(v.db).timeline() if i.kind == "goal")
        goal = GoalRepository(v.db).get(old_goal.id)
        assert goal.together is False and goal.milestones == [] and goal.reached
        goal.together = True
        goal.milestones = [GoalMilestone("first talk", date(2026, 11, 3))]
        GoalRepository(v.db).update(goal)
        assert GoalRepository(v.db).get(goal.id).milestones[0].text == "first talk"
        talk = WeeklyTalkRepository(v.db).add(WeeklyTalk(appreciations="the tea you made"))
        RitualRepository(v.db).add(Ritual(ritual="walk", felt="easy, light"))
        assert talk.id in [h.id for h in Search(v.db).search("tea")]
        assert v.check() == []
    (backup,) = backup_dir_for(path).iterdir()  # taken before migrating, still the old one
    with Vault.open(backup, "old vault passphrase", migrations=schema.MIGRATIONS[:MINE]) as b:
        assert schema.user_version(b.db) == MINE
        assert "weekly_talk" not in _tables(b.db)


def test_the_migration_can_run_again_on_a_vault_that_has_it(vault):
    with vault.db.transaction() as conn:
        schema._add_weekly_talks_rituals_and_goal_steps(
            conn
        )  # a vault whose version number was set back keeps its tables
    assert "together" in _goal_columns(vault.db)


def _week(vault):
    """A week of items, one older, one deleted."""
    today = now()
    checkins, triggers = CheckInRepository(vault.db), TriggerRepository(vault.db)
    made = {
        "checkin": checkins.add(
            CheckIn(
                occurred_at=today - timedelta(days=2),
                gratitude="you listened to me",
                needs="a slower evening",
                private_note="never quoted",
                safety=6,
            )
        ),
        "trigger": triggers.add(
            Trigger(occurred_at=today - timedelta(days=3), situation="the old café on Main St")
        ),
        "ritual": RitualRepository(vault.db).add(
            Ritual(occurred_at=today - timedelta(days=1), ritual="walk", felt="we laughed")
        ),
        "goal": GoalRepository(vault.db).add(
            Goal(
                occurred_at=today - timedelta(days=40),
                text="Four walks this month",
                target_amount=4,
                target_unit="walks",
                together=True,
                progress=[
                    GoalProgress(today.date() - timedelta(days=20), 1),
                    GoalProgress(today.date() - timedelta(days=1), 1),
                ],
            )
        ),
        "old": checkins.add(CheckIn(occurred_at=today - timedelta(days=9), gratitude="old")),
        "old_goal": GoalRepository(vault.db).add(
            Goal(occurred_at=today - timedelta(days=40), text="a goal untouched this week")
        ),
        "deleted": checkins.add(CheckIn(occurred_at=today - timedelta(days=1), gratitude="gone")),
    }
    with vault.db.transaction() as conn:  # the goal untouched this week is old in every way
        conn.execute(
            "UPDATE item SET updated_at = occurred_at WHERE id = ?", (made["old_goal"].id,)
        )
    Items(vault.db).delete(made["deleted"].id)
    return today, made


def test_the_week_offers_its_check_ins_moments_rituals_and_goals_with_progress(vault):
    today, made = _week(vault)
    items = WeeklyTalkRepository(vault.db).week_items(today - timedelta(days=7), today)
    assert [i.id for i in items] == [
        made["ritual"].id,
        made["checkin"].id,
        made["trigger"].id,
        made["goal"].id,
    ]


def test_what_is_picked_is_quoted_into_its_part_and_kept_with_it_never_a_private_note(vault):
    today, made = _week(vault)
    since = (today - timedelta(days=7)).date()
    item, lines = bring(made["checkin"], since)
    assert (item.uid, item.kind) == (made["checkin"].uid, "checkin")
    assert item.occurred_at == made["checkin"].occurred_at
    assert [part for part, _ in lines] == ["appreciations", "need"]
    assert lines[0][1].startswith("> Check-in, ") and "“you listened to me”" in lines[0][1]
    assert "a slower evening" in lines[1][1]
    assert "never quoted" not in item.quote + "".join(line for _, line in lines)
    _, trigger_lines = bring(made["trigger"], since)
    assert trigger_lines == [("my_view", trigger_lines[0][1])]
    assert "the old café on Main St" in trigger_lines[0][1]
    goal_item, goal_lines = bring(made["goal"], since)
    assert goal_lines[0][0] == "went_well"
    assert "Four walks this month — 1 more this week (2 of 4 walks)" in goal_item.quote
    ritual_item, _ = bring(made["ritual"], since)
    assert ritual_item.quote == "A walk together — we laughed"
    with pytest.raises(InvalidRecord):
        bring(WeeklyTalk(appreciations="x"), since)


def test_a_weekly_conversation_leaves_with_what_it_quoted_and_reads_in_order(vault):
    today, made = _week(vault)
    item, lines = bring(made["checkin"], (today - timedelta(days=7)).date())
    talk = WeeklyTalkRepository(vault.db).add(
        WeeklyTalk(
            appreciations=lines[0][1] + "\n\nthe soup",
            went_well="we walked twice",
            issue="Late messages",
            my_view="I get anxious after ten",
            heard="You feel unsure when I'm quiet",
            need="A word before I go out",
            agreements="Phones down at dinner",
            my_part="Text when I leave work",
            partner_part="Ask before assuming",
            brought=[item],
            shared=True,
        )
    )
    leaving = share.share_dict(talk)
    assert leaving["brought"] == [
        {"kind": "checkin", "occurred_at": item.occurred_at.isoformat(), "quote": item.quote}
    ]  # the vault's own uid stays here
    text = render_item(leaving)
    assert text.startswith("## Weekly conversation — Late messages\n")
    order = [
        "Started from items of this week:",
        "you listened to me",
        "### Appreciations",
        "the soup",
        "### What went well this week",
        "### One issue: Late messages",
        "#### My view",
        "#### What I heard",
        "#### What I need",
        "### Agreements",
        "### What I will do",
        "### What my partner said they will do",
        "Ask before assuming",
    ]
    places = [text.index(words) for words in order]
    assert places == sorted(places), text
    # the export keeps everything (uid too) and reads back equal
    data = transfer.export_bytes(vault.db, [talk], "json")
    back = WeeklyTalkRepository(vault.db)
    assert back.get(talk.id).brought == [item]
    assert b"you listened to me" in data


def test_an_imported_conversation_needs_some_words_and_a_ritual_a_known_kind(vault):
    from kintsugi.core import validate

    with pytest.raises(validate.Invalid, match="needs some words"):
        validate.record_fields(
            {"kind": "weekly_talk", "uid": "u1", "occurred_at": "2026-11-02T10:00:00+00:00"}
        )
    with pytest.raises(validate.Invalid, match="is not one of"):
        validate.record_fields(
            {
                "kind": "ritual",
                "uid": "u2",
                "occurred_at": "2026-11-02T10:00:00+00:00",
                "ritual": "a chore",
            }
        )
    with pytest.raises(InvalidRecord):
        RitualRepository(vault.db).add(Ritual(ritual="a chore"))


def test_a_goal_kept_together_has_steps_and_each_is_noticed_once(vault):
    goals = GoalRepository(vault.db)
    goal = goals.add(
        Goal(
            text="Finish the therapy module together",
            together=True,
            milestones=[
                GoalMilestone("Read chapter one"),
                GoalMilestone("Do the exercise", date(2026, 11, 20)),
            ],
        )
    )
    assert [m.text for m in goal.milestones] == ["Read chapter one", "Do the exercise"]
    assert goal.together and not any(m.celebrated for m in goal.milestones)
    goal.milestones[1].celebrated = True  # noticed in the save that saw it reached
    again = goals.update(goal)
    assert [m.celebrated for m in again.milestones] == [False, True]
    leaving = share.share_dict(again)
    assert all("celebrated" not in m for m in leaving["milestones"])
    text = render_item(leaving)
    assert "A goal we keep together" in text
    assert "○ Read chapter one (not yet)" in text and "✓ Do the exercise (reached" in text
    assert goal.id in [h.id for h in Search(vault.db).search("chapter")]


def test_the_weekly_reminder_has_its_own_schedule_and_snooze(vault):
    talk, checkin = ScheduleStore.weekly_talk(vault.db), ScheduleStore(vault.db)
    assert talk.get() == CheckInSchedule() and talk.get().cadence == "off"  # off by default
    talk.set(CheckInSchedule("weekly", 7, "18:30"))
    assert talk.get() == CheckInSchedule("weekly", 7, "18:30")
    assert checkin.get() == CheckInSchedule()  # the check-in's is untouched
    until = datetime(2026, 11, 29, 20, 30).astimezone()
    talk.snooze(until)
    assert talk.snoozed_until() == until and checkin.snoozed_until() is None


def test_the_new_kinds_sync_and_a_step_noticed_on_one_computer_stays_noticed(tmp_path):
    """Sync travels a kind as its lossless export: a goal's steps go with it, each with the
    day it was reached and whether it was noticed, so the other computer never says it
    again; the weekly conversation (with what it quoted) and a ritual travel too. Its
    reminder stays on the computer where it was set (docs/sync-format.md)."""
    from kintsugi.core import sync
    from kintsugi.core.repo.items import Items
    from tests.helpers import open_paired, paired_template

    template = paired_template(tmp_path / "template", names=("a", "b"))
    _folder, vaults = open_paired(template, tmp_path / "copy", names=("a", "b"))
    a, b = vaults["a"], vaults["b"]
    try:
        goal = GoalRepository(a.db).add(
            Goal(
                text="Six walks together",
                together=True,
                milestones=[GoalMilestone("The first walk"), GoalMilestone("Three walks")],
            )
        )
        talk = WeeklyTalkRepository(a.db).add(
            WeeklyTalk(
                appreciations="> Ritual, 29 Nov 2026: “River walk”",
                issue="Evenings apart",
                brought=[BroughtItem("u1", "ritual", now(), "River walk")],
            )
        )
        ritual = RitualRepository(a.db).add(Ritual(ritual="walk", felt="easy"))
        ScheduleStore.weekly_talk(a.db).set(CheckInSchedule("weekly", 7, "19:00"))
        for v in (a, b, a, b):
            sync.run_round(v)
        # the reminder is this computer's preference, like the check-in's schedule
        assert ScheduleStore.weekly_talk(b.db).get().cadence == "off"
        ids = Items(b.db).ids_of([goal.uid, talk.uid, ritual.uid])
        there = GoalRepository(b.db).get(ids[goal.uid])
        assert there.together and [m.text for m in there.milestones] == [
            "The first walk",
            "Three walks",
        ]
        got = WeeklyTalkRepository(b.db).get(ids[talk.uid])
        assert got.issue == "Evenings apart" and got.brought[0].quote == "River walk"
        assert RitualRepository(b.db).get(ids[ritual.uid]).felt == "easy"
        # reached and noticed on b, in one save (as the Goals editor does)
        there.milestones[0].reached_on = date.today()
        there.milestones[0].celebrated = True
        GoalRepository(b.db).update(there)
        for v in (b, a, b, a):
            sync.run_round(v)
        back = GoalRepository(a.db).get(goal.id)
        assert back.milestones[0].reached_on == date.today() and back.milestones[0].celebrated
        assert not back.milestones[1].reached_on and not back.milestones[1].celebrated
    finally:
        for v in vaults.values():
            v.lock()

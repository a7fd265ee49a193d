"""Therapy sessions (issue 20 item 8): items marked "for my next session" are the agenda;
a session takes them in, keeps notes and homework; the marks go with the backup and the
schema upgrades from old vaults."""

from __future__ import annotations

import shutil
from pathlib import Path

from kintsugi.core import schema
from kintsugi.core.records import Entry, Homework, TherapySession, Trigger
from kintsugi.core.render import render_record
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.therapy import NextSession, TherapySessionRepository
from kintsugi.core.repo.triggers import TriggerRepository
from kintsugi.core.search import Search
from kintsugi.core.vault import Vault

DATA = Path(__file__).resolve().parent.parent / "data"


def test_marked_items_are_the_agenda_and_a_session_takes_them_in(vault):
    entry = EntryRepository(vault.db).add(Entry(title="The call on Friday", body="x"))
    trigger = TriggerRepository(vault.db).add(Trigger(cue="place", situation="The hotel sign"))
    other = EntryRepository(vault.db).add(Entry(title="Not for therapy", body="y"))
    agenda = NextSession(vault.db)
    agenda.set_marked(trigger.id, True)
    agenda.set_marked(entry.id, True)
    agenda.set_marked(entry.id, True)  # twice is once
    assert [s.id for s in agenda.agenda()] == [trigger.id, entry.id]
    assert agenda.is_marked(entry.id) and not agenda.is_marked(other.id)
    Items(vault.db).delete(entry.id)  # in the trash: off the agenda, mark kept
    assert [s.id for s in agenda.agenda()] == [trigger.id]
    Items(vault.db).restore(entry.id)

    session = TherapySession(agenda=["How to talk about the holidays"])
    names = {"entry": "Journal entry", "trigger": "Hard moment"}
    taken = agenda.take_into(session, lambda s: f"{names[s.kind]}: {s.title}")
    assert taken == [trigger.id, entry.id]
    assert session.agenda == [
        "How to talk about the holidays",
        "Hard moment: The hotel sign",
        "Journal entry: The call on Friday",
    ]
    session.notes = "We talked about pacing the questions."
    session.homework = [Homework("Write the letter, not send it"), Homework("  ")]
    saved = TherapySessionRepository(vault.db).add(session)
    agenda.clear(taken)
    assert agenda.agenda() == []
    assert saved.homework == [Homework("Write the letter, not send it")]
    text = render_record(saved)
    assert "- [ ] Write the letter, not send it" in text
    assert "Hard moment: The hotel sign" in text and "pacing the questions" in text
    assert saved.id in [h.id for h in Search(vault.db).search("pacing")]
    assert Items(vault.db).summary(saved.id).title == "Therapy session"


def test_a_purged_item_leaves_the_agenda(vault):
    entry = EntryRepository(vault.db).add(Entry(title="t", body="b"))
    NextSession(vault.db).set_marked(entry.id, True)
    Items(vault.db).delete(entry.id)
    Items(vault.db).purge(entry.id)
    with vault.db.read() as conn:
        assert conn.execute("SELECT count(*) FROM next_session").fetchone()[0] == 0


def test_the_therapy_migration_from_v1_and_from_the_previous_version(tmp_path):
    path = tmp_path / "v1.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        first = Items(v.db).timeline()[0]
        NextSession(v.db).set_marked(first.id, True)
        assert [s.id for s in NextSession(v.db).agenda()] == [first.id]
        assert v.check() == []
    at = schema.MIGRATIONS.index(schema._add_therapy_sessions)
    prev = tmp_path / "prev.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", prev)
    with Vault.open(prev, "old vault passphrase", migrations=schema.MIGRATIONS[:at]) as v:
        assert schema.user_version(v.db) == at
        with v.db.read() as conn:
            assert conn.execute("PRAGMA table_info(therapy_session)").fetchall() == []
        before = len(Items(v.db).timeline())
    with Vault.open(prev, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        assert len(Items(v.db).timeline()) == before
        saved = TherapySessionRepository(v.db).add(TherapySession(notes="n"))
        assert saved.notes == "n"
        assert v.check() == []


def test_the_agenda_stays_on_this_computer_and_the_session_travels(tmp_path):
    """The marks are device-local (docs/sync-format.md, "What stays on one computer"):
    marking sends nothing; the session that took them in syncs, its points with it."""
    from kintsugi.core import sync
    from tests.helpers import open_paired, paired_template

    pair = ("a", "b")
    _folder, v = open_paired(paired_template(tmp_path / "t", pair), tmp_path / "c", pair)
    a, b = v["a"], v["b"]
    try:
        entry = EntryRepository(a.db).add(Entry(title="The call on Friday", body="x"))
        sync.run_round(a)
        sync.run_round(b)
        NextSession(a.db).set_marked(entry.id, True)
        assert sync.run_round(a).sent == 0  # a mark is not a change of the entry
        sync.run_round(b)
        assert NextSession(b.db).agenda() == []
        session = TherapySession()
        taken = NextSession(a.db).take_into(session, lambda s: s.title)
        TherapySessionRepository(a.db).add(session)
        NextSession(a.db).clear(taken)
        sync.run_round(a)
        sync.run_round(b)
        there = TherapySessionRepository(b.db)
        assert [there.get(i).agenda for i in there.all_ids()] == [["The call on Friday"]]
    finally:
        a.lock()
        b.lock()

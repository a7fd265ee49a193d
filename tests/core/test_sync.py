"""Syncing through a folder (core/sync): pairing, rounds for every kind, the merge rules,
the folder's files (write-once, encrypted, padded, a half-synced or conflicted copy
skipped), removal with a new key, and the canary: no plaintext in the folder, ever."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from kintsugi.core import sync
from kintsugi.core.errors import (
    AlreadySyncing,
    ConflictNotFound,
    DeviceRemoved,
    JoinNeedsEmptyVault,
    SyncFolderMissing,
    SyncNotSetUp,
    UnknownDevice,
    WrongPairingCode,
)
from kintsugi.core.records import RECORD_TYPES, Entry, Trigger
from kintsugi.core.repo import REPOSITORIES, repository_for
from kintsugi.core.repo.attachments import AttachmentRepo
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.sync import clock, engine
from kintsugi.core.sync import folder as fs
from kintsugi.core.vault import Vault
from tests.core.test_kinds import Filler
from tests.helpers import FAST_KDF, PASSPHRASE, open_paired, paired_template

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return paired_template(tmp_path_factory.mktemp("paired"))


@pytest.fixture
def trio(template, tmp_path):
    folder, vaults = open_paired(template, tmp_path / "copy")
    yield folder, vaults
    for v in vaults.values():
        v.lock()


def settle(*vaults, rounds: int = 3):
    for _ in range(rounds):
        for v in vaults:
            sync.run_round(v)


def snapshot_of(vault) -> dict[str, dict]:
    """Every record as it syncs (its kind's export, attachments), by uid."""
    out = {}
    with vault.db.read() as conn:
        for item_id in [s.id for s in Items(vault.db).timeline(limit=10_000)] + [
            s.id for s in Items(vault.db).trash()
        ]:
            uid = Items(vault.db).get(item_id).uid
            kind, fields = engine.live_fields(vault.db, conn, uid)
            out[uid] = fields
    return out


def entry_of(vault, uid):
    ids = Items(vault.db).ids_of([uid])
    return EntryRepository(vault.db).get(ids[uid])


# --- pairing --------------------------------------------------------------------------------
def test_setup_and_join_bring_every_kind_across(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    filler = Filler()
    with (
        Vault.create(tmp_path / "a.kintsugi", PASSPHRASE, params=FAST_KDF) as a,
        Vault.create(tmp_path / "b.kintsugi", PASSPHRASE, params=FAST_KDF) as b,
    ):
        for n, kind in enumerate(REPOSITORIES):
            repository_for(a.db, kind).add(filler.record(RECORD_TYPES[kind], n))
        code = sync.setup(a, folder)
        assert len(code.replace("-", "")) == 32
        with pytest.raises(WrongPairingCode):
            sync.join(b, folder, "0000-0000-0000-0000-0000-0000-0000-0000")
        sync.join(b, folder, code.lower().replace("-", " "))  # as typed
        assert snapshot_of(b) == snapshot_of(a)
        assert len(snapshot_of(b)) == len(REPOSITORIES)
        # the code worked once: the invitation is gone
        assert fs.names(folder, fs.PAIRING, fs.PAIRING_FILE) == []
        st = sync.status(b)
        assert st is not None and len(st.devices) == 2 and st.devices[0].this_device


def test_pairing_refuses_what_it_cannot_do(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    with (
        Vault.create(tmp_path / "a.kintsugi", PASSPHRASE, params=FAST_KDF) as a,
        Vault.create(tmp_path / "b.kintsugi", PASSPHRASE, params=FAST_KDF) as b,
    ):
        with pytest.raises(SyncFolderMissing):
            sync.setup(a, tmp_path / "nowhere")
        assert sync.status(a) is None
        with pytest.raises(SyncNotSetUp):
            sync.run_round(a)
        code = sync.setup(a, folder)
        other = tmp_path / "other"
        other.mkdir()
        with pytest.raises(AlreadySyncing):
            sync.setup(a, other)
        EntryRepository(b.db).add(Entry(body="already mine"))
        with pytest.raises(JoinNeedsEmptyVault):
            sync.join(b, folder, code)
        with pytest.raises(AlreadySyncing):
            sync.join(a, folder, code)


# --- rounds and merging -----------------------------------------------------------------------
def test_edits_travel_and_a_quiet_round_sends_nothing(trio):
    folder, v = trio
    a, b, c = v["a"], v["b"], v["c"]
    e = EntryRepository(a.db).add(Entry(title="t", body="one\n"))
    first = sync.run_round(a)
    assert first.sent == 1
    settle(b, c)
    assert entry_of(c, e.uid).body == "one\n"
    quiet = sync.run_round(c)
    assert (quiet.sent, quiet.received) == (0, 0)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    sync.run_round(c)
    assert sorted(p for p in folder.rglob("*") if p.is_file()) == files  # wrote nothing


def test_concurrent_edits_of_different_lines_merge(trio):
    _folder, v = trio
    a, b = v["a"], v["b"]
    e = EntryRepository(a.db).add(Entry(title="t", body="first\nsecond\nthird\n"))
    settle(a, b)
    mine = entry_of(a, e.uid)
    mine.body = "first, changed on a\nsecond\nthird\n"
    EntryRepository(a.db).update(mine)
    theirs = entry_of(b, e.uid)
    theirs.body = "first\nsecond\nthird, changed on b\n"
    EntryRepository(b.db).update(theirs)
    settle(a, b)
    want = "first, changed on a\nsecond\nthird, changed on b\n"
    assert entry_of(a, e.uid).body == want == entry_of(b, e.uid).body
    assert sync.conflicts(a) == [] == sync.conflicts(b)


def test_the_same_lines_changed_on_both_sides_are_a_conflict_until_resolved(trio):
    _folder, v = trio
    a, b = v["a"], v["b"]
    e = EntryRepository(a.db).add(Entry(title="t", body="we agreed\n"))
    settle(a, b)
    for vault, text in ((a, "we agreed on Sunday\n"), (b, "we agreed on Monday\n")):
        rec = entry_of(vault, e.uid)
        rec.body = text
        EntryRepository(vault.db).update(rec)
    settle(a, b)
    kept = entry_of(a, e.uid).body
    assert kept == entry_of(b, e.uid).body
    found = sync.conflicts(a)
    assert len(found) == 1 and found[0].field == "body" and found[0].item_uid == e.uid
    assert {found[0].mine, found[0].theirs} == {"we agreed on Sunday\n", "we agreed on Monday\n"}
    assert found[0].mine == kept and found[0].base == "we agreed\n"
    assert len(sync.conflicts(b)) == 1
    with pytest.raises(ConflictNotFound):
        sync.resolve(a, "999", "x")
    sync.resolve(a, found[0].conflict_id, "we agreed on Sunday or Monday\n")
    assert sync.conflicts(a) == []
    settle(a, b)
    assert entry_of(b, e.uid).body == "we agreed on Sunday or Monday\n"
    assert sync.conflicts(b) == []  # resolved on a: no longer waiting on b


def test_a_scalar_edited_on_both_sides_keeps_the_later_one_by_the_hybrid_clock(trio):
    """b's wall clock is a day behind; its edit came after it saw a's, so it wins."""
    _folder, v = trio
    a, b = v["a"], v["b"]
    day = 86_400_000
    real = clock.wall_ms
    t = TriggerRepositoryFor(a).add(Trigger(cue="place", suds_peak=4))
    sync.run_round(a)
    sync.run_round(b, wall=lambda: real() - day)
    rec = TriggerRepositoryFor(a).get(t.id)
    rec.suds_peak = 7
    TriggerRepositoryFor(a).update(rec)
    sync.run_round(a)
    sync.run_round(b, wall=lambda: real() - day)  # b sees 7
    theirs = _get(b, t.uid)
    theirs.suds_peak = 2  # then b writes 2, later in fact, though its clock says yesterday
    TriggerRepositoryFor(b).update(theirs)
    sync.run_round(b, wall=lambda: real() - day)
    sync.run_round(a)
    assert _get(a, t.uid).suds_peak == 2 == _get(b, t.uid).suds_peak


def test_moving_to_the_trash_loses_to_a_later_edit_and_a_purge_travels(trio):
    _folder, v = trio
    a, b = v["a"], v["b"]
    e = EntryRepository(a.db).add(Entry(title="t", body="keep me\n"))
    gone = EntryRepository(a.db).add(Entry(title="t2", body="let go\n"))
    settle(a, b)
    Items(a.db).delete(entry_of(a, e.uid).id)
    sync.run_round(a)
    rec = entry_of(b, e.uid)
    rec.body = "keep me, edited after\n"
    EntryRepository(b.db).update(rec)
    settle(b, a)
    for vault in (a, b):
        assert entry_of(vault, e.uid).deleted_at is None
        assert entry_of(vault, e.uid).body == "keep me, edited after\n"
    Items(a.db).delete(entry_of(a, gone.uid).id)
    Items(a.db).empty_trash()
    settle(a, b)
    assert Items(b.db).ids_of([gone.uid]) == {}


def test_attachments_travel_as_encrypted_files_named_by_nothing_they_hold(trio):
    folder, v = trio
    a, b = v["a"], v["b"]
    e = EntryRepository(a.db).add(Entry(title="t", body="with a picture"))
    att = AttachmentRepo(a.db).add_bytes(e.id, PNG, "dot.png")
    settle(a, b)
    got = AttachmentRepo(b.db).list_for(entry_of(b, e.uid).id)
    assert [(x.uid, x.sha256, x.name) for x in got] == [(att.uid, att.sha256, "dot.png")]
    assert AttachmentRepo(b.db).read_bytes(got[0].id) == AttachmentRepo(a.db).read_bytes(att.id)
    blobs = fs.names(folder, fs.BLOBS, fs.BLOB_FILE)
    assert len(blobs) == 1 and att.sha256[:16] not in blobs[0]
    AttachmentRepo(b.db).remove(got[0].id)
    settle(b, a)
    assert AttachmentRepo(a.db).list_for(e.id) == []


# --- the folder's files ------------------------------------------------------------------------
def test_a_half_synced_file_is_skipped_and_read_when_whole(trio):
    folder, v = trio
    a, b = v["a"], v["b"]
    e = EntryRepository(a.db).add(Entry(title="t", body="arrives late"))
    sync.run_round(a)
    me = sync.status(a).device_id
    newest = max(int(p.stem) for p in (folder / me).glob("*.age"))
    path = folder / me / f"{newest}.age"
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    summary = sync.run_round(b)
    assert summary.skipped_files >= 1 and Items(b.db).ids_of([e.uid]) == {}
    path.write_bytes(whole)
    sync.run_round(b)
    assert entry_of(b, e.uid).body == "arrives late"


def test_sync_tools_conflict_copies_and_temporaries_are_ignored(trio):
    folder, v = trio
    a, b = v["a"], v["b"]
    EntryRepository(a.db).add(Entry(title="t", body="real"))
    sync.run_round(a)
    me = sync.status(a).device_id
    newest = max((folder / me).glob("*.age"), key=lambda p: int(p.stem))
    for name in (
        f"{newest.stem}.sync-conflict-20261201-101010-ABCDEFG.age",
        f"{newest.stem} (conflicted copy 2026-12-01).age",
        ".syncthing.1.age.tmp",
        "~$1.age",
    ):
        (folder / me / name).write_bytes(b"garbage" * 100)
    (folder / "0123456789abcdef (conflicted copy)").mkdir()
    summary = sync.run_round(b)
    assert summary.skipped_files == 0
    assert len(snapshot_of(b)) == len(snapshot_of(a))


def test_files_are_padded_encrypted_and_hold_no_plaintext_canary(trio):
    """The canary test: unique strings in every text of every kind, a private note, a photo
    and a voice note; after change files, a snapshot, an invitation and a new key after a
    removal, no byte under the folder holds any of them, a title, a kind's name or a key, no
    file's name says anything of them, and every file opens to a padded bucket's size."""
    import pyrage
    from pyrage import x25519

    from kintsugi.core.repo import sync_state as ss
    from tests.core.test_attachments import wav_bytes

    folder, v = trio
    a, b, c = v["a"], v["b"], v["c"]
    filler = Filler()
    for n, kind in enumerate(REPOSITORIES):
        rec = filler.record(RECORD_TYPES[kind], n)
        rec.private_note = "canaryprivatenote"
        repository_for(a.db, kind).add(rec)
    e = EntryRepository(a.db).add(Entry(title="canarytitle", body="canarybody"))
    AttachmentRepo(a.db).add_bytes(e.id, PNG + b"canaryattachment", "canaryname.png")
    voice = wav_bytes(0.5)
    AttachmentRepo(a.db).add_bytes(e.id, voice, "canaryvoice.wav")
    settle(a, b, c)
    assert entry_of(b, e.uid).title == "canarytitle"
    assert engine.Engine(a).maybe_snapshot(force=True)  # every record again, in a snapshot
    sync.setup(a, folder)  # an invitation waiting in pairing/
    sync.remove_device(b, sync.status(c).device_id)  # a new key in keys/
    settle(a, b)  # (each one that picks the new key up writes a snapshot under it)
    EntryRepository(a.db).add(Entry(title="canarylater", body="canarylater"))
    settle(a, b)
    assert len(AttachmentRepo(b.db).list_for(entry_of(b, e.uid).id)) == 2
    with a.db.read() as conn:
        keys = ss.keys(conn)
        own = ss.config(conn).identity
    secrets_ = [ident for _, ident, _ in keys] + [own] + [name_key for _, _, name_key in keys]
    needles = [m.encode() for m in filler.markers] + [
        b"canary",
        *[k.encode() for k in REPOSITORIES],
        b"IHDR",
        voice[-256:-128],  # the recording's own bytes
        b"AGE-SECRET-KEY",
        *[s.encode() for s in secrets_],
    ]
    identities = [x25519.Identity.from_str(i) for i in [*secrets_[: len(keys)], own]]
    seen = set()
    for path in folder.rglob("*"):
        assert not any(n.decode(errors="ignore") in path.name for n in needles[:-6])
        if not path.is_file():
            continue
        data = path.read_bytes()
        assert data.startswith(b"age-encryption.org/v1\n"), path
        for needle in needles:
            assert needle not in data, (path, needle)
        top = path.relative_to(folder).parts[0]
        if top == fs.PAIRING:
            seen.add("pairing")  # locked by the pairing code (scrypt), not by a key we hold
            continue
        plain = pyrage.decrypt(data, identities)
        assert len(plain) == fs.bucket(len(plain)), (path, len(plain))  # a padded bucket
        seen.add(
            top
            if top in (fs.KEYS, fs.BLOBS)
            else "snapshot"
            if fs.SNAPSHOT_FILE.match(path.name)
            else "changes"
        )
    assert seen == {"pairing", fs.KEYS, fs.BLOBS, "snapshot", "changes"}


def test_padding_buckets():
    assert fs.bucket(1) == 1024 and fs.bucket(1025) == 1152
    for size in (1, 999, 4097, 70_000, 3_000_001):
        assert fs.bucket(size) >= size and fs.bucket(size) <= max(1024, size * 1.125 + 1)
        assert fs.unpad(fs.pad(b"x" * size)) == b"x" * size


def test_the_clock_never_runs_back():
    stamp = clock.tick("", "aa", 1000)
    later = clock.tick(stamp, "aa", 10)  # the wall clock went back
    assert later > stamp
    seen = clock.make(5000, 3, "bb")
    after = clock.observe(later, seen, "aa", 20)
    assert after > seen and clock.tick(after, "aa", 30) > after
    assert clock.valid(after) and not clock.valid("nonsense")


# --- removing a device -----------------------------------------------------------------------
def test_removing_a_device_gives_the_others_a_new_key_it_cannot_open(trio):
    folder, v = trio
    a, b, c = v["a"], v["b"], v["c"]
    settle(a, b, c)
    c_id = sync.status(c).device_id
    with pytest.raises(UnknownDevice):
        sync.remove_device(a, "0" * 16)
    sync.remove_device(a, c_id)
    assert not (folder / c_id).exists()
    e = EntryRepository(a.db).add(Entry(title="t", body="after the removal"))
    settle(a, b)
    assert entry_of(b, e.uid).body == "after the removal"
    assert [d.removed for d in sync.status(b).devices if d.device_id == c_id] == [True]
    with pytest.raises(DeviceRemoved):
        sync.run_round(c)
    assert Items(c.db).ids_of([e.uid]) == {}
    assert "removed" in (sync.status(c).last_problem or "")
    # what c writes now is not read by the others (it sends nothing once it knows)
    late = EntryRepository(c.db).add(Entry(title="t", body="from the removed one"))
    with pytest.raises(DeviceRemoved):
        sync.run_round(c)
    settle(a, b)
    assert Items(a.db).ids_of([late.uid]) == {} == Items(b.db).ids_of([late.uid])


def TriggerRepositoryFor(vault):  # noqa: N802 - reads like the class it stands for
    return repository_for(vault.db, "trigger")


def _get(vault, uid):
    return Items(vault.db).get(Items(vault.db).ids_of([uid])[uid])


def test_stale_temporaries_of_our_own_are_found(tmp_path):
    old = tmp_path / f"{fs.TEMP_PREFIX}abcdef012345.tmp"
    old.write_bytes(b"x")
    os.utime(old, (1, 1))
    assert fs.stale_temps(tmp_path, 3600, 10_000) == [old]


def test_state_round_trips():
    st = engine.State("r", {"a": 1}, {"a": "r"}, ["p"], "p", {"a": 0})
    assert dataclasses.asdict(engine.State.unpack(st.pack())) == dataclasses.asdict(st)


def test_a_folder_path_is_absolute(tmp_path):
    assert engine.folder_path(Path("x")).is_absolute()


# --- snapshots and compaction ------------------------------------------------------------------
def test_a_snapshot_replaces_the_old_change_files_and_brings_a_late_device_up(trio, monkeypatch):
    folder, v = trio
    a, b, c = v["a"], v["b"], v["c"]
    settle(a, b, c)
    monkeypatch.setattr(engine, "SNAPSHOT_EVERY", 3)
    shared = EntryRepository(a.db).add(Entry(title="t", body="one\ntwo\nthree\n"))
    settle(a, b, c)
    # c goes away for weeks; meanwhile a writes a lot, and c edits the shared entry
    away = entry_of(c, shared.uid)
    away.body = "one\ntwo\nthree\nwritten while away\n"
    EntryRepository(c.db).update(away)
    made = []
    for n in range(8):
        made.append(EntryRepository(a.db).add(Entry(title=f"t{n}", body=f"day {n}")).uid)
        rec = entry_of(a, shared.uid)
        rec.body = "".join([f"one (edit {n})\n", *rec.body.splitlines(keepends=True)[1:]])
        EntryRepository(a.db).update(rec)
        sync.run_round(a)
        sync.run_round(b)
    me = sync.status(a).device_id
    changes, snaps = fs.device_files(folder, me)
    assert snaps, "a wrote a snapshot"
    assert all(s > max(snaps) for s in changes)  # the older files were compacted away
    assert len(snaps) == 1
    settle(c, a, b)
    for vault in (a, b, c):
        assert all(Items(vault.db).ids_of([u]) for u in made)
    body = entry_of(c, shared.uid).body
    assert body == entry_of(a, shared.uid).body == entry_of(b, shared.uid).body
    assert "written while away\n" in body and "one (edit 7)\n" in body


def test_a_new_device_starts_from_a_snapshot_and_waits_for_its_last_part(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "BATCH", 3)
    folder = tmp_path / "folder"
    folder.mkdir()
    with Vault.create(tmp_path / "a.kintsugi", PASSPHRASE, params=FAST_KDF) as a:
        for n in range(7):
            EntryRepository(a.db).add(Entry(title=f"t{n}", body=f"entry {n}"))
        code = sync.setup(a, folder)
        eng = engine.Engine(a)
        assert eng.maybe_snapshot(force=True)
        me = sync.status(a).device_id
        changes, snaps = fs.device_files(folder, me)
        assert not changes and len(next(iter(snaps.values()))) == 3  # 7 records, 3 a part
        last = folder / me / sorted(next(iter(snaps.values())))[-1]
        kept = last.read_bytes()
        last.unlink()  # the last part is still on its way
        with Vault.create(tmp_path / "b.kintsugi", PASSPHRASE, params=FAST_KDF) as b:
            sync.join(b, folder, code)
            assert Items(b.db).timeline() == []
            last.write_bytes(kept)
            sync.run_round(b)
            assert len(Items(b.db).timeline()) == 7


def test_what_only_the_remover_read_of_a_removed_device_still_reaches_the_others(trio):
    folder, v = trio
    a, b, c = v["a"], v["b"], v["c"]
    settle(a, b, c)
    c_id = sync.status(c).device_id
    late = EntryRepository(c.db).add(Entry(title="t", body="written on c before its removal"))
    sync.run_round(c)
    sync.remove_device(a, c_id)  # a reads c's last file first; b never will (c's folder goes)
    assert not (folder / c_id).exists()
    me = sync.status(a).device_id
    changes, snaps = fs.device_files(folder, me)
    assert snaps and all(s > max(snaps) for s in changes)  # a's files now under the new key
    settle(a, b)
    assert entry_of(b, late.uid).body == "written on c before its removal"
    assert snapshot_of(a) == snapshot_of(b)


# --- deleted for good ------------------------------------------------------------------------
def _purge(vault, uid):
    Items(vault.db).delete(Items(vault.db).ids_of([uid])[uid])
    Items(vault.db).empty_trash()


def test_deleted_for_good_loses_to_an_edit_made_later(trio):
    _folder, v = trio
    a, b = v["a"], v["b"]
    real = clock.wall_ms
    e = EntryRepository(a.db).add(Entry(title="t", body="keep going\n"))
    settle(a, b)
    _purge(a, e.uid)
    sync.run_round(a)
    rec = entry_of(b, e.uid)  # b has not seen the delete; its edit comes an hour after it
    rec.body = "keep going, written later\n"
    EntryRepository(b.db).update(rec)
    for _ in range(3):
        sync.run_round(b, wall=lambda: real() + 3_600_000)
        sync.run_round(a)
    for vault in (a, b):
        assert entry_of(vault, e.uid).body == "keep going, written later\n"
    assert snapshot_of(a) == snapshot_of(b)


def test_deleted_for_good_wins_over_an_edit_made_before_it(trio):
    _folder, v = trio
    a, b = v["a"], v["b"]
    real = clock.wall_ms
    e = EntryRepository(a.db).add(Entry(title="t", body="let go\n"))
    settle(a, b)
    rec = entry_of(b, e.uid)
    rec.body = "let go, an hour before the delete\n"
    EntryRepository(b.db).update(rec)
    sync.run_round(b, wall=lambda: real() - 3_600_000)
    _purge(a, e.uid)  # a has not read b's edit
    for _ in range(3):
        sync.run_round(a)
        sync.run_round(b, wall=lambda: real() - 3_600_000)
    assert Items(a.db).ids_of([e.uid]) == {} == Items(b.db).ids_of([e.uid])


def test_a_snapshot_waits_until_what_was_written_is_worth_rewriting_the_journal(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(engine, "SNAPSHOT_EVERY", 2)
    folder = tmp_path / "folder"
    folder.mkdir()
    with Vault.create(tmp_path / "a.kintsugi", PASSPHRASE, params=FAST_KDF) as a:
        repo = EntryRepository(a.db)
        repo.add_batch([Entry(title=f"t{n}", body=os.urandom(200).hex()) for n in range(400)])
        sync.setup(a, folder)
        assert engine.Engine(a).maybe_snapshot(force=True)
        me = sync.status(a).device_id
        small = repo.add(Entry(title="t", body="a line"))
        for n in range(2 * 16 - 1):
            small.body = f"a line, again {n}"
            repo.update(small)
            sync.run_round(a)
            changes, snaps = fs.device_files(folder, me)
            assert len(snaps) == 1 and len(changes) == n + 1  # two small files: not yet
        small.body = "the 32nd"
        repo.update(small)
        sync.run_round(a)
        changes, snaps = fs.device_files(folder, me)
        assert changes == {} and len(snaps) == 1  # sixteen times as many: compacted


def test_a_new_computer_gets_attachments_through_a_snapshot(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    with Vault.create(tmp_path / "a.kintsugi", PASSPHRASE, params=FAST_KDF) as a:
        e = EntryRepository(a.db).add(Entry(title="t", body="with a picture"))
        att = AttachmentRepo(a.db).add_bytes(e.id, PNG, "dot.png")
        code = sync.setup(a, folder)
        assert engine.Engine(a).maybe_snapshot(force=True)
        changes, _snaps = fs.device_files(folder, sync.status(a).device_id)
        assert not changes  # only the snapshot is left to read
        with Vault.create(tmp_path / "b.kintsugi", PASSPHRASE, params=FAST_KDF) as b:
            sync.join(b, folder, code)
            got = AttachmentRepo(b.db).list_for(entry_of(b, e.uid).id)
            assert [x.sha256 for x in got] == [att.sha256]

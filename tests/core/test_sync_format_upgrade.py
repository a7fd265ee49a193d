"""Upgrading from sync format 1 (files unsigned) to format 2 (every file signed), one
computer at a time (docs/sync-format.md, "Upgrading from format 1"): a format-1 file of a
computer this journal syncs with is not read and is said calmly (``SyncPeerTooOld``, not
the forged file's alarm); the first round after a computer's update writes a signed
snapshot of everything, which the others read in place of its format-1 files; once both
are updated they converge and nothing acknowledged is lost."""

import json

import pytest

from kintsugi.core import schema, sync
from kintsugi.core.errors import SyncFileRefused, SyncPeerTooOld
from kintsugi.core.records import Entry
from kintsugi.core.repo import sync_state as ss
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.sync import engine
from kintsugi.core.sync import folder as fs
from kintsugi.core.vault import Vault
from tests.core.test_sync import settle, snapshot_of
from tests.core.test_sync_removed import Removed, _has, _id, _next
from tests.helpers import PASSPHRASE, open_paired, paired_template


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return paired_template(tmp_path_factory.mktemp("format1"), names=("a", "b"))


@pytest.fixture
def two(template, tmp_path):
    folder, v = open_paired(template, tmp_path / "copy", names=("a", "b"))
    yield folder, v
    for x in v.values():
        x.lock()


def _format_1(doc: dict) -> bytes:
    """``doc`` as a format-1 Kintsugi wrote it: version 1, no signing key, no signature."""
    doc = {**doc, "v": 1, "device": {k: w for k, w in doc["device"].items() if k != "verify"}}
    doc.pop("sig", None)
    return json.dumps(doc).encode()


def _as_format_1(vault, folder) -> None:
    """Every file of ``vault``'s device in the folder as its format-1 Kintsugi wrote it."""
    with vault.db.read() as conn:
        keys = ss.keys(conn)
    me = _id(vault)
    for path in sorted((folder / me).glob("*.age")):
        payload = fs.open_document(path.read_bytes(), [keys[0][1]], limit=1 << 26)
        assert payload is not None
        path.unlink()
        old = _format_1(json.loads(payload))
        fs.write_once(path, fs.seal_document(old, [fs.recipient_of(keys[0][1])]))


def _update(vault, path):
    """``vault`` as it was at schema v18 (format 1), opened by this Kintsugi: schema v19
    (``_add_sync_signatures``) runs for real."""
    with vault.db.transaction() as conn:
        for column in ("verify_key", "old_key_to"):
            conn.execute(f"ALTER TABLE sync_device DROP COLUMN {column}")
    v18 = schema.MIGRATIONS.index(schema._add_sync_signatures)  # (v19 and later run again)
    vault.db.conn.execute(f"PRAGMA user_version = {v18}")
    vault.lock()
    fresh = Vault.open(path, PASSPHRASE)
    sync.move_folder(fresh, path.parent / "folder")
    return fresh


def _old_file(vault, folder, body: str) -> None:
    """A change file ``vault``'s device wrote before its update (format 1, unsigned), its
    entry kept in its vault as acknowledged."""
    old = Removed(vault, folder)
    me = _id(vault)
    n = _next(folder, me)
    doc = old.doc(me, n, [old.wire(body, me)])
    sealed = fs.seal_document(_format_1(doc), [fs.recipient_of(old.keys[0][1])])
    fs.write_once(folder / me / f"{n}.age", sealed)
    with vault.db.transaction() as conn:
        ss.update_config(conn, next_seq=n + 1)


def test_a_format_1_file_is_said_calmly_and_the_update_moves_the_other_on(two, tmp_path):
    """The reviewer's reproduction: b's one unread format-1 file blocked everything b wrote
    after its update; now a says calmly what is going on, and b's first round after the
    update writes a signed snapshot that a reads in its place."""
    folder, v = two
    a, b = v["a"], v["b"]
    settle(a, b, rounds=2)
    _old_file(b, folder, "written on b before its update")
    sync.run_round(a)
    assert sync.status(a).last_problem == SyncPeerTooOld.default_message
    assert SyncPeerTooOld.default_message != SyncFileRefused.default_message
    assert not _has(a, "written on b before its update")
    sync.run_round(a)  # again: the same calm message, nothing read
    assert sync.status(a).last_problem == SyncPeerTooOld.default_message

    b = v["b"] = _update(b, tmp_path / "copy" / "b.kintsugi")
    with b.db.read() as conn:
        assert ss.config(conn).snapshot_seq == -1  # schema v19 marked the folder's files old
    EntryRepository(b.db).add(Entry(title="t", body="written on b after its update"))
    sync.run_round(b)
    with b.db.read() as conn:
        assert ss.config(conn).snapshot_seq > 0  # the signed snapshot was written
    changes, snaps = fs.device_files(folder, _id(b))
    assert snaps and not [s for s in changes if s < max(snaps)]  # the old files are gone
    sync.run_round(a)
    assert _has(a, "written on b before its update")
    assert _has(a, "written on b after its update")
    assert sync.status(a).last_problem is None
    sync.run_round(b)  # one snapshot is enough: the next round writes none
    assert fs.device_files(folder, _id(b))[1].keys() == snaps.keys()


def test_a_format_1_file_from_a_device_not_known_is_refused_as_before(two):
    folder, v = two
    a, b = v["a"], v["b"]
    settle(a, b, rounds=2)
    stranger = "ab" * 8
    old = Removed(b, folder)
    doc = old.doc(stranger, 1, [old.wire("from nowhere", stranger)])
    (folder / stranger).mkdir()
    sealed = fs.seal_document(_format_1(doc), [fs.recipient_of(old.keys[0][1])])
    fs.write_once(folder / stranger / "1.age", sealed)
    sync.run_round(a)
    assert sync.status(a).last_problem == SyncFileRefused.default_message
    assert not _has(a, "from nowhere")


def test_both_updated_one_after_the_other_converge_and_lose_nothing(two, tmp_path):
    """Both wrote while on format 1 what the other had not read; a is updated first (b's
    files are said calmly), then b: after both snapshots they hold the same records, every
    one acknowledged on either side, and sync on as before."""
    folder, v = two
    a, b = v["a"], v["b"]
    settle(a, b, rounds=2)
    EntryRepository(a.db).add(Entry(title="t", body="a, format 1"))
    EntryRepository(b.db).add(Entry(title="t", body="b, format 1"))
    sync.run_round(a)
    sync.run_round(b)  # (b read a's file before its update)
    _as_format_1(a, folder)
    _as_format_1(b, folder)
    a = v["a"] = _update(a, tmp_path / "copy" / "a.kintsugi")
    EntryRepository(a.db).add(Entry(title="t", body="a, format 2"))
    sync.run_round(a)
    assert sync.status(a).last_problem == SyncPeerTooOld.default_message
    b = v["b"] = _update(b, tmp_path / "copy" / "b.kintsugi")
    EntryRepository(b.db).add(Entry(title="t", body="b, format 2"))
    settle(b, a, rounds=3)
    for x in (a, b):
        for body in ("a, format 1", "b, format 1", "a, format 2", "b, format 2"):
            assert _has(x, body), (x, body)
        assert sync.status(x).last_problem is None
    assert snapshot_of(a) == snapshot_of(b)
    EntryRepository(a.db).add(Entry(title="t", body="afterwards"))
    settle(a, b, rounds=2)
    assert _has(b, "afterwards")


def test_an_update_without_the_mark_finds_its_own_unsigned_file_and_writes_the_snapshot(two):
    """A vault that was at schema v19 before the mark existed (``snapshot_seq`` not -1):
    its round finds its own oldest file unsigned and writes the snapshot all the same."""
    folder, v = two
    a, b = v["a"], v["b"]
    settle(a, b, rounds=2)
    _as_format_1(b, folder)  # everything b wrote, b's Kintsugi being of format 1
    engine._SIGNED_OLDEST.clear()  # (the updated Kintsugi is a new process)
    _old_file(b, folder, "written on b before its update")
    sync.run_round(a)
    EntryRepository(b.db).add(Entry(title="t", body="written on b after its update"))
    sync.run_round(b)
    sync.run_round(a)
    assert _has(a, "written on b before its update")
    assert _has(a, "written on b after its update")
    assert sync.status(a).last_problem is None
    snaps = fs.device_files(folder, _id(b))[1]
    sync.run_round(b)
    assert fs.device_files(folder, _id(b))[1].keys() == snaps.keys()  # once, not each round

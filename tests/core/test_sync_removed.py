"""A removed computer keeps the old sync key and may still write into the folder (if it was
not removed from the sync tool too): what it writes after its removal is refused by the
others — in its own folder, in another computer's name, in a folder of a new name, as a new
key or as an old file played again — with a calm status, while the files written under the
old key before the new one are still read and the others converge (docs/sync-format.md,
"Removing a device")."""

from __future__ import annotations

import secrets
import shutil

import pytest

from kintsugi.core import sync
from kintsugi.core.errors import DeviceRemoved, SyncFileRefused, SyncKeysWithdrawn
from kintsugi.core.records import Entry
from kintsugi.core.repo import sync_state as ss
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.sync import clock, engine
from kintsugi.core.sync import folder as fs
from tests.core.test_sync import entry_of, settle, snapshot_of
from tests.helpers import open_paired, paired_template

NAMES = ("a", "b", "c", "d")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return paired_template(tmp_path_factory.mktemp("paired4"), names=NAMES)


@pytest.fixture
def four(template, tmp_path):
    folder, vaults = open_paired(template, tmp_path / "copy", names=NAMES)
    settle(*vaults.values(), rounds=2)
    yield folder, vaults
    for v in vaults.values():
        v.lock()


def _id(vault) -> str:
    return sync.status(vault).device_id


class Removed:
    """What the removed computer still holds (its own key, the old sync key, a record of its
    own to forge from), used as an attacker would."""

    def __init__(self, vault, folder):
        with vault.db.read() as conn:
            cfg = ss.config(conn)
            self.keys = ss.keys(conn)
        self.identity = cfg.identity
        self.me = cfg.device_id
        self.vault = vault
        self.folder = folder

    def wire(self, body: str, device: str) -> dict:
        """A new entry as a revision stamped by ``device``."""
        e = EntryRepository(self.vault.db).add(Entry(title="forged", body=body))
        with self.vault.db.read() as conn:
            kind, fields = engine.live_fields(self.vault.db, conn, e.uid)
        rev = clock.make(clock.wall_ms(), 0, device)
        return engine.State(rev, fields, {n: rev for n in fields}).wire(e.uid, kind)

    def doc(self, device: str, seq: int, revs: list, *, verify: str | None = None) -> dict:
        return {
            "v": engine.FORMAT_VERSION,
            "type": "changes",
            "device": {
                "id": device,
                "name": "forged",
                "recipient": fs.recipient_of(self.identity),
                "verify": verify or fs.verify_key_of(self.identity),
            },
            "seq": seq,
            "revs": revs,
            "blobs": {},
        }

    def put(self, rel: str, doc: dict, recipients: list[str] | None = None) -> None:
        """``doc`` signed with the removed computer's own key, sealed to the old sync key."""
        payload = fs.signed_payload(doc, self.identity)
        old = [fs.recipient_of(self.keys[0][1])]
        fs.write_once(self.folder / rel, fs.seal_document(payload, recipients or old))


def _next(folder, dev: str) -> int:
    changes, snaps = fs.device_files(folder, dev)
    return max([*changes, *snaps, 0]) + 1


def _has(vault, body: str) -> bool:
    return any(EntryRepository(vault.db).get(s.id).body == body for s in Items(vault.db).timeline())


def test_what_a_removed_computer_writes_afterwards_is_refused_and_the_others_converge(four):
    folder, v = four
    a, b, c, d = v["a"], v["b"], v["c"], v["d"]
    ids = {name: _id(vault) for name, vault in v.items()}
    # d writes under the old key; a reads it, b not yet (and d then stays away a while)
    before = EntryRepository(d.db).add(Entry(title="t", body="written on d before it all"))
    sync.run_round(d)
    sync.run_round(a)
    removed = Removed(c, folder)
    sync.remove_device(a, ids["c"])
    assert not (folder / ids["c"]).exists()

    # c, removed, keeps writing with the old key: in its own folder again ...
    removed.put(f"{ids['c']}/50.age", removed.doc(ids["c"], 50, [removed.wire("own", ids["c"])]))
    # ... in d's name, at d's next number (signed with c's key, announcing it as d's) ...
    n = _next(folder, ids["d"])
    removed.put(f"{ids['d']}/{n}.age", removed.doc(ids["d"], n, [removed.wire("as d", ids["d"])]))
    # ... as a computer nobody knows ...
    stranger = secrets.token_hex(8)
    removed.put(f"{stranger}/1.age", removed.doc(stranger, 1, [removed.wire("new", stranger)]))
    # ... one of d's own old files played again under a later number ...
    changes, _ = fs.device_files(folder, ids["d"])
    old = min(changes)
    (folder / ids["d"] / f"{n + 1}.age").write_bytes(
        (folder / ids["d"] / changes[old]).read_bytes()
    )
    # ... and new keys of its own: in its name, and in a's, sealed to b's and d's own keys
    recipients = []  # their own keys, which c read in their files
    for other in (a, b, d):
        with other.db.read() as conn:
            recipients.append(fs.recipient_of(ss.config(conn).identity))
    for maker in (ids["c"], ids["a"]):
        key = {
            "v": engine.FORMAT_VERSION,
            "type": "key",
            "epoch": 9,
            "identity": fs.new_identity()[0],
            "name_key": secrets.token_hex(32),
            "removed": ids["b"] if maker == ids["c"] else ids["d"],
            "by": maker,
            "devices": {},
        }
        removed.put(f"keys/9-{maker}.age", key, recipients)

    # b picks the real new key up, reads what d wrote before the new key (a had read it),
    # and none of the rest: a calm status, no traceback
    summary = sync.run_round(b)
    assert summary.received >= 1
    assert entry_of(b, before.uid).body == "written on d before it all"
    st = sync.status(b)
    assert st.last_problem == SyncFileRefused.default_message
    with b.db.read() as conn:
        epochs = [e for e, _, _ in ss.keys(conn)]
        assert 9 not in epochs and max(epochs) == 2
        assert not any(d_.removed for d_ in ss.devices(conn) if d_.device_id != ids["c"])
    for body in ("own", "as d", "new"):
        assert not _has(b, body) and not _has(a, body)
    sync.run_round(a)
    assert sync.status(a).last_problem == SyncFileRefused.default_message
    for body in ("own", "as d", "new"):
        assert not _has(a, body)

    # d comes back: the files it did not write leave its folder, it takes the new key and
    # writes a snapshot under it; everyone but c converges and the warning goes
    late = EntryRepository(d.db).add(Entry(title="t", body="d, back"))
    sync.run_round(d)
    settle(a, b, d)
    for vault in (a, b, d):
        assert entry_of(vault, late.uid).body == "d, back"
        for body in ("own", "as d", "new"):
            assert not _has(vault, body)
    assert snapshot_of(a) == snapshot_of(b) == snapshot_of(d)
    # the folder of the computer nobody knows is still there, and still refused
    assert sync.status(a).last_problem == SyncFileRefused.default_message
    (folder / stranger / "1.age").unlink()
    (folder / ids["c"] / "50.age").unlink()
    for maker in (ids["c"], ids["a"]):
        (folder / "keys" / f"9-{maker}.age").unlink()
    settle(a, b, d, rounds=1)
    assert sync.status(a).last_problem is None
    with pytest.raises(DeviceRemoved):
        sync.run_round(c)


def test_a_file_of_the_old_key_written_after_the_new_one_waits_for_its_snapshot(four):
    """A computer that wrote under the old key before it picked the new one up (a race, not
    an attack): that file is not read (it is after its mark), silently, and what it held
    arrives in the snapshot the computer writes under the new key."""
    folder, v = four
    a, b, c, d = v["a"], v["b"], v["c"], v["d"]
    sync.remove_device(a, _id(c))
    e = EntryRepository(b.db).add(Entry(title="t", body="b, still on the old key"))
    engine.Engine(b).send()  # b has not picked the new key up: a file under the old one
    sync.run_round(a)
    assert Items(a.db).ids_of([e.uid]) == {}
    assert sync.status(a).last_problem is None
    settle(b, a, d)
    for vault in (a, d):
        assert entry_of(vault, e.uid).body == "b, still on the old key"
    assert snapshot_of(a) == snapshot_of(b) == snapshot_of(d)


def test_a_file_signed_by_another_key_in_a_paired_computers_name_is_refused(four):
    """Even under the newest key (a paired computer, or anyone holding it), a file in another
    computer's name does not carry that computer's signature: refused, and its owner puts
    its own file in its place."""
    folder, v = four
    a, b = v["a"], v["b"]
    forger = Removed(a, folder)
    n = _next(folder, _id(b))
    forger.put(f"{_id(b)}/{n}.age", forger.doc(_id(b), n, [forger.wire("in b's name", _id(b))]))
    sync.run_round(v["d"])
    assert not _has(v["d"], "in b's name")
    assert sync.status(v["d"]).last_problem == SyncFileRefused.default_message
    e = EntryRepository(b.db).add(Entry(title="t", body="b's own"))
    sync.run_round(b)
    sync.run_round(v["d"])
    assert entry_of(v["d"], e.uid).body == "b's own"
    assert sync.status(v["d"]).last_problem is None


def _key_as(removed: Removed, epoch: int, removes: str, recipients: list[str]) -> str:
    """A new key of ``epoch`` that the removed computer makes in its own name, removing
    ``removes``, proved with the newest key it still holds (all it can do), sealed to
    ``recipients``; its age identity is returned."""
    mine = fs.new_identity()[0]
    key = {
        "v": engine.FORMAT_VERSION,
        "type": "key",
        "epoch": epoch,
        "identity": mine,
        "name_key": secrets.token_hex(32),
        "removed": removes,
        "by": removed.me,
        "devices": {},
    }
    key["proof"] = engine.key_proof(key, removed.keys[0][1])
    removed.put(f"keys/{epoch}-{removed.me}.age", key, recipients)
    return mine


def _recipient(vault) -> str:
    with vault.db.read() as conn:
        return fs.recipient_of(ss.config(conn).identity)


def test_a_key_made_by_a_removed_computer_that_arrives_before_its_removal_is_not_taken(four):
    """The sync tool may deliver files in any order: c, removed by a, makes a key of the
    next epoch for b that reaches b before a's. It cannot prove it held a's new key, so b
    refuses it, takes a's when it arrives, and writes under a's key only."""
    folder, v = four
    a, b = v["a"], v["b"]
    ids = {name: _id(vault) for name, vault in v.items()}
    removed = Removed(v["c"], folder)
    sync.remove_device(a, ids["c"])
    (theirs,) = [n for n in fs.names(folder, fs.KEYS, fs.KEY_FILE) if n.endswith(ids["a"] + ".age")]
    aside = folder.parent / "aside.age"
    shutil.move(folder / fs.KEYS / theirs, aside)  # a's key has not reached b yet
    epoch = int(theirs.split("-")[0])
    mine = _key_as(removed, epoch + 1, "", [_recipient(b)])
    sync.run_round(b)
    shutil.move(aside, folder / fs.KEYS / theirs)  # now it arrives
    sync.run_round(b)
    with b.db.read() as conn:
        devices = {d.device_id: d for d in ss.devices(conn)}
        keys = ss.keys(conn)
    assert devices[ids["c"]].removed
    assert keys[0][0] == epoch and mine not in [k[1] for k in keys]
    assert sync.status(b).last_problem == SyncFileRefused.default_message


@pytest.mark.parametrize("first", ["c", "a"])
def test_a_removed_computer_that_removes_its_remover_at_the_same_epoch_gets_no_key_used(
    four, first
):
    """c, removed by a, makes a key of the same epoch removing a (it holds the key before,
    so its proof holds). b cannot tell which of two computers removing each other to trust:
    whichever key file reaches it first, it ends the same — a and c both removed, the key of
    that epoch withdrawn, nothing more sent under it (until then it wrote under the key it
    had taken), and a status that says so."""
    folder, v = four
    a, b, d = v["a"], v["b"], v["d"]
    ids = {name: _id(vault) for name, vault in v.items()}
    removed = Removed(v["c"], folder)
    sync.remove_device(a, ids["c"])
    (theirs,) = [n for n in fs.names(folder, fs.KEYS, fs.KEY_FILE) if n.endswith(ids["a"] + ".age")]
    epoch = int(theirs.split("-")[0])
    aside = folder.parent / "aside.age"
    if first == "c":
        shutil.move(folder / fs.KEYS / theirs, aside)
    _key_as(removed, epoch, ids["a"], [_recipient(b), _recipient(d)])
    if first == "c":
        sync.run_round(b)  # b takes c's key (it cannot tell yet) ...
        shutil.move(aside, folder / fs.KEYS / theirs)  # ... then a's arrives
    e = EntryRepository(b.db).add(Entry(title="t", body="written on b after it all"))
    before = sorted(p.name for p in (folder / ids["b"]).iterdir())
    with pytest.raises(SyncKeysWithdrawn):
        sync.run_round(b)
    assert sorted(p.name for p in (folder / ids["b"]).iterdir()) == before
    with b.db.read() as conn:
        devices = {d_.device_id: d_ for d_ in ss.devices(conn)}
        assert devices[ids["a"]].removed and devices[ids["c"]].removed
        assert ss.newest_key_withdrawn(conn)
    assert sync.status(b).last_problem == SyncKeysWithdrawn.default_message
    (folder / fs.KEYS / f"{epoch}-{ids['c']}.age").unlink()
    with pytest.raises(SyncKeysWithdrawn):
        sync.run_round(b)  # and it stays so when the files go
    assert sorted(p.name for p in (folder / ids["b"]).iterdir()) == before
    assert entry_of(b, e.uid).body == "written on b after it all"  # kept here

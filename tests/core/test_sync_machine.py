"""Two or three real vaults syncing through a simulated, unreliable folder (a Hypothesis state
machine): each device has its own copy of the folder, and files travel between the copies
late, out of order, twice (again after their owner compacted them away), cut short (a sync
still under way), beside sync tools' conflicted copies; devices' clocks are skewed, a device
may go offline (written on, no rounds, nothing carried) while weeks pass, snapshots and
compaction happen every few files; people write, attach photos and voice notes and remove
them, trash, restore, empty the trash, and resolve conflicts by combining both versions.

After everything has travelled and every device has run its rounds: the vaults hold the same
records, no acknowledged edit is lost (every line written is in the record or in a conflict
waiting; records someone emptied from the trash excepted), and so every concurrent text edit
is either merged or shown as a conflict. Bounded in CI (three vaults: 6 examples of 25 steps;
two: 4; about 30 s together); ``--soak`` runs 80 and 60 of 60 steps."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule

from kintsugi.core import sync
from kintsugi.core.records import Entry
from kintsugi.core.repo.attachments import AttachmentRepo
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.sync import clock, engine
from tests.core.test_attachments import wav_bytes
from tests.helpers import open_paired, paired_template

DEVICES = ("a", "b", "c")
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)
WAV = wav_bytes(0.2)
DAY = 86_400_000


def _files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file()}


def _records(vault) -> dict[str, dict]:
    out = {}
    items = Items(vault.db)
    ids = [s.id for s in items.timeline(limit=100_000)] + [s.id for s in items.trash(100_000)]
    with vault.db.read() as conn:
        for item_id in ids:
            uid = items.get(item_id).uid
            found = engine.live_fields(vault.db, conn, uid)
            assert found is not None
            out[uid] = found[1]
    return out


def machine(DEVICES: tuple[str, ...]) -> type[RuleBasedStateMachine]:  # noqa: N803
    """The state machine over ``DEVICES`` vaults (two or three)."""

    class SyncMachine(RuleBasedStateMachine):
        template: Path
        workdir: Path

        def __init__(self) -> None:
            super().__init__()
            self.n = next(self.__class__.counter)
            self.root = self.__class__.workdir / f"run{self.n}"
            _, self.vaults = open_paired(self.__class__.template, self.root, DEVICES)
            base = self.root / "folder"
            self.replica: dict[str, Path] = {}
            for d in DEVICES:
                self.replica[d] = self.root / f"replica-{d}"
                shutil.copytree(base, self.replica[d])
                sync.move_folder(self.vaults[d], self.replica[d])
            shutil.rmtree(base)
            self.skew = {d: 0 for d in DEVICES}
            self.away: set[str] = set()  # devices offline: no rounds, nothing carried to or from
            self.seen: dict[str, bytes] = {}  # every whole file ever in a replica, by path
            self.purged: set[str] = set()  # records someone deleted for good (then not checked)
            self.passed = 0  # time gone by, for every device
            self.tokens: dict[str, set[str]] = {}  # record uid -> the lines written into it
            self.token = itertools.count(1)
            for _ in range(2):  # records every device has, for edits to meet on
                self.write_entry("a")
            self.settle()

        counter = itertools.count()

        def wall(self, d: str):
            offset = self.passed + self.skew[d]
            return lambda: clock.wall_ms() + offset

        def teardown(self) -> None:
            for v in self.vaults.values():
                v.lock()
            shutil.rmtree(self.root, ignore_errors=True)

        # --- the people --------------------------------------------------------------------------
        def _entries(self, d: str) -> list[int]:
            return [s.id for s in Items(self.vaults[d].db).timeline(kind="entry", limit=1000)]

        @initialize(
            skews=st.lists(
                st.sampled_from([0, -DAY, 3 * 3_600_000, -90_000]),
                min_size=len(DEVICES),
                max_size=len(DEVICES),
            )
        )
        def clocks(self, skews):
            self.skew = dict(zip(DEVICES, skews, strict=True))

        @rule(d=st.sampled_from(DEVICES))
        def write_entry(self, d):
            tok = f"tok{next(self.token)}"
            rec = EntryRepository(self.vaults[d].db).add(Entry(title=tok, body=tok + "\n"))
            self.tokens[rec.uid] = {tok}

        @rule(d=st.sampled_from(DEVICES), pick=st.integers(0, 50), at=st.integers(0, 50))
        def add_a_line(self, d, pick, at):
            ids = self._entries(d)
            if not ids:
                return
            repo = EntryRepository(self.vaults[d].db)
            rec = repo.get(ids[pick % len(ids)])
            lines = rec.body.splitlines(keepends=True)
            tok = f"tok{next(self.token)}"
            lines.insert(at % (len(lines) + 1), tok + "\n")
            rec.body = "".join(lines)
            repo.update(rec)
            if rec.uid not in self.purged:
                self.tokens.setdefault(rec.uid, set()).add(tok)

        @rule(d=st.sampled_from(DEVICES), pick=st.integers(0, 50), mood=st.integers(-3, 3))
        def set_mood(self, d, pick, mood):
            ids = self._entries(d)
            if ids:
                repo = EntryRepository(self.vaults[d].db)
                rec = repo.get(ids[pick % len(ids)])
                rec.mood = mood
                repo.update(rec)

        @rule(d=st.sampled_from(DEVICES), pick=st.integers(0, 50))
        def to_the_trash(self, d, pick):
            ids = self._entries(d)
            if ids:
                Items(self.vaults[d].db).delete(ids[pick % len(ids)])

        @rule(d=st.sampled_from(DEVICES))
        def back_from_the_trash(self, d):
            trash = Items(self.vaults[d].db).trash()
            if trash:
                Items(self.vaults[d].db).restore(trash[0].id)

        @rule(d=st.sampled_from(DEVICES), pick=st.integers(0, 50), voice=st.booleans())
        def attach(self, d, pick, voice):
            ids = self._entries(d)
            if ids:
                data, name = (WAV, "note.wav") if voice else (PNG, "dot.png")
                AttachmentRepo(self.vaults[d].db).add_bytes(ids[pick % len(ids)], data, name)

        @rule(d=st.sampled_from(DEVICES), pick=st.integers(0, 50))
        def detach(self, d, pick):
            ids = self._entries(d)
            if ids:
                store = AttachmentRepo(self.vaults[d].db)
                held = store.list_for(ids[pick % len(ids)])
                if held:
                    store.remove(held[0].id)

        @rule(d=st.sampled_from(DEVICES))
        def empty_the_trash(self, d):
            items = Items(self.vaults[d].db)
            for s in items.trash(1000):
                uid = items.get(s.id).uid
                self.purged.add(uid)
                self.tokens.pop(uid, None)
            items.empty_trash()

        @rule(d=st.sampled_from(DEVICES), pick=st.integers(0, 50))
        def resolve_a_conflict(self, d, pick):
            """The person combines both versions (every line of each kept)."""
            found = sync.conflicts(self.vaults[d])
            if found:
                c = found[pick % len(found)]
                mine = c.mine.splitlines(keepends=True)
                extra = [line for line in c.theirs.splitlines(keepends=True) if line not in mine]
                sync.resolve(self.vaults[d], c.conflict_id, "".join(mine + extra))

        @rule(d=st.sampled_from(DEVICES))
        def round(self, d):
            if d in self.away:
                return
            summary = sync.run_round(self.vaults[d], wall=self.wall(d))
            assert summary.sent >= 0
            self._remember(d)

        @rule(d=st.sampled_from(DEVICES))
        def goes_away(self, d):
            """Offline (a laptop in a drawer): the person may still write on it."""
            if len(self.away) < len(DEVICES) - 1:
                self.away.add(d)

        @rule()
        def comes_back(self):
            if self.away:
                self.away.pop()

        @rule(days=st.sampled_from([1, 14, 30]))
        def time_passes(self, days):
            self.passed += days * DAY

        # --- the folder between them -----------------------------------------------------------
        def _remember(self, d: str) -> None:
            for rel, path in _files(self.replica[d]).items():
                if rel not in self.seen and "conflict" not in rel:
                    self.seen[rel] = path.read_bytes()

        def _missing(self, src: str, dst: str) -> list[str]:
            there = _files(self.replica[dst])
            out = []
            for rel, path in sorted(_files(self.replica[src]).items()):
                other = there.get(rel)
                if other is None or other.stat().st_size < path.stat().st_size:
                    out.append(rel)
            return out

        @rule(
            src=st.sampled_from(DEVICES),
            dst=st.sampled_from(DEVICES),
            pick=st.integers(0, 1000),
            how=st.sampled_from(["whole", "whole", "whole", "half", "conflict-copy"]),
        )
        def carry(self, src, dst, pick, how):
            if src == dst or {src, dst} & self.away:
                return
            missing = self._missing(src, dst)
            if not missing:
                return
            rel = missing[pick % len(missing)]
            data = (self.replica[src] / rel).read_bytes()
            target = self.replica[dst] / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if how == "half":
                target.write_bytes(data[: len(data) // 2])
            elif how == "conflict-copy":
                stem, _, ext = target.name.partition(".")
                target.with_name(f"{stem}.sync-conflict-20261201-101010-ABCDEFG.{ext}").write_bytes(
                    data[::-1]
                )
                (target.parent / f"{stem} (conflicted copy).{ext}").write_bytes(data)
            else:
                target.write_bytes(data)

        @rule(src=st.sampled_from(DEVICES), dst=st.sampled_from(DEVICES), skip=st.integers(0, 3))
        def carry_many(self, src, dst, skip):
            """Most of what is missing arrives (every ``skip``-th file stays behind: out of
            order)."""
            if src == dst or {src, dst} & self.away:
                return
            for n, rel in enumerate(self._missing(src, dst)):
                if skip and n % (skip + 1) == skip:
                    continue
                target = self.replica[dst] / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes((self.replica[src] / rel).read_bytes())

        @rule(dst=st.sampled_from(DEVICES), pick=st.integers(0, 1000))
        def delivered_again(self, dst, pick):
            """A sync tool delivers a file once more: one it has (the same bytes again), or one its
            owner already removed (compacted away) coming back from an old copy."""
            if dst in self.away or not self.seen:
                return
            rel = sorted(self.seen)[pick % len(self.seen)]
            target = self.replica[dst] / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self.seen[rel])

        @rule(src=st.sampled_from(DEVICES), dst=st.sampled_from(DEVICES))
        def carry_deletions(self, src, dst):
            """What a device removed from its own folder (compaction) goes from the others."""
            if src == dst or {src, dst} & self.away:
                return
            own = sync.status(self.vaults[src]).device_id
            mine = _files(self.replica[src] / own) if (self.replica[src] / own).exists() else {}
            theirs_dir = self.replica[dst] / own
            if theirs_dir.exists():
                for rel, path in _files(theirs_dir).items():
                    if rel not in mine and "conflict" not in rel:
                        path.unlink()

        # --- in the end ---------------------------------------------------------------------------
        def settle(self) -> None:
            """Carry everything everywhere and run rounds until a whole pass changes nothing."""
            self.away.clear()
            for _ in range(12):
                quiet = True
                for src in DEVICES:
                    for dst in DEVICES:
                        if src != dst:
                            for rel in self._missing(src, dst):
                                quiet = False
                                target = self.replica[dst] / rel
                                target.parent.mkdir(parents=True, exist_ok=True)
                                target.write_bytes((self.replica[src] / rel).read_bytes())
                            self.carry_deletions(src, dst)
                for d in DEVICES:
                    done = sync.run_round(self.vaults[d], wall=self.wall(d))
                    quiet = quiet and not (done.sent or done.received or done.skipped_files)
                if quiet:
                    return

        def check_settled(self) -> None:
            self.settle()
            held = {d: _records(self.vaults[d]) for d in DEVICES}
            for d in DEVICES[1:]:
                differ = {
                    uid: (held["a"].get(uid), held[d].get(uid))
                    for uid in set(held["a"]) | set(held[d])
                    if held["a"].get(uid) != held[d].get(uid)
                }
                assert not differ, f"a and {d} differ after settling: {differ}"
            kept = set()
            for d in DEVICES:
                for c in sync.conflicts(self.vaults[d]):
                    kept.add((c.item_uid, c.mine))
                    kept.add((c.item_uid, c.theirs))
            for uid, tokens in self.tokens.items():
                assert uid in held["a"], f"record {uid} was lost"
                body = held["a"][uid]["body"]
                texts = [body] + [text for u, text in kept if u == uid]
                for tok in tokens:
                    assert any(tok + "\n" in t for t in texts), f"{tok} of {uid} was lost"

    return SyncMachine


def _run(
    devices: tuple[str, ...], template: Path, workdir: Path, examples: int, steps: int
) -> None:
    base = machine(devices)

    class Checked(base):  # type: ignore[valid-type,misc]
        def teardown(self) -> None:
            try:
                self.check_settled()
            finally:
                super().teardown()

    Checked.template = template
    Checked.workdir = workdir
    Checked.TestCase.settings = settings(
        max_examples=examples,
        stateful_step_count=steps,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    every = engine.SNAPSHOT_EVERY
    engine.SNAPSHOT_EVERY = 4  # snapshots and compaction happen within a run
    try:
        Checked.TestCase().runTest()
    finally:
        engine.SNAPSHOT_EVERY = every


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return paired_template(tmp_path_factory.mktemp("machine-template"), DEVICES)


@pytest.fixture(scope="module")
def pair_template(tmp_path_factory):
    return paired_template(tmp_path_factory.mktemp("machine-pair"), DEVICES[:2])


@pytest.mark.soak
def test_three_vaults_settle_to_the_same_records_and_lose_no_edit(template, tmp_path, trials):
    _run(DEVICES, template, tmp_path, examples=trials(6, 80), steps=trials(25, 60))


@pytest.mark.soak
def test_two_vaults_settle_to_the_same_records_and_lose_no_edit(pair_template, tmp_path, trials):
    _run(DEVICES[:2], pair_template, tmp_path, examples=trials(4, 60), steps=trials(25, 60))

"""A write-ahead log is applied only when it is ours (walguard), with files SQLite wrote:
live -wal files left by SIGKILLed writers, other vaults' logs, logs from before a
passphrase change, a -shm made by another connection, and mutations of all of them."""

import hashlib
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlcipher3

from kintsugi.core import kdf, walguard
from kintsugi.core.errors import (
    ForeignJournalSetAside,
    JournalTailUnreadable,
    WrongPassphrase,
)
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import Vault
from tests.core.test_durability import WRITER, _read_acks
from tests.helpers import FAST_KDF, PASSPHRASE, run_cli

FRAME = walguard.FRAME


def digest(p: Path) -> str | None:
    return hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None


def wal_of(p: Path) -> Path:
    return walguard.wal_path(p)


def make_live_wal(path: Path, min_acks: int = 25) -> list[tuple[int, int]]:
    """Run the durability writer on ``path`` and SIGKILL it: a -wal SQLite left mid-flight."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    acks, ready = [], threading.Event()
    reader = threading.Thread(target=_read_acks, args=(proc, acks, ready), daemon=True)
    reader.start()
    assert ready.wait(30), "writer did not start"
    deadline = time.monotonic() + 30
    while len(acks) < min_acks and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join(5)
    proc.stdout.close()
    assert wal_of(path).stat().st_size > 0, "the writer left no -wal"
    return acks


def snapshot_wal_of_open_vault(path: Path, entries: int = 20, passphrase: str = PASSPHRASE):
    """A vault at ``path`` with entries written and its -wal copied while it is open."""
    v = Vault.create(path, passphrase, params=FAST_KDF)
    repo = EntryRepository(v.db)
    for i in range(entries):
        repo.add(Entry(title=f"other {i}", body="elsewhere " * 200))
    data = wal_of(path).read_bytes()
    return v, data


def titles(v: Vault) -> list[str]:
    return [s.title for s in Items(v.db).timeline(limit=10_000)]


@pytest.fixture
def closed_vault(vault, vault_path):
    repo = EntryRepository(vault.db)
    for i in range(30):
        repo.add(Entry(title=f"mine {i}", body="words " * 150))
    vault.lock()
    assert not wal_of(vault_path).exists()  # a clean close checkpoints and removes it
    return vault_path


# --- the verifier, against what SQLCipher itself writes ------------------------------
def test_page_key_accepts_every_page_and_frame_sqlcipher_writes(tmp_path):
    v, wal = snapshot_wal_of_open_vault(tmp_path / "a.kintsugi", entries=60)
    other, _ = snapshot_wal_of_open_vault(tmp_path / "b.kintsugi", entries=1)
    try:
        mine = walguard.PageKey(v._key, v.salt)
        theirs = walguard.PageKey(other._key, other.salt)
        main = (tmp_path / "a.kintsugi").read_bytes()
        pages = [main[i : i + 4096] for i in range(0, len(main), 4096)]
        assert all(mine.verifies(p, n) for n, p in enumerate(pages, 1))
        assert not any(theirs.verifies(p, n) for n, p in enumerate(pages, 1))
        frames = [
            wal[32 + i * FRAME : 32 + (i + 1) * FRAME] for i in range((len(wal) - 32) // FRAME)
        ]
        assert len(frames) > 100
        for f in frames:
            pgno = int.from_bytes(f[:4], "big")
            assert mine.verifies(f[24:], pgno) and not theirs.verifies(f[24:], pgno)
            assert not mine.verifies(f[24:], pgno + 1)  # the page number is bound
        flipped = bytearray(frames[5][24:])
        flipped[100] ^= 1
        assert not mine.verifies(bytes(flipped), int.from_bytes(frames[5][:4], "big"))
        # SQLite's own chain: every frame of a live log is chained, the last is a commit
        (tmp_path / "copy-wal").write_bytes(wal)
        scan = walguard.scan_wal(tmp_path / "copy-wal", mine)
        assert scan.header_valid and scan.frames == scan.chained == scan.applied == len(frames)
        assert scan.authentic == scan.good == len(frames) and scan.sound
        assert not walguard.scan_wal(tmp_path / "copy-wal", theirs).ours
    finally:
        v.lock()
        other.lock()


def test_wal_checksum_matches_a_step_by_step_implementation():
    rng = random.Random(5)

    def slow(data, big, s0=0, s1=0):
        fmt = ">" if big else "<"
        for i in range(0, len(data), 8):
            x0, x1 = (
                int.from_bytes(data[i : i + 4], "big" if big else "little"),
                int.from_bytes(data[i + 4 : i + 8], "big" if big else "little"),
            )
            s0 = (s0 + x0 + s1) & 0xFFFFFFFF
            s1 = (s1 + x1 + s0) & 0xFFFFFFFF
        del fmt
        return s0, s1

    for n in (8, 24, 4104):
        data = rng.randbytes(n)
        seed = (rng.getrandbits(32), rng.getrandbits(32))
        for big in (False, True):
            assert walguard.wal_checksum(data, big, *seed) == slow(data, big, *seed)


# --- a wrong passphrase never writes ---------------------------------------------------
def test_wrong_passphrase_with_a_live_wal_changes_nothing(vault, vault_path):
    vault.lock()
    acks = make_live_wal(vault_path)
    files = [vault_path, wal_of(vault_path), walguard.shm_path(vault_path)]
    before = [digest(p) for p in files]
    for _ in range(2):
        with pytest.raises(WrongPassphrase):
            Vault.open(vault_path, "not the passphrase")
        assert [digest(p) for p in files] == before
    r = run_cli("list", "--vault", str(vault_path), "--passphrase-fd", "{fd0}", secrets=("nope",))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr
    assert [digest(p) for p in files] == before
    assert sorted(p.name for p in vault_path.parent.iterdir()) == sorted(
        [vault_path.name, wal_of(vault_path).name]
    )
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert not v.notices
        repo = EntryRepository(v.db)
        assert all(repo.get(i).title == f"ack {n}" for i, n in acks)
        assert v.check() == []


# --- logs that are not ours ---------------------------------------------------------------
def _foreign_logs(tmp_path: Path) -> dict[str, bytes]:
    other, other_wal = snapshot_wal_of_open_vault(tmp_path / "other.kintsugi")
    other.lock()
    # this vault's own log, from before a passphrase change (a hand-made copy, kept aside)
    mine = tmp_path / "before-change.kintsugi"
    v, before = snapshot_wal_of_open_vault(mine, passphrase="old passphrase")
    v.change_passphrase(PASSPHRASE)
    v.lock()
    return {
        "another vault's -wal": other_wal,
        "-wal from before a passphrase change": before,
        "garbage": random.Random(3).randbytes(50_000),
        "a few bytes": b"\x00\x01",
        "a valid header from another vault": other_wal[: 32 + FRAME // 2],
    }


def test_foreign_logs_are_set_aside_never_applied_never_deleted(closed_vault, tmp_path, trials):
    path = closed_vault
    main = digest(path)
    logs = _foreign_logs(tmp_path)
    rng = random.Random(99)
    pool = [logs["another vault's -wal"], logs["-wal from before a passphrase change"]]
    for i in range(trials(4, 100)):  # and mutations of them: still not ours
        kind, data = mutate(rng.choice(pool), rng, pool)
        logs[f"mutation {i}: {kind}"] = data
    for name, data in logs.items():
        if not data:
            continue
        wal_of(path).write_bytes(data)
        with Vault.open(path, PASSPHRASE) as v:
            assert [type(n) for n in v.notices] == [ForeignJournalSetAside], name
            kept = Path(v.notices[0].kept_at)
            assert kept.parent == path.parent and ".not-this-vault." in kept.name
            assert kept.read_bytes() == data and stat.S_IMODE(kept.stat().st_mode) == 0o600
            assert len(titles(v)) == 30 and v.check() == []
        assert digest(path) == main, name
        kept.unlink()
    with Vault.open(path, PASSPHRASE) as v:
        assert not v.notices and v.check() == []


def test_the_backup_over_the_journal_case_through_the_cli(closed_vault, tmp_path):
    """A sync tool carried another vault's -wal next to this one; the CLI says so in one line."""
    path = closed_vault
    other, other_wal = snapshot_wal_of_open_vault(tmp_path / "other.kintsugi")
    other.lock()
    wal_of(path).write_bytes(other_wal)
    main = digest(path)
    r = run_cli("list", "--vault", str(path), "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,))
    assert r.returncode == 0 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "set aside" in lines[0] and "nothing of yours" in lines[0]
    assert "mine 29" in r.stdout and digest(path) == main
    r = run_cli("check", "--vault", str(path), "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,))
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_a_shm_from_elsewhere_is_never_trusted(vault, vault_path, tmp_path):
    vault.lock()
    acks = make_live_wal(vault_path)
    # a real -shm: another vault opened by a connection in normal (shared) locking mode
    other = tmp_path / "other.kintsugi"
    salt = kdf.new_salt(FAST_KDF)
    conn = sqlcipher3.connect(str(other), isolation_level=None)
    conn.execute(f'PRAGMA key = "{kdf.key_pragma_value(os.urandom(32), salt)}"')
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [(os.urandom(500),) for _ in range(200)])
    shm = walguard.shm_path(other).read_bytes()
    conn.close()
    assert len(shm) >= 32768
    walguard.shm_path(vault_path).write_bytes(shm)
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert not v.notices
        assert not walguard.shm_path(vault_path).exists()
        repo = EntryRepository(v.db)
        assert all(repo.get(i).title == f"ack {n}" for i, n in acks)
        assert v.check() == []


def test_a_hot_journal_from_elsewhere_is_set_aside(closed_vault, tmp_path):
    path = closed_vault
    main = digest(path)
    journal = walguard.journal_path(path)
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + os.urandom(8000))
    with Vault.open(path, PASSPHRASE) as v:
        assert [type(n) for n in v.notices] == [ForeignJournalSetAside]
        assert len(titles(v)) == 30 and v.check() == []
    assert digest(path) == main and not journal.exists()


def test_a_new_vault_never_adopts_a_leftover_log(tmp_path):
    path = tmp_path / "new.kintsugi"
    other, other_wal = snapshot_wal_of_open_vault(tmp_path / "other.kintsugi")
    other.lock()
    wal_of(path).write_bytes(other_wal)
    with Vault.create(path, PASSPHRASE, params=FAST_KDF) as v:
        assert [type(n) for n in v.notices] == [ForeignJournalSetAside]
        assert titles(v) == [] and v.check() == []


def test_a_backup_with_a_stray_log_next_to_it_opens_as_it_is(closed_vault, tmp_path):
    from kintsugi.core import backups

    path = closed_vault
    with Vault.open(path, PASSPHRASE) as v:
        info = backups.take_backup(v, "manual")
    other, other_wal = snapshot_wal_of_open_vault(tmp_path / "other.kintsugi")
    other.lock()
    wal_of(info.path).write_bytes(other_wal)
    before = digest(info.path)
    details = backups.inspect_backup(info.path, PASSPHRASE)
    assert details.entries == 30 and digest(info.path) == before
    assert not wal_of(info.path).exists()
    assert [p for p in info.path.parent.iterdir() if ".not-this-vault." in p.name]
    with pytest.raises(WrongPassphrase):
        wal_of(info.path).write_bytes(other_wal)
        backups.inspect_backup(info.path, "wrong passphrase")
    assert wal_of(info.path).read_bytes() == other_wal  # a wrong passphrase moves nothing
    backups.restore(path, info.path, PASSPHRASE)
    with Vault.open(path, PASSPHRASE) as v:
        assert len(titles(v)) == 30 and v.check() == []


# --- our own log, damaged ------------------------------------------------------------------
def mutate(data: bytes, rng: random.Random, pool: list[bytes]) -> tuple[str, bytes]:
    frames = (len(data) - 32) // FRAME
    b = bytearray(data)
    kind = rng.choice(["truncate", "flip", "flips", "zero-frame", "zero-tail", "splice", "header"])
    if kind == "truncate":
        b = b[: rng.randrange(0, len(b))]
    elif kind == "flip":
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    elif kind == "flips":
        for _ in range(rng.randint(2, 30)):
            b[rng.randrange(len(b))] ^= rng.randrange(1, 256)
    elif kind == "zero-frame":
        f = rng.randrange(frames)
        b[32 + f * FRAME : 32 + (f + 1) * FRAME] = bytes(FRAME)
    elif kind == "zero-tail":
        cut = rng.randrange(32, len(b))
        b[cut:] = bytes(len(b) - cut)
    elif kind == "splice":  # a frame of another vault's log in the middle of ours
        other = rng.choice(pool)
        f, g = rng.randrange(frames), rng.randrange((len(other) - 32) // FRAME)
        b[32 + f * FRAME : 32 + (f + 1) * FRAME] = other[32 + g * FRAME : 32 + (g + 1) * FRAME]
    else:
        b[rng.randrange(32)] ^= 1 << rng.randrange(8)
    return kind, bytes(b)


def _last_transaction_start(wal: bytes) -> int:
    """Offset of the first frame of the log's last committed transaction (its frames whose
    salts match the header, up to the last commit frame). Damage from there on cuts that
    transaction off exactly as a crash a moment earlier would: nothing after it to tell."""
    salts, starts, start = wal[16:24], [], 32
    for f in range((len(wal) - 32) // FRAME):
        head = wal[32 + f * FRAME : 32 + f * FRAME + 24]
        if head[8:16] != salts:
            break
        if int.from_bytes(head[4:8], "big"):  # a commit frame
            starts.append(start)
            start = 32 + (f + 1) * FRAME
    return starts[-1] if starts else 32


def _first_change(a: bytes, b: bytes) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def _open_copy_of(main: bytes, wal: bytes, folder: Path):
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o700)
    path = folder / "journal.kintsugi"
    path.write_bytes(main)
    os.chmod(path, 0o600)
    wal_of(path).write_bytes(wal)
    return path


def test_our_log_damaged_is_applied_only_as_far_as_it_verifies_and_is_reported(
    vault, vault_path, tmp_path, trials
):
    """Mutations of a live -wal: either everything is there, or the person is told and the
    original log is kept; never a page that does not authenticate, never a crash."""
    vault.lock()
    make_live_wal(vault_path, min_acks=40)
    main, wal = vault_path.read_bytes(), wal_of(vault_path).read_bytes()
    path = _open_copy_of(main, wal, tmp_path / "pristine")
    with Vault.open(path, PASSPHRASE) as v:
        assert not v.notices
        everything = titles(v)[::-1]  # oldest first
    assert len(everything) >= 40
    others = []
    for i in range(2):
        o, data = snapshot_wal_of_open_vault(tmp_path / f"pool{i}.kintsugi", entries=10)
        o.lock()
        others.append(data)
    rng = random.Random(20261201)
    last_start = _last_transaction_start(wal)
    reported = 0
    outcome = {"complete": 0, "cut short": 0, "reported": 0, "nothing authentic": 0}
    n = trials(20, 300)
    for trial in range(n):
        kind, data = mutate(wal, rng, others)
        path = _open_copy_of(main, data, tmp_path / "trial")
        with Vault.open(path, PASSPHRASE) as v:
            got = titles(v)[::-1]
            problems = v.check()
            notices = v.notices
        assert got == everything[: len(got)], (trial, kind)  # a prefix, in order
        if notices and isinstance(notices[0], ForeignJournalSetAside):
            # nothing left in it authenticates (e.g. zeros from the first frame on): it
            # cannot be told from a stranger's log, and nothing of it was applied
            assert Path(notices[0].kept_at).read_bytes() == data
            assert len(notices) == 1 and got == everything[: len(got)] and problems == []
            page_key = walguard.PageKey(kdf.derive_key(PASSPHRASE, main[:16]), main[:16])
            assert not walguard.scan_wal(Path(notices[0].kept_at), page_key).ours
            outcome["nothing authentic"] += 1
        elif notices:
            reported += 1
            outcome["reported"] += 1
            assert [type(x) for x in notices] == [JournalTailUnreadable], (trial, kind)
            assert Path(notices[0].kept_at).read_bytes() == data
            assert problems and "could not be read" in problems[0]
            assert problems[1:] == []  # the vault itself is sound
        else:
            assert problems == [], (trial, kind)
            # a cut log, or damage inside its last transaction: a crash a moment earlier
            if kind not in ("truncate", "zero-tail") and _first_change(wal, data) < last_start:
                assert got == everything, (trial, kind)
            outcome["complete" if got == everything else "cut short"] += 1
    print(f"{n} mutated logs: {outcome}")
    assert reported >= n // 4


def test_a_damaged_tail_through_the_cli_and_check_is_not_sound(vault, vault_path):
    vault.lock()
    make_live_wal(vault_path, min_acks=30)
    wal = bytearray(wal_of(vault_path).read_bytes())
    frames = (len(wal) - 32) // FRAME
    target = 32 + (frames // 2) * FRAME + 24 + 1000  # inside a page of a committed frame
    wal[target] ^= 0x10
    wal_of(vault_path).write_bytes(bytes(wal))
    r = run_cli(
        "list", "--vault", str(vault_path), "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,)
    )
    assert r.returncode == 0 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "could not be read" in lines[0]
    r = run_cli(
        "check", "--vault", str(vault_path), "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,)
    )
    assert r.returncode == 3 and "could not be read" in r.stderr and "sound" not in r.stdout
    kept = walguard.set_aside_files(vault_path)
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(wal)


def test_restore_keeps_the_live_log_of_a_vault_it_cannot_open(tmp_path):
    """Restoring a backup made under an older passphrase: the current vault cannot be opened
    to back it up, so its file is kept as it is — and its live -wal with it."""
    from kintsugi.core import backups

    path = tmp_path / "v" / "journal.kintsugi"
    with Vault.create(path, "old passphrase", params=FAST_KDF) as v:
        EntryRepository(v.db).add(Entry(title="in the backup"))
        info = backups.take_backup(v, "manual")
        v.change_passphrase(PASSPHRASE)
    acks = make_live_wal(path)
    kept = backups.restore(path, info.path, "old passphrase")
    assert not wal_of(path).exists() and wal_of(kept).exists()
    with Vault.open(path, "old passphrase") as v:
        assert titles(v) == ["in the backup"] and v.check() == []
    with Vault.open(kept, PASSPHRASE) as v:  # the vault as it was, with every saved entry
        repo = EntryRepository(v.db)
        assert all(repo.get(i).title == f"ack {n}" for i, n in acks)
        assert v.check() == []

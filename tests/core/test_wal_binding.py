"""A write-ahead log written under this same key, but on top of another state of the main
file (a backup copied over the journal by hand, the journal's old log beside a restored
copy), is never applied: every log begins with its binding to the main file it was begun
on (core/walguard.py), and every copy Kintsugi writes has a binding of its own."""

import hashlib
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from kintsugi.core import backups, schema, walguard
from kintsugi.core.errors import ForeignJournalSetAside
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import CHECKPOINT_FRAMES, Vault, read_binding
from tests.core.test_durability import _read_acks
from tests.helpers import PASSPHRASE, run_cli

DATA = Path(__file__).resolve().parent.parent / "data"

#: The durability writer, opening with the first ``sys.argv[2]`` migrations (7: today's
#: code; 6: the code before the binding existed) and titling its entries ``sys.argv[3]``.
WRITER = textwrap.dedent(f"""
    import sys
    from kintsugi.core import schema
    from kintsugi.core.vault import Vault
    from kintsugi.core.records import Entry
    from kintsugi.core.repo.entries import EntryRepository
    migrations = schema.MIGRATIONS[: int(sys.argv[2])]
    v = Vault.open(sys.argv[1], {PASSPHRASE!r}, migrations=migrations)
    repo = EntryRepository(v.db)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        e = repo.add(Entry(title=f"{{sys.argv[3]}} {{n}}", body=f"body {{n}} " * 40))
        print(e.id, n, flush=True)
""")


def digest(p: Path) -> str | None:
    return hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None


def titles(v: Vault) -> set[str]:
    return {s.title for s in Items(v.db).timeline(limit=100_000)}


def crash_while_writing(path: Path, prefix: str, min_acks: int = 20, migrations: int = 0):
    """SIGKILL a process writing entries: it leaves a live -wal. Returns the acknowledged
    (id, n) pairs."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(migrations or schema.LATEST_VERSION), prefix],
        stdout=subprocess.PIPE,
        text=True,
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
    assert walguard.wal_path(path).stat().st_size > walguard.WAL_HEADER, "no live -wal"
    return acks


def judge(path: Path, key, salt) -> bool | None:
    """What walguard says of the -wal next to ``path`` (without changing anything)."""
    page_key = walguard.PageKey(key, salt)
    wal = walguard.wal_path(path)
    return walguard.bound_here(wal, walguard.scan_wal(wal, page_key), page_key,
                               read_binding(path, key, salt))  # fmt: skip


@pytest.fixture
def a_and_b(vault, vault_path):
    """Vault A with 10 entries, a backup B of it (same passphrase), then A closed."""
    repo = EntryRepository(vault.db)
    for i in range(10):
        repo.add(Entry(title=f"before backup {i}", body="words " * 50))
    b = backups.take_backup(vault, "manual").path
    key, salt = bytes(vault._key), vault.salt
    vault.lock()
    return vault_path, b, key, salt


def test_a_backup_copied_over_the_journal_beside_its_crash_log(a_and_b):
    """The exact case: A, backup B (same passphrase), A crashes with a live -wal, B is
    copied over A by hand, A is opened: the log is set aside, B opens intact."""
    a, b, key, salt = a_and_b
    acks = crash_while_writing(a, "after backup")
    wal = walguard.wal_path(a)
    log = wal.read_bytes()
    assert judge(a, key, salt) is True  # A's own crash log belongs to A ...
    shutil.copyfile(b, a)
    assert judge(a, key, salt) is False  # ... not to B, though every frame authenticates
    page_key = walguard.PageKey(key, salt)
    assert walguard.scan_wal(wal, page_key).authentic > 0
    with Vault.open(a, PASSPHRASE) as v:
        assert [type(n) for n in v.notices] == [ForeignJournalSetAside]
        kept = Path(v.notices[0].kept_at)
        assert kept.parent == a.parent and kept.name.startswith(a.name + "-wal.not-this-vault.")
        assert kept.read_bytes() == log and stat.S_IMODE(kept.stat().st_mode) == 0o600
        assert titles(v) == {f"before backup {i}" for i in range(10)}
        assert v.check() == []
    # nothing of the log reached the main file (every page SQLCipher writes has its own IV,
    # so a page copied from the log would be found verbatim)
    main = a.read_bytes()
    pages = {main[i : i + walguard.PAGE_SIZE] for i in range(0, len(main), walguard.PAGE_SIZE)}
    frames = range(walguard.WAL_HEADER, len(log) - walguard.FRAME + 1, walguard.FRAME)
    assert not any(log[f + walguard.FRAME_HEADER : f + walguard.FRAME] in pages for f in frames)
    # the log kept aside still holds A's crash: beside its own main file it is applied
    assert len(acks) >= 20


def test_the_same_case_through_the_cli_says_one_calm_line(a_and_b):
    a, b, _key, _salt = a_and_b
    crash_while_writing(a, "after backup")
    shutil.copyfile(b, a)
    r = run_cli("list", "--vault", str(a), "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,))
    assert r.returncode == 0 and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "set aside" in lines[0] and "nothing of yours" in lines[0]
    assert "before backup 9" in r.stdout and "after backup" not in r.stdout
    r = run_cli("check", "--vault", str(a), "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,))
    assert r.returncode == 0, r.stderr


def test_the_journals_own_crash_log_is_still_applied(a_and_b):
    a, _b, key, salt = a_and_b
    acks = crash_while_writing(a, "after backup")
    with Vault.open(a, PASSPHRASE) as v:
        assert v.notices == []
        repo = EntryRepository(v.db)
        assert all(repo.get(i).title == f"after backup {n}" for i, n in acks)
        assert v.check() == []
    assert not walguard.wal_path(a).exists()


def test_the_journals_old_log_beside_a_restored_backup_is_set_aside(a_and_b, tmp_path):
    a, b, _key, _salt = a_and_b
    crash_while_writing(a, "after backup")
    old_log = walguard.wal_path(a).read_bytes()
    backups.restore(a, b, PASSPHRASE)  # restore sets the live log aside itself
    assert not walguard.wal_path(a).exists()
    walguard.wal_path(a).write_bytes(old_log)  # and someone puts it back by hand
    with Vault.open(a, PASSPHRASE) as v:
        assert [type(n) for n in v.notices] == [ForeignJournalSetAside]
        assert titles(v) == {f"before backup {i}" for i in range(10)}
        assert v.check() == []


def test_a_log_from_an_earlier_session_of_the_same_file_is_set_aside(vault, vault_path):
    """The binding names one state of the file, not only one file: a log of this vault
    from before its last checkpoint, put back by hand, is not applied either."""
    repo = EntryRepository(vault.db)
    repo.add(Entry(title="first session", body="x"))
    old_log = walguard.wal_path(vault_path).read_bytes()
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as v:
        EntryRepository(v.db).add(Entry(title="second session", body="y"))
    main = digest(vault_path)
    walguard.wal_path(vault_path).write_bytes(old_log)
    with Vault.open(vault_path, PASSPHRASE) as v:
        # a fully checkpointed log of this very state would be harmless; this one is older
        assert [type(n) for n in v.notices] == [ForeignJournalSetAside]
        assert titles(v) == {"first session", "second session"}
    assert digest(vault_path) == main


def test_every_log_begins_with_its_binding_across_checkpoints(vault, vault_path, tmp_path):
    """Between any two transactions, over several checkpoints (each log ~CHECKPOINT_FRAMES
    frames), the main file and its log copied together belong together; a backup's
    binding is its own."""
    repo = EntryRepository(vault.db)
    key, salt = bytes(vault._key), vault.salt
    seen_logs, n = set(), 0
    for round_ in range(3 * 60):
        repo.add(Entry(title=f"e {round_}", body="y" * 30_000))  # ~8 pages each
        wal = walguard.wal_path(vault_path)
        if round_ % 7 or not wal.exists() or wal.stat().st_size <= walguard.WAL_HEADER:
            continue
        copy = tmp_path / f"copy{round_}.kintsugi"
        shutil.copyfile(vault_path, copy)
        shutil.copyfile(wal, walguard.wal_path(copy))
        seen_logs.add(wal.read_bytes()[16:24])  # the log's salts: one per log generation
        assert judge(copy, key, salt) is True, round_
        n += 1
    assert n > 10 and len(seen_logs) >= 3, "the test must cross checkpoints"
    assert (walguard.wal_path(vault_path).stat().st_size - 32) / walguard.FRAME < (
        CHECKPOINT_FRAMES + 100
    )
    mine = read_binding(vault_path, key, salt)
    backup = vault.backup_to(tmp_path / "b.kintsugi")
    theirs = read_binding(backup, key, salt)
    assert mine is not None and theirs is not None and theirs.gen != mine.gen
    with Vault.open(copy, PASSPHRASE) as v:  # the last copy opens, log applied
        assert v.notices == [] and v.check() == []


def test_a_checkpoint_cut_short_is_completed_not_set_aside(vault, vault_path, tmp_path):
    """A crash during a checkpoint leaves a main file holding some of the log's pages:
    whether its binding page was copied yet or not, the log still belongs."""
    repo = EntryRepository(vault.db)
    repo.add(Entry(title="settled", body="s"))
    vault._checkpoint(vault.db.conn)
    for i in range(5):
        repo.add(Entry(title=f"in the log {i}", body="z" * 5000))
    key, salt = bytes(vault._key), vault.salt
    main, log = vault_path.read_bytes(), walguard.wal_path(vault_path).read_bytes()
    binding_page = read_binding(vault_path, key, salt).page
    scan = walguard.scan_wal(walguard.wal_path(vault_path), walguard.PageKey(key, salt))
    frames = {}  # the last version of each page, as a checkpoint copies it
    for index, pgno in enumerate(scan.pgnos):
        start = walguard.WAL_HEADER + index * walguard.FRAME + walguard.FRAME_HEADER
        frames[pgno] = log[start : start + walguard.PAGE_SIZE]
    for name, pages in {
        "binding page copied first": [binding_page],
        "all but the binding page": [p for p in frames if p != binding_page],
        "every page": list(frames),
    }.items():
        folder = tmp_path / name.replace(" ", "-")
        folder.mkdir()
        copy = folder / "v.kintsugi"
        data = bytearray(main)
        for pgno in sorted(pages):
            end = pgno * walguard.PAGE_SIZE
            data[len(data) : end] = bytes(max(0, end - len(data)))
            data[end - walguard.PAGE_SIZE : end] = frames[pgno]
        copy.write_bytes(bytes(data))
        walguard.wal_path(copy).write_bytes(log)
        with Vault.open(copy, PASSPHRASE) as v:
            assert v.notices == [], name
            assert {f"in the log {i}" for i in range(5)} <= titles(v), name
            assert v.check() == [], name


def test_a_version_6_vault_with_a_crash_log_from_before_the_binding(vault, vault_path):
    """A vault of the previous version (no binding), crashed by the code of that version:
    its log is applied, the vault is upgraded, and from then on logs are bound."""
    with vault.db.transaction() as conn:
        conn.execute("DROP TABLE wal_binding")
        for later in ("TRIGGER attachment_frees_blob", "TABLE attachment", "TABLE blob_chunk"):
            conn.execute(f"DROP {later}")  # and what version 8 added (attachments)
        conn.execute("DROP TABLE blob")
        conn.execute("PRAGMA user_version = 6")
    vault.lock()
    acks = crash_while_writing(vault_path, "v6", migrations=6)
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert v.notices == [] and schema.user_version(v.db) == schema.LATEST_VERSION
        repo = EntryRepository(v.db)
        assert all(repo.get(i).title == f"v6 {n}" for i, n in acks)
        assert v.check() == []
        b = backups.take_backup(v, "manual").path
    acks = crash_while_writing(vault_path, "v7")
    shutil.copyfile(b, vault_path)
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert [type(n) for n in v.notices] == [ForeignJournalSetAside]
        assert not any(t.startswith("v7 ") for t in titles(v))


def test_a_version_1_vault_upgrades_to_bound_logs(tmp_path):
    path = tmp_path / "vault-v1.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        key, salt = bytes(v._key), v.salt
        first = read_binding(path, key, salt)
        assert first is not None and len(first.gen) == 16
        EntryRepository(v.db).add(Entry(title="new", body="n"))
        copy = tmp_path / "c.kintsugi"
        shutil.copyfile(path, copy)
        shutil.copyfile(walguard.wal_path(path), walguard.wal_path(copy))
        assert judge(copy, key, salt) is True
        assert len(Items(v.db).timeline()) == 6

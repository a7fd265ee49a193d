"""Fault and attack suite: damaged copies, and SIGKILL during whole-file operations.
Bounded here; `pytest --soak` runs the full counts reported in docs/reliability.md."""

import random
import signal
import subprocess
import sys
import textwrap
import time

from kintsugi.core.errors import KintsugiError
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import Vault
from tests.helpers import PASSPHRASE, run_cli

PAGE = 4096


def damage(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    pages = len(data) // PAGE
    kind = rng.choice(["flip", "flips", "truncate", "zero-page", "zero-tail", "swap"])
    b = bytearray(data)
    if kind == "flip":
        i = rng.randrange(16, len(b))
        b[i] ^= 1 << rng.randrange(8)
    elif kind == "flips":
        for _ in range(rng.randint(2, 50)):
            b[rng.randrange(len(b))] ^= rng.randrange(1, 256)
    elif kind == "truncate":
        b = b[: rng.randrange(1, len(b))]
    elif kind == "zero-page":
        p = rng.randrange(pages)
        b[p * PAGE : (p + 1) * PAGE] = bytes(PAGE)
    elif kind == "zero-tail":
        cut = rng.randrange(PAGE, len(b))
        b[cut:] = bytes(len(b) - cut)
    else:
        p, q = rng.sample(range(1, pages), 2)
        b[p * PAGE : (p + 1) * PAGE], b[q * PAGE : (q + 1) * PAGE] = (
            b[q * PAGE : (q + 1) * PAGE],
            b[p * PAGE : (p + 1) * PAGE],
        )
    return kind, bytes(b)


def test_damaged_copies_are_reported_never_crash_never_written(vault, vault_path, tmp_path, trials):
    repo = EntryRepository(vault.db)
    for i in range(60):
        repo.add(Entry(title=f"entry {i}", body="words " * 150))
    with vault.db.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    original = vault_path.read_bytes()
    vault.lock()
    rng = random.Random(7)
    copy = tmp_path / "copy.kintsugi"
    found = 0
    n = trials(30, 1000)
    for _ in range(n):
        kind, data = damage(original, rng)
        copy.write_bytes(data)
        try:
            with Vault.open(copy, PASSPHRASE) as v:
                Items(v.db).timeline(limit=1000)
                problems = v.check()
        except KintsugiError as exc:
            problems = [str(exc)]
        found += bool(problems)
        if kind != "flip" or problems:  # a flip inside unused space may change nothing
            assert problems, kind
    assert found >= n * 0.8
    for _ in range(3):  # and through the CLI, as a person would
        kind, data = damage(original, rng)
        copy.write_bytes(data)
        r = run_cli(
            "check", "--vault", str(copy), "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,)
        )
        assert r.returncode in (0, 2, 3) and "Traceback" not in r.stderr
        assert copy.read_bytes()[: len(data)] == data[: len(copy.read_bytes())]


WORKER = textwrap.dedent(f"""
    import sys
    from pathlib import Path
    from kintsugi.core import backups
    from kintsugi.core.vault import Vault
    path, op = Path(sys.argv[1]), sys.argv[2]
    phrases = ["{PASSPHRASE}", "second passphrase"]
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        if op == "rekey":
            for i in (0, 1):
                try:
                    v = Vault.open(path, phrases[i])
                    break
                except Exception:
                    continue
            with v:
                v.change_passphrase(phrases[1 - i])
        elif op == "backup":
            with Vault.open(path, phrases[0]) as v:
                backups.take_backup(v, "manual")
        else:
            b = backups.list_backups(path.parent / (path.stem + "-backups"))
            backups.restore(path, b[-1].path, phrases[0])
        print("done", n, flush=True)
""")


def _open_any(path):
    for phrase in (PASSPHRASE, "second passphrase"):
        try:
            return Vault.open(path, phrase)
        except KintsugiError:
            continue
    raise AssertionError("the vault opens with neither passphrase")


def test_sigkill_during_rekey_backup_and_restore_leaves_a_sound_vault(vault, vault_path, trials):
    from kintsugi.core import backups

    for i in range(40):
        EntryRepository(vault.db).add(Entry(title=f"kept {i}", body="x " * 100))
    backups.take_backup(vault, "manual")
    vault.lock()
    rng = random.Random(11)
    left_behind = 0
    for op in ("rekey", "backup", "restore"):
        for _ in range(trials(2, 70)):
            proc = subprocess.Popen(
                [sys.executable, "-c", WORKER, str(vault_path), op],
                stdout=subprocess.PIPE,
                text=True,
            )
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.05, 0.6))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            proc.stdout.close()
            left_behind += len(_temps(vault_path))  # a killed copy may leave its temp file
            with _open_any(vault_path) as v:
                assert len(Items(v.db).timeline(limit=100)) == 40, op
                assert v.check() == [], op
            assert _temps(vault_path) == [], op  # ... which the next start removes
    print(f"temp files left by killed copies and removed at the next start: {left_behind}")


def _temps(vault_path):
    backup_dir = vault_path.parent / f"{vault_path.stem}-backups"
    return [
        p.name
        for folder in (vault_path.parent, backup_dir)
        if folder.is_dir()
        for p in folder.iterdir()
        if p.name.startswith(".") and p.is_file()
    ]

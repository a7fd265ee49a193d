"""Syncing a big journal through a folder (core/sync): the first sync of a new computer
through the snapshot, a round with nothing new, and a round after a day of writing,
against the limit where one means something.

Takes bench_core's kept journal (``--entries``, built once in ``--cache``), copies it as
computer A, sets up syncing into a fresh folder (``sync.setup``) and joins an empty
journal B from it (``sync.join``); then measures:

* **initial sync**: B's join and first round (everything, from A's snapshot once A has
  written one: from 64 change files of 1,000 revisions on, so at 100k; the figures say
  what the folder held) — against the limit
  of inserting the same rows with raw SQL on the same sqlcipher3 build (bench_core's
  reference insert), since applying a snapshot cannot beat writing its rows;
* **nothing new**: a round on A and on B when neither wrote (median of ``--idle`` rounds;
  the target is ≤ 50 ms at 100k) — against listing the folder's files, which any round
  must do;
* **a day of writing**: ``--day`` entries written on A, then A's round (sends them) and
  B's round (applies them).

    python bench/bench_sync.py                    # 100k entries
    python bench/bench_sync.py --entries 10000    # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_core import DEFAULT_CACHE, PASSPHRASE, prepare  # noqa: E402
from kintsugi.core import kdf, sync  # noqa: E402
from kintsugi.core.records import Entry  # noqa: E402
from kintsugi.core.repo.entries import EntryRepository  # noqa: E402
from kintsugi.core.repo.items import Items  # noqa: E402
from kintsugi.core.vault import Vault  # noqa: E402


def ms(fn):
    t = time.perf_counter()
    result = fn()
    return 1000 * (time.perf_counter() - t), result


def folder_listing(folder: Path) -> int:
    """What any round must at least do: list every file in the folder."""
    n = 0
    for _root, _dirs, files in os.walk(folder):
        n += len(files)
    return n


def folder_files(folder: Path) -> dict[str, int]:
    """What a new computer finds in the folder: change files, snapshot parts, other files."""
    from kintsugi.core.sync import folder as sync_folder

    found = {"change_files": 0, "snapshot_parts": 0}
    for device in sync_folder.device_dirs(folder):
        changes, snapshots = sync_folder.device_files(folder, device)
        found["change_files"] += len(changes)
        found["snapshot_parts"] += sum(len(parts) for parts in snapshots.values())
    return found


def raw_insert_limit(rows: int, tmp: Path) -> float:
    """Inserting ``rows`` rows of about an entry's size with raw SQL on the same build, in
    one transaction (ms): a snapshot's rows cannot be applied faster than written."""
    import sqlcipher3

    path = tmp / "limit.db"
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(
        "CREATE TABLE item (id INTEGER PRIMARY KEY, uid TEXT UNIQUE, title TEXT, body TEXT)"
    )
    body = "a quiet evening of words " * 40
    t = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO item (uid, title, body) VALUES (?, ?, ?)",
        ((os.urandom(16).hex(), f"title {i}", body) for i in range(rows)),
    )
    conn.execute("COMMIT")
    elapsed = 1000 * (time.perf_counter() - t)
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--idle", type=int, default=21, help="rounds with nothing new")
    parser.add_argument("--day", type=int, default=20, help="entries written in a day")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    stores = prepare(args.entries, args.cache)
    out: dict[str, object] = {
        "entries": args.entries,
        "machine": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "load_before": os.getloadavg(),
    }
    with tempfile.TemporaryDirectory(dir=args.cache) as tmp_name:
        tmp = Path(tmp_name)
        a_path, b_path, folder = tmp / "a.kintsugi", tmp / "b.kintsugi", tmp / "folder"
        folder.mkdir()
        shutil.copy(stores.vault, a_path)
        a = Vault.open(a_path, PASSPHRASE)
        b = Vault.create(b_path, PASSPHRASE, params=kdf.parse_salt(a.salt))
        try:
            from kintsugi.core.sync import folder as sync_folder

            # the pairing code's own cost (age's scrypt, by design slow): in setup and join
            out["pairing_lock_ms"], locked = ms(lambda: sync_folder.lock_with_code(b"x", "A-B"))
            out["pairing_open_ms"], _ = ms(lambda: sync_folder.open_with_code(locked, "A-B"))
            out["setup_ms"], code = ms(lambda: sync.setup(a, folder, "A"))
            out["a_first_round_ms"], first = ms(lambda: sync.run_round(a))
            out["a_first_round"] = first.__dict__ if hasattr(first, "__dict__") else str(first)
            out["folder_bytes"] = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
            out["folder_before_join"] = folder_files(folder)  # a snapshot, or change files
            # join applies A's snapshot in its first round: that is the initial sync
            out["join_with_initial_sync_ms"], _ = ms(lambda: sync.join(b, folder, code, "B"))
            out["round_after_join_ms"], got = ms(lambda: sync.run_round(b))
            out["round_after_join"] = str(got)
            count = len(Items(b.db).timeline(limit=args.entries + 10))
            out["b_items_after_initial_sync"] = count
            out["initial_sync_limit_ms"] = raw_insert_limit(args.entries, tmp)
            for v in (a, b):
                sync.run_round(v)  # settle: each has seen the other
            for v, name in ((a, "a"), (b, "b")):
                samples = [ms(lambda v=v: sync.run_round(v))[0] for _ in range(args.idle)]
                out[f"idle_round_{name}_ms"] = {
                    "median": statistics.median(samples),
                    "p90": sorted(samples)[int(0.9 * (len(samples) - 1))],
                    "max": max(samples),
                }
            listing = [ms(lambda: folder_listing(folder))[0] for _ in range(args.idle)]
            out["idle_round_limit_ms"] = statistics.median(listing)
            repo = EntryRepository(a.db)
            for i in range(args.day):
                repo.add(Entry(title=f"a day's entry {i}", body="what happened today " * 30))
            out["day_send_ms"], _ = ms(lambda: sync.run_round(a))
            out["day_receive_ms"], got = ms(lambda: sync.run_round(b))
            out["day_receive"] = str(got)
            out["b_items_after_day"] = len(Items(b.db).timeline(limit=args.entries + 100))
            out["load_after"] = os.getloadavg()
        finally:
            a.lock()
            b.lock()
    print(json.dumps(out, indent=2, default=str))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, default=str))


if __name__ == "__main__":
    main()

"""What a write pays for sync's change-marking triggers (schema v10) when the vault does
not sync.

The triggers on ``item`` and ``attachment`` run only ``WHEN EXISTS (SELECT 1 FROM
sync_config)``: a vault that does not sync pays that one probe of an empty table per row
written. Measured on three copies of one fresh vault, interleaved save by save: as made
(not syncing), with the ``sync_*`` triggers dropped (the write with no sync code at all),
and with a ``sync_config`` row (syncing: each write also marks its record). Each save is
the journal's autosave of one entry (``EntryRepository.save`` of a changed body, in its own
transaction, fsync included); CPU is the thread's own time (SQLite runs in it), wall time
includes the fsync. Then a 10,000-entry jrnl import on fresh copies of each (CPU).

    python bench/bench_write_cost.py [--entries 1000] [--saves 300] [--import-n 10000]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PASSPHRASE = "benchmark passphrase, not secret"
MODES = ("not syncing", "no triggers", "syncing")


def _prepare(path: Path, mode: str) -> None:
    from kintsugi.core.vault import Vault

    with Vault.open(path, PASSPHRASE) as v, v.db.transaction() as conn:
        if mode == "no triggers":
            names = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_%'"
                )
            ]
            assert names, "no sync triggers: not schema v10?"
            for name in names:
                conn.execute(f"DROP TRIGGER {name}")
        elif mode == "syncing":
            conn.execute(
                "INSERT INTO sync_config (id, folder, device_id, device_name, identity,"
                " set_up_at) VALUES (1, '/nowhere', 'bench', 'bench', '', '2026-01-01')"
            )


def main(argv: list[str] | None = None) -> int:
    from bench_import import make_file
    from kintsugi.core import importing, kdf
    from kintsugi.core.records import Entry
    from kintsugi.core.repo.entries import EntryRepository
    from kintsugi.core.timeutil import now
    from kintsugi.core.vault import Vault

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=1000, help="entries in the vault")
    ap.add_argument("--saves", type=int, default=300, help="saves timed per copy")
    ap.add_argument("--import-n", type=int, default=10_000, help="entries imported (0: none)")
    ap.add_argument("--import-runs", type=int, default=3)
    args = ap.parse_args(argv)
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp, "base.kintsugi")
        Vault.create(base, PASSPHRASE, params=kdf.DEFAULT_PARAMS).lock()
        with Vault.open(base, PASSPHRASE) as v:
            start = now() - timedelta(days=args.entries)
            EntryRepository(v.db).add_batch(
                [
                    Entry(occurred_at=start + timedelta(days=i), title=f"day {i}", body="a " * 400)
                    for i in range(args.entries)
                ]
            )
        paths = {}
        for mode in MODES:
            paths[mode] = Path(tmp, mode.replace(" ", "-") + ".kintsugi")
            shutil.copy(base, paths[mode])
            _prepare(paths[mode], mode)
        vaults = {mode: Vault.open(paths[mode], PASSPHRASE) for mode in MODES}
        repos = {mode: EntryRepository(v.db) for mode, v in vaults.items()}
        entry = {mode: repos[mode].add(Entry(occurred_at=now(), body="")) for mode in MODES}
        cpu: dict[str, list[float]] = {m: [] for m in MODES}
        wall: dict[str, list[float]] = {m: [] for m in MODES}
        for k in range(args.saves):
            order = MODES[k % 3 :] + MODES[: k % 3]  # each first in turn
            for mode in order:
                rec = dataclasses.replace(entry[mode], body=f"typing {k} " + "word " * 300)
                c, t = time.thread_time(), time.perf_counter()
                entry[mode] = repos[mode].save(rec)
                wall[mode].append(1000 * (time.perf_counter() - t))
                cpu[mode].append(1000 * (time.thread_time() - c))
        with vaults["syncing"].db.read() as conn:
            marked = conn.execute("SELECT count(*) FROM sync_dirty").fetchone()[0]
        with vaults["not syncing"].db.read() as conn:
            unmarked = conn.execute("SELECT count(*) FROM sync_dirty").fetchone()[0]
        for v in vaults.values():
            v.lock()
        load.append(os.getloadavg()[0])
        print(f"# {args.saves} saves of one entry in a {args.entries:,}-entry vault, interleaved")
        print(f"# marked for sync: {marked} (syncing), {unmarked} (not syncing)")
        for mode in MODES:
            print(
                f"{mode:12}  CPU p50 {statistics.median(cpu[mode]):.3f} ms"
                f" (mean {statistics.mean(cpu[mode]):.3f}),"
                f" wall p50 {statistics.median(wall[mode]):.2f} ms"
            )
        if args.import_n:
            file = Path(tmp, "jrnl.json")
            make_file(file, args.import_n)
            spent: dict[str, list[float]] = {m: [] for m in MODES}
            for r in range(args.import_runs):
                for mode in MODES[r % 3 :] + MODES[: r % 3]:
                    fresh = Path(tmp, f"import-{r}.kintsugi")
                    Vault.create(fresh, PASSPHRASE, params=kdf.DEFAULT_PARAMS).lock()
                    _prepare(fresh, mode)
                    with Vault.open(fresh, PASSPHRASE) as v:
                        c = time.process_time()
                        importing.import_path(v.db, file)
                        spent[mode].append(time.process_time() - c)
                    for extra in Path(tmp).glob(fresh.name + "*"):
                        extra.unlink()
            for mode in MODES:
                print(
                    f"import of {args.import_n:,} entries, {mode:12}: CPU"
                    f" {statistics.median(spent[mode]):.3f} s (min {min(spent[mode]):.3f})"
                )
        load.append(os.getloadavg()[0])
    print(f"# load average {min(load):.1f}–{max(load):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

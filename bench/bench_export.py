"""Peak memory of exports against the size of the journal.

Each measure runs in a fresh process (peak RSS is per process) on bench_core's kept
vaults: a full JSON export (``kintsugi export --all --format json``, streamed) and a PDF
of 1,000 items (the newest 1,000, chosen by id, through the PDF report the app makes).
The peak is the process's resident high-water mark during the export alone (reset after
unlocking, so the KDF's 64 MiB is not in it); "of which export" is what it added to the
resident size it started from.

    python bench/bench_export.py                    # 10,000 and 100,000 entries
    python bench/bench_export.py --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CHILD = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from kintsugi.core import transfer
from kintsugi.core.vault import Vault
what, vault_path, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
def rss():  # the peak resident size since the last reset, MiB
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
def reset_peak():  # Linux: "5" resets VmHWM to the current size
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
with Vault.open(vault_path, sys.argv[4]) as v:
    if what == "json-small-cache":  # SQLite's page cache capped at 2 MiB, not 32
        with v.db.read() as conn:
            conn.execute("PRAGMA cache_size = -2048")
    if what == "pdf":
        from PySide6.QtGui import QGuiApplication
        from kintsugi.ui.insights.report import render_pdf
        app = QGuiApplication(["bench"])
    reset_peak()  # the KDF (64 MiB) is behind us: measure the export alone
    base = rss()
    t = time.perf_counter()
    if what.startswith("json"):
        records = transfer.iter_records(v.db, everything=True)
        total = transfer.count_records(v.db, everything=True)
        _, count = transfer.write_json_export(v.db, records, out, total=total)
    else:
        with v.db.read() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM item ORDER BY id DESC LIMIT 1000")]
        records = transfer.select(v.db, ids=ids)
        data = render_pdf(v.db, records, name="bench")
        transfer.write_export(v.db, data, out, fmt="pdf", recipient="bench", item_ids=ids)
        count = len(records)
    took = time.perf_counter() - t
    size = out.stat().st_size
    # leave the kept vault as it was: the export was logged
    with v.db.transaction() as conn:
        conn.execute("DELETE FROM share_log")
print(f"RESULT {base:.1f} {rss():.1f} {took:.3f} {count} {size}")
"""


def run(what: str, vault: Path, passphrase: str) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, f"export.{what.split('-')[0]}")
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, what, str(vault), str(out), passphrase],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT")), None)
    if line is None:
        raise SystemExit(proc.stderr)
    return [float(x) for x in line.split()[1:]]


def main(argv: list[str] | None = None) -> int:
    from bench_core import DEFAULT_CACHE, PASSPHRASE, prepare

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    results: dict = {}
    print(
        f"{'export':28} {'entries':>8} {'peak RSS MiB':>13} {'of which export':>16} {'time s':>7}"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        vault = prepare(n, args.cache).vault
        for what, label in (
            ("json", "full JSON (streamed)"),
            ("json-small-cache", "… with a 2 MiB page cache"),
            ("pdf", "PDF of 1,000 items"),
        ):
            rows = [run(what, vault, PASSPHRASE) for _ in range(args.runs)]
            peak = statistics.median(r[1] for r in rows)
            grown = statistics.median(r[1] - r[0] for r in rows)
            took = statistics.median(r[2] for r in rows)
            results[f"{what}-{n}"] = rows
            print(f"{label:28} {n:>8,} {peak:13.0f} {grown:16.0f} {took:7.1f}")
            time.sleep(0.1)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

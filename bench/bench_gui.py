"""Desktop app timings: cold start to the unlock screen, unlock to a painted timeline,
and peak memory, on a vault of N entries (default 100,000).

    python bench/bench_gui.py                      # builds a 100k vault first (about a minute)
    python bench/bench_gui.py --vault FILE         # reuse a vault made with bench_core's passphrase
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CHILD = r"""
import os, resource, sys, time
T0 = float(sys.argv[3])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtTest import QTest
from kintsugi.ui.app import make_app
from kintsugi.ui.main_window import MainWindow
from kintsugi.ui.session import Session

class Painted(QObject):
    def __init__(self):
        super().__init__()
        self.at = None
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and self.at is None:
            self.at = time.perf_counter()
        return False

app = make_app()
w = MainWindow(Session(Path(sys.argv[1])))
first = Painted()
w.unlock.installEventFilter(first)
w.show()
while first.at is None:
    app.processEvents()
cold = time.time() - T0
timeline = Painted()
w.journal.view.viewport().installEventFilter(timeline)
w.unlock.passphrase.setText(sys.argv[2])
start = time.perf_counter()
w.unlock.unlock_button.click()
while timeline.at is None:
    app.processEvents()
unlock_to_paint = timeline.at - start
rows = w.journal.model.rowCount()
view = w.journal.view
t = time.perf_counter()
for _ in range(20):  # scroll down through ~4,000 entries, letting fetchMore load pages
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    app.processEvents()
scroll = time.perf_counter() - t
loaded = w.journal.model.rowCount()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"RESULT {cold:.3f} {unlock_to_paint:.3f} {rows} {scroll:.3f} {loaded} {peak:.0f}")
w.session.lock()
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--vault")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    from bench_core import PASSPHRASE

    with tempfile.TemporaryDirectory() as tmp:
        vault = Path(args.vault) if args.vault else Path(tmp, "vault.kintsugi")
        if not args.vault:
            from bench_core import Backend, make_entries
            from kintsugi.core.repo.entries import EntryRepository

            print(f"… building a vault of {args.n:,} entries", file=sys.stderr, flush=True)
            entries, _ = make_entries(args.n)
            b = Backend("kintsugi", vault)
            db = b.create()
            repo = EntryRepository(db)
            for i in range(0, len(entries), 1000):
                with db.transaction():
                    for e in entries[i : i + 1000]:
                        repo.add(e)
            db.close()
        from kintsugi.core import kdf
        from kintsugi.core.vault import read_salt

        t = time.perf_counter()
        kdf.derive_key(PASSPHRASE, read_salt(vault))
        kdf_s = time.perf_counter() - t
        results = []
        for _ in range(args.runs):
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(vault), PASSPHRASE, repr(time.time())],
                capture_output=True,
                text=True,
                env=env,
            )
            line = next((ln for ln in out.stdout.splitlines() if ln.startswith("RESULT")), None)
            if line is None:
                print(out.stderr, file=sys.stderr)
                return 1
            results.append([float(x) for x in line.split()[1:]])
    best = [min(r[i] for r in results) for i in range(6)]
    cold, unlock, rows, scroll, loaded, peak = best
    print(f"cold start → unlock screen painted   {cold * 1000:8.0f} ms (best of {args.runs})")
    print(
        f"unlock → timeline painted            {unlock * 1000:8.0f} ms "
        f"(KDF alone {kdf_s * 1000:.0f} ms; first page {int(rows)} rows)"
    )
    print(
        f"scroll 20 screens to the end         {scroll * 1000:8.0f} ms ({int(loaded)} rows loaded)"
    )
    print(f"peak memory (RSS)                    {peak:8.0f} MiB")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                dict(
                    cold_start_s=cold,
                    unlock_to_timeline_s=unlock,
                    kdf_s=kdf_s,
                    scroll_s=scroll,
                    rows_loaded=loaded,
                    peak_rss_mib=peak,
                ),
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Desktop app timings on a vault like a user's (offscreen platform; medians of runs).

Measures cold start to the unlock screen, unlock to a painted timeline (with the vault's
own calibrated KDF, as a user's vault has), scrolling, peak memory, and how long a
keystroke in a 100 KB entry takes to be painted while a backup and a WAL checkpoint run
(the autosave fires every second meanwhile).

The vault is bench_core's (``--n`` entries, kept in ``--cache``), copied once and re-keyed
with ``kdf.calibrate()``. Today's daily backup is taken before the runs, so the app's own
daily backup at unlock has nothing to do and races nothing; the typing run starts its
backup itself, at a known moment.

    python bench/bench_gui.py                  # 10,000 entries
    python bench/bench_gui.py --n 100000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

#: A process that only sleeps 1 ms at a time, printing how late each wake-up came: how
#: long *any* thread waits for a core on this machine while the typing runs.
PROBE = r"""
import signal, sys, time
late = []
signal.signal(signal.SIGTERM, lambda *a: (print(" ".join(f"{x:.5f}" for x in late)), sys.exit(0)))
while True:
    t = time.perf_counter()
    time.sleep(0.001)
    late.append(time.perf_counter() - t - 0.001)
"""

CHILD = r"""
import subprocess
import os, resource, sys, threading, time
T0 = float(sys.argv[3])
PROBE = sys.argv[6]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from kintsugi.ui.app import make_app
from kintsugi.ui.main_window import MainWindow
from kintsugi.ui.session import Session

PASS_CPU = [0.0]  # the UI thread's CPU time in the last event-loop pass

def one_pass():
    c = time.thread_time()
    app.processEvents()
    PASS_CPU[0] = time.thread_time() - c

def wait_for(cond, what, limit=120):
    start = time.perf_counter()
    while not cond():
        app.processEvents()
        if time.perf_counter() - start > limit:
            print(f"TIMEOUT waiting for {what}", flush=True)
            os._exit(3)

class Painted(QObject):
    def __init__(self):
        super().__init__()
        self.at = None
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            self.at = time.perf_counter()
        return False

app = make_app()
w = MainWindow(Session(Path(sys.argv[1])))
class FirstPaintIn(QObject):  # the first paint of the unlock screen or anything in it
    def __init__(self, root):
        super().__init__()
        self.root, self.at = root, None
    def eventFilter(self, obj, event):
        if self.at is None and event.type() == QEvent.Paint and isinstance(obj, QWidget):
            if obj is self.root or self.root.isAncestorOf(obj):
                self.at = time.perf_counter()
        return False

first = FirstPaintIn(w.unlock)
app.installEventFilter(first)
w.show()
wait_for(lambda: first.at is not None, "the unlock screen")
app.removeEventFilter(first)
cold = time.time() - T0
timeline = Painted()
w.journal.view.viewport().installEventFilter(timeline)
w.unlock.passphrase.setText(sys.argv[2])
start = time.perf_counter()
w.unlock.unlock_button.click()
# The journal opens on its quiet start page (nothing written on screen): "Show my journal"
# is clicked as soon as it is there, so this is unlock → the timeline a person asks for.
quiet = w.journal.quiet
wait_for(lambda: timeline.at is not None or quiet.isVisible(), "the journal")
if timeline.at is None:
    quiet.show_button.click()
wait_for(lambda: timeline.at is not None, "the timeline")
unlock_to_paint = timeline.at - start
rows = w.journal.model.rowCount()
view = w.journal.view
t = time.perf_counter()
for _ in range(20):  # scroll down through ~4,000 entries, letting fetchMore load pages
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    app.processEvents()
scroll = time.perf_counter() - t
loaded = w.journal.model.rowCount()

# Typing in a 100 KB entry while a backup and a checkpoint run.
editor = w.journal.editor
w.on_new_entry()
paragraph = "steady breathing after the talk we had about trust and the long walk home " * 7
editor.body.setPlainText("\n\n".join([paragraph.strip()] * 190)[:100_000])  # 100 KB
editor.save_now()
# The new 100 KB row was inserted into the timeline: let the view finish laying out its
# loaded rows (a batch at a time) before typing starts, as a person's first key would.
settle = time.perf_counter() + 1.0
while time.perf_counter() < settle:
    app.processEvents()
    time.sleep(0.005)
body = editor.body
cursor = body.textCursor()
cursor.movePosition(cursor.MoveOperation.End)
body.setTextCursor(cursor)
painted = Painted()
body.viewport().installEventFilter(painted)
vault = w.session.vault
backup_done = threading.Event()
def backup():
    try:
        vault.backup_to(Path(sys.argv[4]))
    finally:
        backup_done.set()
threading.Thread(target=backup, daemon=True).start()
INTERVAL = 0.05  # a fast typist: 20 keys a second
latencies, during_backup, due = [], [], time.perf_counter() + INTERVAL
own = []  # per key: the UI thread's own CPU time the key waited for
checkpointed = False
probe = subprocess.Popen([sys.executable, "-c", PROBE], stdout=subprocess.PIPE, text=True)
for k in range(int(sys.argv[5])):
    PASS_CPU[0] = 0.0
    while time.perf_counter() < due:  # the event loop runs: timers, the autosave, results
        one_pass()
        time.sleep(0.001)
    waited_cpu = PASS_CPU[0]  # the pass that ran into the key's due time (at most)
    if k == 40 and not checkpointed:  # a checkpoint, on the writer thread, mid-typing
        db = vault.db
        def checkpoint():
            with db.read() as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        vault.writer.submit(checkpoint)
        checkpointed = True
    painted.at = None
    c = time.thread_time()
    QTest.keyClick(body, "abcdefghij"[k % 10])
    wait_for(lambda: painted.at is not None, "a keystroke's paint")
    own.append(waited_cpu + time.thread_time() - c)
    latencies.append(painted.at - due)  # from when the key was due: stalls count
    if not backup_done.is_set():
        during_backup.append(painted.at - due)
    due += INTERVAL
probe.terminate()
late = sorted(float(x) for x in probe.communicate()[0].split()) or [float("nan")]
editor.save_now()
typed = editor.entry_id
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def pct(xs, q):
    xs = sorted(xs) or [float("nan")]
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]
print(f"RESULT {cold:.4f} {unlock_to_paint:.4f} {rows} {scroll:.4f} {loaded} {peak:.0f} "
      f"{pct(latencies, .5):.4f} {pct(latencies, .99):.4f} {max(latencies):.4f} "
      f"{pct(during_backup, .99):.4f} {len(during_backup)} {pct(own, .5):.4f} {pct(own, .99):.4f}"
      f" {pct(late, .99):.4f} {os.getloadavg()[0]:.2f}")
items = w.session.items()  # leave the kept vault as it was
items.delete(typed)
items.purge(typed)
w.session.lock()
"""

NAMES = (
    "cold start → unlock screen painted (ms)",
    "unlock → timeline painted, KDF included (ms)",
    "rows on the first page",
    "scroll 20 screens (ms)",
    "rows loaded",
    "peak RSS (MiB)",
    "keystroke → painted, p50 (ms)",
    "keystroke → painted, p99 (ms)",
    "keystroke → painted, max (ms)",
    "  while the backup ran, p99 (ms)",
    "  keystrokes while the backup ran",
    "UI thread's own CPU per keystroke, p50 (ms)",
    "UI thread's own CPU per keystroke, p99 (ms)",
    "a 1 ms sleeper woken late, p99 (ms)",
    "load average (1 min) at the end",
)
IN_MS = {0, 1, 3, 6, 7, 8, 9, 11, 12, 13}


def prepare(n: int, cache: Path) -> Path:
    """bench_core's vault of ``n`` entries, re-keyed once with a calibrated KDF."""
    from bench_core import PASSPHRASE
    from bench_core import prepare as prepare_core
    from kintsugi.core import backups, kdf
    from kintsugi.core.schema import LATEST_VERSION
    from kintsugi.core.vault import Vault

    stores = prepare_core(n, cache)
    gui = stores.vault.parent / f"gui-v{LATEST_VERSION}.kintsugi"
    if not gui.exists():
        print("… re-keying a copy with a calibrated KDF", file=sys.stderr, flush=True)
        tmp = gui.with_suffix(".tmp")
        shutil.copy(stores.vault, tmp)
        with Vault.open(tmp, PASSPHRASE) as v:
            v.change_passphrase(PASSPHRASE, params=kdf.calibrate())
        tmp.rename(gui)
    with Vault.open(gui, PASSPHRASE) as v:  # today's daily backup: none at unlock
        backups.daily_backup(v)
    return gui


def main(argv: list[str] | None = None) -> int:
    from bench_core import DEFAULT_CACHE, PASSPHRASE
    from kintsugi.core import kdf
    from kintsugi.core.vault import read_salt

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="entries (default 10,000)")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keys", type=int, default=200, help="keystrokes per run")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    vault = prepare(args.n, args.cache)
    t = time.perf_counter()
    params = kdf.parse_salt(read_salt(vault))
    kdf.derive_key(PASSPHRASE, read_salt(vault))
    kdf_s = time.perf_counter() - t
    results = []
    for _ in range(args.runs):
        out_copy = vault.parent / "gui-typing-backup.kintsugi"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                CHILD,
                str(vault),
                PASSPHRASE,
                repr(time.time()),
                str(out_copy),
                str(args.keys),
                PROBE,
            ],
            capture_output=True,
            text=True,
            env=env,
        )
        out_copy.unlink(missing_ok=True)
        line = next((ln for ln in out.stdout.splitlines() if ln.startswith("RESULT")), None)
        if line is None:
            print(out.stdout, out.stderr, file=sys.stderr)
            return 1
        results.append([float(x) for x in line.split()[1:]])
    print(
        f"\n{args.n:,} entries · KDF {params.memory_kib // 1024} MiB, t={params.iterations},"
        f" p={params.lanes}: {kdf_s * 1000:.0f} ms · median (min–max) of {args.runs} runs"
    )
    summary = {}
    for i, name in enumerate(NAMES):
        scale = 1000 if i in IN_MS else 1
        values = [r[i] * scale for r in results]
        summary[name] = values
        med = statistics.median(values)
        print(f"{name:46} {med:9.1f} ({min(values):.1f}–{max(values):.1f})")
    if args.json:
        Path(args.json).write_text(json.dumps({"n": args.n, "kdf_s": kdf_s, **summary}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

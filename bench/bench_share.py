"""The Share pane with many marked items: how long the UI thread is blocked.

A vault with ``--n`` entries, every one marked for sharing, and ``--received`` items from a
partner (one bundle). The pane's whole load — the list, the preview of everything marked,
the history and From partner — is started as the app starts it (``reload()``), then the
UI thread's longest stall is measured with a 5 ms heartbeat timer until the preview shows
the last item; also the total time until then. Offscreen platform, medians of ``--runs``.

    python bench/bench_share.py               # 20,000 marked items
    python bench/bench_share.py --n 5000
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PASSPHRASE = "bench share passphrase"


def build(path: Path, n: int, received: int) -> None:
    from kintsugi.core import share, transfer
    from kintsugi.core.kdf import KdfParams
    from kintsugi.core.records import Entry
    from kintsugi.core.repo.entries import EntryRepository
    from kintsugi.core.vault import Vault

    fast = KdfParams(memory_kib=1024, iterations=1, lanes=1)
    with Vault.create(path, PASSPHRASE, params=fast) as v:
        repo = EntryRepository(v.db)
        for start in range(0, n, 1000):
            with v.db.transaction():
                for i in range(start, min(n, start + 1000)):
                    repo.add(
                        Entry(
                            title=f"Marked {i}", body=f"What I noticed, day {i}. " * 12, shared=True
                        )
                    )
    if received:
        other = path.with_name("partner.kintsugi")
        with Vault.create(other, PASSPHRASE, params=fast) as p:
            repo = EntryRepository(p.db)
            with p.db.transaction():
                for i in range(received):
                    repo.add(
                        Entry(title=f"From partner {i}", body="their words " * 10, shared=True)
                    )
            recs = transfer.select(p.db, shared=True)
            bundle = transfer.export_bytes(
                p.db, recs, "age", exporter="Sam", bundle_passphrase="bundle passphrase 1"
            )
        other.unlink()
        bundle_path = path.with_name("b.age")
        bundle_path.write_bytes(bundle)
        with Vault.open(path, PASSPHRASE) as v:
            transfer.import_path(v.db, bundle_path, bundle_passphrase="bundle passphrase 1")
        bundle_path.unlink()
        del share


def measure(path: Path, n: int) -> tuple[float, float, float]:
    from PySide6.QtCore import QTimer

    from kintsugi.ui.app import make_app
    from kintsugi.ui.main_window import MainWindow
    from kintsugi.ui.session import Session
    from kintsugi.ui.workers import wait_for_background

    app = make_app()
    window = MainWindow(Session(path))
    window.show()
    window.session.unlock(PASSPHRASE, lambda exc: print("unlock failed", exc))
    deadline = time.perf_counter() + 120
    while not window.session.is_open and time.perf_counter() < deadline:
        app.processEvents()
    pane = window.share
    done = lambda: window.session.is_open and not pane.busy and pane.payload is not None  # noqa: E731
    deadline = time.perf_counter() + 300
    while not done() and time.perf_counter() < deadline:  # the load the unlock started
        app.processEvents()
    wait_for_background()
    app.processEvents()
    gaps, last = [], [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=5)
    timer.timeout.connect(beat)
    pane.preview.clear()
    start = time.perf_counter()
    timer.start()
    last[0] = time.perf_counter()
    pane.reload()
    call = time.perf_counter() - start
    while not done() and time.perf_counter() - start < 300:
        app.processEvents()
    total = time.perf_counter() - start
    beat()
    timer.stop()
    assert f"Marked {n - 1}" in pane.preview.toPlainText() and pane.list.count() == n
    window.lock()
    wait_for_background()
    window.close()
    return call, max(gaps), total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--received", type=int, default=2_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kintsugi-bench")
    args = ap.parse_args(argv)
    from kintsugi.core.schema import LATEST_VERSION

    path = args.cache / f"share-{args.n}-{args.received}-v{LATEST_VERSION}.kintsugi"
    if not path.exists():
        print(f"… building {path}", file=sys.stderr, flush=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name("building.kintsugi")
        for p in tmp.parent.glob(tmp.name + "*"):
            p.unlink()
        build(tmp, args.n, args.received)
        tmp.rename(path)
    runs = [measure(path, args.n) for _ in range(args.runs)]
    med = [statistics.median(r[i] for r in runs) for i in range(3)]
    print(
        f"Share pane, {args.n:,} marked items, {args.received:,} received (median of {args.runs})"
    )
    print(f"  reload() returns after        {med[0] * 1000:9.0f} ms")
    print(f"  longest UI-thread stall       {med[1] * 1000:9.0f} ms")
    print(f"  until the preview is complete {med[2] * 1000:9.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

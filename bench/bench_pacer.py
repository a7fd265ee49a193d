"""Is the breathing pacer smooth, and idle when hidden?

Runs box breathing offscreen for a few seconds of real time and reports the frame
intervals the 60 Hz timer delivered, the paint time per frame, and the process CPU
used while the exercise screen is hidden.

    python bench/bench_pacer.py [--seconds 5]
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

from PySide6.QtCore import QElapsedTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from kintsugi.core.kdf import KdfParams  # noqa: E402
from kintsugi.core.vault import Vault  # noqa: E402
from kintsugi.ui.app import make_app  # noqa: E402
from kintsugi.ui.main_window import MainWindow  # noqa: E402
from kintsugi.ui.session import Session  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0)
    args = ap.parse_args(argv)
    make_app(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "v.kintsugi")
        Vault.create(path, "bench", params=KdfParams(1024, 1, 1)).lock()
        w = MainWindow(Session(path))
        w.resize(1100, 720)
        w.show()
        w.unlock.passphrase.setText("bench")
        w.unlock.unlock_button.click()
        while not w.session.is_open:
            QTest.qWait(10)
        ex = w.start_exercise("box_breathing")
        w.exercise.begin(rated=False)
        stamps: list[float] = []
        paints: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        original_tick = ex.tick

        def tick() -> None:
            stamps.append(clock.nsecsElapsed() / 1e6)
            original_tick()
            t = time.perf_counter()
            ex.pacer.repaint()  # paint now, so its cost is measured per frame
            paints.append((time.perf_counter() - t) * 1000)

        ex._timer.timeout.disconnect()
        ex._timer.timeout.connect(tick)
        QTest.qWait(int(args.seconds * 1000))
        intervals = [b - a for a, b in zip(stamps, stamps[1:], strict=False)]
        expected = args.seconds * 1000 / ex._timer.interval()
        late = sum(1 for i in intervals if i > 1.5 * 1000 / 60)
        w.exercise.hide()
        cpu0 = time.process_time()
        QTest.qWait(2000)
        idle_cpu = (time.process_time() - cpu0) / 2 * 100
        print(
            f"frames {len(stamps)} in {args.seconds:g} s (timer {ex._timer.interval()} ms; "
            f"{expected:.0f} expected)"
        )
        print(
            f"frame interval p50 {statistics.median(intervals):.1f} ms, "
            f"p99 {sorted(intervals)[int(0.99 * (len(intervals) - 1))]:.1f} ms, "
            f"max {max(intervals):.1f} ms; late (> 25 ms) {late}"
        )
        print(f"paint per frame p50 {statistics.median(paints):.2f} ms, max {max(paints):.2f} ms")
        print(f"CPU while hidden: {idle_cpu:.1f} % of one core")
        w.session.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How long the Insights pane's figures take on a large journal.

Adds triggers, grounding sessions and check-ins (10 years' worth) to a vault of entries
made by bench_core/bench_gui, then times ``insights.compute`` for each range the pane
offers. Run: python bench/bench_insights.py --vault VAULT [--passphrase-from-bench]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_core import PASSPHRASE  # noqa: E402
from kintsugi.core import insights  # noqa: E402
from kintsugi.core.insights import Range  # noqa: E402
from kintsugi.core.records import CUE_CATEGORIES, CheckIn, GroundingSession, Trigger  # noqa: E402
from kintsugi.core.repo.checkins import CheckInRepository  # noqa: E402
from kintsugi.core.repo.grounding import GroundingRepository  # noqa: E402
from kintsugi.core.repo.items import Items  # noqa: E402
from kintsugi.core.repo.triggers import TriggerRepository  # noqa: E402
from kintsugi.core.vault import Vault  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--vault", required=True)
    ap.add_argument("--triggers", type=int, default=5000)
    args = ap.parse_args(argv)
    rng = random.Random(3)
    with Vault.open(Path(args.vault), PASSPHRASE) as v:
        if not Items(v.db).timeline(kind="trigger", limit=1):
            print(
                f"… adding {args.triggers:,} triggers, as many sessions, "
                f"{args.triggers // 10:,} check-ins",
                file=sys.stderr,
                flush=True,
            )
            start = datetime(2016, 1, 1, 8).astimezone()
            span = (datetime.now().astimezone() - start).total_seconds()
            triggers, grounding = TriggerRepository(v.db), GroundingRepository(v.db)
            checkins = CheckInRepository(v.db)
            with v.db.transaction():
                for _ in range(args.triggers):
                    when = start + timedelta(seconds=rng.uniform(0, span))
                    t = triggers.add(
                        Trigger(
                            cue=rng.choice(CUE_CATEGORIES),
                            suds_peak=rng.randint(3, 10),
                            occurred_at=when,
                        )
                    )
                    before = t.suds_peak
                    grounding.add(
                        GroundingSession(
                            technique=rng.choice(
                                ["box_breathing", "senses_54321", "muscle_relaxation"]
                            ),
                            suds_before=before,
                            suds_after=max(0, before - rng.randint(0, 5)),
                            trigger_id=t.id,
                            occurred_at=when + timedelta(minutes=5),
                        )
                    )
                for n in range(args.triggers // 10):
                    checkins.add(
                        CheckIn(
                            safety=rng.randint(2, 9),
                            trust=rng.randint(1, 9),
                            connection=rng.randint(2, 9),
                            communication=rng.randint(2, 9),
                            occurred_at=start + timedelta(weeks=n % 520),
                        )
                    )
        today = date.today()
        ranges = [
            ("last 4 weeks", Range.last_days(28)),
            ("last 3 months", Range.last_days(91)),
            ("last 12 months", Range.last_days(365)),
            ("all ten years", Range(date(2016, 1, 1), today)),
        ]
        print(f"{'range':16} {'p50 ms':>8} {'max ms':>8}  triggers  entry days")
        for label, r in ranges:
            times, result = [], None
            for _ in range(5):
                t = time.perf_counter()
                result = insights.compute(v.db, r)
                times.append((time.perf_counter() - t) * 1000)
            print(
                f"{label:16} {statistics.median(times):8.0f} {max(times):8.0f}  "
                f"{result.trigger_count:8,}  {result.entry_days:10,}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

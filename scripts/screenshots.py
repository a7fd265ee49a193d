"""Take the README's screenshots on a real (virtual) screen.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py

Builds a demo vault in a temp folder, drives the real window over xcb, and
writes PNGs to docs/screenshots/.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kintsugi.core.kdf import KdfParams  # noqa: E402
from kintsugi.core.records import Entry, Trigger  # noqa: E402
from kintsugi.core.repo.entries import EntryRepository  # noqa: E402
from kintsugi.core.vault import Vault  # noqa: E402
from kintsugi.ui.app import make_app  # noqa: E402
from kintsugi.ui.main_window import MainWindow  # noqa: E402
from kintsugi.ui.session import Session  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASS = "demo passphrase for screenshots"
DEMO = [
    (
        0,
        20,
        "A quieter evening",
        "We sat on the balcony and talked for **an hour** without it "
        "turning into a fight.\n\nI told him what the anniversary stirred up. He listened.",
        1,
        ["us", "check-in"],
    ),
    (0, 8, "", "Woke at 4 again. Box breathing helped me get back to sleep.", -1, ["sleep"]),
    (
        1,
        19,
        "Therapy, session 9",
        "We worked on the transparency plan: shared calendar, "
        "phone stays unlocked in the evenings, weekly check-in on Sundays.",
        0,
        ["therapy"],
    ),
    (2, 21, "Walk by the river", "Long walk by the river. Noticed I could enjoy it.", 2, []),
    (
        3,
        13,
        "Hard afternoon",
        "Drove past the hotel. Heart racing, hands cold. I pulled over, "
        "did 5-4-3-2-1, called my sister.",
        -2,
        ["trigger"],
    ),
    (5, 9, "Small things", "He made coffee and left a note. Small, but it counted.", 1, ["us"]),
]


def demo_vault(path: Path) -> None:
    with Vault.create(path, PASS, params=KdfParams(65536, 3, 4)) as v:
        repo = EntryRepository(v.db)
        today = datetime.now().replace(minute=12, second=0, microsecond=0)
        for days, hour, title, body, mood, tags in DEMO:
            when = (today - timedelta(days=days)).replace(hour=hour).astimezone()
            repo.add(
                Entry(
                    title=title, body=body, mood=mood, tags=tags, occurred_at=when, shared=days == 2
                )
            )


def shoot(window: MainWindow, name: str) -> None:
    QTest.qWait(400)
    QApplication.processEvents()
    screen = window.screen()
    pixmap = screen.grabWindow(0, window.x(), window.y(), window.width(), window.height())
    OUT.mkdir(parents=True, exist_ok=True)
    pixmap.save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png")


def wait_until(condition, ms: int = 20_000) -> None:
    waited = 0
    while not condition() and waited < ms:
        QTest.qWait(50)
        waited += 50


def main() -> int:
    app = make_app(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        welcome = MainWindow(Session(Path(tmp) / "new.kintsugi"))
        welcome.resize(1100, 720)
        welcome.move(0, 0)
        welcome.show()
        QTest.keyClicks(welcome.welcome.passphrase, "tender morning harbour")
        welcome.welcome.meter.update_now()
        shoot(welcome, "welcome")
        welcome.close()

        path = Path(tmp) / "journal.kintsugi"
        demo_vault(path)
        window = MainWindow(Session(path))
        window.resize(1100, 720)
        window.move(0, 0)
        window.show()
        QTest.keyClicks(window.unlock.passphrase, "demo pass")
        shoot(window, "unlock")
        window.unlock.passphrase.setText(PASS)
        window.unlock.unlock_button.click()
        wait_until(lambda: window.screens.currentWidget() is window.workspace)
        window.journal.select_row(0)
        shoot(window, "journal")
        window.on_find()
        QTest.keyClicks(window.search.query, "walk")
        wait_until(lambda: window.search.model.rowCount() > 0)
        shoot(window, "search")

        window.grounding_flow.on_quick_log()
        dialog = window.dialog
        dialog.cue.setCurrentIndex(dialog.cue.findData("place"))
        dialog.suds.set_value(7)
        QTest.keyClicks(dialog.what, "Drove past the hotel on the way to work")
        QTest.qWait(300)
        dialog.grab().save(str(OUT / "quick-log.png"))
        print("wrote", OUT / "quick-log.png")
        dialog.save_button.click()
        dialog.ground_button.click()
        window.exercise.prepare("box_breathing", window.exercise.trigger_id, suds=7)
        window.exercise.begin(rated=True)
        QTest.qWait(2600)  # mid in-breath
        shoot(window, "breathing")
        window.exercise.leave()
        window.show_pane(window.triggers)
        shoot(window, "triggers")
        window.grounding_flow.start_exercise("senses_54321")
        window.exercise.begin(rated=True)
        ex = window.exercise.exercise
        for field, text in zip(
            ex.fields[0], ["the lamp", "rain on the window", "my hands"], strict=False
        ):
            QTest.keyClicks(field, text)
        shoot(window, "senses")
        window.exercise.leave()
        s = window.session
        from datetime import date as Day

        from kintsugi.core.records import Boundary, CheckIn, Goal, GoalProgress, GroundingSession

        today = datetime.now().astimezone()
        for weeks, (safe, trust, conn, talk) in enumerate(
            [(4, 3, 4, 5), (5, 3, 5, 5), (5, 4, 5, 6), (6, 5, 6, 6)]
        ):
            s.checkins().add(
                CheckIn(
                    safety=safe,
                    trust=trust,
                    connection=conn,
                    communication=talk,
                    occurred_at=today - timedelta(weeks=3 - weeks),
                )
            )
        for days, cue, suds in (
            (1, "reminder", 6),
            (4, "place", 8),
            (9, "partner_behaviour", 7),
            (12, "date_anniversary", 9),
            (16, "media", 5),
        ):
            t = s.triggers().add(
                Trigger(cue=cue, suds_peak=suds, occurred_at=today - timedelta(days=days))
            )
            for technique, drop in (("box_breathing", 4), ("senses_54321", 3)):
                s.grounding().add(
                    GroundingSession(
                        technique=technique,
                        suds_before=suds,
                        suds_after=suds - drop,
                        trigger_id=t.id,
                        occurred_at=today - timedelta(days=days),
                    )
                )
        s.boundaries().add(
            Boundary(text="Phone stays unlocked in the evenings", revisit_by=Day.today())
        )
        s.goals().add(
            Goal(
                text="One accountability talk a week",
                target_amount=4,
                target_unit="talks",
                due=Day.today() + timedelta(days=20),
                progress=[GoalProgress(Day.today(), 3)],
            )
        )
        window.checkins.on_unlocked()
        window.show_pane(window.checkins)
        shoot(window, "checkins")
        window.checkins.tabs.setCurrentWidget(window.checkins.goals)
        shoot(window, "goals")
        window.show_pane(window.insights)
        window.insights.refresh()
        wait_until(
            lambda: window.insights.result is not None and window.insights.result.trigger_count > 0
        )
        shoot(window, "insights")
        window.share.reload()
        window.show_pane(window.share)
        shoot(window, "share")
        window.close()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Screenshots of the moments that matter most, on a screen of a given size:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots_calm.py
    QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 1920x1080x24" \\
        .venv/bin/python scripts/screenshots_calm.py --suffix -200

The window fills the whole screen (as a maximised window would), so what is cut off here
would be cut off for a person on that screen. Writes to docs/screenshots/:
lock-breathe-now, chooser, thought-record (a middle question), thought-record-last (with
Done), rising-distress, home-people-who-help (with an exercise offered for keeping),
thought-record-reopened — each with the suffix given.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kintsugi.core.kdf import KdfParams  # noqa: E402
from kintsugi.core.records import Entry, GroundingSession, Trigger  # noqa: E402
from kintsugi.core.repo.entries import EntryRepository  # noqa: E402
from kintsugi.core.repo.grounding import GroundingRepository  # noqa: E402
from kintsugi.core.repo.support import SupportContacts  # noqa: E402
from kintsugi.core.repo.triggers import TriggerRepository  # noqa: E402
from kintsugi.core.support_card import CrisisLine  # noqa: E402
from kintsugi.core.vault import Vault  # noqa: E402
from kintsugi.ui.app import make_app  # noqa: E402
from kintsugi.ui.main_window import MainWindow  # noqa: E402
from kintsugi.ui.session import Session  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASS = "demo passphrase for screenshots"


def demo_vault(path: Path) -> None:
    from kintsugi.core.repo.support import SupportContact

    with Vault.create(path, PASS, params=KdfParams(65536, 3, 4)) as v:
        now = datetime.now().astimezone().replace(second=0, microsecond=0)
        EntryRepository(v.db).add(
            Entry(title="A quieter evening", body="We talked for an hour.", mood=1)
        )
        trigger = TriggerRepository(v.db).add(
            Trigger(
                cue="partner_behaviour",
                suds_peak=8,
                situation="His phone lit up at dinner",
                occurred_at=now - timedelta(days=2, hours=3),
            )
        )
        GroundingRepository(v.db).add(
            GroundingSession(
                technique="thought_record",
                occurred_at=now - timedelta(days=2, hours=3) + timedelta(minutes=5),
                duration_s=760,
                completed=True,
                suds_before=8,
                suds_after=5,
                trigger_id=trigger.id,
                steps=[
                    {
                        "situation": "At dinner his phone lit up with a message and he turned "
                        "it face down.",
                        "emotions": [
                            {"name": "fear", "intensity": 80},
                            {"name": "anger", "intensity": 55},
                        ],
                        "thoughts": ["It's happening again", "I'm a fool for staying"],
                        "hot_thought": "It's happening again",
                        "evidence_for": "It happened before, and it started with a hidden phone.",
                        "evidence_against": "He showed me the message when I asked: his "
                        "brother, about Sunday. He has kept every part of our transparency "
                        "plan for five months.",
                        "balanced_thought": "My fear makes sense after what happened. Tonight, "
                        "the facts say he was open with me.",
                        "belief": 60,
                        "emotions_after": [
                            {"name": "fear", "intensity": 40},
                            {"name": "anger", "intensity": 20},
                        ],
                    }
                ],
            )
        )
        for technique, before, after in (("box_breathing", 7, 4), ("senses_54321", 8, 4)):
            GroundingRepository(v.db).add(
                GroundingSession(technique=technique, suds_before=before, suds_after=after)
            )
        contacts = SupportContacts(v.db)
        contacts.save_all(
            [
                SupportContact("Dr Reyes", "+44 20 7946 0018", "my therapist, weekdays"),
                SupportContact("Maya", "+44 7700 900123", "my sister, any time"),
            ]
        )
        contacts.set_crisis_line(CrisisLine("Samaritans", "116 123", "GB"))


def shoot(window: MainWindow, name: str) -> None:
    QTest.qWait(400)
    QApplication.processEvents()
    pixmap = window.grab()
    OUT.mkdir(parents=True, exist_ok=True)
    pixmap.save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png", window.size().toTuple())


def shoot_dialog(dialog, name: str) -> None:
    QTest.qWait(400)
    QApplication.processEvents()
    dialog.grab().save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png", dialog.size().toTuple())


def wait_until(condition, ms: int = 20_000) -> None:
    waited = 0
    while not condition() and waited < ms:
        QTest.qWait(50)
        waited += 50


def fill_screen(window: MainWindow) -> None:
    area = window.screen().availableGeometry()
    window.move(area.topLeft())
    window.resize(area.size())
    QTest.qWait(200)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--suffix", default="")
    args = parser.parse_args()
    suffix = args.suffix
    app = make_app(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "journal.kintsugi"
        demo_vault(path)
        window = MainWindow(Session(path))
        window.show()
        fill_screen(window)
        shoot(window, f"lock-breathe-now{suffix}")

        window.unlock.passphrase.setText(PASS)
        window.unlock.unlock_button.click()
        wait_until(lambda: window.screens.currentWidget() is window.workspace)
        fill_screen(window)

        window.grounding_flow.on_ground_now()
        wait_until(lambda: window.exercise.choices[("senses_54321", "")].helped.text() != "")
        shoot(window, f"chooser{suffix}")
        window.exercise.leave()

        ex = window.grounding_flow.start_exercise("thought_record")
        window.exercise.suds_now.set_value(8)
        window.exercise.begin(rated=True)
        ex = window.exercise.exercise
        QTest.keyClicks(ex.situation, "He was late home and didn't answer my call.")
        ex.next_page()
        for (name, level), (word, value) in zip(
            ex.emotions, (("fear", 75), ("sadness", 60)), strict=False
        ):
            QTest.keyClicks(name, word)
            level.setValue(value)
        ex.next_page()
        QTest.keyClicks(ex.thoughts[0], "He's with someone else")
        QTest.keyClicks(ex.thoughts[1], "I can't go through this again")
        ex.hot[0].setChecked(True)
        shoot(window, f"thought-record{suffix}")
        for _ in range(4):
            ex.next_page()
        shoot(window, f"thought-record-last{suffix}")

        ex.next_page()  # Done
        window.exercise.suds_after.set_value(9)
        window.exercise.save()
        shoot(window, f"rising-distress{suffix}")
        window.exercise.done_button.click()
        window.grounding_flow.start_exercise("box_breathing")
        window.exercise.begin(rated=True)
        QTest.qWait(5500)
        window.exercise.leave()  # offered in the side column, never lost
        window.show_pane(window.journal)
        shoot(window, f"home-people-who-help{suffix}")

        window.show_pane(window.grounding)
        window.grounding.refresh()
        model = window.grounding.model
        row = next(
            r
            for r in range(model.rowCount())
            if model.summary_at(r).title == "Thought record"
            and "8 → 5" in model.summary_at(r).excerpt
        )
        window.grounding.view.activated.emit(model.index(row))
        shoot_dialog(window.dialog, f"thought-record-reopened{suffix}")
        window.dialog.close()
        window.close()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Together: the weekly conversation (started from the week's picked items, and the picker),
rituals, and a goal kept together with its steps, at a given window size:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_together.py \\
        --size 800x600 --suffix -800x600
    KINTSUGI_LANGUAGE=es xvfb-run -a ... scripts/screenshots_together.py --suffix -es

Writes together-weekly<suffix>.png, together-picker<suffix>.png, together-rituals<suffix>.png
and together-goal<suffix>.png to docs/screenshots/.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import PASS, demo_vault, wait_until  # noqa: E402

from kintsugi.core.records import (  # noqa: E402
    CheckIn,
    Goal,
    GoalMilestone,
    GoalProgress,
    Ritual,
    Trigger,
)
from kintsugi.core.repo import repository_for  # noqa: E402
from kintsugi.core.vault import Vault  # noqa: E402
from kintsugi.ui.app import make_app  # noqa: E402
from kintsugi.ui.main_window import MainWindow  # noqa: E402
from kintsugi.ui.session import Session  # noqa: E402
from kintsugi.ui.together.rituals import RitualsPage  # noqa: E402
from kintsugi.ui.together.weekly import WeeklyTalkPage, WeekPicker  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"

#: The demo's words in Spanish, for the Spanish screenshots (KINTSUGI_LANGUAGE=es).
SPANISH: dict[str, str] = dict(
    [
        (
            "You asked how my day really was, and waited for the answer",
            "Me preguntaste de verdad qué tal el día, y esperaste la respuesta",
        ),
        ("A slower Sunday, just us", "Un domingo más lento, solo nosotros"),
        ("The note you left on the fridge", "La nota que dejaste en la nevera"),
        (
            "A late message I didn't know about, and I went quiet all evening",
            "Un mensaje tarde del que no sabía nada, y me quedé callada toda la noche",
        ),
        ("River walk", "Paseo por el río"),
        (
            "Easy. We laughed about the ducks, and held hands on the way back.",
            "Fácil. Nos reímos de los patos y volvimos de la mano.",
        ),
        ("A bit stiff at first, then warm.", "Un poco tensa al principio, luego cálida."),
        ("Finish the couples workbook together", "Terminar juntos el cuaderno de pareja"),
        ("chapters", "capítulos"),
        ("the chapter on listening", "el capítulo sobre escuchar"),
        ("Read the first part", "Leer la primera parte"),
        ("Try the listening exercise", "Probar el ejercicio de escucha"),
        ("Talk it through with our therapist", "Hablarlo con nuestra terapeuta"),
        ("Evenings when plans change", "Las tardes en que cambian los planes"),
        (
            "When I don't hear from you, the old fear comes back.",
            "Cuando no sé nada de ti, vuelve el miedo de antes.",
        ),
        (
            "You go quiet because you're afraid, not because you're angry with me.",
            "Te callas porque tienes miedo, no porque estés enfadado conmigo.",
        ),
    ]
)


def w(text: str) -> str:
    """The demo's words in the screenshots' language."""
    return SPANISH.get(text, text) if os.environ.get("KINTSUGI_LANGUAGE") == "es" else text


def shoot(widget, name: str) -> None:
    QTest.qWait(500)
    QApplication.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png", widget.size().toTuple())


def a_week(path: Path) -> None:
    """The week the screenshots start from: check-ins, a hard moment, rituals, a goal."""
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    with Vault.open(path, PASS) as v:
        add = lambda rec: repository_for(v.db, rec.KIND).add(rec)  # noqa: E731
        add(
            CheckIn(
                occurred_at=now - timedelta(days=4, hours=2),
                safety=6,
                trust=5,
                connection=6,
                communication=7,
                gratitude=w("You asked how my day really was, and waited for the answer"),
                needs=w("A slower Sunday, just us"),
            )
        )
        add(
            CheckIn(
                occurred_at=now - timedelta(days=1, hours=3),
                safety=7,
                trust=5,
                connection=7,
                communication=7,
                gratitude=w("The note you left on the fridge"),
            )
        )
        add(
            Trigger(
                occurred_at=now - timedelta(days=3, hours=5),
                cue="partner_behaviour",
                suds_peak=6,
                situation=w("A late message I didn't know about, and I went quiet all evening"),
            )
        )
        add(
            Ritual(
                occurred_at=now - timedelta(days=2, hours=4),
                ritual="walk",
                name=w("River walk"),
                felt=w("Easy. We laughed about the ducks, and held hands on the way back."),
            )
        )
        add(
            Ritual(
                occurred_at=now - timedelta(days=6, hours=1),
                ritual="date_night",
                felt=w("A bit stiff at first, then warm."),
            )
        )
        add(
            Goal(
                occurred_at=now - timedelta(days=20),
                text=w("Finish the couples workbook together"),
                target_amount=6,
                target_unit=w("chapters"),
                due=date.today() + timedelta(days=30),
                together=True,
                progress=[
                    GoalProgress(date.today() - timedelta(days=14), 2),
                    GoalProgress(
                        date.today() - timedelta(days=2), 1, w("the chapter on listening")
                    ),
                ],
                milestones=[
                    GoalMilestone(
                        w("Read the first part"), date.today() - timedelta(days=14), True
                    ),
                    GoalMilestone(
                        w("Try the listening exercise"), date.today() - timedelta(days=2)
                    ),
                    GoalMilestone(w("Talk it through with our therapist")),
                ],
            )
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--suffix", default="")
    parser.add_argument("--size", default="1100x720", help="WIDTHxHEIGHT in logical pixels")
    args = parser.parse_args()
    QApplication(sys.argv[:1])
    make_app()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "journal.kintsugi"
        demo_vault(path)
        a_week(path)
        window = MainWindow(Session(path))
        window.move(window.screen().availableGeometry().topLeft())
        width, height = (int(n) for n in args.size.split("x"))
        window.resize(width, height)
        window.show()
        QTest.qWait(300)
        window.unlock.passphrase.setText(PASS)
        window.unlock.unlock_button.click()
        wait_until(lambda: window.screens.currentWidget() is window.workspace)
        pane = window.together
        weekly = next(p for p in pane.pages if isinstance(p, WeeklyTalkPage))
        window.show_pane(pane)
        pane.show_page(weekly)
        weekly.new_record()
        now = datetime.now().astimezone()
        picker = WeekPicker(weekly.week(now - timedelta(days=7), now), window)
        for n in range(picker.list.count()):
            kind = picker.list.item(n).data(0x0100)[1]
            if kind in ("checkin", "ritual"):
                picker.list.item(n).setCheckState(picker.list.item(n).checkState().Checked)
        picker.resize(min(640, width - 40), 420)
        picker.show()
        shoot(picker, f"together-picker{args.suffix}")
        picked = picker.picked()
        picker.close()
        weekly.bring_in(picked, now - timedelta(days=7))
        weekly.fields["issue"].setText(w("Evenings when plans change"))
        weekly.fields["my_view"].setPlainText(
            w("When I don't hear from you, the old fear comes back.")
        )
        weekly.fields["heard"].setPlainText(
            w("You go quiet because you're afraid, not because you're angry with me.")
        )
        weekly.flush()  # kept, so it is listed beside the form
        wait_until(lambda: weekly.list.count() == 1)
        QTimer.singleShot(0, lambda: None)
        shoot(window, f"together-weekly{args.suffix}")
        rituals = next(p for p in pane.pages if isinstance(p, RitualsPage))
        pane.show_page(rituals)
        rituals.list.setCurrentRow(0)
        shoot(window, f"together-rituals{args.suffix}")
        window.show_pane(window.checkins)
        window.checkins.tabs.setCurrentWidget(window.checkins.goals)
        window.checkins.goals.list.setCurrentRow(0)
        shoot(window, f"together-goal{args.suffix}")
        window.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

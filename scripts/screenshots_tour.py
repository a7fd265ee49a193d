"""A tour of every screen: each section and each of its tabs, the editor, the exercises and
the dialogs, at one size, text size, theme and language, with keyboard focus shown:

    KINTSUGI_LANGUAGE=es xvfb-run -a -s "-screen 0 1280x800x24" \\
        .venv/bin/python scripts/screenshots_tour.py --size 800x600 --out /tmp/tour
    QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 1920x1080x24" \\
        .venv/bin/python scripts/screenshots_tour.py --out /tmp/tour-200   # 960 × 540 logical

Sections are found through the window's navigation (a section landed later is toured too),
so this is the pass to look over before a release: open every picture it writes. ``--only``
keeps the pictures of the given names (``--only journal 'exercise-*'``, a trailing ``*``
for every name that starts so); ``--prefix`` and ``--suffix`` name them
(``--suffix=-800x600`` writes ``journal-800x600.png``). ``make screenshots`` writes the
Spanish ones to docs/screenshots/es/.
The journal's content is written in the tour's language (Spanish with KINTSUGI_LANGUAGE=es).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import DEMO, PASS, wait_until  # noqa: E402

from kintsugi.core.kdf import KdfParams  # noqa: E402
from kintsugi.core.records import (  # noqa: E402
    Boundary,
    CheckIn,
    Entry,
    Goal,
    GoalProgress,
    GroundingSession,
    Trigger,
)
from kintsugi.core.repo import repository_for  # noqa: E402
from kintsugi.core.vault import Vault  # noqa: E402
from kintsugi.ui.app import make_app  # noqa: E402
from kintsugi.ui.main_window import MainWindow  # noqa: E402
from kintsugi.ui.session import Session  # noqa: E402
from kintsugi.ui.theme import apply_theme  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"

# The same journal in Spanish: (days ago, hour, title, body, mood, tags)
DEMO_ES = [
    (
        0,
        20,
        "Una tarde más tranquila",
        "Nos sentamos en el balcón y hablamos **una hora** sin que acabara en pelea.\n\n"
        "Le conté lo que me removió el aniversario. Me escuchó.",
        1,
        ["nosotros", "revisión"],
    ),
    (0, 8, "", "Otra vez despierta a las 4. La respiración en caja me ayudó a dormir.", -1, []),
    (
        1,
        19,
        "Terapia, sesión 9",
        "Trabajamos el plan de transparencia: calendario compartido, el teléfono queda "
        "desbloqueado por las tardes, revisión semanal los domingos.",
        0,
        ["terapia"],
    ),
    (2, 21, "Paseo por el río", "Un paseo largo por el río. Noté que podía disfrutarlo.", 2, []),
    (
        3,
        13,
        "Una tarde difícil",
        "Pasé por delante del hotel. El corazón a mil, las manos frías. Paré el coche, "
        "hice el 5-4-3-2-1 y llamé a mi hermana.",
        -2,
        ["desencadenante"],
    ),
    (5, 9, "Cosas pequeñas", "Hizo café y me dejó una nota. Pequeño, pero contó.", 1, ["nosotros"]),
]
WORDS = {
    "en": {
        "boundary": "Phone stays unlocked in the evenings",
        "goal": "One accountability talk a week",
        "unit": "talks",
        "situation": "His phone lit up at dinner and he turned it over.",
        "quick": "Drove past the hotel on the way to work",
        "search": "walk",
    },
    "es": {
        "boundary": "El teléfono queda desbloqueado por las tardes",
        "goal": "Una conversación de rendición de cuentas por semana",
        "unit": "charlas",
        "situation": "Su teléfono se iluminó en la cena y le dio la vuelta.",
        "quick": "Pasé por delante del hotel de camino al trabajo",
        "search": "río",
    },
}


def demo_journal(path: Path, lang: str) -> None:
    """Entries, triggers with their exercises, check-ins, a boundary and a goal."""
    words = WORDS.get(lang, WORDS["en"])
    with Vault.create(path, PASS, params=KdfParams(65536, 3, 4)) as v:
        add = lambda rec: repository_for(v.db, rec.KIND).add(rec)  # noqa: E731
        now = datetime.now().replace(minute=12, second=0, microsecond=0)
        for days, hour, title, body, mood, tags in DEMO_ES if lang == "es" else DEMO:
            when = (now - timedelta(days=days)).replace(hour=hour).astimezone()
            add(Entry(title=title, body=body, mood=mood, tags=tags, occurred_at=when, shared=True))
        today = now.astimezone()
        for weeks, (safe, trust, conn, talk) in enumerate(
            [(4, 3, 4, 5), (5, 3, 5, 5), (5, 4, 5, 6), (6, 5, 6, 6)]
        ):
            add(
                CheckIn(
                    safety=safe,
                    trust=trust,
                    connection=conn,
                    communication=talk,
                    occurred_at=today - timedelta(weeks=3 - weeks),
                )
            )
        for days, cue, suds in ((1, "reminder", 6), (4, "place", 8), (12, "date_anniversary", 9)):
            t = add(Trigger(cue=cue, suds_peak=suds, occurred_at=today - timedelta(days=days)))
            for technique, drop in (("box_breathing", 4), ("senses_54321", 3)):
                add(
                    GroundingSession(
                        technique=technique,
                        suds_before=suds,
                        suds_after=suds - drop,
                        trigger_id=t.id,
                        occurred_at=today - timedelta(days=days),
                    )
                )
        add(Boundary(text=words["boundary"], revisit_by=date.today(), shared=True))
        add(
            Goal(
                text=words["goal"],
                target_amount=4,
                target_unit=words["unit"],
                due=date.today() + timedelta(days=20),
                progress=[GoalProgress(date.today(), 3)],
                shared=True,
            )
        )


class Tour:
    def __init__(self, out: Path, prefix: str, suffix: str, only: list[str], focus_tabs: int):
        self.out, self.prefix, self.suffix = out, prefix, suffix
        self.only, self.focus_tabs = only, focus_tabs
        self.written: list[Path] = []

    def wanted(self, name: str) -> bool:
        return not self.only or any(
            name == o or (o.endswith("*") and name.startswith(o[:-1])) for o in self.only
        )

    def shoot(self, widget: QWidget, name: str) -> None:
        if not self.wanted(name):
            return
        if self.focus_tabs:  # show where the keyboard is: a few Tabs into the screen
            widget.window().activateWindow()  # a bare X server has no window manager to
            QTest.qWait(100)  # make it active, and an inactive window draws no focus
            for _ in range(self.focus_tabs):
                QTest.keyClick(QApplication.focusWidget() or widget, Qt.Key.Key_Tab)
        QTest.qWait(350)
        QApplication.processEvents()
        self.out.mkdir(parents=True, exist_ok=True)
        path = self.out / f"{self.prefix}{name}{self.suffix}.png"
        widget.grab().save(str(path))
        self.written.append(path)
        print("wrote", path, widget.size().toTuple(), flush=True)

    def dialogs(self, window: MainWindow, name: str) -> None:
        QApplication.processEvents()
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible():
                self.shoot(top, name)
                top.close()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("&", "")).strip("-") or "tab"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--prefix", default="")
    parser.add_argument("--suffix", default="")
    parser.add_argument("--size", help="WIDTHxHEIGHT in logical pixels; default: the screen")
    parser.add_argument("--font-pt", type=float, help="the desktop's text size, in points")
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    parser.add_argument("--focus-tabs", type=int, default=0, help="Tab presses before a shot")
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    if args.font_pt:
        font = QFont(app.font())
        font.setPointSizeF(args.font_pt)
        app.setFont(font)
    lang = make_app() and os.environ.get("KINTSUGI_LANGUAGE", "en")
    apply_theme(app, args.theme)
    tour = Tour(args.out, args.prefix, args.suffix, args.only, args.focus_tabs)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "journal.kintsugi"
        demo_journal(path, lang)
        window = MainWindow(Session(path))
        area = window.screen().availableGeometry()
        window.move(area.topLeft())
        if args.size:
            window.resize(*(int(n) for n in args.size.split("x")))
        else:
            window.resize(area.size())
        window.show()
        QTest.qWait(300)
        tour.shoot(window, "unlock")
        window.unlock.passphrase.setText(PASS)
        window.unlock.unlock_button.click()
        wait_until(lambda: window.screens.currentWidget() is window.workspace)
        apply_theme(app, args.theme)
        window.journal.show_journal()
        window.journal.select_row(0)
        tour.shoot(window, "journal")
        window.on_new_entry()
        tour.shoot(window, "journal-new-entry")
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            QApplication.processEvents()
            section = f"{row + 1}-{slug(window.nav.item(row).text())}"
            pane = window.panes.currentWidget()
            tabs = [t for t in pane.findChildren(QTabWidget) if t.isVisibleTo(pane)]
            if not tabs:
                tour.shoot(window, f"section-{section}")
            for t in tabs[:1]:
                for i in range(t.count()):
                    t.setCurrentIndex(i)
                    tour.shoot(window, f"section-{section}-tab{i + 1}")
        if tour.wanted("search"):
            window.on_find()
            window.search.query.setText(WORDS.get(lang, WORDS["en"])["search"])
            wait_until(lambda: window.search.model.rowCount() > 0, 5_000)
            tour.shoot(window, "search")
        flow = window.grounding_flow
        flow.on_ground_now()
        tour.shoot(window, "exercise-chooser")
        window.exercise.leave()
        for technique in (
            "box_breathing",
            "paced_breathing",
            "senses_54321",
            "muscle_relaxation",
            "thought_record",
        ):
            flow.start_exercise(technique)
            tour.shoot(window, f"exercise-{technique}-before")
            window.exercise.begin(rated=True)
            ex = window.exercise.exercise
            if technique == "thought_record":
                ex.situation.setPlainText(WORDS.get(lang, WORDS["en"])["situation"])
            tour.shoot(window, f"exercise-{technique}")
            window.exercise.stop_button.click()
            tour.shoot(window, f"exercise-{technique}-after")
            window.exercise.leave()
        for opener, name in (
            (window.on_settings, "dialog-settings"),
            (window.on_trash, "dialog-trash"),
            (window.file_actions.on_restore, "dialog-restore"),
            (flow.on_support, "dialog-support"),
            (flow.on_quick_log, "dialog-quick-log"),
        ):
            if tour.wanted(name):
                opener()
                tour.dialogs(window, name)
        window.lock()
        QTest.qWait(200)
        tour.shoot(window, "locked")
    print(f"{len(tour.written)} pictures")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The journal and an exercise at the sizes, text sizes and themes people really use:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_layout.py \\
        --size 800x600 --suffix -800x600
    QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 1920x1080x24" \\
        .venv/bin/python scripts/screenshots_layout.py --suffix -200      # 960 × 540 logical
    ... --font-pt 16 --suffix -16pt     # the desktop's text at 16 pt
    ... --theme dark --suffix -dark

Without ``--size`` the window fills the screen, as a maximised one would. ``--font-pt``
stands in for the desktop's font setting (a bare X server has no desktop to set it in):
Kintsugi takes it as the system font and scales from it. Writes journal<suffix>.png and
exercise<suffix>.png (a thought record, mid-way) to docs/screenshots/.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import PASS, demo_vault, wait_until  # noqa: E402

from kintsugi.ui.app import make_app  # noqa: E402
from kintsugi.ui.main_window import MainWindow  # noqa: E402
from kintsugi.ui.session import Session  # noqa: E402
from kintsugi.ui.theme import apply_theme  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def shoot(window: MainWindow, name: str) -> None:
    QTest.qWait(500)
    QApplication.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png", window.size().toTuple())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--suffix", default="")
    parser.add_argument("--size", help="WIDTHxHEIGHT in logical pixels; default: the screen")
    parser.add_argument("--font-pt", type=float, help="the desktop's text size, in points")
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    if args.font_pt:
        font = QFont(app.font())
        font.setPointSizeF(args.font_pt)
        app.setFont(font)  # as the desktop would: Kintsugi reads it as the system font
    make_app()
    apply_theme(app, args.theme)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "journal.kintsugi"
        demo_vault(path)
        window = MainWindow(Session(path))
        area = window.screen().availableGeometry()
        window.move(area.topLeft())
        if args.size:
            width, height = (int(n) for n in args.size.split("x"))
            window.resize(width, height)
        else:
            window.resize(area.size())
        window.show()
        QTest.qWait(300)
        window.unlock.passphrase.setText(PASS)
        window.unlock.unlock_button.click()
        wait_until(lambda: window.screens.currentWidget() is window.workspace)
        apply_theme(app, args.theme)  # over the demo journal's own setting (system)
        window.journal.show_journal()
        shoot(window, f"journal{args.suffix}")
        window.grounding_flow.start_exercise("thought_record")
        window.exercise.begin(rated=True)
        ex = window.exercise.exercise
        QTest.keyClicks(ex.situation, "His phone lit up at dinner and he turned it over.")
        shoot(window, f"exercise{args.suffix}")
        window.exercise.leave()
        window.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The sync screens, each as a person meets it, at one size and language, with keyboard
focus shown: Settings → Use on another computer (the folder, the pairing code, the
computers), the status bar and the line in an entry that has two versions, the list of
entries with two versions (side by side), stopping with a computer, and joining from the
welcome screen:

    KINTSUGI_LANGUAGE=es xvfb-run -a -s "-screen 0 1280x800x24" \\
        .venv/bin/python scripts/screenshots_sync.py --size 800x600 --out /tmp/sync-shots

Two real journals and a real folder (core/sync), so every screen shows what it would.
Open every picture it writes.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import PASS, wait_until  # noqa: E402
from screenshots_tour import demo_journal  # noqa: E402

from kintsugi.core import sync  # noqa: E402
from kintsugi.core.kdf import KdfParams  # noqa: E402
from kintsugi.core.repo.entries import EntryRepository  # noqa: E402
from kintsugi.core.repo.items import Items  # noqa: E402
from kintsugi.core.vault import Vault  # noqa: E402
from kintsugi.ui.app import make_app  # noqa: E402
from kintsugi.ui.main_window import MainWindow  # noqa: E402
from kintsugi.ui.session import Session  # noqa: E402
from kintsugi.ui.theme import apply_theme  # noqa: E402

WORDS = {
    "en": {
        "here": "laptop",
        "there": "desktop",
        "theirs": "We walked by the river instead.",
        "mine": "We sat on the balcony and talked until late.",
    },
    "es": {
        "here": "portátil",
        "there": "ordenador de casa",
        "theirs": "Al final dimos un paseo por el río y hablamos allí.",
        "mine": "Nos sentamos en el balcón y hablamos hasta tarde.",
    },
}


class Shots:
    def __init__(self, out: Path, suffix: str, focus_tabs: int):
        self.out, self.suffix, self.focus_tabs = out, suffix, focus_tabs
        self.written: list[Path] = []

    def shoot(self, widget: QWidget, name: str, tabs: int | None = None) -> None:
        for _ in range(self.focus_tabs if tabs is None else tabs):
            QTest.keyClick(QApplication.focusWidget() or widget, Qt.Key.Key_Tab)
        QTest.qWait(350)
        QApplication.processEvents()
        self.out.mkdir(parents=True, exist_ok=True)
        path = self.out / f"{name}{self.suffix}.png"
        widget.grab().save(str(path))
        self.written.append(path)
        print("wrote", path, widget.size().toTuple(), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--suffix", default="")
    parser.add_argument("--size", default="800x600", help="WIDTHxHEIGHT in logical pixels")
    parser.add_argument("--focus-tabs", type=int, default=0, help="Tab presses before a shot")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    lang = make_app() and os.environ.get("KINTSUGI_LANGUAGE", "en")
    words = WORDS.get(lang, WORDS["en"])
    apply_theme(app, "light")
    size = tuple(int(n) for n in args.size.split("x"))
    shots = Shots(args.out, args.suffix, args.focus_tabs)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "Sync"
        folder.mkdir()
        path = tmp / "journal.kintsugi"
        demo_journal(path, lang)
        window = MainWindow(Session(path))
        window.move(window.screen().availableGeometry().topLeft())
        window.resize(*size)
        window.show()
        QTest.qWait(300)
        window.unlock.passphrase.setText(PASS)
        window.unlock.unlock_button.click()
        wait_until(lambda: window.screens.currentWidget() is window.workspace)
        window.journal.show_journal()

        # Settings → Use on another computer: the folder
        window.on_settings()
        window.dialog.elsewhere_button.click()
        dialog = window.sync_actions.sync_dialog
        assert dialog is not None
        wait_until(dialog.start_button.isEnabled)
        dialog.device_name.setText(words["here"])
        dialog.folder.edit.setText(str(folder))
        dialog.folder.edit.setFocus()
        shots.shoot(dialog, "sync-start")
        dialog.start_button.click()
        shots.shoot(dialog, "sync-getting-ready", tabs=0)
        wait_until(lambda: dialog.pages.currentWidget() is dialog.code_page, 60_000)
        shots.shoot(dialog, "sync-pairing-code")
        dialog.reject()
        window.dialog.reject()

        # the other computer joins, and both change the same entry
        vault = window.session.vault
        assert vault is not None
        wait_until(lambda: window.sync.rounds >= 1, 30_000)
        other = Vault.create(tmp / "other.kintsugi", PASS, params=KdfParams(65536, 3, 4))
        sync.join(other, folder, dialog.code.code, words["there"])
        theirs = EntryRepository(other.db)
        entry = theirs.get(Items(other.db).timeline(kind="entry", limit=1)[0].id)
        theirs.update(dataclasses.replace(entry, body=words["theirs"]))
        sync.run_round(other)
        db = window.session.database()
        ours = EntryRepository(db)
        mine = ours.get(Items(db).ids_of([entry.uid])[entry.uid])
        window.session.writer().submit(
            lambda: ours.update(dataclasses.replace(mine, body=words["mine"]))
        ).result()
        window.sync.run_now()
        wait_until(lambda: window.sync.conflicts_waiting >= 1, 30_000)
        QTest.qWait(300)
        window.journal.open_entry(mine.id)  # the entry with two versions, open
        wait_until(window.journal.editor.two_versions.isVisible)
        shots.shoot(window, "sync-two-versions-in-the-entry", tabs=0)

        # the computers
        window.sync_actions.open_sync_dialog()
        dialog = window.sync_actions.sync_dialog
        wait_until(lambda: dialog.pages.currentWidget() is dialog.status_page)
        wait_until(lambda: dialog.devices.count() >= 2)
        dialog.devices.setCurrentRow(1)
        dialog.devices.setFocus()
        shots.shoot(dialog, "sync-computers")
        dialog.on_remove()
        QTest.qWait(300)
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QMessageBox) and top.isVisible():
                shots.shoot(top, "sync-stop-with-a-computer", tabs=0)
                top.reject()
        dialog.reject()

        # entries with two versions
        window.sync_actions.open_conflicts()
        conflicts = window.sync_actions.conflicts_dialog
        assert conflicts is not None
        conflicts.resize(*size)
        wait_until(lambda: conflicts.list.count() >= 1)
        shots.shoot(conflicts, "sync-two-versions")
        conflicts.reject()
        window.lock()
        other.lock()

        # joining from the welcome screen
        welcome = MainWindow(Session(tmp / "new" / "journal.kintsugi"))
        welcome.resize(*size)
        welcome.show()
        QTest.qWait(300)
        shots.shoot(welcome, "sync-welcome", tabs=0)
        welcome.welcome.join_button.click()
        join = welcome.sync_actions.join_dialog
        assert join is not None
        join.folder.edit.setText(str(folder))
        shots.shoot(join, "sync-join")
        join.reject()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Helpers the tests share (import them from here, never from a conftest): the test KDF and
passphrase, the CLI in a child process, and for GUI tests unlocking a window, typing an entry
and checking accessible names. Fixtures stay in the conftests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kintsugi.core.kdf import KdfParams

#: Cheap KDF settings for tests only (real vaults use at least 64 MiB, t=3, p=4).
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
PASSPHRASE = "quiet river stone lantern"
ROOT = Path(__file__).resolve().parents[1]


def run_cli(
    *args: str, secrets: tuple[str, ...] = (), stdin: str = "", env=None, timeout: float = 60
) -> subprocess.CompletedProcess:
    """Run ``python -m kintsugi`` with each secret on its own pipe.

    ``{fd0}``, ``{fd1}`` … in ``args`` are replaced by those pipes' numbers.
    """
    fds, keep = [], []
    for secret in secrets:
        r, w = os.pipe()
        os.write(w, secret.encode() + b"\n")
        os.close(w)
        fds.append(r)
        keep.append(r)
    argv = [a.format(**{f"fd{i}": fd for i, fd in enumerate(fds)}) for a in args]
    try:
        return subprocess.run(
            [sys.executable, "-m", "kintsugi", *argv],
            input=stdin,
            capture_output=True,
            text=True,
            pass_fds=keep,
            env=env,
            timeout=timeout,
            stdin=None if stdin else None,
        )
    finally:
        for fd in keep:
            os.close(fd)


# --- GUI tests ---------------------------------------------------------------------------
def unlock(qtbot, window, passphrase=PASSPHRASE):
    window.unlock.passphrase.setText(passphrase)
    with qtbot.waitSignal(window.session.unlocked, timeout=20_000):
        window.unlock.unlock_button.click()
    assert window.screens.currentWidget() is window.workspace


def type_entry(qtbot, window, title, body):
    editor = window.journal.editor
    window.on_new_entry()
    qtbot.keyClicks(editor.title, title)
    qtbot.keyClicks(editor.body, body)
    qtbot.waitUntil(lambda: window.save_state.text() == "Saved", timeout=5_000)
    return editor.entry_id


def assert_accessible(root) -> None:
    """Every control we made under ``root`` has an accessible name (or visible text)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QCalendarWidget,
        QComboBox,
        QLineEdit,
        QMenuBar,
        QPlainTextEdit,
        QTextEdit,
        QToolBar,
        QWidget,
    )

    kinds = (
        QAbstractButton,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QComboBox,
        QAbstractSpinBox,
        QAbstractItemView,
        QAbstractSlider,
    )
    composites = (
        QComboBox,
        QCalendarWidget,
        QMenuBar,
        QToolBar,
        QLineEdit,
        QAbstractSpinBox,
        QAbstractItemView,
    )

    def part_of_a_qt_composite(widget):
        parent = widget.parent()
        while parent is not None:
            if isinstance(parent, composites):
                return True
            parent = parent.parent()
        return False

    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or part_of_a_qt_composite(widget):
            continue
        if widget.metaObject().className() == "QScrollBar":
            continue
        name = widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())
        if not name:
            missing.append(f"{widget.metaObject().className()} {widget.objectName()}")
    assert missing == [], "\n".join(missing)


def settled(pane, qtbot, timeout: int = 60_000):
    """Wait until the Share pane has shown everything it is building (on the thread pool)."""
    qtbot.waitUntil(lambda: not pane.busy, timeout=timeout)
    return pane


# --- sync (core/sync) ----------------------------------------------------------------------
def paired_template(root: Path, names=("a", "b", "c")) -> Path:
    """Vaults named ``names`` in ``root``, the first set up to sync through ``root/folder``
    and the others joined to it (each pairing costs one scrypt: make this once per module and
    copy it with :func:`open_paired`)."""
    from kintsugi.core import sync
    from kintsugi.core.vault import Vault

    folder = root / "folder"
    folder.mkdir(parents=True)
    first = Vault.create(root / f"{names[0]}.kintsugi", PASSPHRASE, params=FAST_KDF)
    with first:
        for name in names[1:]:
            code = sync.setup(first, folder, device_name=names[0])
            with Vault.create(root / f"{name}.kintsugi", PASSPHRASE, params=FAST_KDF) as v:
                sync.join(v, folder, code, device_name=name)
        sync.run_round(first)
    return root


def open_paired(template: Path, dest: Path, names=("a", "b", "c")):
    """A fresh copy of a :func:`paired_template` in ``dest``: (folder, {name: open vault})."""
    import shutil

    from kintsugi.core import sync
    from kintsugi.core.vault import Vault

    shutil.copytree(template, dest, dirs_exist_ok=True)
    vaults = {}
    for name in names:
        v = Vault.open(dest / f"{name}.kintsugi", PASSPHRASE)
        sync.move_folder(v, dest / "folder")
        vaults[name] = v
    return dest / "folder", vaults


def index_problem(db) -> str | None:
    """None when the search index holds exactly what its content view shows (FTS5's own
    check, which tokenizes every row of the view again); else FTS5's complaint."""
    import sqlcipher3

    try:  # on the connection itself: the Database would call the mismatch damage
        db.conn.execute("INSERT INTO fts (fts, rank) VALUES ('integrity-check', 1)")
    except sqlcipher3.DatabaseError as exc:
        return str(exc)
    return None


def show_every_screen(window):
    """Each section in turn, then the exercise screen (its name, as each is shown)."""
    from PySide6.QtWidgets import QApplication

    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        QApplication.processEvents()
        yield window.nav.item(row).text()
    window.screens.setCurrentWidget(window.exercise)
    QApplication.processEvents()
    yield "exercise"
    window.screens.setCurrentWidget(window.workspace)


def every_tab(window):
    """Every section, each tab of a section that has them, and the exercise screen."""
    from PySide6.QtWidgets import QApplication, QTabWidget

    for name in show_every_screen(window):
        if name == "exercise":
            yield name
            continue
        pane = window.panes.currentWidget()
        tabs = [t for t in pane.findChildren(QTabWidget) if t.isVisibleTo(pane)]
        if not tabs:
            yield name
        for tab in tabs[:1]:
            for i in range(tab.count()):
                tab.setCurrentIndex(i)
                QApplication.processEvents()
                yield f"{name} / {tab.tabText(i)}"


def inside_a_scroll_area(widget) -> bool:
    """Inside a list or scroll area a child may extend beyond its viewport (it scrolls)."""
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False

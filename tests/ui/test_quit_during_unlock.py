"""Closing the window while the key is being derived ends the app at once: the derivation
is left to finish on its own daemon thread, nothing waits for it."""

import os
import signal
import subprocess
import sys
import threading
import time

from kintsugi.core import kdf
from kintsugi.ui.app import shut_down
from kintsugi.ui.workers import run_in_background
from tests.helpers import PASSPHRASE


def _kdf_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "kintsugi-kdf"]


def _wait_for_kdf_thread(qtbot) -> None:
    qtbot.waitUntil(lambda: bool(_kdf_threads()), timeout=10_000)


def test_closing_the_window_during_unlock_quits_within_a_second(make_window, vault_path, qtbot):
    vault_path.parent.mkdir(parents=True, exist_ok=True)
    # the most a vault may ask for (about 2 s here); the file need not be more than a header
    caps = kdf.KdfParams(kdf.MAX_MEMORY_KIB, kdf.MAX_ITERATIONS, kdf.MAX_LANES)
    vault_path.write_bytes(kdf.new_salt(caps) + os.urandom(8192))
    w = make_window(vault_path)
    assert w.screens.currentWidget() is w.unlock
    w.unlock.passphrase.setText(PASSPHRASE)
    w.unlock.unlock_button.click()
    _wait_for_kdf_thread(qtbot)
    w.close()
    start = time.monotonic()
    shut_down(w)
    assert time.monotonic() - start < 1.0
    assert _kdf_threads(), "the derivation was waited for"
    assert not w.session.is_open
    for t in _kdf_threads():
        t.join(30)


def test_a_long_derivation_on_a_worker_never_holds_the_app(make_window, vault_path, qtbot):
    failures = []
    slow = kdf.KdfParams(memory_kib=2**17, iterations=6, lanes=4)  # seconds of Argon2
    w = make_window(vault_path)
    run_in_background(
        lambda: kdf.derive_with(b"x", kdf.new_salt(kdf.DEFAULT_PARAMS), slow),
        lambda _key: failures.append("finished"),
        failures.append,
    )
    _wait_for_kdf_thread(qtbot)
    start = time.monotonic()
    shut_down(w)
    assert time.monotonic() - start < 1.0
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert type(failures[0]).__name__ == "DerivationCancelled"
    for t in _kdf_threads():
        t.join(60)


# The real app (python -m kintsugi's main), told to say "ready" from its event loop once the
# Ctrl+C handler is in place: the test waits for that, not for a guessed number of seconds.
_APP_SAYING_READY = """
import sys
from PySide6.QtCore import QTimer
from kintsugi.ui import app

installed = app.quit_on_interrupt

def quit_on_interrupt(qapp):
    installed(qapp)
    QTimer.singleShot(0, lambda: print("ready", flush=True))

app.quit_on_interrupt = quit_on_interrupt
from kintsugi.cli import main
sys.argv[0] = "kintsugi"
raise SystemExit(main())
"""


def test_ctrl_c_quits_the_app(vault_path):
    """SIGINT in the terminal quits the window like closing it (exit 0, no traceback). Left
    alone, an idle Qt loop never runs Python, so the signal would never be seen: the app
    would stay up until killed. Deadlines are generous (a loaded CI machine), and measured
    against that: seconds, not forever."""
    vault_path.parent.mkdir(parents=True, exist_ok=True)
    vault_path.write_bytes(kdf.new_salt(kdf.DEFAULT_PARAMS) + os.urandom(8192))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-c", _APP_SAYING_READY, "--vault", str(vault_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        ready = proc.stdout.readline()  # blocks until the loop runs (or the app ends)
        assert ready == "ready\n", proc.stderr.read()
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        code = proc.wait(30)
        elapsed = time.monotonic() - sent
        err = proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert code == 0 and "Traceback" not in err, err
    assert elapsed < 15, elapsed  # the loop looks for the signal 5 times a second

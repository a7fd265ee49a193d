"""Closing the window while the key is being derived ends the app at once: the derivation
is left to finish on its own daemon thread, nothing waits for it."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

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


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_until_idle(pid: int, limit: float = 60.0) -> None:
    """Until the process has used (almost) no CPU for a second: started, and waiting in its
    event loop. (A fixed sleep was too short on a loaded machine: SIGINT then came during
    the imports, before the app could handle it.)"""
    time.sleep(1.0)
    deadline = time.monotonic() + limit
    before = _cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(1.0)
        now = _cpu_seconds(pid)
        if now - before < 0.05:
            return
        before = now
    raise AssertionError("the app did not settle")


def test_ctrl_c_quits_the_app(vault_path):
    """SIGINT in the terminal quits the window like closing it (exit 0, no traceback)."""
    vault_path.parent.mkdir(parents=True, exist_ok=True)
    vault_path.write_bytes(kdf.new_salt(kdf.DEFAULT_PARAMS) + os.urandom(8192))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kintsugi", "--vault", str(vault_path)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    _wait_until_idle(proc.pid)  # the window is up: its event loop waits, using no CPU
    assert proc.poll() is None, proc.stderr.read()
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    code = proc.wait(10)
    elapsed = time.monotonic() - sent
    err = proc.stderr.read()
    proc.stderr.close()
    assert code == 0 and "Traceback" not in err, err
    assert elapsed < 1.0, elapsed

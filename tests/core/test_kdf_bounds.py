"""Key-derivation parameters from a file are bounded, and a running derivation can be
stopped: Ctrl+C in the CLI, closing the window in the app."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from kintsugi.core import kdf
from kintsugi.core.errors import NotAVault
from kintsugi.core.vault import Vault
from tests.helpers import PASSPHRASE, run_cli

#: The most Kintsugi ever chooses: its floor's memory and lanes, calibration's most passes.
CAPS = kdf.KdfParams(kdf.MAX_MEMORY_KIB, kdf.MAX_ITERATIONS, kdf.MAX_LANES)


def header(memory_kib: int, iterations: int, lanes: int) -> bytes:
    log2m = memory_kib.bit_length() - 1 - 10
    return bytes([0x4B, 0x01, (log2m << 4) | lanes, iterations]) + os.urandom(12)


def test_the_caps_are_what_kintsugi_itself_chooses():
    assert CAPS.memory_kib == kdf.DEFAULT_PARAMS.memory_kib
    assert CAPS.lanes == kdf.DEFAULT_PARAMS.lanes
    assert kdf.calibrate(target_seconds=1000.0).iterations == kdf.MAX_ITERATIONS
    for params in (kdf.DEFAULT_PARAMS, CAPS, kdf.calibrate()):
        assert kdf.parse_salt(kdf.new_salt(params)) == params


@pytest.mark.parametrize(
    "params",
    [
        (2**21, 64, 4),
        (2**17, 3, 4),
        (2**25, 1, 1),
        (65536, 13, 4),
        (65536, 255, 4),
        (65536, 3, 5),
        (65536, 3, 15),
    ],
)
def test_a_header_above_the_caps_is_not_a_vault_at_once(tmp_path, params):
    path = tmp_path / "hostile.kintsugi"
    path.write_bytes(header(*params) + os.urandom(8192))
    before = path.read_bytes()
    start = time.perf_counter()
    with pytest.raises(NotAVault, match="not a Kintsugi journal file"):
        Vault.open(path, PASSPHRASE)
    assert time.perf_counter() - start < 1.0
    assert path.read_bytes() == before and sorted(tmp_path.iterdir()) == [path]


def test_the_cli_refuses_a_hostile_header_with_exit_2(tmp_path):
    path = tmp_path / "hostile.kintsugi"
    path.write_bytes(header(2**21, 64, 4) + os.urandom(8192))
    r = run_cli("list", "--vault", str(path), "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,))
    assert r.returncode == 2 and "not a Kintsugi journal file" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_kintsugi_never_writes_a_vault_it_would_refuse():
    with pytest.raises(ValueError):
        kdf.new_salt(kdf.KdfParams(2**17, 3, 4))
    with pytest.raises(ValueError):
        kdf.new_salt(kdf.KdfParams(65536, 13, 4))


# --- stopping a derivation -------------------------------------------------------------
#: Far more than a vault may ask for: a derivation that runs for seconds.
SLOW = kdf.KdfParams(memory_kib=2**17, iterations=6, lanes=4)

CHILD = textwrap.dedent("""
    import sys, time
    from kintsugi.core import kdf
    slow = kdf.KdfParams(memory_kib=2**18, iterations=10, lanes=4)
    print("deriving", flush=True)
    start = time.monotonic()
    try:
        kdf.derive_with(b"passphrase", kdf.new_salt(kdf.DEFAULT_PARAMS), slow)
    except KeyboardInterrupt:
        print(f"interrupted after {time.monotonic() - start:.2f}", flush=True)
        raise SystemExit(130)
    print(f"finished after {time.monotonic() - start:.2f}", flush=True)
""")


def test_ctrl_c_stops_a_running_derivation_within_a_second():
    proc = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "deriving"
    time.sleep(0.5)
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    code = proc.wait(10)
    elapsed = time.monotonic() - sent
    out = proc.stdout.read()
    proc.stdout.close()
    assert code == 130 and out.startswith("interrupted"), out
    assert elapsed < 1.0, elapsed


def _threads(pid: int) -> int:
    try:
        return len(os.listdir(f"/proc/{pid}/task"))
    except OSError:
        return 0


def test_ctrl_c_during_the_clis_key_derivation_ends_it_within_a_second(tmp_path):
    """The real CLI on a vault asking for the most Kintsugi allows (about 2 s of Argon2
    here): interrupted while the derivation runs on its thread, it exits 130 at once."""
    if not os.path.exists("/proc/self/task"):
        pytest.skip("needs /proc")
    path = tmp_path / "max.kintsugi"
    path.write_bytes(kdf.new_salt(CAPS) + os.urandom(8192))
    r, w = os.pipe()
    os.write(w, PASSPHRASE.encode() + b"\n")
    os.close(w)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kintsugi", "list", "--vault", str(path), "--passphrase-fd", str(r)],
        pass_fds=(r,),
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(r)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None and _threads(proc.pid) < 2:
        time.sleep(0.005)  # the CLI is single-threaded until Argon2 starts on its thread
    time.sleep(0.1)
    assert proc.poll() is None, "the derivation ended before it could be interrupted"
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    code = proc.wait(10)
    elapsed = time.monotonic() - sent
    err = proc.stderr.read()
    proc.stderr.close()
    assert code == 130 and "Traceback" not in err, err
    assert elapsed < 1.0, elapsed


def test_cancel_running_stops_every_waiting_derivation_at_once():
    errors = []

    def derive():
        try:
            kdf.derive_with(b"x", kdf.new_salt(kdf.DEFAULT_PARAMS), SLOW)
        except Exception as exc:
            errors.append(exc)

    waiters = [threading.Thread(target=derive) for _ in range(2)]
    for t in waiters:
        t.start()
    time.sleep(0.3)
    start = time.monotonic()
    kdf.cancel_running()
    for t in waiters:
        t.join(5)
    assert time.monotonic() - start < 1.0
    assert [type(e).__name__ for e in errors] == ["DerivationCancelled"] * 2
    # and a new derivation afterwards is not cancelled
    assert len(kdf.derive_key("x", kdf.new_salt(kdf.KdfParams(1024, 1, 1)))) == 32


def test_two_derivations_at_once_both_finish():
    """cryptography 50 / OpenSSL 4 deadlock when two Argon2 derivations with 4 lanes run at
    once in one process; kdf runs them one at a time."""
    keys = []
    salt = kdf.new_salt(kdf.DEFAULT_PARAMS)
    threads = [
        threading.Thread(target=lambda: keys.append(kdf.derive_key("x", salt))) for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(keys) == 2 and keys[0] == keys[1]


def test_what_the_derivation_raises_reaches_the_caller_as_it_is():
    boom = MemoryError("argon2 could not allocate")

    def fail() -> bytearray:
        raise boom

    with pytest.raises(MemoryError) as raised:
        kdf._stoppable(fail)
    assert raised.value is boom


def test_a_key_that_arrives_after_its_caller_gave_up_is_wiped():
    key = bytearray(b"k" * 32)
    started, release = threading.Event(), threading.Event()
    errors = []

    def slow() -> bytearray:
        started.set()
        release.wait(10)
        return key

    def caller():
        try:
            kdf._stoppable(slow)
        except Exception as exc:
            errors.append(exc)

    waiting = threading.Thread(target=caller)
    waiting.start()
    assert started.wait(10)
    kdf.cancel_running()
    waiting.join(5)
    assert [type(e).__name__ for e in errors] == ["DerivationCancelled"]
    assert key == b"k" * 32  # still being derived: nothing to wipe yet
    release.set()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(key):
        time.sleep(0.01)
    assert key == bytes(32)  # the late key was wiped, never handed to anyone

"""Two real Syncthing instances on this machine, sharing one folder (for the sync tests).

Each instance has its own home in a temporary folder, its REST API on 127.0.0.1 at a free
port with an API key, and nothing that reaches past the loopback: global and local
discovery, relays, NAT traversal, STUN, usage and crash reporting and upgrades are all off,
and each knows the other only at a static ``tcp://127.0.0.1:<port>`` address. The shared
folder is rescanned every second and watched (fsWatcher), so a change crosses in a few
seconds. ``SyncthingPair`` is a context manager: leaving it (normally or by an exception)
stops both instances — SIGTERM, then SIGKILL — and removes their homes.

Import it from the tests (never from a conftest); it needs Debian's ``syncthing``
(scripts/setup-system.sh installs it).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

SYNCTHING = shutil.which("syncthing")
FOLDER_ID = "kintsugi-sync-test"


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Instance:
    name: str
    home: Path
    folder: Path
    gui_port: int
    listen_port: int
    api_key: str
    device_id: str = ""
    process: subprocess.Popen | None = None
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.home / "syncthing.log"

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.listen_port}"

    def rest(
        self, method: str, path: str, body: object | None = None, timeout: float = 5
    ) -> object:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            data=data,
            method=method,
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
        return json.loads(text) if text.strip() else None

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _config(me: Instance, other: Instance, dials: bool) -> str:
    """A complete config.xml for ``me``: loopback only, one folder shared with ``other``.
    Only the side that ``dials`` knows the other's address (the other waits to be called):
    both dialling at once after a pause left each TLS hello waiting on the other for 20 s
    on a loaded machine, and a test's wait ran out."""

    def device(inst: Instance) -> str:
        address = inst.address if (inst is me or dials) else "dynamic"
        return (
            f"<device id={quoteattr(inst.device_id)} name={quoteattr(inst.name)}"
            ' compression="metadata" introducer="false">'
            f"<address>{address}</address>"
            "<paused>false</paused><autoAcceptFolders>false</autoAcceptFolders></device>"
        )

    folder = (
        f"<folder id={quoteattr(FOLDER_ID)} label={quoteattr(FOLDER_ID)}"
        f' path={quoteattr(str(me.folder))} type="sendreceive" rescanIntervalS="1"'
        ' fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false"'
        ' autoNormalize="true">'
        f"<device id={quoteattr(me.device_id)}></device>"
        f"<device id={quoteattr(other.device_id)}></device>"
        '<minDiskFree unit="%">0</minDiskFree>'
        "<markerName>.stfolder</markerName>"
        "<maxConflicts>10</maxConflicts>"
        "</folder>"
    )
    options = {
        "listenAddress": me.address,
        "globalAnnounceServer": "",
        "globalAnnounceEnabled": "false",
        "localAnnounceEnabled": "false",
        "relaysEnabled": "false",
        "natEnabled": "false",
        "startBrowser": "false",
        "urAccepted": "-1",
        "urSeen": "3",
        "autoUpgradeIntervalH": "0",
        "crashReportingEnabled": "false",
        "stunKeepaliveStartS": "0",
        "stunServer": "",
        "announceLANAddresses": "false",
        "reconnectionIntervalS": "1",
        "progressUpdateIntervalS": "-1",
        "setLowPriority": "false",
        "releasesURL": "",
    }
    opts = "".join(f"<{k}>{v}</{k}>" for k, v in options.items())
    return (
        '<configuration version="36">'
        f"{folder}{device(me)}{device(other)}"
        '<gui enabled="true" tls="false" debugging="false">'
        f"<address>127.0.0.1:{me.gui_port}</address><apikey>{me.api_key}</apikey></gui>"
        '<options><minHomeDiskFree unit="%">0</minHomeDiskFree>'
        f"{opts}</options>"
        "</configuration>"
    )


class SyncthingPair:
    """Two Syncthing instances, A and B, sharing ``a.folder`` and ``b.folder``."""

    def __init__(self, root: Path | None = None, start_timeout: float = 30) -> None:
        if SYNCTHING is None:
            raise RuntimeError("syncthing is not installed (scripts/setup-system.sh)")
        self._own_root = root is None
        self.root = Path(tempfile.mkdtemp(prefix="kintsugi-st-")) if root is None else root
        self.start_timeout = start_timeout
        self.a = self._instance("a")
        self.b = self._instance("b")

    def _instance(self, name: str) -> Instance:
        home = self.root / f"home-{name}"
        folder = self.root / f"folder-{name}"
        return Instance(
            name=f"kintsugi-test-{name}",
            home=home,
            folder=folder,
            gui_port=free_port(),
            listen_port=free_port(),
            api_key=os.urandom(16).hex(),
        )

    # --- life -------------------------------------------------------------------------
    def __enter__(self) -> SyncthingPair:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            STNODEFAULTFOLDER="1",
            STNOUPGRADE="1",
            STNORESTART="1",
            STGUIASSETS="",
            STMONITORED="",
        )
        return env

    def start(self) -> None:
        assert SYNCTHING is not None
        for inst in (self.a, self.b):
            inst.home.mkdir(parents=True)
            inst.folder.mkdir(parents=True)
            (inst.folder / ".stfolder").mkdir()
            subprocess.run(
                [SYNCTHING, "generate", f"--home={inst.home}", "--no-default-folder"],
                check=True,
                capture_output=True,
                timeout=30,
                env=self._env(),
            )
            inst.device_id = subprocess.run(
                [SYNCTHING, "serve", f"--home={inst.home}", "--device-id"],
                check=True,
                capture_output=True,
                text=True,
                timeout=30,
                env=self._env(),
            ).stdout.strip()
        for me, other in ((self.a, self.b), (self.b, self.a)):
            (me.home / "config.xml").write_text(_config(me, other, dials=me is self.a))
        for inst in (self.a, self.b):
            with open(inst.log, "wb") as log:
                inst.process = subprocess.Popen(
                    [
                        SYNCTHING,
                        "serve",
                        f"--home={inst.home}",
                        "--no-browser",
                        "--no-restart",
                        "--no-upgrade",
                        "--skip-port-probing",
                    ],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    env=self._env(),
                    start_new_session=True,
                )
        deadline = time.monotonic() + self.start_timeout
        for inst in (self.a, self.b):
            self._wait(lambda inst=inst: self._pings(inst), deadline, f"{inst.name} did not answer")
        self._wait(self._connected, deadline, "the two instances did not connect")

    def stop(self) -> None:
        """Stop both instances (whatever state they are in) and remove the temporary root."""
        for inst in (self.a, self.b):
            proc = inst.process
            if proc is None or proc.poll() is not None:
                continue
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        if self._own_root:
            shutil.rmtree(self.root, ignore_errors=True)

    # --- waiting ----------------------------------------------------------------------
    def _wait(self, ok: Callable[[], bool], deadline: float, what: str) -> None:
        while time.monotonic() < deadline:
            for inst in (self.a, self.b):
                if inst.process is not None and inst.process.poll() is not None:
                    raise RuntimeError(f"{inst.name} exited:\n{inst.log_tail()}")
            if ok():
                return
            time.sleep(0.2)
        raise TimeoutError(
            f"{what}\n--- a ---\n{self.a.log_tail()}\n--- b ---\n{self.b.log_tail()}"
        )

    @staticmethod
    def _pings(inst: Instance) -> bool:
        try:
            return inst.rest("GET", "/rest/system/ping") == {"ping": "pong"}
        except (OSError, urllib.error.URLError, ValueError):
            return False

    def _connected(self) -> bool:
        try:
            connections = self.a.rest("GET", "/rest/system/connections")
        except (OSError, urllib.error.URLError, ValueError):
            return False
        assert isinstance(connections, dict)
        peer = connections.get("connections", {}).get(self.b.device_id, {})
        return bool(peer.get("connected"))

    def pause(self) -> None:
        """Each stops talking to the other (as two computers apart)."""
        for me, other in ((self.a, self.b), (self.b, self.a)):
            me.rest("POST", f"/rest/system/pause?device={other.device_id}")

    def resume(self, timeout: float = 60) -> None:
        """Together again: both resume, and this returns once they are connected."""
        for me, other in ((self.a, self.b), (self.b, self.a)):
            me.rest("POST", f"/rest/system/resume?device={other.device_id}")
        self._wait(self._connected, time.monotonic() + timeout, "they did not reconnect")

    def rescan(self) -> None:
        """Ask both to look at their folder now (the watcher would, a second later)."""
        for inst in (self.a, self.b):
            with contextlib.suppress(OSError, urllib.error.URLError, ValueError):
                inst.rest("POST", f"/rest/db/scan?folder={FOLDER_ID}")

    def in_sync(self) -> bool:
        """Both sides scanned, idle, and each holds everything the other has."""
        try:
            for me, other in ((self.a, self.b), (self.b, self.a)):
                status = me.rest("GET", f"/rest/db/status?folder={FOLDER_ID}")
                assert isinstance(status, dict)
                if status.get("state") != "idle" or status.get("needTotalItems", 1) != 0:
                    return False
                completion = other.rest(
                    "GET", f"/rest/db/completion?folder={FOLDER_ID}&device={me.device_id}"
                )
                assert isinstance(completion, dict)
                if completion.get("completion") != 100 or completion.get("needItems", 1) != 0:
                    return False
        except (OSError, urllib.error.URLError, ValueError):
            return False
        return True

    def wait_until(self, ok: Callable[[], bool], timeout: float, what: str) -> None:
        """Rescan both and wait until ``ok()`` (failing with both logs' tails)."""
        self.rescan()
        self._wait(ok, time.monotonic() + timeout, what)

    def settle(self, timeout: float = 30) -> None:
        """Rescan and wait until both folders hold the same files (by Syncthing's account,
        checked twice a little apart so a change still in the watcher's delay is seen)."""
        deadline = time.monotonic() + timeout
        self.rescan()
        time.sleep(0.3)
        self._wait(self.in_sync, deadline, "the folders did not settle")
        self.rescan()
        time.sleep(0.5)
        self._wait(self.in_sync, deadline, "the folders did not settle")


def bound_addresses(pid: int) -> list[tuple[str, str, int]]:
    """Every TCP socket listening and every UDP socket bound by process ``pid`` and its
    threads, as (protocol, address, port), read from /proc (no tool needed)."""
    inodes = set()
    fd_dir = Path(f"/proc/{pid}/fd")
    for fd in fd_dir.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for proto in ("tcp", "tcp6", "udp", "udp6"):
        try:
            lines = Path(f"/proc/{pid}/net/{proto}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cols = line.split()
            local, state, inode = cols[1], cols[3], cols[9]
            if inode not in inodes or (proto.startswith("tcp") and state != "0A"):
                continue
            hex_addr, hex_port = local.split(":")
            raw = bytes.fromhex(hex_addr)
            if len(raw) == 4:
                address = socket.inet_ntop(socket.AF_INET, raw[::-1])
            else:  # /proc writes IPv6 as four little-endian 32-bit words
                words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                address = socket.inet_ntop(socket.AF_INET6, words)
            found.append((proto, address, int(hex_port, 16)))
    return found

"""A whole GUI session in a child process with its own HOME, XDG folders and TMPDIR:
create a vault, write, log a trigger, ground, search, export through the app's own file
dialog, lock, quit. Then: no plaintext anywhere on disk (but the chosen export), no path
the person chose in QtProject.conf or QSettings, no user content in debug logs, no socket
ever opened from Python, and the process not dumpable.

Qt opens its sockets from C++, where Python's audit hook cannot see them, so the session also
looks at its own file descriptors (/proc/self/fd → socket inodes, classified by /proc/net/tcp,
tcp6, udp, udp6, raw, raw6 and unix) at every step: no network socket, ever; the only socket
is the one local D-Bus connection Qt makes for screen-lock signals (to a private session bus
this test starts, with no system bus), and its peer is that bus."""

import json
import shutil
import subprocess
import sys
import textwrap
import time

import pytest

CANARY = "CANARY-e41b9f0c"

SESSION = textwrap.dedent(f"""
    import json, logging, os, sys
    from pathlib import Path
    sockets = []
    sys.addaudithook(lambda event, args: event.startswith("socket") and sockets.append(event))
    samples = []
    def fd_sockets(step):
        # this process's sockets right now, seen from the kernel (C++ ones included)
        inodes = {{}}
        for fd in os.listdir("/proc/self/fd"):
            try:
                link = os.readlink(f"/proc/self/fd/{{fd}}")
            except OSError:
                continue
            if link.startswith("socket:["):
                inodes[link[8:-1]] = int(fd)
        found = {{}}
        for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6", "unix"):
            try:
                rows = Path(f"/proc/net/{{table}}").read_text().splitlines()[1:]
            except OSError:
                continue
            column = 6 if table == "unix" else 9
            for row in rows:
                parts = row.split()
                if len(parts) > column and parts[column] in inodes:
                    found[parts[column]] = table
        samples.append({{"step": step, "kinds": sorted(found.get(i, "other") for i in inodes),
                        "fds": sorted(inodes.values())}})
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    exports = Path(sys.argv[1])
    logging.basicConfig(level=logging.DEBUG, filename=str(exports.parent / "debug.log"))
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
    from kintsugi.core import hardening, paths
    from kintsugi.ui.app import make_app
    from kintsugi.ui.main_window import MainWindow
    from kintsugi.ui.session import Session
    from kintsugi.ui.workers import wait_for_background
    hardening.harden()
    app = make_app()
    w = MainWindow(Session(paths.default_vault_path()))
    w.show()
    c = {CANARY!r}
    def until(cond, ms=30000):
        waited = 0
        while not cond() and waited < ms:
            QTest.qWait(20); waited += 20
    w.welcome.passphrase.setText("a long private passphrase")
    w.welcome.repeat.setText("a long private passphrase")
    w.welcome.want_recovery.setChecked(False)
    w.welcome.create_button.click()
    until(lambda: w.session.is_open)
    fd_sockets("unlocked")
    w.on_new_entry()
    QTest.keyClicks(w.journal.editor.title, c + " title")
    QTest.keyClicks(w.journal.editor.body, c + " body " * 50)
    QTest.keyClicks(w.journal.editor.tags, c)
    QTest.keyClicks(w.journal.editor.note, c + " note")
    until(lambda: w.save_state.text() == "Saved")
    # attachments: a PDF and a photo attached, a voice note recorded (a fake microphone on
    # the same chunk path), then shown full size, page by page and played: no plaintext
    # of any of them may reach the disk or the temp folder
    from PySide6.QtCore import QTimer as _T
    from kintsugi.ui.attachments.viewer import AttachmentViewer
    from kintsugi.ui.attachments.voice import RecordButton
    strip = w.journal.editor.attachments
    added = []
    strip.attached.connect(added.append)
    pdf = exports.parent / "source" / "letter.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.4 " + (c.encode() + b" ") * 5000 + b" startxref 0 %%EOF ")
    photo = exports.parent / "source" / "photo.png"
    import random
    from PIL import Image
    # noise: its bytes are nothing but itself (the test looks for pieces of them on disk)
    Image.frombytes("RGB", (400, 300), random.Random(7).randbytes(400 * 300 * 3)).save(photo)
    strip.attach_paths([pdf, photo])
    until(lambda: len(added) == 2)
    from PySide6.QtCore import QIODevice
    class Mic(QIODevice):
        def __init__(self):
            super().__init__(); self.pending = bytearray(); self.open(QIODevice.ReadOnly)
            self.t = _T(interval=20); self.t.timeout.connect(self.feed); self.t.start()
        def isSequential(self): return True
        def bytesAvailable(self): return len(self.pending) + super().bytesAvailable()
        def readData(self, n):
            piece = bytes(self.pending[:n]); del self.pending[:n]; return piece
        def writeData(self, data, length=-1): return -1
        def feed(self):
            self.pending += (c.encode() + b"  ") * 40; self.readyRead.emit()
        def stop(self): self.t.stop()
    def mic():
        m = Mic(); return m, m
    rec = RecordButton(w.session, w.journal.editor._ensure_saved, mic)
    voice = []
    rec.recorded.connect(voice.append)
    rec.click(); QTest.qWait(400); rec.click()
    until(lambda: voice)
    for att in [*added, *voice]:
        v = AttachmentViewer(w.session, att, w); v.show(); QTest.qWait(300)
        if v.player is not None:  # the recording, read by Qt's decoder from the vault
            until(lambda: v.player.media.duration() > 0, 10000)
        v.close()
    w.journal.editor.preview_button.click(); QTest.qWait(300)
    w.journal.editor.preview_button.click()
    wait_for_background()
    # shared: the Share preview decodes the pictures from the bundle's own bytes; a
    # partner's bundle with a canary PDF comes in and is shown in From partner
    w.journal.share_action.trigger()
    w.show_pane(w.share); w.share.reload()
    until(lambda: not w.share.busy)
    from kintsugi.core import transfer as _tr
    from kintsugi.core.kdf import KdfParams as _K
    from kintsugi.core.records import Entry as _E
    from kintsugi.core.repo.attachments import AttachmentRepo as _AR
    from kintsugi.core.repo.entries import EntryRepository as _ER
    from kintsugi.core.vault import Vault as _V
    with _V.create(pdf.parent / "sam.kintsugi", "sam's passphrase", params=_K(1024, 1, 1)) as sam:
        sent = _ER(sam.db).add(_E(title="from sam", body="x", shared=True))
        _AR(sam.db).add_file(sent.id, pdf)
        _AR(sam.db).add_file(sent.id, photo)
        data = _tr.export_bytes(
            sam.db, [_ER(sam.db).get(sent.id)], "age", recipients=[w.session.sharing().my_key()]
        )
    (pdf.parent / "from-sam.age").write_bytes(data)
    w.share.import_file(pdf.parent / "from-sam.age")
    until(lambda: not w.share.busy and w.share.received.count() > 0)
    w.share.received.setCurrentRow(0)
    until(lambda: not w.share.busy and getattr(w.share.received_view.document(), "pictures", 0))
    assert w.share.received_view.document().pictures, "the partner's photo is not shown"
    w.grounding_flow.on_quick_log()
    w.dialog.what.setText(c + " trigger")
    w.dialog.save_button.click()
    w.dialog.accept()
    ex = w.grounding_flow.start_exercise("senses_54321")
    w.exercise.begin(rated=True)
    QTest.keyClicks(ex.fields[0][0], c + " lamp")
    QTest.qWait(300)
    w.exercise.stop()
    w.exercise.notes.setPlainText(c + " notes")
    w.exercise.save()
    w.on_find()
    QTest.keyClicks(w.search.query, c)
    until(lambda: w.search.model.rowCount() > 0)
    fd_sockets("searched")
    target = exports / "my-private-export-name.json"
    def answer_dialogs():
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox):
            modal.button(QMessageBox.Ok).click()
        elif isinstance(modal, QFileDialog):
            modal.setDirectory(str(exports))  # the person browses to a folder of theirs
            modal.findChild(QLineEdit, "fileNameEdit").setText(target.name)  # and types a name
            modal.accept()
            return
        QTimer.singleShot(100, answer_dialogs)
    QTimer.singleShot(100, answer_dialogs)
    w.file_actions.on_export_everything()
    until(lambda: target.exists())
    wait_for_background()
    fd_sockets("exported")
    w.lock()
    fd_sockets("locked")
    python_sockets = list(sockets)  # before looking at the peers below (that makes sockets)
    import socket
    peers = []
    for fd in samples[-1]["fds"]:
        with socket.socket(fileno=os.dup(fd)) as s:
            peers.append((s.family.name, s.getpeername()))
    w.close()
    wait_for_background()
    print(json.dumps({{"sockets": python_sockets, "dumpable": hardening.is_dumpable(),
                       "exported": target.exists(), "samples": samples, "peers": peers,
                       "dbus": w.system_lock.connected}}))
""")


@pytest.fixture
def session_bus(tmp_path):
    """A private D-Bus session bus, so Qt really connects (as on a desktop)."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    address = tmp_path / "bus" / "session"
    address.parent.mkdir()
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", f"--address=unix:path={address}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        if address.exists():
            break
        time.sleep(0.02)
    yield address
    daemon.terminate()
    daemon.wait(timeout=10)


def test_a_whole_session_leaves_no_trail(tmp_path, session_bus):
    home, tmp, exports = tmp_path / "home", tmp_path / "tmp", tmp_path / "exports"
    for d in (home, tmp, exports):
        d.mkdir()
    env = {
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "PATH": "/usr/bin:/bin",
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_RUNTIME_DIR": str(tmp),
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={session_bus}",
        "DBUS_SYSTEM_BUS_ADDRESS": f"unix:path={tmp_path / 'no-system-bus'}",
    }
    r = subprocess.run(
        [sys.executable, "-c", SESSION, str(exports)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    result = json.loads(r.stdout.strip().splitlines()[-1])
    assert result["exported"]
    assert result["sockets"] == []  # no network, not even a lookup
    # Qt's own sockets, seen from the kernel: no network socket at any step; one local D-Bus
    # connection (Qt's, for screen-lock signals), and its peer is the session bus.
    assert [s["step"] for s in result["samples"]] == ["unlocked", "searched", "exported", "locked"]
    for sample in result["samples"]:
        assert sample["kinds"] == ["unix"], sample
    assert result["peers"] == [["AF_UNIX", str(session_bus)]]
    assert "org.freedesktop.ScreenSaver.ActiveChanged" in result["dbus"]
    assert result["dumpable"] is False
    assert CANARY in (exports / "my-private-export-name.json").read_text()  # what was chosen
    needles = [CANARY.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]
    # the attachments' own bytes: pieces of the photo's pixel data (kept byte for byte inside
    # the vault, metadata or not); the PDF and the voice note carry the canary itself
    photo = (tmp_path / "source" / "photo.png").read_bytes()
    needles += [photo[i : i + 48] for i in range(len(photo) // 6, len(photo) - 48, len(photo) // 6)]
    # and no picture, PDF or recording in clear anywhere (a thumbnail cache, a temp file)
    magic = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"RIFF", b"ID3", b"OggS", b"fLaC")
    names = [b"my-private-export-name", str(exports).encode()]
    scanned = []
    for root in (home, tmp):
        for f in root.rglob("*"):
            if f.is_file():
                data = f.read_bytes()
                scanned.append(f.name)
                assert not any(n in data for n in needles), f"plaintext in {f}"
                assert not data.startswith(magic), f"a file in clear: {f}"
                assert not any(n in data for n in names), f"a chosen path in {f}"
    assert "journal.kintsugi" in scanned
    log = (tmp_path / "debug.log").read_bytes() if (tmp_path / "debug.log").exists() else b""
    assert CANARY.encode() not in log

"""Crash and full-disk behaviour of the real stack, in child processes."""

import json
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.vault import Vault
from tests.helpers import PASSPHRASE

WRITER = textwrap.dedent(f"""
    import sys
    from kintsugi.core.vault import Vault
    from kintsugi.core.records import Entry
    from kintsugi.core.repo.entries import EntryRepository
    v = Vault.open(sys.argv[1], {PASSPHRASE!r})
    repo = EntryRepository(v.db)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        e = repo.add(Entry(title=f"ack {{n}}", body=f"acknowledged body {{n}} " * 20, tags=["t"]))
        print(e.id, n, flush=True)  # the acknowledgement: printed only after commit returned
""")


def _read_acks(proc, acks, ready):
    for line in proc.stdout:
        if line.strip() == "ready":
            ready.set()
            continue
        parts = line.split()
        if len(parts) == 2:
            acks.append((int(parts[0]), int(parts[1])))


def test_sigkill_never_loses_an_acknowledged_write(vault, vault_path, trials):
    vault.lock()
    rng = random.Random(20261123)
    total = 0
    for _ in range(trials(6, 200)):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(vault_path)], stdout=subprocess.PIPE, text=True
        )
        acks, ready = [], threading.Event()
        reader = threading.Thread(target=_read_acks, args=(proc, acks, ready), daemon=True)
        reader.start()
        assert ready.wait(30), "writer did not start"
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join(5)
        proc.stdout.close()
        total += len(acks)
        with Vault.open(vault_path, PASSPHRASE) as v:
            repo = EntryRepository(v.db)
            for item_id, n in acks:
                got = repo.get(item_id)
                assert got.title == f"ack {n}" and got.body.startswith(f"acknowledged body {n} ")
            assert v.check() == []
    assert total > 0


DISK_FULL = textwrap.dedent(f"""
    import json, os, resource, signal, sys
    from kintsugi.core.vault import Vault
    from kintsugi.core.kdf import KdfParams
    from kintsugi.core.records import Entry
    from kintsugi.core.repo.entries import EntryRepository
    from kintsugi.core.errors import KintsugiError
    path, mode = sys.argv[1], sys.argv[2]
    v = Vault.create(path, {PASSPHRASE!r}, params=KdfParams(1024, 1, 1))
    repo = EntryRepository(v.db)
    if mode == "rlimit":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1_500_000, resource.RLIM_INFINITY))
    saved, error = [], None
    try:
        for n in range(10_000):
            saved.append(repo.add(Entry(title=f"n{{n}}", body=os.urandom(20_000).hex())).id)
    except KintsugiError as exc:
        error = [type(exc).__name__, str(exc)]
    ok = all(repo.get(i).title == f"n{{k}}" for k, i in enumerate(saved))
    print(json.dumps({{"saved": len(saved), "error": error, "ok": ok, "check": v.check()}}))
""")


def test_file_size_limit_gives_a_clear_error_and_keeps_saved_work(tmp_path):
    path = tmp_path / "full.kintsugi"
    r = subprocess.run(
        [sys.executable, "-c", DISK_FULL, str(path), "rlimit"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["saved"] > 5 and out["error"] is not None, out
    assert out["error"][0] in ("DiskFull", "StorageError") and "Traceback" not in r.stderr
    assert out["ok"] and out["check"] == []
    with Vault.open(path, PASSPHRASE) as v:
        assert EntryRepository(v.db).get(out["saved"]).title == f"n{out['saved'] - 1}"


def test_a_full_file_system_says_disk_full(tmp_path):
    if not shutil.which("unshare"):
        pytest.skip("unshare is not available")
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    script = (
        f'mount -t tmpfs -o size=2m tmpfs "{mnt}" && '
        f'exec "{sys.executable}" -c "$0" "{mnt}/v.kintsugi" enospc'
    )
    r = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, DISK_FULL],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if r.returncode != 0 and "mount" in r.stderr:
        pytest.skip(f"cannot make a small file system here: {r.stderr.strip()}")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["error"][0] == "DiskFull", out
    assert out["saved"] > 5 and out["ok"] and out["check"] == []


def test_plaintext_canary_never_reaches_the_disk(tmp_path):
    """Write every kind with a unique string; scan every byte of every file we touch."""
    canary = "CANARY" + "7f3a9c2e5b1d"
    vault_dir, tmp = tmp_path / "vault", tmp_path / "tmp"
    tmp.mkdir()
    code = textwrap.dedent(f"""
        import sys
        from datetime import date as Day
        from pathlib import Path
        from kintsugi.core.kdf import KdfParams
        from kintsugi.core.vault import Vault
        from kintsugi.core.records import *
        from kintsugi.core.repo import repository_for
        from kintsugi.core.repo.items import Items
        from kintsugi.core.search import Search
        c = {canary!r}
        path = Path({str(vault_dir / "journal.kintsugi")!r})
        v = Vault.create(path, "pass phrase", params=KdfParams(1024, 1, 1))
        recs = [Entry(title=c, body=(c + " ") * 2000, tags=[c], private_note=c),
                Trigger(situation=c, hot_thought=c, emotions=[Emotion(c, 5)]),
                GroundingSession(notes=c, steps=[{{"a": c}}]), CheckIn(gratitude=c),
                Boundary(text=c),
                Goal(text=c, progress=[GoalProgress(Day.today(), 1, c)])]
        for r in recs:
            repository_for(v.db, r.KIND).add(r)
        for i in range(300):
            repository_for(v.db, "entry").add(Entry(body=f"{{c}} {{i}} " * 50))
        from kintsugi.core.repo.attachments import AttachmentRepo
        att = AttachmentRepo(v.db)  # attachment bytes: a PDF, a photo kept with its
        pdf = b"%PDF-1.4 " + (c.encode() + b" ") * 40000 + b" startxref 0 %%EOF "
        att.add_bytes(1, pdf, "letter.pdf")  # metadata, a voice note recorded in chunks
        att.add_bytes(2, {_jpeg_with_comment(canary)!r}, "photo.jpg", keep_metadata=True)
        rec = att.recorder(3, "voice.wav", "audio/L16;rate=8000;channels=1")
        for _ in range(40):
            rec.write((c.encode() + bytes([0, 1])) * 1000)
        rec.finish()
        assert len(Search(v.db).search(c, limit=500)) > 300
        Items(v.db).timeline(limit=1000)
        v.backup_to(path.parent / "backup.kintsugi")
        print("scan-open", flush=True)
        sys.stdin.readline()
        v.change_passphrase("another pass")
        Items(v.db).delete(1); Items(v.db).empty_trash()
        v.lock()
    """)
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**__import__("os").environ, "TMPDIR": str(tmp), "SQLITE_TMPDIR": str(tmp)},
    )
    assert proc.stdout.readline().strip() == "scan-open"
    _assert_no_canary([vault_dir, tmp], canary)  # while open: vault, -wal, backup
    proc.stdin.write("\n")
    proc.stdin.flush()
    assert proc.wait(60) == 0
    proc.stdin.close()
    proc.stdout.close()
    assert len(list(vault_dir.iterdir())) == 2  # vault + backup, no leftovers
    _assert_no_canary([vault_dir, tmp], canary)


def _jpeg_with_comment(text: str) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010E] = text  # ImageDescription
    Image.new("RGB", (64, 48), (200, 120, 40)).save(out, "JPEG", exif=exif.tobytes())
    assert text.encode() in out.getvalue()
    return out.getvalue()


def _assert_no_canary(folders, canary):
    needles = [canary.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    scanned = 0
    for folder in folders:
        for f in folder.rglob("*"):
            if f.is_file():
                data = f.read_bytes()
                scanned += len(data)
                for needle in needles:
                    assert needle not in data, f"plaintext found in {f}"
    assert scanned > 100_000


def test_entry_saved_before_close_is_there_after(vault, vault_path):
    e = EntryRepository(vault.db).add(Entry(body="durable"))
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert EntryRepository(v.db).get(e.id).body == "durable"

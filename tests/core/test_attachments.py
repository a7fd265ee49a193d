"""Attachments inside the vault: stored once, streamed, checked, private, kept and freed."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
from PIL import Image

from kintsugi.core import backups, schema
from kintsugi.core.errors import AttachmentRefused, RecordNotFound
from kintsugi.core.records import Boundary, CheckIn, Entry, Goal, GroundingSession, Trigger
from kintsugi.core.repo import attachments, repository_for
from kintsugi.core.repo.attachments import CHUNK, AttachmentRepo, gps_of
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import Vault, backup_dir_for
from tests.helpers import PASSPHRASE

DATA = Path(__file__).resolve().parent.parent / "data"


def photo_with_gps(size=(320, 240), colour=(30, 90, 160), orientation=None) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12"
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (51.0, 30.0, 12.5)
    gps[3], gps[4] = "E", (0.0, 7.0, 39.0)
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", exif=exif.tobytes(), quality=90)
    return out.getvalue()


def png_bytes(size=(64, 64), text: str | None = None) -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    if text:
        info.add_text("Comment", text)
    out = io.BytesIO()
    Image.new("RGB", size, (10, 200, 30)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def pdf_bytes(text: str = "hello") -> bytes:
    """A small PDF written by Qt-free means: one page with ``text`` (valid for poppler)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode()
    objs[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def wav_bytes(seconds: float = 0.5, rate: int = 8000) -> bytes:
    frames = int(seconds * rate)
    pcm = b"".join(struct.pack("<h", (i * 37) % 3000) for i in range(frames))
    return attachments._wav_header(len(pcm), rate, 1, 16) + pcm


@pytest.fixture
def entry(vault):
    return repository_for(vault.db, "entry").add(Entry(body="with pictures"))


def _counts(db):
    with db.read() as conn:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("blob", "blob_chunk", "attachment")
        )


def test_the_same_photo_twice_is_stored_once_and_freed_with_its_last_link(vault, entry):
    other = repository_for(vault.db, "trigger").add(Trigger(cue="place", suds_peak=3))
    repo = AttachmentRepo(vault.db)
    photo = photo_with_gps()
    a = repo.add_bytes(entry.id, photo, "beach.jpg")
    b = repo.add_bytes(entry.id, photo, "beach again.jpg")
    c = repo.add_bytes(other.id, photo, "IMG_0001.JPG")
    assert a.sha256 == b.sha256 == c.sha256 and len({a.id, b.id, c.id}) == 3
    assert _counts(vault.db)[0] == 1 and _counts(vault.db)[2] == 3
    assert [x.name for x in repo.list_for(entry.id)] == ["beach.jpg", "beach again.jpg"]
    assert hashlib.sha256(repo.read_bytes(a.id)).hexdigest() == a.sha256
    repo.remove(a.id)
    repo.remove(b.id)
    assert _counts(vault.db)[0] == 1  # the trigger still links it
    Items(vault.db).delete(other.id)
    assert repo.list_for(other.id)[0].sha256 == c.sha256  # the trash keeps it
    Items(vault.db).restore(other.id)
    assert repo.read_bytes(c.id) == repo.read_bytes(repo.list_for(other.id)[0].id)
    Items(vault.db).delete(other.id)
    Items(vault.db).empty_trash()  # deleted for good: the cascade frees the bytes
    assert _counts(vault.db) == (0, 0, 0)
    assert vault.check() == []


@pytest.mark.parametrize(
    "record",
    [
        Entry(body="x"),
        Trigger(cue="place", suds_peak=2),
        GroundingSession(technique="box_breathing"),
        CheckIn(gratitude="x"),
        Boundary(text="x"),
        Goal(text="x"),
    ],
    ids=lambda r: r.KIND,
)
def test_any_kind_of_record_takes_attachments(vault, record):
    rec = repository_for(vault.db, record.KIND).add(record)
    att = AttachmentRepo(vault.db).add_bytes(rec.id, pdf_bytes(), "letter.pdf")
    assert att.kind == "pdf" and att.mime == "application/pdf" and att.item_id == rec.id


def test_camera_metadata_is_taken_out_losslessly_unless_kept(vault, entry):
    repo = AttachmentRepo(vault.db)
    photo = photo_with_gps(orientation=6)
    assert gps_of(io.BytesIO(photo))  # the original says where it was taken
    clean = repo.read_bytes(repo.add_bytes(entry.id, photo, "a.jpg").id)
    assert gps_of(io.BytesIO(clean)) == {}
    with Image.open(io.BytesIO(clean)) as im:
        exif = im.getexif()
        assert dict(exif) == {0x0112: 6}  # the orientation alone stays
        pixels = im.tobytes()
    with Image.open(io.BytesIO(photo)) as im:
        assert im.tobytes() == pixels  # not re-encoded: the same picture
    assert b"PhoneMaker" not in clean
    kept = repo.add_bytes(entry.id, photo, "b.jpg", keep_metadata=True)
    assert kept.metadata_kept and repo.read_bytes(kept.id) == photo
    png = png_bytes(text="my address is 12 Elm Street")
    clean_png = repo.read_bytes(repo.add_bytes(entry.id, png, "shot.png").id)
    assert b"Elm Street" in png and b"Elm Street" not in clean_png
    with Image.open(io.BytesIO(clean_png)) as im:
        im.load()  # still a valid PNG


def test_webp_metadata_is_taken_out(vault, entry):
    exif = Image.Exif()
    exif[0x010F] = "WebPMaker"
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (1, 2, 3)).save(out, "WEBP", exif=exif.tobytes(), lossless=True)
    repo = AttachmentRepo(vault.db)
    clean = repo.read_bytes(repo.add_bytes(entry.id, out.getvalue(), "w.webp").id)
    assert b"WebPMaker" in out.getvalue() and b"WebPMaker" not in clean
    with Image.open(io.BytesIO(clean)) as im:
        im.load()
        assert im.size == (40, 30)


def test_heic_arrives_as_a_jpeg_without_its_metadata(vault, entry):
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    exif = Image.Exif()
    exif[0x010F] = "HeicMaker"
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 10, 10)).save(out, "HEIF", exif=exif.tobytes())
    att = AttachmentRepo(vault.db).add_bytes(entry.id, out.getvalue(), "IMG_1.HEIC")
    assert att.mime == "image/jpeg" and att.name == "IMG_1.jpg"
    data = AttachmentRepo(vault.db).read_bytes(att.id)
    assert data.startswith(b"\xff\xd8") and b"HeicMaker" not in data


def _bomb_png(width=30000, height=30000) -> bytes:
    raw = zlib.compress(b"\x00" * (width // 8 + 1), 9)  # one row: the header claims the rest

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("bomb.png", _bomb_png(), "million pixels"),
        ("cut.png", png_bytes((300, 300))[:-40], "may be damaged"),
        ("cut.jpg", photo_with_gps((900, 700))[:-3000], "may be damaged"),
        ("letter.pdf", b"this is plain text pretending to be a PDF\n" * 10, "is not one"),
        ("letter.pdf", pdf_bytes()[:-60], "not a complete one"),
        ("photo.png", photo_with_gps(), "says it is a PNG picture but it is not one"),
        ("notes.txt", b"just words\n", "none of those"),
        ("empty.jpg", b"", "empty"),
    ],
    ids=["bomb", "truncated-png", "truncated-jpeg", "fake-pdf", "cut-pdf", "lie", "text", "empty"],
)
def test_hostile_files_get_one_line_and_nothing_is_stored(vault, entry, name, data, words):
    with pytest.raises(AttachmentRefused) as err:
        AttachmentRepo(vault.db).add_bytes(entry.id, data, name)
    message = str(err.value)
    assert words in message and "\n" not in message and "nothing was stored" in message
    assert message.startswith(name)
    assert _counts(vault.db) == (0, 0, 0)


def test_a_file_over_the_cap_is_refused_while_streaming(vault, entry, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_BYTES", 3 * CHUNK)

    class Endless(io.RawIOBase):
        served = 0

        def readable(self):
            return True

        def readinto(self, b):
            self.served += len(b)
            b[:] = b"\x00" * len(b)
            return len(b)

    source = Endless()
    with pytest.raises(AttachmentRefused, match="huge.wav is larger than 0.75 MB"):
        AttachmentRepo(vault.db).add_stream(entry.id, source, "huge.wav")
    assert source.served <= 5 * CHUNK  # stopped at the cap, not at the end of the stream
    assert _counts(vault.db) == (0, 0, 0)
    monkeypatch.undo()
    assert "256 MB" in attachments.too_large("x")


def test_a_declared_mime_must_agree(vault, entry):
    with pytest.raises(AttachmentRefused, match="sent as image/png"):
        AttachmentRepo(vault.db).add_stream(entry.id, io.BytesIO(wav_bytes()), "a", "image/png")
    att = AttachmentRepo(vault.db).add_stream(entry.id, io.BytesIO(wav_bytes()), "a", "audio/wav")
    assert att.kind == "audio" and att.duration_ms == 500


def test_not_for_a_missing_record(vault):
    with pytest.raises(RecordNotFound):
        AttachmentRepo(vault.db).add_bytes(999, png_bytes(), "x.png")


def test_a_recording_goes_into_the_vault_in_chunks_and_plays_back_as_wav(vault, entry):
    repo = AttachmentRepo(vault.db)
    rec = repo.recorder(entry.id, "Voice note.wav", "audio/L16;rate=16000;channels=1")
    pcm = bytes(range(256)) * 4000  # about 1 MB, written in 4 KiB pieces like QAudioSource
    for start in range(0, len(pcm), 4096):
        rec.write(pcm[start : start + 4096])
    att = rec.finish()
    data = repo.read_bytes(att.id)
    assert data[44:] == pcm and att.size == len(pcm) + 44
    assert att.duration_ms == int(1000 * len(pcm) / 2 / 16000)
    import wave

    with wave.open(io.BytesIO(data)) as w:  # the standard library reads it back
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (16000, 1, 2)
        assert w.readframes(w.getnframes()) == pcm
    assert hashlib.sha256(data).hexdigest() == att.sha256 and vault.check() == []


def test_an_interrupted_write_leaves_nothing_after_the_next_open(vault, vault_path, entry):
    rec = AttachmentRepo(vault.db).recorder(entry.id, "v.wav", "audio/L16;rate=8000")
    rec.write(b"\x01" * (3 * CHUNK))  # a crash here: chunks written, never finished
    vault.lock()
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert _counts(v.db) == (0, 0, 0)
        assert v.check() == []


def test_check_and_backup_verification_read_every_attachment(vault, vault_path, entry):
    att = AttachmentRepo(vault.db).add_bytes(entry.id, wav_bytes(2.0), "talk.wav")
    info = backups.take_backup(vault, "manual")
    with Vault.open(info.path, PASSPHRASE) as b:  # the backup carries the bytes
        assert AttachmentRepo(b.db).read_bytes(att.id) == wav_bytes(2.0)
    with vault.db.transaction() as conn:  # damage one chunk's bytes inside the vault
        conn.execute("UPDATE blob_chunk SET data = zeroblob(length(data)) WHERE seq = 0")
    assert vault.check() == [f"attachment data {att.sha256[:12]}… is damaged"]
    with pytest.raises(Exception, match="did not verify"):
        vault.backup_to(vault_path.parent / "after-damage.kintsugi")


def test_the_timeline_search_and_a_save_read_no_attachment_table(vault, entry):
    """Photos cannot slow what never reads them: the timeline's pages, search and a save
    (with every trigger it fires) touch no attachment table (SQLite's authorizer names
    every table a statement reads, triggers included). bench/bench_attachments.py counts
    the same from the file's side: the same pages read with 10,000 photos as without."""
    import sqlite3

    from kintsugi.core.repo.entries import EntryRepository
    from kintsugi.core.search import Search

    repo = AttachmentRepo(vault.db)
    for n in range(3):
        repo.add_bytes(entry.id, photo_with_gps(colour=(n, 90, 160)), f"p{n}.jpg")
    entries = EntryRepository(vault.db)
    entries.add(Entry(title="Another day", body="sea and letters"))
    read: set[str] = set()

    def note(action, table, column, schema_name, trigger):
        if action == sqlite3.SQLITE_READ and table:
            read.add(table)
        return sqlite3.SQLITE_OK

    vault.db.conn.set_authorizer(note)
    try:
        page = Items(vault.db).timeline(limit=200)
        Items(vault.db).timeline(after=(page[0].occurred_at, page[0].id), limit=200)
        Search(vault.db).search("sea")
        target = entries.get(entry.id)
        target.body += " and a saved word"
        entries.update(target)
    finally:
        vault.db.conn.set_authorizer(None)
    assert "item" in read  # the authorizer saw the statements
    assert read & {"attachment", "blob", "blob_chunk", "received_attachment"} == set()
    vault.db.conn.set_authorizer(note)  # and it would see them: the rows' thumbnails do
    try:
        assert len(repo.picture_ids([entry.id])[entry.id]) == 3
    finally:
        vault.db.conn.set_authorizer(None)
    assert "attachment" in read


def test_a_backup_restores_every_attachment_and_one_with_damaged_bytes_is_refused(
    vault, vault_path, entry, tmp_path
):
    from kintsugi.core.errors import VaultCorrupted

    repo = AttachmentRepo(vault.db)
    other = repository_for(vault.db, "trigger").add(Trigger(cue="place", suds_peak=4))
    kept = [
        repo.add_bytes(entry.id, photo_with_gps(), "sea.jpg"),
        repo.add_bytes(entry.id, pdf_bytes("a letter"), "letter.pdf"),
        repo.add_bytes(entry.id, wav_bytes(1.0), "voice.wav"),
        repo.add_bytes(other.id, photo_with_gps(), "again.jpg"),  # the same photo: one blob
    ]
    data = {att.id: repo.read_bytes(att.id) for att in kept}
    info = backups.take_backup(vault, "manual")  # written, then verified (its blobs too)
    for att in kept:
        repo.remove(att.id)
    assert repo.stored_bytes() == 0
    vault.lock()

    damaged = tmp_path / "damaged.kintsugi"
    shutil.copy(info.path, damaged)
    with Vault.open(damaged, PASSPHRASE) as d:  # every page sound, one photo's bytes not
        with d.db.transaction() as conn:
            conn.execute(
                "UPDATE blob_chunk SET data = zeroblob(length(data))"
                " WHERE rowid = (SELECT min(rowid) FROM blob_chunk)"
            )
        assert len(d.check()) == 1
    before = vault_path.read_bytes()
    with pytest.raises(VaultCorrupted):
        backups.restore(vault_path, damaged, PASSPHRASE)
    assert vault_path.read_bytes() == before  # refused before anything changed

    backups.restore(vault_path, info.path, PASSPHRASE)
    with Vault.open(vault_path, PASSPHRASE) as v:
        back = AttachmentRepo(v.db)
        assert [a.id for a in back.list_for(entry.id)] == [a.id for a in kept[:3]]
        assert [a.name for a in back.list_for(other.id)] == ["again.jpg"]
        for att in kept:
            assert back.read_bytes(att.id) == data[att.id]  # byte for byte
        assert v.check() == []


def test_the_vault_grows_by_the_attachments_size_and_not_more(vault, vault_path, entry):
    """Each photo is staged, cleaned into a second copy and the first freed: the file keeps
    the stored bytes, the unused end of each one's last page and its rows, not two copies
    (docs/benchmarks.md: 1.09 times at 10,000 photos of 13 KB, about 1.1 KB a photo)."""
    import random

    rng = random.Random(3)
    vault.lock()
    before = vault_path.stat().st_size
    with Vault.open(vault_path, PASSPHRASE) as v:
        repo, photos = AttachmentRepo(v.db), 40
        for n in range(photos):
            noise = Image.frombytes("RGB", (90, 90), rng.randbytes(90 * 90 * 3))
            out = io.BytesIO()
            noise.save(out, "JPEG", quality=85, exif=Image.Exif().tobytes())
            repo.add_bytes(entry.id, out.getvalue(), f"IMG_{n}.jpg")
        stored = repo.stored_bytes()
    assert not Path(str(vault_path) + "-wal").exists()  # all of it in the main file
    growth = vault_path.stat().st_size - before
    page = 4096
    assert stored > 20 * page  # photos of several pages each
    # the last page of each photo part-filled, its rows and index entries, and the freed
    # copy of the last one staged (reused by the next attach): well under a page a photo
    assert stored <= growth <= stored + photos * page // 2 + 16 * page


def test_save_a_copy_is_exact_private_and_never_overwrites(vault, entry, tmp_path):
    repo = AttachmentRepo(vault.db)
    att = repo.add_bytes(entry.id, pdf_bytes("a letter"), "letter.pdf")
    (tmp_path / "out").mkdir()
    out = repo.save_copy(att.id, tmp_path / "out" / "letter.pdf")
    assert out.read_bytes() == pdf_bytes("a letter")
    assert (out.stat().st_mode & 0o777) == 0o600
    with pytest.raises(AttachmentRefused, match="exists already"):
        repo.save_copy(att.id, out)
    assert sorted(p.name for p in out.parent.iterdir()) == ["letter.pdf"]


def test_names_are_cleaned(vault, entry):
    att = AttachmentRepo(vault.db).add_bytes(entry.id, png_bytes(), "../../etc/\x1b[31mx.png")
    assert att.name == "[31mx.png"


def test_migration_from_v1_and_from_the_previous_version(tmp_path):
    for fixture, before in (("vault-v1.kintsugi", 1), ("vault-v3.kintsugi", 3)):
        path = tmp_path / fixture
        shutil.copy(DATA / fixture, path)
        with Vault.open(path, "old vault passphrase", migrations=schema.MIGRATIONS[:-1]) as v:
            assert schema.user_version(v.db) == len(schema.MIGRATIONS) - 1
        for f in backup_dir_for(path).iterdir():
            f.unlink()
        with Vault.open(path, "old vault passphrase") as v:  # the previous version → latest
            assert schema.user_version(v.db) == schema.LATEST_VERSION
            first = Items(v.db).timeline()[0]
            att = AttachmentRepo(v.db).add_bytes(first.id, photo_with_gps(), "p.jpg")
            assert AttachmentRepo(v.db).list_for(first.id) == [att]
            assert v.check() == []
        (backup,) = backup_dir_for(path).iterdir()
        assert ".before-migration." in backup.name
        with Vault.open(backup, "old vault passphrase", migrations=schema.MIGRATIONS[:-1]) as b:
            assert schema.user_version(b.db) == len(schema.MIGRATIONS) - 1
        path2 = tmp_path / f"direct-{fixture}"
        shutil.copy(DATA / fixture, path2)
        with Vault.open(path2, "old vault passphrase") as v:  # straight from v1 / v3
            assert schema.user_version(v.db) == schema.LATEST_VERSION and v.check() == []
        assert before < schema.LATEST_VERSION


def test_a_200_mb_file_never_sits_whole_in_memory(tmp_path):
    """Peak RSS while attaching and reading back 200 MB stays far below 200 MB."""
    code = textwrap.dedent(f"""
        import os, resource, sys
        from pathlib import Path
        from kintsugi.core.kdf import KdfParams
        from kintsugi.core.vault import Vault
        from kintsugi.core.records import Entry
        from kintsugi.core.repo import repository_for
        from kintsugi.core.repo.attachments import AttachmentRepo, _wav_header
        big = Path({str(tmp_path / "big.wav")!r})
        size = 200 * 1024 * 1024
        with open(big, "wb") as f:
            f.write(_wav_header(size, 48000, 2, 16))
            block = os.urandom(1 << 20)
            for _ in range(size >> 20):
                f.write(block)
        v = Vault.create(Path({str(tmp_path / "v.kintsugi")!r}), "pass phrase",
                         params=KdfParams(1024, 1, 1))
        e = repository_for(v.db, "entry").add(Entry(body="x"))
        def peak():
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        before = peak()
        repo = AttachmentRepo(v.db)
        att = repo.add_file(e.id, big)
        n = sum(len(b) for b in repo.chunks(att.id))
        assert n == size + 44, n
        print(before, peak(), flush=True)
        v.lock()
    """)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    before, after = map(int, out.stdout.split())
    print(f"peak RSS {before} MiB before, {after} MiB after 200 MB in and out")
    assert after - before < 64, (before, after)  # MiB: a few chunks and the page cache


def test_the_core_imports_without_pillow_until_a_picture_comes(vault, entry):
    """Pillow is loaded on the first picture only (sound and PDFs do not need it)."""
    code = (
        "import sys; import kintsugi.core.repo.attachments, kintsugi.core.vault;"
        " print('PIL' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert os.environ.get("HOME")  # the private home fixture is in place


def test_opening_finds_unfinished_writes_with_one_index_probe(vault, entry):
    repo = AttachmentRepo(vault.db)
    for i in range(20):
        repo.add_bytes(entry.id, wav_bytes(0.01 + i / 1000), f"{i}.wav")
    with vault.db.read() as conn:
        plan = " ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + attachments.UNFINISHED))
    assert "USING COVERING INDEX" in plan or "USING INDEX" in plan, plan
    assert repo.sweep_unfinished() == 0


def test_the_markdown_export_writes_attachments_beside_the_notes(vault, entry, tmp_path):
    """md with one file per day (a zip): each attachment once in attachments/, linked
    relatively from its day's note; the zip read back by the standard library."""
    import zipfile

    from kintsugi.core import transfer

    repo = AttachmentRepo(vault.db)
    photo = repo.add_bytes(entry.id, photo_with_gps(), "Beach (1).jpg")
    letter = repo.add_bytes(entry.id, pdf_bytes("dear"), "letter.pdf")
    other = repository_for(vault.db, "entry").add(Entry(body="again"))
    repo.add_bytes(other.id, photo_with_gps(), "same photo.jpg")
    data = transfer.export_bytes(vault.db, transfer.select(vault.db, everything=True), "md-days")
    z = zipfile.ZipFile(io.BytesIO(data))
    names = z.namelist()
    day = next(n for n in names if n.endswith(".md"))
    note = z.read(day).decode()
    photo_member = f"attachments/{photo.sha256[:16]}-Beach (1).jpg"
    assert f"![Beach (1).jpg](attachments/{photo.sha256[:16]}-Beach%20%281%29.jpg)" in note
    assert f"[letter.pdf](attachments/{letter.sha256[:16]}-letter.pdf)" in note
    assert z.read(f"kintsugi/{photo_member}") == repo.read_bytes(photo.id)
    assert z.read(f"kintsugi/attachments/{letter.sha256[:16]}-letter.pdf") == pdf_bytes("dear")
    assert sum(1 for n in names if n.startswith("kintsugi/attachments/")) == 2  # stored once

"""Attachments of shared items travel in the share bundle (version 3): the zip carries each
file once under its SHA-256, the signed JSON names them, ``shared.md`` links them; read back
with the real ``age`` and pyrage; the partner keeps them (checked like any file that comes
in); a file changed, added, left out or hostile is refused with nothing stored; older
bundles and vaults still read."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from kintsugi.core import schema, share, sync, transfer
from kintsugi.core.records import Entry
from kintsugi.core.repo.attachments import AttachmentRepo
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.sharing import Sharing
from kintsugi.core.vault import Vault
from tests.helpers import FAST_KDF, PASSPHRASE, open_paired, paired_template

DATA = Path(__file__).resolve().parent.parent / "data"
needs_age = pytest.mark.skipif(shutil.which("age") is None, reason="needs the age tool")


def png(colour=(200, 40, 40), size=(64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def pdf() -> bytes:
    from tests.core.test_attachments import pdf_bytes

    return pdf_bytes("a letter")


@pytest.fixture
def two(tmp_path, vault):
    sam = Vault.create(tmp_path / "sam.kintsugi", "sam's passphrase", params=FAST_KDF)
    Sharing(sam.db).set_display_name("Sam")
    yield vault, sam
    sam.lock()


def shared_entry(sender, files, title="The letter"):
    repo = EntryRepository(sender.db)
    entry = repo.add(Entry(title=title, body="What I kept.", shared=True))
    store = AttachmentRepo(sender.db)
    atts = [store.add_bytes(entry.id, data, name) for name, data in files]
    return repo.get(entry.id), atts


def bundle(sender, to, records) -> bytes:
    return transfer.export_bytes(
        sender.db,
        records,
        "age",
        exporter="Sam",
        recipients=[Sharing(to.db).my_key()],
    )


def unpack(data: bytes, identity: str) -> dict[str, bytes]:
    from pyrage import decrypt, x25519

    plain = decrypt(data, [x25519.Identity.from_str(identity)])
    with zipfile.ZipFile(io.BytesIO(plain)) as z:
        return {n: z.read(n) for n in z.namelist()}


def repack(members: dict[str, bytes], recipient: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return share.encrypt(buf.getvalue(), recipients=[recipient])


def blob_count(v) -> int:
    with v.db.read() as conn:
        return int(conn.execute("SELECT count(*) FROM blob").fetchone()[0])


@needs_age
def test_attachments_travel_in_the_bundle_and_age_reads_them(two, tmp_path):
    me, sam = two
    photo = png()
    entry, atts = shared_entry(sam, [("photo.png", photo), ("again.png", photo)])
    data = bundle(sam, me, [entry])
    key = tmp_path / "me.key"
    key.write_text(Sharing(me.db).identity() + "\n")
    plain = subprocess.run(
        ["age", "-d", "-i", str(key)], input=data, capture_output=True, check=True
    ).stdout
    with zipfile.ZipFile(io.BytesIO(plain)) as z:
        members = {n: z.read(n) for n in z.namelist()}
    stored = AttachmentRepo(sam.db).read_bytes(atts[0].id)
    sha = hashlib.sha256(stored).hexdigest()
    member = f"attachments/{sha}.png"
    # the same photo twice is one file; it is the stored (metadata-free) bytes
    assert set(members) == {share.JSON_NAME, share.MD_NAME, share.SIG_NAME, member}
    assert members[member] == stored
    doc = json.loads(members[share.JSON_NAME])
    assert doc["version"] == 3
    refs = doc["items"][0]["attachments"]
    assert [r["name"] for r in refs] == ["photo.png", "again.png"]
    assert refs[0] == {
        "name": "photo.png",
        "kind": "image",
        "mime": "image/png",
        "size": len(stored),
        "sha256": sha,
        "width": 64,
        "height": 48,
    }
    assert f"![photo.png]({member})" in members[share.MD_NAME].decode()
    assert "photo.png (picture, " in members[share.MD_NAME].decode()

    result = transfer.import_file(me.db, data)
    assert result.added == 1
    (item,) = Sharing(me.db).received_latest()
    got = Sharing(me.db).open_received_file(item.data["attachments"][0]).read()
    assert got == stored
    assert me.check() == []
    assert transfer.import_file(me.db, data).added == 0  # the same file: nothing new
    copy = Sharing(me.db).save_received_copy(item.data["attachments"][1], tmp_path / "copy.png")
    assert copy.read_bytes() == stored and (copy.stat().st_mode & 0o777) == 0o600


def test_a_bundle_without_attachments_stays_version_2(two):
    me, sam = two
    entry = EntryRepository(sam.db).add(Entry(title="Words only", shared=True))
    members = unpack(bundle(sam, me, [entry]), Sharing(me.db).identity())
    assert set(members) == {share.JSON_NAME, share.MD_NAME, share.SIG_NAME}
    doc = json.loads(members[share.JSON_NAME])
    assert doc["version"] == 2 and "attachments" not in doc["items"][0]


def test_a_pdf_and_a_voice_note_are_listed_with_their_size(two):
    me, sam = two
    entry, _ = shared_entry(sam, [("letter.pdf", pdf())])
    rec = AttachmentRepo(sam.db).recorder(entry.id, "voice note.wav", "audio/L16;rate=16000")
    rec.write(b"\x01\x00" * 16000 * 3)
    rec.finish()
    members = unpack(bundle(sam, me, [entry]), Sharing(me.db).identity())
    md = members[share.MD_NAME].decode()
    assert "letter.pdf (PDF, " in md and "voice note.wav (sound, " in md
    assert "3 seconds" in md and "![letter.pdf]" not in md
    transfer.import_file(me.db, repack_same(members, me))
    (item,) = Sharing(me.db).received_latest()
    assert [r["kind"] for r in item.data["attachments"]] == ["pdf", "audio"]


def repack_same(members, me):
    return repack(members, Sharing(me.db).my_key())


@pytest.mark.parametrize("change", ["replaced", "left out", "added", "renamed"])
def test_a_tampered_attachment_is_refused_with_nothing_stored(two, change):
    me, sam = two
    entry, _ = shared_entry(sam, [("photo.png", png())])
    members = unpack(bundle(sam, me, [entry]), Sharing(me.db).identity())
    (member,) = [n for n in members if n.startswith("attachments/")]
    other = png((10, 200, 10))
    if change == "replaced":
        members[member] = other
    elif change == "left out":
        del members[member]
    elif change == "added":
        members[f"attachments/{hashlib.sha256(other).hexdigest()}.png"] = other
    else:
        members["attachments/" + "0" * 64 + ".png"] = members.pop(member)
    before = blob_count(me)
    with pytest.raises(share.BundleError) as caught:
        transfer.import_file(me.db, repack_same(members, me))
    assert "\n" not in str(caught.value) and "nothing was imported" in str(caught.value).lower()
    assert Sharing(me.db).received() == [] and blob_count(me) == before
    assert me.check() == []


def test_attachment_members_in_a_version_2_bundle_are_refused(two):
    me, sam = two
    entry = EntryRepository(sam.db).add(Entry(title="Words only", shared=True))
    members = unpack(bundle(sam, me, [entry]), Sharing(me.db).identity())
    photo = png()
    members[f"attachments/{hashlib.sha256(photo).hexdigest()}.png"] = photo
    with pytest.raises(share.NotABundle):
        transfer.import_file(me.db, repack_same(members, me))
    assert Sharing(me.db).received() == []


def _signed_bundle(sam, me, ref, data: bytes) -> bytes:
    """A bundle Sam really signed, naming ``data`` as an attachment (a hostile sender)."""
    entry = EntryRepository(sam.db).add(Entry(title="Look", shared=True))
    payload = share.build_payload(
        [entry],
        exporter="Sam",
        sender=Sharing(sam.db).sender(),
        attachments=lambda rec: [ref],
        open_blob=lambda sha: io.BytesIO(data),
    )
    plain = share.build_plaintext(payload, Sharing(sam.db).signing_key())
    return share.encrypt(plain, recipients=[Sharing(me.db).my_key()])


def test_a_signed_but_hostile_attachment_is_checked_like_any_file(two):
    me, sam = two
    junk = b"\x89PNG\r\n\x1a\n" + b"not really a picture" * 50
    ref = share.attachment_ref(
        name="photo.png",
        mime="image/png",
        kind="image",
        size=len(junk),
        sha256=hashlib.sha256(junk).hexdigest(),
    )
    before = blob_count(me)
    with pytest.raises(share.NotABundle) as caught:
        transfer.import_file(me.db, _signed_bundle(sam, me, ref, junk))
    assert "does not keep" in str(caught.value) and "photo.png" in str(caught.value)
    assert Sharing(me.db).received() == [] and blob_count(me) == before
    # a picture named as a PDF is refused too
    photo = png()
    ref = share.attachment_ref(
        name="letter.pdf",
        mime="application/pdf",
        kind="pdf",
        size=len(photo),
        sha256=hashlib.sha256(photo).hexdigest(),
    )
    with pytest.raises(share.NotABundle):
        transfer.import_file(me.db, _signed_bundle(sam, me, ref, photo))
    assert Sharing(me.db).received() == [] and blob_count(me) == before


def test_a_bad_attachment_list_is_refused_before_anything_is_read(two):
    me, sam = two
    photo = png()
    bad = {"name": "x.png", "kind": "pdf", "mime": "image/png", "size": len(photo)}
    bad["sha256"] = hashlib.sha256(photo).hexdigest()
    with pytest.raises(share.NotABundle) as caught:
        transfer.import_file(me.db, _signed_bundle(sam, me, bad, photo))
    assert "attachments" in str(caught.value)


def test_received_bytes_are_shared_with_ones_own_and_outlive_them(two):
    me, sam = two
    photo = png()
    entry, _ = shared_entry(sam, [("photo.png", photo)])
    transfer.import_file(me.db, bundle(sam, me, [entry]))
    mine = EntryRepository(me.db).add(Entry(title="Mine"))
    store = AttachmentRepo(me.db)
    att = store.add_bytes(mine.id, photo, "same.png")
    assert blob_count(me) == 1  # one copy of the bytes, two links
    store.remove(att.id)
    (item,) = Sharing(me.db).received_latest()
    assert Sharing(me.db).open_received_file(item.data["attachments"][0]).read() == (
        store.open_blob(att.sha256).read()
    )
    assert me.check() == []


def test_the_received_attachments_migration_from_v1_and_the_previous_version(tmp_path):
    path = tmp_path / "prev.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    step = schema.MIGRATIONS.index(schema._add_received_attachments)
    with Vault.open(path, "old vault passphrase", migrations=schema.MIGRATIONS[:step]) as v:
        assert schema.user_version(v.db) == step
        entry = EntryRepository(v.db).add(Entry(title="t"))
        AttachmentRepo(v.db).add_bytes(entry.id, png(), "p.png")
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        with v.db.read() as conn:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert {"received_attachment", "received_attachment_frees_blob"} <= names
        (att,) = AttachmentRepo(v.db).list_for(entry.id)
        AttachmentRepo(v.db).remove(att.id)
        assert blob_count(v) == 0  # the rewritten trigger still frees the last link's bytes
        assert v.check() == []


def test_a_share_over_the_attachment_cap_is_refused_before_anything_is_written(two, monkeypatch):
    me, sam = two
    entry, _ = shared_entry(sam, [("photo.png", png()), ("other.png", png((1, 2, 3)))])
    total = sum(a.size for a in AttachmentRepo(sam.db).list_for(entry.id))
    monkeypatch.setattr(share, "MAX_ATTACHMENT_BYTES", total - 1)
    with pytest.raises(share.BundleTooLarge) as caught:
        bundle(sam, me, [entry])
    text = str(caught.value)
    assert "one bundle carries at most" in text and "nothing was shared" in text
    assert "\n" not in text


def test_the_markdown_export_names_the_files_it_does_not_carry(two):
    me, sam = two
    entry, atts = shared_entry(sam, [("photo.png", png())])
    md = transfer.export_bytes(sam.db, [entry], "md").decode()
    assert "photo.png (picture, " in md and "![" not in md and atts[0].sha256 not in md


def test_a_backup_carries_received_attachments_and_verifies_them(two):
    from kintsugi.core import backups

    me, sam = two
    entry, atts = shared_entry(sam, [("photo.png", png())])
    transfer.import_file(me.db, bundle(sam, me, [entry]))
    info = backups.take_backup(me, "manual")
    with Vault.open(info.path, PASSPHRASE) as b:
        (item,) = Sharing(b.db).received_latest()
        data = Sharing(b.db).open_received_file(item.data["attachments"][0]).read()
        assert hashlib.sha256(data).hexdigest() == atts[0].sha256
        assert b.check() == []
    with me.db.transaction() as conn:  # a received file's bytes damaged: check says so
        conn.execute("UPDATE blob_chunk SET data = zeroblob(length(data))")
    assert me.check() == [f"attachment data {atts[0].sha256[:12]}… is damaged"]


def test_a_partners_items_and_files_stay_on_the_computer_that_received_them(tmp_path):
    """Sync carries one's own records and their attachments; received items (and their
    files) are device-local: they stay in the vault that imported the bundle."""
    names = ("a", "b")
    folder, vaults = open_paired(paired_template(tmp_path / "t", names), tmp_path / "c", names)
    a, b = vaults["a"], vaults["b"]
    sam = Vault.create(tmp_path / "sam.kintsugi", "sam's passphrase", params=FAST_KDF)
    try:
        entry, _ = shared_entry(sam, [("theirs.png", png((9, 9, 9)))])
        transfer.import_file(a.db, bundle(sam, a, [entry]))
        mine = EntryRepository(a.db).add(Entry(title="Mine"))
        AttachmentRepo(a.db).add_bytes(mine.id, png((1, 200, 1)), "mine.png")
        for _ in range(2):
            sync.run_round(a)
            sync.run_round(b)
        assert [s.title for s in Items(b.db).timeline(limit=10)] == ["Mine"]
        assert blob_count(b) == 1  # my photo came across; the partner's did not
        assert Sharing(b.db).received_latest() == []
        assert len(list((folder / "blobs").glob("*.age"))) == 1
        assert len(Sharing(a.db).received_latest()) == 1  # still here, where it came in
    finally:
        sam.lock()
        for v in vaults.values():
            v.lock()

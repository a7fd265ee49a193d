"""Who sent a bundle: Ed25519 signatures over the exact payload, the address book (trust on
first use), forged and tampered bundles refused with nothing stored, version-1 bundles still
read, received items kept by item and revision, ASCII-armored files from the real ``age``."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from kintsugi.core import schema, share, transfer
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.settings import Settings
from kintsugi.core.repo.sharing import UNKNOWN, UNSIGNED, VERIFIED, Sharing
from kintsugi.core.vault import Vault
from tests.helpers import FAST_KDF, PASSPHRASE, run_cli

DATA = Path(__file__).resolve().parent.parent / "data"
needs_age = pytest.mark.skipif(shutil.which("age") is None, reason="needs the age tool")


@pytest.fixture
def two(tmp_path, vault):
    """Me (``vault``) and Sam, who shares with me."""
    sam = Vault.create(tmp_path / "sam.kintsugi", "sam's passphrase", params=FAST_KDF)
    Sharing(sam.db).set_display_name("Sam")
    yield vault, sam
    sam.lock()


def bundle_from(sender, to, *, title="From Sam", body="I hear you.", entry=None) -> bytes:
    repo = EntryRepository(sender.db)
    if entry is None:
        entry = repo.add(Entry(title=title, body=body, shared=True))
    return transfer.export_bytes(
        sender.db,
        [repo.get(entry.id)],
        "age",
        exporter=Sharing(sender.db).display_name(),
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


def test_every_vault_has_a_signing_key_made_with_it(vault):
    key = Settings(vault.db).get("share.signing_key")
    assert key and Settings(vault.db).get("share.identity")
    sender = Sharing(vault.db).sender()
    assert sender.signing_key == share.signing_public(key)
    assert sender.age_recipient == Sharing(vault.db).my_key()
    assert len(Sharing(vault.db).my_fingerprint().split()) == 8


def test_signature_over_the_exact_payload_and_trust_on_first_use(two):
    me, sam = two
    data = bundle_from(sam, me)
    members = unpack(data, Sharing(me.db).identity())
    assert set(members) == {share.JSON_NAME, share.MD_NAME, share.SIG_NAME}
    doc = json.loads(members[share.JSON_NAME])
    sig = json.loads(members[share.SIG_NAME])
    assert doc["version"] == 2 and sig["algorithm"] == "ed25519"
    assert doc["sender"]["signing_key"] == Sharing(sam.db).sender().signing_key
    assert share.verify(members[share.JSON_NAME], doc["sender"]["signing_key"], sig["signature"])
    assert not share.verify(
        members[share.JSON_NAME] + b" ", doc["sender"]["signing_key"], sig["signature"]
    )
    result = transfer.import_file(me.db, data)
    assert result.added == 1 and result.status.trust == UNKNOWN
    assert result.status.fingerprint == Sharing(sam.db).my_fingerprint()
    assert "not in your address book" in result.status.line()
    Sharing(me.db).trust_sender("Sam", result.age_recipient, result.signing_key)
    assert Sharing(me.db).contacts()[0].recipient == Sharing(sam.db).my_key()
    again = transfer.import_file(me.db, bundle_from(sam, me, title="Later"))
    assert again.added == 1 and again.status.trust == VERIFIED
    assert again.status.line() == "from Sam — verified, the key you saved"


def test_a_tampered_bundle_is_refused_and_nothing_is_stored(two):
    me, sam = two
    data = bundle_from(sam, me, body="I will be home at six.")
    members = unpack(data, Sharing(me.db).identity())
    before = me.path.read_bytes()
    changed = dict(members)
    changed[share.JSON_NAME] = members[share.JSON_NAME].replace(b"at six", b"at ten")
    markdown_changed = dict(members)
    markdown_changed[share.MD_NAME] = members[share.MD_NAME].replace(b"at six", b"at ten")
    stripped = {k: v for k, v in members.items() if k != share.SIG_NAME}
    for bad in (changed, markdown_changed, stripped):
        with pytest.raises(share.BundleForged):
            transfer.import_file(me.db, repack(bad, Sharing(me.db).my_key()))
    assert Sharing(me.db).received() == [] and me.path.read_bytes() == before


def test_a_forged_bundle_naming_a_saved_key_is_refused_and_a_new_key_is_labelled(two, tmp_path):
    me, sam = two
    first = transfer.import_file(me.db, bundle_from(sam, me))
    Sharing(me.db).trust_sender("Sam", first.age_recipient, first.signing_key)
    with Vault.create(tmp_path / "mallory.kintsugi", "m", params=FAST_KDF) as mallory:
        Sharing(mallory.db).set_display_name("Sam")
        members = unpack(bundle_from(mallory, me, title="Trust me"), Sharing(me.db).identity())
        # Claims Sam's key, but Mallory signed it.
        doc = json.loads(members[share.JSON_NAME])
        doc["sender"]["signing_key"] = first.signing_key
        forged = dict(members)
        forged[share.JSON_NAME] = json.dumps(doc).encode()
        with pytest.raises(share.BundleForged):
            transfer.import_file(me.db, repack(forged, Sharing(me.db).my_key()))
        # Her own key, Sam's name: imported, and labelled for what it is.
        result = transfer.import_file(me.db, repack(members, Sharing(me.db).my_key()))
    assert result.status.trust == UNKNOWN and result.status.claimed_by_other == "Sam"
    assert "not the key you saved for Sam" in result.status.line()


def test_version_1_bundles_are_still_read_as_not_signed(vault):
    data = (DATA / "share-v1-passphrase.age").read_bytes()
    result = transfer.import_file(vault.db, data, bundle_passphrase="v1 bundle passphrase")
    assert result.added == 3 and result.status.trust == UNSIGNED
    assert "not signed" in result.status.line()
    identity = (DATA / "share-v1-identity.txt").read_text().strip()
    content = share.open_bundle(
        (DATA / "share-v1-recipient.age").read_bytes(), identities=[identity]
    )
    assert content.version == 1 and content.signing_key == ""
    assert {i["uid"] for i in content.items} == {
        "v1-entry-0001",
        "v1-trigger-0001",
        "v1-boundary-0001",
    }
    assert all("private_note" not in i for i in content.items)
    # The same items again (the other file of the pair) add nothing.
    assert Sharing(vault.db).store_received(content) == (None, 0)


def test_received_items_are_kept_by_item_and_revision(two):
    me, sam = two
    entry = EntryRepository(sam.db).add(Entry(title="Plan", body="first", shared=True))
    first = bundle_from(sam, me, entry=entry)
    assert transfer.import_file(me.db, first).added == 1
    assert transfer.import_file(me.db, first).added == 0  # the same file
    re_encrypted = bundle_from(sam, me, entry=entry)
    assert re_encrypted != first
    again = transfer.import_file(me.db, re_encrypted)
    assert again.added == 0 and again.skipped == 1  # the same items, newly encrypted
    entry.body = "second"
    entry = EntryRepository(sam.db).update(entry)
    assert transfer.import_file(me.db, bundle_from(sam, me, entry=entry)).added == 1
    latest = Sharing(me.db).received_latest()
    assert len(latest) == 1 and latest[0].data["body"] == "second"
    assert [e.data["body"] for e in latest[0].earlier] == ["first"]


def _armor(path_in: Path, path_out: Path, recipient: str) -> None:
    subprocess.run(["age", "-a", "-r", recipient, "-o", str(path_out), str(path_in)], check=True)


@needs_age
def test_ascii_armored_bundles_from_the_age_tool_import(two, tmp_path):
    me, sam = two
    plain = unpack(bundle_from(sam, me), Sharing(me.db).identity())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in plain.items():
            z.writestr(name, data)
    (tmp_path / "bundle.zip").write_bytes(buf.getvalue())
    _armor(tmp_path / "bundle.zip", tmp_path / "armored.age", Sharing(me.db).my_key())
    data = (tmp_path / "armored.age").read_bytes()
    assert data.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert not share.needs_passphrase(data[:4096])
    assert transfer.import_file(me.db, data).added == 1
    # By passphrase: age asks on a terminal, so give it one (script(1)).
    if shutil.which("script") is None:
        pytest.skip("needs script(1) to give age a terminal")
    passphrase = "a passphrase we both know"
    out = tmp_path / "armored-pass.age"
    feed = f"sleep 0.5; printf '{passphrase}\\n'; sleep 0.5; printf '{passphrase}\\n'; sleep 0.5"
    subprocess.run(
        f"({feed}) | script -qc 'age -a -p -o {out} {tmp_path / 'bundle.zip'}' /dev/null",
        shell=True,
        check=True,
        capture_output=True,
        timeout=60,
    )
    data = out.read_bytes()
    assert data.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert share.needs_passphrase(data[:4096])
    with pytest.raises(share.BundleNotForYou):
        transfer.import_file(me.db, data, bundle_passphrase="wrong one")
    result = transfer.import_file(me.db, data, bundle_passphrase=passphrase)
    assert result.source == "bundle" and result.skipped == 1  # the same items as before
    cut = data[: len(data) // 2]
    with pytest.raises(share.BundleError):
        transfer.import_file(me.db, cut, bundle_passphrase=passphrase)


def test_migration_adds_the_signing_key_and_revisions_from_the_previous_version(tmp_path):
    previous = schema.MIGRATIONS.index(schema._v3_to_v4)
    path = tmp_path / "previous.kintsugi"  # the kept v1 vault, brought to the previous version
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    with Vault.open(path, "old vault passphrase", migrations=schema.MIGRATIONS[:previous]) as v:
        assert schema.user_version(v.db) == previous
        with v.db.transaction() as conn:
            rid = conn.execute(
                "INSERT INTO received (sha256, sender, exported_at, imported_at)"
                " VALUES ('abc', 'Sam', '2026-10-01T10:00:00+00:00', '2026-10-02T10:00:00+00:00')"
            ).lastrowid
            conn.execute(
                "INSERT INTO received_item (received_id, kind, uid, occurred_at, title, data)"
                " VALUES (?, 'entry', 'u1', '2026-10-01T09:00:00+00:00', 'Old',"
                ' \'{"kind": "entry", "uid": "u1", "updated_at": "2026-10-01T09:30:00"}\')',
                (rid,),
            )
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        assert Settings(v.db).get("share.signing_key")
        latest = Sharing(v.db).received_latest()
        assert [(i.uid, i.revision) for i in latest] == [("u1", "2026-10-01T09:30:00")]
        assert Sharing(v.db).status_of("Sam", "").trust == UNSIGNED
        assert v.check() == []


def test_migration_from_the_kept_version_1_vault(tmp_path):
    path = tmp_path / "vault-v1.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        settings = Settings(v.db)
        assert settings.get("share.signing_key") and settings.get("share.identity")
        assert Sharing(v.db).received_latest() == []
        assert v.check() == []


def _cli(vault_path, *args, secrets=()):
    return run_cli(
        *args[:1],
        "--vault",
        str(vault_path),
        "--passphrase-fd",
        "{fd0}",
        *args[1:],
        secrets=(PASSPHRASE, *secrets),
    )


def test_forged_and_tampered_bundles_through_the_cli(two, tmp_path):
    me, sam = two
    mine = Sharing(me.db).my_key()
    good = bundle_from(sam, me, body="I will be home at six.")
    members = unpack(good, Sharing(me.db).identity())
    tampered = dict(members)
    tampered[share.JSON_NAME] = members[share.JSON_NAME].replace(b"at six", b"at ten")
    forged = unpack(bundle_from(sam, me, title="Forged"), Sharing(me.db).identity())
    doc = json.loads(forged[share.JSON_NAME])
    doc["exporter"] = "Dr. Rivera"  # a changed name, the signature kept
    forged[share.JSON_NAME] = json.dumps(doc).encode()
    files = {
        "good": good,
        "tampered": repack(tampered, mine),
        "forged": repack(forged, mine),
        "second": bundle_from(sam, me, title="Second"),
    }
    for name, data in files.items():
        (tmp_path / f"{name}.age").write_bytes(data)
    path = me.path
    me.lock()
    for bad in ("tampered", "forged"):
        r = _cli(path, "import", str(tmp_path / f"{bad}.age"))
        assert r.returncode == 3 and "signature does not match" in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    r = _cli(path, "import", str(tmp_path / "good.age"))
    assert r.returncode == 0, r.stderr
    assert "not in your address book" in r.stdout and "--save-sender" in r.stdout
    r = _cli(path, "import", str(tmp_path / "good.age"), "--save-sender")
    assert r.returncode == 0 and "Imported 0 item(s)" in r.stdout
    assert "Saved Sam's key" in r.stdout
    r = _cli(path, "import", str(tmp_path / "second.age"))
    assert r.returncode == 0 and "From Sam — verified, the key you saved" in r.stdout
    with Vault.open(path, PASSPHRASE) as v:
        assert len(Sharing(v.db).received_latest()) == 2


def test_share_log_through_the_cli(two, tmp_path):
    import hashlib

    me, sam = two
    a = EntryRepository(me.db).add(Entry(title="For therapy", body="x", shared=True))
    b = EntryRepository(me.db).add(Entry(title="Also this", body="y", shared=True))
    for n, fmt in enumerate(("md", "age")):
        data = transfer.export_bytes(
            me.db, [a, b][: n + 1], fmt, recipients=[Sharing(sam.db).my_key()]
        )
        transfer.write_export(
            me.db,
            data,
            tmp_path / f"out{n}.{fmt}",
            fmt=fmt,
            recipient=["Dr. Rivera", "Sam"][n],
            item_ids=[r.id for r in [a, b][: n + 1]],
        )
    digests = [
        hashlib.sha256((tmp_path / f"out{n}.{f}").read_bytes()).hexdigest()
        for n, f in enumerate(("md", "age"))
    ]
    path = me.path
    me.lock()
    r = _cli(path, "share-log")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split("\t")[1:] == ["age", "to Sam", "2 item(s)", f"sha256 {digests[1]}"]
    assert lines[1].split("\t")[1:] == [str(a.id), "entry", "For therapy"]
    assert lines[2].split("\t")[1:] == [str(b.id), "entry", "Also this"]
    assert lines[3].split("\t")[1:] == ["md", "to Dr. Rivera", "1 item(s)", f"sha256 {digests[0]}"]
    r = _cli(path, "share-log", "--json")
    log = json.loads(r.stdout)
    assert [e["format"] for e in log] == ["age", "md"] and log[1]["sha256"] == digests[0]
    assert log[0]["items"] == [
        {"id": a.id, "kind": "entry", "title": "For therapy", "present": True},
        {"id": b.id, "kind": "entry", "title": "Also this", "present": True},
    ]


def test_migration_indexes_the_share_log_from_the_previous_version(tmp_path):
    previous = schema.MIGRATIONS.index(schema._v4_to_v5)
    path = tmp_path / "previous.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    with Vault.open(path, "old vault passphrase", migrations=schema.MIGRATIONS[:previous]) as v:
        assert schema.user_version(v.db) == previous
        transfer.write_export(
            v.db, b"x", tmp_path / "x.md", fmt="md", recipient="Dr. Rivera", item_ids=[1, 2]
        )
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        with v.db.read() as conn:
            plan = " ".join(
                str(r[-1])
                for r in conn.execute(
                    "EXPLAIN QUERY PLAN SELECT item_id FROM share_log_item WHERE log_id = 1"
                )
            )
        assert "share_log_item_by_log" in plan
        assert [i.id for i in Sharing(v.db).history()[0].items] == [1, 2]


def test_ones_own_technique_leaves_by_name_and_is_checked_on_import(two):
    from kintsugi.core.records import GroundingSession
    from kintsugi.core.repo.grounding import GroundingRepository

    me, sam = two
    own = GroundingRepository(sam.db).add(
        GroundingSession(technique="custom", steps=[{"name": "Cold water", "steps_done": 2}])
    )
    payload = transfer.payload_for(
        sam.db, [own], options=share.ShareOptions(exercise_answers=False)
    )
    assert payload.items[0]["technique_name"] == "Cold water" and "steps" not in payload.items[0]
    assert "My own technique: Cold water" in payload.markdown()
    data = transfer.export_bytes(
        sam.db, [own], "age", recipients=[Sharing(me.db).my_key()], payload=payload
    )
    assert transfer.import_file(me.db, data).added == 1
    members = unpack(data, Sharing(me.db).identity())
    doc = json.loads(members[share.JSON_NAME])
    doc["items"][0]["technique_name"] = ["not", "a", "name"]
    members[share.JSON_NAME] = json.dumps(doc).encode()
    with pytest.raises(share.BundleError):
        transfer.import_file(me.db, repack(members, Sharing(me.db).my_key()))


def test_a_bundle_whose_markdown_is_larger_than_one_text_field_opens():
    """shared.md holds every item: it is bounded by the bundle's caps, not by a field's."""
    from kintsugi.core import validate

    items = [Entry(title=f"Long {n}", body="word " * 150_000) for n in range(3)]
    key = share.new_signing_key()
    payload = share.build_payload(items, sender=share.Sender(share.signing_public(key)))
    assert len(payload.markdown()) > validate.MAX_TEXT
    identity = share.new_identity()
    data = share.encrypt(
        share.build_plaintext(payload, key), recipients=[share.public_key(identity)]
    )
    content = share.open_bundle(data, identities=[identity])
    assert [i["title"] for i in content.items] == ["Long 0", "Long 1", "Long 2"]
    assert len(data) < len(payload.markdown()) // 20  # every member deflated, not stored

"""``kintsugi attach`` and ``kintsugi attachments``, run as a user would."""

import hashlib
import io
import json

import pytest
from PIL import Image

from kintsugi.core.records import Entry
from kintsugi.core.repo.attachments import gps_of
from kintsugi.core.repo.entries import EntryRepository
from tests.core.test_attachments import pdf_bytes, photo_with_gps, wav_bytes
from tests.test_cli import cli


@pytest.fixture
def one_entry(vault, vault_path):
    e = EntryRepository(vault.db).add(Entry(title="Evening", body="a letter and a photo"))
    vault.lock()
    return str(vault_path), e.id


def test_attach_list_and_extract(one_entry, tmp_path):
    vault, entry_id = one_entry
    photo, letter, voice = tmp_path / "beach.jpg", tmp_path / "letter.pdf", tmp_path / "v.wav"
    photo.write_bytes(photo_with_gps())
    letter.write_bytes(pdf_bytes("dear you"))
    voice.write_bytes(wav_bytes(1.0))
    r = cli(vault, "attach", str(entry_id), str(photo), str(letter), str(voice))
    assert r.returncode == 0, r.stderr
    lines = [ln.split("\t") for ln in r.stdout.splitlines()]
    assert [(k, n) for _, k, _, n in lines] == [
        ("image", "beach.jpg"),
        ("pdf", "letter.pdf"),
        ("audio", "v.wav"),
    ]
    r = cli(vault, "attachments", str(entry_id), "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [row["name"] for row in rows] == ["beach.jpg", "letter.pdf", "v.wav"]
    assert rows[1]["sha256"] == hashlib.sha256(pdf_bytes("dear you")).hexdigest()
    assert rows[2]["duration_ms"] == 1000 and rows[0]["width"] == 320
    assert rows[0]["metadata_kept"] is False
    out = tmp_path / "out"
    r = cli(vault, "attachments", str(entry_id), "--extract", str(out))
    assert r.returncode == 0, r.stderr
    assert "not encrypted" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["beach.jpg", "letter.pdf", "v.wav"]
    assert (out / "letter.pdf").read_bytes() == pdf_bytes("dear you")
    assert (out / "v.wav").read_bytes() == wav_bytes(1.0)
    extracted = (out / "beach.jpg").read_bytes()
    assert gps_of(io.BytesIO(photo.read_bytes())) and gps_of(io.BytesIO(extracted)) == {}
    with Image.open(io.BytesIO(extracted)) as im:
        assert im.size == (320, 240)
    # extracting again never overwrites: new names beside the old
    r = cli(vault, "attachments", str(entry_id), "--extract", str(out))
    assert r.returncode == 0, r.stderr
    assert "letter (2).pdf" in {p.name for p in out.iterdir()}
    human = cli(vault, "attachments", str(entry_id)).stdout.splitlines()
    assert human[1].split("\t")[1:3] == ["pdf", "application/pdf"]
    # --keep-metadata keeps the photo as it was
    r = cli(vault, "attach", str(entry_id), str(photo), "--keep-metadata")
    assert r.returncode == 0, r.stderr
    rows = json.loads(cli(vault, "attachments", str(entry_id), "--json").stdout)
    assert rows[-1]["metadata_kept"] is True
    assert rows[-1]["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()


def test_a_refused_file_stores_none_of_them(one_entry, tmp_path):
    vault, entry_id = one_entry
    good, bad = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good.write_bytes(pdf_bytes())
    bad.write_text("not a pdf at all\n")
    r = cli(vault, "attach", str(entry_id), str(good), str(bad))
    assert r.returncode == 2
    assert r.stderr.strip() == (
        "kintsugi: bad.pdf says it is a PDF but it is not one; nothing was stored."
    )
    assert json.loads(cli(vault, "attachments", str(entry_id), "--json").stdout) == []
    r = cli(vault, "attach", "999", str(good))
    assert r.returncode == 1 and r.stderr.strip() == "kintsugi: There is no record with id 999."
    r = cli(vault, "attach", str(entry_id), str(tmp_path / "missing.png"))
    assert r.returncode == 2 and "no such file" in r.stderr
    assert cli(vault, "check").returncode == 0

"""Ways out, read back by other tools: the Markdown folder by a YAML parser and a CommonMark
parser (as Obsidian and Joplin read it), jrnl text by jrnl 4.6 itself (``jrnl --import``),
CSV by Python's csv reader, the Day One zip by its layout and by the Day One importer."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from kintsugi.core import importing, outbound, transfer
from kintsugi.core.records import CheckIn, Entry, GroundingSession, Trigger
from kintsugi.core.repo import repository_for
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import Vault
from tests import import_seeds as seeds
from tests.helpers import FAST_KDF, PASSPHRASE, run_cli

SYDNEY = timezone(timedelta(hours=11))


@pytest.fixture
def filled(vault):
    db = vault.db
    for rec in seeds.every_kind():
        repository_for(db, rec.KIND).add(rec)
    repository_for(db, "entry").add(
        Entry(
            title="After the session",
            body="# What we said\n\nWe named it.\n\n## Next\n\n- breathe\n"
            "[2024-01-01 09:00] this line looks like a jrnl date",
            tags=["self care", "us", "2024"],
            mood=2,
            starred=True,
            private_note="only mine",
            occurred_at=datetime(2024, 1, 15, 1, 30, tzinfo=SYDNEY),
        )
    )
    repository_for(db, "entry").add(
        Entry(title="", body="No title here\nsecond line", occurred_at=datetime(2024, 1, 16, 8))
    )
    return vault


def _records(vault):
    return list(transfer.iter_records(vault.db, everything=True))


def _split_front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    head, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(head), body


def test_a_markdown_folder_obsidian_and_joplin_read(filled, tmp_path):
    records = _records(filled)
    out = tmp_path / "notes"
    digest, count = outbound.write_notes_folder(
        ((r, transfer.full_dict(r, filled.db)) for r in records), out
    )
    files = sorted(out.iterdir())
    assert count == len(records) == len(files) and all(f.suffix == ".md" for f in files)
    assert all(oct(f.stat().st_mode & 0o777) == "0o600" for f in files)
    md = MarkdownIt("commonmark")
    kinds = set()
    for f in files:
        meta, body = _split_front_matter(f.read_text(encoding="utf-8"))
        assert {"id", "kind", "date", "title", "tags"} <= set(meta), f.name
        kinds.add(meta["kind"])
        assert isinstance(meta["date"], datetime) and meta["date"].tzinfo  # a YAML timestamp
        assert all(" " not in t and not t.startswith("#") and not t.isdigit() for t in meta["tags"])
        tokens = md.parse(body)
        headings = [
            (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
        ]
        assert headings and headings[0][0] == "h1"  # the item's own heading first
        assert all(tag != "h1" for tag, _ in headings[1:])  # the person's headings below it
        if meta["title"] == "After the session" or meta.get("starred"):
            assert meta["kind"] == "entry" and meta["mood"] == 2 and meta["starred"] is True
            assert sorted(meta["tags"]) == ["_2024", "self-care", "us"]
            assert meta["date"] == datetime(2024, 1, 15, 1, 30, tzinfo=SYDNEY)
            assert headings == [
                ("h1", "After the session"),
                ("h2", "What we said"),
                ("h3", "Next"),
                ("h2", "Private note"),
            ]
            assert "only mine" in body
    assert kinds == {rec.KIND for rec in seeds.every_kind()}
    with pytest.raises(FileExistsError):
        outbound.write_notes_folder([], out)


def _jrnl(cfg: Path, *args: str) -> subprocess.CompletedProcess:
    jrnl = Path(sys.executable).with_name("jrnl")
    return subprocess.run(
        [str(jrnl), "--config-file", str(cfg), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"HOME": str(cfg.parent), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )


def test_jrnl_text_that_jrnl_itself_imports(filled, tmp_path):
    entries = [r for r in _records(filled) if isinstance(r, Entry)]
    path = tmp_path / "out.txt"
    path.write_text(outbound.jrnl_text(entries), encoding="utf-8")
    journal = tmp_path / "journal.txt"
    cfg = tmp_path / "jrnl.yaml"
    cfg.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        f"indent_character: '|'\njournals:\n  default: {journal}\nlinewrap: 79\n"
        "tagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n"
    )
    journal.write_text("")
    r = _jrnl(cfg, "--import", "--file", str(path))
    assert r.returncode == 0, r.stdout + r.stderr
    r = _jrnl(cfg, "--format", "json")
    assert r.returncode == 0, r.stderr
    theirs = json.loads(r.stdout)["entries"]
    assert len(theirs) == len(entries)
    for ours, back in zip(sorted(entries, key=lambda e: e.occurred_at), theirs, strict=True):
        local = ours.occurred_at.astimezone()
        assert (back["date"], back["time"]) == (f"{local:%Y-%m-%d}", f"{local:%H:%M}")
        assert back["starred"] == ours.starred
        assert {t[1:] for t in back["tags"]} - {"#"} == {
            outbound.jrnl_tag(t)[1:].lower() for t in ours.tags
        }
        if ours.title:
            assert back["title"] == ours.title
            assert back["body"].startswith(ours.body.strip().split("\n[")[0])
        else:
            assert (back["title"], back["body"]) == ("No title here", "second line")
    starred = next(b for b in theirs if b["starred"])
    assert "[2024-01-01 09:00] this line looks like a jrnl date" in starred["body"]
    # and the same file comes back into Kintsugi as the same entries
    with Vault.create(tmp_path / "back.kintsugi", PASSPHRASE, params=FAST_KDF) as back:
        result = importing.import_path(back.db, path)
        assert result.added == len(entries)
        assert {
            e.starred for e in (Items(back.db).get(s.id) for s in Items(back.db).timeline())
        } == {True, False}


def test_csv_for_a_therapists_spreadsheet(filled, tmp_path):
    repository_for(filled.db, "checkin").add(
        CheckIn(safety=7, trust=4, gratitude="the walk, the tea", notes='said "thank you"')
    )
    data = outbound.csv_zip((r, transfer.full_dict(r, filled.db)) for r in _records(filled))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = sorted(z.namelist())
        assert names == [
            "kintsugi-csv/checkins.csv",
            "kintsugi-csv/grounding.csv",
            "kintsugi-csv/triggers.csv",
        ]
        tables = {
            n.split("/")[1]: list(csv.DictReader(io.StringIO(z.read(n).decode("utf-8-sig"))))
            for n in names
        }
    for name, rows in tables.items():
        assert rows and list(rows[0]) == outbound.CSV_COLUMNS[name]
    (trigger,) = tables["triggers.csv"]
    want = next(r for r in _records(filled) if isinstance(r, Trigger))
    assert trigger["cue"] == "place" and trigger["distress_peak"] == "8"
    assert trigger["emotions"] == "fear 70" and trigger["acted_on"] == "no"
    assert trigger["date"] == f"{want.occurred_at:%Y-%m-%d}" and trigger["id"] == want.uid
    (session,) = tables["grounding.csv"]
    g = next(r for r in _records(filled) if isinstance(r, GroundingSession))
    assert float(session["minutes"]) == pytest.approx(g.duration_s / 60, abs=0.01)
    checkin = next(r for r in tables["checkins.csv"] if r["safety"] == "7")
    assert (checkin["gratitude"], checkin["notes"]) == ("the walk, the tea", 'said "thank you"')


def test_a_day_one_zip_in_day_ones_layout(filled, tmp_path):
    records = [r for r in _records(filled) if isinstance(r, Entry)]
    data = outbound.dayone_zip(records)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.namelist() == ["Journal.json"]
        raw = z.read("Journal.json").decode()
    assert "\\/" in raw or "/" not in raw.replace("\\/", "")  # slashes escaped as Day One does
    doc = json.loads(raw)
    assert doc["metadata"] == {"version": "1.0"}
    for e in doc["entries"]:
        assert len(e["uuid"]) == 32 and e["uuid"] == e["uuid"].upper()
        assert e["creationDate"].endswith("Z") and e["modifiedDate"].endswith("Z")
        assert e["timeZone"]
    sydney = next(e for e in doc["entries"] if e["starred"])
    assert sydney["timeZone"] == "Etc/GMT-11" and sydney["creationDate"] == "2024-01-14T14:30:00Z"
    assert sydney["text"].startswith("# After the session\n\n# What we said")
    path = tmp_path / "dayone.zip"
    path.write_bytes(data)
    with Vault.create(tmp_path / "back.kintsugi", PASSPHRASE, params=FAST_KDF) as back:
        assert importing.import_path(back.db, path).added == len(records)
        got = {e.title: e for e in (Items(back.db).get(s.id) for s in Items(back.db).timeline())}
        after = got["After the session"]
        assert after.occurred_at == datetime(2024, 1, 15, 1, 30, tzinfo=SYDNEY)
        assert after.starred and sorted(after.tags) == sorted(
            ["Journal", "self care", "us", "2024"]
        )
        assert after.body.startswith("# What we said")


def test_the_cli_writes_each_way_out(filled, vault_path, tmp_path):
    filled.lock()
    base = ("--vault", str(vault_path), "--passphrase-fd", "{fd0}")
    for fmt, name in (("notes", "notes"), ("jrnl", "j.txt"), ("csv", "t.zip"), ("dayone", "d.zip")):
        out = tmp_path / name
        r = run_cli(
            "export", "--all", "--format", fmt, "--out", str(out), *base, secrets=(PASSPHRASE,)
        )
        assert r.returncode == 0, r.stderr
        assert out.exists() and "is not encrypted" in r.stderr
    assert len(list((tmp_path / "notes").iterdir())) == len(seeds.every_kind()) + 2
    r = run_cli("share-log", *base, secrets=(PASSPHRASE,))
    assert {"notes", "jrnl", "csv", "dayone"} <= {
        line.split("\t")[1]
        for line in r.stdout.splitlines()
        if "\t" in line and not line.startswith(" ")
    }


def test_a_day_one_zip_carries_the_photos_and_comes_back_whole(vault, tmp_path):
    """Day One's own export (the kept fixture) in, Kintsugi's Day One zip out: each photo
    and recording in photos/ and audios/ named by its MD5, listed under its entry, its link
    a dayone-moment link in its place; imported into an empty vault, the same bytes come
    back in the same places."""
    from kintsugi.core.repo.attachments import AttachmentRepo

    data_dir = Path(__file__).resolve().parent.parent / "data" / "imports"
    assert importing.import_path(vault.db, data_dir / "dayone-export.zip").attached == 4
    records = [r for r in _records(vault) if isinstance(r, Entry)]
    data = outbound.dayone_zip(records, db=vault.db)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        doc = json.loads(z.read("Journal.json"))
        for name in names[1:]:
            import hashlib

            folder, file = name.split("/")
            assert folder in ("photos", "audios")
            assert file.split(".")[0] == hashlib.md5(z.read(name)).hexdigest()
    assert sorted(n.split("/")[0] for n in names[1:]) == ["audios", "photos", "photos"]
    beach = next(e for e in doc["entries"] if "Beach day" in e["text"])
    ids = [p["identifier"] for p in beach["photos"]]
    assert [ln for ln in beach["text"].splitlines() if "dayone-moment" in ln] == [
        f"![](dayone-moment://{ids[0]})",
        f"![](dayone-moment://{ids[1]})",
        f"![](dayone-moment:/audio/{beach['audios'][0]['identifier']})",
    ]
    assert "kintsugi-attachment" not in json.dumps(doc)
    path = tmp_path / "back.zip"
    path.write_bytes(data)
    with Vault.create(tmp_path / "back.kintsugi", PASSPHRASE, params=FAST_KDF) as back:
        result = importing.import_path(back.db, path)
        assert (result.added, result.attached) == (4, 4) and result.left_out == {}

        def media(v):
            store = AttachmentRepo(v.db)
            out = {}
            for s in Items(v.db).timeline():
                e = Items(v.db).get(s.id)
                out[e.title] = [(a.kind, a.sha256) for a in store.list_for(e.id)]
            return out

        assert media(back) == media(vault)


def test_the_markdown_folder_carries_attachments_as_files_beside_the_notes(vault, tmp_path):
    from urllib.parse import unquote

    from kintsugi.core.repo.attachments import AttachmentRepo

    data_dir = Path(__file__).resolve().parent.parent / "data" / "imports"
    importing.import_path(vault.db, data_dir / "dayone-export.zip")
    out = tmp_path / "notes"
    records = _records(vault)
    outbound.write_notes_folder(
        ((r, transfer.full_dict(r, vault.db)) for r in records), out, db=vault.db
    )
    store = AttachmentRepo(vault.db)
    beach = next(r for r in records if r.title == "Beach day")
    note = next(f for f in out.glob("*.md") if "Beach day" in f.name)
    _, body = _split_front_matter(note.read_text(encoding="utf-8"))
    tokens = MarkdownIt("commonmark").parse(body)
    images = [c.attrs["src"] for t in tokens if t.children for c in t.children if c.type == "image"]
    links = [
        c.attrs["href"] for t in tokens if t.children for c in t.children if c.type == "link_open"
    ]
    assert len(images) == 2 and len(links) == 1
    want = [store.read_bytes(a.id) for a in store.list_for(beach.id)]
    got = [(out / unquote(src)).read_bytes() for src in [*images, *links]]
    assert got == want
    assert "kintsugi-attachment" not in body
    assert all(oct(f.stat().st_mode & 0o777) == "0o600" for f in (out / "attachments").iterdir())

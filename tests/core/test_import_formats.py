"""Imports of files in the real apps' layouts (tests/data/imports/): jrnl 4.6's own text and
JSON in four time formats and an encrypted journal written by jrnl's own code, a Day One
export zip with two journals and media, Mini Diary 3.3 and Mini Diarium exports. Each field
that comes in is checked, and what is left out is counted."""

from __future__ import annotations

import json
import os
import shutil
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kintsugi.core import importing, jrnl_format, schema
from kintsugi.core.records import Entry
from kintsugi.core.repo.attachments import AttachmentRepo
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.search import Search, SearchFilters
from kintsugi.core.vault import Vault
from tests.helpers import PASSPHRASE, run_cli

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"
FORMATS = ["iso", "default", "dmy", "us"]


def jrnl_module(name: str):
    """One of jrnl's own modules (jrnl 4.6, a test dependency), imported with its
    DeprecationWarnings (enum classes, Python 3.13) kept quiet."""
    import importlib
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return importlib.import_module(name)


def entries(vault) -> list[Entry]:
    items = Items(vault.db)
    return sorted(
        (items.get(s.id) for s in items.timeline(limit=10_000)), key=lambda e: e.occurred_at
    )


def _jrnl_json(name: str) -> dict:
    return json.loads((DATA / f"jrnl-4.6-{name}.json").read_text())


# --- jrnl -------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_jrnl_text_in_its_own_time_format_keeps_times_tags_and_stars(vault, fmt):
    """The text jrnl 4.6 wrote with ``timeformat`` %Y-%m-%d %H:%M, %F %r (its default),
    %d.%m.%Y %H:%M and %m/%d/%Y %I:%M %p: read without its config (the format is detected),
    compared with what jrnl itself exported as JSON from the same journal."""
    result = importing.import_path(vault.db, DATA / f"jrnl-4.6-{fmt}.txt")
    assert (result.source, result.added, result.skipped) == ("jrnl", 3, 0)
    got = entries(vault)
    want = _jrnl_json(fmt)["entries"]
    assert len(got) == len(want) == 3
    for e, w in zip(got, want, strict=True):
        assert e.occurred_at.strftime("%Y-%m-%d %H:%M") == f"{w['date']} {w['time']}"
        assert (e.title, e.body, e.starred) == (w["title"], w["body"], w["starred"])
        assert sorted(e.tags) == sorted(t[1:] for t in w["tags"])  # jrnl's tags, no symbol
    assert got[0].tags and "self-care" in got[0].tags and "überleben" in got[0].tags
    assert got[1].starred and got[1].title == "Evening walk"  # the " *" is gone
    assert "[not a date] stays in the body." in got[2].body
    assert "trust-building" in got[2].tags


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_same_journal_as_text_then_json_adds_nothing(vault, fmt):
    importing.import_path(vault.db, DATA / f"jrnl-4.6-{fmt}.txt")
    again = importing.import_path(vault.db, DATA / f"jrnl-4.6-{fmt}.json")
    assert (again.added, again.skipped) == (0, 3)
    assert again.summary() == "0 new, 3 already here"
    assert len(entries(vault)) == 3


def test_json_first_then_text_keeps_the_star(vault):
    importing.import_path(vault.db, DATA / "jrnl-4.6-iso.json")
    assert [e.starred for e in entries(vault)] == [False, True, False]
    assert importing.import_path(vault.db, DATA / "jrnl-4.6-iso.txt").added == 0


@pytest.fixture
def zone():
    """Run a block under another local time zone (TZ + tzset), then restore it."""
    old = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_the_same_journal_under_another_time_zone_adds_nothing(vault, zone):
    zone("Europe/Berlin")
    assert importing.import_path(vault.db, DATA / "jrnl-4.6-dmy.txt").added == 3
    zone("America/New_York")
    again = importing.import_path(vault.db, DATA / "jrnl-4.6-dmy.json")
    assert (again.added, again.skipped) == (0, 3)
    assert importing.import_path(vault.db, DATA / "jrnl-4.6-dmy.txt").added == 0


def test_an_entry_imported_by_an_older_kintsugi_is_not_imported_again(vault):
    """Before 0.2 a jrnl entry's uid included the local offset; those still count."""
    when = datetime(2024, 3, 1, 10, 5).astimezone()
    title, body = "Rough morning.", "Talked with Sam about @self-care and #Überleben."
    old_uid = importing._stable_uid("jrnl", when.isoformat(), title, body)
    EntryRepository(vault.db).add(
        Entry(uid=old_uid, occurred_at=when, title=title + " ", body=body + "\n")
    )
    result = importing.import_path(vault.db, DATA / "jrnl-4.6-iso.txt")
    assert (result.added, result.skipped) == (2, 1)


def test_dedup_is_on_the_instant_and_content_whatever_the_route(vault):
    """An entry already here at the same instant with the same title and text is the same
    entry, even when another app's file carries it (here: Mini Diarium and jrnl JSON)."""
    noon = datetime(2024, 2, 11, 12, 0).astimezone()
    EntryRepository(vault.db).add(Entry(occurred_at=noon, title="", body="Only a body."))
    result = importing.import_path(vault.db, DATA / "minidiarium-0.4.json")
    assert (result.added, result.skipped) == (1, 1)
    doc = {
        "entries": [{"date": "2024-02-11", "time": "12:00", "title": "", "body": "Only a body."}]
    }
    again = importing.import_file(vault.db, json.dumps(doc).encode())
    assert (again.added, again.skipped) == (0, 1)
    other = {"entries": [{"date": "2024-02-11", "time": "12:00", "title": "", "body": "Other."}]}
    assert importing.import_file(vault.db, json.dumps(other).encode()).added == 1


def test_a_config_file_says_which_format_when_dates_could_be_either(vault, tmp_path):
    """01/02/2024 reads as 2 January (the US order, tried first) unless the journal's config
    says %d/%m/%Y; read_config takes it from jrnl's YAML (the journal's own setting wins)."""
    text = "[01/02/2024 09:15] Day one. Body\n\n[03/02/2024 21:00] Day three.\n"
    config = tmp_path / "jrnl.yaml"
    config.write_text(
        "timeformat: '%Y-%m-%d %H:%M'\ntagsymbols: '@'\n"
        "journals:\n  default:\n    journal: x.txt\n    timeformat: '%d/%m/%Y %H:%M'\n"
    )
    fmt, symbols = jrnl_format.read_config(config)
    assert (fmt, symbols) == ("%d/%m/%Y %H:%M", "@")
    importing.import_file(
        vault.db,
        text.encode(),
        options=importing.ImportOptions(time_format=fmt, tag_symbols=symbols),
    )
    assert [e.occurred_at.strftime("%d %B") for e in entries(vault)] == [
        "01 February",
        "03 February",
    ]
    other = Vault.create(tmp_path / "o.kintsugi", PASSPHRASE, params=vault_params())
    with other:
        importing.import_file(other.db, text.encode())
        assert [e.occurred_at.strftime("%d %B") for e in entries(other)] == [
            "02 January",
            "02 March",
        ]


def vault_params():
    from tests.helpers import FAST_KDF

    return FAST_KDF


def test_a_date_wrong_in_the_journals_own_format_is_refused_by_line(vault):
    data = b"[01.03.2024 10:05] fine\n\n[31.02.2024 10:00] no such day\n"
    with pytest.raises(importing.ImportRefused) as caught:
        importing.import_file(vault.db, data, name="j.txt")
    assert str(caught.value).startswith("j.txt: line 3: the date '31.02.2024 10:00' is not")
    assert entries(vault) == []


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["@", "#", " ", "-", "_", "/", "+", "*", ".", ",", "x@", "\n"]),
            st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=6),
        ),
        max_size=20,
    ).map("".join)
)
def test_tags_are_what_jrnl_itself_reads(text):
    JrnlEntry = jrnl_module("jrnl.journals.Entry").Entry  # noqa: N806

    theirs = {t.lower()[1:] for t in JrnlEntry.tag_regex("#@").findall(text)}
    wordy = {t for t in theirs if any(c.isalnum() or c == "_" for c in t)}  # not "##"
    assert set(jrnl_format.tags_in(text)) == wordy


# --- encrypted jrnl -----------------------------------------------------------------------------
def test_an_encrypted_jrnl_journal_opens_with_its_password(vault):
    """jrnl-4.6-encrypted.txt was written by jrnl 4.6's own Jrnlv3Encryption (a random salt
    in a JRNLv3 header) with the password 'correct horse'."""
    path = DATA / "jrnl-4.6-encrypted.txt"
    assert path.read_bytes().startswith(b"JRNLv3")
    with pytest.raises(importing.PasswordNeeded) as caught:
        importing.import_path(vault.db, path)
    assert "encrypted jrnl journal" in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(importing.PasswordNeeded) as caught:
        importing.import_path(
            vault.db, path, options=importing.ImportOptions(jrnl_password="wrong")
        )
    assert caught.value.wrong and "does not open" in str(caught.value)
    assert entries(vault) == []
    result = importing.import_path(
        vault.db, path, options=importing.ImportOptions(jrnl_password="correct horse")
    )
    assert result.added == 3 and entries(vault)[1].starred
    plain = importing.import_path(vault.db, DATA / "jrnl-4.6-iso.txt")
    assert plain.added == 0  # the same journal, decrypted, is the same entries


def test_jrnl_2_fixed_salt_journals_open_too_and_jrnl_reads_ours(vault):
    """jrnl 2–4.5's format (Fernet, fixed salt): what encrypt_v2 writes is what jrnl's own
    Jrnlv2Encryption decrypts, and the importer opens it."""
    Jrnlv2Encryption = jrnl_module("jrnl.encryption.Jrnlv2Encryption").Jrnlv2Encryption  # noqa: N806

    plain = (DATA / "jrnl-4.6-us.txt").read_bytes()
    token = jrnl_format.encrypt_v2(plain, "pässword")
    theirs = Jrnlv2Encryption("default", {"encrypt": True})
    theirs.password = "pässword"
    assert theirs._decrypt(token) == plain.decode()
    result = importing.import_file(
        vault.db, token, options=importing.ImportOptions(jrnl_password="pässword")
    )
    assert result.added == 3


def test_the_cli_reads_the_jrnl_password_from_a_descriptor(vault, vault_path):
    vault.lock()
    path = str(DATA / "jrnl-4.6-encrypted.txt")
    base = ("import", path, "--vault", str(vault_path), "--passphrase-fd", "{fd0}")
    r = run_cli(*base, secrets=(PASSPHRASE,))
    assert r.returncode == 2 and "encrypted jrnl journal" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    r = run_cli(*base, "--jrnl-password-fd", "{fd1}", secrets=(PASSPHRASE, "wrong one"))
    assert r.returncode == 2 and "does not open" in r.stderr
    r = run_cli(*base, "--jrnl-password-fd", "{fd1}", secrets=(PASSPHRASE, "correct horse"))
    assert r.returncode == 0, r.stderr
    assert "Imported 3 item(s) (jrnl): 3 new, 0 already here." in r.stdout
    r = run_cli(
        "import",
        str(DATA / "jrnl-4.6-dmy.txt"),
        "--jrnl-config",
        str(DATA / "jrnl-4.6-dmy.yaml"),
        "--vault",
        str(vault_path),
        "--passphrase-fd",
        "{fd0}",
        secrets=(PASSPHRASE,),
    )
    assert r.returncode == 0 and "0 new, 3 already here" in r.stdout, r.stdout + r.stderr


# --- starred ---------------------------------------------------------------------------------
def test_starred_entries_are_shown_and_searchable(vault):
    importing.import_path(vault.db, DATA / "jrnl-4.6-iso.txt")
    rows = {s.title: s for s in Items(vault.db).timeline()}
    assert "★ Evening walk" in rows and "Therapy notes" in rows
    search = Search(vault.db)
    assert [h.title for h in search.search("therapy")] == ["Therapy notes"]
    starred = search.search("walk", SearchFilters(starred=True))
    assert [h.title for h in starred] == ["★ Evening walk"]
    assert search.search("therapy", SearchFilters(starred=True)) == []
    entry = EntryRepository(vault.db).get(rows["★ Evening walk"].id)
    entry.starred = False
    EntryRepository(vault.db).update(entry)
    assert search.search("walk", SearchFilters(starred=True)) == []


def test_the_starred_migration_from_v1_and_from_the_previous_version(tmp_path):
    """tests/data/vault-v1.kintsugi (schema 1) and a vault stopped at the version before
    starred entries both upgrade: entries read as not starred, and can be starred."""
    data = Path(__file__).resolve().parent.parent / "data"
    path = tmp_path / "v1.kintsugi"
    shutil.copy(data / "vault-v1.kintsugi", path)
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        es = [e for e in entries(v) if isinstance(e, Entry)]
        assert es and not any(e.starred for e in es)
        es[0].starred = True
        EntryRepository(v.db).update(es[0])
        assert EntryRepository(v.db).get(es[0].id).starred
    star = schema.MIGRATIONS.index(schema._v8_to_v9)
    prev = tmp_path / "prev.kintsugi"
    shutil.copy(data / "vault-v1.kintsugi", prev)
    with Vault.open(prev, "old vault passphrase", migrations=schema.MIGRATIONS[:star]) as v:
        assert schema.user_version(v.db) == star  # the version before starred entries
        with v.db.read() as conn:
            cols = [r[1] for r in conn.execute("PRAGMA table_info(entry)")]
        assert "starred" not in cols
    with Vault.open(prev, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        EntryRepository(v.db).add(Entry(title="t", starred=True))
        assert [e.title for e in entries(v) if isinstance(e, Entry) and e.starred] == ["t"]
        assert v.check() == []


# --- Mini Diary, Mini Diarium ------------------------------------------------------------
def test_mini_diary_3_entries_by_day(vault):
    result = importing.import_path(vault.db, DATA / "minidiary-3.3.json")
    assert result.source == "minidiary"
    assert (
        result.summary()
        == "2 new, 0 already here; not brought in: 1 empty entry (no title, no text)"
    )
    first, second = entries(vault)
    assert first.occurred_at.date().isoformat() == "2024-01-01" and first.title == "New year"
    assert "- we **talked**" in first.body and "_therapy_" in first.body
    assert (second.title, second.body) == ("", "No title today, only this.")
    assert importing.import_path(vault.db, DATA / "minidiary-3.3.json").added == 0


def test_mini_diarium_html_becomes_markdown_with_tags(vault):
    result = importing.import_path(vault.db, DATA / "minidiarium-0.4.json")
    assert (result.source, result.added) == ("minidiarium", 2)
    session, only = entries(vault)
    assert session.title == "Session 4" and sorted(session.tags) == ["self-care", "therapy"]
    assert session.body == (
        "## What we said\n\nWe named the **pattern** and the _need_ under it.\n\n"
        "- listen\n- breathe\n\nSee [the worksheet](https://example.org/worksheet) & notes."
    )
    assert (only.title, only.body) == ("", "Only a body.")


def test_a_file_of_empty_entries_is_refused_in_one_line(vault):
    EntryRepository(vault.db).add(Entry(title="mine"))
    with pytest.raises(importing.ImportRefused) as caught:
        importing.import_path(vault.db, DATA / "minidiarium-empty.json")
    message = str(caught.value)
    assert message == (
        "minidiarium-empty.json: none of its 2 entries has a title or any text; "
        "nothing was imported."
    )
    assert [e.title for e in entries(vault)] == ["mine"]


# --- Day One -----------------------------------------------------------------------------------
def test_a_day_one_export_zip_with_two_journals(vault):
    """tests/data/imports/dayone-export.zip (make_dayone_export.py): 'Sydney Diary' (three
    entries, Australia/Sydney) and 'Work & Therapy' (Europe/Berlin), photos and audio."""
    result = importing.import_path(vault.db, DATA / "dayone-export.zip")
    assert (result.source, result.added, result.skipped) == ("dayone", 4, 0)
    back, beach, photo_only, therapy = entries(vault)
    # local times from each entry's timeZone: 14:30 UTC on the 14th is 01:30 on the 15th
    assert back.occurred_at.isoformat() == "2024-01-15T01:30:00+11:00"
    assert back.occurred_at.astimezone(UTC) == datetime(2024, 1, 14, 14, 30, tzinfo=UTC)
    assert beach.occurred_at.strftime("%Y-%m-%d %H:%M") == "2024-01-21 10:45"
    assert therapy.occurred_at.isoformat() == "2024-02-01T09:00:00+01:00"
    # escapes removed, the first line as the title, the star, the journal as a tag
    assert back.title == "First night back. It was hard!" and back.starred
    assert back.body.startswith("We sat on the balcony - no phones. 1. listen 2. breathe")
    assert sorted(back.tags) == ["Sydney Diary", "repair", "us"]
    assert "Location: Bondi Beach, Sydney, NSW, Australia (-33.89100, 151.27670)" in back.body
    assert "Weather: Partly Cloudy, 21 °C, humidity 62 %, wind 12 km/h" in back.body
    assert back.created_at == datetime(2024, 1, 14, 14, 30, tzinfo=UTC)
    assert back.updated_at.astimezone(UTC) == datetime(2024, 1, 15, 9, 12, 44, tzinfo=UTC)
    assert therapy.title == "Therapy #4" and sorted(therapy.tags) == ["Work & Therapy", "therapy"]
    assert therapy.body == "We named the \\*pattern\\*. Next: the letter."
    # never a media link as the title, and no dead dayone-moment link anywhere
    assert beach.title == "Beach day" and photo_only.title == "Photo"
    for e in (back, beach, photo_only, therapy):
        assert "dayone-moment" not in e.body + e.title
    assert "\\." not in "".join(e.title + e.body for e in (back, beach, photo_only))
    # photos and audio as attachments, each link in its place
    store = AttachmentRepo(vault.db)
    beach_files = store.list_for(beach.id)
    assert [(a.kind, a.mime) for a in beach_files] == [
        ("image", "image/jpeg"),
        ("image", "image/jpeg"),
        ("audio", "audio/mp4"),
    ]
    lines = [ln for ln in beach.body.splitlines() if ln.strip()]
    assert lines == [
        f"![{beach_files[0].name}](kintsugi-attachment:{beach_files[0].uid})",
        "Sun, salt, and a long talk.",
        f"![{beach_files[1].name}](kintsugi-attachment:{beach_files[1].uid})",
        f"[{beach_files[2].name}](kintsugi-attachment:{beach_files[2].uid})",
    ]
    with zipfile.ZipFile(DATA / "dayone-export.zip") as z:
        audio = next(n for n in z.namelist() if n.startswith("audios/"))
        assert store.read_bytes(beach_files[2].id) == z.read(audio)
    (only,) = store.list_for(photo_only.id)
    assert photo_only.body == f"![{only.name}](kintsugi-attachment:{only.uid})"
    assert only.sha256 == beach_files[0].sha256  # the same photo twice is one blob
    assert beach.updated_at.astimezone(UTC) == datetime(2024, 1, 20, 23, 50, tzinfo=UTC)
    assert result.attached == 4
    assert result.left_out == {"videos listed but missing from the zip": 1}
    assert result.summary() == (
        "4 new, 0 already here, 4 attachments; not brought in: 1 video listed but missing "
        "from the zip"
    )
    again = importing.import_path(vault.db, DATA / "dayone-export.zip")
    assert (again.added, again.skipped, again.attached) == (0, 4, 0)
    assert len(store.list_for(beach.id)) == 3


def test_a_day_one_journal_json_alone_says_where_its_photos_are(vault):
    result = importing.import_path(vault.db, DATA / "dayone-journal.json")
    assert result.source == "dayone" and result.added == 3
    assert (
        result.left_out["photos (a Day One JSON file carries none: import the export's .zip)"] == 3
    )


def test_a_zip_that_is_not_a_day_one_export_is_refused(vault, tmp_path):

    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(importing.ImportRefused) as caught:
        importing.import_path(vault.db, path)
    assert (
        str(caught.value)
        == "other.zip: this zip holds no Day One journal (.json); nothing was imported."
    )
    broken = tmp_path / "broken.zip"
    broken.write_bytes((DATA / "dayone-export.zip").read_bytes()[:300])
    with pytest.raises(importing.ImportRefused) as caught:
        importing.import_path(vault.db, broken)
    assert "broken.zip: it is a damaged zip" in str(caught.value)
    assert entries(vault) == []


def test_day_one_media_the_store_refuses_are_counted_and_noted(vault, tmp_path):
    """A 'photo' that is not a picture: the entry comes in, the photo does not, the summary
    says why, and the search index and the vault's check agree with what is kept."""
    doc = {
        "metadata": {"version": "1.0"},
        "entries": [
            {
                "uuid": "A" * 32,
                "creationDate": "2024-03-01T10:00:00Z",
                "timeZone": "Europe/Paris",
                "text": "Salt and sun\n\n![](dayone-moment://BAD1)",
                "photos": [{"identifier": "BAD1", "md5": "f" * 32, "type": "jpeg"}],
            }
        ],
    }
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("Journal.json", json.dumps(doc).replace("/", "\\/"))
        z.writestr(f"photos/{'f' * 32}.jpeg", b"not a picture at all")
    result = importing.import_path(vault.db, path)
    assert result.added == 1 and result.attached == 0
    (why,) = result.left_out
    assert why.startswith("photo the attachment store refused (") or why.startswith(
        "photos the attachment store refused ("
    )
    (entry,) = entries(vault)
    assert entry.title == "Salt and sun"
    assert entry.body == "*(photo from Day One, not brought in)*"
    assert [h.id for h in Search(vault.db).search("photo")] == [entry.id]
    assert vault.check() == []

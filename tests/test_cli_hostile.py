"""The CLI against hostile text (issue 11): nothing steers the terminal, nothing is read.

Run as a user would (`python -m kintsugi` in a child process): titles and sender names
carrying terminal controls, an entry naming `file:///dev/zero`, a bundle whose sender name is
markup; and the one passphrase rule.
"""

import json
import shutil
import subprocess

import pytest

from kintsugi.core import passphrases, transfer
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.sharing import Sharing
from kintsugi.core.vault import Vault
from tests.helpers import FAST_KDF, PASSPHRASE, run_cli
from tests.hostile import NAME, OpenWatch, canaries

# OSC 52 (set the clipboard), BEL, a CSI as one C1 byte, DEL, a carriage return, a bidi
# override and an isolate, a NUL, and a newline and tab that would break a one-line row.
EVIL = "a\x1b]52;c;SGVsbG8=\x07b\x9b31m\x7f\r\u202eevil\u2066\x00\nsecond\tline"
RAW = ["\x1b", "\x07", "\x9b", "\x7f", "\r", "\u202e", "\u2066", "\x00"]


@pytest.fixture
def evil(vault, vault_path):
    repo = EntryRepository(vault.db)
    entry = repo.add(Entry(title=EVIL, body=f"findme {EVIL}", tags=[EVIL]))
    vault.lock()
    return str(vault_path), entry.id


def cli(vault, *args, secrets=(PASSPHRASE,)):
    return run_cli(*args, "--vault", vault, "--passphrase-fd", "{fd0}", secrets=secrets)


def assert_no_raw_controls(text: str) -> None:
    for c in RAW:
        assert c not in text, repr(c)


def test_human_output_escapes_every_control_and_json_stays_exact(evil):
    vault, entry_id = evil
    for args in (("list",), ("search", "findme"), ("show", str(entry_id))):
        human = cli(vault, *args)
        assert human.returncode == 0, human.stderr
        assert_no_raw_controls(human.stdout)
        assert "\\x1b]52;c;SGVsbG8=\\x07" in human.stdout and "\\u202e" in human.stdout
        if args[0] != "show":  # one line per item: the title's newline and tab are escaped
            row = [line for line in human.stdout.splitlines() if "evil" in line]
            assert len(row) == 1 and "\\nsecond\\tline" in row[0]
        raw = cli(vault, *args, "--json")
        assert raw.returncode == 0, raw.stderr
        assert_no_raw_controls(raw.stdout)
        data = json.loads(raw.stdout)
        first = data if isinstance(data, dict) else data[0]
        assert first["title"] == EVIL  # exact: the stored text, character for character
    shown = json.loads(cli(vault, "show", str(entry_id), "--json").stdout)
    assert shown["body"] == f"findme {EVIL}"


def test_a_pdf_export_naming_dev_zero_and_our_files_reads_nothing(vault, vault_path, tmp_path):
    c = canaries(tmp_path / "bait")
    body = (
        f"![x](file:///dev/zero) ![pw](file:///etc/passwd) ![net](http://127.0.0.1:9/x) "
        f'![mine]({c["png"].as_uri()}) <img src="{c["png"].as_uri()}">\n\nthe end'
    )
    EntryRepository(vault.db).add(Entry(title=NAME, body=body, shared=True))
    vault.lock()
    out = tmp_path / "report.pdf"
    with OpenWatch(c.values()) as watch:
        r = cli(str(vault_path), "export", "--shared", "--format", "pdf", "--out", str(out))
        assert r.returncode == 0, r.stderr  # today: std::bad_alloc after reading 4 GB
        assert watch.seen() == []  # the child process never opened our PNG
    if shutil.which("pdfimages"):
        listing = subprocess.run(
            ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert listing == []  # nothing embedded: no PNG of ours, no placeholder image
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "[image not shown: x]" in text and "the end" in text and "root:" not in text


def test_importing_a_bundle_from_a_sender_named_like_markup(vault, vault_path, tmp_path):
    with Vault.create(tmp_path / "partner.kintsugi", "their pass", params=FAST_KDF) as partner:
        Sharing(partner.db).set_display_name(NAME + "\x1b[2J")
        EntryRepository(partner.db).add(
            Entry(title=NAME, body="![x](file:///dev/zero)", shared=True)
        )
        data = transfer.export_bytes(
            partner.db,
            transfer.select(partner.db, shared=True),
            "age",
            exporter=NAME + "\x1b[2J",
            bundle_passphrase="between the two of us",
        )
    vault.lock()
    bundle = tmp_path / "bundle.age"
    bundle.write_bytes(data)
    r = run_cli(
        "import",
        "--vault",
        str(vault_path),
        "--passphrase-fd",
        "{fd0}",
        str(bundle),
        "--bundle-passphrase-fd",
        "{fd1}",
        secrets=(PASSPHRASE, "between the two of us"),
    )
    assert r.returncode == 0, r.stderr
    assert "Imported 1 item(s)" in r.stdout and NAME + "\\x1b[2J" in r.stdout
    assert_no_raw_controls(r.stdout + r.stderr)


@pytest.mark.parametrize("short", ["", "x", "seven77"])
def test_one_minimum_passphrase_for_init_passwd_and_bundles(tmp_path, vault, vault_path, short):
    assert passphrases.MIN_LENGTH == 8 and len(short) < passphrases.MIN_LENGTH
    new = str(tmp_path / "new.kintsugi")
    r = run_cli("init", "--vault", new, "--new-passphrase-fd", "{fd0}", secrets=(short,))
    assert r.returncode == 1 and "at least 8 characters" in r.stderr, r.stderr
    assert not (tmp_path / "new.kintsugi").exists()
    vault.lock()
    r = run_cli(
        "passwd",
        "--vault",
        str(vault_path),
        "--passphrase-fd",
        "{fd0}",
        "--new-passphrase-fd",
        "{fd1}",
        secrets=(PASSPHRASE, short),
    )
    assert r.returncode == 1 and "at least 8 characters" in r.stderr, r.stderr
    assert cli(str(vault_path), "list").returncode == 0  # the old passphrase still opens it
    r = run_cli(
        "export",
        "--vault",
        str(vault_path),
        "--passphrase-fd",
        "{fd0}",
        "--all",
        "--format",
        "age",
        "--out",
        str(tmp_path / "b.age"),
        "--bundle-passphrase-fd",
        "{fd1}",
        secrets=(PASSPHRASE, short),
    )
    assert r.returncode == 1 and "at least 8 characters" in r.stderr, r.stderr
    assert not (tmp_path / "b.age").exists()


def test_eight_characters_are_enough_for_the_cli(tmp_path):
    new = str(tmp_path / "new.kintsugi")
    r = run_cli("init", "--vault", new, "--new-passphrase-fd", "{fd0}", secrets=("8 chars!",))
    assert r.returncode == 0, r.stderr


def test_the_app_keeps_the_same_rule():
    from kintsugi.ui.unlock.passphrase import MIN_LENGTH, too_short

    assert MIN_LENGTH == passphrases.MIN_LENGTH
    assert too_short("seven77") and too_short("") and not too_short("8 chars!")

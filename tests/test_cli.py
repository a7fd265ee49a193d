"""The CLI contract, run as a user would: ``python -m kintsugi`` in a child process."""

import json
import os
import sqlite3
from pathlib import Path

import pytest

from kintsugi.core.records import Entry, Trigger
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.triggers import TriggerRepository
from kintsugi.core.vault import Vault
from tests.helpers import FAST_KDF, PASSPHRASE, run_cli


@pytest.fixture
def filled(vault, vault_path):
    repo = EntryRepository(vault.db)
    repo.add(Entry(title="Walk", body="A long walk by the river", tags=["calm"]))
    TriggerRepository(vault.db).add(Trigger(cue="place", suds_peak=6, situation="The old cafe"))
    vault.lock()
    return str(vault_path)


def cli(vault, *args, stdin="", secrets=(PASSPHRASE,)):
    return run_cli(
        *args, "--vault", vault, "--passphrase-fd", "{fd0}", stdin=stdin, secrets=secrets
    )


def test_init_write_list_show_search(tmp_path):
    vault = str(tmp_path / "v" / "j.kintsugi")
    r = run_cli(
        "init",
        "--vault",
        vault,
        "--new-passphrase-fd",
        "{fd0}",
        "--recovery-key",
        secrets=("a long and quiet passphrase",),
    )
    assert r.returncode == 0, r.stderr
    recovery = r.stdout.strip()
    assert len(recovery.replace("-", "")) == 56
    secrets = ("a long and quiet passphrase",)
    r = cli(
        vault,
        "write",
        "--title",
        "Today",
        "--tag",
        "hope",
        "--tag",
        "therapy",
        "--mood",
        "2",
        "--date",
        "2026-11-20T21:15",
        "--share",
        stdin="We *talked* at last.\n",
        secrets=secrets,
    )
    assert r.returncode == 0, r.stderr
    entry_id = int(r.stdout)
    r = cli(vault, "list", "--json", secrets=secrets)
    items = json.loads(r.stdout)
    assert [i["id"] for i in items] == [entry_id] and items[0]["shared"] is True
    assert items[0]["occurred_at"].startswith("2026-11-20T21:15")
    r = cli(vault, "show", str(entry_id), "--json", secrets=secrets)
    shown = json.loads(r.stdout)
    assert shown["body"] == "We *talked* at last.\n" and shown["mood"] == 2
    assert shown["tags"] == ["hope", "therapy"] and shown["kind"] == "entry"
    r = cli(vault, "search", "talk*", "--json", secrets=secrets)
    assert [h["id"] for h in json.loads(r.stdout)] == [entry_id]
    r = cli(vault, "show", str(entry_id), secrets=secrets)
    assert "We *talked* at last." in r.stdout and "title: Today" in r.stdout


def test_list_and_search_text_output(filled):
    r = cli(filled, "list", "--kind", "entry")
    assert r.returncode == 0 and "Walk" in r.stdout and "cafe" not in r.stdout
    r = cli(filled, "search", "river")
    assert "Walk" in r.stdout
    r = cli(filled, "list", "--limit", "1", "--json")
    assert len(json.loads(r.stdout)) == 1


def test_vault_from_the_environment(filled):
    env = {**os.environ, "KINTSUGI_VAULT": filled}
    r = run_cli("list", "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,), env=env)
    assert r.returncode == 0 and "Walk" in r.stdout


def test_check_passwd_backup(filled, tmp_path):
    assert cli(filled, "check").returncode == 0
    out = tmp_path / "b.kintsugi"
    r = cli(filled, "backup", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert cli(filled, "backup", "--out", str(out)).returncode == 4  # no silent overwrite
    r = run_cli(
        "passwd",
        "--vault",
        filled,
        "--passphrase-fd",
        "{fd0}",
        "--new-passphrase-fd",
        "{fd1}",
        "--recovery-key",
        secrets=(PASSPHRASE, "the second passphrase"),
    )
    assert r.returncode == 0, r.stderr
    recovery = r.stdout.strip()
    assert cli(filled, "list").returncode == 2  # the old passphrase no longer works
    assert cli(filled, "list", secrets=("the second passphrase",)).returncode == 0
    assert cli(str(out), "list").returncode == 0  # the backup keeps its passphrase
    r = run_cli(
        "passwd",
        "--vault",
        filled,
        "--use-recovery-key",
        "--passphrase-fd",
        "{fd0}",
        "--new-passphrase-fd",
        "{fd1}",
        secrets=(recovery, "third passphrase here"),
    )
    assert r.returncode == 0, r.stderr
    assert cli(filled, "list", secrets=("third passphrase here",)).returncode == 0


def test_exit_codes_and_messages(filled, tmp_path):
    def expect(result, code, words):
        assert result.returncode == code, result.stderr
        assert words in result.stderr and "Traceback" not in result.stderr

    expect(cli(filled, "list", secrets=("wrong",)), 2, "passphrase does not open")
    expect(cli(str(tmp_path / "missing"), "list"), 4, "no journal file")
    plain = tmp_path / "plain.db"
    conn = sqlite3.connect(plain)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    expect(cli(str(plain), "list"), 2, "unencrypted SQLite")
    junk = tmp_path / "junk"
    junk.write_bytes(os.urandom(5000))
    expect(cli(str(junk), "list"), 2, "not a Kintsugi journal file")
    expect(cli(filled, "show", "999"), 1, "no record")
    expect(run_cli("list", "--bogus"), 1, "unrecognized")
    expect(
        run_cli("init", "--vault", filled, "--new-passphrase-fd", "{fd0}", secrets=("x",)),
        4,
        "already exists",
    )
    expect(run_cli("list", "--vault", filled), 1, "--passphrase-fd")  # no terminal here


def test_in_use_and_corrupted(filled):
    with Vault.open(filled, PASSPHRASE):
        r = cli(filled, "list")
        assert r.returncode == 4 and "open in another" in r.stderr
    with Vault.open(filled, PASSPHRASE) as v:
        for i in range(80):
            EntryRepository(v.db).add(Entry(body="padding " * 200 + str(i)))
    path = Path(filled)
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 4, len(data) - 4096, 4096 * 3):
        data[offset + 100] ^= 0xFF
    path.write_bytes(bytes(data))
    r = cli(filled, "check")
    assert r.returncode == 3 and "damaged" in r.stderr and "Traceback" not in r.stderr


def test_export_and_import_through_the_cli(filled, tmp_path):
    from kintsugi.core import share
    from kintsugi.core.repo.sharing import Sharing

    with Vault.open(filled, PASSPHRASE) as v:
        EntryRepository(v.db).add(
            Entry(title="Shared one", body="for you", shared=True, private_note="NOT-FOR-EXPORT")
        )
    bundle = tmp_path / "for-partner.age"
    r = run_cli(
        "export",
        "--vault",
        filled,
        "--passphrase-fd",
        "{fd0}",
        "--shared",
        "--format",
        "age",
        "--out",
        str(bundle),
        "--bundle-passphrase-fd",
        "{fd1}",
        secrets=(PASSPHRASE, "between us"),
    )
    assert r.returncode == 0, r.stderr
    content = share.open_bundle(bundle.read_bytes(), passphrase="between us")
    assert [i["title"] for i in content.items] == ["Shared one"]
    report = tmp_path / "report.pdf"
    r = cli(filled, "export", "--all", "--format", "pdf", "--out", str(report))
    assert r.returncode == 0, r.stderr
    assert report.read_bytes().startswith(b"%PDF") and "not encrypted" in r.stderr
    dump = tmp_path / "all.json"
    assert cli(filled, "export", "--all", "--format", "json", "--out", str(dump)).returncode == 0
    assert b"NOT-FOR-EXPORT" in dump.read_bytes()  # the full export is lossless
    assert (
        cli(
            filled, "export", "--shared", "--format", "age", "--out", str(tmp_path / "x.age")
        ).returncode
        == 1
    )  # no recipient, no passphrase
    other = tmp_path / "other.kintsugi"
    Vault.create(other, PASSPHRASE, params=FAST_KDF).lock()
    r = cli(str(other), "import", str(dump))
    assert r.returncode == 0 and "Imported 3 item(s)" in r.stdout, r.stdout + r.stderr
    r = run_cli(
        "import",
        "--vault",
        str(other),
        "--passphrase-fd",
        "{fd0}",
        str(bundle),
        "--bundle-passphrase-fd",
        "{fd1}",
        secrets=(PASSPHRASE, "between us"),
    )
    assert r.returncode == 0 and "Imported 1 item(s)" in r.stdout, r.stderr
    r = run_cli(
        "import",
        "--vault",
        str(other),
        "--passphrase-fd",
        "{fd0}",
        str(bundle),
        "--bundle-passphrase-fd",
        "{fd1}",
        secrets=(PASSPHRASE, "wrong"),
    )
    assert r.returncode == 2 and "someone else" in r.stderr
    junk = tmp_path / "junk.txt"
    junk.write_text("hello")
    r = cli(str(other), "import", str(junk))
    assert r.returncode == 2 and "recognise" in r.stderr and "Traceback" not in r.stderr
    with Vault.open(filled, PASSPHRASE) as v:
        assert [e.format for e in Sharing(v.db).history()] == ["json", "pdf", "age"]


def test_restore_through_the_cli(filled, tmp_path):
    from kintsugi.core import backups

    r = cli(filled, "write", "--title", "kept in the backup", stdin="body")
    assert r.returncode == 0
    folder = Path(filled).parent / "journal-backups"
    daily = backups.list_backups(folder)
    assert len(daily) == 1 and daily[0].reason == "daily"  # writing made today's backup
    assert cli(filled, "write", "--title", "after the backup", stdin="x").returncode == 0
    r = cli(filled, "restore", str(daily[0].path))
    assert r.returncode == 0, r.stderr
    titles = json.loads(cli(filled, "list", "--json").stdout)
    assert "after the backup" not in {t["title"] for t in titles}
    assert "kept in the backup" in {t["title"] for t in titles}
    r = cli(filled, "restore", str(daily[0].path), secrets=("wrong",))
    assert r.returncode == 2 and "does not open this backup" in r.stderr


def test_no_display_gets_a_clear_line_not_a_crash(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    r = run_cli("--vault", str(tmp_path / "v.kintsugi"), env=env)
    assert r.returncode == 1 and "no graphical display" in r.stderr
    assert "Traceback" not in r.stderr and not (tmp_path / "v.kintsugi").exists()

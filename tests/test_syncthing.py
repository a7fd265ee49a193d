"""Two real Syncthing instances on 127.0.0.1 (tests/sync_harness.py): the harness itself,
with plain files — they connect, stay on the loopback, carry files both ways, and a change
made on both sides while apart becomes Syncthing's own conflict copy. Bounded in time; the
instances are stopped and their homes removed whatever happens."""

from __future__ import annotations

import json
import re
import tempfile
import time
from pathlib import Path

import pytest

from tests import sync_harness
from tests.helpers import FAST_KDF, run_cli
from tests.sync_harness import SyncthingPair

PASSPHRASE_CLI = "quiet river stone lantern"

pytestmark = pytest.mark.skipif(
    sync_harness.SYNCTHING is None, reason="syncthing is not installed (make system)"
)


def _holds(path, text):
    return lambda: path.exists() and path.read_text() == text


def test_two_instances_carry_files_both_ways_on_the_loopback_only():
    started = time.monotonic()
    pair = SyncthingPair()
    with pair:
        for inst in (pair.a, pair.b):
            config = inst.rest("GET", "/rest/config")
            options = config["options"]
            assert options["globalAnnounceEnabled"] is False
            assert options["localAnnounceEnabled"] is False
            assert options["relaysEnabled"] is False
            assert options["natEnabled"] is False
            assert options["urAccepted"] == -1
            assert options["crashReportingEnabled"] is False
            assert options["listenAddresses"] == [inst.address]
            for proto, address, _port in sync_harness.bound_addresses(inst.process.pid):
                assert address == "127.0.0.1", (proto, address)

        (pair.a.folder / "one.txt").write_text("from a")
        pair.wait_until(_holds(pair.b.folder / "one.txt", "from a"), 20, "a → b")
        (pair.b.folder / "deep").mkdir()
        (pair.b.folder / "deep" / "two.bin").write_bytes(b"\x00\xff" * 50_000)
        two = pair.a.folder / "deep" / "two.bin"
        pair.wait_until(
            lambda: two.exists() and two.read_bytes() == b"\x00\xff" * 50_000, 20, "b → a"
        )
        pair.settle()
        processes = [pair.a.process, pair.b.process]
    assert not pair.root.exists()
    assert all(p.poll() is not None for p in processes)
    assert time.monotonic() - started < 60


def test_a_change_on_both_sides_while_apart_becomes_a_sync_conflict_copy():
    with SyncthingPair() as pair:
        (pair.a.folder / "journal.kintsugi").write_text("first")
        pair.wait_until(_holds(pair.b.folder / "journal.kintsugi", "first"), 20, "a → b")
        pair.settle()
        pair.pause()
        (pair.a.folder / "journal.kintsugi").write_text("written on a")
        time.sleep(1.1)  # the later change wins the name; the other becomes the copy
        (pair.b.folder / "journal.kintsugi").write_text("written on b")
        pair.rescan()
        pair.resume()

        def conflict_copies():
            return sorted(p.name for p in pair.a.folder.glob("journal.sync-conflict-*"))

        pair.wait_until(lambda: len(conflict_copies()) == 1, 60, "no conflict copy")
        pair.settle()
        name = conflict_copies()[0]
        assert re.fullmatch(r"journal\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}\.kintsugi", name)
        assert (pair.a.folder / "journal.kintsugi").read_text() == "written on b"
        assert (pair.a.folder / name).read_text() == "written on a"
        assert (pair.b.folder / name).read_text() == "written on a"


def test_a_journal_kept_in_a_syncthing_folder_arrives_whole_after_every_save():
    """Against the advice, the journal file itself in the folder: every save is in the main
    file at once (no -wal), so what Syncthing carries opens on the other side with all of it;
    when both sides change it while apart, the copy Syncthing keeps is refused, explained."""
    from kintsugi.core import errors, syncfolder
    from kintsugi.core.records import Entry
    from kintsugi.core.repo.entries import EntryRepository
    from kintsugi.core.repo.items import Items
    from kintsugi.core.vault import Vault
    from tests.helpers import FAST_KDF, PASSPHRASE

    def titles(path):
        with Vault.open(path, PASSPHRASE) as v:
            return sorted(s.title for s in Items(v.db).timeline(limit=100))

    with SyncthingPair() as pair:
        journal_a, journal_b = (
            pair.a.folder / "journal.kintsugi",
            pair.b.folder / "journal.kintsugi",
        )
        with Vault.create(journal_a, PASSPHRASE, params=FAST_KDF) as v:
            assert v.synced_folder == syncfolder.SyncedFolder("Syncthing", pair.a.folder)
            for i in range(3):
                EntryRepository(v.db).add(Entry(title=f"saved {i}", body="words"))
                data = journal_a.read_bytes()
                pair.wait_until(
                    lambda data=data: journal_b.exists() and journal_b.read_bytes() == data,
                    20,
                    "carried",
                )
                pair.settle()
                assert titles(journal_b) == [f"saved {n}" for n in range(i + 1)]
        pair.settle()
        pair.pause()
        for journal, title in ((journal_a, "only on a"), (journal_b, "only on b")):
            with Vault.open(journal, PASSPHRASE) as v:
                EntryRepository(v.db).add(Entry(title=title))
            time.sleep(1.1)
        pair.rescan()
        pair.resume()
        pair.wait_until(
            lambda: len(list(pair.a.folder.glob("journal.sync-conflict-*"))) == 1, 60, "no copy"
        )
        pair.settle()
        (copy,) = pair.a.folder.glob("journal.sync-conflict-*")
        with pytest.raises(errors.ConflictedCopy) as refused:
            syncfolder.refuse_conflicted_copy(copy)
        assert str(journal_a) in str(refused.value)
        with Vault.open(journal_a, PASSPHRASE) as v:
            assert [c.path for c in syncfolder.copies_beside(journal_a)] == [copy]
            assert any(isinstance(n, errors.ConflictedCopyBeside) for n in v.notices)
        # each side's change is whole in one of the two files: nothing was lost, two copies
        assert {"only on a", "only on b"} <= set(titles(journal_a)) | set(titles(copy))


def _cli(vault, *args, secrets=(PASSPHRASE_CLI,)):
    result = run_cli("--vault", str(vault), *args, secrets=secrets, timeout=60)
    assert result.returncode == 0, (args, result.stderr)
    assert "Traceback" not in result.stderr
    return result


def _records(vault):
    listed = json.loads(
        _cli(vault, "list", "--json", "--limit", "1000", "--passphrase-fd", "{fd0}").stdout
    )
    return sorted((r["kind"], r["title"]) for r in listed)


def test_two_journals_sync_through_two_real_syncthing_instances():
    """The whole way, as two people's computers would: `kintsugi sync setup` on A into A's
    Syncthing folder; Syncthing carries it to B's; `kintsugi sync join` B from there; both
    write; rounds on both sides with Syncthing between them until both hold the same
    records. Bounded: at most 90 s, and the instances are stopped whatever happens."""
    from kintsugi.core.vault import Vault

    started = time.monotonic()
    with SyncthingPair() as pair, tempfile.TemporaryDirectory() as tmp:
        vault_a, vault_b = (
            Path(tmp) / "a" / "journal.kintsugi",
            Path(tmp) / "b" / "journal.kintsugi",
        )
        for v in (vault_a, vault_b):
            Vault.create(v, PASSPHRASE_CLI, params=FAST_KDF).lock()
        for title in ("first on a", "second on a"):
            _cli(vault_a, "write", "--title", title, "--passphrase-fd", "{fd0}")
        setup = _cli(
            vault_a, "sync", "setup", "--folder", str(pair.a.folder), "--passphrase-fd", "{fd0}"
        )
        code = setup.stdout.strip().splitlines()[-1]
        pair.settle(timeout=30)
        _cli(
            vault_b,
            "sync",
            "join",
            "--folder",
            str(pair.b.folder),
            "--passphrase-fd",
            "{fd0}",
            "--pairing-code-fd",
            "{fd1}",
            secrets=(PASSPHRASE_CLI, code),
        )
        _cli(vault_b, "write", "--title", "written on b", "--passphrase-fd", "{fd0}")
        _cli(vault_a, "write", "--title", "third on a", "--passphrase-fd", "{fd0}")
        want = sorted(
            ("entry", t) for t in ("first on a", "second on a", "third on a", "written on b")
        )
        for _ in range(6):
            for v in (vault_a, vault_b):
                _cli(v, "sync", "--json", "--passphrase-fd", "{fd0}")
                pair.settle(timeout=30)
            if _records(vault_a) == _records(vault_b) == want:
                break
            assert time.monotonic() - started < 90
        assert _records(vault_a) == want
        assert _records(vault_b) == want
        # what Syncthing carried holds no word of the journal
        for folder in (pair.a.folder, pair.b.folder):
            for f in folder.rglob("*"):
                if f.is_file() and ".stfolder" not in f.parts:
                    data = f.read_bytes()
                    for word in (b"first on a", b"written on b", b"third on a"):
                        assert word not in data
    assert time.monotonic() - started < 90

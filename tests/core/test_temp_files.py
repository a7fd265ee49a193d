"""Temporary files left by an interrupted whole-file write of a vault (re-key, restore,
backup, log repair) are removed at its next start."""

import subprocess
import sys
import textwrap

import pytest

from kintsugi.core import fsutil


def test_stale_temps_match_only_their_own_targets(tmp_path):
    import re

    names = [
        ".journal.kintsugi.rekey-0123456789ab",
        ".journal.kintsugi.rekey-0123456789ab-journal",
        ".journal.kintsugi.restore-abcdefabcdef",
        ".other.kintsugi.rekey-0123456789ab",
        ".journal.kintsugi.rekey-xyz",
        "journal.kintsugi",
    ]
    for n in names:
        (tmp_path / n).write_bytes(b"x")
    found = fsutil.stale_temps(
        tmp_path, re.compile(re.escape("journal.kintsugi")), ("rekey", "restore")
    )
    assert [p.name for p in found] == sorted(names[:3])


INTERRUPTED = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from kintsugi.core import fsutil
    vault = Path(sys.argv[1])
    backups = vault.parent / (vault.stem + "-backups")
    fsutil.ensure_private_dir(backups)
    made = [
        fsutil.temp_sibling(vault, "rekey"),
        fsutil.temp_sibling(vault, "restore"),
        fsutil.temp_sibling(vault.with_name(vault.name + "-wal"), "wal"),
        fsutil.temp_sibling(backups / (vault.stem + ".20261201T120000Z.daily.kintsugi"), "backup"),
    ]
    for p in made:
        p.write_bytes(os.urandom(5000))
    made[0].with_name(made[0].name + "-journal").write_bytes(os.urandom(512))
    os.kill(os.getpid(), 9)  # interrupted: nothing is cleaned up
""")


def test_the_next_start_removes_what_an_interrupted_write_left(vault, vault_path):
    from kintsugi.core.errors import WrongPassphrase
    from kintsugi.core.vault import Vault
    from tests.helpers import PASSPHRASE

    vault.lock()
    subprocess.run([sys.executable, "-c", INTERRUPTED, str(vault_path)], timeout=60)
    backups = vault_path.parent / f"{vault_path.stem}-backups"
    # not ours to remove: another vault's temp, a name that is not a temp of ours
    other = vault_path.parent / ".other.kintsugi.rekey-0123456789ab"
    other.write_bytes(b"x")
    theirs = backups / ".other.20261201T120000Z.daily.kintsugi.backup-0123456789ab"
    theirs.write_bytes(b"x")
    before = sorted(p.name for d in (vault_path.parent, backups) for p in d.iterdir())
    assert len([n for n in before if n.startswith(".journal")]) == 5
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "wrong passphrase")
    after_wrong = sorted(p.name for d in (vault_path.parent, backups) for p in d.iterdir())
    assert after_wrong == before  # a wrong passphrase changes nothing, not even this
    with Vault.open(vault_path, PASSPHRASE) as v:
        assert v.check() == []
    left = sorted(p.name for d in (vault_path.parent, backups) for p in d.iterdir())
    assert left == sorted([vault_path.name, backups.name, other.name, theirs.name])


# --- temps at paths the person chose: exports, the recovery key text, the support card ---
#: Runs the real code with ``fsutil.atomic_replace`` (or, with --mid-stream, the JSON
#: export's per-record step) replaced by SIGKILL: the temp is written, the process dies.
KILLED = textwrap.dedent("""
    import os, sys
    from kintsugi.core import fsutil, transfer
    mid_stream = sys.argv[1] == "--mid-stream"
    args = sys.argv[2:]

    def die(*_):
        os.kill(os.getpid(), 9)

    if mid_stream:
        real, calls = transfer.full_dict, []

        def full_dict(*a, **k):
            calls.append(1)
            if len(calls) == 40:
                die()
            return real(*a, **k)

        transfer.full_dict = full_dict
    else:
        fsutil.atomic_replace = die
    if args[0] == "recovery-key":
        from PySide6.QtWidgets import QApplication
        from kintsugi.core.repo.pending import PendingTemps
        from kintsugi.core.vault import Vault
        from kintsugi.ui.unlock.recovery import RecoveryKeyDialog
        app = QApplication([])
        v = Vault.open(args[1], args[3])
        RecoveryKeyDialog(v.recovery_key(), None, PendingTemps(v.db)).save_to(
            __import__("pathlib").Path(args[2])
        )
    elif args[0] == "support-card":
        from kintsugi.core.repo.support import SupportContact, SupportContacts
        from kintsugi.core.vault import Vault
        v = Vault.open(args[1], args[2])
        contacts = SupportContacts(v.db)
        contacts.save_all([SupportContact("CANARY-CARD friend", "555-0100")])
        contacts.set_before_unlock(True)
    else:
        from kintsugi import cli
        sys.exit(cli.main(args))
""")


def _run_killed(*args: str, secrets: tuple[str, ...] = (), mid_stream: bool = False):
    import os

    fds = []
    for secret in secrets:
        r, w = os.pipe()
        os.write(w, secret.encode() + b"\n")
        os.close(w)
        fds.append(r)
    argv = [a.format(**{f"fd{i}": fd for i, fd in enumerate(fds)}) for a in args]
    try:
        flag = "--mid-stream" if mid_stream else "--at-replace"
        return subprocess.run(
            [sys.executable, "-c", KILLED, flag, *argv],
            capture_output=True,
            text=True,
            pass_fds=fds,
            timeout=120,
        )
    finally:
        for fd in fds:
            os.close(fd)


def _files_under(*folders):
    return sorted(p for folder in folders for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def marked_vault(vault, vault_path):
    from kintsugi.core.records import Entry
    from kintsugi.core.repo.entries import EntryRepository
    from kintsugi.core.repo.items import Items

    repo = EntryRepository(vault.db)
    for i in range(60):
        e = repo.add(Entry(title=f"CANARY-EXPORT {i}", body="what I wrote " * 30))
        Items(vault.db).set_shared(e.id, True)
    vault.lock()
    return vault_path


EXPORTS = {
    "pdf": ("--shared", "--format", "pdf", "--out", "{out}/report.pdf"),
    "md": ("--shared", "--format", "md", "--out", "{out}/shared.md"),
    "json": ("--all", "--format", "json", "--out", "{out}/everything.json"),
    "json, mid-stream": ("--all", "--format", "json", "--out", "{out}/everything.json"),
    "notes folder, mid-stream": ("--shared", "--format", "notes", "--out", "{out}/notes"),
    "bundle": (
        "--shared",
        "--format",
        "age",
        "--bundle-passphrase-fd",
        "{fd1}",
        "--out",
        "{out}/kintsugi-shared.age",
    ),
}


@pytest.mark.parametrize("kind", list(EXPORTS))
def test_an_export_killed_mid_write_leaves_a_temp_the_next_start_removes(
    kind, marked_vault, tmp_path, private_home
):
    from tests.helpers import PASSPHRASE, run_cli

    chosen = tmp_path / "Documents" / "for therapy"  # a folder the person chose
    chosen.mkdir(parents=True)
    args = [a.replace("{out}", str(chosen)) for a in EXPORTS[kind]]
    r = _run_killed(
        "export",
        "--vault",
        str(marked_vault),
        "--passphrase-fd",
        "{fd0}",
        *args,
        secrets=(PASSPHRASE, "a bundle passphrase"),
        mid_stream=kind.endswith("mid-stream"),
    )
    assert r.returncode == -9, r.stderr
    temps = list(chosen.iterdir())
    assert len(temps) == 1 and fsutil.TEMP_NAME.match(temps[0].name), temps
    assert temps[0].stat().st_size > 0
    if kind in ("md", "json", "json, mid-stream"):
        assert b"CANARY-EXPORT" in temps[0].read_bytes()  # plaintext: why it must go
    if kind.startswith("notes"):  # a folder of plaintext notes, built before it is moved
        assert any(b"CANARY-EXPORT" in f.read_bytes() for f in temps[0].iterdir())
    # the temp's path is written nowhere in the clear (the vault holds it, encrypted)
    name = temps[0].name.encode()
    assert not [p for p in _files_under(tmp_path, private_home) if name in p.read_bytes()]
    r = run_cli("list", "--vault", str(marked_vault), "--passphrase-fd", "{fd0}", secrets=("no",))
    assert r.returncode == 2 and temps[0].exists()  # a wrong passphrase removes nothing
    r = run_cli("list", "--vault", str(marked_vault), "--passphrase-fd", "{fd0}",
                secrets=(PASSPHRASE,))  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert list(chosen.iterdir()) == []
    from kintsugi.core.repo.pending import PendingTemps
    from kintsugi.core.vault import Vault

    with Vault.open(marked_vault, PASSPHRASE) as v:
        assert PendingTemps(v.db).all() == []  # and forgotten


def test_the_recovery_key_text_killed_mid_save_is_removed_at_the_next_start(
    vault, vault_path, tmp_path
):
    from kintsugi.core.vault import Vault
    from tests.helpers import PASSPHRASE

    key = vault.recovery_key()
    vault.lock()
    out = tmp_path / "USB stick" / "kintsugi-recovery-key.txt"
    out.parent.mkdir()
    r = _run_killed("recovery-key", str(vault_path), str(out), PASSPHRASE)
    assert r.returncode == -9, r.stderr
    temps = list(out.parent.iterdir())
    assert len(temps) == 1 and key.encode() in temps[0].read_bytes()
    with Vault.open(vault_path, PASSPHRASE):
        pass
    assert list(out.parent.iterdir()) == []


def test_the_support_card_killed_mid_write_is_removed_at_the_next_start(vault, vault_path):
    from kintsugi.core import support_card
    from kintsugi.core.vault import Vault
    from tests.helpers import PASSPHRASE

    vault.lock()
    r = _run_killed("support-card", str(vault_path), PASSPHRASE)
    assert r.returncode == -9, r.stderr
    folder = support_card.card_path().parent
    temps = [p for p in folder.iterdir() if p.name.startswith("." + support_card.CARD_FILENAME)]
    assert len(temps) == 1 and b"CANARY-CARD" in temps[0].read_bytes()
    assert support_card.remove_stale_temps() == temps  # what the app does at start
    assert not temps[0].exists()
    # and the vault's next open sweeps the same folder (the command line has no app start)
    r = _run_killed("support-card", str(vault_path), PASSPHRASE)
    assert len(list(folder.glob(".*write-*"))) == 1
    with Vault.open(vault_path, PASSPHRASE):
        pass
    assert list(folder.glob(".*write-*")) == []


def test_a_temp_still_being_written_is_never_swept(vault, vault_path, tmp_path):
    """The sweeps remove only what no live writer holds (flock), in this process or another."""
    from kintsugi.core import support_card
    from kintsugi.core.repo.pending import PendingTemps

    pending = PendingTemps(vault.db)
    out = tmp_path / "chosen" / "report.pdf"
    out.parent.mkdir()
    with fsutil.atomic_output(out, pending=pending) as f:
        f.write(b"half")
        (tmp,) = list(out.parent.iterdir())
        assert pending.all() == [tmp]
        assert pending.sweep() == [] and tmp.exists() and pending.all() == [tmp]
        assert fsutil.remove_dead_temp(tmp) == "in use"
    assert out.read_bytes() == b"half" and not tmp.exists() and pending.all() == []
    card = support_card.card_path()
    card.parent.mkdir(parents=True, exist_ok=True)
    with fsutil.atomic_output(card) as f:
        f.write(b"{}")
        assert support_card.remove_stale_temps() == []
    # never anything that is not one of our temps, even if it is recorded
    stranger = tmp_path / "chosen" / "notes.txt"
    stranger.write_text("mine")
    pending.add(stranger)
    assert pending.sweep() == [] and stranger.exists() and pending.all() == []

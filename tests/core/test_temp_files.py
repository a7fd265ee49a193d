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

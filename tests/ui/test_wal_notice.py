"""After unlocking, the window says what was done to a leftover change file (once)."""

from kintsugi.core import walguard
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.vault import Vault
from tests.helpers import FAST_KDF, unlock


def test_a_foreign_change_file_is_mentioned_after_unlock(make_window, existing_vault, qtbot):
    other = existing_vault.with_name("other.kintsugi")
    with Vault.create(other, "another passphrase", params=FAST_KDF) as v:
        for i in range(5):
            EntryRepository(v.db).add(Entry(title=f"theirs {i}", body="x " * 300))
        foreign = walguard.wal_path(other).read_bytes()
    walguard.wal_path(existing_vault).write_bytes(foreign)
    w = make_window(existing_vault)
    unlock(qtbot, w)
    assert "does not belong to this journal" in w.notice.text()
    assert "nothing of yours was changed" in w.notice.text()
    kept = [p for p in existing_vault.parent.iterdir() if ".not-this-vault." in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == foreign
    w.lock()
    unlock(qtbot, w)  # said once: the next unlock has nothing to tell
    assert "does not belong" not in w.notice.text()

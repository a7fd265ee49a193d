"""The vault's writer thread: saves in the order asked, and none lost by locking."""

import threading

import pytest

from kintsugi.core.errors import VaultLocked
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import Vault
from kintsugi.core.writer import Writer
from tests.helpers import PASSPHRASE


def test_jobs_run_in_order_on_one_thread():
    writer, seen = Writer(), []
    futures = [
        writer.submit(lambda n=n: seen.append((n, threading.current_thread()))) for n in range(200)
    ]
    assert writer.flush(timeout=10)
    assert all(f.done() for f in futures)
    assert [n for n, _ in seen] == list(range(200))
    assert {t for _, t in seen} == {writer._thread} != {threading.current_thread()}
    writer.close()


def test_a_failure_is_handed_to_the_caller_and_the_next_job_still_runs():
    writer = Writer()
    bad = writer.submit(lambda: 1 / 0)
    good = writer.submit(lambda: "after")
    assert good.result(timeout=5) == "after"
    assert isinstance(bad.exception(), ZeroDivisionError)
    writer.close()


def test_close_runs_what_is_queued_then_refuses():
    writer, release, done = Writer(), threading.Event(), []
    writer.submit(release.wait)
    for n in range(20):
        writer.submit(lambda n=n: done.append(n))
    threading.Timer(0.2, release.set).start()
    writer.close()
    assert done == list(range(20))
    with pytest.raises(VaultLocked):
        writer.submit(lambda: None)
    assert writer.flush()


def test_locking_commits_every_queued_save_before_the_key_goes(vault, vault_path):
    repo, release = EntryRepository(vault.db), threading.Event()
    writer = vault.writer
    writer.submit(release.wait)  # the writer is busy: the saves below wait in its queue
    futures = [writer.submit(lambda n=n: repo.add(Entry(body=f"queued {n}"))) for n in range(30)]
    assert not any(f.done() for f in futures)
    threading.Timer(0.2, release.set).start()
    vault.lock()
    assert all(f.done() and f.exception() is None for f in futures)
    with pytest.raises(VaultLocked):
        vault.writer  # noqa: B018 - the property is what is tested
    with Vault.open(vault_path, PASSPHRASE) as again:
        bodies = sorted(
            EntryRepository(again.db).get(s.id).body for s in Items(again.db).timeline()
        )
    assert bodies == sorted(f"queued {n}" for n in range(30))

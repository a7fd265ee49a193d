"""Long work runs niced on a thread of its own; the caller keeps its priority."""

import os
import sys
import threading

import pytest

from kintsugi.core import background


def _nice() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_the_result_and_the_exception_come_back():
    assert background.run_niced(lambda: 42) == 42

    def fail():
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        background.run_niced(fail)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_the_work_is_niced_and_the_caller_is_not():
    before = _nice()
    inside = background.run_niced(_nice, nice=5)
    assert inside == min(19, before + 5)
    assert _nice() == before  # this thread (a pool worker, say) keeps its priority


def test_a_backup_is_copied_and_checked_on_a_niced_thread(vault, tmp_path, monkeypatch):
    seen = []
    real = background.run_niced

    def spy(fn, **kw):
        seen.append(kw.get("name"))
        return real(fn, **kw)

    monkeypatch.setattr(background, "run_niced", spy)
    out = vault.backup_to(tmp_path / "copy.kintsugi")
    assert out.exists() and seen == ["kintsugi-backup"]

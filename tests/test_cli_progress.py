"""The CLI's import progress on stderr: silent for a short import, then a line every few
seconds on a pipe, or one self-updating line on a terminal that ends cleanly."""

from __future__ import annotations

import io

from kintsugi.cli import _ProgressLine
from kintsugi.core.importing import ImportProgress


class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _feed(line: _ProgressLine, clock: _Clock, steps: list[tuple[float, int]], total: int):
    for at, done in steps:
        clock.now = at
        assert line(ImportProgress(done // 10, done, total)) is True


def test_a_pipe_hears_nothing_for_two_seconds_then_a_line_every_five():
    clock, out = _Clock(), io.StringIO()
    line = _ProgressLine(out, clock)
    _feed(line, clock, [(0.5, 10), (1.9, 20)], 100)
    assert out.getvalue() == ""
    _feed(line, clock, [(2.1, 30), (3.0, 40), (7.2, 60), (8.0, 70), (9.0, 100)], 100)
    lines = out.getvalue().splitlines()
    assert lines == [
        "kintsugi: importing… 30% (3 items read)",
        "kintsugi: importing… 60% (6 items read)",
    ]
    line.end()
    assert out.getvalue().count("\n") == 2


def test_a_terminal_gets_one_updating_line_that_ends_with_a_newline():
    clock, out = _Clock(), _Tty()
    line = _ProgressLine(out, clock)
    _feed(line, clock, [(2.5, 50), (2.8, 70), (3.5, 100)], 100)
    text = out.getvalue()
    assert text.startswith("\rkintsugi: importing… 50%") and text.endswith("100% (10 items read)\n")
    assert text.count("\n") == 1


def test_a_refusal_after_a_progress_line_starts_on_its_own_line():
    clock, out = _Clock(), _Tty()
    line = _ProgressLine(out, clock)
    _feed(line, clock, [(2.5, 50)], 100)
    line.end()
    assert out.getvalue().endswith("\n")

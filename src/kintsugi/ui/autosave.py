"""Save-as-you-go for forms: about a second after the first change (a throttle, so someone
typing without pause still gets saved every second), and at once when asked.

With a :class:`Background` the timed saves never hold the UI thread: the form's fields
are read on the UI thread (``snapshot``), written on the vault's one writer thread, in
order (``store``: the fsync happens there), and the result handed back to the UI thread
(``apply``). "Saved" is said only when the commit is done and nothing changed since the
snapshot it wrote. :meth:`Autosaver.save_now` (switching records, locking, quitting)
waits for the writer, so nothing typed is lost or written out of order.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from concurrent.futures import Future, wait
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from kintsugi.core.errors import KintsugiError
from kintsugi.core.writer import Writer
from kintsugi.ui.messages import describe

AUTOSAVE_MS = 1000
RETRY_MS = 5000
R = TypeVar("R")
# A record's fields that are the vault's, never typed.
_NOT_TYPED = frozenset({"id", "uid", "kind", "created_at", "updated_at"})


def with_typed(base: R, typed: R, fresh: R) -> tuple[R, bool]:
    """``fresh`` (the record as another computer left it, a sync round) with every field the
    person changed here since ``base`` (the record as loaded or last saved) as they typed it;
    and whether there was any. The form then shows the other computer's changes without
    losing what is being typed, and its next save does not put old values back."""
    assert dataclasses.is_dataclass(typed)
    changed = {
        f.name: getattr(typed, f.name)
        for f in dataclasses.fields(typed)
        if f.name not in _NOT_TYPED and getattr(typed, f.name) != getattr(base, f.name)
    }
    return dataclasses.replace(fresh, **changed), bool(changed)  # type: ignore[type-var]


@contextlib.contextmanager
def keep_cursor(form: QWidget) -> Iterator[None]:
    """The focused field of ``form`` keeps its cursor while the form is filled again (its
    text is the same: what the person is typing is kept)."""
    focus = QApplication.focusWidget()
    if focus is None or not form.isAncestorOf(focus):
        yield
        return
    at = -1
    if isinstance(focus, QLineEdit):
        at = focus.cursorPosition()
    elif isinstance(focus, QPlainTextEdit | QTextEdit):
        at = focus.textCursor().position()
    yield
    if isinstance(focus, QLineEdit) and at >= 0:
        focus.setCursorPosition(min(at, len(focus.text())))
    elif isinstance(focus, QPlainTextEdit | QTextEdit) and at >= 0:
        cursor = focus.textCursor()
        cursor.setPosition(min(at, len(focus.toPlainText())))
        focus.setTextCursor(cursor)
    focus.setFocus()


def take_cell_typing(form: QWidget) -> Callable[[], None] | None:
    """A table's (or list's) cell of ``form`` being typed in holds its text in the cell's
    editor, not yet in the table, where the form reads it: put it there (the form is then
    changed, as by any edit). Returns what opens the same cell again, cursor where it was,
    once the form is filled again (which closes the editor); None when no cell is typed in."""
    editor = QApplication.focusWidget()
    view = editor.parentWidget() if editor is not None else None
    while view is not None and not isinstance(view, QAbstractItemView):
        view = view.parentWidget()
    if (
        view is None
        or not isinstance(editor, QLineEdit)
        or not form.isAncestorOf(view)
        or view.state() != QAbstractItemView.State.EditingState
    ):
        return None
    row, column, at = (
        view.currentIndex().row(),
        view.currentIndex().column(),
        editor.cursorPosition(),
    )
    view.commitData(editor)

    def type_on() -> None:
        index = view.model().index(row, column)
        if not index.isValid():
            return  # (a row of nothing but the typing was not kept)
        view.setCurrentIndex(index)
        view.edit(index)
        again = QApplication.focusWidget()
        if isinstance(again, QLineEdit) and view.isAncestorOf(again):
            again.setCursorPosition(min(at, len(again.text())))

    return type_on


def show_fresh(
    form: QWidget,
    autosaver: Autosaver,
    base: R,
    fresh: R,
    collect: Callable[[], R],
    show: Callable[[R], None],
) -> bool:
    """Show ``fresh`` (the open record as a sync round left it) in ``form`` with what the
    person typed since ``base`` kept as typed (``collect`` reads the form), the focused
    field's cursor and a cell being typed in kept too. Returns whether anything typed was
    kept: then the form's next save writes it over the new values."""
    type_on = take_cell_typing(form)  # a cell's editor holds its text: into the form first
    typed = collect() if autosaver.dirty else None  # (that made the form changed, too)
    shown, kept = with_typed(base, typed, fresh) if typed is not None else (fresh, False)
    with keep_cursor(form):
        show(shown)
    if type_on is not None:
        type_on()  # (filling the form again closed the cell's editor)
    return kept


@dataclass(frozen=True)
class Background:
    writer: Callable[[], Writer]
    snapshot: Callable[[], Any]  # UI thread: what to save
    store: Callable[[Any], Any]  # writer thread: save it, return what apply needs
    apply: Callable[[Any], None]  # UI thread: show what was saved


def store_update(value: tuple) -> tuple:
    """A ``store`` for forms that edit a saved record: (record, its repository, Items) →
    (the record as stored, its timeline summary)."""
    rec, repo, items = value
    saved = repo.update(rec)
    return saved, items.summary(saved.id)


class Draft:
    """The record a form is editing; its id is known once the writer has saved it once.

    Saves of one record run in order on the writer, so a new record's second save finds
    the id its first one was given (and does not add it twice)."""

    def __init__(self, item_id: int | None = None):
        self.id = item_id


def store_draft(draft: Draft, rec: Any, repo: Any) -> Any:
    """On the writer thread: save ``rec`` (added the first time, updated after) and note
    its id on ``draft``. Returns it as stored."""
    if rec.id is None and draft.id is not None:
        rec = dataclasses.replace(rec, id=draft.id)
    saved = repo.save(rec)
    draft.id = saved.id
    return saved


@dataclass
class _Job:
    future: Future
    generation: int
    settled: bool = False


class Autosaver(QObject):
    state_changed = Signal(str, str)  # ("unsaved" | "saving" | "saved" | "error", text)
    _finished = Signal(object)  # a _Job, emitted on the writer thread, handled on the UI's

    def __init__(
        self,
        save: Callable[[], object] | None = None,
        parent: QObject | None = None,
        *,
        background: Background | None = None,
    ):
        super().__init__(parent)
        if (save is None) == (background is None):
            raise ValueError("an Autosaver saves either in the foreground or in the background")
        self._save = save
        self._background = background
        self.dirty = False
        self._generation = 0  # bumped by every change
        self._jobs: list[_Job] = []  # submitted, not yet settled, oldest first
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now if background is None else self.save_soon)
        self._finished.connect(self._settle)

    def changed(self) -> None:
        self.dirty = True
        self._generation += 1
        self.state_changed.emit("unsaved", self.tr("Editing…"))
        if not self._timer.isActive():
            self._timer.start()

    def reset(self) -> None:
        """Forget the changes (another record is shown). Saves already submitted still
        commit; their results no longer touch the form (see ``apply``)."""
        self._timer.stop()
        self.dirty = False
        self._generation += 1

    @property
    def pending(self) -> int:
        return len(self._jobs)

    # --- in the background --------------------------------------------------------
    def save_soon(self) -> None:
        """Hand the current fields to the writer thread; returns at once."""
        self._timer.stop()
        if not self.dirty or self._background is None:
            return
        bg = self._background
        try:
            writer = bg.writer()
            value = bg.snapshot()
            job = _Job(writer.submit(lambda: bg.store(value)), self._generation)
        except KintsugiError as exc:
            self._failed(exc)
            return
        self._jobs.append(job)
        self.state_changed.emit("saving", self.tr("Saving…"))
        job.future.add_done_callback(lambda _f: self._finished.emit(job))

    def _settle(self, job: _Job) -> bool:
        """Take a finished save's result on the UI thread (once). False when it failed."""
        if job.settled:
            return job.future.exception() is None
        job.settled = True
        if job in self._jobs:
            self._jobs.remove(job)
        exc = job.future.exception()
        if exc is not None:
            if not isinstance(exc, KintsugiError):
                raise exc
            self._failed(exc)
            return False
        assert self._background is not None
        self._background.apply(job.future.result())
        if job.generation == self._generation and not self._jobs:
            self.dirty = False
            self.state_changed.emit("saved", self.tr("Saved"))
        return True

    def _failed(self, exc: KintsugiError) -> None:
        self.dirty = True
        self.state_changed.emit("error", describe(exc))
        self._timer.start(RETRY_MS)  # nothing typed is dropped; try again shortly

    # --- now ------------------------------------------------------------------------
    def save_now(self) -> bool:
        """Save if anything changed and wait until it (and every save before it) is
        committed; False (and still dirty) when saving failed."""
        self._timer.stop()
        if self._background is not None:
            if self.dirty:
                self.save_soon()
            ok = True
            for job in list(self._jobs):
                wait([job.future])  # in order: the writer runs them in order
                ok = self._settle(job) and ok
            return ok and not self.dirty
        if not self.dirty:
            return True
        self.state_changed.emit("saving", self.tr("Saving…"))
        try:
            assert self._save is not None
            self._save()
        except KintsugiError as exc:
            self.state_changed.emit("error", describe(exc))
            self._timer.start(RETRY_MS)  # nothing typed is dropped; try again shortly
            return False
        self.dirty = False
        self.state_changed.emit("saved", self.tr("Saved"))
        return True

"""One way to tell the person something, in the spirit of qutebrowser's ``utils/message.py``.

Anything in the UI calls ``info``, ``warning``, ``error`` or ``progress``/``progress_done``;
the one ``bridge()`` carries it, and the main window shows each in one place: the notice line of
the status bar, a progress bar beside it. The save-state label is not part of it: it shows only
whether what is typed is saved. A question that needs an answer (lose unsaved changes? write a
file that is not encrypted?) is asked with ``ask``, always as plain text.

``install_excepthook`` makes an unexpected exception one calm line here, and logs only the
exception's type: never its text or traceback, which may hold what the person wrote.
"""

from __future__ import annotations

import enum
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


class Level(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Message:
    level: Level
    text: str


@dataclass(frozen=True)
class Progress:
    text: str
    done: int = 0
    total: int = 0  # 0: how long it takes is not known (a busy bar)


class Bridge(QObject):
    """Where messages go; the main window listens. (Signals, so a worker thread may send.)"""

    shown = Signal(object)  # Message
    progressed = Signal(object)  # Progress
    progress_ended = Signal()


_bridge: Bridge | None = None


def bridge() -> Bridge:
    global _bridge
    if _bridge is None:
        _bridge = Bridge()
    return _bridge


def info(text: str) -> None:
    bridge().shown.emit(Message(Level.INFO, text))


def warning(text: str) -> None:
    bridge().shown.emit(Message(Level.WARNING, text))


def error(text: str) -> None:
    bridge().shown.emit(Message(Level.ERROR, text))


def progress(text: str, done: int = 0, total: int = 0) -> None:
    """Something slow is under way (``total`` 0: unknown length); ``progress_done`` ends it."""
    bridge().progressed.emit(Progress(text, done, total))


def progress_done() -> None:
    bridge().progress_ended.emit()


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok
    | QMessageBox.StandardButton.Cancel,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox.StandardButton:
    """Ask and wait for the answer; the text is always shown as plain text."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


def ask_later(
    parent: QWidget | None,
    title: str,
    text: str,
    on_answer: Callable[[QMessageBox.StandardButton], None],
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok
    | QMessageBox.StandardButton.Cancel,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    labels: dict[QMessageBox.StandardButton, str] | None = None,
) -> QMessageBox:
    """Ask without waiting: the window goes on (a lock can still come), ``on_answer`` gets the
    button. The caller keeps the returned box to close it when the journal locks."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    for button, label in (labels or {}).items():
        box.button(button).setText(label)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    box.finished.connect(lambda result: on_answer(QMessageBox.StandardButton(result)))
    box.open()
    return box


# --- the unexpected -----------------------------------------------------------------------
def calm_line() -> str:
    """The one sentence for anything unexpected: the same as ``messages.describe`` gives."""
    from kintsugi.ui import messages  # plain data; imported here so channel stays first to load

    return messages.unexpected()


def excepthook(
    exc_type: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
) -> None:
    """One calm line for the person; the type alone for the log (never content)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc_type(), None)  # the type only: no traceback, no text
        return
    log.error("unexpected error: %s", exc_type.__name__)
    error(calm_line())


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    excepthook(args.exc_type, None, None)


def install_excepthook() -> None:
    sys.excepthook = excepthook
    threading.excepthook = _thread_excepthook

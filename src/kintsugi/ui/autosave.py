"""Save-as-you-go for forms: about a second after the first change (a throttle, so someone
typing without pause still gets saved every second), and at once when asked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kintsugi.core.errors import KintsugiError
from kintsugi.ui.messages import describe

AUTOSAVE_MS = 1000
RETRY_MS = 5000


class Autosaver(QObject):
    state_changed = Signal(str, str)  # ("unsaved" | "saving" | "saved" | "error", text)

    def __init__(self, save: Callable[[], object], parent: QObject | None = None):
        super().__init__(parent)
        self._save = save
        self.dirty = False
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)

    def changed(self) -> None:
        self.dirty = True
        self.state_changed.emit("unsaved", self.tr("Editing…"))
        if not self._timer.isActive():
            self._timer.start()

    def reset(self) -> None:
        self._timer.stop()
        self.dirty = False

    def save_now(self) -> bool:
        """Save if anything changed; False (and still dirty) when saving failed."""
        self._timer.stop()
        if not self.dirty:
            return True
        self.state_changed.emit("saving", self.tr("Saving…"))
        try:
            self._save()
        except KintsugiError as exc:
            self.state_changed.emit("error", describe(exc))
            self._timer.start(RETRY_MS)  # nothing typed is dropped; try again shortly
            return False
        self.dirty = False
        self.state_changed.emit("saved", self.tr("Saved"))
        return True

"""When to lock by itself: after N idle minutes, and when the system locks or sleeps.

On Linux the screen-saver and login1 D-Bus signals arrive through QtDBus; where
there is no bus (or another platform) only the idle timer applies.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QInputEvent, QInputMethodEvent

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}
_INPUT = (QInputEvent, QInputMethodEvent)  # the classes of the events above


class Clock:
    def now(self) -> float:
        return time.monotonic()


class IdleWatcher(QObject):
    """Emits ``idle`` when no input reached the application for ``interval_ms``.

    Time is read from ``clock`` (injectable: a test advances it and calls ``check()``); a Qt
    timer only asks for a check when the interval could have run out. While ``hold()`` is in
    force (an exercise, or its rating page, is on screen: following a pacer is neither keys
    nor mouse) nothing locks; ``release()`` starts the idle clock again from zero.
    """

    idle = Signal()

    def __init__(self, app: QObject, parent: QObject | None = None, clock: Clock | None = None):
        super().__init__(parent)
        self._app = app
        self.clock = clock or Clock()
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.check)
        self._interval = 0
        self._running = False
        self._held = False
        self._last = self.clock.now()

    def set_minutes(self, minutes: float) -> None:
        self.set_interval_ms(int(minutes * 60_000))

    def set_interval_ms(self, ms: int) -> None:
        """0 turns auto-lock off."""
        self._interval = max(0, ms)
        if self._running or ms == 0:
            self.start()

    def start(self) -> None:
        self._app.removeEventFilter(self)
        self._running = bool(self._interval)
        if self._running:
            self._app.installEventFilter(self)
            self._touch()
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._app.removeEventFilter(self)
        self._running = False
        self._timer.stop()

    @property
    def held(self) -> bool:
        return self._held

    def hold(self) -> None:
        """No idle lock until ``release()``."""
        self._held = True
        self._timer.stop()

    def release(self) -> None:
        """The idle clock starts again now (never 'you were idle during the exercise')."""
        self._held = False
        if self._running:
            self._touch()

    def _touch(self) -> None:
        self._last = self.clock.now()
        if not self._held:
            self._timer.start(self._interval)

    def check(self) -> None:
        if not self._running or self._held or not self._interval:
            return
        left_ms = self._interval - (self.clock.now() - self._last) * 1000
        if left_ms <= 0:
            self._timer.stop()
            self.idle.emit()
        else:
            self._timer.start(max(1, int(left_ms)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the app passes here: the cheap test first (a type() is ~3 µs).
        if self._running and isinstance(event, _INPUT) and event.type() in _ACTIVITY:
            self._last = self.clock.now()  # cheap: no timer restart on every mouse move
        return False


class SystemLockWatcher(QObject):
    """Emits ``should_lock`` when the screen locks or the machine is about to sleep."""

    should_lock = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.connected: list[str] = []
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a build without QtDBus
            return
        session, system = QDBusConnection.sessionBus(), QDBusConnection.systemBus()
        wanted = [
            (
                session,
                "org.freedesktop.ScreenSaver",
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver",
                "ActiveChanged",
                "on_active_changed(bool)",
            ),
            (
                session,
                "org.gnome.ScreenSaver",
                "/org/gnome/ScreenSaver",
                "org.gnome.ScreenSaver",
                "ActiveChanged",
                "on_active_changed(bool)",
            ),
            (
                system,
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                "on_prepare_for_sleep(bool)",
            ),
            (
                system,
                "org.freedesktop.login1",
                "",
                "org.freedesktop.login1.Session",
                "Lock",
                "on_session_lock()",
            ),
        ]
        for bus, service, path, interface, name, slot in wanted:
            if not bus.isConnected():
                continue
            # PySide6 takes the SLOT() signature as text; its stubs list only bytes
            slot_signature = f"1{slot}"
            if bus.connect(service, path, interface, name, self, slot_signature):  # type: ignore[call-overload]
                self.connected.append(f"{interface}.{name}")

    @Slot(bool)
    def on_active_changed(self, active: bool) -> None:
        if active:
            self.should_lock.emit()

    @Slot(bool)
    def on_prepare_for_sleep(self, sleeping: bool) -> None:
        if sleeping:
            self.should_lock.emit()

    @Slot()
    def on_session_lock(self) -> None:
        self.should_lock.emit()

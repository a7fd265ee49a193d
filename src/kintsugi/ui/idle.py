"""When to lock by itself: after N idle minutes, and when the system locks or sleeps.

On Linux the screen-saver and login1 D-Bus signals arrive through QtDBus; where
there is no bus (or another platform) only the idle timer applies.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot

_ACTIVITY = {
    QEvent.KeyPress,
    QEvent.MouseButtonPress,
    QEvent.MouseMove,
    QEvent.Wheel,
    QEvent.TouchBegin,
    QEvent.InputMethod,
}


class IdleWatcher(QObject):
    """Emits ``idle`` when no input reached the application for ``interval_ms``."""

    idle = Signal()

    def __init__(self, app: QObject, parent: QObject | None = None):
        super().__init__(parent)
        self._app = app
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.idle)
        self._interval = 0

    def set_minutes(self, minutes: float) -> None:
        self.set_interval_ms(int(minutes * 60_000))

    def set_interval_ms(self, ms: int) -> None:
        """0 turns auto-lock off."""
        self._interval = max(0, ms)
        if self._timer.isActive() or ms == 0:
            self.start()

    def start(self) -> None:
        self._app.removeEventFilter(self)
        if self._interval:
            self._app.installEventFilter(self)
            self._timer.start(self._interval)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._app.removeEventFilter(self)
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._interval:
            self._timer.start(self._interval)
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
            if bus.isConnected() and bus.connect(service, path, interface, name, self, f"1{slot}"):
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

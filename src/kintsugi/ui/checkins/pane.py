"""Check-ins, boundaries and goals — the routines of rebuilding — in one pane, and the
gentle reminder when a check-in is due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from kintsugi.core.schedule import ScheduleStore
from kintsugi.core.timeutil import now as local_now
from kintsugi.ui.checkins.boundaries_tab import BoundariesTab
from kintsugi.ui.checkins.checkin_tab import CheckInTab
from kintsugi.ui.checkins.goals_tab import GoalsTab
from kintsugi.ui.session import Session

SNOOZE = timedelta(hours=2)


class CheckInsPane(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = self.tr("Check-ins")  # the Pane protocol (ui/panes.py)
        self.shortcut: str | None = "Ctrl+4"  # the section's place in the list
        self.session = session
        self.checkin = CheckInTab(session)
        self.boundaries = BoundariesTab(session)
        self.goals = GoalsTab(session)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Check-ins, boundaries and goals"))
        self.tabs.addTab(self.checkin, self.tr("Check-in"))
        self.tabs.addTab(self.boundaries, self.tr("Boundaries"))
        self.tabs.addTab(self.goals, self.tr("Goals"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)  # the window fits 960 × 540 logical pixels
        layout.addWidget(self.tabs)

    def on_unlocked(self) -> None:
        for tab in (self.checkin, self.boundaries, self.goals):
            tab.on_unlocked()

    def refresh_quietly(self) -> None:
        """A sync round brought something (the Refreshes protocol, ui/panes.py)."""
        if self.session.is_open:
            self.checkin.refresh_trend()  # the past check-ins and their trend
            self.boundaries.refresh_quietly()
            self.goals.refresh_quietly()

    opens_kinds = ("checkin", "boundary", "goal")

    def open_item(self, item_id: int, kind: str) -> None:
        """Open a check-in, boundary or goal in its own tab's form."""
        if kind == "checkin":
            self.tabs.setCurrentWidget(self.checkin)
            self.checkin.open_checkin(item_id)
            return
        tab = {"boundary": self.boundaries, "goal": self.goals}[kind]
        self.tabs.setCurrentWidget(tab)
        tab.open_record(item_id)

    def flush(self) -> bool:
        return all([self.checkin.flush(), self.boundaries.flush(), self.goals.flush()])

    def clear(self) -> None:
        for tab in (self.checkin, self.boundaries, self.goals):
            tab.clear()


class CheckInReminder(QObject):
    """Looks once a minute; says so once per due moment; never nags (snooze = 2 hours).
    Another practice's reminder names its kind and its schedule (``kind``, ``store``)."""

    due = Signal()
    kind = "checkin"  # a record of this kind written after the due moment answers it

    def __init__(
        self,
        session: Session,
        now: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.now = now
        self._told_for: datetime | None = None
        self._timer = QTimer(self, interval=60_000)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._told_for = None
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> bool:
        if not self.session.is_open:
            return False
        store, moment = self.store(), self.now()
        schedule = store.get()
        latest = self.session.items().timeline(kind=self.kind, limit=1)
        last = latest[0].occurred_at if latest else None
        if not schedule.is_due(moment, last, store.snoozed_until()):
            return False
        due_at = schedule.latest_due_before(moment)
        if due_at == self._told_for:
            return False
        self._told_for = due_at
        self.due.emit()
        return True

    def store(self) -> ScheduleStore:
        return self.session.schedule()

    def snooze(self) -> None:
        if self.session.is_open:
            self.store().snooze(self.now() + SNOOZE)

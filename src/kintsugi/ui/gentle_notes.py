"""Gentle notes in the status bar (a controller): the optional reminder to write (off until
the person sets it; "Later" puts it off two hours) and the note some days before a hard
date ("Not now" puts it away until that date comes again). Never a pop-up; it names no
date and shows nothing the person wrote (someone may be looking); it looks once a minute and
says each thing once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kintsugi.core import practices
from kintsugi.core.practices import Coming
from kintsugi.core.repo.items import Items
from kintsugi.core.schedule import HardDateNotes, ScheduleStore
from kintsugi.core.timeutil import now as local_now
from kintsugi.ui.session import Session

SNOOZE = timedelta(hours=2)


class NoteBar(QFrame):
    """One calm line with two buttons: what to do, and not now."""

    go_clicked = Signal()
    later_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="banner", visible=False)  # type: ignore[call-arg]
        self.label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.go = QPushButton()
        self.go.setAccessibleName(self.tr("Open"))  # each note names its own (say)
        self.go.clicked.connect(self.go_clicked)
        self.later = QPushButton()
        self.later.setAccessibleName(self.tr("Not now"))
        self.later.clicked.connect(self.later_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        for w in (self.label, self.go, self.later):
            layout.addWidget(w)

    def say(self, text: str, go: str, later: str) -> None:
        self.label.setText(text)
        self.go.setText(go)
        self.go.setAccessibleName(go)
        self.later.setText(later)
        self.later.setAccessibleName(later)
        self.show()


class GentleNotes(QObject):
    #: the person chose to write (from the reminder)
    write_requested = Signal()
    #: the person chose to read the plan of this hard date (its id)
    plan_requested = Signal(int)

    def __init__(
        self,
        session: Session,
        now: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.now = now
        self.bar = NoteBar()
        self.bar.go_clicked.connect(self.on_go)
        self.bar.later_clicked.connect(self.on_later)
        self._showing: Coming | str | None = None  # a hard date's note, or "write"
        self._told: set[object] = set()  # what was said this session (once each)
        self._timer = QTimer(self, interval=60_000)
        self._timer.timeout.connect(self.check)
        session.unlocked.connect(self.start)
        session.locked.connect(self.stop)

    def start(self) -> None:
        self._told.clear()
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()
        self._showing = None
        self.bar.hide()
        self.bar.label.clear()

    # --- looking -----------------------------------------------------------------------------
    def check(self) -> bool:
        """Show the first thing due that was not said yet; True if something was shown."""
        if not self.session.is_open or self._showing is not None:
            return False
        moment = self.now()
        db = self.session.database()
        for note in HardDateNotes(db).due(moment.date()):
            if (note.uid, note.on) not in self._told:
                self._told.add((note.uid, note.on))
                self.show_hard_date(note)
                return True
        store = ScheduleStore.writing(db)
        schedule = store.get()
        latest = Items(db).timeline(kind="entry", limit=1)
        last = latest[0].occurred_at if latest else None
        if schedule.is_due(moment, last, store.snoozed_until()):
            due_at = schedule.latest_due_before(moment)
            if ("write", due_at) not in self._told:
                self._told.add(("write", due_at))
                self._showing = "write"
                self.bar.say(
                    self.tr("When you have a moment: a few lines in your journal."),
                    self.tr("Write"),
                    self.tr("Later"),
                )
                return True
        return False

    def show_hard_date(self, note: Coming) -> None:
        self._showing = note
        if note.days == 0:
            text = self.tr("Today may be a hard day. Your plan is there when you want it.")
        else:
            text = self.tr("A hard day is near (%1). Your plan is there when you want it.")
            text = text.replace("%1", practices.days_words(note.days))
        self.bar.say(text, self.tr("Open my plan"), self.tr("Not now"))

    # --- answering ---------------------------------------------------------------------------
    def on_go(self) -> None:
        showing, self._showing = self._showing, None
        self.bar.hide()
        if showing == "write":
            self.write_requested.emit()
        elif isinstance(showing, Coming):
            self.plan_requested.emit(showing.id)

    def on_later(self) -> None:
        showing, self._showing = self._showing, None
        self.bar.hide()
        if not self.session.is_open:
            return
        db = self.session.database()
        if showing == "write":
            store = ScheduleStore.writing(db)
            until = self.now() + SNOOZE
            self.session.writer().submit(lambda: store.snooze(until))
        elif isinstance(showing, Coming):
            notes = HardDateNotes(db)
            self.session.writer().submit(lambda: notes.quiet(showing))

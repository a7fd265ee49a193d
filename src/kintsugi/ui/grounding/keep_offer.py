"""Exercises waiting to be kept: a calm note in the side column, under the sections.

"Keep the breathing you did at 23:10?" — for an exercise left with Esc, one that was
running when the session locked (screen lock, sleep, Ctrl+L), or one done before
unlocking. The drafts live in memory only: never written anywhere until the person says
"Keep it", and then only into the vault. The line stays until it is answered.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kintsugi.core.i18n import marked
from kintsugi.core.records import GroundingSession
from kintsugi.ui.i18n import clock_text, weekday_day_text
from kintsugi.ui.widgets.flow_layout import FlowLayout

C = "KeepOffer"
NOUNS = {
    "box_breathing": QT_TRANSLATE_NOOP("KeepOffer", "breathing"),
    "paced_breathing": QT_TRANSLATE_NOOP("KeepOffer", "breathing"),
    "senses_54321": QT_TRANSLATE_NOOP("KeepOffer", "5-4-3-2-1"),
    "muscle_relaxation": QT_TRANSLATE_NOOP("KeepOffer", "muscle relaxation"),
    "thought_record": QT_TRANSLATE_NOOP("KeepOffer", "thought record"),
    "custom": QT_TRANSLATE_NOOP("KeepOffer", "exercise"),
}


class KeepOffer(QFrame):
    keep_requested = Signal(object)  # a GroundingSession draft

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="keepOffer", visible=False)  # type: ignore[call-arg]
        self.drafts: list[GroundingSession] = []
        self.allowed = False  # shown only while the journal is open
        self.label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.label.setAccessibleName(self.tr("An exercise to keep"))
        self.keep_button = QPushButton(self.tr("Keep it"))
        self.keep_button.setProperty("role", "primary")
        self.keep_button.setAccessibleName(self.tr("Keep it in my journal"))
        self.keep_button.clicked.connect(self.on_keep_clicked)
        self.let_go_button = QPushButton(self.tr("Let it go"))
        self.let_go_button.setAccessibleName(self.tr("Let it go, don't keep it"))
        self.let_go_button.clicked.connect(self.on_let_go_clicked)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 8, 8)
        column.addWidget(self.label)
        row = FlowLayout(spacing=6)  # as wide as the section list; the buttons wrap if need be
        row.addWidget(self.let_go_button)
        row.addWidget(self.keep_button)
        column.addLayout(row)

    def add(self, draft: GroundingSession) -> None:
        self.drafts.append(draft)
        self._show_first()

    def describe(self, draft: GroundingSession, now: datetime | None = None) -> str:
        now = now or datetime.now().astimezone()
        noun = marked(C, NOUNS.get(draft.technique, NOUNS["custom"]))
        if draft.technique == "custom" and draft.steps and draft.steps[0].get("name"):
            noun = str(draft.steps[0]["name"])
        when = draft.occurred_at
        if when.date() == now.date():
            at = clock_text(when)
        else:
            at = f"{weekday_day_text(when)}, {clock_text(when)}"
        text = self.tr("Keep the %1 you did at %2?").replace("%1", noun)
        return text.replace("%2", at)

    def set_allowed(self, allowed: bool) -> None:
        self.allowed = allowed
        self._show_first()

    def _show_first(self) -> None:
        self.setVisible(self.allowed and bool(self.drafts))
        if not self.drafts:
            self.label.clear()
            return
        text = self.describe(self.drafts[0])
        if len(self.drafts) > 1:
            text += " " + self.tr("(and %1 more)").replace("%1", str(len(self.drafts) - 1))
        self.label.setText(text)

    def on_keep_clicked(self) -> None:
        if self.drafts:
            self.keep_requested.emit(self.drafts.pop(0))
        self._show_first()

    def on_let_go_clicked(self) -> None:
        if self.drafts:
            self.drafts.pop(0)
        self._show_first()

    def forget_all(self) -> None:
        self.drafts.clear()
        self._show_first()

    def put_back(self, draft: GroundingSession) -> None:
        """Keeping failed (disk full…): it stays offered, first in line."""
        self.drafts.insert(0, draft)
        self._show_first()

"""The people who help, as a calm list: each name with how to reach them, Copy and Call.

Shown on the home screen's side column, on the gentle "next step" page after an exercise,
and — only if the person chose it in Settings — on the lock screen (from the support card).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.support_card import CrisisLine

_PHONE = re.compile(r"^\+?[\d\s().-]{3,}$")


def phone_url(reach: str) -> QUrl | None:
    """A tel: link for something that looks like a phone number, else None."""
    text = reach.strip()
    if not _PHONE.match(text):
        return None
    return QUrl("tel:" + re.sub(r"[^\d+]", "", text))


class SupportList(QWidget):
    """Rows of name · reach · [Copy] [Call]; the crisis line last, in the same quiet style."""

    copied = Signal(str)
    call_requested = Signal(QUrl)

    def __init__(self, compact: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.compact = compact
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.rows: list[tuple[str, str]] = []
        self.empty = QLabel(
            self.tr("No one here yet. You can add a friend, your therapist or a line you trust."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.empty.setProperty("role", "subtle")
        self.open_url = QDesktopServices.openUrl  # the system's dialler (tests replace it)

    def set_people(self, contacts: list[dict], crisis_line: CrisisLine | None) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None and w is not self.empty:
                w.deleteLater()
        self.rows = [(c.get("name", ""), c.get("reach", "")) for c in contacts]
        if crisis_line is not None:
            self.rows.append((crisis_line.name or self.tr("Crisis line"), crisis_line.number))
        if not self.rows:
            self.grid.addWidget(self.empty, 0, 0, 1, 4)
            self.empty.show()
            return
        self.empty.hide()
        for r, (name, reach) in enumerate(self.rows):
            who = QLabel(name, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
            how = QLabel(reach, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
            how.setProperty("role", "subtle")
            if self.compact:
                self.grid.addWidget(who, 2 * r, 0, 1, 3)
                self.grid.addWidget(how, 2 * r + 1, 0)
                row, col = 2 * r + 1, 1
            else:
                self.grid.addWidget(who, r, 0)
                self.grid.addWidget(how, r, 1)
                row, col = r, 2
            copy = QPushButton(self.tr("Copy"))
            copy.setAccessibleName(self.tr("Copy how to reach %1").replace("%1", name))
            copy.clicked.connect(lambda _=False, text=reach: self.copy(text))
            self.grid.addWidget(copy, row, col)
            url = phone_url(reach)
            if url is not None:
                call = QPushButton(self.tr("Call"))
                call.setAccessibleName(self.tr("Call %1").replace("%1", name))
                call.clicked.connect(lambda _=False, u=url: self.call(u))
                self.grid.addWidget(call, row, col + 1)
        self.grid.setColumnStretch(4, 1)  # the buttons stay beside what they act on

    def call(self, url: QUrl) -> None:
        self.call_requested.emit(url)
        self.open_url(url)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)


class SupportCardDialog(QDialog):
    """The lock screen's view of the support card: names and numbers, nothing else."""

    safety_plan_requested = Signal()  # the plan's "things I can do on my own", if kept

    def __init__(
        self,
        contacts: list[dict],
        crisis_line: CrisisLine | None,
        parent=None,
        *,
        with_plan: bool = False,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("People who help"))
        intro = QLabel(
            self.tr("You don't have to do this alone."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.people = SupportList()
        self.people.set_people(contacts, crisis_line)
        note = QLabel(
            self.tr("You chose to keep these readable on this computer, before unlocking."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        note.setProperty("role", "subtle")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if with_plan:
            plan = QPushButton(self.tr("My safety plan…"))
            plan.setAccessibleName(self.tr("My safety plan"))
            plan.clicked.connect(self.safety_plan_requested)
            buttons.addButton(plan, QDialogButtonBox.ButtonRole.HelpRole)
        layout = QVBoxLayout(self)
        for w in (intro, self.people, note, buttons):
            layout.addWidget(w)

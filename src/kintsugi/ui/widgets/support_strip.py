"""'People who help' on the home screen's side column: always there, never loud.

Each person is one quiet row; clicking it offers Copy and Call. Cleared on lock."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from kintsugi.core.support_card import CrisisLine
from kintsugi.ui.widgets.safe_text import plain_tooltip
from kintsugi.ui.widgets.support_list import SupportList, phone_url

SHOWN = 4


class SupportStrip(QWidget):
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="supportStrip")  # type: ignore[call-arg]
        heading = QLabel(self.tr("People who help"), textFormat=Qt.TextFormat.PlainText)
        heading.setProperty("role", "subtle")
        self.rows = QVBoxLayout()
        self.rows.setSpacing(0)
        self.edit_button = QPushButton(self.tr("Add someone…"), flat=True)
        self.edit_button.setAccessibleName(self.tr("My support contacts"))
        self.edit_button.clicked.connect(self.edit_requested)
        self.reach = SupportList()  # its copy() and call() (the dialler is replaceable)
        self.reach.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 8)
        layout.setSpacing(2)
        layout.addWidget(heading)
        layout.addLayout(self.rows)
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.buttons: list[QPushButton] = []

    def set_people(self, contacts: list[dict], crisis_line: CrisisLine | None) -> None:
        for b in self.buttons:
            b.deleteLater()
        self.buttons = []
        people = [(c.get("name", ""), c.get("reach", "")) for c in contacts][:SHOWN]
        if crisis_line is not None:
            people.append((crisis_line.name or self.tr("Crisis line"), crisis_line.number))
        for name, reach in people:
            b = QPushButton(name, flat=True)
            b.setAccessibleName(self.tr("%1, %2").replace("%1", name).replace("%2", reach))
            b.setToolTip(plain_tooltip(reach) or "")  # their text, never markup
            b.setStyleSheet("text-align: left; padding: 3px 6px;")
            menu = QMenu(b)
            copy = QAction(self.tr("Copy %1").replace("%1", reach), menu)
            copy.triggered.connect(lambda _=False, r=reach: self.reach.copy(r))
            menu.addAction(copy)
            url = phone_url(reach)
            if url is not None:
                call = QAction(self.tr("Call %1").replace("%1", reach), menu)
                call.triggered.connect(lambda _=False, u=url: self.reach.call(u))
                menu.addAction(call)
            b.setMenu(menu)
            self.rows.addWidget(b)
            self.buttons.append(b)
        more = len(contacts) > SHOWN
        if more:
            self.edit_button.setText(self.tr("All of them…"))
        else:
            self.edit_button.setText(self.tr("Edit…") if people else self.tr("Add someone…"))

    def clear(self) -> None:
        self.set_people([], None)

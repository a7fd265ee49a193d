"""First run: create a vault with a passphrase (twice), with honest words about recovery."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.ui.unlock.breathe_first import BreatheFirstNote
from kintsugi.ui.unlock.passphrase import PassphraseField, StrengthMeter, centre, too_short
from kintsugi.ui.widgets.reflow import Column


class WelcomePane(QWidget):
    """Emits ``create_requested(passphrase, wants_recovery_key)`` when the form is sound."""

    create_requested = Signal(str, bool)
    join_requested = Signal()  # join a journal another computer syncs (ui/sync/join.py)
    breathe_requested = Signal()  # the built-in exercises, before there is a journal
    support_requested = Signal()  # the support card, if there is one on this computer

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(self.tr("Welcome to Kintsugi"), textFormat=Qt.TextFormat.PlainText)
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "A private place for your journal, the moments that hit hard, and what helps. "
                "Everything stays on this computer, encrypted with a passphrase only you know."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.passphrase = PassphraseField(self.tr("Passphrase"))
        self.repeat = PassphraseField(self.tr("Repeat the passphrase"))
        self.meter = StrengthMeter(self.passphrase)
        warning = QLabel(
            self.tr(
                "There is no way back in without this passphrase — no reset, no account. "
                "A recovery key is your spare: keep it somewhere safe, apart from this computer."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        warning.setProperty("role", "note")
        self.want_recovery = QCheckBox(  # type: ignore[call-overload]
            self.tr("Give me a recovery key (recommended)"), checked=True
        )
        self.want_recovery.setAccessibleName(self.tr("Give me a recovery key"))
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setProperty("role", "error")
        self.message.setAccessibleName(self.tr("Message"))
        self.busy = QProgressBar(minimum=0, maximum=0, visible=False, textVisible=False)  # type: ignore[call-arg]
        self.busy.setAccessibleName(self.tr("Creating your journal file"))
        self.create_button = QPushButton(self.tr("Create my journal"))
        self.create_button.setProperty("role", "primary")
        self.create_button.setDefault(True)
        self.create_button.setAccessibleName(self.tr("Create my journal"))
        self.create_button.clicked.connect(self.on_create_clicked)
        self.repeat.returnPressed.connect(self.on_create_clicked)
        self.passphrase.returnPressed.connect(self.repeat.setFocus)

        self.join_button = QPushButton(self.tr("Join a journal from another computer…"))
        self.join_button.setAccessibleName(self.tr("Join a journal from another computer"))
        self.join_button.clicked.connect(self.join_requested)

        self.calm_row = BreatheFirstNote()
        self.calm_row.breathe_requested.connect(self.breathe_requested)
        self.calm_row.support_requested.connect(self.support_requested)
        self.breathe_button = self.calm_row.breathe_button
        self.people_button = self.calm_row.people_button

        column = Column(chars=52)  # as wide as 52 characters of the text size
        layout = QVBoxLayout(column)
        layout.setSpacing(10)
        for w in (
            heading,
            intro,
            self.passphrase,
            self.meter,
            self.repeat,
            warning,
            self.want_recovery,
            self.message,
            self.busy,
            self.create_button,
            self.join_button,
        ):
            layout.addWidget(w)
        layout.addSpacing(18)
        layout.addWidget(self.calm_row)
        centre(self, column)

    def on_create_clicked(self) -> None:
        first, second = self.passphrase.text(), self.repeat.text()
        if problem := too_short(first):
            self.show_message(problem)
        elif first != second:
            self.show_message(self.tr("The two passphrases are different."))
            self.repeat.selectAll()
            self.repeat.setFocus()
        else:
            self.set_busy(True)
            self.show_message("")
            self.create_requested.emit(first, self.want_recovery.isChecked())

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for w in (self.passphrase, self.repeat, self.create_button, self.want_recovery):
            w.setEnabled(not busy)

    def set_support_available(self, available: bool) -> None:
        self.people_button.setVisible(available)

    def clear(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.show_message("")
        self.set_busy(False)

"""Quick log: what kind of moment, how strong, one line — saved in one click (or Enter).
Then, gently: ground now, add details, or simply done."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.errors import KintsugiError
from kintsugi.core.records import CUE_CATEGORIES, Trigger
from kintsugi.core.repo.triggers import cue_label
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.suds import SudsSlider


class QuickLogDialog(QDialog):
    saved = Signal(int)  # trigger id
    ground_requested = Signal(int)
    details_requested = Signal(int)
    support_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.trigger_id: int | None = None
        self.setWindowTitle(self.tr("Log a moment"))
        self.cue = QComboBox()
        self.cue.setAccessibleName(self.tr("What set it off"))
        for cue in CUE_CATEGORIES:
            self.cue.addItem(cue_label(cue), cue)
        self.suds = SudsSlider(self.tr("How strong, 0 to 10"))
        self.what = QLineEdit(placeholderText=self.tr("One line about what happened (optional)"))
        self.what.setAccessibleName(self.tr("What happened"))
        # Enter anywhere presses the default button, Save (no returnPressed hook: the dialog
        # would then also press the next default button in the same key press).
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setProperty("role", "error")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.on_save_clicked)
        support = QPushButton(self.tr("Support…"))
        support.setAccessibleName(self.tr("My support contacts"))
        support.setAutoDefault(False)
        support.clicked.connect(self.support_requested)

        form = QWidget()
        f = QVBoxLayout(form)
        f.addWidget(QLabel(self.tr("What set it off?"), textFormat=Qt.TextFormat.PlainText))
        f.addWidget(self.cue)
        f.addWidget(
            QLabel(self.tr("How strong is it right now?"), textFormat=Qt.TextFormat.PlainText)
        )
        f.addWidget(self.suds)
        f.addWidget(self.what)
        f.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(support)
        row.addStretch(1)
        row.addWidget(self.save_button)
        f.addLayout(row)

        after = QWidget()
        a = QVBoxLayout(after)
        done_text = QLabel(
            self.tr("Saved. Noticing it is already a step.\n\nWould something help now?"),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.ground_button = QPushButton(self.tr("Ground now"))
        self.ground_button.setAccessibleName(self.tr("Ground now"))
        self.ground_button.clicked.connect(lambda: self._then(self.ground_requested))
        self.details_button = QPushButton(self.tr("Add details"))
        self.details_button.setAccessibleName(self.tr("Add details"))
        self.details_button.clicked.connect(lambda: self._then(self.details_requested))
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setAccessibleName(self.tr("Done"))
        self.done_button.clicked.connect(self.accept)
        a.addWidget(done_text)
        for b in (self.ground_button, self.details_button, self.done_button):
            a.addWidget(b)
        self.pages = QStackedWidget()
        self.pages.addWidget(form)
        self.pages.addWidget(after)
        QVBoxLayout(self).addWidget(self.pages)
        self.resize(460, 320)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.cue.setFocus()

    def on_save_clicked(self) -> None:
        if self.trigger_id is not None:
            return
        trigger = Trigger(
            cue=self.cue.currentData(),
            suds_peak=self.suds.value(),
            situation=self.what.text().strip(),
        )
        try:
            self.trigger_id = self.session.triggers().add(trigger).id
        except KintsugiError as exc:
            self.message.setText(describe(exc))
            return
        self.saved.emit(self.trigger_id)
        self.pages.setCurrentIndex(1)
        self.done_button.setDefault(True)
        self.ground_button.setFocus()

    def _then(self, signal) -> None:
        self.accept()
        signal.emit(self.trigger_id)

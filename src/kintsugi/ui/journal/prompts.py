"""Write from a prompt: a small library of prompts for this journey and one's own templates
(kept in the vault), each the start of a new entry. Nothing is kept until the person writes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import practices
from kintsugi.core.repo.templates import TemplateRepository
from kintsugi.ui.i18n import day_text
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.reflow import ReflowRow

#: What a row holds: ("prompt", key) or ("template", id); headings hold nothing.
ChoiceRole = Qt.ItemDataRole.UserRole


class PromptDialog(QDialog):
    """Choose a prompt or a template; ``chosen`` gives the new entry's title and body."""

    chosen = Signal(str, str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Write from a prompt"))
        intro = QLabel(
            self.tr(
                "A question to start from, if a blank page is hard today. What you write "
                "stays private unless you mark it for sharing."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        intro.setProperty("role", "subtle")
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Prompts and my templates"))
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self.on_current_changed)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.preview = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.preview.setAccessibleName(self.tr("What the page starts with"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        write = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        write.setText(self.tr("Write"))
        write.setAccessibleName(self.tr("Write from this"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(ReflowRow(self.list, self.preview, stretches=(1, 1)), 1)
        layout.addWidget(self.buttons)
        self.fill()

    def _heading(self, text: str) -> None:
        row = QListWidgetItem(text)
        row.setFlags(Qt.ItemFlag.NoItemFlags)
        font = row.font()
        font.setBold(True)
        row.setFont(font)
        self.list.addItem(row)

    def fill(self) -> None:
        self.list.clear()
        self._heading(self.tr("Prompts"))
        for p in practices.PROMPTS:
            row = QListWidgetItem(p.shown_title())
            row.setData(ChoiceRole, ("prompt", p.key))
            self.list.addItem(row)
        templates = TemplateRepository(self.session.database()).all_live()
        self._heading(self.tr("My templates"))
        if not templates:
            row = QListWidgetItem(self.tr("None yet: Together → My templates keeps your own."))
            row.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(row)
        repo = TemplateRepository(self.session.database())
        for t in templates:
            label = repo.title_of(t)
            if t.due:
                label += " · " + self.tr("due %1").replace("%1", day_text(t.due))
            row = QListWidgetItem(label)
            row.setData(ChoiceRole, ("template", t.id))
            self.list.addItem(row)
        self.list.setCurrentRow(1)
        self.list.setFocus()

    def select_template(self, template_id: int) -> None:
        for n in range(self.list.count()):
            if self.list.item(n).data(ChoiceRole) == ("template", template_id):
                self.list.setCurrentRow(n)
                return

    def current_start(self) -> tuple[str, str] | None:
        """(title, body) of the chosen prompt or template."""
        item = self.list.currentItem()
        choice = item.data(ChoiceRole) if item is not None else None
        if not choice:
            return None
        what, key = choice
        if what == "prompt":
            p = next(p for p in practices.PROMPTS if p.key == key)
            return p.shown_title(), p.body()
        return template_start(self.session, key)

    def on_current_changed(self, current, previous) -> None:
        start = self.current_start()
        self.preview.setText(start[1].strip() if start else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(start is not None)

    def accept(self) -> None:
        start = self.current_start()
        if start is None:
            return
        super().accept()
        self.chosen.emit(*start)


def template_start(session: Session, template_id: int) -> tuple[str, str]:
    """A template's (title, body) as a new entry starts."""
    repo = TemplateRepository(session.database())
    t = repo.get(template_id)
    due_words = QCoreApplication.translate("PromptDialog", "Due %1")
    return repo.title_of(t), practices.template_body(t.text, t.due, due_words)

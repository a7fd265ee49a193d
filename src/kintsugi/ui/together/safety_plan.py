"""The safety plan (Stanley–Brown): six parts and what matters to me, written calmly ahead
of a hard time, printable, and one step away from the people who help and from the
exercise screen's "still hard right now".

The page keeps the plan as you go (the newest plan is the one shown first; "Start a new
plan" keeps the old one in the journal). The plan prints (Qt's printing) and saves as a
PDF (Qt's PDF writer, on the thread pool; written like every export). The support card
may carry the plan's "things I can do on my own" — see ``SupportContacts.card_coping``."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    Qt,
    Signal,
)
from PySide6.QtGui import QPageLayout, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import transfer
from kintsugi.core.i18n import marked
from kintsugi.core.records import SAFETY_PLAN_PARTS, Record, SafetyPlan
from kintsugi.core.repo.safety_plans import PART_LABELS, SafetyPlanRepository
from kintsugi.core.share import share_dict
from kintsugi.ui import channel
from kintsugi.ui.checkins.record_list import RecordListTab
from kintsugi.ui.dialogs.files import ask_save
from kintsugi.ui.i18n import day_text, long_day_text
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.safe_text import SafeTextBrowser, SafeTextDocument
from kintsugi.ui.widgets.screen_fit import fit_to_screen
from kintsugi.ui.workers import run_in_background

# What each part is for, under its name (the person's words go in the box below it).
PART_HINTS = {
    "warning_signs": QT_TRANSLATE_NOOP(
        "SafetyPlan", "Thoughts, feelings or moments that tell me a hard time may be starting."
    ),
    "coping_alone": QT_TRANSLATE_NOOP(
        "SafetyPlan", "Things that help me a little, by myself: a walk, music, a shower, breathing."
    ),
    "distractions": QT_TRANSLATE_NOOP(
        "SafetyPlan", "People to be with and places to go that help me feel better for a while."
    ),
    "helpers": QT_TRANSLATE_NOOP(
        "SafetyPlan", "People I can tell that I'm not okay, and how to reach them."
    ),
    "professionals": QT_TRANSLATE_NOOP(
        "SafetyPlan", "My therapist or doctor, a crisis line, and how to reach them, any time."
    ),
    "safer_environment": QT_TRANSLATE_NOOP(
        "SafetyPlan", "What I can put away or ask someone to keep, so things around me are safer."
    ),
    "reasons": QT_TRANSLATE_NOOP(
        "SafetyPlan", "People, hopes and things that matter to me, worth staying safe for."
    ),
}
EMERGENCY = QT_TRANSLATE_NOOP(
    "SafetyPlan",
    "If you might not be safe right now, call your local emergency number. You deserve help.",
)


def plan_markdown(plan: SafetyPlan) -> str:
    """The plan as a page to keep: its parts in order, when it was last changed, and the
    emergency line (the same words as every export of it)."""
    data = share_dict(plan)
    body = SafetyPlanRepository.render_body(lambda key: data.pop(key, None))
    heading = QCoreApplication.translate("SafetyPlan", "My safety plan")
    changed = plan.updated_at or plan.occurred_at
    when = QCoreApplication.translate("SafetyPlan", "Last changed %1").replace(
        "%1", long_day_text(changed.date())
    )
    lines = [f"# {heading}", "", f"*{when}*", "", *body, f"*{marked('SafetyPlan', EMERGENCY)}*"]
    return "\n".join(lines) + "\n"


def plan_document(plan: SafetyPlan) -> SafeTextDocument:
    doc = SafeTextDocument()
    doc.set_markdown(plan_markdown(plan))
    return doc


def plan_pdf(plan: SafetyPlan) -> bytes:
    """The plan as a PDF (Qt's own writer; neutral metadata, like the report)."""
    from kintsugi.ui.insights.pdf_text import map_astral_glyphs, prefer_text_presentation
    from kintsugi.ui.insights.report import RESOLUTION, _paint_document, page_size_for

    doc = plan_document(plan)
    prefer_text_presentation(doc)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(QCoreApplication.translate("SafetyPlan", "My safety plan"))
    writer.setCreator("")
    writer.setPageLayout(
        QPageLayout(
            page_size_for(),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(RESOLUTION)
    size = writer.pageLayout().paintRectPixels(RESOLUTION).size().toSizeF()
    painter = QPainter(writer)
    _paint_document(painter, writer, doc, size, first=True)
    painter.end()
    del writer
    buffer.close()
    return map_astral_glyphs(bytes(data.data()), doc.toRawText(), doc.defaultFont())


def print_plan(plan: SafetyPlan, parent: QWidget | None) -> bool:
    """Qt's print dialog, then the plan on paper (True: it was sent to the printer)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    printer.setDocName(QCoreApplication.translate("SafetyPlan", "My safety plan"))
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    plan_document(plan).print_(printer)
    return True


def save_plan_pdf(
    session: Session, plan: SafetyPlan, out: Path, on_done=None, on_failed=None
) -> None:
    """Write the plan's PDF to ``out`` on the thread pool, like every export (atomic, 0600,
    logged in what was shared)."""
    db = session.database()
    label = QCoreApplication.translate("SafetyPlan", "safety plan")

    def work() -> str:
        return transfer.write_export(
            db, plan_pdf(plan), out, fmt="pdf", recipient=label, item_ids=[plan.id or 0]
        )

    def done(_digest: str) -> None:
        channel.info(
            QCoreApplication.translate("SafetyPlan", "Saved to %1").replace("%1", out.name)
        )
        if on_done:
            on_done(out)

    def failed(exc: BaseException) -> None:
        channel.error(describe(exc))
        if on_failed:
            on_failed(exc)

    run_in_background(work, done, failed)


def ask_and_save_pdf(session: Session, plan: SafetyPlan, parent: QWidget) -> None:
    title = QCoreApplication.translate("SafetyPlan", "Save the safety plan as PDF")
    out = ask_save(parent, title, Path.home() / "plan.pdf", "PDF (*.pdf)")
    if out is not None:
        save_plan_pdf(session, plan, out)


class SafetyPlanPage(RecordListTab):
    """Together → Safety plan (a practice page: ui/together/page.py)."""

    support_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(
            session,
            self.tr("Safety plans, newest first"),
            self.tr("Start a new plan"),
            self.tr(
                "No safety plan yet. It helps to write one on a calmer day, a few lines at a "
                "time: what tells you a hard time is coming, what helps, and who you can turn "
                "to. Press Start a new plan."
            ),
            parent,
            writing_text=self.tr(
                "No safety plan kept yet. Write it in the form beside this, a few lines at a "
                "time, on a calmer day if you can: it is kept from the first words you type."
            ),
        )
        self.title = self.tr("Safety plan")  # the PracticePage protocol
        self.kinds: tuple[str, ...] = ("safety_plan",)
        intro = QLabel(
            self.tr(
                "Your plan for a hard moment, in your own words, one thing per line. "
                "Go through it step by step when you need it; any step can be enough."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        intro.setProperty("role", "subtle")
        self.parts: dict[str, QPlainTextEdit] = {}
        body = QVBoxLayout(self.form)
        body.addWidget(intro)
        for number, part in enumerate(SAFETY_PLAN_PARTS, 1):
            name = marked("render", PART_LABELS[part])
            heading = QLabel(f"{number}. {name}", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
            heading.setProperty("role", "subheading")
            hint = QLabel(
                marked("SafetyPlan", PART_HINTS[part]),
                wordWrap=True,
                textFormat=Qt.TextFormat.PlainText,
            )
            hint.setProperty("role", "subtle")
            edit = QPlainTextEdit(placeholderText=self.tr("One thing per line"))
            edit.setTabChangesFocus(True)  # Tab moves on to the next part
            edit.setAccessibleName(name)
            edit.setAccessibleDescription(hint.text())
            lines = edit.fontMetrics().lineSpacing()
            edit.setMinimumHeight(lines * 3 + 12)  # three to six lines, at any text size
            edit.setMaximumHeight(lines * 6 + 12)
            edit.textChanged.connect(self.on_field_changed)
            heading.setBuddy(edit)
            self.parts[part] = edit
            for w in (heading, hint, edit):
                body.addWidget(w)
        card_heading = QLabel(
            self.tr("“Things I can do on my own”, before unlocking"),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        card_heading.setProperty("role", "subheading")
        self.on_card = QCheckBox(self.tr("Keep them readable on this computer"))
        self.on_card.setAccessibleName(self.tr("Things I can do on my own, before unlocking"))
        self.on_card.toggled.connect(self.on_card_toggled)
        self.card_note = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.card_note.setProperty("role", "subtle")
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))
        self.share.toggled.connect(self.on_field_changed)
        self.state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))
        for last in (card_heading, self.on_card, self.card_note, self.share, self.state):
            body.addWidget(last)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setAccessibleName(self.tr("Print the safety plan"))
        self.print_button.clicked.connect(self.on_print)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Save the safety plan as PDF"))
        self.pdf_button.clicked.connect(self.on_pdf)
        self.people_button = QPushButton(self.tr("People who help…"))
        self.people_button.setAccessibleName(self.tr("People who help"))
        self.people_button.clicked.connect(self.support_requested)
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        for b in (self.people_button, self.print_button, self.pdf_button):
            row.addWidget(b)
        row.addStretch(1)
        self.assemble(scroll, buttons)
        self._update_buttons()

    # --- RecordListTab ---------------------------------------------------------------
    def repo(self):
        return self.session.repository("safety_plan")

    def add_list_row(self, item_id: int, extra: object) -> None:
        plan = self.repo().get(item_id)
        changed = plan.updated_at or plan.occurred_at
        row = QListWidgetItem(self.tr("Safety plan · %1").replace("%1", day_text(changed.date())))
        row.setData(Qt.ItemDataRole.UserRole, item_id)
        self.list.addItem(row)

    def blank(self) -> SafetyPlan:
        return SafetyPlan()

    def focus_new(self) -> None:
        self.parts["warning_signs"].setFocus()

    def show_record(self, rec: Record) -> None:
        assert isinstance(rec, SafetyPlan)
        for part, edit in self.parts.items():
            edit.setPlainText("\n".join(getattr(rec, part)))
        self.share.setChecked(rec.shared)
        self._update_buttons()

    def collect(self) -> SafetyPlan:
        plan = self._record
        assert isinstance(plan, SafetyPlan)
        plan = dataclasses.replace(plan, shared=self.share.isChecked())
        for part, edit in self.parts.items():
            setattr(plan, part, edit.toPlainText().splitlines())
        return plan

    def after_save(self, saved: Record, extra: object) -> None:
        self._update_buttons()

    def clear_fields(self) -> None:
        for edit in self.parts.values():
            edit.clear()
        self.on_card.blockSignals(True)
        self.on_card.setChecked(False)
        self.on_card.blockSignals(False)
        self._update_buttons()

    # --- the page ---------------------------------------------------------------------
    def on_unlocked(self) -> None:
        super().on_unlocked()
        self._show_card_choice()

    def open_item(self, item_id: int, kind: str) -> None:
        self.open_record(item_id)

    def new_plan_if_none(self) -> None:
        """Open the newest plan, or an empty one ready for its first words."""
        self.reload()
        if self.list.count() == 0:
            self.new_record()

    def shown_plan(self) -> SafetyPlan | None:
        rec = self._record
        if isinstance(rec, SafetyPlan) and rec.id is not None:
            self.flush()
            return self.repo().get(rec.id)
        return None

    def _update_buttons(self) -> None:
        has = isinstance(self._record, SafetyPlan) and self._record.id is not None
        self.print_button.setEnabled(has)
        self.pdf_button.setEnabled(has)

    def _show_card_choice(self) -> None:
        if not self.session.is_open:
            return
        contacts = self.session.support_contacts()
        card = contacts.before_unlock()
        self.on_card.blockSignals(True)
        self.on_card.setChecked(contacts.plan_on_card())
        self.on_card.blockSignals(False)
        self.on_card.setEnabled(card)
        self.card_note.setText(
            self.tr(
                "Only that part, only on this computer, beside your support card; never your "
                "people, warning signs or reasons. Turning it off removes it."
            )
            if card
            else self.tr(
                "To have it before unlocking, first choose to keep your support card on this "
                "computer (Settings)."
            )
        )

    def on_card_toggled(self, on: bool) -> None:
        if self.session.is_open:
            self.flush()
            self.session.support_contacts().set_plan_on_card(on)

    def on_print(self) -> None:
        plan = self.shown_plan()
        if plan is not None:
            print_plan(plan, self)

    def on_pdf(self) -> None:
        plan = self.shown_plan()
        if plan is not None:
            ask_and_save_pdf(self.session, plan, self)


class SafetyPlanDialog(QDialog):
    """The plan read calmly, one step away (People who help, "still hard right now"): Print,
    Save as PDF, or change it on its page. With no plan yet, a gentle way to start one."""

    edit_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("My safety plan"))
        self.plan = SafetyPlanRepository(session.database()).current()
        self.view = SafeTextBrowser()
        self.view.setAccessibleName(self.tr("My safety plan"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        edit = QPushButton(self.tr("Change my plan") if self.plan else self.tr("Write my plan"))
        edit.setAccessibleName(edit.text())
        edit.clicked.connect(self.on_edit)
        buttons.addButton(edit, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        if self.plan is None:
            empty = QLabel(
                self.tr(
                    "You haven't written a safety plan yet. When you feel a little steadier, "
                    "it can be written a few lines at a time. For now, the people who help "
                    "and the exercises are here."
                ),
                wordWrap=True,
                textFormat=Qt.TextFormat.PlainText,
            )
            layout.addWidget(empty)
            self.view.hide()
        else:
            self.view.setDocument(plan_document(self.plan))
            printing = QPushButton(self.tr("Print…"))
            printing.setAccessibleName(self.tr("Print the safety plan"))
            printing.clicked.connect(lambda: print_plan(self.plan, self))
            pdf = QPushButton(self.tr("Save as PDF…"))
            pdf.setAccessibleName(self.tr("Save the safety plan as PDF"))
            pdf.clicked.connect(lambda: ask_and_save_pdf(self.session, self.plan, self))
            buttons.addButton(printing, QDialogButtonBox.ButtonRole.ActionRole)
            buttons.addButton(pdf, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, (640, 560))

    def on_edit(self) -> None:
        self.edit_requested.emit()
        self.accept()


class CardPlanDialog(QDialog):
    """Before unlocking: the plan's "things I can do on my own", as the support card keeps
    them (only if the person chose so)."""

    def __init__(self, coping: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("My safety plan"))
        heading = QLabel(marked("render", PART_LABELS["coping_alone"]))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setProperty("role", "subheading")
        lines = QLabel("\n".join(f"• {line}" for line in coping), wordWrap=True)
        lines.setTextFormat(Qt.TextFormat.PlainText)
        lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(marked("SafetyPlan", EMERGENCY), wordWrap=True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setProperty("role", "subtle")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (heading, lines, note, buttons):
            layout.addWidget(w)

"""A grounding session read again: what was done, how it felt before and after, and every
answer (a thought record question by question, the 5-4-3-2-1 senses, the breathing).

Opened from its row in the Grounding history, from a search hit, and from its trigger.
Every answer is shown as plain text (never interpreted as markup)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.i18n import Words, marked
from kintsugi.core.records import GroundingSession
from kintsugi.core.render import minutes_text
from kintsugi.core.repo.grounding import technique_label
from kintsugi.ui.i18n import clock_text, number_text, weekday_day_text
from kintsugi.ui.widgets.screen_fit import fit_to_screen

GroundingAnswers = Words("GroundingAnswers")  # plurals outside a Qt class (core/i18n.py)

C = "GroundingSessionDialog"
THOUGHT_RECORD = (
    ("situation", QT_TRANSLATE_NOOP("GroundingSessionDialog", "What happened?")),
    ("emotions", QT_TRANSLATE_NOOP("GroundingSessionDialog", "What did you feel?")),
    ("thoughts", QT_TRANSLATE_NOOP("GroundingSessionDialog", "What went through your mind?")),
    ("hot_thought", QT_TRANSLATE_NOOP("GroundingSessionDialog", "The thought that hurt most")),
    ("evidence_for", QT_TRANSLATE_NOOP("GroundingSessionDialog", "What supports it")),
    ("evidence_against", QT_TRANSLATE_NOOP("GroundingSessionDialog", "What doesn't fit it")),
    ("balanced_thought", QT_TRANSLATE_NOOP("GroundingSessionDialog", "A more balanced thought")),
    ("belief", QT_TRANSLATE_NOOP("GroundingSessionDialog", "How much I believed it")),
    ("emotions_after", QT_TRANSLATE_NOOP("GroundingSessionDialog", "The feelings afterwards")),
)
SENSE_QUESTIONS = {
    "see": QT_TRANSLATE_NOOP("GroundingSessionDialog", "What I could see"),
    "touch": QT_TRANSLATE_NOOP("GroundingSessionDialog", "What I could touch"),
    "hear": QT_TRANSLATE_NOOP("GroundingSessionDialog", "What I could hear"),
    "smell": QT_TRANSLATE_NOOP("GroundingSessionDialog", "What I could smell"),
    "taste": QT_TRANSLATE_NOOP("GroundingSessionDialog", "What I could taste"),
}


def _emotions(values) -> str:
    return "\n".join(
        f"{e.get('name', '')} · {e.get('intensity', 0)} %" for e in values if isinstance(e, dict)
    )


def answers(session: GroundingSession) -> list[tuple[str, str]]:
    """(question, answer) pairs, in the order they were asked, in the person's language;
    empty answers left out."""
    out: list[tuple[str, str]] = []
    for step in session.steps:
        if session.technique == "thought_record":
            for key, question in THOUGHT_RECORD:
                value = step.get(key)
                if key in ("emotions", "emotions_after"):
                    text = _emotions(value or [])
                elif key == "thoughts":
                    text = "\n".join(str(t) for t in value or [])
                elif key == "belief":
                    text = f"{number_text(value)} %" if value else ""
                else:
                    text = str(value or "").strip()
                if text:
                    out.append((marked(C, question), text))
        elif session.technique == "senses_54321":
            items = ", ".join(str(i) for i in step.get("items", []))
            sense = str(step.get("sense", ""))
            if items:
                known = SENSE_QUESTIONS.get(sense)
                out.append((marked(C, known) if known else sense, items))
        elif "pattern" in step:
            breaths = GroundingAnswers.tr("%n breath(s)", "", int(step.get("cycles", 0)))
            length = step.get("length_min")
            if isinstance(length, int | float):
                breaths += " · " + minutes_text(float(length) * 60)
            out.append(
                (
                    QCoreApplication.translate("GroundingSessionDialog", "Breathing"),
                    f"{step['pattern']} · {breaths}",
                )
            )
        elif "steps_done" in step:
            text = QCoreApplication.translate("GroundingSessionDialog", "%1 of %2").replace(
                "%1", str(step["steps_done"])
            )
            out.append(
                (
                    QCoreApplication.translate("GroundingSessionDialog", "Steps"),
                    text.replace("%2", str(step.get("of", "?"))),
                )
            )
    return out


class GroundingSessionDialog(QDialog):
    def __init__(
        self, session: GroundingSession, parent: QWidget | None = None, *, app_session=None
    ):
        super().__init__(parent)
        self.session = session
        title = technique_label(session.technique)
        if session.technique == "custom" and session.steps and session.steps[0].get("name"):
            title = str(session.steps[0]["name"])
        self.setWindowTitle(title)
        heading = QLabel(title, textFormat=Qt.TextFormat.PlainText)
        heading.setProperty("role", "heading")
        facts = [
            f"{weekday_day_text(session.occurred_at)}, {clock_text(session.occurred_at)}",
            minutes_text(session.duration_s),
        ]
        if session.suds_before is not None and session.suds_after is not None:
            facts.append(
                self.tr("distress %1 → %2 (0 = calm, 10 = the worst)")
                .replace("%1", str(session.suds_before))
                .replace("%2", str(session.suds_after))
            )
        if not session.completed:
            facts.append(self.tr("stopped part way (that counts too)"))
        self.facts = QLabel(" · ".join(facts), wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.facts.setProperty("role", "subtle")
        content = QWidget()
        v = QVBoxLayout(content)
        self.answer_labels: list[QLabel] = []
        for question, answer in answers(session) + (
            [(self.tr("Notes"), session.notes)] if session.notes else []
        ):
            q = QLabel(question, textFormat=Qt.TextFormat.PlainText)
            q.setProperty("role", "subheading")
            q.setIndent(0)
            a = QLabel(answer, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
            a.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            a.setAccessibleName(question)
            v.addWidget(q)
            v.addWidget(a)
            self.answer_labels.append(a)
        if not self.answer_labels:
            empty = QLabel(
                self.tr("No answers were written down this time."),
                textFormat=Qt.TextFormat.PlainText,
            )
            empty.setProperty("role", "subtle")
            v.addWidget(empty)
        v.addStretch(1)
        area = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)  # type: ignore[call-arg]
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(content)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.facts)
        layout.addWidget(area, 1)
        self.attachments = None
        if app_session is not None and session.id is not None:
            # photos, a voice note: as under a journal entry (ui/attachments)
            from kintsugi.ui import channel
            from kintsugi.ui.attachments.strip import AttachmentStrip

            record_id = session.id
            self.attachments = AttachmentStrip(app_session, lambda: record_id)
            self.attachments.problem.connect(channel.error)
            self.attachments.refresh()
            app_session.locked.connect(self.attachments.clear)
            layout.addWidget(self.attachments)
        layout.addWidget(buttons)
        fit_to_screen(self, (620, 560))

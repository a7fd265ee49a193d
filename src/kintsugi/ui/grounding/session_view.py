"""A grounding session read again: what was done, how it felt before and after, and every
answer (a thought record question by question, the 5-4-3-2-1 senses, the breathing).

Opened from its row in the Grounding history, from a search hit, and from its trigger.
Every answer is shown as plain text (never interpreted as markup)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.records import GroundingSession
from kintsugi.core.repo.grounding import TECHNIQUE_LABELS
from kintsugi.ui.widgets.screen_fit import fit_to_screen

THOUGHT_RECORD = (
    ("situation", "What happened?"),
    ("emotions", "What did you feel?"),
    ("thoughts", "What went through your mind?"),
    ("hot_thought", "The hot thought"),
    ("evidence_for", "What supports it"),
    ("evidence_against", "What doesn't fit it"),
    ("balanced_thought", "A more balanced thought"),
    ("belief", "How much I believed it"),
    ("emotions_after", "The feelings afterwards"),
)


def _emotions(values) -> str:
    return "\n".join(
        f"{e.get('name', '')} · {e.get('intensity', 0)} %" for e in values if isinstance(e, dict)
    )


def answers(session: GroundingSession) -> list[tuple[str, str]]:
    """(question, answer) pairs, in the order they were asked; empty answers left out."""
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
                    text = f"{value} %" if value else ""
                else:
                    text = str(value or "").strip()
                if text:
                    out.append((question, text))
        elif session.technique == "senses_54321":
            items = ", ".join(str(i) for i in step.get("items", []))
            if items:
                out.append((f"What I could {step.get('sense', '')}", items))
        elif "pattern" in step:
            out.append(
                (
                    "Breathing",
                    f"{step['pattern']} · {step.get('cycles', 0)} breaths"
                    f" of {step.get('length_min', '?')} minutes",
                )
            )
        elif "steps_done" in step:
            out.append(("Steps", f"{step['steps_done']} of {step.get('of', '?')}"))
    return out


class GroundingSessionDialog(QDialog):
    def __init__(self, session: GroundingSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        title = TECHNIQUE_LABELS.get(session.technique, session.technique)
        if session.technique == "custom" and session.steps and session.steps[0].get("name"):
            title = str(session.steps[0]["name"])
        self.setWindowTitle(title)
        heading = QLabel(title, textFormat=Qt.TextFormat.PlainText)
        heading.setProperty("role", "heading")
        minutes = round(session.duration_s / 60, 1)
        facts = [f"{session.occurred_at:%a %d %b %Y, %H:%M}", f"{minutes:g} min"]
        if session.suds_before is not None and session.suds_after is not None:
            facts.append(
                self.tr("distress %1 → %2")
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
            q = QLabel(self.tr(question), textFormat=Qt.TextFormat.PlainText)
            q.setProperty("role", "subheading")
            q.setIndent(0)
            a = QLabel(answer, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
            a.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            a.setAccessibleName(self.tr(question))
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
        layout.addWidget(buttons)
        fit_to_screen(self, (620, 560))

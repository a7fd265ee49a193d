"""Questions and answers between partners: write questions down and send them when ready;
the partner chooses which to answer, and when (Shirley Glass). Both sides see where each
question stands (core/repo/questions.py)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.errors import KintsugiError
from kintsugi.core.fieldtext import inline
from kintsugi.core.i18n import marked
from kintsugi.core.records import Answer, Question, Record
from kintsugi.core.repo import questions as qa
from kintsugi.core.repo.questions import AnswerRepository
from kintsugi.ui import channel
from kintsugi.ui.autosave import Autosaver
from kintsugi.ui.checkins.record_list import RecordListTab
from kintsugi.ui.i18n import day_text
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.reflow import FitRows
from kintsugi.ui.widgets.safe_text import SafeTextBrowser


def state_text(state: str) -> str:
    return marked("questions", qa.STATE_WORDS[state])


# A row's second line (where a question stands) starts a little in, under its words.
SECOND = "\u2003"


def row_text(t: qa.TheirQuestion) -> str:
    """A partner's question in the list: its first line, and where my answer stands."""
    first = t.text.strip().splitlines()[0] if t.text.strip() else "…"
    return f"{first}\n{SECOND}{state_text(t.state)}"


class MyQuestionsTab(RecordListTab):
    """The questions I write for my partner, each with where it stands."""

    share_requested = Signal()  # "Go to Share": where the bundle is made

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(
            session,
            self.tr("My questions, newest first"),
            self.tr("New question"),
            self.tr(
                "No questions yet. When something is on your mind, write it down here, in "
                "your own time. Your partner chooses which to answer, and when."
            ),
            parent,
        )
        self._states: dict[int, qa.MyQuestion] = {}
        self.list.setSpacing(2)  # two lines a row: a little room between questions
        self.text = QPlainTextEdit(placeholderText=self.tr("What I would like to ask"))
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("My question"))
        self.text.textChanged.connect(self.on_field_changed)
        lines = self.text.fontMetrics().lineSpacing()
        self.text.setMaximumHeight(lines * 6 + 12)  # a question is a few lines, at any size
        self.send = QCheckBox(self.tr("Send it in my next bundle"))
        self.send.setAccessibleName(self.tr("Send it in my next bundle"))
        self.send.toggled.connect(self.on_field_changed)
        self.where = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.where.setAccessibleName(self.tr("Where this question stands"))
        self.answer = SafeTextBrowser()
        self.answer.setAccessibleName(self.tr("The answer"))
        self.answer.hide()
        hint = QLabel(
            self.tr(
                "Questions go with the next bundle you make in Share. There is no hurry: an "
                "answer may take time, and that is all right."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        hint.setProperty("role", "subtle")
        self.share_button = QPushButton(self.tr("Go to Share…"))
        self.share_button.setAccessibleName(self.tr("Go to Share"))
        self.share_button.clicked.connect(self.share_requested)
        self.state = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        for w in (self.text, self.send, self.where, self.answer, self.state):
            form.addWidget(w)
        row = QHBoxLayout()
        row.addWidget(self.share_button)
        row.addStretch(1)
        form.addLayout(row)
        form.addWidget(hint)
        self.assemble(self.form)

    def repo(self):
        return self.session.repository("question")

    def record_ids(self) -> list[tuple[int, object]]:
        mine = qa.my_questions(self.session.database())
        self._states = {m.question.id: m for m in mine if m.question.id is not None}
        return [(m.question.id, m.state) for m in mine if m.question.id is not None]

    def row_words(self, text: str, state: object) -> str:
        """A row: the question's first line, and where it stands (never cut off)."""
        first = text.strip().splitlines()[0] if text.strip() else self.tr("(not written yet)")
        words = state_text(state if isinstance(state, str) else qa.NOT_SENT)
        return f"{first}\n{SECOND}{words}"

    def add_list_row(self, item_id: int, state: object) -> None:
        known = self._states.get(item_id)
        text = known.question.text if known else self.repo().get(item_id).text
        row = QListWidgetItem(self.row_words(text, state))
        row.setData(Qt.ItemDataRole.UserRole, item_id)
        self.list.addItem(row)

    def after_save(self, saved: Record, extra: object) -> None:
        """The row follows the question's words as they are changed."""
        assert isinstance(saved, Question)
        known = self._states.get(saved.id or -1)
        if known is not None:
            known.question = saved
        for n in range(self.list.count()):
            row = self.list.item(n)
            if row.data(Qt.ItemDataRole.UserRole) == saved.id:
                row.setText(self.row_words(saved.text, known.state if known else qa.NOT_SENT))

    def blank(self) -> Question:
        return Question(shared=True)  # written to be sent; unticking keeps it to myself

    def focus_new(self) -> None:
        self.text.setFocus()

    def show_record(self, rec: Record) -> None:
        assert isinstance(rec, Question)
        self.text.setPlainText(rec.text)
        self.send.setChecked(rec.shared)
        known = self._states.get(rec.id or -1)
        state = known.state if known else qa.NOT_SENT
        line = state_text(state)
        if known and known.sent_to and state != qa.ANSWERED:
            line = self.tr("Asked — sent to %1. Not answered yet.").replace(
                "%1", ", ".join(dict.fromkeys(known.sent_to))
            )
        elif state == qa.NOT_SENT:
            line = self.tr("Not sent yet.")
        elif state == qa.ANSWERED:
            line = self.tr("Answered.")
        self.where.setText(line)
        if known and known.answers:
            said = self.tr("%1 answered, %2:")
            parts = []
            for a in known.answers:
                when = day_text(a.occurred_at.date())
                head = said.replace("%1", a.sender or "—").replace("%2", when)
                parts += [f"*{head}*", "", inline(str(a.data.get("text") or "")), ""]
            self.answer.setMarkdown("\n".join(parts))
            self.answer.show()
        else:
            self.answer.clear()
            self.answer.hide()

    def collect(self) -> Question:
        rec = self._record
        assert isinstance(rec, Question)
        return dataclasses.replace(
            rec, text=self.text.toPlainText().strip() or rec.text, shared=self.send.isChecked()
        )

    def clear_fields(self) -> None:
        self.text.clear()
        self.where.clear()
        self.answer.clear()
        self.answer.hide()

    def open_item(self, item_id: int) -> None:
        self.open_record(item_id)


class TheirQuestionsTab(QWidget):
    """Questions my partner sent: I choose which to answer, and when."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._rows: list[qa.TheirQuestion] = []
        self._current: qa.TheirQuestion | None = None
        self._loading = False
        self.autosaver = Autosaver(self._save, self)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Questions from my partner"))
        self.fit_rows = FitRows(self.list)  # long rows elided, never a sideways scroll
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self.on_selected)
        self.empty = QLabel(
            self.tr(
                "No questions from your partner yet. When a bundle with questions arrives "
                "(Share → From partner), they are here, to answer when you choose."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.empty.setProperty("role", "subtle")
        self.empty.hide()
        self.question = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.question.setProperty("role", "subheading")
        self.question.setAccessibleName(self.tr("Their question"))
        self.asked = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.asked.setProperty("role", "subtle")
        self.answer = QPlainTextEdit(placeholderText=self.tr("My answer, when I am ready"))
        self.answer.setTabChangesFocus(True)
        self.answer.setAccessibleName(self.tr("My answer"))
        self.answer.textChanged.connect(self.on_changed)
        self.send = QCheckBox(self.tr("Send it in my next bundle"))
        self.send.setAccessibleName(self.tr("Send my answer in my next bundle"))
        self.send.setChecked(True)
        self.send.toggled.connect(self.on_changed)
        self.state = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "subtle")
        self.autosaver.state_changed.connect(lambda _s, text: self.state.setText(text))
        hint = QLabel(
            self.tr(
                "You choose which questions to answer, and when. Nothing leaves until you make "
                "a bundle in Share; an answer can wait."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        hint.setProperty("role", "subtle")
        self.form = QWidget()
        self.form.setEnabled(False)
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        for w in (self.question, self.asked, self.answer, self.send, self.state, hint):
            form.addWidget(w)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.empty, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.form, 2)

    def on_unlocked(self) -> None:
        self.reload()

    def reload(self, select_uid: str | None = None) -> None:
        self.autosaver.save_now()
        self._rows = qa.their_questions(self.session.database())
        self.list.blockSignals(True)
        self.list.clear()
        for n, t in enumerate(self._rows):
            row = QListWidgetItem(row_text(t))
            row.setData(Qt.ItemDataRole.UserRole, n)
            self.list.addItem(row)
        self.list.blockSignals(False)
        self.empty.setVisible(not self._rows)
        self.list.setVisible(bool(self._rows))
        for n, t in enumerate(self._rows):
            if select_uid is None or t.item.uid == select_uid:
                self.list.setCurrentRow(n)
                break

    def open_question(self, uid: str) -> None:
        self.reload(select_uid=uid)
        self.answer.setFocus()

    def on_selected(self, current, previous=None) -> None:
        self.autosaver.save_now()
        if current is None or not self.session.is_open:
            return
        t = self._rows[current.data(Qt.ItemDataRole.UserRole)]
        self._current = t
        self._loading = True
        try:
            self.question.setText(t.text)
            asked = self.tr("Asked by %1 on %2").replace("%1", t.item.sender or "—")
            self.asked.setText(asked.replace("%2", day_text(t.asked_at.date())))
            if t.answer_id is not None:
                mine = AnswerRepository(self.session.database()).get(t.answer_id)
                self.answer.setPlainText(mine.text)
                self.send.setChecked(mine.shared)
            else:
                self.answer.clear()
                self.send.setChecked(True)
            self.state.setText(state_text(t.state))
        finally:
            self._loading = False
        self.autosaver.reset()
        self.form.setEnabled(True)

    def on_changed(self, *_: object) -> None:
        if not self._loading and self._current is not None:
            self.autosaver.changed()

    def _save(self) -> None:
        t = self._current
        if t is None or not self.session.is_open:
            return
        text = self.answer.toPlainText().strip()
        repo = AnswerRepository(self.session.database())
        if t.answer_id is None:
            if not text:
                return  # nothing written: nothing kept
            saved = repo.add(
                Answer(
                    question_uid=t.item.uid,
                    question=t.text,
                    text=text,
                    shared=self.send.isChecked(),
                )
            )
            t.answer_id = saved.id
            t.state = qa.WRITTEN
        else:
            rec = repo.get(t.answer_id)
            repo.update(dataclasses.replace(rec, text=text, shared=self.send.isChecked()))
        row = self.list.currentItem()
        if row is not None:
            row.setText(row_text(t))

    def flush(self) -> bool:
        try:
            return self.autosaver.save_now()
        except KintsugiError as exc:  # pragma: no cover - shown, never raised
            channel.error(describe(exc))
            return False

    def clear(self) -> None:
        self.autosaver.reset()
        self._rows, self._current = [], None
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self._loading = True
        self.answer.clear()
        self._loading = False
        self.question.clear()
        self.asked.clear()
        self.form.setEnabled(False)


class QuestionsPage(QWidget):
    """Together → Questions (a practice page: ui/together/page.py)."""

    share_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = self.tr("Questions")
        self.kinds: tuple[str, ...] = ("question", "answer")
        self.session = session
        self.mine = MyQuestionsTab(session)
        self.theirs = TheirQuestionsTab(session)
        self.mine.share_requested.connect(self.share_requested)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Questions between us"))
        self.tabs.addTab(self.mine, self.tr("My questions"))
        self.tabs.addTab(self.theirs, self.tr("From my partner"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def on_unlocked(self) -> None:
        self.mine.on_unlocked()
        self.theirs.on_unlocked()

    def flush(self) -> bool:
        return all([self.mine.flush(), self.theirs.flush()])

    def refresh_quietly(self) -> None:
        self.mine.refresh_quietly()  # (the partner's questions stay on the computer they came to)

    def clear(self) -> None:
        self.mine.clear()
        self.theirs.clear()

    def open_item(self, item_id: int, kind: str) -> None:
        if kind == "answer":  # my answer: its question, on the partner's side
            answer = AnswerRepository(self.session.database()).get(item_id)
            self.tabs.setCurrentWidget(self.theirs)
            self.theirs.open_question(answer.question_uid)
            return
        self.tabs.setCurrentWidget(self.mine)
        self.mine.open_item(item_id)

    def answer_question(self, uid: str) -> None:
        """From partner → "Answer…": this question, ready for my answer."""
        self.tabs.setCurrentWidget(self.theirs)
        self.theirs.open_question(uid)

"""Questions for the partner and answers to theirs (Shirley Glass: the hurt partner writes
questions down; the other chooses which to answer, and when).

A question leaves in a signed bundle like any marked item; the partner sees it in From
partner, and an answer they write (an ``answer`` record, linked by the question's ``uid``)
comes back the same way. What each side sees:

- my questions: *not sent yet* (in no bundle), *asked* (sent; no answer yet), *answered*
  (an answer to it arrived, from the person it was sent to);
- my partner's questions: *not answered yet*, *answer written* (not sent yet), *answer
  sent*.

An answer is the partner's only if it comes signed by the key saved for the person the
question went to (``check_answers`` refuses a bundle otherwise, with nothing stored); when no
key was saved for them (a passphrase bundle, an address-book entry without a signing key),
trust on first use applies, as for any bundle."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kintsugi.core import validate
from kintsugi.core.errors import AnswersNotFromPartner, InvalidRecord
from kintsugi.core.fieldtext import inline
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, translate
from kintsugi.core.records import Answer, Question
from kintsugi.core.repo.base import Column, Repository, Take, excerpt_of, first_line

if TYPE_CHECKING:  # sharing needs the register of kinds, which names this module
    from kintsugi.core.repo.sharing import ReceivedItem, ShareContact
    from kintsugi.core.share import BundleContent

NOT_SENT, ASKED, ANSWERED = "not_sent", "asked", "answered"
NOT_ANSWERED, WRITTEN, SENT = "not_answered", "written", "sent"
#: What a person reads for each state (the app translates them).
STATE_WORDS = {
    NOT_SENT: QT_TRANSLATE_NOOP("questions", "not sent yet"),
    ASKED: QT_TRANSLATE_NOOP("questions", "asked"),
    ANSWERED: QT_TRANSLATE_NOOP("questions", "answered"),
    NOT_ANSWERED: QT_TRANSLATE_NOOP("questions", "not answered yet"),
    WRITTEN: QT_TRANSLATE_NOOP("questions", "answer written, not sent yet"),
    SENT: QT_TRANSLATE_NOOP("questions", "answer sent"),
}
BUNDLE_FORMAT = "age"  # what the share log calls an encrypted bundle


class QuestionRepository(Repository[Question]):
    record_type = Question
    table = "question"
    columns = (Column("text"),)
    name = QT_TRANSLATE_NOOP("render", "Question")
    labels = {"text": QT_TRANSLATE_NOOP("render", "Question")}
    import_fields = {"text": validate.text}

    @classmethod
    def check_imported(cls, values: dict[str, Any]) -> None:
        if not values.get("text", "").strip():
            raise validate.Invalid(translate("Import", "a question needs its words"))

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        return first_line(str(item.get("text") or ""))

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        text = take("text")
        lines = [inline(str(text)), ""] if text else []
        lines.append(
            "*" + translate("render", "A question for you: answer it if and when you choose.") + "*"
        )
        return lines

    def validate(self, rec: Question) -> None:
        if not rec.text.strip():
            raise InvalidRecord(translate("records", "A question needs its words."))

    def describe(self, rec: Question) -> tuple[str, str, str]:
        return first_line(rec.text), excerpt_of(rec.text), rec.text

    def by_uid(self, uids: Iterable[str]) -> dict[str, int]:
        """This vault's live questions among ``uids``: uid → id."""
        wanted = list(dict.fromkeys(uids))
        if not wanted:
            return {}
        marks = ", ".join("?" for _ in wanted)
        with self.db.read() as conn:
            return dict(
                conn.execute(
                    "SELECT i.uid, i.id FROM item i JOIN question q ON q.item_id = i.id"
                    f" WHERE i.deleted_at IS NULL AND i.uid IN ({marks})",
                    wanted,
                ).fetchall()
            )


class AnswerRepository(Repository[Answer]):
    record_type = Answer
    table = "answer"
    columns = (Column("question_uid"), Column("question"), Column("text"))
    name = QT_TRANSLATE_NOOP("render", "Answer")
    labels = {
        "question": QT_TRANSLATE_NOOP("render", "The question"),
        "question_uid": QT_TRANSLATE_NOOP("render", "Answers the question"),
    }
    links = {"question_uid": QT_TRANSLATE_NOOP("render", "answers item %1")}
    import_fields = {"question_uid": validate.uid, "question": validate.text, "text": validate.text}

    @classmethod
    def check_imported(cls, values: dict[str, Any]) -> None:
        if not values.get("question_uid"):
            raise validate.Invalid(translate("Import", "an answer needs the question it answers"))

    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        return first_line(str(item.get("question") or ""))

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        question, text = take("question"), take("text")
        take("question_uid")  # the link: named at the foot (``links``), not in the words
        lines: list[str] = []
        if question:
            lines += [f"> {inline(str(question))}", ""]
        if text:
            lines += [inline(str(text)), ""]
        lines.append(
            "*"
            + (
                translate("render", "An answer to the question above.")
                if question
                else translate("render", "An answer to one of the questions asked.")
            )
            + "*"
        )
        return lines

    def validate(self, rec: Answer) -> None:
        if not rec.question_uid.strip():
            raise InvalidRecord(translate("records", "An answer needs the question it answers."))

    def describe(self, rec: Answer) -> tuple[str, str, str]:
        return first_line(rec.question), excerpt_of(rec.text), f"{rec.question}\n{rec.text}"

    def for_questions(self) -> dict[str, int]:
        """My live answers, by the uid of the question they answer (the newest one)."""
        with self.db.read() as conn:
            return dict(
                conn.execute(
                    "SELECT a.question_uid, a.item_id FROM answer a JOIN item i"
                    " ON i.id = a.item_id WHERE i.deleted_at IS NULL"
                    " ORDER BY i.occurred_at, i.id"
                ).fetchall()
            )


def bundles_carrying(db: Any, item_ids: Iterable[int]) -> dict[int, list[str]]:
    """For each item, who the encrypted bundles that carried it were for (their labels)."""
    ids = list(dict.fromkeys(item_ids))
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    out: dict[int, list[str]] = {}
    with db.read() as conn:
        for item_id, recipient in conn.execute(
            "SELECT s.item_id, l.recipient FROM share_log_item s JOIN share_log l"
            f" ON l.id = s.log_id WHERE l.format = ? AND s.item_id IN ({marks})"
            " ORDER BY l.id",
            (BUNDLE_FORMAT, *ids),
        ):
            out.setdefault(item_id, []).append(recipient)
    return out


def _asked_keys(labels: list[str], contacts: list[ShareContact]) -> set[str]:
    """The saved signing keys of the people those bundles were for (labels are joined by
    ", " when a bundle went to several)."""
    names = {name.strip() for label in labels for name in label.split(",")}
    return {c.signing_key for c in contacts if c.label in names and c.signing_key}


def answer_is_theirs(signing_key: str, labels: list[str], contacts: list[ShareContact]) -> bool:
    """Whether an answer signed by ``signing_key`` can be from the person its question went
    to: the question was sent, the answer is signed, and by their saved key if one is saved."""
    if not labels or not signing_key:
        return False
    keys = _asked_keys(labels, contacts)
    return not keys or signing_key in keys


def check_answers(db: Any, content: BundleContent) -> None:
    """Refuse (``AnswersNotFromPartner``) a bundle answering this vault's questions that
    cannot be from the person they were sent to. Answers to other questions pass."""
    uids = [str(i.get("question_uid") or "") for i in content.items if i.get("kind") == Answer.KIND]
    mine = QuestionRepository(db).by_uid(u for u in uids if u)
    if not mine:
        return
    from kintsugi.core.repo.sharing import Sharing

    sent = bundles_carrying(db, mine.values())
    contacts = Sharing(db).contacts()
    for item_id in mine.values():
        if not answer_is_theirs(content.signing_key, sent.get(item_id, []), contacts):
            raise AnswersNotFromPartner()


@dataclass
class MyQuestion:
    """One of my questions and where it stands."""

    question: Question
    state: str  # NOT_SENT, ASKED or ANSWERED
    sent_to: list[str] = field(default_factory=list)
    answers: list[ReceivedItem] = field(default_factory=list)  # newest first


@dataclass
class TheirQuestion:
    """A question my partner sent, and where my answer stands."""

    item: ReceivedItem
    state: str  # NOT_ANSWERED, WRITTEN or SENT
    answer_id: int | None = None

    @property
    def text(self) -> str:
        return str(self.item.data.get("text") or "")

    @property
    def asked_at(self) -> datetime:
        return self.item.occurred_at


def my_questions(db: Any) -> list[MyQuestion]:
    """Every live question of mine, newest first, with its state."""
    repo = QuestionRepository(db)
    questions = [repo.get(i) for i in repo.all_ids()]
    sent = bundles_carrying(db, [q.id for q in questions if q.id is not None])
    from kintsugi.core.repo.sharing import Sharing

    sharing = Sharing(db)
    contacts = sharing.contacts()
    answers: dict[str, list[ReceivedItem]] = {}
    for item in sharing.received_latest():
        if item.kind == Answer.KIND:
            answers.setdefault(str(item.data.get("question_uid") or ""), []).append(item)
    out = []
    for q in questions:
        labels = sent.get(q.id or 0, [])
        theirs = [
            a for a in answers.get(q.uid, []) if answer_is_theirs(a.signing_key, labels, contacts)
        ]
        state = ANSWERED if theirs else ASKED if labels else NOT_SENT
        out.append(MyQuestion(q, state, labels, theirs))
    return out


def their_questions(db: Any) -> list[TheirQuestion]:
    """Every question received from a partner (newest first), with my answer's state."""
    from kintsugi.core.repo.sharing import Sharing

    mine = AnswerRepository(db).for_questions()
    received = [i for i in Sharing(db).received_latest() if i.kind == Question.KIND]
    sent = bundles_carrying(db, mine.values())
    out = []
    for item in received:
        answer_id = mine.get(item.uid)
        if answer_id is None:
            out.append(TheirQuestion(item, NOT_ANSWERED))
        else:
            out.append(TheirQuestion(item, SENT if sent.get(answer_id) else WRITTEN, answer_id))
    return out

"""Questions and answers on screen (issue 20 item 6): written and marked to go, seen in From
partner with an Answer button, answered when the partner chooses, and each side's list says
where each question stands — between two real vaults through real bundle files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kintsugi.core import importing, transfer
from kintsugi.core.records import Question
from kintsugi.core.repo import questions as qa
from kintsugi.core.repo.questions import AnswerRepository, QuestionRepository
from kintsugi.core.repo.sharing import ShareContact, Sharing
from kintsugi.core.vault import Vault
from kintsugi.ui.together.questions import QuestionsPage
from kintsugi.ui.workers import wait_for_background
from tests.helpers import FAST_KDF, assert_accessible, settled


def _send(sender_db, to_key: str, label: str, path: Path) -> Path:
    records = transfer.select(sender_db, shared=True)
    data = transfer.export_bytes(
        sender_db, records, "age", exporter=Sharing(sender_db).display_name(), recipients=[to_key]
    )
    transfer.write_export(
        sender_db, data, path, fmt="age", recipient=label, item_ids=[r.id for r in records]
    )
    return path


def test_questions_go_out_and_their_answers_come_back_on_screen(window, qtbot, tmp_path):
    db = window.session.database()
    partner = Vault.create(tmp_path / "partner.kintsugi", "partner pass", params=FAST_KDF)
    try:
        me, them = Sharing(db), Sharing(partner.db)
        me.set_display_name("Robin")
        them.set_display_name("Sam")
        me.save_contacts([ShareContact("Sam", them.my_key(), them.sender().signing_key)])
        them.save_contacts([ShareContact("Robin", me.my_key(), me.sender().signing_key)])

        page = QuestionsPage(window.session)
        qtbot.addWidget(page)
        page.resize(800, 600)
        page.show()
        page.on_unlocked()
        assert_accessible(page)
        mine = page.mine
        assert mine.empty.isVisible()
        mine.new_record()
        assert mine.send.isChecked()  # written to be sent
        qtbot.keyClicks(mine.text, "What did you tell her about us?")
        qtbot.waitUntil(lambda: mine.state.text() == "Saved", timeout=10_000)
        page.flush()
        wait_for_background()
        mine.reload()
        mine.text.setPlainText("What did you tell her about us, and when?")
        qtbot.waitUntil(  # the row follows the words as they change
            lambda: mine.list.item(0).text().startswith("What did you tell her about us, and"),
            timeout=10_000,
        )
        mine.text.setPlainText("What did you tell her about us?")
        page.flush()
        wait_for_background()
        mine.reload()
        # the state on a line of its own: never cut off by a long question
        assert [line.strip() for line in mine.list.item(0).text().splitlines()] == [
            "What did you tell her about us?",
            "not sent yet",
        ]

        _send(db, them.my_key(), "Sam", tmp_path / "q.age")
        mine.reload()
        assert "asked" in mine.list.item(0).text()
        assert "sent to Sam" in mine.where.text()

        # Sam's side: the question in From partner, answered when Sam chooses
        importing.import_path(partner.db, tmp_path / "q.age")
        (theirs,) = qa.their_questions(partner.db)
        AnswerRepository(partner.db).add(
            qa.Answer(
                question_uid=theirs.item.uid,
                question=theirs.text,
                text="That we were trying.",
                shared=True,
            )
        )
        _send(partner.db, me.my_key(), "Robin", tmp_path / "a.age")
    finally:
        partner.lock()
    importing.import_path(db, tmp_path / "a.age")
    mine.reload()
    assert "answered" in mine.list.item(0).text()
    assert mine.answer.isVisible() and "That we were trying." in mine.answer.toPlainText()
    page.clear()
    assert mine.list.count() == 0 and not mine.answer.toPlainText()


def test_a_question_from_my_partner_is_answered_from_from_partner(window, qtbot, tmp_path):
    db = window.session.database()
    partner = Vault.create(tmp_path / "partner.kintsugi", "partner pass", params=FAST_KDF)
    try:
        Sharing(partner.db).set_display_name("Sam")
        QuestionRepository(partner.db).add(Question(text="Can we walk on Sunday?", shared=True))
        QuestionRepository(partner.db).add(Question(text="What helps you most?", shared=True))
        _send(partner.db, Sharing(db).my_key(), "Robin", tmp_path / "q.age")
    finally:
        partner.lock()
    importing.import_path(db, tmp_path / "q.age")

    share = window.share
    window.show_pane(share)
    settled(share, qtbot)
    share.reload_history()
    settled(share, qtbot)
    rows = [share.received.item(n).text() for n in range(share.received.count())]
    n = next(i for i, text in enumerate(rows) if "Sunday" in text)
    asked = []
    share.answer_requested.connect(asked.append)
    share.tabs.setCurrentIndex(share.tabs.count() - 1)  # From partner
    share.received.setCurrentRow(n)
    assert share.answer_button.isVisible()
    share.answer_button.click()
    assert len(asked) == 1

    page = QuestionsPage(window.session)
    qtbot.addWidget(page)
    page.show()
    page.on_unlocked()
    page.answer_question(asked[0])
    theirs = page.theirs
    assert page.tabs.currentWidget() is theirs
    assert theirs.question.text() == "Can we walk on Sunday?"
    assert theirs.list.currentItem().text().splitlines()[1].strip() == "not answered yet"
    assert theirs.list.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    qtbot.keyClicks(theirs.answer, "Yes, after lunch.")
    page.flush()
    states = {t.text: t.state for t in qa.their_questions(db)}
    assert states == {
        "Can we walk on Sunday?": qa.WRITTEN,
        "What helps you most?": qa.NOT_ANSWERED,  # the other one waits, as long as it takes
    }
    assert "answer written" in theirs.list.currentItem().text()
    (answer,) = [AnswerRepository(db).get(i) for i in AnswerRepository(db).for_questions().values()]
    assert answer.shared and answer.text == "Yes, after lunch." and answer.question_uid == asked[0]

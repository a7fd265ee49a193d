"""Questions and answers between partners (issue 20 item 6), between two real vaults through
real bundles: asked, seen in From partner, answered when the partner chooses, linked back;
each side sees each question's state; a tampered or foreign answer bundle is refused with
one line and nothing stored."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from kintsugi.core import errors, importing, schema, share, transfer
from kintsugi.core.records import Answer, Question
from kintsugi.core.render import render_items
from kintsugi.core.repo import questions as qa
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.questions import AnswerRepository, QuestionRepository
from kintsugi.core.repo.sharing import ShareContact, Sharing
from kintsugi.core.vault import Vault
from tests.helpers import FAST_KDF, run_cli

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def couple(tmp_path):
    """Robin asks, Sam answers: two vaults that have saved each other's keys."""
    robin = Vault.create(tmp_path / "robin.kintsugi", "robin's passphrase", params=FAST_KDF)
    sam = Vault.create(tmp_path / "sam.kintsugi", "sam's passphrase", params=FAST_KDF)
    for me, name in ((robin, "Robin"), (sam, "Sam")):
        Sharing(me.db).set_display_name(name)
    for me, other, label in ((robin, sam, "Sam"), (sam, robin, "Robin")):
        theirs = Sharing(other.db).sender()
        Sharing(me.db).save_contacts(
            [ShareContact(label, theirs.age_recipient, theirs.signing_key)]
        )
    yield robin, sam
    robin.lock()
    sam.lock()


def send(sender: Vault, to: Vault, label: str, path: Path) -> Path:
    """Everything the sender marked, as a bundle to ``to``, written and logged like the app."""
    records = transfer.select(sender.db, shared=True)
    data = transfer.export_bytes(
        sender.db,
        records,
        "age",
        exporter=Sharing(sender.db).display_name(),
        recipients=[Sharing(to.db).my_key()],
    )
    transfer.write_export(
        sender.db, data, path, fmt="age", recipient=label, item_ids=[r.id for r in records]
    )
    return path


def states(v: Vault) -> dict[str, str]:
    return {m.question.text: m.state for m in qa.my_questions(v.db)}


def test_a_question_goes_out_comes_back_answered_and_both_sides_see_where_it_stands(
    couple, tmp_path
):
    robin, sam = couple
    asked = QuestionRepository(robin.db)
    first = asked.add(Question(text="When did you decide to tell me?", shared=True))
    asked.add(Question(text="What do you need from me when I ask?", shared=True))
    later = asked.add(Question(text="Not ready to send this one", shared=False))
    assert set(states(robin).values()) == {qa.NOT_SENT}

    send(robin, sam, "Sam", tmp_path / "questions.age")
    assert states(robin) == {
        "When did you decide to tell me?": qa.ASKED,
        "What do you need from me when I ask?": qa.ASKED,
        "Not ready to send this one": qa.NOT_SENT,
    }
    result = importing.import_path(sam.db, tmp_path / "questions.age")
    assert result.added == 2 and result.status.trust == "verified"
    theirs = {t.text: t for t in qa.their_questions(sam.db)}
    assert set(theirs) == {
        "When did you decide to tell me?",
        "What do you need from me when I ask?",
    }
    assert {t.state for t in theirs.values()} == {qa.NOT_ANSWERED}

    # Sam chooses one to answer, now; the other waits.
    chosen = theirs["When did you decide to tell me?"]
    AnswerRepository(sam.db).add(
        Answer(
            question_uid=chosen.item.uid,
            question=chosen.text,
            text="The week after the trip. I was scared.",
            shared=True,
        )
    )
    assert {t.text: t.state for t in qa.their_questions(sam.db)} == {
        "When did you decide to tell me?": qa.WRITTEN,
        "What do you need from me when I ask?": qa.NOT_ANSWERED,
    }
    send(sam, robin, "Robin", tmp_path / "answers.age")
    assert qa.their_questions(sam.db)[0].state in (qa.SENT, qa.NOT_ANSWERED)
    assert {t.text: t.state for t in qa.their_questions(sam.db)}[
        "When did you decide to tell me?"
    ] == qa.SENT

    result = importing.import_path(robin.db, tmp_path / "answers.age")
    assert result.status.trust == "verified"
    mine = {m.question.text: m for m in qa.my_questions(robin.db)}
    answered = mine["When did you decide to tell me?"]
    assert answered.state == qa.ANSWERED and answered.question.id == first.id
    assert answered.answers[0].data["text"] == "The week after the trip. I was scared."
    assert mine["What do you need from me when I ask?"].state == qa.ASKED
    assert mine["Not ready to send this one"].question.id == later.id
    assert mine["Not ready to send this one"].state == qa.NOT_SENT
    # the answer is also in From partner, rendered with its question
    received = [i for i in Sharing(robin.db).received_latest() if i.kind == "answer"]
    assert len(received) == 1
    md = render_items([received[0].data])
    assert "When did you decide to tell me?" in md and "I was scared" in md


def test_a_tampered_answer_bundle_is_refused_and_nothing_is_kept(couple, tmp_path):
    robin, sam = couple
    q = QuestionRepository(robin.db).add(Question(text="Who else knew?", shared=True))
    send(robin, sam, "Sam", tmp_path / "q.age")
    importing.import_path(sam.db, tmp_path / "q.age")
    AnswerRepository(sam.db).add(
        Answer(question_uid=q.uid, question=q.text, text="Only my brother.", shared=True)
    )
    good = send(sam, robin, "Robin", tmp_path / "a.age").read_bytes()
    before = Sharing(robin.db).received()

    flipped = bytearray(good)
    flipped[len(flipped) // 2] ^= 0x01  # a byte changed on the way
    with pytest.raises(errors.BundleDamaged):
        importing.import_path(robin.db, _write(tmp_path / "flipped.age", bytes(flipped)))

    members = unpack(good, Sharing(robin.db).identity())  # the answer changed, re-encrypted
    members[share.JSON_NAME] = members[share.JSON_NAME].replace(
        b"Only my brother.", b"Nobody at all."
    )
    with pytest.raises(errors.BundleForged):
        importing.import_path(
            robin.db, _write(tmp_path / "edited.age", repack(members, Sharing(robin.db).my_key()))
        )
    assert Sharing(robin.db).received() == before
    assert states(robin) == {"Who else knew?": qa.ASKED}
    importing.import_path(robin.db, _write(tmp_path / "a2.age", good))
    assert states(robin) == {"Who else knew?": qa.ANSWERED}


def test_an_answer_signed_by_someone_else_is_refused_calmly(couple, tmp_path):
    """Someone who learnt a question's id answers it "as Sam", with their own key: refused,
    with the calm line, nothing stored; the CLI says the same in one line."""
    robin, sam = couple
    q = QuestionRepository(robin.db).add(Question(text="Are you still in touch?", shared=True))
    send(robin, sam, "Sam", tmp_path / "q.age")
    other = Vault.create(tmp_path / "other.kintsugi", "another passphrase", params=FAST_KDF)
    try:
        Sharing(other.db).set_display_name("Sam")  # the name is not the key
        AnswerRepository(other.db).add(
            Answer(question_uid=q.uid, question=q.text, text="No, never.", shared=True)
        )
        foreign = send(other, robin, "Robin", tmp_path / "foreign.age")
    finally:
        other.lock()
    with pytest.raises(errors.AnswersNotFromPartner) as caught:
        importing.import_path(robin.db, foreign)
    assert "not signed by the person you asked" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert Sharing(robin.db).received() == []
    assert states(robin) == {"Are you still in touch?": qa.ASKED}
    path = robin.path  # the command line says the same, in one line, exit 3
    robin.lock()
    r = run_cli(
        "import",
        "--vault",
        str(path),
        "--passphrase-fd",
        "{fd0}",
        str(foreign),
        secrets=("robin's passphrase",),
    )
    assert r.returncode == 3 and "not signed by the person you asked" in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    with Vault.open(path, "robin's passphrase") as v:
        assert Sharing(v.db).received() == []


def test_an_answer_to_a_question_never_sent_is_refused(couple, tmp_path):
    robin, sam = couple
    q = QuestionRepository(robin.db).add(Question(text="Kept to myself", shared=False))
    AnswerRepository(sam.db).add(Answer(question_uid=q.uid, question="?", text="!", shared=True))
    with pytest.raises(errors.AnswersNotFromPartner):
        importing.import_path(robin.db, send(sam, robin, "Robin", tmp_path / "a.age"))
    assert Sharing(robin.db).received() == []


def test_without_a_saved_key_the_answer_is_kept_on_first_use(couple, tmp_path):
    """Questions sent to a person whose signing key was never saved (only their age key):
    the answer is kept and linked, and the sender shown as not in the address book."""
    robin, sam = couple
    theirs = Sharing(sam.db).sender()
    Sharing(robin.db).save_contacts([ShareContact("Sam", theirs.age_recipient)])
    q = QuestionRepository(robin.db).add(Question(text="Can we talk on Sunday?", shared=True))
    send(robin, sam, "Sam", tmp_path / "q.age")
    AnswerRepository(sam.db).add(
        Answer(question_uid=q.uid, question=q.text, text="Yes.", shared=True)
    )
    result = importing.import_path(robin.db, send(sam, robin, "Robin", tmp_path / "a.age"))
    assert result.status.trust == "unknown"
    assert states(robin) == {"Can we talk on Sunday?": qa.ANSWERED}


def test_questions_and_answers_after_a_pdf_are_still_not_sent(couple, tmp_path):
    """Only an encrypted bundle asks: a PDF for a therapist is not "asked"."""
    robin, _ = couple
    q = QuestionRepository(robin.db).add(Question(text="For my therapist first", shared=True))
    transfer.write_export(
        robin.db, b"%PDF", tmp_path / "x.pdf", fmt="pdf", recipient="file", item_ids=[q.id]
    )
    assert states(robin) == {"For my therapist first": qa.NOT_SENT}


def unpack(data: bytes, identity: str) -> dict[str, bytes]:
    from pyrage import decrypt, x25519

    plain = decrypt(data, [x25519.Identity.from_str(identity)])
    with zipfile.ZipFile(io.BytesIO(plain)) as z:
        return {n: z.read(n) for n in z.namelist()}


def repack(members: dict[str, bytes], recipient: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return share.encrypt(buf.getvalue(), recipients=[recipient])


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_the_questions_migration_from_v1_and_from_the_previous_version(tmp_path):
    path = tmp_path / "v1.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", path)
    with Vault.open(path, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        q = QuestionRepository(v.db).add(Question(text="q?"))
        AnswerRepository(v.db).add(Answer(question_uid=q.uid, question="q?", text="a"))
        assert v.check() == []
    at = schema.MIGRATIONS.index(schema._add_questions)
    prev = tmp_path / "prev.kintsugi"
    shutil.copy(DATA / "vault-v1.kintsugi", prev)
    with Vault.open(prev, "old vault passphrase", migrations=schema.MIGRATIONS[:at]) as v:
        assert schema.user_version(v.db) == at
        with v.db.read() as conn:
            assert conn.execute("PRAGMA table_info(answer)").fetchall() == []
        before = len(Items(v.db).timeline())
    with Vault.open(prev, "old vault passphrase") as v:
        assert schema.user_version(v.db) == schema.LATEST_VERSION
        assert len(Items(v.db).timeline()) == before
        assert QuestionRepository(v.db).add(Question(text="now?")).text == "now?"
        assert v.check() == []


def test_an_answer_reads_as_words_with_its_question_and_its_link_only_in_the_footer():
    """An answer's Markdown and PDF show the question's own words, not its identifier; the
    link still leaves seen, beside the item's own id at the foot."""
    from kintsugi.core import share as share_mod
    from kintsugi.core.render import render_record

    uid = "0123456789abcdef0123456789abcdef"
    answer = Answer(question_uid=uid, question="Who else knew?", text="Only my brother.")
    md = render_record(answer)
    body, _, foot = md.rpartition("\n*item ")
    assert "> Who else knew?" in body and "Only my brother." in body
    assert uid not in body and "Answers the question" not in md
    assert uid in foot  # nothing leaves unseen
    item = share_mod.share_dict(answer, share_mod.ShareOptions())
    assert item["question_uid"] == uid  # the link still travels, for the asker's app

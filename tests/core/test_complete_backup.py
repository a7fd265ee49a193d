"""The complete backup (``export --all --format json``) is complete: every record of every
kind, the trash, and every table of the vault's own state; it round-trips into an empty
vault, and a second export of that vault is the same document, field by field. The test
walks the vault's tables, so a table added later is either covered or fails here."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kintsugi.core import complete, transfer
from kintsugi.core.exercises import CustomTechnique, TimedStep
from kintsugi.core.records import RECORD_TYPES, Entry
from kintsugi.core.repo import repository_for, vault_state
from kintsugi.core.repo.attachments import AttachmentRepo
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.settings import Settings
from kintsugi.core.repo.sharing import ShareContact, Sharing
from kintsugi.core.repo.support import CustomTechniques, SupportContact, SupportContacts
from kintsugi.core.schedule import CheckInSchedule, ScheduleStore
from kintsugi.core.support_card import CrisisLine
from kintsugi.core.vault import Vault
from tests import import_seeds as seeds
from tests.helpers import FAST_KDF, PASSPHRASE, run_cli

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"


def _fill(vault, tmp_path) -> None:
    """Something in every table a person can fill."""
    db = vault.db
    ids = []
    for rec in seeds.every_kind() + seeds.more_kinds():
        ids.append(repository_for(db, rec.KIND).add(rec).id)
        if rec.KIND == "boundary":  # an earlier wording
            saved = repository_for(db, "boundary").get(ids[-1])
            saved.text += " (revised)"
            repository_for(db, "boundary").update(saved)
    starred = repository_for(db, "entry").add(
        Entry(title="Starred one", body="b", starred=True, private_note="mine")
    )
    with zipfile.ZipFile(DATA / "dayone-export.zip") as z:
        photo = next(z.read(n) for n in z.namelist() if n.startswith("photos/"))
        audio = next(z.read(n) for n in z.namelist() if n.startswith("audios/"))
    store = AttachmentRepo(db)
    pic = store.add_stream(starred.id, io.BytesIO(photo), "beach.jpeg")
    store.add_stream(starred.id, io.BytesIO(audio), "voice.m4a")
    store.add_stream(ids[1], io.BytesIO(photo), "same photo.jpeg")  # one blob, two links
    entry = repository_for(db, "entry").get(starred.id)
    entry.body += f"\n\n![beach](kintsugi-attachment:{pic.uid})"
    repository_for(db, "entry").update(entry)
    # the practices of repair (issue 20): a plan, a question and an answer, a session, a mark
    from kintsugi.core.records import Answer, Homework, Question, SafetyPlan, TherapySession
    from kintsugi.core.repo.therapy import NextSession

    repository_for(db, "safety_plan").add(SafetyPlan(coping_alone=["a walk"]))
    question = repository_for(db, "question").add(Question(text="When?"))
    repository_for(db, "answer").add(Answer(question_uid=question.uid, question="Why?", text="…"))
    repository_for(db, "therapy_session").add(
        TherapySession(agenda=["Trigger: the hotel"], homework=[Homework("Write a letter")])
    )
    NextSession(db).set_marked(ids[1], True)
    gone = repository_for(db, "entry").add(Entry(title="In the trash", body="x"))
    Items(db).delete(gone.id)
    SupportContacts(db).save_all([SupportContact("Dr. Lee", "+1 555 0100", "my therapist")])
    SupportContacts(db).set_crisis_line(CrisisLine("My line", "+1 555 0199"))
    CustomTechniques(db).save_all(
        [CustomTechnique("Cold water", [TimedStep("Hands under cold water", 30)])]
    )
    ScheduleStore(db).set(CheckInSchedule(cadence="weekly", weekday=3, at="20:30"))
    Settings(db).set("ui.theme", "dark")
    sharing = Sharing(db)
    sharing.set_display_name("Alex")
    with Vault.create(tmp_path / "partner.kintsugi", "partner pass", params=FAST_KDF) as partner:
        psharing = Sharing(partner.db)
        psharing.save_contacts([ShareContact("Alex", sharing.my_key())])
        sharing.save_contacts([ShareContact("Sam", psharing.my_key())])
        entry = repository_for(partner.db, "entry").add(Entry(title="From Sam", body="hello"))
        AttachmentRepo(partner.db).add_stream(entry.id, io.BytesIO(photo), "sam's photo.jpeg")
        data = transfer.export_bytes(
            partner.db, [entry], "age", exporter="Sam", recipients=[sharing.my_key()]
        )
    assert transfer.import_file(db, data).added == 1  # a received bundle
    out = tmp_path / "shared.md"
    records = transfer.select(db, ids=[ids[0], starred.id])
    transfer.write_export(
        db,
        transfer.export_bytes(db, records, "md"),
        out,
        fmt="md",
        recipient="therapist",
        item_ids=[r.id for r in records],
    )  # a share log entry


def _doc(path) -> dict:
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc.pop("exported_at")
    return doc


def _counts(vault) -> dict[str, int]:
    out = {}
    for table in vault_state.tables(vault.db):
        if vault_state.classify(table) in ("derived", "local"):
            continue
        with vault.db.read() as conn:
            out[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return out


def test_every_table_is_a_record_derived_or_backed_up(vault, tmp_path):
    _fill(vault, tmp_path)
    unknown = [t for t in vault_state.tables(vault.db) if vault_state.classify(t) == "unknown"]
    assert unknown == [], f"tables a complete backup does not know: {unknown}"
    counts = _counts(vault)
    for table, n in counts.items():  # every table the backup carries has something in it here
        assert n > 0, f"the test fills nothing into {table}"


def test_the_complete_backup_round_trips_into_an_empty_vault(vault, tmp_path):
    _fill(vault, tmp_path)
    first = tmp_path / "all.json"
    digest, count = complete.write_complete_backup(vault.db, first)
    assert count == vault_state.count_all(vault.db)
    doc = _doc(first)
    assert doc["vault"]["warning"] == complete.SECRET_WARNING
    assert {i["kind"] for i in doc["items"]} == set(RECORD_TYPES)  # every kind
    assert any(i.get("deleted_at") for i in doc["items"])  # the trash
    assert any(i.get("starred") for i in doc["items"])
    settings = {r["key"] for r in doc["vault"]["state"]["setting"]}
    for key in (
        "support.contacts",
        "support.crisis_line",
        "grounding.custom_techniques",
        "checkin.schedule",
        "share.identity",
        "share.signing_key",
        "share.address_book",
        "share.display_name",
        "ui.theme",
    ):
        assert key in settings, key
    assert doc["vault"]["state"]["received"][0]["rows"]
    assert doc["vault"]["state"]["share_log"][0]["rows"]

    with Vault.create(tmp_path / "empty.kintsugi", PASSPHRASE, params=FAST_KDF) as empty:
        result = transfer.import_path(empty.db, first)
        assert (result.added, result.skipped, result.left_out) == (count, 0, {})
        second = tmp_path / "again.json"
        complete.write_complete_backup(empty.db, second)
        again = _doc(second)
        assert again["items"] == doc["items"]  # every field of every record, trash included
        for table, rows in doc["vault"]["state"].items():
            assert again["vault"]["state"][table] == rows, table
        assert again == doc
        assert _counts(empty) == _counts(vault)  # every table, row for row
        # what the restored vault does with it
        assert SupportContacts(empty.db).all()[0].name == "Dr. Lee"
        assert CustomTechniques(empty.db).all()[0].name == "Cold water"
        assert ScheduleStore(empty.db).get().at == "20:30"
        assert Sharing(empty.db).identity() == Sharing(vault.db).identity()
        assert [c.label for c in Sharing(empty.db).contacts()] == ["Sam"]
        assert len(Sharing(empty.db).received()) == 1
        assert [s.title for s in Items(empty.db).trash()] == ["In the trash"]
        assert len(doc["attachments"]) == 3 and result.attached == 3
        for a in doc["attachments"]:
            (mine,) = [
                x
                for x in AttachmentRepo(vault.db).list_for(
                    Items(vault.db).ids_of([a["item_uid"]])[a["item_uid"]]
                )
                if x.uid == a["uid"]
            ]
            (theirs,) = [
                x
                for x in AttachmentRepo(empty.db).list_for(
                    Items(empty.db).ids_of([a["item_uid"]])[a["item_uid"]]
                )
                if x.uid == a["uid"]
            ]
            assert AttachmentRepo(empty.db).read_bytes(theirs.id) == AttachmentRepo(
                vault.db
            ).read_bytes(mine.id)
            assert (theirs.name, theirs.mime, theirs.sha256) == (mine.name, mine.mime, mine.sha256)
        assert empty.check() == []
        assert transfer.import_path(empty.db, first).added == 0


def test_into_a_vault_with_records_the_vault_keeps_its_own_settings(vault, tmp_path):
    _fill(vault, tmp_path)
    path = tmp_path / "all.json"
    complete.write_complete_backup(vault.db, path)
    with Vault.create(tmp_path / "other.kintsugi", PASSPHRASE, params=FAST_KDF) as other:
        repository_for(other.db, "entry").add(Entry(title="already mine"))
        own = Sharing(other.db).identity()
        result = transfer.import_path(other.db, path)
        assert result.added == vault_state.count_all(vault.db)
        assert Sharing(other.db).identity() == own
        assert SupportContacts(other.db).all() == []
        assert "come in only into an empty journal file" in result.summary()


def test_the_cli_warns_that_the_backup_holds_a_secret(vault, vault_path, tmp_path):
    _fill(vault, tmp_path)
    vault.lock()
    out = tmp_path / "all.json"
    r = run_cli(
        "export",
        "--all",
        "--format",
        "json",
        "--out",
        str(out),
        "--vault",
        str(vault_path),
        "--passphrase-fd",
        "{fd0}",
        secrets=(PASSPHRASE,),
    )
    assert r.returncode == 0, r.stderr
    assert "warning: This file holds this vault's sharing identity" in r.stderr
    assert json.loads(out.read_text())["vault"]["state"]["setting"]


@pytest.mark.parametrize("damage", ["not-a-dict", "bad-row"])
def test_a_damaged_vault_part_refuses_the_whole_file(vault, tmp_path, damage):
    _fill(vault, tmp_path)
    path = tmp_path / "all.json"
    complete.write_complete_backup(vault.db, path)
    doc = json.loads(path.read_text())
    if damage == "not-a-dict":
        doc["vault"]["state"] = ["x"]
    else:
        doc["vault"]["state"]["setting"].append("not a row")
    path.write_text(json.dumps(doc))
    with Vault.create(tmp_path / "e.kintsugi", PASSPHRASE, params=FAST_KDF) as empty:
        with pytest.raises(transfer.ImportRefused) as caught:
            transfer.import_path(empty.db, path)
        assert "nothing was imported" in str(caught.value)
        assert Items(empty.db).timeline() == []


def test_times_survive_exactly(vault, tmp_path):
    when = datetime(2024, 5, 1, 8, 30, 15, 123456, tzinfo=UTC)
    repository_for(vault.db, "entry").add(Entry(title="t", occurred_at=when, created_at=when))
    path = tmp_path / "all.json"
    complete.write_complete_backup(vault.db, path)
    with Vault.create(tmp_path / "e.kintsugi", PASSPHRASE, params=FAST_KDF) as empty:
        transfer.import_path(empty.db, path)
        (got,) = [Items(empty.db).get(s.id) for s in Items(empty.db).timeline()]
        assert got.occurred_at == when and got.created_at == when

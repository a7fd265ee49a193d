"""Every kind's form has the journal editor's attach strip: a hard moment, a check-in (a
new one is kept to take the photo), a boundary and a goal (a new one needs its words
first). Each attach runs on the vault's writer thread and lands on that record; the trash
and its restore keep them; a backup carries them and its verification reads them."""

from __future__ import annotations

import threading

import pytest

from kintsugi.core import backups
from kintsugi.core.records import Boundary, Goal, Trigger
from kintsugi.core.repo.attachments import AttachmentRepo
from kintsugi.core.repo.items import Items
from kintsugi.core.vault import Vault
from tests.core.test_attachments import pdf_bytes, photo_with_gps
from tests.helpers import PASSPHRASE


def _attach(qtbot, strip, path):
    threads = []
    real = AttachmentRepo.add_file

    def spy(self, *args, **kw):
        threads.append(threading.current_thread())
        return real(self, *args, **kw)

    AttachmentRepo.add_file = spy
    try:
        with qtbot.waitSignal(strip.attached, timeout=10_000) as blocker:
            strip.attach_paths([path])
    finally:
        AttachmentRepo.add_file = real
    assert threads and threads[0] is not threading.main_thread()
    return blocker.args[0]


@pytest.fixture
def files(tmp_path):
    photo = tmp_path / "screenshot.jpg"
    photo.write_bytes(photo_with_gps((800, 600)))
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(pdf_bytes("a letter"))
    return photo, letter


def test_a_hard_moment_takes_attachments_kept_through_trash_and_restore(window, qtbot, files):
    s = window.session
    t = s.triggers().add(Trigger(cue="place", suds_peak=6, situation="At the station"))
    window.triggers.reload()
    window.triggers.open_trigger(t.id)
    form = window.triggers.form
    assert form.trigger_id == t.id and form.attachments.isEnabled()
    att = _attach(qtbot, form.attachments, files[0])
    assert att.item_id == t.id and att.kind == "image"
    assert form.attachments.list.count() == 1
    Items(s.database()).delete(t.id)
    Items(s.database()).restore(t.id)
    assert [a.name for a in AttachmentRepo(s.database()).list_for(t.id)] == ["screenshot.jpg"]
    form.clear()
    assert form.attachments.list.count() == 0  # nothing of the last one stays shown


def test_a_new_check_in_is_kept_to_take_a_photo(window, qtbot, files):
    tab = window.checkins.checkin
    tab.start_new()
    assert tab._draft.id is None
    att = _attach(qtbot, tab.attachments, files[1])
    assert tab._draft.id is not None and att.item_id == tab._draft.id
    assert window.session.checkins().get(att.item_id).KIND == "checkin"
    tab.start_new()
    assert tab.attachments.list.count() == 0
    tab.open_checkin(att.item_id)
    assert tab.attachments.list.count() == 1


@pytest.mark.parametrize("kind", ["boundary", "goal"])
def test_boundaries_and_goals_take_attachments(window, qtbot, files, kind, tmp_path):
    s = window.session
    pane = window.checkins
    tab = pane.boundaries if kind == "boundary" else pane.goals
    record = (
        s.boundaries().add(Boundary(text="Phones stay open"))
        if kind == "boundary"
        else s.goals().add(Goal(text="A walk each week", target_amount=4))
    )
    tab.reload(select=record.id)
    att = _attach(qtbot, tab.attachments, files[0])
    assert att.item_id == record.id
    # a new one with no words yet: one calm line, nothing kept
    tab.new_record()
    with qtbot.waitSignal(tab.attachments.problem, timeout=5_000) as said:
        tab.attachments.attach_paths([files[1]])
    assert "Write something first" in said.args[0]
    # the backup carries them and its verification reads them
    info = backups.take_backup(s.vault, "manual")
    with Vault.open(info.path, PASSPHRASE) as b:
        assert AttachmentRepo(b.db).list_for(record.id)[0].sha256 == att.sha256
        assert b.check() == []


def test_a_grounding_session_read_again_takes_a_voice_note_or_photo(window, qtbot, files):
    from kintsugi.core.records import GroundingSession
    from kintsugi.ui.grounding.session_view import GroundingSessionDialog

    s = window.session
    g = s.grounding().add(GroundingSession(technique="box_breathing", duration_s=120))
    dialog = GroundingSessionDialog(s.grounding().get(g.id), window, app_session=s)
    qtbot.addWidget(dialog)
    att = _attach(qtbot, dialog.attachments, files[0])
    assert att.item_id == g.id
    again = GroundingSessionDialog(s.grounding().get(g.id), window, app_session=s)
    qtbot.addWidget(again)
    assert again.attachments.list.count() == 1

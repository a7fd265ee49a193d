"""The practices of repair, part two (#20 items 2–4), through the real window: write from a
prompt or one's own template, disclosures with the time to telling, transparency agreements
in the boundaries tab, hard dates with their plan and gentle note, "On this day" (off by
default), and the reminder to write (off by default, snoozable)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Qt

from kintsugi.core import config, importing, transfer
from kintsugi.core.records import Boundary, Disclosure, Entry, HardDate, Template
from kintsugi.core.repo.disclosures import DisclosureRepository
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.hard_dates import HardDateRepository
from kintsugi.core.repo.sharing import Sharing
from kintsugi.core.repo.templates import TemplateRepository
from kintsugi.core.schedule import CheckInSchedule, HardDateNotes, ScheduleStore
from kintsugi.core.search import Search
from kintsugi.core.vault import Vault
from kintsugi.ui.gentle_notes import GentleNotes
from kintsugi.ui.insights.report import render_pdf
from kintsugi.ui.journal.prompts import PromptDialog
from kintsugi.ui.together.disclosures_tab import DisclosuresTab
from kintsugi.ui.together.hard_dates_tab import HardDatesTab
from kintsugi.ui.together.templates_tab import TemplatesTab
from kintsugi.ui.workers import wait_for_background
from tests.helpers import FAST_KDF, assert_accessible, settled


def _dialog(window) -> PromptDialog:
    (dialog,) = [d for d in window.findChildren(PromptDialog) if d.isVisible()]
    return dialog


def _choose(dialog: PromptDialog, title: str) -> None:
    for n in range(dialog.list.count()):
        if dialog.list.item(n).text().startswith(title):
            dialog.list.setCurrentRow(n)
            return
    raise AssertionError(f"{title!r} is not offered")


def _entries(window) -> list[Entry]:
    repo = EntryRepository(window.session.database())
    return [repo.get(s.id) for s in window.session.items().timeline(kind="entry")]


def test_write_from_a_prompt_starts_an_entry_kept_only_once_written(window, qtbot):
    window.prompt_action.trigger()  # File → Write from a prompt… (Ctrl+Alt+N)
    dialog = _dialog(window)
    offered = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    for title in ("What felt safe today", "A moment I noticed trust", "What I want to ask"):
        assert title in offered
    _choose(dialog, "What I need")
    assert "Naming a need is not a demand" in dialog.preview.text()
    dialog.accept()
    editor = window.journal.editor
    assert editor.title.text() == "What I need"
    assert editor.body.toPlainText().startswith("What do you need right now")
    assert editor.body.textCursor().atEnd()
    assert window.journal.flush() and _entries(window) == []  # nothing written: nothing kept
    editor.body.insertPlainText("Ten quiet minutes together after dinner.")
    assert window.journal.flush()
    (entry,) = _entries(window)
    assert entry.title == "What I need" and entry.body.endswith("after dinner.")
    assert not entry.shared  # private unless marked


def test_my_template_with_checkboxes_and_a_due_date_starts_a_page(window, qtbot):
    tab = window.together.page_for("template")
    assert isinstance(tab, TemplatesTab)
    assert tab.empty.isVisibleTo(tab) and tab.reminder.cadence.currentData() == "off"
    tab.new_record()
    tab.name.setText("Homework, week 3")
    tab.text.setPlainText("- [ ] three appreciations\n- [ ] one walk together")
    tab.due.set_value(date(2026, 12, 4))
    tab.due.enabled.toggled.emit(True)
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=10_000)
    assert tab.flush()
    wait_for_background()
    qtbot.waitUntil(lambda: tab.write_button.isEnabled(), timeout=10_000)
    (kept,) = TemplateRepository(window.session.database()).all_live()
    assert (kept.name, kept.due, kept.shared) == ("Homework, week 3", date(2026, 12, 4), False)
    tab.share.setChecked(True)  # to send it from Share, like any kind
    assert tab.flush()
    wait_for_background()
    assert TemplateRepository(window.session.database()).get(kept.id).shared
    asked = []
    tab.write_requested.connect(asked.append)
    tab.write_button.click()
    assert asked == [kept.id]
    window.journal.write_from_template(kept.id)
    body = window.journal.editor.body.toPlainText()
    assert window.journal.editor.title.text() == "Homework, week 3"
    assert body.startswith("Due ") and "- [ ] three appreciations" in body
    # … and the prompt dialog offers it beside the library
    dialog = window.journal.choose_prompt(template_id=kept.id)
    assert dialog.current_start() == ("Homework, week 3", body)
    assert body.endswith("- [ ] three appreciations\n- [ ] one walk together\n\n")
    dialog.reject()


def test_disclosures_show_each_gap_and_the_trend_in_words(window, qtbot):
    repo = DisclosureRepository(window.session.database())
    start = datetime(2026, 10, 1, 12).astimezone()
    for n, days in enumerate((6, 5, 1, 0.5)):
        told = start + timedelta(days=7 * n)
        repo.add(
            Disclosure(text=f"thing {n}", happened_at=told - timedelta(days=days), told_at=told)
        )
    tab = window.together.page_for("disclosure")
    assert isinstance(tab, DisclosuresTab)
    tab.reload()
    rows = [tab.list.item(n).text() for n in range(tab.list.count())]
    assert rows[0] == "Told 12 hours later · thing 3"
    assert rows[-1] == "Told 6 days later · thing 0"
    assert tab.trend.text() == "Lately, things have been told sooner than before."
    assert tab.gaps.text().endswith("6 days → 5 days → 1 day → 12 hours")
    # a new one, straight from New entry's menu: written now, told a moment later
    window.show_pane(window.journal)
    window.tell_action.trigger()
    assert window.sections.current() is window.together
    assert window.together.tabs.currentWidget() is tab and tab.list.currentRow() == -1
    tab.text.setPlainText("I answered a message from J. and want you to know")
    tab.happened.set_value(datetime.now().astimezone() - timedelta(hours=3))
    tab.happened.enabled.toggled.emit(True)
    tab.told.set_now()
    qtbot.waitUntil(lambda: tab.list.count() == 5, timeout=10_000)
    assert tab.flush()
    wait_for_background()
    qtbot.waitUntil(lambda: "3 hours" in tab.gap.text(), timeout=10_000)
    newest = repo.get(repo.all_ids()[0])
    assert newest.gap is not None and timedelta(hours=2, minutes=59) < newest.gap
    assert not newest.shared
    tab.clear()
    assert tab.trend.text() == "" and tab.list.count() == 0


def test_transparency_agreements_are_labelled_and_filtered_in_the_boundaries_tab(window, qtbot):
    repo = window.session.boundaries()
    repo.add(Boundary(text="No contact with J."))
    repo.add(Boundary(text="I tell you the same day if J. writes", category="transparency"))
    tab = window.checkins.boundaries
    tab.reload()
    rows = [tab.list.item(n).text() for n in range(tab.list.count())]
    assert "Transparency agreement · I tell you the same day if J. writes" in rows
    assert "No contact with J." in rows
    tab.show_only.setCurrentIndex(tab.show_only.findData("transparency"))
    assert [tab.list.item(n).text() for n in range(tab.list.count())] == [
        "Transparency agreement · I tell you the same day if J. writes"
    ]
    tab.new_record()  # a new one among transparency agreements is one of them
    assert tab.category.currentData() == "transparency"
    tab.text.setPlainText("Phones stay open on the table")
    qtbot.waitUntil(lambda: tab.list.count() == 2, timeout=10_000)
    assert tab.flush()
    wait_for_background()
    kinds = sorted(repo.get(i).category for i in repo.all_ids())
    assert kinds == ["general", "transparency", "transparency"]


def test_a_hard_date_keeps_its_plan_privately_and_on_this_day_is_off_by_default(window, qtbot):
    tab = window.together.page_for("hard_date")
    assert isinstance(tab, HardDatesTab)
    assert not tab.on_this_day.isChecked()
    assert not config.ON_THIS_DAY.get(window.session.settings())
    tab.new_record()
    assert not tab.share.isChecked()
    soon = date.today() + timedelta(days=2)
    tab.text.setPlainText("The day I found out")
    tab.day.setDate(QDate(soon.year - 1, soon.month, soon.day))
    tab.helps.setPlainText("A walk by the river")
    tab.call.setPlainText("Ana")
    tab.tell.setPlainText("That I may be quiet")
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=10_000)
    assert tab.flush()
    wait_for_background()
    (kept,) = HardDateRepository(window.session.database()).all_live()
    assert (kept.helps, kept.call, kept.tell_partner, kept.notice_days) == (
        "A walk by the river",
        "Ana",
        "That I may be quiet",
        3,
    )
    assert kept.yearly and not kept.shared
    assert "in 2 days" in tab.list.item(0).text() and "in 2 days" in tab.coming.text()
    # the list: the one coming next first, a single day gone by last
    repo = HardDateRepository(window.session.database())
    repo.add(HardDate(text="Gone by", day=date.today() - timedelta(days=10), yearly=False))
    repo.add(HardDate(text="Later on", day=date.today() + timedelta(days=100)))
    tab.reload()
    rows = [tab.list.item(n).text() for n in range(tab.list.count())]
    assert [r.rsplit(" · ", 1)[-1] for r in rows] == ["The day I found out", "Later on", "Gone by"]
    # On this day: nothing in the journal until turned on
    EntryRepository(window.session.database()).add(
        Entry(
            body="a year ago today", occurred_at=datetime.now().astimezone() - timedelta(days=365)
        )
    )
    window.journal.on_this_day.refresh()
    wait_for_background()
    assert window.journal.on_this_day.isHidden()
    tab.on_this_day.setChecked(True)  # kept on the writer, then the journal asks again
    qtbot.waitUntil(lambda: window.journal.on_this_day.list.count() == 1, timeout=10_000)
    assert "a year ago today" in window.journal.on_this_day.list.item(0).text()
    assert config.ON_THIS_DAY.get(window.session.settings())
    tab.on_this_day.setChecked(False)
    qtbot.waitUntil(lambda: window.journal.on_this_day.isHidden(), timeout=10_000)
    # … and from Settings, where one looks for it too
    window.on_settings()
    settings = window.dialog
    assert not settings.on_this_day.isChecked()
    settings.on_this_day.setChecked(True)
    settings.on_accepted()
    assert config.ON_THIS_DAY.get(window.session.settings()) and tab.on_this_day.isChecked()
    qtbot.waitUntil(lambda: window.journal.on_this_day.list.count() == 1, timeout=10_000)


def test_search_hits_and_the_notes_open_the_pages_of_together(window, qtbot):
    db = window.session.database()
    d = DisclosureRepository(db).add(Disclosure(text="About the message"))
    h = HardDateRepository(db).add(HardDate(text="The anniversary", day=date(2025, 6, 1)))
    t = TemplateRepository(db).add(Template(name="Week 4", text="- [ ] a walk"))
    for item_id, kind in ((d.id, "disclosure"), (h.id, "hard_date"), (t.id, "template")):
        window.show_pane(window.journal)
        window.search.open_requested.emit(item_id, kind)
        page = window.together.page_for(kind)
        assert window.panes.currentWidget() is window.together
        assert window.together.tabs.currentWidget() is page
        assert page.list.currentItem().data(Qt.ItemDataRole.UserRole) == item_id
    window.show_pane(window.journal)
    window.gentle_notes.plan_requested.emit(h.id)  # "Open my plan"
    assert window.together.tabs.currentWidget() is window.together.page_for("hard_date")
    assert window.together.page_for("hard_date").text.toPlainText() == "The anniversary"
    # Write from this template, from its page
    tab = window.together.page_for("template")
    tab.write_button.click()
    assert window.panes.currentWidget() is window.journal
    assert window.journal.editor.title.text() == "Week 4"


def test_the_note_before_a_hard_date_is_gentle_discreet_and_can_be_put_away(window, qtbot):
    db = window.session.database()
    rec = HardDateRepository(db).add(
        HardDate(text="Discovery day", day=date.today() + timedelta(days=3), notice_days=5)
    )
    notes = GentleNotes(window.session, parent=window)
    notes.start()
    assert notes.bar.isVisibleTo(window) or not notes.bar.isHidden()
    text = notes.bar.label.text()
    assert text == "A hard day is near (in 3 days). Your plan is there when you want it."
    assert "Discovery" not in text  # nothing the person wrote, for someone glancing
    opened = []
    notes.plan_requested.connect(opened.append)
    notes.bar.go.click()
    assert opened == [rec.id] and notes.bar.isHidden()
    assert not notes.check()  # said once this session
    notes.start()  # (a new session: said again, until put away)
    assert notes.bar.label.text() == text
    notes.bar.later.click()  # "Not now": put away until the date comes again
    window.session.writer().submit(lambda: None).result()
    assert HardDateNotes(db).due(date.today()) == []
    notes.start()
    assert notes.bar.isHidden()
    # on the day itself, the words say so
    HardDateRepository(db).add(HardDate(text="Anniversary", day=date.today(), notice_days=2))
    notes.start()
    assert notes.bar.label.text() == (
        "Today may be a hard day. Your plan is there when you want it."
    )


def test_the_reminder_to_write_is_off_by_default_then_gentle_and_snoozable(window, qtbot):
    db = window.session.database()
    evening = datetime.now().astimezone().replace(hour=21, minute=0, second=0, microsecond=0)
    notes = GentleNotes(window.session, now=lambda: evening, parent=window)
    notes.start()
    assert notes.bar.isHidden()  # off until the person sets it
    row = window.together.page_for("template").reminder
    assert row.cadence.currentData() == "off" and row.weekday.isHidden() and row.at.isHidden()
    row.cadence.setCurrentIndex(row.cadence.findData("weekly"))  # the day and time show
    assert not row.weekday.isHidden() and not row.at.isHidden()
    window.session.writer().submit(lambda: None).result()
    assert ScheduleStore.writing(db).get().cadence == "weekly"
    ScheduleStore.writing(db).set(CheckInSchedule("daily", 7, "20:00"))
    notes.start()
    assert notes.bar.label.text() == "When you have a moment: a few lines in your journal."
    notes.bar.later.click()
    window.session.writer().submit(lambda: None).result()
    assert ScheduleStore.writing(db).snoozed_until() == evening + timedelta(hours=2)
    notes.start()
    assert notes.bar.isHidden()  # snoozed
    later = GentleNotes(window.session, now=lambda: evening + timedelta(hours=3), parent=window)
    later.start()
    asked = []
    later.write_requested.connect(lambda: asked.append(True))
    later.bar.go.click()
    assert asked == [True]
    window.session.lock()
    assert later.bar.isHidden() and later.bar.label.text() == ""


def test_the_new_kinds_marked_for_sharing_go_into_the_shared_markdown_and_pdf(window, tmp_path):
    """A disclosure, a hard date (private until marked), one's own template and a
    transparency agreement: shared in Markdown and in the PDF with their words, their
    times and their plan; found by search; nothing unmarked goes with them."""
    db = window.session.database()
    told = datetime(2026, 11, 20, 18, 30).astimezone()
    DisclosureRepository(db).add(
        Disclosure(
            text="I answered one message from J.",
            happened_at=told - timedelta(hours=5),
            told_at=told,
            shared=True,
        )
    )
    HardDateRepository(db).add(
        HardDate(text="The day I found out", day=date(2025, 3, 14), helps="A walk", shared=True)
    )
    HardDateRepository(db).add(HardDate(text="Kept to myself", day=date(2025, 4, 1)))
    TemplateRepository(db).add(
        Template(name="Homework, week 3", text="- [ ] one walk together", shared=True)
    )
    window.session.boundaries().add(
        Boundary(text="I tell you the same day", category="transparency", shared=True)
    )
    records = transfer.select(db, shared=True)
    assert sorted(r.KIND for r in records) == ["boundary", "disclosure", "hard_date", "template"]
    markdown = transfer.payload_for(db, records).markdown()
    for words in (
        "Something I want to tell you",
        "I answered one message from J.",
        "Told 5 hours later",
        "The day I found out",
        "A walk",
        "Homework, week 3",
        "- [ ] one walk together",
        "Kind of agreement: transparency agreement",
    ):
        assert words in markdown, words
    assert "Kept to myself" not in markdown
    pdf = tmp_path / "shared.pdf"
    pdf.write_bytes(render_pdf(db, records, name="Sam"))
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        text = " ".join(text.split())
        for words in ("I answered one message from J.", "The day I found out", "one walk"):
            assert words in text, words
        assert "Kept to myself" not in text
    found = {h.kind for h in Search(db).search("found out")} | {
        h.kind for h in Search(db).search("message")
    }
    assert {"hard_date", "disclosure"} <= found


def test_my_partner_sees_the_time_to_telling_of_what_i_shared_in_from_partner(
    window, qtbot, tmp_path
):
    """The time between something happening and its telling is visible to the one told:
    From partner shows, above a disclosure, the times to telling of every one that came
    from that person and, in words, whether telling comes sooner."""
    db = window.session.database()
    partner = Vault.create(tmp_path / "partner.kintsugi", "partner pass", params=FAST_KDF)
    start = datetime(2026, 10, 1, 12).astimezone()
    try:
        Sharing(partner.db).set_display_name("Sam")
        theirs = DisclosureRepository(partner.db)
        for n, days in enumerate((6, 5, 1, 0.5)):
            told = start + timedelta(days=7 * n)
            theirs.add(
                Disclosure(
                    text=f"thing {n}",
                    happened_at=told - timedelta(days=days),
                    told_at=told,
                    shared=True,
                )
            )
        records = transfer.select(partner.db, shared=True)
        data = transfer.export_bytes(
            partner.db, records, "age", exporter="Sam", recipients=[Sharing(db).my_key()]
        )
        (tmp_path / "d.age").write_bytes(data)
    finally:
        partner.lock()
    importing.import_path(db, tmp_path / "d.age")
    share = window.share
    window.show_pane(share)
    settled(share, qtbot)
    share.reload_history()
    settled(share, qtbot)
    rows = [share.received.item(n).text() for n in range(share.received.count())]
    share.received.setCurrentRow(next(i for i, text in enumerate(rows) if "thing 3" in text))
    shown = share.received_view.toPlainText()
    assert "Lately, things have been told sooner than before." in shown
    assert "Time to telling, oldest to newest: 6 days → 5 days → 1 day → 12 hours" in shown
    assert "thing 3" in shown and "Told 12 hours later" in shown


def test_every_control_of_the_practices_has_a_name_and_a_keyboard_path(window, qtbot):
    """The prompt dialog, the three pages with a record open, and the boundaries' kind:
    each control is named for a screen reader, and New entry's menu holds both new ways in."""
    TemplateRepository(window.session.database()).add(Template(name="Mine", text="- [ ] one"))
    dialog = window.journal.choose_prompt()
    assert_accessible(dialog)
    assert dialog.list.currentRow() == 1  # the first prompt, ready (row 0 is a heading)
    dialog.reject()
    for kind in ("template", "disclosure", "hard_date"):
        page = window.together.page_for(kind)
        page.new_record()
        assert_accessible(page)
    assert_accessible(window.checkins.boundaries)
    assert window.prompt_action.shortcut().toString() == "Ctrl+Alt+N"
    menu = window.toolbar.widgetForAction(window.new_entry_action).menu()
    assert menu.actions() == [window.prompt_action, window.tell_action]

"""Screenshots of the safety plan, questions and answers, and therapy sessions (Together):
docs/screenshots/together-*.png.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_repair.py
    KINTSUGI_LANGUAGE=es xvfb-run -a -s "-screen 0 1280x800x24" \\
        .venv/bin/python scripts/screenshots_repair.py --size 800x600 --suffix=-es-800x600

A demo journal with a plan, questions exchanged with a partner's vault through real bundle
files, and items marked for the next session.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kintsugi.core import importing, transfer  # noqa: E402
from kintsugi.core.kdf import KdfParams  # noqa: E402
from kintsugi.core.records import (  # noqa: E402
    Answer,
    Entry,
    Homework,
    Question,
    SafetyPlan,
    TherapySession,
    Trigger,
)
from kintsugi.core.repo import questions as qa  # noqa: E402
from kintsugi.core.repo import repository_for  # noqa: E402
from kintsugi.core.repo.sharing import ShareContact, Sharing  # noqa: E402
from kintsugi.core.repo.support import SupportContact, SupportContacts  # noqa: E402
from kintsugi.core.repo.therapy import NextSession  # noqa: E402
from kintsugi.core.vault import Vault  # noqa: E402
from kintsugi.ui.app import make_app  # noqa: E402
from kintsugi.ui.main_window import MainWindow  # noqa: E402
from kintsugi.ui.session import Session  # noqa: E402
from kintsugi.ui.together.questions import QuestionsPage  # noqa: E402
from kintsugi.ui.together.safety_plan import SafetyPlanDialog, SafetyPlanPage  # noqa: E402
from kintsugi.ui.together.sessions import TherapyPage  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASS = "demo passphrase for screenshots"
FAST = KdfParams(65536, 3, 4)


#: The demo's words in Spanish, for the Spanish screenshots (KINTSUGI_LANGUAGE=es).
SPANISH: dict[str, str] = {
    "I stop sleeping and replay the messages": "Dejo de dormir y releo los mensajes",
    "I pull away from Sam": "Me alejo de Sam",
    "Box breathing, four minutes": "Respiración en caja, cuatro minutos",
    "A walk around the block": "Un paseo a la manzana",
    "The allotment": "El huerto",
    "Coffee with Jo": "Un café con Jo",
    "Jo — 555 0101": "Jo — 555 0101",
    "My brother — 555 0144": "Mi hermano — 555 0144",
    "Dr. Lee — 555 0100": "Dra. Lee — 555 0100",
    "Samaritans — 116 123": "Teléfono de la Esperanza — 717 003 717",
    "Ask Jo to keep the spare car keys": "Pedir a Jo que guarde las llaves de repuesto del coche",
    "The children": "Los niños",
    "The garden in spring": "El jardín en primavera",
    "When did you decide to tell me?": "¿Cuándo decidiste contármelo?",
    "What do you need from me when I ask about her?": (
        "¿Qué necesitas de mí cuando te pregunto por ella?"
    ),
    "Can we talk about the holidays?": "¿Podemos hablar de las vacaciones?",
    (
        "The week after the trip. I was scared of losing you, and I am sorry it took that long."
    ): "La semana después del viaje. Tenía miedo de perderte, y siento que tardara tanto.",
    "What helps you most on a bad evening?": "¿Qué es lo que más te ayuda en una mala tarde?",
    "The call on Friday": "La llamada del viernes",
    "It shook me more than I expected.": "Me afectó más de lo que esperaba.",
    "The hotel sign on the motorway": "El cartel del hotel en la autopista",
    "A hard moment: The hotel sign": "Un momento difícil: El cartel del hotel",
    "How to pace the questions": "Cómo dosificar las preguntas",
    "We talked about pacing: one question at a time, and a pause after.": (
        "Hablamos del ritmo: una pregunta cada vez, y una pausa después."
    ),
    "Write a letter I won't send": "Escribir una carta que no enviaré",
    "One walk together this week": "Un paseo juntos esta semana",
    "a friend, evenings": "una amiga, por las tardes",
    "my therapist, weekdays": "mi terapeuta, entre semana",
}


def w(text: str) -> str:
    """The demo's words in the language of the screenshots."""
    if os.environ.get("KINTSUGI_LANGUAGE", "").startswith("es"):
        return SPANISH.get(text, text)
    return text


def _send(sender: Vault, to: Vault, label: str, path: Path) -> Path:
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
    for r in records:  # sent: no longer marked
        r.shared = False
        repository_for(sender.db, r.KIND).update(r)
    return path


def demo(path: Path, tmp: Path) -> None:
    with (
        Vault.create(path, PASS, params=FAST) as me,
        Vault.create(tmp / "partner.kintsugi", "partner pass", params=FAST) as partner,
    ):
        Sharing(me.db).set_display_name("Robin")
        Sharing(partner.db).set_display_name("Sam")
        Sharing(me.db).save_contacts(
            [
                ShareContact(
                    "Sam", Sharing(partner.db).my_key(), Sharing(partner.db).sender().signing_key
                )
            ]
        )
        Sharing(partner.db).save_contacts(
            [ShareContact("Robin", Sharing(me.db).my_key(), Sharing(me.db).sender().signing_key)]
        )
        repository_for(me.db, "safety_plan").add(
            SafetyPlan(
                warning_signs=[
                    w("I stop sleeping and replay the messages"),
                    w("I pull away from Sam"),
                ],
                coping_alone=[w("Box breathing, four minutes"), w("A walk around the block")],
                distractions=[w("The allotment"), w("Coffee with Jo")],
                helpers=[w("Jo — 555 0101"), w("My brother — 555 0144")],
                professionals=[w("Dr. Lee — 555 0100"), w("Samaritans — 116 123")],
                safer_environment=[w("Ask Jo to keep the spare car keys")],
                reasons=[w("The children"), w("The garden in spring")],
            )
        )
        q = repository_for(me.db, "question")
        q.add(Question(text=w("When did you decide to tell me?"), shared=True))
        q.add(Question(text=w("What do you need from me when I ask about her?"), shared=True))
        _send(me, partner, "Sam", tmp / "q.age")
        q.add(Question(text=w("Can we talk about the holidays?"), shared=False))
        importing.import_path(partner.db, tmp / "q.age")
        first = next(
            t
            for t in qa.their_questions(partner.db)
            if t.text == w("When did you decide to tell me?")
        )
        repository_for(partner.db, "answer").add(
            Answer(
                question_uid=first.item.uid,
                question=first.text,
                text=w(
                    "The week after the trip. I was scared of losing you, and I am sorry "
                    "it took that long."
                ),
                shared=True,
            )
        )
        repository_for(partner.db, "question").add(
            Question(text=w("What helps you most on a bad evening?"), shared=True)
        )
        _send(partner, me, "Robin", tmp / "a.age")
        importing.import_path(me.db, tmp / "a.age")
        entry = repository_for(me.db, "entry").add(
            Entry(title=w("The call on Friday"), body=w("It shook me more than I expected."))
        )
        trigger = repository_for(me.db, "trigger").add(
            Trigger(cue="place", situation=w("The hotel sign on the motorway"), suds_peak=7)
        )
        SupportContacts(me.db).save_all(
            [
                SupportContact("Jo", "555 0101", w("a friend, evenings")),
                SupportContact("Dr. Lee", "555 0100", w("my therapist, weekdays")),
            ]
        )
        NextSession(me.db).set_marked(trigger.id, True)
        NextSession(me.db).set_marked(entry.id, True)
        repository_for(me.db, "therapy_session").add(
            TherapySession(
                agenda=[w("A hard moment: The hotel sign"), w("How to pace the questions")],
                notes=w("We talked about pacing: one question at a time, and a pause after."),
                homework=[
                    Homework(w("Write a letter I won't send"), True),
                    Homework(w("One walk together this week")),
                ],
            )
        )


def shoot(widget, name: str, suffix: str) -> None:
    QTest.qWait(400)
    QApplication.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"{name}{suffix}.png"
    widget.grab().save(str(out))
    print("wrote", out)


def wait_until(condition, ms: int = 20_000) -> None:
    waited = 0
    while not condition() and waited < ms:
        QTest.qWait(50)
        waited += 50


def page_of(window, cls):
    return next(p for p in window.together.pages if isinstance(p, cls))


def main() -> int:
    args = argparse.ArgumentParser()
    args.add_argument("--size", default="1100x760")
    args.add_argument("--suffix", default="")
    opts = args.parse_args()
    width, height = (int(n) for n in opts.size.split("x"))
    make_app(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "journal.kintsugi"
        demo(path, Path(tmp))
        window = MainWindow(Session(path))
        window.resize(width, height)
        window.move(0, 0)
        window.show()
        window.unlock.passphrase.setText(PASS)
        window.unlock.unlock_button.click()
        wait_until(lambda: window.screens.currentWidget() is window.workspace)
        window.show_pane(window.together)
        plan = page_of(window, SafetyPlanPage)
        window.together.tabs.setCurrentWidget(plan)
        plan.reload()
        shoot(window, "together-safety-plan", opts.suffix)
        dialog = SafetyPlanDialog(window.session, window)
        dialog.resize(min(640, width), min(620, height))
        dialog.show()
        shoot(dialog, "together-safety-plan-view", opts.suffix)
        dialog.close()
        # one step from the rising-distress response ("still hard right now") and from the
        # people who help
        flow = window.grounding_flow
        flow.start_exercise("box_breathing")
        window.exercise.suds_now.set_value(7)
        window.exercise.begin(rated=True)
        QTest.qWait(300)
        window.exercise.stop()
        window.exercise.suds_after.set_value(8)
        window.exercise.save()
        shoot(window, "together-safety-plan-still-hard", opts.suffix)
        window.exercise.done_button.click()
        flow.on_support()
        support = flow.support_dialog
        support.resize(min(720, width), min(520, height))
        shoot(support, "together-safety-plan-people-who-help", opts.suffix)
        support.close()
        window.show_pane(window.together)
        questions = page_of(window, QuestionsPage)
        window.together.tabs.setCurrentWidget(questions)
        questions.mine.reload()
        for n in range(questions.mine.list.count()):
            if questions.mine.list.item(n).text().startswith(w("When did you decide to tell me?")):
                questions.mine.list.setCurrentRow(n)
        shoot(window, "together-questions", opts.suffix)
        questions.tabs.setCurrentWidget(questions.theirs)
        questions.theirs.reload()
        shoot(window, "together-questions-from-partner", opts.suffix)
        # the partner's question where it arrived: Share → From partner, with Answer…
        share = window.share
        window.show_pane(share)
        share.tabs.setCurrentIndex(share.tabs.count() - 1)
        wait_until(lambda: not share.busy)
        share.reload_history()
        wait_until(lambda: not share.busy)  # built on the thread pool: its rows, then one chosen
        for n in range(share.received.count()):
            if w("What helps you most on a bad evening?") in share.received.item(n).text():
                share.received.setCurrentRow(n)
        wait_until(share.answer_button.isVisible, 5_000)
        shoot(window, "share-from-partner-question", opts.suffix)
        window.show_pane(window.together)
        therapy = page_of(window, TherapyPage)
        window.together.tabs.setCurrentWidget(therapy)
        therapy.reload()
        therapy.reload_agenda()
        shoot(window, "together-therapy", opts.suffix)
        window.session.lock()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Screenshots of the practices of repair, part two (#20 items 2–4): Write from a prompt,
My templates, Something to tell (with the time to telling), Hard dates (with the plan and
the gentle note), the boundaries' transparency agreements, On this day:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_practices.py
    KINTSUGI_LANGUAGE=es xvfb-run -a -s "-screen 0 1280x800x24" \\
        .venv/bin/python scripts/screenshots_practices.py --size 800x600 --suffix=-es-800x600

Writes to docs/screenshots/: repair-prompt, repair-templates, repair-disclosures,
repair-hard-dates (its note in the status bar), repair-transparency, repair-on-this-day,
repair-from-partner (the partner's disclosures with their time to telling) —
each with the suffix given.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from kintsugi.core import config, importing, transfer  # noqa: E402
from kintsugi.core.kdf import KdfParams  # noqa: E402
from kintsugi.core.records import (  # noqa: E402
    Boundary,
    Disclosure,
    Entry,
    HardDate,
    Template,
)
from kintsugi.core.repo.boundaries import BoundaryRepository  # noqa: E402
from kintsugi.core.repo.disclosures import DisclosureRepository  # noqa: E402
from kintsugi.core.repo.entries import EntryRepository  # noqa: E402
from kintsugi.core.repo.hard_dates import HardDateRepository  # noqa: E402
from kintsugi.core.repo.settings import Settings  # noqa: E402
from kintsugi.core.repo.sharing import ShareContact, Sharing  # noqa: E402
from kintsugi.core.repo.templates import TemplateRepository  # noqa: E402
from kintsugi.core.vault import Vault  # noqa: E402
from kintsugi.ui.app import make_app  # noqa: E402
from kintsugi.ui.checkins.boundaries_tab import category_name  # noqa: E402
from kintsugi.ui.journal.prompts import PromptDialog  # noqa: E402
from kintsugi.ui.main_window import MainWindow  # noqa: E402
from kintsugi.ui.session import Session  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASS = "demo passphrase for screenshots"


#: The demo's words in Spanish, for the Spanish screenshots (KINTSUGI_LANGUAGE=es).
SPANISH: dict[str, str] = dict(
    [
        (
            "A quieter evening",
            "Una tarde más tranquila",
        ),
        (
            "We talked for an hour, and nobody raised their voice.",
            "Hablamos una hora y nadie levantó la voz.",
        ),
        (
            "After the session",
            "Después de la sesión",
        ),
        (
            "We named the need.",
            "Le pusimos nombre a lo que necesitamos.",
        ),
        (
            "Homework, week 3",
            "Tarea, semana 3",
        ),
        (
            (
                "From our session with Dr. Reyes:\n\n- [ ] three appreciations each day\n- [ ] "
                "one walk together\n- [ ] write down one question to ask"
            ),
            (
                "De nuestra sesión con la Dra. Reyes:\n\n- [ ] tres agradecimientos cada día\n"
                "- [ ] un paseo juntos\n- [ ] escribir una pregunta para hacer"
            ),
        ),
        (
            "J. wrote to me and I answered once",
            "J. me escribió y contesté una vez",
        ),
        (
            "I deleted a message before you saw it",
            "Borré un mensaje antes de que lo vieras",
        ),
        (
            "I had coffee with a colleague J. knows",
            "Tomé un café con una colega que conoce a J.",
        ),
        (
            "An old number called me; I did not pick up",
            "Me llamó un número antiguo; no contesté",
        ),
        (
            "The day I found out",
            "El día que me enteré",
        ),
        (
            "A long walk by the river. No big plans, no social media.",
            "Un paseo largo junto al río. Sin grandes planes, sin redes sociales.",
        ),
        (
            "Ana (my sister), or Dr. Reyes' practice",
            "Ana (mi hermana), o la consulta de la Dra. Reyes",
        ),
        (
            "That I may be quiet that day, and that a hug helps more than words.",
            "Que quizá esté callada ese día, y que un abrazo ayuda más que las palabras.",
        ),
        (
            "Our wedding anniversary",
            "Nuestro aniversario de boda",
        ),
        (
            "No contact with J., in any way",
            "Ningún contacto con J., de ninguna forma",
        ),
        (
            "If J. gets in touch, I tell you the same day",
            "Si J. se pone en contacto, te lo cuento el mismo día",
        ),
        (
            "Phones stay unlocked on the table at dinner",
            "Los teléfonos, desbloqueados sobre la mesa en la cena",
        ),
        (
            "A message from J. at work; I did not answer",
            "Un mensaje de J. en el trabajo; no contesté",
        ),
        (
            "I drove past J.'s street on the way home",
            "Pasé en coche por la calle de J. al volver a casa",
        ),
        (
            "J. liked a photo of mine; I blocked the account",
            "A J. le gustó una foto mía; bloqueé la cuenta",
        ),
        (
            "I wanted to look at J.'s page, and didn't",
            "Quise mirar la página de J., y no lo hice",
        ),
    ]
)


def w(text: str) -> str:
    """The demo's words in the language of the screenshots."""
    if os.environ.get("KINTSUGI_LANGUAGE", "").startswith("es"):
        return SPANISH.get(text, text)
    return text


def demo_vault(path: Path) -> None:
    with Vault.create(path, PASS, params=KdfParams(65536, 3, 4)) as v:
        now = datetime.now().astimezone().replace(second=0, microsecond=0)
        EntryRepository(v.db).add(
            Entry(
                title=w("A quieter evening"),
                body=w("We talked for an hour, and nobody raised their voice."),
                occurred_at=now.replace(year=now.year - 1),
            )
        )
        EntryRepository(v.db).add(Entry(title=w("After the session"), body=w("We named the need.")))
        TemplateRepository(v.db).add(
            Template(
                name=w("Homework, week 3"),
                text=w(
                    "From our session with Dr. Reyes:\n\n- [ ] three appreciations each day\n"
                    "- [ ] one walk together\n- [ ] write down one question to ask"
                ),
                due=date.today() + timedelta(days=4),
            )
        )
        disclosures = DisclosureRepository(v.db)
        for n, (days, text) in enumerate(
            (
                (6, w("J. wrote to me and I answered once")),
                (3, w("I deleted a message before you saw it")),
                (1, w("I had coffee with a colleague J. knows")),
                (0.3, w("An old number called me; I did not pick up")),
            )
        ):
            told = now - timedelta(days=30 - 8 * n)
            disclosures.add(
                Disclosure(text=text, happened_at=told - timedelta(days=days), told_at=told)
            )
        HardDateRepository(v.db).add(
            HardDate(
                text=w("The day I found out"),
                day=(date.today() + timedelta(days=3)).replace(year=date.today().year - 1),
                notice_days=5,
                helps=w("A long walk by the river. No big plans, no social media."),
                call=w("Ana (my sister), or Dr. Reyes' practice"),
                tell_partner=w(
                    "That I may be quiet that day, and that a hug helps more than words."
                ),
            )
        )
        HardDateRepository(v.db).add(
            HardDate(text=w("Our wedding anniversary"), day=date(2015, 9, 12), notice_days=7)
        )
        boundaries = BoundaryRepository(v.db)
        boundaries.add(Boundary(text=w("No contact with J., in any way")))
        boundaries.add(
            Boundary(
                text=w("If J. gets in touch, I tell you the same day"),
                category="transparency",
                agreed_on=date.today() - timedelta(days=40),
                revisit_by=date.today() + timedelta(days=20),
            )
        )
        boundaries.add(
            Boundary(text=w("Phones stay unlocked on the table at dinner"), category="technology")
        )
        config.ON_THIS_DAY.set(Settings(v.db), True)
        partner_told_me(v, path.parent / "partner.kintsugi", now)


def partner_told_me(me: Vault, partner_path: Path, now: datetime) -> None:
    """Sam's disclosures, sent in a signed bundle to this journal and read here: From
    partner shows their time to telling."""
    with Vault.create(partner_path, "partner pass", params=KdfParams(65536, 3, 4)) as partner:
        mine, theirs = Sharing(me.db), Sharing(partner.db)
        mine.set_display_name("Robin")
        theirs.set_display_name("Sam")
        mine.save_contacts([ShareContact("Sam", theirs.my_key(), theirs.sender().signing_key)])
        disclosures = DisclosureRepository(partner.db)
        for n, (days, text) in enumerate(
            (
                (5, w("A message from J. at work; I did not answer")),
                (2, w("I drove past J.'s street on the way home")),
                (0.5, w("J. liked a photo of mine; I blocked the account")),
                (0.1, w("I wanted to look at J.'s page, and didn't")),
            )
        ):
            told = now - timedelta(days=28 - 8 * n)
            disclosures.add(
                Disclosure(
                    text=text, happened_at=told - timedelta(days=days), told_at=told, shared=True
                )
            )
        records = transfer.select(partner.db, shared=True)
        bundle = partner_path.with_suffix(".age")
        bundle.write_bytes(
            transfer.export_bytes(
                partner.db, records, "age", exporter="Sam", recipients=[mine.my_key()]
            )
        )
    importing.import_path(me.db, bundle)


def shoot(widget: QWidget, name: str) -> None:
    QTest.qWait(400)
    QApplication.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png", widget.size().toTuple())


def wait_until(condition, ms: int = 20_000) -> None:
    waited = 0
    while not condition() and waited < ms:
        QTest.qWait(50)
        waited += 50


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--suffix", default="")
    parser.add_argument("--size", default="1100x720")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.split("x"))
    app = make_app(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "journal.kintsugi"
        demo_vault(path)
        window = MainWindow(Session(path))
        window.show()
        window.resize(width, height)
        window.unlock.passphrase.setText(PASS)
        window.unlock.unlock_button.click()
        wait_until(lambda: window.screens.currentWidget() is window.workspace)
        window.resize(width, height)
        wait_until(lambda: not window.gentle_notes.bar.isHidden())

        window.on_write_from_prompt()
        dialog = next(d for d in window.findChildren(PromptDialog) if d.isVisible())
        dialog.list.setCurrentRow(2)
        shoot(dialog, f"repair-prompt{args.suffix}")
        dialog.accept()
        shoot(window, f"repair-prompt-entry{args.suffix}")

        window.journal.show_journal()
        wait_until(lambda: not window.journal.on_this_day.isHidden())
        shoot(window, f"repair-on-this-day{args.suffix}")

        for kind, name in (
            ("template", "repair-templates"),
            ("disclosure", "repair-disclosures"),
            ("hard_date", "repair-hard-dates"),
        ):
            page = window.together.page_for(kind)
            window.show_pane(window.together)
            window.together.show_page(page)
            page.list.setCurrentRow(0)
            shoot(window, f"{name}{args.suffix}")

        share = window.share
        window.show_pane(share)
        share.reload_history()
        wait_until(lambda: share.received.count() > 0)
        QTest.qWait(500)  # every load has landed
        share.tabs.setCurrentIndex(share.tabs.count() - 1)  # From partner
        share.received.setCurrentRow(0)
        wait_until(lambda: bool(share.received_view.toPlainText()))
        shoot(window, f"repair-from-partner{args.suffix}")

        window.show_pane(window.checkins)
        window.checkins.tabs.setCurrentWidget(window.checkins.boundaries)
        tab = window.checkins.boundaries
        label = category_name("transparency")
        tab.list.setCurrentRow(
            next(n for n in range(tab.list.count()) if tab.list.item(n).text().startswith(label))
        )
        shoot(window, f"repair-transparency{args.suffix}")
        window.session.lock()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())

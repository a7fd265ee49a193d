"""Crisis lines, and the support card: the one thing readable before the passphrase.

A person may choose (Settings, off by default) to reach their support contacts and crisis
line from the lock screen. Those few names and numbers must then be readable without the
key, so they are kept — and only they, only then — in a small private file on this
computer, outside the vault (``support-card.json`` in the config folder, mode 0600).
Switching the choice off deletes the file. Nothing else of the journal is ever in it.

The built-in crisis lines are a short starting list, each with the official page it was
taken from; the person can edit the name and number, or type their own.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from kintsugi.core import fsutil, paths
from kintsugi.core.i18n import QT_TRANSLATE_NOOP

CARD_FILENAME = "support-card.json"


@dataclass(frozen=True)
class CrisisLine:
    name: str
    number: str
    country: str = ""  # ISO 3166 code of a built-in line, "" for the person's own


# country code → (country, line, number, the official page the number is taken from).
# Keep it short; check each number against its page before changing it.
BUILT_IN_LINES: dict[str, tuple[str, str, str, str]] = {
    # free, 24 hours, from any phone
    "GB": (
        QT_TRANSLATE_NOOP("country", "United Kingdom"),
        "Samaritans",
        "116 123",
        "https://www.samaritans.org/",
    ),
    # free, 24 hours, from any phone
    "IE": (
        QT_TRANSLATE_NOOP("country", "Ireland"),
        "Samaritans",
        "116 123",
        "https://www.samaritans.org/ireland/",
    ),
    # call or text 988
    "US": (
        QT_TRANSLATE_NOOP("country", "United States"),
        "988 Suicide & Crisis Lifeline",
        "988",
        "https://988lifeline.org/",
    ),
    # call or text 9-8-8
    "CA": (
        QT_TRANSLATE_NOOP("country", "Canada"),
        "9-8-8 Suicide Crisis Helpline",
        "988",
        "https://988.ca/",
    ),
    # 24 hours
    "AU": (
        QT_TRANSLATE_NOOP("country", "Australia"),
        "Lifeline",
        "13 11 14",
        "https://www.lifeline.org.au/",
    ),
    # call or text 1737
    "NZ": (
        QT_TRANSLATE_NOOP("country", "New Zealand"),
        "Need to talk? 1737",
        "1737",
        "https://1737.org.nz/",
    ),
    # also 0800 111 0 222, free
    "DE": (
        QT_TRANSLATE_NOOP("country", "Germany"),
        "TelefonSeelsorge",
        "0800 111 0 111",
        "https://www.telefonseelsorge.de/",
    ),
    # numéro national de prévention du suicide
    "FR": (QT_TRANSLATE_NOOP("country", "France"), "3114", "3114", "https://3114.fr/"),
    # also 113
    "NL": (
        QT_TRANSLATE_NOOP("country", "Netherlands"),
        "113 Zelfmoordpreventie",
        "0800 0113",
        "https://www.113.nl/",
    ),
}


def built_in(country: str) -> CrisisLine:
    _, name, number, _ = BUILT_IN_LINES[country]
    return CrisisLine(name, number, country)


def card_path() -> Path:
    return paths.config_dir() / CARD_FILENAME


@dataclass(frozen=True)
class SupportCard:
    """What the lock screen may show: names, how to reach them, the crisis line."""

    contacts: list[dict[str, str]]  # {"name", "reach", "note"}
    crisis_line: CrisisLine | None
    #: The safety plan's "things I can do on my own", if the person chose to keep them here.
    coping: tuple[str, ...] = ()


def write_card(
    contacts: list[dict[str, str]],
    crisis_line: CrisisLine | None,
    path: Path | None = None,
    coping: list[str] | tuple[str, ...] = (),
) -> None:
    path = path or card_path()
    fsutil.ensure_private_dir(path.parent)
    data: dict[str, object] = {
        "about": "Written by Kintsugi because you chose to reach these before unlocking. "
        "Turn it off in Settings and this file is deleted.",
        "contacts": [{k: str(c.get(k, "")) for k in ("name", "reach", "note")} for c in contacts],
        "crisis_line": asdict(crisis_line) if crisis_line else None,
    }
    if coping:
        data["safety_plan_on_my_own"] = [str(line) for line in coping]
    fsutil.atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, indent=1).encode())


def remove_stale_temps(folder: Path | None = None) -> list[Path]:
    """Temps of the card a killed writer left in its folder (one per machine, so sweeping it
    at every start is enough; a temp whose writer still runs is held and left alone)."""
    folder = folder or card_path().parent
    return fsutil.remove_dead_temps(folder, re.compile(re.escape(CARD_FILENAME)))


def read_card(path: Path | None = None) -> SupportCard | None:
    """The card, or None when there is none (or it is not one of ours: never an error)."""
    path = path or card_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        contacts = [
            {k: str(c.get(k, "")) for k in ("name", "reach", "note")}
            for c in data.get("contacts", [])
            if isinstance(c, dict)
        ]
        line = data.get("crisis_line")
        crisis = (
            CrisisLine(str(line.get("name", "")), str(line.get("number", "")))
            if isinstance(line, dict) and line.get("number")
            else None
        )
        coping = data.get("safety_plan_on_my_own", [])
        own = tuple(str(line) for line in coping if isinstance(line, str) and line.strip())
    except (OSError, ValueError, AttributeError, TypeError):
        return None
    return SupportCard(contacts, crisis, own[:50])


def remove_card(path: Path | None = None) -> None:
    fsutil.remove_quietly(path or card_path())

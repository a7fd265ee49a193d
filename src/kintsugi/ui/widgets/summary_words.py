"""A row's title and excerpt in the person's words.

The journal keeps, with every item, a title and an excerpt for its row; for triggers and
grounding sessions the engine composes them from the record ("A place", "A place · SUDS 7",
"2.5 min · SUDS 8 → 4") and stores them in English. Rows show those composed parts in plain,
translated words ("distress 7 of 10", "3 minutes"); whatever the person wrote is shown as it is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from kintsugi.core.i18n import marked
from kintsugi.core.records import ItemSummary
from kintsugi.core.render import minutes_text
from kintsugi.core.repo.grounding import TECHNIQUE_LABELS
from kintsugi.core.repo.rituals import RITUAL_LABELS
from kintsugi.core.repo.safety_plans import TITLE as SAFETY_PLAN_TITLE
from kintsugi.core.repo.safety_plans import SafetyPlanRepository
from kintsugi.core.repo.therapy import TITLE as THERAPY_TITLE
from kintsugi.core.repo.therapy import TherapySessionRepository
from kintsugi.core.repo.triggers import CUE_LABELS

_TRIGGER = re.compile(r"(?P<cue>.*) · SUDS (?P<peak>\d+)")
_GROUNDING = re.compile(
    r"(?P<minutes>\d+(?:\.\d+)?) min(?: · SUDS (?P<before>\d+) → (?P<after>\d+))?"
)
_CUES = set(CUE_LABELS.values())
_TECHNIQUES = set(TECHNIQUE_LABELS.values())
_RITUALS = set(RITUAL_LABELS.values())


def _distress(peak: str) -> str:
    return QCoreApplication.translate("SummaryWords", "distress %1 of 10").replace("%1", peak)


def title_text(item: ItemSummary) -> str:
    if item.kind == "trigger" and item.title in _CUES:
        return marked("cue", item.title)
    if item.kind == "grounding" and item.title in _TECHNIQUES:
        return marked("technique", item.title)
    if item.kind == "safety_plan" and item.title == SAFETY_PLAN_TITLE:
        return marked("render", SafetyPlanRepository.name)
    if item.kind == "therapy_session" and item.title == THERAPY_TITLE:
        return marked("render", TherapySessionRepository.name)
    if item.kind == "ritual" and item.title in _RITUALS:
        return marked("render", item.title)
    return item.title


def excerpt_text(item: ItemSummary) -> str:
    if item.kind == "trigger":
        m = _TRIGGER.fullmatch(item.excerpt)
        if m:
            cue = m["cue"]
            return f"{marked('cue', cue) if cue in _CUES else cue} · {_distress(m['peak'])}"
    elif item.kind == "grounding":
        m = _GROUNDING.fullmatch(item.excerpt)
        if m:
            text = minutes_text(float(m["minutes"]) * 60)
            if m["before"] is not None:
                change = QCoreApplication.translate("SummaryWords", "distress %1 → %2")
                text += " · " + change.replace("%1", m["before"]).replace("%2", m["after"])
            return text
    return item.excerpt

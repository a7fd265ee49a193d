"""Fill translations into a Qt .ts file from a plain table (a translator's helper).

    python scripts/fill_translations.py resources/translations/kintsugi_es.ts TABLE.tsv

TABLE: one message a line, ``context<TAB>source<TAB>translation`` (plural forms separated by
`` || ``); a backslash-n stands for a newline. Only messages still unfinished are filled; the
English plural forms (kintsugi_en.ts) are made from the source with ``--english``.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ENGLISH_PLURALS = {
    "%n journal entries": ("%n journal entry", "%n journal entries"),
    "%n items in all": ("%n item in all", "%n items in all"),
    "revised (%n earlier)": ("revised (1 earlier)", "revised (%n earlier)"),
    "; %n already here.": ("; %n was already here.", "; %n were already here."),
}


def english_forms(source: str) -> tuple[str, str]:
    if source in ENGLISH_PLURALS:
        return ENGLISH_PLURALS[source]
    return source.replace("(s)", ""), source.replace("(s)", "s")


def fill(ts: Path, table: dict[tuple[str, str], list[str]] | None, english: bool) -> int:
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            tr = message.find("translation")
            if tr is None or tr.get("type") not in ("unfinished",):
                continue
            if english:
                forms = list(english_forms(source))
            else:
                forms = (table or {}).get((name, source))
                if forms is None:
                    continue
            if message.get("numerus") == "yes":
                slots = tr.findall("numerusform")
                if len(forms) == 1:
                    forms = forms * len(slots)
                for slot, text in zip(slots, forms, strict=True):
                    slot.text = text
            else:
                tr.text = forms[0]
            del tr.attrib["type"]
            filled += 1
    ET.indent(tree, "    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    return filled


def read_table(path: Path) -> dict[tuple[str, str], list[str]]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        context, source, translation = line.split("\t")
        unescape = lambda s: s.replace("\\n", "\n")  # noqa: E731
        table[(context, unescape(source))] = [unescape(f) for f in translation.split(" || ")]
    return table


if __name__ == "__main__":
    ts = Path(sys.argv[1])
    if sys.argv[2] == "--english":
        print(fill(ts, None, True), "filled")
    else:
        print(fill(ts, read_table(Path(sys.argv[2])), False), "filled")

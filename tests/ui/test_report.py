"""The PDF report, read back with poppler: the Insights pane's charts (all of them, and its
summary with the streaks), labels ≥ 8 pt when printed, the writer's own headings nested below
each item's, text in every script, the page size from the locale, a neutral title."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPdfWriter

from kintsugi.core import insights
from kintsugi.core.insights import Range
from kintsugi.core.records import CheckIn, Entry, GroundingSession, Trigger
from kintsugi.core.repo import repository_for
from kintsugi.ui.insights.pane import summary_text
from kintsugi.ui.insights.report import LABEL_PT, build_document, render_pdf
from kintsugi.ui.widgets.charts import charts_for

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")), reason="needs poppler-utils"
)
SCRIPTS = {
    "Hebrew": "שלום עולם",
    "Arabic": "مرحبا بالعالم",
    "CJK": "你好世界",
    "Japanese": "こんにちは",
}
#: Outside the BMP (Qt's PDF writer maps no text to them, and draws colour emoji as
#: pictures): a face, a modifier sequence, a flower asked for in colour, one of Unicode 14.
EMOJI = (
    "\N{GRINNING FACE} \N{PERSON WITH FOLDED HANDS}\N{EMOJI MODIFIER FITZPATRICK TYPE-4}"
    " \N{SUNFLOWER}\N{VARIATION SELECTOR-16} \U0001faf6"
)
BMP_EMOJI = "\N{WHITE SMILING FACE} \N{HEAVY BLACK HEART} \N{HOT BEVERAGE}"


@pytest.fixture
def filled(app, vault):
    now = datetime.now(UTC).replace(microsecond=0)
    recs = []
    for d in range(6):
        when = now - timedelta(days=d)
        body = (
            "# My own heading\n\nSome words.\n\n## A smaller one\n\n"
            + " · ".join(SCRIPTS.values())
            + f" {EMOJI} {BMP_EMOJI}"
        )
        recs.append(
            repository_for(vault.db, "entry").add(
                Entry(title=f"Day {d}", body=body, occurred_at=when)
            )
        )
        recs.append(
            repository_for(vault.db, "trigger").add(
                Trigger(cue="place", suds_peak=6, occurred_at=when - timedelta(hours=2))
            )
        )
        recs.append(
            repository_for(vault.db, "grounding").add(
                GroundingSession(
                    technique="box_breathing",
                    suds_before=7,
                    suds_after=3,
                    occurred_at=when - timedelta(hours=1),
                )
            )
        )
        recs.append(
            repository_for(vault.db, "checkin").add(
                CheckIn(safety=5, trust=4, connection=6, communication=5, occurred_at=when)
            )
        )
    return vault, recs


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, check=True, text=True).stdout


def _pdf(tmp_path, data: bytes, name="report.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _words(path) -> list[list[tuple[str, float]]]:
    """Each page's words with their box heights (points), from pdftotext -bbox."""
    xml = _run("pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ElementTree.fromstring(xml)
    return [
        [(w.text or "", float(w.get("yMax")) - float(w.get("yMin"))) for w in page.iter("word")]
        for page in root.iter("page")
    ]


def _height_of_8pt(tmp_path) -> float:
    """The box height poppler gives a word set at exactly 8 pt in the same font."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(96)
    painter = QPainter(writer)
    font = QFont(painter.font())
    font.setPointSizeF(8.0)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, 400, 100), Qt.AlignLeft, "Calibrate")
    painter.end()
    del writer
    buffer.close()
    [[(_, height)]] = _words(_pdf(tmp_path, bytes(data), "calibrate.pdf"))
    return height


def test_the_report_has_every_insights_chart_and_the_streaks_at_8pt_or_more(filled, tmp_path):
    vault, recs = filled
    path = _pdf(tmp_path, render_pdf(vault.db, recs, name="Alex"))
    text = _run("pdftotext", "-enc", "UTF-8", str(path), "-")
    # The report's range runs from its earliest item to its latest: just after midnight the
    # trigger two hours before the oldest entry falls on the day before that entry.
    days = [r.occurred_at.date() for r in recs]
    first, last = min(days), max(days)
    figures = insights.compute(vault.db, Range(first, last), only_ids=[r.id for r in recs])
    specs = charts_for(figures)  # exactly the Insights pane's charts (it zips them, strict)
    assert len(specs) >= 8
    flat = " ".join(unicodedata.normalize("NFKC", text).split())  # ligatures ("ﬀ")
    for spec in specs:
        assert spec.title in flat, spec.title
    assert summary_text(figures) in flat and "6 days in a row now" in flat  # the streak
    reference = _height_of_8pt(tmp_path)
    chart_pages = [page for page in _words(path) if any(w == "per" for w, _ in page)]
    assert chart_pages
    heights = [h for page in chart_pages for _, h in page]
    assert min(heights) >= reference * 0.999, (min(heights), reference)
    assert LABEL_PT >= 8


def test_the_writers_headings_nest_below_each_items_heading(filled):
    vault, recs = filled
    doc = build_document(vault.db, recs)
    levels = {}
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            levels.setdefault(block.text(), block.blockFormat().headingLevel())
        block = block.next()
    assert levels["The items"] == 1
    assert levels["Journal — Day 0"] == 2
    assert levels["My own heading"] == 3 and levels["A smaller one"] == 4


def test_text_in_every_script_is_in_the_pdf_and_extractable(filled, tmp_path):
    vault, recs = filled
    path = _pdf(tmp_path, render_pdf(vault.db, recs))
    text = _run("pdftotext", "-enc", "UTF-8", str(path), "-")
    # pdftotext gives Arabic in its presentation forms and right-to-left runs in embedding
    # marks: compare what a reader would search for.
    plain = unicodedata.normalize("NFKC", re.sub("[\u202a-\u202e\u200e\u200f]", "", text))
    for script, words in SCRIPTS.items():
        for word in words.split():
            assert word in plain, f"{script}: {word!r} is not in the PDF's text"
    fonts = _run("pdffonts", str(path))
    assert "CJK" in fonts and ("Hebrew" in fonts or "Noto" in fonts)
    # every emoji character (pdftotext orders a line holding Hebrew right to left, so a
    # modifier sequence may read back reversed; each character is there)
    for ch in set(BMP_EMOJI + EMOJI) - {" ", "\ufe0f"}:
        assert ch in plain, f"{ch!r} (U+{ord(ch):04X}) is not in the PDF's text"
    # drawn as text from outline fonts, not as pictures (the charts are vector graphics)
    assert _run("pdfimages", "-list", str(path)).splitlines()[2:] == []
    assert "Symbola" in fonts


@pytest.mark.parametrize(
    "locale, size",
    [
        ("en_US", "612 x 792 pts (letter)"),
        ("en_CA", "612 x 792 pts (letter)"),
        ("fr_CA", "612 x 792 pts (letter)"),
        ("en_GB", "595 x 842 pts (A4)"),
        ("de_DE", "595 x 842 pts (A4)"),
        ("ja_JP", "595 x 842 pts (A4)"),
    ],
)
def test_page_size_follows_the_locale_and_the_title_is_neutral(filled, tmp_path, locale, size):
    vault, recs = filled
    path = _pdf(tmp_path, render_pdf(vault.db, recs[:4], locale=QLocale(locale)))
    info = _run("pdfinfo", str(path))
    assert f"Page size:       {size}" in info
    title = next(line for line in info.splitlines() if line.startswith("Title:"))
    assert title.split(":", 1)[1].strip() == "Report"
    assert "therapy" not in title.lower()

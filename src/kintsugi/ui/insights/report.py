"""The report: a calm PDF made with Qt's own PDF writer.

Cover (name, dates, what is included) and a summary of the moments and what helped; then the
Insights pane's charts, all of them, with its summary line (streaks), drawn by ui/widgets/charts.py
as vector graphics straight onto the pages from the chosen items only (labels at
``LABEL_PT`` points, real text); then the items, rendered from the share payload (the same
Markdown as the preview), the writer's own ``#`` headings nested below each item's heading.
Text in every script through Qt's font fallback (Debian's Noto fonts, installed by
scripts/setup-system.sh); emoji, also outside the BMP, as extractable text (pdf_text.py).
The page size follows the locale (Letter in the US and Canada, A4 elsewhere); the PDF's
title is a neutral "Report". Private notes are never included. Needs a QGuiApplication
(offscreen is fine).
"""

from __future__ import annotations

import html
from collections import Counter
from datetime import date

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLocale,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from kintsugi.core import insights
from kintsugi.core.db import Database
from kintsugi.core.i18n import marked
from kintsugi.core.insights import Insights, Range
from kintsugi.core.records import GroundingSession, Record, Trigger
from kintsugi.core.render import KIND_NAMES
from kintsugi.core.repo.grounding import technique_label
from kintsugi.core.repo.triggers import cue_label
from kintsugi.core.share import DEFAULT_OPTIONS, Payload, ShareOptions
from kintsugi.core.transfer import payload_for
from kintsugi.ui.attachments.media import add_pictures, fit_pictures
from kintsugi.ui.i18n import long_day_text, number_text
from kintsugi.ui.insights.pane import summary_text
from kintsugi.ui.insights.pdf_text import map_astral_glyphs, prefer_text_presentation
from kintsugi.ui.widgets.charts import ChartSpec, charts_for, draw
from kintsugi.ui.widgets.charts import technique_label as chart_technique_label
from kintsugi.ui.widgets.safe_text import SafeTextDocument

TITLE = "Report"  # the PDF's metadata title: neutral, whoever sees the file name or title
LABEL_PT = 8.5  # chart labels, printed (≥ 8 pt)
RESOLUTION = 96  # layout at screen scale; the PDF stays vector
PICTURE_MM = 90  # an attached picture's longest side, printed
CHART_HEIGHT_MM = 70
LETTER_TERRITORIES = (QLocale.Country.UnitedStates, QLocale.Country.Canada)


def page_size_for(locale: QLocale | None = None) -> QPageSize:
    """Letter in the US and Canada, A4 everywhere else."""
    territory = (locale or QLocale()).territory()
    return QPageSize(
        QPageSize.PageSizeId.Letter if territory in LETTER_TERRITORIES else QPageSize.PageSizeId.A4
    )


def _h(text: str) -> str:
    return html.escape(text)


def summary_tables(records: list[Record]) -> str:
    triggers = [r for r in records if isinstance(r, Trigger)]
    sessions = [
        r
        for r in records
        if isinstance(r, GroundingSession)
        and r.suds_before is not None
        and r.suds_after is not None
    ]
    parts = []
    if triggers:
        counts = Counter(t.cue for t in triggers)
        rows = "".join(
            f"<tr><td>{html.escape(cue_label(c))}</td><td align=right>{n}</td>"
            f"<td align=right>"
            f"{number_text(sum(t.suds_peak for t in triggers if t.cue == c) / n, 1)}"
            "</td></tr>"
            for c, n in counts.most_common()
        )
        parts.append(
            "<h2>"
            + _h(QCoreApplication.translate("Report", "Hard moments"))
            + "</h2><table border=0 cellspacing=0 cellpadding=4><tr><th align=left>"
            + _h(QCoreApplication.translate("Report", "What set it off"))
            + "</th><th>"
            + _h(QCoreApplication.translate("Report", "Times"))
            + "</th><th>"
            + _h(QCoreApplication.translate("Report", "Mean distress at its worst (0–10)"))
            + "</th></tr>"
            + rows
            + "</table>"
        )
    if sessions:
        by: dict[str, list[int]] = {}
        for s in sessions:
            by.setdefault(s.technique, []).append((s.suds_before or 0) - (s.suds_after or 0))
        rows = "".join(
            f"<tr><td>{html.escape(technique_label(t))}</td><td align=right>"
            f"{len(d)}</td><td align=right>{number_text(sum(d) / len(d), 1)}</td></tr>"
            for t, d in sorted(by.items(), key=lambda kv: -sum(kv[1]) / len(kv[1]))
        )
        parts.append(
            "<h2>"
            + _h(QCoreApplication.translate("Report", "Grounding"))
            + "</h2><table border=0 cellspacing=0 cellpadding=4><tr><th align=left>"
            + _h(QCoreApplication.translate("Report", "Technique"))
            + "</th><th>"
            + _h(QCoreApplication.translate("Report", "Sessions"))
            + "</th><th>"
            + _h(QCoreApplication.translate("Report", "Mean drop in distress (points of 10)"))
            + "</th></tr>"
            + rows
            + "</table>"
        )
    return "".join(parts)


def by_cue_table(figures: Insights) -> str:
    """The Insights pane's "What helped, by what set it off" table."""
    rows = "".join(
        f"<tr><td>{html.escape(cue_label(cue))}</td>"
        f"<td>{html.escape(chart_technique_label(e.technique, e.name))}</td>"
        f"<td align=right>{e.n}</td><td align=right>"
        + _h(
            QCoreApplication.translate("Report", "%1 points").replace(
                "%1", number_text(e.mean_drop, 1)
            )
            if e.mean_drop > 0
            else QCoreApplication.translate("Report", "not yet")
        )
        + "</td></tr>"
        for cue, effects in figures.by_cue_technique.items()
        for e in effects
    )
    if not rows:
        return ""
    return (
        "<h2>"
        + _h(QCoreApplication.translate("Report", "What helped, by what set it off"))
        + "</h2><table border=0 cellspacing=0 cellpadding=4><tr><th align=left>"
        + _h(QCoreApplication.translate("Report", "What set it off"))
        + "</th><th align=left>"
        + _h(QCoreApplication.translate("Report", "What I did"))
        + "</th><th>"
        + _h(QCoreApplication.translate("Report", "Times"))
        + "</th><th>"
        + _h(QCoreApplication.translate("Report", "Eased by"))
        + "</th></tr>"
        + rows
        + "</table>"
    )


class Report:
    """The report's parts: the front (cover and tables), the charts, the items."""

    def __init__(
        self,
        db: Database,
        records: list[Record],
        *,
        name: str = "",
        today: date | None = None,
        payload: Payload | None = None,
        options: ShareOptions = DEFAULT_OPTIONS,
    ):
        records = sorted(records, key=lambda r: r.occurred_at)
        if payload is None:
            payload = payload_for(db, records, exporter=name, options=options)
        first = records[0].occurred_at.date() if records else date.today()
        last = records[-1].occurred_at.date() if records else date.today()
        kinds = Counter(marked("render", KIND_NAMES[r.KIND]) for r in records)
        included = ", ".join(f"{n} × {k}" for k, n in kinds.most_common()) or (
            QCoreApplication.translate("Report", "nothing")
        )
        self.figures: Insights = insights.compute(
            db,
            Range(first, last),
            today=today,
            only_ids=[r.id for r in records if r.id is not None],
        )
        self.front = SafeTextDocument()
        self.front.set_html(
            "<h1>"
            + _h(QCoreApplication.translate("Report", "Notes for therapy"))
            + f"</h1><p>{html.escape(name)}</p>"
            f"<p>{_h(long_day_text(first))} – {_h(long_day_text(last))}</p><p>"
            + _h(QCoreApplication.translate("Report", "Included: %1.").replace("%1", included))
            + "</p><p><i>"
            + _h(
                QCoreApplication.translate(
                    "Report",
                    "Chosen and exported from Kintsugi by its writer. "
                    "Private notes are never included.",
                )
            )
            + "</i></p>"
            + summary_tables(records)
            + by_cue_table(self.figures)
        )
        self.charts: list[ChartSpec] = charts_for(self.figures)
        self.summary = summary_text(self.figures)
        self.items = SafeTextDocument()
        heading = QCoreApplication.translate("Report", "The items")
        # pictures from the very bytes a bundle of these items carries (ui/attachments),
        # decoded at twice the size they are drawn (9 cm), so they print sharp
        drawn = PICTURE_MM / 25.4 * RESOLUTION
        add_pictures(self.items, payload.attachment_refs(), payload.open_blob, int(drawn * 2))
        self.items.set_markdown(f"# {heading}\n\n" + payload.items_markdown())
        fit_pictures(self.items, drawn)
        for doc in (self.front, self.items):
            doc.setDocumentMargin(0)


def build_document(db: Database, records: list[Record], **kwargs) -> SafeTextDocument:
    """The items part of the report (as the preview renders them)."""
    return Report(db, records, **kwargs).items


def _paint_document(painter: QPainter, writer: QPdfWriter, doc, size: QSizeF, first: bool):
    doc.documentLayout().setPaintDevice(writer)
    doc.setPageSize(size)
    for page in range(doc.pageCount()):
        if page or not first:
            writer.newPage()
        painter.save()
        painter.translate(0, -page * size.height())
        doc.drawContents(painter, QRectF(0, page * size.height(), size.width(), size.height()))
        painter.restore()


def _paint_charts(painter: QPainter, writer: QPdfWriter, report: Report, size: QSizeF) -> None:
    writer.newPage()
    font = QFont(painter.font())
    font.setPointSizeF(LABEL_PT * 1.6)
    font.setBold(True)
    painter.setFont(font)
    heading_h = painter.fontMetrics().height() * 1.6
    painter.drawText(
        QRectF(0, 0, size.width(), heading_h), QCoreApplication.translate("Report", "Insights")
    )
    font.setBold(False)
    font.setPointSizeF(LABEL_PT + 1)
    painter.setFont(font)
    text_rect = painter.boundingRect(
        QRectF(0, heading_h, size.width(), size.height()),
        Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft,
        report.summary,
    )
    painter.drawText(
        text_rect, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, report.summary
    )
    chart_h = CHART_HEIGHT_MM / 25.4 * RESOLUTION
    y = text_rect.bottom() + chart_h * 0.1
    labels = QFont(painter.font())
    labels.setPointSizeF(LABEL_PT)
    for spec in report.charts:
        if y + chart_h > size.height():
            writer.newPage()
            y = 0.0
        painter.setFont(labels)
        draw(painter, QRectF(0, y, size.width(), chart_h), spec, label_pt=LABEL_PT)
        y += chart_h * 1.08


def render_pdf(
    db: Database,
    records: list[Record],
    *,
    name: str = "",
    payload: Payload | None = None,
    options: ShareOptions = DEFAULT_OPTIONS,
    locale: QLocale | None = None,
    today: date | None = None,
) -> bytes:
    report = Report(db, records, name=name, payload=payload, options=options, today=today)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(TITLE)
    writer.setCreator("")  # neutral metadata: no app name in the file
    writer.setPageLayout(
        QPageLayout(
            page_size_for(locale),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(RESOLUTION)
    size = writer.pageLayout().paintRectPixels(RESOLUTION).size().toSizeF()
    for doc in (report.front, report.items):
        prefer_text_presentation(doc)  # emoji as text, not colour pictures (pdf_text.py)
    painter = QPainter(writer)
    _paint_document(painter, writer, report.front, size, first=True)
    _paint_charts(painter, writer, report, size)
    _paint_document(painter, writer, report.items, size, first=False)
    painter.end()
    del writer
    buffer.close()
    text = report.front.toRawText() + report.items.toRawText()
    return map_astral_glyphs(bytes(data.data()), text, report.items.defaultFont())

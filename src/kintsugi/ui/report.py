"""The therapy report: a calm PDF made with Qt's own PDF writer.

Cover (name, dates, what is included), a summary of the moments and what helped, the
insight charts (drawn by ui/charts.py from the chosen items only), then the items in order.
Private notes are never included. Needs a QGuiApplication (offscreen is fine).
"""

from __future__ import annotations

import html
from collections import Counter
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSize, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from kintsugi.core import insights
from kintsugi.core.db import Database
from kintsugi.core.insights import Range
from kintsugi.core.records import GroundingSession, Record, Trigger
from kintsugi.core.render import KIND_NAMES
from kintsugi.core.repo.grounding import TECHNIQUE_LABELS
from kintsugi.core.repo.triggers import CUE_LABELS
from kintsugi.core.share import DEFAULT_OPTIONS, Payload, ShareOptions
from kintsugi.core.transfer import payload_for
from kintsugi.ui.charts import charts_for, render_image
from kintsugi.ui.safe_text import SafeTextDocument

REPORT_CHARTS = (
    "Triggers per week",
    "What set them off",
    "What works for me: mean drop in distress",
    "Check-ins",
)


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
            f"<tr><td>{html.escape(CUE_LABELS[c])}</td><td align=right>{n}</td>"
            f"<td align=right>{sum(t.suds_peak for t in triggers if t.cue == c) / n:.1f}"
            "</td></tr>"
            for c, n in counts.most_common()
        )
        parts.append(
            "<h2>Hard moments</h2><table border=0 cellspacing=0 cellpadding=4>"
            "<tr><th align=left>What set it off</th><th>Times</th>"
            "<th>Mean peak distress (0–10)</th></tr>" + rows + "</table>"
        )
    if sessions:
        by: dict[str, list[int]] = {}
        for s in sessions:
            by.setdefault(s.technique, []).append(s.suds_before - s.suds_after)
        rows = "".join(
            f"<tr><td>{html.escape(TECHNIQUE_LABELS[t])}</td><td align=right>"
            f"{len(d)}</td><td align=right>{sum(d) / len(d):.1f}</td></tr>"
            for t, d in sorted(by.items(), key=lambda kv: -sum(kv[1]) / len(kv[1]))
        )
        parts.append(
            "<h2>Grounding</h2><table border=0 cellspacing=0 cellpadding=4>"
            "<tr><th align=left>Technique</th><th>Sessions</th>"
            "<th>Mean drop in distress</th></tr>" + rows + "</table>"
        )
    return "".join(parts)


def build_document(
    db: Database,
    records: list[Record],
    *,
    name: str = "",
    today: date | None = None,
    payload: Payload | None = None,
    options: ShareOptions = DEFAULT_OPTIONS,
) -> SafeTextDocument:
    """The report of ``payload`` (the items of ``records``, as they leave)."""
    records = sorted(records, key=lambda r: r.occurred_at)
    if payload is None:
        payload = payload_for(db, records, exporter=name, options=options)
    doc = SafeTextDocument()
    doc.setDocumentMargin(0)
    first = records[0].occurred_at.date() if records else date.today()
    last = records[-1].occurred_at.date() if records else date.today()
    kinds = Counter(KIND_NAMES[r.KIND] for r in records)
    included = ", ".join(f"{n} × {k}" for k, n in kinds.most_common()) or "nothing"
    cover = (
        f"<h1>Notes for therapy</h1><p>{html.escape(name)}</p>"
        f"<p>{first:%d %B %Y} – {last:%d %B %Y}</p>"
        f"<p>Included: {html.escape(included)}.</p>"
        "<p><i>Chosen and exported from Kintsugi by its writer. Private notes are never "
        "included.</i></p>"
    )
    figures = insights.compute(
        db, Range(first, last), today=today, only_ids=[r.id for r in records if r.id is not None]
    )
    chart_html = []
    for n, spec in enumerate(s for s in charts_for(figures) if s.title in REPORT_CHARTS):
        if spec.empty:
            continue
        url = QUrl(f"chart{n}.png")
        doc.addResource(QTextDocument.ImageResource, url, render_image(spec, QSize(900, 360)))
        chart_html.append(f'<p><img src="chart{n}.png" width="450"></p>')
    items_md = payload.items_markdown()
    body_doc = SafeTextDocument()
    body_doc.set_markdown(items_md)
    doc.set_html(
        cover
        + summary_tables(records)
        + "".join(chart_html)
        + "<h2>The items</h2>"
        + body_doc.toHtml().split("<body", 1)[-1].split(">", 1)[-1].rsplit("</body>", 1)[0]
    )
    return doc


def render_pdf(
    db: Database,
    records: list[Record],
    *,
    name: str = "",
    payload: Payload | None = None,
    options: ShareOptions = DEFAULT_OPTIONS,
) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle("Notes for therapy")
    writer.setCreator("Kintsugi")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.A4),
            QPageLayout.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Millimeter,
        )
    )
    writer.setResolution(96)  # lay the text out at screen scale; the PDF stays vector
    doc = build_document(db, records, name=name, payload=payload, options=options)
    doc.setPageSize(writer.pageLayout().paintRectPixels(96).size().toSizeF())
    doc.print_(writer)
    del writer
    buffer.close()
    return bytes(data)

"""Insights: patterns over a chosen range, computed on the thread pool."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import insights
from kintsugi.core.insights import Insights, Range
from kintsugi.ui.charts import ChartWidget, charts_for
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.workers import run_in_background

PRESETS = (
    ("Last 4 weeks", 28),
    ("Last 3 months", 91),
    ("Last 12 months", 365),
    ("Choose dates", 0),
)


class InsightsPane(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._generation = 0
        self.result: Insights | None = None
        heading = QLabel(self.tr("Insights"))
        heading.setProperty("role", "heading")
        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Date range"))
        for label, days in PRESETS:
            self.preset.addItem(self.tr(label), days)
        self.since = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy")
        self.since.setAccessibleName(self.tr("From date"))
        self.until = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy")
        self.until.setAccessibleName(self.tr("To date"))
        self.until.setDate(QDate.currentDate())
        self.since.setDate(QDate.currentDate().addDays(-27))
        self.preset.currentIndexChanged.connect(self.on_preset_changed)
        self.since.dateChanged.connect(self.refresh)
        self.until.dateChanged.connect(self.refresh)
        self.summary = QLabel(wordWrap=True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.status = QLabel()
        self.status.setProperty("role", "subtle")
        self.charts = [ChartWidget() for _ in range(7)]
        grid = QGridLayout()
        for n, chart in enumerate(self.charts):
            grid.addWidget(chart, n // 2, n % 2)
        content = QWidget()
        cv = QVBoxLayout(content)
        cv.addWidget(self.summary)
        cv.addLayout(grid)
        cv.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(content)
        bar = QHBoxLayout()
        for w in (self.preset, self.since, self.until, self.status):
            bar.addWidget(w)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.on_preset_changed()

    def date_range(self) -> Range:
        return Range(self.since.date().toPython(), self.until.date().toPython())

    def on_preset_changed(self, *_: object) -> None:
        days = self.preset.currentData()
        custom = days == 0
        self.since.setEnabled(custom)
        self.until.setEnabled(custom)
        if not custom:
            today = date.today()
            for edit in (self.since, self.until):
                edit.blockSignals(True)
            self.until.setDate(QDate(today))
            self.since.setDate(QDate(today - timedelta(days=days - 1)))
            for edit in (self.since, self.until):
                edit.blockSignals(False)
        self.refresh()

    def on_unlocked(self) -> None:
        self.refresh()

    def refresh(self, *_: object) -> None:
        if not self.session.is_open:
            return
        self._generation += 1
        generation, rng, db = self._generation, self.date_range(), self.session.database()
        self.status.setText(self.tr("Working it out…"))
        run_in_background(
            lambda: insights.compute(db, rng),
            lambda result: self.on_computed(generation, result),
            lambda exc: self.on_failed(generation, exc),
        )

    def on_computed(self, generation: int, result: Insights) -> None:
        if generation != self._generation:
            return
        self.result = result
        self.status.clear()
        for widget, spec in zip(self.charts, charts_for(result), strict=True):
            widget.set_spec(spec)
        if result.empty:
            self.summary.setText(
                self.tr(
                    "Nothing in this range yet. As you write, log moments, ground yourself and "
                    "check in, the patterns will appear here — gently, and only for you."
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "%1 triggers · %2 days written · current streak %3 days (longest %4) · "
                    "check-ins in %5 weeks"
                )
                .replace("%1", str(result.trigger_count))
                .replace("%2", str(result.entry_days))
                .replace("%3", str(result.current_streak))
                .replace("%4", str(result.longest_streak))
                .replace("%5", str(result.checkin_weeks))
            )

    def on_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.status.setText(describe(exc))

    def clear(self) -> None:
        self._generation += 1
        self.result = None
        self.summary.clear()
        for chart in self.charts:
            chart.spec = None
            chart.update()

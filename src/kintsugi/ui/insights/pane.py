"""Insights: patterns over a chosen range, computed on the thread pool."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import insights
from kintsugi.core.i18n import Words, marked
from kintsugi.core.insights import Insights, Range
from kintsugi.core.repo.triggers import cue_label
from kintsugi.ui import channel
from kintsugi.ui.i18n import number_text
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.widgets.charts import ChartWidget, charts_for, technique_label
from kintsugi.ui.widgets.reflow import GridReflow
from kintsugi.ui.workers import run_in_background

InsightsSummary = Words("InsightsSummary")  # plurals outside a Qt class (core/i18n.py)

PRESETS = (
    (QT_TRANSLATE_NOOP("InsightsPane", "Last 4 weeks"), 28),
    (QT_TRANSLATE_NOOP("InsightsPane", "Last 3 months"), 91),
    (QT_TRANSLATE_NOOP("InsightsPane", "Last 12 months"), 365),
    (QT_TRANSLATE_NOOP("InsightsPane", "Choose dates"), 0),
)


def summary_text(result: Insights) -> str:
    """The range in a sentence: what was done, never what was missed."""
    parts = []
    if result.entry_days:
        parts.append(InsightsSummary.tr("You wrote on %n day(s)", "", result.entry_days))
    if result.current_streak > 1:
        parts.append(InsightsSummary.tr("%n day(s) in a row now", "", result.current_streak))
    if result.longest_streak > 1 and result.longest_streak > result.current_streak:
        parts.append(InsightsSummary.tr("at most %n day(s) in a row", "", result.longest_streak))
    if result.trigger_count:
        parts.append(InsightsSummary.tr("%n hard moment(s) logged", "", result.trigger_count))
    if result.checkin_weeks:
        parts.append(InsightsSummary.tr("check-ins in %n week(s)", "", result.checkin_weeks))
    return " · ".join(parts) + "." if parts else ""


class InsightsPane(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = self.tr("Insights")  # the Pane protocol (ui/panes.py)
        self.shortcut: str | None = "Ctrl+6"  # the section's place in the list
        self.session = session
        self._generation = 0
        self._stale = False  # a sync round brought records while hidden
        self.result: Insights | None = None
        heading = QLabel(self.tr("Insights"), textFormat=Qt.TextFormat.PlainText)
        heading.setProperty("role", "heading")
        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Date range"))
        for label, days in PRESETS:
            self.preset.addItem(marked("InsightsPane", label), days)
        self.since = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy")  # type: ignore[call-overload]
        self.since.setAccessibleName(self.tr("From date"))
        self.until = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy")  # type: ignore[call-overload]
        self.until.setAccessibleName(self.tr("To date"))
        self.until.setDate(QDate.currentDate())
        self.since.setDate(QDate.currentDate().addDays(-27))
        self.preset.currentIndexChanged.connect(self.on_preset_changed)
        self.since.dateChanged.connect(self.refresh)
        self.until.dateChanged.connect(self.refresh)
        self.summary = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.charts = [ChartWidget() for _ in charts_for(Insights(self.date_range()))]
        grid = QGridLayout()
        by_cue_heading = QLabel(
            self.tr("What helped, by what set it off"), textFormat=Qt.TextFormat.PlainText
        )
        by_cue_heading.setProperty("role", "subheading")
        by_cue_heading.setIndent(0)
        self.by_cue = QTableWidget(0, 4)
        self.by_cue.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.by_cue.setAccessibleName(self.tr("What helped, by what set it off"))
        self.by_cue.setHorizontalHeaderLabels(
            [
                self.tr("What set it off"),
                self.tr("What I did"),
                self.tr("Times"),
                self.tr("Eased by"),
            ]
        )
        self.by_cue.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.by_cue.verticalHeader().hide()
        self.by_cue.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.by_cue.setMinimumHeight(160)
        self.by_cue_empty = QLabel(
            self.tr(
                "When you ground yourself straight from a logged moment and rate it before and "
                "after, this shows what helped with each kind of moment."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.by_cue_empty.setProperty("role", "subtle")
        content = QWidget()
        cv = QVBoxLayout(content)
        cv.addWidget(self.summary)
        cv.addLayout(grid)
        cv.addWidget(by_cue_heading)
        cv.addWidget(self.by_cue)
        cv.addWidget(self.by_cue_empty)
        cv.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(content)
        # two charts to a row when they fit, one when the window is narrow
        self.chart_reflow = GridReflow(grid, list(self.charts), scroll.viewport())
        bar = QHBoxLayout()
        for w in (self.preset, self.since, self.until):
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
            start = today - timedelta(days=days - 1)
            self.until.setDate(QDate(today.year, today.month, today.day))
            self.since.setDate(QDate(start.year, start.month, start.day))
            for edit in (self.since, self.until):
                edit.blockSignals(False)
        self.refresh()

    def on_unlocked(self) -> None:
        self.refresh()

    def refresh_quietly(self) -> None:
        """A sync round brought something: worked out again now if on screen, else the next
        time it is shown (a round every few minutes need not recount a hidden pane)."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self, *_: object) -> None:
        if not self.session.is_open:
            return
        self._generation += 1
        generation, rng, db = self._generation, self.date_range(), self.session.database()
        channel.progress(self.tr("Working it out…"))
        run_in_background(
            lambda: insights.compute(db, rng),
            lambda result: self.on_computed(generation, result),
            lambda exc: self.on_failed(generation, exc),
        )

    def on_computed(self, generation: int, result: Insights) -> None:
        if generation != self._generation:
            return
        self.result = result
        channel.progress_done()
        for widget, spec in zip(self.charts, charts_for(result), strict=True):
            widget.set_spec(spec)
        self.show_by_cue(result)
        if result.empty:
            self.summary.setText(
                self.tr(
                    "Nothing in this range yet. As you write, log moments, ground yourself and "
                    "check in, the patterns will appear here — gently, and only for you."
                )
            )
        else:
            self.summary.setText(summary_text(result))

    def show_by_cue(self, result: Insights) -> None:
        rows = [
            (cue_label(cue), effect)
            for cue, effects in result.by_cue_technique.items()
            for effect in effects
        ]
        self.by_cue.setRowCount(len(rows))
        for r, (cue, e) in enumerate(rows):
            drop = (
                self.tr("%1 points (of 10)").replace("%1", number_text(e.mean_drop, 1))
                if e.mean_drop > 0
                else self.tr("not yet")
            )
            for c, text in enumerate((cue, technique_label(e.technique, e.name), str(e.n), drop)):
                self.by_cue.setItem(r, c, QTableWidgetItem(text))
        self.by_cue.setVisible(bool(rows))
        self.by_cue_empty.setVisible(not rows)

    def on_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            channel.progress_done()
            channel.error(describe(exc))

    def flush(self) -> bool:
        return True  # nothing here is saved: it only reads

    def clear(self) -> None:
        self._generation += 1
        self.result = None
        self.summary.clear()
        self.by_cue.setRowCount(0)
        for chart in self.charts:
            chart.spec = None
            chart.update()

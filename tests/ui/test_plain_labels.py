"""Every label Kintsugi shows is plain text (issue 11): a title, a goal, a contact's name, a
technique of one's own or a message naming a file is shown as the text it is, never handed to
Qt's HTML engine (whose QLabel reads any file an <img> names: see test_safe_rendering).

The text of every record and setting is markup naming a PNG of ours; the kernel (inotify)
says whether anything opened it while every pane, the exercise screen and the dialogs show.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QToolTip,
    QWidget,
)
from shiboken6 import getCppPointer

from kintsugi.core.exercises import CustomTechnique, TimedStep
from kintsugi.core.records import Boundary, CheckIn, Entry, Goal, Trigger
from kintsugi.core.repo.support import SupportContact
from kintsugi.ui import channel
from kintsugi.ui.workers import wait_for_background
from tests.hostile import OpenWatch, canaries

QT_MADE = (QMessageBox, QFileDialog, QInputDialog, QCalendarWidget)


def made_by_qt(label: QWidget) -> bool:
    p = label.parent()
    while p is not None:
        if isinstance(p, QT_MADE):
            return True
        p = p.parent()
    return False


def form_row_labels(root: QWidget) -> set[int]:
    """The labels QFormLayout.addRow(text, …) makes itself, from our own tr() text."""
    out = set()
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.LabelRole)
            if item is not None and item.widget() is not None:
                out.add(getCppPointer(item.widget())[0])
    return out


def rich_labels() -> list[str]:
    out = []
    for root in QApplication.topLevelWidgets():
        form_labels = form_row_labels(root)
        for label in [root, *root.findChildren(QLabel)]:
            if (
                isinstance(label, QLabel)
                and not made_by_qt(label)
                and getCppPointer(label)[0] not in form_labels
                and label.objectName() != "qtooltip_label"  # Qt's; we hand it escaped text
                and label.textFormat() != Qt.PlainText
            ):
                out.append(f"{label.objectName() or '?'}: {label.text()[:60]!r}")
    return out


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_every_label_is_plain_and_nothing_is_read(window, qtbot, tmp_path):
    c = canaries(tmp_path / "bait")
    mark = f'<img src="{c["png"].as_uri()}"><p style="background-image: url({c["png"].as_uri()})">'
    s = window.session
    s.entries().add(Entry(title=mark, body=mark, tags=["t"], shared=True))
    s.triggers().add(Trigger(cue="place", suds_peak=7, situation=mark, hot_thought=mark))
    s.checkins().add(CheckIn(notes=mark, gratitude=mark, needs=mark))
    s.boundaries().add(Boundary(text=mark))
    s.goals().add(Goal(text=mark, target_amount=3, target_unit=mark))
    s.support_contacts().save_all([SupportContact(name=mark, reach=mark, note=mark)])
    s.custom_techniques().save_all([CustomTechnique(mark, [TimedStep(mark, 5)])])
    s.sharing().set_display_name(mark)
    with OpenWatch(c.values()) as watch:
        window.session.unlocked.emit()
        for pane in window.sections:
            window.show_pane(pane)
            window.grab()
        window.journal.select_row(0)
        channel.error(mark)
        window.banner.offer(mark, lambda: None)
        window.grab()
        for open_dialog in (
            window.grounding_flow.on_quick_log,
            window.on_settings,
            window.on_trash,
            window.grounding_flow.on_support,
            window.share.open_keys,
        ):
            open_dialog()
            qtbot.wait(20)
            for w in QApplication.topLevelWidgets():
                if w.isVisible():
                    w.grab()
            for w in QApplication.topLevelWidgets():
                if w is not window and w.isVisible():
                    w.close()
            qtbot.wait(20)  # dialogs deleted on close are gone
        window.grounding_flow.start_exercise("custom", custom=s.custom_techniques().all()[0])
        window.grab()
        window.session.unlocked.emit()  # back to the workspace: the support strip and lists
        window.grab()
        tips = 0
        for w in [window, *window.findChildren(QWidget)]:
            if "secret.png" in w.toolTip():
                assert "<img" not in w.toolTip(), w.toolTip()
                QToolTip.showText(QPoint(10, 10), w.toolTip(), window)  # as a hover would
                tips += 1
        model = window.journal.model
        for row in range(model.rowCount()):
            tip = model.data(model.index(row), Qt.ToolTipRole)
            if tip and "secret.png" in tip:
                QToolTip.showText(QPoint(10, 10), tip, window)
                tips += 1
        assert tips >= 2  # a contact's button and an entry in the journal list
        QToolTip.hideText()
        wait_for_background()
        assert watch.seen() == []
        assert rich_labels() == []


def test_every_scale_says_what_its_ends_mean(window):
    """#15 item 7: each slider on every screen, exercise page and the quick log names its two
    ends in words ("0 = calm", "10 = the worst I can imagine"), beside it or in its
    description (read aloud by a screen reader)."""
    from PySide6.QtWidgets import QAbstractSlider, QDialog

    from kintsugi.ui.grounding.view import BUILT_IN
    from tests.helpers import every_tab

    scales: dict[str, str] = {}

    def look(top):
        QApplication.processEvents()
        for slider in top.findChildren(QAbstractSlider):
            if not slider.isVisible() or type(slider).__name__ == "QScrollBar":
                continue
            near = [slider.accessibleDescription(), slider.toolTip()]
            for holder in (slider.parentWidget(), slider.parentWidget().parentWidget()):
                near += [label.text() for label in holder.findChildren(QLabel)]
            words = " ".join(near)
            ends = all(
                re.search(rf"(?<![0-9]){n} = [^\W\d]", words)
                for n in (slider.minimum(), slider.maximum())
            )
            scales[slider.accessibleName() or repr(slider)] = "" if ends else words[:80]

    for _ in every_tab(window):
        look(window)
    flow = window.grounding_flow
    for technique in BUILT_IN:
        flow.start_exercise(technique)
        look(window)
        window.exercise.begin(rated=True)
        window.exercise.stop_button.click()
        look(window)
        window.exercise.leave()
    flow.on_quick_log()
    for top in QApplication.topLevelWidgets():
        if isinstance(top, QDialog) and top.isVisible():
            look(top)
            top.close()
    assert len(scales) >= 6, scales
    assert not {name: near for name, near in scales.items() if near}

"""The entry editor: title, Markdown body with a rendered preview, when, mood, tags,
share mark and a private note. It saves itself: about a second after a change
(so a crash loses at most that second), when another entry is opened, on lock and on quit.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QDateTime, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.errors import KintsugiError
from kintsugi.core.records import Entry
from kintsugi.core.timeutil import now
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.timeline_delegate import MOODS

AUTOSAVE_MS = 1000


class TagCompleter(QCompleter):
    """Completes the last comma-separated tag, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:
        done = [t.strip() for t in self.widget().text().split(",")[:-1] if t.strip()]
        return ", ".join([*done, index.data()]) + ", "


class EntryEditor(QWidget):
    saved = Signal(object)  # ItemSummary, after every successful save
    save_state_changed = Signal(str, str)  # state ("unsaved", "saving", "saved", "error"), text

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._entry: Entry | None = None
        self._loading = False
        self.dirty = False
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)

        self.title = QLineEdit(objectName="titleEdit", placeholderText=self.tr("Title (optional)"))
        self.title.setAccessibleName(self.tr("Title"))
        self.when = QDateTimeEdit(calendarPopup=True, displayFormat="ddd d MMM yyyy  HH:mm")
        self.when.setAccessibleName(self.tr("Date and time"))
        self.mood = QComboBox()
        self.mood.setAccessibleName(self.tr("Mood"))
        self.mood.addItem(self.tr("Mood: not set"), None)
        for value in range(3, -4, -1):
            self.mood.addItem(self.tr(MOODS[value]), value)
        self.tags = QLineEdit(placeholderText=self.tr("Tags, separated by commas"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self._tag_names = QStringListModel(self)
        completer = TagCompleter(self._tag_names, self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))
        self.share.setToolTip(self.tr("Marked items can be chosen in Share. Nothing leaves "
                                      "until you export it."))

        self.body = QPlainTextEdit(objectName="bodyEdit")
        self.body.setPlaceholderText(self.tr("Write whatever is on your mind. Markdown works: "
                                             "*emphasis*, **strong**, # headings, - lists."))
        self.body.setAccessibleName(self.tr("Entry text"))
        self.preview = QTextBrowser(objectName="bodyPreview", openExternalLinks=False)
        self.preview.setAccessibleName(self.tr("Rendered preview"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.body)
        self.pages.addWidget(self.preview)
        self.preview_button = QPushButton(self.tr("Preview"), checkable=True)
        self.preview_button.setAccessibleName(self.tr("Show the rendered preview"))
        self.preview_button.setShortcut("Ctrl+Shift+P")
        self.preview_button.toggled.connect(self.on_preview_toggled)

        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Private note — only for you. It is never "
                                             "included in anything you share or export."))
        self.note.setAccessibleName(self.tr("Private note"))
        self.note.setMaximumHeight(90)

        meta = QHBoxLayout()
        for w in (self.when, self.mood):
            meta.addWidget(w)
        meta.addStretch(1)
        meta.addWidget(self.share)
        self.bottom = bottom = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setProperty("role", "subtle")
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(meta)
        layout.addWidget(self.tags)
        layout.addWidget(self.pages, 1)
        layout.addWidget(QLabel(self.tr("Private note"), objectName="noteLabel"))
        layout.addWidget(self.note)
        layout.addLayout(bottom)

        for signal in (self.title.textChanged, self.body.textChanged, self.note.textChanged,
                       self.tags.textChanged, self.when.dateTimeChanged,
                       self.mood.currentIndexChanged, self.share.toggled):
            signal.connect(self.on_field_changed)
        self.setEnabled(False)

    # --- loading -------------------------------------------------------------------
    @property
    def entry_id(self) -> int | None:
        return self._entry.id if self._entry else None

    def set_tag_names(self, names: list[str]) -> None:
        self._tag_names.setStringList(names)

    def set_font_size(self, points: int) -> None:
        font = QFont(self.body.font())
        font.setPointSize(points)
        self.body.setFont(font)
        self.preview.setFont(font)

    def load(self, entry: Entry | None) -> None:
        """Show ``entry`` (or a fresh, unsaved one). Call :meth:`save_now` first."""
        self._loading = True
        try:
            self._entry = entry or Entry(occurred_at=now())
            e = self._entry
            self.title.setText(e.title)
            self.body.setPlainText(e.body)  # also resets undo/redo
            self.note.setPlainText(e.private_note)
            self.tags.setText(", ".join(e.tags))
            self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(e.occurred_at.timestamp())))
            self.mood.setCurrentIndex(max(0, self.mood.findData(e.mood)))
            self.share.setChecked(e.shared)
            self.preview_button.setChecked(False)
        finally:
            self._loading = False
        self.dirty = False
        self.setEnabled(True)
        self.hint.setText("" if e.id else self.tr("New entry — it saves itself as you write."))

    def clear(self) -> None:
        """Forget everything shown (lock). Does not save: save first."""
        self._timer.stop()
        self._loading = True
        try:
            for w in (self.title, self.tags):
                w.clear()
            for w in (self.body, self.note):
                w.clear()
                w.document().clearUndoRedoStacks()
            self.preview.clear()
            self.share.setChecked(False)
            self.mood.setCurrentIndex(0)
            self._tag_names.setStringList([])
        finally:
            self._loading = False
        self._entry = None
        self.dirty = False
        self.hint.clear()
        self.setEnabled(False)

    # --- saving --------------------------------------------------------------------
    def on_field_changed(self, *_: object) -> None:
        if self._loading or self._entry is None:
            return
        self.dirty = True
        self.save_state_changed.emit("unsaved", self.tr("Editing…"))
        if not self._timer.isActive():
            self._timer.start()

    def collect(self) -> Entry:
        assert self._entry is not None
        moment = self.when.dateTime().toSecsSinceEpoch()
        occurred = self._entry.occurred_at
        if int(occurred.timestamp()) != moment:  # changed by the user; keep local zone
            from datetime import datetime

            occurred = datetime.fromtimestamp(moment).astimezone()
        return dataclasses.replace(
            self._entry,
            title=self.title.text().strip(),
            body=self.body.toPlainText(),
            private_note=self.note.toPlainText(),
            tags=[t for t in (s.strip() for s in self.tags.text().split(",")) if t],
            mood=self.mood.currentData(),
            shared=self.share.isChecked(),
            occurred_at=occurred,
        )

    def is_blank(self, entry: Entry) -> bool:
        return not (entry.title or entry.body.strip() or entry.private_note.strip())

    def save_now(self) -> bool:
        """Save if anything changed. False (and the text kept) when saving failed."""
        self._timer.stop()
        if not self.dirty or self._entry is None:
            return True
        entry = self.collect()
        if entry.id is None and self.is_blank(entry):
            self.dirty = False
            return True
        self.save_state_changed.emit("saving", self.tr("Saving…"))
        try:
            saved = self.session.entries().save(entry)
            summary = self.session.items().summary(saved.id)
        except KintsugiError as exc:
            self.save_state_changed.emit("error", describe(exc))
            self._timer.start(5000)  # try again a little later; nothing typed is dropped
            return False
        self._entry = dataclasses.replace(saved)
        self.dirty = False
        self.hint.clear()
        self.save_state_changed.emit("saved", self.tr("Saved"))
        self.saved.emit(summary)
        return True

    # --- preview -------------------------------------------------------------------
    def on_preview_toggled(self, on: bool) -> None:
        if on:
            self.preview.setMarkdown(self.body.toPlainText())
        self.pages.setCurrentWidget(self.preview if on else self.body)
        self.preview_button.setText(self.tr("Edit") if on else self.tr("Preview"))

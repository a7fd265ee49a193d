"""The entry editor: title, Markdown body with a rendered preview, when, mood, tags,
share mark and a private note. It saves itself: about a second after a change
(so a crash loses at most that second), when another entry is opened, on lock and on quit.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QDateTime, QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QImage, QTextCursor
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
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.timeutil import now
from kintsugi.ui.attachments.media import PREVIEW, PreviewImages, fit_to_width, preview_markdown
from kintsugi.ui.attachments.strip import AttachmentStrip, attachable
from kintsugi.ui.attachments.voice import RecordButton
from kintsugi.ui.autosave import Autosaver, Background
from kintsugi.ui.session import Session
from kintsugi.ui.sync.note import TwoVersionsNote
from kintsugi.ui.widgets.flow_layout import FlowLayout
from kintsugi.ui.widgets.reflow import lines_tall, scrolling
from kintsugi.ui.widgets.safe_text import SafeTextBrowser
from kintsugi.ui.widgets.timeline_delegate import mood_word


class TagCompleter(QCompleter):
    """Completes the last comma-separated tag, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:
        line = self.widget()
        assert isinstance(line, QLineEdit)  # the tags field this completer serves
        done = [t.strip() for t in line.text().split(",")[:-1] if t.strip()]
        return ", ".join([*done, index.data()]) + ", "


class _BodyEdit(QPlainTextEdit):
    """The entry text. A picture pasted or dropped in (a screenshot), or a photo, PDF or
    sound file dropped on it, becomes an attachment instead of text."""

    image_pasted = Signal(QImage)
    files_dropped = Signal(list)

    def canInsertFromMimeData(self, source) -> bool:  # noqa: N802 (Qt API)
        return bool(attachable(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source) -> None:  # noqa: N802 (Qt API)
        files = attachable(source)
        if files:
            self.files_dropped.emit(files)
        elif source.hasImage() and not source.hasText():
            self.image_pasted.emit(QImage(source.imageData()))
        else:
            super().insertFromMimeData(source)


class _Draft:
    """The record being edited; its id is known once the writer has saved it once."""

    def __init__(self, item_id: int | None = None):
        self.id = item_id


class EntryEditor(QWidget):
    saved = Signal(object)  # ItemSummary, after every successful save
    problem = Signal(str)  # one calm line (an attachment refused)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._entry: Entry | None = None
        self._base: Entry | None = None  # as last loaded or saved (what a change is from)
        self._loading = False
        self._draft = _Draft()  # which record the saves in flight belong to
        self.autosaver = Autosaver(
            parent=self,
            background=Background(
                writer=lambda: self.session.writer(),
                snapshot=self._snapshot,
                store=self._store,
                apply=self._apply,
            ),
        )

        self.title = QLineEdit(objectName="titleEdit", placeholderText=self.tr("Title (optional)"))  # type: ignore[call-overload]
        self.title.setAccessibleName(self.tr("Title"))
        self.when = QDateTimeEdit(calendarPopup=True, displayFormat="ddd d MMM yyyy  HH:mm")
        self.when.setAccessibleName(self.tr("Date and time"))
        self.mood = QComboBox()
        self.mood.setAccessibleName(self.tr("Mood"))
        self.mood.addItem(self.tr("Mood: not set"), None)
        for value in range(3, -4, -1):
            self.mood.addItem(mood_word(value), value)
        self.tags = QLineEdit(placeholderText=self.tr("Tags, separated by commas"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self._tag_names = QStringListModel(self)
        completer = TagCompleter(self._tag_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        # A small toggle (the editor must fit 960 px beside the timeline): ★ when starred.
        self.star = QToolButton()
        self.star.setObjectName("starredCheck")
        self.star.setCheckable(True)
        self.star.setText("☆")
        self.star.setAccessibleName(self.tr("Starred"))
        self.star.setToolTip(
            self.tr("Star this entry: starred entries show ★ in the timeline and can be found.")
        )
        self.star.toggled.connect(lambda on: self.star.setText("★" if on else "☆"))
        self.share = QCheckBox(self.tr("Mark for sharing"))
        self.share.setAccessibleName(self.tr("Mark for sharing"))
        self.share.setToolTip(
            self.tr("Marked items can be chosen in Share. Nothing leaves until you export it.")
        )

        self.body = _BodyEdit(objectName="bodyEdit")  # type: ignore[call-overload]
        self.body.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
        self.body.setPlaceholderText(
            self.tr(
                "Write whatever is on your mind. Markdown works: "
                "*emphasis*, **strong**, # headings, - lists."
            )
        )
        self.body.setAccessibleName(self.tr("Entry text"))
        self.attachments = AttachmentStrip(session, lambda: self._draft.id, self._ensure_saved)
        self.attachments.problem.connect(self.problem)
        self.attachments.thumbnails.ready.connect(self._on_picture_ready)
        self.attachments.attached.connect(lambda _att: self._refresh_preview())
        self.body.image_pasted.connect(self.attachments.attach_image)
        self.body.files_dropped.connect(self.attachments.attach_paths)
        self.record = RecordButton(session, self._ensure_saved)
        self.record.problem.connect(self.problem)
        self.record.recorded.connect(lambda _att: self.attachments.refresh())
        self.attachments.buttons.insertWidget(1, self.record)
        self.preview = SafeTextBrowser(
            objectName="bodyPreview", images=PreviewImages(self.attachments.thumbnails)
        )
        self.preview.setAccessibleName(self.tr("Rendered preview"))
        self._fitted_width = -1
        self.preview.viewport().installEventFilter(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.body)
        self.pages.addWidget(self.preview)
        self.preview_button = QPushButton(self.tr("Preview"), checkable=True)  # type: ignore[call-overload]
        self.preview_button.setAccessibleName(self.tr("Show the rendered preview"))
        self.preview_button.setShortcut("Ctrl+Shift+P")
        self.preview_button.toggled.connect(self.on_preview_toggled)

        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab moves on; a tab means nothing here
        self.note.setPlaceholderText(
            self.tr(
                "Private note — only for you. It is never included in anything you share or export."
            )
        )
        self.note.setAccessibleName(self.tr("Private note"))
        lines_tall(self.note, 3.5)

        meta = FlowLayout()  # wraps in a narrow window
        for w in (self.when, self.mood, self.star, self.share):
            meta.add(w)
        self.bottom = bottom = QHBoxLayout()
        self.hint = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.hint.setProperty("role", "subtle")
        self.hint.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )  # elided, not wide
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.preview_button)
        # changed on two computers at once (the pane shows it, the editor says when)
        self.two_versions = TwoVersionsNote()
        # The fields scroll up and down (Preview stays below them): with an entry's pictures
        # the editor can be taller than a 600- or 540-pixel window.
        fields = QWidget()
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addLayout(meta)
        column.addWidget(self.tags)
        column.addWidget(self.pages, 1)
        column.addWidget(self.attachments)
        column.addWidget(
            QLabel(  # type: ignore[call-overload]
                self.tr("Private note"), objectName="noteLabel", textFormat=Qt.TextFormat.PlainText
            )
        )
        column.addWidget(self.note)
        self.fields = scrolling(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields, 1)
        layout.addLayout(bottom)

        for signal in (
            self.title.textChanged,
            self.body.textChanged,
            self.note.textChanged,
            self.tags.textChanged,
            self.when.dateTimeChanged,
            self.mood.currentIndexChanged,
            self.share.toggled,
            self.star.toggled,
        ):
            signal.connect(self.on_field_changed)
        self.setEnabled(False)

    # --- loading -------------------------------------------------------------------
    @property
    def entry_id(self) -> int | None:
        return self._entry.id if self._entry else None

    def set_tag_names(self, names: list[str]) -> None:
        if names != self._tag_names.stringList():  # every autosave brings them back
            self._tag_names.setStringList(names)

    def load(self, entry: Entry | None) -> None:
        """Show ``entry`` (or a fresh, unsaved one). Call :meth:`save_now` first."""
        self._loading = True
        try:
            self._entry = entry or Entry(occurred_at=now())
            self._base = self._entry
            self._draft = _Draft(self._entry.id)
            e = self._entry
            self.title.setText(e.title)
            self.body.setPlainText(e.body)  # also resets undo/redo
            self.note.setPlainText(e.private_note)
            self.tags.setText(", ".join(e.tags))
            self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(e.occurred_at.timestamp())))
            self.mood.setCurrentIndex(max(0, self.mood.findData(e.mood)))
            self.share.setChecked(e.shared)
            self.star.setChecked(e.starred)
            self.preview_button.setChecked(False)
        finally:
            self._loading = False
        self.autosaver.reset()
        self.attachments.refresh()
        self.two_versions.show_for(e.uid if e.id is not None else None)
        self.setEnabled(True)
        self.hint.setText("" if e.id else self.tr("New entry — it saves itself as you write."))

    def start_with(self, title: str, body: str) -> None:
        """Fill a new, unsaved entry's title and body (a prompt's, a template's) without
        keeping it: it is saved once the person writes, like any new entry."""
        self._loading = True
        try:
            self.title.setText(title)
            self.body.setPlainText(body)
        finally:
            self._loading = False
        self.body.moveCursor(QTextCursor.MoveOperation.End)
        self.body.setFocus()

    def take_changes(self, fresh: Entry) -> None:
        """The same entry as it is now in the vault, after another computer changed it (a
        sync round): each field the person has not changed here since it was loaded or
        saved shows the new value, so the next save does not put the old one back; what they are
        typing stays as it is, cursor and all."""
        old = self._base
        if old is None or old.id is None or fresh.id != old.id or self._entry is None:
            return
        typed = self.collect()
        self._loading = True
        try:
            if typed.title == old.title != fresh.title:
                self.title.setText(fresh.title)
            for edit, field in ((self.body, "body"), (self.note, "private_note")):
                if getattr(typed, field) == getattr(old, field) != getattr(fresh, field):
                    at = edit.textCursor().position()
                    edit.setPlainText(getattr(fresh, field))
                    cursor = edit.textCursor()
                    cursor.setPosition(min(at, len(getattr(fresh, field))))
                    edit.setTextCursor(cursor)
            if typed.tags == old.tags != fresh.tags:
                self.tags.setText(", ".join(fresh.tags))
            if typed.occurred_at == old.occurred_at != fresh.occurred_at:
                self.when.setDateTime(
                    QDateTime.fromSecsSinceEpoch(int(fresh.occurred_at.timestamp()))
                )
            if typed.mood == old.mood != fresh.mood:
                self.mood.setCurrentIndex(max(0, self.mood.findData(fresh.mood)))
            if typed.shared == old.shared != fresh.shared:
                self.share.setChecked(fresh.shared)
            if typed.starred == old.starred != fresh.starred:
                self.star.setChecked(fresh.starred)
        finally:
            self._loading = False
        # what the person types is measured against the new values from now on
        self._entry = self._base = fresh
        self.attachments.refresh()

    def clear(self) -> None:
        """Forget everything shown (lock). Does not save: save first."""
        self.autosaver.reset()
        self._loading = True
        try:
            for w in (self.title, self.tags):
                w.clear()
            for w in (self.body, self.note):
                w.clear()
                w.document().clearUndoRedoStacks()
            self.preview.clear()
            self.attachments.clear()
            self.share.setChecked(False)
            self.star.setChecked(False)
            self.mood.setCurrentIndex(0)
            self._tag_names.setStringList([])
        finally:
            self._loading = False
        self._entry = self._base = None
        self.two_versions.show_for(None)
        self._draft = _Draft()
        self.hint.clear()
        self.setEnabled(False)

    # --- saving --------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.autosaver.dirty

    def on_field_changed(self, *_: object) -> None:
        if not self._loading and self._entry is not None:
            self.autosaver.changed()

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
            starred=self.star.isChecked(),
            occurred_at=occurred,
        )

    def is_blank(self, entry: Entry) -> bool:
        return not (entry.title or entry.body.strip() or entry.private_note.strip())

    def save_now(self) -> bool:
        """Save if anything changed. False (and the text kept) when saving failed."""
        if self._entry is None:
            return True
        if self._entry.id is None and self.is_blank(self.collect()):
            self.autosaver.reset()  # an empty new entry is not worth a record
            return True
        return self.autosaver.save_now()

    # The three steps of a save (see ui.autosave.Background).
    def _snapshot(self) -> tuple[_Draft, Entry, EntryRepository, Items]:
        return self._draft, self.collect(), self.session.entries(), self.session.items()

    @staticmethod
    def _store(value: tuple[_Draft, Entry, EntryRepository, Items]) -> tuple:
        """On the writer thread: the saves of one record run in order, so a new entry's
        second save finds the id its first one was given."""
        draft, entry, entries, items = value
        if entry.id is None and draft.id is not None:
            entry = dataclasses.replace(entry, id=draft.id)
        saved = entries.save(entry)
        draft.id = saved.id
        assert saved.id is not None  # saved: it has its id
        return draft, saved, items.summary(saved.id), items.tag_names()

    def _apply(self, result: tuple) -> None:
        draft, saved, summary, tag_names = result
        self.set_tag_names(tag_names)
        if draft is self._draft and self._entry is not None:
            self._base = saved
            self._entry = dataclasses.replace(
                self._entry, id=saved.id, created_at=saved.created_at, updated_at=saved.updated_at
            )
            self.two_versions.show_for(saved.uid)
            self.hint.clear()
        self.saved.emit(summary)

    def _ensure_saved(self) -> int | None:
        """The record's id, saving a new entry first (even an empty one: a photo alone is
        an entry). Waits for the writer only when the entry has never been saved."""
        if self._draft.id is not None:
            return self._draft.id
        if self._entry is None:
            return None
        self.autosaver.changed()
        self.autosaver.save_now()
        self.session.writer().flush(10)
        return self._draft.id

    # --- preview -------------------------------------------------------------------
    def _on_picture_ready(self, _attachment_id: int, longest: int) -> None:
        if longest == PREVIEW:
            self._refresh_preview()

    def _refresh_preview(self) -> None:
        if self.preview_button.isChecked():
            self.preview.setMarkdown(
                preview_markdown(
                    self.body.toPlainText(),
                    self.attachments.attachments(),
                    self.attachments.thumbnails,
                )
            )
            self._fitted_width = -1
            self._fit_preview()

    def _fit_preview(self) -> None:
        """The preview's pictures at most as wide as it is (again when it is resized)."""
        doc = self.preview.document()
        width = int(self.preview.viewport().width() - 2 * doc.documentMargin() - 4)
        if width != self._fitted_width:
            self._fitted_width = width
            fit_to_width(doc, width)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if (
            event.type() == QEvent.Type.Resize
            and watched is self.preview.viewport()
            and self.preview_button.isChecked()
        ):
            self._fit_preview()
        return super().eventFilter(watched, event)

    def on_preview_toggled(self, on: bool) -> None:
        if on:
            self._refresh_preview()
        self.pages.setCurrentWidget(self.preview if on else self.body)
        self.preview_button.setText(self.tr("Edit") if on else self.tr("Preview"))

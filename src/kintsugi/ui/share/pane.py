"""Share: choose among the items marked for sharing, see exactly what will leave, and export
it — an encrypted bundle for a partner, a PDF report or Markdown for therapy. Also: what was
shared and when, and what arrived from a partner (read-only)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import practices, share, transfer
from kintsugi.core.errors import KintsugiError
from kintsugi.core.i18n import arg, marked
from kintsugi.core.importing import ImportOptions
from kintsugi.core.records import Record
from kintsugi.core.render import heading, item_kind_name, item_title, render_item
from kintsugi.core.repo.sharing import UNKNOWN, UNSIGNED, VERIFIED, ReceivedItem, SenderStatus
from kintsugi.ui import channel
from kintsugi.ui.attachments.media import add_pictures, picture_size
from kintsugi.ui.dialogs.files import ask_save
from kintsugi.ui.discretion import EXPORT_NAMES
from kintsugi.ui.i18n import day_month_text, day_text, moment_text, short_moment_text
from kintsugi.ui.messages import describe
from kintsugi.ui.search.pane import KIND_LABELS, kind_label
from kintsugi.ui.session import Session
from kintsugi.ui.share.dialogs import BundleDialog, SharingSettingsDialog
from kintsugi.ui.widgets.flow_layout import FlowLayout
from kintsugi.ui.widgets.reflow import FitRows
from kintsugi.ui.widgets.safe_text import SafeTextBrowser, SafeTextDocument
from kintsugi.ui.workers import run_in_background

TRUST_LABELS = {
    VERIFIED: QT_TRANSLATE_NOOP("SharePane", "verified"),
    UNKNOWN: QT_TRANSLATE_NOOP("SharePane", "key not in your address book"),
    UNSIGNED: QT_TRANSLATE_NOOP("SharePane", "not signed"),
}
FORMAT_NAMES = {
    "age": QT_TRANSLATE_NOOP("SharePane", "encrypted bundle"),
    "pdf": QT_TRANSLATE_NOOP("SharePane", "PDF report"),
    "md": QT_TRANSLATE_NOOP("SharePane", "Markdown"),
    "md-days": QT_TRANSLATE_NOOP("SharePane", "Markdown, one file a day"),
    "json": QT_TRANSLATE_NOOP("SharePane", "full export (JSON)"),
}
# What the share log keeps as "to whom" when no person was chosen (older rows were stored in
# English by the app and the command line), shown in the person's words.
PLAIN_RECIPIENTS = {
    "passphrase bundle": QT_TRANSLATE_NOOP("SharePane", "to open with a shared passphrase"),
    "file": QT_TRANSLATE_NOOP("SharePane", "saved as a file"),
    "full export": QT_TRANSLATE_NOOP("SharePane", "your own full copy"),
}


def format_name(fmt: str) -> str:
    known = FORMAT_NAMES.get(fmt)
    return marked("SharePane", known) if known else fmt


def recipient_text(recipient: str) -> str:
    """ "for Sam", or what a bundle without a person was for."""
    known = PLAIN_RECIPIENTS.get(recipient)
    if known:
        return marked("SharePane", known)
    return QCoreApplication.translate("SharePane", "for %1").replace("%1", recipient)


class _ProgressRelay(QObject):
    """Carries an import's progress from the worker to the dialog (a queued signal)."""

    moved = Signal(int, int, int)  # bytes read, file size, items read


PLAINTEXT_WARNING = QT_TRANSLATE_NOOP(
    "SharePane",
    "This file will not be encrypted: anyone who can open it can read it. "
    "Keep it somewhere private, and delete it when it has done its job.",
)


class SharePane(QWidget):
    exported = Signal(Path)  # the file written (what happened is told through ui/channel)
    imported = Signal()  # something came in (or was already here): views may reload
    import_requested = Signal()  # the From partner empty state's one next step
    answer_requested = Signal(str)  # a received question's uid: answer it (Together)
    open_requested = Signal(int, str)  # an item a logged export carried

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = self.tr("Share")  # the Pane protocol (ui/panes.py)
        self.shortcut: str | None = "Ctrl+5"  # the section's place in the list
        self.session = session
        self.records: list[Record] = []
        self.received_rows: list[ReceivedItem] = []
        self.trust_box: QMessageBox | None = None
        self._cancelled = False
        self.progress: QProgressDialog | None = None
        self._checked: list[bool] = []  # per row of self.records: chosen to leave
        self._load_gen = self._preview_gen = self._history_gen = 0
        self._pending: dict[str, object] = {}  # what is being built (see busy)
        self._after_preview: list = []
        self.payload_records: list[Record] = []
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of item"))
        self.kind.addItem(self.tr("Everything marked"), None)
        for kind in KIND_LABELS:
            self.kind.addItem(kind_label(kind), kind)
        self.dated = QCheckBox(self.tr("Between"))
        self.dated.setAccessibleName(self.tr("Only between two dates"))
        self.since = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy", enabled=False)  # type: ignore[call-overload]
        self.since.setAccessibleName(self.tr("From date"))
        self.since.setDate(QDate.currentDate().addMonths(-1))
        self.until = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy", enabled=False)  # type: ignore[call-overload]
        self.until.setAccessibleName(self.tr("To date"))
        self.until.setDate(QDate.currentDate())
        self.dated.toggled.connect(self.since.setEnabled)
        self.dated.toggled.connect(self.until.setEnabled)
        for signal in (
            self.kind.currentIndexChanged,
            self.dated.toggled,
            self.since.dateChanged,
            self.until.dateChanged,
        ):
            signal.connect(self.reload)
        keys = QPushButton(self.tr("Keys and people…"))
        keys.setAccessibleName(self.tr("My sharing key and address book"))
        keys.clicked.connect(self.open_keys)

        self.list = QListWidget()
        self.list.setUniformItemSizes(True)  # thousands of rows, one height
        self.list.setAccessibleName(self.tr("Items marked for sharing"))
        self.fit_rows = FitRows(self.list)  # long rows elided, never a sideways scroll
        self.list.itemChanged.connect(self.on_item_changed)
        self.empty = QLabel(
            self.tr(
                "Nothing is marked for sharing yet. Mark an entry, a "
                "trigger or any item with “Mark for sharing” — nothing "
                "leaves until you export it here."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.empty.setProperty("role", "subtle")
        all_button = QPushButton(self.tr("All"))
        all_button.setAccessibleName(self.tr("Choose all"))
        all_button.clicked.connect(lambda: self.set_all(True))
        none_button = QPushButton(self.tr("None"))
        none_button.setAccessibleName(self.tr("Choose none"))
        none_button.clicked.connect(lambda: self.set_all(False))
        self.with_wordings = QCheckBox(self.tr("A boundary's earlier wordings"))
        self.with_wordings.setAccessibleName(self.tr("Include a boundary's earlier wordings"))
        self.with_wordings.setToolTip(
            self.tr("Every earlier wording of a shared boundary, with the date it changed.")
        )
        self.with_answers = QCheckBox(self.tr("What I wrote in exercises"))
        self.with_answers.setAccessibleName(self.tr("Include what I wrote in exercises"))
        self.with_answers.setToolTip(
            self.tr("The answers of a shared exercise: a thought record's columns, 5-4-3-2-1…")
        )
        defaults = share.ShareOptions()
        self.with_wordings.setChecked(defaults.earlier_wordings)
        self.with_answers.setChecked(defaults.exercise_answers)
        for box in (self.with_wordings, self.with_answers):
            box.toggled.connect(self.update_preview)
        self.payload: share.Payload | None = None
        self.preview = SafeTextBrowser()
        self.preview.setAccessibleName(self.tr("Preview of exactly what will be exported"))
        self.preview_label = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.preview_label.setProperty("role", "subtle")
        self.bundle_button = QPushButton(self.tr("Encrypted bundle…"))
        self.bundle_button.setProperty("role", "primary")
        self.bundle_button.setAccessibleName(self.tr("Export an encrypted bundle"))
        self.bundle_button.clicked.connect(self.on_bundle_clicked)
        self.pdf_button = QPushButton(self.tr("PDF report…"))
        self.pdf_button.setAccessibleName(self.tr("Export a PDF report"))
        self.pdf_button.clicked.connect(lambda: self.on_plain_clicked("pdf"))
        self.md_button = QPushButton(self.tr("Markdown…"))
        self.md_button.setAccessibleName(self.tr("Export Markdown"))
        self.md_button.clicked.connect(lambda: self.on_plain_clicked("md"))

        filters = FlowLayout()  # every row here wraps in a narrow window
        for w in (self.kind, self.dated, self.since, self.until, keys):
            filters.add(w)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.list, 1)
        lv.addWidget(self.empty)
        row = FlowLayout()
        row.add(all_button)
        row.add(none_button)
        lv.addLayout(row)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.preview_label)
        parts = FlowLayout()
        include = QLabel(self.tr("Also include:"), textFormat=Qt.TextFormat.PlainText)
        parts.add(include)
        parts.add(self.with_wordings)
        parts.add(self.with_answers)
        rv.addLayout(parts)
        rv.addWidget(self.preview, 1)
        buttons = FlowLayout()
        for b in (self.md_button, self.pdf_button, self.bundle_button):
            buttons.add(b)
        rv.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 620])
        choose = QWidget()
        cv = QVBoxLayout(choose)
        cv.addLayout(filters)
        cv.addWidget(splitter, 1)

        self.log = QListWidget()
        self.log.setAccessibleName(self.tr("What I have shared, and when"))
        self.log.currentItemChanged.connect(self.on_log_selected)
        self.log_view = SafeTextBrowser()
        self.log_view.setAccessibleName(self.tr("One export: when, to whom, format, SHA-256"))
        self.log_items = QListWidget()
        self.log_items.setAccessibleName(self.tr("Every item this export carried"))
        self.log_items.itemActivated.connect(self.on_logged_item_activated)
        self.log_item_view = SafeTextBrowser()
        self.log_item_view.setAccessibleName(self.tr("The item, as it is now"))
        self.log_entries: list = []
        log_right = QSplitter(Qt.Orientation.Vertical)
        for w in (self.log_view, self.log_items, self.log_item_view):
            log_right.addWidget(w)
        log_right.setSizes([140, 220, 260])
        self.log_right = log_right
        # Nothing shared yet: what this tab will list, and the one next step.
        self.log_empty = QLabel(
            self.tr(
                "Nothing shared yet. Each export you make is listed here: when, for whom, "
                "and every item it carried."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.log_empty.setProperty("role", "subtle")
        self.choose_button = QPushButton(self.tr("Choose what to share"))
        self.choose_button.setAccessibleName(self.tr("Choose what to share"))
        self.choose_button.clicked.connect(self.on_choose_clicked)
        log_side = QWidget()
        log_layout = QVBoxLayout(log_side)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.addWidget(self.log, 1)
        log_layout.addWidget(self.log_empty)
        log_layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        log_layout.addStretch(0)
        shared_tab = QSplitter()
        shared_tab.addWidget(log_side)
        shared_tab.addWidget(log_right)
        shared_tab.setSizes([380, 620])
        shared_tab.setContentsMargins(6, 6, 6, 6)  # the words clear of the tab's frame
        self.received = QListWidget()
        self.received.setAccessibleName(self.tr("What my partner shared, newest first"))
        self.received_rows_fit = FitRows(self.received)  # elided, never a sideways scroll
        self.received.currentItemChanged.connect(self.on_received_selected)
        self.received_view = SafeTextBrowser()
        self.received_view.setAccessibleName(self.tr("What my partner shared"))
        self.received_empty = QLabel(
            self.tr(
                "Nothing from your partner yet. When they send you a bundle, open it here: "
                "it is checked and kept apart from your own writing."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.received_empty.setProperty("role", "subtle")
        self.open_bundle_button = QPushButton(self.tr("Open a bundle…"))
        self.open_bundle_button.setAccessibleName(self.tr("Open a bundle from my partner"))
        self.open_bundle_button.clicked.connect(self.import_requested)
        received_side = QWidget()
        received_layout = QVBoxLayout(received_side)
        received_layout.setContentsMargins(0, 0, 0, 0)
        received_layout.addWidget(self.received, 1)
        received_layout.addWidget(self.received_empty)
        received_layout.addWidget(self.open_bundle_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.answer_button = QPushButton(self.tr("Answer this question…"))
        self.answer_button.setAccessibleName(self.tr("Answer this question"))
        self.answer_button.hide()  # shown for a question: answer it if and when you choose
        self.answer_button.clicked.connect(self.on_answer_clicked)
        received_layout.addWidget(self.answer_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.received_files: list[dict] = []
        self._received_gen = 0
        self.received_save = QPushButton(self.tr("Save a copy…"))
        self.received_save.setAccessibleName(
            self.tr("Save an unencrypted copy of a file my partner sent")
        )
        self.received_save.clicked.connect(self.save_received_copy)
        self.received_save.setVisible(False)
        self.received_note = QLabel(
            self.tr(
                "Your partner's files are kept encrypted in this journal file. “Save a copy…” "
                "is the only way one leaves — and that copy is not encrypted."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.received_note.setProperty("role", "subtle")
        received_right = QWidget()
        right_layout = QVBoxLayout(received_right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.received_view, 1)
        right_layout.addWidget(self.received_save, 0, Qt.AlignmentFlag.AlignLeft)
        right_layout.addWidget(self.received_note)
        from_partner = QSplitter()
        from_partner.addWidget(received_side)
        from_partner.addWidget(received_right)
        from_partner.setContentsMargins(6, 6, 6, 6)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Share"))
        self.tabs.addTab(choose, self.tr("Choose and export"))
        self.tabs.addTab(shared_tab, self.tr("Shared"))
        self.tabs.addTab(from_partner, self.tr("From partner"))
        QVBoxLayout(self).addWidget(self.tabs)

    # --- loading -------------------------------------------------------------------
    # Everything that reads the vault or renders many items runs on the thread pool: the
    # marked items and their rows, the history and From partner (reload), the payload and
    # its rendered preview document (update_preview). Each result carries the generation
    # it was asked for; a newer request, or locking (clear), makes it stale and it is
    # dropped. The list is filled a batch of rows at a time between events.
    ROWS_PER_BATCH = 500

    def on_unlocked(self) -> None:
        self.reload()

    def on_choose_clicked(self) -> None:
        self.tabs.setCurrentIndex(0)  # the Shared tab's one next step

    @property
    def busy(self) -> bool:
        """A load, a batch of rows or a preview is still on its way."""
        return bool(self._pending)

    def reload(self, *_: object) -> None:
        if not self.session.is_open:
            return
        self._load_gen += 1
        gen = self._load_gen
        kind = self.kind.currentData()
        since = self.since.date().toPython() if self.dated.isChecked() else None
        until = self.until.date().toPython() if self.dated.isChecked() else None
        db, sharing = self.session.database(), self.session.sharing()
        shared_fmt = self.tr("shared %1")
        self.records, self._checked = [], []
        self.payload, self.payload_records = None, []
        for b in (self.bundle_button, self.pdf_button, self.md_button):
            b.setEnabled(False)
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.empty.setVisible(False)
        self._show_preparing(self.tr("Finding the items marked for sharing…"))

        def work():
            records = transfer.select(
                db, shared=True, kinds=(kind,) if kind else (), since=since, until=until
            )
            last = sharing.last_shared([r.id for r in records if r.id is not None])
            rows = []
            for rec in records:
                text = f"{day_text(rec.occurred_at)} · {heading(rec)}"
                if rec.id in last:
                    text += "  · " + shared_fmt.replace("%1", day_month_text(last[rec.id]))
                rows.append(text)
            return records, rows

        self._start("load", work, lambda result: self._on_loaded(gen, *result))
        self.reload_history()

    def _start(self, what: str, work, on_done) -> None:
        token = object()
        self._pending[what] = token

        def finished(value) -> None:
            if self._pending.get(what) is token:
                del self._pending[what]
            on_done(value)

        def failed(exc: BaseException) -> None:
            if self._pending.get(what) is token:
                del self._pending[what]
                if self.session.is_open:  # after a lock the failure is the lock itself
                    channel.error(describe(exc))

        run_in_background(work, finished, failed)

    def _on_loaded(self, gen: int, records: list[Record], rows: list[str]) -> None:
        if gen != self._load_gen or not self.session.is_open:
            return  # asked again since, or locked: dropped
        self.records, self._checked = records, [True] * len(records)
        self.empty.setVisible(not records)
        self.update_preview()  # everything is chosen: the preview need not wait for the rows
        self._pending["rows"] = gen
        self._add_rows(gen, rows, 0)

    def _add_rows(self, gen: int, rows: list[str], start: int) -> None:
        if gen != self._load_gen or not self.session.is_open:
            return
        end = min(len(rows), start + self.ROWS_PER_BATCH)
        self.list.blockSignals(True)
        self.list.setUpdatesEnabled(False)
        self.list.addItems(rows[start:end])  # one insertion for the batch
        for n in range(start, end):
            row = self.list.item(n)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(
                Qt.CheckState.Checked if self._checked[n] else Qt.CheckState.Unchecked
            )
            row.setData(Qt.ItemDataRole.UserRole, n)
        self.list.setUpdatesEnabled(True)
        self.list.blockSignals(False)
        if start + self.ROWS_PER_BATCH < len(rows):
            QTimer.singleShot(0, lambda: self._add_rows(gen, rows, start + self.ROWS_PER_BATCH))
        elif self._pending.get("rows") == gen:
            del self._pending["rows"]

    def reload_history(self) -> None:
        """What was shared, and what arrived from a partner: read on the thread pool."""
        if not self.session.is_open:
            return
        self._history_gen += 1
        gen = self._history_gen
        sharing = self.session.sharing()
        # what it is first: a list of one partner's items, narrowed, still tells them apart
        received_fmt = self.tr("%1 · %2 · from %3 (%4)")
        trust_labels = {k: marked("SharePane", v) for k, v in TRUST_LABELS.items()}

        def work():
            entries = sharing.history(items=False)
            log_rows = [
                " · ".join(
                    [
                        short_moment_text(entry.shared_at),
                        format_name(entry.format),
                        recipient_text(entry.recipient),
                        self.tr("%n item(s)", "", entry.item_count),
                    ]
                )
                for entry in entries
            ]
            received = sharing.received_latest()
            statuses: dict[tuple[str, str], SenderStatus] = {}
            received_rows = []
            for item in received:
                key = (item.sender, item.signing_key)
                if key not in statuses:
                    statuses[key] = sharing.status_of(*key)
                status = statuses[key]
                title, kind = item_title(item.data), item_kind_name(item.data)
                text = arg(  # one pass: a partner's words holding "%2" stay as written
                    received_fmt,
                    f"{title} — {kind}" if title else kind,
                    day_text(item.occurred_at),
                    status.name,
                    trust_labels[status.trust],
                )
                if item.earlier:
                    text += "  · " + self.tr("revised (%n earlier)", "", len(item.earlier))
                received_rows.append(text)
            return entries, log_rows, received, received_rows

        self._start("history", work, lambda result: self._on_history(gen, *result))

    def _on_history(self, gen: int, entries, log_rows, received, received_rows) -> None:
        if gen != self._history_gen or not self.session.is_open:
            return
        self.log.blockSignals(True)
        self.log.clear()
        self.log_entries = entries
        for n, text in enumerate(log_rows):
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, n)
            self.log.addItem(row)
        self.log.blockSignals(False)
        self.log.setVisible(bool(log_rows))  # nothing yet: say what comes here
        self.log_empty.setVisible(not log_rows)
        self.choose_button.setVisible(not log_rows)
        self.log_right.setVisible(bool(log_rows))  # no empty boxes beside the empty state
        for w in (self.log_view, self.log_items, self.log_item_view):
            w.clear()
        self.received.blockSignals(True)
        self.received.clear()
        self.received_rows = received
        for n, text in enumerate(received_rows):
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, n)
            self.received.addItem(row)
        self.received.blockSignals(False)
        self.received_view.clear()
        self.answer_button.hide()
        self.received.setVisible(bool(self.received_rows))  # nothing yet: say what comes here
        self.received_empty.setVisible(not self.received_rows)
        self.received_view.setVisible(bool(self.received_rows))

    def on_item_changed(self, row: QListWidgetItem) -> None:
        n = row.data(Qt.ItemDataRole.UserRole)
        if n is not None and n < len(self._checked):
            self._checked[n] = row.checkState() == Qt.CheckState.Checked
            self.update_preview()

    def set_all(self, checked: bool) -> None:
        self._checked = [checked] * len(self.records)
        self.list.blockSignals(True)  # one preview for all of them, not one per row
        for n in range(self.list.count()):
            self.list.item(n).setCheckState(
                Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            )
        self.list.blockSignals(False)
        self.update_preview()

    def chosen(self) -> list[Record]:
        return [rec for rec, checked in zip(self.records, self._checked, strict=True) if checked]

    def options(self) -> share.ShareOptions:
        return share.ShareOptions(
            earlier_wordings=self.with_wordings.isChecked(),
            exercise_answers=self.with_answers.isChecked(),
        )

    def update_preview(self, *_: object) -> None:
        """Build the one payload that will leave and render it, on the thread pool; the
        preview shows that document and every export is made from that same payload
        (``self.payload``, with the records it was built from)."""
        self._preview_gen += 1
        gen = self._preview_gen
        chosen = self.chosen()
        self.payload, self.payload_records = None, []
        for b in (self.bundle_button, self.pdf_button, self.md_button):
            b.setEnabled(False)
        if not self.session.is_open:
            return
        self._show_preparing(self.tr("Preparing the preview of %n item(s)…", "", len(chosen)))
        db = self.session.database()
        exporter = self.session.sharing().display_name()
        options = self.options()
        app = QCoreApplication.instance()
        assert app is not None  # a pane exists: so does the application
        ui_thread = app.thread()

        longest = picture_size(self.preview)

        def work():
            payload = (
                transfer.payload_for(db, chosen, exporter=exporter, options=options)
                if chosen
                else None
            )
            doc = SafeTextDocument()
            if payload is not None:  # the pictures, from the very bytes the bundle carries
                add_pictures(doc, payload.attachment_refs(), payload.open_blob, longest)
            doc.set_markdown_parts(payload.markdown_parts() if payload else [])
            doc.moveToThread(ui_thread)  # made here, shown there
            return payload, doc

        self._start("preview", work, lambda result: self._on_preview(gen, chosen, *result))

    def _on_preview(self, gen: int, chosen: list[Record], payload, doc) -> None:
        if gen != self._preview_gen or not self.session.is_open:
            doc.deleteLater()  # asked again since, or locked: nothing of it is shown
            return
        self.payload, self.payload_records = payload, chosen
        self.preview.show_document(doc)
        self.preview_label.setText(
            self.tr(
                "Exactly what will leave: %n item(s). Private notes are never included.",
                "",
                len(chosen),
            )
        )
        for b in (self.bundle_button, self.pdf_button, self.md_button):
            b.setEnabled(bool(chosen))
        if "load" not in self._pending:  # else the load's own preview comes next
            waiting, self._after_preview = self._after_preview, []
            for then in waiting:
                then()

    def _show_preparing(self, text: str) -> None:
        self.preview.setPlainText(text)
        self.preview_label.setText(text)

    def when_previewed(self, then) -> None:
        """Run ``then`` once the preview shows the payload now asked for (at once if it does)."""
        if "load" in self._pending or "preview" in self._pending:
            self._after_preview.append(then)
        else:
            then()

    def flush(self) -> bool:
        return True  # choices here are not kept: marks are saved where they are made

    def clear(self) -> None:
        self._load_gen += 1  # whatever is being built is dropped when it arrives
        self._preview_gen += 1
        self._history_gen += 1
        self._pending.clear()
        self._after_preview = []
        self.records, self._checked = [], []
        self.payload_records = []
        for w in (self.list, self.log, self.log_items, self.received):
            w.blockSignals(True)
            w.clear()
            w.blockSignals(False)
        self.log_entries = []
        for view in (self.log_view, self.log_item_view):
            view.clear()
        self.payload = None
        self.received_rows = []
        self.received_files = []
        self._received_gen += 1
        self.received_save.setVisible(False)
        if self.trust_box is not None:
            self.trust_box.close()
            self.trust_box = None
        self.preview.clear()
        self.received_view.clear()

    # --- exporting -----------------------------------------------------------------
    def on_bundle_clicked(self) -> None:
        dialog = BundleDialog(self.session, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.session.sharing().set_display_name(dialog.name.text())
        self.update_preview()  # the name is part of what leaves: shown before it leaves
        recipients = dialog.recipients()
        passphrase = None if recipients else dialog.passphrase.text()
        label = dialog.recipient_label()

        def then() -> None:
            out = self._ask_path(
                self.tr("Save the bundle"), EXPORT_NAMES["bundle"], self.tr("age bundles (*.age)")
            )
            if out:
                self.export(
                    "age", out, recipients=recipients, bundle_passphrase=passphrase, label=label
                )

        self.when_previewed(then)

    def on_plain_clicked(self, fmt: str, *, confirm: bool = True) -> None:
        if (
            confirm
            and channel.ask(self, self.tr("Not encrypted"), marked("SharePane", PLAINTEXT_WARNING))
            != QMessageBox.StandardButton.Ok
        ):
            return
        name = EXPORT_NAMES["pdf"] if fmt == "pdf" else EXPORT_NAMES["md"]  # neutral names
        out = self._ask_path(
            self.tr("Save the export"), name, "PDF (*.pdf)" if fmt == "pdf" else "Markdown (*.md)"
        )
        if out:
            self.export(fmt, out, label=self.tr("file"))

    def _ask_path(self, title: str, name: str, flt: str) -> Path | None:
        return ask_save(self, title, Path.home() / name, flt)

    def export(
        self,
        fmt: str,
        out: Path,
        *,
        recipients: list[str] | None = None,
        bundle_passphrase: str | None = None,
        label: str = "",
        records: list[Record] | None = None,
    ) -> None:
        """Build and write the export on the thread pool, with progress and Cancel."""
        payload = None
        if records is None:  # what the preview shows, exactly: the very payload it rendered
            if "load" in self._pending or "preview" in self._pending:
                self.when_previewed(
                    lambda: self.export(
                        fmt,
                        out,
                        recipients=recipients,
                        bundle_passphrase=bundle_passphrase,
                        label=label,
                    )
                )
                return
            records, payload = self.payload_records, self.payload
            if payload is None:
                return  # nothing chosen
            payload = dataclasses.replace(payload, exported_at=datetime.now(UTC))
        db = self.session.database()
        name = self.session.sharing().display_name()
        self._start_progress()
        keep_going = self._keep_going

        def work() -> str:
            if fmt == "pdf":
                from kintsugi.ui.insights.report import render_pdf

                data = render_pdf(db, records, name=name, payload=payload)
            else:
                data = transfer.export_bytes(
                    db,
                    records,
                    fmt,
                    exporter=name,
                    recipients=recipients,
                    bundle_passphrase=bundle_passphrase,
                    progress=keep_going,
                    payload=payload,
                )
            if self._cancelled:
                raise transfer.ExportCancelled()
            return transfer.write_export(
                db,
                data,
                out,
                fmt=fmt,
                recipient=label,
                item_ids=[r.id for r in records if r.id is not None],
            )

        run_in_background(work, lambda digest: self.on_exported(out, digest), self.on_export_failed)

    def _start_progress(self) -> None:
        self._cancelled = False
        self.progress = QProgressDialog(
            self.tr("Preparing the export…"), self.tr("Cancel"), 0, 0, self
        )
        self.progress.setWindowTitle(self.tr("Exporting"))
        self.progress.canceled.connect(self._cancel)
        self.progress.show()

    def _keep_going(self, done: int, total: int) -> bool:
        return not self._cancelled

    def _cancel(self) -> None:
        self._cancelled = True

    def _end_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress = None

    def on_exported(self, out: Path, digest: str) -> None:
        self._end_progress()
        self.reload()
        channel.info(self.tr("Exported to %1").replace("%1", out.name))
        self.exported.emit(out)

    def on_export_failed(self, exc: BaseException) -> None:
        self._end_progress()
        channel.error(describe(exc))

    def export_everything(self, out: Path) -> None:
        """Everything, losslessly: JSON (private notes included), or Markdown per day (.zip)."""
        if out.suffix == ".zip":
            records = transfer.select(self.session.database(), everything=True)
            self.export("md-days", out, label=self.tr("full export"), records=records)
            return
        db, label = self.session.database(), self.tr("full export")
        self._start_progress()

        def work() -> str:  # streamed: memory does not grow with the journal
            from kintsugi.core.complete import write_complete_backup

            digest, _ = write_complete_backup(db, out, recipient=label, progress=self._keep_going)
            return digest

        run_in_background(work, lambda digest: self.on_exported(out, digest), self.on_export_failed)

    def import_file(
        self, path: Path, bundle_passphrase: str | None = None, *, jrnl_password: str | None = None
    ) -> None:
        """Import on the thread pool, streamed, with progress and Cancel: all or nothing; a
        clear message either way."""
        db = self.session.database()
        self._cancelled = False
        self.progress = QProgressDialog(
            self.tr("Importing %1…").replace("%1", path.name), self.tr("Cancel"), 0, 1000, self
        )
        self.progress.setWindowTitle(self.tr("Importing"))
        self.progress.setMinimumDuration(500)
        self.progress.canceled.connect(self._cancel)
        relay = _ProgressRelay(self)
        relay.moved.connect(self._on_import_progress)

        def keep_going(p: transfer.ImportProgress) -> bool:  # on the worker
            relay.moved.emit(p.done_bytes, max(p.total_bytes, 1), p.items)
            return not self._cancelled

        def work():
            return transfer.import_path(
                db,
                path,
                bundle_passphrase=bundle_passphrase,
                progress=keep_going,
                options=ImportOptions(jrnl_password=jrnl_password),
            )

        run_in_background(work, self.on_imported, self.on_import_failed)

    def _on_import_progress(self, done: int, total: int, items: int) -> None:
        if self.progress is not None:
            self.progress.setValue(min(999, done * 1000 // total))
            self.progress.setLabelText(self.tr("Importing… %n item(s) read", "", items))

    def on_import_failed(self, exc: BaseException) -> None:
        self._end_progress()
        channel.error(describe(exc))

    def on_imported(self, result) -> None:
        self._end_progress()
        self.reload()
        if result.source == "bundle":
            line = result.status.line()
            text = (
                self.tr(
                    "Imported %n item(s) %2. They are under Share → From partner.", "", result.added
                )
                if result.added
                else self.tr("These items (%2) were imported before; nothing new.")
            )
            channel.info(text.replace("%2", line))
            if result.status.trust == UNKNOWN and result.age_recipient and result.signing_key:
                self.offer_to_trust(result)
        else:
            text = self.tr("Imported %n item(s): %2.", "", result.added)
            channel.info(text.replace("%2", result.summary()))
        self.imported.emit()

    # --- keys and received bundles -------------------------------------------------------
    def open_keys(self) -> None:
        self.keys_dialog = SharingSettingsDialog(self.session, self)
        self.keys_dialog.accepted.connect(self.update_preview)
        self.keys_dialog.open()

    def on_received_selected(self, current, previous) -> None:
        if current is None or not self.session.is_open:
            return
        item = self.received_rows[current.data(Qt.ItemDataRole.UserRole)]
        self.answer_button.setVisible(item.kind == "question")
        status = self.session.sharing().status_of(item.sender, item.signing_key)
        parts = [
            f"*{status.line()[0].upper()}{status.line()[1:]}*",
            "",
            *self.telling_lines(item),
            render_item(item.data),
        ]
        for old in item.earlier:
            parts += [
                "---",
                "",
                "*"
                + self.tr("Earlier version, received %1:").replace("%1", day_text(old.imported_at))
                + "*"
                if old.imported_at
                else "*" + self.tr("Earlier version:") + "*",
                "",
                render_item(old.data, level=3),
            ]
        text = "\n".join(parts)
        refs = share.unique_refs([item.data, *(old.data for old in item.earlier)])
        self.received_files = refs
        self.received_save.setVisible(bool(refs))
        self.received_save.setEnabled(bool(refs))
        if not refs:
            self.received_view.setMarkdown(text)
            return
        self.received_view.setPlainText(self.tr("Opening the attachments…"))
        sharing, longest = self.session.sharing(), picture_size(self.received_view)
        ui_thread = self.thread()
        self._received_gen += 1
        gen = self._received_gen

        def work() -> SafeTextDocument:
            doc = SafeTextDocument()
            add_pictures(
                doc, refs, lambda sha: sharing.open_received_file({"sha256": sha}), longest
            )
            doc.set_markdown(text)
            doc.moveToThread(ui_thread)  # made here, shown there
            return doc

        def done(doc: SafeTextDocument) -> None:
            if gen == self._received_gen and self.session.is_open:
                self.received_view.show_document(doc)

        self._start("received", work, done)

    def save_received_copy(self) -> None:
        """Save a copy… of one of the partner's files: the only way it leaves, unencrypted."""
        refs = self.received_files
        if not refs or not self.session.is_open:
            return
        ref = refs[0]
        if len(refs) > 1:
            names = [f"{n}. {r['name']}" for n, r in enumerate(refs, 1)]
            choice, ok = QInputDialog.getItem(
                self,
                self.tr("Save a copy"),
                self.tr("Which file? The copy is not encrypted."),
                names,
                0,
                False,
            )
            if not ok:
                return
            ref = refs[names.index(choice)]
        name = Path(str(ref["name"])).name or "attachment"
        target = ask_save(
            self,
            self.tr("Save an unencrypted copy"),
            Path.home() / name,
            self.tr("This file (*{suffix})").format(suffix=Path(name).suffix or ""),
        )
        if target is None:
            return
        sharing = self.session.sharing()

        def saved(path) -> None:
            channel.info(self.tr("Saved an unencrypted copy as {path}.").format(path=str(path)))

        self._start("save copy", lambda: sharing.save_received_copy(ref, target), saved)

    def telling_lines(self, item) -> list[str]:
        """Above a partner's disclosure: the time to telling across all they sent, and
        whether it comes sooner, in words (the same lines they see themselves)."""
        if item.kind != "disclosure":
            return []
        theirs = practices.shared_disclosures(
            r.data for r in self.received_rows if r.kind == "disclosure" and r.sender == item.sender
        )
        lines = [practices.trend_words(theirs), practices.gaps_line(theirs)]
        return [f"*{line}*\n" for line in lines if line]

    def on_answer_clicked(self) -> None:
        row = self.received.currentItem()
        if row is None or not self.session.is_open:
            return
        item = self.received_rows[row.data(Qt.ItemDataRole.UserRole)]
        if item.kind == "question":
            self.answer_requested.emit(item.uid)

    def on_log_selected(self, current, previous=None) -> None:
        """One export in full: when, to whom, format, the file's SHA-256, every item."""
        self.log_items.clear()
        self.log_item_view.clear()
        if current is None or not self.session.is_open:
            self.log_view.clear()
            return
        entry = self.log_entries[current.data(Qt.ItemDataRole.UserRole)]
        items = self.session.sharing().logged_items(entry.id)
        self.log_view.setMarkdown(
            "\n".join(
                [
                    "- " + self.tr("When: %1").replace("%1", moment_text(entry.shared_at)),
                    "- " + self.tr("To: %1").replace("%1", recipient_text(entry.recipient)),
                    "- " + self.tr("Format: %1").replace("%1", format_name(entry.format)),
                    f"- SHA-256: `{entry.sha256}`",
                    "- " + self.tr("Items: %1").replace("%1", str(len(items))),
                ]
            )
        )
        for item in items:
            text = (
                f"{kind_label(item.kind)} — {item.title or '…'}"
                if item.present
                else self.tr("(no longer in the journal)")
            )
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, (item.id, item.kind))
            self.log_items.addItem(row)

    def on_logged_item_activated(self, row) -> None:
        """Open an item an export carried: shown here as it is now (as it would leave), and
        in its own pane for the kinds that have one."""
        item_id, kind = row.data(Qt.ItemDataRole.UserRole)
        if not kind or not self.session.is_open:
            return
        try:
            rec = self.session.items().get(item_id)
        except KintsugiError:
            self.log_item_view.setPlainText(self.tr("This item is no longer in the journal."))
            return
        self.log_item_view.setMarkdown(render_item(share.share_dict(rec)))
        self.open_requested.emit(item_id, kind)

    def offer_to_trust(self, result) -> None:
        """A sender whose key is not in the address book: show its fingerprint, offer to save
        it (trust on first use)."""
        name = result.sender or self.tr("your partner")
        text = (
            self.tr(
                "%1's sharing key is not in your address book.\n\nFingerprint:\n%2\n\n"
                "Compare it with %1 (in person or on the phone: their Kintsugi shows it under "
                "Share → Keys and people). If it matches, save it: their next bundles will "
                "show as verified."
            )
            .replace("%1", name)
            .replace("%2", result.status.fingerprint)
        )

        def done(button: QMessageBox.StandardButton) -> None:
            if button == QMessageBox.StandardButton.Save and self.session.is_open:
                try:
                    self.session.sharing().trust_sender(
                        name, result.age_recipient, result.signing_key
                    )
                except (KintsugiError, ValueError) as exc:
                    channel.error(describe(exc))
                    return
                self.reload_history()
                channel.info(self.tr("Saved %1's key.").replace("%1", name))

        # a sender's name is text, never markup: the channel shows it as plain text
        self.trust_box = channel.ask_later(
            self,
            self.tr("A new sender"),
            text,
            done,
            buttons=QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            labels={
                QMessageBox.StandardButton.Save: self.tr("Save %1's key").replace("%1", name),
                QMessageBox.StandardButton.Cancel: self.tr("Not now"),
            },
        )

"""Entries with two versions: a calm list of them, the two versions side by side, and a
third text to keep (one of them, or both combined by hand); keeping it ends the conflict
(``sync.resolve``, off the UI thread)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import sync
from kintsugi.core.i18n import marked
from kintsugi.ui.messages import describe
from kintsugi.ui.search.pane import kind_label
from kintsugi.ui.session import Session
from kintsugi.ui.sync.controller import one_at_a_time
from kintsugi.ui.workers import run_in_background

#: A record's field as a person names it (others show as they are).
FIELD_NAMES = {
    "body": QT_TRANSLATE_NOOP("ConflictsDialog", "the text"),
    "title": QT_TRANSLATE_NOOP("ConflictsDialog", "the title"),
    "private_note": QT_TRANSLATE_NOOP("ConflictsDialog", "the private note"),
    "notes": QT_TRANSLATE_NOOP("ConflictsDialog", "the notes"),
    "note": QT_TRANSLATE_NOOP("ConflictsDialog", "the note"),
}


def field_name(field: str) -> str:
    text = FIELD_NAMES.get(field)
    return marked("ConflictsDialog", text) if text is not None else field.replace("_", " ")


def _load(vault: object) -> tuple[list[sync.Conflict], dict[str, str]]:
    """The conflicts, and each computer's name by its id (off the UI thread)."""
    items = sync.conflicts(vault)
    st = sync.status(vault)
    names = {d.device_id: d.name for d in st.devices} if st is not None else {}
    return items, names


def _label(text: str = "", role: str = "") -> QLabel:
    label = QLabel(text, wordWrap=True, textFormat=Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


def _reader(name: str) -> QPlainTextEdit:
    text = QPlainTextEdit(readOnly=True)
    text.setAccessibleName(name)
    text.setTabChangesFocus(True)
    return text


class ConflictsDialog(QDialog):
    """Emits ``resolved`` after each conflict is ended (the journal's views reload)."""

    resolved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None, at_uid: str | None = None):
        super().__init__(parent)
        self.session = session
        self.at_uid = at_uid  # opened from that record: its two versions first
        self.setWindowTitle(self.tr("Two versions"))
        self.items: list[sync.Conflict] = []
        self.names: dict[str, str] = {}
        intro = _label(
            self.tr(
                "These were changed on two computers before either saw the other's change, "
                "and the changes could not be put together by themselves. Nothing is lost: "
                "both versions are here. Keep one, or combine them below."
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Entries with two versions"))
        self.list.currentRowChanged.connect(self.show_conflict)
        self.heading = _label(role="subheading")
        self.mine_label = _label(self.tr("On this computer"), "heading")
        self.theirs_label = _label(self.tr("On the other computer"), "heading")
        self.mine = _reader(self.tr("The version on this computer"))
        self.theirs = _reader(self.tr("The version on the other computer"))
        self.combined = QPlainTextEdit()
        self.combined.setAccessibleName(self.tr("The text to keep"))
        self.combined.setTabChangesFocus(True)
        self.keep_mine = QPushButton(self.tr("Start from this one"))
        self.keep_mine.setAccessibleName(self.tr("Start from the version on this computer"))
        self.keep_theirs = QPushButton(self.tr("Start from this one"))
        self.keep_theirs.setAccessibleName(self.tr("Start from the version on the other computer"))
        self.keep_mine.clicked.connect(lambda: self.combined.setPlainText(self.mine.toPlainText()))
        self.keep_theirs.clicked.connect(
            lambda: self.combined.setPlainText(self.theirs.toPlainText())
        )
        self.keep_button = QPushButton(self.tr("Keep this text"))
        self.keep_button.setAccessibleName(self.tr("Keep this text"))
        self.keep_button.setProperty("role", "primary")
        self.keep_button.clicked.connect(self.on_keep)
        self.message = _label(role="error")
        self.empty = _label(self.tr("No entries with two versions: everything agrees."))
        self.busy = QProgressBar(minimum=0, maximum=0, visible=False, textVisible=False)  # type: ignore[call-arg]
        self.busy.setAccessibleName(self.tr("Working"))

        sides = QGridLayout()
        sides.addWidget(self.mine_label, 0, 0)
        sides.addWidget(self.theirs_label, 0, 1)
        sides.addWidget(self.mine, 1, 0)
        sides.addWidget(self.theirs, 1, 1)
        sides.addWidget(self.keep_mine, 2, 0, Qt.AlignmentFlag.AlignLeft)
        sides.addWidget(self.keep_theirs, 2, 1, Qt.AlignmentFlag.AlignLeft)
        sides.setColumnStretch(0, 1)
        sides.setColumnStretch(1, 1)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.message, 1)
        keep_row.addWidget(self.keep_button)
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.heading)
        detail.addLayout(sides, 3)
        detail.addWidget(_label(self.tr("The text to keep"), "heading"))
        detail.addWidget(self.combined, 2)
        detail.addLayout(keep_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.detail, 4)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        # by keyboard: each version, then its button, then the text to keep and Keep it
        order = [self.list, self.mine, self.keep_mine, self.theirs, self.keep_theirs]
        order += [self.combined, self.keep_button, buttons]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.reload()

    def reload(self) -> None:
        vault = self.session.vault
        if vault is None:
            return
        self.busy.show()
        run_in_background(lambda: _load(vault), self.show_list, self.on_failed)

    def show_list(self, loaded: tuple[list[sync.Conflict], dict[str, str]]) -> None:
        self.busy.hide()
        items, self.names = loaded
        self.items = list(items)
        self.list.clear()
        for c in self.items:
            title = c.title or self.tr("(no title)")
            self.list.addItem(
                QListWidgetItem(
                    self.tr("%1 — %2").replace("%1", title).replace("%2", field_name(c.field))
                )
            )
        self.empty.setVisible(not self.items)
        self.detail.setVisible(bool(self.items))
        if self.items:
            at = [i for i, c in enumerate(self.items) if c.item_uid == self.at_uid]
            self.list.setCurrentRow(at[0] if at else 0)
            self.list.setFocus()

    def show_conflict(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        c = self.items[row]
        mine = self.names.get(c.mine_device, c.mine_device)
        theirs = self.names.get(c.theirs_device, c.theirs_device)
        self.heading.setText(
            (
                self.tr("Two versions of this entry: %1")
                if c.kind == "entry"
                else self.tr("Two versions of this record (%2): %1").replace(
                    "%2", kind_label(c.kind)
                )
            ).replace("%1", field_name(c.field))
        )
        self.mine_label.setText(self.tr("On this computer (%1)").replace("%1", mine))
        self.theirs_label.setText(self.tr("On %1").replace("%1", theirs))
        self.mine.setPlainText(c.mine)
        self.theirs.setPlainText(c.theirs)
        self.combined.setPlainText(c.mine)
        self.message.clear()

    def on_keep(self) -> None:
        row = self.list.currentRow()
        vault = self.session.vault
        if not 0 <= row < len(self.items) or vault is None:
            return
        conflict_id, text = self.items[row].conflict_id, self.combined.toPlainText()
        self.busy.show()
        self.keep_button.setEnabled(False)
        run_in_background(
            lambda: one_at_a_time(lambda: sync.resolve(vault, conflict_id, text)),
            self.on_kept,
            self.on_failed,
        )

    def on_kept(self, _result: object) -> None:
        self.keep_button.setEnabled(True)
        self.resolved.emit()
        self.reload()

    def on_failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.keep_button.setEnabled(True)
        self.message.setText(describe(exc))

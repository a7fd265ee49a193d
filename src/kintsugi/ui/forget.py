"""After locking, the widgets forget: every text field is emptied with its undo history.

Each pane's `clear()` empties what it shows; this sweep is the backstop for everything a pane
does not know about: the undo steps of each QLineEdit (Qt keeps them across `clear()`: one
Ctrl+Z brought a check-in note or the search query back), the undo stacks of text documents,
editable combo boxes, completers' word lists, fields of dialogs that were only closed, the
passphrase fields of the start screens, and any QUndoStack.

What Qt then still has is freed memory: the old strings are released, not overwritten
(docs/security.md says so).
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def _in_spin_box(widget: QWidget) -> bool:
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox):
            return True  # a number or a date: its own line edit shows the value
        parent = parent.parent()
    return False


def forget_line_edit(edit: QLineEdit) -> None:
    blocked = edit.blockSignals(True)
    edit.setText("")  # unlike clear(), setText() also drops the undo history
    edit.blockSignals(blocked)
    completer = edit.completer()
    model = completer.model() if completer is not None else None
    if isinstance(model, QStringListModel):
        model.setStringList([])


def forget_text_edit(edit: QPlainTextEdit | QTextEdit) -> None:
    blocked = edit.blockSignals(True)
    edit.clear()
    edit.document().clearUndoRedoStacks()
    edit.blockSignals(blocked)


def forget_everything(*roots: QWidget) -> None:
    """Empty every text field under `roots` (and every top-level window) with its undo steps."""
    widgets: list[QWidget] = []
    for root in (*roots, *QApplication.topLevelWidgets()):
        widgets += [root, *root.findChildren(QWidget)]
    done: set[int] = set()
    for w in widgets:
        if id(w) in done:
            continue
        done.add(id(w))
        if isinstance(w, QComboBox) and w.isEditable():
            blocked = w.blockSignals(True)
            w.clearEditText()
            w.blockSignals(blocked)
        elif isinstance(w, QLineEdit) and not _in_spin_box(w):
            forget_line_edit(w)
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            forget_text_edit(w)
    for root in roots:
        for stack in root.findChildren(QUndoStack):
            stack.clear()

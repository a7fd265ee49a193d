"""Locking forgets (issue 11): after lock no canary is reachable from the widgets, their
models, completers and undo stacks, or from the Python objects the window holds.

Canaries go into the vault (so every model loads them) and are typed into every text field
of the window and of its open dialogs (so every undo stack holds them). Then the window locks
and the test looks everywhere Qt and Python would still show them: each field's text and its
undo steps (undone until nothing is left), every model of every view, combo box and completer,
every label and tool tip, QUndoStacks, and a walk of the Python objects reachable from the
window (gc.get_referents).
"""

from __future__ import annotations

import gc
import types

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from kintsugi.core.records import Boundary, CheckIn, Entry, Goal, Trigger
from kintsugi.ui.workers import wait_for_background
from tests.helpers import PASSPHRASE

CANARY = "CANARY-7f3e2a"


def fill_the_vault(session) -> None:
    c = CANARY
    session.entries().add(
        Entry(title=f"{c} title", body=f"{c} body", tags=[f"{c}tag"], private_note=f"{c} note")
    )
    session.triggers().add(Trigger(cue="place", suds_peak=7, situation=f"{c} situation"))
    session.checkins().add(CheckIn(notes=f"{c} check-in", gratitude=f"{c} thanks"))
    session.boundaries().add(Boundary(text=f"{c} boundary"))
    session.goals().add(Goal(text=f"{c} goal"))


def in_a_spin_box(w: QWidget) -> bool:
    p = w.parent()
    while p is not None:
        if isinstance(p, QAbstractSpinBox):
            return True
        p = p.parent()
    return False


def roots(window) -> list[QWidget]:
    return [window, *(w for w in QApplication.topLevelWidgets() if w is not window)]


def text_fields(window):
    for root in roots(window):
        for w in [root, *root.findChildren(QWidget)]:
            if (
                isinstance(w, QLineEdit)
                and not in_a_spin_box(w)
                or isinstance(w, (QPlainTextEdit, QTextEdit))
            ):
                yield w


def type_everywhere(window) -> int:
    typed = 0
    for w in text_fields(window):
        if isinstance(w, QLineEdit):
            if w.isReadOnly():
                continue
            w.insert(f" {CANARY} typed")
        else:
            if w.isReadOnly():
                continue
            w.insertPlainText(f" {CANARY} typed")
        typed += 1
    return typed


def model_texts(model: QAbstractItemModel, parent=QModelIndex(), depth=0):
    roles = [Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole, Qt.AccessibleTextRole]
    roles += [Qt.UserRole + n for n in range(12)]
    for row in range(min(model.rowCount(parent), 2000)):
        try:
            columns = model.columnCount(parent)
        except TypeError:  # a list model (its columnCount is private in the bindings)
            columns = 0
        for col in range(max(1, columns)):
            index = model.index(row, col, parent)
            for role in roles:
                value = model.data(index, role)
                if value is not None:
                    yield repr(value) + str(value)
            if depth < 2 and columns > 0 and model.rowCount(index) > 0:
                yield from model_texts(model, index, depth + 1)


def what_qt_still_shows(window) -> list[str]:
    found = []
    for w in text_fields(window):
        name = f"{type(w).__name__} {w.objectName() or w.accessibleName()}"
        text = w.text() if isinstance(w, QLineEdit) else w.toPlainText()
        if CANARY in text:
            found.append(f"text of {name}")
        for _ in range(200):  # undo until nothing is left: no step may bring a canary back
            if isinstance(w, QLineEdit):
                if not w.isUndoAvailable():
                    break
                w.undo()
                text = w.text()
            else:
                if not w.document().isUndoAvailable():
                    break
                w.undo()
                text = w.toPlainText()
            if CANARY in text:
                found.append(f"undo of {name}")
                break
    seen_models = set()
    for root in roots(window):
        widgets = [root, *root.findChildren(QWidget)]
        models = [v.model() for v in widgets if isinstance(v, QAbstractItemView)]
        models += [c.model() for c in widgets if isinstance(c, QComboBox)]
        models += [
            c.completer().model() for c in widgets if isinstance(c, QLineEdit) and c.completer()
        ]
        models += [c.model() for c in root.findChildren(QCompleter)]
        for model in models:
            if model is None or id(model) in seen_models:
                continue
            seen_models.add(id(model))
            if any(CANARY in t for t in model_texts(model)):
                found.append(f"model {type(model).__name__} {model.objectName()}")
        for w in widgets:
            if isinstance(w, QLabel) and CANARY in w.text():
                found.append(f"label {w.objectName()}")
            if CANARY in w.toolTip() or CANARY in w.windowTitle():
                found.append(f"tool tip or title of {type(w).__name__}")
        for stack in root.findChildren(QUndoStack):
            if any(CANARY in stack.text(i) for i in range(stack.count())):
                found.append("a QUndoStack")
    return found


SKIP = (types.ModuleType, type, types.FunctionType, types.BuiltinFunctionType, types.CodeType)


def what_python_still_holds(start) -> list[str]:
    """Strings and bytes holding the canary, reachable from `start` through instances and
    containers (not through modules, classes or functions: those are the program)."""
    found, seen = [], set()
    todo = [(obj, "window") for obj in start]
    while todo:
        obj, path = todo.pop()
        if id(obj) in seen or isinstance(obj, SKIP):
            continue
        seen.add(id(obj))
        if isinstance(obj, (str, bytes, bytearray)):
            if (CANARY in obj) if isinstance(obj, str) else (CANARY.encode() in obj):
                found.append(path)
            continue
        if len(seen) > 400_000:
            break
        for ref in gc.get_referents(obj):
            todo.append((ref, f"{path} > {type(obj).__name__}"))
    return found


@pytest.mark.qt_log_ignore("This plugin does not support")  # completer pop-ups, offscreen
def test_locking_leaves_no_canary_in_widgets_models_undo_or_python(window, qtbot):
    fill_the_vault(window.session)
    window.session.unlocked.emit()  # every pane loads what is there now
    for pane in window.sections:
        window.show_pane(pane)
        qtbot.wait(10)
    window.journal.select_row(0)
    window.grounding_flow.on_quick_log()
    window.search.query.setText(CANARY)
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=10_000)
    typed = type_everywhere(window)
    assert typed >= 15
    before = what_qt_still_shows(window)
    assert len(before) >= 10, before  # the witness finds what is there before locking
    held = what_python_still_holds(roots(window) + [window.session])
    assert len(held) >= 3, held  # and this witness finds what the panes hold in Python
    type_everywhere(window)  # (looking undid some of it)
    window.lock()
    wait_for_background()
    qtbot.wait(50)
    left = what_qt_still_shows(window)
    assert left == [], "\n".join(left)
    held = what_python_still_holds(roots(window) + [window.session])
    assert held == [], "\n".join(held)
    # and the vault still has it all: locking forgot, it did not delete
    window.unlock.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.session.unlocked, timeout=20_000):
        window.unlock.unlock_button.click()
    assert window.session.search().search(CANARY, limit=50)


def test_after_unlocking_the_passphrase_is_not_in_the_field_nor_its_undo(
    make_window, vault_path, qtbot
):
    from kintsugi.core.vault import Vault
    from tests.helpers import FAST_KDF, unlock

    Vault.create(vault_path, PASSPHRASE, params=FAST_KDF).lock()
    w = make_window(vault_path)
    field = w.unlock.passphrase
    field.toggle_action.setChecked(True)  # shown: there Qt's clear() keeps the undo steps
    field.insert(PASSPHRASE[:4])  # typed in pieces, as a person would: several undo steps
    field.insert(PASSPHRASE[4:])
    assert field.isUndoAvailable()
    with qtbot.waitSignal(w.session.unlocked, timeout=20_000):
        w.unlock.unlock_button.click()
    assert field.text() == "" and not field.isUndoAvailable()
    w.lock()
    unlock(qtbot, w)
    assert w.unlock.passphrase.text() == "" and not w.unlock.passphrase.isUndoAvailable()

"""The Qt shell names Qt's enums by their scope (Qt.AlignmentFlag.AlignLeft, not
Qt.AlignLeft): the long form is what PySide6 documents and what mypy checks."""

from __future__ import annotations

import enum
import re
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

UI = Path(__file__).resolve().parents[2] / "src" / "kintsugi" / "ui"
NAME = re.compile(r"(?<![\w.])(Qt|Q[A-Z]\w*)\.([A-Za-z]\w*)\b(?!\s*\.)")


def unscoped(text: str) -> list[str]:
    found = []
    for m in NAME.finditer(text):
        owner = next(
            (getattr(mod, m[1]) for mod in (QtCore, QtGui, QtWidgets) if hasattr(mod, m[1])), None
        )
        member = getattr(owner, m[2], None) if owner is not None else None
        if isinstance(member, enum.Enum) and not isinstance(member, type):
            found.append(m[0])
    return found


def test_the_check_finds_an_unscoped_enum():
    assert unscoped("x = Qt.AlignLeft | QMessageBox.Ok") == ["Qt.AlignLeft", "QMessageBox.Ok"]
    assert unscoped("x = Qt.AlignmentFlag.AlignLeft; QMessageBox.StandardButton; Qt.Key") == []


def test_every_qt_enum_in_the_ui_is_scoped():
    found = [
        f"{path.relative_to(UI)}: {name}"
        for path in sorted(UI.rglob("*.py"))
        for name in unscoped(path.read_text(encoding="utf-8"))
    ]
    assert found == []

"""The workspace's panes plug in: one registered list, the window loops over it (unlock,
save, lock), `show_pane`, shortcuts from the protocol, and no private calls across objects."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from kintsugi.ui.panes import Pane, Sections

UI = Path(__file__).resolve().parents[2] / "src" / "kintsugi" / "ui"


def count_calls(monkeypatch, panes, method: str) -> dict[str, int]:
    calls = {type(p).__name__: 0 for p in panes}
    for pane in panes:
        real, name = getattr(pane, method), type(pane).__name__

        def spy(*a, _real=real, _name=name, **kw):
            calls[_name] += 1
            return _real(*a, **kw)

        monkeypatch.setattr(pane, method, spy)
    return calls


def test_every_section_is_a_pane_in_one_list_and_the_navigation_follows_it(window):
    panes = list(window.sections)
    assert len(panes) == 8 == window.nav.count() == window.panes.count()
    for row, pane in enumerate(panes):
        assert isinstance(pane, Pane) and isinstance(pane, QWidget)
        assert pane.label and window.nav.item(row).text() == pane.label
        assert window.panes.widget(row) is pane
    for pane in reversed(panes):
        window.show_pane(pane)
        assert window.panes.currentWidget() is pane
        assert window.sections.current() is pane
        assert window.nav.currentRow() == panes.index(pane)


def test_unlock_loads_every_pane_once_and_lock_saves_and_clears_each_once(
    window, qtbot, monkeypatch
):
    panes = list(window.sections)
    loaded = count_calls(monkeypatch, panes, "on_unlocked")
    saved = count_calls(monkeypatch, panes, "flush")
    cleared = count_calls(monkeypatch, panes, "clear")
    window.session.unlocked.emit()
    assert set(loaded.values()) == {1}
    assert window.lock()
    assert set(saved.values()) == {1}, saved  # not once by lock() and again on about_to_lock
    assert set(cleared.values()) == {1}
    assert not window.session.is_open


def test_idle_and_system_locks_save_each_pane_once(window, qtbot, monkeypatch):
    from tests.helpers import unlock

    saved = count_calls(monkeypatch, list(window.sections), "flush")
    window.on_idle()
    assert not window.session.is_open and set(saved.values()) == {1}
    unlock(qtbot, window)
    window.system_lock.should_lock.emit()
    assert not window.session.is_open and set(saved.values()) == {2}


def test_a_pane_with_a_shortcut_gets_it(qtbot):
    class Stub(QWidget):
        def __init__(self, label: str, shortcut: str | None):
            super().__init__()
            self.label, self.shortcut = label, shortcut
            self.events: list[str] = []

        def on_unlocked(self) -> None:
            self.events.append("unlocked")

        def flush(self) -> bool:
            self.events.append("flush")
            return self.label != "b"  # one that cannot save must not stop the others

        def clear(self) -> None:
            self.events.append("clear")

    window = QMainWindow()
    qtbot.addWidget(window)
    a, b, c = Stub("a", "Ctrl+1"), Stub("b", "Ctrl+2"), Stub("c", None)
    sections = Sections([a, b, c], window)
    window.setCentralWidget(sections.stack)
    shown = []
    sections.shown.connect(shown.append)
    assert [x.shortcut() for x in sections.actions] == [
        QKeySequence("Ctrl+1"),
        QKeySequence("Ctrl+2"),
    ]
    assert all(x in window.actions() for x in sections.actions)
    sections.actions[1].trigger()
    assert sections.stack.currentWidget() is b and shown[-1] is b
    sections.actions[0].trigger()
    assert sections.stack.currentWidget() is a and shown[-1] is a
    sections.on_unlocked()
    assert sections.flush() is False
    sections.clear()
    assert a.events == b.events == c.events == ["unlocked", "flush", "clear"]


def test_a_pane_must_be_a_widget(qtbot):
    class NotAWidget:
        label, shortcut = "x", None

        def on_unlocked(self) -> None: ...

        def flush(self) -> bool:
            return True

        def clear(self) -> None: ...

    window = QMainWindow()
    qtbot.addWidget(window)
    try:
        Sections([NotAWidget()], window)
    except TypeError as exc:
        assert "QWidget" in str(exc)
    else:
        raise AssertionError("a pane that is not a widget was accepted")


def test_no_private_calls_across_objects_in_the_ui():
    """`other._name` only on self or cls: what one object needs of another is public."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
            ):
                found.append(f"{path.relative_to(UI)}:{node.lineno} .{node.attr}")
    assert found == []


def test_every_kind_opens_in_the_one_pane_that_names_it(window, qtbot):
    """Search, Share's log and links open a record through `Sections.opener(kind)`: every
    kind of the register has exactly one pane that opens it (a grounding session opens in
    the grounding flow over any pane), so a new kind's pane plugs in without editing the
    window."""
    from kintsugi.core.repo import REPOSITORIES
    from kintsugi.ui.panes import OpensItems

    for kind in REPOSITORIES:
        if kind == "grounding":
            continue
        openers = [
            p for p in window.sections if isinstance(p, OpensItems) and kind in p.opens_kinds
        ]
        assert len(openers) == 1, (
            f"kind {kind!r} needs exactly one pane that opens it: give its pane "
            f"opens_kinds and open_item (ui/panes.py OpensItems); found {openers}"
        )
        assert window.sections.opener(kind) is openers[0]
    assert window.sections.opener("entry") is window.journal
    assert window.sections.opener("trigger") is window.triggers
    assert window.sections.opener("goal") is window.checkins


def test_search_opens_a_trigger_in_the_triggers_pane(window, qtbot):
    from kintsugi.core.records import Trigger

    saved = window.session.triggers().add(Trigger(situation="A message at midnight", suds_peak=6))
    item_id = saved.id
    window.show_pane(window.journal)
    window.search.open_requested.emit(item_id, "trigger")
    assert window.panes.currentWidget() is window.triggers
    qtbot.waitUntil(lambda: window.triggers.form.trigger_id == item_id, timeout=5_000)

"""Locking from the window: every view cleared, our clipboard content (and only ours) cleared,
and the auto-lock when idle."""

from PySide6.QtGui import QGuiApplication

from tests.helpers import type_entry, unlock


def test_lock_clears_every_view_and_our_clipboard(window, qtbot):
    type_entry(qtbot, window, "Private", "nobody should see this")
    window.search.query.setText("nobody")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5_000)
    window.activateWindow()
    window.journal.editor.body.selectAll()
    window.journal.editor.body.copy()
    assert QGuiApplication.clipboard().text() == "nobody should see this"
    window.lock_action.trigger()
    assert not window.session.is_open and window.screens.currentWidget() is window.unlock
    editor = window.journal.editor
    assert (editor.title.text(), editor.body.toPlainText(), editor.tags.text()) == ("", "", "")
    assert not editor.body.document().isUndoAvailable()
    assert window.journal.model.rowCount() == 0 and window.search.model.rowCount() == 0
    assert window.search.query.text() == "" and window.unlock.passphrase.text() == ""
    assert QGuiApplication.clipboard().text() == ""
    assert window.windowTitle() == "Kintsugi"


def test_lock_leaves_someone_elses_clipboard_alone(window, qtbot):
    type_entry(qtbot, window, "Mine", "copied by me")
    window.journal.editor.body.selectAll()
    window.journal.editor.body.copy()
    clipboard = QGuiApplication.clipboard()
    clipboard.blockSignals(True)  # another application takes the clipboard: we are not told
    clipboard.setText("from another app")
    clipboard.blockSignals(False)
    window.lock()
    assert clipboard.text() == "from another app"


def test_auto_lock_fires_when_idle(window, qtbot):
    type_entry(qtbot, window, "Idle", "then I walked away")
    window.journal.editor.body.setPlainText("then I walked away, unsaved")  # not yet saved
    window.idle.set_interval_ms(300)
    with qtbot.waitSignal(window.session.locked, timeout=5_000):
        pass
    assert window.screens.currentWidget() is window.unlock
    unlock(qtbot, window)
    window.journal.show_journal()  # it opens on the quiet page; the person chooses
    assert window.journal.editor.body.toPlainText() == "then I walked away, unsaved"

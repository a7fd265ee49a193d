"""Keyboard (#15 item 4), with real key presses: Tab leaves every field where a tab
character means nothing, forward Tab walks the trigger form in order, focus is visible on
every button (the gold ones too), every menu action shows its shortcut, Enter presses the
main button of dialogs and exercise pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPlainTextEdit, QPushButton

from tests.helpers import type_entry


def focus_after_tab(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2_000)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_tab_leaves_the_entry_body_the_private_note_and_the_trigger_situation(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    type_entry(qtbot, window, "Title", "words")
    window.nav.setCurrentRow(window.panes.indexOf(window.triggers))
    window.triggers.form.setEnabled(True)
    window.nav.setCurrentRow(0)
    for field in (window.journal.editor.body, window.journal.editor.note):
        before = field.toPlainText()
        moved_to = focus_after_tab(qtbot, field)
        assert moved_to is not field and field.toPlainText() == before and "\t" not in before
    # every multi-line field of the window: a tab means nothing in any of them
    trapped = [
        e.accessibleName() for e in window.findChildren(QPlainTextEdit) if not e.tabChangesFocus()
    ]
    assert trapped == []


def test_forward_tab_reaches_every_field_of_the_trigger_form_in_order(window, qtbot):
    window.activateWindow()
    window.nav.setCurrentRow(window.panes.indexOf(window.triggers))
    form = window.triggers.form
    form.setEnabled(True)
    expected = [
        form.when,
        form.cue,
        form.situation,
        form.suds.slider,
        form.emotions.table,
        form.hot_thought,
        form.belief,
        form.body,
        form.urge,
        form.acted,
        form.action,
        form.suds_after,
        form.note,
        form.share,
    ]
    form.when.setFocus()
    qtbot.waitUntil(form.when.hasFocus, timeout=2_000)
    seen = [form.when]
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        while widget is not None and widget not in expected and widget.parentWidget():
            if widget.parentWidget() in expected:  # a spin box's or combo's own line edit
                widget = widget.parentWidget()
                break
            widget = widget.parentWidget()
        if widget in expected and widget is not seen[-1]:
            seen.append(widget)
        if widget is form.share:
            break
    order = [w for w in seen if w in expected]
    assert order == expected, [w.accessibleName() for w in order]


def test_focus_is_visible_on_the_gold_buttons(window, qtbot):
    window.nav.setCurrentRow(window.panes.indexOf(window.share))
    gold = window.share.bundle_button
    gold.setEnabled(True)
    unfocused = gold.grab().toImage()
    window.activateWindow()
    gold.setFocus()
    qtbot.waitUntil(gold.hasFocus, timeout=2_000)
    focused = gold.grab().toImage()
    assert unfocused != focused  # a ring is drawn
    edge = [focused.pixelColor(x, focused.height() // 2) for x in range(3)]
    assert any(c != unfocused.pixelColor(n, focused.height() // 2) for n, c in enumerate(edge))


def test_every_menu_action_shows_its_shortcut(window):
    actions = {
        a.text(): a.shortcut().toString()
        for menu in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))
        for a in menu.actions()
        if not a.isSeparator()
    }
    for name in ("Settings…", "Quit", "Lock", "Hide and lock", "New entry", "Search…"):
        assert actions.get(name), (name, actions)


def test_dialogs_have_a_default_button(window, qtbot):
    window.on_settings()
    dialog = window.dialog
    qtbot.waitExposed(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isDefault() or ok.autoDefault()
    dialog.activateWindow()
    dialog.open_on.setFocus()
    with qtbot.waitSignal(dialog.accepted, timeout=2_000):
        qtbot.keyClick(dialog.open_on, Qt.Key.Key_Return)


def test_enter_presses_the_main_button_of_an_exercise_page(window, qtbot):
    view = window.exercise
    window.ground_action.trigger()
    qtbot.waitUntil(lambda: window.screens.currentWidget() is view, timeout=2_000)
    view.pages.setCurrentWidget(view.after_page)
    saves = []
    view.save_button.clicked.connect(lambda: saves.append(1))
    view.suds_after.slider.setFocus()
    qtbot.keyClick(view.suds_after.slider, Qt.Key.Key_Return)
    assert saves == [1]
    assert isinstance(view.save_button, QPushButton)


def test_ctrl_1_to_8_show_each_section_and_it_is_highlighted(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    panes = list(window.sections)
    assert len(panes) == 8
    for n, pane in reversed(list(enumerate(panes, start=1))):
        qtbot.keyClick(
            window.nav, Qt.Key(Qt.Key.Key_0.value + n), Qt.KeyboardModifier.ControlModifier
        )
        assert window.panes.currentWidget() is pane, pane.label
        item = window.nav.item(n - 1)
        assert item.isSelected() and window.nav.currentRow() == n - 1  # highlighted
    go = next(m for m in window.menuBar().actions() if m.text() == "&Go").menu()
    shown = {a.text(): a.shortcut().toString() for a in go.actions() if not a.isSeparator()}
    assert shown["Journal"] == "Ctrl+1" and shown["Search"] == "Ctrl+7"
    assert shown["Together"] == "Ctrl+8"
    assert shown["Section list"] == "F9"


def test_the_section_list_folds_away_and_the_keys_still_work(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    qtbot.keyClick(window.panes.currentWidget(), Qt.Key.Key_F9)
    assert not window.nav.isVisible()
    before = window.workspace.minimumSizeHint().width()
    qtbot.keyClick(window.panes.currentWidget(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.panes.currentWidget() is window.checkins
    qtbot.keyClick(window.panes.currentWidget(), Qt.Key.Key_F9)
    assert window.nav.isVisible() and window.workspace.minimumSizeHint().width() > before


def tab_stops(top) -> list:
    """What forward Tab can reach in ``top`` now: shown, enabled, taking Tab focus."""
    from PySide6.QtWidgets import QWidget

    return [
        w
        for w in top.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and w.window() is top
    ]


def walk_with_tab(qtbot, top, start) -> tuple[list, list]:
    """Press Tab from ``start`` round the whole chain; return (every widget reached, those
    that look the same focused as they did before the walk: focus not shown)."""
    stops = tab_stops(top)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(start, Qt.Key.Key_Tab)  # the window now shows keyboard focus
    before = {id(w): w.grab().toImage() for w in stops if not w.hasFocus()}
    reached, unseen = [], []
    for _ in range(4 * len(stops) + 40):
        qtbot.keyClick(QApplication.focusWidget() or top, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is None:
            break
        if reached and widget is reached[-1]:
            continue  # a date's day, month and year take a Tab each
        if widget in reached:
            break
        reached.append(widget)
        if id(widget) in before and widget.grab().toImage() == before[id(widget)]:
            unseen.append(widget)
    return reached, unseen


def named(widget) -> str:
    return f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"


def test_tab_reaches_every_control_of_every_screen_and_shows_where_it_is(
    make_window, long_journal, qtbot
):
    """On every section, tab, exercise page and dialog, with a journal that has records:
    forward Tab reaches every control shown, and each one looks different while it has
    the focus (a ring, a frame, a highlighted row): no Tab stop where the focus vanishes."""
    from PySide6.QtWidgets import QDialog

    from kintsugi.ui.grounding.view import BUILT_IN
    from tests.helpers import every_tab, unlock

    window = make_window(long_journal)
    window.resize(1100, 720)
    unlock(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    window.journal.show_journal()
    window.journal.select_row(0)
    missed, unseen, screens = [], [], 0

    def check(top, where, start):
        nonlocal screens
        screens += 1
        QApplication.processEvents()
        reached, hidden = walk_with_tab(qtbot, top, start)
        missed.extend(f"{where}: {named(w)}" for w in tab_stops(top) if w not in reached)
        unseen.extend(f"{where}: {named(w)}" for w in hidden)

    for name in every_tab(window):
        if name.startswith(window.nav.item(1).text()):  # a trigger open in its form
            window.triggers.open_trigger(window.session.triggers().timeline()[0].id)
        check(window, name, window.nav)
    flow = window.grounding_flow
    for technique in BUILT_IN:
        flow.start_exercise(technique)
        for page in ("before", "running", "after"):
            if page == "running":
                window.exercise.begin(rated=True)
            elif page == "after":
                window.exercise.stop_button.click()
            check(window, f"{technique}, {page}", window.exercise)
        window.exercise.leave()
    for opener in (
        window.on_settings,
        window.on_trash,
        window.file_actions.on_restore,
        flow.on_support,
        flow.on_quick_log,
    ):
        opener()
        QApplication.processEvents()
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible():
                top.activateWindow()
                qtbot.waitUntil(lambda top=top: QApplication.activeWindow() is top, timeout=2_000)
                check(top, type(top).__name__, tab_stops(top)[0])
                top.close()
    assert screens >= 30
    assert not missed, "Tab never reaches:\n" + "\n".join(missed)
    assert not unseen, "focus not shown on:\n" + "\n".join(unseen)


def test_every_dialog_has_a_default_button_and_it_is_never_destructive(window, qtbot):
    """Enter presses each dialog's main button: a safe one (Restore, not Empty trash; Save to
    a file, not Copy to the clipboard), and in the trash it restores the newest item."""
    from PySide6.QtWidgets import QDialog

    from kintsugi.ui.share.dialogs import BundleDialog
    from kintsugi.ui.unlock.recovery import RecoveryUnlockDialog

    gone = type_entry(qtbot, window, "Gone", "to the trash")
    window.journal.delete_current()
    flow = window.grounding_flow
    found = {}

    def defaults(where):
        QApplication.processEvents()
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible() and type(top).__name__ not in found:
                buttons = [b for b in top.findChildren(QPushButton) if b.isVisible()]
                found[type(top).__name__] = [b.text() for b in buttons if b.isDefault()]

    for opener in (
        window.on_settings,
        window.file_actions.on_restore,
        flow.on_support,
        flow.on_quick_log,
        lambda: window.show_recovery_key("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ"),
        lambda: BundleDialog(window.session, window).show(),
        lambda: RecoveryUnlockDialog(window).show(),
    ):
        opener()
        defaults("")
        if type(window.dialog).__name__ == "SettingsDialog":
            settings = window.dialog
            for sub in (
                settings.open_techniques_dialog,
                settings.open_keys_dialog,
                lambda s=settings: s.open_passphrase_dialog(False),
            ):
                sub()
                defaults("settings")
                for top in QApplication.topLevelWidgets():
                    if isinstance(top, QDialog) and top.isVisible() and top is not settings:
                        top.close()
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible():
                top.close()
    window.on_trash()
    trash = window.dialog
    defaults("trash")
    assert len(found) >= 11, found
    for name, pressed in found.items():
        assert len(pressed) == 1, (name, pressed)
        assert not {"Empty", "Remove", "Delete", "Copy"} & set(pressed[0].split()), (name, pressed)
    trash.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is trash, timeout=2_000)
    trash.list.setFocus()
    qtbot.keyClick(trash.list, Qt.Key.Key_Return)
    assert trash.list.count() == 0 and window.journal.model.row_of(gone) >= 0
    trash.close()


def test_every_shortcut_is_shown_in_a_menu(window):
    """An action with a key is in a menu of the menu bar, or in its list's context menu
    (Ctrl+Shift+S to mark for sharing), where its key is written beside it."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    shown = {
        id(a)
        for menu in window.menuBar().findChildren(QMenu)
        for a in menu.actions()
        if not a.isSeparator()
    }
    hidden = []
    for action in window.findChildren(QAction):
        if not action.shortcut().toString() or id(action) in shown:
            continue
        owner = action.parent()
        in_context_menu = (
            owner is not None
            and hasattr(owner, "contextMenuPolicy")
            and owner.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
            and action in owner.actions()
        )
        if not in_context_menu:
            hidden.append(f"{action.text()!r} {action.shortcut().toString()}")
    assert len(shown) >= 25
    assert not hidden, hidden

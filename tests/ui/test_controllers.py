"""The window's two controllers are composed, with explicit typed dependencies — not mixins
reaching into the window: each works with any `Shell`, and the window is one."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from kintsugi.ui.app_settings import AppSettings
from kintsugi.ui.file_actions import FileActions
from kintsugi.ui.grounding.flow import GroundingFlow
from kintsugi.ui.grounding.pane import GroundingPane
from kintsugi.ui.grounding.view import ExerciseView
from kintsugi.ui.idle import IdleWatcher
from kintsugi.ui.main_window import MainWindow
from kintsugi.ui.session import Session
from kintsugi.ui.shell import Shell
from kintsugi.ui.triggers.pane import TriggersPane
from kintsugi.ui.unlock.pane import UnlockPane
from kintsugi.ui.unlock.welcome import WelcomePane


class RecordingShell:
    """A Shell that only writes down what it was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.dialogs: list[QDialog] = []

    def flush(self) -> bool:
        self.asked.append("flush")
        return True

    def lock(self) -> bool:
        self.asked.append("lock")
        return True

    def show_start(self) -> None:
        self.asked.append("start")

    def show_workspace(self) -> None:
        self.asked.append("workspace")

    def show_exercise_screen(self) -> None:
        self.asked.append("exercise")

    def on_exercise_screen(self) -> bool:
        return "exercise" in self.asked

    def show_pane(self, pane) -> None:
        self.asked.append(f"pane {type(pane).__name__}")

    def open_dialog(self, dialog: QDialog, *, delete_on_close: bool = True) -> None:
        self.dialogs.append(dialog)


def test_the_window_composes_its_controllers_instead_of_inheriting_them():
    assert MainWindow.__mro__[1] is QMainWindow
    assert not issubclass(MainWindow, (GroundingFlow, FileActions))
    assert AppSettings.__module__ == "kintsugi.ui.app_settings"  # not in the settings dialog


def test_the_grounding_flow_works_with_any_shell(qtbot, existing_vault):
    session = Session(existing_vault)  # locked: "Breathe now" before unlocking
    window = QWidget()
    qtbot.addWidget(window)
    shell = RecordingShell()
    assert {m for m in vars(Shell) if not m.startswith("_")} <= set(dir(shell))
    exercise = ExerciseView(session)
    unlock = UnlockPane()
    flow = GroundingFlow(
        session,
        shell,
        window,
        exercise=exercise,
        grounding=GroundingPane(session),
        triggers=TriggersPane(session),
        entry_screens=(unlock, WelcomePane()),
        idle=IdleWatcher(QApplication.instance(), window),
    )
    unlock.breathe_requested.emit()
    assert shell.asked == ["exercise"]  # nothing to save while locked: no flush
    unlock.breathe_requested.emit()  # already there: nothing more
    assert shell.asked == ["exercise"]
    exercise.closed.emit(None)
    assert shell.asked == ["exercise", "start"]  # still locked: back to the unlock screen
    flow.on_quick_log()  # needs the vault: nothing happens while locked
    assert shell.dialogs == []


def test_file_actions_open_their_dialog_through_the_shell(qtbot, existing_vault):
    from kintsugi.ui.dialogs.restore import RestoreDialog
    from kintsugi.ui.share.pane import SharePane

    session = Session(existing_vault)
    window = QWidget()
    qtbot.addWidget(window)
    shell = RecordingShell()
    actions = FileActions(session, shell, window, unlock=UnlockPane(), share=SharePane(session))
    actions.on_restore()
    assert [type(d) for d in shell.dialogs] == [RestoreDialog]
    assert shell.dialogs[0].parent() is window

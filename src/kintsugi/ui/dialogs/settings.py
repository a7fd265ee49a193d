"""Settings kept inside the vault (auto-lock, theme, text size, first day of week), plus
the passphrase and recovery key actions, which run the atomic re-key off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core.errors import WrongPassphrase
from kintsugi.core.i18n import marked
from kintsugi.core.support_card import card_path
from kintsugi.ui import discretion, i18n
from kintsugi.ui.app_settings import AppSettings
from kintsugi.ui.messages import describe
from kintsugi.ui.session import Session
from kintsugi.ui.theme import TEXT_SIZES, THEMES
from kintsugi.ui.unlock.passphrase import PassphraseField, StrengthMeter, too_short
from kintsugi.ui.widgets.reflow import scrolling
from kintsugi.ui.widgets.screen_fit import fit_to_screen
from kintsugi.ui.workers import run_in_background

DAYS = (Qt.DayOfWeek.Monday, Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday)
THEME_NAMES = {
    "system": QT_TRANSLATE_NOOP("SettingsDialog", "Like the system"),
    "light": QT_TRANSLATE_NOOP("SettingsDialog", "Light"),
    "dark": QT_TRANSLATE_NOOP("SettingsDialog", "Dark"),
}


class SettingsDialog(QDialog):
    applied = Signal(object)  # AppSettings
    recovery_key_made = Signal(str)
    techniques_changed = Signal()
    use_elsewhere_requested = Signal()  # Use on another computer (ui/sync/dialog.py)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Settings"))
        current = AppSettings.load(session.settings())
        self.autolock = QSpinBox(minimum=0, maximum=240, value=current.autolock_minutes)
        self.autolock.setSpecialValueText(self.tr("Never"))
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setAccessibleName(self.tr("Lock after idle minutes"))
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Theme"))
        for name in THEMES:
            self.theme.addItem(marked("SettingsDialog", THEME_NAMES[name]), name)
        self.theme.setCurrentIndex(max(0, self.theme.findData(current.theme)))
        self.text_size = QComboBox()
        self.text_size.setAccessibleName(self.tr("Text size"))
        for percent in TEXT_SIZES:
            self.text_size.addItem(
                self.tr("%1 % (as the system)").replace("%1", "100")
                if percent == 100
                else self.tr("%1 %").replace("%1", str(percent)),
                percent,
            )
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(current.text_size)))
        self.first_day = QComboBox()
        self.first_day.setAccessibleName(self.tr("First day of the week"))
        for value in DAYS:
            self.first_day.addItem(QLocale().dayName(int(value.value)), int(value.value))
        self.first_day.setCurrentIndex(max(0, self.first_day.findData(current.first_day_of_week)))

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Like the system"), "system")
        for code, name in i18n.LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.chosen_language())))
        self.language_note = QLabel(
            self.tr("A new language shows the next time you open Kintsugi."),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.language_note.setProperty("role", "subtle")
        self.reduced_motion = QCheckBox(  # type: ignore[call-overload]
            self.tr("Reduce motion (the breathing pacer becomes words and a bar)"),
            checked=current.reduced_motion,
        )
        self.reduced_motion.setAccessibleName(self.tr("Reduce motion"))
        self.before_unlock = QCheckBox(  # type: ignore[call-overload]
            self.tr("Show my support contacts and crisis line on the lock screen"),
            checked=session.support_contacts().before_unlock(),
        )
        self.before_unlock.setAccessibleName(
            self.tr("Show my support contacts and crisis line on the lock screen")
        )
        self.before_unlock_note = QLabel(
            self.tr(
                "To show them before you unlock, Kintsugi keeps their names, numbers and notes "
                "in a small file on this computer that is not encrypted: anyone who can open "
                "your files here could read those lines. Nothing else from your journal goes "
                "in it. Turn this off and the file is deleted.\n%1"
            ).replace("%1", str(card_path())),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.before_unlock_note.setProperty("role", "note")
        self.before_unlock_note.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.techniques_button = QPushButton(self.tr("My grounding techniques…"))
        self.techniques_button.setAccessibleName(self.tr("My grounding techniques"))
        self.techniques_button.clicked.connect(self.open_techniques_dialog)
        self.keys_button = QPushButton(self.tr("My sharing key and address book…"))
        self.keys_button.setAccessibleName(self.tr("My sharing key and address book"))
        self.keys_button.clicked.connect(self.open_keys_dialog)
        self.elsewhere_button = QPushButton(self.tr("Use on another computer…"))
        self.elsewhere_button.setAccessibleName(self.tr("Use on another computer"))
        self.elsewhere_button.clicked.connect(self.use_elsewhere_requested)
        self.passwd_button = QPushButton(self.tr("Change passphrase…"))
        self.passwd_button.setAccessibleName(self.tr("Change passphrase"))
        self.passwd_button.clicked.connect(lambda: self.open_passphrase_dialog(False))
        self.recovery_button = QPushButton(self.tr("Make a new recovery key…"))
        self.recovery_button.setAccessibleName(self.tr("Make a new recovery key"))
        self.recovery_button.clicked.connect(lambda: self.open_passphrase_dialog(True))

        form = QFormLayout()
        form.addRow(self.tr("Lock after"), self.autolock)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Text size"), self.text_size)
        form.addRow(self.tr("Weeks start on"), self.first_day)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow("", self.reduced_motion)
        form.addRow("", self.before_unlock)
        form.addRow("", self.before_unlock_note)
        # Discretion: for whoever may glance at the screen or the launcher.
        self.open_on = QComboBox()
        self.open_on.setAccessibleName(self.tr("When the journal opens"))
        self.open_on.addItem(self.tr("a quiet page (nothing I wrote on screen)"), "start")
        self.open_on.addItem(self.tr("my last entry"), "last")
        self.open_on.setCurrentIndex(max(0, self.open_on.findData(current.open_on)))
        self.neutral = QCheckBox(
            self.tr("Call the app “Notes”, with a plain icon (window, launcher)")
        )
        self.neutral.setChecked(discretion.neutral_name())
        self.neutral.setAccessibleName(self.tr("Use a neutral name and icon"))
        self.file_name = QCheckBox(self.tr("Show the journal file's name on the lock screen"))
        self.file_name.setChecked(discretion.show_file_name())
        self.file_name.setAccessibleName(self.tr("Show the journal file's name on the lock screen"))
        self.on_this_day = QCheckBox(self.tr("Show “On this day” in the journal"))
        self.on_this_day.setChecked(current.on_this_day)
        self.on_this_day.setAccessibleName(self.tr("Show On this day in the journal"))
        self.on_this_day.setToolTip(
            self.tr("Entries written on today's date in earlier years. Past days can hurt too.")
        )
        form.addRow(self.tr("Open on"), self.open_on)
        form.addRow("", self.on_this_day)
        form.addRow("", self.neutral)
        form.addRow("", self.file_name)
        form.addRow(
            "",
            QLabel(
                self.tr("Hide and lock at once, whatever is open: Ctrl+Shift+L."),
                wordWrap=True,
                textFormat=Qt.TextFormat.PlainText,
            ),
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.on_accepted)
        buttons.rejected.connect(self.reject)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(form)
        layout.addWidget(self.techniques_button)
        layout.addWidget(self.keys_button)
        layout.addWidget(self.elsewhere_button)
        layout.addWidget(self.passwd_button)
        layout.addWidget(self.recovery_button)
        outer = QVBoxLayout(self)  # the settings scroll; OK and Cancel stay in view
        self._area = scrolling(content)
        outer.addWidget(self._area, 1)
        outer.addWidget(buttons)
        self._content, self._fitted = content, False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Open as tall as the settings are, as far as the screen allows (Qt's own first
        size is two thirds of it at most: five settings at 960 × 540, the rest scrolled)."""
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            chrome = self.height() - self._area.height()  # the buttons and the margins
            wanted = self._content.sizeHint().height() + chrome
            fit_to_screen(self, (self.width(), max(self.height(), wanted)))

    def values(self) -> AppSettings:
        return AppSettings(
            self.autolock.value(),
            self.theme.currentData(),
            self.text_size.currentData(),
            self.first_day.currentData(),
            self.reduced_motion.isChecked(),
            self.open_on.currentData(),
            self.on_this_day.isChecked(),
        )

    def on_accepted(self) -> None:
        values = self.values()
        values.save(self.session.settings())
        i18n.save_language(self.language.currentData())  # this computer's, not the journal's
        self.session.support_contacts().set_before_unlock(self.before_unlock.isChecked())
        if self.neutral.isChecked() != discretion.neutral_name():
            discretion.write_desktop_entry(self.neutral.isChecked())
        discretion.set_choices(
            neutral=self.neutral.isChecked(), file_name=self.file_name.isChecked()
        )
        self.applied.emit(values)
        self.accept()

    def open_techniques_dialog(self) -> None:
        from kintsugi.ui.dialogs.techniques import TechniquesDialog

        self.techniques_dialog = TechniquesDialog(self.session, self)
        self.techniques_dialog.accepted.connect(self.techniques_changed)
        self.techniques_dialog.open()

    def open_keys_dialog(self) -> None:
        from kintsugi.ui.share.dialogs import SharingSettingsDialog

        self.keys_dialog = SharingSettingsDialog(self.session, self)
        self.keys_dialog.open()

    def open_passphrase_dialog(self, keep_passphrase: bool) -> None:
        self.passphrase_dialog = PassphraseChangeDialog(self.session, keep_passphrase, self)
        self.passphrase_dialog.recovery_key_made.connect(self.recovery_key_made)
        self.passphrase_dialog.open()


class PassphraseChangeDialog(QDialog):
    """Change the passphrase — or keep it and draw a new salt, which makes a new recovery key."""

    recovery_key_made = Signal(str)

    def __init__(self, session: Session, keep_passphrase: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.keep = keep_passphrase
        self.setWindowTitle(
            self.tr("New recovery key") if keep_passphrase else self.tr("Change passphrase")
        )
        self.current = PassphraseField(self.tr("Current passphrase"))
        self.new = PassphraseField(self.tr("New passphrase"))
        self.repeat = PassphraseField(self.tr("Repeat the new passphrase"))
        self.meter = StrengthMeter(self.new)
        note = QLabel(
            self.tr("The old recovery key will stop working.")
            if keep_passphrase
            else self.tr(
                "Your journal is re-encrypted into a fresh copy; the old file is "
                "replaced only once the copy checks out. The old recovery key "
                "will stop working."
            ),
            wordWrap=True,
            textFormat=Qt.TextFormat.PlainText,
        )
        note.setProperty("role", "subtle")
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setProperty("role", "error")
        self.busy = QProgressBar(minimum=0, maximum=0, visible=False, textVisible=False)  # type: ignore[call-arg]
        self.busy.setAccessibleName(self.tr("Re-encrypting"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        if not keep_passphrase:
            for w in (self.new, self.meter, self.repeat):
                layout.addWidget(w)
        for bottom in (note, self.message, self.busy, self.buttons):
            layout.addWidget(bottom)

    def on_accepted(self) -> None:
        current = self.current.text()
        new = current if self.keep else self.new.text()
        if not self.keep and (problem := too_short(new)):
            self.message.setText(problem)
            return
        if not self.keep and new != self.repeat.text():
            self.message.setText(self.tr("The two new passphrases are different."))
            return
        vault = self.session.vault
        if vault is None:
            self.reject()
            return
        self.setEnabled(False)
        self.busy.show()
        self.message.clear()

        def work() -> str:
            if not vault.verify_passphrase(current):
                raise WrongPassphrase(self.tr("That is not the current passphrase."))
            from kintsugi.core import backups

            backups.take_backup(vault, "before-passphrase-change")
            vault.change_passphrase(new)
            return vault.recovery_key()

        run_in_background(work, self.on_done, self.on_failed)

    def on_done(self, recovery_key: str) -> None:
        self.busy.hide()
        self.setEnabled(True)
        self.accept()
        if self.keep:
            self.recovery_key_made.emit(recovery_key)

    def on_failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.setEnabled(True)
        self.message.setText(
            describe(exc)
            if not isinstance(exc, WrongPassphrase)
            else self.tr("That is not the current passphrase.")
        )

"""Passphrase entry: show/hide, a Caps Lock hint, and a live strength meter (zxcvbn)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kintsugi.core import passphrases
from kintsugi.core.i18n import marked

ZXCVBN_MAX_CHARS = 100  # zxcvbn is slow on very long input; the first 100 decide anyway
MIN_LENGTH = passphrases.MIN_LENGTH  # the core's rule: the CLI keeps the same one


def too_short(text: str) -> str | None:
    """The message for a passphrase below the minimum, else None."""
    if passphrases.long_enough(text):
        return None
    return QCoreApplication.translate("passphrase", "Please use at least %1 characters.").replace(
        "%1", str(MIN_LENGTH)
    )


def eye_icon(shown: bool) -> QIcon:
    """An eye (open when the text is shown, struck through when hidden), in the text colour."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    p.setPen(QPen(colour, 2.4))
    p.drawEllipse(QRectF(4, 9, 24, 14))
    p.setBrush(colour)
    p.drawEllipse(QRectF(12.5, 12.5, 7, 7))
    if not shown:
        p.drawLine(6, 27, 26, 5)
    p.end()
    return QIcon(pixmap)


# zxcvbn's advice (its own texts are English), so a translation can carry it too.
ZXCVBN_ADVICE = {
    QT_TRANSLATE_NOOP("zxcvbn", "A word by itself is easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "Add another word or two. Uncommon words are better."),
    QT_TRANSLATE_NOOP("zxcvbn", "All-uppercase is almost as easy to guess as all-lowercase."),
    QT_TRANSLATE_NOOP("zxcvbn", "Avoid dates and years that are associated with you."),
    QT_TRANSLATE_NOOP("zxcvbn", "Avoid recent years."),
    QT_TRANSLATE_NOOP("zxcvbn", "Avoid repeated words and characters."),
    QT_TRANSLATE_NOOP("zxcvbn", "Avoid sequences."),
    QT_TRANSLATE_NOOP("zxcvbn", "Avoid years that are associated with you."),
    QT_TRANSLATE_NOOP("zxcvbn", "Capitalization doesn't help very much."),
    QT_TRANSLATE_NOOP("zxcvbn", "Common names and surnames are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "Dates are often easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "Names and surnames by themselves are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "No need for symbols, digits, or uppercase letters."),
    QT_TRANSLATE_NOOP(
        "zxcvbn", "Predictable substitutions like '@' instead of 'a' don't help very much."
    ),
    QT_TRANSLATE_NOOP("zxcvbn", "Recent years are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", 'Repeats like "aaa" are easy to guess.'),
    QT_TRANSLATE_NOOP(
        "zxcvbn", 'Repeats like "abcabcabc" are only slightly harder to guess than "abc".'
    ),
    QT_TRANSLATE_NOOP("zxcvbn", "Reversed words aren't much harder to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", 'Sequences like "abc" or "6543" are easy to guess.'),
    QT_TRANSLATE_NOOP("zxcvbn", "Short keyboard patterns are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "Straight rows of keys are easy to guess."),
    QT_TRANSLATE_NOOP("zxcvbn", "This is a top-10 common password."),
    QT_TRANSLATE_NOOP("zxcvbn", "This is a top-100 common password."),
    QT_TRANSLATE_NOOP("zxcvbn", "This is a very common password."),
    QT_TRANSLATE_NOOP("zxcvbn", "This is similar to a commonly used password."),
    QT_TRANSLATE_NOOP("zxcvbn", "Use a few words, avoid common phrases."),
    QT_TRANSLATE_NOOP("zxcvbn", "Use a longer keyboard pattern with more turns."),
}


def advice_text(text: str) -> str:
    return marked("zxcvbn", text) if text in ZXCVBN_ADVICE else text


class PassphraseField(QLineEdit):
    """A password line edit with a show/hide action and Caps Lock detection."""

    caps_lock_changed = Signal(bool)

    def __init__(self, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAccessibleName(accessible_name)
        self.setPlaceholderText(accessible_name)
        self._toggle = QAction(eye_icon(shown=False), self.tr("Show"), self)
        self._toggle.setCheckable(True)
        self._toggle.setToolTip(self.tr("Show or hide the passphrase"))
        self._toggle.toggled.connect(self.on_toggle_toggled)
        self.addAction(self._toggle, QLineEdit.ActionPosition.TrailingPosition)
        self.caps_lock = False

    def clear(self) -> None:
        """Empty the field and its undo history (QLineEdit.clear() keeps the undo steps: one
        Ctrl+Z in the hidden unlock field would bring the passphrase back)."""
        self.setText("")

    @property
    def toggle_action(self) -> QAction:
        return self._toggle

    def on_toggle_toggled(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self._toggle.setText(self.tr("Hide") if shown else self.tr("Show"))
        self._toggle.setIcon(eye_icon(shown))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if len(text) == 1 and text.isalpha() and text.lower() != text.upper():
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            caps = text.isupper() != shift
            if caps != self.caps_lock:
                self.caps_lock = caps
                self.caps_lock_changed.emit(caps)
        super().keyPressEvent(event)


class StrengthMeter(QWidget):
    """A bar from 0 to 4 and one line of advice, updated shortly after typing stops."""

    WORDS = (
        QT_TRANSLATE_NOOP("StrengthMeter", "Very weak"),
        QT_TRANSLATE_NOOP("StrengthMeter", "Weak"),
        QT_TRANSLATE_NOOP("StrengthMeter", "Fair"),
        QT_TRANSLATE_NOOP("StrengthMeter", "Strong"),
        QT_TRANSLATE_NOOP("StrengthMeter", "Very strong"),
    )

    def __init__(self, field: QLineEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.bar = QProgressBar(objectName="strength", minimum=0, maximum=4, textVisible=False)  # type: ignore[call-arg]
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.label.setProperty("role", "subtle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        self.score = 0
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.update_now)
        field.textChanged.connect(self._timer.start)
        self.update_now()

    def update_now(self) -> None:
        text = self.field.text()
        if not text:
            self.score = 0
            self.bar.setValue(0)
            self.label.setText(self.tr("Several unusual words make a strong passphrase."))
            return
        from zxcvbn import zxcvbn

        result = zxcvbn(text[:ZXCVBN_MAX_CHARS])
        self.score = int(result["score"])
        self.bar.setValue(self.score)
        feedback = result.get("feedback") or {}
        warning = feedback.get("warning")
        advice = advice_text(warning) if warning else ""
        advice = advice or " ".join(advice_text(s) for s in feedback.get("suggestions") or [])
        word = marked("StrengthMeter", self.WORDS[self.score])
        self.label.setText(f"{word}. {advice}".strip())
        self.bar.setAccessibleDescription(word)


def centre(screen: QWidget, column: QWidget) -> None:
    """Lay ``column`` out in the middle of ``screen`` (wrapped labels keep their full height);
    on a small screen (960 × 540 logical pixels at 200 %) it scrolls instead of growing."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFrame, QScrollArea

    inner = QWidget()
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(column)
    row.addStretch(1)
    v = QVBoxLayout(inner)
    v.addStretch(1)
    v.addLayout(row)
    v.addStretch(2)
    area = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)  # type: ignore[call-arg]
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields and buttons take Tab
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(inner)
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)

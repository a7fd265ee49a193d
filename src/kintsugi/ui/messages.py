"""What a person reads when something goes wrong: one calm sentence and a next step."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kintsugi.core import errors

CONTEXT = "messages"

# Most specific first: the first class the error is an instance of speaks for it.
# (QT_TRANSLATE_NOOP marks the strings for translators; describe() translates them.)
_MESSAGES: tuple[tuple[type[BaseException], str], ...] = (
    (
        errors.JournalTailUnreadable,
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "The last changes before the crash could not be read; everything before them "
            "is here. Their file is kept next to the vault, unchanged.",
        ),
    ),
    (
        errors.ForeignJournalSetAside,
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "A leftover change file that does not belong to this journal was set aside "
            "next to it; nothing of yours was changed.",
        ),
    ),
    (
        errors.InvalidRecoveryKey,
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "That recovery key doesn't open this vault. Check it for typing mistakes; "
            "a recovery key changes whenever the passphrase changes.",
        ),
    ),
    (
        errors.WrongPassphrase,
        QT_TRANSLATE_NOOP(
            CONTEXT, "That passphrase doesn't open this vault. Check Caps Lock and try again."
        ),
    ),
    (
        errors.VaultTooNew,
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "This vault was saved by a newer version of Kintsugi. Update Kintsugi to "
            "open it; the file has not been changed.",
        ),
    ),
    (
        errors.PlainSQLiteFile,
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "This is an ordinary database file, not a Kintsugi vault. "
            "Choose your vault with File → Open vault…",
        ),
    ),
    (
        errors.NotAVault,
        QT_TRANSLATE_NOOP(
            CONTEXT, "This file isn't a Kintsugi vault. Choose your vault with File → Open vault…"
        ),
    ),
    (
        errors.VaultCorrupted,
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "This vault is damaged, so Kintsugi won't write to it. Your backups are "
            "untouched: restore the newest one, or ask for help with `kintsugi check`.",
        ),
    ),
    (
        errors.VaultInUse,
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "This vault is already open in another Kintsugi window. "
            "Switch to that window, or close it and try again.",
        ),
    ),
    (
        errors.VaultReadOnly,
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "This vault or its folder is read-only, so nothing could be saved. Move it "
            "to a folder you can write to, or change its permissions.",
        ),
    ),
    (
        errors.DiskFull,
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "The disk is full, so this couldn't be saved yet. Free some space; "
            "your text is still here and everything saved before is safe.",
        ),
    ),
    (
        errors.VaultNotFound,
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "There's no vault at this place any more. Open another with File → Open "
            "vault…, or create a new one.",
        ),
    ),
)


def describe(exc: BaseException) -> str:
    """A human message for any error the engine can report (never a traceback)."""
    for cls, text in _MESSAGES:
        if isinstance(exc, cls):
            return QCoreApplication.translate(CONTEXT, text)
    if isinstance(exc, errors.KintsugiError):
        return str(exc)
    return QCoreApplication.translate(
        CONTEXT, "Something unexpected went wrong. Nothing you saved has been lost."
    )

"""What a person reads when something goes wrong: one calm sentence and a next step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kintsugi.core import errors


def _tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def describe(exc: BaseException) -> str:
    """A human message for any error the engine can report (never a traceback)."""
    if isinstance(exc, errors.InvalidRecoveryKey):
        return _tr("That recovery key doesn't open this vault. Check it for typing mistakes; "
                   "a recovery key changes whenever the passphrase changes.")
    if isinstance(exc, errors.WrongPassphrase):
        return _tr("That passphrase doesn't open this vault. Check Caps Lock and try again.")
    if isinstance(exc, errors.VaultTooNew):
        return _tr("This vault was saved by a newer version of Kintsugi. Update Kintsugi to "
                   "open it; the file has not been changed.")
    if isinstance(exc, errors.PlainSQLiteFile):
        return _tr("This is an ordinary database file, not a Kintsugi vault. "
                   "Choose your vault with File → Open vault…")
    if isinstance(exc, errors.NotAVault):
        return _tr("This file isn't a Kintsugi vault. Choose your vault with File → Open vault…")
    if isinstance(exc, errors.VaultCorrupted):
        return _tr("This vault is damaged, so Kintsugi won't write to it. Your backups are "
                   "untouched: restore the newest one, or ask for help with `kintsugi check`.")
    if isinstance(exc, errors.VaultInUse):
        return _tr("This vault is already open in another Kintsugi window. "
                   "Switch to that window, or close it and try again.")
    if isinstance(exc, errors.VaultReadOnly):
        return _tr("This vault or its folder is read-only, so nothing could be saved. Move it "
                   "to a folder you can write to, or change its permissions.")
    if isinstance(exc, errors.DiskFull):
        return _tr("The disk is full, so this couldn't be saved yet. Free some space; "
                   "your text is still here and everything saved before is safe.")
    if isinstance(exc, errors.VaultNotFound):
        return _tr("There's no vault at this place any more. Open another with File → Open "
                   "vault…, or create a new one.")
    if isinstance(exc, errors.KintsugiError):
        return str(exc)
    return _tr("Something unexpected went wrong. Nothing you saved has been lost.")

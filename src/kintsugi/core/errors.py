"""Every error the engine reports to a person, and its one text.

Each carries a one-line message meant for humans and the CLI exit code
(0 ok, 1 usage, 2 wrong passphrase / not a vault, 3 corrupted, 4 other I/O).
Anything that is not a ``KintsugiError`` is a bug.

Every subclass lives here, and its ``default_message`` is its one English text: the CLI
prints it, and the app shows it through ``ui/messages.py`` (whose table lists the same
texts for Qt's translation; ``tests/ui/test_messages.py`` keeps the two equal). A message
given when raising (a path, a line of a file, a reason) is specific: both fronts show it
as it is.
"""

from __future__ import annotations

import errno
from pathlib import Path

from kintsugi.core.i18n import arg, translate


class KintsugiError(Exception):
    exit_code = 4
    default_message = "Something went wrong."

    def __init__(self, message: str | None = None):
        #: True when the message says more than the class's text (shown as it is).
        self.specific = message is not None
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        return str(self)

    def text_fields(self) -> dict[str, object]:
        """What the class's text names in ``{braces}`` (see :class:`JournalNotice`)."""
        return {}


# --- exit code 2: cannot open this as a vault -------------------------------
class NotAVault(KintsugiError):
    exit_code = 2
    default_message = (
        "This file is not a Kintsugi journal file; it was not changed. Choose your journal file."
    )


class PlainSQLiteFile(NotAVault):
    default_message = (
        "This is an ordinary, unencrypted SQLite database, not a Kintsugi journal file; it was not "
        "changed. Choose your journal file."
    )


class WrongPassphrase(NotAVault):
    default_message = (
        "That passphrase does not open this journal file. Check Caps Lock and try again."
    )


class InvalidRecoveryKey(NotAVault):
    default_message = (
        "That recovery key does not open this journal file. Check it for typing mistakes; a "
        "recovery key changes whenever the passphrase changes."
    )


class VaultTooNew(NotAVault):
    default_message = (
        "This journal file was saved by a newer version of Kintsugi. "
        "Update Kintsugi to open it; the file has not been changed."
    )


# --- exit code 3: damaged -----------------------------------------------------
class VaultCorrupted(KintsugiError):
    exit_code = 3
    default_message = (
        "This journal file is damaged (some pages fail their integrity check), so Kintsugi will"
        " not "
        "write to it. Your backups are untouched: restore the newest one, or look closer "
        "with `kintsugi check`."
    )


# --- exit code 4: the environment ------------------------------------------
class StorageError(KintsugiError):
    exit_code = 4
    default_message = "The journal file could not be read or written."


class VaultNotFound(StorageError):
    default_message = (
        "There is no journal file at this place. Open another one, or create a new one."
    )


class VaultExists(StorageError):
    default_message = "A file already exists at that path; it was left untouched."


class VaultReadOnly(StorageError):
    default_message = (
        "This journal file or its folder is read-only, so nothing could be saved. Move it to a "
        "folder you can write to, or change its permissions."
    )


class DiskFull(StorageError):
    default_message = (
        "The disk is full, so this could not be saved. Free some space and try again; "
        "everything saved before is safe."
    )


class VaultInUse(StorageError):
    default_message = (
        "This journal file is already open in another Kintsugi window or process. Close it there, "
        "or switch to it, and try again."
    )


class CipherUnavailable(StorageError):
    default_message = "SQLCipher is not available: refusing to write a journal without encryption."


class DerivationCancelled(KintsugiError):
    exit_code = 130
    default_message = "Stopped before the journal file was opened; nothing was changed."


class VaultLocked(KintsugiError):
    default_message = "The journal file is locked."


# --- records ------------------------------------------------------------------
class RecordNotFound(KintsugiError):
    exit_code = 1
    default_message = "No such record."


class InvalidRecord(KintsugiError):
    exit_code = 1
    default_message = "That record is not valid."
    #: Which record of a batch (``Repository.add_batch``) it is.
    index = 0


class AttachmentRefused(InvalidRecord):
    """A file not attached: too large, not what it claims, damaged or hostile (exit 2, as
    for a file ``import`` refuses)."""

    exit_code = 2
    default_message = "That file cannot be attached; nothing was stored."


# --- notices: not raised, shown once after opening ------------------------------
class JournalNotice(KintsugiError):
    """Something was done to a leftover change file (``-wal``) before opening."""

    default_message = "A leftover change file was dealt with before opening; it is at {kept_at}."

    def __init__(self, kept_at: object = None, message: str | None = None):
        self.kept_at = kept_at
        super().__init__(message or self.default_message.format(**self.text_fields()))
        self.specific = message is not None

    def text_fields(self) -> dict[str, object]:
        return {
            "kept_at": self.kept_at
            if self.kept_at is not None
            else translate("errors", "a file next to the journal file")
        }


class ForeignJournalSetAside(JournalNotice):
    exit_code = 0
    default_message = (
        "A leftover change file that does not belong to this journal was set aside as "
        "{kept_at}; nothing of yours was changed."
    )


class JournalTailUnreadable(JournalNotice):
    exit_code = 3
    default_message = (
        "The last changes before the crash could not be read; everything before them is "
        "here. The change file is kept as it was at {kept_at}."
    )


# --- share bundles (core/share.py) ---------------------------------------------
class BundleError(KintsugiError):
    exit_code = 2
    default_message = "This share bundle cannot be used; nothing was imported."


class NotABundle(BundleError):
    default_message = "This is not a Kintsugi share bundle."


class BundleNotForYou(BundleError):
    default_message = (
        "This bundle was encrypted for someone else (or with another "
        "passphrase), so it can't be opened here."
    )


class BundleDamaged(BundleError):
    exit_code = 3
    default_message = (
        "This bundle is damaged or was changed after it was made; nothing was imported."
    )


class BundleTooNew(BundleError):
    default_message = (
        "This bundle comes from a newer version of Kintsugi. Update Kintsugi "
        "to open it; nothing was imported."
    )


class BundleTooLarge(BundleError):
    default_message = "This bundle is far larger than any share bundle; it was not opened."


class BundleForged(BundleError):
    exit_code = 3
    default_message = (
        "This bundle's signature does not match its content: it was changed after it was "
        "signed, or not made by the sender it names. Nothing was imported."
    )


class AnswersNotFromPartner(BundleError):
    """Answers to this journal's questions, signed by a key that is not the saved key of the
    person they were sent to (or not signed, or answering a question never sent)."""

    exit_code = 3
    default_message = (
        "This bundle answers your questions, but it is not signed by the person you asked "
        "(the key you saved for them). Nothing was imported. If they have a new key, check "
        "its fingerprint with them first."
    )


# --- imports and exports (core/importing.py, core/transfer.py) --------------------
class ImportRefused(KintsugiError):
    """A file that is not importable, or fails a check. Exit code 2, nothing imported."""

    exit_code = 2
    default_message = "Kintsugi doesn't recognise this file; nothing was imported."


class PasswordNeeded(ImportRefused):
    """An encrypted jrnl journal and no password, or a wrong one (``wrong``): ask for it
    and try again. Exit code 2, nothing imported."""

    default_message = "This is an encrypted jrnl journal; its password is needed."

    def __init__(self, message: str | None = None, *, wrong: bool = False):
        super().__init__(message)
        self.wrong = wrong


class ImportCancelled(KintsugiError):
    default_message = "The import was stopped; nothing was imported."


class ExportCancelled(KintsugiError):
    default_message = "The export was cancelled; no file was written."


def from_os_error(exc: OSError, path: Path, *, vault: bool = True) -> KintsugiError:
    """The person's words for a failed write at ``path``: the vault (and its copies and
    backups), or a file they chose to export to (``vault=False``)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull()
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        if vault:
            return VaultReadOnly()
        return StorageError(
            arg(
                translate(
                    "errors", "Kintsugi may not write to %1 (it is read-only). Nothing was written."
                ),
                path.parent,
            )
        )
    return StorageError(
        arg(translate("errors", "Could not write next to %1: %2."), path, exc.strerror)
    )


# --- a journal file in a folder a sync tool manages (core/syncfolder.py) ---------------------
class ConflictedCopy(NotAVault):
    """The fronts refuse to open a sync tool's conflicted copy as if it were the journal."""

    default_message = (
        "This file is a copy a sync tool made when the journal changed on two computers at "
        "once, so it was not opened; it is kept as it is. Your journal file is {original}. "
        "To open the copy itself on purpose, rename it first."
    )

    def __init__(self, original: object = None, message: str | None = None):
        self.original = original
        super().__init__(message or self.default_message.format(**self.text_fields()))
        self.specific = message is not None

    def text_fields(self) -> dict[str, object]:
        return {
            "original": self.original
            if self.original is not None
            else translate("errors", "the one beside it")
        }


class ConflictedCopyBeside(JournalNotice):
    """A notice after opening: a sync tool's conflicted copy of this journal lies beside it."""

    exit_code = 0
    default_message = (
        "A sync tool left a copy of this journal file beside it, {kept_at}: it may hold what "
        "was written on another computer at the same time. It was left as it is."
    )


class VaultInSyncedFolder(JournalNotice):
    """A notice after opening: the journal file is inside a folder a sync tool manages."""

    exit_code = 0
    default_message = (
        "This journal file is inside a folder that a sync tool copies to other computers "
        "({kept_at}). A copy taken in the middle of a save may not open on the other computer, "
        "and two computers writing at once leave two separate copies. It is safer to keep the "
        "journal file outside that folder and use the folder to sync (Use on another computer)."
    )


# --- syncing through a folder (core/sync/) ------------------------------------------
class SyncError(KintsugiError):
    default_message = "Syncing could not be done this time; nothing of yours was changed."


class SyncNotSetUp(SyncError):
    exit_code = 1
    default_message = "This journal is not set up to sync with another computer."


class AlreadySyncing(SyncError):
    exit_code = 1
    default_message = (
        "This journal already syncs through another folder; nothing was changed. Stop syncing "
        "it there first."
    )


class JoinNeedsEmptyVault(SyncError):
    exit_code = 1
    default_message = (
        "Only a new, empty journal can join a journal from another computer; nothing was "
        "changed. Create a new journal file on this computer and join from it."
    )


class WrongPairingCode(SyncError):
    exit_code = 2
    default_message = (
        "That pairing code does not open an invitation in this folder. Check it for typing "
        "mistakes, or make a new one on the other computer."
    )


class SyncFolderMissing(SyncError):
    default_message = (
        "The sync folder cannot be found (is its drive connected?). Nothing was changed; "
        "syncing tries again later."
    )


class SyncFolderUnwritable(SyncError):
    default_message = (
        "Kintsugi may not write to the sync folder. Nothing was changed; check the folder's "
        "permissions or free space."
    )


class SyncFormatTooNew(SyncError):
    exit_code = 2
    default_message = (
        "The sync folder was written by a newer version of Kintsugi. Update Kintsugi on this "
        "computer to keep syncing; nothing was changed."
    )


class DeviceRemoved(SyncError):
    default_message = (
        "This computer was removed from syncing on another computer, so it no longer gets "
        "their changes. Everything on this computer is kept."
    )


class SyncKeysWithdrawn(SyncError):
    default_message = (
        "Two computers changed the sync key at the same time, each removing a different "
        "computer, so this one no longer sends anything under it. Everything on this computer "
        "is kept; stop syncing here and set it up again with the computers you trust."
    )


class SyncFileRefused(SyncError):
    default_message = (
        "A file in the sync folder was not written by a computer this journal syncs with (or "
        "came from a removed one), so it was not read. If a computer was removed, remove it "
        "from the sync tool too."
    )


class SyncPeerTooOld(SyncError):
    """A file from a computer this journal syncs with, written by an older Kintsugi (sync
    format 1, before every file was signed): not read, and nothing is wrong — once that
    computer is updated it writes everything again in a signed snapshot."""

    default_message = (
        "The other computer runs an older Kintsugi: update it there, and syncing goes on."
    )


class UnknownDevice(SyncError):
    exit_code = 1
    default_message = "There is no such computer among the ones this journal syncs with."


class ConflictNotFound(SyncError):
    exit_code = 1
    default_message = "That conflict is not waiting any more (it may have been resolved already)."

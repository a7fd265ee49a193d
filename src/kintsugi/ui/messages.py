"""What a person reads when something goes wrong: one calm sentence and a next step.

Every engine error has one text, its class's ``default_message`` in ``core/errors.py``;
``MESSAGES`` lists each of them again, word for word, so that Qt's translation tools find
them (``tests/ui/test_messages.py`` walks every subclass and keeps the two the same). An
error raised with a message of its own (a path, a line of a file) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kintsugi.core import errors
from kintsugi.core.i18n import marked

CONTEXT = "messages"

#: Every ``KintsugiError`` subclass → its text (QT_TRANSLATE_NOOP marks the strings for
#: translators; :func:`describe` translates them).
MESSAGES: dict[type[errors.KintsugiError], object] = {  # QT_TRANSLATE_NOOP: the text
    errors.KintsugiError: QT_TRANSLATE_NOOP("messages", "Something went wrong."),
    errors.NotAVault: QT_TRANSLATE_NOOP(
        "messages",
        "This file is not a Kintsugi journal file; it was not changed. Choose your journal file.",
    ),
    errors.PlainSQLiteFile: QT_TRANSLATE_NOOP(
        "messages",
        "This is an ordinary, unencrypted SQLite database, not a Kintsugi journal file; it was not "
        "changed. Choose your journal file.",
    ),
    errors.WrongPassphrase: QT_TRANSLATE_NOOP(
        "messages",
        "That passphrase does not open this journal file. Check Caps Lock and try again.",
    ),
    errors.InvalidRecoveryKey: QT_TRANSLATE_NOOP(
        "messages",
        "That recovery key does not open this journal file. Check it for typing mistakes; a"
        " recovery"
        " key changes whenever the passphrase changes.",
    ),
    errors.VaultTooNew: QT_TRANSLATE_NOOP(
        "messages",
        "This journal file was saved by a newer version of Kintsugi. Update Kintsugi to open it;"
        " the"
        " file has not been changed.",
    ),
    errors.VaultCorrupted: QT_TRANSLATE_NOOP(
        "messages",
        "This journal file is damaged (some pages fail their integrity check), so Kintsugi will"
        " not "
        "write to it. Your backups are untouched: restore the newest one, or look closer with"
        " `kintsugi check`.",
    ),
    errors.StorageError: QT_TRANSLATE_NOOP(
        "messages", "The journal file could not be read or written."
    ),
    errors.VaultNotFound: QT_TRANSLATE_NOOP(
        "messages",
        "There is no journal file at this place. Open another one, or create a new one.",
    ),
    errors.VaultExists: QT_TRANSLATE_NOOP(
        "messages",
        "A file already exists at that path; it was left untouched.",
    ),
    errors.VaultReadOnly: QT_TRANSLATE_NOOP(
        "messages",
        "This journal file or its folder is read-only, so nothing could be saved. Move it to a "
        "folder you can write to, or change its permissions.",
    ),
    errors.DiskFull: QT_TRANSLATE_NOOP(
        "messages",
        "The disk is full, so this could not be saved. Free some space and try again; "
        "everything saved before is safe.",
    ),
    errors.VaultInUse: QT_TRANSLATE_NOOP(
        "messages",
        "This journal file is already open in another Kintsugi window or process. Close it"
        " there, or"
        " switch to it, and try again.",
    ),
    errors.CipherUnavailable: QT_TRANSLATE_NOOP(
        "messages",
        "SQLCipher is not available: refusing to write a journal without encryption.",
    ),
    errors.DerivationCancelled: QT_TRANSLATE_NOOP(
        "messages",
        "Stopped before the journal file was opened; nothing was changed.",
    ),
    errors.VaultLocked: QT_TRANSLATE_NOOP("messages", "The journal file is locked."),
    errors.RecordNotFound: QT_TRANSLATE_NOOP("messages", "No such record."),
    errors.InvalidRecord: QT_TRANSLATE_NOOP("messages", "That record is not valid."),
    errors.AttachmentRefused: QT_TRANSLATE_NOOP(
        "messages", "That file cannot be attached; nothing was stored."
    ),
    errors.JournalNotice: QT_TRANSLATE_NOOP(
        "messages",
        "A leftover change file was dealt with before opening; it is at {kept_at}.",
    ),
    errors.ForeignJournalSetAside: QT_TRANSLATE_NOOP(
        "messages",
        "A leftover change file that does not belong to this journal was set aside as "
        "{kept_at}; nothing of yours was changed.",
    ),
    errors.JournalTailUnreadable: QT_TRANSLATE_NOOP(
        "messages",
        "The last changes before the crash could not be read; everything before them is here."
        " The change file is kept as it was at {kept_at}.",
    ),
    errors.BundleError: QT_TRANSLATE_NOOP(
        "messages",
        "This share bundle cannot be used; nothing was imported.",
    ),
    errors.NotABundle: QT_TRANSLATE_NOOP("messages", "This is not a Kintsugi share bundle."),
    errors.BundleNotForYou: QT_TRANSLATE_NOOP(
        "messages",
        "This bundle was encrypted for someone else (or with another passphrase), so it can't"
        " be opened here.",
    ),
    errors.BundleDamaged: QT_TRANSLATE_NOOP(
        "messages",
        "This bundle is damaged or was changed after it was made; nothing was imported.",
    ),
    errors.BundleTooNew: QT_TRANSLATE_NOOP(
        "messages",
        "This bundle comes from a newer version of Kintsugi. Update Kintsugi to open it; "
        "nothing was imported.",
    ),
    errors.BundleTooLarge: QT_TRANSLATE_NOOP(
        "messages",
        "This bundle is far larger than any share bundle; it was not opened.",
    ),
    errors.BundleForged: QT_TRANSLATE_NOOP(
        "messages",
        "This bundle's signature does not match its content: it was changed after it was "
        "signed, or not made by the sender it names. Nothing was imported.",
    ),
    errors.AnswersNotFromPartner: QT_TRANSLATE_NOOP(
        "messages",
        "This bundle answers your questions, but it is not signed by the person you asked "
        "(the key you saved for them). Nothing was imported. If they have a new key, check "
        "its fingerprint with them first.",
    ),
    errors.ImportRefused: QT_TRANSLATE_NOOP(
        "messages",
        "Kintsugi doesn't recognise this file; nothing was imported.",
    ),
    errors.PasswordNeeded: QT_TRANSLATE_NOOP(
        "messages",
        "This is an encrypted jrnl journal; its password is needed.",
    ),
    errors.ImportCancelled: QT_TRANSLATE_NOOP(
        "messages",
        "The import was stopped; nothing was imported.",
    ),
    errors.ExportCancelled: QT_TRANSLATE_NOOP(
        "messages",
        "The export was cancelled; no file was written.",
    ),
    # a journal file in a folder a sync tool manages (core/syncfolder.py)
    errors.ConflictedCopy: QT_TRANSLATE_NOOP(
        "messages",
        "This file is a copy a sync tool made when the journal changed on two computers at "
        "once, so it was not opened; it is kept as it is. Your journal file is {original}. "
        "To open the copy itself on purpose, rename it first.",
    ),
    errors.ConflictedCopyBeside: QT_TRANSLATE_NOOP(
        "messages",
        "A sync tool left a copy of this journal file beside it, {kept_at}: it may hold what "
        "was written on another computer at the same time. It was left as it is.",
    ),
    errors.VaultInSyncedFolder: QT_TRANSLATE_NOOP(
        "messages",
        "This journal file is inside a folder that a sync tool copies to other computers "
        "({kept_at}). A copy taken in the middle of a save may not open on the other computer, "
        "and two computers writing at once leave two separate copies. It is safer to keep the "
        "journal file outside that folder and use the folder to sync (Use on another computer).",
    ),
    errors.SyncError: QT_TRANSLATE_NOOP(
        "messages",
        "Syncing could not be done this time; nothing of yours was changed.",
    ),
    errors.SyncNotSetUp: QT_TRANSLATE_NOOP(
        "messages",
        "This journal is not set up to sync with another computer.",
    ),
    errors.AlreadySyncing: QT_TRANSLATE_NOOP(
        "messages",
        "This journal already syncs through another folder; nothing was changed. Stop "
        "syncing it there first.",
    ),
    errors.JoinNeedsEmptyVault: QT_TRANSLATE_NOOP(
        "messages",
        "Only a new, empty journal can join a journal from another computer; nothing was "
        "changed. Create a new journal file on this computer and join from it.",
    ),
    errors.WrongPairingCode: QT_TRANSLATE_NOOP(
        "messages",
        "That pairing code does not open an invitation in this folder. Check it for "
        "typing mistakes, or make a new one on the other computer.",
    ),
    errors.SyncFolderMissing: QT_TRANSLATE_NOOP(
        "messages",
        "The sync folder cannot be found (is its drive connected?). Nothing was changed; "
        "syncing tries again later.",
    ),
    errors.SyncFolderUnwritable: QT_TRANSLATE_NOOP(
        "messages",
        "Kintsugi may not write to the sync folder. Nothing was changed; check the "
        "folder's permissions or free space.",
    ),
    errors.SyncFormatTooNew: QT_TRANSLATE_NOOP(
        "messages",
        "The sync folder was written by a newer version of Kintsugi. Update Kintsugi on "
        "this computer to keep syncing; nothing was changed.",
    ),
    errors.DeviceRemoved: QT_TRANSLATE_NOOP(
        "messages",
        "This computer was removed from syncing on another computer, so it no longer gets "
        "their changes. Everything on this computer is kept.",
    ),
    errors.SyncPeerTooOld: QT_TRANSLATE_NOOP(
        "messages",
        "The other computer runs an older Kintsugi: update it there, and syncing goes on.",
    ),
    errors.SyncKeysWithdrawn: QT_TRANSLATE_NOOP(
        "messages",
        "Two computers changed the sync key at the same time, each removing a different "
        "computer, so this one no longer sends anything under it. Everything on this "
        "computer is kept; stop syncing here and set it up again with the computers you trust.",
    ),
    errors.SyncFileRefused: QT_TRANSLATE_NOOP(
        "messages",
        "A file in the sync folder was not written by a computer this journal syncs with (or "
        "came from a removed one), so it was not read. If a computer was removed, remove it "
        "from the sync tool too.",
    ),
    errors.UnknownDevice: QT_TRANSLATE_NOOP(
        "messages",
        "There is no such computer among the ones this journal syncs with.",
    ),
    errors.ConflictNotFound: QT_TRANSLATE_NOOP(
        "messages",
        "That conflict is not waiting any more (it may have been resolved already).",
    ),
}
UNEXPECTED = QT_TRANSLATE_NOOP(
    "messages", "Something unexpected went wrong. Nothing you saved has been lost."
)


def unexpected() -> str:
    """The one sentence for anything unexpected (the excepthook's calm line too)."""
    return marked("messages", str(UNEXPECTED))


def describe(exc: BaseException) -> str:
    """A human message for any error the engine can report (never a traceback)."""
    if not isinstance(exc, errors.KintsugiError):
        return unexpected()
    if exc.specific:
        return str(exc)
    for cls in type(exc).__mro__:
        text = MESSAGES.get(cls)
        if text is not None:
            fields = exc.text_fields()
            translated = marked("messages", str(text))
            return translated.format(**fields) if fields else translated
    return str(exc)


def known_problem(text: str | None) -> str | None:
    """A problem the engine kept as its English text (a sync round's ``last_problem``), in the
    person's language when it is one of the errors' own texts; any other text as it is."""
    if not text:
        return text
    for cls, message in MESSAGES.items():
        if cls.default_message == text:
            return marked("messages", str(message))
    return text

"""Every error the engine reports to a person.

Each carries a one-line message meant for humans and the CLI exit code
(0 ok, 1 usage, 2 wrong passphrase / not a vault, 3 corrupted, 4 other I/O).
Anything that is not a ``KintsugiError`` is a bug.
"""

from __future__ import annotations

import errno
from pathlib import Path


class KintsugiError(Exception):
    exit_code = 4
    default_message = "Something went wrong."

    def __init__(self, message: str | None = None):
        super().__init__(message or self.default_message)

    @property
    def message(self) -> str:
        return str(self)


# --- exit code 2: cannot open this as a vault -------------------------------
class NotAVault(KintsugiError):
    exit_code = 2
    default_message = "This file is not a Kintsugi vault."


class PlainSQLiteFile(NotAVault):
    default_message = "This is an ordinary, unencrypted SQLite database, not a Kintsugi vault."


class WrongPassphrase(NotAVault):
    default_message = (
        "That passphrase does not open this vault (or the file is not a Kintsugi vault)."
    )


class InvalidRecoveryKey(NotAVault):
    default_message = "That recovery key is not valid: check for a typing mistake."


class VaultTooNew(NotAVault):
    default_message = (
        "This vault was written by a newer version of Kintsugi. "
        "Update Kintsugi to open it; the file has not been changed."
    )


# --- exit code 3: damaged -----------------------------------------------------
class VaultCorrupted(KintsugiError):
    exit_code = 3
    default_message = (
        "The vault is damaged (some pages fail their integrity check). "
        "Nothing was written to it; restore it from a backup."
    )


# --- exit code 4: the environment ------------------------------------------
class StorageError(KintsugiError):
    exit_code = 4
    default_message = "The vault could not be read or written."


class VaultNotFound(StorageError):
    default_message = "There is no vault at that path."


class VaultExists(StorageError):
    default_message = "A file already exists at that path; it was left untouched."


class VaultReadOnly(StorageError):
    default_message = (
        "The vault or its folder is read-only, so Kintsugi cannot save to it. Nothing was changed."
    )


class DiskFull(StorageError):
    default_message = (
        "The disk is full, so this could not be saved. Free some space and try again; "
        "everything saved before is safe."
    )


class VaultInUse(StorageError):
    default_message = "This vault is open in another Kintsugi window or process."


class CipherUnavailable(StorageError):
    default_message = "SQLCipher is not available: refusing to write a journal without encryption."


class DerivationCancelled(KintsugiError):
    exit_code = 130
    default_message = "Stopped before the vault was opened; nothing was changed."


class VaultLocked(KintsugiError):
    default_message = "The vault is locked."


# --- records ------------------------------------------------------------------
class RecordNotFound(KintsugiError):
    exit_code = 1
    default_message = "No such record."


class InvalidRecord(KintsugiError):
    exit_code = 1
    default_message = "That record is not valid."


# --- notices: not raised, shown once after opening ------------------------------
class JournalNotice(KintsugiError):
    """Something was done to a leftover change file (``-wal``) before opening."""

    def __init__(self, kept_at: object = None, message: str | None = None):
        self.kept_at = kept_at
        where = kept_at if kept_at is not None else "a file next to the vault"
        super().__init__(message or self.default_message.format(kept_at=where))


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


def from_os_error(exc: OSError, path: Path, *, vault: bool = True) -> KintsugiError:
    """The person's words for a failed write at ``path``: the vault (and its copies and
    backups), or a file they chose to export to (``vault=False``)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull()
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        if vault:
            return VaultReadOnly()
        return StorageError(
            f"Kintsugi may not write to {path.parent} (it is read-only). Nothing was written."
        )
    return StorageError(f"Could not write next to {path}: {exc.strerror}.")

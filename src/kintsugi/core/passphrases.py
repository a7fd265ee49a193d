"""The one rule every new passphrase meets, in the app and on the command line alike.

It applies to a new vault's passphrase, a changed one and a bundle's passphrase. Opening an
existing vault or bundle never checks it (a vault made before the rule still opens).
"""

from __future__ import annotations

MIN_LENGTH = 8  # characters (code points), whatever the passphrase protects


def long_enough(passphrase: str) -> bool:
    return len(passphrase) >= MIN_LENGTH


def problem(passphrase: str) -> str | None:
    """One line saying what is wrong with a new passphrase, or None."""
    if long_enough(passphrase):
        return None
    return f"a passphrase needs at least {MIN_LENGTH} characters"

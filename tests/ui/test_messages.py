"""Every engine error reads as its own calm sentence, the same words as the engine's."""

import importlib
import pkgutil

import kintsugi
from kintsugi.core import errors
from kintsugi.ui.messages import MESSAGES, describe


def every_error() -> list[type[errors.KintsugiError]]:
    """Every subclass of KintsugiError anywhere in Kintsugi (every module imported)."""
    for module in pkgutil.walk_packages(kintsugi.__path__, "kintsugi."):
        if module.name not in ("kintsugi.__main__",):
            importlib.import_module(module.name)

    def walk(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from walk(sub)

    return [errors.KintsugiError, *walk(errors.KintsugiError)]


def test_every_engine_error_has_one_text_and_the_table_maps_it(app):
    found = every_error()
    assert len(found) > 25
    for cls in found:
        assert cls.__module__ == "kintsugi.core.errors", f"{cls.__name__} lives in {cls.__module__}"
        assert cls in MESSAGES, f"ui/messages.py does not map {cls.__name__}"
        assert MESSAGES[cls] == cls.default_message, f"{cls.__name__} has two texts"
        assert describe(cls()) == str(cls()), cls.__name__
        assert "\n" not in describe(cls())
    assert set(MESSAGES) == set(found)
    assert len({describe(cls()) for cls in found}) == len(found)  # no two share a sentence


def test_messages_say_what_to_do(app):
    assert "Caps Lock" in describe(errors.WrongPassphrase())
    assert "recovery key" in describe(errors.InvalidRecoveryKey())  # not the passphrase line
    assert "ordinary, unencrypted SQLite database" in describe(errors.PlainSQLiteFile())
    assert "disk is full" in describe(errors.DiskFull())
    assert "Nothing you saved has been lost" in describe(RuntimeError("bug"))


def test_a_message_of_its_own_is_shown_as_it_is(app, tmp_path):
    assert describe(errors.RecordNotFound("No such entry.")) == "No such entry."
    refused = errors.ImportRefused("journal.txt: line 12: the date is not a date.")
    assert describe(refused) == "journal.txt: line 12: the date is not a date."
    kept = tmp_path / "vault.kintsugi-wal.foreign"
    assert str(kept) in describe(errors.ForeignJournalSetAside(kept))
    assert "{kept_at}" not in describe(errors.JournalTailUnreadable())

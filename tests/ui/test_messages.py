from kintsugi.core import errors
from kintsugi.ui.messages import _MESSAGES, describe


def test_every_engine_error_reads_as_its_own_calm_sentence(app):
    seen = {describe(cls()) for cls, _ in _MESSAGES}
    assert len(seen) == len(_MESSAGES)  # no two errors share a message
    assert "Caps Lock" in describe(errors.WrongPassphrase())
    assert "recovery key" in describe(errors.InvalidRecoveryKey())  # not the passphrase line
    assert "ordinary database" in describe(errors.PlainSQLiteFile())
    assert "disk is full" in describe(errors.DiskFull())
    assert describe(errors.RecordNotFound("No such entry.")) == "No such entry."
    assert "Nothing you saved has been lost" in describe(RuntimeError("bug"))

import unicodedata

import pytest

from kintsugi.core import kdf
from kintsugi.core.errors import InvalidRecoveryKey, NotAVault
from tests.helpers import FAST_KDF


def test_tag_round_trip_and_random_bits():
    params = kdf.KdfParams(memory_kib=65536, iterations=7, lanes=4)
    salts = {kdf.new_salt(params) for _ in range(50)}
    assert len(salts) == 50  # 96 random bits each
    for salt in salts:
        assert len(salt) == 16 and salt[:2] == b"K\x01"
        assert kdf.parse_salt(salt) == params


@pytest.mark.parametrize(
    "salt",
    [
        b"\x00" * 16,
        b"K\x02" + b"\x00" * 14,
        b"K\x01\x60\x00" + b"\x00" * 12,
        b"K\x01\xf4\x03" + b"\x00" * 12,
        b"K\x01\x64\xff" + b"\x00" * 12,
        b"K\x01",
    ],
)
def test_parse_salt_rejects_foreign_or_hostile_parameters(salt):
    with pytest.raises(NotAVault):
        kdf.parse_salt(salt)


def test_default_parameters_meet_the_floor():
    p = kdf.DEFAULT_PARAMS
    assert p.memory_kib >= 65536 and p.iterations >= 3 and p.lanes >= 4


def test_calibration_never_goes_below_the_floor():
    floor = kdf.KdfParams(memory_kib=1024, iterations=2, lanes=1)
    got = kdf.calibrate(target_seconds=0.0, floor=floor)
    assert got.iterations == 2 and got.memory_kib == 1024
    assert kdf.calibrate(target_seconds=0.05, floor=floor).iterations >= 2


def test_unicode_passphrases_are_normalised():
    salt = kdf.new_salt(FAST_KDF)
    composed = unicodedata.normalize("NFC", "café ñandú")
    decomposed = unicodedata.normalize("NFD", "café ñandú")
    assert composed != decomposed
    assert kdf.derive_key(composed, salt) == kdf.derive_key(decomposed, salt)
    assert kdf.derive_key("cafe nandu", salt) != kdf.derive_key(composed, salt)


def test_the_salt_binds_the_parameters():
    salt = bytearray(kdf.new_salt(FAST_KDF))
    key = kdf.derive_key("pass", bytes(salt))
    salt[3] = 2  # same random part, another pass count
    assert kdf.derive_key("pass", bytes(salt)) != key


def test_recovery_key_round_trip_and_typo_tolerance():
    key = bytearray(range(32))
    text = kdf.encode_recovery_key(key)
    assert len(text.replace("-", "")) == 56
    assert kdf.decode_recovery_key(text) == key
    assert kdf.decode_recovery_key(text.lower().replace("-", " ")) == key
    assert kdf.decode_recovery_key(text.replace("O", "0").replace("I", "1")) == key


@pytest.mark.parametrize("bad", ["", "hello", "AAAA-" * 14])
def test_recovery_key_checksum_catches_mistakes(bad):
    with pytest.raises(InvalidRecoveryKey):
        kdf.decode_recovery_key(bad)


def test_a_single_changed_character_is_caught():
    text = kdf.encode_recovery_key(bytearray(32))
    changed = ("B" if text[0] != "B" else "C") + text[1:]
    with pytest.raises(InvalidRecoveryKey):
        kdf.decode_recovery_key(changed)


def test_wipe_zeroes_the_buffer():
    buf = bytearray(b"secret")
    kdf.wipe(buf)
    assert buf == bytearray(6)

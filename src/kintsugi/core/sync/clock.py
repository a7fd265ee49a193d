"""A hybrid logical clock (Kulkarni et al., 2014): wall-clock milliseconds, a counter, and
the device, as one sortable text (``0001733061234567.00000.<device>``).

A device's next stamp is later than every stamp it has issued or seen, whatever its wall
clock says: an edit made after reading another device's change always sorts after it, even
when this computer's clock is a day behind. Wall time only breaks ties between edits that
did not see each other.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: Wall-clock milliseconds; the simulation in the tests gives each device its own.
WallClock = Callable[[], int]


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def _parts(stamp: str) -> tuple[int, int]:
    if not stamp:
        return 0, 0
    ms, counter, _device = stamp.split(".", 2)
    return int(ms), int(counter)


def make(ms: int, counter: int, device: str) -> str:
    return f"{ms:016d}.{counter:05d}.{device}"


def device_of(stamp: str) -> str:
    return stamp.split(".", 2)[2] if stamp.count(".") >= 2 else ""


def tick(last: str, device: str, now_ms: int) -> str:
    """The next stamp on this device (a local event)."""
    ms, counter = _parts(last)
    if now_ms > ms:
        return make(now_ms, 0, device)
    return make(ms, counter + 1, device)


def observe(last: str, seen: str, device: str, now_ms: int) -> str:
    """This device's clock after seeing ``seen`` (a stamp from another device)."""
    ms, counter = _parts(last)
    seen_ms, seen_counter = _parts(seen)
    top = max(ms, seen_ms, now_ms)
    if top == ms == seen_ms:
        counter = max(counter, seen_counter) + 1
    elif top == ms:
        counter += 1
    elif top == seen_ms:
        counter = seen_counter + 1
    else:
        counter = 0
    return make(top, counter, device)


def valid(stamp: object) -> bool:
    if not isinstance(stamp, str) or stamp.count(".") < 2:
        return False
    ms, counter, device = stamp.split(".", 2)
    return (
        len(ms) == 16 and ms.isdigit() and len(counter) == 5 and counter.isdigit() and bool(device)
    )

"""After lock, the key is nowhere in the process's memory (issue 11).

A child process creates a vault, locks it, opens it again with the passphrase, takes a backup
and a re-keyed copy (sqlcipher_export), checks the passphrase, and locks. Then it reads its
own writable memory (/proc/self/mem, every rw mapping: heaps, arenas, anonymous maps) and
counts the raw key and its hex form — the `x'…'` text SQLCipher is keyed with. Each must
appear exactly once: the copy the test itself keeps to search with (so the scan provably sees
the heap). Before the key text was built in a bytearray and overwritten, one hex copy stayed
behind.
"""

import json
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent("""
    import binascii, ctypes, gc, json, mmap, sys, tempfile
    from pathlib import Path
    from kintsugi.core import backups
    from kintsugi.core.kdf import KdfParams
    from kintsugi.core.vault import Vault

    # The scan copies memory only into this one anonymous map, which it does not scan: reading
    # a whole region into a bytes object put copies of the needles in freed heap memory, and the
    # next scan counted them as copies of the key, depending on where malloc put the buffers.
    CHUNK = 1 << 20
    window = mmap.mmap(-1, CHUNK + 4096)
    window_start = ctypes.addressof(ctypes.c_char.from_buffer(window))
    window_end = window_start + len(window)

    def scan(needles):
        counts = [0] * len(needles)
        longest = max(len(n) for n in needles)
        with open("/proc/self/maps") as f:
            maps = f.read().splitlines()
        with open("/proc/self/mem", "rb", 0) as mem:
            for line in maps:
                parts = line.split()
                path = parts[5] if len(parts) > 5 else ""
                if not parts[1].startswith("rw") or path.startswith("[v"):
                    continue
                start, end = (int(x, 16) for x in parts[0].split("-"))
                # the window itself is skipped, and nothing else (a merged mapping stays in)
                pieces = [(start, min(end, window_start)), (max(start, window_end), end)]
                for lo, hi in pieces:
                    pos = lo
                    while pos < hi:
                        step = min(CHUNK, hi - pos)
                        want = min(step + longest - 1, hi - pos)  # a needle across the seam
                        try:
                            mem.seek(pos)
                            got = mem.readinto(memoryview(window)[:want])
                        except OSError:
                            got = 0
                        for i, n in enumerate(needles):
                            at = window.find(n, 0, got)
                            while 0 <= at < step:
                                counts[i] += 1
                                at = window.find(n, at + 1, got)
                        pos += step
        return counts

    folder = Path(tempfile.mkdtemp())
    passphrase = "".join(reversed("rehtona yrev eno esarhpssap"))
    v = Vault.create(folder / "v.kintsugi", passphrase, params=KdfParams(1024, 1, 1))
    key = bytes(v._key)  # the test's own copy, to search with
    # made once, with no str between: key.hex() would leave a freed str of the hex key
    needles = [binascii.hexlify(key), key]
    v.lock()
    v = Vault.open(folder / "v.kintsugi", passphrase)
    backups.take_backup(v, "daily")
    v.verify_passphrase(passphrase)
    open_counts = scan(needles)
    v.lock()
    del v
    gc.collect()
    counts = scan(needles)
    print(json.dumps({"hex": counts[0], "raw": counts[1], "open": open_counts}))
""")


def test_no_copy_of_the_key_survives_locking():
    r = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    counts = json.loads(r.stdout.strip().splitlines()[-1])
    # exactly the needle itself: the scan sees the heap, and nothing else holds the key
    assert counts["hex"] == 1, counts
    assert counts["raw"] == 1, counts

"""10,000 photos in a 100,000-entry journal: do opening, the timeline, search and saves keep
their figures, and does the vault grow by the photos' size and no more?

Takes bench_core's kept 100k vault (built once, ``--cache``), copies it twice, attaches
``--photos`` distinct JPEGs (``--kib`` KiB each, with EXIF to take out) to as many entries
of one copy (a hundred per transaction, as an import would), and measures both copies in
turn, pass after pass (interleaved: a burst of load on a shared machine falls on both
alike). Opening is timed without the KDF (the key is derived once;
``Vault._open_with_key`` is what remains). The load average is reported.

    python bench/bench_attachments.py                      # 100k entries, 10k photos
    python bench/bench_attachments.py --entries 10000 --photos 1000   # a quick look
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_core import DEFAULT_CACHE, PASSPHRASE, prepare, queries  # noqa: E402
from kintsugi.core import kdf  # noqa: E402
from kintsugi.core.repo.attachments import AttachmentRepo  # noqa: E402
from kintsugi.core.repo.entries import EntryRepository  # noqa: E402
from kintsugi.core.repo.items import Items  # noqa: E402
from kintsugi.core.search import Search  # noqa: E402
from kintsugi.core.vault import Vault, read_salt  # noqa: E402


def photo(rng: random.Random, kib: int) -> bytes:
    """A distinct JPEG of about ``kib`` KiB (noise compresses badly: size ~ pixels)."""
    from PIL import Image

    side = max(64, int((kib * 1024 / 1.6) ** 0.5))
    image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
    exif = Image.Exif()
    exif[0x010F] = "BenchCam"
    exif.get_ifd(0x8825)[2] = (51.0, 30.0, 12.0)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif.tobytes())
    return out.getvalue()


def file_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def reads() -> tuple[int, int]:
    """(read calls, bytes read) by this process so far (Linux: /proc/self/io), or (0, 0).
    SQLCipher reads the file a page at a time, so the difference across an operation is the
    pages it read that were not in its own cache: a count the shared machine's load cannot
    change, where a time can."""
    try:
        fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    except OSError:
        return 0, 0
    return int(fields["syscr"]), int(fields["rchar"])


_READS: dict[str, list[int]] = {}  # operation -> [read calls, KiB read] of the last pass


def ms(fn, name: str = "") -> float:
    calls, read = reads()
    t = time.perf_counter()
    fn()
    elapsed = 1000 * (time.perf_counter() - t)
    after_calls, after_read = reads()
    if name:
        _READS[name] = [after_calls - calls, (after_read - read) // 1024]
    return elapsed


def measure(path: Path, key: bytearray, salt: bytes, vocab: list[str], passes: int) -> dict:
    out: dict[str, list[float]] = {}

    def rec(name: str, value: float) -> None:
        out.setdefault(name, []).append(value)

    for _ in range(passes):
        holder: list[Vault] = []
        rec(
            "open (no KDF)",
            ms(
                lambda h=holder: h.append(
                    Vault._open_with_key(path, bytearray(key), salt, _migrations(), _lock(path))
                ),
                "open (no KDF)",
            ),
        )
        v = holder[0]
        items, search, repo = Items(v.db), Search(v.db), EntryRepository(v.db)
        first = "timeline, first page of 200"
        rec(first, ms(lambda i=items: i.timeline(limit=200), first))
        page = items.timeline(limit=200)
        scrolled = "timeline, 20 pages scrolled (keyset)"
        rec(scrolled, ms(lambda i=items: _page(i, 20), scrolled))
        ids = [s.id for s in page]
        pictures = AttachmentRepo(v.db)
        # the rows' thumbnails: which pictures a page of 200 rows has (the app asks for the
        # rows on screen only; a page is the most it could ask at once)
        shown = "pictures of a timeline page of 200"
        rec(shown, ms(lambda p=pictures, i=ids: p.picture_ids(i), shown))
        found = "search (10 queries, each)"
        calls, read = reads()
        for _, typed, _kind in queries(vocab)[:10]:
            rec(found, ms(lambda t=typed, s=search: s.search(t)))
        _READS[found + ", all 10"] = [reads()[0] - calls, (reads()[1] - read) // 1024]
        target = repo.get(page[7].id)
        saved = "save an entry (commit, fsync)"
        calls, read = reads()
        for i in range(10):
            target.body = target.body + f" saved {i}"
            rec(saved, ms(lambda r=repo, e=target: r.update(e)))
        _READS[saved + ", all 10"] = [reads()[0] - calls, (reads()[1] - read) // 1024]
        v.lock()
    return {k: statistics.median(vals) for k, vals in out.items()}


def _migrations():
    from kintsugi.core.schema import MIGRATIONS

    return MIGRATIONS


def _lock(path: Path):
    from kintsugi.core import fsutil

    return fsutil.lock_instance(path)


def _page(items: Items, n: int) -> None:
    after = None
    for _ in range(n):
        page = items.timeline(after=after, limit=200)
        if not page:
            return
        after = (page[-1].occurred_at, page[-1].id)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--photos", type=int, default=10_000)
    ap.add_argument("--kib", type=int, default=24, help="each photo's size")
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    stores = prepare(args.entries, args.cache)
    load_start = os.getloadavg()
    salt = read_salt(stores.vault)
    key = kdf.derive_key(PASSPHRASE, salt)
    with tempfile.TemporaryDirectory(dir=stores.vault.parent) as tmp:
        path = Path(tmp) / "journal.kintsugi"
        plain = Path(tmp) / "without-photos.kintsugi"
        shutil.copy(stores.vault, path)
        Vault.open(path, PASSPHRASE).lock()  # checkpointed, as a person's would be
        shutil.copy(path, plain)  # the same journal, kept without the photos
        before_size = file_size(path)
        rng = random.Random(5)
        v = Vault.open(path, PASSPHRASE)
        ids = [s.id for s in Items(v.db).timeline(limit=args.entries)]
        targets = rng.sample(ids, min(args.photos, len(ids)))
        repo = AttachmentRepo(v.db)
        raw = 0
        t = time.perf_counter()
        for start in range(0, len(targets), 100):
            batch = [(i, photo(rng, args.kib)) for i in targets[start : start + 100]]
            raw += sum(len(b) for _, b in batch)
            with v.db.transaction():
                for item_id, data in batch:
                    repo.add_bytes(item_id, data, f"IMG_{item_id}.jpg")
        attach_s = time.perf_counter() - t
        stored = repo.stored_bytes()
        v.lock()
        after_size = file_size(path)
        os.sync()  # the photos' writes are on disk before anything is timed
        # Interleaved: a pass without the photos, a pass with them, each first in turn, so a
        # burst of load on this shared machine (or a cold start) falls on both alike.
        before: dict[str, list[float]] = {}
        after: dict[str, list[float]] = {}
        reads_of: dict[str, dict[str, list[int]]] = {}
        for n in range(args.passes):
            order = ((before, plain, "without"), (after, path, "with"))
            for into, vault_path, which in order if n % 2 == 0 else order[::-1]:  # in turn
                for name, values in measure(vault_path, key, salt, stores.vocab, 1).items():
                    into.setdefault(name, []).append(values)
                reads_of[which] = dict(_READS)  # the same each pass (the last one's kept)
        before_ms = {k: statistics.median(v) for k, v in before.items()}
        after_ms = {k: statistics.median(v) for k, v in after.items()}
    result = {
        "entries": args.entries,
        "photos": len(targets),
        "photo_bytes_in": raw,
        "photo_bytes_stored": stored,
        "vault_bytes_before": before_size,
        "vault_bytes_after": after_size,
        "growth_over_stored": (after_size - before_size) / stored,
        # what the file grew by beyond the bytes stored, per attachment (its last page's
        # unused part, its rows and their index entries)
        "overhead_bytes_per_attachment": (after_size - before_size - stored) / len(targets),
        "attach_seconds": attach_s,
        "before_ms": before_ms,
        "after_ms": after_ms,
        "ratio": {k: round(after_ms[k] / before_ms[k], 2) for k in before_ms if before_ms[k]},
        # [read calls, KiB read] per operation: the pages each one read from the file
        "reads_without_photos": reads_of.get("without", {}),
        "reads_with_photos": reads_of.get("with", {}),
        # the machine is shared: its 1-minute load average at the start and at the end
        "load": [round(load_start[0], 2), round(os.getloadavg()[0], 2)],
    }
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Kintsugi's core against the limit: a reference store on the same SQLite build.

The reference is what the same sqlcipher3 build does with no application layer: one
table of documents and an external-content FTS5 index over it, opened with a raw key,
WAL, ``synchronous=FULL``, the vault's cache and locking settings; search ranks with the
same bm25 weights and cuts its snippets with FTS5's ``snippet()`` in C. Kintsugi runs its
real repository and search code on a real vault. Both answer the same queries in one run,
interleaved query by query (so the machine's noise falls on both), at each size asked for.

Stores are built once and kept (``--cache``, default /tmp/kintsugi-bench), keyed by size,
schema version and generator, because a 100,000-entry vault takes minutes to build.

    python bench/bench_core.py                       # 1k, 10k and 100k
    python bench/bench_core.py --sizes 1000,10000    # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3

from kintsugi.core import kdf
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.schema import LATEST_VERSION
from kintsugi.core.search import RANKING, SNIPPET_WORDS, Search
from kintsugi.core.vault import _PRAGMAS, CACHE_KIB, Vault

PASSPHRASE = "benchmark passphrase, not secret"
GENERATOR = 1  # bump when make_entries changes: the cached stores are rebuilt
DEFAULT_CACHE = Path("/tmp/kintsugi-bench")
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "to",
    "vi",
    "ze",
    "an",
    "el",
    "or",
    "um",
    "ish",
    "th",
    "br",
    "gr",
    "st",
    "pl",
    "qu",
]
COMMON = [
    "the",
    "and",
    "to",
    "of",
    "i",
    "we",
    "it",
    "was",
    "that",
    "felt",
    "talk",
    "today",
    "when",
    "trust",
    "again",
    "about",
    "walk",
    "therapy",
    "partner",
    "morning",
    "night",
    "tired",
    "calm",
    "hope",
    "angry",
    "sad",
]
TAGS = ["therapy", "work", "us", "kids", "sleep"]


def make_vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def make_entries(n: int, seed: int = 7) -> tuple[list[Entry], list[str]]:
    """``n`` journal entries of 80–300 words, 1–4 a day: 40 % common words, the rest from
    a 6,000-word made-up vocabulary (so rare words are rare)."""
    rng = random.Random(seed)
    vocab = make_vocabulary(rng)
    start = datetime(2016, 1, 1, 8).astimezone()
    entries = []
    for i in range(n):
        words = [
            rng.choice(COMMON) if rng.random() < 0.4 else rng.choice(vocab)
            for _ in range(rng.randint(80, 300))
        ]
        entries.append(
            Entry(
                title=" ".join(words[:4]).capitalize(),
                body=" ".join(words),
                mood=rng.randint(-3, 3),
                tags=rng.sample(TAGS, 1),
                occurred_at=start + timedelta(minutes=50 * i + rng.randint(0, 40)),
            )
        )
    return entries, vocab


def raw_text_bytes(entries: list[Entry]) -> int:
    return sum(len(f"{e.title}{e.body}{''.join(e.tags)}".encode()) for e in entries)


def queries(vocab: list[str], seed: int = 11) -> list[tuple[str, str, str]]:
    """(class, what a person types, the reference's FTS5 query): rare words, two words,
    prefixes and common words, 83 in all."""
    rng = random.Random(seed)
    out = [("rare", w, f'"{w}"') for w in (rng.choice(vocab) for _ in range(40))]
    for _ in range(20):
        a, b = rng.choice(vocab), rng.choice(vocab)
        out.append(("two words", f"{a} {b}", f'"{a}" AND "{b}"'))
    for _ in range(20):
        p = rng.choice(vocab)[:3]
        out.append(("prefix", p + "*", f'"{p}"*'))
    out += [("common", "trust", '"trust"'), ("common", "hope", '"hope"')]
    out.append(("common", "walk therapy", '"walk" AND "therapy"'))
    return out


# --- the reference store ---------------------------------------------------------------
REFERENCE_SCHEMA = (
    "CREATE TABLE doc (id INTEGER PRIMARY KEY, occurred_at TEXT NOT NULL,"
    " title TEXT NOT NULL, body TEXT NOT NULL, tags TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE doc_fts USING fts5 (title, body, tags, content = 'doc',"
    " content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')",
)
REFERENCE_SEARCH = (
    "SELECT d.id, d.occurred_at, d.title,"
    f" snippet(doc_fts, 1, char(2), char(3), '…', {SNIPPET_WORDS}),"
    f" snippet(doc_fts, 0, char(2), char(3), '…', {SNIPPET_WORDS})"
    " FROM doc_fts JOIN doc d ON d.id = doc_fts.rowid"
    f" WHERE doc_fts MATCH ? AND doc_fts.rank MATCH '{RANKING}'"
    " ORDER BY doc_fts.rank LIMIT 50"
)
REFERENCE_INSERT = "INSERT INTO doc (occurred_at, title, body, tags) VALUES (?, ?, ?, ?)"
REFERENCE_INDEX = "INSERT INTO doc_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)"
REFERENCE_PAGE = "SELECT id, occurred_at, title FROM doc ORDER BY occurred_at DESC LIMIT 100"


def reference_connect(path: Path) -> Any:
    key_file = path.with_suffix(".key")
    if not key_file.exists():
        key_file.write_text(os.urandom(kdf.KEY_LEN).hex() + kdf.new_salt(kdf.DEFAULT_PARAMS).hex())
    raw = key_file.read_text()
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA key = \"x'{raw}'\"")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    for name, value, _ in _PRAGMAS:
        conn.execute(f"PRAGMA {name} = {value}")
    return conn


def reference_row(e: Entry) -> tuple[str, str, str, str]:
    return (e.occurred_at.isoformat(), e.title, e.body, " ".join(e.tags))


def build_reference(path: Path, entries: list[Entry]) -> float:
    conn = reference_connect(path)
    t = time.perf_counter()
    for statement in REFERENCE_SCHEMA:
        conn.execute(statement)
    conn.execute("CREATE INDEX doc_time ON doc (occurred_at)")
    for i in range(0, len(entries), 1000):
        conn.execute("BEGIN")
        for e in entries[i : i + 1000]:
            row = reference_row(e)
            rowid = conn.execute(REFERENCE_INSERT, row).lastrowid
            conn.execute(REFERENCE_INDEX, (rowid, row[1], row[2], row[3]))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - t
    conn.close()
    return elapsed


def build_vault(path: Path, entries: list[Entry]) -> float:
    vault = Vault.create(path, PASSPHRASE, params=kdf.DEFAULT_PARAMS)
    repo = EntryRepository(vault.db)
    t = time.perf_counter()
    for i in range(0, len(entries), 1000):
        with vault.db.transaction():
            for e in entries[i : i + 1000]:
                repo.add(e)
    elapsed = time.perf_counter() - t
    vault.lock()
    return elapsed


def store_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


@dataclass
class Stores:
    n: int
    vault: Path
    reference: Path
    raw_bytes: int
    entries: list[Entry]
    vocab: list[str]


def prepare(n: int, cache: Path) -> Stores:
    entries, vocab = make_entries(n)
    folder = cache / f"n{n}-g{GENERATOR}"
    folder.mkdir(parents=True, exist_ok=True)
    vault = folder / f"vault-v{LATEST_VERSION}.kintsugi"
    reference = folder / "reference.db"
    if not reference.exists():
        print(f"… building the reference store, {n:,} entries", file=sys.stderr, flush=True)
        build_reference(reference, entries)
    older = sorted(folder.glob("vault-v*.kintsugi"), key=lambda p: int(p.stem.split("-v")[1]))
    if not vault.exists() and older:  # a newer schema: migrate a copy, as a user's would be
        print(f"… migrating {older[-1].name} to v{LATEST_VERSION}", file=sys.stderr, flush=True)
        tmp = vault.with_suffix(".tmp")
        shutil.copy(older[-1], tmp)
        Vault.open(tmp, PASSPHRASE).lock()
        for extra in ("-wal", "-shm"):
            Path(str(tmp) + extra).unlink(missing_ok=True)
        tmp.rename(vault)
    if not vault.exists():
        print(f"… building the vault, {n:,} entries", file=sys.stderr, flush=True)
        build_vault(vault, entries)
    return Stores(n, vault, reference, raw_text_bytes(entries), entries, vocab)


# --- measuring ---------------------------------------------------------------------------
def pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return 1000 * (time.perf_counter() - t)


def timed_both(fn) -> tuple[float, float]:
    """(wall, CPU) milliseconds. CPU is this thread's own time (SQLite runs in it): on a
    shared machine it leaves out the time spent waiting for a core, which wall time
    charges to whichever side happened to be preempted."""
    c, t = time.thread_time(), time.perf_counter()
    fn()
    return 1000 * (time.perf_counter() - t), 1000 * (time.thread_time() - c)


def measure(stores: Stores, passes: int) -> dict[str, dict[str, list[float]]]:
    """{measure: {"kintsugi": [one value per pass], "limit": [...]}}, measured on copies
    of the kept stores (the saves change them)."""
    with tempfile.TemporaryDirectory(dir=stores.vault.parent) as tmp:
        vault_copy, ref_copy = Path(tmp, stores.vault.name), Path(tmp, stores.reference.name)
        shutil.copy(stores.vault, vault_copy)
        shutil.copy(stores.reference, ref_copy)
        shutil.copy(stores.reference.with_suffix(".key"), ref_copy.with_suffix(".key"))
        return _measure(stores, vault_copy, ref_copy, passes)


def _measure(stores: Stores, vault_path: Path, ref_path: Path, passes: int) -> dict:
    vault = Vault.open(vault_path, PASSPHRASE)
    ref = reference_connect(ref_path)
    search, items, repo = Search(vault.db), Items(vault.db), EntryRepository(vault.db)
    mix = queries(stores.vocab)
    out: dict[str, dict[str, list[float]]] = {}

    def record(name: str, who: str, value: float) -> None:
        out.setdefault(name, {"kintsugi": [], "limit": []})[who].append(value)

    def ref_search(fts: str) -> None:
        ref.execute(REFERENCE_SEARCH, (fts,)).fetchall()

    for _ in mix[:10]:  # warm both caches alike
        search.search(_[1])
        ref_search(_[2])
    rng = random.Random(5)
    for p in range(passes):
        k_all: list[float] = []
        r_all: list[float] = []
        k_cpu: list[float] = []
        r_cpu: list[float] = []
        by_class: dict[str, tuple[list[float], list[float]]] = {}
        cpu_class: dict[str, tuple[list[float], list[float]]] = {}
        for n, (cls, typed, fts) in enumerate(mix):
            pair = [
                ("kintsugi", lambda typed=typed: search.search(typed, limit=50)),
                ("limit", lambda fts=fts: ref_search(fts)),
            ]
            if (n + p) % 2:
                pair.reverse()
            for who, fn in pair:
                ms, cpu = timed_both(fn)
                (k_all if who == "kintsugi" else r_all).append(ms)
                (k_cpu if who == "kintsugi" else r_cpu).append(cpu)
                by_class.setdefault(cls, ([], []))[who == "limit"].append(ms)
                cpu_class.setdefault(cls, ([], []))[who == "limit"].append(cpu)
        record("search p50 (ms)", "kintsugi", statistics.median(k_all))
        record("search p50 (ms)", "limit", statistics.median(r_all))
        record("search p95 (ms)", "kintsugi", pct(k_all, 0.95))
        record("search p95 (ms)", "limit", pct(r_all, 0.95))
        for cls, (k, r) in by_class.items():
            record(f"  {cls} p50 (ms)", "kintsugi", statistics.median(k))
            record(f"  {cls} p50 (ms)", "limit", statistics.median(r))
        record("search p50 CPU (ms)", "kintsugi", statistics.median(k_cpu))
        record("search p50 CPU (ms)", "limit", statistics.median(r_cpu))
        record("search p95 CPU (ms)", "kintsugi", pct(k_cpu, 0.95))
        record("search p95 CPU (ms)", "limit", pct(r_cpu, 0.95))
        for cls, (k, r) in cpu_class.items():
            record(f"  {cls} p50 CPU (ms)", "kintsugi", statistics.median(k))
            record(f"  {cls} p50 CPU (ms)", "limit", statistics.median(r))

        k_page = [timed(lambda: items.timeline(limit=100)) for _ in range(30)]
        r_page = [timed(lambda: ref.execute(REFERENCE_PAGE).fetchall()) for _ in range(30)]
        record("newest-100 page p50 (ms)", "kintsugi", statistics.median(k_page))
        record("newest-100 page p50 (ms)", "limit", statistics.median(r_page))

    # Saves last, once for all passes: the index segments they add would slow later
    # searches, and on both sides they are measured on throwaway copies.
    k_save, r_save = [], []
    for _ in range(40 * passes):
        body = " ".join(rng.choice(stores.vocab) for _ in range(150))
        e = Entry(title="today", body=body, tags=["us"])

        def ref_save(e: Entry = e) -> None:
            ref.execute("BEGIN")
            row = reference_row(e)
            rowid = ref.execute(REFERENCE_INSERT, row).lastrowid
            ref.execute(REFERENCE_INDEX, (rowid, row[1], row[2], row[3]))
            ref.execute("COMMIT")

        k_save.append(timed(lambda e=e: repo.add(e)))
        r_save.append(timed(ref_save))
    record("durable save p50 (ms)", "kintsugi", statistics.median(k_save))
    record("durable save p50 (ms)", "limit", statistics.median(r_save))
    record("durable save p95 (ms)", "kintsugi", pct(k_save, 0.95))
    record("durable save p95 (ms)", "limit", pct(r_save, 0.95))
    ref.close()
    vault.lock()
    return out


def sizes(stores: Stores) -> dict[str, float]:
    return {
        "kintsugi": store_size(stores.vault) / stores.raw_bytes,
        "limit": store_size(stores.reference) / stores.raw_bytes,
    }


def spread(values: list[float]) -> str:
    med = statistics.median(values)
    if len(values) < 2:
        return f"{med:.2f}"
    return f"{med:.2f} ({min(values):.2f}–{max(values):.2f})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="entries, comma-separated")
    ap.add_argument("--passes", type=int, default=3, help="passes over the workload")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where stores are kept")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args(argv)
    results: dict[int, dict] = {}
    for n in (int(s) for s in args.sizes.split(",")):
        stores = prepare(n, args.cache)
        size = sizes(stores)  # as built (the runs work on copies)
        timings = measure(stores, args.passes)
        results[n] = {"timings": timings, "size / raw text": size}
        print(f"\n{n:,} entries ({stores.raw_bytes / 1e6:.1f} MB of text), {args.passes} passes")
        print(f"{'measure':28} {'kintsugi':>22} {'limit':>22} {'ratio':>6}")
        for name, both in timings.items():
            k, r = both["kintsugi"], both["limit"]
            ratio = statistics.median(k) / statistics.median(r)
            print(f"{name:28} {spread(k):>22} {spread(r):>22} {ratio:6.2f}")
        print(
            f"{'file size / raw text':28} {size['kintsugi']:>22.2f} {size['limit']:>22.2f}"
            f" {size['kintsugi'] / size['limit']:6.2f}"
        )
    print(
        f"\nSQLCipher {sqlcipher3.sqlite_version} (sqlcipher3) · Python "
        f"{platform.python_version()} · medians over passes (min–max)"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

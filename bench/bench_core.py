"""Kintsugi's core against plain SQLite on the same workload, in the same run.

The same repository code runs twice: once over a plain ``sqlite3`` connection
with the same schema and settings (WAL, synchronous=FULL, exclusive locking),
once over the real SQLCipher vault. The ratios are the cost of encryption.

    python bench/bench_core.py            # 100,000 items (several minutes)
    python bench/bench_core.py --n 5000   # a quick look
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import sqlcipher3

from kintsugi.core import kdf
from kintsugi.core.db import Database
from kintsugi.core.records import Entry
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.schema import MIGRATIONS, migrate
from kintsugi.core.search import Search
from kintsugi.core.vault import CACHE_KIB, Vault, read_salt

PASSPHRASE = "benchmark passphrase, not secret"
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
COMMON = (
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
)


def make_vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def make_entries(n: int, seed: int = 7) -> tuple[list[Entry], list[str]]:
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
                tags=rng.sample(["therapy", "work", "us", "kids", "sleep"], 1),
                occurred_at=start + timedelta(minutes=50 * i + rng.randint(0, 40)),
            )
        )
    return entries, vocab


def plain_open(path: Path) -> Database:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    for pragma in (
        "journal_mode = WAL",
        "synchronous = FULL",
        "temp_store = MEMORY",
        "secure_delete = ON",
        "foreign_keys = ON",
    ):
        conn.execute(f"PRAGMA {pragma}")
    return Database(conn)


@dataclass
class Backend:
    name: str
    path: Path
    results: dict = field(default_factory=dict)
    vault: Vault | None = None

    def create(self) -> Database:
        if self.name == "sqlite":
            db = plain_open(self.path)
            migrate(db)
            return db
        self.vault = Vault.create(self.path, PASSPHRASE, params=kdf.DEFAULT_PARAMS)
        return self.vault.db

    def open(self) -> Database:
        """Open without the KDF (timed apart): the vault's key is derived before the clock."""
        if self.name == "sqlite":
            return plain_open(self.path)
        salt = read_salt(self.path)
        t = time.perf_counter()
        key = kdf.derive_key(PASSPHRASE, salt)
        self.results["KDF (s)"] = time.perf_counter() - t
        self.t0 = time.perf_counter()
        self.vault = Vault._open_with_key(self.path, key, salt, MIGRATIONS)
        return self.vault.db


def pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def run_backend(b: Backend, entries: list[Entry], vocab: list[str], rng_seed: int) -> None:
    rng = random.Random(rng_seed)
    db = b.create()
    repo = EntryRepository(db)
    t = time.perf_counter()
    for i in range(0, len(entries), 1000):
        with db.transaction():
            for e in entries[i : i + 1000]:
                repo.add(e)
    b.results["bulk import (s)"] = time.perf_counter() - t
    db.close()

    # open to first page; the vault's KDF is timed apart (it is what unlocking costs by design)
    t = time.perf_counter()
    db = b.open()
    first = Items(db).timeline(limit=100)
    b.results["open → first page, KDF apart (ms)"] = 1000 * (
        time.perf_counter() - getattr(b, "t0", t)
    )
    assert len(first) == 100

    items, repo, search = Items(db), EntryRepository(db), Search(db)
    samples = []
    for _ in range(60):
        t = time.perf_counter()
        items.timeline(limit=100)
        samples.append(time.perf_counter() - t)
    b.results["newest-100 page p50 (ms)"] = 1000 * statistics.median(samples)
    deep = items.timeline(limit=100, after=(entries[len(entries) // 2].occurred_at, 10**9))
    assert len(deep) == 100
    samples = []
    for k in range(60):
        anchor = entries[(k * 7919) % len(entries)]
        t = time.perf_counter()
        items.timeline(limit=100, after=(anchor.occurred_at, 10**9))
        samples.append(time.perf_counter() - t)
    b.results["page deep in history p50 (ms)"] = 1000 * statistics.median(samples)

    samples = []
    for _ in range(200):
        e = Entry(title="today", body=" ".join(rng.choice(vocab) for _ in range(150)))
        t = time.perf_counter()
        repo.add(e)
        samples.append(time.perf_counter() - t)
    b.results["durable save p50 (ms)"] = 1000 * statistics.median(samples)
    b.results["durable save p99 (ms)"] = 1000 * pct(samples, 0.99)

    queries = (
        [rng.choice(vocab) for _ in range(40)]
        + [f"{rng.choice(vocab)} {rng.choice(vocab)}" for _ in range(20)]
        + [rng.choice(vocab)[:3] + "*" for _ in range(20)]
        + ["trust", "walk therapy", "hope"]
    )
    samples = []
    for q in queries:
        t = time.perf_counter()
        search.search(q, limit=50)
        samples.append(time.perf_counter() - t)
    b.results["search p50 (ms)"] = 1000 * statistics.median(samples)
    b.results["search p95 (ms)"] = 1000 * pct(samples, 0.95)
    db.close()
    b.results["file size (MB)"] = (
        sum(p.stat().st_size for p in b.path.parent.glob(b.path.name + "*")) / 1e6
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="items (default 100,000)")
    ap.add_argument("--dir", help="work folder (default: a temp folder)")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args(argv)
    entries, vocab = make_entries(args.n)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        backends = [
            Backend("sqlite", Path(tmp, "plain.db")),
            Backend("kintsugi", Path(tmp, "vault.kintsugi")),
        ]
        for b in backends:
            print(f"… {b.name}: {args.n:,} entries", file=sys.stderr, flush=True)
            run_backend(b, entries, vocab, rng_seed=11)
    plain, vault = (b.results for b in backends)
    rows = [k for k in vault if k in plain]
    print(
        f"\n{args.n:,} entries · SQLCipher {sqlcipher3.sqlite_version} "
        f"(sqlcipher3) vs SQLite {sqlite3.sqlite_version} · Python {platform.python_version()}"
    )
    print(f"{'measure':40} {'sqlite':>10} {'kintsugi':>10} {'ratio':>7}")
    for k in rows:
        ratio = vault[k] / plain[k] if plain[k] else float("nan")
        print(f"{k:40} {plain[k]:10.3f} {vault[k]:10.3f} {ratio:7.2f}")
    print(f"{'KDF (s), Argon2id m=64 MiB t=3 p=4':40} {'':10} {vault['KDF (s)']:10.3f}")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"n": args.n, "sqlite": plain, "kintsugi": vault}, indent=2)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

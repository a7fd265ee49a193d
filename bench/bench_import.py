"""``kintsugi import`` of a jrnl JSON export against the limit, at 1k, 10k and 100k entries.

Kintsugi: open the vault (the KDF) and ``importing.import_path`` the file — streamed
parsing, validation, batched inserts through the repositories.

The limit: the same KDF, then the very rows Kintsugi writes (item, entry, tag, item_tag and
the FTS5 index), computed before the clock starts, inserted with one raw ``executemany``
per table in one transaction, on the same sqlcipher3 build with a raw key, the same settings
(WAL, synchronous=FULL, exclusive locking, the same cache) and the same schema (a fresh
vault made by Kintsugi, so the tables and the FTS5 table are identical).

Each run is a child process on a fresh vault, Kintsugi and the limit interleaved. The peak
memory is the child's resident high-water mark *during the import* (``VmHWM`` after
resetting it through ``/proc/self/clear_refs`` once the KDF is done).

    python bench/bench_import.py                       # 1k, 10k, 100k (a few minutes)
    python bench/bench_import.py --sizes 1000 --repeat 3
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

PASSPHRASE = "benchmark passphrase, not secret"


def make_file(path: Path, n: int, seed: int = 7) -> None:
    """A jrnl JSON export of ``n`` entries: a title, ~90 words of body, 0–2 tags."""
    rng = random.Random(seed)
    vocab = [
        "".join(rng.choice("aeioulmnrstkpvbdgh") for _ in range(rng.randint(3, 9)))
        for _ in range(5000)
    ]
    tags = [f"@{w}" for w in vocab[:40]]
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"tags": {}, "entries": [\n')
        for i in range(n):
            day = f"20{10 + i // 36500 % 80:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            entry = {
                "date": day,
                "time": f"{i % 24:02d}:{i % 60:02d}",
                "title": " ".join(rng.choices(vocab, k=5)),
                "body": " ".join(rng.choices(vocab, k=90)) + f" {i}",
                "tags": rng.sample(tags, rng.randint(0, 2)),
                "starred": False,
            }
            f.write(("," if i else "") + json.dumps(entry) + "\n")
        f.write("]}\n")


def _vm(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def _cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


# --- the two children ------------------------------------------------------------------------
def child_kintsugi(file: Path, vault_path: Path) -> dict:
    from kintsugi.core import importing
    from kintsugi.core.vault import Vault

    start, cpu = time.perf_counter(), _cpu()
    vault = Vault.open(vault_path, PASSPHRASE)
    opened = time.perf_counter()
    _reset_peak()
    base = _vm("VmRSS")
    reports = []
    result = importing.import_path(
        vault.db, file, progress=lambda p: reports.append(p.items) or True
    )
    done, cpu = time.perf_counter(), _cpu() - cpu
    peak = _vm("VmHWM")
    vault.lock()
    return {
        "seconds": done - start,
        "cpu": cpu,
        "kdf_open": opened - start,
        "added": result.added,
        "peak_rss": peak,
        "rss_before_import": base,
        "progress_reports": len(reports),
    }


def limit_rows(file: Path) -> dict:
    """The rows Kintsugi writes for this file, made by the shortest code that does what the
    import's contract needs: the file parsed (``json.loads``, in C), each entry's time as a
    local time, its uid (what says "already here" on a second import), its clean tags, its
    timeline title and excerpt (columns of the schema) and its index row."""
    from kintsugi.core.importing import _stable_uid
    from kintsugi.core.repo.base import clean_tags, excerpt_of
    from kintsugi.core.timeutil import now, to_db

    doc = json.loads(file.read_bytes())
    stamp = to_db(now())
    items, entries, fts, tagged = [], [], [], []
    for n, e in enumerate(doc["entries"], 1):
        wall = datetime.fromisoformat(f"{e['date']}T{e['time']}")
        title, body = e["title"].strip(), e["body"].strip()
        tags = clean_tags([t.lower().lstrip("@") for t in e["tags"]])
        uid = _stable_uid("jrnl", wall.isoformat(timespec="minutes"), title, body)
        items.append(
            (n, uid, "entry", *to_db(wall.astimezone()), title, excerpt_of(body), 0, "")
            + (*stamp, *stamp)
        )
        entries.append((n, title, body, None))
        fts.append((n, title, body, " ".join(tags)))
        tagged += [(n, t) for t in tags]
    names = sorted({t for _, t in tagged})
    return {"items": items, "entries": entries, "fts": fts, "tagged": tagged, "names": names}


def _limit_connect(vault_path: Path):  # type: ignore[no-untyped-def]
    import sqlcipher3

    from kintsugi.core import kdf
    from kintsugi.core.vault import CACHE_KIB, read_salt

    salt = read_salt(vault_path)
    key = kdf.derive_key(PASSPHRASE, salt)
    conn = sqlcipher3.connect(str(vault_path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}{salt.hex()}'\"")
    for pragma in (
        "locking_mode = EXCLUSIVE",
        "temp_store = MEMORY",
        f"cache_size = -{CACHE_KIB}",
        "journal_mode = WAL",
        "synchronous = FULL",
        "secure_delete = ON",
        "foreign_keys = ON",
    ):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def _limit_insert(conn, rows: dict) -> None:  # type: ignore[no-untyped-def]
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO item (id, uid, kind, occurred_at, occurred_tz, title, excerpt, shared,"
        " private_note, created_at, created_tz, updated_at, updated_tz)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows["items"],
    )
    conn.executemany(
        "INSERT INTO entry (item_id, title, body, mood) VALUES (?, ?, ?, ?)", rows["entries"]
    )
    conn.executemany("INSERT INTO tag (name) VALUES (?)", [(n,) for n in rows["names"]])
    conn.executemany(
        "INSERT INTO item_tag (item_id, tag_id) SELECT ?, id FROM tag WHERE name = ?",
        rows["tagged"],
    )
    conn.executemany("INSERT INTO fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)", rows["fts"])
    conn.execute("COMMIT")


def _new_uids(conn, rows: dict) -> None:  # type: ignore[no-untyped-def]
    """The contract's "already here": drop the rows whose uid the vault holds (one indexed
    lookup per 500 uids) or that came earlier in the file."""
    uids = [row[1] for row in rows["items"]]
    found: set[str] = set()
    for start in range(0, len(uids), 500):
        chunk = uids[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        found.update(
            r[0] for r in conn.execute(f"SELECT uid FROM item WHERE uid IN ({marks})", chunk)
        )
    keep: set[int] = set()
    for row in rows["items"]:
        if row[1] not in found:
            found.add(row[1])
            keep.add(row[0])
    if len(keep) < len(uids):
        for table in ("items", "entries", "fts", "tagged"):
            rows[table] = [r for r in rows[table] if r[0] in keep]


def child_limit(file: Path, vault_path: Path, *, prebuilt: bool = False) -> dict:
    """The limit: the KDF, then the file read and its rows made (:func:`limit_rows`) and
    checked for uids already here, then one ``executemany`` per table in one transaction.
    ``prebuilt``: the rows made before the clock starts (the inserts alone)."""
    import sqlcipher3  # noqa: F401 - every import before the clock, as Kintsugi's child does

    import kintsugi.core.importing  # noqa: F401
    import kintsugi.core.kdf  # noqa: F401

    rows = limit_rows(file) if prebuilt else None
    start, cpu = time.perf_counter(), _cpu()
    conn = _limit_connect(vault_path)
    opened = time.perf_counter()
    _reset_peak()
    if rows is None:
        rows = limit_rows(file)
        _new_uids(conn, rows)
    _limit_insert(conn, rows)
    done, cpu = time.perf_counter(), _cpu() - cpu
    count = conn.execute("SELECT count(*) FROM item").fetchone()[0]
    conn.close()
    return {
        "seconds": done - start,
        "cpu": cpu,
        "kdf_open": opened - start,
        "added": count,
        "peak_rss": _vm("VmHWM"),
    }


# --- the parent ------------------------------------------------------------------------------
def fresh_vault(path: Path) -> None:
    from kintsugi.core import kdf
    from kintsugi.core.vault import Vault

    Vault.create(path, PASSPHRASE, params=kdf.DEFAULT_PARAMS).lock()


def run_child(mode: str, file: Path, vault_path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(file), str(vault_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def spread(values: list[float]) -> str:
    med = statistics.median(values)
    return f"{med:.2f} s (min {min(values):.2f}, max {max(values):.2f})"


MODES = ("kintsugi", "limit", "inserts")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--repeat", type=int, default=0, help="runs per size (default 5/5/3)")
    ap.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "VAULT"))
    args = ap.parse_args()
    if args.child:
        mode, file, vault_path = args.child
        if mode == "kintsugi":
            res = child_kintsugi(Path(file), Path(vault_path))
        else:
            res = child_limit(Path(file), Path(vault_path), prebuilt=mode == "inserts")
        print(json.dumps(res))
        return

    print(f"# bench_import: {platform.python_version()}, {platform.machine()}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        for n in args.sizes:
            file = tmpdir / f"jrnl-{n}.json"
            make_file(file, n)
            repeat = args.repeat or (3 if n >= 100_000 else 5)
            runs: dict[str, list[dict]] = {mode: [] for mode in MODES}
            load = [os.getloadavg()[0]]
            for r in range(repeat):
                order = MODES[r % 3 :] + MODES[: r % 3]  # each mode first in turn
                for mode in order:
                    vault_path = tmpdir / f"{mode}-{n}-{r}.kintsugi"
                    fresh_vault(vault_path)
                    res = run_child(mode, file, vault_path)
                    assert res["added"] == n, res
                    runs[mode].append(res)
                    for extra in vault_path.parent.glob(vault_path.name + "*"):
                        extra.unlink()
                load.append(os.getloadavg()[0])
            row: dict = {"n": n, "file_mb": file.stat().st_size / 2**20, "load": load}
            for mode in MODES:
                row[mode] = [x["seconds"] for x in runs[mode]]
                row[f"{mode}_cpu"] = [x["cpu"] for x in runs[mode]]
                row[f"{mode}_peak_rss_mb"] = (
                    statistics.median(x["peak_rss"] for x in runs[mode]) / 2**20
                )
            for ref in ("limit", "inserts"):
                row[f"ratio_{ref}"] = statistics.median(row["kintsugi"]) / statistics.median(
                    row[ref]
                )
                row[f"cpu_ratio_{ref}"] = statistics.median(
                    row["kintsugi_cpu"]
                ) / statistics.median(row[f"{ref}_cpu"])
            row["kdf"] = statistics.median(x["kdf_open"] for x in runs["kintsugi"])
            row["rss_before_mb"] = (
                statistics.median(x["rss_before_import"] for x in runs["kintsugi"]) / 2**20
            )
            row["progress_reports"] = runs["kintsugi"][0]["progress_reports"]
            results.append(row)
            print(
                f"{n:>7} entries ({row['file_mb']:.1f} MB), load {min(load):.1f}–{max(load):.1f}:"
                f" wall Kintsugi {spread(row['kintsugi'])}, limit {spread(row['limit'])}, "
                f"inserts alone {spread(row['inserts'])}; ratio {row['ratio_limit']:.2f} "
                f"({row['ratio_inserts']:.2f} to the inserts alone)\n"
                f"        CPU Kintsugi {spread(row['kintsugi_cpu'])}, limit "
                f"{spread(row['limit_cpu'])}, inserts alone {spread(row['inserts_cpu'])}; "
                f"ratio {row['cpu_ratio_limit']:.2f} ({row['cpu_ratio_inserts']:.2f} to the "
                f"inserts alone); KDF+open {row['kdf']:.2f} s\n"
                f"        peak RSS during import {row['kintsugi_peak_rss_mb']:.0f} MB (before it "
                f"{row['rss_before_mb']:.0f} MB; the limit, file held: "
                f"{row['limit_peak_rss_mb']:.0f} MB); {row['progress_reports']} progress reports",
                flush=True,
            )
    print(json.dumps(results))


if __name__ == "__main__":
    main()

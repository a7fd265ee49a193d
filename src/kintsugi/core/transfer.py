"""Getting records out (exports) and in (imports), whole and atomic.

Exports: a share bundle (age), Markdown, lossless JSON, or Markdown one file per day (a
zip). Every file is written with 0600 permissions and atomically, and every export is
logged (when, to whom, which items, the file's SHA-256). The PDF report is made by the UI
layer (Qt) and written through :func:`write_export` like the rest.

Imports: a partner's share bundle (kept read-only), a Kintsugi JSON export, jrnl (JSON or
plain text) and Day One JSON. Each import is one transaction: all or nothing. Items whose
uid is already in the vault are skipped, so importing a file twice adds nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from kintsugi.core import fsutil, share
from kintsugi.core.db import Database
from kintsugi.core.errors import InvalidRecord, KintsugiError, RecordNotFound
from kintsugi.core.records import (
    RECORD_TYPES,
    BoundaryRevision,
    Emotion,
    Entry,
    GoalProgress,
    GroundingSession,
    Record,
)
from kintsugi.core.render import render_record
from kintsugi.core.repo import repository_for
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.sharing import SenderStatus, Sharing
from kintsugi.core.serialize import record_to_dict
from kintsugi.core.timeutil import day_start_utc

EXPORT_FORMAT, EXPORT_VERSION = "kintsugi-export", 1
MAX_IMPORT = 256 * 1024 * 1024
Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


class ImportError_(KintsugiError):
    exit_code = 2
    default_message = "Kintsugi doesn't recognise this file; nothing was imported."


class ExportCancelled(KintsugiError):
    default_message = "The export was cancelled; no file was written."


# --- choosing --------------------------------------------------------------------------
def select(
    db: Database,
    *,
    ids: list[int] | None = None,
    shared: bool = False,
    since: date | None = None,
    until: date | None = None,
    everything: bool = False,
    kinds: tuple[str, ...] = (),
) -> list[Record]:
    """The records to export, oldest first."""
    items = Items(db)
    if ids:
        return [items.get(i) for i in ids]
    where, args = ["i.deleted_at IS NULL"], []
    if shared:
        where.append("i.shared = 1")
    if not (shared or everything):
        raise ValueError("choose ids, the shared items, or everything")
    if since:
        where.append("i.occurred_at >= ?")
        args.append(day_start_utc(since))
    if until:
        where.append("i.occurred_at < ?")
        args.append(day_start_utc(until + timedelta(days=1)))
    if kinds:
        where.append(f"i.kind IN ({','.join('?' for _ in kinds)})")
        args += list(kinds)
    with db.read() as conn:
        found = [
            r[0]
            for r in conn.execute(
                f"SELECT i.id FROM item i WHERE {' AND '.join(where)} ORDER BY i.occurred_at, i.id",
                args,
            )
        ]
    return [items.get(i) for i in found]


# --- exporting --------------------------------------------------------------------------
def full_dict(rec: Record, db: Database) -> dict[str, Any]:
    data = record_to_dict(rec)
    data.pop("id", None)
    if isinstance(rec, GroundingSession) and rec.trigger_id is not None:
        with contextlib.suppress(RecordNotFound):  # a purged trigger: no link to keep
            data["trigger_uid"] = Items(db).get(rec.trigger_id).uid
    data.pop("trigger_id", None)
    return data


def payload_for(
    db: Database,
    records: list[Record],
    *,
    exporter: str = "",
    options: share.ShareOptions = share.DEFAULT_OPTIONS,
    exported_at: datetime | None = None,
) -> share.Payload:
    """The one payload of a share (bundle, Markdown or PDF), with the trigger each exercise
    answered."""
    items = Items(db)

    def answered(rec: Record) -> Record | None:
        if not isinstance(rec, GroundingSession) or rec.trigger_id is None:
            return None
        try:
            return items.get(rec.trigger_id)
        except RecordNotFound:
            return None

    return share.build_payload(
        records,
        exporter=exporter,
        options=options,
        exported_at=exported_at,
        answered=answered,
        sender=Sharing(db).sender(),
    )


def export_bytes(
    db: Database,
    records: list[Record],
    fmt: str,
    *,
    exporter: str = "",
    recipients: list[str] | None = None,
    bundle_passphrase: str | None = None,
    progress: Progress | None = None,
    options: share.ShareOptions = share.DEFAULT_OPTIONS,
    payload: share.Payload | None = None,
) -> bytes:
    """The bytes of an export in ``fmt``: "age", "md", "json" or "md-days" (zip). "age" and
    "md" are rendered from ``payload`` (made from ``records`` when not given)."""

    def tick(n: int) -> None:
        if progress is not None and not progress(n, len(records)):
            raise ExportCancelled()

    if fmt in ("age", "md") and payload is None:
        payload = payload_for(db, records, exporter=exporter, options=options)
    if fmt == "age":
        tick(0)
        return share.encrypt(
            share.build_plaintext(payload, Sharing(db).signing_key()),
            recipients=recipients,
            passphrase=bundle_passphrase,
        )
    if fmt == "md":
        tick(0)
        return payload.markdown(title="Kintsugi export", bundle=False).encode("utf-8")
    if fmt == "json":
        out = []
        for n, rec in enumerate(records):
            if n % 500 == 0:
                tick(n)
            out.append(full_dict(rec, db))
        doc = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "items": out,
        }
        return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "md-days":
        days: dict[str, list[Record]] = {}
        for rec in records:
            days.setdefault(rec.occurred_at.date().isoformat(), []).append(rec)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for n, (day, recs) in enumerate(sorted(days.items())):
                if n % 200 == 0:
                    tick(n)
                text = f"# {day}\n\n" + "\n".join(render_record(r) for r in recs)
                z.writestr(zipfile.ZipInfo(f"kintsugi/{day}.md", (2026, 1, 1, 0, 0, 0)), text)
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r}")


def write_export(
    db: Database, data: bytes, out: Path, *, fmt: str, recipient: str, item_ids: list[int]
) -> str:
    """Write ``data`` to ``out`` (0600, atomic), log it, and return its SHA-256."""
    out = Path(out)
    try:
        fsutil.ensure_private_dir(out.parent)
        fsutil.atomic_write_bytes(out, data)
    except OSError as exc:
        from kintsugi.core.vault import _os_error

        raise _os_error(exc, out) from None
    digest = hashlib.sha256(data).hexdigest()
    Sharing(db).log(recipient=recipient, fmt=fmt, sha256=digest, item_ids=item_ids)
    return digest


# --- importing --------------------------------------------------------------------------
@dataclass
class ImportResult:
    source: str  # "bundle", "kintsugi", "jrnl", "dayone"
    added: int
    skipped: int
    sender: str = ""
    status: SenderStatus | None = None  # a bundle's: verified, unknown key, or unsigned
    signing_key: str = ""
    age_recipient: str = ""


def _aware(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.astimezone()


def record_from_dict(data: dict[str, Any]) -> Record:
    """Rebuild a record from a Kintsugi JSON export item (nested parts included)."""
    cls = RECORD_TYPES.get(data.get("kind", ""))
    if cls is None:
        raise InvalidRecord(f"Unknown kind {data.get('kind')!r}.")
    names = {f.name for f in fields(cls)} - {"id", "deleted_at"}
    values = {k: v for k, v in data.items() if k in names}
    for key in ("occurred_at", "created_at", "updated_at"):
        if isinstance(values.get(key), str):
            values[key] = _aware(values[key])
    if "emotions" in values:
        values["emotions"] = [Emotion(**e) for e in values["emotions"]]
    if "progress" in values:
        values["progress"] = [
            GoalProgress(date.fromisoformat(p["day"]), p["amount"], p.get("note", ""))
            for p in values["progress"]
        ]
    if "history" in values:
        values["history"] = [
            BoundaryRevision(
                h["text"],
                h["status"],
                date.fromisoformat(h["revisit_by"]) if h.get("revisit_by") else None,
                _aware(h["changed_at"]),
            )
            for h in values["history"]
        ]
    for key in ("agreed_on", "revisit_by", "due"):
        if isinstance(values.get(key), str):
            values[key] = date.fromisoformat(values[key])
    return cls(**values)


def _existing_uids(db: Database, uids: list[str]) -> set[str]:
    found: set[str] = set()
    with db.read() as conn:
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            found |= {
                r[0]
                for r in conn.execute(
                    f"SELECT uid FROM item WHERE uid IN ({','.join('?' for _ in chunk)})", chunk
                )
            }
    return found


def _add_all(
    db: Database, records: list[Record], trigger_links: dict[str, str] | None = None
) -> tuple[int, int]:
    existing = _existing_uids(db, [r.uid for r in records])
    added = 0
    with db.transaction():
        for rec in records:
            if rec.uid in existing:
                continue
            if isinstance(rec, GroundingSession) and trigger_links and rec.uid in trigger_links:
                with db.read() as conn:
                    row = conn.execute(
                        "SELECT id FROM item WHERE uid = ?", (trigger_links[rec.uid],)
                    ).fetchone()
                rec.trigger_id = row[0] if row else None
            repository_for(db, rec.KIND).add(rec)
            existing.add(rec.uid)
            added += 1
    return added, len(records) - added


def _stable_uid(source: str, *parts: str) -> str:
    return f"{source}-" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def parse_jrnl_json(doc: dict) -> list[Record]:
    out = []
    for e in doc["entries"]:
        when = datetime.fromisoformat(f"{e['date']}T{e.get('time', '00:00')}").astimezone()
        tags = [t.lstrip("@#") for t in e.get("tags", [])]
        title, body = str(e.get("title", "")), str(e.get("body", ""))
        out.append(
            Entry(
                uid=_stable_uid("jrnl", when.isoformat(), title, body),
                occurred_at=when,
                title=title,
                body=body.strip(),
                tags=tags,
            )
        )
    return out


_JRNL_LINE = re.compile(
    r"^\[(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})(?::\d{2})?(?: ?([AP]M))?\] ?(.*)$"
)


def parse_jrnl_text(text: str) -> list[Record]:
    out: list[Record] = []
    current: list[Any] | None = None
    for line in text.splitlines():
        m = _JRNL_LINE.match(line)
        if m:
            if current:
                out.append(_jrnl_entry(*current))
            day, clock, ampm, title = m.groups()
            if ampm:
                clock = datetime.strptime(f"{clock} {ampm}", "%I:%M %p").strftime("%H:%M")
            current = [
                datetime.fromisoformat(f"{day}T{int(clock[:-3]):02d}{clock[-3:]}"),
                title,
                [],
            ]
        elif current is not None:
            current[2].append(line)
    if current:
        out.append(_jrnl_entry(*current))
    if not out:
        raise ImportError_()
    return out


def _jrnl_entry(when: datetime, title: str, lines: list[str]) -> Entry:
    body = "\n".join(lines).strip()
    tags = sorted({t[1:] for t in re.findall(r"(?<!\w)@\w+", f"{title} {body}")})
    when = when.astimezone()
    return Entry(
        uid=_stable_uid("jrnl", when.isoformat(), title, body),
        occurred_at=when,
        title=title.strip(),
        body=body,
        tags=tags,
    )


def parse_dayone(doc: dict) -> list[Record]:
    out = []
    for e in doc["entries"]:
        when = _aware(e["creationDate"])
        text = str(e.get("text", ""))
        lines = text.strip().splitlines()
        title = lines[0].lstrip("# ").strip() if lines and lines[0].startswith("#") else ""
        body = "\n".join(lines[1:]).strip() if title else text.strip()
        uid = (
            "dayone-" + str(e["uuid"])
            if e.get("uuid")
            else _stable_uid("dayone", when.isoformat(), text)
        )
        out.append(
            Entry(
                uid=uid[:100],
                occurred_at=when,
                title=title,
                body=body,
                tags=[str(t) for t in e.get("tags", [])],
                shared=False,
            )
        )
    return out


def import_file(db: Database, data: bytes, *, bundle_passphrase: str | None = None) -> ImportResult:
    """Recognise ``data`` and import it in one transaction (or raise, having written nothing)."""
    if len(data) > MAX_IMPORT:
        raise share.BundleTooLarge()
    stripped = data.lstrip()
    if stripped.startswith(share.AGE_HEADER) or stripped.startswith(share.AGE_ARMOR):
        sharing = Sharing(db)
        content = share.open_bundle(
            data, identities=[sharing.identity()], passphrase=bundle_passphrase
        )
        status = sharing.status_of(content.exporter, content.signing_key)
        _, added = sharing.store_received(content)
        return ImportResult(
            "bundle",
            added,
            len(content.items) - added,
            status.name,
            status,
            content.signing_key,
            content.age_recipient,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportError_() from None
    if text.lstrip().startswith("["):
        return ImportResult("jrnl", *_add_all(db, parse_jrnl_text(text)))
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
        raise ImportError_() from None
    try:
        if isinstance(doc, dict) and doc.get("format") == EXPORT_FORMAT:
            if doc.get("version") != EXPORT_VERSION:
                raise ImportError_("This export comes from another version of Kintsugi.")
            records = [record_from_dict(i) for i in doc["items"]]
            links = {i["uid"]: i["trigger_uid"] for i in doc["items"] if i.get("trigger_uid")}
            return ImportResult("kintsugi", *_add_all(db, records, links))
        if isinstance(doc, dict) and isinstance(doc.get("entries"), list):
            entries = doc["entries"]
            if entries and all(isinstance(e, dict) and "creationDate" in e for e in entries):
                return ImportResult("dayone", *_add_all(db, parse_dayone(doc)))
            if all(isinstance(e, dict) and "date" in e for e in entries):
                return ImportResult("jrnl", *_add_all(db, parse_jrnl_json(doc)))
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        if isinstance(exc, KintsugiError):
            raise
        raise ImportError_(
            "This file looked familiar but parts of it are not in the expected "
            "shape; nothing was imported."
        ) from None
    raise ImportError_()

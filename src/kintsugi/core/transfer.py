"""Getting records out (exports) and in (imports), whole and atomic.

Exports: a share bundle (age), Markdown, lossless JSON, or Markdown one file per day (a
zip). Every file is written with 0600 permissions and atomically, and every export is
logged (when, to whom, which items, the file's SHA-256). The PDF report is made by the UI
layer (Qt) and written through :func:`write_export` like the rest.

Imports (a partner's share bundle, a Kintsugi JSON export, jrnl, Day One) live in
:mod:`kintsugi.core.importing`: checked, streamed, one transaction.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from kintsugi.core import fsutil, share
from kintsugi.core.db import Database
from kintsugi.core.errors import (
    ExportCancelled,
    ImportCancelled,
    ImportRefused,
    RecordNotFound,
    from_os_error,
)
from kintsugi.core.i18n import translate
from kintsugi.core.importing import (  # noqa: F401 - the import side, re-exported
    EXPORT_FORMAT,
    EXPORT_VERSION,
    ImportProgress,
    ImportResult,
    import_file,
    import_path,
    import_stream,
)
from kintsugi.core.records import Record
from kintsugi.core.render import render_record
from kintsugi.core.repo import repository_for
from kintsugi.core.repo.items import Choice, Items
from kintsugi.core.repo.pending import PendingTemps
from kintsugi.core.repo.sharing import Sharing

Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


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
    if ids:
        items = Items(db)
        return [items.get(i) for i in ids]
    return list(
        iter_records(
            db, shared=shared, since=since, until=until, everything=everything, kinds=kinds
        )
    )


def count_records(
    db: Database,
    *,
    shared: bool = False,
    since: date | None = None,
    until: date | None = None,
    everything: bool = False,
    kinds: tuple[str, ...] = (),
) -> int:
    return Items(db).count_chosen(Choice(shared, since, until, everything, kinds))


def iter_records(
    db: Database,
    *,
    shared: bool = False,
    since: date | None = None,
    until: date | None = None,
    everything: bool = False,
    kinds: tuple[str, ...] = (),
    chunk: int = 200,
) -> Iterator[Record]:
    """The same records as :func:`select`, oldest first, read ``chunk`` at a time (a keyset
    over the timeline index): what is held at once does not grow with the journal."""
    choice = Choice(shared, since, until, everything, kinds)
    choice.where()  # refuses a choice of nothing before the first read
    items = Items(db)
    after: tuple[str, int] | None = None
    while True:
        page = items.chosen_page(choice, after, chunk)
        for item_id, _ in page:
            yield items.get(item_id)
        if len(page) < chunk:
            return
        after = (page[-1][1], page[-1][0])


# --- exporting --------------------------------------------------------------------------
def full_dict(rec: Record, db: Database) -> dict[str, Any]:
    return repository_for(db, rec.KIND).export_dict(rec)


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
        answered_id = repository_for(db, rec.KIND).answers(rec)
        if answered_id is None:
            return None
        try:
            return items.get(answered_id)
        except RecordNotFound:
            return None

    from kintsugi.core.repo.attachments import AttachmentRepo

    store = AttachmentRepo(db)
    found = store.by_record([r.id for r in records if r.id is not None])

    def attachments(rec: Record) -> list[dict[str, Any]]:
        return [
            share.attachment_ref(
                name=a.name,
                mime=a.mime,
                kind=a.kind,
                size=a.size,
                sha256=a.sha256,
                width=a.width,
                height=a.height,
                duration_ms=a.duration_ms,
            )
            for a in found.get(rec.id or 0, [])
        ]

    return share.build_payload(
        records,
        exporter=exporter,
        options=options,
        exported_at=exported_at,
        answered=answered,
        sender=Sharing(db).sender(),
        attachments=attachments,
        open_blob=store.open_blob,
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

    if fmt in ("age", "md"):
        if payload is None:
            payload = payload_for(db, records, exporter=exporter, options=options)
        tick(0)
        if fmt == "age":
            return share.encrypt(
                share.build_plaintext(payload, Sharing(db).signing_key()),
                recipients=recipients,
                passphrase=bundle_passphrase,
            )
        title = translate("share", "Kintsugi export")
        return payload.markdown(title=title, bundle=False).encode("utf-8")
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
        seen: dict[str, str] = {}  # an attachment's bytes, once: sha256 -> member
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for n, (day, recs) in enumerate(sorted(days.items())):
                if n % 200 == 0:
                    tick(n)
                text = f"# {day}\n\n" + "\n".join(
                    render_record(r) + _attachment_links(db, r, z, seen) for r in recs
                )
                z.writestr(
                    zipfile.ZipInfo(f"kintsugi/{day}.md", (2026, 1, 1, 0, 0, 0)),
                    text,
                    zipfile.ZIP_DEFLATED,  # a ZipInfo of its own would store it as it is
                )
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r}")


def _attachment_links(db: Database, rec: Record, z: zipfile.ZipFile, seen: dict[str, str]) -> str:
    """A record's attachments in the Markdown export: each file beside the notes in
    ``kintsugi/attachments/`` (written into the zip a chunk at a time, once however often it
    is attached), linked relatively from the day's note (pictures shown as images)."""
    from kintsugi.core.repo.attachments import AttachmentRepo

    if rec.id is None:
        return ""
    repo = AttachmentRepo(db)
    lines = []
    for att in repo.list_for(rec.id):
        member = seen.get(att.sha256, "")
        if not member:
            member = seen[att.sha256] = f"attachments/{att.sha256[:16]}-{att.name}"
            info = zipfile.ZipInfo(f"kintsugi/{member}", (2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if att.kind == "image" else zipfile.ZIP_DEFLATED
            with z.open(info, "w") as out:
                for block in repo.chunks(att.id):
                    out.write(block)
        target = member.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        label = "".join(ch for ch in att.name if ch not in "[]")
        lines.append(f"{'!' if att.kind == 'image' else ''}[{label}]({target})")
    return ("\n\n" + "\n\n".join(lines) + "\n") if lines else ""


Put = Callable[[str], None]


def write_json_export(
    db: Database,
    records: Iterable[Record],
    out: Path,
    *,
    total: int,
    recipient: str = "file",
    progress: Progress | None = None,
    head_extra: dict[str, Any] | None = None,
    tail: Callable[[Put], None] | None = None,
) -> tuple[str, int]:
    """The lossless JSON export, streamed: each record is written as it is read (see
    :func:`iter_records`), into a 0600 temporary sibling that replaces ``out`` at the end;
    hashed as it goes, and logged. Returns (SHA-256, items written). Memory stays flat
    however large the journal is.

    ``head_extra`` adds keys to the document's head (the complete backup's
    ``"complete": true``); ``tail`` writes more top-level keys after ``"items"``, each text
    it puts starting with ``,`` (the complete backup's attachments and vault state)."""
    out = Path(out)
    digest = hashlib.sha256()
    ids = array("q")
    try:
        fsutil.ensure_private_dir(out.parent)
        # the temporary is recorded in the vault before it exists: a kill mid-write leaves
        # one the next open removes (core/repo/pending.py)
        with fsutil.atomic_output(out, pending=PendingTemps(db)) as f:

            def put(text: str) -> None:
                data = text.encode("utf-8")
                digest.update(data)
                f.write(data)

            head = json.dumps(
                {
                    "format": EXPORT_FORMAT,
                    "version": EXPORT_VERSION,
                    "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    **(head_extra or {}),
                }
            )
            put(head[:-1] + ', "items": [')
            for n, rec in enumerate(records):
                if n % 500 == 0 and progress is not None and not progress(n, total):
                    raise ExportCancelled()
                put(
                    ("\n" if n == 0 else ",\n") + json.dumps(full_dict(rec, db), ensure_ascii=False)
                )
                assert rec.id is not None  # read from the vault
                ids.append(rec.id)
            put("\n]")
            if tail is not None:
                tail(put)
            put("}\n")
    except OSError as exc:
        raise from_os_error(exc, out, vault=False) from None
    hexdigest = digest.hexdigest()
    Sharing(db).log(recipient=recipient, fmt="json", sha256=hexdigest, item_ids=ids)
    return hexdigest, len(ids)


def write_export(
    db: Database, data: bytes, out: Path, *, fmt: str, recipient: str, item_ids: list[int]
) -> str:
    """Write ``data`` to ``out`` (0600, atomic), log it, and return its SHA-256."""
    out = Path(out)
    try:
        fsutil.ensure_private_dir(out.parent)
        fsutil.atomic_write_bytes(out, data, pending=PendingTemps(db))
    except OSError as exc:
        raise from_os_error(exc, out, vault=False) from None
    digest = hashlib.sha256(data).hexdigest()
    Sharing(db).log(recipient=recipient, fmt=fmt, sha256=digest, item_ids=item_ids)
    return digest


# --- importing: kintsugi.core.importing (re-exported here for callers of the old names) -----
__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "ImportCancelled",
    "ImportRefused",
    "ImportProgress",
    "ImportResult",
    "import_file",
    "import_path",
    "import_stream",
]

"""Ways out: files other tools read.

- ``notes``: a Markdown folder that Obsidian and Joplin import — one ``.md`` file per item,
  YAML front matter (``id``, ``kind``, ``date``, ``created``, ``updated``, ``title``,
  ``tags``, ``mood``, ``starred``), then the item under its own ``#`` heading with the
  person's headings nested below it. Tags are written as both apps parse them: no spaces
  (``self care`` → ``self-care``), no ``#``, not only digits.
- ``jrnl``: jrnl's own text format (``[YYYY-MM-DD HH:MM] Title *``), which ``jrnl --import``
  reads back; tags written as ``@tag`` so jrnl finds them.
- ``csv``: a zip of ``triggers.csv``, ``grounding.csv`` and ``checkins.csv`` for a
  spreadsheet (UTF-8 with a byte-order mark, so spreadsheet programs read the accents).
- ``dayone``: a zip in Day One's import layout (``Journal.json`` with its entries).

Private notes go out in ``notes`` (a section of their own) and nowhere else.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kintsugi.core import fsutil, jrnl_format
from kintsugi.core.fieldtext import demote_headings
from kintsugi.core.records import Entry, Record
from kintsugi.core.render import item_heading, render_item

FORMATS = ("notes", "jrnl", "csv", "dayone")
_ATTACHMENT_LINK = re.compile(r"!?\[[^\]\n]*\]\(kintsugi-attachment:([A-Za-z0-9_-]{1,64})\)")
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


# --- tags -----------------------------------------------------------------------------
def note_tag(tag: str) -> str:
    """A tag as Obsidian and Joplin read it: letters, digits, ``_``, ``-`` and ``/``; a
    space becomes ``-``; a tag of only digits gets a ``_`` (Obsidian needs a letter)."""
    text = "-".join(tag.strip().lstrip("#").split())
    text = re.sub(r"[^\w\-/]", "", text)
    if text and text.isdigit():
        text = "_" + text
    return text


def jrnl_tag(tag: str) -> str:
    """A tag as jrnl reads it: ``@`` then letters, digits, ``_ - + * # /``."""
    return "@" + re.sub(r"[^-+*#/\w]", "", "-".join(tag.split()))


# --- YAML (written as JSON scalars, which YAML reads as the same values) -------------------
def _yaml_value(value: Any) -> str:
    if isinstance(value, datetime):  # a YAML timestamp (unquoted): a date to both apps
        return value.isoformat(timespec="seconds")
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def front_matter(fields: dict[str, Any]) -> str:
    lines = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        lines.append(f"{key}: {_yaml_value(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def note_text(rec: Record, item: dict[str, Any]) -> str:
    """One item as a note: front matter, its heading, what it holds, its private note."""
    from kintsugi.core.share import ShareOptions, share_dict

    share = share_dict(rec, ShareOptions(earlier_wordings=True))
    for key in ("trigger_uid",):
        if key in item:
            share[key] = item[key]
    tags = [t for t in (note_tag(t) for t in rec.tags) if t]
    title = item_heading(share)
    fields: dict[str, Any] = {
        "id": rec.uid,
        "kind": rec.KIND,
        "title": title,
        "date": rec.occurred_at,
        "created": rec.created_at,
        "updated": rec.updated_at,
        "tags": tags,
        "mood": getattr(rec, "mood", None),
    }
    if isinstance(rec, Entry) and rec.starred:
        fields["starred"] = True
    if isinstance(rec, Entry):
        body = [f"# {rec.title.strip() or title}", ""]
        if rec.body.strip():
            body += [demote_headings(rec.body.strip(), 1), ""]
    else:
        rendered = render_item(share, level=1)
        body = [rendered.rstrip(), ""]
    if rec.private_note.strip():
        body += ["## Private note", "", demote_headings(rec.private_note.strip(), 2), ""]
    return front_matter(fields) + "\n" + "\n".join(body).rstrip() + "\n"


def _file_name(rec: Record, title: str, used: set[str]) -> str:
    stem = f"{rec.occurred_at:%Y-%m-%d %H%M} {title}"
    stem = re.sub(r'[\\/:*?"<>|#^\[\]\x00-\x1f]', "", stem).strip(" .")[:120] or rec.uid
    name, n = f"{stem}.md", 2
    while name.casefold() in used:
        name = f"{stem} ({n}).md"
        n += 1
    used.add(name.casefold())
    return name


def _note_attachments(
    text: str, rec: Record, store: Any, folder: Path, used: set[str], digest: Any
) -> str:
    """A record's attachments as files in ``attachments/`` beside the notes (0600), each
    ``kintsugi-attachment:`` link turned into a relative link to its file (one the text does
    not show is linked at the end): both apps show them."""
    from urllib.parse import quote

    if store is None or rec.id is None:
        return text
    files: dict[str, tuple[str, str]] = {}
    for att in store.list_for(rec.id):
        stem = re.sub(r'[\\/:*?"<>|#^\[\]\x00-\x1f]', "", att.name).strip(" .") or "file"
        name, n = f"{att.uid[:8]} {stem}", 2
        while name.casefold() in used:
            name = f"{att.uid[:8]} ({n}) {stem}"
            n += 1
        used.add(name.casefold())
        (folder / "attachments").mkdir(mode=0o700, exist_ok=True)
        fd = os.open(folder / "attachments" / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            for chunk in store.chunks(att.id):
                f.write(chunk)
                digest.update(chunk)
        files[att.uid] = (f"attachments/{quote(name)}", att.name if att.kind == "image" else "")
    shown: set[str] = set()

    def swap(m: re.Match[str]) -> str:
        found = files.get(m.group(1))
        if found is None:
            return m.group(0)
        shown.add(m.group(1))
        return f"{'!' if found[1] else ''}[{m.group(0).split(']')[0].lstrip('![')}]({found[0]})"

    text = _ATTACHMENT_LINK.sub(swap, text)
    rest = [
        f"{'!' if image else ''}[{path.rsplit('/', 1)[-1]}]({path})"
        for uid, (path, image) in files.items()
        if uid not in shown
    ]
    if rest:
        text = text.rstrip("\n") + "\n\n## Attachments\n\n" + "\n\n".join(rest) + "\n"
    return text


def write_notes_folder(
    records: Iterable[tuple[Record, dict[str, Any]]],
    out: Path,
    db: Any = None,
    pending: fsutil.PendingRegistry | None = None,
) -> tuple[str, int]:
    """Write the Markdown folder ``out`` (which must not exist, or be empty): built in a
    private sibling folder and moved into place whole. Returns (SHA-256 over the notes'
    names and text, notes written)."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FileExistsError(f"{out} already exists and is not an empty folder")
    fsutil.ensure_private_dir(out.parent)
    with fsutil.building_folder(out, pending=pending) as tmp:
        return _write_notes_into(records, out, tmp, db)


def _write_notes_into(
    records: Iterable[tuple[Record, dict[str, Any]]], out: Path, tmp: Path, db: Any
) -> tuple[str, int]:
    count = 0
    digest = hashlib.sha256()
    files: set[str] = set()
    store = None
    if db is not None:
        from kintsugi.core.repo.attachments import AttachmentRepo

        store = AttachmentRepo(db)
    try:
        used: set[str] = set()
        for rec, item in records:
            text = _note_attachments(note_text(rec, item), rec, store, tmp, files, digest)
            title = rec.title.strip() if isinstance(rec, Entry) and rec.title.strip() else ""
            if not title:
                from kintsugi.core.share import share_dict

                title = item_heading(share_dict(rec))
            path = tmp / _file_name(rec, title, used)
            digest.update(f"{path.name}\0{text}\0".encode())
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            count += 1
        if out.exists():
            out.rmdir()
        os.rename(tmp, out)
        fsutil.fsync_dir(out.parent)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return digest.hexdigest(), count


# --- jrnl --------------------------------------------------------------------------------
def jrnl_entry(rec: Record) -> str:
    """One item in jrnl's text format (other kinds: their heading as the title, their fields
    as the body). A body line that jrnl would take for a new entry is indented by a space."""
    from kintsugi.core.share import ShareOptions, share_dict

    if isinstance(rec, Entry):
        title, body, starred = rec.title.strip(), rec.body.strip(), rec.starred
        if not title:
            first, _, rest = body.partition("\n")
            title, body = first.strip(), rest.strip()
    else:
        share = share_dict(rec, ShareOptions(earlier_wordings=True))
        title = item_heading(share)
        lines = render_item(share, level=2).splitlines()[1:]
        body, starred = "\n".join(lines).strip(), False
    title = " ".join(title.split()) or "(untitled)"
    if title.endswith("*"):
        title += "."  # jrnl would read a trailing * as its star
    lines = []
    for line in body.splitlines():
        lines.append(" " + line if jrnl_format.HEADER.match(line) else line)
    tags = [jrnl_tag(t) for t in rec.tags]
    present = {x.lower()[1:] for x in jrnl_format.tag_pattern().findall(f"{title}\n{body}")}
    missing = [t for t in tags if len(t) > 1 and t[1:].lower() not in present]
    if missing:
        lines += ["", " ".join(missing)]
    when = rec.occurred_at.astimezone().replace(tzinfo=None)  # jrnl keeps local wall time
    return jrnl_format.entry_text(when, title, "\n".join(lines), starred=starred)


def jrnl_text(records: Iterable[Record]) -> str:
    return "\n".join(jrnl_entry(r) for r in records)


# --- CSV ---------------------------------------------------------------------------------
def _local(moment: datetime | None) -> tuple[str, str]:
    if moment is None:
        return "", ""
    return moment.strftime("%Y-%m-%d"), moment.strftime("%H:%M")


def _csv_kinds() -> dict[str, Any]:
    from kintsugi.core.repo import REPOSITORIES

    return {kind: cls for kind, cls in REPOSITORIES.items() if cls.csv_table}


#: Each CSV table and its columns, from the kinds that have one (repo/<kind>.py).
CSV_COLUMNS: dict[str, list[str]] = {
    cls.csv_table: list(cls.csv_columns) for cls in _csv_kinds().values()
}


def csv_rows(rec: Record, trigger_uid: str = "") -> tuple[str, list[Any]] | None:
    cls = _csv_kinds().get(rec.KIND)
    if cls is None:
        return None
    return cls.csv_table, cls.csv_row(rec, trigger_uid)


def csv_zip(records: Iterable[tuple[Record, dict[str, Any]]]) -> bytes:
    tables: dict[str, io.StringIO] = {}
    writers: dict[str, Any] = {}
    for name, columns in CSV_COLUMNS.items():
        tables[name] = io.StringIO()
        writers[name] = csv.writer(tables[name], lineterminator="\r\n")
        writers[name].writerow(columns)
    for rec, item in records:
        row = csv_rows(rec, str(item.get("trigger_uid") or ""))
        if row is not None:
            writers[row[0]].writerow(row[1])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in tables.items():
            z.writestr(
                zipfile.ZipInfo(f"kintsugi-csv/{name}", _ZIP_TIME),
                "\ufeff" + text.getvalue(),
                zipfile.ZIP_DEFLATED,
            )
    return buf.getvalue()


# --- Day One -------------------------------------------------------------------------------
def _zone_name(moment: datetime) -> str:
    """An IANA name for the moment's offset (Day One wants one): ``Etc/GMT-11`` for +11:00
    (the Etc names' signs are reversed), ``UTC`` when the offset is not whole hours."""
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0 or minutes % 60:
        return "UTC"
    hours = minutes // 60
    return f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"


def _z(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_DAYONE_TYPES = {
    "image/jpeg": ("photos", "photos", "jpeg", ""),
    "image/png": ("photos", "photos", "png", ""),
    "image/gif": ("photos", "photos", "gif", ""),
    "image/webp": ("photos", "photos", "webp", ""),
    "image/heic": ("photos", "photos", "heic", ""),
    "audio/mp4": ("audios", "audios", "m4a", "audio/"),
    "audio/aac": ("audios", "audios", "aac", "audio/"),
    "audio/mpeg": ("audios", "audios", "mp3", "audio/"),
    "audio/wav": ("audios", "audios", "wav", "audio/"),
    "audio/ogg": ("audios", "audios", "ogg", "audio/"),
    "audio/flac": ("audios", "audios", "flac", "audio/"),
    "audio/webm": ("audios", "audios", "webm", "audio/"),
    "application/pdf": ("pdfAttachments", "pdfs", "pdf", "pdfAttachment/"),
}


def dayone_entry(
    rec: Record,
    attachments: Sequence[tuple[Any, bytes]] = (),
) -> tuple[dict[str, Any], list[tuple[str, bytes]]]:
    """One record as a Day One entry, and the media files it needs in the zip: each
    attachment (a picture, a recording, a PDF) as ``photos/<md5>.<type>`` (``audios/``,
    ``pdfs/``) listed under the entry, its ``kintsugi-attachment:`` link turned into Day
    One's ``dayone-moment`` link in its place (one the text does not show goes at the end)."""
    from kintsugi.core.share import ShareOptions, share_dict

    if isinstance(rec, Entry):
        title, body = rec.title.strip(), rec.body.strip()
        text = f"# {title}\n\n{body}" if title else body
        starred = rec.starred
    else:
        share = share_dict(rec, ShareOptions(earlier_wordings=True))
        text = render_item(share, level=1).strip()
        starred = False
    uuid = hashlib.sha256(rec.uid.encode()).hexdigest()[:32].upper()
    entry: dict[str, Any] = {
        "uuid": uuid,
        "creationDate": _z(rec.occurred_at),
        "modifiedDate": _z(rec.updated_at or rec.occurred_at),
        "timeZone": _zone_name(rec.occurred_at),
        "starred": starred,
        "text": text,
        "tags": list(rec.tags),
    }
    files: list[tuple[str, bytes]] = []
    moments: dict[str, str] = {}
    for att, data in attachments:
        kind = _DAYONE_TYPES.get(att.mime)
        if kind is None:
            continue
        key, folder, ext, prefix = kind
        md5 = hashlib.md5(data).hexdigest()  # Day One names media by their MD5
        ident = hashlib.sha256(att.uid.encode()).hexdigest()[:32].upper()
        item: dict[str, Any] = {"identifier": ident, "md5": md5}
        item["format" if key == "audios" else "type"] = ext
        if att.width and att.height:
            item["width"], item["height"] = att.width, att.height
        if att.duration_ms:
            item["duration"] = att.duration_ms / 1000
        entry.setdefault(key, []).append(item)
        files.append((f"{folder}/{md5}.{ext}", data))
        moments[att.uid] = (
            f"![](dayone-moment:/{prefix}{ident})" if prefix else (f"![](dayone-moment://{ident})")
        )
    shown: set[str] = set()

    def swap(m: re.Match[str]) -> str:
        if m.group(1) in moments:
            shown.add(m.group(1))
            return moments[m.group(1)]
        return m.group(0)

    text = _ATTACHMENT_LINK.sub(swap, text)
    rest = [link for uid, link in moments.items() if uid not in shown]
    if rest:
        text = (text + "\n\n" if text else "") + "\n\n".join(rest)
    entry["text"] = text
    return entry, files


def dayone_zip(records: Iterable[Record], journal: str = "Journal", db: Any = None) -> bytes:
    """A zip in Day One's import layout: ``Journal.json`` and the media its entries list."""
    entries: list[dict[str, Any]] = []
    media: dict[str, bytes] = {}
    store = None
    if db is not None:
        from kintsugi.core.repo.attachments import AttachmentRepo

        store = AttachmentRepo(db)
    for rec in records:
        atts = []
        if store is not None and rec.id is not None:
            atts = [(a, store.read_bytes(a.id)) for a in store.list_for(rec.id)]
        entry, files = dayone_entry(rec, atts)
        entries.append(entry)
        media.update(files)
    doc = {"metadata": {"version": "1.0"}, "entries": entries}
    data = json.dumps(doc, indent=2, ensure_ascii=False).replace("/", "\\/")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo(f"{journal}.json", _ZIP_TIME), data, zipfile.ZIP_DEFLATED)
        for path, blob in sorted(media.items()):
            z.writestr(zipfile.ZipInfo(path, _ZIP_TIME), blob, zipfile.ZIP_DEFLATED)
    return buf.getvalue()

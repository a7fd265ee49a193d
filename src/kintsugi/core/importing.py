"""Imports: a partner's share bundle (kept read-only), a Kintsugi JSON export, jrnl (JSON or
plain text) and Day One JSON — checked, streamed and atomic.

- **Checked.** Every value is validated (:mod:`kintsugi.core.validate`) before it becomes a
  record. The first problem refuses the whole file with one line that names the file and
  the place: ``journal.txt: line 12: the date '2024-13-45' is not a date; nothing was
  imported.`` The caps on items, field sizes and file size are in ``docs/imports.md``.
- **Streamed.** JSON is parsed incrementally (ijson, the yajl2 C backend when present) and
  jrnl text line by line; records are written in batches through the repositories'
  ``add_batch`` (one ``executemany`` per table, the search index included, no read-back),
  so memory does not grow with the file. A progress callback hears after every batch.
- **Atomic.** The whole import is one transaction: a refusal, a cancel, a crash or Ctrl+C
  leaves the vault as it was. Items whose uid is already in the vault are skipped, so
  importing a file twice adds nothing.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

import ijson

from kintsugi.core import share, validate
from kintsugi.core.db import Database
from kintsugi.core.errors import ImportCancelled, ImportRefused, InvalidRecord
from kintsugi.core.records import Entry, GroundingSession, Record
from kintsugi.core.repo import repository_for
from kintsugi.core.repo.grounding import GroundingRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.sharing import SenderStatus, Sharing
from kintsugi.core.validate import Invalid

EXPORT_FORMAT, EXPORT_VERSION = "kintsugi-export", 1
MAX_IMPORT = validate.MAX_FILE_BYTES
BATCH = 1000  # records per executemany round (and per progress report)
_CHUNK = 64 * 1024


@dataclass
class ImportResult:
    source: str  # "bundle", "kintsugi", "jrnl", "dayone"
    added: int
    skipped: int
    sender: str = ""
    status: SenderStatus | None = None  # a bundle's: verified, unknown key, or unsigned
    signing_key: str = ""
    age_recipient: str = ""


@dataclass(frozen=True)
class ImportProgress:
    items: int  # records read so far
    done_bytes: int  # of the file
    total_bytes: int


#: Called after every batch (on the importing thread); return False to stop (nothing is kept).
ProgressCallback = Callable[[ImportProgress], bool]

UNRECOGNISED = (
    "Kintsugi doesn't recognise this file (it is not a share bundle, a Kintsugi JSON "
    "export, a jrnl file or a Day One JSON export)"
)


# --- entry points ---------------------------------------------------------------------------
def import_path(
    db: Database,
    path: Path | str,
    *,
    bundle_passphrase: str | None = None,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Import the file at ``path`` (see :func:`import_stream`)."""
    path = Path(path)
    refuse_special(path)
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise ImportRefused(
            f"{path.name}: cannot be read ({exc.strerror}); nothing was imported."
        ) from None
    with f:
        return import_stream(
            db, f, name=path.name, bundle_passphrase=bundle_passphrase, progress=progress
        )


def refuse_special(path: Path) -> None:
    """Refuse a pipe or a device before opening it (opening a pipe waits for a writer)."""
    if path.exists() and not path.is_file():
        raise ImportRefused(f"{path.name}: it is not a regular file; nothing was imported.")


def import_file(
    db: Database,
    data: bytes,
    *,
    bundle_passphrase: str | None = None,
    progress: ProgressCallback | None = None,
    name: str = "",
) -> ImportResult:
    """Import ``data`` held in memory (see :func:`import_stream`)."""
    return import_stream(
        db, io.BytesIO(data), name=name, bundle_passphrase=bundle_passphrase, progress=progress
    )


def import_stream(
    db: Database,
    f: BinaryIO,
    *,
    name: str = "",
    bundle_passphrase: str | None = None,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Recognise the seekable binary file ``f`` and import it in one transaction, or raise a
    :class:`KintsugiError` (one line, naming ``name`` and the first problem) having written
    nothing."""
    prefix = f"{name}: " if name else ""
    if _has_fileno(f):
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device: no size, maybe no end
            raise ImportRefused(f"{prefix}it is not a regular file; nothing was imported.")
        size = info.st_size
    else:
        size = _seek_size(f)
    if size > MAX_IMPORT:
        raise ImportRefused(
            f"{prefix}it is {size / 2**20:,.0f} MiB, and an import file may be at most "
            f"{MAX_IMPORT // 2**20} MiB; nothing was imported."
        )
    head = f.read(4096)
    f.seek(0)
    if head.lstrip().startswith(share.AGE_HEADER) or head.lstrip().startswith(share.AGE_ARMOR):
        return _import_bundle(db, f.read(MAX_IMPORT + 1), prefix, bundle_passphrase)
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    first = body.lstrip()[:20]
    run = _Run(db, prefix, f, size, progress)
    if re.match(rb"\[\d{4}-\d\d-\d\d[ T]", first):
        return run.go(run.jrnl_text)
    if first.startswith(b"{"):
        return run.go(run.json_document)
    raise ImportRefused(f"{prefix}{UNRECOGNISED}; nothing was imported.")


def _has_fileno(f: Any) -> bool:
    try:
        f.fileno()
    except (OSError, AttributeError, io.UnsupportedOperation):
        return False
    return True


def _seek_size(f: Any) -> int:
    f.seek(0, io.SEEK_END)
    size: int = f.tell()
    f.seek(0)
    return size


def _import_bundle(
    db: Database, data: bytes, prefix: str, bundle_passphrase: str | None
) -> ImportResult:
    sharing = Sharing(db)
    try:
        content = share.open_bundle(
            data, identities=[sharing.identity()], passphrase=bundle_passphrase
        )
    except share.BundleError as exc:
        raise type(exc)(f"{prefix}{exc}") from None
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


# --- one import -------------------------------------------------------------------------------
class _Counting(io.RawIOBase):
    """A binary reader that knows how far into the file it is (for progress)."""

    def __init__(self, f: BinaryIO):
        super().__init__()
        self.f = f
        self.pos = 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n)
        self.pos += len(data)
        if self.pos > MAX_IMPORT:  # a file that grows while it is read
            raise _Refused("", f"it is larger than {MAX_IMPORT // 2**20} MiB")
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _Refused(Exception):
    """Internal: where (``line 12``, ``item 3``) and what."""

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where}: {problem}" if where else problem)


@dataclass
class _Pending:
    rec: Record
    where: str
    trigger_uid: str | None = None


class _Run:
    def __init__(
        self, db: Database, prefix: str, f: BinaryIO, size: int, progress: ProgressCallback | None
    ):
        self.db, self.prefix, self.size, self.progress = db, prefix, size, progress
        self.reader = _Counting(f)
        self.items = Items(db)
        self.batch: list[_Pending] = []
        self.count = self.added = self.skipped = 0
        self.links: list[tuple[str, str]] = []
        self.source = ""

    # --- driving ------------------------------------------------------------------------------
    def go(self, produce: Callable[[], Iterator[_Pending]]) -> ImportResult:
        self.report()
        try:
            with self.db.transaction():
                for pending in produce():
                    self.count += 1
                    if self.count > validate.MAX_ITEMS:
                        raise _Refused(
                            pending.where,
                            f"the file has more than {validate.MAX_ITEMS:,} items, the most "
                            "one import takes",
                        )
                    self.batch.append(pending)
                    if len(self.batch) >= BATCH:
                        self.flush()
                        self.report()
                self.flush()
                if self.links:
                    GroundingRepository(self.db).link_triggers(self.links)
        except _Refused as exc:
            raise ImportRefused(f"{self.prefix}{exc}; nothing was imported.") from None
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            raise ImportRefused(
                f"{self.prefix}it cannot be read as JSON ({_first_line(exc)}); "
                "nothing was imported."
            ) from None
        except RecursionError:
            raise ImportRefused(
                f"{self.prefix}it is nested too deeply; nothing was imported."
            ) from None
        self.report()
        return ImportResult(self.source, self.added, self.skipped)

    def report(self) -> None:
        if self.progress is not None and not self.progress(
            ImportProgress(self.count, self.reader.pos, self.size)
        ):
            raise ImportCancelled()

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        if not batch:
            return
        existing = self.items.existing_uids([p.rec.uid for p in batch])
        by_kind: dict[str, list[_Pending]] = {}
        for p in batch:
            if p.rec.uid in existing:
                self.skipped += 1
                continue
            existing.add(p.rec.uid)  # the same uid twice in one file: the first one wins
            by_kind.setdefault(p.rec.KIND, []).append(p)
        for kind, group in by_kind.items():
            try:
                repository_for(self.db, kind).add_batch([p.rec for p in group])
            except InvalidRecord as exc:
                where = group[getattr(exc, "index", 0)].where
                raise _Refused(where, _lower_first(str(exc)).rstrip(".")) from None
            self.added += len(group)
            self.links += [(p.rec.uid, p.trigger_uid) for p in group if p.trigger_uid]

    # --- jrnl text ----------------------------------------------------------------------------
    _HEADER = re.compile(
        r"^\[(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)\] ?(.*)$"
    )

    def jrnl_text(self) -> Iterator[_Pending]:
        self.source = "jrnl"
        stream = io.BufferedReader(self.reader, _CHUNK)
        current: tuple[datetime, str, int] | None = None
        lines: list[str] = []
        chars = 0
        number = 0
        found = False
        limit = 4 * validate.MAX_TEXT  # bytes: UTF-8 takes at most four a character
        while True:
            raw = stream.readline(limit + 1)
            if not raw:
                break
            number += 1
            if len(raw) > limit:
                raise _Refused(
                    f"line {number}", "it is longer than the longest text Kintsugi keeps"
                )
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                decoded = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise _Refused(f"line {number}", "it is not UTF-8 text") from None
            text = decoded.rstrip("\r\n")
            m = self._HEADER.match(text)
            if m:
                if current is not None:
                    yield self._jrnl_entry(*current, lines)
                found = True
                current = (self._jrnl_when(m[1], m[2], number), m[3], number)
                lines, chars = [], 0
            elif current is not None:
                chars += len(text) + 1
                if chars > validate.MAX_TEXT:
                    raise _Refused(
                        f"line {number}",
                        f"the entry from line {current[2]} is longer than "
                        f"{validate.MAX_TEXT:,} characters",
                    )
                lines.append(text)
        if current is not None:
            yield self._jrnl_entry(*current, lines)
        if not found:
            raise _Refused("", "it has no jrnl entries ([YYYY-MM-DD HH:MM] lines)")

    @staticmethod
    def _jrnl_when(day_text: str, clock_text: str, number: int) -> datetime:
        try:
            day = validate.day(day_text)
            clock = validate.clock(clock_text)
        except Invalid as exc:
            raise _Refused(f"line {number}", str(exc)) from None
        return datetime.combine(day, clock.replace(second=0))

    @staticmethod
    def _jrnl_entry(when: datetime, title: str, number: int, lines: list[str]) -> _Pending:
        body = "\n".join(lines).strip()
        try:
            title = validate.text(title, validate.MAX_LINE)
            validate.text(body)
        except Invalid as exc:
            raise _Refused(f"line {number}", f"the entry: {exc}") from None
        tags = sorted({t[1:] for t in re.findall(r"(?<!\w)@\w+", f"{title} {body}")})
        when = when.astimezone()
        return _Pending(
            Entry(
                uid=_stable_uid("jrnl", when.isoformat(), title, body),
                occurred_at=when,
                title=title.strip(),
                body=body,
                tags=tags[: validate.MAX_TAGS],
            ),
            f"line {number}",
        )

    # --- JSON ---------------------------------------------------------------------------------
    def json_document(self) -> Iterator[_Pending]:
        doc = _JsonDocument(self.reader)
        flavour = ""
        for section, n, value in doc.elements():
            if section == "items":
                if doc.top.get("format", EXPORT_FORMAT) != EXPORT_FORMAT:
                    raise _Refused("", UNRECOGNISED)
                self.source = "kintsugi"
                yield self._kintsugi_item(n, value)
                continue
            if not flavour:
                if isinstance(value, dict) and "creationDate" in value:
                    flavour = "dayone"
                elif isinstance(value, dict) and "date" in value:
                    flavour = "jrnl"
                else:
                    raise _Refused(
                        f"entry {n}",
                        "it is neither a jrnl entry (with a date) nor a Day One entry "
                        "(with a creationDate)",
                    )
                self.source = flavour
            yield (
                self._dayone_entry(n, value)
                if flavour == "dayone"
                else self._jrnl_json_entry(n, value)
            )
        fmt, version = doc.top.get("format"), doc.top.get("version")
        if fmt == EXPORT_FORMAT:
            if version != EXPORT_VERSION:
                raise _Refused("", "this export comes from another version of Kintsugi")
            if doc.section != "items":
                raise _Refused("", "this Kintsugi export has no list of items")
        elif doc.section == "items" or doc.section is None:
            raise _Refused("", UNRECOGNISED)
        if not self.source:
            self.source = "jrnl"  # {"entries": []}: jrnl's export of an empty journal

    def _kintsugi_item(self, n: int, value: Any) -> _Pending:
        where = f"item {n}"
        try:
            cls, values = validate.record_fields(value)
            trigger_uid = value.get("trigger_uid")
            if trigger_uid is not None:
                trigger_uid = validate.uid(trigger_uid)
        except Invalid as exc:
            raise _Refused(where, str(exc)) from None
        return _Pending(cls(**values), where, trigger_uid if cls is GroundingSession else None)

    def _jrnl_json_entry(self, n: int, value: Any) -> _Pending:
        where = f"entry {n}"
        try:
            found = validate.fields(
                {
                    "date": validate.day,
                    "time": validate.clock,
                    "title": validate.text,
                    "body": validate.text,
                    "tags": validate.tags,
                },
                value,
            )
            if "date" not in found:
                raise Invalid("has no date")
        except Invalid as exc:
            raise _Refused(where, str(exc)) from None
        clock = found.get("time")
        when = datetime.combine(found["date"], clock or datetime.min.time()).astimezone()
        title, body = found.get("title", ""), found.get("body", "")
        return _Pending(
            Entry(
                uid=_stable_uid("jrnl", when.isoformat(), title, body),
                occurred_at=when,
                title=title,
                body=body.strip(),
                tags=[t.lstrip("@#") for t in found.get("tags", [])],
            ),
            where,
        )

    def _dayone_entry(self, n: int, value: Any) -> _Pending:
        where = f"entry {n}"
        try:
            found = validate.fields(
                {
                    "creationDate": validate.moment,
                    "text": validate.text,
                    "uuid": lambda v: None if v is None else validate.uid(v),
                    "tags": validate.tags,
                },
                value,
            )
            if "creationDate" not in found:
                raise Invalid("has no creationDate")
        except Invalid as exc:
            raise _Refused(where, str(exc)) from None
        when, text = found["creationDate"], found.get("text", "")
        lines = text.strip().splitlines()
        title = lines[0].lstrip("# ").strip() if lines and lines[0].startswith("#") else ""
        body = "\n".join(lines[1:]).strip() if title else text.strip()
        uid = (
            "dayone-" + found["uuid"]
            if found.get("uuid")
            else _stable_uid("dayone", when.isoformat(), text)
        )
        return _Pending(
            Entry(
                uid=uid[: validate.MAX_UID],
                occurred_at=when,
                title=title[: validate.MAX_LINE],
                body=body,
                tags=found.get("tags", []),
                shared=False,
            ),
            where,
        )


class _JsonDocument:
    """Walks one JSON object incrementally: remembers its top-level scalars (``top``) and
    yields the elements of its ``items`` or ``entries`` list one at a time, so memory holds
    one element, never the file."""

    SECTIONS = ("items", "entries")

    def __init__(self, reader: _Counting):
        self.reader = reader
        self.top: dict[str, Any] = {}
        self.section: str | None = None

    def elements(self) -> Iterator[tuple[str, int, Any]]:
        events = ijson.basic_parse(
            self.reader, use_float=True, buf_size=_CHUNK
        )  # no prefixes: O(n)
        first = next(events, None)
        if first is None or first[0] != "start_map":
            raise _Refused("", UNRECOGNISED)
        key = None
        for event, value in events:
            if event == "map_key":
                key = value
            elif event == "end_map":
                break
            elif event == "start_array" and key in self.SECTIONS:
                if self.section is not None:
                    raise _Refused("", "it has both a list of items and a list of entries")
                self.section = key
                yield from self._array(events, key)
            elif event in ("start_map", "start_array"):
                self._skip(events)
            elif key is not None:
                self.top[key] = value
        for _ in events:  # the rest: only a parse error (trailing garbage) can be left
            pass

    def _array(
        self, events: Iterator[tuple[str, Any]], section: str
    ) -> Iterator[tuple[str, int, Any]]:
        for n, (event, value) in enumerate(events, 1):
            if event == "end_array":
                return
            if event in ("start_map", "start_array"):
                yield section, n, self._build(events, event)
            else:
                yield section, n, value

    @staticmethod
    def _build(events: Iterator[tuple[str, Any]], start: str) -> Any:
        """One element from its events (a tight loop: this runs for every item)."""
        root: Any = {} if start == "start_map" else []
        stack: list[Any] = [root]
        keys: list[Any] = [None]
        top, key = root, None
        for event, value in events:
            if event == "map_key":
                key = value
                continue
            if event == "end_map" or event == "end_array":
                stack.pop()
                keys.pop()
                if not stack:
                    return root
                top, key = stack[-1], keys[-1]
                continue
            if event == "start_map" or event == "start_array":
                value = {} if event == "start_map" else []
                if len(stack) >= validate.MAX_DEPTH:
                    raise _Refused("", f"it is nested more than {validate.MAX_DEPTH} levels deep")
            if type(top) is dict:
                top[key] = value
            else:
                top.append(value)
            if event == "start_map" or event == "start_array":
                keys[-1] = key
                stack.append(value)
                keys.append(None)
                top, key = value, None
        return root

    @staticmethod
    def _skip(events: Iterator[tuple[str, Any]]) -> None:
        depth = 1
        for event, _value in events:
            if event in ("start_map", "start_array"):
                depth += 1
                if depth > validate.MAX_DEPTH:
                    raise _Refused("", f"it is nested more than {validate.MAX_DEPTH} levels deep")
            elif event in ("end_map", "end_array"):
                depth -= 1
                if depth == 0:
                    return


def _stable_uid(source: str, *parts: str) -> str:
    return f"{source}-" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def _first_line(exc: BaseException) -> str:
    arg = exc.args[0] if exc.args else ""
    arg = arg.decode("utf-8", "replace") if isinstance(arg, bytes) else str(exc)
    text = arg.strip().splitlines()
    return validate.show(text[0], 80).strip("'\"") if text else type(exc).__name__


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]

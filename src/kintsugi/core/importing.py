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
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path
from typing import IO, Any, BinaryIO

import ijson

from kintsugi.core import jrnl_format, share, validate
from kintsugi.core.db import Database
from kintsugi.core.errors import ImportCancelled, ImportRefused, InvalidRecord, PasswordNeeded
from kintsugi.core.i18n import Words, arg, count_text, marked, translate
from kintsugi.core.records import Entry, GroundingSession, Record
from kintsugi.core.repo import repository_for, vault_state
from kintsugi.core.repo.grounding import GroundingRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.sharing import SenderStatus, Sharing
from kintsugi.core.timeutil import utc_text
from kintsugi.core.validate import Invalid

Import = Words("Import")
EXPORT_FORMAT, EXPORT_VERSION = "kintsugi-export", 1
MAX_IMPORT = validate.MAX_FILE_BYTES
BATCH = 1000  # records per executemany round (and per progress report)
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class ImportOptions:
    """What a file may need besides itself: an encrypted jrnl journal's password, and a
    jrnl journal's time format and tag symbols (from its config file; else detected)."""

    jrnl_password: str | None = None
    time_format: str | None = None
    tag_symbols: str = jrnl_format.DEFAULT_TAG_SYMBOLS


@dataclass
class ImportResult:
    source: str  # "bundle", "kintsugi", "jrnl", "dayone", "minidiary", "minidiarium"
    added: int
    skipped: int
    sender: str = ""
    status: SenderStatus | None = None  # a bundle's: verified, unknown key, or unsigned
    signing_key: str = ""
    age_recipient: str = ""
    #: What was not brought in, by reason (``{"videos (Kintsugi keeps no video)": 2}``).
    left_out: dict[str, int] = field(default_factory=dict)
    attached: int = 0  # photos, recordings and PDFs put into the attachment store

    def summary(self) -> str:
        """``12 new, 3 already here`` and what was left out, by count and reason, in the
        person's language (English, as the command line prints it, by default)."""
        text = arg(
            translate("Import", "%1 new, %2 already here"),
            count_text(self.added),
            count_text(self.skipped),
        )
        if self.attached:
            text += Import.tr(", %n attachment(s)", "", self.attached)
        if self.left_out:
            text += translate("Import", "; not brought in: ") + translate("Import", ", ").join(
                arg(
                    # a count and what it counts: "1 video listed but missing from the zip"
                    translate("Import", "%1 %2"),
                    count_text(n),
                    _reason_text(why, n),
                )
                for why, n in sorted(self.left_out.items())
            )
        return text


_SINGULAR = {
    "photos": "photo",
    "audio recordings": "audio recording",
    "videos": "video",
    "PDFs": "PDF",
    "empty entries": "empty entry",
    "times": "time",
    "media links": "media link",
}


def _singular(why: str) -> str:
    for many, one in _SINGULAR.items():
        if why.startswith(many):
            return one + why[len(many) :]
    return why


#: What was left out, in the person's language: each reason (its English words, the key of
#: ``ImportResult.left_out``) as it was said where it was counted (see :func:`left_out_reason`).
_REASONS: dict[str, str] = {}


def left_out_reason(english: str, words: str) -> str:
    """Remember how a reason for leaving things out is said in the person's language
    (``words``, translated where it was written); returns its key, the English words."""
    _REASONS[english] = words
    return english


def _reason_text(why: str, n: int) -> str:
    words = _REASONS.get(why, why)
    if words == why:  # English: singular when there is one
        return _singular(why) if n == 1 else why
    return words


@dataclass(frozen=True)
class ImportProgress:
    items: int  # records read so far
    done_bytes: int  # of the file
    total_bytes: int


#: Called after every batch (on the importing thread); return False to stop (nothing is kept).
ProgressCallback = Callable[[ImportProgress], bool]


def _unrecognised() -> str:
    return translate(
        "Import",
        "Kintsugi doesn't recognise this file (it is not a share bundle, a Kintsugi JSON "
        "export, a jrnl journal, a Day One export or a Mini Diary / Mini Diarium export)",
    )


def _nothing_imported(problem: str) -> str:
    """ "<problem>; nothing was imported." """
    return arg(translate("Import", "%1; nothing was imported."), problem)


# --- entry points ---------------------------------------------------------------------------
def import_path(
    db: Database,
    path: Path | str,
    *,
    bundle_passphrase: str | None = None,
    progress: ProgressCallback | None = None,
    options: ImportOptions | None = None,
) -> ImportResult:
    """Import the file at ``path`` (see :func:`import_stream`)."""
    path = Path(path)
    refuse_special(path)
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise ImportRefused(
            f"{path.name}: "
            + _nothing_imported(arg(translate("Import", "cannot be read (%1)"), exc.strerror))
        ) from None
    with f:
        return import_stream(
            db,
            f,
            name=path.name,
            bundle_passphrase=bundle_passphrase,
            progress=progress,
            options=options,
        )


def refuse_special(path: Path) -> None:
    """Refuse a pipe or a device before opening it (opening a pipe waits for a writer)."""
    if path.exists() and not path.is_file():
        raise ImportRefused(
            f"{path.name}: " + _nothing_imported(translate("Import", "it is not a regular file"))
        )


def import_file(
    db: Database,
    data: bytes,
    *,
    bundle_passphrase: str | None = None,
    progress: ProgressCallback | None = None,
    name: str = "",
    options: ImportOptions | None = None,
) -> ImportResult:
    """Import ``data`` held in memory (see :func:`import_stream`)."""
    return import_stream(
        db,
        io.BytesIO(data),
        name=name,
        bundle_passphrase=bundle_passphrase,
        progress=progress,
        options=options,
    )


def import_stream(
    db: Database,
    f: BinaryIO,
    *,
    name: str = "",
    bundle_passphrase: str | None = None,
    progress: ProgressCallback | None = None,
    options: ImportOptions | None = None,
) -> ImportResult:
    """Recognise the seekable binary file ``f`` and import it in one transaction, or raise a
    :class:`KintsugiError` (one line, naming ``name`` and the first problem) having written
    nothing."""
    prefix = f"{name}: " if name else ""
    if _has_fileno(f):
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device: no size, maybe no end
            raise ImportRefused(
                prefix + _nothing_imported(translate("Import", "it is not a regular file"))
            )
        size = info.st_size
    else:
        size = _seek_size(f)
    options = options or ImportOptions()
    head = f.read(4096)
    f.seek(0)
    if head.startswith(b"PK\x03\x04"):  # a zip: Day One's export (photos may make it big)
        from kintsugi.core import dayone

        result: ImportResult = dayone.import_zip(db, f, prefix, size, progress, _Run)
        return result
    if head.lstrip().startswith(share.AGE_HEADER) or head.lstrip().startswith(share.AGE_ARMOR):
        # a bundle's limit is its own (its attachments may make it larger than a text file)
        return _import_bundle(db, f.read(share.MAX_BUNDLE + 1), prefix, bundle_passphrase)
    if size > MAX_IMPORT:
        raise ImportRefused(
            prefix
            + _nothing_imported(
                arg(
                    translate("Import", "it is %1 MiB, and an import file may be at most %2 MiB"),
                    count_text(round(size / 2**20)),
                    MAX_IMPORT // 2**20,
                )
            )
        )
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    first = body.lstrip()[:20]
    if jrnl_format.is_encrypted(head):
        f = io.BytesIO(_decrypt_jrnl(f, prefix, options))
        size = len(f.getbuffer())
        head = f.read(4096)
        f.seek(0)
        body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
        first = body.lstrip()[:20]
    run = _Run(db, prefix, f, size, progress, options)
    if _looks_like_jrnl(body):
        return run.go(run.jrnl_text)
    if first.startswith(b"{"):
        return run.go(run.json_document)
    raise ImportRefused(prefix + _nothing_imported(_unrecognised()))


_ISO_START = re.compile(rb"\[\d{4}-\d\d-\d\d[ T]")
_ISO_BLOB = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)$")


def _looks_like_jrnl(head: bytes) -> bool:
    """jrnl text: a first line ``[date] …`` in ISO form or a common time format."""
    first = head.lstrip()
    if _ISO_START.match(first):
        return True
    m = jrnl_format.HEADER.match(first[:200].decode("utf-8", "replace"))
    if m is None:
        return False
    return any(jrnl_format.parse_time(m[1], f) for f in jrnl_format.COMMON_TIME_FORMATS)


def _decrypt_jrnl(f: BinaryIO, prefix: str, options: ImportOptions) -> bytes:
    if not options.jrnl_password:
        raise PasswordNeeded(
            prefix
            + _nothing_imported(
                translate(
                    "Import", "this is an encrypted jrnl journal: give its password to import it"
                )
            )
        )
    try:
        return jrnl_format.decrypt(f.read(MAX_IMPORT + 1), options.jrnl_password)
    except jrnl_format.WrongPassword:
        raise PasswordNeeded(
            prefix
            + _nothing_imported(
                translate(
                    "Import",
                    "that password does not open this encrypted jrnl journal (or the file "
                    "is damaged)",
                )
            ),
            wrong=True,
        ) from None


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
        # the class's own text (ui/messages.py marks it for translators) or the specific one
        said = str(exc) if exc.specific else marked("messages", exc.default_message)
        raise type(exc)(f"{prefix}{said}") from None
    from kintsugi.core.repo.questions import check_answers

    check_answers(db, content)  # answers to my questions: only from the person asked
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

    def __init__(self, f: IO[bytes]):  # a file, or a member of a zip
        super().__init__()
        self.f = f
        self.pos = 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n)
        self.pos += len(data)
        if self.pos > MAX_IMPORT:  # a file that grows while it is read
            raise _Refused(
                "", arg(translate("Import", "it is larger than %1 MiB"), MAX_IMPORT // 2**20)
            )
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _Refused(Exception):
    """Internal: where (``line 12``, ``item 3``) and what, both in the person's words."""

    def __init__(self, where: str | _Where, problem: str):
        super().__init__(f"{where}: {problem}" if where else problem)


class _Where:
    """Where a record is (``entry 12``), put into words only when something there is
    refused: saying it for every record cost a tenth of reading a jrnl file."""

    __slots__ = ("n", "say")

    def __init__(self, say: Callable[[int], str], n: int):
        self.say, self.n = say, n

    def __str__(self) -> str:
        return self.say(self.n)


def _line(n: int) -> str:
    return arg(translate("Import", "line %1"), n)


def _entry(n: int) -> str:
    return arg(translate("Import", "entry %1"), n)


def _item(n: int) -> str:
    return arg(translate("Import", "item %1"), n)


@dataclass
class _Pending:
    rec: Record
    where: str | _Where
    trigger_uid: str | None = None
    #: Another uid that means "already here" (what an older Kintsugi gave the same entry).
    also: str | None = None
    #: Already here also when an entry at the same instant has the same title and text.
    by_content: bool = False
    #: A complete backup's item from the trash: back into the trash.
    deleted_at: datetime | None = None
    #: Day One media to attach once the entry is saved: (kind, identifier, path, type).
    media: list[tuple[str, str, str, str]] = field(default_factory=list)


def _content_key(rec: Record) -> tuple[str, str, str] | None:
    """(UTC minute, title, body) of an imported entry: the same instant and content is the
    same entry, whatever zone or format it came in."""
    if not isinstance(rec, Entry):
        return None
    utc = rec.occurred_at.astimezone(UTC)
    # isoformat's first 16 characters are strftime("%Y-%m-%dT%H:%M") for the years a
    # record may have (1900–2199), at a third of the cost
    return utc.isoformat()[:16], rec.title.strip(), rec.body.strip()


class _Run:
    def __init__(
        self,
        db: Database,
        prefix: str,
        f: BinaryIO,
        size: int,
        progress: ProgressCallback | None,
        options: ImportOptions | None = None,
    ):
        self.db, self.prefix, self.size, self.progress = db, prefix, size, progress
        self.options = options or ImportOptions()
        self.f = f
        self.reader = _Counting(f)
        self.base = 0  # bytes of earlier files (a zip's journals)
        self.zip: Any = None  # a Day One export's zip, for its media
        self.attached = 0
        self._state_restored: bool | None = None  # a complete backup's vault state
        self.before: int | None = None  # the last item id before the import
        self.was_empty = False  # the vault had no items at all (set when the import starts)
        self.minutes: dict[str, bool] = {}  # UTC minutes that had entries before
        self.left_out: dict[str, int] = {}
        self.with_content = self.without_content = 0
        self.items = Items(db)
        self.batch: list[_Pending] = []
        self.count = self.added = self.skipped = 0
        self.links: list[tuple[str, str]] = []
        self.source = ""
        self.days: dict[str, Any] = {}  # a jrnl file's dates and times, parsed once each
        self.clocks: dict[str, time] = {}

    # --- driving ------------------------------------------------------------------------------
    def go(self, produce: Callable[[], Iterator[_Pending]]) -> ImportResult:
        self.report()
        self.was_empty = self.items.last_id() == 0
        try:
            with self.db.transaction():
                for pending in produce():
                    self.count += 1
                    if self.count > validate.MAX_ITEMS:
                        raise _Refused(
                            pending.where,
                            arg(
                                translate(
                                    "Import",
                                    "the file has more than %1 items, the most one import takes",
                                ),
                                count_text(validate.MAX_ITEMS),
                            ),
                        )
                    self.batch.append(pending)
                    if len(self.batch) >= BATCH:
                        self.flush()
                        self.report()
                self.flush()
                if self.links:
                    GroundingRepository(self.db).link_triggers(self.links)
        except _Refused as exc:
            raise ImportRefused(self.prefix + _nothing_imported(str(exc))) from None
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            raise ImportRefused(
                self.prefix
                + _nothing_imported(
                    arg(translate("Import", "it cannot be read as JSON (%1)"), _first_line(exc))
                )
            ) from None
        except RecursionError:
            raise ImportRefused(
                self.prefix + _nothing_imported(translate("Import", "it is nested too deeply"))
            ) from None
        self.report()
        return ImportResult(
            self.source, self.added, self.skipped, left_out=self.left_out, attached=self.attached
        )

    def _attach(self, p: _Pending, item_id: int) -> None:
        """A Day One entry's photos, audio and PDFs, from the zip into the attachment store
        (in this import's transaction), each link put back in its place."""
        from kintsugi.core import dayone
        from kintsugi.core.errors import AttachmentRefused
        from kintsugi.core.repo.attachments import AttachmentRepo
        from kintsugi.core.repo.entries import EntryRepository

        assert isinstance(p.rec, Entry) and self.zip is not None
        store = AttachmentRepo(self.db)
        links: dict[str, str] = {}
        for n, (kind, ident, path, ext) in enumerate(p.media, 1):
            what = dayone._NAMES.get(kind, kind)
            name = f"Day One {what[:-1] if what.endswith('s') else what} {n}.{ext or 'bin'}"
            try:
                with self.zip.open(path) as stream:
                    att = store.add_stream(item_id, stream, name)
            except AttachmentRefused as exc:
                self.leave_out(
                    left_out_reason(
                        f"{what} the attachment store refused ({_first_line(exc)})",
                        arg(
                            translate("Import", "%1 the attachment store refused (%2)"),
                            marked("Import", what),
                            _first_line(exc),
                        ),
                    )
                )
                links[ident] = dayone.not_brought_in(kind)
                continue
            self.attached += 1
            links[ident] = dayone.attachment_link(kind, att.uid, att.name)
        body = dayone.replace_media(p.rec.body, links)
        EntryRepository(self.db).set_body(item_id, body)
        p.rec.body = body

    def _already_here(self, key: tuple[str, str, str]) -> bool:
        """An entry at this instant with this content was in the vault before the import."""
        if self.before is None:
            self.before = self.items.last_id()
        if not self.before:
            return False
        minute = key[0]
        if minute not in self.minutes:
            if len(self.minutes) > 4096:
                self.minutes.clear()
            self.minutes[minute] = self.items.entry_minutes(minute, up_to=self.before)
        return self.minutes[minute] and self.items.same_entry(*key, up_to=self.before)

    def leave_out(self, why: str, n: int = 1) -> None:
        self.left_out[why] = self.left_out.get(why, 0) + n

    def report(self) -> None:
        if self.progress is not None and not self.progress(
            ImportProgress(self.count, self.base + self.reader.pos, self.size)
        ):
            raise ImportCancelled()

    def flush(self) -> None:
        batch, self.batch = self.batch, []
        if not batch:
            return
        existing = self.items.existing_uids(
            [p.rec.uid for p in batch] + [p.also for p in batch if p.also]
        )
        by_kind: dict[str, list[_Pending]] = {}
        seen_content: set[tuple[str, str, str]] = set()
        for p in batch:
            key = _content_key(p.rec) if p.by_content else None
            if (
                p.rec.uid in existing
                or (p.also and p.also in existing)
                or (key is not None and (key in seen_content or self._already_here(key)))
            ):
                self.skipped += 1
                continue
            existing.add(p.rec.uid)  # the same uid twice in one file: the first one wins
            if key is not None:
                seen_content.add(key)
            by_kind.setdefault(p.rec.KIND, []).append(p)
        for kind, group in by_kind.items():
            try:
                new_ids = repository_for(self.db, kind).add_batch([p.rec for p in group])
                for p, item_id in zip(group, new_ids, strict=True):
                    if p.media:
                        self._attach(p, item_id)
                trashed = [(p.rec.uid, utc_text(p.deleted_at)) for p in group if p.deleted_at]
                if trashed:
                    with self.db.transaction() as conn:
                        vault_state.set_deleted(conn, trashed)
            except InvalidRecord as exc:
                where = group[getattr(exc, "index", 0)].where
                raise _Refused(where, _lower_first(str(exc)).rstrip(".")) from None
            self.added += len(group)
            self.links += [(p.rec.uid, p.trigger_uid) for p in group if p.trigger_uid]

    # --- jrnl text ----------------------------------------------------------------------------
    def _lines(self) -> Iterator[tuple[int, str]]:
        """The file's lines (numbered from 1, without their ends), checked as they come."""
        stream = io.BufferedReader(self.reader, _CHUNK)
        limit = 4 * validate.MAX_TEXT  # bytes: UTF-8 takes at most four a character
        number = 0
        while True:
            raw = stream.readline(limit + 1)
            if not raw:
                return
            number += 1
            if len(raw) > limit:
                raise _Refused(
                    _line(number),
                    translate("Import", "it is longer than the longest text Kintsugi keeps"),
                )
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                decoded = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise _Refused(_line(number), translate("Import", "it is not UTF-8 text")) from None
            yield number, decoded.rstrip("\r\n")

    def _time_format(self) -> str:
        """The journal's time format: its config's, or the common one every date reads in
        (a first pass over the lines that start with ``[``)."""
        if self.options.time_format:
            return self.options.time_format
        blobs = (m[1] for _, text in self._lines() if (m := jrnl_format.HEADER.match(text)))
        try:
            fmt = jrnl_format.detect_time_format(blobs)
        finally:
            self.f.seek(0)
            self.reader = _Counting(self.f)
        return fmt or jrnl_format.DEFAULT_TIME_FORMAT

    def jrnl_text(self) -> Iterator[_Pending]:
        self.source = "jrnl"
        fmt = self._time_format()
        current: tuple[datetime, str, int] | None = None
        lines: list[str] = []
        chars = 0
        found = False
        for number, text in self._lines():
            m = jrnl_format.HEADER.match(text)
            when = jrnl_format.parse_time(m[1], fmt) if m else None
            if m and when is None:
                if iso := _ISO_BLOB.match(m[1]):  # a date that is not one: say which
                    when = self._jrnl_when(iso[1], iso[2], number)
                elif jrnl_format.shape_of(fmt).match(m[1]):
                    raise _Refused(
                        _line(number),
                        arg(
                            translate(
                                "Import",
                                "the date %1 is not a date and time (the journal's format is %2)",
                            ),
                            validate.show(m[1]),
                            fmt,
                        ),
                    )
            if m is not None and when is not None:
                if current is not None:
                    yield self._jrnl_entry(*current, lines)
                found = True
                if not 1900 <= when.year <= 2199:
                    raise _Refused(
                        _line(number),
                        arg(translate("Import", "the year %1 is out of range"), when.year),
                    )
                current = (when, text[m.end() :], number)
                lines, chars = [], 0
            elif current is not None:
                chars += len(text) + 1
                if chars > validate.MAX_TEXT:
                    raise _Refused(
                        _line(number),
                        arg(
                            translate(
                                "Import", "the entry from line %1 is longer than %2 characters"
                            ),
                            current[2],
                            count_text(validate.MAX_TEXT),
                        ),
                    )
                lines.append(text)
        if current is not None:
            yield self._jrnl_entry(*current, lines)
        if not found:
            raise _Refused("", translate("Import", "it has no jrnl entries ([date] lines)"))

    @staticmethod
    def _jrnl_when(day_text: str, clock_text: str, number: int) -> datetime:
        try:
            day = validate.day(day_text)
            clock = validate.clock(clock_text)
        except Invalid as exc:
            raise _Refused(_line(number), str(exc)) from None
        return datetime.combine(day, clock.replace(second=0))

    def _jrnl_entry(self, when: datetime, first: str, number: int, lines: list[str]) -> _Pending:
        first, starred = jrnl_format.split_star(first)
        title, body = jrnl_format.split_title("\n".join([first, *lines]))
        try:
            title = validate.text(title, validate.MAX_LINE)
            validate.text(body)
        except Invalid as exc:
            raise _Refused(
                _line(number), arg(translate("Import", "the entry: %1"), str(exc))
            ) from None
        tags = jrnl_format.tags_in(f"{title}\n{body}", self.options.tag_symbols)
        return self._jrnl_pending(when, title, body, tags, starred, _Where(_line, number))

    def _jrnl_pending(
        self,
        when: datetime,
        title: str,
        body: str,
        tags: list[str],
        starred: bool,
        where: str | _Where,
    ) -> _Pending:
        """A jrnl entry (text or JSON alike): its uid is its wall-clock minute and content,
        so the same journal as text and as JSON, or read under another time zone, is the
        same entry."""
        wall = when
        if when.second or when.microsecond or when.tzinfo is not None:
            wall = when.replace(second=0, microsecond=0, tzinfo=None)
        title, body = title.strip(), body.strip()
        local = wall.astimezone()
        return _Pending(
            Entry(
                # isoformat(timespec="minutes") is strftime("%Y-%m-%dT%H:%M") here (a naive
                # time, years 1900–2199) at a third of the cost
                uid=_stable_uid("jrnl", wall.isoformat(timespec="minutes"), title, body),
                occurred_at=local,
                title=title,
                body=body,
                tags=[t for t in tags if len(t) <= validate.MAX_TAG][: validate.MAX_TAGS],
                starred=starred,
            ),
            where,
            # the uid Kintsugi before 0.2 gave it: only a vault with items can hold one
            also=None if self.was_empty else _stable_uid("jrnl", local.isoformat(), title, body),
            by_content=True,
        )

    # --- JSON ---------------------------------------------------------------------------------
    def json_document(self) -> Iterator[_Pending]:
        doc = _JsonDocument(self.reader)
        flavour = ""
        entry_of: Callable[[int, Any], _Pending | None] = self._jrnl_json_entry
        for section, n, value in doc.elements():
            if section == "attachments":
                if doc.top.get("format") != EXPORT_FORMAT:
                    raise _Refused("", _unrecognised())
                self._restore_attachment(n, value)
                continue
            if section == "received_attachments":
                if doc.top.get("format") != EXPORT_FORMAT or "vault" not in doc.top:
                    raise _Refused("", _unrecognised())
                if self._state_restored is None:  # the bundles they belong to, first
                    self._restore_state(doc.top["vault"])
                if self._state_restored:
                    self._restore_received_attachment(n, value)
                continue
            if section == "items":
                if doc.top.get("format", EXPORT_FORMAT) != EXPORT_FORMAT:
                    raise _Refused("", _unrecognised())
                self.source = "kintsugi"
                yield self._kintsugi_item(n, value)
                continue
            if not flavour:
                flavour = self._flavour(n, value)
                self.source = "jrnl" if flavour == "jrnl_json" else flavour
                entry_of = getattr(self, f"_{flavour}_entry")
            pending = entry_of(n, value)
            if pending is not None:
                yield pending
        fmt, version = doc.top.get("format"), doc.top.get("version")
        if fmt == EXPORT_FORMAT:
            if version != EXPORT_VERSION:
                raise _Refused(
                    "", translate("Import", "this export comes from another version of Kintsugi")
                )
            if doc.section != "items":
                raise _Refused("", translate("Import", "this Kintsugi export has no list of items"))
            if "vault" in doc.top and self._state_restored is None:
                self._restore_state(doc.top["vault"])
        elif doc.section == "items" or doc.section is None:
            raise _Refused("", _unrecognised())
        if self.without_content and not self.with_content:
            raise _Refused(
                "",
                arg(
                    translate("Import", "none of its %1 entries has a title or any text"),
                    count_text(self.without_content),
                ),
            )
        if not self.source:
            self.source = "jrnl"  # {"entries": []}: jrnl's export of an empty journal

    def _restore_attachment(self, n: int, value: Any) -> None:
        """One attachment of a complete backup, into the record it belongs to (already
        imported: the items come first), with its uid, so entries' links still hold."""
        import base64
        import binascii

        from kintsugi.core.errors import AttachmentRefused
        from kintsugi.core.repo.attachments import AttachmentRepo

        where = arg(translate("Import", "attachment %1"), n)
        self.flush()  # the records first
        if not isinstance(value, dict):
            raise _Refused(where, translate("Import", "must be an object"))
        try:
            uid = validate.uid(value.get("uid"))
            item_uid = validate.uid(value.get("item_uid"))
            name = validate.line(value.get("name"))
            created = validate.optional_moment(value.get("created_at"))
            data = base64.b64decode(str(value.get("data") or ""), validate=True)
        except Invalid as exc:
            raise _Refused(where, str(exc)) from None
        except (binascii.Error, ValueError):
            raise _Refused(where, translate("Import", "its data is not base64")) from None
        store = AttachmentRepo(self.db)
        if store.has_uid(uid):
            return  # already here (the same backup again)
        ids = self.items.ids_of([item_uid])
        if item_uid not in ids:
            raise _Refused(
                where,
                arg(
                    translate("Import", "it belongs to %1, which the file lacks"),
                    validate.show(item_uid),
                ),
            )
        kept = value.get("metadata_kept") is True
        try:
            att = store.add_stream(ids[item_uid], io.BytesIO(data), name, keep_metadata=True)
        except AttachmentRefused as exc:
            raise _Refused(where, _lower_first(str(exc)).rstrip(".")) from None
        store.restore_identity(att.id, uid, utc_text(created or datetime.now(UTC)), kept)
        self.attached += 1

    def _restore_received_attachment(self, n: int, value: Any) -> None:
        """One of a partner's attachments of a complete backup, into the received item it
        belongs to (restored just before, with the vault's state)."""
        import base64
        import binascii

        from kintsugi.core.errors import AttachmentRefused

        where = arg(translate("Import", "received attachment %1"), n)
        if not isinstance(value, dict):
            raise _Refused(where, translate("Import", "must be an object"))
        try:
            ref = validate.attachment_ref(
                {k: value.get(k) for k in ("sha256", "name", "mime", "kind", "size")}
                | {k: value[k] for k in ("width", "height", "duration_ms") if value.get(k)}
            )
            position = validate.whole(0, validate.MAX_LIST, optional=False)(value.get("position"))
            data = base64.b64decode(str(value.get("data") or ""), validate=True)
        except Invalid as exc:
            raise _Refused(where, str(exc)) from None
        except (binascii.Error, ValueError):
            raise _Refused(where, translate("Import", "its data is not base64")) from None
        try:
            found = Sharing(self.db).restore_received_attachment(
                value, ref, position or 0, io.BytesIO(data)
            )
        except AttachmentRefused as exc:
            raise _Refused(where, _lower_first(str(exc)).rstrip(".")) from None
        if not found:
            raise _Refused(
                where, translate("Import", "it belongs to a received item the file lacks")
            )

    def _restore_state(self, vault: Any) -> None:
        """A complete backup's settings, identity, address book, received bundles and share
        log: restored into a vault that held no records (a restore), else left out."""
        state = vault.get("state") if isinstance(vault, dict) else None
        if not isinstance(state, dict):
            raise _Refused(
                _state(), translate("Import", "it is not a complete backup's journal state")
            )
        self._state_restored = self.was_empty
        if not self.was_empty:
            english = (
                "parts of a complete backup: its settings, sharing identity, address book, "
                "received bundles and share log (this journal file keeps its own; they come "
                "in only into an empty journal file)"
            )
            self.leave_out(
                left_out_reason(
                    english,
                    translate(
                        "Import",
                        "parts of a complete backup: its settings, sharing identity, address "
                        "book, received bundles and share log (this journal file keeps its "
                        "own; they come in only into an empty journal file)",
                    ),
                )
            )
            return
        self.flush()  # the items first: the share log names them
        try:
            with self.db.transaction() as conn:
                vault_state.restore(conn, state)
        except (ValueError, TypeError) as exc:
            raise _Refused(_state(), str(exc)) from None
        except Exception as exc:  # the database refused a row: a damaged backup
            if type(exc).__name__ not in ("IntegrityError", "OperationalError", "InterfaceError"):
                raise
            raise _Refused(
                _state(), arg(translate("Import", "a row cannot be restored (%1)"), exc)
            ) from None

    @staticmethod
    def _flavour(n: int, value: Any) -> str:
        if isinstance(value, tuple):  # {"entries": {"YYYY-MM-DD": {...}}}: Mini Diary 3
            return "minidiary"
        if isinstance(value, dict) and "creationDate" in value:
            return "dayone"
        if isinstance(value, dict) and "date" in value:
            # Mini Diarium: an id, a day and HTML text; jrnl: a title, a body and a time
            if "text" in value and "body" not in value:
                return "minidiarium"
            return "jrnl_json"
        raise _Refused(
            _entry(n),
            translate(
                "Import",
                "it is neither a jrnl entry (with a date), a Day One entry (with a "
                "creationDate) nor a Mini Diary entry",
            ),
        )

    def _kintsugi_item(self, n: int, value: Any) -> _Pending:
        where = _Where(_item, n)
        try:
            cls, values = validate.record_fields(value)
            trigger_uid = value.get("trigger_uid")
            if trigger_uid is not None:
                trigger_uid = validate.uid(trigger_uid)
            deleted_at = validate.optional_moment(value.get("deleted_at"))
        except Invalid as exc:
            raise _Refused(where, str(exc)) from None
        return _Pending(
            cls(**values),
            where,
            trigger_uid if cls is GroundingSession else None,
            deleted_at=deleted_at,
        )

    def _jrnl_json_entry(self, n: int, value: Any) -> _Pending:
        plain = self._plain_jrnl(value)
        if plain is None:  # anything unusual: the full check, which names what is wrong
            try:
                found = validate.fields(_JRNL_FIELDS, value)
                if "date" not in found:
                    raise Invalid(translate("Import", "has no date"))
            except Invalid as exc:
                raise _Refused(_entry(n), str(exc)) from None
            plain = (
                found["date"],
                found.get("time") or time(),
                found.get("title", ""),
                found.get("body", ""),
                found.get("tags", []),
                found.get("starred"),
            )
        day, clock, title, body, raw_tags, starred = plain
        tags = [t.lower().lstrip(self.options.tag_symbols) for t in raw_tags]
        return self._jrnl_pending(
            datetime.combine(day, clock),
            title,
            body,
            [t for t in tags if t],
            bool(starred),
            _Where(_entry, n),
        )

    def _plain_jrnl(self, value: Any) -> tuple[Any, time, str, str, list[str], Any] | None:
        """A jrnl JSON entry as jrnl writes it — every field there and of its type, within
        its caps — checked in one pass, its date and time parsed once per file: the same
        checks as ``validate.fields(_JRNL_FIELDS)`` (a test compares them), at half the
        cost. None for anything else, which the full check then reads and names."""
        if type(value) is not dict:
            return None
        get = value.get
        day_text, clock_text, title, body, tags, starred = (
            get("date"),
            get("time"),
            get("title"),
            get("body"),
            get("tags"),
            get("starred"),
        )
        if (
            type(title) is not str
            or type(body) is not str
            or type(tags) is not list
            or not (starred is None or type(starred) is bool)
            or len(title) > validate.MAX_TEXT
            or len(body) > validate.MAX_TEXT
            or len(tags) > validate.MAX_TAGS
            or "\x00" in title
            or "\x00" in body
            or not ((title.isascii() or _utf8(title)) and (body.isascii() or _utf8(body)))
        ):
            return None
        for tag in tags:
            if (
                type(tag) is not str
                or len(tag) > validate.MAX_TAG
                or "\x00" in tag
                or not (tag.isascii() or _utf8(tag))
            ):
                return None
        if type(day_text) is not str or type(clock_text) is not str:
            return None
        day = self.days.get(day_text) or _parsed(self.days, validate.day, day_text)
        clock = self.clocks.get(clock_text) or _parsed(self.clocks, validate.clock, clock_text)
        if day is None or clock is None:
            return None
        return day, clock, title, body, tags, starred

    def _counted(self, title: str, body: str) -> bool:
        """Count an entry with or without content; False (left out) when it has none."""
        if title.strip() or body.strip():
            self.with_content += 1
            return True
        self.without_content += 1
        self.leave_out(
            left_out_reason(
                "empty entries (no title, no text)",
                translate("Import", "empty entries (no title, no text)"),
            )
        )
        return False

    def _minidiary_entry(self, n: int, value: Any) -> _Pending | None:
        """Mini Diary 3.x: ``"YYYY-MM-DD": {"dateUpdated", "title", "text"}`` (Markdown)."""
        key, entry = value
        where = f"{_entry(n)} ({validate.show(key)})"
        try:
            day = validate.day(key)
            found = validate.fields(
                {"title": validate.line, "text": validate.text, "dateUpdated": _any}, entry
            )
        except Invalid as exc:
            raise _Refused(where, str(exc)) from None
        title, body = found.get("title", "").strip(), found.get("text", "").strip()
        if not self._counted(title, body):
            return None
        return self._day_entry("minidiary", day, title, body, [], where)

    def _minidiarium_entry(self, n: int, value: Any) -> _Pending | None:
        """Mini Diarium: ``{"id", "date", "title", "text" (HTML), "dateUpdated", "tags"}``."""
        where = _Where(_entry, n)
        try:
            found = validate.fields(
                {
                    "date": validate.day,
                    "title": validate.line,
                    "text": validate.text,
                    "tags": validate.tags,
                    "id": _any,
                    "dateUpdated": _any,
                },
                value,
            )
        except Invalid as exc:
            raise _Refused(where, str(exc)) from None
        title = found.get("title", "").strip()
        body = html_to_markdown(found.get("text", ""))
        if not self._counted(title, body):
            return None
        return self._day_entry(
            "minidiarium", found["date"], title, body, found.get("tags", []), where
        )

    @staticmethod
    def _day_entry(
        source: str, day: Any, title: str, body: str, tags: list[str], where: str | _Where
    ) -> _Pending:
        """An entry for a whole day (Mini Diary keeps no time): noon, local time."""
        when = datetime.combine(day, time(12, 0)).astimezone()
        return _Pending(
            Entry(
                uid=_stable_uid(source, day.isoformat(), title, body),
                occurred_at=when,
                title=title,
                body=body,
                tags=tags,
            ),
            where,
            by_content=True,
        )

    def _dayone_entry(
        self, n: int, value: Any, journal: str = "", in_zip: set[str] | None = None
    ) -> _Pending:
        from kintsugi.core import dayone

        where = _Where(_entry, n)
        try:
            entry, left_out = dayone.entry_from_json(value, journal)
            validate.text(entry.body)
        except Invalid as exc:
            raise _Refused(where, str(exc)) from None
        settled, media = dayone.settle_media(entry, value, in_zip)
        left_out.update(settled)
        for why, count in left_out.items():
            self.leave_out(why, count)
        return _Pending(entry, where, by_content=True, media=media)


def _any(value: Any) -> Any:
    return value


def _utf8(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (no lone surrogate), as validate.text asks."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parsed(cache: dict[str, Any], convert: Callable[[str], Any], text: str) -> Any:
    """``convert(text)`` remembered in ``cache`` (kept small); None if it is refused."""
    try:
        value = convert(text)
    except Invalid:
        return None
    if len(cache) >= 4096:
        cache.clear()
    cache[text] = value
    return value


#: A jrnl JSON entry's fields (made once: this runs for every entry).
_JRNL_FIELDS = {
    "date": validate.day,
    "time": validate.clock,
    "title": validate.text,
    "body": validate.text,
    "tags": validate.tags,
    "starred": validate.flag(optional=True),
}


def html_to_markdown(html: str) -> str:
    """Mini Diarium's HTML as Markdown (html2text: headings, emphasis, lists, links)."""
    if "<" not in html and "&" not in html:
        return html.strip()
    import html2text

    h = html2text.HTML2Text()
    h.body_width = 0  # no hard wrapping
    h.ignore_images = False
    h.unicode_snob = True
    h.ul_item_mark = "-"
    text = h.handle(html)
    text = re.sub(r"(?m)^  ([-*+] |\d+\. )", r"\1", text)  # top-level list items
    text = re.sub(r"(?m)^((?:[-*+]|\d+\.) .*)\n\n(?=(?:[-*+]|\d+\.) )", r"\1\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class _JsonDocument:
    """Walks one JSON object incrementally: remembers its top-level scalars (``top``) and
    yields the elements of its ``items`` or ``entries`` list one at a time, so memory holds
    one element, never the file."""

    SECTIONS = ("items", "entries")
    EXTRA_SECTIONS = ("attachments", "received_attachments")  # a complete backup's

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
            raise _Refused("", _unrecognised())
        key = None
        for event, value in events:
            if event == "map_key":
                key = value
            elif event == "end_map":
                break
            elif event == "start_array" and key in self.SECTIONS:
                if self.section is not None:
                    raise _Refused(
                        "", translate("Import", "it has both a list of items and a list of entries")
                    )
                self.section = key
                yield from self._array(events, key)
            elif event == "start_array" and key in self.EXTRA_SECTIONS:
                yield from self._array(events, key)
            elif event == "start_map" and key == "entries" and self.section is None:
                self.section = key  # Mini Diary: {"YYYY-MM-DD": {...}, ...}
                yield from self._map(events, key)
            elif event == "start_map" and key in ("metadata", "vault"):
                self.top[key] = self._build(events, event)
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

    def _map(
        self, events: Iterator[tuple[str, Any]], section: str
    ) -> Iterator[tuple[str, int, Any]]:
        n = 0
        name = None
        for event, value in events:
            if event == "end_map":
                return
            if event == "map_key":
                name = value
                continue
            n += 1
            if event in ("start_map", "start_array"):
                value = self._build(events, event)
            yield section, n, (name, value)

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
                    raise _Refused("", _too_deep())
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
                    raise _Refused("", _too_deep())
            elif event in ("end_map", "end_array"):
                depth -= 1
                if depth == 0:
                    return


def _state() -> str:
    return translate("Import", "the journal state")


def _too_deep() -> str:
    return arg(translate("Import", "it is nested more than %1 levels deep"), validate.MAX_DEPTH)


def _stable_uid(source: str, *parts: str) -> str:
    return f"{source}-" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def _first_line(exc: BaseException) -> str:
    arg = exc.args[0] if exc.args else ""
    arg = arg.decode("utf-8", "replace") if isinstance(arg, bytes) else str(exc)
    text = arg.strip().splitlines()
    return validate.show(text[0], 80).strip("'\"") if text else type(exc).__name__


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]

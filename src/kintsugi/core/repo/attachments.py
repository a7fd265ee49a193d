"""Photos, screenshots, PDFs and sound, kept inside the one encrypted vault file.

Storage (schema v8): a file's bytes are a ``blob``, named by their SHA-256 and cut into
rows of :data:`CHUNK` bytes (``blob_chunk``), so a 200 MB recording is written and read a
piece at a time and never sits whole in memory. An ``attachment`` links a blob to a record
of any kind, with the name the person knows it by; the same bytes attached twice (to one
record or two) are one blob with two links. When the last link goes (the record is
deleted for good from the trash, or the attachment is removed), a trigger frees the blob.
The trash keeps a record's attachments as they were.

What comes in is checked for being what it says it is (by its first bytes, and by
decoding pictures with Pillow: a decompression bomb, a truncated PNG or a "PDF" that is
not one gets one calm line and nothing is stored). Camera metadata (EXIF with GPS, XMP,
IPTC) is taken out of pictures unless the person keeps it (:mod:`kintsugi.core.imagemeta`,
lossless). HEIC photos (pillow-heif) are stored as JPEG: Qt and PDF readers cannot show
HEIC.

Writes come in transactions of a few chunks, so other readers get the connection between
them; the blob is marked complete, deduplicated and linked in one last transaction. A
crash part-way leaves an incomplete blob, encrypted like everything else, removed at the
next open (:meth:`AttachmentRepo.sweep_unfinished`).
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, BinaryIO

from kintsugi.core.db import Database
from kintsugi.core.errors import AttachmentRefused, RecordNotFound
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, arg, marked, translate
from kintsugi.core.timeutil import from_db, now, utc_text

CHUNK = 256 * 1024
CHUNKS_PER_TRANSACTION = 8
#: The largest file Kintsugi keeps (a two-hour voice note in WAV is about 230 MB).
MAX_BYTES = 256 * 1024 * 1024
#: The most pixels a picture may have (a 100-megapixel photo is still a photo; a
#: decompression bomb claims billions).
MAX_PIXELS = 100_000_000

IMAGE, PDF, AUDIO = "image", "pdf", "audio"
KINDS = (IMAGE, PDF, AUDIO)

# What a name's ending claims, and what the first bytes show: (kind, mime, label).
_BY_SUFFIX = {
    ".png": (IMAGE, "image/png", QT_TRANSLATE_NOOP("attachments", "a PNG picture")),
    ".jpg": (IMAGE, "image/jpeg", QT_TRANSLATE_NOOP("attachments", "a JPEG photo")),
    ".jpeg": (IMAGE, "image/jpeg", QT_TRANSLATE_NOOP("attachments", "a JPEG photo")),
    ".webp": (IMAGE, "image/webp", QT_TRANSLATE_NOOP("attachments", "a WebP picture")),
    ".gif": (IMAGE, "image/gif", QT_TRANSLATE_NOOP("attachments", "a GIF picture")),
    ".heic": (IMAGE, "image/heic", QT_TRANSLATE_NOOP("attachments", "a HEIC photo")),
    ".heif": (IMAGE, "image/heic", QT_TRANSLATE_NOOP("attachments", "a HEIC photo")),
    ".pdf": (PDF, "application/pdf", QT_TRANSLATE_NOOP("attachments", "a PDF")),
    ".wav": (AUDIO, "audio/wav", QT_TRANSLATE_NOOP("attachments", "a WAV recording")),
    ".mp3": (AUDIO, "audio/mpeg", QT_TRANSLATE_NOOP("attachments", "an MP3 recording")),
    ".m4a": (AUDIO, "audio/mp4", QT_TRANSLATE_NOOP("attachments", "an M4A recording")),
    ".aac": (AUDIO, "audio/aac", QT_TRANSLATE_NOOP("attachments", "an AAC recording")),
    ".ogg": (AUDIO, "audio/ogg", QT_TRANSLATE_NOOP("attachments", "an Ogg recording")),
    ".oga": (AUDIO, "audio/ogg", QT_TRANSLATE_NOOP("attachments", "an Ogg recording")),
    ".opus": (AUDIO, "audio/ogg", QT_TRANSLATE_NOOP("attachments", "an Opus recording")),
    ".flac": (AUDIO, "audio/flac", QT_TRANSLATE_NOOP("attachments", "a FLAC recording")),
    ".webm": (AUDIO, "audio/webm", QT_TRANSLATE_NOOP("attachments", "a WebM recording")),
}
SUFFIX_FOR_MIME = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "application/pdf": ".pdf",
    "audio/wav": ".wav",
    "audio/mpeg": ".mp3",
    "audio/mp4": ".m4a",
    "audio/aac": ".aac",
    "audio/ogg": ".ogg",
    "audio/flac": ".flac",
    "audio/webm": ".webm",
}


def kind_of_mime(mime: str) -> str:
    """The kind (image / pdf / audio) of a mime type Kintsugi keeps, or ""."""
    if mime.startswith("image/"):
        return IMAGE
    if mime == "application/pdf":
        return PDF
    return AUDIO if mime.startswith("audio/") else ""


_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}


def sniff(head: bytes) -> tuple[str, str] | None:
    """(kind, mime) of what the first bytes show, or None for none of what we keep."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return IMAGE, "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return IMAGE, "image/jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return IMAGE, "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return IMAGE, "image/webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return AUDIO, "audio/wav"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS:
            return IMAGE, "image/heic"
        if brand in (b"M4A ", b"M4B ", b"mp42", b"isom", b"mp41", b"dash"):
            return AUDIO, "audio/mp4"
        return None
    if head.startswith(b"%PDF-"):
        return PDF, "application/pdf"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        if head.startswith(b"\xff\xf1") or head.startswith(b"\xff\xf9"):
            return AUDIO, "audio/aac"
        return AUDIO, "audio/mpeg"
    if head.startswith(b"OggS"):
        return AUDIO, "audio/ogg"
    if head.startswith(b"fLaC"):
        return AUDIO, "audio/flac"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return AUDIO, "audio/webm"
    return None


@dataclass(frozen=True)
class Attachment:
    id: int
    uid: str
    item_id: int
    name: str
    mime: str
    kind: str  # image / pdf / audio
    size: int
    sha256: str
    width: int | None = None
    height: int | None = None
    duration_ms: int | None = None
    metadata_kept: bool = False
    created_at: datetime | None = None


_COLS = (
    "a.id, a.uid, a.item_id, a.name, a.mime, a.kind, b.size, b.sha256, a.width, a.height,"
    " a.duration_ms, a.metadata_kept, a.created_at"
)


def _from_row(row: tuple[Any, ...]) -> Attachment:
    att_id, uid, item_id, name, mime, kind, size, sha, width, height, duration, kept, created = row
    return Attachment(
        id=att_id,
        uid=uid,
        item_id=item_id,
        name=name,
        mime=mime,
        kind=kind,
        size=size,
        sha256=sha,
        width=width,
        height=height,
        duration_ms=duration,
        metadata_kept=bool(kept),
        created_at=from_db(created),
    )


class BlobReader(io.RawIOBase):
    """A seekable, read-only file over one blob's chunks (one chunk in memory at a time)."""

    def __init__(self, db: Database, blob_id: int, size: int):
        self._db, self._blob, self._size, self._pos = db, blob_id, size, 0
        self._chunk: tuple[int, bytes] | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def _load(self, seq: int) -> bytes:
        if self._chunk is None or self._chunk[0] != seq:
            with self._db.read() as conn:
                row = conn.execute(
                    "SELECT data FROM blob_chunk WHERE blob_id = ? AND seq = ?", (self._blob, seq)
                ).fetchone()
            self._chunk = (seq, bytes(row[0]) if row else b"")
        return self._chunk[1]

    def readinto(self, buffer: Any) -> int:
        if self._pos >= self._size:
            return 0
        seq, skip = divmod(self._pos, CHUNK)
        data = self._load(seq)[skip : skip + len(buffer)]
        if not data:
            return 0
        buffer[: len(data)] = data
        self._pos += len(data)
        return len(data)


class _Staging:
    """A blob being written: chunks go in a few at a time, hashed as they pass."""

    def __init__(self, db: Database, cap: int | None = None, name: str = "This file"):
        self.db, self.name = db, name
        self.cap = MAX_BYTES if cap is None else cap
        self.size, self.seq = 0, 0
        self.sha = hashlib.sha256()
        self._pending: list[bytes] = []
        self._buffer = bytearray()
        with db.transaction() as conn:
            self.blob_id = conn.execute("INSERT INTO blob (size, complete) VALUES (0, 0)").lastrowid
        self.done = False

    def write(self, data: bytes) -> None:
        if not data:
            return
        self.size += len(data)
        if self.size > self.cap:
            raise AttachmentRefused(too_large(self.name))
        self.sha.update(data)
        self._buffer += data
        while len(self._buffer) >= CHUNK:
            self._pending.append(bytes(self._buffer[:CHUNK]))
            del self._buffer[:CHUNK]
            if len(self._pending) >= CHUNKS_PER_TRANSACTION:
                self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        with self.db.transaction() as conn:
            for data in self._pending:
                conn.execute(
                    "INSERT INTO blob_chunk (blob_id, seq, data) VALUES (?, ?, ?)",
                    (self.blob_id, self.seq, data),
                )
                self.seq += 1
        self._pending.clear()

    def close(self) -> None:
        """Everything written is in the vault (the blob is not complete yet)."""
        if self._buffer:
            self._pending.append(bytes(self._buffer))
            self._buffer.clear()
        self._flush()

    def reader(self) -> BlobReader:
        return BlobReader(self.db, self.blob_id, self.size)

    def discard(self) -> None:
        if not self.done:
            self.done = True
            with self.db.transaction() as conn:
                conn.execute("DELETE FROM blob WHERE id = ? AND complete = 0", (self.blob_id,))


def too_large(name: str) -> str:
    return arg(
        translate(
            "attachments",
            "%1 is larger than %2 MB, the most Kintsugi keeps in one attachment; nothing was "
            "stored.",
        ),
        name,
        f"{MAX_BYTES / (1024 * 1024):g}",
    )


def _not_what_it_says(name: str, claim: str) -> str:
    return arg(
        translate("attachments", "%1 says it is %2 but it is not one; nothing was stored."),
        name,
        marked("attachments", claim),
    )


def _unreadable_picture(name: str) -> str:
    return arg(
        translate(
            "attachments",
            "%1 is not a picture that can be read (it may be damaged); nothing was stored.",
        ),
        name,
    )


def _claim(name: str) -> tuple[str, str, str] | None:
    return _BY_SUFFIX.get(Path(name).suffix.lower())


@dataclass
class _Checked:
    kind: str
    mime: str
    width: int | None = None
    height: int | None = None
    orientation: int | None = None
    duration_ms: int | None = None


def _heif_available() -> bool:
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def _check(src: BinaryIO, name: str, size: int) -> _Checked:
    """What the file is, checked against what its name claims; refuse what is not sound."""
    src.seek(0)
    head = src.read(64)
    found = sniff(head)
    claim = _claim(name)
    if found is None:
        if claim is not None:
            raise AttachmentRefused(_not_what_it_says(name, claim[2]))
        raise AttachmentRefused(
            arg(
                translate(
                    "attachments",
                    "%1: Kintsugi keeps photos (PNG, JPEG, WebP, GIF, HEIC), PDFs and sound (WAV, "
                    "MP3, M4A, Ogg, FLAC); this file is none of those; nothing was stored.",
                ),
                name,
            )
        )
    kind, mime = found
    if claim is not None and (claim[0] != kind or (kind == IMAGE and claim[1] != mime)):
        raise AttachmentRefused(_not_what_it_says(name, claim[2]))
    if kind == IMAGE:
        return _check_image(src, name, mime)
    if kind == PDF:
        _check_pdf(src, name, size)
        return _Checked(PDF, mime)
    return _Checked(AUDIO, mime, duration_ms=_wav_duration(src) if mime == "audio/wav" else None)


def _check_image(src: BinaryIO, name: str, mime: str) -> _Checked:
    from PIL import Image

    if mime == "image/heic" and not _heif_available():
        raise AttachmentRefused(
            arg(
                translate(
                    "attachments",
                    "%1 is a HEIC photo, and this Kintsugi has no HEIC reader; nothing was stored.",
                ),
                name,
            )
        )
    bad = _unreadable_picture(name)
    src.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(src) as im:
                width, height = im.size
                if width * height > MAX_PIXELS:
                    raise AttachmentRefused(_bomb(name, width, height))
                orientation = im.getexif().get(0x0112) if mime == "image/jpeg" else None
                if mime == "image/png":
                    im.verify()  # every chunk's CRC, through to the end
                else:
                    if mime == "image/jpeg":
                        im.draft("RGB", (512, 512))  # decode every block, at 1/8 size
                    im.load()
                    frames = getattr(im, "n_frames", 1)
                    if frames > 1 and width * height * frames > 4 * MAX_PIXELS:
                        raise AttachmentRefused(_bomb(name, width, height))
            if mime == "image/png":  # verify() leaves the image unusable: decode it once
                src.seek(0)
                with Image.open(src) as im:
                    im.load()
    except AttachmentRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise AttachmentRefused(_bomb(name, 0, 0)) from None
    except (OSError, SyntaxError, ValueError, EOFError, struct.error, MemoryError):
        raise AttachmentRefused(bad) from None
    except Exception:  # noqa: BLE001 - any decoder failure on a hostile file is "damaged"
        raise AttachmentRefused(bad) from None
    return _Checked(IMAGE, mime, width, height, orientation=orientation)


def _bomb(name: str, width: int, height: int) -> str:
    size = f" ({width} × {height})" if width else ""
    return arg(
        translate(
            "attachments",
            "%1 claims to be a picture of more than %2 million pixels%3; Kintsugi does not "
            "open it; nothing was stored.",
        ),
        name,
        MAX_PIXELS // 1_000_000,
        size,
    )


def _check_pdf(src: BinaryIO, name: str, size: int) -> None:
    src.seek(max(0, size - 2048))
    tail = src.read(2048)
    if b"%%EOF" not in tail or b"startxref" not in tail:
        raise AttachmentRefused(
            arg(
                translate(
                    "attachments",
                    "%1 starts like a PDF but is not a complete one (it may be cut short); "
                    "nothing was stored.",
                ),
                name,
            )
        )


def _wav_duration(src: BinaryIO) -> int | None:
    src.seek(12)
    rate = block = None
    while True:
        head = src.read(8)
        if len(head) < 8:
            return None
        fourcc, length = struct.unpack("<4sI", head)
        if fourcc == b"fmt ":
            fmt = src.read(min(length, 16))
            if len(fmt) < 16:
                return None
            _, _, rate, _, block = struct.unpack("<HHIIH", fmt[:14])
            src.seek(length - 16 + (length & 1), 1)
        elif fourcc == b"data":
            if not rate or not block:
                return None
            return int(1000 * (length // block) / rate)
        else:
            src.seek(length + (length & 1), 1)


def _clean_into(src: BinaryIO, checked: _Checked, out: _Staging) -> str:
    """Copy a picture into ``out`` without its camera metadata; returns its mime."""
    from kintsugi.core import imagemeta

    src.seek(0)
    if checked.mime == "image/jpeg":
        imagemeta.strip_jpeg(src, out.write, checked.orientation)
    elif checked.mime == "image/png":
        imagemeta.strip_png(src, out.write)
    elif checked.mime == "image/webp":
        imagemeta.strip_webp(src, out.write)
    elif checked.mime == "image/heic":
        _heic_to_jpeg(src, out, keep_metadata=False)
        return "image/jpeg"
    else:  # GIF has no camera metadata
        imagemeta._copy_rest(src, out.write)
    return checked.mime


def _heic_to_jpeg(src: BinaryIO, out: _Staging, keep_metadata: bool) -> None:
    from PIL import Image, ImageOps

    src.seek(0)
    with Image.open(src) as im:
        exif = im.getexif() if keep_metadata else None
        picture = im if keep_metadata else ImageOps.exif_transpose(im)
        buffer = io.BytesIO()
        extra = {"exif": exif.tobytes()} if exif else {}
        picture.convert("RGB").save(buffer, "JPEG", quality=92, **extra)
    out.write(buffer.getvalue())


def gps_of(data: BinaryIO) -> dict[int, Any]:
    """The GPS tags Pillow finds in a picture ({} when none): for tests and the preview."""
    from PIL import Image

    data.seek(0)
    with Image.open(data) as im:
        return dict(im.getexif().get_ifd(0x8825))


UNFINISHED = "SELECT 1 FROM blob WHERE sha256 IS NULL LIMIT 1"


class AttachmentRepo:
    """Attachments of records of any kind. Safe to call from the vault's writer thread."""

    def __init__(self, db: Database):
        self.db = db

    # --- adding ---------------------------------------------------------------
    def add_file(
        self, record_id: int, path: Path | str, *, keep_metadata: bool = False
    ) -> Attachment:
        """Attach the file at ``path`` (read a chunk at a time)."""
        path = Path(path)
        try:
            if not path.is_file():
                raise AttachmentRefused(
                    arg(
                        translate("attachments", "%1: there is no such file; nothing was stored."),
                        path.name,
                    )
                )
            with open(path, "rb") as f:
                return self.add_stream(record_id, f, path.name, keep_metadata=keep_metadata)
        except PermissionError:
            raise AttachmentRefused(
                arg(
                    translate(
                        "attachments", "%1: Kintsugi is not allowed to read it; nothing was stored."
                    ),
                    path.name,
                )
            ) from None
        except IsADirectoryError:
            raise AttachmentRefused(
                arg(translate("attachments", "%1 is a folder; nothing was stored."), path.name)
            ) from None

    def add_bytes(self, record_id: int, data: bytes, name: str, **kw: Any) -> Attachment:
        return self.add_stream(record_id, io.BytesIO(data), name, **kw)

    def add_stream(
        self,
        record_id: int,
        fileobj: BinaryIO,
        name: str,
        mime: str | None = None,
        *,
        keep_metadata: bool = False,
    ) -> Attachment:
        """Attach what ``fileobj`` holds to record ``record_id`` and return the link.

        The core API for every way in (the app, the CLI, imports). ``fileobj`` is read a
        chunk at a time and need not be seekable (a zip member is fine): it is first staged
        inside the vault. ``name`` is what the person sees; ``mime``, if given, must agree
        with what the bytes are. Raises :class:`AttachmentRefused` (one line, nothing kept)
        for a file too large, not what it claims, damaged or hostile.
        Runs inside the caller's transaction if there is one (imports batch many)."""
        name = _clean_name(name)
        self._require_record(record_id)
        staged = _Staging(self.db, name=name)
        final: _Staging | None = None
        try:
            while block := fileobj.read(CHUNK):
                staged.write(block)
            staged.close()
            if staged.size == 0:
                raise AttachmentRefused(
                    arg(translate("attachments", "%1 is empty; nothing was stored."), name)
                )
            src = io.BufferedReader(staged.reader(), CHUNK)
            checked = _check(src, name, staged.size)
            if mime is not None and mime.split(";")[0].strip().lower() not in (
                checked.mime,
                "application/octet-stream",
            ):
                raise AttachmentRefused(
                    arg(
                        translate(
                            "attachments", "%1 was sent as %2 but it is %3; nothing was stored."
                        ),
                        name,
                        mime,
                        checked.mime,
                    )
                )
            out_mime = checked.mime
            if checked.kind == IMAGE and (not keep_metadata or checked.mime == "image/heic"):
                final = _Staging(self.db, name=name)
                if keep_metadata:
                    _heic_to_jpeg(src, final, keep_metadata=True)
                    out_mime = "image/jpeg"
                else:
                    try:
                        out_mime = _clean_into(src, checked, final)
                    except ValueError:
                        raise AttachmentRefused(_unreadable_picture(name)) from None
                final.close()
                staged.discard()
            else:
                final, staged = staged, final
            if out_mime != checked.mime:
                name = str(Path(name).with_suffix(SUFFIX_FOR_MIME[out_mime]))
            return self._finish(record_id, final, name, out_mime, checked, keep_metadata)
        except BaseException:
            for stage in (staged, final):
                if stage is not None:
                    stage.discard()
            raise

    def receive(self, fileobj: IO[bytes], ref: dict[str, Any]) -> int:
        """Keep a partner's attachment (a share bundle's file, named by ``ref``: its
        SHA-256, name, mime and kind) as it came, checked like any file that comes in (a
        hostile or mislabelled one is refused); returns its blob's id, shared with the same
        bytes already here. Runs inside the caller's transaction (a received bundle)."""
        name = _clean_name(str(ref["name"]))
        staged = _Staging(self.db, name=name)
        try:
            while block := fileobj.read(CHUNK):
                staged.write(block)
            staged.close()
            if staged.size == 0 or staged.sha.hexdigest() != ref["sha256"]:
                raise AttachmentRefused(
                    arg(
                        translate(
                            "attachments", "%1 is not the file it names; nothing was stored."
                        ),
                        name,
                    )
                )
            checked = _check(io.BufferedReader(staged.reader(), CHUNK), name, staged.size)
            mime = "image/jpeg" if checked.mime == "image/heic" else checked.mime
            if checked.kind != ref["kind"] or mime != ref["mime"]:
                text = translate(
                    "attachments", "%1 says it is %2 but it is %3; nothing was stored."
                )
                raise AttachmentRefused(arg(text, name, str(ref["mime"]), checked.mime))
            with self.db.transaction() as conn:
                row = conn.execute(
                    "SELECT id FROM blob WHERE sha256 = ? AND complete = 1", (ref["sha256"],)
                ).fetchone()
                staged.done = True
                if row is not None:
                    conn.execute("DELETE FROM blob WHERE id = ?", (staged.blob_id,))
                    return int(row[0])
                conn.execute(
                    "UPDATE blob SET sha256 = ?, size = ?, complete = 1 WHERE id = ?",
                    (ref["sha256"], staged.size, staged.blob_id),
                )
                return int(staged.blob_id)
        except BaseException:
            staged.discard()
            raise

    def recorder(self, record_id: int, name: str, mime: str) -> Recording:
        """A recording written into the vault as it is made (voice notes)."""
        self._require_record(record_id)
        return Recording(self, record_id, _clean_name(name), mime)

    def _finish(
        self,
        record_id: int,
        stage: _Staging,
        name: str,
        mime: str,
        checked: _Checked,
        keep_metadata: bool,
        sha: str | None = None,
    ) -> Attachment:
        sha = sha or stage.sha.hexdigest()
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT id FROM blob WHERE sha256 = ? AND complete = 1", (sha,)
            ).fetchone()
            if row is not None:  # these bytes are here already: link to them
                blob_id = row[0]
                conn.execute("DELETE FROM blob WHERE id = ?", (stage.blob_id,))
            else:
                blob_id = stage.blob_id
                conn.execute(
                    "UPDATE blob SET sha256 = ?, size = ?, complete = 1 WHERE id = ?",
                    (sha, stage.size, blob_id),
                )
            stage.done = True
            position = conn.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM attachment WHERE item_id = ?",
                (record_id,),
            ).fetchone()[0]
            attachment_id = conn.execute(
                "INSERT INTO attachment (uid, item_id, blob_id, position, name, mime, kind,"
                " width, height, duration_ms, metadata_kept, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    uuid.uuid4().hex,
                    record_id,
                    blob_id,
                    position,
                    name,
                    mime,
                    checked.kind,
                    checked.width,
                    checked.height,
                    checked.duration_ms,
                    int(keep_metadata and checked.kind == IMAGE),
                    utc_text(now()),
                ),
            ).lastrowid
        return self.get(attachment_id)

    def restore_identity(
        self, attachment_id: int, uid: str, created_at: str, metadata_kept: bool
    ) -> None:
        """Give an attachment restored from the complete backup the uid (entries link to
        it), time and metadata mark it had (core/complete.py)."""
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE attachment SET uid = ?, created_at = ?, metadata_kept = ? WHERE id = ?",
                (uid, created_at, int(metadata_kept), attachment_id),
            )

    def has_uid(self, uid: str) -> bool:
        with self.db.read() as conn:
            return (
                conn.execute("SELECT 1 FROM attachment WHERE uid = ?", (uid,)).fetchone()
                is not None
            )

    def _require_record(self, record_id: int) -> None:
        with self.db.read() as conn:
            if not conn.execute("SELECT 1 FROM item WHERE id = ?", (record_id,)).fetchone():
                raise RecordNotFound(
                    arg(translate("records", "There is no record with id %1."), record_id)
                )

    # --- reading --------------------------------------------------------------
    def list_for(self, record_id: int) -> list[Attachment]:
        with self.db.read() as conn:
            rows = conn.execute(
                f"SELECT {_COLS} FROM attachment a JOIN blob b ON b.id = a.blob_id"
                " WHERE a.item_id = ? ORDER BY a.position, a.id",
                (record_id,),
            ).fetchall()
        return [_from_row(r) for r in rows]

    def counts(self, record_ids: list[int]) -> dict[int, int]:
        """How many attachments each of ``record_ids`` has (absent: none)."""
        out: dict[int, int] = {}
        with self.db.read() as conn:
            for start in range(0, len(record_ids), 500):
                chunk = record_ids[start : start + 500]
                marks = ",".join("?" for _ in chunk)
                out.update(
                    conn.execute(
                        f"SELECT item_id, count(*) FROM attachment WHERE item_id IN ({marks})"
                        " GROUP BY item_id",
                        chunk,
                    ).fetchall()
                )
        return out

    def picture_ids(self, record_ids: list[int], most: int = 3) -> dict[int, list[int]]:
        """The first ``most`` pictures of each of ``record_ids`` (attachment ids, in their
        order; a record without pictures maps to []): one indexed query a 500 (a timeline
        row's thumbnails)."""
        out: dict[int, list[int]] = {i: [] for i in record_ids}
        with self.db.read() as conn:
            for start in range(0, len(record_ids), 500):
                chunk = record_ids[start : start + 500]
                marks = ",".join("?" for _ in chunk)
                rows = conn.execute(
                    f"SELECT item_id, id FROM attachment WHERE item_id IN ({marks})"
                    " AND kind = 'image' ORDER BY item_id, position, id",
                    chunk,
                ).fetchall()
                for item_id, att_id in rows:
                    if len(out[item_id]) < most:
                        out[item_id].append(att_id)
        return out

    def get(self, attachment_id: int) -> Attachment:
        with self.db.read() as conn:
            row = conn.execute(
                f"SELECT {_COLS} FROM attachment a JOIN blob b ON b.id = a.blob_id WHERE a.id = ?",
                (attachment_id,),
            ).fetchone()
        if row is None:
            raise RecordNotFound(_no_attachment(attachment_id))
        return _from_row(row)

    def open(self, attachment_id: int) -> io.BufferedReader:
        """A seekable binary file over the attachment's bytes (read from the vault a chunk
        at a time)."""
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT b.id, b.size FROM attachment a JOIN blob b ON b.id = a.blob_id"
                " WHERE a.id = ?",
                (attachment_id,),
            ).fetchone()
        if row is None:
            raise RecordNotFound(_no_attachment(attachment_id))
        return io.BufferedReader(BlobReader(self.db, row[0], row[1]), CHUNK)

    def open_blob(self, sha256: str) -> io.BufferedReader:
        """A seekable binary file over the stored bytes named ``sha256``."""
        with self.db.read() as conn:
            row = conn.execute(
                "SELECT id, size FROM blob WHERE sha256 = ? AND complete = 1", (sha256,)
            ).fetchone()
        if row is None:
            raise RecordNotFound(
                arg(translate("attachments", "There is no attachment data %1…."), sha256[:12])
            )
        return io.BufferedReader(BlobReader(self.db, row[0], row[1]), CHUNK)

    def by_record(self, record_ids: list[int]) -> dict[int, list[Attachment]]:
        """The attachments of each of ``record_ids`` that has any (one query a 500)."""
        out: dict[int, list[Attachment]] = {}
        with self.db.read() as conn:
            for start in range(0, len(record_ids), 500):
                chunk = record_ids[start : start + 500]
                marks = ",".join("?" for _ in chunk)
                rows = conn.execute(
                    f"SELECT {_COLS} FROM attachment a JOIN blob b ON b.id = a.blob_id"
                    f" WHERE a.item_id IN ({marks}) ORDER BY a.item_id, a.position, a.id",
                    chunk,
                ).fetchall()
                for row in rows:
                    att = _from_row(row)
                    out.setdefault(att.item_id, []).append(att)
        return out

    def read_bytes(self, attachment_id: int) -> bytes:
        """All of an attachment's bytes (pictures to show; not for large sound files)."""
        with self.open(attachment_id) as f:
            return f.read()

    def chunks(self, attachment_id: int) -> Iterator[bytes]:
        with self.open(attachment_id) as f:
            while block := f.read(CHUNK):
                yield block

    def save_copy(self, attachment_id: int, target: Path) -> Path:
        """Write a plaintext copy at ``target`` (the person chose it: "Save a copy…" or
        ``kintsugi attachments --extract``). Atomic, 0600, never over an existing file."""
        return self._save(self.chunks(attachment_id), target)

    def save_blob_copy(self, sha256: str, target: Path) -> Path:
        """:meth:`save_copy` of the bytes named ``sha256`` (a partner's attachment)."""

        def blocks() -> Iterator[bytes]:
            with self.open_blob(sha256) as f:
                while block := f.read(CHUNK):
                    yield block

        return self._save(blocks(), target)

    def _save(self, blocks: Iterator[bytes], target: Path) -> Path:
        from kintsugi.core import fsutil
        from kintsugi.core.errors import from_os_error

        target = Path(target)
        if target.exists():
            raise AttachmentRefused(_exists(target))
        try:
            tmp = fsutil.temp_sibling(target, "copy")
        except OSError as exc:
            raise from_os_error(exc, target, vault=False) from None
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as f:
                for block in blocks:
                    f.write(block)
                f.flush()
                os.fsync(f.fileno())
            os.link(tmp, target)  # never replaces a file that appeared meanwhile
        except FileExistsError:
            raise AttachmentRefused(_exists(target)) from None
        except OSError as exc:
            raise from_os_error(exc, target, vault=False) from None
        finally:
            fsutil.remove_quietly(tmp)
        return target

    def extract_all(self, found: list[Attachment], folder: Path) -> list[Path]:
        """Plaintext copies of ``found`` in ``folder`` (made 0700 if missing), each under
        its own name; a name already there gets " (2)", " (3)" … — nothing is overwritten."""
        from kintsugi.core import fsutil
        from kintsugi.core.errors import from_os_error

        try:
            fsutil.ensure_private_dir(folder)
        except OSError as exc:
            raise from_os_error(exc, folder / "x", vault=False) from None
        out = []
        for att in found:
            stem, suffix = Path(att.name).stem, Path(att.name).suffix
            n = 1
            while True:
                target = folder / (att.name if n == 1 else f"{stem} ({n}){suffix}")
                if not target.exists() and target not in out:
                    try:
                        out.append(self.save_copy(att.id, target))
                        break
                    except AttachmentRefused:  # appeared meanwhile
                        pass
                n += 1
        return out

    # --- removing ---------------------------------------------------------------
    def remove(self, attachment_id: int) -> None:
        """Unlink one attachment; its bytes go with their last link (schema trigger)."""
        with self.db.transaction() as conn:
            if conn.execute("DELETE FROM attachment WHERE id = ?", (attachment_id,)).rowcount == 0:
                raise RecordNotFound(_no_attachment(attachment_id))

    def sweep_unfinished(self) -> int:
        """Remove blobs an interrupted write left (at open: nothing is being written).
        Writes nothing when there are none (opening must not change the file)."""
        with self.db.read() as conn:
            if not conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'blob'"
            ).fetchone():
                return 0
            # an unfinished blob has no name yet: one probe of the sha256 index, not a scan
            # of every blob (28 ms at 10,000 photos, docs/benchmarks.md)
            if not conn.execute(UNFINISHED).fetchone():
                return 0
        with self.db.transaction() as conn:
            return int(
                conn.execute("DELETE FROM blob WHERE sha256 IS NULL AND complete = 0").rowcount
            )

    # --- totals and checks ------------------------------------------------------
    def stored_bytes(self) -> int:
        with self.db.read() as conn:
            return int(conn.execute("SELECT coalesce(sum(size), 0) FROM blob").fetchone()[0])


def verify_blobs(conn: Any) -> list[str]:
    """Every complete blob's chunks are in order, add up to its size and hash to its name
    (a backup, a restore and ``kintsugi check`` run this). [] when sound."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'blob'").fetchone():
        return []
    problems: list[str] = []
    blobs = conn.execute("SELECT id, sha256, size FROM blob WHERE complete = 1").fetchall()
    for blob_id, sha, size in blobs:
        digest, total = hashlib.sha256(), 0
        rows = conn.execute(
            "SELECT seq, data FROM blob_chunk WHERE blob_id = ? ORDER BY seq", (blob_id,)
        )
        for expect, (seq, data) in enumerate(rows):
            if seq != expect:
                break
            digest.update(data)
            total += len(data)
        if total != size or digest.hexdigest() != sha:
            problems.append(f"attachment data {sha[:12]}… is damaged")
    orphans = conn.execute(
        "SELECT count(*) FROM attachment a LEFT JOIN blob b ON b.id = a.blob_id"
        " WHERE b.id IS NULL OR b.complete = 0"
    ).fetchone()[0]
    if orphans:
        problems.append(f"{orphans} attachment(s) without their data")
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'received_attachment'").fetchone():
        received = conn.execute(
            "SELECT count(*) FROM received_attachment a LEFT JOIN blob b ON b.id = a.blob_id"
            " WHERE b.id IS NULL OR b.complete = 0"
        ).fetchone()[0]
        if received:
            problems.append(f"{received} received attachment(s) without their data")
    return problems


def attachment_to_dict(att: Attachment) -> dict[str, Any]:
    """An attachment as exact JSON (``kintsugi attachments --json``, exports)."""
    return {
        "id": att.id,
        "uid": att.uid,
        "record_id": att.item_id,
        "name": att.name,
        "kind": att.kind,
        "mime": att.mime,
        "size": att.size,
        "sha256": att.sha256,
        "width": att.width,
        "height": att.height,
        "duration_ms": att.duration_ms,
        "metadata_kept": att.metadata_kept,
        "created_at": att.created_at.isoformat() if att.created_at else None,
    }


def _clean_name(name: str) -> str:
    """The last part of a name, without control characters, never empty."""
    base = Path(str(name).replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable())[:200].strip()
    return base or "attachment"


class Recording:
    """A voice note written into the vault as it is recorded, a chunk at a time.

    PCM comes in through :meth:`write`; :meth:`finish` puts a WAV header in front (the
    first chunk row is rewritten: its sizes are known only at the end), hashes the
    stored bytes and links them. Nothing is ever written outside the vault."""

    HEADER = 44

    def __init__(self, repo: AttachmentRepo, record_id: int, name: str, mime: str):
        self.repo, self.record_id, self.name = repo, record_id, name
        self.rate, self.channels, self.bits = _pcm_format(mime)
        self._stage = _Staging(repo.db, name=name)
        self._stage.write(b"\x00" * self.HEADER)  # the header's place

    @property
    def pcm_bytes(self) -> int:
        return self._stage.size - self.HEADER

    def write(self, pcm: bytes) -> None:
        self._stage.write(pcm)

    def abort(self) -> None:
        self._stage.discard()

    def finish(self) -> Attachment:
        stage = self._stage
        try:
            stage.close()
            header = _wav_header(self.pcm_bytes, self.rate, self.channels, self.bits)
            db = self.repo.db
            with db.transaction() as conn:
                first = conn.execute(
                    "SELECT data FROM blob_chunk WHERE blob_id = ? AND seq = 0", (stage.blob_id,)
                ).fetchone()[0]
                conn.execute(
                    "UPDATE blob_chunk SET data = ? WHERE blob_id = ? AND seq = 0",
                    (header + bytes(first)[self.HEADER :], stage.blob_id),
                )
            digest = hashlib.sha256()
            reader = BlobReader(db, stage.blob_id, stage.size)
            while block := reader.read(CHUNK):
                digest.update(block)
            block_align = self.channels * self.bits // 8
            duration = int(1000 * (self.pcm_bytes // block_align) / self.rate)
            checked = _Checked(AUDIO, "audio/wav", duration_ms=duration)
            return self.repo._finish(
                self.record_id, stage, self.name, "audio/wav", checked, False, digest.hexdigest()
            )
        except BaseException:
            stage.discard()
            raise


def _pcm_format(mime: str) -> tuple[int, int, int]:
    """``audio/L16;rate=16000;channels=1`` → (16000, 1, 16)."""
    kind, *params = [p.strip() for p in mime.split(";")]
    if kind.lower() not in ("audio/l16", "audio/pcm"):
        raise ValueError(f"a recording is raw PCM (audio/L16), not {mime}")
    values = dict(p.split("=", 1) for p in params if "=" in p)
    return int(values.get("rate", 16000)), int(values.get("channels", 1)), 16


def _wav_header(data_bytes: int, rate: int, channels: int, bits: int) -> bytes:
    block = channels * bits // 8
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * block, block, bits)
        + b"data"
        + struct.pack("<I", data_bytes)
    )


def _no_attachment(attachment_id: object) -> str:
    return arg(translate("attachments", "There is no attachment with id %1."), attachment_id)


def _exists(target: object) -> str:
    return arg(translate("attachments", "%1 exists already; nothing was written."), target)

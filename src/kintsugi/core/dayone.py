"""Day One's export, read as Day One writes it (and written in the same layout).

The export is a zip: one ``<Journal name>.json`` per journal (``{"metadata": {...},
"entries": [...]}``) and the media of its entries in ``photos/<md5>.<type>``,
``audios/<md5>.<format>``, ``videos/`` and ``pdfs/``. An entry's times are UTC
(``creationDate``, ``modifiedDate``), its zone an IANA name (``timeZone``: the local time of
writing comes from it), its ``text`` Markdown with Day One's escapes (``\\.``) and its media
as ``![](dayone-moment://<identifier>)`` links (``dayone-moment:/audio/<id>`` for audio).

What comes in: the text without the escapes, the first line as the title (a heading's text,
or the first line of text — never a media link), the journal's name as a tag, the entry's
tags, its star, its place and weather as a readable line at the end, when it was written
(in its own zone), created and changed. What is left out is counted by reason.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kintsugi.core import validate
from kintsugi.core.i18n import QT_TRANSLATE_NOOP, arg, count_text, marked, translate
from kintsugi.core.records import Entry
from kintsugi.core.validate import Invalid

#: A zip that holds photos may be large: what the zip itself may be (its JSON members are
#: held to the usual 256 MiB each, and every media file to the attachment store's cap).
MAX_ZIP_BYTES = 16 * 1024**3
MEDIA_LINK = re.compile(
    r"!\[[^\]\n]*\]\(dayone-moment:/{1,2}(?:(audio|video|pdfAttachment)/)?"
    r"([A-Za-z0-9_-]{1,64})\)"
)
_ONLY_MEDIA = re.compile(rf"^\s*(?:{MEDIA_LINK.pattern}\s*)+$")
#: Day One escapes Markdown punctuation with a backslash; these mean nothing inside a line.
_ANYWHERE = re.compile(r"\\([.!()\-+#>|~:=/,;?'\"&%$@^{}])")
_ALL = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<:=/,;?'\"&%$@^])")
#: At a line's start an escape keeps a list, a heading or a quote from being one.
_LINE_START = re.compile(r"^(\s*)(\d+\\\.|\\[-+#>])")
_TITLE_CHARS = 200


def unescape_line(text: str) -> str:
    """A title or other plain text: every Markdown escape removed."""
    return _ALL.sub(r"\1", text)


def unescape_markdown(text: str) -> str:
    """Day One's body text: escapes that change nothing removed (``\\.``, ``\\-``, ``\\!``),
    kept where they matter (``1\\.`` or ``\\-`` starting a line, ``\\*``, ``\\_``,
    ``\\[``)."""
    out = []
    for line in text.split("\n"):
        m = _LINE_START.match(line)
        keep = m.group(0) if m else ""
        out.append(keep + _ANYWHERE.sub(r"\1", line[len(keep) :]))
    return "\n".join(out)


def zone_of(name: Any) -> ZoneInfo | None:
    if not isinstance(name, str) or not name or len(name) > 64:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def place_line(location: Any) -> str:
    """``Location: Bondi Beach, Sydney, New South Wales, Australia (-33.891, 151.277)``."""
    if not isinstance(location, dict):
        return ""
    names: list[str] = []
    for key in ("placeName", "localityName", "administrativeArea", "country"):
        value = location.get(key)
        if isinstance(value, str) and value.strip() and value.strip() not in names:
            names.append(value.strip())
    lat, lon = location.get("latitude"), location.get("longitude")
    where = ", ".join(names)
    if _number(lat) and _number(lon):
        where += f" ({lat:.5f}, {lon:.5f})" if where else f"{lat:.5f}, {lon:.5f}"
    return f"Location: {where}" if where else ""


def weather_line(weather: Any) -> str:
    """``Weather: Partly Cloudy, 21 °C, humidity 60 %, wind 12 km/h``."""
    if not isinstance(weather, dict):
        return ""
    parts: list[str] = []
    desc = weather.get("conditionsDescription")
    if isinstance(desc, str) and desc.strip():
        parts.append(desc.strip())
    temp = weather.get("temperatureCelsius")
    if _number(temp):
        parts.append(f"{temp:.0f} °C")
    humidity = weather.get("relativeHumidity")
    if _number(humidity):
        parts.append(f"humidity {humidity:.0f} %")
    wind = weather.get("windSpeedKPH")
    if _number(wind):
        parts.append(f"wind {wind:.0f} km/h")
    return "Weather: " + ", ".join(parts) if parts else ""


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and abs(value) < 1e9


def title_and_body(text: str) -> tuple[str, str]:
    """The title (a heading's text, or the first line of text that is not a media link)
    and the rest, media links kept in their place."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if not line.strip() or _ONLY_MEDIA.match(line):
            continue
        stripped = line.strip()
        title = stripped.lstrip("#").strip() if stripped.startswith("#") else stripped
        title = unescape_line(title)
        if len(title) > _TITLE_CHARS:  # a first paragraph, not a title: keep it in the text
            return "", unescape_markdown(text).strip()
        rest = lines[:n] + lines[n + 1 :]
        return title, unescape_markdown("\n".join(rest)).strip()
    return "", unescape_markdown(text).strip()


MEDIA_KINDS = {
    "photos": ("photo", "photos"),
    "audios": ("audio", "audios"),
    "videos": ("video", "videos"),
    "pdfAttachments": ("pdfAttachment", "pdfs"),
}


def entry_from_json(value: Any, journal: str = "") -> tuple[Entry, dict[str, int]]:
    """One Day One entry as a Kintsugi entry, and what of it was left out (by reason).
    Media links stay as they are: :func:`replace_media` handles them."""
    found = validate.fields(
        {
            "creationDate": validate.moment,
            "modifiedDate": validate.optional_moment,
            "text": validate.text,
            "uuid": lambda v: None if v is None else validate.uid(v),
            "tags": validate.tags,
            "starred": validate.flag(optional=True),
            "timeZone": _anything,
            "location": _anything,
            "weather": _anything,
        },
        value,
    )
    if "creationDate" not in found:
        raise Invalid(translate("Import", "has no creationDate"))
    left: dict[str, int] = {}
    when: datetime = found["creationDate"]
    zone = zone_of(found.get("timeZone"))
    if zone is not None:
        when = when.astimezone(zone)
    elif found.get("timeZone") is not None:
        left[
            _reason(
                "times in a time zone Kintsugi does not know (kept as written, in UTC)",
                translate(
                    "Import",
                    "times in a time zone Kintsugi does not know (kept as written, in UTC)",
                ),
            )
        ] = 1
    text = found.get("text", "") or ""
    title, body = title_and_body(text)
    if not title and MEDIA_LINK.search(text) and not MEDIA_LINK.sub("", text).strip():
        kinds = [m.group(1) or "photo" for m in MEDIA_LINK.finditer(text)]
        title = {"photo": "Photo", "audio": "Audio recording", "video": "Video"}.get(
            kinds[0], "From Day One"
        )  # an entry of media alone: named by what it holds, never by a link
    extra = [
        line
        for line in (place_line(found.get("location")), weather_line(found.get("weather")))
        if line
    ]
    if extra:
        body = (body + "\n\n" if body else "") + "  \n".join(extra)
    tags = list(found.get("tags", []))
    if journal:
        tags = [journal, *tags]
    uid = "dayone-" + found["uuid"] if found.get("uuid") else _content_uid(when.isoformat(), text)
    modified = found.get("modifiedDate")
    entry = Entry(
        uid=uid[: validate.MAX_UID],
        occurred_at=when,
        title=title[: validate.MAX_LINE],
        body=body,
        tags=tags[: validate.MAX_TAGS],
        starred=bool(found.get("starred")),
        created_at=found["creationDate"],
        updated_at=modified.astimezone(zone) if modified and zone else modified,
    )
    return entry, left


def _anything(value: Any) -> Any:
    return value


def _content_uid(*parts: str) -> str:
    import hashlib

    return "dayone-" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def media_of(value: Any) -> list[tuple[str, str, str, str]]:
    """(kind, identifier, path in the zip, file type) of each medium an entry lists."""
    out: list[tuple[str, str, str, str]] = []
    if not isinstance(value, dict):
        return out
    for key, (kind, folder) in MEDIA_KINDS.items():
        items = value.get(key)
        if not isinstance(items, list):
            continue
        for item in items[: validate.MAX_LIST]:
            if not isinstance(item, dict):
                continue
            ident, md5 = item.get("identifier"), item.get("md5")
            ext = item.get("type") or item.get("format") or ""
            if not (isinstance(ident, str) and isinstance(md5, str) and isinstance(ext, str)):
                continue
            out.append((kind, ident, f"{folder}/{md5}.{ext}" if ext else f"{folder}/{md5}", ext))
    return out


_NAMES = {  # QT_TRANSLATE_NOOP: what a summary of the import calls them
    "photo": QT_TRANSLATE_NOOP("Import", "photos"),
    "audio": QT_TRANSLATE_NOOP("Import", "audio recordings"),
    "video": QT_TRANSLATE_NOOP("Import", "videos"),
    "pdfAttachment": QT_TRANSLATE_NOOP("Import", "PDFs"),
}


def _reason(english: str, words: str) -> str:
    from kintsugi.core.importing import left_out_reason

    return left_out_reason(english, words)


#: What the attachment store keeps (core/repo/attachments.py): pictures, sound, PDFs.
KEPT_MEDIA = ("photo", "audio", "pdfAttachment")


def settle_media(
    entry: Entry, value: Any, in_zip: set[str] | None
) -> tuple[dict[str, int], list[tuple[str, str, str, str]]]:
    """What to do with an entry's media: those in the zip that Kintsugi keeps are returned
    (kind, identifier, path in the zip, type) to be attached once the entry is saved, their
    links left for :func:`replace_media`; every other link becomes a plain note in its
    place, and is counted by kind and reason."""
    left: dict[str, int] = {}
    links: dict[str, str] = {}
    keep: list[tuple[str, str, str, str]] = []
    for medium in media_of(value):
        kind, ident, path, _ext = medium
        what = _NAMES.get(kind, kind)
        if in_zip is not None and path in in_zip and kind in KEPT_MEDIA:
            keep.append(medium)
            continue
        said = marked("Import", what)
        if in_zip is None:
            why = _reason(
                f"{what} (a Day One JSON file carries none: import the export's .zip)",
                arg(
                    translate(
                        "Import", "%1 (a Day One JSON file carries none: import the export's .zip)"
                    ),
                    said,
                ),
            )
        elif path not in in_zip:
            why = _reason(
                f"{what} listed but missing from the zip",
                arg(translate("Import", "%1 listed but missing from the zip"), said),
            )
        else:
            why = _reason(
                f"{what} (Kintsugi keeps pictures, sound and PDFs, not these)",
                arg(
                    translate("Import", "%1 (Kintsugi keeps pictures, sound and PDFs, not these)"),
                    said,
                ),
            )
        left[why] = left.get(why, 0) + 1
        links[ident] = not_brought_in(kind)
    kept = {m[1] for m in keep}
    linked = {m.group(2) for m in MEDIA_LINK.finditer(entry.body)}
    unknown = linked - set(links) - kept
    if unknown:
        why = _reason(
            "media links to nothing the entry lists",
            translate("Import", "media links to nothing the entry lists"),
        )
        left[why] = left.get(why, 0) + len(unknown)
    entry.body = replace_media(entry.body, links, keep=kept).strip()
    return left, keep


def not_brought_in(kind: str) -> str:
    what = _NAMES.get(kind, kind)
    return f"*({what[:-1] if what.endswith('s') else what} from Day One, not brought in)*"


def attachment_link(kind: str, uid: str, name: str) -> str:
    """Markdown for an attachment in its place: a picture shown, anything else linked."""
    if kind == "photo":
        return f"![{name}](kintsugi-attachment:{uid})"
    return f"[{name}](kintsugi-attachment:{uid})"


def replace_media(
    body: str, links: dict[str, str], *, keep: frozenset[str] | set[str] = frozenset()
) -> str:
    """Each ``dayone-moment`` link replaced by ``links[identifier]`` (Markdown of its
    attachment, or a plain note that it was not brought in); those in ``keep`` stay."""

    def swap(m: re.Match[str]) -> str:
        if m.group(2) in keep:
            return m.group(0)
        return links.get(m.group(2), "*(a medium from Day One that was not in the export)*")

    return MEDIA_LINK.sub(swap, body)


# --- the zip ------------------------------------------------------------------------------
def journals_in(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The journals' JSON files of a Day One export (any folder, media folders aside)."""
    out = []
    for info in zf.infolist():
        name = info.filename
        if info.is_dir() or not name.lower().endswith(".json"):
            continue
        if name.split("/")[0] in ("photos", "audios", "videos", "pdfs", "__MACOSX"):
            continue
        out.append(info)
    return out


def journal_name(info: zipfile.ZipInfo) -> str:
    stem = info.filename.rsplit("/", 1)[-1][: -len(".json")]
    return " ".join(stem.split())[: validate.MAX_TAG]


def import_zip(db: Any, f: BinaryIO, prefix: str, size: int, progress: Any, run_class: Any) -> Any:
    """Import a Day One export zip, all its journals in one transaction."""
    from kintsugi.core.errors import ImportRefused
    from kintsugi.core.importing import (
        _Counting,
        _entry,
        _JsonDocument,
        _nothing_imported,
        _Refused,
    )

    if size > MAX_ZIP_BYTES:
        raise ImportRefused(
            prefix
            + _nothing_imported(
                arg(
                    translate("Import", "it is %1 GiB, and a Day One export may be at most %2 GiB"),
                    _gib(size),
                    MAX_ZIP_BYTES // 2**30,
                )
            )
        )
    try:
        zf = zipfile.ZipFile(f)
        members = journals_in(zf)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportRefused(prefix + _nothing_imported(_damaged(exc))) from None
    if not members:
        raise ImportRefused(
            prefix
            + _nothing_imported(translate("Import", "this zip holds no Day One journal (.json)"))
        )
    for info in members:
        if info.file_size > validate.MAX_FILE_BYTES:
            raise ImportRefused(
                f"{prefix}{info.filename}: "
                + _nothing_imported(
                    arg(
                        translate("Import", "it is larger than %1 MiB"),
                        count_text(validate.MAX_FILE_BYTES // 2**20),
                    )
                )
            )
    names = set(zf.namelist())
    total = sum(i.file_size for i in members)
    run = run_class(db, prefix, io.BytesIO(b""), total, progress)
    run.source = "dayone"
    done = 0

    def produce() -> Any:
        nonlocal done
        for info in members:
            journal = journal_name(info)
            try:
                stream = zf.open(info)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
                raise _Refused(
                    info.filename, arg(translate("Import", "cannot be read (%1)"), exc)
                ) from None
            with stream:
                run.reader = _Counting(stream)
                run.base = done
                doc = _JsonDocument(run.reader)
                for section, n, value in doc.elements():
                    if section != "entries" or not isinstance(value, dict):
                        raise _Refused(
                            f"{info.filename}: {_entry(n)}",
                            translate("Import", "is not a Day One entry"),
                        )
                    run.zip = zf
                    pending = run._dayone_entry(n, value, journal, in_zip=names)
                    pending.where = f"{info.filename}: {pending.where}"
                    yield pending
            done += info.file_size

    try:
        return run.go(produce)
    except (zipfile.BadZipFile, OSError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
            raise
        raise ImportRefused(prefix + _nothing_imported(_damaged(exc))) from None


def _damaged(exc: BaseException) -> str:
    return arg(translate("Import", "it is a damaged zip (%1)"), exc)


def _gib(size: int) -> str:
    from kintsugi.core.i18n import number_text

    return number_text(round(size / 2**30, 1), 1)

"""Emoji in the PDF report as text: drawn from an outline font, and extractable.

Qt 6.11's PDF writer loses emoji outside the Basic Multilingual Plane (😀, U+1F600) twice:
a character with emoji presentation is drawn from the colour font (Noto Color Emoji) as a
picture, and the ``/ToUnicode`` map it writes for every embedded font covers only
U+0000–U+FFFF (``QFontSubset::getReverseMap`` walks the BMP), so even a glyph drawn from
an outline font reads back as nothing. So, for the report only:

1. :func:`prefer_text_presentation` asks for text presentation (U+FE0E after every emoji
   character, in place of a U+FE0F) and puts the outline emoji fonts (EMOJI_FONTS) after
   the document's own font: the emoji is drawn
   as an outline glyph, as text (the window keeps its colour emoji).
2. :func:`map_astral_glyphs` completes each embedded font's ``/ToUnicode`` map: for every
   glyph of the embedded subset that Qt left unmapped, its shape (advance and outline
   bounds, within a pixel at 100 px per em: Qt re-encodes a subset's outlines) is compared
   with the glyph Qt lays out for each character outside the BMP that the report holds, in
   each font it chose; the nearest match is added as a ``bfchar`` entry
   (UTF-16BE, a surrogate pair). The changed maps are appended as a standard PDF
   incremental update (new objects, a new xref section, ``/Prev``): nothing Qt wrote is
   rewritten.
"""

from __future__ import annotations

import re
import zlib

from PySide6.QtCore import QByteArray
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontInfo,
    QRawFont,
    QTextCursor,
    QTextDocument,
    QTextLayout,
)

#: Outline fonts for emoji in the PDF, in order: Symbola (Unicode 9 emoji, drawn as
#: symbols) and, for newer emoji, GNU Unifont's plane-1 font (Debian's fonts-symbola and
#: fonts-unifont, installed by scripts/setup-system.sh). Only those installed are used.
EMOJI_FONTS = ("Symbola", "Unifont Upper")
TEXT_PRESENTATION, EMOJI_PRESENTATION = "\ufe0e", "\ufe0f"
_EMOJI_RANGES = ((0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
_NOT_PRESENTED = range(0x1F3FB, 0x1F400)  # skin-tone modifiers attach to the emoji before


def is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return cp not in _NOT_PRESENTED and any(lo <= cp <= hi for lo, hi in _EMOJI_RANGES)


def prefer_text_presentation(doc: QTextDocument) -> None:
    """Emoji in ``doc`` drawn as text (see the module's note). Positions are UTF-16 units of
    the document's raw text (frames and tables included)."""
    text = doc.toRawText()
    spots: list[tuple[int, int]] = []  # (UTF-16 position after the emoji, units to replace)
    units = 0
    for i, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if is_emoji(ch):
            after = text[i + 1] if i + 1 < len(text) else ""
            if after == EMOJI_PRESENTATION:
                spots.append((units, 1))
            elif after != TEXT_PRESENTATION:
                spots.append((units, 0))
    if not spots:
        return
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for position, replace in reversed(spots):
        cursor.setPosition(position)
        if replace:
            cursor.setPosition(position + replace, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(TEXT_PRESENTATION)
    cursor.endEditBlock()
    installed = set(QFontDatabase.families())
    fallbacks = [f for f in EMOJI_FONTS if f in installed]
    if fallbacks:
        font = QFont(doc.defaultFont())
        font.setFamilies([QFontInfo(font).family(), *fallbacks])  # the real family first
        doc.setDefaultFont(font)


# --- the /ToUnicode maps ----------------------------------------------------------------
_OBJ = re.compile(rb"(\d+) 0 obj\s(.*?)endobj", re.S)


def map_astral_glyphs(pdf: bytes, text: str, font: QFont) -> bytes:
    """``pdf`` with the characters of ``text`` outside the BMP added to the ``/ToUnicode``
    map of the fonts that draw them (laid out with ``font``, as the report was)."""
    astral = sorted({ch for ch in text if ord(ch) > 0xFFFF})
    if not astral:
        return pdf
    objects = {int(m[1]): m[2] for m in _OBJ.finditer(pdf)}
    known = _glyphs_of(astral, font)
    changed: dict[int, bytes] = {}
    for body in objects.values():
        if b"/Type0" not in body or b"/ToUnicode" not in body:
            continue
        try:
            cmap_no = _ref(rb"/ToUnicode (\d+) 0 R", body)
            descendant = objects[_ref(rb"/DescendantFonts \[(\d+) 0 R\]", body)]
            descriptor = objects[_ref(rb"/FontDescriptor (\d+) 0 R", descendant)]
            file_body = objects[_ref(rb"/FontFile2 (\d+) 0 R", descriptor)]
            cmap = _stream(objects[cmap_no], objects)
            subset = _stream(file_body, objects)
        except (TypeError, KeyError, ValueError, zlib.error):
            continue
        added = _missing_entries(cmap, subset, known)
        if added:
            entries = b"".join(b"<%04X> <%s>\n" % (cid, _utf16(ch)) for cid, ch in added)
            block = b"%d beginbfchar\n%sendbfchar\n" % (len(added), entries)
            changed[cmap_no] = cmap.replace(b"endcmap", block + b"endcmap", 1)
    return _append_update(pdf, changed) if changed else pdf


def _glyphs_of(chars: list[str], font: QFont) -> list[tuple[tuple[float, ...], str]]:
    """The shape of the glyph Qt draws for each character (text presentation), in each font
    Qt chose for it."""
    out = []
    for ch in chars:
        layout = QTextLayout(ch + TEXT_PRESENTATION, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        for run in layout.glyphRuns():
            raw = QRawFont(run.rawFont())
            glyphs = raw.glyphIndexesForString(ch)
            if glyphs and glyphs[0]:
                out.append((_shape(raw, glyphs[0]), ch))
    return out


_EM = 100
_TOLERANCE = 1.0  # px at 100 px per em


def _shape(raw: QRawFont, glyph: int) -> tuple[float, ...]:
    """A glyph's advance and outline bounds at 100 px per em. (Qt re-encodes a subset's
    outlines, cubic back to quadratic: their points differ, their bounds hardly.)"""
    raw.setPixelSize(_EM)
    box = raw.pathForGlyph(glyph).boundingRect()
    advance = raw.advancesForGlyphIndexes([glyph])[0].x()
    return (advance, box.left(), box.top(), box.right(), box.bottom())


def _missing_entries(cmap: bytes, subset: bytes, known: list[tuple[tuple, str]]) -> list[tuple]:
    """(CID, character) for each glyph of the subset Qt left out of its map that has the
    shape of one character Qt drew from that font (the nearest, within the tolerance)."""
    mapped: set[int] = set()
    for a, b in re.findall(rb"<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> [<\[]", cmap):
        mapped.update(range(int(a, 16), int(b, 16) + 1))
    for a in re.findall(rb"^<([0-9A-Fa-f]{4})> <[0-9A-Fa-f]+>$", cmap, re.M):
        mapped.add(int(a, 16))
    raw = QRawFont(QByteArray(subset), _EM)
    maxp = bytes(raw.fontTable("maxp").data()) if raw.isValid() else b""
    count = int.from_bytes(maxp[4:6], "big") if len(maxp) >= 6 else 0
    added = []
    for cid in range(1, count):
        if cid in mapped:
            continue
        shape = _shape(raw, cid)
        if shape[1:] == (0.0, 0.0, 0.0, 0.0):
            continue  # an empty glyph (a space, a joiner)
        distance, ch = min(
            ((max(abs(x - y) for x, y in zip(shape, k, strict=True)), c) for k, c in known),
            default=(_TOLERANCE + 1, ""),
        )
        if distance <= _TOLERANCE:
            added.append((cid, ch))
    return added


def _ref(pattern: bytes, body: bytes) -> int:
    """The object number ``pattern`` finds in ``body`` (ValueError if none)."""
    found = re.search(pattern, body)
    if found is None:
        raise ValueError("no such reference")
    return int(found[1])


def _stream(body: bytes, objects: dict[int, bytes]) -> bytes:
    """A stream object's data (its /Length, direct or indirect), inflated if need be."""
    head, _, rest = body.partition(b"stream")
    length = re.search(rb"/Length (\d+)( 0 R)?", head)
    if length is None:
        raise ValueError("a stream without a length")
    n = int(objects[int(length[1])].strip()) if length[2] else int(length[1])
    start = 2 if rest.startswith(b"\r\n") else 1
    data = rest[start : start + n]
    if b"/FlateDecode" in head:
        data = zlib.decompress(data)
    return data


def _utf16(ch: str) -> bytes:
    return ch.encode("utf-16-be").hex().upper().encode()


def _append_update(pdf: bytes, changed: dict[int, bytes]) -> bytes:
    """A PDF incremental update replacing the objects in ``changed`` (uncompressed)."""
    prev = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", pdf, re.S)[-1]
    trailer = re.sub(rb"/Prev \d+", b"", trailer)
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets = {}
    for number, data in sorted(changed.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
            number,
            len(data),
            data,
        )
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number, offset in offsets.items():
        out += b"%d 1\n%010d 00000 n \n" % (number, offset)
    out += b"trailer\n<<%s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, prev, xref)
    return bytes(out)

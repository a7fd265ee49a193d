"""Camera metadata out of pictures, without touching a pixel.

A photo carries where and when it was taken (EXIF, with GPS), the camera's serial number
and sometimes the editing history (XMP, IPTC). These filters copy a JPEG, PNG or WebP
with those parts left out and every other byte as it was — no re-encoding, so nothing of
the picture is lost. A JPEG's orientation is the one EXIF field kept (in an EXIF block of
its own), so a phone photo still stands the right way up.

Each filter reads from a seekable binary file and writes to ``write`` as it goes: a
picture never needs to sit whole in memory. A picture these filters cannot follow raises
``ValueError`` (the caller refuses it: it has already been checked by Pillow).
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import BinaryIO

Write = Callable[[bytes], object]
_COPY = 256 * 1024

# JPEG markers kept before the image data: JFIF (APP0), the colour profile (APP2
# "ICC_PROFILE"), Adobe's colour transform (APP14); every table and frame header.
_JPEG_DROP_APPS = {0xE1, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEF}
_JPEG_COM = 0xFE
# PNG chunks with metadata: EXIF, text (tEXt/zTXt/iTXt hold XMP and comments), time.
_PNG_DROP = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}
# WebP chunks with metadata, and their flags in the VP8X header.
_WEBP_DROP = {b"EXIF", b"XMP "}
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def _copy_rest(src: BinaryIO, write: Write) -> None:
    while block := src.read(_COPY):
        write(block)


def _copy_exact(src: BinaryIO, n: int, write: Write) -> None:
    while n > 0:
        block = src.read(min(n, _COPY))
        if not block:
            raise ValueError("the file ends early")
        write(block)
        n -= len(block)


def _read_exact(src: BinaryIO, n: int) -> bytes:
    data = src.read(n)
    if len(data) != n:
        raise ValueError("the file ends early")
    return data


def orientation_exif(orientation: int) -> bytes:
    """A minimal big-endian EXIF block (TIFF header, one IFD) holding only Orientation."""
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8)
    ifd = struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0)
    return b"Exif\x00\x00" + tiff + ifd + struct.pack(">I", 0)


def strip_jpeg(src: BinaryIO, write: Write, orientation: int | None = None) -> None:
    if _read_exact(src, 2) != b"\xff\xd8":
        raise ValueError("not a JPEG")
    write(b"\xff\xd8")
    wrote_orientation = orientation in (None, 1)
    while True:
        head = _read_exact(src, 2)
        while head[0] == 0xFF and head[1] == 0xFF:  # fill bytes
            head = b"\xff" + _read_exact(src, 1)
        if head[0] != 0xFF:
            raise ValueError("a JPEG segment is damaged")
        marker = head[1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            write(head)
            continue
        if marker == 0xD9:  # end of image before any scan
            write(head)
            return
        length = struct.unpack(">H", _read_exact(src, 2))[0]
        if length < 2:
            raise ValueError("a JPEG segment is damaged")
        if not wrote_orientation and marker != 0xE0:
            block = orientation_exif(int(orientation or 1))
            write(b"\xff\xe1" + struct.pack(">H", len(block) + 2) + block)
            wrote_orientation = True
        if marker in _JPEG_DROP_APPS or marker == _JPEG_COM:
            src.seek(length - 2, 1)
            continue
        write(head + struct.pack(">H", length))
        _copy_exact(src, length - 2, write)
        if marker == 0xDA:  # start of scan: the rest is image data (and what follows it)
            _copy_rest(src, write)
            return


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def strip_png(src: BinaryIO, write: Write) -> None:
    if _read_exact(src, 8) != PNG_SIGNATURE:
        raise ValueError("not a PNG")
    write(PNG_SIGNATURE)
    while True:
        head = _read_exact(src, 8)
        length, kind = struct.unpack(">I", head[:4])[0], head[4:]
        if kind in _PNG_DROP:
            src.seek(length + 4, 1)
            continue
        write(head)
        _copy_exact(src, length + 4, write)  # data and CRC
        if kind == b"IEND":
            return


def strip_webp(src: BinaryIO, write: Write) -> None:
    head = _read_exact(src, 12)
    if head[:4] != b"RIFF" or head[8:] != b"WEBP":
        raise ValueError("not a WebP")
    riff_end = 8 + struct.unpack("<I", head[4:8])[0]
    chunks: list[tuple[bytes, int, int]] = []  # (fourcc, offset of data, size)
    pos = 12
    while pos + 8 <= riff_end:
        src.seek(pos)
        fourcc, size = struct.unpack("<4sI", _read_exact(src, 8))
        chunks.append((fourcc, pos + 8, size))
        pos += 8 + size + (size & 1)
    kept = [c for c in chunks if c[0] not in _WEBP_DROP]
    total = 4 + sum(8 + size + (size & 1) for _, _, size in kept)
    write(b"RIFF" + struct.pack("<I", total) + b"WEBP")
    for fourcc, offset, size in kept:
        src.seek(offset)
        write(struct.pack("<4sI", fourcc, size))
        if fourcc == b"VP8X":
            flags = bytearray(_read_exact(src, size))
            flags[0] &= ~(_VP8X_EXIF | _VP8X_XMP) & 0xFF
            write(bytes(flags))
        else:
            _copy_exact(src, size, write)
        if size & 1:
            write(b"\x00")

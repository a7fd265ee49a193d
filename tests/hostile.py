"""Hostile content for renderers, and two witnesses that a file was (not) opened.

- `OpenWatch` uses Linux inotify: the kernel reports every open of a watched file by any
  process, from C++ (Qt's QFile, QImage::load) as well as from Python, and from child
  processes (the CLI). It is how the tests see what Qt reads, not only what Python reads.
- `python_opens()` is an audit hook (sys.addaudithook) on "open" for Python's own opens.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
import threading
from pathlib import Path

from PySide6.QtGui import QColor, QImage

IN_ACCESS, IN_OPEN = 0x001, 0x020
IN_NONBLOCK, IN_CLOEXEC = 0o4000, 0o2000000
_libc = ctypes.CDLL(None, use_errno=True)


class OpenWatch:
    """Count kernel-reported opens and reads of `paths` while the watch is alive."""

    def __init__(self, paths):
        self.paths = [str(p) for p in paths]
        self.fd = _libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        assert self.fd >= 0, os.strerror(ctypes.get_errno())
        self.wds = {}
        for p in self.paths:
            wd = _libc.inotify_add_watch(self.fd, os.fsencode(p), IN_OPEN | IN_ACCESS)
            assert wd >= 0, (p, os.strerror(ctypes.get_errno()))
            self.wds[wd] = p

    def seen(self) -> list[str]:
        out = []
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return out
            i = 0
            while i < len(data):
                wd, _mask, _cookie, length = struct.unpack_from("iIII", data, i)
                out.append(self.wds.get(wd, "?"))
                i += 16 + length

    def close(self) -> None:
        os.close(self.fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_opened: list[str] = []
_lock = threading.Lock()
_hook_installed = False


def _hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        with _lock:
            _opened.append(os.fsdecode(args[0]))


def python_opens() -> list[str]:
    """Every path Python has opened since the hook went in (it stays for the process)."""
    global _hook_installed
    if not _hook_installed:
        sys.addaudithook(_hook)
        _hook_installed = True
    with _lock:
        return list(_opened)


def canaries(folder: Path) -> dict[str, Path]:
    """Files of our own that hostile content names: a real PNG (so a read would show as an
    embedded image), a style sheet and a page. Watch these with OpenWatch."""
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / "secret.png"
    image = QImage(40, 40, QImage.Format_RGB32)
    image.fill(QColor(200, 30, 30))
    assert image.save(str(png))
    css = folder / "secret.css"
    css.write_text("p { color: red }")
    page = folder / "secret.html"
    page.write_text("<p>SECRET-PAGE-3141</p>")
    return {"png": png, "css": css, "html": page}


def hostile_markdown(c: dict[str, Path]) -> str:
    png, css, page = (c[k].as_uri() for k in ("png", "css", "html"))
    return "\n\n".join(
        [
            "# A title",
            "![zero](file:///dev/zero) ![pw](file:///etc/passwd) ![net](http://127.0.0.1:9/x)",
            f"![mine]({png}) ![rel](secret.png)",
            f'<img src="{png}"> <img src="file:///dev/zero" width="99999" height="99999">',
            f"<style>@import url({css}); p {{ background-image: url({png}) }}</style>",
            f'<link rel="stylesheet" href="{css}">',
            "<script>alert(1)</script>",
            f"[a link]({page}) [passwd](file:///etc/passwd) [net](http://127.0.0.1:9/x)",
            "the end",
        ]
    )


def hostile_html(c: dict[str, Path]) -> str:
    png, css = c["png"].as_uri(), c["css"].as_uri()
    return (
        f'<link rel="stylesheet" href="{css}"></link>'
        f"<style>@import url({css}); td {{ background-image: url({png}) }}</style>"
        f'<p style="background-image: url({png})">before <img src="{png}" alt="mine"> '
        '<img src="file:///dev/zero" width="99999" height="99999"> '
        '<img src="file:///etc/passwd"> <img src="http://127.0.0.1:9/x"> after</p>'
        f'<table background="{png}"><tr><td background="{png}">cell</td></tr></table>'
        "<script>alert(1)</script><p>the end</p>"
    )


def big_table(cells: int = 10_000, columns: int = 10) -> str:
    header = "|" + "|".join(f" c{n} " for n in range(columns)) + "|\n"
    rule = "|" + "---|" * columns + "\n"
    row = "|" + "|".join(" x " for _ in range(columns)) + "|\n"
    return header + rule + row * (cells // columns)


NAME = '<img src="file:///dev/zero">'

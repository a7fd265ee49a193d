"""Writes dayone-export.zip: a Day One export in the layout Day One writes (documented at
dayoneapp.com's "Export" help and seen in real exports): one ``<Journal name>.json`` per
journal, ``photos/<md5>.jpeg``, ``audios/<md5>.m4a``; slashes escaped as ``\\/`` as Day
One's JSON writer does; text with Day One's Markdown escapes and ``dayone-moment`` links.

Run once (``python tests/data/imports/make_dayone_export.py``); the zip is kept.
"""

from __future__ import annotations

import hashlib
import json
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).parent


def jpeg(color: str) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication(["x", "-platform", "offscreen"])
    image = QImage(8, 8, QImage.Format_RGB32)
    image.fill(QColor(color))
    buf = QBuffer()
    buf.open(QIODevice.WriteOnly)
    image.save(buf, "JPEG")
    return bytes(buf.data())


def main() -> None:
    photo1, photo2 = jpeg("#d4a017"), jpeg("#1f5f8b")
    audio = b"\x00\x00\x00\x18ftypM4A \x00\x00\x00\x00M4A mp42isom" + b"\x00" * 64
    md5 = {
        k: hashlib.md5(v).hexdigest() for k, v in (("p1", photo1), ("p2", photo2), ("a1", audio))
    }
    journal = {
        "metadata": {"version": "1.0"},
        "entries": [
            {
                "uuid": "8D2C5F1E0B7A4C33A1F0E9D8C7B6A501",
                "creationDate": "2024-01-14T14:30:00Z",
                "modifiedDate": "2024-01-15T09:12:44Z",
                "timeZone": "Australia/Sydney",
                "creationDevice": "Sam's iPhone",
                "starred": True,
                "isPinned": False,
                "isAllDay": False,
                "duration": 0,
                "text": "First night back\\. It was hard\\!\n\nWe sat on the balcony \\- "
                "no phones\\. 1\\. listen 2\\. breathe",
                "richText": '{"meta":{"version":1},"contents":[]}',
                "tags": ["us", "repair"],
                "location": {
                    "placeName": "Bondi Beach",
                    "localityName": "Sydney",
                    "administrativeArea": "NSW",
                    "country": "Australia",
                    "latitude": -33.891,
                    "longitude": 151.2767,
                    "region": {"radius": 75, "identifier": "x"},
                },
                "weather": {
                    "conditionsDescription": "Partly Cloudy",
                    "temperatureCelsius": 21.4,
                    "relativeHumidity": 62,
                    "windSpeedKPH": 12.3,
                    "weatherCode": "partly-cloudy-night",
                    "weatherServiceName": "Forecast.io",
                },
            },
            {
                "uuid": "0A1B2C3D4E5F60718293A4B5C6D7E8F9",
                "creationDate": "2024-01-20T23:45:10Z",
                "modifiedDate": "2024-01-20T23:50:00Z",
                "timeZone": "Australia/Sydney",
                "starred": False,
                "text": "![](dayone-moment://PHOTO0000000000000000000000001)\n\nBeach day\n\n"
                "Sun, salt, and a long talk\\.\n\n"
                "![](dayone-moment://PHOTO0000000000000000000000002)\n\n"
                "![](dayone-moment:/audio/AUDIO000000000000000000000001)",
                "photos": [
                    {
                        "identifier": "PHOTO0000000000000000000000001",
                        "md5": md5["p1"],
                        "type": "jpeg",
                        "orderInEntry": 0,
                        "width": 8,
                        "height": 8,
                    },
                    {
                        "identifier": "PHOTO0000000000000000000000002",
                        "md5": md5["p2"],
                        "type": "jpeg",
                        "orderInEntry": 1,
                        "width": 8,
                        "height": 8,
                    },
                ],
                "audios": [
                    {
                        "identifier": "AUDIO000000000000000000000001",
                        "md5": md5["a1"],
                        "format": "m4a",
                        "duration": 3.5,
                    }
                ],
                "videos": [
                    {"identifier": "VIDEO1", "md5": "0" * 32, "type": "mov"},
                ],
            },
            {
                "uuid": "FFEEDDCCBBAA99887766554433221100",
                "creationDate": "2024-01-21T02:00:00Z",
                "timeZone": "Australia/Sydney",
                "text": "![](dayone-moment://PHOTO0000000000000000000000001)",
                "photos": [
                    {
                        "identifier": "PHOTO0000000000000000000000001",
                        "md5": md5["p1"],
                        "type": "jpeg",
                    }
                ],
            },
        ],
    }
    work = {
        "metadata": {"version": "1.0"},
        "entries": [
            {
                "uuid": "11112222333344445555666677778888",
                "creationDate": "2024-02-01T08:00:00Z",
                "modifiedDate": "2024-02-01T08:00:00Z",
                "timeZone": "Europe/Berlin",
                "text": "# Therapy \\#4\n\nWe named the \\*pattern\\*\\. Next: the letter\\.",
                "tags": ["therapy"],
            }
        ],
    }

    def dump(doc: dict) -> str:
        return json.dumps(doc, indent=2, ensure_ascii=False).replace("/", "\\/")

    out = HERE / "dayone-export.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Sydney Diary.json", dump(journal))
        z.writestr("Work & Therapy.json", dump(work))
        z.writestr(f"photos/{md5['p1']}.jpeg", photo1)
        z.writestr(f"photos/{md5['p2']}.jpeg", photo2)
        z.writestr(f"audios/{md5['a1']}.m4a", audio)
        # the video is listed but, as in exports cut short, not in the zip
    (HERE / "dayone-journal.json").write_text(dump(journal), encoding="utf-8")
    print(out, file=sys.stderr)


if __name__ == "__main__":
    main()

"""Share payload items as calm, readable Markdown: the one renderer behind the Share preview,
a bundle's ``shared.md``, Markdown exports, the PDF report and From partner.

It renders the item *dicts* that leave (see :func:`kintsugi.core.share.build_payload`), not
the records, and it renders every key it is given: the kind's known fields in a readable
order, then anything else under a label made from its name. So a field that leaves is always
in the preview, including fields added later.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from kintsugi.core.fieldtext import (  # noqa: F401 - the pieces, for callers of render
    DATE_KEYS,
    LABELS,
    PERCENT_KEYS,
    TIME_KEYS,
    day_text,
    demote_headings,
    empty,
    field_line,
    is_emotions,
    label,
    minutes_text,
    step_lines,
    value_text,
    when_text,
)
from kintsugi.core.i18n import Words, arg, date_text, marked, translate
from kintsugi.core.records import Record
from kintsugi.core.repo import REPOSITORIES
from kintsugi.core.repo.entries import MOODS  # noqa: F401 - re-exported

KIND_NAMES = {kind: repo.name for kind, repo in REPOSITORIES.items()}  # marked for translators
Render = Words("Render")  # its plurals (see core/i18n.py)
# Shown in an item's heading and footer, not as lines of its body.
FRAME_KEYS = ("kind", "uid", "occurred_at", "updated_at", "tags", "attachments")


def size_text(size: int) -> str:
    """A file's size, as people say it ("1.2 MB", "340 KB")."""
    if size >= 1_000_000:
        return arg(translate("render", "%1 MB"), f"{size / 1_000_000:.1f}")
    return arg(translate("render", "%1 KB"), str(max(1, round(size / 1000))))


def attachment_lines(item: dict[str, Any], *, pictures: bool = True) -> list[str]:
    """An item's attachments as they leave: each picture shown (from the bundle's own file,
    ``attachments/<sha256>…``; not with ``pictures=False``, for a Markdown file that carries
    no files), every file named with its kind and size."""
    from kintsugi.core.share import member_name

    lines: list[str] = []
    refs = item.get("attachments")
    if not isinstance(refs, list) or not refs:
        return lines
    kinds = {
        "image": translate("render", "picture"),
        "pdf": translate("render", "PDF"),
        "audio": translate("render", "sound"),
    }
    lines.append(Render.tr("%n attachment(s):", "", len(refs)))
    lines.append("")
    for ref in refs:
        name = "".join(ch for ch in str(ref.get("name", "")) if ch not in "[]()<>*_`\\")
        what = [kinds.get(str(ref.get("kind")), str(ref.get("kind"))), size_text(int(ref["size"]))]
        if ref.get("duration_ms"):
            what.append(minutes_text(int(ref["duration_ms"]) / 1000))
        if ref.get("kind") == "image" and pictures:
            lines += [f"![{name}]({member_name(ref)})", ""]
        lines += [f"- {name} ({', '.join(what)})", ""]
    return lines


def item_title(item: dict[str, Any]) -> str:
    repo = REPOSITORIES.get(item.get("kind", ""))
    return repo.render_title(item) if repo else str(item.get("title") or "")


def item_kind_name(item: dict[str, Any]) -> str:
    kind = item.get("kind", "")
    known = KIND_NAMES.get(kind)
    return marked("render", known) if known else label(str(kind))


def item_heading(item: dict[str, Any]) -> str:
    name, title = item_kind_name(item), item_title(item)
    return f"{name} — {title}" if title else name


def _body(item: dict[str, Any]) -> list[str]:
    rest = {k: v for k, v in item.items() if k not in FRAME_KEYS}

    def take(key: str) -> Any:
        return rest.pop(key, None)

    repo = REPOSITORIES.get(item.get("kind", ""))
    lines = repo.render_body(take) if repo else []
    # Everything not shown above, so that nothing leaves unseen.
    for key, value in rest.items():
        if empty(value):
            continue
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            if is_emotions(value):
                lines.append(field_line(key, value))
                continue
            lines.append(f"- {label(key)}:")  # a list of answers under its label
            for v in value:
                lines += step_lines(v)
        else:
            lines.append(field_line(key, value))
    return lines


def render_item(item: dict[str, Any], *, level: int = 2, pictures: bool = True) -> str:
    """One payload item as Markdown: heading, when, every field, tags, id and revision."""
    parts = [
        f"{'#' * level} {item_heading(item)}",
        "",
        f"*{when_text(item.get('occurred_at'))}*",
        "",
    ]
    body = "\n".join(_body(item)).strip()
    if body:
        parts += [body, ""]
    parts += attachment_lines(item, pictures=pictures)
    tags = item.get("tags")
    if isinstance(tags, list) and tags:
        parts += [" ".join(f"#{t}" for t in tags), ""]
    footer = []
    if item.get("uid"):
        footer.append(arg(translate("render", "item %1"), item["uid"]))
    links = getattr(REPOSITORIES.get(item.get("kind", "")), "links", {})
    for key, text in links.items():
        if item.get(key):
            footer.append(arg(marked("render", text), str(item[key])))
    if item.get("updated_at"):
        footer.append(arg(translate("render", "last changed %1"), when_text(item["updated_at"])))
    if footer:
        parts += ["*" + " · ".join(footer) + "*", ""]
    return "\n".join(parts)


def render_items(
    items: list[dict[str, Any]],
    *,
    title: str | None = None,
    exporter: str = "",
    exported_at: datetime | None = None,
    sender_lines: Sequence[str] = (),
    pictures: bool = True,
) -> str:
    if title is None:
        title = translate("render", "Shared from Kintsugi")
    head = [f"# {title}", ""]
    if exporter or exported_at:
        line = arg(translate("render", "From %1"), exporter) if exporter else ""
        line = line or translate("render", "Exported")
        if exported_at:
            line += ", " + date_text(exported_at.date())
        head += [line, ""]
    for line in sender_lines:
        head += [line, ""]
    head.append(Render.tr("%n item(s). Private notes are never included.", "", len(items)))
    ordered = sorted(items, key=lambda i: str(i.get("occurred_at", "")))
    body = "\n".join(render_item(i, pictures=pictures) for i in ordered)
    return "\n".join(head) + "\n\n" + body


def render_record(rec: Record) -> str:
    """A record rendered as it would leave (for Markdown exports by day)."""
    from kintsugi.core.share import ShareOptions, share_dict

    return render_item(share_dict(rec, ShareOptions(earlier_wordings=True)))


def heading(rec: Record) -> str:
    from kintsugi.core.share import share_dict

    return item_heading(share_dict(rec))

"""Records and results as JSON-ready dicts (for ``--json`` and, later, exports)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from kintsugi.core.records import ItemSummary, Record
from kintsugi.core.search import SearchHit


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def record_to_dict(rec: Record, *, include_private: bool = True) -> dict[str, Any]:
    data = {"kind": rec.KIND, **dataclasses.asdict(rec)}
    if not include_private:
        data.pop("private_note", None)
    plain: dict[str, Any] = _plain(data)
    return plain


def summary_to_dict(item: ItemSummary) -> dict[str, Any]:
    plain: dict[str, Any] = _plain(dataclasses.asdict(item))
    return plain


def hit_to_dict(hit: SearchHit) -> dict[str, Any]:
    plain: dict[str, Any] = _plain(
        {
            "id": hit.id,
            "kind": hit.kind,
            "occurred_at": hit.occurred_at,
            "title": hit.title,
            "snippet": hit.snippet,
            "highlights": hit.highlights,
            "score": hit.score,
        }
    )
    return plain

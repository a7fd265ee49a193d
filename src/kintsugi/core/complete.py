"""The complete backup (``export --all --format json``): every record — the trash
included, private notes included — and the vault's own state: settings (support contacts,
own techniques, the check-in schedule, preferences), the sharing identity and address book,
received bundles and the share log (:mod:`kintsugi.core.repo.vault_state`).

It is the Kintsugi JSON export (``"items"``, which any Kintsugi imports) with one more key,
``"vault"``, which an import restores only into a vault that holds no records yet (an
empty vault: a restore on a new machine), never over another vault's own settings and
identity. Streamed: records are written as they are read.

The sharing identity is a secret (its private age key opens bundles sent to this vault; its
signing key signs as this vault): the file says so in ``"vault": {"warning": …}``, and the
CLI and the app say so when writing it.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kintsugi.core.db import Database
from kintsugi.core.repo import vault_state
from kintsugi.core.repo.items import Items
from kintsugi.core.repo.sharing import Sharing
from kintsugi.core.timeutil import utc_text

SECRET_WARNING = (
    "This file holds this vault's sharing identity: its private age key (it opens the "
    "bundles your partner sends you) and its signing key (it signs bundles as you). Anyone "
    "with this file can read those bundles and sign as you. Keep it secret, like the vault's "
    "passphrase."
)

Progress = Callable[[int, int], bool]


def backup_document_tail(db: Database) -> dict[str, Any]:
    """The ``"vault"`` part: the warning, and every state table's rows."""
    return {"warning": SECRET_WARNING, "state": vault_state.dump(db)}


def _put_attachments(db: Database, put: Callable[[str], None]) -> None:
    """Every attachment, in record order: its link's fields and its bytes in base64,
    written a chunk at a time (a 256 MB recording never sits whole in memory)."""
    from kintsugi.core.repo.attachments import AttachmentRepo

    store = AttachmentRepo(db)
    first = True
    for item_id, item_uid in vault_state.with_attachments(db):
        for att in store.list_for(item_id):
            head = {
                "uid": att.uid,
                "item_uid": item_uid,
                "name": att.name,
                "mime": att.mime,
                "kind": att.kind,
                "size": att.size,
                "sha256": att.sha256,
                "width": att.width,
                "height": att.height,
                "duration_ms": att.duration_ms,
                "metadata_kept": att.metadata_kept,
                "created_at": utc_text(att.created_at) if att.created_at else None,
            }
            text = json.dumps(head, ensure_ascii=False)
            put(("\n" if first else ",\n") + text[:-1] + ', "data": "')
            first = False
            rest = b""
            for chunk in store.chunks(att.id):
                data = rest + chunk
                cut = len(data) - len(data) % 3
                put(base64.b64encode(data[:cut]).decode("ascii"))
                rest = data[cut:]
            put(base64.b64encode(rest).decode("ascii") + '"}')


def _put_received_attachments(db: Database, put: Callable[[str], None]) -> None:
    """A partner's attachments (after ``"vault"``, whose received bundles they belong to):
    each link with the bundle, item and revision it belongs to, and its bytes in base64 —
    each file's bytes once per link, a chunk at a time."""
    from kintsugi.core.repo.attachments import AttachmentRepo

    store = AttachmentRepo(db)
    for n, head in enumerate(Sharing(db).received_attachment_rows()):
        text = json.dumps(head, ensure_ascii=False)
        put(("\n" if n == 0 else ",\n") + text[:-1] + ', "data": "')
        rest = b""
        with store.open_blob(head["sha256"]) as f:
            while chunk := f.read(256 * 1024):
                data = rest + chunk
                cut = len(data) - len(data) % 3
                put(base64.b64encode(data[:cut]).decode("ascii"))
                rest = data[cut:]
        put(base64.b64encode(rest).decode("ascii") + '"}')


def write_complete_backup(
    db: Database,
    out: Path,
    *,
    recipient: str = "file",
    progress: Progress | None = None,
) -> tuple[str, int]:
    """Write the complete backup to ``out`` (0600, atomically, streamed) and log it: the
    lossless JSON export's writer (:func:`kintsugi.core.transfer.write_json_export`) over
    every record, with ``"complete": true`` in its head and the attachments and the vault's
    state after the items. Returns (SHA-256, records written)."""
    from kintsugi.core.transfer import Put, write_json_export

    items = Items(db)
    records = (items.get(item_id) for item_id in vault_state.iter_all_ids(db))

    def tail(put: Put) -> None:
        put(',\n"attachments": [')
        _put_attachments(db, put)
        put('\n],\n"vault": ' + json.dumps(backup_document_tail(db), ensure_ascii=False))
        put(',\n"received_attachments": [')  # after the received bundles they belong to
        _put_received_attachments(db, put)
        put("\n]")

    return write_json_export(
        db,
        records,
        out,
        total=vault_state.count_all(db),
        recipient=recipient,
        progress=progress,
        head_extra={"complete": True},
        tail=tail,
    )

"""One journal on several computers, through a folder the person already syncs (Syncthing,
Nextcloud, Dropbox, a USB stick). No Qt; every call takes the open core ``Vault``.

The vault itself stays local; the folder holds each device's encrypted change log (see
:mod:`kintsugi.core.sync.folder` and docs/sync-format.md). The calls the app and the CLI
use::

    code = setup(vault, folder)            # -> the pairing code for the other computer
    join(vault, folder, code)              # on the other computer, a new empty vault
    summary = run_round(vault)             # send ours, apply theirs (safe on a worker thread)
    status(vault), conflicts(vault), resolve(vault, conflict_id, text), remove_device(...)
"""

from __future__ import annotations

import contextlib
import json
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kintsugi.core.errors import (
    AlreadySyncing,
    ConflictNotFound,
    JoinNeedsEmptyVault,
    KintsugiError,
    SyncFolderMissing,
    SyncFolderUnwritable,
    SyncFormatTooNew,
    SyncNotSetUp,
    UnknownDevice,
    WrongPairingCode,
)
from kintsugi.core.repo import repository_for
from kintsugi.core.repo import sync_state as ss
from kintsugi.core.sync import clock, engine
from kintsugi.core.sync import folder as fs
from kintsugi.core.sync.engine import Engine, Progress, now_text, on_writer

__all__ = [
    "Conflict",
    "DeviceInfo",
    "Progress",
    "RoundSummary",
    "SyncStatus",
    "conflicts",
    "join",
    "leave",
    "move_folder",
    "remove_device",
    "resolve",
    "run_round",
    "setup",
    "status",
]

#: The pairing code's alphabet (Crockford's base32: no I, L, O, U) and shape: 8 groups of 4,
#: 160 random bits.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS, GROUP_LEN = 8, 4


@dataclass(frozen=True)
class RoundSummary:
    sent: int
    received: int
    merged: int
    conflicts: int
    skipped_files: int
    finished_at: str  # ISO UTC


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    name: str
    this_device: bool
    last_seen: str | None
    removed: bool


@dataclass(frozen=True)
class SyncStatus:
    folder: Path
    device_id: str
    devices: list[DeviceInfo]
    last_round_at: str | None
    last_problem: str | None
    conflicts_waiting: int


@dataclass(frozen=True)
class Conflict:
    conflict_id: str
    item_uid: str
    kind: str
    field: str
    title: str
    base: str
    mine: str  # the version the record holds now
    theirs: str  # the other version, kept here until resolved
    mine_device: str
    theirs_device: str
    found_at: str


# --- pairing ----------------------------------------------------------------------------------
def new_pairing_code() -> str:
    chars = [secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LEN)]
    return "-".join("".join(chars[i : i + GROUP_LEN]) for i in range(0, len(chars), GROUP_LEN))


def normal_code(text: str) -> str:
    """A pairing code as typed (any case, spaces or dashes, O for 0, I or L for 1)."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    raw = raw.replace("O", "0").replace("I", "1").replace("L", "1")
    return "-".join(raw[i : i + GROUP_LEN] for i in range(0, len(raw), GROUP_LEN))


def _invite(vault: Any, target: Path) -> str:
    """Write an invitation (the sync keys, locked with a new pairing code) into the folder."""
    with vault.db.read() as conn:
        keys = ss.keys(conn)
        cfg = ss.config(conn)
        known = ss.devices(conn)
        records = ss.record_count(conn)
    assert cfg is not None
    code = new_pairing_code()
    # the devices' signing keys (and marks under older keys) as this device knows them: the
    # new one checks their files from its first round
    devices: dict[str, dict[str, Any]] = {
        d.device_id: {"verify": d.verify_key, "to": d.old_key_to}
        for d in known
        if not d.removed and d.verify_key
    }
    devices[cfg.device_id] = {"verify": fs.verify_key_of(cfg.identity), "to": None}
    doc = {
        "v": engine.FORMAT_VERSION,
        "type": "pairing",
        "inviter": cfg.device_id,
        "keys": [{"epoch": e, "identity": i, "name_key": n} for e, i, n in keys],
        "devices": devices,
        "records": records,  # (the joining computer shows its progress against it)
    }
    data = fs.lock_with_code(json.dumps(doc).encode(), code)
    try:
        fs.write_once(target / fs.PAIRING / f"{secrets.token_hex(8)}.age", data)
    except OSError as exc:
        raise SyncFolderUnwritable() from exc
    return code


def _check_folder(target: Path) -> None:
    if not target.is_dir():
        raise SyncFolderMissing()
    probe = target / f"{fs.TEMP_PREFIX}{secrets.token_hex(6)}.tmp"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise SyncFolderUnwritable() from exc


def _start(
    vault: Any,
    target: Path,
    name: str | None,
    keys: list[tuple[int, str, str]],
    devices: Any = None,
) -> None:
    identity, _recipient = fs.new_identity()
    marks, pins = engine._marks_of(devices)
    device_id = secrets.token_hex(8)

    def job() -> None:
        with vault.db.transaction() as conn:
            ss.create_config(
                conn,
                folder=str(target),
                device_id=device_id,
                device_name=name or engine.default_device_name(),
                identity=identity,
                set_up_at=now_text(),
            )
            for epoch, ident, name_key in keys:
                ss.add_key(conn, epoch, ident, name_key)
            for dev, key in pins.items():
                ss.pin_verify_key(conn, dev, key)
            ss.set_old_key_marks(conn, marks)
            ss.mark_all_dirty(conn)

    on_writer(vault, job)


def setup(
    vault: Any, folder: Path, device_name: str | None = None, progress: Progress | None = None
) -> str:
    """Start syncing this vault through ``folder``; returns a pairing code for the next
    computer. On a vault that already syncs through this folder, a new invitation (for one
    more computer). ``progress`` hears how the first round goes (engine.Progress)."""
    target = engine.folder_path(folder)
    with vault.db.read() as conn:
        cfg = ss.config(conn)
    if cfg is not None:
        if Path(cfg.folder) != target:
            raise AlreadySyncing()
        _check_folder(target)
        return _invite(vault, target)
    _check_folder(target)
    identity, _ = fs.new_identity()
    _start(vault, target, device_name, [(1, identity, secrets.token_hex(32))])
    code = _invite(vault, target)
    run_round(vault, announce=True, progress=progress)
    return code


def join(
    vault: Any,
    folder: Path,
    pairing_code: str,
    device_name: str | None = None,
    progress: Progress | None = None,
) -> None:
    """Join the journal another computer set up in ``folder`` (this vault must be empty).
    ``progress`` hears how many of its records have come (engine.Progress)."""
    target = engine.folder_path(folder)
    with vault.db.read() as conn:
        cfg = ss.config(conn)
        count = ss.record_count(conn)
    if cfg is not None:
        raise AlreadySyncing()
    if count:
        raise JoinNeedsEmptyVault()
    _check_folder(target)
    code = normal_code(pairing_code)
    opened: dict[str, Any] | None = None
    used: Path | None = None
    for name in fs.names(target, fs.PAIRING, fs.PAIRING_FILE):
        path = target / fs.PAIRING / name
        data = fs.read_file(path, 1 << 20)
        plain = fs.open_with_code(data, code) if data else None
        if plain is None:
            continue
        try:
            doc = json.loads(plain)
        except ValueError:
            continue
        if isinstance(doc, dict) and doc.get("type") == "pairing":
            opened, used = doc, path
            break
    if opened is None:
        raise WrongPairingCode()
    if not isinstance(opened.get("v"), int) or opened["v"] > engine.FORMAT_VERSION:
        raise SyncFormatTooNew()
    keys = [
        (int(k["epoch"]), str(k["identity"]), str(k["name_key"]))
        for k in opened.get("keys") or []
        if isinstance(k, dict)
    ]
    if not keys:
        raise WrongPairingCode()
    _start(vault, target, device_name, keys, opened.get("devices"))
    if used is not None:
        used.unlink(missing_ok=True)  # the code opens nothing any more
    records = opened.get("records")
    expect = records if isinstance(records, int) and not isinstance(records, bool) else 0
    run_round(vault, announce=True, progress=progress, expect=max(expect, 0))


# --- rounds -----------------------------------------------------------------------------------
def run_round(
    vault: Any,
    *,
    wall: clock.WallClock | None = None,
    announce: bool = False,
    progress: Progress | None = None,
    expect: int = 0,
) -> RoundSummary:
    """One round: send this device's changes, apply the other devices', send what merging
    made. A file still syncing (cut short), foreign or damaged is skipped and read again
    next round. Raises ``SyncNotSetUp``, ``SyncFolderMissing``, ``SyncFolderUnwritable``;
    what went wrong is also kept for :func:`status`."""
    eng = Engine(vault, wall, progress, expect)
    problem: str | None = None
    try:
        eng.check_folder()
        eng.pick_up_keys()
        eng.send(announce=announce)
        eng.receive()
        eng.send()
        eng.maybe_snapshot()
        eng.sweep_temps()
    except KintsugiError as exc:
        _finish(vault, problem=str(exc), ok=False)
        raise
    t = eng.tally
    if t.problems:
        problem = t.problems[0]
    finished = _finish(vault, problem=problem, ok=True)
    return RoundSummary(t.sent, t.received, t.merged, t.conflicts, t.skipped_files, finished)


def _finish(vault: Any, *, problem: str | None, ok: bool) -> str:
    stamp = now_text()

    def job() -> None:
        with vault.db.transaction() as conn:
            if ss.config(conn) is None:
                return
            if ok:
                ss.update_config(conn, last_round_at=stamp, last_problem=problem)
            else:
                ss.update_config(conn, last_problem=problem)

    with contextlib.suppress(KintsugiError):  # the round's own error is what is raised
        on_writer(vault, job)
    return stamp


# --- what the person sees --------------------------------------------------------------------
def status(vault: Any) -> SyncStatus | None:
    with vault.db.read() as conn:
        cfg = ss.config(conn)
        if cfg is None:
            return None
        others = ss.devices(conn)
        waiting = ss.conflict_count(conn)
    devices = [DeviceInfo(cfg.device_id, cfg.device_name, True, cfg.last_round_at, False)]
    devices += [
        DeviceInfo(d.device_id, d.name, False, d.last_seen, d.removed)
        for d in others
        if d.device_id != cfg.device_id
    ]
    return SyncStatus(
        Path(cfg.folder), cfg.device_id, devices, cfg.last_round_at, cfg.last_problem, waiting
    )


def conflicts(vault: Any) -> list[Conflict]:
    with vault.db.read() as conn:
        rows = ss.conflicts(conn)
        titles = {}
        for r in rows:
            found = ss.item_of(conn, r.uid)
            titles[r.id] = _title_of(conn, found[0]) if found else ""
    return [
        Conflict(
            str(r.id),
            r.uid,
            r.kind,
            r.field,
            titles[r.id],
            r.base,
            r.mine,
            r.theirs,
            r.mine_device,
            r.theirs_device,
            r.found_at,
        )
        for r in rows
    ]


def _title_of(conn: Any, item_id: int) -> str:
    return ss.title_of(conn, item_id)


def resolve(vault: Any, conflict_id: str, text: str) -> None:
    """End a conflict: the record's field becomes ``text`` (one version, the other, or both
    combined); the change syncs like any edit."""
    try:
        cid = int(conflict_id)
    except ValueError:
        raise ConflictNotFound() from None

    def job() -> None:
        with vault.db.transaction() as conn:
            row = ss.conflict(conn, cid)
            if row is None:
                raise ConflictNotFound()
            found = ss.item_of(conn, row.uid)
            if found is not None:
                repo = repository_for(vault.db, found[1])
                rec = repo.get(found[0])
                if hasattr(rec, row.field) and getattr(rec, row.field) != text:
                    setattr(rec, row.field, text)
                    repo.update(rec)
            ss.drop_conflict(conn, cid)

    on_writer(vault, job)


def remove_device(vault: Any, device_id: str) -> None:
    """Stop syncing with ``device_id``: a new sync key for the devices that remain (wrapped to
    each one's own key), so that the removed one reads nothing written from now on.

    Runs a round first (what the removed device wrote until now is kept, and every remaining
    device's own key is known); what this device read of the removed one is sent again for
    the others, and this device's files are replaced by a snapshot under the new key."""
    with vault.db.read() as conn:
        cfg = ss.config(conn)
    if cfg is None:
        raise SyncNotSetUp()
    if device_id != cfg.device_id:
        run_round(vault)
    with vault.db.read() as conn:
        cfg = ss.config(conn)
        known = {d.device_id: d for d in ss.devices(conn)}
        keys = ss.keys(conn)
    if cfg is None:
        raise SyncNotSetUp()
    if device_id == cfg.device_id:
        leave(vault)
        return
    if device_id not in known or known[device_id].removed:
        raise UnknownDevice()
    target = Path(cfg.folder)
    if not target.is_dir():
        raise SyncFolderMissing()
    epoch = keys[0][0] + 1
    identity, _ = fs.new_identity()
    name_key = secrets.token_hex(32)
    recipients = [fs.recipient_of(cfg.identity)] + [
        d.recipient
        for d in known.values()
        if not d.removed and d.device_id != device_id and d.recipient
    ]
    # Every device that stays, with the last number of its files under the older keys that
    # is still read (what this device had read of it; its own: all it wrote): files under
    # an older key numbered after it, or from a device not listed, are refused from now on
    # (the removed device still holds the older keys). What a device wrote after its mark
    # reaches the others in the snapshot it writes under the new key.
    remaining: dict[str, dict[str, Any]] = {
        d.device_id: {"verify": d.verify_key, "to": d.read_seq}
        for d in known.values()
        if not d.removed and d.device_id not in (device_id, cfg.device_id)
    }
    remaining[cfg.device_id] = {"verify": fs.verify_key_of(cfg.identity), "to": cfg.next_seq - 1}
    marks, _pins = engine._marks_of(remaining)
    doc = {
        "v": engine.FORMAT_VERSION,
        "type": "key",
        "epoch": epoch,
        "identity": identity,
        "name_key": name_key,
        "removed": device_id,
        "accept_to": known[device_id].read_seq,
        "by": cfg.device_id,
        "devices": remaining,
    }
    doc["proof"] = engine.key_proof(doc, keys[0][1])  # keys[0]: epoch - 1
    data = fs.seal_document(fs.signed_payload(doc, cfg.identity), recipients)
    try:
        fs.write_once(target / fs.KEYS / f"{epoch}-{cfg.device_id}.age", data)
    except OSError as exc:
        raise SyncFolderUnwritable() from exc

    def job() -> None:
        with vault.db.transaction() as conn:
            ss.add_key(conn, epoch, identity, name_key)
            ss.mark_removed(conn, device_id, known[device_id].read_seq)
            ss.set_old_key_marks(conn, marks)
            ss.republish_from(conn, device_id)

    on_writer(vault, job)
    shutil.rmtree(target / device_id, ignore_errors=True)
    Engine(vault).maybe_snapshot(force=True)  # sends the republished too


def leave(vault: Any) -> None:
    """Stop syncing on this computer (its records stay)."""

    def job() -> None:
        with vault.db.transaction() as conn:
            ss.drop_everything(conn)

    on_writer(vault, job)


def move_folder(vault: Any, folder: Path) -> None:
    """The synced folder is now at ``folder`` (moved, or mounted elsewhere)."""
    target = engine.folder_path(folder)
    _check_folder(target)

    def job() -> None:
        with vault.db.transaction() as conn:
            if ss.config(conn) is None:
                raise SyncNotSetUp()
            ss.update_config(conn, folder=str(target))

    on_writer(vault, job)

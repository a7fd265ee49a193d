"""One round of syncing: send this device's new revisions, apply the others', send merges.

Records travel as their kinds' lossless export (``export_dict`` of ``core/repo/<kind>.py``,
plus their attachments) and come back through the same checks as an import
(``validate.record_fields``), so a kind added to the register syncs with no code here.

What changed is found without a scan: while a vault syncs, the schema's triggers put the uid
of every record written into ``sync_dirty``; a round reads those records, and one whose
fields hash to what was last synced is no change. A round with nothing new reads one empty
table and lists the folder.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import socket
import zlib
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from kintsugi.core import fsutil, validate
from kintsugi.core.errors import (
    AttachmentRefused,
    InvalidRecord,
    SyncFolderMissing,
    SyncFolderUnwritable,
    SyncNotSetUp,
)
from kintsugi.core.repo import REPOSITORIES, repository_for
from kintsugi.core.repo import sync_state as ss
from kintsugi.core.repo.attachments import AttachmentRepo
from kintsugi.core.sync import clock, merge
from kintsugi.core.sync import folder as fs
from kintsugi.core.timeutil import utc_text
from kintsugi.core.validate import Invalid

T = TypeVar("T")
#: What a long call reports while it works (from the thread that runs it): a step (one of
#: PREPARE, SEND, SNAPSHOT, RECEIVE), how many items of it are done and how many there are.
Progress = Callable[[str, int, int], None]
PREPARE, SEND, SNAPSHOT, RECEIVE = "prepare", "send", "snapshot", "receive"
#: 2: every document is signed by the device that wrote it (``folder.signed_payload``).
FORMAT_VERSION = 2
#: Revisions per change file, records per snapshot part, local changes read per transaction
#: (the writer is never held long: saves wait behind it).
BATCH = 1000
FLUSH = 500
#: Ancestors remembered per record (to tell an old revision from a concurrent one).
ANCESTORS = 64
#: A device writes a snapshot of everything once this many change files of its own are in
#: the folder since its last one, then removes those files (compaction).
SNAPSHOT_EVERY = 64
#: The most a file may hold before it is read (a change file or a snapshot part, inflated).
MAX_FILE = 256 * 1024 * 1024
MAX_DOC = 512 * 1024 * 1024
ATTACHMENTS = "attachments"


# --- the vault, from any thread -------------------------------------------------------------
def on_writer(vault: Any, fn: Callable[[], T]) -> T:
    """Run ``fn`` on the vault's writer (like every save), and wait for it."""
    writer = vault.writer
    if writer.on_writer_thread:
        return fn()
    future: Future[T] = writer.submit(fn)
    return future.result()


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- a record's state as synced -----------------------------------------------------------------
@dataclass
class State:
    """A record's last synced revision: its fields (None: deleted for good), each field's
    clock, its ancestors, and — while not yet sent — its parent and the parent's values of
    the fields it changed (the base the other devices merge against)."""

    rev: str
    fields: dict[str, Any] | None
    clocks: dict[str, str]
    ancestors: list[str] = field(default_factory=list)
    parent: str = ""
    base: dict[str, Any] = field(default_factory=dict)

    def pack(self) -> bytes:
        doc = {
            "r": self.rev,
            "f": self.fields,
            "c": self.clocks,
            "a": self.ancestors,
            "p": self.parent,
            "b": self.base,
        }
        return zlib.compress(json.dumps(doc, ensure_ascii=False, sort_keys=True).encode(), 6)

    @classmethod
    def unpack(cls, data: bytes) -> State:
        doc = json.loads(zlib.decompress(data))
        return cls(doc["r"], doc["f"], doc["c"], doc["a"], doc["p"], doc["b"])

    def wire(self, uid: str, kind: str) -> dict[str, Any]:
        return {
            "u": uid,
            "k": kind,
            "r": self.rev,
            "p": self.parent,
            "a": self.ancestors,
            "f": self.fields,
            "c": self.clocks,
            "b": self.base,
        }


def fields_hash(fields: dict[str, Any] | None) -> str:
    text = json.dumps(fields, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def text_fields(kind: str) -> frozenset[str]:
    """The kind's fields that are texts a person writes (merged line by line)."""
    repo = REPOSITORIES[kind]
    spec = {**validate.COMMON, **repo.import_fields}
    return frozenset(
        name for name, conv in spec.items() if conv is validate.text or conv is validate.line
    )


# --- reading and writing records ------------------------------------------------------------
def live_fields(db: Any, conn: Any, uid: str) -> tuple[str, dict[str, Any]] | None:
    """(kind, synced fields) of the record ``uid`` as it is now; None when it is gone."""
    found = _live(db, conn, uid)
    return None if found is None else (found[0], found[1])


def _live(db: Any, conn: Any, uid: str) -> tuple[str, dict[str, Any], Any] | None:
    """(kind, synced fields, when it was last written) of the record ``uid``."""
    found = ss.item_of(conn, uid)
    if found is None:
        return None
    item_id, kind = found
    if kind not in REPOSITORIES:
        return None
    repo = repository_for(db, kind)
    rec = repo.get(item_id)
    data = repo.export_dict(rec)
    data.pop("updated_at", None)  # when this device last wrote it: not the record's own
    data[ATTACHMENTS] = [
        {
            "uid": a.uid,
            "sha256": a.sha256,
            "name": a.name,
            "mime": a.mime,
            "kind": a.kind,
            "size": a.size,
            "width": a.width,
            "height": a.height,
            "duration_ms": a.duration_ms,
            "metadata_kept": a.metadata_kept,
            "created_at": utc_text(a.created_at) if a.created_at else None,
        }
        for a in AttachmentRepo(db).list_for(item_id)
    ]
    return kind, data, rec.updated_at


class NotYet(Exception):
    """Something a revision needs is not in the folder yet (an attachment still syncing):
    the file is read again next round."""


class Unreadable(Exception):
    """A revision this version cannot apply (a newer Kintsugi's kind or field)."""


class Refused(Exception):
    """A file not signed by the device it names, from a removed device, or written under an
    older sync key after the mark the new key's maker set: never read (docs/sync-format.md,
    "Removing a device"). ``quiet``: the device's own file, written under the older key
    before it picked the new one up (what it holds comes in its next snapshot): not a
    problem to report. ``older``: a file in an older sync format (unsigned) from a device
    this one syncs with: an older Kintsugi there, said calmly (``SyncPeerTooOld``); once
    updated it writes a signed snapshot of everything, read in its place."""

    def __init__(self, quiet: bool = False, older: bool = False):
        super().__init__()
        self.quiet = quiet
        self.older = older


def _db_time(value: Any) -> str | None:
    if value is None:
        return None
    return utc_text(datetime.fromisoformat(str(value)))


#: (folder, device, number) of a device's own oldest file found signed by it (format 2), so
#: that a round reads it once a process (Engine._oldest_unsigned).
_SIGNED_OLDEST: set[tuple[str, str, int]] = set()


# --- one round ---------------------------------------------------------------------------------
@dataclass
class Tally:
    sent: int = 0
    received: int = 0
    merged: int = 0
    conflicts: int = 0
    skipped_files: int = 0
    refused_files: int = 0
    problems: list[str] = field(default_factory=list)


class Engine:
    """One device's view of the folder, for one call."""

    def __init__(
        self,
        vault: Any,
        wall: clock.WallClock | None = None,
        progress: Progress | None = None,
        expect: int = 0,
    ):
        self.vault = vault
        self.progress = progress
        #: How many records a receive is expected to bring (a join: the inviter's count).
        self.expect = expect
        self._revs_read = 0
        self.db = vault.db
        self.wall = wall or clock.wall_ms
        self.tally = Tally()
        self.cfg = self._read(ss.config)
        if self.cfg is None:
            raise SyncNotSetUp()
        self.folder = Path(self.cfg.folder)
        self.me = self.cfg.device_id
        self._keys = self._read(ss.keys)
        self._blob_cache: dict[str, str] = {}
        self._devices: dict[str, ss.Device] = {}
        #: Devices' keys first learned this round (kept when their file is applied).
        self._pins: dict[str, str] = {}
        #: A new sync key was picked up this round: our files under the old one are replaced
        #: by a snapshot under the new one (what a removed device could still read shrinks).
        self.rekeyed = False

    # -- helpers
    def _read(self, fn: Callable[[Any], T]) -> T:
        with self.db.read() as conn:
            return fn(conn)

    def _txn(self, fn: Callable[[Any], T]) -> T:
        def job() -> T:
            with self.db.transaction() as conn:
                return fn(conn)

        return on_writer(self.vault, job)

    @property
    def identities(self) -> list[str]:
        return [ident for _, ident, _ in self._keys]

    @property
    def recipient(self) -> str:
        return fs.recipient_of(self._keys[0][1])

    @property
    def name_key(self) -> str:
        return self._keys[0][2]

    def check_folder(self) -> None:
        if not self.folder.is_dir():
            raise SyncFolderMissing()

    def _tick(self, conn: Any, at_ms: int | None = None) -> str:
        cfg = ss.config(conn)
        assert cfg is not None
        stamp = clock.tick(cfg.clock, self.me, self.wall() if at_ms is None else at_ms)
        ss.update_config(conn, clock=stamp)
        return stamp

    def _observe(self, conn: Any, seen: str) -> None:
        cfg = ss.config(conn)
        assert cfg is not None
        if seen > cfg.clock:
            ss.update_config(conn, clock=clock.observe(cfg.clock, seen, self.me, self.wall()))

    # -- local changes become revisions
    def flush_local(self, conn: Any, uids: list[str] | None = None) -> int:
        """Turn what changed here (the dirty marks) into revisions, unsent. Returns how many."""
        todo = ss.dirty(conn, 1 << 30) if uids is None else uids
        made = 0
        for uid in todo:
            if self._flush_one(conn, uid):
                made += 1
        ss.clear_dirty(conn, todo)
        return made

    def _edited_ms(self, changed: list[str], fields: dict[str, Any] | None, written: Any) -> int:
        """When the change was made, on this device's wall clock: a record's fields are
        stamped when saved, moving to the trash by its own time; a purge, a restore or an
        attachment is dated by this round. A revision made rounds later (a computer offline
        for weeks) keeps the moment of the edit, never a later one than it really was."""
        now = self.wall()
        moments: list[datetime] = []
        timed = {merge.TRASH, ATTACHMENTS}
        if fields is None or any(n in timed for n in changed):
            trashed = (fields or {}).get(merge.TRASH)
            if fields is None or trashed is None or ATTACHMENTS in changed:
                return now
            moments.append(datetime.fromisoformat(str(trashed)))
        if written is not None and any(n not in timed for n in changed):
            moments.append(written)
        if not moments:
            return now
        aware = [m if m.tzinfo else m.replace(tzinfo=UTC) for m in moments]
        age_ms = int((datetime.now(UTC) - max(aware)).total_seconds() * 1000)
        return now - max(age_ms, 0)

    def _flush_one(self, conn: Any, uid: str) -> bool:
        live = _live(self.db, conn, uid)
        stored = ss.synced(conn, uid)
        fields = live[1] if live else None
        digest = fields_hash(fields)
        if stored is not None and stored.hash == digest:
            return False
        if stored is None and live is None:
            return False
        kind = live[0] if live else stored.kind if stored else ""
        old = State.unpack(stored.state) if stored is not None else None
        before = (old.fields or {}) if old is not None else {}
        now = fields or {}
        changed = [n for n in sorted(set(before) | set(now)) if before.get(n) != now.get(n)]
        rev = self._tick(conn, self._edited_ms(changed, fields, live[2] if live else None))
        if stored is None or old is None:
            assert fields is not None
            st = State(rev, fields, {name: rev for name in fields})
        else:
            clocks = dict(old.clocks)
            for name in changed:
                clocks[name] = rev
            if fields is None:
                clocks = {name: rev for name in clocks}
            if stored.sent or clock.device_of(old.rev) != self.me:
                # (another device's revision sent again here is not ours to replace)
                parent, ancestors = old.rev, [old.rev, *old.ancestors][:ANCESTORS]
                base = {n: before.get(n) for n in changed}
            else:  # the last revision never left: this one replaces it
                parent, ancestors, base = old.parent, old.ancestors, dict(old.base)
                for n in changed:
                    base.setdefault(n, before.get(n))
            st = State(rev, fields, clocks, ancestors, parent, base)
        ss.put_synced(conn, ss.Synced(uid, kind, rev, digest, False, st.pack()))
        return True

    # -- sending
    def flush_all(self) -> None:
        """Every local change as a revision, a few hundred records per transaction."""

        total = self._read(ss.counts)[0] if self.progress else 0
        done = 0

        def some(conn: Any) -> int:
            todo = ss.dirty(conn, FLUSH)
            self.flush_local(conn, todo)
            return len(todo)

        while True:
            n = self._txn(some)
            done += n
            if total and self.progress:
                self.progress(PREPARE, min(done, total), total)
            if n < FLUSH:
                return

    def send(self, *, announce: bool = False) -> None:
        """Write this device's unsent revisions into its folder, a file per batch."""
        self.flush_all()
        total = self._read(ss.counts)[1] if self.progress else 0
        while True:
            batch = self._txn(self._take_unsent)
            if not batch and not announce:
                return
            announce = False
            blobs = self._put_blobs(batch)
            seq = self._next_seq()
            doc = {
                "v": FORMAT_VERSION,
                "type": "changes",
                "device": self._announcement(),
                "seq": seq,
                "revs": [st.wire(s.uid, s.kind) for s, st in batch],
                "blobs": blobs,
            }
            self._write(self.folder / self.me / f"{seq}.age", doc)

            def done(
                conn: Any,
                seq: int = seq,
                batch: list[tuple[ss.Synced, State]] = batch,
                blobs: dict[str, str] = blobs,
            ) -> None:
                ss.mark_sent(conn, [(s.uid, s.rev) for s, _ in batch])
                ss.update_config(conn, next_seq=seq + 1)
                for sha, name in blobs.items():
                    ss.put_blob_name(conn, sha, name)

            self._txn(done)
            self.tally.sent += len(batch)
            if total and self.progress:
                self.progress(SEND, min(self.tally.sent, total), total)
            if len(batch) < BATCH:
                return

    def _take_unsent(self, conn: Any) -> list[tuple[ss.Synced, State]]:
        return [(s, State.unpack(s.state)) for s in ss.unsent(conn, BATCH)]

    def maybe_snapshot(self, *, force: bool = False) -> bool:
        """Write a snapshot of every record when enough change files of ours piled up (or
        ``force``), then remove our change files and snapshots before it."""
        changes, snaps = fs.device_files(self.folder, self.me)
        last = max(snaps, default=0)
        since = [s for s in changes if s > last]
        # snapshot_seq below 0: this device's files in the folder are of an older format
        # (set by schema v19 on a vault that synced before): a signed snapshot replaces them,
        # so the others read past them (docs/sync-format.md, "Upgrading from format 1")
        upgraded = self.cfg is not None and self.cfg.snapshot_seq < 0
        upgraded = upgraded or self._oldest_unsigned(changes, snaps)
        if not (force or self.rekeyed or upgraded) and not self._worth_a_snapshot(
            since, snaps.get(last)
        ):
            return False
        self.flush_all()
        if self._read(ss.has_unsent):
            self.send()
            changes, snaps = fs.device_files(self.folder, self.me)
        seq = self._next_seq()
        n = 0
        records = self._read(ss.counts)[2]
        written = 0
        page = self._page("")
        while True:  # a part at a time: what is held does not grow with the journal
            following = self._page(page[-1].uid) if page else []
            doc: dict[str, Any] = {
                "v": FORMAT_VERSION,
                "type": "snapshot",
                "device": self._announcement(),
                "seq": seq,
                "part": n,
                "last": not following,
                "records": records,  # (a reader new to the journal shows its progress)
                "revs": [State.unpack(s.state).wire(s.uid, s.kind) for s in page],
                "blobs": self._blob_names(page),
            }
            self._write(self.folder / self.me / f"{seq}.{n}.age", doc)
            written += len(page)
            if self.progress and records:
                self.progress(SNAPSHOT, min(written, records), records)
            if not following:
                break
            page, n = following, n + 1
        self._txn(lambda conn: ss.update_config(conn, next_seq=seq + 1, snapshot_seq=seq))
        for old, name in changes.items():
            if old < seq:
                fsutil.remove_quietly(self.folder / self.me / name)
        for old, names in snaps.items():
            if old < seq:
                for name in names:
                    fsutil.remove_quietly(self.folder / self.me / name)
        return True

    def _oldest_unsigned(self, changes: dict[int, str], snaps: dict[int, list[str]]) -> bool:
        """Whether this device's oldest file in the folder is not signed by it: written
        before format 2 (a vault updated without schema v19's mark). Read once a process
        for each oldest file (a snapshot written here is signed: it is the oldest after)."""
        seqs = [*changes, *snaps]
        if not seqs or self.cfg is None:
            return False
        oldest = min(seqs)
        seen = (str(self.folder), self.me, oldest)
        if seen in _SIGNED_OLDEST:
            return False
        name = changes.get(oldest) or f"{oldest}.0.age"
        data = fs.read_file(self.folder / self.me / name, MAX_FILE)
        payload = fs.open_document(data, self.identities, limit=MAX_DOC) if data else None
        if payload is None:
            return False  # gone meanwhile, or not ours to read: nothing to tell by it
        if fs.signature_ok(payload, fs.verify_key_of(self.cfg.identity)):
            _SIGNED_OLDEST.add(seen)
            return False
        return True

    def _blob_names(self, page: list[ss.Synced]) -> dict[str, str]:
        """The attachments' file names the page's records need (a reader new to them has none)."""
        out: dict[str, str] = {}
        with self.db.read() as conn:
            for s in page:
                for att in (State.unpack(s.state).fields or {}).get(ATTACHMENTS) or []:
                    sha = str(att.get("sha256")) if isinstance(att, dict) else ""
                    name = ss.blob_name(conn, sha) if sha and sha not in out else None
                    if name is not None:
                        out[sha] = name
        return out

    def _worth_a_snapshot(self, since: list[int], last: list[str] | None) -> bool:
        """Enough change files since the last snapshot (which rewrote the whole journal) for
        another: SNAPSHOT_EVERY of them holding at least half its size, or 16 times as many."""
        if len(since) < SNAPSHOT_EVERY:
            return False
        if not last or len(since) >= 16 * SNAPSHOT_EVERY:
            return True
        mine = self.folder / self.me

        def size(name: str) -> int:
            try:
                return (mine / name).stat().st_size
            except OSError:
                return 0

        written = sum(size(f"{s}.age") for s in since)
        return 2 * written >= sum(size(name) for name in last)

    def _page(self, after: str) -> list[ss.Synced]:
        with self.db.read() as conn:
            return ss.synced_uids_page(conn, after, BATCH)

    def sweep_temps(self) -> None:
        """Our own writes a crash left unfinished (a day old: never one still being written)."""
        import time

        for path in fs.stale_temps(self.folder / self.me, 86_400, time.time()):
            fsutil.remove_quietly(path)

    def _announcement(self) -> dict[str, Any]:
        cfg = self.cfg
        assert cfg is not None
        return {
            "id": self.me,
            "name": cfg.device_name,
            "recipient": fs.recipient_of(cfg.identity),
            "verify": fs.verify_key_of(cfg.identity),
        }

    def _next_seq(self) -> int:
        cfg = self._read(ss.config)
        assert cfg is not None
        changes, snaps = fs.device_files(self.folder, self.me)
        # A file numbered from our next one on that we did not write (not signed by us:
        # someone else placed it in our folder) goes: the others stop at it, never read it,
        # and read ours under its number once it is gone.
        ahead = [(s, n) for s, n in changes.items() if s >= cfg.next_seq]
        ahead += [(s, n) for s, names in snaps.items() if s >= cfg.next_seq for n in names]
        if ahead:
            for _seq, name in ahead:
                if not self._is_mine(self.folder / self.me / name):
                    fsutil.remove_quietly(self.folder / self.me / name)
            changes, snaps = fs.device_files(self.folder, self.me)
        top = max([*changes, *snaps, 0])
        return max(cfg.next_seq, top + 1)

    def _is_mine(self, path: Path) -> bool:
        cfg = self.cfg
        assert cfg is not None
        data = fs.read_file(path, MAX_FILE)
        payload = fs.open_document(data, self.identities, limit=MAX_DOC) if data else None
        if payload is None or not fs.signature_ok(payload, fs.verify_key_of(cfg.identity)):
            return False
        m = fs.CHANGE_FILE.match(path.name) or fs.SNAPSHOT_FILE.match(path.name)
        doc = json.loads(payload)  # signed by us: our own JSON
        return m is not None and doc.get("seq") == int(m.group(1))

    def _write(self, path: Path, doc: dict[str, Any]) -> None:
        cfg = self.cfg
        assert cfg is not None
        data = fs.seal_document(fs.signed_payload(doc, cfg.identity), [self.recipient])
        try:
            fs.write_once(path, data)
        except FileNotFoundError:
            raise SyncFolderMissing() from None
        except OSError as exc:
            raise SyncFolderUnwritable() from exc

    def _put_blobs(self, batch: list[tuple[ss.Synced, State]]) -> dict[str, str]:
        """Every attachment the batch names, in the folder before the batch is (once)."""
        out: dict[str, str] = {}
        for s, st in batch:
            for att in (st.fields or {}).get(ATTACHMENTS) or []:
                sha = str(att["sha256"])
                if sha in out:
                    continue
                with self.db.read() as conn:
                    known = ss.blob_name(conn, sha)
                name = known or fs.blob_file_name(sha, self.name_key)
                path = self.folder / fs.BLOBS / name
                if not path.exists():
                    data = self._blob_bytes(s.uid, str(att["uid"]))
                    if data is None:
                        continue  # removed meanwhile: the next revision says so
                    try:
                        fs.write_once(path, fs.seal_blob(data, [self.recipient]))
                    except OSError as exc:
                        raise SyncFolderUnwritable() from exc
                out[sha] = name
        return out

    def _blob_bytes(self, uid: str, attachment_uid: str) -> bytes | None:
        att_id = self._read(lambda conn: ss.attachment_id_of(conn, attachment_uid))
        if att_id is None:
            return None
        return bytes(AttachmentRepo(self.db).read_bytes(att_id))

    # -- receiving
    def pick_up_keys(self) -> None:
        """New sync keys another device made when it removed one (wrapped to this device's
        own key). One this device cannot open means it was the one removed."""
        from kintsugi.core.errors import DeviceRemoved

        cfg = self.cfg
        assert cfg is not None
        known = {epoch for epoch, _, _ in self._keys}
        held = {epoch: identity for epoch, identity, _ in self._keys}
        files = fs.names(self.folder, fs.KEYS, fs.KEY_FILE)
        per_epoch: dict[int, int] = {}
        for name in files:
            per_epoch[int(name.split("-")[0])] = per_epoch.get(int(name.split("-")[0]), 0) + 1
        for name in sorted(files, key=lambda n: int(n.split("-")[0])):
            m = fs.KEY_FILE.match(name)
            assert m is not None
            if int(m.group(1)) in known:
                if per_epoch[int(m.group(1))] > 1:
                    self._check_fork(name, int(m.group(1)), m.group(2), held)
                continue
            data = fs.read_file(self.folder / fs.KEYS / name, 1 << 20)
            payload = fs.open_document(data, [cfg.identity], limit=1 << 20) if data else None
            if payload is None:
                if data is not None and int(m.group(1)) > max(known) and self._is_whole(data):
                    raise DeviceRemoved()
                continue
            previous = held.get(int(m.group(1)) - 1)
            if previous is None:
                continue  # the key before it is not here yet: it waits
            doc = self._key_doc(payload, int(m.group(1)), m.group(2), previous)
            if doc is None:
                continue
            epoch = int(doc["epoch"])
            removed = str(doc.get("removed") or "")
            marks, pins = _marks_of(doc.get("devices"))

            def job(
                conn: Any,
                doc: dict[str, Any] = doc,
                epoch: int = epoch,
                removed: str = removed,
                marks: dict[str, int] = marks,
                pins: dict[str, str] = pins,
            ) -> None:
                ss.add_key(conn, epoch, str(doc["identity"]), str(doc["name_key"]))
                for dev, key in pins.items():
                    ss.pin_verify_key(conn, dev, key)
                if epoch == max(known | {epoch}):
                    ss.set_old_key_marks(conn, marks)
                if removed and removed != self.me:
                    accept = doc.get("accept_to")
                    ss.mark_removed(conn, removed, accept if isinstance(accept, int) else None)
                    ss.republish_from(conn, removed)

            self._txn(job)
            known.add(epoch)
            held[epoch] = str(doc["identity"])
            self.rekeyed = True
        self._keys = self._read(ss.keys)
        if self._read(ss.newest_key_withdrawn):
            from kintsugi.core.errors import SyncKeysWithdrawn

            raise SyncKeysWithdrawn()

    def _check_fork(self, name: str, epoch: int, by: str, held: dict[int, str]) -> None:
        """Another key file of an epoch this device has a key of (the sync tool may deliver
        them in any order, and a device removed at this epoch still holds the key before
        it, so it can make one). If it is whole and proved (``key_proof``) and removes a
        device not removed here yet, the key this device took of that epoch (and any later)
        was given to that device too: the device is marked removed and those keys are
        withdrawn (read with, never written under). Same order-free outcome whichever file
        came first."""
        cfg = self.cfg
        assert cfg is not None
        previous = held.get(epoch - 1)
        if by == self.me or previous is None:
            return
        data = fs.read_file(self.folder / fs.KEYS / name, 1 << 20)
        payload = fs.open_document(data, [cfg.identity], limit=1 << 20) if data else None
        if payload is None:
            return  # not for this device: not a key it could use anyway
        try:
            doc = json.loads(payload)
        except ValueError:
            return
        maker = {d.device_id: d for d in self._read(ss.devices)}.get(by)
        if (
            not isinstance(doc, dict)
            or maker is None
            or maker.verify_key is None
            or doc.get("by") != by
            or doc.get("epoch") != epoch
            or doc.get("type") != "key"
            or doc.get("identity") == held.get(epoch)
            or not isinstance(doc.get("proof"), str)
            or not hmac.compare_digest(str(doc["proof"]), key_proof(doc, previous))
            or not fs.signature_ok(payload, maker.verify_key)
        ):
            return
        removed = str(doc.get("removed") or "")
        target = {d.device_id: d for d in self._read(ss.devices)}.get(removed)
        if not removed or removed == self.me or (target is not None and target.removed):
            return  # the same removal (or none): the key taken stays good
        accept = doc.get("accept_to")

        def job(conn: Any) -> None:
            ss.mark_removed(conn, removed, accept if isinstance(accept, int) else None)
            ss.republish_from(conn, removed)
            ss.withdraw_keys_from(conn, epoch)

        self._txn(job)

    def _key_doc(self, payload: bytes, epoch: int, by: str, previous: str) -> dict[str, Any] | None:
        """A new key's document, if it is whole, of this format, signed by the device its
        name says made it (one this device knows and that was not removed) and carrying the
        proof that its maker held the key before it (``previous``, the age identity of epoch
        - 1; ``key_proof``). One this device cannot check yet (it has not read that device's
        key) waits; a forged one is refused."""
        try:
            doc = json.loads(payload)
        except ValueError:
            return None
        if not isinstance(doc, dict) or not isinstance(doc.get("v"), int):
            return None
        if doc["v"] > FORMAT_VERSION:
            from kintsugi.core.errors import SyncFormatTooNew

            self.tally.problems.append(SyncFormatTooNew.default_message)
            return None
        maker = {d.device_id: d for d in self._read(ss.devices)}.get(by)
        if by == self.me or maker is None or maker.verify_key is None:
            return None  # not ours to take, or its maker's key not known here yet
        if (
            maker.removed
            or doc.get("by") != by
            or doc.get("epoch") != epoch
            or doc.get("type") != "key"
            or not isinstance(doc.get("identity"), str)
            or not isinstance(doc.get("name_key"), str)
            or not isinstance(doc.get("proof"), str)
            or not hmac.compare_digest(str(doc["proof"]), key_proof(doc, previous))
            or not fs.signature_ok(payload, maker.verify_key)
        ):
            self._refuse()
            return None
        return doc

    def _refuse(self, exc: Refused | None = None) -> None:
        from kintsugi.core.errors import SyncFileRefused, SyncPeerTooOld

        self.tally.refused_files += 1
        if exc is not None and exc.quiet:
            return
        older = exc is not None and exc.older
        said = (SyncPeerTooOld if older else SyncFileRefused).default_message
        if said not in self.tally.problems:
            self.tally.problems.append(said)

    @staticmethod
    def _is_whole(data: bytes) -> bool:
        """An age file to other keys (not one cut short): its header parses and it is not
        for us. Told apart by age's own error."""
        import pyrage
        from pyrage import x25519

        try:
            pyrage.decrypt(data, [x25519.Identity.generate()])
        except pyrage.DecryptError as exc:
            return "no matching keys" in str(exc).lower()
        return False

    def receive(self) -> None:
        try:
            others = [d for d in fs.device_dirs(self.folder) if d != self.me]
        except FileNotFoundError:
            raise SyncFolderMissing() from None
        self._devices = {d.device_id: d for d in self._read(ss.devices)}
        for dev in sorted(others):
            self._receive_from(dev, self._devices.get(dev))

    def _receive_from(self, dev: str, info: ss.Device | None) -> None:
        if info is not None and info.removed:
            # nothing more of a removed device (the others sent on what it wrote); a file it
            # wrote after its removal is said to be refused
            changes, snaps = fs.device_files(self.folder, dev)
            if max([*changes, *snaps, 0]) > (info.accept_to or 0):
                self._refuse()
            return
        read_seq = info.read_seq if info else 0
        changes, snaps = fs.device_files(self.folder, dev)
        expected = read_seq + 1
        if expected not in changes and expected not in snaps:
            # what came next is compacted away (or not here yet): the newest whole snapshot
            got = self._from_snapshot(dev, read_seq, snaps)
            if got is None:
                return
            expected = got + 1
        while True:
            if expected in snaps:
                expected += 1  # a snapshot of what this device read already
            elif expected in changes:
                try:
                    if not self._apply_change_file(dev, expected, changes[expected]):
                        return  # cut short, or waiting for an attachment: next round
                except Refused as exc:
                    self._refuse(exc)
                    # never read; what the device wrote after it comes in its next snapshot
                    got = self._from_snapshot(dev, expected, snaps)
                    if got is None:
                        return
                    expected = got
                expected += 1
            else:
                return  # the next file is not here yet

    def _from_snapshot(self, dev: str, after: int, snaps: dict[int, list[str]]) -> int | None:
        """The newest whole snapshot of ``dev`` numbered after ``after`` that can be read,
        applied; its number, or None."""
        for seq in sorted((s for s in snaps if s > after), reverse=True):
            try:
                if self._apply_snapshot(dev, seq, snaps[seq]):
                    return seq
            except Refused as exc:
                self._refuse(exc)
        return None

    def _load(
        self, dev: str, seq: int, path: Path, data: bytes | None = None
    ) -> dict[str, Any] | None:
        """The document in a file of ``dev`` numbered ``seq``; None when it cannot be read
        yet (cut short, not for our keys, damaged, a newer format). Raises ``Refused`` for
        one that is not that device's own (see ``_check``)."""
        if data is None:
            data = fs.read_file(path, MAX_FILE)
        if data is None:
            return None
        opened = self._open_with_key(data)
        if opened is None:
            self.tally.skipped_files += 1
            return None
        epoch, payload = opened
        try:
            doc = json.loads(payload)
        except ValueError:
            self.tally.skipped_files += 1
            return None
        if not isinstance(doc, dict):
            self.tally.skipped_files += 1
            return None
        version = doc.get("v")
        if isinstance(version, int) and version > FORMAT_VERSION:
            from kintsugi.core.errors import SyncFormatTooNew

            self.tally.problems.append(SyncFormatTooNew.default_message)
            return None
        self._check(dev, seq, epoch, payload, doc)
        return doc

    def _open_with_key(self, data: bytes) -> tuple[int, bytes] | None:
        """(the epoch of the key that opens it, its payload); the newest key first (nearly
        every file)."""
        for epoch, identity, _ in self._keys:
            payload = fs.open_document(data, [identity], limit=MAX_DOC)
            if payload is not None:
                return epoch, payload
        return None

    def _check(self, dev: str, seq: int, epoch: int, payload: bytes, doc: dict[str, Any]) -> None:
        """Refuse a file that is not ``dev``'s own file number ``seq``: it must be signed by
        the device's key (the one this device learned first: from an invitation, a new
        key's list, or its first file under the newest sync key), from a device not removed,
        and — under a sync key older than the newest — numbered at most its mark (what the
        key's maker had read of it: a removed device still holds the old key)."""
        info = self._devices.get(dev)
        announced = doc.get("device")
        version = doc.get("v")
        if (
            isinstance(version, int)
            and not isinstance(version, bool)
            and 1 <= version < FORMAT_VERSION
            and info is not None
            and not info.removed
            and isinstance(announced, dict)
            and announced.get("id") == dev
        ):
            # an older Kintsugi on a device we sync with (its files unsigned): never read,
            # said calmly; what it holds comes in the signed snapshot it writes once updated
            raise Refused(older=True)
        if (
            version != FORMAT_VERSION
            or doc.get("seq") != seq
            or not isinstance(announced, dict)
            or announced.get("id") != dev
            or (info is not None and info.removed)
        ):
            raise Refused()
        newest = epoch == self._keys[0][0]
        key = (info.verify_key if info else None) or self._pins.get(dev)
        if key is None:
            key = announced.get("verify") if newest else None
            if not isinstance(key, str) or not fs.signature_ok(payload, key):
                raise Refused()
            self._pins[dev] = key
        elif not fs.signature_ok(payload, key):
            raise Refused()
        if not newest:
            mark = info.old_key_to if info else None
            if mark is None or seq > mark:
                raise Refused(quiet=info is not None and info.verify_key == key)

    def _apply_change_file(self, dev: str, seq: int, name: str) -> bool:
        doc = self._load(dev, seq, self.folder / dev / name)
        if doc is None:
            return False
        return self._apply_doc(dev, seq, doc)

    def _apply_snapshot(self, dev: str, seq: int, parts: list[str]) -> bool:
        """A whole snapshot (parts 0 … n, the last one marked) or nothing of it."""
        numbered = sorted(int(n.split(".")[1]) for n in parts)
        if not numbered or numbered != list(range(len(numbered))):
            return False  # a part still syncing
        # First every part whole (each one opens; the last says it is the last), holding only
        # the sealed bytes: a journal's worth of parsed records is never in memory at once.
        sealed = []
        for k in numbered:
            data = fs.read_file(self.folder / dev / f"{seq}.{k}.age", MAX_FILE)
            if data is None or fs.open_document(data, self.identities, limit=MAX_DOC) is None:
                if data is not None:
                    self.tally.skipped_files += 1
                return False
            sealed.append(data)
        last = self._load(dev, seq, self.folder / dev / f"{seq}.{numbered[-1]}.age", sealed[-1])
        if last is None or last.get("last") is not True:
            return False
        records = last.get("records")
        if isinstance(records, int) and not isinstance(records, bool):
            self.expect = max(self.expect, self._revs_read + records)
        for k, data in zip(numbered, sealed, strict=True):
            doc = last if k == numbered[-1] else self._load(dev, seq, self.folder / dev, data)
            if doc is None or doc.get("part") != k:
                return False
            if not self._apply_doc(dev, seq if k == numbered[-1] else None, doc):
                return False
        return True

    def _apply_doc(self, dev: str, seq: int | None, doc: dict[str, Any]) -> bool:
        revs = doc.get("revs")
        blobs = doc.get("blobs") or {}
        if not isinstance(revs, list) or not isinstance(blobs, dict):
            self.tally.skipped_files += 1
            return False
        announced = doc.get("device")
        try:
            fetched = self._fetch_blobs(revs, blobs)
        except NotYet:
            return False

        def job(conn: Any) -> None:
            if isinstance(announced, dict) and announced.get("id") == dev:
                ss.note_device(
                    conn, dev, str(announced.get("name") or ""), str(announced.get("recipient"))
                )
            if dev in self._pins:
                ss.pin_verify_key(conn, dev, self._pins[dev])
            self.flush_local(conn)
            stamps = [w.get("r") for w in revs if isinstance(w, dict)]
            newest = max((str(r) for r in stamps if clock.valid(r)), default="")
            if newest:
                self._observe(conn, str(newest))
            fresh, rest = self._split_fresh(conn, revs)
            added = self._add_fresh(conn, fresh)
            applied: list[tuple[int, str, dict[str, Any]]] = []
            for wire in rest:
                got = self.apply_revision(conn, wire, fetched)
                if got is not None:
                    applied.append(got)
            for item_id, kind, fields in added + applied:
                repository_for(self.db, kind).link_imported(item_id, fields)
            # what the vault now holds is what was synced (the links were made after the batch);
            # a record added whole is its fields as they came
            ss.clear_dirty(conn, [str(f["uid"]) for _, _, f in added])
            for _item_id, _kind, fields in applied:
                self._settle(conn, str(fields["uid"]))
            for sha, name in blobs.items():
                if isinstance(sha, str) and isinstance(name, str) and fs.BLOB_FILE.match(name):
                    ss.put_blob_name(conn, sha, name)
            if seq is not None:
                ss.device_read(conn, dev, seq, now_text())

        try:
            self._txn(job)
        except Unreadable as exc:
            self.tally.problems.append(str(exc))
            return False
        self._revs_read += len(revs)
        if self.progress and self.expect:
            self.progress(RECEIVE, min(self._revs_read, self.expect), self.expect)
        return True

    def _split_fresh(self, conn: Any, revs: list[Any]) -> tuple[list[dict[str, Any]], list[Any]]:
        """Revisions of records this vault has never had and that need nothing from the
        folder (no attachments): added in one batch per kind. The others, one by one."""
        fresh, rest = [], []
        seen: set[str] = set()
        for wire in revs:
            f = wire.get("f") if isinstance(wire, dict) else None
            if (
                isinstance(f, dict)
                and isinstance(wire.get("u"), str)
                and wire["u"] not in seen
                and f.get("uid") == wire.get("u")
                and wire.get("k") in REPOSITORIES
                and clock.valid(wire.get("r"))
                and not f.get(ATTACHMENTS)
                and ss.synced(conn, wire["u"]) is None
                and ss.item_of(conn, wire["u"]) is None
            ):
                fresh.append(wire)
                seen.add(wire["u"])
            else:
                rest.append(wire)
        return fresh, rest

    def _add_fresh(
        self, conn: Any, fresh: list[dict[str, Any]]
    ) -> list[tuple[int, str, dict[str, Any]]]:
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for wire in fresh:
            by_kind.setdefault(str(wire["k"]), []).append(wire)
        applied = []
        for kind, wires in by_kind.items():
            recs = []
            for wire in wires:
                try:
                    cls, values = validate.record_fields({**wire["f"], "kind": kind})
                except Invalid as exc:
                    raise Unreadable(
                        f"A record in the sync folder could not be read ({exc}); update "
                        "Kintsugi on this computer."
                    ) from None
                recs.append(cls(**values))
            try:
                ids = repository_for(self.db, kind).add_batch(recs)
            except InvalidRecord as exc:
                raise Unreadable(
                    f"A record in the sync folder could not be kept ({exc})."
                ) from None
            for item_id, wire in zip(ids, wires, strict=True):
                fields = wire["f"]
                if fields.get(merge.TRASH) is not None:
                    ss.set_deleted(conn, item_id, _db_time(fields[merge.TRASH]))
                st = State(
                    str(wire["r"]),
                    fields,
                    dict(wire.get("c") or {}),
                    [a for a in wire.get("a") or [] if isinstance(a, str)],
                    str(wire.get("p") or ""),
                    dict(wire.get("b") or {}),
                )
                self._store(conn, wire["u"], kind, st, sent=True)
                applied.append((item_id, kind, fields))
            self.tally.received += len(wires)
        return applied

    def _fetch_blobs(self, revs: list[Any], blobs: dict[str, Any]) -> dict[str, bytes]:
        """The attachments the revisions need that this vault lacks, read from the folder."""
        need: dict[str, str] = {}
        with self.db.read() as conn:
            for wire in revs:
                fields = wire.get("f") if isinstance(wire, dict) else None
                for att in (fields or {}).get(ATTACHMENTS) or []:
                    uid = att.get("uid") if isinstance(att, dict) else None
                    if not isinstance(uid, str) or ss.attachment_id_of(conn, uid) is not None:
                        continue
                    sha = str(att.get("sha256"))
                    name = blobs.get(sha) or ss.blob_name(conn, sha) or self._blob_in_folder(sha)
                    if not isinstance(name, str) or not fs.BLOB_FILE.match(name):
                        raise NotYet()
                    need[sha] = name
        out: dict[str, bytes] = {}
        for sha, name in need.items():
            data = fs.read_file(self.folder / fs.BLOBS / name, MAX_FILE)
            plain = fs.open_blob(data, self.identities) if data is not None else None
            if plain is None or hashlib.sha256(plain).hexdigest() != sha:
                raise NotYet()
            out[sha] = plain
        return out

    def _blob_in_folder(self, sha: str) -> str | None:
        """An attachment's file under any name key we know (none was announced with it)."""
        for _, _, name_key in self._keys:
            name = fs.blob_file_name(sha, name_key)
            if (self.folder / fs.BLOBS / name).is_file():
                return name
        return None

    def _settle(self, conn: Any, uid: str) -> None:
        """After applying: the stored hash is what the vault holds now, so that what was
        just written is not taken for a local change."""
        stored = ss.synced(conn, uid)
        if stored is None:
            return
        live = live_fields(self.db, conn, uid)
        st = State.unpack(stored.state)
        fields = live[1] if live else None
        if fields != st.fields and fields is not None and st.fields is not None:
            st.fields = fields  # the vault's own spelling of the same record
        ss.put_synced(
            conn,
            ss.Synced(uid, stored.kind, stored.rev, fields_hash(fields), stored.sent, st.pack()),
        )
        ss.clear_dirty(conn, [uid])

    # -- merging one revision
    def apply_revision(
        self, conn: Any, wire: Any, blobs: dict[str, bytes]
    ) -> tuple[int, str, dict[str, Any]] | None:
        """Apply one revision from another device. Returns (item id, kind, fields) when the
        vault's record was written."""
        if not isinstance(wire, dict):
            return None
        uid, kind, rev = wire.get("u"), wire.get("k"), wire.get("r")
        if not isinstance(uid, str) or not isinstance(kind, str) or not clock.valid(rev):
            return None
        assert isinstance(rev, str)
        if kind not in REPOSITORIES:
            raise Unreadable(
                "A record of a kind this version of Kintsugi does not know is waiting in the "
                "sync folder; update Kintsugi to receive it."
            )
        theirs = State(
            rev,
            wire.get("f") if isinstance(wire.get("f"), dict) else None,
            dict(wire.get("c") or {}),
            [a for a in wire.get("a") or [] if isinstance(a, str)],
            str(wire.get("p") or ""),
            dict(wire.get("b") or {}),
        )
        stored = ss.synced(conn, uid)
        if stored is None:
            if theirs.fields is None:
                self._store(conn, uid, kind, theirs, sent=True)
                return None
            item_id = self._write_record(conn, kind, theirs.fields, blobs)
            self._store(conn, uid, kind, theirs, sent=True)
            self.tally.received += 1
            return item_id, kind, theirs.fields
        mine = State.unpack(stored.state)
        if rev == mine.rev or rev in mine.ancestors:
            return None  # already here
        if mine.rev == theirs.parent or mine.rev in theirs.ancestors:
            return self._fast_forward(conn, uid, kind, mine, theirs, blobs)
        return self._concurrent(conn, uid, kind, mine, theirs, blobs)

    def _fast_forward(
        self,
        conn: Any,
        uid: str,
        kind: str,
        mine: State,
        theirs: State,
        blobs: dict[str, bytes],
    ) -> tuple[int, str, dict[str, Any]] | None:
        self._close_conflicts(conn, uid, theirs)
        self._store(conn, uid, kind, theirs, sent=True)
        self.tally.received += 1
        if theirs.fields is None:
            self._purge(conn, uid)
            return None
        item_id = self._write_record(conn, kind, theirs.fields, blobs)
        return item_id, kind, theirs.fields

    def _concurrent(
        self,
        conn: Any,
        uid: str,
        kind: str,
        mine: State,
        theirs: State,
        blobs: dict[str, bytes],
    ) -> tuple[int, str, dict[str, Any]] | None:
        ancestors = list(dict.fromkeys([mine.rev, theirs.rev, *mine.ancestors, *theirs.ancestors]))
        ancestors = ancestors[:ANCESTORS]
        sent = self._read_sent(conn, uid)
        if theirs.fields is None or mine.fields is None:
            # deleted for good on one side: an edit made after the delete keeps the record
            gone, kept = (theirs, mine) if theirs.fields is None else (mine, theirs)
            if not any(c > gone.rev for c in kept.clocks.values()):
                return self._adopt(conn, uid, kind, gone, ancestors, blobs)
            if kept is theirs:
                return self._adopt(conn, uid, kind, theirs, ancestors, blobs)
            # kept here against their delete: sent again, so that they bring it back
            rev = self._tick(conn)
            st = State(rev, mine.fields, mine.clocks, ancestors, mine.rev, {})
            self._store(conn, uid, kind, st, sent=False)
            return None
        base: dict[str, Any] | None = None
        if theirs.parent and (theirs.parent in mine.ancestors or theirs.parent == mine.parent):
            base = {**theirs.fields, **theirs.base}  # their parent, which we had
        elif mine.parent and mine.parent in theirs.ancestors:
            base = {**mine.fields, **mine.base}  # our parent, which they had
        texts = text_fields(kind)
        result = merge.merge(
            base,
            merge.Side(mine.rev, mine.fields, mine.clocks),
            merge.Side(theirs.rev, theirs.fields, theirs.clocks),
            lambda name: name in texts,
        )
        self.tally.merged += result.merged_texts
        for c in result.conflicts:
            ss.add_conflict(
                conn,
                ss.ConflictRow(
                    0,
                    uid,
                    kind,
                    c.field,
                    c.base,
                    c.kept,
                    c.other,
                    clock.device_of(c.kept_rev),
                    clock.device_of(c.other_rev),
                    max(mine.rev, theirs.rev),
                    now_text(),
                ),
            )
            self.tally.conflicts += 1
        # Whoever holds their version must come to ours when the merge keeps ours, whatever
        # order the revisions reach them in: unless the two are the same or ours never left,
        # ours as it was becomes a new revision after both (they fast-forward to it).
        if result.fields == mine.fields and (not sent or mine.fields == theirs.fields):
            st = State(mine.rev, mine.fields, result.clocks, ancestors, mine.parent, mine.base)
            self._store(conn, uid, kind, st, sent=sent)
            return None
        if result.fields == theirs.fields:
            st = State(theirs.rev, theirs.fields, result.clocks)
            return self._adopt(conn, uid, kind, st, ancestors, blobs)
        rev = self._tick(conn)
        before = mine.fields
        changed = [n for n in result.fields if before.get(n) != result.fields.get(n)]
        st = State(
            rev,
            result.fields,
            result.clocks,
            ancestors,
            mine.rev,
            {n: before.get(n) for n in changed},
        )
        self._store(conn, uid, kind, st, sent=False)
        if not changed:
            return None  # the vault already holds it
        self.tally.received += 1
        item_id = self._write_record(conn, kind, result.fields, blobs)
        return item_id, kind, result.fields

    def _adopt(
        self,
        conn: Any,
        uid: str,
        kind: str,
        theirs: State,
        ancestors: list[str],
        blobs: dict[str, bytes],
    ) -> tuple[int, str, dict[str, Any]] | None:
        """Take their version as it is (it already holds everything of ours)."""
        st = State(theirs.rev, theirs.fields, theirs.clocks, ancestors)
        self._store(conn, uid, kind, st, sent=True)
        self.tally.received += 1
        if st.fields is None:
            self._purge(conn, uid)
            return None
        item_id = self._write_record(conn, kind, st.fields, blobs)
        return item_id, kind, st.fields

    def _read_sent(self, conn: Any, uid: str) -> bool:
        stored = ss.synced(conn, uid)
        return bool(stored and stored.sent)

    def _store(self, conn: Any, uid: str, kind: str, st: State, *, sent: bool) -> None:
        ss.put_synced(conn, ss.Synced(uid, kind, st.rev, fields_hash(st.fields), sent, st.pack()))

    def _close_conflicts(self, conn: Any, uid: str, theirs: State) -> None:
        """A conflict's field written again after it was found (resolved on another device)
        is no longer waiting here."""
        for c in ss.conflicts_of(conn, uid):
            if theirs.clocks.get(c.field, "") > c.rev:
                ss.drop_conflict(conn, c.id)

    def _purge(self, conn: Any, uid: str) -> None:
        found = ss.item_of(conn, uid)
        if found is not None:
            ss.purge(conn, found[0])

    def _write_record(
        self, conn: Any, kind: str, fields: dict[str, Any], blobs: dict[str, bytes]
    ) -> int:
        try:
            cls, values = validate.record_fields({**fields, "kind": kind})
        except Invalid as exc:
            raise Unreadable(
                f"A record in the sync folder could not be read ({exc}); update Kintsugi on "
                "this computer."
            ) from None
        rec = cls(**values)
        repo = repository_for(self.db, kind)
        found = ss.item_of(conn, rec.uid)
        try:
            if found is not None:
                rec.id = found[0]
                repo.update(rec)
                item_id = found[0]
            else:
                item_id = repo.add(rec).id
        except InvalidRecord as exc:
            raise Unreadable(f"A record in the sync folder could not be kept ({exc}).") from None
        assert item_id is not None
        ss.set_deleted(conn, item_id, _db_time(fields.get(merge.TRASH)))
        self._write_attachments(conn, item_id, fields.get(ATTACHMENTS) or [], blobs)
        return int(item_id)

    def _write_attachments(
        self, conn: Any, item_id: int, wanted: list[Any], blobs: dict[str, bytes]
    ) -> None:
        store = AttachmentRepo(self.db)
        have = {a.uid: a for a in store.list_for(item_id)}
        keep = set()
        for position, att in enumerate(wanted):
            if not isinstance(att, dict) or not isinstance(att.get("uid"), str):
                continue
            uid = att["uid"]
            keep.add(uid)
            if uid in have:
                ss.set_attachment_position(conn, have[uid].id, position)
                continue
            elsewhere = ss.attachment_id_of(conn, uid)
            if elsewhere is not None:
                store.remove(elsewhere)  # moved to this record on another device
            data = blobs.get(str(att.get("sha256")))
            if data is None:
                raise NotYet()
            try:
                added = store.add_stream(
                    item_id,
                    io.BytesIO(data),
                    str(att.get("name") or "attachment"),
                    keep_metadata=True,
                )
            except AttachmentRefused as exc:
                raise Unreadable(f"An attachment in the sync folder was refused ({exc}).") from None
            store.restore_identity(
                added.id,
                uid,
                str(att.get("created_at") or utc_text(datetime.now(UTC))),
                bool(att.get("metadata_kept")),
            )
            ss.set_attachment_position(conn, added.id, position)
        for uid, att in have.items():
            if uid not in keep:
                store.remove(att.id)


def _marks_of(listed: Any) -> tuple[dict[str, int], dict[str, str]]:
    """A new key's (or an invitation's) list of devices: each one's mark (the last number of
    its files under an older key still read) and its signing key."""
    marks: dict[str, int] = {}
    pins: dict[str, str] = {}
    if not isinstance(listed, dict):
        return marks, pins
    for dev, entry in listed.items():
        if not isinstance(dev, str) or not fs.DEVICE_DIR.match(dev) or not isinstance(entry, dict):
            continue
        to, verify = entry.get("to"), entry.get("verify")
        if isinstance(to, int) and not isinstance(to, bool):
            marks[dev] = to
        if isinstance(verify, str) and len(verify) == 64:
            pins[dev] = verify
    return marks, pins


def key_proof(doc: dict[str, Any], previous_identity: str) -> str:
    """What a new key's document carries to show its maker held the key before it: an
    HMAC of the document's other fields under a key derived from the previous epoch's age
    identity. A device removed at epoch N holds keys up to N - 1 only, so it cannot make a
    key of epoch N + 1 (or later) that the others take (docs/sync-format.md)."""
    body = {k: v for k, v in doc.items() if k not in ("proof", "sig")}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    mac_key = hashlib.sha256(b"kintsugi sync key proof\0" + previous_identity.encode()).digest()
    return hmac.new(mac_key, text.encode(), hashlib.sha256).hexdigest()


def default_device_name() -> str:
    try:
        return socket.gethostname()[:80] or "This computer"
    except OSError:
        return "This computer"


def folder_path(path: Path) -> Path:
    return Path(os.path.abspath(Path(path).expanduser()))

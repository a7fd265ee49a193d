"""The command-line front on the same core.

Exit codes: 0 ok; 1 usage; 2 wrong passphrase or not a vault (or a vault from
a newer version; for ``import``: a file that is not importable or fails a check);
3 corrupted (for ``import``: a damaged bundle); 4 other I/O (missing, read-only,
disk full, in use).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from kintsugi import __version__
from kintsugi.core import passphrases, paths, terminal
from kintsugi.core.errors import KintsugiError, SyncNotSetUp, VaultExists
from kintsugi.core.records import KINDS, Entry, Record
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.items import Items
from kintsugi.core.search import Search, SearchFilters
from kintsugi.core.serialize import hit_to_dict, record_to_dict, summary_to_dict
from kintsugi.core.vault import Vault

EXIT_USAGE = 1


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors exit 1, not argparse's 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


# --- secrets ------------------------------------------------------------------
def _read_line_from_fd(fd: int) -> str:
    """One line from ``fd`` without reading past it (the same fd may carry two secrets)."""
    data = bytearray()
    try:
        while True:
            ch = os.read(fd, 1)
            if not ch or ch == b"\n":
                break
            data += ch
    except OSError as exc:
        raise UsageError(f"could not read a passphrase from file descriptor {fd}: {exc}") from None
    return data.decode("utf-8").removesuffix("\r")


def _ask(prompt: str) -> str:
    try:
        with open("/dev/tty"):
            pass
    except OSError:
        if not sys.stdin.isatty():
            raise UsageError("no terminal to ask for the passphrase: use --passphrase-fd") from None
    return getpass.getpass(prompt)


def read_secret(fd: int | None, prompt: str) -> str:
    return _read_line_from_fd(fd) if fd is not None else _ask(prompt)


def read_new_passphrase(fd: int | None) -> str:
    if fd is not None:
        new = _read_line_from_fd(fd)
    else:
        new = _ask("New passphrase: ")
        if _ask("Repeat the new passphrase: ") != new:
            raise UsageError("the two passphrases differ; nothing was changed")
    if passphrases.problem(new):
        raise UsageError(f"{passphrases.problem(new)}; nothing was changed")
    _warn_if_weak(new)
    return new


def _warn_if_weak(passphrase: str) -> None:
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:100])
    if result["score"] < 3:
        advice = result["feedback"].get("warning") or "a few more uncommon words would help"
        print(f"kintsugi: note: this passphrase is easy to guess ({advice}).", file=sys.stderr)


def _unlock(args: argparse.Namespace) -> Vault:
    path = paths.resolve_vault_path(args.vault)
    from kintsugi.core.syncfolder import refuse_conflicted_copy
    from kintsugi.core.vault import read_salt

    refuse_conflicted_copy(path)  # a sync tool's conflicted copy is explained, not opened
    read_salt(path)  # a clear error before asking for a passphrase
    vault = Vault.open(path, read_secret(args.passphrase_fd, f"Passphrase for {path}: "))
    for notice in vault.notices:  # a change file set aside before opening
        print(f"kintsugi: note: {notice}", file=sys.stderr)
    return vault


# --- commands ------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    path = paths.resolve_vault_path(args.vault)
    if path.exists():
        raise VaultExists(f"A file already exists at {path}; it was left untouched.")
    fd = args.new_passphrase_fd if args.new_passphrase_fd is not None else args.passphrase_fd
    passphrase = read_new_passphrase(fd)
    with Vault.create(path, passphrase) as vault:
        print(f"Created {path}", file=sys.stderr)
        if args.recovery_key:
            _print_recovery_key(vault)
    return 0


def _print_recovery_key(vault: Vault) -> None:
    print(
        "Recovery key (keep it somewhere safe; it opens the vault without the passphrase,\n"
        "and it changes whenever the passphrase changes):",
        file=sys.stderr,
    )
    print(vault.recovery_key())


def cmd_write(args: argparse.Namespace) -> int:
    with _unlock(args) as vault:
        body = sys.stdin.read()
        entry = Entry(
            title=args.title or "",
            body=body,
            tags=args.tag or [],
            mood=args.mood,
            shared=args.share,
        )
        if args.date:
            entry.occurred_at = _parse_when(args.date)
        saved = EntryRepository(vault.db).add(entry)
        _daily_backup(vault)
    print(saved.id)
    return 0


def _daily_backup(vault: Vault) -> None:
    from kintsugi.core import backups

    try:
        backups.daily_backup(vault)
    except KintsugiError as exc:  # the entry is saved; say why there is no backup
        print(f"kintsugi: note: no backup today ({exc})", file=sys.stderr)


def _parse_when(text: str) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"not an ISO date or date-time: {text!r}") from None
    return when if when.tzinfo else when.astimezone()


def cmd_list(args: argparse.Namespace) -> int:
    with _unlock(args) as vault:
        items = Items(vault.db).timeline(kind=args.kind, limit=args.limit)
    if args.json:
        print(terminal.json_text([summary_to_dict(i) for i in items]))
    else:
        for i in items:
            mark = " [shared]" if i.shared else ""
            print(
                f"{i.id}\t{i.occurred_at:%Y-%m-%d %H:%M}\t{i.kind}\t{terminal.field(i.title)}{mark}"
            )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    filters = SearchFilters(kinds=tuple(args.kind or ()), tag=args.tag, starred=args.starred)
    with _unlock(args) as vault:
        hits = Search(vault.db).search(args.query, filters, limit=args.limit)
    if args.json:
        print(terminal.json_text([hit_to_dict(h) for h in hits]))
    else:
        for h in hits:
            snippet = " ".join(h.snippet.split())
            title, snippet = terminal.field(h.title), terminal.field(snippet)
            print(f"{h.id}\t{h.occurred_at:%Y-%m-%d}\t{h.kind}\t{title}\t{snippet}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _unlock(args) as vault:
        rec = Items(vault.db).get(args.id)
    data = record_to_dict(rec)
    if args.json:
        print(terminal.json_text(data))
        return 0
    long_text = {k: v for k, v in data.items() if isinstance(v, str) and "\n" in v}
    for key, value in data.items():
        if key not in long_text and value not in ("", [], None):
            shown = terminal.json_text(value, indent=None) if isinstance(value, list) else value
            print(f"{key}: {terminal.field(str(shown))}")
    for key, value in long_text.items():
        print(f"\n{key}:\n{value}")
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    from kintsugi.core.repo.attachments import AttachmentRepo

    with _unlock(args) as vault:
        Items(vault.db).summary(args.id)  # "no such record" before reading any file
        repo = AttachmentRepo(vault.db)
        with vault.db.transaction():  # every file, or none of them
            added = [
                repo.add_file(args.id, Path(f), keep_metadata=args.keep_metadata)
                for f in args.files
            ]
    for att in added:
        print(f"{att.id}\t{att.kind}\t{att.size}\t{terminal.field(att.name)}")
    return 0


def cmd_attachments(args: argparse.Namespace) -> int:
    from kintsugi.core.repo.attachments import AttachmentRepo, attachment_to_dict

    with _unlock(args) as vault:
        Items(vault.db).summary(args.id)
        repo = AttachmentRepo(vault.db)
        found = repo.list_for(args.id)
        written: list[Path] = []
        if args.extract:
            written = repo.extract_all(found, Path(args.extract))
    if args.json:
        rows = [attachment_to_dict(a) for a in found]
        if args.extract:
            for row, path in zip(rows, written, strict=True):
                row["extracted_to"] = str(path)
        print(terminal.json_text(rows))
    else:
        for i, att in enumerate(found):
            where = f"\t{terminal.field(str(written[i]))}" if written else ""
            print(
                f"{att.id}\t{att.kind}\t{att.mime}\t{att.size}\t{att.sha256}"
                f"\t{terminal.field(att.name)}{where}"
            )
    if written:
        print(
            f"kintsugi: note: {len(written)} file(s) written to {args.extract}; "
            "these copies are not encrypted.",
            file=sys.stderr,
        )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with _unlock(args) as vault:
        problems = vault.check()
    if problems:
        for p in problems[:20]:
            print(f"kintsugi: {p}", file=sys.stderr)
        print("kintsugi: the vault is damaged; restore it from a backup.", file=sys.stderr)
        return 3
    print("The vault is sound.")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    path = paths.resolve_vault_path(args.vault)
    from kintsugi.core.syncfolder import refuse_conflicted_copy
    from kintsugi.core.vault import read_salt

    refuse_conflicted_copy(path)
    read_salt(path)
    if args.use_recovery_key:
        secret = read_secret(args.passphrase_fd, "Recovery key: ")
        vault = Vault.open_with_recovery_key(path, secret)
    else:
        vault = Vault.open(path, read_secret(args.passphrase_fd, f"Passphrase for {path}: "))
    with vault:
        new = read_new_passphrase(args.new_passphrase_fd)
        if not args.use_recovery_key:
            from kintsugi.core import backups

            backups.take_backup(vault, "before-passphrase-change")
        vault.change_passphrase(new)
        print(
            "Passphrase changed. The old recovery key no longer opens the vault.", file=sys.stderr
        )
        if args.recovery_key:
            _print_recovery_key(vault)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    if out.exists() and not args.force:
        raise VaultExists(f"{out} already exists; choose another name (or --force).")
    with _unlock(args) as vault:
        vault.backup_to(out)
    print(f"Backed up to {out}", file=sys.stderr)
    return 0


def _parse_day(text: str | None):
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise UsageError(f"not an ISO date: {text!r}") from None


def cmd_export(args: argparse.Namespace) -> int:
    from kintsugi.core import share, transfer
    from kintsugi.core.repo.items import Items
    from kintsugi.core.repo.sharing import Sharing

    if args.format == "age" and not args.recipient and args.bundle_passphrase_fd is None:
        raise UsageError("an age bundle needs --recipient age1… or --bundle-passphrase-fd N")
    bundle_passphrase = None
    if args.format == "age" and not args.recipient:
        bundle_passphrase = _read_line_from_fd(args.bundle_passphrase_fd)
        if passphrases.problem(bundle_passphrase):
            raise UsageError(f"the bundle passphrase: {passphrases.problem(bundle_passphrase)}")
    out = Path(args.out).expanduser()
    with _unlock(args) as vault:
        sharing = Sharing(vault.db)
        label = _recipient_label(sharing, args)
        chosen = dict(
            shared=args.shared,
            since=_parse_day(args.since),
            until=_parse_day(args.until),
            everything=args.all,
        )
        complete = args.format == "json" and args.all and not (args.since or args.until)
        if args.format in outbound_formats():
            digest, count = _export_outbound(vault.db, args, out, label, chosen)
        elif complete:  # the complete backup: trash, settings, identity, bundles, log too
            from kintsugi.core import complete as complete_backup

            digest, count = complete_backup.write_complete_backup(vault.db, out, recipient=label)
        elif args.format == "json":  # streamed: memory does not grow with the journal
            streamed: Iterable[Record]
            if args.ids:
                items = Items(vault.db)
                streamed, total = (items.get(i) for i in args.ids), len(args.ids)
            else:
                streamed = transfer.iter_records(vault.db, **chosen)
                total = transfer.count_records(vault.db, **chosen)
            digest, count = transfer.write_json_export(
                vault.db, streamed, out, total=total, recipient=label
            )
        else:
            records = transfer.select(vault.db, ids=args.ids, **chosen)
            count = len(records)
            options = share.ShareOptions(
                earlier_wordings=args.with_earlier_wordings,
                exercise_answers=not args.without_answers,
            )
            if args.format == "pdf":
                data = _pdf_bytes(vault.db, records, sharing.display_name(), options)
            else:
                fmt = "md-days" if args.format == "md" and out.suffix == ".zip" else args.format
                data = transfer.export_bytes(
                    vault.db,
                    records,
                    fmt,
                    exporter=sharing.display_name(),
                    recipients=args.recipient,
                    bundle_passphrase=bundle_passphrase,
                    options=options,
                )
            digest = transfer.write_export(
                vault.db,
                data,
                out,
                fmt=args.format,
                recipient=label,
                item_ids=_ids(records),
            )
    if args.format in ("pdf", "md", "json", *outbound_formats()):
        print(
            f"kintsugi: note: {out} is not encrypted; keep it somewhere private.", file=sys.stderr
        )
    if complete:
        from kintsugi.core.complete import SECRET_WARNING

        print(f"kintsugi: warning: {SECRET_WARNING}", file=sys.stderr)
    print(f"Exported {count} item(s) to {out} (sha256 {digest[:16]}…)", file=sys.stderr)
    return 0


def outbound_formats() -> tuple[str, ...]:
    from kintsugi.core.outbound import FORMATS

    return FORMATS


def _export_outbound(db, args: argparse.Namespace, out: Path, label: str, chosen: dict):
    """notes (a Markdown folder), jrnl text, CSV (a zip of three tables), Day One (a zip)."""
    from kintsugi.core import outbound, transfer
    from kintsugi.core.repo.items import Items

    if args.ids:
        items = Items(db)
        records = [items.get(i) for i in args.ids]
    else:
        records = list(transfer.iter_records(db, **chosen))
    if args.format == "notes":
        pairs = ((r, transfer.full_dict(r, db)) for r in records)
        try:
            from kintsugi.core.repo.pending import PendingTemps

            digest, count = outbound.write_notes_folder(pairs, out, db=db, pending=PendingTemps(db))
        except FileExistsError as exc:
            raise UsageError(str(exc)) from None
        except OSError as exc:
            from kintsugi.core.errors import from_os_error

            raise from_os_error(exc, out, vault=False) from None
        from kintsugi.core.repo.sharing import Sharing

        Sharing(db).log(recipient=label, fmt="notes", sha256=digest, item_ids=_ids(records))
        return digest, count
    if args.format == "jrnl":
        data = outbound.jrnl_text(records).encode("utf-8")
    elif args.format == "csv":
        data = outbound.csv_zip((r, transfer.full_dict(r, db)) for r in records)
    else:
        data = outbound.dayone_zip(records, db=db)
    digest = transfer.write_export(
        db, data, out, fmt=args.format, recipient=label, item_ids=_ids(records)
    )
    return digest, len(records)


def _ids(records: Iterable[Record]) -> list[int]:
    """The ids of records read from the vault (every one has one)."""
    return [r.id for r in records if r.id is not None]


def _recipient_label(sharing, args: argparse.Namespace) -> str:
    if args.recipient:
        book = {c.recipient: c.label for c in sharing.contacts()}
        return ", ".join(book.get(r, r[:12] + "…") for r in args.recipient)
    if args.format == "age":
        return "passphrase bundle"
    return "file"


def _pdf_bytes(db, records, name: str, options) -> bytes:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from kintsugi.ui.insights.report import render_pdf

    _app = QGuiApplication.instance() or QGuiApplication(["kintsugi"])
    return render_pdf(db, records, name=name, options=options)


def cmd_import(args: argparse.Namespace) -> int:
    from kintsugi.core import importing

    path = Path(args.file).expanduser()
    importing.refuse_special(path)
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below; streamed, never read whole
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    with f:
        bundle_passphrase = (
            _read_line_from_fd(args.bundle_passphrase_fd)
            if args.bundle_passphrase_fd is not None
            else None
        )
        options = _import_options(args, f)
        progress = _ProgressLine()
        try:
            with _unlock(args) as vault:
                result = importing.import_stream(
                    vault.db,
                    f,
                    name=path.name,
                    bundle_passphrase=bundle_passphrase,
                    progress=progress,
                    options=options,
                )
                saved = False
                status = result.status
                if (
                    args.save_sender
                    and status is not None
                    and status.trust == "unknown"
                    and result.age_recipient
                ):
                    from kintsugi.core.repo.sharing import Sharing

                    Sharing(vault.db).trust_sender(
                        result.sender, result.age_recipient, result.signing_key
                    )
                    saved = True
        finally:
            progress.end()
    where = f" from {result.sender}" if result.sender else ""
    print(f"Imported {result.added} item(s){where} ({result.source}): {result.summary()}.")
    if status is not None:
        print(status.line()[0].upper() + status.line()[1:])
        if saved:
            print(f"Saved {result.sender}'s key in the address book.")
        elif status.trust == "unknown" and result.age_recipient:
            print(
                "Compare the fingerprint with the sender; to save it, import again with"
                " --save-sender"
            )
    return 0


def _import_options(args: argparse.Namespace, f):
    """An encrypted jrnl journal's password (from --jrnl-password-fd, or asked for on a
    terminal) and a jrnl config's time format and tag symbols (--jrnl-config)."""
    from kintsugi.core import importing, jrnl_format

    time_format, symbols = None, jrnl_format.DEFAULT_TAG_SYMBOLS
    if args.jrnl_config:
        try:
            time_format, symbols = jrnl_format.read_config(
                Path(args.jrnl_config).expanduser(), args.jrnl_journal
            )
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read the jrnl config {args.jrnl_config}: {exc}") from None
        except Exception as exc:  # yaml's errors
            raise UsageError(
                f"the jrnl config {args.jrnl_config} is not YAML: {str(exc).splitlines()[0]}"
            ) from None
    password = None
    if args.jrnl_password_fd is not None:
        password = _read_line_from_fd(args.jrnl_password_fd)
    else:
        head = f.read(64)
        f.seek(0)
        if jrnl_format.is_encrypted(head) and sys.stdin.isatty():
            password = getpass.getpass("Password of the jrnl journal: ")
    return importing.ImportOptions(
        jrnl_password=password, time_format=time_format, tag_symbols=symbols
    )


class _ProgressLine:
    """Import progress on stderr: a line that updates itself on a terminal; otherwise (a pipe,
    a log) one line every few seconds once an import has taken more than two."""

    def __init__(self, stream=None, clock=None):
        import time

        self.stream = stream or sys.stderr
        self.clock = clock or time.monotonic
        self.start = self.clock()
        self.last = float("-inf")
        self.tty = self.stream.isatty()
        self.shown = self.open = False

    def end(self) -> None:
        if self.open:  # a refusal or Ctrl+C after a progress line: start the next line
            print(file=self.stream, flush=True)
            self.open = False

    def __call__(self, p) -> bool:
        now = self.clock()
        finished = p.total_bytes and p.done_bytes >= p.total_bytes
        wait = 0.2 if self.tty else 5.0
        if now - self.start < 2.0 or (now - self.last < wait and not finished):
            return True
        self.last = now
        percent = 100 * p.done_bytes // max(p.total_bytes, 1)
        text = f"kintsugi: importing… {percent}% ({p.items:,} items read)"
        if self.tty:
            print(f"\r{text}", end="\n" if finished else "", file=self.stream, flush=True)
            self.open = not finished
        elif not finished or not self.shown:
            print(text, file=self.stream, flush=True)
        self.shown = True
        return True


def cmd_share_log(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from kintsugi.core.repo.sharing import Sharing

    with _unlock(args) as vault:
        log = Sharing(vault.db).history()
    if args.json:
        out = []
        for entry in log:
            data = asdict(entry)
            data.pop("item_ids")
            data["shared_at"] = entry.shared_at.isoformat()
            for item in data["items"]:
                item["present"] = bool(item["kind"])
            out.append(data)
        print(terminal.json_text(out))
        return 0
    for entry in log:
        who = terminal.field(entry.recipient)
        print(
            f"{entry.shared_at:%Y-%m-%d %H:%M}\t{entry.format}\tto {who}"
            f"\t{len(entry.items)} item(s)\tsha256 {entry.sha256}"
        )
        for item in entry.items:
            title = terminal.field(item.title)
            what = f"{item.kind}\t{title}" if item.present else "(no longer in the vault)"
            print(f"\t{item.id}\t{what}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from kintsugi.core import backups
    from kintsugi.core.vault import read_salt

    path = paths.resolve_vault_path(args.vault)
    backup = Path(args.backup).expanduser()
    read_salt(backup)
    passphrase = read_secret(args.passphrase_fd, f"Passphrase of the backup {backup.name}: ")
    kept = backups.restore(path, backup, passphrase)
    print(f"Restored {path} from {backup.name}.", file=sys.stderr)
    if kept:
        print(f"The vault as it was is kept at {kept}.", file=sys.stderr)
    return 0


def _sync_vault(args: argparse.Namespace) -> Vault:
    return _unlock(args)


def _print_json(data: object) -> None:
    import dataclasses
    import json

    def plain(value: object) -> object:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {k: plain(v) for k, v in dataclasses.asdict(value).items()}
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        if isinstance(value, Path):
            return str(value)
        return value

    print(json.dumps(plain(data), ensure_ascii=False))


def cmd_sync(args: argparse.Namespace) -> int:
    from kintsugi.core import sync

    action = getattr(args, "sync_action", None)
    if action == "setup":
        with _sync_vault(args) as vault:
            code = sync.setup(vault, Path(args.folder), args.name)
        print("Syncing through " + str(Path(args.folder).expanduser().resolve()) + ".")
        print("On the other computer, join with this pairing code (it works once):")
        print(code)
        return 0
    if action == "join":
        with _sync_vault(args) as vault:
            if args.pairing_code_fd is not None:
                code = _read_line_from_fd(args.pairing_code_fd)
            else:
                code = _ask("Pairing code: ")
            sync.join(vault, Path(args.folder), code, args.name)
            st = sync.status(vault)
        count = len(st.devices) if st else 0
        print(f"Joined; this journal now syncs with {count - 1} other computer(s).")
        return 0
    if action == "status":
        with _sync_vault(args) as vault:
            st = sync.status(vault)
        if st is None:
            raise SyncNotSetUp()
        if args.json:
            _print_json(st)
            return 0
        print(f"Folder: {st.folder}")
        print(f"Last round: {st.last_round_at or 'never'}")
        if st.last_problem:
            print(f"Problem: {st.last_problem}")
        print(f"Conflicts waiting: {st.conflicts_waiting}")
        for d in st.devices:
            what = "this computer" if d.this_device else ("removed" if d.removed else "")
            seen = d.last_seen or "never"
            print(f"{d.device_id}\t{d.name}\t{seen}" + (f"\t{what}" if what else ""))
        return 0
    if action == "remove":
        with _sync_vault(args) as vault:
            sync.remove_device(vault, args.device)
        print(f"Removed {args.device}; the others got a new sync key.")
        return 0
    with _sync_vault(args) as vault:
        summary = sync.run_round(vault)
    if getattr(args, "json", False):
        _print_json(summary)
    else:
        print(
            f"Sent {summary.sent}, received {summary.received}, merged {summary.merged}, "
            f"conflicts {summary.conflicts}, files skipped for now {summary.skipped_files}."
        )
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    if args.self_check:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from kintsugi.ui.app import self_check

        return self_check()
    from kintsugi.ui.app import run

    return run(paths.resolve_vault_path(args.vault))


# --- parser ------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--vault",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the vault file (default: $KINTSUGI_VAULT or the data folder)",
    )
    common.add_argument(
        "--passphrase-fd",
        type=int,
        metavar="N",
        default=argparse.SUPPRESS,
        help="read the passphrase from file descriptor N",
    )

    parser = _Parser(
        prog="kintsugi",
        parents=[common],
        description="A private, encrypted journal for rebuilding trust.",
    )
    parser.add_argument("--version", action="version", version=f"kintsugi {__version__}")
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="start the app on a temporary vault, write, read, lock, exit 0",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name: str, func, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    p = add("init", cmd_init, "create a vault")
    p.add_argument("--recovery-key", action="store_true", help="print a recovery key")
    p.add_argument("--new-passphrase-fd", type=int, metavar="N")

    p = add("write", cmd_write, "write a journal entry (body from stdin); prints its id")
    p.add_argument("--title", metavar="T")
    p.add_argument("--date", metavar="ISO")
    p.add_argument("--tag", action="append", metavar="T")
    p.add_argument("--mood", type=int, choices=range(-3, 4), metavar="N")
    p.add_argument("--share", action="store_true", help="mark for sharing")

    p = add("list", cmd_list, "list the newest records")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--json", action="store_true")

    p = add("search", cmd_search, "full-text search over every record")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--kind", choices=KINDS, action="append")
    p.add_argument("--tag", metavar="T")
    p.add_argument("--starred", action="store_true", help="starred entries only")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--json", action="store_true")

    p = add("show", cmd_show, "show one record")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")

    add("check", cmd_check, "check the vault's integrity (exit 0 when sound)")

    p = add("attach", cmd_attach, "attach files (photos, PDFs, sound) to a record")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--keep-metadata",
        action="store_true",
        help="keep pictures' camera metadata (EXIF, GPS); taken out by default",
    )

    p = add("attachments", cmd_attachments, "list a record's attachments, or extract them")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--extract", metavar="DIR", help="write unencrypted copies into DIR (made if missing)"
    )

    p = add("passwd", cmd_passwd, "change the passphrase")
    p.add_argument("--new-passphrase-fd", type=int, metavar="N")
    p.add_argument(
        "--use-recovery-key",
        action="store_true",
        help="unlock with the recovery key instead of the passphrase",
    )
    p.add_argument("--recovery-key", action="store_true", help="print the new recovery key")

    p = add("export", cmd_export, "export items (age bundle, PDF report, Markdown, JSON)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--ids", type=int, nargs="+", metavar="ID")
    which.add_argument("--shared", action="store_true", help="the items marked for sharing")
    which.add_argument("--all", action="store_true", help="everything (with private notes)")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument(
        "--format",
        required=True,
        choices=("age", "pdf", "md", "json", "notes", "jrnl", "csv", "dayone"),
        help="notes: a Markdown folder for Obsidian/Joplin; jrnl: jrnl's text; csv: a zip "
        "of triggers, grounding and check-ins; dayone: a zip in Day One's import layout",
    )
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--recipient", action="append", metavar="age1...")
    p.add_argument("--bundle-passphrase-fd", type=int, metavar="N")
    p.add_argument(
        "--with-earlier-wordings",
        action="store_true",
        help="include a boundary's earlier wordings (age, pdf, md)",
    )
    p.add_argument(
        "--without-answers",
        action="store_true",
        help="leave out what was written in an exercise's steps (age, pdf, md)",
    )

    p = add(
        "import",
        cmd_import,
        "import a share bundle, a Kintsugi JSON export, jrnl, Day One, Mini Diary or Mini Diarium",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--bundle-passphrase-fd", type=int, metavar="N")
    p.add_argument(
        "--jrnl-password-fd",
        type=int,
        metavar="N",
        help="read an encrypted jrnl journal's password from this file descriptor",
    )
    p.add_argument(
        "--jrnl-config",
        metavar="FILE",
        help="the journal's jrnl config (its time format and tag symbols); else detected",
    )
    p.add_argument("--jrnl-journal", metavar="NAME", help="which journal of that config")
    p.add_argument(
        "--save-sender",
        action="store_true",
        help="save a bundle's sender (not yet in the address book) with its keys: trust on "
        "first use, after comparing the fingerprint",
    )

    p = add("share-log", cmd_share_log, "what was shared: when, to whom, format, SHA-256, items")
    p.add_argument("--json", action="store_true")

    p = add("restore", cmd_restore, "replace the vault with a backup (the current one is kept)")
    p.add_argument("backup", metavar="BACKUP")

    p = add("sync", cmd_sync, "sync with another computer through a folder (one round)")
    p.add_argument("--json", action="store_true")
    actions = p.add_subparsers(dest="sync_action", metavar="ACTION", parser_class=_Parser)

    def sync_action(name: str, help_: str) -> argparse.ArgumentParser:
        q = actions.add_parser(name, parents=[common], help=help_, description=help_)
        q.set_defaults(func=cmd_sync)
        return q

    q = sync_action("setup", "start syncing this vault into DIR; prints a pairing code")
    q.add_argument("--folder", required=True, metavar="DIR")
    q.add_argument("--name", metavar="NAME", help="this computer's name (default: its host name)")
    q = sync_action("join", "a new, empty vault joins the journal synced in DIR")
    q.add_argument("--folder", required=True, metavar="DIR")
    q.add_argument("--pairing-code-fd", type=int, metavar="N")
    q.add_argument("--name", metavar="NAME", help="this computer's name (default: its host name)")
    q = sync_action("status", "devices, last round, conflicts waiting")
    q.add_argument("--json", action="store_true")
    q = sync_action("remove", "stop syncing with DEVICE (the others get a new key)")
    q.add_argument("device", metavar="DEVICE")

    p = add("backup", cmd_backup, "write an encrypted copy (same passphrase)")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    return parser


def main(argv: list[str] | None = None) -> int:
    from kintsugi.core.hardening import harden

    harden()  # no core dumps: they would hold decrypted pages and the key
    parser = build_parser()
    args = parser.parse_args(argv)
    for name in ("vault", "passphrase_fd", "self_check"):
        if not hasattr(args, name):
            setattr(args, name, None)
    func = getattr(args, "func", cmd_gui)
    # Whatever reaches the terminal (titles, names, file names, messages) cannot steer it.
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (
        terminal.EscapingStream(sys.stdout),
        terminal.EscapingStream(sys.stderr),
    )
    try:
        return _run(func, args)
    finally:
        sys.stdout, sys.stderr = streams


def _run(func, args: argparse.Namespace) -> int:
    try:
        return func(args)
    except UsageError as exc:
        print(f"kintsugi: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KintsugiError as exc:
        print(f"kintsugi: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130

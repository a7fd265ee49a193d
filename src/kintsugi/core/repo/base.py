"""What every repository shares: the ``item`` row, tags, the search index, trash.

A kind's repository is the whole of that kind, apart from its dataclass (records.py) and
its table (schema.py): it names its detail table and columns, validates, and says how a
record reads in the timeline (title, excerpt) and in search (text); what a person calls
the kind and its fields (``name``, ``labels``); how one of its items renders
(``render_title``, ``render_body``); what of it leaves in a share (``leaving``) and in the
lossless export (``export_dict``); and how an imported item gives its fields
(``import_fields``, ``check_imported``). The hooks' defaults fit a kind with nothing
special. The registry is ``kintsugi.core.repo.REPOSITORIES``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from kintsugi.core.db import Database
from kintsugi.core.errors import InvalidRecord, RecordNotFound
from kintsugi.core.i18n import arg, translate
from kintsugi.core.records import Record
from kintsugi.core.serialize import record_to_dict
from kintsugi.core.timeutil import from_db, now, to_db

if TYPE_CHECKING:
    from kintsugi.core.share import ShareOptions

R = TypeVar("R", bound=Record)
#: Reads one imported value, or raises ``kintsugi.core.validate.Invalid``.
Converter = Callable[[Any], Any]
#: Takes one key out of an item being rendered (None when it has none).
Take = Callable[[str], Any]
EXCERPT_CHARS = 160
TITLE_CHARS = 120


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Column:
    attr: str
    to_db: Callable[[Any], Any] = _same
    from_db: Callable[[Any], Any] = _same


def first_line(text: str, limit: int = TITLE_CHARS) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#>*-· ").strip()
        if line:
            return line[:limit]
    return ""


def _collapsed(text: str) -> str:
    """``" ".join(text.split())``, without the split and join when there is nothing to
    collapse: printable text has no whitespace but the space (every other character
    ``str.split`` splits at is a control or a separator), so single spaces inside it are
    all it can have (an import makes thousands of excerpts)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def excerpt_of(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first ``limit`` characters of ``text`` with its whitespace collapsed."""
    if len(text) > 2 * limit:  # a long body: collapse only a head of whole words
        head = text[: 2 * limit]
        cut = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
        short = _collapsed(head[:cut]) if cut > 0 else ""
        if len(short) > limit:
            return short[:limit]
    return _collapsed(text)[:limit]


def check_range(name: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not (isinstance(value, int) and low <= value <= high):
        raise InvalidRecord(
            arg(translate("records", "%1 must be a whole number from %2 to %3."), name, low, high)
        )


def clean_tags(tags: list[str]) -> list[str]:
    if not tags:
        return []
    seen: dict[str, str] = {}
    for tag in tags:
        tag = " ".join(tag.strip().lstrip("#").split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())


_ITEM_COLS = (
    "i.id, i.uid, i.occurred_at, i.occurred_tz, i.shared, i.private_note, "
    "i.created_at, i.created_tz, i.updated_at, i.updated_tz, i.deleted_at, i.title"
)


class Repository(Generic[R]):
    record_type: ClassVar[type[Record]]
    table: ClassVar[str]
    columns: ClassVar[tuple[Column, ...]]
    #: The index keeps no copy of the text it indexes (see schema._V6): a kind whose
    #: searchable text is not simply its own columns keeps it in ``search_text``, which the
    #: index's content view reads. (An entry's is its body: see schema's ``search_doc``.)
    keeps_search_text: ClassVar[bool] = True
    #: What a person calls this kind: each item's heading, the report's counts.
    name: ClassVar[str] = ""
    #: Its name in lists and filters (Search, Share), when that is shorter; else ``name``.
    short_name: ClassVar[str] = ""
    #: How ``all_ids`` orders the kind's live records: SQL over ``i`` (the item) and ``d``
    #: (its row in ``table``).
    live_order: ClassVar[str] = "i.occurred_at DESC, i.id DESC"
    #: Labels of this kind's keys wherever they are rendered (a key without one gets a
    #: label made from its name); keys whose values are dates, or percentages.
    labels: ClassVar[Mapping[str, str]] = {}
    date_keys: ClassVar[frozenset[str]] = frozenset()
    percent_keys: ClassVar[frozenset[str]] = frozenset()
    #: How an imported item (a Kintsugi export, a share bundle) gives this kind's own
    #: fields: key → converter from :mod:`kintsugi.core.validate`.
    import_fields: ClassVar[Mapping[str, Converter]] = {}
    #: Keys that only point at another record (its ``uid``): not words to read, so the body
    #: leaves them out and the foot names them beside the item's own id (key → "%1" text).
    links: ClassVar[Mapping[str, str]] = {}

    #: The kind's table in the CSV export for a therapist's spreadsheet (None: not in it),
    #: its columns, and :meth:`csv_row` gives one record's cells in that order.
    csv_table: ClassVar[str | None] = None
    csv_columns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, db: Database):
        self.db = db

    # --- the kind as it leaves and comes back ----------------------------------
    @classmethod
    def render_title(cls, item: dict[str, Any]) -> str:
        """The title in an item's heading (after the kind's name)."""
        return str(item.get("title") or "")

    @classmethod
    def csv_row(cls, rec: R, trigger_uid: str) -> list[Any]:
        """One record as its CSV table's cells (``csv_columns`` order); ``trigger_uid`` is
        the trigger an exercise answered, if any."""
        raise NotImplementedError(f"{cls.__name__} has no CSV table")

    @classmethod
    def render_body(cls, take: Take) -> list[str]:
        """The Markdown lines of the fields this kind shows its own way; ``take`` removes a
        key from what is left, and whatever is left is rendered after, field by field."""
        return []

    @classmethod
    def leaving(
        cls, data: dict[str, Any], rec: R, options: ShareOptions, answered: Record | None
    ) -> None:
        """Change ``data`` (a record's dict without what never leaves) to what of this kind
        leaves in a share; ``answered`` is the record this one answered, if any."""

    def answers(self, rec: R) -> int | None:
        """The id of the record this one answered (a share names it), if any."""
        return None

    def export_dict(self, rec: R) -> dict[str, Any]:
        """The record in the lossless JSON export: every field but the vault's own id."""
        data = record_to_dict(rec)
        data.pop("id", None)
        return data

    @classmethod
    def check_imported(cls, values: dict[str, Any]) -> None:
        """Refuse (``validate.Invalid``) imported values this kind cannot keep."""

    def link_imported(self, item_id: int, data: Mapping[str, Any]) -> None:
        """After a batch of records came in (a sync round): make the links to other records
        that ``data`` (the record's :meth:`export_dict`) names by uid."""

    # --- hooks for each kind -------------------------------------------------
    def validate(self, rec: R) -> None:
        pass

    def describe(self, rec: R) -> tuple[str, str, str]:
        """(timeline title, timeline excerpt, searchable text)."""
        raise NotImplementedError

    def save_children(self, conn: Any, rec: R, item_id: int, old: R | None) -> None:
        pass

    def load_children(self, conn: Any, rec: R) -> None:
        pass

    # --- create / read / update ----------------------------------------------
    def add(self, rec: R) -> R:
        """Insert ``rec`` (its id is ignored) and return it as stored."""
        self._validate(rec)
        title, excerpt, text = self.describe(rec)
        stamp = to_db(now())
        created = to_db(rec.created_at) if rec.created_at else stamp
        updated = to_db(rec.updated_at) if rec.updated_at else stamp
        with self.db.transaction() as conn:
            item_id = conn.execute(
                "INSERT INTO item (uid, kind, occurred_at, occurred_tz, title, excerpt, shared,"
                " private_note, created_at, created_tz, updated_at, updated_tz)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    rec.uid,
                    self.record_type.KIND,
                    *to_db(rec.occurred_at),
                    title,
                    excerpt,
                    int(rec.shared),
                    rec.private_note,
                    *created,
                    *updated,
                ),
            ).lastrowid
            names = ", ".join(c.attr for c in self.columns)
            marks = ", ".join("?" for _ in self.columns)
            conn.execute(
                f"INSERT INTO {self.table} (item_id, {names}) VALUES (?, {marks})",
                (item_id, *self._detail_values(rec)),
            )
            self._write_common(conn, item_id, rec, title, text, old=None)
        return self.get(item_id)

    def add_batch(self, recs: list[R]) -> list[int]:
        """Insert many new records of this kind at once (their ids are ignored), without
        reading them back: each table gets one ``executemany``, the search index included.
        Returns the new ids in order. Joins the caller's transaction (an import is one).
        An invalid record raises :class:`InvalidRecord` with ``index`` set to its position."""
        described = []
        for n, rec in enumerate(recs):
            try:
                self._validate(rec)
            except InvalidRecord as exc:
                exc.index = n
                raise
            described.append(self.describe(rec))
        if not recs:
            return []
        stamp = to_db(now())
        with self.db.transaction() as conn:
            first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM item").fetchone()[0]
            ids = list(range(first, first + len(recs)))
            conn.executemany(
                "INSERT INTO item (id, uid, kind, occurred_at, occurred_tz, title, excerpt,"
                " shared, private_note, created_at, created_tz, updated_at, updated_tz)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        item_id,
                        rec.uid,
                        self.record_type.KIND,
                        *to_db(rec.occurred_at),
                        title,
                        excerpt,
                        int(rec.shared),
                        rec.private_note,
                        *(to_db(rec.created_at) if rec.created_at else stamp),
                        *(to_db(rec.updated_at) if rec.updated_at else stamp),
                    )
                    for item_id, rec, (title, excerpt, _text) in zip(
                        ids, recs, described, strict=True
                    )
                ],
            )
            names = ", ".join(c.attr for c in self.columns)
            marks = ", ".join("?" for _ in self.columns)
            conn.executemany(
                f"INSERT INTO {self.table} (item_id, {names}) VALUES (?, {marks})",
                [
                    (item_id, *self._detail_values(rec))
                    for item_id, rec in zip(ids, recs, strict=True)
                ],
            )
            tags_of = add_tags_batch(
                conn, [(item_id, rec.tags) for item_id, rec in zip(ids, recs, strict=True)]
            )
            for item_id, rec in zip(ids, recs, strict=True):
                self.save_children(conn, rec, item_id, None)
            bodies = [
                (item_id, search_body(text, rec))
                for item_id, rec, (_title, _excerpt, text) in zip(ids, recs, described, strict=True)
            ]
            if self.keeps_search_text:
                conn.executemany(
                    "INSERT OR REPLACE INTO search_text (item_id, body) VALUES (?, ?)", bodies
                )
            # The index rows as the content view shows them (an entry's body and note, or
            # the kind's search_text; its tags as stored, in the order of their ids), given
            # as values: reading them back through the view cost a third more at 100,000
            # (tests/core/test_imports.py checks the index against the view after imports).
            conn.executemany(
                "INSERT INTO fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)",
                [
                    (item_id, title, body, tags_of.get(item_id, ""))
                    for (item_id, body), (title, _excerpt, _text) in zip(
                        bodies, described, strict=True
                    )
                ],
            )
        return ids

    def all_ids(self) -> list[int]:
        """The kind's live records (not in the trash), in ``live_order``."""
        with self.db.read() as conn:
            return [
                r[0]
                for r in conn.execute(
                    f"SELECT d.item_id FROM {self.table} d JOIN item i ON i.id = d.item_id"
                    f" WHERE i.deleted_at IS NULL ORDER BY {self.live_order}"
                )
            ]

    def all_live(self) -> list[R]:
        """Every live record of the kind, in ``live_order``."""
        return [self.get(item_id) for item_id in self.all_ids()]

    def get(self, item_id: int) -> R:
        with self.db.read() as conn:
            names = ", ".join(f"d.{c.attr}" for c in self.columns)
            row = conn.execute(
                f"SELECT {_ITEM_COLS}, {names} FROM item i JOIN {self.table} d"
                " ON d.item_id = i.id WHERE i.id = ?",
                (item_id,),
            ).fetchone()
            if row is None:
                raise RecordNotFound(
                    arg(
                        translate("records", "There is no %1 with id %2."),
                        self.record_type.KIND,
                        item_id,
                    )
                )
            rec = self._from_row(row)
            rec.tags = item_tags(conn, item_id)
            self.load_children(conn, rec)
        return rec

    def update(self, rec: R) -> R:
        """Save every field of ``rec`` (which must have an id). Returns it as stored."""
        if rec.id is None:
            raise InvalidRecord(translate("records", "Only a saved record can be updated."))
        self._validate(rec)
        title, excerpt, text = self.describe(rec)
        with self.db.transaction() as conn:
            old = self.get(rec.id)
            # Before anything the index's content view shows changes (schema._V6).
            conn.execute("DELETE FROM fts WHERE rowid = ?", (rec.id,))
            conn.execute(
                "UPDATE item SET occurred_at = ?, occurred_tz = ?, title = ?, excerpt = ?,"
                " shared = ?, private_note = ?, updated_at = ?, updated_tz = ? WHERE id = ?",
                (
                    *to_db(rec.occurred_at),
                    title,
                    excerpt,
                    int(rec.shared),
                    rec.private_note,
                    *to_db(now()),
                    rec.id,
                ),
            )
            sets = ", ".join(f"{c.attr} = ?" for c in self.columns)
            conn.execute(
                f"UPDATE {self.table} SET {sets} WHERE item_id = ?",
                (*self._detail_values(rec), rec.id),
            )
            self._write_common(conn, rec.id, rec, title, text, old=old)
        return self.get(rec.id)

    def save(self, rec: R) -> R:
        return self.add(rec) if rec.id is None else self.update(rec)

    # --- helpers ---------------------------------------------------------------
    def _validate(self, rec: R) -> None:
        if not isinstance(rec, self.record_type):
            raise InvalidRecord(
                arg(translate("records", "Expected a %1."), self.record_type.__name__)
            )
        rec.tags = clean_tags(rec.tags)
        self.validate(rec)

    def _detail_values(self, rec: R) -> list[Any]:
        return [c.to_db(getattr(rec, c.attr)) for c in self.columns]

    def _write_common(
        self, conn: Any, item_id: int, rec: R, title: str, text: str, old: R | None
    ) -> None:
        """Tags, children and the search index; an update has deleted the index row first."""
        set_item_tags(conn, item_id, rec.tags)
        self.save_children(conn, rec, item_id, old)
        index_items(conn, [(item_id, search_body(text, rec))], keep_text=self.keeps_search_text)

    def _from_row(self, row: tuple[Any, ...]) -> R:
        (
            item_id,
            uid,
            occ,
            occ_tz,
            shared,
            note,
            created,
            created_tz,
            updated,
            updated_tz,
            deleted,
            _title,
            *detail,
        ) = row
        values = {c.attr: c.from_db(v) for c, v in zip(self.columns, detail, strict=True)}
        return cast(
            R,
            self.record_type(
                id=item_id,
                uid=uid,
                occurred_at=from_db(occ, occ_tz),
                shared=bool(shared),
                private_note=note,
                created_at=from_db(created, created_tz),
                updated_at=from_db(updated, updated_tz),
                deleted_at=from_db(deleted),
                **values,
            ),
        )


def item_tags(conn: Any, item_id: int) -> list[str]:
    return [
        name
        for (name,) in conn.execute(
            "SELECT t.name FROM item_tag it JOIN tag t ON t.id = it.tag_id"
            " WHERE it.item_id = ? ORDER BY t.name COLLATE NOCASE",
            (item_id,),
        )
    ]


def set_item_tags(conn: Any, item_id: int, tags: list[str]) -> None:
    conn.execute("DELETE FROM item_tag WHERE item_id = ?", (item_id,))
    for tag in tags:
        conn.execute("INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (tag,))
        conn.execute(
            "INSERT OR IGNORE INTO item_tag (item_id, tag_id) SELECT ?, id FROM tag WHERE name = ?",
            (item_id, tag),
        )


def search_body(text: str, rec: Record) -> str:
    """What the search index holds as a record's body: its text and its private note."""
    note = rec.private_note
    if not note:
        return text
    return f"{text}\n{note}" if text else note


def index_items(conn: Any, bodies: list[tuple[int, str]], *, keep_text: bool) -> None:
    """Index new items (or items whose index row was just deleted), given as (item id,
    :func:`search_body`). The index keeps no copy of the text (schema._V6): its rows are
    made from its content view ``search_doc``, in SQL, so they are exactly what FTS5 will
    read back when it deletes them (a tag order, a stored tag's case: anything else would
    leave the index out of step with its content). A kind whose body is composed
    (``keep_text``) keeps that body in ``search_text`` first, for the view to show."""
    if not bodies:
        return
    if keep_text:
        conn.executemany("INSERT OR REPLACE INTO search_text (item_id, body) VALUES (?, ?)", bodies)
    ids = [item_id for item_id, _ in bodies]
    if ids == list(range(ids[0], ids[0] + len(ids))):  # a batch: one range
        args: tuple[int, ...]
        where, args = "id BETWEEN ? AND ?", (ids[0], ids[-1])
    else:
        where, args = f"id IN ({', '.join('?' for _ in ids)})", tuple(ids)
    conn.execute(
        f"INSERT INTO fts (rowid, title, body, tags) SELECT id, title, body, tags"
        f" FROM search_doc WHERE {where}",
        args,
    )


def add_tags_batch(conn: Any, tagged: list[tuple[int, list[str]]]) -> dict[int, str]:
    """Tag new items: (item id, clean tag names) pairs. The tags' ids are read once for the
    batch and the links inserted by id: a name lookup per link (``SELECT id FROM tag WHERE
    name = ?`` for each row) cost three times as much. Returns each tagged item's tags as
    the index's content view shows them: the stored names in the order of their ids."""
    names = sorted({tag for _, tags in tagged for tag in tags})
    if not names:
        return {}
    conn.executemany(
        "INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO NOTHING", [(n,) for n in names]
    )
    stored: dict[str, tuple[int, str]] = {}
    for start in range(0, len(names), 500):
        chunk = names[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        # ``name IN (…)`` compares with the column's NOCASE: a name typed in another case
        # finds the tag already stored, and the key below folds case as NOCASE does.
        for tag_id, name in conn.execute(
            f"SELECT id, name FROM tag WHERE name IN ({marks})", chunk
        ):
            stored[nocase(name)] = (tag_id, name)
    links: list[tuple[int, int]] = []
    shown: dict[int, str] = {}
    for item_id, tags in tagged:
        if not tags:
            continue
        mine = sorted({stored[nocase(tag)] for tag in tags})  # one link per tag id
        links += [(item_id, tag_id) for tag_id, _name in mine]
        shown[item_id] = " ".join(name for _tag_id, name in mine)
    conn.executemany("INSERT OR IGNORE INTO item_tag (item_id, tag_id) VALUES (?, ?)", links)
    return shown


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def nocase(name: str) -> str:
    """``name`` as SQLite's NOCASE collation compares it: only ASCII letters fold."""
    return name.translate(_ASCII_LOWER)

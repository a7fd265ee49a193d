"""The vault's schema, versioned with ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a vault from version n to n + 1. Each runs in one
transaction together with the version bump, so a migration is done or
untouched. Callers take an encrypted backup before migrating an existing
vault (see :meth:`kintsugi.core.vault.Vault.open`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kintsugi.core.db import Database

Migration = Callable[[Any], None]

_V1 = """
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per record of any kind: what the timeline, trash, share marks and
-- search have in common. Times are UTC text (sortable) plus the writer's UTC
-- offset in minutes.
CREATE TABLE item (
    id           INTEGER PRIMARY KEY,
    uid          TEXT    NOT NULL UNIQUE,
    kind         TEXT    NOT NULL,
    occurred_at  TEXT    NOT NULL,
    occurred_tz  INTEGER NOT NULL,
    title        TEXT    NOT NULL DEFAULT '',
    excerpt      TEXT    NOT NULL DEFAULT '',
    shared       INTEGER NOT NULL DEFAULT 0,
    private_note TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL,
    created_tz   INTEGER NOT NULL,
    updated_at   TEXT    NOT NULL,
    updated_tz   INTEGER NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX item_timeline ON item (occurred_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX item_kind_timeline ON item (kind, occurred_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX item_trash ON item (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX item_shared ON item (occurred_at) WHERE shared = 1 AND deleted_at IS NULL;
-- Search joins every full-text match to its item: this small covering index keeps those
-- lookups off the wide item rows (each page read under SQLCipher is a decryption).
CREATE INDEX item_search ON item (id, deleted_at, kind, occurred_at);

CREATE TABLE tag (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE item_tag (
    item_id INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    tag_id  INTEGER NOT NULL REFERENCES tag (id),
    PRIMARY KEY (item_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX item_tag_by_tag ON item_tag (tag_id, item_id);

CREATE TABLE entry (
    item_id INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    title   TEXT    NOT NULL DEFAULT '',
    body    TEXT    NOT NULL DEFAULT '',
    mood    INTEGER CHECK (mood BETWEEN -3 AND 3)
);

CREATE TABLE trigger_event (
    item_id         INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    cue             TEXT    NOT NULL,
    situation       TEXT    NOT NULL DEFAULT '',
    suds_peak       INTEGER NOT NULL CHECK (suds_peak BETWEEN 0 AND 10),
    emotions        TEXT    NOT NULL DEFAULT '[]',
    hot_thought     TEXT    NOT NULL DEFAULT '',
    belief          INTEGER CHECK (belief BETWEEN 0 AND 100),
    body_sensations TEXT    NOT NULL DEFAULT '[]',
    urge            INTEGER CHECK (urge BETWEEN 0 AND 5),
    acted_on        INTEGER,
    action          TEXT    NOT NULL DEFAULT '',
    suds_after      INTEGER CHECK (suds_after BETWEEN 0 AND 10)
);
CREATE INDEX trigger_by_cue ON trigger_event (cue);

CREATE TABLE grounding (
    item_id     INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    technique   TEXT    NOT NULL,
    duration_s  REAL    NOT NULL DEFAULT 0,
    completed   INTEGER NOT NULL DEFAULT 0,
    suds_before INTEGER CHECK (suds_before BETWEEN 0 AND 10),
    suds_after  INTEGER CHECK (suds_after BETWEEN 0 AND 10),
    steps       TEXT    NOT NULL DEFAULT '[]',
    notes       TEXT    NOT NULL DEFAULT '',
    trigger_id  INTEGER REFERENCES item (id) ON DELETE SET NULL
);
CREATE INDEX grounding_by_trigger ON grounding (trigger_id) WHERE trigger_id IS NOT NULL;

CREATE TABLE checkin (
    item_id       INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    safety        INTEGER CHECK (safety BETWEEN 0 AND 10),
    trust         INTEGER CHECK (trust BETWEEN 0 AND 10),
    connection    INTEGER CHECK (connection BETWEEN 0 AND 10),
    communication INTEGER CHECK (communication BETWEEN 0 AND 10),
    gratitude     TEXT    NOT NULL DEFAULT '',
    needs         TEXT    NOT NULL DEFAULT '',
    notes         TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE boundary (
    item_id    INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    text       TEXT    NOT NULL,
    agreed_on  TEXT,
    revisit_by TEXT,
    status     TEXT    NOT NULL DEFAULT 'active'
);
CREATE INDEX boundary_revisit ON boundary (revisit_by) WHERE status = 'active';
CREATE TABLE boundary_revision (
    id          INTEGER PRIMARY KEY,
    boundary_id INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    text        TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    revisit_by  TEXT,
    changed_at  TEXT    NOT NULL
);
CREATE INDEX boundary_revision_by_boundary ON boundary_revision (boundary_id, id);

CREATE TABLE goal (
    item_id       INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    text          TEXT    NOT NULL,
    target_amount REAL,
    target_unit   TEXT    NOT NULL DEFAULT '',
    due           TEXT,
    done          INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE goal_progress (
    id      INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    day     TEXT    NOT NULL,
    amount  REAL    NOT NULL,
    note    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX goal_progress_by_goal ON goal_progress (goal_id, day);

-- Full-text index over every kind; rowid = item.id. Written by the
-- repositories in the same transaction as the record.
CREATE VIRTUAL TABLE fts USING fts5 (
    title, body, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
"""


def _v0_to_v1(conn: Any) -> None:
    for statement in _split(_V1):
        conn.execute(statement)


def _split(script: str) -> list[str]:
    lines = [ln for ln in script.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _v1_to_v2(conn: Any) -> None:
    """Goals remember that their success was acknowledged (celebrated once, never again)."""
    conn.execute("ALTER TABLE goal ADD COLUMN celebrated INTEGER NOT NULL DEFAULT 0")


_V3 = """
-- What left the vault, when, to whom, and which items (never their content).
CREATE TABLE share_log (
    id         INTEGER PRIMARY KEY,
    shared_at  TEXT    NOT NULL,
    recipient  TEXT    NOT NULL,
    format     TEXT    NOT NULL,
    sha256     TEXT    NOT NULL,
    item_count INTEGER NOT NULL
);
CREATE TABLE share_log_item (
    item_id INTEGER NOT NULL,
    log_id  INTEGER NOT NULL REFERENCES share_log (id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, log_id)
) WITHOUT ROWID;
-- Bundles received from a partner, kept read-only.
CREATE TABLE received (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    sender      TEXT NOT NULL,
    exported_at TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE received_item (
    id          INTEGER PRIMARY KEY,
    received_id INTEGER NOT NULL REFERENCES received (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    uid         TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    title       TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX received_item_by_bundle ON received_item (received_id, occurred_at);
"""


def _v2_to_v3(conn: Any) -> None:
    for statement in _split(_V3):
        conn.execute(statement)


def _v3_to_v4(conn: Any) -> None:
    """Signed sharing: the vault's Ed25519 signing key beside its age identity (both made
    here, so every vault has them from the start); received items keyed by sender, item and
    revision, so the same items re-encrypted add nothing and a newer revision replaces the
    older one (which stays readable)."""
    import json

    from kintsugi.core import config, share

    for key, make in (
        (config.SHARE_IDENTITY.key, share.new_identity),
        (config.SHARE_SIGNING_KEY.key, share.new_signing_key),
    ):
        conn.execute(
            "INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)", (key, json.dumps(make()))
        )
    conn.execute("ALTER TABLE received ADD COLUMN signing_key TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE received_item ADD COLUMN revision TEXT NOT NULL DEFAULT ''")
    rows = conn.execute("SELECT id, data FROM received_item").fetchall()
    for item_id, data in rows:
        try:
            revision = str(json.loads(data).get("updated_at") or "")
        except (ValueError, AttributeError):
            revision = ""
        conn.execute("UPDATE received_item SET revision = ? WHERE id = ?", (revision, item_id))
    conn.execute("CREATE INDEX received_item_by_uid ON received_item (uid, revision)")


def _v4_to_v5(conn: Any) -> None:
    """The share log, viewable in full: what one export carried, found by its log entry."""
    conn.execute("CREATE INDEX share_log_item_by_log ON share_log_item (log_id, item_id)")


#: Search text is held once. The full-text index keeps no copy of its own: its content is
#: the view ``search_doc`` over the records (an entry's text is its body and private note;
#: the other kinds' composed text, short, is kept in ``search_text``), so FTS5 can still
#: cut snippets in C. No prefix index: a prefix query's time goes to ranking every
#: match, which a prefix index does not change, and it doubled the index (see
#: docs/benchmarks.md).
#:
#: The rule that keeps an external-content index true: an item's index row is deleted
#: (``DELETE FROM fts WHERE rowid = ?``, which reads the view) *before* anything the view
#: shows of it changes, and inserted from the view after (repo/base.py: index_items; an
#: import's batch gives the view's values itself, checked by tests/core/test_imports.py).
_V6 = """
CREATE TABLE search_text (
    item_id INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    body    TEXT    NOT NULL
);
CREATE VIEW search_doc AS
SELECT i.id AS id, i.title AS title,
       coalesce(st.body, CASE WHEN i.private_note = '' THEN e.body
                              WHEN e.body = '' THEN i.private_note
                              ELSE e.body || char(10) || i.private_note END, '') AS body,
       coalesce((SELECT group_concat(t.name, ' ' ORDER BY it.tag_id) FROM item_tag it
                 JOIN tag t ON t.id = it.tag_id WHERE it.item_id = i.id), '') AS tags
FROM item i LEFT JOIN entry e ON e.item_id = i.id
            LEFT JOIN search_text st ON st.item_id = i.id;
CREATE VIRTUAL TABLE fts_v6 USING fts5 (
    title, body, tags,
    content = 'search_doc', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
)
"""


def _v5_to_v6(conn: Any) -> None:
    """The search index without its own copy of the text, and without prefix indexes."""
    for statement in _split(_V6):
        conn.execute(statement)
    # What the old index held for the kinds other than entries is their composed text.
    conn.execute(
        "INSERT INTO search_text (item_id, body) SELECT f.rowid, f.body FROM fts f"
        " JOIN item i ON i.id = f.rowid WHERE i.kind <> 'entry'"
    )
    conn.execute("DROP TABLE fts")
    conn.execute("ALTER TABLE fts_v6 RENAME TO fts")
    conn.execute("INSERT INTO fts (fts) VALUES ('rebuild')")


def _v6_to_v7(conn: Any) -> None:
    """The write-ahead log's binding to the main file (core/walguard.py): one row, in a
    table of its own page. ``gen`` names this state of the file; the first write of every
    log sets ``base = gen, gen = <new>`` (core/vault.py), and every copy gets a fresh one."""
    conn.execute(
        "CREATE TABLE wal_binding (id INTEGER PRIMARY KEY CHECK (id = 1),"
        " base BLOB NOT NULL, gen BLOB NOT NULL)"
    )
    conn.execute("INSERT INTO wal_binding VALUES (1, zeroblob(16), randomblob(16))")


#: Attachments (core/repo/attachments.py): a file's bytes are one ``blob`` named by their
#: SHA-256, in chunk rows; an ``attachment`` links a blob to a record of any kind. The
#: blob goes with its last link (the trigger also runs for a record's links removed by
#: ON DELETE CASCADE when it is deleted for good).
_V8 = """
CREATE TABLE blob (
    id       INTEGER PRIMARY KEY,
    sha256   TEXT    UNIQUE,
    size     INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE blob_chunk (
    id      INTEGER PRIMARY KEY,
    blob_id INTEGER NOT NULL REFERENCES blob (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    data    BLOB    NOT NULL,
    UNIQUE (blob_id, seq)
);
CREATE TABLE attachment (
    id            INTEGER PRIMARY KEY,
    uid           TEXT    NOT NULL UNIQUE,
    item_id       INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    blob_id       INTEGER NOT NULL REFERENCES blob (id),
    position      INTEGER NOT NULL DEFAULT 0,
    name          TEXT    NOT NULL,
    mime          TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    width         INTEGER,
    height        INTEGER,
    duration_ms   INTEGER,
    metadata_kept INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL
);
CREATE INDEX attachment_by_item ON attachment (item_id, position, id);
CREATE INDEX attachment_by_blob ON attachment (blob_id);
CREATE TRIGGER attachment_frees_blob AFTER DELETE ON attachment
WHEN NOT EXISTS (SELECT 1 FROM attachment WHERE blob_id = OLD.blob_id)
BEGIN
    DELETE FROM blob WHERE id = OLD.blob_id;
END
"""


def _v7_to_v8(conn: Any) -> None:
    """Attachments inside the vault."""
    body, _, trigger = _V8.partition("CREATE TRIGGER")
    for statement in _split(body):
        conn.execute(statement)
    conn.execute("CREATE TRIGGER" + trigger)


def _v8_to_v9(conn: Any) -> None:
    """Entries can be starred (jrnl's and Day One's star, kept on import). Idempotent: a
    vault whose version number was set back (as tests of older versions do) has it already."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(entry)")}
    if "starred" not in columns:
        conn.execute("ALTER TABLE entry ADD COLUMN starred INTEGER NOT NULL DEFAULT 0")
    conn.execute("CREATE INDEX IF NOT EXISTS entry_starred ON entry (item_id) WHERE starred = 1")


#: Syncing through a folder (core/sync/): this device's place in it, the keys it knows, the
#: other devices, each record's last synced revision (its fields, the base of a three-way
#: merge), conflicts kept until resolved, and the change marks the triggers write. The
#: triggers run only while the vault syncs (a ``sync_config`` row exists), so a vault that
#: does not sync pays one probe of an empty table per write.
_V10 = """
CREATE TABLE IF NOT EXISTS sync_config (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    folder        TEXT    NOT NULL,
    device_id     TEXT    NOT NULL,
    device_name   TEXT    NOT NULL,
    identity      TEXT    NOT NULL,
    clock         TEXT    NOT NULL DEFAULT '',
    next_seq      INTEGER NOT NULL DEFAULT 1,
    snapshot_seq  INTEGER NOT NULL DEFAULT 0,
    set_up_at     TEXT    NOT NULL,
    last_round_at TEXT,
    last_problem  TEXT
);
CREATE TABLE IF NOT EXISTS sync_key (
    epoch    INTEGER PRIMARY KEY,
    identity TEXT    NOT NULL,
    name_key TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS sync_device (
    device_id TEXT PRIMARY KEY,
    name      TEXT    NOT NULL DEFAULT '',
    recipient TEXT    NOT NULL DEFAULT '',
    read_seq  INTEGER NOT NULL DEFAULT 0,
    last_seen TEXT,
    removed   INTEGER NOT NULL DEFAULT 0,
    accept_to INTEGER
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sync_record (
    uid   TEXT PRIMARY KEY,
    kind  TEXT    NOT NULL,
    rev   TEXT    NOT NULL,
    hash  TEXT    NOT NULL,
    sent  INTEGER NOT NULL DEFAULT 0,
    state BLOB    NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sync_record_unsent ON sync_record (uid) WHERE sent = 0;
CREATE TABLE IF NOT EXISTS sync_dirty (
    uid TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sync_blob (
    sha256 TEXT PRIMARY KEY,
    name   TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sync_conflict (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL,
    kind          TEXT NOT NULL,
    field         TEXT NOT NULL,
    base          TEXT NOT NULL,
    mine          TEXT NOT NULL,
    theirs        TEXT NOT NULL,
    mine_device   TEXT NOT NULL,
    theirs_device TEXT NOT NULL,
    rev           TEXT NOT NULL,
    found_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sync_conflict_by_uid ON sync_conflict (uid, field);
"""
_SYNC_MARK = "BEGIN INSERT OR IGNORE INTO sync_dirty (uid) {} ; END"
_V10_TRIGGERS = tuple(
    f"CREATE TRIGGER IF NOT EXISTS sync_{name} AFTER {event} ON {table}"
    f" WHEN EXISTS (SELECT 1 FROM sync_config) " + _SYNC_MARK.format(select)
    for name, event, table, select in (
        ("item_added", "INSERT", "item", "VALUES (NEW.uid)"),
        ("item_changed", "UPDATE", "item", "VALUES (NEW.uid)"),
        ("item_purged", "DELETE", "item", "VALUES (OLD.uid)"),
        ("attachment_added", "INSERT", "attachment", "SELECT uid FROM item WHERE id = NEW.item_id"),
        (
            "attachment_changed",
            "UPDATE",
            "attachment",
            "SELECT uid FROM item WHERE id = NEW.item_id",
        ),
        (
            "attachment_removed",
            "DELETE",
            "attachment",
            "SELECT uid FROM item WHERE id = OLD.item_id",
        ),
    )
)


def _v9_to_v10(conn: Any) -> None:
    """Syncing through a folder (core/sync/): its tables, and the triggers that mark what
    changed while a vault syncs. Idempotent (tests of older versions set the number back)."""
    for statement in (*_split(_V10), *_V10_TRIGGERS):
        conn.execute(statement)


def _add_safety_plans(conn: Any) -> None:
    """Safety plans (core/repo/safety_plans.py): each part a JSON list of lines."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS safety_plan ("
        " item_id INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,"
        + ", ".join(
            f" {part} TEXT NOT NULL DEFAULT '[]'"
            for part in (
                "warning_signs",
                "coping_alone",
                "distractions",
                "helpers",
                "professionals",
                "safer_environment",
                "reasons",
            )
        )
        + ")"
    )


def _add_questions(conn: Any) -> None:
    """Questions for the partner and answers to theirs (core/repo/questions.py)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS question ("
        " item_id INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,"
        " text TEXT NOT NULL DEFAULT '')"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS answer ("
        " item_id INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,"
        " question_uid TEXT NOT NULL DEFAULT '',"
        " question TEXT NOT NULL DEFAULT '',"
        " text TEXT NOT NULL DEFAULT '')"
    )
    conn.execute("CREATE INDEX IF NOT EXISTS answer_by_question ON answer (question_uid)")


def _add_therapy_sessions(conn: Any) -> None:
    """Therapy sessions, and the mark "for my next session" on any item (repo/therapy.py)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS therapy_session ("
        " item_id INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,"
        " agenda TEXT NOT NULL DEFAULT '[]',"
        " notes TEXT NOT NULL DEFAULT '',"
        " homework TEXT NOT NULL DEFAULT '[]')"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS next_session ("
        " item_id INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,"
        " marked_at TEXT NOT NULL)"
    )


#: The practices of repair, part two (#20): disclosures ("something I want to tell you",
#: with when it happened and when it was told: ISO 8601 text with the writer's offset),
#: hard dates ahead with their plan, one's own writing templates, and a boundary's category
#: (a transparency agreement). Idempotent: it can run again over its own tables.
_DISCLOSURES_HARD_DATES_TEMPLATES = """
CREATE TABLE IF NOT EXISTS disclosure (
    item_id     INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    text        TEXT    NOT NULL DEFAULT '',
    happened_at TEXT,
    told_at     TEXT
);
CREATE TABLE IF NOT EXISTS hard_date (
    item_id      INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    text         TEXT    NOT NULL DEFAULT '',
    day          TEXT    NOT NULL,
    yearly       INTEGER NOT NULL DEFAULT 1,
    notice_days  INTEGER NOT NULL DEFAULT 3 CHECK (notice_days BETWEEN 0 AND 60),
    helps        TEXT    NOT NULL DEFAULT '',
    call         TEXT    NOT NULL DEFAULT '',
    tell_partner TEXT    NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS template (
    item_id INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    name    TEXT    NOT NULL DEFAULT '',
    text    TEXT    NOT NULL DEFAULT '',
    due     TEXT
)
"""


def _add_disclosures_hard_dates_templates(conn: Any) -> None:
    """Disclosures, hard dates, templates; boundaries get a category."""
    for statement in _split(_DISCLOSURES_HARD_DATES_TEMPLATES):
        conn.execute(statement)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(boundary)")}
    if "category" not in columns:
        conn.execute("ALTER TABLE boundary ADD COLUMN category TEXT NOT NULL DEFAULT 'general'")
    conn.execute("CREATE INDEX IF NOT EXISTS boundary_by_category ON boundary (category)")


#: The practices of repair kept together (#20): the weekly conversation (its picked items
#: as JSON, each with the words quoted from it), rituals, and goals kept together with their
#: steps (milestones), each step noticed once when reached.
_TOGETHER = """
CREATE TABLE weekly_talk (
    item_id       INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    appreciations TEXT NOT NULL DEFAULT '',
    went_well     TEXT NOT NULL DEFAULT '',
    issue         TEXT NOT NULL DEFAULT '',
    my_view       TEXT NOT NULL DEFAULT '',
    heard         TEXT NOT NULL DEFAULT '',
    need          TEXT NOT NULL DEFAULT '',
    agreements    TEXT NOT NULL DEFAULT '',
    my_part       TEXT NOT NULL DEFAULT '',
    partner_part  TEXT NOT NULL DEFAULT '',
    brought       TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE ritual (
    item_id INTEGER PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    ritual  TEXT NOT NULL DEFAULT 'date_night',
    name    TEXT NOT NULL DEFAULT '',
    felt    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE goal_milestone (
    id         INTEGER PRIMARY KEY,
    goal_id    INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    reached_on TEXT,
    celebrated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX goal_milestone_by_goal ON goal_milestone (goal_id, position)
"""


def _add_weekly_talks_rituals_and_goal_steps(conn: Any) -> None:
    """The weekly conversation, rituals, and goals kept together with their steps.
    Idempotent (tests of older versions set the number back)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(goal)")}
    if "together" not in columns:
        conn.execute("ALTER TABLE goal ADD COLUMN together INTEGER NOT NULL DEFAULT 0")
    for statement in _split(_TOGETHER):
        statement = statement.replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", 1)
        conn.execute(statement.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))


#: A partner's attachments (core/repo/sharing.py): a received item's files, in the same
#: content-addressed blobs as one's own (the same photo from both is stored once). A blob
#: now goes with its last link of either kind.
_RECEIVED_ATTACHMENTS = """
CREATE TABLE IF NOT EXISTS received_attachment (
    id               INTEGER PRIMARY KEY,
    received_item_id INTEGER NOT NULL REFERENCES received_item (id) ON DELETE CASCADE,
    blob_id          INTEGER NOT NULL REFERENCES blob (id),
    position         INTEGER NOT NULL DEFAULT 0,
    name             TEXT    NOT NULL,
    mime             TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    width            INTEGER,
    height           INTEGER,
    duration_ms      INTEGER
);
CREATE INDEX IF NOT EXISTS received_attachment_by_item
    ON received_attachment (received_item_id, position);
CREATE INDEX IF NOT EXISTS received_attachment_by_blob ON received_attachment (blob_id)
"""
_FREES_BLOB = """
CREATE TRIGGER {name} AFTER DELETE ON {table}
WHEN NOT EXISTS (SELECT 1 FROM attachment WHERE blob_id = OLD.blob_id)
 AND NOT EXISTS (SELECT 1 FROM received_attachment WHERE blob_id = OLD.blob_id)
BEGIN
    DELETE FROM blob WHERE id = OLD.blob_id;
END
"""


def _add_received_attachments(conn: Any) -> None:
    """Attachments of items received from a partner (share bundles of version 3).
    Idempotent (a vault whose version number was set back has it already)."""
    for statement in _split(_RECEIVED_ATTACHMENTS):
        conn.execute(statement)
    for name, table in (
        ("attachment_frees_blob", "attachment"),
        ("received_attachment_frees_blob", "received_attachment"),
    ):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute(_FREES_BLOB.format(name=name, table=table))


#: The index's content view as v6 made it, but an item's tags read in the order of
#: item_tag's key (item_id, tag_id) instead of sorted for every row: the view's
#: ``group_concat(… ORDER BY it.tag_id)`` built a temporary B-tree for each snippet FTS5
#: cut (~3.4 µs a row; a sixth of a rare-word search at 1,000 entries, docs/benchmarks.md).
#: It shows the very same rows (the index stays true: tests/core/test_search_view.py).
_SEARCH_DOC = """
CREATE VIEW search_doc AS
SELECT i.id AS id, i.title AS title,
       coalesce(st.body, CASE WHEN i.private_note = '' THEN e.body
                              WHEN e.body = '' THEN i.private_note
                              ELSE e.body || char(10) || i.private_note END, '') AS body,
       coalesce((SELECT group_concat(name, ' ') FROM
                    (SELECT t.name AS name FROM item_tag it JOIN tag t ON t.id = it.tag_id
                     WHERE it.item_id = i.id ORDER BY it.tag_id)), '') AS tags
FROM item i LEFT JOIN entry e ON e.item_id = i.id
            LEFT JOIN search_text st ON st.item_id = i.id
"""


def _read_search_tags_in_key_order(conn: Any) -> None:
    """The search index's content view without a sort per row (see ``_SEARCH_DOC``).
    Idempotent: the view is made again whatever it was."""
    conn.execute("DROP VIEW IF EXISTS search_doc")
    conn.execute(_SEARCH_DOC)


#: SQLCipher keeps 80 bytes of every 4,096-byte page for its IV and HMAC, so a table leaf
#: holds at most 3,981 bytes of a row in place (4,016 usable, less 35); an ``fts_data`` row
#: is a 4-byte record header and the leaf blob. FTS5's default leaf (``pgsz`` 4,050, sized
#: for plain SQLite's 4,096 bytes) therefore never fitted: nearly every leaf spilled
#: ~3,600 bytes onto an overflow page and kept 479 in a cell, an eighth of the index lost
#: between them (docs/benchmarks.md). A leaf runs a few bytes past ``pgsz``; 3,960 keeps it
#: on its one page.
SEARCH_LEAF_BYTES = 3960


def _search_leaves_that_fit_and_timeline_in_time_order(conn: Any) -> None:
    """The search index's leaves sized to fit a page (``SEARCH_LEAF_BYTES``), the index
    rewritten into them (FTS5's ``optimize``: one segment, so a term's header is held once;
    the pages it frees are given back by the VACUUM after migrating, Vault._migrate), and
    the two timeline indexes ascending: SQLite reads them backwards for the newest first
    just as well, and a journal written in time order then appends to them; descending,
    every new entry went to their first page, which split and stayed half empty.
    Idempotent: settings and indexes are made again whatever they were."""
    conn.execute(f"INSERT INTO fts (fts, rank) VALUES ('pgsz', {SEARCH_LEAF_BYTES})")
    conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")
    conn.execute("DROP INDEX IF EXISTS item_timeline")
    conn.execute("CREATE INDEX item_timeline ON item (occurred_at, id) WHERE deleted_at IS NULL")
    conn.execute("DROP INDEX IF EXISTS item_kind_timeline")
    conn.execute(
        "CREATE INDEX item_kind_timeline ON item (kind, occurred_at, id) WHERE deleted_at IS NULL"
    )


def _add_sync_signatures(conn: Any) -> None:
    """Sync folder format 2 (core/sync/): each device's key that its files are checked
    against (``verify_key``, kept from the first file read under the newest sync key, an
    invitation or a new key's list), and the last number of its files under an older sync
    key still read after a device was removed (``old_key_to``). A vault that synced before
    (format 1: its files in the folder unsigned, refused by the others from now on) gets
    ``snapshot_seq`` -1: its next round writes a signed snapshot of everything, which the
    others read in their place. Idempotent (tests of older versions set the number back):
    the mark is set only when the columns are added."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(sync_device)")}
    if "verify_key" not in have:
        conn.execute("UPDATE sync_config SET snapshot_seq = -1")
    for column, spec in (("verify_key", "TEXT"), ("old_key_to", "INTEGER")):
        if column not in have:
            conn.execute(f"ALTER TABLE sync_device ADD COLUMN {column} {spec}")


def _add_sync_key_withdrawal(conn: Any) -> None:
    """Sync keys this device stopped writing under (``withdrawn``): two key files of one
    epoch removing different devices, so the key it took was also given to a device now
    removed (core/sync/engine.py, ``pick_up_keys``). Idempotent."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(sync_key)")}
    if "withdrawn" not in have:
        conn.execute("ALTER TABLE sync_key ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0")


MIGRATIONS: tuple[Migration, ...] = (
    _v0_to_v1,
    _v1_to_v2,
    _v2_to_v3,
    _v3_to_v4,
    _v4_to_v5,
    _v5_to_v6,
    _v6_to_v7,
    _v7_to_v8,
    _v8_to_v9,
    _v9_to_v10,
    _add_safety_plans,
    _add_questions,
    _add_therapy_sessions,
    _add_disclosures_hard_dates_templates,
    _add_weekly_talks_rituals_and_goal_steps,
    _add_received_attachments,
    _read_search_tags_in_key_order,
    _search_leaves_that_fit_and_timeline_in_time_order,
    _add_sync_signatures,
    _add_sync_key_withdrawal,
)
LATEST_VERSION = len(MIGRATIONS)


def user_version(db: Database) -> int:
    with db.read() as conn:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        return version


def migrate(db: Database, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply every migration after the current version, one transaction each."""
    version = user_version(db)
    for target in range(version + 1, len(migrations) + 1):
        with db.transaction() as conn:
            migrations[target - 1](conn)
            conn.execute(f"PRAGMA user_version = {int(target)}")
    return user_version(db)

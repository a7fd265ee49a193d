"""Valid seed files for every importer, and structure-aware mutations of them (Hypothesis).

The seeds are what real exporters write: a Kintsugi JSON export of every kind (made by the
exporter from a vault), jrnl's JSON and text exports, Day One's JSON, and a share bundle's
document. The mutations change what a careless or hostile file would: a value's type, its
range (dates, times, huge integers, NaN), its encoding (UTF-16, Latin-1, a BOM, invalid
UTF-8, truncation, a flipped byte), and its nesting (wrapped, deepened, duplicated).
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, date, datetime
from typing import Any

from hypothesis import strategies as st

from kintsugi.core import share, transfer
from kintsugi.core.records import (
    Boundary,
    BroughtItem,
    CheckIn,
    Disclosure,
    Emotion,
    Entry,
    Goal,
    GoalMilestone,
    GoalProgress,
    GroundingSession,
    HardDate,
    Ritual,
    Template,
    Trigger,
    WeeklyTalk,
)
from kintsugi.core.repo import repository_for
from kintsugi.core.vault import Vault
from tests.helpers import FAST_KDF

WHEN = datetime(2026, 11, 2, 20, 15, tzinfo=UTC)


def every_kind() -> list:
    return [
        Entry(title="We talked", body="It went better.", mood=1, tags=["us"], occurred_at=WHEN),
        Trigger(
            cue="place",
            suds_peak=8,
            situation="The hotel",
            emotions=[Emotion("fear", 70)],
            body_sensations=["tight chest"],
            belief=60,
            urge=2,
            acted_on=False,
            suds_after=4,
            occurred_at=WHEN,
        ),
        GroundingSession(
            technique="senses_54321",
            duration_s=240.5,
            completed=True,
            suds_before=8,
            suds_after=3,
            steps=[{"sense": "see", "answers": ["a lamp", "a cup"], "count": 5}],
            notes="calmer",
            occurred_at=WHEN,
        ),
        CheckIn(
            safety=6, trust=4, connection=5, communication=7, gratitude="tea", occurred_at=WHEN
        ),
        Boundary(
            text="No phones at dinner",
            agreed_on=date(2026, 10, 1),
            revisit_by=date(2026, 12, 1),
            occurred_at=WHEN,
        ),
        Goal(
            text="Four talks",
            target_amount=4,
            target_unit="talks",
            due=date(2026, 12, 24),
            progress=[GoalProgress(date(2026, 11, 2), 1, "first")],
            together=True,
            milestones=[GoalMilestone("the first talk", date(2026, 11, 2), True)],
            occurred_at=WHEN,
        ),
        WeeklyTalk(
            appreciations="the soup",
            issue="Evenings",
            heard="you feel alone",
            brought=[BroughtItem("c0ffee", "checkin", WHEN, "tea")],
            occurred_at=WHEN,
        ),
        Ritual(ritual="walk", name="River walk", felt="light", occurred_at=WHEN),
    ]


def more_kinds() -> list:
    """Kinds added after the seeds above were counted by other tests (#20): the complete
    backup takes these too."""
    return [
        Disclosure(
            text="I replied to a message",
            happened_at=datetime(2026, 11, 1, 18, 0, tzinfo=UTC),
            told_at=datetime(2026, 11, 2, 9, 30, tzinfo=UTC),
            occurred_at=WHEN,
        ),
        HardDate(
            text="Discovery day",
            day=date(2025, 3, 14),
            notice_days=4,
            helps="a walk",
            call="Ana",
            tell_partner="that I may be quiet",
            occurred_at=WHEN,
        ),
        Template(
            name="Week 3", text="- [ ] three appreciations", due=date(2026, 12, 4), occurred_at=WHEN
        ),
    ]


def kintsugi_export(tmp_path) -> bytes:
    with Vault.create(tmp_path / "seed.kintsugi", "seed pass", params=FAST_KDF) as v:
        for rec in every_kind():
            repository_for(v.db, rec.KIND).add(rec)
        return transfer.export_bytes(v.db, transfer.select(v.db, everything=True), "json")


JRNL_JSON = {
    "tags": {"@work": 1},
    "entries": [
        {
            "date": "2024-03-01",
            "time": "08:30",
            "title": "Morning",
            "body": "Tired. @work",
            "tags": ["@work"],
            "starred": False,
        },
        {"date": "2024-03-02", "time": "21:05", "title": "Evening", "body": "Better.", "tags": []},
    ],
}
JRNL_TEXT = (
    "[2024-03-02 09:15] A walk\nCold but clear. @outside\n\n"
    "[2024-03-03 10:00 PM] Rest\nSlept early.\n\n[2024-03-04 07:30:12] Up\n"
)
DAYONE = {
    "metadata": {"version": "1.0"},
    "entries": [
        {
            "uuid": "ABC123",
            "creationDate": "2024-03-04T07:00:00Z",
            "text": "# Day One title\nBody from Day One",
            "tags": ["imported"],
            "starred": False,
            "location": {"placeName": "Home", "latitude": 52.1},
        },
        {"creationDate": "2024-03-05T07:00:00Z", "text": "No title here"},
    ],
}


SIGNING_KEY = share.new_signing_key()  # the seed bundles' sender


def _make_payload() -> share.Payload:
    sender = share.Sender(share.signing_public(SIGNING_KEY))
    records = every_kind()
    for n, rec in enumerate(records):
        rec.uid = f"seed-{rec.KIND}-{n}"  # one payload, one Markdown: made once
    return share.build_payload(records, exporter="Sam", exported_at=WHEN, sender=sender)


_PAYLOAD = _make_payload()


def _seed_payload() -> share.Payload:
    return _PAYLOAD


def bundle_document() -> dict[str, Any]:
    """A share bundle's JSON document, as the exporter writes it (signed, version 2)."""
    return json.loads(json.dumps(_seed_payload().document()))  # a copy: mutations stay here


def bundle_bytes(document: Any, recipient: str, *, raw_json: bytes | None = None) -> bytes:
    """An encrypted bundle whose JSON is ``document`` (or exactly ``raw_json``), signed by its
    sender as a real one is: the payload reader, not only the signature check, meets the
    mutation."""
    data = raw_json if raw_json is not None else json.dumps(document).encode()
    signature = {
        "algorithm": "ed25519",
        "signed": share.JSON_NAME,
        "signature": share.sign(data, SIGNING_KEY),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(share.JSON_NAME, data)
        z.writestr(share.MD_NAME, _seed_payload().markdown_bytes())
        z.writestr(share.SIG_NAME, json.dumps(signature))
    return share.encrypt(buf.getvalue(), recipients=[recipient])


# --- mutations -----------------------------------------------------------------------------
NASTY_TEXT = [
    "2024-13-45",
    "2024-02-30",
    "2024-02-30T10:00:00",
    "0001-01-01",
    "0001-01-01T00:00:00",
    "9999-12-31",
    "9999-12-31T23:59:59+00:00",
    "13:00 PM",
    "24:00",
    "00:61",
    "",
    " ",
    "\x00",
    "\ud800",
    "abc",
    "x" * 5000,
    "1e400",
    "entry",
    "boundary",
    "kintsugi-export",
    "\x1b]52;c;aGk=\x07",
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([2**63, 2**64, -(2**63) - 1, 0, -1, 11, 101, 1e308]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(NASTY_TEXT),
    st.dates().map(date.isoformat),
    st.datetimes(timezones=st.just(UTC) | st.none()).map(datetime.isoformat),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, here: tuple = ()) -> list[tuple]:
    out = [here]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*here, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*here, i))
    return out


def _get(doc: Any, path: tuple) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def mutate_tree(data: st.DataObject, doc: Any) -> Any:
    """Apply one to three structural mutations to a copy of the JSON value ``doc``."""
    doc = json.loads(json.dumps(doc))
    for _ in range(data.draw(st.integers(1, 3))):
        paths = _paths(doc)
        path = data.draw(st.sampled_from(paths))
        op = data.draw(st.sampled_from(["replace", "replace", "delete", "dup", "wrap", "deepen"]))
        if not path:
            if op in ("replace", "wrap"):
                doc = [doc] if op == "wrap" else data.draw(VALUES)
            continue
        parent, key = _get(doc, path[:-1]), path[-1]
        if op == "replace":
            parent[key] = data.draw(VALUES)
        elif op == "delete":
            del parent[key]
        elif op == "dup" and isinstance(parent, list):
            parent.insert(key, json.loads(json.dumps(parent[key])))
        elif op == "wrap":
            parent[key] = data.draw(st.sampled_from([[parent[key]], {"x": parent[key]}]))
        elif op == "deepen":
            value = parent[key]
            for _ in range(data.draw(st.integers(1, 40))):
                value = [value]
            parent[key] = value
    return doc


def encode(data: st.DataObject, doc: Any) -> bytes:
    """Serialise a mutated document, perhaps badly."""
    text = json.dumps(doc, ensure_ascii=data.draw(st.booleans()), allow_nan=True)
    how = data.draw(
        st.sampled_from(["utf8", "utf8", "utf8", "bom", "utf16", "latin1", "cut", "flip"])
    )
    raw = text.encode("utf-8", "surrogatepass")
    if how == "bom":
        raw = b"\xef\xbb\xbf" + raw
    elif how == "utf16":
        raw = text.encode("utf-16", "surrogatepass")
    elif how == "latin1":
        raw = text.encode("latin-1", "replace")
    elif how == "cut" and raw:
        raw = raw[: data.draw(st.integers(0, len(raw) - 1))]
    elif how == "flip" and raw:
        at = data.draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255))]) + raw[at + 1 :]
    return raw


def mutate_jrnl_text(data: st.DataObject, text: str) -> bytes:
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["date", "time", "line", "bytes", "dup"]))
        if op == "date":
            day = data.draw(
                st.sampled_from(NASTY_TEXT[:7])
                | st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True)
            )
            lines[at] = f"[{day} 10:00] mutated"
        elif op == "time":
            clock = data.draw(
                st.sampled_from(["13:00 PM", "0:00 AM", "24:00", "99:99", "12:60:60", "1:05 pm"])
                | st.from_regex(r"\d{1,2}:\d{2}( ?[AP]M)?", fullmatch=True)
            )
            lines[at] = f"[2024-03-05 {clock}] mutated"
        elif op == "line":
            lines[at] = data.draw(st.text(max_size=40))
        elif op == "dup":
            lines.insert(at, lines[at])
        else:
            lines[at] = lines[at] + data.draw(st.binary(max_size=8)).decode("latin-1")
    raw = "\n".join(lines).encode("utf-8", "surrogatepass")
    if data.draw(st.booleans()):
        raw = encode_bytes(data, raw)
    return raw


def encode_bytes(data: st.DataObject, raw: bytes) -> bytes:
    how = data.draw(st.sampled_from(["bom", "invalid", "cut"]))
    if how == "bom":
        return b"\xef\xbb\xbf" + raw
    if how == "invalid":
        at = data.draw(st.integers(0, len(raw)))
        return raw[:at] + b"\xff\xfe\xc0" + raw[at:]
    return raw[: data.draw(st.integers(1, max(1, len(raw))))]

"""The engine's own sentences in Spanish: every refusal of a file, every summary of an import,
every refusal of an attachment and every problem opening a journal file, as the app shows
them (``messages.describe``), with the shipped translation installed — and the same
sentences in English from the command line, whatever the system's language.

The files are the import tests' named cases (tests/core/test_imports.py), the kept real
exports (tests/data/imports/) and Hypothesis mutations of every importer's seed
(tests/import_seeds.py): files this test did not write. What is left of a message once the
file's own words are taken out (its name, its quoted values, its field names, a library's
reason in brackets) must hold no English word — ``tests/ui/test_spanish.py``'s list: the
words of the English sources that no Spanish translation uses.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tests.import_seeds as seeds
from kintsugi.core import backups, importing, transfer
from kintsugi.core.errors import KintsugiError
from kintsugi.core.records import Entry
from kintsugi.core.repo import REPOSITORIES
from kintsugi.core.repo.attachments import AttachmentRepo
from kintsugi.core.repo.entries import EntryRepository
from kintsugi.core.repo.sharing import Sharing
from kintsugi.core.validate import COMMON
from kintsugi.core.vault import Vault
from kintsugi.ui import i18n
from kintsugi.ui.messages import describe
from tests.core.test_imports import CASES
from tests.helpers import FAST_KDF, PASSPHRASE, ROOT, run_cli
from tests.ui.test_spanish import english_words

DATA = ROOT / "tests" / "data" / "imports"


@pytest.fixture
def spanish(app):
    assert i18n.install(app, "es") == "es"
    yield
    i18n.install(app, "en")


def _file_words() -> set[str]:
    """The names a file itself uses (its fields and kinds), never the interface's words."""
    names = set(COMMON) | set(REPOSITORIES)
    for repo in REPOSITORIES.values():
        names |= set(repo.import_fields)

    def walk(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                names.add(str(key))
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    for doc in (seeds.JRNL_JSON, seeds.DAYONE, seeds.bundle_document()):
        walk(doc)
    return {n.lower() for n in names}


ENGLISH = english_words()
FILE_WORDS = _file_words()


def english_left(message: str, *names: str) -> set[str]:
    """The English interface words in ``message`` once the file's own words are out."""
    bare = message
    for name in names:
        bare = bare.replace(name, " ")
    bare = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", " ", bare)  # quoted values
    bare = re.sub(r"\((?:[^()]|\([^()]*\))*\)", " ", bare)  # a library's reason, a size
    bare = re.sub(r"\b\w+_\w*\b", " ", bare)  # snake_case field names
    bare = re.sub(r"ninguno de estos: [^;]*", " ", bare)  # the codes a field may hold
    words = {w.lower() for w in re.findall(r"[A-Za-z][a-z]{2,}", bare)}
    return (words & ENGLISH) - FILE_WORDS


def left_report(left: dict[str, set[str]]) -> str:
    return f"{len(left)} not in Spanish:\n" + "\n".join(
        f"{m!r} {sorted(w)}" for m, w in left.items()
    )


def test_the_word_check_finds_english():
    """The check can fail: English sentences and an English summary are caught."""
    assert english_left("line 3: the date '2024-13-45' is not a date; nothing was imported.")
    assert english_left("4 new, 0 already here, 4 attachments; not brought in: 1 video")
    assert english_left("journal.txt: it is not a regular file; nothing was imported.")
    assert not english_left("línea 3: la fecha '2024-13-45' no es una fecha; no se importó nada.")


def test_every_named_refusal_is_spanish_in_the_app(spanish, vault):
    left = {}
    for name, data, _english in CASES:
        with pytest.raises(KintsugiError) as caught:
            transfer.import_file(vault.db, data, name=name)
        shown = describe(caught.value)
        assert shown.startswith(f"{name}: ") and "\n" not in shown, shown
        if words := english_left(shown, name):
            left[shown] = words
    assert not left, left_report(left)


FUZZ = settings(
    deadline=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@pytest.mark.parametrize("seed", ["kintsugi", "jrnl-json", "dayone", "jrnl-text", "bundle"])
def test_mutated_files_are_refused_in_spanish(spanish, vault, tmp_path, seed):
    key = Sharing(vault.db).my_key()
    base = {
        "kintsugi": lambda: json.loads(seeds.kintsugi_export(tmp_path)),
        "jrnl-json": lambda: seeds.JRNL_JSON,
        "dayone": lambda: seeds.DAYONE,
        "bundle": seeds.bundle_document,
        "jrnl-text": lambda: seeds.JRNL_TEXT,
    }[seed]()
    left: dict[str, set[str]] = {}
    refused = []

    @FUZZ
    @given(st.data())
    def run(data):
        doc = None if seed == "jrnl-text" else seeds.mutate_tree(data, base)
        if seed == "jrnl-text":
            raw = seeds.mutate_jrnl_text(data, base)
        elif seed == "bundle":
            raw = seeds.bundle_bytes(None, key, raw_json=seeds.encode(data, doc))
        else:
            raw = seeds.encode(data, doc)
        try:
            transfer.import_file(vault.db, raw, name="mutado.json")
        except KintsugiError as exc:
            shown = describe(exc)
            refused.append(shown)
            if words := english_left(shown, "mutado.json"):
                left[shown] = words

    run()
    assert refused  # the mutations do reach the refusals
    assert not left, left_report(left)


def test_summaries_are_spanish(spanish, vault, tmp_path):
    """Day One's zip (attachments, a missing video), Mini Diary (an empty entry), jrnl twice
    ("already here"), a complete backup into a journal that has its own records."""
    shown = []
    result = importing.import_path(vault.db, DATA / "dayone-export.zip")
    shown.append(result.summary())
    assert shown[-1].startswith("4 nuevos, 0 ya estaban, 4 adjuntos; no se trajo: "), shown[-1]
    result = importing.import_path(vault.db, DATA / "dayone-journal.json")
    shown.append(result.summary())
    assert "fotos" in shown[-1] and ": 3" in shown[-1], shown[-1]
    shown.append(importing.import_path(vault.db, DATA / "minidiary-3.3.json").summary())
    assert "entradas vacías" in shown[-1], shown[-1]
    importing.import_path(vault.db, DATA / "jrnl-4.6-iso.txt")
    shown.append(importing.import_path(vault.db, DATA / "jrnl-4.6-iso.json").summary())
    assert shown[-1] == "0 nuevos, 3 ya estaban", shown[-1]
    from kintsugi.core import complete

    backup = tmp_path / "all.json"
    complete.write_complete_backup(vault.db, backup)
    with Vault.create(tmp_path / "other.kintsugi", PASSPHRASE, params=FAST_KDF) as other:
        EntryRepository(other.db).add(Entry(title="mía"))
        shown.append(transfer.import_path(other.db, backup).summary())
    assert "solo se traen a un archivo de diario vacío" in shown[-1], shown[-1]
    left = {s: w for s in shown if (w := english_left(s))}
    assert not left, left_report(left)


def test_attachment_refusals_are_spanish(spanish, vault, tmp_path):
    entry = EntryRepository(vault.db).add(Entry(title="x"))
    store = AttachmentRepo(vault.db)
    pdf = (DATA.parent / "imports" / "dayone-export.zip").read_bytes()[:50]
    (tmp_path / "una carpeta").mkdir()
    cases = [
        lambda: store.add_bytes(entry.id, b"", "vacia.png"),
        lambda: store.add_bytes(entry.id, b"just some text", "nota.png"),
        lambda: store.add_bytes(entry.id, b"just some text", "nota.txt"),
        lambda: store.add_bytes(entry.id, b"%PDF-1.7\n" + pdf, "cortado.pdf"),
        lambda: store.add_bytes(entry.id, b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "rota.png"),
        lambda: store.add_file(entry.id, tmp_path / "no-existe.jpg"),
        lambda: store.add_file(entry.id, tmp_path / "una carpeta"),
        lambda: store.get(10_000),
    ]
    left = {}
    for case in cases:
        with pytest.raises(KintsugiError) as caught:
            case()
        shown = describe(caught.value)
        if words := english_left(shown, "vacia.png", "nota.png", "nota.txt", "cortado.pdf"):
            left[shown] = words
    assert not left, left_report(left)


def test_problems_opening_a_journal_file_are_spanish(spanish, tmp_path):
    empty = tmp_path / "vacio.kintsugi"
    empty.write_bytes(b"")
    (tmp_path / "carpeta.kintsugi").mkdir()
    good = tmp_path / "diario.kintsugi"
    Vault.create(good, PASSPHRASE, params=FAST_KDF).lock()
    with Vault.open(good, PASSPHRASE) as v:
        taken = backups.take_backup(v, "before-passphrase-change")
    shown = []
    for path in (empty, tmp_path / "carpeta.kintsugi", tmp_path / "no-existe.kintsugi"):
        with pytest.raises(KintsugiError) as caught:
            Vault.open(path, PASSPHRASE)
        shown.append(describe(caught.value))
    with pytest.raises(KintsugiError) as caught:
        backups.restore(good, taken.path, "otra frase distinta")
    shown.append(describe(caught.value))
    assert shown[-1] == "Esa frase de contraseña no abre esta copia.", shown
    left = {s: w for s in shown if (w := english_left(s, str(tmp_path)))}
    assert not left, left_report(left)


def test_the_command_line_stays_english(tmp_path):
    """The CLI's contract is English (README): the same refusal, under a Spanish system."""
    path = tmp_path / "month.txt"
    path.write_bytes(CASES[0][1])
    vault_path = tmp_path / "v.kintsugi"
    Vault.create(vault_path, PASSPHRASE, params=FAST_KDF).lock()
    env = {**os.environ, "LANG": "es_ES.UTF-8", "LC_ALL": "es_ES.UTF-8"}
    env["KINTSUGI_LANGUAGE"] = "es"
    r = run_cli(
        "import",
        "--vault",
        str(vault_path),
        str(path),
        "--passphrase-fd",
        "{fd0}",
        secrets=(PASSPHRASE,),
        env=env,
    )
    assert r.returncode == 2
    assert "line 3: the date '2024-13-45' is not a date; nothing was imported." in r.stderr
    ok = tmp_path / "ok.txt"
    shutil.copy(DATA / "jrnl-4.6-iso.txt", ok)
    r = run_cli(
        "import",
        "--vault",
        str(vault_path),
        str(ok),
        "--passphrase-fd",
        "{fd0}",
        secrets=(PASSPHRASE,),
        env=env,
    )
    assert r.returncode == 0 and "3 new, 0 already here" in r.stdout, r.stdout + r.stderr


def test_a_zip_that_holds_no_journal_is_refused_in_spanish(spanish, vault, tmp_path):
    path = tmp_path / "otra.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(KintsugiError) as caught:
        importing.import_path(vault.db, path)
    assert describe(caught.value) == (
        "otra.zip: este zip no contiene ningún diario de Day One (.json); no se importó nada."
    )

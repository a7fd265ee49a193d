"""Every visible string can be translated, and the shipped Spanish translation is complete.

pyside6-lupdate reads only literal texts: ``self.tr("…")``, ``QCoreApplication.translate("ctx",
"…")``, ``QT_TRANSLATE_NOOP("ctx", "…")`` and ``Name.tr("…", "", n)``. A variable, an
f-string, a context held in a variable, or a count passed to ``translate()`` (which its Python
parser silently drops, with every message after it in the call) leaves a string English for
good, so the source is checked for each of those; then lupdate itself runs over src/ and every
message it finds must be translated in kintsugi_es.ts (and its plural forms in kintsugi_en.ts),
and the .qm files must be exactly what lrelease makes of the .ts files.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "kintsugi"
TR_DIR = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
# Where a text is looked up by a variable on purpose: the helpers that translate a text
# marked with QT_TRANSLATE_NOOP where it was written.
LOOKUP_HELPERS = {
    ("core/i18n.py", "marked"),
    ("core/i18n.py", "translate"),
    ("ui/i18n.py", "_translate"),
}


def _literal(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _problems(path: Path) -> list[str]:
    rel = path.relative_to(SRC).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node

    def function_of(node: ast.AST) -> str:
        while node in parents:
            node = parents[node]
            if isinstance(node, ast.FunctionDef):
                return node.name
        return ""

    def inside_fstring(node: ast.AST) -> bool:
        while node in parents:
            node = parents[node]
            if isinstance(node, ast.JoinedStr):
                return True
        return False

    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Name) and func.id == "Words":
                target = node.targets[0]
                arg = node.value.args[0] if node.value.args else None
                if not (isinstance(target, ast.Name) and _literal(arg) and arg.value == target.id):
                    out.append(
                        f"{rel}:{node.lineno}: a Words context must be named as its variable"
                    )
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        where = f"{rel}:{node.lineno}"
        if (rel, function_of(node)) in LOOKUP_HELPERS:
            continue
        if name in ("tr", "translate", "QT_TRANSLATE_NOOP") and inside_fstring(node):
            out.append(f"{where}: {name}() inside an f-string (lupdate does not see it)")
            continue
        if name == "tr" and node.args:
            if not _literal(node.args[0]):
                out.append(f"{where}: tr() of something that is not a literal text")
        elif name == "translate" and len(node.args) >= 2:
            if isinstance(func, ast.Attribute) and not (
                isinstance(func.value, ast.Name) and func.value.id in ("QCoreApplication", "i18n")
            ):
                continue  # painter.translate(x, y) and the like
            if not _literal(node.args[0]):
                out.append(f"{where}: translate() with a context that is not a literal")
            if not _literal(node.args[1]):
                out.append(f"{where}: translate() of something that is not a literal text")
            if len(node.args) > 3 or node.keywords:
                out.append(f"{where}: a count passed to translate(): use Name.tr(text, '', n)")
        elif name == "QT_TRANSLATE_NOOP" and not (
            len(node.args) == 2 and all(_literal(a) for a in node.args)
        ):
            out.append(f"{where}: QT_TRANSLATE_NOOP needs a literal context and text")
    return out


def test_every_visible_string_can_be_extracted():
    problems = [p for path in sorted(SRC.rglob("*.py")) for p in _problems(path)]
    assert not problems, "\n".join(problems)


def test_the_source_check_catches_what_lupdate_cannot_read(tmp_path):
    """The check above fails on each thing it looks for (it is not a check that cannot fail)."""
    bad = SRC / "ui" / "_bad_for_the_test.py"
    bad.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "C = 'ctx'\n"
        "Other = Words('Mismatch')\n"
        "class W:\n"
        "    def f(self, label, r):\n"
        "        self.tr(label)\n"
        "        self.tr(f'{label} days')\n"
        "        QCoreApplication.translate(C, 'held in a variable')\n"
        "        QCoreApplication.translate('ctx', '%n day(s)', None, r.n)\n"
        "        QT_TRANSLATE_NOOP(C, 'x')\n"
        "        return f'{self.tr(\"inside\")}'\n",
        encoding="utf-8",
    )
    try:
        assert len(_problems(bad)) == 7, _problems(bad)
    finally:
        bad.unlink()


def _error_classes() -> set[str]:
    from kintsugi.core import errors

    found = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.KintsugiError)
    }
    # a problem in one value of a file, and where in the file it is (core/importing.py)
    return found | {"Invalid", "_Refused"}


def _wording(node: ast.AST) -> bool:
    """Words written in English right there: a literal, an f-string or a sum with letters."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_wording(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _wording(node.left) or _wording(node.right)
    return False


def _untranslated_errors(path: Path, classes: set[str]) -> list[str]:
    rel = path.relative_to(SRC).as_posix()
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in classes and any(_wording(a) for a in node.args):
            out.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:90]}")
    return out


def test_engine_errors_speak_the_persons_language():
    """Issue 15: a message given when raising an engine error (a file's name and line, a
    reason) is written through core/i18n.py — ``arg(translate("Import", "line %1"), n)`` —
    so the app shows it in Spanish, while the command line, which installs no translator,
    keeps its English (README). Only cli.py writes its own English."""
    classes = _error_classes()
    found = [
        p
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "cli.py"
        for p in _untranslated_errors(path, classes)
    ]
    assert not found, (
        "an error's own words bypass the translation (write them with translate()/arg() "
        "from kintsugi.core.i18n, then translate them in kintsugi_es.ts):\n" + "\n".join(found)
    )


def test_the_error_check_catches_english_words(tmp_path):
    bad = SRC / "core" / "_bad_errors_for_the_test.py"
    bad.write_text(
        "def f(path, n, exc):\n"
        "    raise ImportRefused(f'{path}: it is empty; nothing was imported.')\n"
        "    raise InvalidRecord('A boundary needs its wording.')\n"
        "    raise _Refused(f'line {n}', 'it is not UTF-8 text')\n"
        "    raise Invalid(str(exc) + ' in the file')\n"
        "    raise StorageError(arg(translate('errors', 'Could not open %1.'), path))\n"
        "    raise ImportRefused(f'{path}: ' + said(exc))\n",
        encoding="utf-8",
    )
    try:
        found = _untranslated_errors(bad, _error_classes())
        assert [line.split(":")[1] for line in found] == ["2", "3", "4", "5"], found
    finally:
        bad.unlink()


def test_dates_on_screen_follow_the_locale():
    """No English-only date formats (strftime) in the interface: QLocale (ui/i18n.py) only."""
    pattern = re.compile(r"strftime\(|\{[^{}]*:%[aAbBdHMYmyIp]")
    found = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in sorted((SRC / "ui").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, "\n".join(found)


#: Where the interface puts words on screen: setters, and the widgets that take a text.
VISIBLE = {
    "setText",
    "setToolTip",
    "setWindowTitle",
    "setPlaceholderText",
    "setTitle",
    "setStatusTip",
    "setWhatsThis",
    "setAccessibleName",
    "setAccessibleDescription",
    "addItem",
    "addItems",
    "addTab",
    "insertTab",
    "setTabText",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "setLabelText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "addAction",
    "addMenu",
    "setInformativeText",
    "showMessage",
    "setFormat",
    "addRow",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "QMenu",
    "info",
    "warning",
    "error",
    "ask",
}
#: Literal words that are no interface text (the self-check types a passphrase).
NOT_WORDS = {("ui/app.py", "self-check passphrase")}


def _english_on_screen(path: Path) -> list[str]:
    rel = path.relative_to(SRC).as_posix()
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in VISIBLE:
            continue
        owner = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(owner, ast.Name) and owner.id in ("log", "logging", "logger"):
            continue  # the log, never the screen
        said = node.args[:1] + [
            k.value
            for k in node.keywords
            if k.arg in ("text", "placeholderText", "toolTip", "windowTitle", "title")
        ]
        for arg in said:
            literal = arg.value if isinstance(arg, ast.Constant) else None
            if _wording(arg) and (rel, literal) not in NOT_WORDS:
                out.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:90]}")
    return out


def test_no_english_words_reach_the_screen_without_tr():
    """What lupdate cannot see: words put on screen without a translation at all — a
    literal or an f-string given straight to a label, a button, a tool tip, a tab, a menu
    or the message line. Every such text goes through tr() (or translate/marked)."""
    found = [p for path in sorted((SRC / "ui").rglob("*.py")) for p in _english_on_screen(path)]
    assert not found, "\n".join(found)


def test_the_screen_check_catches_english(tmp_path):
    bad = SRC / "ui" / "_bad_screen_for_the_test.py"
    bad.write_text(
        "def f(self, n, channel, log):\n"
        "    self.label.setText('Saved')\n"
        "    QPushButton(f'Delete {n} items')\n"
        "    channel.info('Imported ' + str(n))\n"
        "    QLabel(text='Hello')\n"
        "    self.label.setText(self.tr('Saved'))\n"
        "    log.error('unexpected error: %s', n)\n"
        "    self.combo.addItem(self.tr('None'), 'none')\n",
        encoding="utf-8",
    )
    try:
        found = _english_on_screen(bad)
        assert [line.split(":")[1] for line in found] == ["2", "3", "4", "5"], found
    finally:
        bad.unlink()


def test_numbers_on_screen_follow_the_locale():
    """No Python number formats (``f"{x:.1f}"``, ``f"{n:,}"``) in the interface: "4,0" and
    "10.000" in Spanish come from QLocale (ui/i18n.py: number_text, count_text). The style
    sheet's point sizes are no words (theme.py)."""
    pattern = re.compile(r"\{[^{}]*:[,_]?(\.\d+)?[dfge%]?\}|\{[^{}]*:,\}")
    found = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in sorted((SRC / "ui").rglob("*.py"))
        if path.name != "theme.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, "\n".join(found)


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (c.findtext("name") or "", m.findtext("source") or "", m)
        for c in root.iter("context")
        for m in c.iter("message")
    ]


@pytest.fixture(scope="module")
def updated(tmp_path_factory) -> dict[str, Path]:
    """The .ts files as lupdate makes them from today's src/ (starting from the kept ones)."""
    lupdate = BIN / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.fail("pyside6-lupdate is missing from the virtual environment (PySide6 installs it)")
    out = {}
    for lang, extra in (("es", []), ("en", ["-pluralonly"])):
        ts = tmp_path_factory.mktemp(lang) / f"kintsugi_{lang}.ts"
        shutil.copy(TR_DIR / ts.name, ts)
        subprocess.run(
            [str(lupdate), "-extensions", "py", "-locations", "none", "-no-obsolete", "-silent"]
            + ["-target-language", lang, *extra, str(SRC), "-ts", str(ts)],
            check=True,
            capture_output=True,
        )
        out[lang] = ts
    return out


HOW_TO = (
    "run `make translations`, translate the new or changed messages in "
    "resources/translations/kintsugi_es.ts (Qt Linguist, or by hand), run it again and commit"
)


def test_every_interface_text_is_translated_into_spanish(updated):
    messages = _messages(updated["es"])
    assert len(messages) > 900
    unfinished = [
        f"{context}: {source!r}"
        for context, source, m in messages
        if (m.find("translation").get("type") or "") in ("unfinished", "vanished", "obsolete")
    ]
    assert not unfinished, f"{len(unfinished)} not translated ({HOW_TO}):\n" + "\n".join(unfinished)
    for context, source, m in messages:
        tr = m.find("translation")
        forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
        assert all(f.strip() for f in forms), (context, source)
        if m.get("numerus") == "yes":
            assert len(forms) == 2, (context, source)  # Spanish: one, other
        wanted = sorted(re.findall(r"%(?:\d|n)|\{[a-z_]+\}", source))
        for form in forms:
            found = sorted(re.findall(r"%(?:\d|n)|\{[a-z_]+\}", form))
            # a plural's "one" form may say the number in words ("once")
            assert found == wanted or (m.get("numerus") and set(found) <= set(wanted)), (
                context,
                source,
                form,
            )


def test_the_interface_speaks_plainly(updated):
    """Issue 15: "journal file", not "vault"; "distress (0–10)", not "SUDS"; "the thought that
    hurt most", not "hot"; a count through %n, never "item(s)" in a text that is not a plural."""
    jargon = re.compile(r"\bvaults?\b|\bSUDS\b|\bhot (thought|one)\b", re.IGNORECASE)
    found = []
    for context, source, m in _messages(updated["es"]):
        if jargon.search(source):
            found.append(f"{context}: {source!r}")
        if "(s)" in source and m.get("numerus") != "yes":
            found.append(f"{context}: {source!r} (a count without %n)")
    assert not found, "\n".join(found)


def test_english_plurals_are_written_out(updated):
    messages = _messages(updated["en"])
    assert messages
    for context, source, m in messages:
        forms = [f.text or "" for f in m.find("translation").iter("numerusform")]
        assert len(forms) == 2 and all(forms), (context, source)
        assert "(s)" not in "".join(forms), (context, source, forms)


def test_the_kept_ts_files_are_what_lupdate_makes_of_the_source(updated):
    for lang, ts in updated.items():
        kept = (TR_DIR / ts.name).read_text(encoding="utf-8")
        assert ts.read_text(encoding="utf-8") == kept, f"kintsugi_{lang}.ts is stale: {HOW_TO}"


def test_the_qm_files_are_built_from_the_ts_files(tmp_path):
    lrelease = BIN / "pyside6-lrelease"
    for lang in ("es", "en"):
        qm = tmp_path / f"kintsugi_{lang}.qm"
        subprocess.run(
            [str(lrelease), "-silent", str(TR_DIR / f"kintsugi_{lang}.ts"), "-qm", str(qm)],
            check=True,
            capture_output=True,
        )
        kept = TR_DIR / qm.name
        assert kept.read_bytes() == qm.read_bytes(), f"{kept.name} is stale: run make translations"


def test_the_translations_are_packaged():
    spec = (ROOT / "packaging" / "kintsugi.spec").read_text(encoding="utf-8")
    assert '(str(RESOURCES), "kintsugi/resources")' in spec  # resources/translations with it
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"resources/**/*"' in pyproject

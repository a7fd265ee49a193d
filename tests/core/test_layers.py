"""The rules of docs/architecture.md hold: SQL only where it says."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kintsugi

SRC = Path(kintsugi.__file__).parent
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE FROM|CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT)\b")
# Where SQL may be: the repositories, search, the schema and the vault's own maintenance;
# db.py says BEGIN/COMMIT/ROLLBACK, kdf.py builds the `PRAGMA key` statement (the key).
ALLOWED = {"core/search.py", "core/schema.py", "core/vault.py", "core/db.py", "core/kdf.py"}


def _strings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield node.lineno, node.value


def test_sql_lives_in_the_repositories_search_schema_and_vault():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name.startswith("core/repo/") or name in ALLOWED:
            continue
        for line, text in _strings(path):
            if SQL.search(text):
                found.append(f"{name}:{line}: {text[:60]!r}")
    assert not found, "SQL outside the repositories:\n" + "\n".join(found)


def test_the_rule_sees_sql(tmp_path):
    """The scan finds a statement (so the test above can fail)."""
    probe = tmp_path / "probe.py"
    probe.write_text('"""SELECT in a docstring is prose."""\nq = "SELECT count(*) FROM item"\n')
    assert [t for _, t in _strings(probe) if SQL.search(t)] == ["SELECT count(*) FROM item"]

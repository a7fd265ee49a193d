"""docs/architecture.md's map names every module of the package (so it cannot drift)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_architecture_map_lists_every_module():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = text.split("```")[1]
    listed, stack = set(), []
    for line in block.splitlines()[1:]:
        m = re.match(r"( *)(\S+)", line)
        if not m or not m.group(1):
            continue
        depth = len(m.group(1)) // 2 - 1
        del stack[depth:]
        name = m.group(2)
        if name.endswith("/"):
            stack.append(name.rstrip("/"))
        else:
            listed.add("/".join([*stack, name]))
    package = ROOT / "src" / "kintsugi"
    modules = {
        p.relative_to(package).as_posix() for p in package.rglob("*.py") if p.name != "__init__.py"
    }
    assert modules - listed == set(), "modules missing from docs/architecture.md"
    assert listed - modules == set(), "docs/architecture.md names modules that do not exist"


def test_tests_share_helpers_through_tests_helpers_not_conftests():
    """Shared helpers live in tests/helpers.py; a conftest holds fixtures and is never imported."""
    offenders = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(from|import) tests(\.\w+)*\.conftest\b", text, re.M):
            offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []

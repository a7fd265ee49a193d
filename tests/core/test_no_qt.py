import subprocess
import sys


def test_core_and_cli_import_no_qt():
    code = (
        "import sys, pkgutil, importlib, kintsugi.core, kintsugi.cli\n"
        "for m in pkgutil.walk_packages(kintsugi.core.__path__, 'kintsugi.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

import subprocess
import sys


def test_the_cli_process_cannot_dump_core():
    code = (
        "import resource; from kintsugi.core import hardening\n"
        "done = hardening.harden()\n"
        "assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)\n"
        "assert hardening.is_dumpable() in (False, None)\n"
        "print(done)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "RLIMIT_CORE=0" in r.stdout

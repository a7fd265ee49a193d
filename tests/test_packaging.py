"""The installable app: PyInstaller builds the one-folder app, and it passes its self-check."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(
    shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None,
    reason="PyInstaller is not installed",
)
def test_the_built_app_passes_its_self_check(tmp_path):
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    build = subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "packaging" / "kintsugi.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    app = tmp_path / "dist" / "kintsugi" / "kintsugi"
    assert (
        tmp_path / "dist" / "kintsugi" / "_internal" / "kintsugi" / "resources" / "style.qss"
    ).exists()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    run = subprocess.run(
        [str(app), "--self-check"], capture_output=True, text=True, env=env, timeout=120
    )
    assert run.returncode == 0 and "self-check ok" in run.stderr, run.stderr[-2000:]
    version = subprocess.run([str(app), "--version"], capture_output=True, text=True, env=env)
    assert version.stdout.startswith("kintsugi ")

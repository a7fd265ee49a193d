"""Guard against a Qt binding that corrupts reference counts (PySide6 6.12.0 on Python 3.11:
every ``processEvents()`` and signal emission dropped a reference to None/True and the app
aborted after a few thousand events). Runs in a child so a bad binding fails, not crashes."""

import subprocess
import sys

CHECK = """
import sys
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(["x"])
base = sys.getrefcount(None)
for _ in range(20000):
    app.processEvents()
class Filter(QObject):
    def eventFilter(self, obj, event):
        return False
w, f = QWidget(), Filter()
w.installEventFilter(f)
for _ in range(20000):
    QCoreApplication.sendEvent(w, QEvent(QEvent.User))
t = QTimer()
t.timeout.connect(lambda: None)
for _ in range(20000):
    t.timeout.emit()
assert abs(sys.getrefcount(None) - base) < 100, sys.getrefcount(None) - base
print("sound")
"""


def test_the_qt_binding_keeps_reference_counts():
    r = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert r.returncode == 0 and "sound" in r.stdout, r.stderr[-2000:]

"""The Qt binding's defences (editor/ui/platform/qt_compat.py), and the reason
for the binding's pin: the installed PySide6 must not lose references to
None/True/False (6.12.0 does, once per void call or emit)."""

import subprocess
import sys

import PySide6
from PySide6.QtCore import QObject, QTimer, Signal

from editor.ui.platform import qt_compat


class _Source(QObject):
    fired = Signal(int)


def _drift(obj, calls) -> int:
    """How many references to `obj` 1,000 calls of `calls` lose (negative = lost)."""
    calls()  # warm-up: first calls may cache objects
    before = sys.getrefcount(obj)
    for _ in range(1000):
        calls()
    return sys.getrefcount(obj) - before


def test_the_pinned_binding_keeps_references_to_none_and_true(qtbot):
    """Measured on the real binding without any defence (Python 3.11 makes no
    object immortal): a void call, an emit and QTimer.singleShot. Lower than
    -100 means the binding loses one per call and the pin must change."""
    from PySide6.QtWidgets import QApplication, QLabel

    if qt_compat.loses_singleton_references():
        import pytest

        pytest.skip(f"PySide6 {PySide6.__version__} is known to lose references; guarded")
    label = QLabel()
    qtbot.addWidget(label)
    source = _Source()
    got = []
    source.fired.connect(got.append)
    app = QApplication.instance()
    assert _drift(None, lambda: label.setText("x")) > -100
    assert _drift(True, lambda: source.fired.emit(1)) > -100
    assert _drift(None, lambda: QTimer.singleShot(0, label.hide)) > -100
    assert _drift(None, app.processEvents) > -100
    assert len(got) == 1001


def test_the_version_is_read_without_importing_the_binding():
    assert qt_compat.binding_version() == PySide6.__version__
    probe = subprocess.run(
        [sys.executable, "-c", "import sys; from editor.ui.platform import qt_compat as q; "
         "print(q.binding_version(), 'shiboken6' in sys.modules)"],
        capture_output=True, text=True, check=True)
    assert probe.stdout.split() == [PySide6.__version__, "False"]


def test_the_guard_makes_the_singletons_immortal_only_for_a_binding_that_needs_it():
    assert qt_compat.loses_singleton_references("6.12.0", (3, 11))
    assert not qt_compat.loses_singleton_references("6.12.0", (3, 12))
    assert not qt_compat.loses_singleton_references("6.11.3", (3, 11))
    script = ("import sys; from editor.ui.platform import qt_compat as q; "
              "q.binding_version = lambda: {version!r}; q.guard_binding(); "
              "print(sys.getrefcount(None) > 1 << 40, sys.getrefcount(True) > 1 << 40)")
    for version, immortal in (("6.12.0", sys.version_info < (3, 12)), ("6.11.3", False)):
        out = subprocess.run([sys.executable, "-c", script.format(version=version)],
                             capture_output=True, text=True, check=True).stdout.split()
        assert out == [str(immortal), str(immortal)] or sys.version_info >= (3, 12)


def test_pyside_import_hook_keeps_no_sources_and_still_tells_pyside_modules(tmp_path, monkeypatch):
    import linecache

    from editor.ui.platform.qt_compat import quiet_feature_hook

    quiet_feature_hook()
    feature = sys.modules["shibokensupport.feature"]
    (tmp_path / "galley_probe_plain.py").write_text("X = 1\n", encoding="utf-8")
    (tmp_path / "galley_probe_qt.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    for name in ("galley_probe_plain", "galley_probe_qt"):
        __import__(name)  # an import statement's path: the one PySide hooks
    try:
        assert not any("galley_probe" in f for f in linecache.cache)  # upstream kept both files
        # The same answer PySide's own check gives: 0 = uses PySide, -1 = ignore.
        assert feature.pyside_feature_dict["galley_probe_plain"] == -1
        assert feature.pyside_feature_dict["galley_probe_qt"] == 0
    finally:
        for name in ("galley_probe_plain", "galley_probe_qt"):
            sys.modules.pop(name, None)

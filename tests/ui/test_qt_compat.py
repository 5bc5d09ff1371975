import sys

from PySide6.QtCore import QObject, Signal

from editor.ui.platform.qt_compat import emit


class _Source(QObject):
    fired = Signal(int)


def test_emit_keeps_reference_counts_balanced():
    source = _Source()
    got = []
    source.fired.connect(got.append)
    before = sys.getrefcount(True)
    for i in range(2000):
        emit(source.fired, i)
    assert len(got) == 2000
    assert abs(sys.getrefcount(True) - before) < 10


def test_void_calls_cannot_kill_none(qtbot):
    """The measured bug: each void call drops a reference to None (Python 3.11)."""
    from PySide6.QtWidgets import QLabel

    from editor.ui.platform.qt_compat import immortalize_singletons

    immortalize_singletons()
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    dropped = before - sys.getrefcount(None)
    assert dropped in (0, 1000)  # 1000 on the broken binding, 0 once fixed
    assert sys.getrefcount(None) > 1 << 30 or sys.version_info >= (3, 12)


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

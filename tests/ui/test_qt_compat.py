import sys

from PySide6.QtCore import QObject, Signal

from editor.ui.qt_compat import emit


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

    from editor.ui.qt_compat import immortalize_singletons

    immortalize_singletons()
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    dropped = before - sys.getrefcount(None)
    assert dropped in (0, 1000)  # 1000 on the broken binding, 0 once fixed
    assert sys.getrefcount(None) > 1 << 30 or sys.version_info >= (3, 12)

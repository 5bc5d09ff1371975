"""Running something on a later turn of the event loop, after what is queued.

`QTimer.singleShot(0, fn)` is not "after the pending events" in Qt 6: a
zero delay makes it a queued call, which can run before the paints that
layout changes have asked for. Start-up relies on "the fields have painted,
then build the preview engine" (tests/ui/test_startup.py), and the editor
colours a long post in slices between paints. A timer object with interval 0
fires on the loop's timer pass, once the queued events (paints included) are
handled: that is `after_pending_events`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer


def after_pending_events(parent: QObject, callback, msec: int = 0) -> QTimer:
    """Call `callback` once, on a timer pass at least `msec` from now; never
    after `parent` is gone (the timer is its child)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(msec)

    def fire() -> None:
        timer.deleteLater()
        callback()

    timer.timeout.connect(fire)
    timer.start()
    return timer

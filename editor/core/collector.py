"""The cyclic garbage collector paused while work builds many short-lived objects.

A render (and, in the window, a site's facts) makes hundreds of thousands of short-lived objects (markdown-it
tokens, Python-Markdown elements) and frees nearly all of them by reference
counting when it ends. Each 700 allocations start a generation-0 collection
that walks every young object, and each tenth one a generation-1 walk: on
100 KB of table rows or definition items these walks were 30–40 % of the
render (0.88 s → 0.61 s, 1.05 s → 0.60 s, bench_hostile on two cores).
Pausing the collector for the render's span keeps only the work that
matters; the few cycles made meanwhile are collected once it ends.

The collector is process-wide and renders may run on several threads (a
window each, the CLI's pool): a count of the paused spans keeps it paused
until the last one ends, and a span started with the collector already
disabled by someone else leaves it disabled.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_spans = 0
#: Whether the collector was enabled when the first open span began.
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cyclic collector disabled (see the module)."""
    global _spans, _was_enabled
    with _lock:
        if _spans == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _spans += 1
    try:
        yield
    finally:
        with _lock:
            _spans -= 1
            if _spans == 0 and _was_enabled:
                gc.enable()

"""A start-up check of the whole app: window, first paint, preview.

`install()` wraps `editor.ui.launch`, so the real start-up path runs
(`galley PATH` -> editor.cli.open -> editor.ui.main) and only the window it
returns is watched. When the window has painted and the preview (QtWebEngine:
its own process, resources and locales) shows the post, one line of JSON goes
to standard output and the app quits with 0:

    {"painted": <epoch seconds>, "preview": <epoch seconds>, "text": "<preview's first 200 chars>"}

If that has not happened within GALLEY_SMOKE_TIMEOUT seconds (default 60), it
says what was missing on standard error and exits 3. The times are wall-clock
(time.time()), so whoever started the process can subtract its own start.
"""

from __future__ import annotations

import json
import os
import sys
import time


def install() -> None:
    import editor.ui as ui

    launch = ui.launch

    def watched_launch(*args, **kwargs):
        window = launch(*args, **kwargs)
        if window is not None:
            _watch(window)
        return window

    ui.launch = watched_launch


def _watch(window) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    seen: dict = {}

    def finish() -> None:
        if seen.get("done"):  # two patches may both find the text
            return
        seen["done"] = True
        print(json.dumps({k: v for k, v in seen.items() if k != "done"}, ensure_ascii=False), flush=True)
        app.exit(0)

    def read_text(view) -> None:
        def got(text: str) -> None:
            if text.strip():
                seen.setdefault("preview", time.time())
                seen["text"] = text.strip()[:200]
                finish()
            else:  # the shell is up, the post not yet patched in
                QTimer.singleShot(100, lambda: read_text(view))

        view.page().toPlainText(got)

    def preview_installed(view) -> None:
        view.patchApplied.connect(lambda *_: read_text(view))

    def too_late() -> None:
        missing = "the first paint" if "painted" not in seen else "the preview of the post"
        print(f"galley smoke: no {missing} within {timeout:g} s", file=sys.stderr, flush=True)
        app.exit(3)

    window.firstShown.connect(lambda: seen.setdefault("painted", time.time()))
    window.previewInstalled.connect(preview_installed)
    if window.preview is not None:
        preview_installed(window.preview)
    timeout = float(os.environ.get("GALLEY_SMOKE_TIMEOUT", "60"))
    QTimer.singleShot(int(timeout * 1000), too_late)

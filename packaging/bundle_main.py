"""The bundle's entry point, of both its executables: `galley` (console: the
command line and the window) and `galley-gui` (windowed: what the desktop entry
runs, so that Windows opens no console beside the window).

`galley validate ...`, `galley render ...`, `galley --version` and `galley
[PATH]` behave as the pip-installed `galley` command does (editor.cli.main).

With GALLEY_SMOKE=1 the app starts as usual and quits once the window has
painted and the preview has drawn the post (see galley_smoke): how `make
package-check` proves the bundle's window, and how the start-up of the
bundle and of the venv (`python packaging/bundle_main.py`) are compared.
"""

import multiprocessing
import os
import sys


def opens_window(argv: list[str]) -> bool:
    """Whether the command line `argv` opens the window (as editor.cli.main decides)."""
    from editor.cli import SUBCOMMANDS

    return not argv or (argv[0] not in SUBCOMMANDS and not argv[0].startswith("-"))


def give_streams() -> None:
    """A windowed program has no standard streams (Windows: None); messages
    meant for a terminal (`galley-gui missing.md`) must not crash it."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def give_qt_its_prefix() -> None:
    """The qt.conf PyInstaller's PySide6 runtime hook would register at every
    start (the spec replaces that hook), registered only when the window opens;
    a no-op where PySide6 registered its own, as the PyPI wheels do."""
    try:
        from _pyi_rth_utils import qt as qt_rth_utils
    except ImportError:
        return
    base = os.path.join(sys._MEIPASS, "PySide6")
    qt_rth_utils.create_embedded_qt_conf("PySide6", base if os.name == "nt" else os.path.join(base, "Qt"))


def main() -> int:
    # A validation worker (spawned, or from the forkserver) is a new run of
    # this binary: it does its job and exits here instead of starting Galley.
    multiprocessing.freeze_support()
    give_streams()
    if getattr(sys, "frozen", False) and opens_window(sys.argv[1:]):
        give_qt_its_prefix()
    if os.environ.get("GALLEY_SMOKE"):
        import galley_smoke

        galley_smoke.install()
    from editor.cli import main as galley

    return galley()


if __name__ == "__main__":
    sys.exit(main())

"""The bundle's entry point: one `galley` binary for the command line and the window.

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


def main() -> int:
    # A validation worker (spawned, or from the forkserver) is a new run of
    # this binary: it does its job and exits here instead of starting Galley.
    multiprocessing.freeze_support()
    if os.environ.get("GALLEY_SMOKE"):
        import galley_smoke

        galley_smoke.install()
    from editor.cli import main as galley

    return galley()


if __name__ == "__main__":
    sys.exit(main())

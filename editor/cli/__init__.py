"""The `galley` command: thin over editor.core.

Each subcommand lives in its own module here and exposes
`register(subparsers) -> None`; the parser it adds sets `func=run` with
`run(args) -> int` (exit codes: 0 ok, 1 a problem with a post, 2 usage).
`galley` with no subcommand, or with a path, opens the app.
"""

from __future__ import annotations

import sys

from editor import __version__

#: Subcommand modules, in the order `galley --help` lists them.
SUBCOMMANDS = ("fm", "validate", "render")


def build_parser():
    # Imported here: `galley POST` opens the window without a parser, and
    # argparse (with gettext) is ~1.5 ms of its start-up.
    import argparse
    import importlib

    parser = argparse.ArgumentParser(
        prog="galley",
        description="Edit and preview static-site posts (Jekyll, Hugo, Zola).",
        epilog="Run `galley PATH` to open a post or a site folder in the editor.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"galley {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"editor.cli.{name}")
        except ModuleNotFoundError as exc:  # a subcommand not written yet
            if exc.name != f"editor.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `galley`, `galley FILE`, `galley SITE_DIR`: open the window.
    if not argv or (argv[0] not in SUBCOMMANDS and not argv[0].startswith("-")):
        from editor.cli.open import run_open

        return run_open(argv)
    if argv in (["--version"], ["-V"]):
        # Without the parser, which imports every subcommand (validation,
        # rendering): a packager's or a script's version check stays instant.
        print(f"galley {__version__}")
        return 0
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Our reader went away (`galley validate | head`): not an error. Only
        # stdout's pipe, though: any other pipe breaking (one of our own worker
        # processes) must not pass for a clean run.
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            return 0
        raise

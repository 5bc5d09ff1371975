"""`galley fm get|set|unset`: read and edit one front-matter key from the shell.

Thin over editor.core: `storage.load` reads the post, the `Document` edits
only the key's lines, `storage.save` writes atomically and refuses if the file
changed on disk in between. Exit codes: 0 ok, 1 a problem with the post
(printed as `path:line:col: error: message`), 2 a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import math
import os
import sys
from typing import Any, Callable

from editor.core.errors import KeyPathError, PostError
from editor.core.storage import StorageError

OK, POST_PROBLEM, USAGE = 0, 1, 2

#: VALUE parsing refuses values with more nodes than this (an alias bomb in
#: a command-line argument must not hang the command).
_MAX_VALUE_NODES = 10_000
_MAX_VALUE_DEPTH = 64


class UsageError(Exception):
    """A bad KEY or VALUE on the command line (exit 2)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "fm",
        help="get, set or unset a front-matter key",
        description="Read or edit one front-matter key; the rest of the file is kept byte for byte.",
    )
    parser.set_defaults(func=lambda args: _help(parser))
    actions = parser.add_subparsers(dest="fm_action", metavar="ACTION")

    get = actions.add_parser("get", help="print a key's value (lists and maps as JSON)")
    get.add_argument("file", metavar="FILE")
    get.add_argument("key", metavar="KEY", help="a key, or a dotted path such as image.alt")
    get.set_defaults(func=_guarded(run_get))

    set_ = actions.add_parser("set", help="set a key (VALUE is read as YAML unless --string)")
    set_.add_argument("--string", action="store_true", help="store VALUE as text, as typed")
    set_.add_argument("--force", action="store_true", help="save even if the post has errors")
    set_.add_argument("file", metavar="FILE")
    set_.add_argument("key", metavar="KEY", help="a key, or a dotted path such as image.alt")
    set_.add_argument(
        "value",
        metavar="VALUE",
        help="a YAML scalar or flow value: [a, b] is a list, 2024-01-02 a date, true a boolean",
    )
    set_.set_defaults(func=_guarded(run_set))

    unset = actions.add_parser("unset", help="remove a key")
    unset.add_argument("--force", action="store_true", help="save even if the post has errors")
    unset.add_argument("file", metavar="FILE")
    unset.add_argument("key", metavar="KEY", help="a key, or a dotted path such as image.alt")
    unset.set_defaults(func=_guarded(run_unset))


def _guarded(action: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """No post, however broken, may end in a traceback: an unexpected failure
    in the core becomes a located error (set GALLEY_DEBUG=1 to see the trace)."""

    @functools.wraps(action)
    def run(args: argparse.Namespace) -> int:
        try:
            return action(args)
        except (KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:
            if os.environ.get("GALLEY_DEBUG"):
                raise
            return _fail(
                _located(args.file, f"internal error ({type(exc).__name__}: {exc}); please report it")
            )

    return run


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return USAGE


# -- the three actions --------------------------------------------------------


def run_get(args: argparse.Namespace) -> int:
    loaded = _load(args.file)
    if isinstance(loaded, int):
        return loaded
    doc, _ = loaded
    missing = object()
    try:
        value = doc.get(args.key, missing)
    except (KeyPathError, ValueError, TypeError) as exc:
        return _fail(_located(args.file, f"cannot read key {args.key!r}: {exc}"))
    if value is missing:
        return _fail(_located(args.file, f"no key {args.key!r} in the front matter"))
    _out(format_value(value))
    return OK


def run_set(args: argparse.Namespace) -> int:
    try:
        value = args.value if args.string else parse_value(args.value)
    except UsageError as exc:
        return _fail(f"galley fm set: error: {exc}", USAGE)
    loaded = _load(args.file, editing=True)
    if isinstance(loaded, int):
        return loaded
    doc, fingerprint = loaded
    try:
        changed = doc.set(args.key, value)
    except PostError as exc:
        return _fail(exc.format(args.file))
    except (KeyPathError, ValueError, TypeError) as exc:
        return _fail(_located(args.file, f"cannot set key {args.key!r}: {exc}"))
    if not changed:
        return OK  # same value: the file is not written at all
    return _save(args, doc, fingerprint)


def run_unset(args: argparse.Namespace) -> int:
    loaded = _load(args.file, editing=True)
    if isinstance(loaded, int):
        return loaded
    doc, fingerprint = loaded
    try:
        changed = doc.unset(args.key)
    except PostError as exc:
        return _fail(exc.format(args.file))
    except (KeyPathError, ValueError, TypeError) as exc:
        return _fail(_located(args.file, f"cannot remove key {args.key!r}: {exc}"))
    if not changed:
        return _fail(_located(args.file, f"no key {args.key!r} in the front matter"))
    return _save(args, doc, fingerprint)


# -- pieces -----------------------------------------------------------------


def _load(path: str, editing: bool = False):
    """(document, fingerprint), or an exit code after printing why the post
    cannot be used."""
    from editor.core import storage

    try:
        doc, fingerprint = storage.load(path)
    except StorageError as exc:
        return _fail(str(exc))
    except PostError as exc:  # DecodeError: binary or undecodable
        return _fail(exc.format(path))
    error = doc.front_matter_error
    if error is not None:
        if editing:
            return _fail(error.format(path) + " (fix the front matter first; nothing was changed)")
        return _fail(error.format(path))
    return doc, fingerprint


def _save(args: argparse.Namespace, doc, fingerprint) -> int:
    """Validate, then save atomically against the fingerprint read by _load
    (so a change made on disk in between is reported, not overwritten)."""
    from editor.core import storage

    problems = _validation_errors(doc, args.file)
    if problems and not args.force:
        for line in problems:
            print(line, file=sys.stderr)
        return _fail(
            f"{args.file}: error: the post has errors; not saved (use --force to save anyway)"
        )
    try:
        storage.save(args.file, doc, fingerprint)
    except StorageError as exc:  # ConflictError included
        return _fail(str(exc))
    except PostError as exc:  # EncodeError: a character the encoding lacks
        return _fail(exc.format(args.file))
    return OK


def _validation_errors(doc, path: str) -> list[str]:
    """Error-level diagnostics of the edited post (with its site's schema and
    rules when it is inside a site), formatted; [] if none."""
    from editor.core.site import Site
    from editor.core.validation import ERROR, validate_document

    try:
        site = Site.discover(path)
    except Exception:  # an unreadable site config: validate the post on its own
        site = None
    if site is not None and site.generator == "unknown":
        # No site around the post: its "root" would be its own folder, and
        # indexing that (a Downloads folder, /tmp) could take seconds for nothing.
        site = None
    try:
        diagnostics = validate_document(doc, site)
    except Exception as exc:  # a validator bug is reported, and --force still saves
        return [f"{path}:1:1: error: the post could not be validated: {exc}"]
    return [d.format(path) for d in diagnostics if d.severity == ERROR]


def parse_value(text: str) -> Any:
    """VALUE as a YAML 1.2 scalar or flow value, with the safe loader.

    YAML 1.2 core schema: `10:00` stays the string "10:00" and `on` the string
    "on" (YAML 1.1 would read 600 and True). Tags that build objects
    (`!!python/...`) are refused. An empty VALUE is the empty string.
    """
    if text == "":
        return ""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    loader = YAML(typ="safe", pure=True)  # pure: the C loader is YAML 1.1
    try:
        value = loader.load(text)
    except YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "invalid YAML"
        raise UsageError(f"VALUE is not a valid YAML value ({first}); use --string for text") from None
    except Exception as exc:  # ruamel raises a few non-YAMLError types on odd input
        raise UsageError(f"VALUE is not a valid YAML value ({exc}); use --string for text") from None
    _check_plain(value)
    return value


def _check_plain(value: Any) -> None:
    """Refuse recursive (`&a [*a]`), huge or deep values before they reach the post."""
    budget = [_MAX_VALUE_NODES]

    def walk(node: Any, depth: int, parents: tuple[int, ...]) -> None:
        budget[0] -= 1
        if budget[0] < 0 or depth > _MAX_VALUE_DEPTH:
            raise UsageError("VALUE is too large or too deeply nested")
        if isinstance(node, (list, dict)):
            if id(node) in parents:
                raise UsageError("VALUE refers to itself (a recursive alias)")
            children = node.values() if isinstance(node, dict) else node
            for child in children:
                walk(child, depth + 1, parents + (id(node),))

    walk(value, 0, ())


def format_value(value: Any) -> str:
    """Scalars as plain text (YAML spelling for true/false/null), lists and maps
    as JSON with dates in ISO 8601 and non-ASCII text kept readable."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    return str(value)


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return str(value)


def _located(path: str, message: str) -> str:
    return f"{path}:1:1: error: {message}"


def _out(text: str) -> None:
    try:
        print(text)
    except UnicodeEncodeError:  # a terminal that cannot show Hangul: send UTF-8 bytes
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8") + b"\n")


def _fail(message: str, code: int = POST_PROBLEM) -> int:
    try:
        print(message, file=sys.stderr)
    except UnicodeEncodeError:
        sys.stderr.buffer.write(message.encode("utf-8", "backslashreplace") + b"\n")
    return code

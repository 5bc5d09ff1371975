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

from editor.core.disk.storage import StorageError
from editor.core.post.errors import KeyPathError, PostError, SharedValueError
from editor.core.post.values import AsWritten, same_value

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

    set_ = actions.add_parser(
        "set",
        help="set a key (VALUE is read as YAML unless --string)",
        description="Set one key. VALUE is read as posts are read (YAML 1.1, as Jekyll's Psych): "
        "no and on are booleans, 10:00 is a number; a note says so. Use --string to store text.",
    )
    set_.add_argument("--string", action="store_true", help="store VALUE as text, as typed")
    sharing = set_.add_mutually_exclusive_group()
    sharing.add_argument("--shared", action="store_const", const="shared", dest="share",
                         help="the key shares its value with others (YAML anchor): change it for all")
    sharing.add_argument("--own", action="store_const", const="own", dest="share",
                         help="the key shares its value with others: give this key its own value")
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
    unsharing = unset.add_mutually_exclusive_group()
    unsharing.add_argument("--shared", action="store_const", const="shared", dest="share",
                           help="the value is shared with other keys: remove it for all")
    unsharing.add_argument("--own", action="store_const", const="own", dest="share",
                           help="the value is shared with other keys: remove it here only")
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
        changed = _set_as_typed(doc, args, value)
    except SharedValueError as exc:
        return _fail(_at_key(doc, args, f"{_shared_with(args.key, exc.sharing)}; use --shared to change "
                                        f"it for all of them or --own to give `{args.key}` its own value"))
    except PostError as exc:
        return _fail(exc.format(args.file))
    except (KeyPathError, ValueError, TypeError) as exc:
        return _fail(_at_key(doc, args, f"cannot set key {args.key!r}: {exc}"))
    if not args.string:
        note = reading_note(args.value, value, _generator(args.file))
        if note:
            print(f"note: {note}", file=sys.stderr)
    if not changed:
        return OK  # same value: the file is not written at all
    return _save(args, doc, fingerprint)


def _set_as_typed(doc, args: argparse.Namespace, value: Any) -> bool:
    """Set KEY; a number or a date is written as typed (`+0900` stays `+0900`,
    `1.10` stays `1.10`) when the post's format reads that text as the same
    value there, else as the value in the file's own style."""
    typed = args.value.strip()
    if args.string or isinstance(value, bool) or not isinstance(value, (int, float, dt.date)) \
            or doc.kind.value != "yaml" or typed != args.value:
        return doc.set(args.key, value, share=args.share)
    before = doc.front_matter_text
    changed = doc.set(args.key, AsWritten(typed), share=args.share)
    if not same_value(doc.get(args.key), value):  # e.g. a quoted entry keeps it a string
        doc.set_front_matter_text(before)
        changed = doc.set(args.key, value, share=args.share)
    return changed


def _shared_with(key: str, sharing: Any) -> str:
    others = ", ".join(f"`{'.'.join(map(str, p))}`" for p in getattr(sharing, "others", ()))
    return f"`{key}` shares its value with {others or 'another key'} (anchor &{sharing.anchor})"


def run_unset(args: argparse.Namespace) -> int:
    loaded = _load(args.file, editing=True)
    if isinstance(loaded, int):
        return loaded
    doc, fingerprint = loaded
    try:
        changed = doc.unset(args.key, share=args.share)
    except SharedValueError as exc:
        return _fail(_at_key(doc, args, f"{_shared_with(args.key, exc.sharing)}; use --shared to remove "
                                        f"it for all of them or --own to remove it from `{args.key}` only"))
    except PostError as exc:
        return _fail(exc.format(args.file))
    except (KeyPathError, ValueError, TypeError) as exc:
        return _fail(_at_key(doc, args, f"cannot remove key {args.key!r}: {exc}"))
    if not changed:
        return _fail(_located(args.file, f"no key {args.key!r} in the front matter"))
    return _save(args, doc, fingerprint)


def _at_key(doc, args: argparse.Namespace, message: str) -> str:
    """`path:line:col: error: message` at the key when it is in the file."""
    try:
        where = doc.key_location(args.key)
    except (KeyPathError, ValueError, TypeError):
        where = None
    line, column = where or (1, 1)
    return f"{args.file}:{line}:{column}: error: {message}"


# -- pieces -----------------------------------------------------------------


def _load(path: str, editing: bool = False):
    """(document, fingerprint), or an exit code after printing why the post
    cannot be used."""
    from editor.core.disk import storage

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
    from editor.core.disk import storage

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
    from editor.core.site.site import Site
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
    """VALUE as a YAML scalar or flow value, read as posts are read: YAML 1.1
    with GalleyLoader, as Jekyll's Psych reads front matter (`no` is false,
    `10:00` is 600, `2015-01-02 11:00:00 +0900` a date-time), so a value set
    here reads back as the same kind of value. Tags that would build objects
    (`!!python/...`) are refused. An empty VALUE is the empty string.
    """
    if text == "":
        return ""
    import yaml

    from editor.core.post.yaml_loader import GalleyLoader

    try:
        node = yaml.compose(text, Loader=GalleyLoader)
        _check_tags(node)
        value = yaml.load(text, Loader=GalleyLoader)
    except UsageError:
        raise
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "invalid YAML"
        raise UsageError(f"VALUE is not a valid YAML value ({first}); use --string for text") from None
    except (ValueError, TypeError, OverflowError, LookupError, RecursionError) as exc:
        raise UsageError(f"VALUE is not a valid YAML value ({exc}); use --string for text") from None
    _check_plain(value)
    return value


def _check_tags(node: Any) -> None:
    seen: set[int] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if current.tag.startswith("tag:yaml.org,2002:python/"):
            raise UsageError("VALUE has a tag that could run code (!!python/...); use --string for text")
        if isinstance(current.value, list):
            for item in current.value:
                stack.extend(item if isinstance(item, tuple) else (item,))


def _generator(path: str) -> str:
    from editor.core.site.site import Site

    try:
        site = Site.discover(path)
    except Exception:  # an unreadable site config: the note names Galley's reading
        return "unknown"
    return getattr(site, "generator", "unknown") if site is not None else "unknown"


def reading_note(text: str, value: Any, generator: str = "jekyll") -> str | None:
    """A sentence when VALUE reads as something other than it looks (`no` as
    false, `10:00` as 600, `1.10` as 1.1), in the form's wording
    (editor.core.post.readings), else None. VALUE may be meant as a word, so words
    read as true/false count; text stays text, so text gets no note."""
    from editor.core.post.readings import reading

    if isinstance(value, str):
        return None
    found = reading(text, value, text_field=True, generator=generator)
    if found is None:
        return None
    return f"{found.sentence(f'VALUE {text.strip()!r} is read')} Use --string to keep the text."


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

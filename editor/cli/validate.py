"""`galley validate PATH...`: check posts the way the window does before a save.

Files are checked as given; a folder is scanned for posts (Jekyll `_posts`,
`_drafts` and collections, Hugo/Zola `content/`; sites nested below the folder
are found too). Prints `path:line:col: severity: message [rule-id]` lines and a
summary, or with `--format json` a JSON list of {path, line, column, severity,
rule, message}. Exit 0: no errors; 1: errors (warnings too with --strict);
2: a usage error (a path that does not exist or is a FIFO, a device or a socket,
a broken galley.toml).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from editor.core.validation.messages import QT_TRANSLATE_NOOP

OK, PROBLEMS, USAGE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check posts: front matter, dates, links, images, markup",
        description="Check posts for problems that break or spoil a site build. "
                    "A folder is scanned for posts.",
        epilog="Exit status: 0 no errors, 1 errors found, 2 usage error. "
               "Rules and the front-matter schema are set in galley.toml (see README).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a post file or a folder")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text lines (default) or a JSON list")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help="processes to use (default: all cores)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from editor.core.site.scan import scan_folder
    from editor.core.site.site import SETTINGS_FILE
    from editor.core.validation import SchemaError, validate_paths
    from editor.core.validation.config import check_galley_toml
    from editor.core.validation.pipeline import WorkerLost
    from editor.core.validation.runner import group_by_site

    if args.jobs is not None and args.jobs < 1:
        print("galley validate: --jobs must be at least 1", file=sys.stderr)
        return USAGE
    files: list[str] = []
    whole: set[str] = set()  # roots of the sites all of whose posts are in `files`
    for raw in args.paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(scan_folder(path, whole))
            continue
        problem = _not_a_post_file(raw)
        if problem:
            print(problem, file=sys.stderr)
            return USAGE
        files.append(raw)
    files = list(dict.fromkeys(files))  # a file named twice is checked once
    try:  # a broken galley.toml is a usage error: say so before any post is read
        groups = group_by_site(files)  # validate_paths uses these too
        for key in groups:
            for problem in check_galley_toml(Path(key)):
                print(f"{Path(key) / SETTINGS_FILE}: warning: {problem}", file=sys.stderr)
    except SchemaError as exc:
        print(f"galley validate: {exc}", file=sys.stderr)
        return USAGE
    progress = ProgressBar(len(files)) if sys.stderr.isatty() else None
    try:
        diagnostics = validate_paths(files, jobs=args.jobs, progress=progress, groups=groups,
                                     whole_sites=whole)
    except WorkerLost as exc:  # killed, out of memory: say so, not a traceback
        if progress:
            progress.finish()
        print(f"galley validate: error: {exc}; nothing was reported, run it again", file=sys.stderr)
        return USAGE
    finally:
        if progress:
            progress.finish()
    if args.strict:
        diagnostics = [d.with_severity("error") if d.severity == "warning" else d
                       for d in diagnostics]
    shown: dict = {}  # a post with findings usually has several
    paths = [shown[d.path] if d.path in shown else shown.setdefault(d.path, _shown(d.path))
             for d in diagnostics]
    # The records and lines are made from each finding and its shown path directly: a
    # big site has thousands of findings, and a copy of each (with_path) or a dict of
    # all its fields per record field (to_json) cost more than writing them.
    if args.format == "json":
        records = [{"path": path, "line": d.line, "column": d.column, "severity": d.severity,
                    "rule": d.rule, "message": d.message}
                   for d, path in zip(diagnostics, paths)]
        # dumps + one write: json.dump writes each small piece on its own.
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    else:
        # One write, not one per line: stdout may be unbuffered (PYTHONUNBUFFERED) and a
        # big site has thousands of findings.
        # The sentences in the reader's language (ids, severities and the JSON stay
        # English: scripts and editors' problem matchers parse them).
        from editor.core.catalogue import current

        language = current()
        lines = [(d if language is None else _localized(d, language)).format(path)
                 for d, path in zip(diagnostics, paths)]
        lines.append(summary(diagnostics, len(files), paths, language))
        sys.stdout.write("\n".join(lines) + "\n")
    return PROBLEMS if any(d.severity == "error" for d in diagnostics) else OK


def _localized(d, language):
    """`d` with its message and fix in `language` (a core catalogue)."""
    from dataclasses import replace

    from editor.core.catalogue import shown

    message = shown(language, "Diagnostics", getattr(d, "template", ""), getattr(d, "params", ()), d.message)
    fix = d.fix and shown(language, "Diagnostics", getattr(d, "fix_template", ""), getattr(d, "params", ()), d.fix)
    return replace(d, message=message, fix=fix) if (message, fix) != (d.message, d.fix) else d


def _not_a_post_file(raw: str) -> str | None:
    """Why `raw` cannot be read as a post (`path: error: ...`), or None.
    A FIFO would block the reader and a device never end: refused here,
    before anything is opened."""
    from editor.core.disk.storage import StorageError, check_regular_file

    try:
        check_regular_file(raw)
    except StorageError as exc:
        if exc.message == "no such file":
            return f"{raw}: error: no such file or folder"
        return str(exc)
    return None


# The closing line's words, marked for the catalogue (the core's no-op marker:
# lupdate reads the literals). One sentence per count form: languages pluralise
# differently, and Korean does not at all.
_COUNTS = {
    ("error", True): QT_TRANSLATE_NOOP("ValidateSummary", "{count} error"),
    ("error", False): QT_TRANSLATE_NOOP("ValidateSummary", "{count} errors"),
    ("warning", True): QT_TRANSLATE_NOOP("ValidateSummary", "{count} warning"),
    ("warning", False): QT_TRANSLATE_NOOP("ValidateSummary", "{count} warnings"),
    ("info", True): QT_TRANSLATE_NOOP("ValidateSummary", "{count} info"),
    ("info", False): QT_TRANSLATE_NOOP("ValidateSummary", "{count} infos"),
    ("file", True): QT_TRANSLATE_NOOP("ValidateSummary", "{count} file"),
    ("file", False): QT_TRANSLATE_NOOP("ValidateSummary", "{count} files"),
}
_SUMMARY = QT_TRANSLATE_NOOP("ValidateSummary", "{errors}, {warnings}, {infos} in {files} ({with_problems} with findings)")


def summary(diagnostics, files: int, paths=None, language=None) -> str:
    """The closing line; `paths`, each finding's path as shown, when not `d.path`;
    `language`, a core catalogue to say it in (None: English)."""
    from editor.core.catalogue import shown

    counts = Counter(d.severity for d in diagnostics)
    with_problems = len(set(paths if paths is not None else (d.path for d in diagnostics)))

    def say(template: str, **params) -> str:
        return shown(language, "ValidateSummary", template, params.items(), template.format(**params))

    def n(count: int, word: str) -> str:
        return say(_COUNTS[(word, count == 1)], count=count)

    return say(_SUMMARY, errors=n(counts["error"], "error"), warnings=n(counts["warning"], "warning"),
               infos=n(counts["info"], "info"), files=n(files, "file"), with_problems=with_problems)


def _shown(path: str | None) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    if not path:
        return "<post>"
    from editor.core.site.paths import is_normal_absolute

    if is_normal_absolute(path):  # plain string work: a big site has thousands of paths
        cwd = os.getcwd()
        if path.startswith(cwd.rstrip(os.sep) + os.sep):
            rel = path[len(cwd.rstrip(os.sep)) + 1:]
            return path if rel.startswith("..") else rel  # as the relpath test below
        if path != cwd:
            return path  # outside the current folder: relpath would start with ".."
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


class ProgressBar:
    """A one-line bar on stderr, shown only once the run has taken more than half a second."""

    DELAY = 0.5

    def __init__(self, total: int, stream=None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if time.monotonic() - self.start < self.DELAY:
            return
        width = 30
        filled = int(width * done / max(total, 1))
        self.stream.write(f"\rvalidating [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()
            self.shown = False

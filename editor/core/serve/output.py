"""The server's output, line by line, read as events.

Jekyll says "Server running..." once it serves, "Regenerating: ..." when it
sees a change and "...done in" when the rebuild is written; an error is a
"Liquid Exception:" / "Error:" line naming the file. Hugo says "Web Server is
available at" once it serves, "Change detected, rebuilding site." then
"Total in N ms" (or an "Error: ..." line with "path:line:col"). Bundler without
the site's gems says "Could not find gem" / "GemNotFound".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

READY, BUILDING, REBUILT, ERROR, MISSING_GEMS = "ready", "building", "rebuilt", "error", "missing-gems"


@dataclass(frozen=True)
class BuildError:
    """A build error the generator reported: the file and line when it says them.

    Read by the problems panel like a validation diagnostic (severity, rule,
    message, line, column, key, path)."""

    message: str
    path: str | None = None
    line: int = 1
    column: int = 1
    severity: str = "error"
    rule: str = "site-build"
    key: str | None = None
    fix: str | None = None
    template: str = ""
    params: tuple = ()
    fix_template: str = ""
    #: True when `line` counts from the body's first line (Jekyll's Liquid
    #: errors), so the window adds the front matter's lines.
    body_relative: bool = False


@dataclass(frozen=True)
class Event:
    kind: str
    error: BuildError | None = None


_J_READY = re.compile(r"Server running\.\.\.")
_J_BUILDING = re.compile(r"^\s*(Regenerating:|Generating\.\.\.)")
_J_DONE = re.compile(r"^\s*(\.\.\.)?done in [\d.]+ seconds")
_J_LIQUID = re.compile(r"Liquid Exception: (?P<msg>.*?)(?: in (?P<path>/\S.*?))?\s*$")
_J_LINE = re.compile(r"\(line (\d+)\)")
_J_YAML = re.compile(r"Error: YAML Exception reading (?P<path>.+?): (?P<msg>.*?)\s*$")
_J_YAML_LINE = re.compile(r"at line (\d+) column (\d+)")
_H_READY = re.compile(r"Web Server is available at")
_H_BUILDING = re.compile(r"^Change detected, rebuilding site")
_H_DONE = re.compile(r"^Total in \d+ ms")
# "Error: Error building site: ..." at start, "ERROR <date> <time> Rebuild failed: ..." when serving.
_H_PREFIX = r"^(?:ERROR \S+ \S+ |Error: )(?:[Ee]rror building site: |Rebuild failed: )?"
_H_ERROR = re.compile(_H_PREFIX + r'"?(?P<path>/[^":]+):(?P<line>\d+):(?P<col>\d+)"?:\s*(?P<msg>.*)$')
_H_ERROR_ANY = re.compile(_H_PREFIX + r"(?P<msg>.+)$")
_GEMS = re.compile(r"Could not find gem|GemNotFound|Run `bundle install`|Bundler::GemNotFound|Could not find .* in locally installed gems")


def plain(line: str) -> str:
    """The line without terminal colours."""
    return _ANSI.sub("", line).rstrip("\r\n")


class OutputReader:
    """Reads one server's output lines into events (`feed` gives those of one line)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def feed(self, raw: str) -> list[Event]:
        line = plain(raw)
        if _GEMS.search(line):
            return [Event(MISSING_GEMS)]
        return self._jekyll(line) if self.kind == "jekyll" else self._hugo(line)

    def _jekyll(self, line: str) -> list[Event]:
        if _J_READY.search(line):
            return [Event(READY)]
        if _J_BUILDING.match(line):
            return [Event(BUILDING)]
        if _J_DONE.match(line):
            return [Event(REBUILT)]
        m = _J_LIQUID.search(line)
        if m:
            msg = m.group("msg").strip()
            where = _J_LINE.search(msg)
            return [Event(ERROR, BuildError(msg, m.group("path"), int(where.group(1)) if where else 1,
                                            body_relative=where is not None))]
        m = _J_YAML.search(line)
        if m:
            msg = m.group("msg")
            where = _J_YAML_LINE.search(msg)
            # Psych counts from the file's first line, the opening `---` included.
            return [Event(ERROR, BuildError(msg, m.group("path"), int(where.group(1)) if where else 1,
                                            int(where.group(2)) if where else 1))]
        return []

    def _hugo(self, line: str) -> list[Event]:
        if _H_READY.search(line):
            return [Event(READY)]
        if _H_BUILDING.match(line):
            return [Event(BUILDING)]
        if _H_DONE.match(line):
            return [Event(REBUILT)]
        m = _H_ERROR.match(line)
        if m:
            return [Event(ERROR, BuildError(m.group("msg").strip(), m.group("path"),
                                            int(m.group("line")), int(m.group("col"))))]
        m = _H_ERROR_ANY.match(line)
        if m:
            return [Event(ERROR, BuildError(m.group("msg").strip()))]
        return []


def errors_for(errors, path: Path | None) -> list[BuildError]:
    """The errors about the post at `path` (resolved paths compared)."""
    if path is None:
        return []
    target = Path(path).resolve()
    out = []
    for e in errors:
        try:
            if e.path and Path(e.path).resolve() == target:
                out.append(e)
        except OSError:
            continue
    return out

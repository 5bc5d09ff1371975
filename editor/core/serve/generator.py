"""Which program serves a site, and how it is called.

Jekyll: `bundle exec jekyll serve` when the site has a Gemfile (its gems, its
versions), else `jekyll serve`; `--drafts --future` so that what the writer is
working on has a page, on loopback only, and no livereload: the window reloads
the page itself once the rebuild is done. Hugo: `hugo server -D` (drafts),
without its livereload script either.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.serve import texts

#: How a writer gets each program (Debian's packages; the gem for the rest).
INSTALL = {
    "jekyll": "sudo apt install jekyll   (or: gem install jekyll)",
    "hugo": "sudo apt install hugo",
    "bundle": "sudo apt install bundler   (or: gem install bundler)",
}
SERVED = ("jekyll", "hugo")


@dataclass(frozen=True)
class Missing:
    """Why the server cannot start, and the command that fixes it."""

    template: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def message(self) -> str:
        return self.template.format(**dict(self.params))

    @property
    def command(self) -> str:
        return dict(self.params).get("command", "")


@dataclass(frozen=True)
class ServerCommand:
    kind: str  # "jekyll" or "hugo"
    argv: tuple[str, ...]
    cwd: Path
    port: int
    env: dict = field(default_factory=dict, compare=False)


def find_program(name: str, configured: str = "") -> str | None:
    """`configured` (a path from the preferences) when it is an executable file, else PATH's."""
    if configured:
        path = Path(configured).expanduser()
        return str(path) if path.is_file() and os.access(path, os.X_OK) else None
    return shutil.which(name)


def server_command(kind: str, root: Path, port: int, configured: dict | None = None) -> ServerCommand | Missing:
    """The command serving the site at `root` on 127.0.0.1:`port`, or why there is none.

    `configured` maps a program ("jekyll", "hugo", "bundle") to the path the
    preferences give for it ("" or absent: PATH)."""
    configured = configured or {}
    root = Path(root)
    if kind not in SERVED:
        return Missing(texts.NO_SITE)
    common = ("--host", "127.0.0.1", "--port", str(port))
    if kind == "jekyll":
        serve = ("serve", "--drafts", "--future", *common)
        if (root / "Gemfile").is_file():
            bundle = find_program("bundle", configured.get("bundle", ""))
            if bundle is None:
                return Missing(texts.NO_BUNDLER, (("command", INSTALL["bundle"]),))
            return ServerCommand(kind, (bundle, "exec", "jekyll", *serve), root, port,
                                 {"BUNDLE_GEMFILE": str(root / "Gemfile")})
        jekyll = find_program("jekyll", configured.get("jekyll", ""))
        if jekyll is None:
            return Missing(texts.NO_GENERATOR, (("generator", "Jekyll"), ("command", INSTALL["jekyll"])))
        return ServerCommand(kind, (jekyll, *serve), root, port)
    hugo = find_program("hugo", configured.get("hugo", ""))
    if hugo is None:
        return Missing(texts.NO_GENERATOR, (("generator", "Hugo"), ("command", INSTALL["hugo"])))
    # Hugo writes page URLs with `baseURL`: the loopback address the view loads,
    # not `localhost` (which may resolve to ::1, where nothing listens).
    return ServerCommand(kind, (hugo, "server", "-D", "--bind", "127.0.0.1", "--port", str(port),
                                "--baseURL", f"http://127.0.0.1:{port}/", "--appendPort=false",
                                "--disableLiveReload"), root, port)

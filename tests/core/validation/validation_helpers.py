"""Helpers for the validation tests: real site folders built in tmp_path, validated through the real runner."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from editor.core.site.site import Site
from editor.core.validation import ValidationContext, validate_path

#: A fixed "now" so date rules do not depend on the day the suite runs.
NOW = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.timezone.utc)


class SiteBuilder:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def write(self, relpath: str, content: str | bytes) -> Path:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    def site(self) -> Site:
        return Site.discover(self.root)

    def context(self, **kw) -> ValidationContext:
        return ValidationContext.build(self.site(), now=kw.pop("now", NOW), **kw)

    def check(self, relpath: str, rule: str | None = None, context=None):
        """Diagnostics of one file (only `rule`'s when given)."""
        ctx = context or self.context()
        found = validate_path(self.root / relpath, ctx)
        return [d for d in found if rule is None or d.rule == rule]


def post(title: str | None = "A good title for a post", body: str = "Some text.\n",
         **fields) -> str:
    """A YAML post with these fields (values written as given)."""
    lines = ["---"]
    if title is not None:
        lines.append(f"title: {title}")
    lines += [f"{k}: {v}" for k, v in fields.items()]
    lines.append("---")
    return "\n".join(lines) + "\n" + body

"""Liquid that stops `jekyll build`: what fails to parse, an unknown tag, a missing include.

Jekyll renders every post with front matter through Liquid before Markdown,
code blocks included, and an error there stops the whole build. The parse is
python-liquid's, cut and worded as Jekyll's Liquid (`editor.core.post.liquid_syntax`).
A block left open or closed twice is `liquid-unbalanced`'s (markup.py, which
points at the opening tag): this rule stays quiet then, so one mistake is one
finding. `post_url` and `link` targets are `broken-link`'s.

Includes: `{% include name %}` reads `_includes/name` (`includes_dir` in the
config), `{% include_relative name %}` a file beside the post; a symlink counts
pointing outside the site still counts (only Jekyll's safe mode, GitHub
Pages', refuses it; the preview never reads it). A site with a `theme` may
take includes from the theme's gem, which Galley cannot see, and a site with
no includes folder at all is one whose includes are elsewhere (a copy of the
posts, a theme Galley does not know): no finding then.
"""

from __future__ import annotations

import re
from pathlib import Path

from editor.core.validation.rules.markup import _liquid_applies, check_liquid
from editor.core.validation.rules.registry import ERROR, check, diagnostic

_INCLUDE = re.compile(r"\{%-?\s*(include|include_relative)\s+([^\s%{}]+)")
_THEME = re.compile(r"^(?:remote_)?theme\s*:\s*\S", re.M)
_INCLUDES_DIR = re.compile(r"^includes_dir\s*:\s*['\"]?([^'\"\s#]+)", re.M)


@check("liquid-syntax", liquid_error=ERROR)
def check_liquid_syntax(post, ctx):
    if post.decode_error is not None or not post.has("{") or not _liquid_applies(post, ctx):
        return
    if ctx.generator != "jekyll":
        return
    from editor.core.post.liquid_syntax import syntax_problem  # noqa: PLC0415 - python-liquid is big

    body = post.body
    problem = syntax_problem(body)
    if problem is not None:
        if any(True for _ in check_liquid(post, ctx)):
            return  # the unbalanced block, reported at its opening tag
        offset = _offset(body, problem.line, problem.column)
        yield diagnostic("liquid-error", ERROR, post.body_map.position(offset),
                         detail=" ".join(problem.message.split()))
        return
    yield from _missing_includes(post, ctx, body)


def _offset(text: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1


def _missing_includes(post, ctx, body: str):
    if ctx.root is None or "include" not in body:
        return
    site = _site_facts(ctx)
    for m in _INCLUDE.finditer(body):
        kind, name = m.group(1), m.group(2)
        if kind == "include":
            if site["theme"] or not site["has_includes"] or re.fullmatch(r"toc(?:\.html)?", name):
                continue
            folder, base = site["includes"], ctx.root / site["includes"]
        else:
            if post.path is None:
                continue
            base = post.path.parent
            folder = _relative(base, ctx.root)
        if (base / name).is_file():
            continue
        yield diagnostic("liquid-error/include", ERROR, post.body_map.position(m.start()),
                         fix="liquid-error/include", name=name, folder=folder)


def _site_facts(ctx) -> dict:
    memo = ctx.memo("liquid-site")
    if not memo:
        text = ""
        for name in ("_config.yml", "_config.yaml"):
            try:
                text = (ctx.root / name).read_text(encoding="utf-8", errors="replace")
                break
            except OSError:
                continue
        includes = _INCLUDES_DIR.search(text)
        folder = includes.group(1).strip("/") if includes else "_includes"
        memo.update(theme=bool(_THEME.search(text)), includes=folder,
                    has_includes=(ctx.root / folder).is_dir())
    return memo


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve())) or "."
    except (OSError, ValueError):
        return str(path)

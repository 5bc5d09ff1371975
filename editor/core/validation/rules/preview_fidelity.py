"""What the fast preview knows it renders differently from the site's generator.

The preview renders a Jekyll site with kramdown itself when the machine runs
it, else with Python-Markdown (the fallback), a Jekyll site whose `markdown:`
setting is CommonMark (jekyll-commonmark) and a Hugo or Zola site with
markdown-it (render/engine.py). Each engine has constructs whose HTML is not
the generator's; a post using one gets an info finding naming it, so the
writer does not take the preview's rendering of it for the published page.

Cheap: it runs on every pause in typing. A literal search (`post.has`) leads
each construct, its pattern runs only where the marker is; code and comments
are masked out (what is inside code renders as code everywhere). The engine
is chosen here as render/engine.py chooses it (validation does not import the
renderer): for Jekyll, whether Ruby's kramdown loads is probed once per
process and remembered.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from functools import lru_cache

from editor.core.site.markdown_setting import KRAMDOWN, is_commonmark
from editor.core.validation.rules.registry import INFO, check, diagnostic

#: Findings of one construct in one post, at most (the first places are enough).
PER_CONSTRUCT = 10


@dataclass(frozen=True)
class Construct:
    message_id: str
    #: Literal strings of which at least one must be in the body (`post.has`).
    markers: tuple[str, ...]
    pattern: re.Pattern[str]
    #: Parameters of the message.
    params: tuple[tuple[str, str], ...] = ()


def _c(message_id: str, markers: tuple[str, ...], pattern: str, flags: int = re.M, **params: str) -> Construct:
    return Construct(message_id, markers, re.compile(pattern, flags), tuple(sorted(params.items())))


# The sanitizer removes these elements, and a style that could load a local
# file (render/sanitize.py), whatever the engine; Jekyll publishes the post's
# raw HTML as it is.
_SANITIZED = (
    _c("preview-differs/html-element", ("<script", "<SCRIPT", "<svg", "<SVG", "<math", "<MATH"),
       r"<(script|svg|math)\b", re.I),
    _c("preview-differs/style-attribute", ("style=",),
       r"<[A-Za-z][\w-]*\s[^<>]*?\bstyle\s*=\s*(?:\"[^\"]*?|'[^']*?)"
       r"(?:url\(\s*['\"]?(?!https?:|data:|#)|\\|image-set\()", re.I),
)

#: Python-Markdown serving a Jekyll site, against kramdown (each checked
#: against both engines' output: tests/core/validation/test_preview_fidelity.py).
#: Abbreviations, `$$` math and `<< >>` render as kramdown's now
#: (render/jekyll_extras.py), and so do `{::nomarkdown}` and the `^`
#: end-of-block marker (render/kramdown_blocks.py): not flagged.
_FALLBACK_ON_JEKYLL = (
    _c("preview-differs/options", ("{::options",), r"\{::options\b"),
    _c("preview-differs/attribute-definition", ("{:",), r"^ {0,3}\{:(?!:)[\w-]+:"),
) + _SANITIZED

#: markdown-it serving a Hugo site, against goldmark: its known differences
#: (tests/core/render/test_commonmark_engine.py, KNOWN_HUGO_DIFFERENCES) are
#: corner cases of the spec no pattern here would name usefully.
_MARKDOWN_IT_ON_HUGO: tuple[Construct, ...] = ()

#: kramdown itself serving a Jekyll site: only what the preview's sanitizer
#: changes (tests/core/render/test_goldens.py, KRAMDOWN_KNOWN).
_KRAMDOWN_ON_JEKYLL = _SANITIZED

CONSTRUCTS: dict[tuple[str, str], tuple[Construct, ...]] = {
    ("jekyll", "python-markdown"): _FALLBACK_ON_JEKYLL,
    ("jekyll", "kramdown"): _KRAMDOWN_ON_JEKYLL,
    ("hugo", "markdown-it"): _MARKDOWN_IT_ON_HUGO,
}

#: As render/kramdown_engine.py reads it: `GALLEY_KRAMDOWN=0` keeps Jekyll
#: sites on Python-Markdown.
_SWITCH = "GALLEY_KRAMDOWN"


@lru_cache(maxsize=4)
def _kramdown_loads(ruby: str) -> bool:
    import subprocess

    try:
        return subprocess.run([ruby, "-e", "require 'kramdown'"], capture_output=True, timeout=15,
                              stdin=subprocess.DEVNULL).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def kramdown_available() -> bool:
    """Whether the preview can run kramdown here (probed once per Ruby)."""
    if os.environ.get(_SWITCH, "").strip().lower() in ("0", "off", "no", "false"):
        return False
    ruby = shutil.which("ruby")
    return ruby is not None and _kramdown_loads(ruby)


def preview_engine(generator: str, markdown: str = KRAMDOWN) -> str:
    """The engine the preview renders a site of `generator` with (`markdown`:
    a Jekyll site's converter, its `markdown:` setting)."""
    if generator in ("hugo", "zola"):
        return "markdown-it"
    if generator == "jekyll" and is_commonmark(markdown):
        return "markdown-it"  # its constructs are CommonMark's: none listed
    if generator == "jekyll" and markdown != KRAMDOWN:
        return "python-markdown"  # a plugin's converter: the preview approximates it
    if generator == "jekyll":
        return "kramdown" if kramdown_available() else "python-markdown"
    return "python-markdown"


@check("preview-fidelity", preview_differs=INFO)
def check_preview_fidelity(post, ctx):
    if post.decode_error is not None or not post.body:
        return
    generator = ctx.generator
    # Once per context (a site's facts): the engine does not change while typing.
    memo = ctx.memo("preview-engine")
    engine = memo.get(generator)
    if engine is None:
        engine = memo[generator] = preview_engine(generator, ctx.markdown)
    constructs = CONSTRUCTS.get((generator, engine), ())
    body = None
    for construct in constructs:
        if not any(post.has(marker) for marker in construct.markers):
            continue
        if body is None:
            body = post.masked_body
        for n, m in enumerate(construct.pattern.finditer(body)):
            if n == PER_CONSTRUCT:
                break
            params = dict(construct.params)
            if construct.pattern.groups:
                params["tag"] = m.group(1).lower()
            yield diagnostic(construct.message_id, INFO, post.body_map.position(m.start()), **params)

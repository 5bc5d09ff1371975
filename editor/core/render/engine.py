"""Markdown engines: what the incremental renderer needs from one, and which
one a site gets.

Every engine turns one block's Markdown into a `Converted`: HTML in which
heading ids and footnote references are placeholders (headings.py,
footnotes.py) that the renderer fills document-wide, plus what fills them.
The renderer never looks inside an engine beyond the `Engine` protocol.

`engine_for(site)` asks the factories in `FACTORIES`, in order, and takes the
first engine one gives. A factory that needs something the machine may lack
(a program, a package) returns None without it, so the next one serves the
site; Python-Markdown, last, serves every site.

This module is light (no Markdown library at import): each factory imports
its engine when it is asked, on the render worker's thread.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import Callable, Mapping, Protocol, Sequence

from editor.core.render.model import SiteInfo
from editor.core.site.markdown_setting import is_commonmark, jekyll_markdown

#: A reference-link definition: (label, (url, title)).
Definition = tuple[str, tuple[str, "str | None"]]


@dataclass(frozen=True)
class Converted:
    """One conversion: HTML with id/footnote placeholders, and what fills them."""

    html: str
    slugs: tuple[str, ...]
    footnote_refs: tuple[str, ...]
    #: (label, the definition's Markdown source): the renderer converts the
    #: bodies of the definitions the document references, in number order.
    footnote_defs: tuple[tuple[str, str], ...]
    #: (level, text, position among the headings) of headings a TOC lists.
    headings: tuple[tuple[int, str, int], ...] = ()
    #: A stand-in's HTML made because the render's time ran out (`deadline`
    #: below): the renderer asks the engine again on the next render.
    provisional: bool = False


class Engine(Protocol):
    """A Markdown engine. An instance belongs to ONE thread."""

    #: Short, stable name ("python-markdown", "markdown-it"): for the status
    #: bar, logs and the bench.
    name: str
    #: Whether the preview's HTML is the site generator's own dialect. When
    #: False, `reason` says in one plain sentence why the preview is approximate.
    exact: bool
    reason: str
    #: For the same label defined twice, CommonMark keeps the first
    #: definition, Python-Markdown the last.
    first_definition_wins: bool
    #: Whether `convert_many` takes each text's reference definitions (an
    #: engine that converts each text on its own); else texts that need
    #: another block's definitions are converted one by one.
    batches_references: bool

    def convert(self, text: str, references: Mapping[str, tuple[str, str | None]] | None = None) -> Converted:
        """One block (or a whole body) with the given reference definitions."""

    def convert_many(self, texts: Sequence[str],
                     references: Sequence[Mapping[str, tuple[str, str | None]]] | None = None) -> list[Converted]:
        """`convert(text)` for each text (all `batchable`), possibly cheaper;
        with `references` (one mapping per text) only when the engine
        `batches_references`."""

    def batchable(self, text: str) -> bool:
        """Whether `convert_many` may take this text."""

    def definitions_in(self, text: str) -> tuple[Definition, ...]:
        """The reference-link definitions in a block, as this engine reads them."""

    def split(self, body: str) -> list:
        """The body's independent blocks (`blocks.SourceBlock`s) for this dialect."""


#: An engine that runs out of process (kramdown) may take a `deadline`
#: attribute: the `time.monotonic()` by which the render must be done. The
#: renderer sets it before each render (`render_deadline`); past it, the
#: engine hands the blocks left to its stand-in, marked approximate. A hostile
#: 100 KB post is then done within a second (the budget leaves ~0.2 s for the
#: work around the engine), not one time limit per block.
def render_budget(chars: int) -> float:
    """Seconds an out-of-process engine may spend on one render of a body of
    `chars` characters: 0.4 s, 0.4 s more per 100 KB, at most 4 s (kramdown
    reads a realistic 205 KB post in ~0.3 s)."""
    return min(0.4 + 0.4 * chars / 100_000, 4.0)


EngineFactory = Callable[[SiteInfo], "Engine | None"]


def _markdown_it(site: SiteInfo) -> Engine | None:
    """Hugo's goldmark and Zola's pulldown-cmark are CommonMark: markdown-it."""
    if site.generator not in ("hugo", "zola"):
        return None
    if importlib.util.find_spec("markdown_it") is None or importlib.util.find_spec(
            "editor.core.render.commonmark_engine") is None:
        return None  # a trimmed install: Python-Markdown serves
    return _load("commonmark_engine", "CommonMarkEngine").for_site(site)


def _jekyll_commonmark(site: SiteInfo) -> Engine | None:
    """A Jekyll site whose `markdown:` is CommonMark (jekyll-commonmark):
    markdown-it in CommonMark mode, with the plugin's extensions."""
    if site.generator != "jekyll" or not is_commonmark(jekyll_markdown(site.config)):
        return None
    if importlib.util.find_spec("markdown_it") is None:
        return None
    return _load("commonmark_engine", "CommonMarkEngine").for_site(site)


def _kramdown(site: SiteInfo) -> Engine | None:
    """Jekyll's kramdown through a Ruby helper; without it, Python-Markdown
    saying why the preview is approximate."""
    if site.generator != "jekyll":
        return None
    module = importlib.import_module("editor.core.render.kramdown_engine")
    engine = module.kramdown_engine(site)
    if engine is None and module.unavailable_reason():
        engine = _python_markdown(site)
        engine.reason = module.unavailable_reason()
    return engine


def _python_markdown(site: SiteInfo) -> Engine:
    return _load("markdown_pipeline", "MarkdownPipeline")(site.generator)


def _load(module: str, name: str):
    # By name, on first use: the engines import this module (for `Converted`),
    # and a Markdown library must not load with it.
    return getattr(importlib.import_module(f"editor.core.render.{module}"), name)


#: Tried in order; the first engine given wins. `_python_markdown` serves
#: every site, and stays the Jekyll fallback on a machine without kramdown.
FACTORIES: list[EngineFactory] = [_markdown_it, _jekyll_commonmark, _kramdown, _python_markdown]


def engine_for(site: SiteInfo) -> Engine:
    """The engine for `site`'s generator and Markdown options."""
    for factory in FACTORIES:
        engine = factory(site)
        if engine is not None:
            return engine
    raise LookupError(f"no Markdown engine for generator {site.generator!r}")  # _python_markdown takes all


def engine_key(site: SiteInfo) -> tuple:
    """What an engine depends on: a renderer builds a new one when it changes."""
    return (site.generator, _frozen(site.config))


def _frozen(value):
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value

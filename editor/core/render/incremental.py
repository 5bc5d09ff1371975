"""Render a body block by block, re-rendering only what an edit changed.

Pipeline for one block (blocks.py splits the body):

  source ─► templates (Liquid / shortcodes) ─► Markdown (with the reference
  definitions it mentions) ─► local paths ─► sanitizer  ═► "stage 1", cached
  by (templated text, definitions)

then, for every block in document order (cheap string work): unique heading
ids (headings.py), footnote numbers (footnotes.py) and tables of contents
(toc.py) fill the placeholders, and the block is wrapped in
`<div class="galley-block" id="…" data-line-start="…" data-line-end="…">`.

Each distinct block text is remembered as an `_Entry` (templated text, the
link definitions it holds, its stage 1), so a keystroke costs one Markdown
conversion plus a pass over the block list.

Block ids are matched to the previous render by text (common prefix/suffix,
then equal text, then position), so an unchanged block keeps its id and an
edited paragraph keeps its place. The patch lists only blocks whose content
changed; moved line numbers travel separately in `Patch.lines`.

An IncrementalRenderer (and its Markdown instance) belongs to ONE thread:
create one per worker, never share it.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from dataclasses import dataclass, replace
from typing import Any, Callable

from editor.core.render.blocks import SourceBlock
from editor.core.render.context import TemplateContext
from editor.core.render.footnotes import FootnoteIndex
from editor.core.render.header import render_header
from editor.core.render.headings import fill_ids, unique_ids
from editor.core.render.liquid import LiquidStep
from editor.core.collector import collector_paused
from editor.core.render.engine import Converted, Engine, engine_for, engine_key, render_budget
from editor.core.render.model import Block, Patch, RenderOptions, RenderRequest, RenderResult, SiteInfo
from editor.core.render.paths import PathResolver
from editor.core.render.references import fold, relevant
from editor.core.render.sanitize import sanitize
from editor.core.render.shortcodes import render_hugo, render_zola
from editor.core.render.dialect import KRAMDOWN
from editor.core.render.toc import MARKER as TOC_MARKER, fill as fill_toc, toc_headings, toc_html

FOOTNOTES_ID = "galley-footnotes"
#: From this many blocks to convert, one Markdown run converts them
#: (`Engine.convert_many`); a keystroke converts one or two alone.
BATCH_MIN = 8


@dataclass(frozen=True)
class _Stage1:
    html: str
    slugs: tuple[str, ...]
    refs: tuple[str, ...]
    defs: tuple[tuple[str, str], ...]
    headings: tuple[tuple[int, str, int], ...] = ()
    #: The HTML holds a table-of-contents marker (checked once, here, not
    #: on every render for every block).
    toc: bool = False


class _Entry:
    """What one distinct block text yields (see `render`)."""

    __slots__ = ("templated", "defs", "stage", "defs_key")

    def __init__(self, templated: str, defs: tuple) -> None:
        self.templated = templated
        self.defs = defs
        self.stage: _Stage1 | None = None
        self.defs_key: tuple | None = None


def template_step(site: SiteInfo) -> Callable[[str, TemplateContext], str]:
    """The template language the site's generator runs before Markdown (one per renderer:
    Liquid's step keeps the body's variables, see `LiquidStep.prepare`)."""
    if site.generator == "jekyll":
        return LiquidStep()
    if site.generator == "hugo":
        return render_hugo
    if site.generator == "zola":
        return render_zola
    # Unknown generator: both; shortcodes first, or Liquid would read `{{< x >}}` as output.
    return LiquidStep(before=render_hugo)


def wrap(block_id: str, inner: str, start: int, end: int) -> str:
    return (f'<div class="galley-block" id="{block_id}" data-line-start="{start}" '
            f'data-line-end="{end}">\n{inner}\n</div>')


class IncrementalRenderer:
    """See the module docstring. Not thread-safe: one instance per thread."""

    def __init__(self, site: SiteInfo | None = None, options: RenderOptions | None = None,
                 splitter: Callable[[str], list[SourceBlock]] | None = None) -> None:
        # `site` and `options` are defaults; each request carries its own and a
        # change of either (or of the post path) empties the caches.
        self.site = site or SiteInfo()
        self.options = options or RenderOptions()
        #: How the body is cut into blocks (by default, as the engine's dialect
        #: allows); tests pass `whole_body` to compare block-wise output with
        #: one Markdown pass over the whole body.
        self._split: Callable[[str], list[SourceBlock]] = splitter or (lambda body: self._pipeline.split(body))
        # The Markdown engine (engine.py), built on the first render for that
        # site's generator and options (construction costs a few ms; a fresh
        # renderer must not pay it twice).
        self._pipeline: Engine | None = None
        self._pipeline_key: tuple | None = None
        self._env: tuple | None = None
        self._front_matter: Any = None
        self._stage1: dict[tuple, _Stage1] = {}
        self._stage1_old: dict[tuple, _Stage1] = {}
        self._provisional: set[tuple] = set()
        self._filled: dict[tuple, str] = {}
        self._filled_old: dict[tuple, str] = {}
        self._blocks: dict[str, Block] = {}
        self._entries: dict[str, _Entry] = {}
        self._defs_key: tuple = ()
        self._prev: list[tuple[str, str]] = []
        # What the page shows: block id -> (the Block, its wrapper HTML), in order.
        self._sent: dict[str, tuple[Block, str]] = {}
        self._sent_header: str | None = None
        self._sent_order: tuple[str, ...] | None = None
        self._next_id = 0
        #: Blocks converted by Markdown in the last render (for tests and the bench).
        self.last_converted = 0

    @property
    def engine(self) -> Engine | None:
        """The Markdown engine of the last render (`name`, `exact`, `reason`:
        engine.py), or None before the first."""
        return self._pipeline

    # -- the parts -------------------------------------------------------------

    def _reset_env(self, request: RenderRequest) -> None:
        # The theme and the stylesheet only change the page's CSS, not a block's
        # HTML: switching theme must not re-render the whole post.
        body_options = replace(request.options, theme="light", site_css=None)
        env = (request.site, body_options, request.post_path)
        if env != self._env:
            posts_only = self._env is not None and self._env[1:] == env[1:] and _but_posts(self._env[0]) == \
                _but_posts(request.site)
            self._env = env
            self._template = template_step(request.site)
            self._front_matter = None  # the template context is made again below
            # A post added or removed in the site alone (the window's index
            # follows the disk): only Liquid and shortcodes read the post list
            # (post_url, link, site.posts, ref). The texts they make are
            # templated again, and the Markdown stage, keyed by the templated
            # text, stays valid. Emptying it re-rendered a whole 205 KB post
            # (~0.3 s of the GIL) for each post written on disk.
            if not posts_only:
                self._reset_site(request)
        self._reset_front_matter(request)

    def _reset_site(self, request: RenderRequest) -> None:
        """Everything made for the previous site, options or post path goes."""
        self._resolver = PathResolver(request.site, request.post_path, request.options.embed_images)
        key = engine_key(request.site)
        if key != self._pipeline_key:
            self._pipeline = engine_for(request.site)
            self._pipeline_key = key
        self._stage1.clear()
        self._stage1_old.clear()
        self._entries = {}

    def _reset_front_matter(self, request: RenderRequest) -> None:
        if request.front_matter != self._front_matter:
            self._front_matter = dict(request.front_matter)
            self._ctx = TemplateContext(request.site, self._front_matter, request.post_path)
            self._entries = {}
            self._header: str | None = None
        prepare = getattr(self._template, "prepare", None)
        if prepare is not None and prepare(request.body, self._ctx):
            self._entries = {}  # a variable the blocks may use changed

    def _templated_text(self, text: str) -> str:
        # Not memoised here: block texts are memoised as `_Entry`s.
        return self._template(text, self._ctx) if "{" in text else text

    def _convert(self, text: str, refs: tuple) -> _Stage1:
        key = (text, refs)
        hit = self._stage1.get(key) or self._stage1_old.get(key)
        if hit is None:
            hit = self._stage_of(self._pipeline.convert(text, dict(refs)), key)
        self._stage1[key] = hit
        return hit

    def _stage_of(self, conv: Converted, key: tuple) -> _Stage1:
        if conv.provisional:
            self._provisional.add(key)
        out = self._resolver.rewrite(conv.html)
        if not self._options.allow_scripts:
            out = sanitize(out)
        self.last_converted += 1
        return _Stage1(out, conv.slugs, conv.footnote_refs, conv.footnote_defs, conv.headings, TOC_MARKER in out)

    def _convert_many(self, items: list[tuple[str, tuple]]) -> None:
        """Stage 1 of many texts at once (a first render, a pasted post):
        those the engine may batch go through one engine run
        (Engine.convert_many), with their reference definitions where the
        engine takes them; `_convert` then finds them cached."""
        with_refs = self._pipeline.batches_references
        todo = [(text, refs) for text, refs in items
                if (with_refs or not refs) and (text, refs) not in self._stage1
                and (text, refs) not in self._stage1_old and self._pipeline.batchable(text)]
        if len(todo) < BATCH_MIN:
            return
        texts = [text for text, _ in todo]
        converted = (self._pipeline.convert_many(texts, [dict(refs) for _, refs in todo]) if with_refs
                     else self._pipeline.convert_many(texts))
        for key, conv in zip(todo, converted):
            self._stage1[key] = self._stage_of(conv, key)

    def markdown_fragment(self, text: str) -> str:
        """A small Markdown text (excerpt, feature text) → safe HTML."""
        stage = self._convert(self._templated_text(text), ())
        html = fill_ids(stage.html, list(stage.slugs))
        # A header field has no footnote definitions: references stay as text.
        return FootnoteIndex.fill(html, stage.refs, (None,) * len(stage.refs)) if stage.refs else html

    # -- render ---------------------------------------------------------------

    def render(self, request: RenderRequest) -> RenderResult:
        with collector_paused():
            return self._render(request)

    def _render(self, request: RenderRequest) -> RenderResult:
        self._options = request.options
        self._reset_env(request)
        self.last_converted = 0
        self._stage1_old, self._stage1 = self._stage1, {}
        for key in self._provisional:  # made because a render ran out of time: ask again
            self._stage1_old.pop(key, None)
        if self._provisional:
            self._provisional.clear()
            self._entries = {}
        self._filled_old, self._filled = self._filled, {}

        if hasattr(self._pipeline, "deadline"):
            self._pipeline.deadline = time.monotonic() + render_budget(len(request.body))
        sources = self._split(request.body)
        # Per distinct block text: its templated text and the link definitions
        # in it; then the Markdown stage, valid while the document's
        # definitions stay the same (checked by identity: one tuple per set).
        previous, entries = self._entries, {}
        chosen: list[_Entry] = []
        definitions: dict[str, tuple[str, str | None]] = {}
        for b in sources:
            entry = entries.get(b.text) or previous.get(b.text)
            if entry is None:
                templated = self._templated_text(b.text)
                entry = _Entry(templated, self._pipeline.definitions_in(templated))
            entries[b.text] = entry
            chosen.append(entry)
            if entry.defs:
                if self._pipeline.first_definition_wins:
                    for label, value in entry.defs:
                        definitions.setdefault(label, value)
                else:
                    definitions.update(entry.defs)
        self._entries = entries  # drops the texts no longer in the body
        defs_key = tuple(definitions.items())
        if defs_key == self._defs_key:
            defs_key = self._defs_key
        self._defs_key = defs_key
        todo: dict[int, tuple[_Entry, tuple]] = {}
        for entry in chosen:
            if entry.defs_key is not defs_key and id(entry) not in todo:
                text = entry.templated
                todo[id(entry)] = (entry, relevant(fold(text), definitions) if "[" in text else ())
        if len(todo) >= BATCH_MIN:
            self._convert_many([(entry.templated, refs) for entry, refs in todo.values()])
        for entry, refs in todo.values():
            entry.stage = self._convert(entry.templated, refs)
            entry.defs_key = defs_key
        stages = [entry.stage for entry in chosen]

        # Document-wide: heading ids, footnote numbers.
        defined = {label for s in stages for label, _ in s.defs}
        index = FootnoteIndex.for_site(defined, request.site, request.body)
        used: dict[str, int] = {}
        inners = [st.html if not (st.slugs or st.refs) else self._fill(st, used, index) for st in stages]
        if any(st.toc for st in stages):
            inners = self._fill_toc(stages, inners, index.dialect)

        texts = [b.text for b in sources]
        ids = self._match_ids(texts)
        base = request.body_line
        blocks = self._blocks_for(ids, inners, sources, base)
        if index.numbers:
            bodies = {label: text for s in stages for label, text in s.defs}
            items, order = [], index.ordered()
            if len(index.numbers) >= BATCH_MIN:  # a first render of many notes: one engine run
                self._convert_many([(self._templated_text(bodies[label]), ()) for label in order])
            while len(items) < len(index.numbers):  # a note may cite a later one
                if len(order) < len(index.numbers):  # it did: sorted again (sorting each time was quadratic)
                    order = index.ordered()
                label = order[len(items)]
                stage = self._convert(self._templated_text(bodies[label]), ())
                items.append((label, self._fill(stage, {}, index)))
            last = base + (sources[-1].end if sources else 0)
            blocks.append(Block(FOOTNOTES_ID, index.section(items), last, last))

        header = self._header
        if header is None:
            header = render_header(self._front_matter, self.markdown_fragment, self._resolve_header_url,
                                   request.site.field_types)
            if not self._options.allow_scripts:
                header = sanitize(header)
            self._header = header
        return self._finish(blocks, header)

    def _blocks_for(self, ids: list[str], inners: list[str], sources: list[SourceBlock], base: int) -> list[Block]:
        """The Blocks of this render, reusing the previous render's Block object
        where id, HTML and lines are the same (most of them, after a
        keystroke): `_finish` then knows a block is unchanged by identity."""
        previous, self._blocks = self._blocks, {}
        blocks = []
        for bid, inner, source in zip(ids, inners, sources):
            start, end = base + source.start, base + source.end
            block = previous.get(bid)
            if block is None or block.start_line != start or block.end_line != end or (
                    block.html is not inner and block.html != inner):
                block = Block(bid, inner, start, end)
            self._blocks[bid] = block
            blocks.append(block)
        return blocks

    def _fill(self, stage: _Stage1, used: dict[str, int], index: FootnoteIndex) -> str:
        """Final ids and footnote numbers into a block (memoised: a keystroke
        elsewhere leaves this block's context, and so its HTML, unchanged)."""
        if not stage.slugs and not stage.refs:
            return stage.html
        ids = tuple(unique_ids(list(stage.slugs), used)) if stage.slugs else ()
        ctx = index.context(stage.refs) if stage.refs else ()
        # The labels belong in the key: placeholders are numbered, so two texts
        # with different labels can give the same placeholder HTML.
        key = (stage.html, stage.refs, ids, ctx)
        out = self._filled.get(key) or self._filled_old.get(key)
        if out is None:
            out = fill_ids(stage.html, list(ids)) if ids else stage.html
            out = FootnoteIndex.fill(out, stage.refs, ctx) if ctx else out
        self._filled[key] = out
        return out

    def _fill_toc(self, stages: list[_Stage1], inners: list[str], dialect: str) -> list[str]:
        """Tables of contents list every heading with its final id (rare: only
        posts with a TOC marker pay for this pass)."""
        items: list[tuple[int, str, str]] = []
        for stage, inner in zip(stages, inners):
            if stage.headings:
                final = toc_headings(inner)  # this block's headings (id, entry HTML), in order
                items += [(level, text, final[pos][0]) if dialect != KRAMDOWN else (level, final[pos][1], final[pos][0])
                          for level, text, pos in stage.headings if pos < len(final)]
        toc = toc_html(items, dialect)
        return [fill_toc(inner, toc, dialect) if TOC_MARKER in inner else inner for inner in inners]

    def _resolve_header_url(self, url: str) -> str:
        return self._resolver.resolve(self._templated_text(url))

    def _finish(self, blocks: list[Block], header: str) -> RenderResult:
        """The patch from what the page shows (`_sent`) to `blocks`. One pass;
        an unchanged block is the very same Block object as last time."""
        previous, sent = self._sent, {}
        changed: dict[str, str] = {}
        lines: dict[str, tuple[int, int]] = {}
        for b in blocks:
            hit = previous.get(b.id)
            if hit is not None and hit[0] is b:
                sent[b.id] = hit
                continue
            same_html = hit is not None and (hit[0].html is b.html or hit[0].html == b.html)
            same_lines = hit is not None and (hit[0].start_line, hit[0].end_line) == (b.start_line, b.end_line)
            w = hit[1] if same_html and same_lines else wrap(b.id, b.html, b.start_line, b.end_line)
            sent[b.id] = (b, w)
            if not same_html:
                changed[b.id] = w
            elif not same_lines:
                lines[b.id] = (b.start_line, b.end_line)
        order = tuple(sent)
        removed = tuple(i for i in previous if i not in sent)
        order_changed = order != self._sent_order
        self._sent_order = order
        patch = Patch(changed, removed, order, header if header != self._sent_header else None, lines,
                      order_changed)
        self._sent = sent
        self._sent_header = header
        self._stage1_old = {}
        self._filled_old = {}
        return RenderResult(header, tuple(blocks), patch, "\n".join([w for _, w in sent.values()]))

    def _match_ids(self, texts: list[str]) -> list[str]:
        old = self._prev
        n_old, n_new = len(old), len(texts)
        p = 0
        while p < n_old and p < n_new and old[p][0] == texts[p]:
            p += 1
        s = 0
        while s < n_old - p and s < n_new - p and old[n_old - 1 - s][0] == texts[n_new - 1 - s]:
            s += 1
        mid_old = old[p:n_old - s]
        mid_new = texts[p:n_new - s]
        avail: dict[str, deque[str]] = defaultdict(deque)
        for text, bid in mid_old:
            avail[text].append(bid)
        assigned: list[str | None] = []
        taken = set()
        for text in mid_new:
            bid = avail[text].popleft() if avail.get(text) else None
            if bid is not None:
                taken.add(bid)
            assigned.append(bid)
        spare = iter([bid for _, bid in mid_old if bid not in taken])
        for j, bid in enumerate(assigned):
            if bid is None:
                assigned[j] = next(spare, None) or self._new_id()
        ids = [bid for _, bid in old[:p]] + [a for a in assigned if a] + [bid for _, bid in old[n_old - s:]]
        self._prev = list(zip(texts, ids))
        return ids

    def _new_id(self) -> str:
        self._next_id += 1
        return f"b{self._next_id}"


def whole_body(body: str) -> list[SourceBlock]:
    """A splitter that keeps the body as one block (one Markdown pass)."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return []
    # Leading whitespace-only lines are blank (Python-Markdown would read a
    # first line of 4 spaces as code; its whitespace clean-up skips line 1).
    return [SourceBlock("\n".join(lines[first:]), first, len(lines) - 1)]


def _but_posts(site: SiteInfo) -> SiteInfo:
    """`site` without its post list (what only the template step reads)."""
    return replace(site, post_files=())


def render_html(request: RenderRequest) -> str:
    """The full body HTML (block wrappers included), from a fresh renderer."""
    return IncrementalRenderer(request.site, request.options).render(request).full_html



"""The Python-Markdown instance and its extensions, configured like the sites.

Jekyll's kramdown (GFM input) and Hugo's goldmark differ from stock
Python-Markdown; the choices here follow DESIGN.md's measured list:
tables, fenced code in and out of lists (pymdownx.superfences), footnotes in
reference order (footnotes.py), nested lists by content column (lists.py), `attr_list`, `def_list`, `md_in_html`, task
lists, `~~strike~~` with `~sub~` off (`1~2만원~` stays text), heading ids that
keep Korean (headings.py), Pygments with CSS classes and `language-x`
(pymdownx.highlight), smart quotes (kramdown and goldmark both do them), and
the kramdown bits of kramdown.py. For a Jekyll site, kramdown's block rules
(kramdown_blocks.py: quotes, `^`, `{::nomarkdown}`, lists after a paragraph
line), its list paragraphs and mixed markers (lists.py) and its code text
(kramdown_code.py: tabs and trailing spaces kept) too.

A `MarkdownPipeline` holds one `markdown.Markdown`, which is stateful: an
instance belongs to ONE thread. The incremental renderer owns its pipeline;
never share either between threads (create one per worker).
"""

from __future__ import annotations

import importlib
import re
import xml.etree.ElementTree as etree
from typing import Mapping, Sequence

import markdown
from markdown.extensions import md_in_html
from pymdownx import highlight as _pymdownx_highlight

from editor.core.post.texts import QT_TRANSLATE_NOOP, Text
from editor.core.render.blocks import SourceBlock, split_blocks
from editor.core.render.bounded import BoundedBlocksExtension, too_deep
from editor.core.render.engine import Converted, Definition
from editor.core.render.footnotes import FootnotesExtension, in_document_order
from editor.core.render.headings import HeadingIdsExtension
from editor.core.render.highlight import ClassesOnly, HighlightExtension
from editor.core.render.jekyll_extras import JekyllExtrasExtension
from editor.core.render.inline import InlineTriggersExtension, replace_keeping_order
from editor.core.render.kramdown import KramdownExtension
from editor.core.render.kramdown_blocks import (END_OF_BLOCK, KramdownBlocksExtension, join_extensions,
                                                  split_at_end_of_block)
from editor.core.render.kramdown_code import KramdownCodeExtension
from editor.core.render.lists import ListIndentExtension
from editor.core.render.references import definitions_in


_BLANK_LINE = re.compile(r"^[ \t]+$", re.M)
_CODE_WRAPPER = re.compile(r'(<div class="language-[\w#.+-]+) highlight">')
_CODE_BLOCK = re.compile(r'<div class="language-([\w#.+-]+) highlighter-rouge highlight"><pre><span></span><code>'
                         r"(.*?)</code></pre></div>", re.S)
_WHITESPACE_SPAN = re.compile(r'<span class="w">(\s*)</span>')


def _rouge_block(m: re.Match) -> str:
    lang = "plaintext" if m.group(1) == "text" else m.group(1)
    code = _WHITESPACE_SPAN.sub(r"\1", m.group(2)) if 'class="w"' in m.group(2) else m.group(2)
    return (f'<div class="language-{lang} highlighter-rouge"><div class="highlight"><pre class="highlight">'
            f"<code>{code}</code></pre></div></div>")


#: An abbreviation definition (Python-Markdown's abbr, kramdown's syntax).
_ABBREVIATION = re.compile(r"^ {0,3}\*\[[^\]\n]+\]:", re.M)

#: Python-Markdown's and pymdown-extensions' extensions we use, in order.
_EXTENSIONS = ("markdown.extensions.tables", "markdown.extensions.attr_list", "markdown.extensions.def_list",
               "markdown.extensions.md_in_html", "markdown.extensions.smarty",
               "pymdownx.superfences", "pymdownx.highlight", "pymdownx.tasklist", "pymdownx.tilde")
_CONFIGS = {
    "pymdownx.highlight": {
        "use_pygments": True, "pygments_lang_class": True, "guess_lang": False, "css_class": "highlight",
    },
    "pymdownx.tilde": {"subscript": False},
    "pymdownx.tasklist": {"custom_checkbox": False},
    "markdown.extensions.smarty": {"smart_angled_quotes": False},
    "pymdownx.magiclink": {"repo_url_shortener": False, "social_url_shortener": False},
}


def _extension(module: str):
    if module == "pymdownx.highlight":
        # pymdownx.highlight with the lexer looked up once per language, and a
        # style with no rules: we emit CSS classes, so the per-fence stylesheet
        # Pygments would build is never read (highlight.py).
        return HighlightExtension(**_CONFIGS[module], pygments_style=ClassesOnly)
    return importlib.import_module(module).makeExtension(**_CONFIGS.get(module, {}))


class _TagList(list):
    """`Markdown.block_level_elements`, a list (extensions append to it) that
    answers `in` from a set: Python-Markdown asks it for every element it
    prettifies or serialises (~17,000 times in a long post's render)."""

    def __contains__(self, tag) -> bool:
        if self._set is None:
            self._set = frozenset(self)
        return tag in self._set

    _set: frozenset | None = None


def _changes(name: str):
    def method(self, *args, **kwargs):
        self._set = None
        return getattr(list, name)(self, *args, **kwargs)
    return method


for _name in ("append", "extend", "insert", "remove", "pop", "clear", "__setitem__", "__delitem__",
              "__iadd__", "__imul__"):
    setattr(_TagList, _name, _changes(_name))


class _HtmlBlocks(md_in_html.HtmlBlockPreprocessor):
    """md_in_html's raw-HTML extractor, skipped on text with no `<` and no
    `&` (its HTML parser then only copies the text: the same lines out)."""

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if "<" not in source and "&" not in source:
            return source.split("\n")
        return super().run(lines)


class _Markdown(markdown.Markdown):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.block_level_elements = _TagList(self.block_level_elements)
        replace_keeping_order(self.preprocessors, lambda name, item: _HtmlBlocks(self) if (
            name == "html_block" and type(item) is md_in_html.HtmlBlockPreprocessor) else item)

    def build_extension(self, ext_name: str, configs):
        # pymdownx.superfences registers "pymdownx.highlight" by name (disabled,
        # to read its defaults). For a name Python-Markdown first reads every
        # installed package's entry points (importing importlib.metadata):
        # ~10-50 ms of the first render in a process. No entry point has that
        # name (theirs are short names such as "tables"); the module's own
        # `makeExtension` is what Python-Markdown would call.
        if ext_name == "pymdownx.highlight":
            return _pymdownx_highlight.makeExtension(**configs)
        return super().build_extension(ext_name, configs)


class MarkdownPipeline:
    """Markdown → HTML for one block (or a whole body). Not thread-safe.
    An `engine.Engine`: the engine of sites of no known generator, and the
    fallback wherever the generator's own dialect is not available."""

    name = "python-markdown"
    first_definition_wins = False
    #: One Markdown run for a batch: each text's definitions would reach the others.
    batches_references = False

    def __init__(self, generator: str = "unknown") -> None:
        #: Python-Markdown is its own dialect: for a known generator the
        #: preview approximates the generator's.
        self.exact = generator not in ("jekyll", "hugo", "zola")
        self.reason = "" if self.exact else Text("PreviewEngine", QT_TRANSLATE_NOOP(
            "PreviewEngine", "The preview uses Python-Markdown, which differs from the site's Markdown in places."))
        self._headings = HeadingIdsExtension()
        self._footnotes = FootnotesExtension()
        self._jekyll = generator == "jekyll"
        # Instances, not names: for a name Python-Markdown first reads every
        # installed package's entry points (importlib.metadata), ~50 ms of the
        # first render in each process.
        extensions: list = [_extension(name) for name in _EXTENSIONS]
        if self._jekyll:
            # kramdown's typography turns `<< >>` into « », and its abbreviations
            # are Python-Markdown's syntax (jekyll_extras.py).
            extensions = [_extension(name) for name in _EXTENSIONS if name != "markdown.extensions.smarty"]
            extensions += [importlib.import_module("markdown.extensions.smarty").makeExtension(
                smart_angled_quotes=True), importlib.import_module("markdown.extensions.abbr").makeExtension()]
        extensions += [self._footnotes, self._headings, KramdownExtension(),
                       ListIndentExtension(kramdown=self._jekyll), BoundedBlocksExtension()]
        if self._jekyll:
            extensions += [JekyllExtrasExtension(), KramdownBlocksExtension(), KramdownCodeExtension()]
        if generator == "hugo":
            # Hugo's goldmark turns bare URLs into links (its `linkify` is on by
            # default); kramdown and Zola's pulldown-cmark do not.
            extensions.append(_extension("pymdownx.magiclink"))
        # Last: it takes over the inline processors the others set up.
        extensions.append(InlineTriggersExtension())
        self.md = _Markdown(extensions=extensions, output_format="html")

    def convert(self, text: str, references: Mapping[str, tuple[str, str | None]] | None = None) -> Converted:
        self.md.reset()
        if references:
            self.md.references.update(references)
        try:
            html = self._finish_html(self.md.convert(_source(text)))
        except RecursionError:  # nesting deeper than the parser's recursion follows
            self.md.reset()
            return Converted(html=too_deep(text), slugs=(), footnote_refs=(), footnote_defs=(), headings=())
        refs: tuple[str, ...] = tuple(self._footnotes.refs)
        if refs:
            html, refs = in_document_order(html, refs)
        return Converted(
            html=html,
            slugs=tuple(self._headings.slugs),
            footnote_refs=refs,
            footnote_defs=tuple(self._footnotes.defs),
            headings=tuple(self._headings.headings),
        )

    def _finish_html(self, html: str) -> str:
        if self._jekyll and 'highlight">' in html:
            # Jekyll's code blocks are Rouge's `div.language-x.highlighter-rouge
            # > div.highlight > pre.highlight > code` (`language-plaintext`
            # without a language), whitespace not wrapped: site CSS styles
            # code by exactly that.
            html = _CODE_WRAPPER.sub(r'\1 highlighter-rouge highlight">', html)
            html = _CODE_BLOCK.sub(_rouge_block, html)
        return html

    @staticmethod
    def definitions_in(text: str) -> tuple[Definition, ...]:
        return definitions_in(text)

    def split(self, body: str) -> list[SourceBlock]:
        if self._jekyll and "*[" in body and _ABBREVIATION.search(body):
            # An abbreviation applies to the whole document: one block.
            from editor.core.render.incremental import whole_body  # noqa: PLC0415 - the renderer imports us

            return whole_body(body)
        if not self._jekyll:
            return split_blocks(body)
        if ("\n^" in body or body[:1] == "^") and END_OF_BLOCK.search(body):
            blocks = split_at_end_of_block(body, split_blocks)
        else:
            blocks = split_blocks(body)
        return join_extensions(body, blocks) if "{::" in body else blocks

    @staticmethod
    def batchable(text: str) -> bool:
        """Whether `convert_many` may take this text: it has content, and no
        footnote or reference-link definition (those are document state that
        would reach the other texts of the run)."""
        return "[^" not in text and "]:" not in text and bool(text.strip())

    def convert_many(self, texts: Sequence[str], references: Sequence[Mapping] | None = None) -> list[Converted]:
        if references is not None:
            raise ValueError("Python-Markdown batches texts without references (batches_references is False)")
        try:
            return self._convert_run(texts)
        except RecursionError:  # one text nested too deeply: each on its own
            return [self.convert(text) for text in texts]

    def _convert_run(self, texts: Sequence[str]) -> list[Converted]:
        """`convert(text)` (no references) for each text, in ONE Markdown run.

        For a first render: a conversion has a fixed cost (~0.1 ms: reset,
        every tree processor's walk, registry look-ups) that a 200 KB post pays
        ~1,000 times. Here each text still goes through the preprocessors and
        the block parser on its own, into its own container element (what
        `Markdown.convert` does with a document root), so block-level results
        cannot mix; the tree processors then run once per group of containers
        (they work element by element; the heading ids are numbered per
        container), and each container is serialised and post-processed on
        its own, as `Markdown.convert` does. tests/core/render checks the
        output equals `convert` on the corpus and on random text.
        Every text must be `batchable`.
        """
        md = self.md
        md.reset()
        tag = md.doc_tag
        parts = []
        for text in texts:
            lines = _source(text).split("\n")
            for prep in md.preprocessors:
                lines = prep.run(lines)
            part = etree.Element(tag)
            md.parser.parseChunk(part, "\n".join(lines))
            parts.append(part)
        # The tree processors run over groups of containers, not all at once:
        # Python-Markdown's inline step keeps a work list it pops from the
        # front, quadratic in the size of one tree.
        per_part = []
        for i in range(0, len(parts), _GROUP):
            root = etree.Element(tag)
            root.extend(parts[i:i + _GROUP])
            self._headings.parts = parts[i:i + _GROUP]
            try:
                for processor in md.treeprocessors:
                    new = processor.run(root)
                    if new is not None and new is not root:
                        raise RuntimeError(f"tree processor {processor!r} replaced the root")
                per_part += self._headings.per_part
            finally:
                self._headings.parts = None
        if self._footnotes.refs or self._footnotes.defs:
            raise RuntimeError("footnotes in a text given to convert_many")
        out = []
        for part, (slugs, headings) in zip(parts, per_part):
            html = md.serializer(part)
            # As Markdown.convert strips the document root's tags.
            try:
                start = html.index(f"<{tag}>") + len(tag) + 2
                end = html.rindex(f"</{tag}>")
                html = html[start:end].strip()
            except ValueError:
                if not html.strip().endswith(f"<{tag} />"):
                    raise
                html = ""
            for post in md.postprocessors:
                html = post.run(html)
            out.append(Converted(self._finish_html(html.strip()), tuple(slugs), (), (), tuple(headings)))
        return out


#: Containers per tree-processor run in `convert_many` (measured on the 205 KB
#: bench post: groups of 8, 32 and 128 alike, ~220 ms of CPU; all ~970 blocks
#: in one tree ~240 ms; one block per run ~280 ms).
_GROUP = 32


def _source(text: str) -> str:
    # A line of only spaces is a blank line in every Markdown; Python-Markdown
    # would read a first line of 4 spaces as an (empty) code block.
    return _BLANK_LINE.sub("", text) if text[:1] in " \t" else text

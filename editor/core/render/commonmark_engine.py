"""CommonMark through markdown-it-py: the engine of Hugo (goldmark) and Zola
(pulldown-cmark) sites.

`CommonMarkOptions.goldmark()` is Hugo 0.111's default `markup.goldmark`
(checked against Debian's hugo): tables, strikethrough (`<del>`), linkify
(`www.` links get `https://`), task lists (`<input disabled="" type="checkbox">`),
definition lists, footnotes, the typographer (quotes, `--`, `---`, `...`,
`<<`, `>>`; not `(c)` or `+-`), heading ids as Hugo's `github` autoHeadingID
from the heading's source text, `{#id .class}` after a heading, and raw HTML
omitted (`<!-- raw HTML omitted -->`) unless `renderer.unsafe`. The site's
`markup.goldmark` overrides each. `CommonMarkOptions()` is plain CommonMark.

Ids and footnotes follow the engines' conventions (engine.py): heading ids
and footnote references are placeholders the incremental renderer fills
document-wide, footnote definitions are handed back as Markdown source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from types import SimpleNamespace
from typing import Any, Mapping, Sequence

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml, normalizeReference, unescapeAll
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from editor.core.post.texts import QT_TRANSLATE_NOOP, Text
from editor.core.render.chroma import hugo_block
from editor.core.render.blocks import SourceBlock, split_blocks, split_lines
from editor.core.render.engine import Converted, Definition
from editor.core.render.mdit_gates import add_fast_paths
from editor.core.render.model import SiteInfo
from editor.core.site.markdown_setting import COMMONMARK_GHPAGES, jekyll_markdown

_OMITTED = "<!-- raw HTML omitted -->"


@dataclass(frozen=True)
class CommonMarkOptions:
    """What a CommonMark engine does beyond the spec (all off: plain CommonMark)."""

    unsafe: bool = True
    table: bool = False
    strikethrough: bool = False
    linkify: bool = False
    task_list: bool = False
    definition_list: bool = False
    footnote: bool = False
    typographer: bool = False
    auto_heading_id: bool = False
    #: "github" (Unicode letters kept) or "github-ascii".
    heading_id_type: str = "github"
    heading_attributes: bool = False
    #: Code fences with a known language highlighted (Pygments, CSS classes
    #: as the preview's stylesheet has them).
    highlight: bool = False
    #: Hugo's code block markup: `<pre tabindex="0">`, `data-lang` on `<code>`.
    hugo_code: bool = False
    #: Hugo's `markup.highlight`: Chroma's style, and inline styles
    #: (`noClasses`, Hugo's default) or class names.
    highlight_style: str = "monokai"
    highlight_no_classes: bool = True

    @classmethod
    def goldmark(cls) -> "CommonMarkOptions":
        """Hugo 0.111's `markup.goldmark` defaults."""
        return cls(unsafe=False, table=True, strikethrough=True, linkify=True, task_list=True,
                   definition_list=True, footnote=True, typographer=True, auto_heading_id=True,
                   heading_attributes=True, highlight=True, hugo_code=True)

    @classmethod
    def pulldown_cmark(cls, smart_punctuation: bool = False, highlight: bool = False) -> "CommonMarkOptions":
        """Zola's pulldown-cmark: tables, footnotes, strikethrough and task
        lists on, raw HTML kept, heading ids, smart punctuation as configured."""
        return cls(unsafe=True, table=True, strikethrough=True, task_list=True, footnote=True,
                   typographer=smart_punctuation, auto_heading_id=True, highlight=highlight)

    @classmethod
    def for_hugo(cls, config: Mapping[str, Any]) -> "CommonMarkOptions":
        goldmark = _get(config, "markup", "goldmark")
        base = cls.goldmark()
        ext = _get(goldmark, "extensions")
        parser = _get(goldmark, "parser")

        def flag(section: Any, key: str, default: bool) -> bool:
            value = _get(section, key)
            if isinstance(value, Mapping):  # later Hugo: `typographer: {disable: true}`
                return not bool(_get(value, "disable"))
            return default if value is None else bool(value)

        id_type = _get(parser, "autoHeadingIDType")
        highlight = _get(config, "markup", "highlight")
        style = _get(highlight, "style")
        return replace(
            base,
            unsafe=flag(_get(goldmark, "renderer"), "unsafe", base.unsafe),
            table=flag(ext, "table", base.table),
            strikethrough=flag(ext, "strikethrough", base.strikethrough),
            linkify=flag(ext, "linkify", base.linkify),
            task_list=flag(ext, "taskList", base.task_list),
            definition_list=flag(ext, "definitionList", base.definition_list),
            footnote=flag(ext, "footnote", base.footnote),
            typographer=flag(ext, "typographer", base.typographer),
            auto_heading_id=flag(parser, "autoHeadingID", base.auto_heading_id),
            heading_id_type=str(id_type).lower() if isinstance(id_type, str) else base.heading_id_type,
            heading_attributes=flag(_get(parser, "attribute"), "title", base.heading_attributes),
            highlight=flag(highlight, "codeFences", base.highlight),
            highlight_style=str(style) if isinstance(style, str) and style else base.highlight_style,
            highlight_no_classes=flag(highlight, "noClasses", base.highlight_no_classes),
        )


    @classmethod
    def for_jekyll(cls, config: Mapping[str, Any]) -> "CommonMarkOptions":
        """jekyll-commonmark's cmark-gfm with the site's `commonmark:` options
        and extensions (GitHub Pages' variant adds SMART, FOOTNOTES, table,
        strikethrough and autolink)."""
        section = _get(config, "commonmark")
        options = {str(o).upper() for o in _get(section, "options") or () if isinstance(o, str)}
        extensions = {str(e).lower() for e in _get(section, "extensions") or () if isinstance(e, str)}
        if jekyll_markdown(config) == COMMONMARK_GHPAGES:
            options |= {"SMART", "FOOTNOTES"}
            extensions |= {"table", "strikethrough", "autolink"}
        return cls(unsafe=True, table="table" in extensions, strikethrough="strikethrough" in extensions,
                   linkify="autolink" in extensions, task_list="tasklist" in extensions,
                   footnote="FOOTNOTES" in options, typographer="SMART" in options)


def _get(mapping: Any, *keys: str) -> Any:
    """A nested config value, or None; Hugo's config keys are case-insensitive."""
    for key in keys:
        if not isinstance(mapping, Mapping):
            return None
        lowered = key.lower()
        mapping = next((v for k, v in mapping.items() if str(k).lower() == lowered), None)
    return mapping


class CommonMarkEngine:
    """An `engine.Engine` over markdown-it-py. One instance per thread."""

    name = "markdown-it"
    first_definition_wins = True
    batches_references = True

    def __init__(self, options: CommonMarkOptions = CommonMarkOptions(), *, exact: bool = True,
                 reason: str = "") -> None:
        self.options = options
        self.exact = exact
        self.reason = reason
        self.md = _build(options)

    @classmethod
    def for_site(cls, site: SiteInfo) -> "CommonMarkEngine":
        if site.generator == "zola":
            smart = bool(_get(site.config, "markdown", "smart_punctuation"))
            return cls(CommonMarkOptions.pulldown_cmark(smart, bool(_get(site.config, "markdown", "highlight_code"))))
        if site.generator == "jekyll":
            # cmark-gfm's HTML is CommonMark's; Jekyll's Rouge highlighting,
            # heading ids and footnote markup around it are not emulated.
            return cls(CommonMarkOptions.for_jekyll(site.config), exact=False, reason=Text(
                "PreviewEngine", QT_TRANSLATE_NOOP(
                    "PreviewEngine", "The site converts with CommonMark (jekyll-commonmark); the preview renders "
                                     "it with markdown-it, whose code highlighting and footnotes differ.")))
        return cls(CommonMarkOptions.for_hugo(site.config))

    # -- the Engine protocol ----------------------------------------------------

    def convert(self, text: str, references: Mapping[str, tuple[str, str | None]] | None = None) -> Converted:
        env: dict[str, Any] = {}
        if references:
            env["references"] = {
                normalizeReference(label): {"href": href, "title": title or ""}
                for label, (href, title) in references.items()}
        tokens = self.md.parse(_ended(text), env)
        html = self.md.renderer.render(tokens, self.md.options, env)
        return Converted(html=html.rstrip("\n"), slugs=tuple(env.get("galley_slugs", ())),
                         footnote_refs=tuple(env.get("galley_refs", ())),
                         footnote_defs=tuple(env.get("galley_defs", ())),
                         headings=tuple(env.get("galley_headings", ())))

    def convert_many(self, texts: Sequence[str],
                     references: Sequence[Mapping[str, tuple[str, str | None]]] | None = None) -> list[Converted]:
        # A markdown-it conversion has little fixed cost: one by one is as fast.
        if references is None:
            return [self.convert(text) for text in texts]
        return [self.convert(text, refs) for text, refs in zip(texts, references, strict=True)]

    @staticmethod
    def batchable(text: str) -> bool:
        return "[^" not in text and "]:" not in text and bool(text.strip())

    def definitions_in(self, text: str) -> tuple[Definition, ...]:
        if "]:" not in text:
            return ()
        env: dict[str, Any] = {}
        self.md.parse(_ended(text), env)
        return tuple((label, (ref["href"], ref["title"] or None))
                     for label, ref in env.get("references", {}).items())

    @staticmethod
    def split(body: str) -> list[SourceBlock]:
        return split_commonmark(body)


def _ended(text: str) -> str:
    # A block cut from a body has no final newline; a code block left open
    # runs to the end of the text and would keep the newline only in a
    # render of the whole body.
    return text if text.endswith("\n") else text + "\n"


# -- building the parser ---------------------------------------------------------


# Render time of hostile shapes (bench/bench_hostile.py) grows linearly with
# markdown-it-py 4.3 except for its smart quotes (bounded above); the slowest
# at 100 KB (about 1 s on two loaded cores) are markdown-it's own constant
# costs, not ours: an unclosed `[a]("` walks up to 32 nested parentheses of
# what follows in parseLinkDestination (~160 characters per link, in Python),
# and each heading, table cell or definition item runs the whole block rule
# chain with a `logging.debug` call per rule tried. Upstream-style: the
# destination scan could stop at the first `(` past the paragraph's last
# `)`, and the rule chain's debug logging could be guarded once per parse.
def _build(options: CommonMarkOptions) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "linkify": options.linkify, "typographer": options.typographer})
    md.helpers = SimpleNamespace(**{name: getattr(md.helpers, name) for name in
                                    ("parseLinkLabel", "parseLinkTitle", "parseLinkDestination")})
    md.helpers.parseLinkDestination = _link_destination(md.helpers.parseLinkDestination)
    if options.table:
        md.enable("table")
    if options.strikethrough:
        md.enable("strikethrough")
        md.add_render_rule("s_open", lambda self, tokens, idx, options, env: "<del>")
        md.add_render_rule("s_close", lambda self, tokens, idx, options, env: "</del>")
    if options.linkify:
        md.enable("linkify")
        md.core.ruler.after("linkify", "galley_https_www", _https_www)
    if options.typographer:
        # goldmark's typographer: quotes and dashes, no (c)/(tm)/+- replacements.
        md.core.ruler.at("smartquotes", _bounded_smartquotes)
        md.enable("smartquotes")
        md.core.ruler.before("smartquotes", "galley_typographer", _typographer)
        md.inline.ruler.after("html_inline", "galley_angle_quotes", _angle_quotes)
    if options.definition_list:
        md.use(deflist_plugin)
    if options.footnote:
        footnote_plugin(md, inline=False, move_to_end=False, always_match_refs=True)
        md.core.ruler.after("block", "galley_footnote_defs", _footnote_defs)
        md.add_render_rule("footnote_ref", _render_footnote_ref)
    if options.heading_attributes:
        md.core.ruler.after("block", "galley_heading_attributes", _heading_attributes)
    md.core.ruler.push("galley_headings", _headings(options))
    if options.task_list:
        md.core.ruler.push("galley_task_list", _task_list)
        md.add_render_rule("galley_checkbox", lambda self, tokens, idx, options, env: tokens[idx].content)
    if options.highlight or options.hugo_code:
        md.add_render_rule("fence", _Highlighter(md.renderer.rules["fence"], options))
    if not options.unsafe:
        md.add_render_rule("html_block", _omit_block)
        md.add_render_rule("html_inline", _omit_inline)
    add_fast_paths(md)
    return md


#: What ends or nests an unbracketed link destination: an escape, a
#: parenthesis, a space or control character, a backslash before a space.
_DEST_STOP = re.compile(r"\\[^ ]|[()\x00-\x20\x7f]|\\")
#: 33 opening parentheses before anything else that matters: no destination.
_TOO_DEEP = re.compile(r"(?:[^()\x00-\x20\x7f\\]*\(){33}")


def _link_destination(bracketed):
    """markdown-it's parseLinkDestination, jumping between the characters
    that matter with a regular expression instead of reading each one in
    Python: an unclosed `[a](` before a long run of `(` read up to 32 nested
    parentheses character by character (`[a]("` x 20,000: 3.3 million
    calls, over 1 s). Same results; `<…>` destinations go to markdown-it's."""

    def parse(string: str, pos: int, maximum: int):
        if pos < maximum and string[pos] == "<":
            return bracketed(string, pos, maximum)
        result = bracketed(string, maximum, maximum)  # a not-ok result of markdown-it's own type
        if _TOO_DEEP.match(string, pos, maximum):
            return result
        start = pos
        level = 0
        while True:
            m = _DEST_STOP.search(string, pos, maximum)
            if m is None:
                pos = maximum
                break
            pos = m.start()
            found = m.group()
            if len(found) == 2:  # an escaped character
                pos += 2
            elif found == "\\":
                if pos + 1 < maximum:
                    break  # before a space
                pos += 1
            elif found == "(":
                level += 1
                if level > 32:
                    return result
                pos += 1
            elif found == ")" and level:
                level -= 1
                pos += 1
            else:
                break
        if start == pos or level != 0:
            return result
        result.str = unescapeAll(string[start:pos])
        result.pos = pos
        result.ok = True
        return result

    return parse


# -- heading ids -------------------------------------------------------------------

def hugo_anchor(text: str, ascii_only: bool = False) -> str:
    """Hugo's `github` autoHeadingID of a heading's source text."""
    out = []
    for ch in text.strip():
        if ascii_only and ord(ch) > 127:
            continue
        if ch in "- ":
            out.append("-")
        elif ch == "_" or ch.isalpha() or ch.isdigit():
            out.append(ch.lower())
    return "".join(out) or "heading"


def _headings(options: CommonMarkOptions):
    def rule(state: StateCore) -> None:
        slugs: list[str] = []
        headings: list[tuple[int, str, int]] = []
        tokens = state.tokens
        position = 0
        for i, token in enumerate(tokens):
            if token.type != "heading_open":
                continue
            inline = tokens[i + 1]
            if options.auto_heading_id and token.attrGet("id") is None:
                # goldmark reads a setext heading's id from its last line.
                source = inline.content.rsplit("\n", 1)[-1]
                slugs.append(hugo_anchor(source, options.heading_id_type == "github-ascii"))
                token.attrSet("id", f"\ue000H{len(slugs) - 1}\ue001")
            if "no_toc" not in str(token.attrGet("class") or "").split():
                headings.append((int(token.tag[1]), _plain(inline).strip(), position))
            position += 1
        state.env["galley_slugs"] = slugs
        state.env["galley_headings"] = headings
    return rule


def _plain(inline: Token) -> str:
    return "".join(child.content for child in inline.children or ()
                   if child.type in ("text", "code_inline"))


_ATTRIBUTES = re.compile(r"[ \t]*\{([^{}]*)\}[ \t]*$")
_ATTRIBUTE = re.compile(r'#([^\s.#]+)|\.([^\s.#]+)|([A-Za-z_:][\w:.-]*)=(?:"([^"]*)"|\'([^\']*)\'|(\S+))')


def _heading_attributes(state: StateCore) -> None:
    """`## Title {#id .class key=value}`: goldmark's heading attributes."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        m = _ATTRIBUTES.search(inline.content)
        if not m:
            continue
        inner = m.group(1).strip()
        found = list(_ATTRIBUTE.finditer(inner))
        if not inner or "".join(f.group(0) for f in found).replace(" ", "") != inner.replace(" ", ""):
            continue  # not an attribute list: the braces stay text
        classes = []
        for f in found:
            if f.group(1):
                token.attrSet("id", f.group(1))
            elif f.group(2):
                classes.append(f.group(2))
            else:
                token.attrSet(f.group(3), next(v for v in f.group(4, 5, 6) if v is not None))
        if classes:
            token.attrSet("class", " ".join(classes))
        inline.content = inline.content[:m.start()]


# -- footnotes -------------------------------------------------------------------------


def _footnote_defs(state: StateCore) -> None:
    """Take the definitions out of the tokens (the renderer emits the
    document's one footnotes section) and keep their Markdown source."""
    lines = state.src.split("\n")
    defs: list[tuple[str, str]] = []
    kept: list[Token] = []
    depth = 0
    for token in state.tokens:
        if token.type == "footnote_reference_open":
            if depth == 0:
                start, end = token.map
                body = lines[start:end]
                first = body[0].split("]:", 1)[1].lstrip(" \t") if body else ""
                rest = [re.sub(r"^(?: {1,4}|\t)", "", line) for line in body[1:]]
                defs.append((token.meta["label"], "\n".join([first, *rest]).rstrip()))
            depth += 1
            continue
        if token.type == "footnote_reference_close":
            depth -= 1
            continue
        if depth == 0:
            kept.append(token)
    state.tokens = kept
    state.env["galley_defs"] = defs
    state.env["galley_refs"] = []


def _render_footnote_ref(self, tokens, idx, options, env) -> str:
    refs = env.setdefault("galley_refs", [])
    refs.append(tokens[idx].meta["label"])
    return f'<sup class="galley-fnref">\ue000F{len(refs) - 1}\ue001</sup>'


# -- goldmark's extras --------------------------------------------------------------------

def _angle_quotes(state, silent: bool) -> bool:
    """goldmark reads `<<` and `>>` as quotes where no tag or autolink
    starts: `<<tight>>` is «tight», where markdown-it would see a tag."""
    pos = state.pos
    char = state.src[pos]
    if char not in "<>" or state.src[pos + 1:pos + 2] != char:
        return False
    if not silent:
        state.push("text", "", 0).content = _TYPO_OUT[char * 2]
    state.pos = pos + 2
    return True


#: goldmark's decade abbreviation (`'90s`): an apostrophe, not an opening quote.
_DECADE = re.compile(r"(?:(?<=^)|(?<=[\s!-/:-@\[-`{-~]))'(?=\d\ds(?:$|[\s!-/:-@\[-`{-~]))")

_TYPO = re.compile(r"---|--|\.\.\.|<<|>>")
_TYPO_OUT = {"---": "\u2014", "--": "\u2013", "...": "\u2026", "<<": "\u00ab", ">>": "\u00bb"}


def _typographer(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        in_link = 0
        for child in block.children:
            if child.type == "link_open" and child.info == "auto":
                in_link += 1
            elif child.type == "link_close" and in_link:
                in_link -= 1
            elif child.type == "text" and not in_link:
                if _TYPO.search(child.content):
                    child.content = _TYPO.sub(lambda m: _TYPO_OUT[m.group(0)], child.content)
                if "'" in child.content:
                    child.content = _DECADE.sub("\u2019", child.content)


#: markdown-it's smart quotes rebuild a text for each quote they replace and
#: keep a stack of open quotes they walk back through: time grows with quotes
#: times the paragraph's length (`'"` x 40,000: 2.7 s). A paragraph past
#: these bounds keeps straight quotes (no prose has a thousand quotes in
#: one paragraph); every other paragraph is converted by markdown-it itself.
SMART_QUOTES_LIMIT = 1000
SMART_QUOTES_WORK = 20_000_000


def _bounded_smartquotes(state: StateCore) -> None:
    from markdown_it.rules_core.smartquotes import QUOTE_RE, process_inlines

    if not state.md.options.typographer:
        return
    for token in state.tokens:
        if token.type != "inline" or token.children is None or not QUOTE_RE.search(token.content):
            continue
        quotes = token.content.count('"') + token.content.count("'")
        if quotes > SMART_QUOTES_LIMIT or quotes * len(token.content) > SMART_QUOTES_WORK:
            continue
        process_inlines(token.children, state)


def _https_www(state: StateCore) -> None:
    # goldmark links a bare `www.` address with https, linkify-it with http.
    for block in state.tokens:
        children = block.children or []
        for i, child in enumerate(children[:-1]):
            if child.type == "link_open" and child.markup == "linkify" and children[i + 1].content.startswith("www."):
                href = str(child.attrGet("href") or "")
                if href.startswith("http://"):
                    child.attrSet("href", "https://" + href[len("http://"):])


_TASK = re.compile(r"^\[([ xX])\][ \t]")


def _task_list(state: StateCore) -> None:
    """goldmark's task list: `[ ]`/`[x]` opening a list item's first paragraph."""
    tokens = state.tokens
    for i in range(2, len(tokens)):
        token = tokens[i]
        if (token.type != "inline" or tokens[i - 1].type != "paragraph_open"
                or tokens[i - 2].type != "list_item_open" or not token.children):
            continue
        first = token.children[0]
        m = _TASK.match(first.content) if first.type == "text" else None
        if not m:
            continue
        checked = ' checked=""' if m.group(1) in "xX" else ""
        box = Token("galley_checkbox", "", 0)
        box.content = f'<input{checked} disabled="" type="checkbox"> '
        first.content = first.content[m.end():]
        token.children.insert(0, box)


class _Highlighter:
    """A fence with a language Pygments knows → `<div class="language-x
    highlight"><pre><code>` with token classes (the markup of the preview's
    other engines, which its stylesheet styles); `linenums="1"` and
    `hl_lines="2 3"` in the info string (a highlight shortcode's options) are
    honoured. Other fences keep CommonMark's `<pre><code>`."""

    def __init__(self, plain, options: CommonMarkOptions) -> None:
        self.plain = plain
        self.options = options
        self.lexers: dict[str, Any] = {}

    def __get__(self, renderer, owner=None):
        # markdown-it binds a render rule to its renderer, as a method.
        return lambda tokens, idx, options, env: self(renderer, tokens, idx, options, env)

    def __call__(self, renderer, tokens, idx, options, env) -> str:
        token = tokens[idx]
        info = unescapeAll(token.info).strip()
        lang = info.split(None, 1)[0] if info else ""
        lexer = self._lexer(lang) if lang and self.options.highlight else None
        if lexer is None:
            if not self.options.hugo_code:
                return self.plain(tokens, idx, options, env)
            attrs = f' class="language-{escapeHtml(lang)}" data-lang="{escapeHtml(lang)}"' if lang else ""
            return f'<pre tabindex="0"><code{attrs}>{escapeHtml(token.content)}</code></pre>\n'

        from pygments import highlight  # noqa: PLC0415 - with the lexers, on first use
        from pygments.formatters import HtmlFormatter  # noqa: PLC0415

        if self.options.hugo_code and "hl_lines=" not in info and "linenums=" not in info:
            return hugo_block(token.content, lexer, lang, self.options.highlight_style,
                              self.options.highlight_no_classes)
        hl = re.search(r'hl_lines="([\d\s-]+)"', info)
        lines = [int(n) for n in re.findall(r"\d+", hl.group(1))] if hl else []
        formatter = HtmlFormatter(cssclass=f"language-{lang} highlight", wrapcode=True, hl_lines=lines,
                                  linenos="table" if "linenums=" in info else False)
        return highlight(token.content, lexer, formatter)

    def _lexer(self, lang: str):
        if lang not in self.lexers:
            from pygments.lexers import get_lexer_by_name  # noqa: PLC0415
            from pygments.util import ClassNotFound  # noqa: PLC0415

            try:
                self.lexers[lang] = get_lexer_by_name(lang, stripnl=False)
            except ClassNotFound:
                self.lexers[lang] = None
        return self.lexers[lang]


# Galley's own markup from the template step (shortcodes, highlight) is the
# generator's output, not the writer's raw HTML: `unsafe` does not omit it.
_GENERATED_BLOCK = re.compile(r'\s*<(?:figure\b|div class="language-|p><span class="galley-|span class="galley-)')
_GENERATED_SPAN = re.compile(r'<span class="galley-[\w-]+"')


def _omit_block(self, tokens, idx, options, env) -> str:
    content = tokens[idx].content
    if _GENERATED_BLOCK.match(content):
        return content
    # goldmark omits a block closed by an end marker (`</pre>`, `-->`...) on
    # a later line in two parts: the block, then its closing line.
    for start, end in _HTML_OPEN:
        m = start.match(content)
        if m:
            first_end = content.find("\n")
            first_end = len(content) if first_end < 0 else first_end
            if not end.search(content, m.end(), first_end) and end.search(content, first_end):
                return (_OMITTED + "\n") * 2
            break
    return _OMITTED + "\n"


def _omit_inline(self, tokens, idx, options, env) -> str:
    content = tokens[idx].content
    open_spans = env.setdefault("galley_spans", [0])
    if _GENERATED_SPAN.match(content):
        open_spans[0] += 1
        return content
    if content == "</span>" and open_spans[0]:
        open_spans[0] -= 1
        return content
    return _OMITTED


# -- blocks ------------------------------------------------------------------------------------

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_HTML_OPEN = (
    (re.compile(r"^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)", re.I),
     re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r"^ {0,3}<!--"), re.compile(r"-->")),
    (re.compile(r"^ {0,3}<\?"), re.compile(r"\?>")),
    (re.compile(r"^ {0,3}<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"^ {0,3}<!\[CDATA\["), re.compile(r"\]\]>")),
)


def split_commonmark(body: str) -> list[SourceBlock]:
    """`blocks.split_blocks`, joined where CommonMark reads on across the
    blank lines between two blocks:

    - a fenced code block, or an HTML block of the kinds that run across
      blank lines (`<pre>`, `<script>`, `<style>`, `<textarea>`, comments,
      `<?`, `<!X`, CDATA), still open at a block's end runs to its end marker
      or to the end of the document: the block takes the rest of the body;
    - a definition list goes on after a blank line when a term and its
      `: definition` follow.
    """
    blocks = split_blocks(body)
    if not blocks:
        return blocks
    lines: list[str] | None = None
    out: list[SourceBlock] = []
    for block in blocks:
        if out and _defs_continue(out[-1].text, block.text):
            lines = lines or split_lines(body)
            prev = out.pop()
            block = SourceBlock("\n".join(lines[prev.start:block.end + 1]), prev.start, block.end)
        out.append(block)
        if _left_open(block.text):
            lines = lines or split_lines(body)
            out[-1] = SourceBlock("\n".join(lines[block.start:]), block.start, len(lines) - 1)
            break
    return out


def _defs_continue(before: str, text: str) -> bool:
    if ":" not in before:
        return False
    second = text.split("\n", 2)[1:2]
    return bool(second) and second[0].startswith(":") and any(
        line.startswith(":") for line in before.split("\n"))


def _left_open(text: str) -> bool:
    if "```" not in text and "~~~" not in text and "<" not in text:
        return False
    closer: re.Pattern[str] | None = None
    fence: tuple[str, int] | None = None
    for line in text.split("\n"):
        if fence is not None:
            char, size = fence
            stripped = line.rstrip()
            if re.match(r"^ {0,3}" + re.escape(char) + "{" + str(size) + r",}$", stripped):
                fence = None
            continue
        if closer is not None:
            if closer.search(line):
                closer = None
            continue
        m = _FENCE_OPEN.match(line)
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            fence = (m.group(1)[0], len(m.group(1)))
            continue
        for start, end in _HTML_OPEN:
            if start.match(line):
                if not end.search(line, start.match(line).end()):
                    closer = end
                break
    return fence is not None or closer is not None

"""Jekyll's own Liquid tags for python-liquid: include, include_relative, highlight, post_url, link.

Each behaves as in Jekyll 4.3, errors included (a missing include, an unknown
post): Jekyll's build stops on them, so the preview reports them rather than
guessing. Includes are read only from inside the site (symlinks resolved
first), at most `MAX_INCLUDE_BYTES` each; their nesting is bounded by the
environment's context depth.
"""

from __future__ import annotations

import re
import sys
from io import StringIO
from pathlib import Path
from typing import Any, TextIO

from liquid.ast import BlockNode, Node
from liquid.exceptions import LiquidError, LiquidSyntaxError, TemplateNotFoundError
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG, Token

from editor.core.post.liquid_syntax import HIGHLIGHT_SYNTAX, INCLUDE_PARAM, INCLUDE_VARIABLE, include_problem
from editor.core.render.liquid_filters import GALLEY_CONTEXT
from editor.core.render.markup import as_block
from editor.core.render.rouge_markup import highlight_html
from editor.core.render.toc import PLACEHOLDER_HTML as TOC_HTML
from editor.core.render.urls import find_post, front_matter_of, is_page_file, join_url

MAX_INCLUDE_BYTES = 512 * 1024


def _expression(stream: Any, block: bool = False) -> tuple[Token, str]:
    """The tag's token and its raw argument text (Jekyll tags read their markup as text).

    The parser steps past the tag's last token itself: a tag leaves the stream
    on it, a block tag on the first token of its body."""
    token = stream.current
    if stream.peek.kind != TOKEN_EXPRESSION:
        if block:
            next(stream)
        return token, ""
    next(stream)
    markup = stream.current.value
    if block:
        next(stream)
    return token, markup


def _galley(context: Any) -> Any:
    return context.globals.get(GALLEY_CONTEXT)


def _inside(path: Path, root: Path) -> Path | None:
    """`path` with symlinks resolved, when it is a file inside `root`."""
    try:
        real = path.resolve(strict=True)
        real.relative_to(root.resolve())
    except (OSError, ValueError, RuntimeError):
        return None
    return real if real.is_file() else None


def _render_text(source: str, context: Any) -> str:
    if "{" not in source:
        return source
    buf = StringIO()
    context.env.from_string(source).render_with_context(context, buf, partial=True)
    return buf.getvalue()


_LITERALS = {"true": True, "false": False, "nil": None, "null": None}


def _value(expr: str, context: Any, token: Token) -> Any:
    """An unquoted include parameter: a number, true/false/nil, or a variable (Liquid's `context[expr]`)."""
    if re.fullmatch(r"-?\d+", expr):
        return int(expr)
    if re.fullmatch(r"-?\d+\.\d+", expr):
        return float(expr)
    if expr in _LITERALS:
        return _LITERALS[expr]
    return context.get(expr.split("."), token=token)


class IncludeNode(Node):
    __slots__ = ("markup", "relative")

    def __init__(self, token: Token, markup: str, relative: bool) -> None:
        super().__init__(token)
        self.markup = markup
        self.relative = relative
        self.blank = False

    def _split(self, context: Any) -> tuple[str, str]:
        markup = self.markup.strip()
        dynamic = INCLUDE_VARIABLE.match(markup) if "{{" in markup else None
        if dynamic:
            return _render_text(dynamic.group("variable").strip(), context).strip(), dynamic.group("params")
        name, _, params = markup.partition(" ")
        return name, params

    def _params(self, text: str, context: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for m in INCLUDE_PARAM.finditer(text):
            if m.group(4) is not None:
                out[m.group(1)] = _value(m.group(4), context, self.token)
            else:
                raw = m.group(2) if m.group(2) is not None else m.group(3)
                out[m.group(1)] = re.sub(r"\\(.)", r"\1", raw)
        return out

    def _locate(self, name: str, context: Any) -> Path | None:
        galley = _galley(context)
        root = galley.site.root if galley is not None else None
        if root is None:
            return None
        if self.relative:
            base = galley.post_path.parent if galley.post_path is not None else root
        else:
            base = root / str(galley.site.config.get("includes_dir") or "_includes")
        return _inside(base / name, root)

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        name, params = self._split(context)
        tag = "include_relative" if self.relative else "include"
        include_problem(tag, (name + " " + params).strip(), self.token)
        path = self._locate(name, context)
        if path is None:
            galley = _galley(context)
            theme = galley is not None and (galley.site.config.get("theme") or galley.site.config.get("remote_theme"))
            if not self.relative and re.fullmatch(r"toc(?:\.html)?", name):
                # minimal-mistakes' table of contents: our own.
                buffer.write(as_block(TOC_HTML))
                return True
            if theme and not self.relative:
                # The theme gem may hold it: the preview cannot know, Jekyll may not fail.
                buffer.write(f"<!-- include {name} -->")
                return True
            raise TemplateNotFoundError(
                f"Could not locate the included file '{name}' in "
                f"{'the post’s folder' if self.relative else '_includes'}", token=self.token)
        if path.stat().st_size > MAX_INCLUDE_BYTES:
            raise LiquidError(f"The included file '{name}' is larger than {MAX_INCLUDE_BYTES // 1024} KB",
                              token=self.token)
        namespace = {"include": self._params(params, context)} if params.strip() else {}
        try:
            source = path.read_text(encoding="utf-8")
            template = context.env.from_string(source, name=name, path=path)
            with context.extend(namespace, template=template):
                template.render_with_context(context, buffer, partial=True)
        except UnicodeDecodeError as exc:
            raise LiquidError(f"The included file '{name}' is not UTF-8", token=self.token) from exc
        except LiquidError as exc:
            if exc.token is not None and exc.token.source is not source:
                raise
            raise type(exc)(f"in {name}: {exc.message}", token=self.token) from exc
        return True


class IncludeTag(Tag):
    name = sys.intern("include")
    block = False
    relative = False

    def parse(self, stream: Any) -> Node:
        token, markup = _expression(stream)
        if not markup.strip():
            raise LiquidSyntaxError(f"Invalid syntax for {self.name} tag: no file name", token=token)
        return IncludeNode(token, markup, self.relative)


class IncludeRelativeTag(IncludeTag):
    name = sys.intern("include_relative")
    relative = True


class HighlightNode(Node):
    __slots__ = ("lang", "linenos", "body")

    def __init__(self, token: Token, lang: str, linenos: bool, body: BlockNode) -> None:
        super().__init__(token)
        self.lang = lang
        self.linenos = linenos
        self.body = body
        self.blank = False

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        buf = StringIO()
        self.body.render(context, buf)
        # Jekyll's own markup (Rouge's), as a raw HTML block every engine
        # passes through: Jekyll writes it before kramdown runs, so kramdown
        # never sees a code block here (a list item or paragraph ends at it, too).
        # Tabs as references, like as_block's newlines: Python-Markdown expands tabs in raw HTML too.
        buffer.write(as_block(highlight_html(buf.getvalue(), self.lang, self.linenos).replace("\t", "&#9;")))
        return True


class HighlightTag(Tag):
    name = sys.intern("highlight")
    end = sys.intern("endhighlight")

    def parse(self, stream: Any) -> Node:
        token, markup = _expression(stream, block=True)
        m = HIGHLIGHT_SYNTAX.match(markup.strip())
        if m is None:
            raise LiquidSyntaxError(
                f"Syntax Error in tag 'highlight' while parsing the following markup:\n\n  {markup}\n\n"
                "Valid syntax: highlight <lang> [linenos]", token=token)
        linenos = any(w.startswith("linenos") for w in m.group(2).split())
        body = get_parser(self.env).parse_block(stream, (self.end, TOKEN_EOF))
        if stream.current.kind == TOKEN_EOF:
            raise LiquidSyntaxError("'highlight' tag was never closed", token=token)
        return HighlightNode(token, m.group(1), linenos, body)


class _UrlNode(Node):
    __slots__ = ("markup", "kind")

    def __init__(self, token: Token, markup: str, kind: str) -> None:
        super().__init__(token)
        self.markup = markup
        self.kind = kind
        self.blank = False

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        galley = _galley(context)
        url = None
        if galley is not None:
            url = _post_url(self.markup, galley) if self.kind == "post_url" else \
                _link(_render_text(self.markup, context).strip(), galley)
        if url is None:
            what = "post" if self.kind == "post_url" else "document"
            raise LiquidError(f"Could not find {what} '{self.markup.strip()}' in tag '{self.kind}'",
                              token=self.token)
        buffer.write(url)
        return True


class PostUrlTag(Tag):
    name = sys.intern("post_url")
    block = False

    def parse(self, stream: Any) -> Node:
        token, markup = _expression(stream)
        return _UrlNode(token, markup, self.name)


class LinkTag(PostUrlTag):
    name = sys.intern("link")


def _post_url(args: str, ctx: Any) -> str | None:
    path = find_post(args, ctx.site.post_files)
    if path is None:
        return None
    return ctx.url_for(path, front_matter_of(path))


def _link(rel: str, ctx: Any) -> str | None:
    rel = rel.strip("\"'")
    root = ctx.site.root
    if root is None or not rel:
        return None
    path = _inside(root / rel, root)
    if path is None:
        return None
    if path in ctx.site.post_files or (root / rel) in ctx.site.post_files:
        return ctx.url_for(root / rel, front_matter_of(path))
    url = "/" + rel
    if is_page_file(path):
        url = url.rsplit(".", 1)[0] + ".html"
    return join_url(ctx.site.baseurl, url) if ctx.site.baseurl else url


TAGS = (IncludeTag, IncludeRelativeTag, HighlightTag, PostUrlTag, LinkTag)

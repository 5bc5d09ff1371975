"""Does a post body parse as Jekyll's Liquid? The check the build makes before rendering.

`syntax_problem` parses the text with python-liquid (cut by `liquid_lex`,
linear) knowing Liquid's tags and Jekyll's (`include`, `include_relative`,
`highlight`, `post_url`, `link`), and returns the first error with its line
and column: an unterminated `{{` or `{%`, an unknown tag, a block never
closed, a malformed `highlight`. These stop `jekyll build`.

Parsing needs no site; rendering (the preview) lives in `editor.core.render.liquid`,
whose tags share `HIGHLIGHT_SYNTAX` and `JEKYLL_TAGS` with this module.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: `{% highlight lang [linenos] %}` as Jekyll accepts it.
HIGHLIGHT_SYNTAX = re.compile(r'^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$')
#: One `key=value` of `{% include %}`, and a whole parameter list (Jekyll's IncludeTag).
INCLUDE_PARAM = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))""")
INCLUDE_PARAMS = re.compile(rf"\A\s*(?:{INCLUDE_PARAM.pattern}(?=\s|\Z)\s*)*\Z")
#: An include whose name Liquid makes (`{% include {{ page.x }}.html a=1 %}`): name, then parameters.
INCLUDE_VARIABLE = re.compile(r"(?P<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)", re.S)
#: An include's file name: these characters, and no `..` or `//`.
INCLUDE_FILE = re.compile(r"^[\w/.\-()+~#@]+$")
INCLUDE_BAD_SEQUENCE = re.compile(r"[./]{2,}")
#: Tags Jekyll adds to Liquid that hold no body.
JEKYLL_TAGS = ("include", "include_relative", "post_url", "link")
#: Tags of python-liquid that Jekyll's Liquid (4.0) does not have.
NOT_IN_JEKYLL = ("render", "doc", "#")


@dataclass(frozen=True)
class SyntaxProblem:
    """Liquid's message, at a 1-based line and column of the text checked."""

    message: str
    line: int
    column: int


def syntax_problem(text: str) -> SyntaxProblem | None:
    """The first Liquid syntax error Jekyll would stop on, or None."""
    if "{" not in text:
        return None
    from liquid.exceptions import LiquidError  # noqa: PLC0415 - python-liquid costs ~0.1 s to import

    try:
        _environment().from_string(text)
    except LiquidError as exc:
        return problem_of(exc, text)
    return None


def problem_of(exc: Any, text: str) -> SyntaxProblem:
    """A python-liquid error as Jekyll words it, at the delimiter that opens the tag."""
    token = getattr(exc, "token", None)
    message = " ".join(str(getattr(exc, "message", "") or exc).split())
    if message.startswith("unexpected tag '"):
        message = "Unknown tag '" + message[len("unexpected tag '"):]  # Liquid's own words
    if token is None or token.start_index < 0 or token.source is not text:
        return SyntaxProblem(message, 1, 1)
    index = token.start_index
    # A tag's token points at its name or argument: report the delimiter that opens it.
    opening = max(text.rfind("{%", 0, index + 2), text.rfind("{{", 0, index + 2))
    between = text[opening:index] if opening >= 0 else ""
    if opening >= 0 and "%}" not in between and "}}" not in between and "\n" not in between:
        index = opening
    line_start = text.rfind("\n", 0, index) + 1
    return SyntaxProblem(message, text.count("\n", 0, index) + 1, index - line_start + 1)


def include_problem(tag: str, markup: str, token: Any) -> None:
    """Raise Jekyll's error for an include whose literal name or parameters it refuses."""
    from liquid.exceptions import LiquidSyntaxError  # noqa: PLC0415

    if "{{" in markup and INCLUDE_VARIABLE.match(markup):
        return  # a name made by Liquid: known only when rendered
    name, _, params = markup.partition(" ")
    if INCLUDE_BAD_SEQUENCE.search(name) or not INCLUDE_FILE.match(name):
        raise LiquidSyntaxError(
            f"Invalid syntax for {tag} tag. File contains invalid characters or sequences: {name}", token=token)
    if params.strip() and not INCLUDE_PARAMS.match(params):
        raise LiquidSyntaxError(f"Invalid syntax for {tag} tag: {params.strip()}", token=token)


_QUOTED_FRAGMENT = r"""(?:"[^"]*"|'[^']*'|(?:[^\s,|'"]|"[^"]*"|'[^']*')+)"""
_FIRST_FRAGMENT = re.compile(r"\s*(" + _QUOTED_FRAGMENT + ")")
_FILTER_ARG = re.compile(r"[:,]\s*((?:\w+\s*:\s*)?" + _QUOTED_FRAGMENT + ")")
_PIPES = re.compile(r"""\|(?=(?:[^"']|"[^"]*"|'[^']*')*$)""")


def lax_readings(expr: str) -> list[str]:
    """What Jekyll's Liquid (lax mode) reads of an output it cannot parse strictly:
    the first value, then each filter by its name and the arguments it can read
    (`{{ a b }}` is `a`, `{{ a | }}` is `a`); a stricter reading first."""
    m = _FIRST_FRAGMENT.match(expr)
    if m is None:
        return []
    first = m.group(1)
    filters = []
    for segment in _PIPES.split(expr[m.end():])[1:]:
        name = re.search(r"\w+", segment)
        if name is None:
            continue
        args = _FILTER_ARG.findall(segment[name.end():])
        filters.append(name.group(0) + (": " + ", ".join(args) if args else ""))
    readings = [" | ".join([first, *filters])] if filters else []
    return [*readings, first]


def lax_output_tag() -> type:
    """Liquid's output statement, read as Jekyll's Liquid reads it: strictly when it can,
    else laxly (`lax_readings`), else as nothing. Jekyll never stops on an output."""
    from liquid.builtin.expressions import FilteredExpression, tokenize as tokenize_expression  # noqa: PLC0415
    from liquid.builtin.output import Output  # noqa: PLC0415
    from liquid.exceptions import LiquidSyntaxError  # noqa: PLC0415
    from liquid.stream import TokenStream  # noqa: PLC0415
    from liquid.token import TOKEN_EXPRESSION, TOKEN_OUTPUT  # noqa: PLC0415

    class LaxOutput(Output):
        def parse(self, stream: Any) -> Any:
            start = stream.pos
            try:
                return super().parse(stream)
            except LiquidSyntaxError:
                stream.pos = start
            token = stream.eat(TOKEN_OUTPUT)
            expr = stream.expect(TOKEN_EXPRESSION)
            for reading in [*lax_readings(expr.value), "nil"]:
                try:
                    parsed = FilteredExpression.parse(self.env, TokenStream(tokenize_expression(reading, expr)))
                except LiquidSyntaxError:
                    continue
                return self.node_class(token, parsed)
            raise LiquidSyntaxError("unreadable output", token=token)  # pragma: no cover - "nil" parses

    return LaxOutput


@lru_cache(maxsize=1)
def base_environment() -> type:
    """python-liquid's Environment, cutting text with `liquid_lex` and placing every
    error at a position of the text (an error inside a tag's arguments has none)."""
    from liquid import Environment  # noqa: PLC0415
    from liquid.exceptions import LiquidError  # noqa: PLC0415

    from editor.core.post.liquid_lex import tokenize  # noqa: PLC0415

    class JekyllLiquidEnvironment(Environment):
        def tokenizer(self) -> Any:
            return tokenize

        def error(self, exc: Any, msg: Any = None, token: Any = None) -> None:
            if isinstance(exc, LiquidError) and token is not None and token.start_index >= 0 \
                    and (exc.token is None or exc.token.start_index < 0):
                if token.kind not in ("tag", "expression", "output"):
                    # The parser moved past the tag that failed: point at that tag.
                    opening = token.source.rfind("{%", 0, token.start_index)
                    token = token._replace(start_index=max(opening, 0), value="{%")
                exc.token = token
            super().error(exc, msg, token)

    return JekyllLiquidEnvironment


@lru_cache(maxsize=1)
def _environment() -> Any:
    from liquid import Mode  # noqa: PLC0415
    from liquid.ast import Node  # noqa: PLC0415
    from liquid.exceptions import LiquidSyntaxError  # noqa: PLC0415
    from liquid.parser import get_parser  # noqa: PLC0415
    from liquid.tag import Tag  # noqa: PLC0415
    from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION  # noqa: PLC0415

    class _Parsed(Node):
        def render_to_output(self, context: Any, buffer: Any) -> int:  # pragma: no cover - never rendered
            return False

    def markup_tag(tag_name: str) -> type:
        class MarkupTag(Tag):
            name = sys.intern(tag_name)
            block = False

            def parse(self, stream: Any) -> Node:
                token = stream.current
                if stream.peek.kind == TOKEN_EXPRESSION:
                    next(stream)
                    if tag_name.startswith("include"):
                        include_problem(tag_name, stream.current.value.strip(), token)
                elif tag_name.startswith("include"):
                    raise LiquidSyntaxError(f"Invalid syntax for {tag_name} tag: no file name", token=token)
                return _Parsed(token)
        return MarkupTag

    class HighlightTag(Tag):
        name = sys.intern("highlight")
        end = sys.intern("endhighlight")

        def parse(self, stream: Any) -> Node:
            token = stream.current
            markup = ""
            if stream.peek.kind == TOKEN_EXPRESSION:
                next(stream)
                markup = stream.current.value
            next(stream)
            if not HIGHLIGHT_SYNTAX.match(markup.strip()):
                raise LiquidSyntaxError(
                    f"Syntax Error in tag 'highlight' while parsing the following markup:\n\n  {markup}\n\n"
                    "Valid syntax: highlight <lang> [linenos]", token=token)
            get_parser(self.env).parse_block(stream, (self.end, TOKEN_EOF))
            if stream.current.kind == TOKEN_EOF:
                raise LiquidSyntaxError("'highlight' tag was never closed", token=token)
            return _Parsed(token)

    env = base_environment()(tolerance=Mode.STRICT, strict_filters=False)
    env.add_tag(lax_output_tag())
    for name in NOT_IN_JEKYLL:
        env.tags.pop(name, None)
    for name in JEKYLL_TAGS:
        env.add_tag(markup_tag(name))
    env.add_tag(HighlightTag)
    return env

"""Jekyll's Liquid, run by a real Liquid engine (python-liquid) before Markdown, as Jekyll does.

- Liquid's own tags and filters (`if`, `unless`, `for`, `case`, `assign`,
  `capture`, `raw`, `comment`, ...) come from python-liquid; Jekyll's tags
  (`include`, `include_relative`, `highlight`, `post_url`, `link`) are in
  `liquid_tags`, its filters in `liquid_filters`.
- Variables: `site` (the config, `baseurl`, `url`, `time`, `posts`), `page`
  (the front matter, `url`, `path`), `jekyll.environment`.
- The text is cut by `liquid_lex` (linear; python-liquid's lexer is quadratic
  on unclosed `{{`); loops, output size and include nesting are bounded by the
  environment's limits.
- A text Jekyll would reject (a syntax error, an unknown tag, a missing
  include or post) renders as written, and `run_liquid` says why and where
  (`LiquidProblem`, for the editor's diagnostics and `galley validate`).

python-liquid is imported on first use: it costs ~0.1 s, and nothing needs it
before the first preview.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from editor.core.post.liquid_syntax import NOT_IN_JEKYLL, SyntaxProblem, base_environment, lax_output_tag, problem_of
from editor.core.render.context import TemplateContext
from editor.core.render.urls import front_matter_of

#: Loop iterations in one render (Liquid's `for`, `include ... for`).
MAX_LOOP_ITERATIONS = 100_000
#: Characters one render may output.
MAX_OUTPUT_CHARS = 16_000_000
#: Nested includes and blocks.
MAX_DEPTH = 30
#: Distinct texts whose parsed template is kept.
CACHE_SIZE = 2048


#: Why Jekyll would stop on a text: its message and 1-based line and column in that text.
LiquidProblem = SyntaxProblem


@dataclass(frozen=True)
class LiquidOutcome:
    text: str
    problem: LiquidProblem | None = None


def render_liquid(text: str, ctx: TemplateContext) -> str:
    """The text after Liquid; the text as written when Jekyll would stop on it."""
    return run_liquid(text, ctx).text


def run_liquid(text: str, ctx: TemplateContext, scope: Mapping[str, Any] | None = None) -> LiquidOutcome:
    """`text` through Liquid, with `scope`'s variables (assigned elsewhere in the body) defined."""
    if "{" not in text:
        return LiquidOutcome(text)
    from liquid.exceptions import LiquidError  # noqa: PLC0415 - see the module docstring

    try:
        template = _parse(text)
        variables = _globals(ctx)
        if scope:
            variables.update(scope)
        return LiquidOutcome(template.render(variables))
    except LiquidError as exc:
        problem = problem_of(exc, text)
    except (RecursionError, ValueError, TypeError, ArithmeticError, OSError) as exc:
        # A filter or a value Liquid chokes on: Jekyll's build stops there too.
        problem = LiquidProblem(f"Liquid error: {exc}", 1, 1)
    return LiquidOutcome(_by_blocks(text, ctx, scope) if "\n\n" in text else text, problem)


def _by_blocks(text: str, ctx: TemplateContext, scope: Mapping[str, Any] | None) -> str:
    """A text with an error, rendered block by block as the preview does: only the
    blocks that fail show as written (so a whole-body render equals the preview's)."""
    from editor.core.render.blocks import split_blocks  # noqa: PLC0415

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = split_blocks(text)
    if len(blocks) < 2:
        return text
    out: list[str] = []
    line = 0
    for block in blocks:
        out.extend(lines[line:block.start])
        chunk = "\n".join(lines[block.start:block.end + 1])
        out.append(run_liquid(chunk, ctx, scope).text if "\n\n" not in chunk else _alone(chunk, ctx, scope))
        line = block.end + 1
    out.extend(lines[line:])
    return "\n".join(out)


def _alone(chunk: str, ctx: TemplateContext, scope: Mapping[str, Any] | None) -> str:
    from liquid.exceptions import LiquidError  # noqa: PLC0415

    try:
        variables = _globals(ctx)
        variables.update(scope or {})
        return _parse(chunk).render(variables)
    except (LiquidError, RecursionError, ValueError, TypeError, ArithmeticError, OSError):
        return chunk


_STATEFUL = re.compile(r"\{%-?\s*(?:assign|capture)\b")
_CAPTURE_END = re.compile(r"\{%-?\s*endcapture\s*-?%\}")


class LiquidStep:
    """Liquid as one renderer's template step: block by block, yet with the body's variables.

    Jekyll runs Liquid over the whole body, so a `{% capture %}` or `{% assign %}`
    in one block is seen by the next. `prepare` (called once per render with
    the whole body) evaluates only those tags, and every block then renders
    with the variables they set. Belongs to one renderer (one thread)."""

    def __init__(self, before: Callable[[str, TemplateContext], str] | None = None) -> None:
        self._before = before
        self._scope: dict[str, Any] = {}
        self._key: tuple[str, int] | None = None

    def prepare(self, body: str, ctx: TemplateContext) -> bool:
        """Take the body's assignments; True when they differ from the last body's."""
        source = assignments(body) if "{%" in body else ""
        key = (source, id(ctx))
        if key == self._key:
            return False
        changed = bool(source) or bool(self._scope)
        self._key = key
        self._scope = _scope_of(source, ctx) if source else {}
        return changed

    def __call__(self, text: str, ctx: TemplateContext) -> str:
        if self._before is not None:
            text = self._before(text, ctx)
        return run_liquid(text, ctx, self._scope).text


def assignments(body: str) -> str:
    """The body's `assign` tags and `capture` blocks, in order (found in linear time)."""
    out: list[str] = []
    pos = 0
    while True:
        m = _STATEFUL.search(body, pos)
        if m is None:
            break
        close = body.find("%}", m.end())
        if close < 0:
            break
        if body.startswith("capture", m.end() - 7):
            end = _CAPTURE_END.search(body, close)
            if end is None:
                break
            out.append(body[m.start():end.end()])
            pos = end.end()
        else:
            out.append(body[m.start():close + 2])
            pos = close + 2
    return "".join(out)


def _scope_of(source: str, ctx: TemplateContext) -> dict[str, Any]:
    from io import StringIO  # noqa: PLC0415

    from liquid.context import RenderContext  # noqa: PLC0415
    from liquid.exceptions import LiquidError  # noqa: PLC0415

    try:
        template = _parse(source)
        context = RenderContext(template, globals=_globals(ctx))
        template.render_with_context(context, StringIO())
    except (LiquidError, RecursionError, ValueError, TypeError, ArithmeticError, OSError):
        return {}
    return dict(context.locals)


@lru_cache(maxsize=1)
def _environment() -> Any:
    from liquid import Mode  # noqa: PLC0415

    from editor.core.render.liquid_filters import FILTERS  # noqa: PLC0415
    from editor.core.render.liquid_tags import TAGS  # noqa: PLC0415

    class JekyllEnvironment(base_environment()):
        loop_iteration_limit = MAX_LOOP_ITERATIONS
        output_stream_limit = MAX_OUTPUT_CHARS
        context_depth_limit = MAX_DEPTH
        block_nesting_limit = MAX_DEPTH

    # Jekyll's defaults: unknown filters are ignored, undefined variables are empty.
    env = JekyllEnvironment(tolerance=Mode.STRICT, strict_filters=False)
    env.add_tag(lax_output_tag())
    for name in NOT_IN_JEKYLL:
        env.tags.pop(name, None)
    for tag in TAGS:
        env.add_tag(tag)
    for name, func in FILTERS.items():
        env.add_filter(name, func)
    return env


_cache: dict[str, Any] = {}


def _parse(text: str) -> Any:
    """The parsed template of `text`, or its syntax error (both kept by text)."""
    hit = _cache.get(text)
    if hit is None:
        from liquid.exceptions import LiquidError  # noqa: PLC0415

        try:
            hit = _environment().from_string(text)
        except LiquidError as exc:
            hit = exc
        if len(_cache) >= CACHE_SIZE:
            _cache.clear()
        _cache[text] = hit
    if isinstance(hit, Exception):
        raise hit
    return hit


def _globals(ctx: TemplateContext) -> dict[str, Any]:
    from editor.core.render.liquid_filters import GALLEY_CONTEXT  # noqa: PLC0415

    return {
        "site": _Site(ctx),
        "page": _Page(ctx),
        "jekyll": {"environment": "development", "version": "4.3.1"},
        GALLEY_CONTEXT: ctx,
    }


class _Lazy(Mapping[str, Any]):
    """A mapping whose values are computed on first look-up (posts, front matter of other files)."""

    def __init__(self) -> None:
        self._data: dict[str, Any] | None = None

    def _load(self) -> dict[str, Any]:
        raise NotImplementedError

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            self._data = self._load()
        return self._data

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


class _Site(_Lazy):
    def __init__(self, ctx: TemplateContext) -> None:
        super().__init__()
        self._ctx = ctx

    def __getitem__(self, key: str) -> Any:
        if key == "posts":
            # Read only when a template asks: each post's front matter is a file read.
            if "posts" not in self.data:
                self.data["posts"] = _posts(self._ctx)
        return self.data[key]

    def _load(self) -> dict[str, Any]:
        site = self._ctx.site
        data = dict(site.config)
        data.update(baseurl=site.baseurl, url=site.url, time=dt.datetime.now().astimezone())
        return data


class _Page(_Lazy):
    def __init__(self, ctx: TemplateContext) -> None:
        super().__init__()
        self._ctx = ctx

    def _load(self) -> dict[str, Any]:
        data = dict(self._ctx.front_matter)
        data["url"] = self._ctx.page_url
        if self._ctx.post_path is not None:
            data.setdefault("path", self._ctx.post_path.name)
        return data


class _Post(_Lazy):
    def __init__(self, ctx: TemplateContext, path: Path) -> None:
        super().__init__()
        self._ctx = ctx
        self._path = path

    def _load(self) -> dict[str, Any]:
        matter = dict(front_matter_of(self._path) or {})
        data = dict(matter)
        data.setdefault("title", self._path.stem.split("-", 3)[-1].replace("-", " "))
        data.update(url=self._ctx.url_for(self._path, matter), path=self._path.name)
        return data


#: Posts `site.posts` lists at most (Jekyll lists every post; the preview reads each one).
MAX_POSTS = 2000


def _posts(ctx: TemplateContext) -> list[_Post]:
    files = sorted(ctx.site.post_files, key=lambda p: p.name, reverse=True)[:MAX_POSTS]
    return [_Post(ctx, path) for path in files]

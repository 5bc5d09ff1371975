"""Hugo and Zola shortcodes, as far as a preview needs them.

Hugo: `{{< name args >}}` (content not rendered as Markdown) and `{{% name %}}`
(Markdown), optionally paired with `{{< /name >}}`. `figure`, `highlight`,
`ref`/`relref` and `param` are rendered; other shortcodes become a placeholder
naming them, and a paired shortcode keeps its inner content between two
placeholders. `{{</* x */>}}` is Hugo's way of writing a shortcode literally.

Zola: `{{ name(args) }}` and `{% name(args) %}…{% end %}` become placeholders
(the templates live in the theme; we do not run Tera).

Inside code (fences, spans) a shortcode stays text.
"""

from __future__ import annotations

import bisect
import html
import re
import shlex
from pathlib import Path

from editor.core.render.context import TemplateContext
from editor.core.render.markup import CodeRanges, as_block, as_fence, placeholder
from editor.core.render.urls import front_matter_of

# A Hugo shortcode: `{{<` or `{{%`, an optional `/`, a name, arguments (plain
# characters, "quoted" or `raw` strings; no `>` or `%` outside them), `>}}` or
# `%}}`. `{{</* … */>}}` is a literal one. Read by `_HugoScanner` in one pass:
# a regular expression searched from each `{{<` walks to the end of a long run
# of unclosed ones, for every one of them (quadratic).
_OPENER = re.compile(r"\{\{(?=[<%])")
_HEAD = re.compile(r"\{\{(?P<open><|%)\s*(?P<close>/)?\s*(?P<name>[\w/.-]+)")
_COMMENT_HEAD = re.compile(r"\{\{(?P<o><|%)\s*/\*")
_COMMENT_END = re.compile(r"\*/\s*[>%]\}\}")
_ARG_STOP = re.compile(r"[>%\"`]")
_STRING_STOP = re.compile(r"[\"\\]")
_TAIL = re.compile(r"[>%]\}\}")
_ZOLA_INLINE = re.compile(r"\{\{\s*(?P<name>[A-Za-z_]\w*)\((?P<args>[^()]*)\)\s*\}\}")
_ZOLA_HEAD = re.compile(r"\{%\s*(?P<name>[A-Za-z_]\w*)\((?P<args>[^()]*)\)\s*%\}")
_ZOLA_END = re.compile(r"\{%\s*end\s*%\}")


class _Positions:
    """Where a pattern matches in a text, found once; `first_from(i)` is the
    first match starting at or after `i` (a bisection, not a new scan)."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.matches = list(pattern.finditer(text))
        self.starts = [m.start() for m in self.matches]

    def first_from(self, index: int) -> re.Match[str] | None:
        i = bisect.bisect_left(self.starts, index)
        return self.matches[i] if i < len(self.matches) else None


class _HugoScanner:
    """Finds Hugo shortcodes as `_HUGO_PATTERN` below would, in time linear in
    the text: where an argument list stops depends only on where its reading
    starts, so each stop is worked out once and shared by every opening that
    reaches it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.openers = _Positions(_OPENER, text)
        self._comment_ends = _Positions(_COMMENT_END, text)
        self._arg_stops = _Positions(_ARG_STOP, text)
        self._string_stops = _Positions(_STRING_STOP, text)
        self._stop_at: dict[int, int] = {}
        self._string_end_at: dict[int, int] = {}
        self._closers: dict[str, _Positions] = {}

    def closer(self, name: str, index: int) -> re.Match[str] | None:
        """The first `{{< /name >}}` at or after `index`."""
        if name not in self._closers:
            pattern = re.compile(r"\{\{[<%]\s*/\s*" + re.escape(name) + r"\s*[>%]\}\}")
            self._closers[name] = _Positions(pattern, self.text)
        return self._closers[name].first_from(index)

    def match_at(self, start: int) -> _Shortcode | None:
        text = self.text
        head = _COMMENT_HEAD.match(text, start)
        if head:
            end = self._comment_ends.first_from(head.end())
            if end is not None:
                comment = text[head.end():end.start()]
                return _Shortcode(start, end.end(), text[start:end.end()], comment=comment, open=head.group("o"))
        head = _HEAD.match(text, start)
        if not head:
            return None
        stop = self._args_stop(head.end())
        tail = _TAIL.match(text, stop)
        if not tail:
            return None
        return _Shortcode(start, tail.end(), text[start:tail.end()], name=head.group("name"),
                          args=text[head.end():stop].rstrip(), close=head.group("close") is not None)

    def _args_stop(self, index: int) -> int:
        """Where reading arguments from `index` stops: at a `>` or `%` outside
        strings, at a string left open, or at the end of the text."""
        text = self.text
        visited: list[int] = []
        while True:
            special = self._arg_stops.first_from(index)
            if special is None:
                stop = len(text)
                break
            k = special.start()
            if k in self._stop_at:
                stop = self._stop_at[k]
                break
            visited.append(k)
            char = text[k]
            if char in ">%":
                stop = k
                break
            closing = text.find("`", k + 1) if char == "`" else self._string_end(k + 1)
            if closing < 0:
                stop = k
                break
            index = closing + 1
        for k in visited:
            self._stop_at[k] = stop
        return stop

    def _string_end(self, index: int) -> int:
        """The closing quote of a string whose content starts at `index`
        (a backslash escapes the next character), or -1."""
        text = self.text
        visited: list[int] = []
        while True:
            special = self._string_stops.first_from(index)
            if special is None:
                end = -1
                break
            k = special.start()
            if k in self._string_end_at:
                end = self._string_end_at[k]
                break
            visited.append(k)
            if text[k] == '"':
                end = k
                break
            if k + 1 >= len(text):
                end = -1
                break
            index = k + 2
        for k in visited:
            self._string_end_at[k] = end
        return end


class _Shortcode:
    __slots__ = ("start", "end", "source", "name", "args", "close", "comment", "open")

    def __init__(self, start: int, end: int, source: str, name: str = "", args: str = "",
                 close: bool = False, comment: str | None = None, open: str = "") -> None:
        self.start, self.end, self.source = start, end, source
        self.name, self.args, self.close = name, args, close
        self.comment, self.open = comment, open


def _parse_args(raw: str) -> tuple[list[str], dict[str, str]]:
    raw = raw.replace("`", '"')
    try:
        words = shlex.split(raw, posix=True)
    except ValueError:
        words = raw.split()
    positional: list[str] = []
    named: dict[str, str] = {}
    for w in words:
        key, eq, value = w.partition("=")
        if eq and re.fullmatch(r"[\w-]+", key):
            named[key] = value
        else:
            positional.append(w)
    return positional, named


def render_hugo(text: str, ctx: TemplateContext) -> str:
    if "{{" not in text:
        return text
    scan = _HugoScanner(text)
    if not scan.openers.starts:
        return text
    code = CodeRanges(text)
    out: list[str] = []
    pos = 0
    for start in scan.openers.starts:
        if start < pos:
            continue
        m = scan.match_at(start)
        if m is None:
            continue
        out.append(text[pos:m.start])
        pos = m.end
        if m.comment is not None:
            o = m.open
            out.append("{{" + o + m.comment + (">" if o == "<" else "%") + "}}")
            continue
        source = m.source
        name = m.name
        if m.start in code or m.close:
            out.append(source if m.start in code else placeholder(source, "shortcode"))
            continue
        positional, named = _parse_args(m.args)
        if name == "highlight":
            end = scan.closer(name, pos)
            if end is not None:
                opts = ",".join(positional[1:]) + "," + ",".join(f"{k}={v}" for k, v in named.items())
                hl_match = re.search(r"hl_lines=\"?([\d\s-]+)", opts)
                hl = tuple(int(n) for n in re.findall(r"\d+", hl_match.group(1))) if hl_match else ()
                linenos = bool(re.search(r"linenos=(table|true|inline)", opts))
                line_start = text.rfind("\n", 0, m.start) + 1
                before = text[line_start:m.start]
                lang = positional[0] if positional and "=" not in positional[0] else ""
                out.append(as_fence(text[pos:end.start()], lang, linenos=linenos, hl_lines=hl,
                                    indent=before if not before.strip() else "", at_line_start=not before.strip()))
                pos = end.end()
                continue
        if name == "figure":
            out.append(as_block(_figure(positional, named)))
        elif name in ("ref", "relref"):
            url = _ref(positional[0] if positional else named.get("path", ""), ctx, absolute=name == "ref")
            out.append(url if url is not None else placeholder(source, "shortcode-error", f"{name}: target not found"))
        elif name == "param" and positional:
            value = ctx.front_matter.get(positional[0], ctx.site.config.get("params", {}).get(positional[0]) if isinstance(ctx.site.config.get("params"), dict) else None)
            out.append(html.escape(str(value)) if value is not None else placeholder(source, "shortcode"))
        else:
            out.append(placeholder(source, "shortcode"))
    out.append(text[pos:])
    return "".join(out)


def _figure(positional: list[str], named: dict[str, str]) -> str:
    esc = lambda s: html.escape(s, quote=True)  # noqa: E731
    src = named.get("src", positional[0] if positional else "")
    img_attrs = f' src="{esc(src)}" alt="{esc(named.get("alt", named.get("caption", "")))}"'
    for key in ("width", "height", "loading"):
        if key in named:
            img_attrs += f' {key}="{esc(named[key])}"'
    img = f"<img{img_attrs}>"
    if named.get("link"):
        img = f'<a href="{esc(named["link"])}">{img}</a>'
    caption = ""
    if named.get("title") or named.get("caption") or named.get("attr"):
        caption = "<figcaption>"
        if named.get("title"):
            caption += f"<h4>{esc(named['title'])}</h4>"
        if named.get("caption") or named.get("attr"):
            caption += f"<p>{esc(named.get('caption', ''))}"
            if named.get("attr"):
                attr = esc(named["attr"])
                caption += f' <a href="{esc(named["attrlink"])}">{attr}</a>' if named.get("attrlink") else f" {attr}"
            caption += "</p>"
        caption += "</figcaption>"
    cls = f' class="{esc(named["class"])}"' if named.get("class") else ""
    return f"<figure{cls}>{img}{caption}</figure>"


def _ref(target: str, ctx: TemplateContext, absolute: bool) -> str | None:
    target, _, anchor = target.partition("#")
    root = ctx.site.root
    candidates: list[Path] = []
    if target:
        if ctx.post_path is not None:
            candidates.append(ctx.post_path.parent / target)
        if root is not None:
            candidates.append(root / "content" / target.lstrip("/"))
        for p in ctx.site.post_files:
            if p.as_posix().endswith("/" + target.lstrip("/")):
                candidates.append(p)
    path = next((c for c in candidates if c.is_file()), None)
    if path is None and not target and anchor:
        return "#" + anchor
    if path is None:
        return None
    url = ctx.url_for(path, front_matter_of(path))
    if absolute and ctx.site.url:
        url = ctx.site.url.rstrip("/") + url
    return url + ("#" + anchor if anchor else "")


def render_zola(text: str, ctx: TemplateContext) -> str:
    if "{" not in text:
        return text
    code = CodeRanges(text)
    # `{% name(…) %}…{% end %}`: the ends are found once, not searched for
    # from every opening (a run of unclosed ones was quadratic).
    ends = _Positions(_ZOLA_END, text)
    out: list[str] = []
    pos = 0
    for head in _ZOLA_HEAD.finditer(text):
        if head.start() < pos:
            continue
        end = ends.first_from(head.end())
        if end is None:
            break
        out.append(text[pos:head.start()])
        if head.start() in code:
            out.append(text[head.start():end.end()])
        else:
            out.append(placeholder(head.group(0), "shortcode") + text[head.end():end.start()]
                       + placeholder("{% end %}", "shortcode"))
        pos = end.end()
    out.append(text[pos:])
    text = "".join(out)
    code = CodeRanges(text)
    return _ZOLA_INLINE.sub(lambda m: m.group(0) if m.start() in code else placeholder(m.group(0), "shortcode"), text)

"""Jekyll's Liquid, as far as a preview needs it.

Runs on the Markdown source before Markdown (Jekyll does the same):

- `{{ site.x }}` / `{{ page.x }}` with the common filters (`relative_url`,
  `absolute_url`, `prepend`, `append`, `date`, `default`, ...);
- `{% highlight lang [linenos] %}` → a fenced code block (markup.as_fence), highlighted
  by the Markdown pipeline like any fence;
- `{% raw %}` → its content, literally; `{% comment %}` → nothing;
- `{% post_url %}` / `{% link %}` → the target's URL (urls.py);
- any other tag (`include`, `if`, `assign`, ...) and output we cannot resolve
  → a small placeholder naming it (markup.placeholder).

Inside code (fences, code spans) a tag stays text: Jekyll would run it, but
markup there would only show as noise. No loops or conditionals are run:
the preview shows every branch.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any
from urllib.parse import quote

from editor.core.render.context import TemplateContext
from editor.core.render.headings import slugify
from editor.core.render.markup import CodeRanges, as_block, as_fence, placeholder
from editor.core.render.toc import PLACEHOLDER_HTML as TOC_HTML
from editor.core.render.urls import find_post, front_matter_of, is_page_file, join_url

_TOKEN = re.compile(r"\{\{-?(?P<out>.*?)-?\}\}|\{%-?\s*(?P<tag>\w+)(?P<args>.*?)-?%\}", re.S)
_UNRESOLVED = object()


def _end_tag(name: str) -> re.Pattern[str]:
    return re.compile(r"\{%-?\s*end" + name + r"\s*-?%\}")


_ENDS = {name: _end_tag(name) for name in ("raw", "comment", "highlight")}


def render_liquid(text: str, ctx: TemplateContext) -> str:
    if "{" not in text:
        return text
    code = CodeRanges(text)
    out: list[str] = []
    pos = 0
    while True:
        m = _TOKEN.search(text, pos)
        if not m:
            break
        out.append(text[pos:m.start()])
        pos = m.end()
        in_code = m.start() in code
        tag = m.group("tag")
        if tag is None:
            out.append(_output(m.group("out"), m.group(0), ctx, in_code))
            continue
        args = m.group("args").strip()
        if tag in _ENDS:
            end = _ENDS[tag].search(text, pos)
            if end is None:
                out.append(m.group(0) if in_code else placeholder(m.group(0), "liquid-error", f"{tag}: no end{tag}"))
                continue
            inner = text[pos:end.start()]
            pos = end.end()
            if tag == "raw":
                out.append(inner)
            elif tag == "highlight":
                line_start = text.rfind("\n", 0, m.start()) + 1
                before = text[line_start:m.start()]
                out.append(_highlight(args, inner, m.group(0) + inner + end.group(0), in_code,
                                      before if not before.strip() else "", not before.strip()))
            continue
        out.append(_tag(tag, args, m.group(0), ctx, in_code))
    out.append(text[pos:])
    return "".join(out)


def _highlight(args: str, code: str, source: str, in_code: bool, indent: str, at_line_start: bool) -> str:
    if in_code:
        return source
    words = args.split()
    lang = words[0] if words else ""
    linenos = any(w.startswith("linenos") for w in words[1:])
    return as_fence(code, lang, linenos=linenos, indent=indent, at_line_start=at_line_start)


def _tag(tag: str, args: str, source: str, ctx: TemplateContext, in_code: bool) -> str:
    if tag in ("post_url", "link"):
        url = _post_url(args, ctx) if tag == "post_url" else _link(args, ctx)
        if url is not None:
            return url
        return source if in_code else placeholder(source, "liquid-error", f"{tag}: target not found")
    if in_code:
        return source
    if tag == "include" and re.match(r"toc(?:\.html)?\b", args):
        # minimal-mistakes' `{% include toc %}`: our own table of contents.
        return as_block(TOC_HTML)
    return placeholder(source, "liquid-tag")


def _post_url(args: str, ctx: TemplateContext) -> str | None:
    path = find_post(args, ctx.site.post_files)
    if path is None:
        return None
    return ctx.url_for(path, front_matter_of(path))


def _link(args: str, ctx: TemplateContext) -> str | None:
    rel = args.strip().strip("\"'")
    root = ctx.site.root
    if root is None or not rel or "{{" in rel:
        return None
    path = root / rel
    if not path.is_file():
        return None
    if path in ctx.site.post_files:
        return ctx.url_for(path, front_matter_of(path))
    url = "/" + rel
    if is_page_file(path):
        url = url.rsplit(".", 1)[0] + ".html"
    return join_url(ctx.site.baseurl, url) if ctx.site.baseurl else url


# -- output: {{ expression | filter: arg }} ---------------------------------------

def _output(expr: str, source: str, ctx: TemplateContext, in_code: bool) -> str:
    parts = _split_filters(expr)
    value = _resolve(parts[0].strip(), ctx)
    for f in parts[1:]:
        if value is _UNRESOLVED:
            break
        name, _, arg = f.partition(":")
        value = _filter(name.strip(), [_resolve(a.strip(), ctx) for a in _split_args(arg)] if arg else [], value, ctx)
    if value is _UNRESOLVED:
        return source if in_code else placeholder(source, "liquid-tag")
    return _to_text(value)


def _split_filters(expr: str) -> list[str]:
    return [p for p in re.split(r"\|(?=(?:[^\"']|\"[^\"]*\"|'[^']*')*$)", expr)]


def _split_args(arg: str) -> list[str]:
    return [a for a in re.split(r",(?=(?:[^\"']|\"[^\"]*\"|'[^']*')*$)", arg) if a.strip()]


def _lookup(value: Any, keys: list[str]) -> Any:
    for key in keys:
        m = re.fullmatch(r"(\w[\w-]*)((?:\[\d+\])*)", key)
        if not m:
            return None
        if isinstance(value, dict) or hasattr(value, "get"):
            value = value.get(m.group(1))
        elif key == "size" and isinstance(value, (list, str)):
            value = len(value)
        else:
            return None
        for idx in re.findall(r"\[(\d+)\]", m.group(2)):
            value = value[int(idx)] if isinstance(value, list) and int(idx) < len(value) else None
    return value


def _resolve(token: str, ctx: TemplateContext) -> Any:
    if not token:
        return _UNRESOLVED
    if token[0] in "\"'" and token[-1] == token[0] and len(token) >= 2:
        return token[1:-1]
    if re.fullmatch(r"-?\d+", token):
        return int(token)
    if token in ("true", "false"):
        return token == "true"
    if token in ("nil", "null"):
        return None
    root, _, rest = token.partition(".")
    keys = rest.split(".") if rest else []
    if root == "site":
        site = ctx.site
        special = {"baseurl": site.baseurl, "url": site.url, "time": dt.datetime.now()}
        if keys and keys[0] in special and len(keys) == 1:
            return special[keys[0]]
        return _lookup(site.config, keys) if keys else _UNRESOLVED
    if root == "page":
        if keys == ["url"]:
            return ctx.page_url
        if keys == ["path"] and ctx.post_path is not None:
            return ctx.post_path.name
        return _lookup(ctx.front_matter, keys) if keys else _UNRESOLVED
    if root == "jekyll" and keys == ["environment"]:
        return "development"
    return _UNRESOLVED


def _to_text(value: Any) -> str:
    if value is None or value is _UNRESOLVED:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S %z").strip()
    if isinstance(value, (list, tuple)):
        return "".join(_to_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _relative_url(value: str, ctx: TemplateContext) -> str:
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", value, re.I):
        return value
    return join_url(ctx.site.baseurl or "/", value) if value else (ctx.site.baseurl or "/")


def _date(value: Any, fmt: str) -> str:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip().replace(" ", "T", 1))
        except ValueError:
            return value
    if not isinstance(value, dt.date):
        return _to_text(value)
    fmt = fmt.replace("%-d", str(value.day)).replace("%-m", str(value.month)).replace("%e", str(value.day))
    try:
        return value.strftime(fmt)
    except ValueError:
        return _to_text(value)


def _filter(name: str, args: list[Any], value: Any, ctx: TemplateContext) -> Any:
    arg = _to_text(args[0]) if args else ""
    text = _to_text(value)
    if name == "relative_url":
        return _relative_url(text, ctx)
    if name == "absolute_url":
        rel = _relative_url(text, ctx)
        return rel if re.match(r"^[a-z][a-z0-9+.-]*:", rel, re.I) else join_url(ctx.site.url, rel)
    simple = {
        "prepend": lambda: arg + text,
        "append": lambda: text + arg,
        "upcase": text.upper,
        "downcase": text.lower,
        "capitalize": text.capitalize,
        "strip": text.strip,
        "escape": lambda: html.escape(text),
        "xml_escape": lambda: html.escape(text),
        "cgi_escape": lambda: quote(text, safe=""),
        "uri_escape": lambda: quote(text, safe="/:?&=#"),
        "url_encode": lambda: quote(text, safe=""),
        "slugify": lambda: slugify(text),
        "remove": lambda: text.replace(arg, ""),
        "replace": lambda: text.replace(arg, _to_text(args[1]) if len(args) > 1 else ""),
        "jsonify": lambda: json.dumps(value, ensure_ascii=False, default=str),
        "date_to_xmlschema": lambda: value.isoformat() if isinstance(value, dt.date) else text,
        "date_to_string": lambda: _date(value, "%d %b %Y"),
        "date_to_long_string": lambda: _date(value, "%d %B %Y"),
    }
    if name in simple:
        return simple[name]()
    if name == "default":
        return value if value not in (None, "", False, [], {}) else (args[0] if args else "")
    if name == "date":
        return _date(value, arg)
    if name == "size":
        return len(value) if isinstance(value, (list, str, dict)) else 0
    if name == "join":
        return arg.join(_to_text(v) for v in value) if isinstance(value, list) else text
    if name in ("first", "last"):
        return (value[0] if name == "first" else value[-1]) if isinstance(value, list) and value else value
    if name == "truncate":
        n = int(arg) if arg.isdigit() else 50
        return text if len(text) <= n else text[: max(0, n - 3)] + "..."
    return value  # unknown filters (markdownify, ...) leave the value as it is

"""Jekyll's own Liquid filters (Jekyll::Filters and Jekyll::Filters::URLFilters), for python-liquid.

Liquid's standard filters come with python-liquid; these are the ones Jekyll
adds, with Jekyll's results (dates as Jekyll formats them, `where` comparing
as strings, `sort` putting nil last, ...). The filters that need the site
(`relative_url`, `absolute_url`, `markdownify`) read it from the render
context's `GALLEY_CONTEXT` global, a `TemplateContext`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any, Callable
from urllib.parse import quote

from liquid.builtin.filters.misc import default as _liquid_default
from liquid.filter import with_context

from editor.core.render.headings import slugify as _slugify
from editor.core.render.urls import join_url

#: The render-context global that holds the page's `TemplateContext`.
GALLEY_CONTEXT = "__galley_context"


def _ctx(context: Any) -> Any:
    return context.globals.get(GALLEY_CONTEXT)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _to_date(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip().replace(" ", "T", 1))
        except ValueError:
            return None
    return None


def _date_filter(fmt: Callable[[Any], str]) -> Callable[..., Any]:
    def run(value: Any, *_: Any) -> Any:
        date = _to_date(value)
        return value if date is None else fmt(date)
    return run


def _long_or_short(month: str) -> Callable[..., Any]:
    # Jekyll: "%d %b %Y" ("ordinal" and "US" styles are rare in posts).
    return _date_filter(lambda d: f"{d.day:02d} {d.strftime(month)} {d.year}")


def _xmlschema(d: Any) -> str:
    if isinstance(d, dt.datetime):
        return d.isoformat()
    return dt.datetime(d.year, d.month, d.day).astimezone().isoformat()


def _rfc822(d: Any) -> str:
    if not isinstance(d, dt.datetime):
        d = dt.datetime(d.year, d.month, d.day).astimezone()
    return d.strftime("%a, %d %b %Y %H:%M:%S %z")


@with_context
def relative_url(value: Any, *, context: Any) -> str:
    text = _text(value)
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", text, re.I):
        return text
    baseurl = _ctx(context).site.baseurl if _ctx(context) else ""
    return join_url(baseurl or "/", text) if text else (baseurl or "/")


@with_context
def absolute_url(value: Any, *, context: Any) -> str:
    rel = relative_url(value, context=context)
    if re.match(r"^[a-z][a-z0-9+.-]*:", rel, re.I):
        return rel
    url = _ctx(context).site.url if _ctx(context) else ""
    return join_url(url, rel) if url else rel


@with_context
def markdownify(value: Any, *, context: Any) -> str:
    import markdown  # noqa: PLC0415 - rare; Python-Markdown is loaded by the preview anyway

    return markdown.markdown(_text(value), extensions=["extra"])


def jsonify(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))


def default(value: Any, fallback: Any = "", *args: Any, **kwargs: Any) -> Any:
    # Liquid's: 0 is a value, not "nothing" (python-liquid's own is right; kept explicit).
    return _liquid_default(value, fallback, *args, **kwargs)


def _prop(item: Any, key: Any) -> Any:
    if isinstance(item, dict) or hasattr(item, "keys"):
        try:
            return item[key]
        except (KeyError, TypeError):
            return None
    return None


def where(items: Any, prop: Any, value: Any = None) -> list[Any]:
    """Jekyll's `where`: compares as strings; an array property matches when it holds the value."""
    want = _text(value)
    out = []
    for item in _items(items):
        got = _prop(item, prop)
        if isinstance(got, (list, tuple)):
            if want in (_text(v) for v in got):
                out.append(item)
        elif _text(got) == want:
            out.append(item)
    return out


def _items(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    return [] if value is None else [value]


def group_by(items: Any, prop: Any) -> list[dict[str, Any]]:
    groups: dict[str, list[Any]] = {}
    for item in _items(items):
        groups.setdefault(_text(_prop(item, prop)), []).append(item)
    return [{"name": k, "items": v, "size": len(v)} for k, v in groups.items()]


def sort(items: Any, prop: Any = None, nils: Any = "first") -> list[Any]:
    """Jekyll's `sort`: by a property when given, nil values first (or "last")."""
    values = _items(items)
    key = (lambda v: _prop(v, prop)) if prop is not None else (lambda v: v)
    present = [v for v in values if key(v) is not None]
    missing = [v for v in values if key(v) is None]
    try:
        present.sort(key=key)
    except TypeError:
        present.sort(key=lambda v: _text(key(v)))
    return present + missing if nils == "last" else missing + present


def number_of_words(value: Any, *_: Any) -> int:
    return len(_text(value).split())


def array_to_sentence_string(items: Any, connector: Any = "and") -> str:
    words = [_text(v) for v in _items(items)]
    if len(words) <= 1:
        return "".join(words)
    if len(words) == 2:
        return f"{words[0]} {connector} {words[1]}"
    return f"{', '.join(words[:-1])}, {connector} {words[-1]}"


def normalize_whitespace(value: Any) -> str:
    return " ".join(_text(value).split())


def push(items: Any, value: Any) -> list[Any]:
    return _items(items) + [value]


def unshift(items: Any, value: Any) -> list[Any]:
    return [value] + _items(items)


def pop(items: Any, n: Any = 1) -> list[Any]:
    values = _items(items)
    return values[: max(0, len(values) - int(n or 1))]


def shift(items: Any, n: Any = 1) -> list[Any]:
    return _items(items)[int(n or 1):]


def slugify_filter(value: Any, mode: Any = "default") -> str:
    return _slugify(_text(value)) if mode != "raw" else re.sub(r"\s+", "-", _text(value)).lower()


FILTERS: dict[str, Callable[..., Any]] = {
    "relative_url": relative_url,
    "absolute_url": absolute_url,
    "markdownify": markdownify,
    "jsonify": jsonify,
    "default": default,
    "where": where,
    "group_by": group_by,
    "sort": sort,
    "number_of_words": number_of_words,
    "array_to_sentence_string": array_to_sentence_string,
    "normalize_whitespace": normalize_whitespace,
    "push": push,
    "pop": pop,
    "shift": shift,
    "unshift": unshift,
    "slugify": slugify_filter,
    "xml_escape": lambda v: html.escape(_text(v)),
    "cgi_escape": lambda v: quote(_text(v), safe="").replace("%20", "+"),
    "uri_escape": lambda v: quote(_text(v), safe="/:?&=#[]@!$'()*+,;~"),
    "inspect": lambda v: json.dumps(v, ensure_ascii=False, default=str),
    "date_to_xmlschema": _date_filter(_xmlschema),
    "date_to_rfc822": _date_filter(_rfc822),
    "date_to_string": _long_or_short("%b"),
    "date_to_long_string": _long_or_short("%B"),
}


def _test_each(items: Any, name: Any, expr: Any, context: Any) -> list[tuple[Any, bool]]:
    from io import StringIO  # noqa: PLC0415

    template = context.env.from_string(f"{{% if {expr} %}}1{{% endif %}}")
    out = []
    for item in _items(items):
        buf = StringIO()
        with context.extend({_text(name): item}):
            template.render_with_context(context, buf, partial=True)
        out.append((item, buf.getvalue() == "1"))
    return out


@with_context
def where_exp(items: Any, name: Any, expr: Any, *, context: Any) -> list[Any]:
    return [item for item, ok in _test_each(items, name, expr, context) if ok]


@with_context
def find_exp(items: Any, name: Any, expr: Any, *, context: Any) -> Any:
    return next((item for item, ok in _test_each(items, name, expr, context) if ok), None)


@with_context
def group_by_exp(items: Any, name: Any, expr: Any, *, context: Any) -> list[dict[str, Any]]:
    from io import StringIO  # noqa: PLC0415

    template = context.env.from_string(f"{{{{ {expr} }}}}")
    groups: dict[str, list[Any]] = {}
    for item in _items(items):
        buf = StringIO()
        with context.extend({_text(name): item}):
            template.render_with_context(context, buf, partial=True)
        groups.setdefault(buf.getvalue(), []).append(item)
    return [{"name": k, "items": v, "size": len(v)} for k, v in groups.items()]


FILTERS.update(where_exp=where_exp, find_exp=find_exp, group_by_exp=group_by_exp)

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

import html
import re
import shlex
from pathlib import Path

from editor.core.render.context import TemplateContext
from editor.core.render.markup import CodeRanges, as_block, as_fence, placeholder
from editor.core.render.urls import front_matter_of

_HUGO = re.compile(
    r"\{\{(?P<o><|%)\s*/\*(?P<comment>.*?)\*/\s*(?:>|%)\}\}"
    r"|\{\{(?P<open><|%)\s*(?P<close>/)?\s*(?P<name>[\w/.-]+)(?P<args>(?:[^>%\"`]|\"(?:\\.|[^\"\\])*\"|`[^`]*`)*?)\s*(?:>|%)\}\}",
    re.S,
)
_ZOLA_INLINE = re.compile(r"\{\{\s*(?P<name>[A-Za-z_]\w*)\((?P<args>[^()]*)\)\s*\}\}")
_ZOLA_BODY = re.compile(r"\{%\s*(?P<name>[A-Za-z_]\w*)\((?P<args>[^()]*)\)\s*%\}(?P<body>.*?)\{%\s*end\s*%\}", re.S)


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
    code = CodeRanges(text)
    out: list[str] = []
    pos = 0
    while True:
        m = _HUGO.search(text, pos)
        if not m:
            break
        out.append(text[pos:m.start()])
        pos = m.end()
        if m.group("comment") is not None:
            o = m.group("o")
            out.append("{{" + o + m.group("comment") + (">" if o == "<" else "%") + "}}")
            continue
        source = m.group(0)
        name = m.group("name")
        if m.start() in code or m.group("close"):
            out.append(source if m.start() in code else placeholder(source, "shortcode"))
            continue
        positional, named = _parse_args(m.group("args"))
        close = re.compile(r"\{\{[<%]\s*/\s*" + re.escape(name) + r"\s*[>%]\}\}")
        if name == "highlight":
            end = close.search(text, pos)
            if end is not None:
                opts = ",".join(positional[1:]) + "," + ",".join(f"{k}={v}" for k, v in named.items())
                hl_match = re.search(r"hl_lines=\"?([\d\s-]+)", opts)
                hl = tuple(int(n) for n in re.findall(r"\d+", hl_match.group(1))) if hl_match else ()
                linenos = bool(re.search(r"linenos=(table|true|inline)", opts))
                line_start = text.rfind("\n", 0, m.start()) + 1
                before = text[line_start:m.start()]
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

    def body(m: re.Match[str]) -> str:
        if m.start() in code:
            return m.group(0)
        head = m.group(0)[: m.start("body") - m.start()]
        return placeholder(head, "shortcode") + m.group("body") + placeholder("{% end %}", "shortcode")

    text = _ZOLA_BODY.sub(body, text)
    code = CodeRanges(text)
    return _ZOLA_INLINE.sub(lambda m: m.group(0) if m.start() in code else placeholder(m.group(0), "shortcode"), text)

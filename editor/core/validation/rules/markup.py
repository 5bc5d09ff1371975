"""Markup that breaks a page or a whole build: unclosed HTML tags, unbalanced Liquid.

HTML: an element opened in the body and never closed swallows the rest of the
page (a `<div>` left open pulls the footer into the article). Only known
elements with a required end tag are tracked; `<p>`, `<li>`, `<td>`... close
themselves, void elements (`<br>`, `<img>`) have no end, and anything that
only looks like a tag (`Vec<String>`, code samples) is ignored.

Liquid: Jekyll renders Liquid before Markdown, in code blocks too, and a block
tag without its end tag stops the build of the whole site. So Liquid is read
in the raw body; only `{% raw %}` and `{% comment %}` hide what they contain.
"""

from __future__ import annotations

import re

from editor.core.validation.rules.registry import ERROR, WARNING, check, diagnostic

_ELEMENTS = frozenset("""
a abbr address article aside audio b bdi bdo blockquote button canvas center cite code
data datalist del details dfn dialog div dl em fieldset figcaption figure font footer form
h1 h2 h3 h4 h5 h6 header i iframe ins kbd label legend main map mark menu meter nav noscript
object ol output picture pre progress q ruby s samp script section select small span strike
strong style sub summary sup svg table template textarea time tt u ul var video
""".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_OPTIONAL_END = frozenset(
    "p li dt dd tr td th thead tbody tfoot option optgroup colgroup caption rt rp html head "
    "body".split())
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*?)?)(/?)>", re.S)
_BRANCH = re.compile(r"\{%-?\s*(?:else|elsif|when)\b")
_RAW_TEXT = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}


@check("html", html_unclosed_tag=WARNING)
def check_html(post, ctx):
    if post.decode_error is not None:
        return
    body = post.masked_body
    if "<" not in body:
        return
    if post.has("{%") and _BRANCH.search(body):
        # `{% if %}<div>{% else %}<div class="x">{% endif %}</div>` is balanced in every
        # rendering, not in the source: with Liquid branches, tags cannot be counted.
        return
    stack: list[tuple[str, int]] = []
    unclosed: list[tuple[str, int]] = []
    pos = 0
    while True:
        m = _TAG.search(body, pos)
        if m is None:
            break
        pos = m.end()
        closing, name, _attrs, self_closing = m.group(1), m.group(2).lower(), m.group(3), m.group(4)
        if name not in _ELEMENTS and name not in _OPTIONAL_END:
            continue
        if closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    unclosed.extend(t for t in stack[i + 1:] if t[0] not in _OPTIONAL_END)
                    del stack[i:]
                    break
            continue  # a stray end tag is harmless to the rest of the page
        if self_closing or name in _VOID:
            continue
        stack.append((name, m.start()))
        if name in _RAW_TEXT:
            end = _RAW_TEXT[name].search(body, pos)
            if end is None:
                break
            pos = end.start()  # the end tag is matched on the next turn
    unclosed.extend(t for t in stack if t[0] not in _OPTIONAL_END)
    for name, offset in sorted(unclosed, key=lambda t: t[1]):
        yield diagnostic("html-unclosed-tag", WARNING, post.body_map.position(offset),
                         fix="html-unclosed-tag", tag=name)


_LIQUID_TAG = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}", re.S)
_BLOCKS = frozenset({"if", "unless", "for", "case", "capture", "raw", "comment", "highlight",
                     "tablerow"})
_SKIP_END = {"raw": re.compile(r"\{%-?\s*endraw\s*-?%\}"),
             "comment": re.compile(r"\{%-?\s*endcomment\s*-?%\}")}


def _liquid_applies(post, ctx) -> bool:
    if post.kind == "none" or post.front_matter.get("render_with_liquid") is False:
        return False  # Jekyll renders Liquid only in files with front matter
    if ctx.generator == "jekyll":
        return True
    return ctx.generator == "unknown" and post.kind == "yaml"


@check("liquid", liquid_unbalanced=ERROR)
def check_liquid(post, ctx):
    if post.decode_error is not None or not post.has("{%") or not _liquid_applies(post, ctx):
        return
    body = post.body
    stack: list[tuple[str, int]] = []
    pos = 0
    while True:
        m = _LIQUID_TAG.search(body, pos)
        if m is None:
            break
        pos = m.end()
        name = m.group(1)
        if name in _BLOCKS:
            if name in _SKIP_END:
                end = _SKIP_END[name].search(body, pos)
                if end is None:
                    stack.append((name, m.start()))
                    break
                pos = end.end()
                continue
            stack.append((name, m.start()))
        elif name.startswith("end") and name[3:] in _BLOCKS:
            opener = name[3:]
            if stack and stack[-1][0] == opener:
                stack.pop()
            elif any(s[0] == opener for s in stack):
                # The blocks opened after it were never closed.
                while stack[-1][0] != opener:
                    inner, offset = stack.pop()
                    yield _unclosed(post, inner, offset)
                stack.pop()
            else:
                yield diagnostic("liquid-unbalanced/stray-end", ERROR,
                                 post.body_map.position(m.start()),
                                 fix="liquid-unbalanced/stray-end", tag=name, opener=opener)
    for name, offset in stack:
        yield _unclosed(post, name, offset)


def _unclosed(post, name: str, offset: int):
    return diagnostic("liquid-unbalanced", ERROR, post.body_map.position(offset),
                      fix="liquid-unbalanced", tag=name)

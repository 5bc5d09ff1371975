"""Footnotes and tables of contents in the markup of the site's generator.

Site CSS styles its generator's own markup (kramdown's `a.footnote`,
`a.reversefootnote`, `ul#markdown-toc`; goldmark's `a.footnote-ref` with
numbered ids), so the renderer writes that markup whichever engine renders
the blocks (a Jekyll site without Ruby still gets kramdown's).
"""

from __future__ import annotations

import re

import pytest

from editor.core.render import IncrementalRenderer, RenderRequest, SiteInfo
from editor.core.render.dialect import GOLDMARK, KRAMDOWN, PYTHON_MARKDOWN, notes_dialect
from editor.core.render.toc import toc_html

NOTES = "One[^a], two[^b].\n\nOne again[^a] and again[^a].\n\n[^b]: Note b.\n\n[^a]: Note a.\n"


def render(body: str, site: SiteInfo) -> str:
    return IncrementalRenderer(site).render(RenderRequest(body=body, site=site)).full_html


def test_each_generator_has_its_dialect() -> None:
    assert [notes_dialect(g) for g in ("jekyll", "hugo", "zola", None)] == [
        KRAMDOWN, GOLDMARK, PYTHON_MARKDOWN, PYTHON_MARKDOWN]


def test_jekyll_footnotes_are_kramdowns_without_ruby_too(monkeypatch) -> None:
    monkeypatch.setenv("GALLEY_KRAMDOWN", "0")  # the Python-Markdown fallback
    html = render(NOTES, SiteInfo(generator="jekyll"))
    assert re.findall(r'<sup id="(fnref:[\w:]+)" role="doc-noteref"><a href="#fn:(\w)" class="footnote" '
                      r'rel="footnote">(\d)</a></sup>', html) == [
        ("fnref:a", "a", "1"), ("fnref:b", "b", "2"), ("fnref:a:1", "a", "1"), ("fnref:a:2", "a", "1")]
    notes = html[html.index('<div class="footnotes" role="doc-endnotes">'):]
    assert "<hr" not in notes and notes.index('id="fn:a"') < notes.index('id="fn:b"')
    assert ('Note a.&#160;<a href="#fnref:a" class="reversefootnote" role="doc-backlink">&#8617;</a> '
            '<a href="#fnref:a:1" class="reversefootnote" role="doc-backlink">&#8617;<sup>2</sup></a> '
            '<a href="#fnref:a:2" class="reversefootnote" role="doc-backlink">&#8617;<sup>3</sup></a></p>') in notes


def test_hugo_footnotes_are_goldmarks_named_by_number() -> None:
    html = render(NOTES, SiteInfo(generator="hugo"))
    assert re.findall(r'<sup id="(fnref\d*:\d)"><a href="#fn:(\d)" class="footnote-ref" role="doc-noteref">', html) \
        == [("fnref:1", "1"), ("fnref:2", "2"), ("fnref1:1", "1"), ("fnref2:1", "1")]
    assert '<li id="fn:1">' in html and "<hr>" in html
    assert html.count('class="footnote-backref"') == 4 and 'href="#fnref2:1"' in html


def test_kramdown_numbers_from_footnote_nr_in_the_config_or_the_document(monkeypatch) -> None:
    monkeypatch.setenv("GALLEY_KRAMDOWN", "0")
    site = SiteInfo(generator="jekyll", config={"kramdown": {"footnote_nr": 5}})
    html = render("A[^x].\n\n[^x]: x\n", site)
    assert 'rel="footnote">5</a>' in html and '<ol start="5">' in html
    html = render('{::options footnote_nr="10" /}\n\nA[^x].\n\n[^x]: x\n', SiteInfo(generator="jekyll"))
    assert 'rel="footnote">10</a>' in html and '<ol start="10">' in html


def test_a_note_cited_only_inside_another_note_is_listed(monkeypatch) -> None:
    monkeypatch.setenv("GALLEY_KRAMDOWN", "0")
    html = render("A[^x].\n\n[^x]: See[^y].\n\n[^y]: Inner.\n", SiteInfo(generator="jekyll"))
    assert 'id="fn:y"' in html and 'href="#fn:y" class="footnote" rel="footnote">2<' in html


def test_kramdown_toc_nests_as_kramdown_and_names_its_links(monkeypatch) -> None:
    monkeypatch.setenv("GALLEY_KRAMDOWN", "0")
    html = render("* TOC\n{:toc}\n\n# One\n\n### Deep\n\n## Two\n", SiteInfo(generator="jekyll"))
    assert "galley-toc" not in html
    toc = html[html.index('<ul id="markdown-toc">'):]
    toc = re.sub(r"\s+", "", toc[:toc.index("<h1")])
    # h3 under h1 nests once; the h2 after it is its sibling, as in kramdown.
    assert toc.startswith('<ulid="markdown-toc"><li><ahref="#one"id="markdown-toc-one">One</a><ul>'
                          '<li><ahref="#deep"id="markdown-toc-deep">Deep</a></li>'
                          '<li><ahref="#two"id="markdown-toc-two">Two</a></li></ul></li></ul>')


@pytest.mark.parametrize("kramdown", [False, True])
def test_toc_entries_keep_inline_markup_as_jekyll_writes_them(monkeypatch, kramdown) -> None:
    from tests.core.render.test_goldens import needs_kramdown

    if kramdown and needs_kramdown.args[0]:
        pytest.skip(needs_kramdown.kwargs["reason"])
    monkeypatch.setenv("GALLEY_KRAMDOWN", "1" if kramdown else "0")
    html = render("* TOC\n{:toc}\n\n## A *em* and `code` [link](/x) **b**[^1] <span>raw</span> &amp; x\n\n"
                  "### Sub [l](/y) `c`\n\n[^1]: n\n", SiteInfo(generator="jekyll"))
    toc = html[html.index('<ul id="markdown-toc">'):]
    toc = toc[:toc.index("</ul>\n</div>") + 5]
    # Jekyll 4.3's own output for this post (jekyll build): emphasis and code
    # kept, the link unwrapped to its text, the footnote reference gone, and
    # the id without the note's number.
    assert toc == (
        '<ul id="markdown-toc">\n'
        '  <li><a href="#a-em-and-code-link-b-raw--x" id="markdown-toc-a-em-and-code-link-b-raw--x">A <em>em</em> and '
        '<code class="language-plaintext highlighter-rouge">code</code> link <strong>b</strong> <span>raw</span> '
        '&amp; x</a>    <ul>\n'
        '      <li><a href="#sub-l-c" id="markdown-toc-sub-l-c">Sub l '
        '<code class="language-plaintext highlighter-rouge">c</code></a></li>\n'
        '    </ul>\n'
        '  </li>\n'
        '</ul>')


@pytest.mark.parametrize("kramdown", [False, True])
def test_a_toc_on_an_ordered_list_is_kramdowns_ol(monkeypatch, kramdown) -> None:
    from tests.core.render.test_goldens import needs_kramdown

    if kramdown and needs_kramdown.args[0]:
        pytest.skip(needs_kramdown.kwargs["reason"])
    monkeypatch.setenv("GALLEY_KRAMDOWN", "1" if kramdown else "0")
    html = render("1. TOC\n{:toc}\n\n# One\n\n## Two\n\n- x\n{:toc}\n", SiteInfo(generator="jekyll"))
    assert "galley-toc" not in html
    flat = re.sub(r"\s+", "", html)
    assert ('<olid="markdown-toc"><li><ahref="#one"id="markdown-toc-one">One</a><ol>'
            '<li><ahref="#two"id="markdown-toc-two">Two</a></li></ol></li></ol>') in flat
    assert '<ulid="markdown-toc"><li><ahref="#one"' in flat  # the unordered one stays a ul


@pytest.mark.parametrize("items, nested", [
    ([(1, "a", "a"), (2, "b", "b"), (1, "c", "c")], ["a", ["b"], "c"]),
    ([(2, "a", "a"), (1, "b", "b")], ["a", "b"]),
    ([(3, "a", "a"), (4, "b", "b"), (2, "c", "c")], ["a", ["b"], "c"]),
])
def test_kramdown_toc_tree(items, nested) -> None:
    def shape(html: str) -> list:
        out: list = []
        stack = [out]
        for m in re.finditer(r'<ul[^>]*>|</ul>|id="markdown-toc-(\w+)"', html):
            tok = m.group(1) or m.group(0)
            if tok.startswith("<ul"):
                new: list = []
                stack[-1].append(new)
                stack.append(new)
            elif tok == "</ul>":
                stack.pop()
            else:
                stack[-1].append(tok)
        return out[0]
    assert shape(toc_html(items, KRAMDOWN)) == nested

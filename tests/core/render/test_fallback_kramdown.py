"""The Python-Markdown fallback for Jekyll sites (no Ruby) against kramdown.

Each case is a small input and the HTML Jekyll's kramdown gives for it (the
expected strings are kramdown's own output, normalised; `test_kramdown_still_
says_so` checks them against kramdown where Ruby has it). They cover the
differences writers met most: one quote per `>` block with its lazy lines,
`*`/`-`/`1.` items kept in one list as kramdown nests them, the paragraph in
a list item as kramdown decides it, lists right after a paragraph line,
`^`, `{::nomarkdown}`, tabs and trailing spaces kept in code, `\\$$`.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.render.engine import engine_for
from editor.core.render.incremental import IncrementalRenderer, whole_body
from editor.core.render.model import RenderRequest, SiteInfo
from tests.core.render.test_goldens import needs_kramdown, normalise

SITE = SiteInfo(generator="jekyll")

#: (Markdown, kramdown's HTML through Jekyll, normalised).
CASES = [
    ('> a\n\n> b',
     '<blockquote><p>a</p></blockquote><blockquote><p>b</p></blockquote>'),
    ('> a quote\n---',
     '<blockquote><h2 id="a-quote">a quote</h2></blockquote>'),
    ('> a\n# h\n* * *',
     '<blockquote><p>a</p><h1 id="h">h</h1><hr></blockquote>'),
    ('> quote line\n> - a list in a quote\n> - second',
     '<blockquote><p>quote line</p><ul><li>a list in a quote</li><li>second</li></ul></blockquote>'),
    ('* star item\n- dash item\n1. numbered right after\n2. second',
     '<ul><li>star item</li><li>dash item<ol><li>numbered right after</li><li>second</li></ol></li></ul>'),
    ('- a\n\n1. b',
     '<ul><li>a</li></ul><ol><li>b</li></ol>'),
    ('1. a\n- b\n\n- c',
     '<ol><li>a<ul><li>b</li></ul></li></ol><ul><li>c</li></ul>'),
    ('* a\n+ b\n1. c\n2. d\n- e',
     '<ul><li>a</li><li>b<ol><li>c</li><li>d</li></ol></li><li>e</li></ul>'),
    ('- a\n- b\n\n- c',
     '<ul><li>a</li><li><p>b</p></li><li>c</li></ul>'),
    ('- a\n\n  more\n- b\n- c',
     '<ul><li><p>a</p><p>more</p></li><li>b</li><li>c</li></ul>'),
    ('* Starting a list\n\n* * *\n\n* Starting a new list',
     '<ul><li>Starting a list</li></ul><hr><ul><li>Starting a new list</li></ul>'),
    ('I have read the book\n1984. It was great\n- other say that, too!',
     '<p>I have read the book</p><ol><li>It was great<ul><li>other say that, too!</li></ul></li></ol>'),
    ('- a\n^\n- b',
     '<ul><li>a</li></ul><ul><li>b</li></ul>'),
    ('para\n^\npara',
     '<p>para</p><p>para</p>'),
    ('{::nomarkdown}\n<div class="raw">*not emphasis*</div>\n{:/nomarkdown}\n\nAfter.',
     '<div class="raw">*not emphasis*</div><p>After.</p>'),
    ('This is {::nomarkdown}*some*{:/} text.',
     '<p>This is *some* text.</p>'),
    ('{::nomarkdown type="latex"}\n\\begin{x}\n{:/}\n\nAfter.',
     '<p>After.</p>'),
    ('```\nno language\ttab kept\n```',
     '<div class="highlighter-rouge language-plaintext"><div class="highlight"><pre class="highlight"><code>no language\ttab kept\n</code></pre></div></div>'),
    ('Go:\n\n    func f() {\n    \treturn\n    }',
     '<p>Go:</p><div class="highlighter-rouge language-plaintext"><div class="highlight"><pre class="highlight"><code>func f() {\n\treturn\n}\n</code></pre></div></div>'),
    ('    code  \n    last line  ',
     '<div class="highlighter-rouge language-plaintext"><div class="highlight"><pre class="highlight"><code>code  \nlast line  \n</code></pre></div></div>'),
    ('$5.00 \\$$no math$$ and $$a$$',
     '<p>$5.00 $$no math\\(and\\)a$$</p>'),
    ('\\$$5+5$$',
     '<p>\\(5+5\\)</p>'),
    ('- [ ] todo\n- [x] done',
     '<ul class="task-list"><li class="task-list-item"><input class="task-list-item-checkbox" disabled type="checkbox">todo</li><li class="task-list-item"><input checked class="task-list-item-checkbox" disabled type="checkbox">done</li></ul>'),
]


def _render(text: str, **kwargs) -> str:
    return IncrementalRenderer(SITE, **kwargs).render(RenderRequest(body=text, site=SITE)).full_html


@pytest.fixture
def fallback(monkeypatch):
    monkeypatch.setenv("GALLEY_KRAMDOWN", "0")
    assert engine_for(SITE).name == "python-markdown"


@pytest.mark.parametrize("source, expected", CASES)
def test_the_fallback_renders_as_kramdown(fallback, source: str, expected: str) -> None:
    assert normalise(_render(source)) == expected


@needs_kramdown
@pytest.mark.parametrize("source, expected", CASES)
def test_kramdown_still_says_so(monkeypatch, source: str, expected: str) -> None:
    monkeypatch.setenv("GALLEY_KRAMDOWN", "1")
    assert normalise(_render(source)) == expected


def _block_html(text: str, **kwargs) -> str:
    result = IncrementalRenderer(SITE, **kwargs).render(RenderRequest(body=text, site=SITE))
    return normalise("\n".join(b.html for b in result.blocks))


@pytest.mark.parametrize("source", [source for source, _ in CASES] + [
    "a\n^\nb\n\n```\n^\n```\n^\n> q\n\n^\n\n> r",
])
def test_block_by_block_equals_one_pass(fallback, source: str) -> None:
    assert _block_html(source) == _block_html(source, splitter=whole_body)


WRITERS_MARKDOWN = st.lists(st.sampled_from([
    "a", "b ", "\n", "\n\n", "> ", "- ", "* ", "+ ", "1. ", "1984. ", "  ", "    ", "\t", "^", "---", "* * *",
    "```", "{::nomarkdown}", "{:/}", "\n{:/}\n", "\n{::nomarkdown}\n", "$$", "\\$$", "#", "|",
]), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(WRITERS_MARKDOWN)
def test_any_mix_renders_block_by_block_as_in_one_pass(body: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GALLEY_KRAMDOWN", "0")
        assert _block_html(body) == _block_html(body, splitter=whole_body)


#: Runs of the constructs above: each renders in time proportional to its size.
RUNS = {
    "unclosed_nomarkdown": "{::nomarkdown}\n",
    "end_of_block_markers": "- a\n^\n",
    "quotes_with_lazy_rules": "> a\n---\n",
    "mixed_markers": "- a\n1. b\n* c\n",
    "tabbed_code": "\tx\ty\n",
    "numbered_after_paragraph": "a\n1984. b\n",
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_runs_of_them_are_linear(fallback, name: str) -> None:
    from tests.core.render.test_hostile import took

    def body(size: int) -> str:
        return RUNS[name] * (size // len(RUNS[name]))
    took(body(2_000), "jekyll")  # imports and set-up
    small, large = took(body(20_000), "jekyll"), took(body(80_000), "jekyll")
    assert large < 9 * max(small, 0.03), f"{name}: {small:.3f} s -> {large:.3f} s"

"""The render speed-ups change no output.

- inline.py skips inline patterns on text that cannot match them: every
  pattern's "needs" must really be needed, and whole conversions must equal
  Python-Markdown's own inline processor's;
- highlight.py builds Pygments formatters with a rule-less style and reuses
  lexers: fences must come out as stock pymdownx.highlight writes them, for
  any mix of languages and options in one document.
"""

from __future__ import annotations

import re

import markdown
from markdown.extensions import md_in_html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.treeprocessors import InlineProcessor

from editor.core.render.highlight import ClassesOnly, HighlightExtension
from editor.core.render.inline import MAGICLINK_NEEDS, NEEDS, TriggeredInlineProcessor, _sorted, replace_keeping_order
from editor.core.render.markdown_pipeline import _CONFIGS, MarkdownPipeline

# -- inline patterns ---------------------------------------------------------------

ALPHABET = "ab Z09 \n\t*_`[]()!<>&\\~'\"-.:/@#^{}|=wWh가"


def _all_needs() -> dict[str, tuple[str, ...]]:
    from pymdownx import magiclink

    return {**NEEDS, **{getattr(magiclink, name): needs for name, needs in MAGICLINK_NEEDS.items()}}


@pytest.mark.parametrize("source", sorted(_all_needs()), ids=lambda s: s[:30])
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40))
def test_a_pattern_never_matches_text_without_what_it_needs(source: str, text: str) -> None:
    needs = _all_needs()[source]
    if any(n in text for n in needs):
        return
    flags = re.DOTALL | re.UNICODE
    assert re.compile(source, flags).search(text) is None


def stock(pipeline: MarkdownPipeline) -> MarkdownPipeline:
    """The same pipeline with Python-Markdown's own inline processors and raw
    HTML extractor back, and a plain list of block-level tags."""
    md = pipeline.md

    def plain(name, item):
        if isinstance(item, TriggeredInlineProcessor):
            out = InlineProcessor(md)
            out.inlinePatterns = item.inlinePatterns
            return out
        return item

    replace_keeping_order(md.treeprocessors, plain)
    replace_keeping_order(md.preprocessors, lambda name, item: md_in_html.HtmlBlockPreprocessor(md)
                          if name == "html_block" else item)
    md.block_level_elements = list(md.block_level_elements)
    return pipeline


@pytest.mark.parametrize("generator", ["jekyll", "hugo", "zola"])
def test_the_pipeline_uses_the_triggered_processors_in_the_same_order(generator: str) -> None:
    fast = MarkdownPipeline(generator)
    plain = stock(MarkdownPipeline(generator))
    assert [name for name, _ in _sorted(fast.md.treeprocessors)] == \
        [name for name, _ in _sorted(plain.md.treeprocessors)]
    assert [name for name, _ in _sorted(fast.md.preprocessors)] == \
        [name for name, _ in _sorted(plain.md.preprocessors)]
    assert type(fast.md.preprocessors["html_block"]).__name__ == "_HtmlBlocks"
    inline, smarty = fast.md.treeprocessors["inline"], fast.md.treeprocessors["smarty"]
    assert type(inline) is TriggeredInlineProcessor and type(smarty) is TriggeredInlineProcessor
    assert smarty.inlinePatterns is not inline.inlinePatterns
    fast.convert("Some *text* with 'quotes' -- and [a link](x).")
    # The overridden per-text hook is what Python-Markdown calls (a release
    # that renames `__handleInline` would make this 0).
    assert inline.handled > 0 and smarty.handled > 0
    before = (inline.skipped, smarty.skipped)
    fast.convert("*only emphasis*, no quotes or dashes")
    assert (inline.skipped, smarty.skipped) == (before[0], before[1] + 1)
    if generator == "hugo":  # magiclink's patterns are known too (not always tried)
        assert all(need is not None for need in inline._needs)


SNIPPETS = [
    "plain words only", "*em* and **strong** and ***both***", "a_b_c and _em_ and __strong__",
    "`code` and ``co`de`` and \\`not code\\`", "[link](http://x.y \"t\") and ![img](a.png)",
    "[ref][r] and [r] and ![i][r]\n\n[r]: http://example.com", "<http://auto.link> <me@mail.ex>",
    "line  \nbreak", "<span>html</span> &amp; &copy; &#169; & alone", "~~strike~~ and 1~2만원~",
    "He said \"'quoted' words\" -- and --- and... 'tis the '80s", "'\"Hello,\" he said.'",
    "footnote[^1] and [^missing]\n\n[^1]: the note", "# Heading -- with 'quotes'",
    "- item *one*\n- item 'two'\n    - nested `x`", "| a | b |\n|---|---|\n| *c* | 'd' |",
    "www.example.com and http://example.com and mail@example.com", "HTTP://UPPER.CASE WWW.UP.COM",
    "***\n\n> quote with \"marks\"", "<div markdown=\"1\">*md* in html</div>",
    "text {: .cls} and **[link *in* strong](x)**", "\\*not em\\* and \\\\ and \\[",
    "under_score_word and snake_case and *a*b*", "<!-- comment --> <?pi?> <![CDATA[x]]>",
]


@pytest.mark.parametrize("generator", ["jekyll", "hugo"])
def test_conversions_equal_python_markdowns_inline_processor(generator: str) -> None:
    fast, plain = MarkdownPipeline(generator), stock(MarkdownPipeline(generator))
    for text in SNIPPETS:
        assert fast.convert(text) == plain.convert(text), text


_FAST = {g: MarkdownPipeline(g) for g in ("jekyll", "hugo")}
_PLAIN = {g: stock(MarkdownPipeline(g)) for g in ("jekyll", "hugo")}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(SNIPPETS) | st.text(alphabet=ALPHABET, max_size=30), max_size=6)
       .map("".join), generator=st.sampled_from(["jekyll", "hugo"]))
def test_random_text_converts_as_with_python_markdowns_inline_processor(text: str, generator: str) -> None:
    assert _FAST[generator].convert(text) == _PLAIN[generator].convert(text)


# -- code highlighting -------------------------------------------------------------

FENCES = [
    "```python\ndef f(x):\n    return x * 2  # c\n```",
    "```python hl_lines=\"2\"\ndef f(x):\n    return x * 2\n```",
    "```python linenums=\"5\"\ndef f(x):\n    return x\n```",
    "```python linenums=\"1 2 2\" hl_lines=\"1 3\"\na = 1\nb = 2\nc = 3\n```",
    "```python title=\"file.py\"\nprint('x')\n```",
    "```{.python .extra #an-id}\nprint('y')\n```",
    "```Python\nprint('case')\n```",
    "```js\nlet a = `t${x}`;\n```",
    "```no-such-language\n<tag> & stuff\n```",
    "```\nno language <b>\n```",
    "~~~ruby\nputs 'hi'\n~~~",
    "    indented code\n    <b>x</b>",
    "- item\n\n    ```python\n    nested = True\n    ```",
]


def _stock_markdown() -> markdown.Markdown:
    config = dict(_CONFIGS["pymdownx.highlight"])
    return markdown.Markdown(extensions=["pymdownx.superfences", "pymdownx.highlight"],
                             extension_configs={"pymdownx.highlight": config})


def _ours() -> tuple[markdown.Markdown, HighlightExtension]:
    ext = HighlightExtension(**_CONFIGS["pymdownx.highlight"], pygments_style=ClassesOnly)
    return markdown.Markdown(extensions=["pymdownx.superfences", ext]), ext


def test_fences_come_out_as_stock_pymdownx_writes_them() -> None:
    stock_md, (ours, ext) = _stock_markdown(), _ours()
    for fence in FENCES:
        assert ours.reset().convert(fence) == stock_md.reset().convert(fence), fence
    # All of them in one document: lexers reused across fences, options not.
    doc = "\n\n".join(FENCES + FENCES[::-1])
    assert ours.reset().convert(doc) == stock_md.reset().convert(doc)
    assert ("python", False, True) in ext.lexers


def test_two_fences_of_one_language_with_different_options_differ() -> None:
    ours, _ = _ours()
    plain = ours.reset().convert(FENCES[0])
    marked = ours.reset().convert(FENCES[0].replace("```python", '```python hl_lines="2"'))
    numbered = ours.reset().convert(FENCES[0].replace("```python", '```python linenums="1"'))
    assert plain != marked != numbered != plain
    assert '<span class="hll">' in marked and "linenos" in numbered
    again = ours.reset().convert(FENCES[0])
    assert again == plain


def test_a_rule_less_style_leaves_classes_but_writes_no_styles() -> None:
    ours, _ = _ours()
    html = ours.reset().convert(FENCES[1])
    assert 'class="k"' in html or 'class="kn"' in html
    assert "style=" not in html


def test_the_lexer_cache_belongs_to_one_markdown_instance() -> None:
    (_, a), (_, b) = _ours(), _ours()
    assert a.lexers is not b.lexers


# -- many blocks in one Markdown run ------------------------------------------------

from editor.core.render import IncrementalRenderer, RenderRequest, SiteInfo  # noqa: E402
from editor.core.render import incremental  # noqa: E402
from editor.core.render.blocks import split_blocks  # noqa: E402
from tests.core.render.render_helpers import corpus_posts, request_for  # noqa: E402


_ONE, _MANY = MarkdownPipeline("jekyll"), MarkdownPipeline("jekyll")


def _blocks_of(body: str) -> list[str]:
    return [t for t in dict.fromkeys(b.text for b in split_blocks(body)) if MarkdownPipeline.batchable(t)]


def test_batchable_leaves_out_definitions_footnotes_and_blank_text() -> None:
    assert MarkdownPipeline.batchable("plain [link](x)")
    assert not MarkdownPipeline.batchable("[a]: http://x")
    assert not MarkdownPipeline.batchable("note[^1]")
    assert not MarkdownPipeline.batchable("   \n ")


@pytest.mark.parametrize("generator", ["jekyll", "hugo", "zola", "unknown"])
def test_convert_many_equals_convert_on_every_corpus_block(generator: str) -> None:
    posts = corpus_posts()
    if not posts:
        pytest.skip("no corpus")
    texts: list[str] = []
    for post in posts:
        texts += _blocks_of(request_for(post).body)
    one, many = MarkdownPipeline(generator), MarkdownPipeline(generator)
    # In runs of a few hundred, like a long post's first render.
    for i in range(0, len(texts), 300):
        chunk = texts[i:i + 300]
        assert many.convert_many(chunk) == [one.convert(t) for t in chunk]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.lists(st.sampled_from(SNIPPETS + FENCES + [
    "## A heading\n\nand text", "Setext\n======", "# One\n## Two {#fixed}\n### Three {: .no_toc}",
    "> quote\n> more", "term\n: definition", "1. one\n2. two\n\n    indented", "<div>\n*x*\n</div>",
    "    code after nothing", "* [ ] task\n* [x] done", "{::comment}gone{:/comment}", "* TOC\n{:toc}",
]) | st.text(alphabet=ALPHABET, max_size=30), min_size=1, max_size=4).map("\n\n".join), min_size=1, max_size=12))
def test_convert_many_equals_convert_on_random_blocks(texts: list[str]) -> None:
    texts = [t for t in texts if MarkdownPipeline.batchable(t)]
    assert _MANY.convert_many(texts) == [_ONE.convert(t) for t in texts]


def test_heading_ids_are_numbered_per_block_in_a_run() -> None:
    pipeline = MarkdownPipeline("jekyll")
    texts = ["# A\n\n## B", "## C", "no heading", "# D {#own}\n# E"]
    got = pipeline.convert_many(texts)
    assert [c.slugs for c in got] == [("a", "b"), ("c",), (), ("e",)]
    assert [c.headings for c in got] == [((1, "A", 0), (2, "B", 1)), ((2, "C", 0),), (), ((1, "D", 0), (1, "E", 1))]
    assert got[1].html == '<h2 id="\ue000H0\ue001">C</h2>'


def test_a_first_render_converts_in_one_run_and_a_keystroke_alone(monkeypatch) -> None:
    runs: list[int] = []
    real = MarkdownPipeline.convert_many

    def spy(self, texts):
        runs.append(len(texts))
        return real(self, texts)

    monkeypatch.setattr(MarkdownPipeline, "convert_many", spy)
    site = SiteInfo(generator="jekyll")
    body = "\n\n".join(f"## Section {i}\n\nText *{i}* with a [link](x{i}).\n\n- item {i}" for i in range(20))
    body += "\n\nA [ref] and a note[^n].\n\n[ref]: http://example.com\n\n[^n]: The note."
    renderer = IncrementalRenderer(site)
    first = renderer.render(RenderRequest(body, {}, 1, None, site))
    # 60 blocks in one run; the reference, its definition, the footnote and
    # the note's text (for the footnotes section) alone.
    assert runs == [60] and renderer.last_converted == 64
    edited = body.replace("Text *3*", "Text *33*")
    renderer.render(RenderRequest(edited, {}, 1, None, site))
    assert runs == [60] and renderer.last_converted == 1
    # The same HTML as block by block (below the threshold nothing is batched).
    monkeypatch.setattr(incremental, "BATCH_MIN", 10**9)
    alone = IncrementalRenderer(site).render(RenderRequest(body, {}, 1, None, site))
    assert alone.full_html == first.full_html and runs == [60]


def test_the_block_level_tag_list_stays_a_list_that_answers_in() -> None:
    tags = MarkdownPipeline("jekyll").md.block_level_elements
    assert isinstance(tags, list) and "div" in tags and "span" not in tags
    tags.append("span")
    assert "span" in tags
    tags.remove("span")
    assert "span" not in tags
    tags += ["x-y"]
    assert "x-y" in tags
    tags[-1] = "x-z"
    assert "x-z" in tags and "x-y" not in tags

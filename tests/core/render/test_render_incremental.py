"""Incremental rendering: after any sequence of edits, the incremental output
equals a fresh full render, and the patches rebuild the same page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.render import IncrementalRenderer, RenderRequest, SiteInfo, render_html
from tests.core.render.render_helpers import corpus_posts, request_for, strip_ids

SITE = SiteInfo(generator="jekyll", baseurl="/blog")


def req(body: str, fm: dict | None = None, body_line: int = 1) -> RenderRequest:
    return RenderRequest(body, fm or {"title": "t"}, body_line, None, SITE)


class PageModel:
    """What preview.js does with a patch, in Python: the blocks of <main>."""

    def __init__(self) -> None:
        self.blocks: dict[str, str] = {}
        self.order: list[str] = []
        self.header = ""

    def apply(self, patch) -> None:
        for bid in patch.removed:
            self.blocks.pop(bid, None)
        self.blocks.update(patch.changed)
        for bid, (start, end) in patch.lines.items():
            html = self.blocks[bid]
            html = re.sub(r'data-line-start="\d+"', f'data-line-start="{start}"', html, count=1)
            self.blocks[bid] = re.sub(r'data-line-end="\d+"', f'data-line-end="{end}"', html, count=1)
        self.order = list(patch.order)
        if patch.header_html is not None:
            self.header = patch.header_html

    def html(self) -> str:
        return "\n".join(self.blocks[b] for b in self.order)


def check_same_as_full(renderer: IncrementalRenderer, page: PageModel, request: RenderRequest) -> None:
    result = renderer.render(request)
    page.apply(result.patch)
    fresh = IncrementalRenderer(request.site, request.options).render(request)
    assert strip_ids(result.full_html) == strip_ids(fresh.full_html)
    assert result.header_html == fresh.header_html == page.header
    assert page.html() == result.full_html
    assert [(b.start_line, b.end_line) for b in result.blocks] == [(b.start_line, b.end_line) for b in fresh.blocks]


# -- the property, over real posts -------------------------------------------------

SMALL_POSTS = [p for p in corpus_posts() if p.stat().st_size < 20_000]
SNIPPETS = st.sampled_from([
    "x", "가", " ", "\n", "\n\n", "`", "```", "```\n", "# ", "## 제목\n", "- ", "1. ", "> ", "    ",
    "*", "**", "_", "[", "]", "](", "[^1]", "\n[^1]: 주석\n", "[x]", "\n[x]: https://e.com\n",
    "{{ site.baseurl }}", "{% raw %}", "{% endraw %}", "{% highlight ruby %}\n", "\n{% endhighlight %}\n",
    "<div>\n", "\n</div>\n", "<!--", "-->", "|", ": ", "~~", "{: .x}", "\n---\n",
])
EDIT = st.tuples(st.floats(0, 1), st.integers(0, 8), SNIPPETS)


def apply_edit(text: str, edit: tuple[float, int, str]) -> str:
    where, delete, insert = edit
    i = int(where * len(text))
    return text[:i] + insert + text[i + delete:]


@pytest.mark.skipif(not SMALL_POSTS, reason="the shared corpus is absent (read where it lies)")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_incremental_equals_full_after_random_edits_of_corpus_posts(data) -> None:
    post: Path = data.draw(st.sampled_from(SMALL_POSTS), label="post")
    base = request_for(post)
    renderer = IncrementalRenderer(base.site, base.options)
    page = PageModel()
    body = base.body
    check_same_as_full(renderer, page, base)
    for edit in data.draw(st.lists(EDIT, min_size=1, max_size=6), label="edits"):
        body = apply_edit(body, edit)
        check_same_as_full(renderer, page, RenderRequest(body, base.front_matter, base.body_line,
                                                         base.post_path, base.site, base.options))


# -- specific behaviour -------------------------------------------------------------

BODY = "# 제목\n\n첫 문단입니다.\n\n둘째 문단.\n\n```python\nx = 1\n```\n\n마지막 문단.\n"


def test_unchanged_blocks_keep_their_ids_and_only_the_edited_block_is_sent() -> None:
    r = IncrementalRenderer(SITE)
    first = r.render(req(BODY))
    second = r.render(req(BODY.replace("둘째 문단.", "둘째 문단을 고쳤다.")))
    assert [b.id for b in first.blocks] == [b.id for b in second.blocks]
    assert list(second.patch.changed) == [first.blocks[2].id]
    assert "고쳤다" in second.patch.changed[first.blocks[2].id]
    assert second.patch.removed == () and second.patch.header_html is None
    assert r.last_converted == 1


def test_inserting_a_block_moves_line_numbers_without_resending_content() -> None:
    r = IncrementalRenderer(SITE)
    first = r.render(req(BODY))
    second = r.render(req("새 문단\n\n" + BODY))
    assert len(second.patch.changed) == 1  # only the new block's HTML travels
    moved = second.patch.lines
    assert moved[first.blocks[-1].id] == (first.blocks[-1].start_line + 2, first.blocks[-1].end_line + 2)
    assert set(b.id for b in first.blocks) <= set(second.patch.order)


def test_removed_blocks_are_listed() -> None:
    r = IncrementalRenderer(SITE)
    first = r.render(req(BODY))
    second = r.render(req(BODY.replace("둘째 문단.\n\n", "")))
    assert second.patch.removed == (first.blocks[2].id,)


def test_changing_a_reference_definition_re_renders_the_blocks_that_use_it() -> None:
    body = "See [the docs][d].\n\nUnrelated.\n\n[d]: https://one.example\n"
    r = IncrementalRenderer(SITE)
    first = r.render(req(body))
    second = r.render(req(body.replace("one.example", "two.example")))
    user = first.blocks[0].id
    assert "https://two.example" in second.patch.changed[user]
    assert first.blocks[1].id not in second.patch.changed
    third = r.render(req(body.replace("[d]: https://one.example\n", "")))
    assert "[the docs][d]" in third.patch.changed[user]


def test_footnotes_are_numbered_in_reference_order_across_blocks() -> None:
    body = "A[^z].\n\nB[^a].\n\n[^a]: note a\n\n[^z]: note z\n"
    html = render_html(req(body))
    assert re.findall(r'href="#fn:(\w)" class="footnote" rel="footnote">(\d)', html) == [("z", "1"), ("a", "2")]
    assert html.index('id="fn:z"') < html.index('id="fn:a"')
    r = IncrementalRenderer(SITE)
    r.render(req(body))
    result = r.render(req("C[^a] first.\n\n" + body))
    numbers = re.findall(r'href="#fn:(\w)" class="footnote" rel="footnote">(\d)', result.full_html)
    assert numbers == [("a", "1"), ("z", "2"), ("a", "1")]


def test_duplicate_headings_get_kramdown_suffixes_across_blocks_and_edits() -> None:
    r = IncrementalRenderer(SITE)
    first = r.render(req("## 소개\n\ntext\n\n## 소개\n"))
    assert re.findall(r'<h2 id="([^"]+)"', first.full_html) == ["소개", "소개-1"]
    second = r.render(req("## 소개\n\n## 소개\n\ntext\n\n## 소개\n"))
    assert re.findall(r'<h2 id="([^"]+)"', second.full_html) == ["소개", "소개-1", "소개-2"]


def test_front_matter_change_updates_header_and_page_values_in_the_body() -> None:
    r = IncrementalRenderer(SITE)
    r.render(req("제목은 {{ page.title }}.\n\n다른 문단.\n", {"title": "하나"}))
    result = r.render(req("제목은 {{ page.title }}.\n\n다른 문단.\n", {"title": "둘"}))
    assert "둘" in result.patch.header_html
    assert len(result.patch.changed) == 1 and "제목은 둘." in next(iter(result.patch.changed.values()))


def test_blocks_carry_file_line_numbers() -> None:
    result = IncrementalRenderer(SITE).render(req(BODY, body_line=5))
    assert [(b.start_line, b.end_line) for b in result.blocks] == [(5, 5), (7, 7), (9, 9), (11, 13), (15, 15)]
    assert 'data-line-start="11" data-line-end="13"' in result.full_html


def test_patch_json_is_what_the_page_script_reads() -> None:
    import json

    patch = IncrementalRenderer(SITE).render(req(BODY)).patch
    data = json.loads(patch.to_json())
    assert set(data) == {"changed", "removed", "order", "header_html", "lines"}
    assert data["order"] == list(patch.order)


def test_switching_theme_re_renders_nothing() -> None:
    from editor.core.render import RenderOptions

    r = IncrementalRenderer(SITE)
    r.render(req(BODY))
    dark = RenderRequest(BODY, {"title": "t"}, 1, None, SITE, RenderOptions(theme="dark"))
    result = r.render(dark)
    assert r.last_converted == 0 and not result.patch.changed
    scripts = RenderRequest(BODY, {"title": "t"}, 1, None, SITE, RenderOptions(allow_scripts=True))
    r.render(scripts)
    assert r.last_converted == len(result.blocks)  # the sanitizer setting does change the HTML


def test_footnotes_follow_the_text_even_inside_nested_lists() -> None:
    from editor.core.render.incremental import whole_body

    body = "- item[^x]\n    - nested[^y]\n\n    more[^w]\n\nLater[^z].\n\n[^x]: x\n[^y]: y\n[^z]: z\n[^w]: w\n"
    for splitter in (None, whole_body):
        r = IncrementalRenderer(SITE) if splitter is None else IncrementalRenderer(SITE, splitter=splitter)
        html = r.render(req(body)).full_html
        assert re.findall(r'href="#fn:(\w)" class="footnote" rel="footnote">(\d)', html) == [
            ("x", "1"), ("y", "2"), ("w", "3"), ("z", "4")]


MARKDOWNISH = st.lists(st.sampled_from(list("ab 가\n\n\t#*_`~[]()!<>/{}%|:^-=+.1\\\"'&;") + [
    "```", "{{", "}}", "{%", "%}", "<div>", "</div>", "[^1]", "[^1]: ", "- ", "    ", "\n> ", "{% raw %}",
    "{% endraw %}", "{% highlight ruby %}", "{% endhighlight %}", "{{< figure src=x >}}", "\n1. ", "<!--", "-->",
]), max_size=80).map("".join)


@settings(max_examples=200, deadline=None)
@given(MARKDOWNISH, st.sampled_from(["jekyll", "hugo", "zola", "unknown"]))
def test_any_text_renders_and_blocks_equal_one_pass(body: str, generator: str) -> None:
    from editor.core.render.incremental import whole_body

    site = SiteInfo(generator=generator)
    request = RenderRequest(body, {}, 1, None, site)
    blockwise = IncrementalRenderer(site).render(request)
    one_pass = IncrementalRenderer(site, splitter=whole_body).render(request)
    squash = lambda html: re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()  # noqa: E731
    assert squash("".join(b.html for b in blockwise.blocks)) == squash("".join(b.html for b in one_pass.blocks))


def test_undefined_footnote_labels_are_never_mixed_up_between_renders() -> None:
    # Found by the property test: "[^a]" and "[^b]" give the same placeholder
    # HTML, so the fill memo must key on the labels too.
    r = IncrementalRenderer(SITE)
    assert "[^a]" in r.render(req("x [^a] y\n")).full_html
    assert "[^b]" in r.render(req("x [^b] y\n")).full_html


@pytest.mark.parametrize("body", [
    "a<div>\n\na",  # a block tag left open mid-line reads on across blank lines
    "    {% raw %}{% endraw %}\n\n> ",  # a first line of spaces is blank, not code
    "{% raw %}\n> {% endraw %}\n\n> ",  # quotes inside raw still merge with the next quote
    "[^1][^1]{% raw %}\n\n[^1]: n",  # attr_list reading `{% raw %}` as attributes of a reference
])
def test_cases_the_fuzzer_found(body: str) -> None:
    from editor.core.render.incremental import whole_body

    for generator in ("jekyll", "hugo"):
        site = SiteInfo(generator=generator)
        request = RenderRequest(body, {}, 1, None, site)
        squash = lambda html: re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()  # noqa: E731
        blockwise = IncrementalRenderer(site).render(request)
        one_pass = IncrementalRenderer(site, splitter=whole_body).render(request)
        assert squash("".join(b.html for b in blockwise.blocks)) == squash("".join(b.html for b in one_pass.blocks))


def test_an_edit_inside_a_block_leaves_the_order_out_of_the_patch() -> None:
    import json

    r = IncrementalRenderer(SITE)
    first = r.render(req(BODY)).patch
    assert first.order_changed and json.loads(first.to_json())["order"] == list(first.order)
    words = next(w for w in BODY.split() if w.isalpha() and len(w) > 2)
    edit = r.render(req(BODY.replace(words, words + "x", 1))).patch
    assert len(edit.changed) == 1 and not edit.order_changed
    assert json.loads(edit.to_json())["order"] is None
    assert edit.order == first.order  # the Python side still has the whole order
    grown = r.render(req(BODY + "\n\nA new paragraph.\n")).patch
    assert grown.order_changed and json.loads(grown.to_json())["order"] == list(grown.order)


def test_a_post_added_to_the_site_renders_again_only_what_reads_the_post_list(tmp_path) -> None:
    # The window's index follows the disk: each post written there gives the
    # preview a site with one more post. Only Liquid reads the list (here,
    # post_url): the other blocks keep their Markdown stage.
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Blog\n", encoding="utf-8")
    first = root / "_posts" / "2024-03-01-first.md"
    later = root / "_posts" / "2024-03-02-later.md"
    for post in (first, later):
        post.write_text("---\ntitle: T\n---\nx\n", encoding="utf-8")
    before = SiteInfo(root=root, generator="jekyll", post_files=(first,))
    after = SiteInfo(root=root, generator="jekyll", post_files=(first, later))
    body = "".join(f"Paragraph {i} with *text*.\n\n" for i in range(30)) + \
        "See [later]({% post_url 2024-03-02-later %}).\n"
    r = IncrementalRenderer(before)
    r.render(RenderRequest(body=body, site=before))
    html = r.render(RenderRequest(body=body, site=after)).full_html
    assert r.last_converted == 1  # the post_url block, now that its post exists
    assert html == IncrementalRenderer(after).render(RenderRequest(body=body, site=after)).full_html
    assert 'href="/2024/03/02/later.html"' in html

"""preview-differs: what the fast preview knows it renders unlike the site's
generator is flagged, and each flagged construct is checked against the real
engines (the fallback's HTML must differ from kramdown's, or the flag lies)."""

from __future__ import annotations

import pytest
from validation_helpers import post

from editor.core.render.incremental import IncrementalRenderer
from editor.core.render.model import RenderRequest, SiteInfo
from editor.core.validation.messages import MESSAGES
from editor.core.validation.rules import preview_fidelity
from tests.core.render.test_goldens import needs_kramdown, normalise

JEKYLL = SiteInfo(generator="jekyll")
NAME = "_posts/2021-05-10-a.md"

#: For each construct the Python-Markdown fallback flags on a Jekyll site:
#: a body using it, and the (line, column) of the finding in the file.
FALLBACK_SAMPLES = {
    "preview-differs/options": ("{::options parse_block_html=\"true\" /}\n\n<div>\n*emph*\n</div>\n", (4, 1)),
    "preview-differs/attribute-definition": ("{:note: .note}\n\nText\n{: note}\n", (4, 1)),
}


def _render(body: str, monkeypatch, kramdown: bool) -> str:
    monkeypatch.setenv("GALLEY_KRAMDOWN", "1" if kramdown else "0")
    return IncrementalRenderer(JEKYLL).render(RenderRequest(body=body, site=JEKYLL)).full_html


def _findings(site, body):
    site.write(NAME, post(body=body))
    return site.check(NAME, "preview-differs")


@pytest.mark.parametrize("message_id", sorted(FALLBACK_SAMPLES))
def test_the_fallback_flags_each_construct_where_it_is(jekyll, message_id):
    body, where = FALLBACK_SAMPLES[message_id]
    found = _findings(jekyll, body)
    assert [(d.template, (d.line, d.column), d.severity) for d in found] == [
        (MESSAGES[message_id], where, "info")]
    assert "preview" in found[0].message


def test_the_example_message_names_the_construct(jekyll):
    (found,) = _findings(jekyll, FALLBACK_SAMPLES["preview-differs/options"][0])
    assert found.message.startswith("kramdown applies these `{::options}` to the post")


#: What the fallback once flagged and now renders as kramdown does.
RENDERED_AS_KRAMDOWN = {
    "abbreviation": "The HTML spec.\n\n*[HTML]: HyperText Markup Language\n",
    "math": "Sum: $$a*b*c$$ here.\n\n$$\nx < y_1 * z\n$$\n\nAnd `$$code$$`.\n",
    "guillemets": "Say <<hello>> now, << spaced >> and a lone >> too.\n",
    "nomarkdown": "{::nomarkdown}\n*not emphasis*\n{:/nomarkdown}\n",
    "end-of-block": "> quoted\n^\n> another\n",
}


@pytest.mark.parametrize("construct", sorted(RENDERED_AS_KRAMDOWN))
def test_what_the_fallback_renders_as_kramdown_is_not_flagged(jekyll, construct):
    assert _findings(jekyll, RENDERED_AS_KRAMDOWN[construct]) == []


@needs_kramdown
@pytest.mark.parametrize("construct", sorted(RENDERED_AS_KRAMDOWN))
def test_the_fallback_renders_those_as_kramdown_does(monkeypatch, construct):
    body = RENDERED_AS_KRAMDOWN[construct]
    assert normalise(_render(body, monkeypatch, False)) == normalise(_render(body, monkeypatch, True))


@needs_kramdown
@pytest.mark.parametrize("message_id", sorted(FALLBACK_SAMPLES))
def test_each_flagged_construct_really_renders_differently(monkeypatch, message_id):
    body = FALLBACK_SAMPLES[message_id][0]
    fallback, kramdown = _render(body, monkeypatch, False), _render(body, monkeypatch, True)
    assert normalise(fallback) != normalise(kramdown), f"the preview now renders it as kramdown: drop {message_id}"


def test_constructs_in_code_and_plain_posts_are_not_flagged(jekyll):
    body = ("Plain text with a # and a ^ and $5.\n\n```\n$$x$$\n*[HTML]: no\n## C#\n```\n\n"
            "Inline `$$` and `<<x>>`.\n\n## A heading ##\n\n<!-- <svg> -->\n")
    assert _findings(jekyll, body) == []


def test_a_hugo_site_gets_no_kramdown_findings_and_guillemets_render_as_goldmarks(hugo):
    name = "content/posts/a.md"
    hugo.write(name, post(body="Say <<hello>>.\n\n*[HTML]: not kramdown here\n\n$$x$$\n"))
    assert hugo.check(name, "preview-differs") == []
    hugo_site = SiteInfo(generator="hugo")
    html = IncrementalRenderer(hugo_site).render(RenderRequest(body="Say <<hello>>.", site=hugo_site)).full_html
    assert "«hello»" in html


@pytest.mark.parametrize("setting", ["CommonMarkGhPages", "CommonMark", "jekyll-commonmark"])
def test_a_jekyll_site_converting_with_commonmark_gets_no_kramdown_findings(jekyll, monkeypatch, setting):
    monkeypatch.setenv("GALLEY_KRAMDOWN", "1")
    jekyll.write("_config.yml", f"title: Test\nmarkdown: {setting}\n")
    body = "The HTML spec.\n\n*[HTML]: HyperText Markup Language\n\n## C#\n\n$$a*b*c$$\n"
    assert jekyll.context().markdown in ("commonmark", "commonmarkghpages")
    assert preview_fidelity.preview_engine("jekyll", jekyll.context().markdown) == "markdown-it"
    assert _findings(jekyll, body) == []
    site = SiteInfo(generator="jekyll", config={"markdown": setting})
    renderer = IncrementalRenderer(site)
    html = renderer.render(RenderRequest(body=body, site=site)).full_html
    assert renderer.engine.name == "markdown-it" and not renderer.engine.exact and renderer.engine.reason
    assert "<h2>C#</h2>" in html and "<p>*[HTML]: HyperText Markup Language</p>" in html


@needs_kramdown
def test_with_kramdown_only_what_the_sanitizer_changes_is_flagged(jekyll, monkeypatch):
    monkeypatch.setenv("GALLEY_KRAMDOWN", "1")
    preview_fidelity._kramdown_loads.cache_clear()
    assert preview_fidelity.preview_engine("jekyll") == "kramdown"
    body = ("*[HTML]: fine with kramdown\n\n$$x$$\n\n<svg><circle r=\"1\"/></svg>\n\n"
            '<p style="color: red; background: url(img/x.png)">red</p>\n\n<textarea>t</textarea>\n\n'
            '<p style="color: red; background: url(https://e.org/x.png)">kept</p>\n')
    found = _findings(jekyll, body)
    assert [(d.line, d.message) for d in found] == [
        (8, "the site publishes this <svg> element; the preview leaves it out"),
        (10, "the site publishes this style attribute; the preview leaves it out")]
    html = _render(body, monkeypatch, True)  # the sanitizer does take those out, and keeps the rest
    assert "<svg" not in html and "img/x.png" not in html and "<textarea>t</textarea>" in html
    assert 'style="color: red; background: url(https://e.org/x.png)"' in html


def test_without_ruby_the_jekyll_preview_is_the_fallback(monkeypatch, tmp_path):
    monkeypatch.setenv("GALLEY_KRAMDOWN", "1")
    monkeypatch.setenv("PATH", str(tmp_path))  # no ruby here
    assert preview_fidelity.preview_engine("jekyll") == "python-markdown"
    assert preview_fidelity.preview_engine("hugo") == "markdown-it"
    assert preview_fidelity.preview_engine("unknown") == "python-markdown"


def test_findings_of_one_construct_are_capped(jekyll):
    body = "{:n: .note}\n\n" * 50 + "Plain paragraph.\n\n" * 4000
    found = _findings(jekyll, body)
    assert len(found) == preview_fidelity.PER_CONSTRUCT
    assert [d.line for d in found] == [4 + 2 * n for n in range(preview_fidelity.PER_CONSTRUCT)]

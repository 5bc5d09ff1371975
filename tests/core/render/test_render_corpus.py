"""Every corpus post renders, and block-wise rendering equals one Markdown pass.

The second check is what makes incremental rendering trustworthy: if cutting
the body into blocks changed the HTML, the preview would show something the
whole post does not say.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editor.core.render import IncrementalRenderer, render_page
from editor.core.render.engine import engine_for
from editor.core.render.incremental import whole_body
from tests.core.render.render_helpers import corpus_params, request_for
from tests.core.render.test_goldens import needs_kramdown


def _content(html: str) -> str:
    """The blocks' inner HTML: wrappers and whitespace between elements are layout."""
    chunks = re.split(r'<div class="galley-block" id="[^"]*" data-line-start="\d+" data-line-end="\d+">', html)
    inner = "".join(c.strip().removesuffix("</div>") for c in chunks)
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", inner)).strip()


@pytest.mark.parametrize("post", corpus_params())
def test_corpus_post_renders_and_blocks_equal_one_pass(post: Path) -> None:
    request = request_for(post)
    page = render_page(request)  # block by block, as the preview does
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    assert "Content-Security-Policy" in page
    blockwise = page[page.index('<main id="galley-body">') + 23: page.rindex("</main>")]
    one_pass = IncrementalRenderer(request.site, request.options, splitter=whole_body).render(request)
    assert _content(blockwise) == _content(one_pass.full_html)
    # Nothing of ours leaks: placeholders are all filled.
    assert "\ue000" not in page and "\ue001" not in page
    # Post content never carries a script into the page.
    assert "<script" not in page.lower()


@needs_kramdown
@pytest.mark.parametrize("post", corpus_params())
def test_corpus_post_with_kramdown_blocks_equal_one_pass(post: Path, monkeypatch) -> None:
    monkeypatch.setenv("GALLEY_KRAMDOWN", "1")
    request = request_for(post)
    if request.site.generator != "jekyll":
        pytest.skip("kramdown renders Jekyll sites only")
    blockwise = IncrementalRenderer(request.site, request.options).render(request)
    one_pass = IncrementalRenderer(request.site, request.options, splitter=whole_body).render(request)
    assert engine_for(request.site).name == "kramdown"
    assert _content(blockwise.full_html) == _content(one_pass.full_html)
    assert "\ue000" not in blockwise.full_html

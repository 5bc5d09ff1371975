"""Golden files: inputs we wrote, next to the HTML we reviewed.

Each `golden/<generator>/<name>.md` is rendered as a post of the matching
fixture site in `sites/`; the header and body HTML must equal `<name>.html`.
Regenerate after an intended change with `GALLEY_UPDATE_GOLDEN=1` and review
the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.core.render import IncrementalRenderer
from tests.core.render.render_helpers import GOLDEN, SITES, request_for

#: Where each generator's golden post pretends to live in its fixture site.
POST_AT = {
    "jekyll": lambda name: SITES / "jekyll" / "_posts" / f"2024-03-05-{name}.md",
    "hugo": lambda name: SITES / "hugo" / "content" / "posts" / "bundle" / "index.md",
    "zola": lambda name: SITES / "zola" / "content" / "blog" / f"{name}.md",
}
INPUTS = sorted(GOLDEN.glob("*/*.md"))


def render_golden(source: Path) -> str:
    post = POST_AT[source.parent.name](source.stem)
    request = request_for(post, data=source.read_bytes())
    result = IncrementalRenderer(request.site, request.options).render(request)
    text = f"<!-- header -->\n{result.header_html}\n<!-- body -->\n{result.full_html}\n"
    # Absolute file URLs differ per checkout.
    return text.replace(SITES.resolve().as_uri(), "file:///SITES")


@pytest.mark.parametrize("source", INPUTS, ids=[f"{p.parent.name}/{p.stem}" for p in INPUTS])
def test_golden(source: Path) -> None:
    expected_path = source.with_suffix(".html")
    actual = render_golden(source)
    if os.environ.get("GALLEY_UPDATE_GOLDEN"):
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.is_file(), f"no golden output yet: run with GALLEY_UPDATE_GOLDEN=1 and review {expected_path}"
    assert actual == expected_path.read_text(encoding="utf-8")


def test_every_input_has_its_output() -> None:
    assert len(INPUTS) >= 6
    assert all(p.with_suffix(".html").is_file() for p in INPUTS)

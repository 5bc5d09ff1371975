"""Shared helpers for the render tests: load real posts through the real parts."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from editor.core.post.document import Document
from editor.core.render import RenderOptions, RenderRequest, SiteInfo
from editor.core.site.site import Site

HERE = Path(__file__).resolve().parent
SITES = HERE / "sites"
GOLDEN = HERE / "golden"
CORPUS = HERE.parents[2].parent / "shared" / "corpus"  # <repo>/../shared/corpus


@lru_cache(maxsize=64)
def _site_of(folder: Path) -> SiteInfo:
    return SiteInfo.from_site(Site.discover(folder))


def request_for(path: Path, data: bytes | None = None, options: RenderOptions | None = None,
                site: SiteInfo | None = None) -> RenderRequest:
    doc = Document.from_bytes(path.read_bytes() if data is None else data, path)
    site = site or _site_of(path.parent)
    return RenderRequest(doc.body, doc.front_matter, doc.body_line, path, site, options or RenderOptions())


def corpus_posts() -> list[Path]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    posts = []
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if "site-config" not in cols[-1]:
            posts.append(CORPUS / cols[0])
    return posts


def need_corpus() -> None:
    if not corpus_posts():
        pytest.skip(f"the shared corpus is not at {CORPUS} (tests read it where it lies)")


def corpus_params():
    posts = corpus_posts()
    if not posts:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no corpus at {CORPUS}"))]
    return [pytest.param(p, id=str(p.relative_to(CORPUS))) for p in posts]


def strip_ids(html: str) -> str:
    """Block ids differ between renderers; everything else must not."""
    return re.sub(r'(<div class="galley-block" id=")[^"]*(")', r"\1#\2", html)

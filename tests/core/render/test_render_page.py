"""The standalone page, the live page shell, and local path resolution."""

from __future__ import annotations

import re
from pathlib import Path

from editor.core.render import RenderOptions, RenderRequest, SiteInfo, page_shell, render_page
from editor.core.render.paths import PathResolver
from tests.core.render.render_helpers import SITES, request_for

POST = SITES / "jekyll" / "_posts" / "2024-03-01-hello.md"


def csp_of(page: str) -> str:
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1).replace("&#x27;", "'")


def test_page_has_header_body_theme_and_cjk_fonts() -> None:
    page = render_page(request_for(POST))
    assert '<html lang="ko" data-theme="light">' in page
    assert "<title>안녕하세요</title>" in page
    assert '<h1 class="galley-title">안녕하세요</h1>' in page and "첫 글입니다." in page
    for font in ('"Noto Sans CJK KR"', '"Apple SD Gothic Neo"', '"Malgun Gothic"'):
        assert font in page
    assert ':root[data-theme="dark"] .highlight' in page and ':root[data-theme="light"] .highlight' in page
    assert ".galley-liquid-tag" in page
    dark = render_page(request_for(POST, options=RenderOptions(theme="dark")))
    assert 'data-theme="dark"' in dark


def test_site_stylesheet_replaces_the_theme(tmp_path: Path) -> None:
    css = tmp_path / "css" / "main.css"
    css.parent.mkdir()
    css.write_text('body { color: teal } .hero { background: url("../img/bg.png") }', encoding="utf-8")
    page = render_page(request_for(POST, options=RenderOptions(site_css=css)))
    assert "body { color: teal }" in page
    assert f'url("{(tmp_path / "img" / "bg.png").as_uri()}")' in page
    assert '"Noto Sans CJK KR"' not in page  # our theme is out
    assert ".galley-liquid-tag" in page  # placeholders are still styled


def test_shell_runs_only_our_script_by_nonce() -> None:
    shell = page_shell(RenderOptions())
    nonce = re.search(r'<script nonce="([^"]+)">', shell).group(1)
    assert f"script-src 'nonce-{nonce}'" in csp_of(shell)
    assert "window.galley = {" in shell and "applyPatch" in shell and "topVisibleLine" in shell
    assert '<header id="galley-header">\n\n</header>' in shell and '<main id="galley-body">\n\n</main>' in shell
    assert nonce not in page_shell(RenderOptions())  # a fresh nonce per page
    assert "'unsafe-inline'" not in csp_of(shell).split("script-src")[1].split(";")[0]


def test_shell_with_scripts_allowed_drops_the_nonce() -> None:
    shell = page_shell(RenderOptions(allow_scripts=True, theme="dark"))
    assert "script-src 'unsafe-inline'" in csp_of(shell) and 'data-allow-scripts="1"' in shell
    assert 'data-theme="dark"' in shell


def test_embed_images_inlines_local_images() -> None:
    body = "![a](/assets/img/photo.png) ![b](https://example.org/remote.png)"
    site = request_for(POST).site
    page = render_page(RenderRequest(body, {}, 1, POST, site, RenderOptions(embed_images=True)))
    assert 'src="data:image/png;base64,iVBOR' in page
    assert 'src="https://example.org/remote.png"' in page


# -- path resolution ----------------------------------------------------------------

def make_site(tmp_path: Path, generator: str, baseurl: str = "", url: str = "") -> SiteInfo:
    return SiteInfo(root=tmp_path, generator=generator, baseurl=baseurl, url=url)


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    return path


def test_jekyll_paths_with_and_without_baseurl(tmp_path: Path) -> None:
    img = touch(tmp_path / "assets" / "a b.png")
    r = PathResolver(make_site(tmp_path, "jekyll", "/blog", "https://me.example"), tmp_path / "_posts" / "p.md")
    for url in ("/assets/a%20b.png", "/blog/assets/a%20b.png", "assets/a b.png", "https://me.example/blog/assets/a%20b.png"):
        assert r.resolve(url) == img.resolve().as_uri(), url
    assert r.resolve("/assets/a%20b.png?v=2#x") == img.resolve().as_uri() + "?v=2#x"
    for url in ("https://other.example/a.png", "mailto:a@b.c", "#top"):
        assert r.resolve(url) == url
    # Missing files do not load (the page would look for /missing.png at the
    # disk's root); a protocol-relative URL is the web's, not a network share.
    assert r.resolve("/missing.png") == ""
    assert r.resolve("/missing.png", load=False) == "/missing.png"
    assert r.resolve("//cdn.example/x.png") == "https://cdn.example/x.png"


def test_hugo_static_assets_and_page_bundles(tmp_path: Path) -> None:
    static = touch(tmp_path / "static" / "images" / "logo.png")
    bundled = touch(tmp_path / "content" / "posts" / "b" / "cat.png")
    r = PathResolver(make_site(tmp_path, "hugo"), tmp_path / "content" / "posts" / "b" / "index.md")
    assert r.resolve("/images/logo.png") == static.resolve().as_uri()
    assert r.resolve("cat.png") == bundled.resolve().as_uri()
    assert r.resolve("./cat.png") == bundled.resolve().as_uri()


def test_zola_static(tmp_path: Path) -> None:
    img = touch(tmp_path / "static" / "x.png")
    r = PathResolver(make_site(tmp_path, "zola"), tmp_path / "content" / "a.md")
    assert r.resolve("/x.png") == img.resolve().as_uri()


def test_nothing_outside_the_site_is_exposed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    secret = touch(tmp_path / "secret.txt")
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "link.png").symlink_to(secret)
    r = PathResolver(make_site(site, "jekyll"), site / "_posts" / "p.md")
    # Left as written, the page (based in the post's folder) would load them.
    assert r.resolve("../../secret.txt") == ""
    assert r.resolve("/../secret.txt") == ""
    assert r.resolve("/assets/link.png") == ""
    assert r.resolve(secret.as_uri()) == ""
    assert r.rewrite(f'<img src="../../secret.txt" srcset="{secret.as_uri()} 2x">') == "<img>"
    # A link's target loads nothing: kept, unless it is a file: URL outside.
    assert r.resolve("../../secret.txt", load=False) == "../../secret.txt"
    assert r.resolve(secret.as_uri(), load=False) == ""


def test_rewrite_handles_both_quote_styles_and_entities(tmp_path: Path) -> None:
    img = touch(tmp_path / "a&b.png")
    r = PathResolver(make_site(tmp_path, "jekyll"), None)
    out = r.rewrite("<img src='/a&amp;b.png'> <a href=\"/a&amp;b.png\">x</a>")
    uri = img.resolve().as_uri().replace("&", "&amp;")
    assert out == f'<img src="{uri}"> <a href="{uri}">x</a>'


def test_header_fields_follow_the_site_schema() -> None:
    from editor.core.render import IncrementalRenderer

    fm = {"title": "T", "excerpt": "*요약*", "description": "*not emphasis*", "teaser": "**티저**",
          "feature_text": "## 특징"}
    guess = IncrementalRenderer().render(RenderRequest("", fm)).header_html
    assert "<em>요약</em>" in guess and "<em>not emphasis</em>" in guess and "티저" not in guess
    typed = SiteInfo(field_types={"excerpt": "markdown", "description": "text", "teaser": "markdown"})
    header = IncrementalRenderer(typed).render(RenderRequest("", fm, site=typed)).header_html
    assert '<div class="galley-excerpt"><p><em>요약</em></p></div>' in header
    assert '<div class="galley-description"><p>*not emphasis*</p></div>' in header
    assert '<div class="galley-teaser"><p><strong>티저</strong></p></div>' in header
    assert '<div class="galley-feature-text"><h2 id="특징">특징</h2></div>' in header  # not in the schema: Markdown


def test_site_info_takes_field_types_from_a_real_schema() -> None:
    from editor.core.site.schema_sources import load_schema
    from editor.core.site.site import Site

    site = Site.discover(SITES / "jekyll")
    info = SiteInfo.from_site(site, load_schema(site))
    assert info.field_types.get("excerpt") == "markdown"
    assert info.root == site.root and info.baseurl == "/blog" and len(info.post_files) == 2


def test_header_markdown_never_leaks_placeholders() -> None:
    from editor.core.render import IncrementalRenderer

    fm = {"title": "T", "excerpt": "요약[^1]과 제목\n\n## 소제목"}
    header = IncrementalRenderer().render(RenderRequest("본문[^1]\n\n[^1]: 주석\n", fm)).header_html
    assert "\ue000" not in header and "요약[^1]과" in header and 'id="소제목"' in header


def test_request_from_a_document_snapshot() -> None:
    from editor.core.post.document import Document

    doc = Document.from_bytes(POST.read_bytes(), POST)
    site = SiteInfo.discover(POST)
    request = RenderRequest.from_snapshot(doc.snapshot(), site, RenderOptions(theme="dark"))
    assert request.body == doc.body and request.body_line == doc.body_line == 5
    assert request.front_matter["title"] == "안녕하세요" and request.post_path == POST
    assert site.generator == "jekyll" and site.root == (SITES / "jekyll").resolve()


def test_hugo_links_bare_urls_like_goldmark_and_jekyll_does_not() -> None:
    from editor.core.render import render_html

    text = "See https://gohugo.io/docs and `https://not.a.link`."
    hugo = render_html(RenderRequest(text, {}, 1, None, SiteInfo(generator="hugo")))
    jekyll = render_html(RenderRequest(text, {}, 1, None, SiteInfo(generator="jekyll")))
    assert '<a href="https://gohugo.io/docs"' in hugo and "<code>https://not.a.link</code>" in hugo
    assert "<a " not in jekyll


def test_header_dates_from_strings_and_values() -> None:
    import datetime as dt

    from editor.core.render.header import format_date

    assert format_date("2016-08-20T12:15:44+09:00") == ("2016-08-20T12:15:44+09:00", "2016-08-20 12:15")
    assert format_date("2024-03-05 09:30:00 +0900") == ("2024-03-05T09:30:00+09:00", "2024-03-05 09:30")
    assert format_date(dt.date(2024, 3, 5)) == ("2024-03-05", "2024-03-05")
    assert format_date("어제") == ("어제", "어제") and format_date(None) is None

"""What an image field says for a picked file: the path the site serves it at."""

from __future__ import annotations

from pathlib import Path

from editor.core.site.assets import bundle_folder, image_value


def test_hugo_and_zola_serve_static_at_the_top(tmp_path):
    root = tmp_path / "site"
    picked = root / "static" / "images" / "2024" / "a.png"
    post = root / "content" / "posts" / "flat.md"
    assert image_value(picked, root, "hugo", post) == "/images/2024/a.png"
    assert image_value(picked, root, "zola", post) == "/images/2024/a.png"
    assert image_value(root / "static" / "b.png", root, "hugo", post) == "/b.png"
    # Jekyll serves every folder as it is; a folder merely named like static/ stays.
    assert image_value(picked, root, "jekyll", post) == "/static/images/2024/a.png"
    assert image_value(root / "staticky" / "c.png", root, "hugo", post) == "/staticky/c.png"
    assert image_value(root / "assets" / "d.png", root, "hugo", post) == "/assets/d.png"


def test_a_page_bundles_resource_is_named_relative_to_the_bundle(tmp_path):
    root = tmp_path / "site"
    bundle = root / "content" / "posts" / "trip"
    post = bundle / "index.md"
    assert bundle_folder(post, "hugo") == bundle
    assert image_value(bundle / "cover.jpg", root, "hugo", post) == "cover.jpg"
    assert image_value(bundle / "gallery" / "1.jpg", root, "hugo", post) == "gallery/1.jpg"
    # Outside the bundle: as the site serves it.
    assert image_value(root / "static" / "x.png", root, "hugo", post) == "/x.png"
    branch = root / "content" / "posts" / "_index.md"
    assert image_value(root / "content" / "posts" / "banner.png", root, "hugo", branch) == "banner.png"
    # Not a bundle: a flat post, or a Jekyll index.md.
    assert bundle_folder(root / "content" / "posts" / "flat.md", "hugo") is None
    assert image_value(root / "about" / "x.png", root, "jekyll", root / "about" / "index.md") == "/about/x.png"


def test_outside_the_site_the_file_is_named_by_its_own_path(tmp_path):
    picked = tmp_path / "pictures" / "a.png"
    assert image_value(picked, tmp_path / "site", "hugo", None) == picked.as_posix()
    assert image_value(picked, None, "unknown", None) == picked.as_posix()
    assert image_value(Path(tmp_path / "site" / "static" / "s.png"), tmp_path / "site", "hugo") == "/s.png"

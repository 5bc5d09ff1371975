"""Where a pasted or dropped image goes, its name, and the link a post gets."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core.site.assets import (
    AssetError, ImagePlace, bitmap_name, image_markup, image_place, jekyll_link_style, post_slug,
    safe_name, unique_path, write_image)

TODAY = dt.date(2026, 3, 5)


@pytest.mark.parametrize("name, safe", [
    ("My Photo.PNG", "my-photo.png"),
    ("서울 야경 (1).JPG", "서울-야경-1.jpg"),
    ("Straße_Café.jpeg", "straße-café.jpeg"),
    ("../../etc/passwd.png", "passwd.png"),
    ("..\\evil name.gif", "evil-name.gif"),
    ("   .png", "image.png"),
    ("noext", "noext"),
    (".hidden.png", "hidden.png"),
])
def test_safe_name_is_lowercase_without_spaces_and_keeps_unicode_letters(name, safe):
    assert safe_name(name) == safe


def test_unique_path_numbers_a_taken_name(tmp_path):
    assert unique_path(tmp_path, "a.png") == tmp_path / "a.png"
    (tmp_path / "a.png").write_bytes(b"1")
    (tmp_path / "a-2.png").write_bytes(b"2")
    assert unique_path(tmp_path, "a.png") == tmp_path / "a-3.png"


def test_a_bitmap_is_named_from_the_post_slug_and_time(tmp_path):
    now = dt.datetime(2026, 3, 5, 14, 7, 9)
    assert bitmap_name(tmp_path / "_posts" / "2026-03-05-첫-글.md", now) == "첫-글-20260305-140709.png"
    assert bitmap_name(tmp_path / "content" / "posts" / "trip" / "index.md", now) == "trip-20260305-140709.png"
    assert post_slug(None) == "image"


def _site(tmp_path, generator):
    root = tmp_path / "site"
    root.mkdir()
    return root


def test_jekyll_images_go_to_assets_images_year(tmp_path):
    root = _site(tmp_path, "jekyll")
    place = image_place(root / "_posts" / "2026-03-05-a.md", root, "jekyll", TODAY, "plain")
    assert place.folder == root / "assets" / "images" / "2026"
    assert place.url_for("a.png") == "/assets/images/2026/a.png"
    styled = image_place(root / "_posts" / "x.md", root, "jekyll", TODAY, "relative_url")
    assert styled.url_for("a.png") == "{{ '/assets/images/2026/a.png' | relative_url }}"
    based = image_place(root / "_posts" / "x.md", root, "jekyll", TODAY, "baseurl")
    assert based.url_for("a.png") == "{{ site.baseurl }}/assets/images/2026/a.png"


def test_hugo_bundle_keeps_images_beside_index_else_static_images(tmp_path):
    root = _site(tmp_path, "hugo")
    bundle = image_place(root / "content" / "posts" / "trip" / "index.md", root, "hugo", TODAY)
    assert bundle.folder == root / "content" / "posts" / "trip"
    assert bundle.url_for("a.png") == "a.png"
    single = image_place(root / "content" / "posts" / "trip.md", root, "hugo", TODAY)
    assert single.folder == root / "static" / "images" / "2026"
    assert single.url_for("a.png") == "/images/2026/a.png"


def test_galley_toml_names_the_folder(tmp_path):
    root = _site(tmp_path, "jekyll")
    (root / "galley.toml").write_text('[images]\nfolder = "img/{year}/{month}"\n', encoding="utf-8")
    place = image_place(root / "_posts" / "x.md", root, "jekyll", TODAY)
    assert place.folder == root / "img" / "2026" / "03"
    assert place.url_for("a.png") == "/img/2026/03/a.png"


def test_a_configured_folder_outside_the_site_is_not_used(tmp_path):
    root = _site(tmp_path, "jekyll")
    (root / "galley.toml").write_text('[images]\nfolder = "../outside"\n', encoding="utf-8")
    place = image_place(root / "_posts" / "x.md", root, "jekyll", TODAY)
    assert place.folder == root / "assets" / "images" / "2026"


def test_hugo_configured_static_folder_is_served_from_the_top(tmp_path):
    root = _site(tmp_path, "hugo")
    (root / "galley.toml").write_text('[images]\nfolder = "static/uploads"\n', encoding="utf-8")
    assert image_place(root / "content" / "a.md", root, "hugo", TODAY).url_for("a.png") == "/uploads/a.png"


def test_without_a_site_the_image_goes_next_to_the_post(tmp_path):
    place = image_place(tmp_path / "notes" / "post.md", None, "unknown", TODAY)
    assert place == ImagePlace(tmp_path / "notes", "")
    with pytest.raises(AssetError):
        image_place(None, None)


def test_write_image_never_overwrites_and_never_leaves_the_limit(tmp_path):
    root = tmp_path / "site"
    place = ImagePlace(root / "assets" / "images" / "2026", "/assets/images/2026")
    first = write_image(place, "My Pic.PNG", b"one", limit=root)
    second = write_image(place, "My Pic.PNG", b"two", limit=root)
    assert (first.name, second.name) == ("my-pic.png", "my-pic-2.png")
    assert first.read_bytes() == b"one" and second.read_bytes() == b"two"
    with pytest.raises(AssetError):
        write_image(ImagePlace(tmp_path / "elsewhere", ""), "a.png", b"x", limit=root)
    assert not (tmp_path / "elsewhere").exists()


def test_the_link_style_follows_the_sites_posts():
    assert jekyll_link_style(["![a]({{ '/assets/a.png' | relative_url }})"]) == "relative_url"
    assert jekyll_link_style(["![a]({{ site.baseurl }}/assets/a.png)", "{{site.baseurl}}/x"]) == "baseurl"
    assert jekyll_link_style(["plain text"]) == "plain"
    assert jekyll_link_style(["plain text"], baseurl="/blog") == "relative_url"


def test_markup_is_markdown_or_an_img_for_html_posts():
    assert image_markup("서울 야경", "/a.png", html=False) == "![서울 야경](/a.png)"
    assert image_markup('a "b"', "/a.png?x=1&y=2", html=True) == '<img src="/a.png?x=1&amp;y=2" alt="a &quot;b&quot;">'

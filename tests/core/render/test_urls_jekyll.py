"""The URL the preview gives a Jekyll post (`page.url`, `post_url`): as Jekyll 4 writes it."""

from pathlib import Path

from editor.core.render.urls import jekyll_url


def test_categories_are_lower_cased_in_the_url_from_front_matter_and_folders(tmp_path):
    root = tmp_path
    post = root / "Travel" / "_posts" / "2024-05-06-Seoul-Trip.md"
    assert jekyll_url(post, {"categories": ["Pets", "Big Cats"]}, {}, root) == \
        "/travel/pets/big%20cats/2024/05/06/Seoul-Trip.html"  # Jekyll 4.3 writes _site/travel/pets/big cats/…
    assert jekyll_url(Path("/s/_posts/2024-05-06-a.md"), {"category": "News"}, {"permalink": "pretty"},
                      Path("/s")) == "/news/2024/05/06/a/"

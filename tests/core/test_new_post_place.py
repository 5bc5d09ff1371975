"""Where New Post puts a file in sites that keep posts away from the root:
Jekyll's `<lang>/news/_posts`, Hugo's `contentDir` inside `content/`."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from editor.core.site.new_post import NewPost, plan, section_of
from editor.core.site.site import Site

NOW = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _write(root: Path, rel: str, text: str = "---\ntitle: T\n---\n") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _where(site: Site, current: Path | None, draft: bool) -> str:
    path, _text = plan(site, NewPost("새 글", NOW, draft=draft), current)
    return os.path.relpath(path, site.root).replace(os.sep, "/")


def _languages_site(tmp_path: Path) -> Path:
    root = tmp_path / "multi"
    _write(root, "_config.yml", "title: t\n")
    _write(root, "_posts/2020-01-01-root.md")
    for lang, n in (("en", 3), ("ko", 2)):
        for i in range(n):
            _write(root, f"{lang}/news/_posts/2020-01-0{i + 1}-{lang}{i}.md")
    return root


def test_jekyll_new_post_goes_beside_the_open_posts_folder(tmp_path):
    root = _languages_site(tmp_path)
    site = Site.discover(root)
    current = root / "ko/news/_posts/2020-01-01-ko0.md"
    assert _where(site, current, draft=True) == "ko/news/_drafts/새-글.md"
    assert _where(site, current, draft=False) == "ko/news/_posts/2024-05-06-새-글.md"
    # A draft open in a language's _drafts: the same place.
    draft = _write(root, "ko/news/_drafts/idea.md")
    assert _where(site, draft, draft=False) == "ko/news/_posts/2024-05-06-새-글.md"


def test_jekyll_new_post_without_an_open_post_goes_where_most_posts_are(tmp_path):
    root = _languages_site(tmp_path)
    site = Site.discover(root)
    assert _where(site, None, draft=True) == "en/news/_drafts/새-글.md"
    # A post open outside any posts folder (a page) counts as none.
    page = _write(root, "about.md")
    assert _where(site, page, draft=False) == "en/news/_posts/2024-05-06-새-글.md"
    # On a tie the root's folders win.
    for i in range(2):
        _write(root, f"_posts/2021-01-0{i + 1}-more{i}.md")
    assert _where(Site.discover(root), None, draft=True) == "_drafts/새-글.md"


def test_jekyll_name_collision_is_checked_in_the_chosen_folder(tmp_path):
    root = _languages_site(tmp_path)
    current = root / "ko/news/_posts/2020-01-01-ko0.md"
    _write(root, "ko/news/_posts/2019-01-01-새-글.md")
    assert _where(Site.discover(root), current, draft=True) == "ko/news/_drafts/새-글-2.md"


def test_hugo_sections_are_taken_inside_the_content_dir_of_the_post(tmp_path):
    root = tmp_path / "docs"
    _write(root, "hugo.yaml", "contentDir: content/en\nlanguages:\n  ko:\n    contentDir: content/ko\n")
    open_post = _write(root, "content/en/docs/start/page.md")
    _write(root, "content/en/blog/2020/hello.md")
    korean = _write(root, "content/ko/blog/hello.md")
    site = Site.discover(root)
    assert section_of(site, open_post) == "docs"
    assert _where(site, open_post, draft=True) == "content/en/docs/새-글.md"
    assert _where(site, korean, draft=True) == "content/ko/blog/새-글.md"
    # No open post: the main content dir (contentDir), its posts section.
    assert _where(site, None, draft=False) == "content/en/blog/새-글.md"

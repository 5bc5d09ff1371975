"""Publishing, unpublishing and renaming posts' files; their states."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core.site.post_files import (
    DRAFT, PUBLISHED, SCHEDULED, PostFileError, publish, rename_from_title, state_of, unpublish,
)
from editor.core.site.post_index import PostSummary
from editor.core.site.site import Site

KST = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime(2026, 3, 5, 14, 7, 9, tzinfo=KST)
DRAFT_BYTES = ("---\ntitle: 서울 여행\n# a comment kept\ndate: 2020-01-01 09:00:00 +0900\n"
               "tags: [여행, '서울']\n---\n본문\r\n").encode()


@pytest.fixture
def jekyll(tmp_path):
    (tmp_path / "_config.yml").write_text("timezone: Asia/Seoul\n", encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_drafts").mkdir()
    (tmp_path / "_drafts" / "seoul.md").write_bytes(DRAFT_BYTES)
    return Site.discover(tmp_path)


@pytest.fixture
def hugo(tmp_path):
    (tmp_path / "hugo.toml").write_text('timeZone = "Asia/Seoul"\n', encoding="utf-8")
    (tmp_path / "content" / "posts").mkdir(parents=True)
    return Site.discover(tmp_path)


def test_jekyll_publish_moves_and_changes_only_the_date_line(jekyll, tmp_path):
    new = publish(tmp_path / "_drafts" / "seoul.md", jekyll, NOW.astimezone(dt.timezone.utc))
    assert new == tmp_path / "_posts" / "2026-03-05-seoul.md"
    assert not (tmp_path / "_drafts" / "seoul.md").exists()
    assert new.read_bytes() == DRAFT_BYTES.replace(b"2020-01-01 09:00:00 +0900", b"2026-03-05 14:07:09 +0900")
    back = unpublish(new, jekyll)
    assert back == tmp_path / "_drafts" / "seoul.md" and not new.exists()
    assert back.read_bytes() == new_bytes_after_publish()


def new_bytes_after_publish():
    return DRAFT_BYTES.replace(b"2020-01-01 09:00:00 +0900", b"2026-03-05 14:07:09 +0900")


def test_jekyll_publish_refuses_a_taken_name_and_a_non_draft(jekyll, tmp_path):
    taken = tmp_path / "_posts" / "2026-03-05-seoul.md"
    taken.write_bytes(b"mine")
    with pytest.raises(PostFileError, match="already exists"):
        publish(tmp_path / "_drafts" / "seoul.md", jekyll, NOW)
    assert taken.read_bytes() == b"mine" and (tmp_path / "_drafts" / "seoul.md").read_bytes() == DRAFT_BYTES
    with pytest.raises(PostFileError, match="not a draft"):
        publish(taken, jekyll, NOW)


def test_hugo_flips_draft_in_place(hugo, tmp_path):
    post = tmp_path / "content" / "posts" / "a.md"
    original = b'+++\ntitle = "A"\ndraft = true  # until ready\ndate = 2020-01-01\n+++\nbody\n'
    post.write_bytes(original)
    assert publish(post, hugo, NOW) == post
    assert post.read_bytes() == original.replace(b"draft = true", b"draft = false")
    with pytest.raises(PostFileError, match="a.md: error: not a draft"):
        publish(post, hugo, NOW)
    assert unpublish(post, hugo) == post
    assert post.read_bytes() == original
    with pytest.raises(PostFileError, match="already a draft"):
        unpublish(post, hugo)


def test_rename_from_title_keeps_the_date_prefix(jekyll, tmp_path):
    post = tmp_path / "_posts" / "2024-02-03-old-name.md"
    post.write_bytes(b"---\ntitle: New Title!\n---\n")
    (tmp_path / "_posts" / "2024-02-03-new-title.md").write_bytes(b"x")
    new = rename_from_title(post, jekyll)
    assert new == tmp_path / "_posts" / "2024-02-03-new-title-2.md"
    assert new.read_bytes() == b"---\ntitle: New Title!\n---\n" and not post.exists()
    assert rename_from_title(new, jekyll, romanize=True) == new.with_name("2024-02-03-new-title-2.md")


def test_rename_a_bundle_renames_its_folder(hugo, tmp_path):
    bundle = tmp_path / "content" / "posts" / "x"
    bundle.mkdir()
    (bundle / "index.md").write_bytes(b"---\ntitle: \xec\x84\x9c\xec\x9a\xb8\n---\n")
    (bundle / "pic.png").write_bytes(b"png")
    new = rename_from_title(bundle / "index.md", hugo, romanize=True)
    assert new == tmp_path / "content" / "posts" / "seoul" / "index.md"
    assert (new.parent / "pic.png").read_bytes() == b"png"


def test_rename_without_a_title_says_so(jekyll, tmp_path):
    post = tmp_path / "_posts" / "2024-02-03-a.md"
    post.write_bytes(b"---\nlayout: x\n---\n")
    with pytest.raises(PostFileError, match="2024-02-03-a.md: error: the post has no title"):
        rename_from_title(post, jekyll)


def test_states(jekyll, tmp_path):
    (tmp_path / "h").mkdir()
    (tmp_path / "h" / "hugo.toml").write_text('timeZone = "Asia/Seoul"\n', encoding="utf-8")
    hugo = Site.discover(tmp_path / "h")
    assert hugo.generator == "hugo"

    def s(path, **fm):
        return PostSummary(path=tmp_path / path, front_matter=fm)

    assert state_of(s("_drafts/a.md", date="2020-01-01"), NOW, jekyll) == DRAFT
    assert state_of(s("_posts/2020-01-01-a.md", published=False), NOW, jekyll) == DRAFT
    assert state_of(s("_posts/2020-01-01-a.md"), NOW, jekyll) == PUBLISHED
    assert state_of(s("_posts/2099-01-01-a.md"), NOW, jekyll) == SCHEDULED
    # A naive date is read in the site's zone: 14:00 in Seoul is before 14:07:09 there.
    assert state_of(s("_posts/a.md", date=dt.datetime(2026, 3, 5, 14, 0)), NOW, jekyll) == PUBLISHED
    assert state_of(s("_posts/a.md", date="2026-03-05 15:00:00 +0900"), NOW, jekyll) == SCHEDULED
    assert state_of(s("content/posts/a.md", draft=True), NOW, hugo) == DRAFT
    assert state_of(s("content/posts/a.md", draft=False, date="2027-01-01"), NOW, hugo) == SCHEDULED
    assert state_of(s("content/posts/a.md"), NOW, hugo) == PUBLISHED


@pytest.fixture
def zola(tmp_path):
    root = tmp_path / "z"
    (root / "content" / "blog").mkdir(parents=True)
    (root / "config.toml").write_text('base_url = "https://example.org"\n', encoding="utf-8")
    site = Site.discover(root)
    assert site.generator == "zola"
    return site


def test_zola_flips_draft_in_place_before_its_tables(zola):
    post = zola.root / "content" / "blog" / "a.md"
    original = b'+++\ntitle = "A"\ndate = 2020-01-01\n\n[taxonomies]\ntags = ["x"]\n+++\nbody\n'
    post.write_bytes(original)
    # No `draft` key: a published page. Making it a draft adds the key among the top-level
    # values, not inside [taxonomies] (where Zola would not read it).
    assert unpublish(post, zola) == post
    assert post.read_bytes() == original.replace(b"2020-01-01\n", b"2020-01-01\ndraft = true\n")
    with pytest.raises(PostFileError, match="already a draft"):
        unpublish(post, zola)
    assert publish(post, zola, NOW) == post
    assert post.read_bytes() == original.replace(b"2020-01-01\n", b"2020-01-01\ndraft = false\n")


def test_zola_future_posts_are_published_not_scheduled(zola):
    def s(**fm):
        return PostSummary(path=zola.root / "content" / "blog" / "a.md", front_matter=fm)

    assert state_of(s(date="2099-01-01"), NOW, zola) == PUBLISHED
    assert state_of(s(date="2099-01-01", draft=True), NOW, zola) == DRAFT

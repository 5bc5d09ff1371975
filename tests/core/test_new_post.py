"""New posts: slugs, where the file goes by the site's convention, and the first text."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.core.site.new_post import NewPost, now_in, plan, slugify
from editor.core.site.site import Site

KST = dt.timezone(dt.timedelta(hours=9))
WHEN = dt.datetime(2026, 3, 5, 14, 7, 9, tzinfo=KST)


def jekyll(tmp_path, config="title: t\n"):
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    return Site.discover(tmp_path)


def hugo(tmp_path, config='title = "t"\nbaseURL = "https://example.org/"\n'):
    (tmp_path / "hugo.toml").write_text(config, encoding="utf-8")
    (tmp_path / "content").mkdir()
    return Site.discover(tmp_path)


@pytest.mark.parametrize(("title", "slug"), [
    ("Hello, World!", "hello-world"),
    ("첫 번째 글: 서울 여행", "첫-번째-글-서울-여행"),
    ("  --  ", "post"),
    ("", "post"),
    ("Ünïcode Straße", "ünïcode-strasse"),
    ("a_b__c", "a-b-c"),
])
def test_slug_keeps_unicode_letters_and_is_never_empty(title, slug):
    assert slugify(title) == slug


@pytest.mark.parametrize(("title", "slug"), [
    ("신라", "silla"),  # the sound rules of Revised Romanization, not letter by letter
    ("독립문", "dongnimmun"),
    ("같이 가요", "gachi-gayo"),
    ("서울 여행기 2026", "seoul-yeohaenggi-2026"),
    ("Hello 세계", "hello-segye"),
])
def test_slug_romanizes_korean_on_request(title, slug):
    assert slugify(title, romanize=True) == slug


def test_long_titles_are_cut_at_a_word():
    slug = slugify("word " * 40)
    assert len(slug) <= 80 and not slug.endswith("-") and slug.endswith("word")


def test_now_is_in_the_sites_time_zone(tmp_path):
    site = jekyll(tmp_path, "timezone: Asia/Seoul\n")
    utc = dt.datetime(2026, 1, 1, 20, 30, tzinfo=dt.timezone.utc)
    assert now_in(site, utc) == dt.datetime(2026, 1, 2, 5, 30, tzinfo=KST)
    assert now_in(site, utc).utcoffset() == dt.timedelta(hours=9)
    hsite = hugo(tmp_path / "h", 'timeZone = "America/New_York"\n') if (tmp_path / "h").mkdir() is None else None
    assert now_in(hsite, utc).utcoffset() == dt.timedelta(hours=-5)


def test_jekyll_draft_and_post_names_and_collisions(tmp_path):
    site = jekyll(tmp_path)
    path, text = plan(site, NewPost("첫 글", WHEN, draft=True, tags=["여행"]))
    assert path == tmp_path / "_drafts" / "첫-글.md"
    assert text == '---\ntitle: 첫 글\ndate: 2026-03-05 14:07:09 +09:00\ntags:\n  - 여행\n---\n'
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    # The slug is taken by the draft: a post of the same title gets -2, whatever its date.
    path2, _ = plan(site, NewPost("첫 글", WHEN, draft=False))
    assert path2 == tmp_path / "_posts" / "2026-03-05-첫-글-2.md"
    (tmp_path / "_posts" / "2025-01-01-hello.md").write_text("---\n---\n", encoding="utf-8")
    assert plan(site, NewPost("Hello", WHEN, draft=True))[0] == tmp_path / "_drafts" / "hello-2.md"


def test_hugo_section_bundles_and_archetype(tmp_path):
    site = hugo(tmp_path)
    (tmp_path / "content" / "post").mkdir()
    path, text = plan(site, NewPost("Hi there", WHEN, draft=True))
    assert path == tmp_path / "content" / "post" / "hi-there.md"
    assert "draft: true" in text and text.endswith("\n")
    # Bundles when the section is made of them; the open post's section wins.
    (tmp_path / "content" / "notes" / "one").mkdir(parents=True)
    (tmp_path / "content" / "notes" / "one" / "index.md").write_text("---\n---\n", encoding="utf-8")
    current = tmp_path / "content" / "notes" / "one" / "index.md"
    (tmp_path / "archetypes").mkdir()
    (tmp_path / "archetypes" / "default.md").write_text(
        "+++\ntitle = '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\n"
        "date = {{ .Date }}\ndraft = true\nslug = '{{ .Name }}'\n+++\n\nWrite here.\n", encoding="utf-8")
    path, text = plan(site, NewPost("서울 여행", WHEN, draft=False, categories=["trips"]), current)
    assert path == tmp_path / "content" / "notes" / "서울-여행" / "index.md"
    assert text == ("+++\ntitle = '서울 여행'\ndate = 2026-03-05T14:07:09+09:00\ndraft = false\n"
                    "slug = '서울-여행'\ncategories = [\"trips\"]\n+++\n\nWrite here.\n")


def test_section_archetype_and_galley_toml_template(tmp_path):
    site = hugo(tmp_path)
    (tmp_path / "content" / "posts").mkdir()
    (tmp_path / "archetypes").mkdir()
    (tmp_path / "archetypes" / "posts.md").write_text(
        "---\ntitle: \"{{ .Title }}\"\ndate: {{ .Date }}\ndraft: {{ .Draft }}\n---\nposts archetype\n",
        encoding="utf-8")
    _, text = plan(site, NewPost("A", WHEN, draft=True))
    assert text == '---\ntitle: "A"\ndate: 2026-03-05T14:07:09+09:00\ndraft: true\n---\nposts archetype\n'
    (tmp_path / "tpl.md").write_text("---\ntitle: x\nlayout: post\n---\nfrom galley.toml", encoding="utf-8")
    (tmp_path / "galley.toml").write_text('[new_post]\ntemplate = "tpl.md"\n', encoding="utf-8")
    _, text = plan(site, NewPost("B", WHEN, draft=True))
    assert text.startswith("---\ntitle: B\nlayout: post\n") and text.endswith("from galley.toml\n")


def test_no_site_gives_text_only():
    path, text = plan(None, NewPost("Solo", WHEN))
    assert path is None and text.startswith("---\ntitle: Solo\n") and text.endswith("---\n")


def zola(tmp_path, config='base_url = "https://example.org"\ntaxonomies = [{name = "tags"}, {name = "categories"}]\n'):
    (tmp_path / "config.toml").write_text(config, encoding="utf-8")
    (tmp_path / "content").mkdir()
    site = Site.discover(tmp_path)
    assert site.generator == "zola"
    return site


def test_zola_built_in_post_is_toml_with_taxonomies(tmp_path):
    site = zola(tmp_path)
    path, text = plan(site, NewPost("서울 여행", WHEN, draft=True, categories=["trips"], tags=["여행", "서울"]))
    # No posts section yet: Zola's own convention, `blog`.
    assert path == tmp_path / "content" / "blog" / "서울-여행.md"
    assert text == ('+++\ntitle = "서울 여행"\ndate = 2026-03-05T14:07:09+09:00\ndraft = true\n\n'
                    '[taxonomies]\ncategories = ["trips"]\ntags = ["여행", "서울"]\n+++\n')
    import tomllib

    head = tomllib.loads(text.split("+++\n")[1])
    assert head["taxonomies"] == {"categories": ["trips"], "tags": ["여행", "서울"]} and head["draft"] is True
    # Without terms there is no empty table; published says `draft = false`.
    _, text = plan(site, NewPost("Hi", WHEN, draft=False))
    assert text == '+++\ntitle = "Hi"\ndate = 2026-03-05T14:07:09+09:00\ndraft = false\n+++\n'


def test_zola_sections_bundles_and_collisions(tmp_path):
    site = zola(tmp_path)
    (tmp_path / "content" / "posts").mkdir()
    (tmp_path / "content" / "posts" / "_index.md").write_text("+++\n+++\n", encoding="utf-8")
    (tmp_path / "content" / "posts" / "hi.md").write_text("+++\n+++\n", encoding="utf-8")
    assert plan(site, NewPost("Hi", WHEN))[0] == tmp_path / "content" / "posts" / "hi-2.md"
    # A section of pages with colocated assets: a new page is one too; the open post's section wins.
    notes = tmp_path / "content" / "notes"
    for name in ("a", "b"):
        (notes / name).mkdir(parents=True)
        (notes / name / "index.md").write_text("+++\n+++\n", encoding="utf-8")
    path, _ = plan(site, NewPost("A", WHEN), notes / "b" / "index.md")
    assert path == notes / "a-2" / "index.md"


def test_zola_template_from_galley_toml_gets_terms_in_its_taxonomies(tmp_path):
    site = zola(tmp_path)
    (tmp_path / "tpl.md").write_text(
        '+++\ntitle = ""\ndate = 2000-01-01\n\n[taxonomies]\ntags = []\n\n[extra]\nimage = ""\n+++\nWrite.\n',
        encoding="utf-8")
    (tmp_path / "galley.toml").write_text('[new_post]\ntemplate = "tpl.md"\n', encoding="utf-8")
    (tmp_path / "archetypes").mkdir()  # Hugo's, not Zola's: ignored
    (tmp_path / "archetypes" / "default.md").write_text("+++\nhugo = true\n+++\n", encoding="utf-8")
    _, text = plan(site, NewPost("T", WHEN, draft=True, tags=["x"]))
    assert text == ('+++\ntitle = "T"\ndate = 2026-03-05T14:07:09+09:00\ndraft = true\n\n'
                    '[taxonomies]\ntags = ["x"]\n\n[extra]\nimage = ""\n+++\nWrite.\n')

"""Site facts kept current post by post equal the facts gathered afresh.

Real sites on disk: posts are written, rewritten and deleted, the site's
index reads the change (`Site.update_posts`, as the watcher's report makes
it do), the facts count it out and in, and every fact is compared with a
fresh `ValidationContext.build` of the same index.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.site.site import Site
from editor.core.validation import ValidationContext
from editor.core.validation.site_facts import SiteFacts

FACTS = ("schema", "vocabulary", "terms_by_path", "files", "dirs", "slugs", "post_names", "config",
         "generator", "baseurl", "timezone", "markdown")

#: Front matter a post may get: terms, URL endings, keys of several types, broken YAML.
HEADS = [
    "title: Hello\ntags: [a, b]\n",
    "title: 안녕하세요\ncategories: life\ntags: b c\n",
    "title: Moved\npermalink: /old/moved-here/\nredirect_from: [/x/, /y.html]\n",
    "title: Numbers\nweight: 3\ndraft: false\ntags: [3, c]\n",
    "title: Dates\ndate: 2024-01-02 10:00:00\nupdated: 2024-02-03\n",
    "title: [unclosed\n",
    "slug: own-slug\ntitle: With slug\ncategory: one\n",
    "title: Same title\naliases: /same/\n",
    "{}\n",
]


def _post(head: str) -> str:
    return f"---\n{head}---\nbody\n"


def _jekyll(root: Path) -> Site:
    (root / "_posts" / "sub").mkdir(parents=True)
    (root / "_drafts").mkdir()
    (root / "assets").mkdir()
    (root / "_config.yml").write_text("title: t\ntimezone: Asia/Seoul\n", encoding="utf-8")
    (root / "assets" / "a.png").write_bytes(b"\x89PNG")
    (root / "about.md").write_text("---\npermalink: /me/\n---\nabout\n", encoding="utf-8")
    for i in range(7):
        folder = "_posts/sub" if i % 3 == 0 else "_posts"
        (root / folder / f"2024-01-0{i + 1}-post-{i}.md").write_text(_post(HEADS[i % len(HEADS)]), encoding="utf-8")
    (root / "_drafts" / "draft.md").write_text(_post(HEADS[1]), encoding="utf-8")
    return Site.discover(root)


def _hugo(root: Path) -> Site:
    (root / "content" / "posts" / "bundle").mkdir(parents=True)
    (root / "hugo.toml").write_text('title = "t"\n[taxonomies]\ntag = "tags"\ncategory = "categories"\n',
                                    encoding="utf-8")
    (root / "content" / "posts" / "_index.md").write_text("---\ntitle: Posts\n---\n", encoding="utf-8")
    (root / "content" / "posts" / "bundle" / "index.md").write_text(_post(HEADS[0]), encoding="utf-8")
    for i in range(6):
        (root / "content" / "posts" / f"p{i}.md").write_text(_post(HEADS[(i + 2) % len(HEADS)]), encoding="utf-8")
    return Site.discover(root)


def _assert_same(facts: SiteFacts, site: Site) -> None:
    kept = ValidationContext.of(facts)
    fresh = ValidationContext.build(site, index=list(site.indexed))
    for name in FACTS:
        assert getattr(kept, name) == getattr(fresh, name), name


def _places(site: Site) -> list[str]:
    if site.generator == "hugo":
        return ["content/posts/p1.md", "content/posts/new.md", "content/posts/fresh/index.md",
                "content/posts/bundle/index.md", "content/other/q.md"]
    return ["_posts/2024-01-02-post-1.md", "_posts/2024-03-01-new.md", "_posts/sub/2024-01-01-post-0.md",
            "_posts/deeper/2024-04-01-x.md", "_drafts/draft.md", "_drafts/another.md"]


@settings(max_examples=25, deadline=None)
@given(generator=st.sampled_from(["jekyll", "hugo"]),
       steps=st.lists(st.tuples(st.integers(0, 5), st.sampled_from(HEADS + [None])), min_size=1, max_size=8))
def test_facts_kept_current_equal_facts_gathered_afresh(generator, steps) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp).resolve()
        site = (_hugo if generator == "hugo" else _jekyll)(root)
        site.index()
        facts = SiteFacts(site, list(site.indexed))
        _assert_same(facts, site)
        places = _places(site)
        for where, head in steps:
            path = root / places[where % len(places)]
            if head is None:
                path.unlink(missing_ok=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(_post(head), encoding="utf-8")
            changed, gone = site.update_posts([path])
            # The index kept up to date is the index read afresh, in its order.
            assert [str(s.path) for s in site.indexed] == Site.discover(root).post_paths()
            facts.update(changed, gone)
            _assert_same(facts, site)


def test_a_new_post_shows_in_the_facts_and_a_deleted_one_leaves(tmp_path) -> None:
    site = _jekyll(tmp_path.resolve())
    site.index()
    facts = SiteFacts(site, list(site.indexed))
    new = tmp_path.resolve() / "_posts" / "2024-05-05-fresh.md"
    new.write_text(_post("title: Fresh\ntags: [brand-new]\npermalink: /fresh-url/\n"), encoding="utf-8")
    facts.update(*site.update_posts([new]))
    context = ValidationContext.of(facts)
    assert context.vocabulary["tags"]["brand-new"] == 1
    assert {"fresh-url", "fresh", "2024-05-05-fresh"} <= context.slugs
    assert "2024-05-05-fresh" in context.post_names and "_posts/2024-05-05-fresh.md" in context.files
    new.unlink()
    facts.update(*site.update_posts([new]))
    context = ValidationContext.of(facts)
    assert "brand-new" not in context.vocabulary["tags"]
    assert not {"fresh-url", "2024-05-05-fresh"} & context.slugs
    assert "_posts/2024-05-05-fresh.md" not in context.files


def test_facts_from_a_given_folder_are_not_kept_current(tmp_path) -> None:
    from editor.core.validation.gathering import FolderFacts

    site = _jekyll(tmp_path.resolve())
    facts = SiteFacts(site, site.index(), folder=FolderFacts())
    with pytest.raises(ValueError):
        facts.update([], [])

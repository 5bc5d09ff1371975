"""Schema hints for the form: how many posts use a key, which fields a post should have."""

from __future__ import annotations

import pytest

from editor.core.site.schema import Field, Schema, suggested_fields
from editor.core.validation import SchemaError, load_schema
from validation_helpers import post


def _posts(site, n: int, folder: str = "_posts", **fields) -> None:
    for i in range(n):
        site.write(f"{folder}/2021-01-{i + 1:02d}-p{i}.md", post(**fields))


def test_uses_counts_the_posts_with_each_key_declared_or_not(jekyll):
    _posts(jekyll, 6, layout="post", image="/a.png")
    jekyll.write("_posts/2021-02-01-odd.md", post(rating=3))
    schema = load_schema(jekyll.site())
    assert schema.field("title").uses == 7  # declared by Jekyll, counted too
    assert schema.field("layout").uses == 6
    assert schema.field("image").uses == 6
    assert schema.field("rating").uses == 1
    assert schema.field("permalink").uses == 0


def test_galley_toml_recommended_and_uses(jekyll):
    jekyll.write("galley.toml", "[fields.title]\nrequired = true\n"
                                "[fields.summary]\ntype = \"text\"\nrecommended = true\n"
                                "[fields.cover]\ntype = \"image\"\n")
    _posts(jekyll, 2, cover="/c.png")
    site = jekyll.site()
    schema = load_schema(site, site.index())
    assert schema.field("summary").recommended and not schema.field("cover").recommended
    assert (schema.field("title").uses, schema.field("cover").uses, schema.field("summary").uses) \
        == (2, 2, 0)
    assert load_schema(site).field("title").uses == 0  # no index given: unknown
    jekyll.write("galley.toml", "[fields.summary]\nrecommended = \"yes\"\n")
    with pytest.raises(SchemaError, match="fields.summary.*recommended must be true or false"):
        load_schema(site)


SCHEMA = Schema(fields=(Field("title", required=True), Field("date", "datetime"),
                        Field("layout"), Field("summary", "text", recommended=True),
                        Field("image", "image"), Field("rating", "number")),
                expected={"_posts": ("layout", "title", "image"), "content/posts": ("rating",)})


def test_suggested_fields_are_the_missing_required_recommended_and_usual_ones_in_order():
    names = [f.name for f in suggested_fields(SCHEMA, "_posts/2021-01-01-a.md", ["title"])]
    assert names == ["layout", "summary", "image"]
    names = [f.name for f in suggested_fields(SCHEMA, "_drafts/a.md", [])]
    assert names == ["title", "summary"]  # the posts' habits are not the drafts'
    names = [f.name for f in suggested_fields(SCHEMA, "content/posts/a.md", ["title", "summary"])]
    assert names == ["rating"]


def test_a_hugo_section_page_gets_only_the_required_fields():
    assert [f.name for f in suggested_fields(SCHEMA, "content/posts/_index.md", [])] == ["title"]
    assert suggested_fields(SCHEMA, "content/posts/_index.md", ["title"]) == []


def test_suggestions_from_a_real_site(jekyll):
    _posts(jekyll, 6, layout="post", image="/a.png")
    schema = load_schema(jekyll.site())
    names = [f.name for f in suggested_fields(schema, "_posts/2021-03-01-new.md", ["title"])]
    assert names == ["layout", "image"]

"""load_schema: first match wins (galley.toml, generator config, inferred, default)."""

import pytest

from editor.core.validation import SchemaError, ValidationContext, load_schema
from validation_helpers import SiteBuilder, post


def test_galley_toml_wins_and_keeps_field_order(jekyll):
    jekyll.write("galley.toml", """
[fields.title]
type = "string"
required = true
description = "Shown in lists"
[fields.tags]
type = "list"
[fields.cover]
type = "object"
[fields.cover.fields.src]
type = "image"
required = true
""")
    schema = load_schema(jekyll.site())
    assert schema.source == "galley.toml" and schema.explicit
    assert [f.name for f in schema.fields] == ["title", "tags", "cover"]
    assert schema.field_at(("cover", "src")).type == "image"
    jekyll.write("galley.toml", "[fields.title]\ntype = \"strnig\"\n")
    with pytest.raises(SchemaError, match="strnig"):
        load_schema(jekyll.site())


def test_jekyll_config_defaults_future_and_collections(jekyll):
    jekyll.write("_config.yml", """title: T
future: true
baseurl: /blog
collections:
  recipes: {output: true}
defaults:
  - scope: {path: "_posts", type: posts}
    values: {layout: single, comments: true}
""")
    schema = load_schema(jekyll.site())
    assert schema.source == "jekyll" and schema.future is True and schema.baseurl == "/blog"
    assert schema.collections == ("recipes",)
    assert schema.defaults_for("_posts/2021-05-10-a.md", "posts") == {"layout": "single",
                                                                       "comments": True}
    assert schema.defaults_for("about.md", "pages") == {}
    assert schema.field("comments").type == "boolean"


def test_hugo_config_taxonomies_and_archetype(hugo):
    hugo.write("hugo.toml", 'baseURL = "https://x.org/"\nbuildFuture = true\n'
                            '[taxonomies]\ntag = "tags"\nseries = "series"\n')
    hugo.write("archetypes/default.md", '+++\ntitle = \'{{ replace .Name "-" " " | title }}\'\n'
                                        "date = {{ .Date }}\ndraft = true\nrating = 3\n+++\n")
    schema = load_schema(hugo.site())
    assert schema.source == "hugo" and schema.future is True
    assert schema.field("series").type == "list"
    assert schema.field("rating").type == "number"
    assert schema.field("date").type == "datetime"


def test_inferred_from_posts_and_default_when_too_few(tmp_path):
    site = SiteBuilder(tmp_path / "blog")
    site.write("posts/one.md", post(author="Kim"))
    assert load_schema(site.site()).source == "default"
    for i in range(5):
        site.write(f"posts/p{i}.md", post(author="Kim", tags="[a, b]"))
    schema = load_schema(site.site())
    assert schema.source == "inferred" and not schema.explicit
    assert schema.field("tags").type == "list" and schema.field("tags").inferred
    assert "author" in schema.expected["posts"]


def test_context_vocabulary_for_completion(jekyll):
    for i, tags in enumerate(["[go, rust]", "[go]", "[go, 개발]"]):
        jekyll.write(f"_posts/2021-05-1{i}-p.md", post(tags=tags, categories="dev"))
    ctx = ValidationContext.build(jekyll.site())
    assert ctx.tags[0] == "go" and set(ctx.tags) == {"go", "rust", "개발"}
    assert ctx.categories == ["dev"]

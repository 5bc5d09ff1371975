"""required-field, field-type, field-value: explicit schemas give errors, guesses warnings."""

from validation_helpers import post


def test_title_required_without_configuration(tmp_path):
    from validation_helpers import SiteBuilder

    site = SiteBuilder(tmp_path / "plain")  # no generator config: the default schema
    site.write("notes/untitled.md", post(title=None, body="text\n"))
    site.write("notes/titled.md", post(title="A title that is fine"))
    found = site.check("notes/untitled.md", "required-field")
    assert [(d.severity, d.key) for d in found] == [("error", "title")]
    assert site.check("notes/titled.md", "required-field") == []


def test_jekyll_post_without_title_is_a_warning(jekyll):
    # Jekyll makes a title from the file name, so the build does not break.
    jekyll.write("_posts/2021-05-10-no-title.md", post(title=None))
    found = jekyll.check("_posts/2021-05-10-no-title.md", "required-field")
    assert [(d.severity, d.key) for d in found] == [("warning", "title")]


def test_galley_toml_fields_give_errors_with_the_key(jekyll):
    jekyll.write("galley.toml", """
[fields.title]
type = "string"
required = true
max_length = 40
[fields.published]
type = "boolean"
[fields.layout]
choices = ["post", "page"]
[fields.slug]
pattern = "[a-z0-9-]+"
""")
    jekyll.write("_posts/2021-05-10-bad.md",
                 post(published='"false"', layout="posts", slug="Hello World"))
    jekyll.write("_posts/2021-05-10-good.md", post(published="false", layout="post", slug="hello"))
    bad = jekyll.check("_posts/2021-05-10-bad.md")
    types = [d for d in bad if d.rule == "field-type"]
    assert [(d.key, d.severity, d.line) for d in types] == [("published", "error", 3)]
    assert "write false without quotes" in types[0].fix
    values = {d.key for d in bad if d.rule == "field-value"}
    assert values == {"layout", "slug"}
    good = jekyll.check("_posts/2021-05-10-good.md")
    assert [d for d in good if d.rule in ("field-type", "field-value")] == []


def test_inferred_expectations_are_only_warnings(tmp_path):
    from validation_helpers import SiteBuilder

    site = SiteBuilder(tmp_path / "blog")  # unknown generator: schema inferred from posts
    for i in range(18):  # 18 of 20 posts: 90%, the share that makes a key expected
        site.write(f"posts/p{i}.md", post(author="Kim", tags="[go]"))
    site.write("posts/odd.md", post(tags="[go]"))
    site.write("posts/typo.md", post(autor="Kim", tags="[go]"))
    ctx = site.context()
    assert ctx.schema.source == "inferred"
    found = site.check("posts/odd.md", "required-field", ctx)
    assert [(d.severity, d.key) for d in found] == [("warning", "author")]
    typo = site.check("posts/typo.md", "required-field", ctx)
    assert len(typo) == 1 and "`autor`" in typo[0].message
    assert site.check("posts/p0.md", "required-field", ctx) == []


def test_inferred_type_mismatch_is_a_warning(tmp_path):
    from validation_helpers import SiteBuilder

    site = SiteBuilder(tmp_path / "blog")
    for i in range(10):  # 10 of 11 values are numbers: the key is a number
        site.write(f"posts/p{i}.md", post(weight=i))
    site.write("posts/odd.md", post(weight="[1, 2]"))
    found = site.check("posts/odd.md", "field-type")
    assert [(d.severity, d.key) for d in found] == [("warning", "weight")]
    assert site.check("posts/p1.md", "field-type") == []


def test_jekyll_defaults_satisfy_a_required_field(jekyll):
    jekyll.write("_config.yml", """title: T
defaults:
  - scope: {path: "", type: posts}
    values: {layout: post}
""")
    jekyll.write("galley.toml", "[fields.title]\nrequired = true\n[fields.layout]\nrequired = true\n")
    jekyll.write("_posts/2021-05-10-a.md", post())
    jekyll.write("about.md", post())
    assert jekyll.check("_posts/2021-05-10-a.md", "required-field") == []
    assert [d.key for d in jekyll.check("about.md", "required-field")] == ["layout"]

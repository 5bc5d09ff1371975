"""empty-body, title-length, excerpt-length (bounds from galley.toml)."""

from validation_helpers import post


def test_empty_body_but_not_for_a_hugo_section_page(jekyll, hugo):
    jekyll.write("_posts/2021-05-10-empty.md", post(body="\n<!-- more -->\n  \n"))
    jekyll.write("_posts/2021-05-10-full.md", post(body="Words.\n"))
    found = jekyll.check("_posts/2021-05-10-empty.md", "empty-body")
    assert [(d.line, d.severity) for d in found] == [(4, "warning")]
    assert jekyll.check("_posts/2021-05-10-full.md", "empty-body") == []
    hugo.write("content/posts/_index.md", '+++\ntitle = "All the posts here"\n+++\n')
    assert hugo.check("content/posts/_index.md", "empty-body") == []


def test_title_length_counts_hangul_as_two_columns(jekyll):
    jekyll.write("_posts/2021-05-10-long.md", post(title="가" * 36))  # 72 columns
    jekyll.write("_posts/2021-05-10-ok.md", post(title="가" * 30))  # 60 columns
    jekyll.write("_posts/2021-05-10-short.md", post(title="Hi"))
    long = jekyll.check("_posts/2021-05-10-long.md", "title-length")
    assert [(d.severity, d.key) for d in long] == [("info", "title")] and "72" in long[0].message
    assert jekyll.check("_posts/2021-05-10-ok.md", "title-length") == []
    assert len(jekyll.check("_posts/2021-05-10-short.md", "title-length")) == 1


def test_bounds_and_severity_come_from_galley_toml(jekyll):
    jekyll.write("galley.toml", '[rules.title-length]\nmax = 20\nseverity = "warning"\n'
                                '[rules]\nexcerpt-length = "off"\n')
    jekyll.write("_posts/2021-05-10-a.md", post(title="Twenty five characters!!", excerpt="short"))
    found = jekyll.check("_posts/2021-05-10-a.md")
    assert [(d.rule, d.severity) for d in found if d.rule.endswith("-length")] == [
        ("title-length", "warning")]


def test_excerpt_length(jekyll):
    jekyll.write("_posts/2021-05-10-a.md", post(description="Too short."))
    jekyll.write("_posts/2021-05-10-b.md",
                 post(description="A description that says what the post is about, in a "
                                  "sentence or two of plain words."))
    found = jekyll.check("_posts/2021-05-10-a.md", "excerpt-length")
    assert [(d.key, d.severity) for d in found] == [("description", "info")]
    assert jekyll.check("_posts/2021-05-10-b.md", "excerpt-length") == []

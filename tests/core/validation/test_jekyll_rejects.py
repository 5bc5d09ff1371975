"""What `jekyll build` rejects or drops is an error: Liquid that fails to parse, an
unknown tag, a missing include, a non-UTF-8 post, TOML or JSON front matter, and
an alias bomb on every path (the fast bulk path too)."""

from __future__ import annotations

import os

import pytest

from editor.core.validation.fastdoc import FastDocument
from validation_helpers import SiteBuilder, post


@pytest.fixture
def jekyll(tmp_path) -> SiteBuilder:
    site = SiteBuilder(tmp_path / "blog")
    site.write("_config.yml", "title: Blog\n")
    site.write("_includes/note.html", "{{ include.text }}")
    return site


def one(site, rel, rule):
    found = site.check(rel, rule)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("body, line, column, words", [
    ("para\n\nsee {{ page.title\n", 7, 5, "Variable '{{' was not properly terminated"),
    ("text\n   {% tweet 12345 %}\n", 6, 4, "Unknown tag 'tweet'"),
    ("{% highlight %}\nx\n{% endhighlight %}\n", 5, 1, "Syntax Error in tag 'highlight'"),
    ("{% for x %}y{% endfor %}\n", 5, 1, "expected in"),
    ("{% include note.html bad %}\n", 5, 1, "Invalid syntax for include tag: bad"),
    ("x {% include %}\n", 5, 3, "Invalid syntax for include tag"),
])
def test_liquid_that_fails_to_parse_stops_the_build(jekyll, body, line, column, words):
    jekyll.write("_posts/2024-01-01-a.md", post(body="\n" + body))
    found = one(jekyll, "_posts/2024-01-01-a.md", "liquid-error")
    assert found.severity == "error"
    assert found.message.startswith("jekyll build stops: ") and words in found.message
    assert "\n" not in found.message
    assert (found.line, found.column) == (line, column)


def test_missing_include_and_include_relative(jekyll):
    jekyll.write("_posts/side.txt", "beside")
    jekyll.write("_posts/2024-01-01-a.md", post(body=(
        "{% include note.html text='x' %}\n{% include_relative side.txt %}\n\n"
        "{% include nope.html a=1 %}\n{% include_relative gone.txt %}\n{% include toc %}\n")))
    found = jekyll.check("_posts/2024-01-01-a.md", "liquid-error")
    assert [(d.line, d.message) for d in found] == [
        (7, "jekyll build stops: the included file nope.html is not in _includes"),
        (8, "jekyll build stops: the included file gone.txt is not in _posts"),
    ]
    assert found[0].fix == "create _includes/nope.html, or correct the name"


def test_a_theme_may_hold_the_include(jekyll):
    jekyll.write("_config.yml", "title: Blog\ntheme: minima\n")
    jekyll.write("_posts/2024-01-01-a.md", post(body="{% include head.html %}\n"))
    assert jekyll.check("_posts/2024-01-01-a.md", "liquid-error") == []


def test_good_liquid_and_other_generators_are_quiet(jekyll, tmp_path):
    # Jekyll's Liquid reads outputs laxly and `{% else if %}` as `{% else %}`: no stop.
    jekyll.write("_posts/2024-01-01-a.md", post(body=(
        "{{ page.x | }} {{ a b }} {{ }} {{ page.x | append: 'x' 'y' }}\n"
        "{% if a %}x{% else if b %}y{% endif %}\n"
        "{% raw %}{{ not closed{% endraw %} {% if page.x %}\n\n{{ page.title | upcase }}\n\n{% endif %}\n"
        "{% highlight ruby linenos %}\nx\n{% endhighlight %}\n```\n{{ site.title }}\n```\n")))
    assert jekyll.check("_posts/2024-01-01-a.md", "liquid-error") == []
    hugo = SiteBuilder(tmp_path / "hugo")
    hugo.write("hugo.toml", "title = 'x'\n")
    hugo.write("content/posts/a.md", post(body="{{ unclosed and {% tweet %}\n"))
    assert hugo.check("content/posts/a.md", "liquid-error") == []


def test_an_unclosed_block_is_one_finding(jekyll):
    jekyll.write("_posts/2024-01-01-a.md", post(body="{% if a %}\nnever closed\n"))
    found = jekyll.check("_posts/2024-01-01-a.md")
    assert [d.rule for d in found if d.rule.startswith("liquid")] == ["liquid-unbalanced"]


def test_a_non_utf8_post_is_dropped_by_jekyll(jekyll, tmp_path):
    text = post(title="한글 제목이 충분히 길게 쓰인 글입니다", body="본문\n")
    jekyll.write("_posts/2024-01-01-k.md", text.encode("cp949"))
    found = one(jekyll, "_posts/2024-01-01-k.md", "encoding")
    assert found.severity == "error" and "Jekyll cannot read it and leaves the post out" in found.message
    other = SiteBuilder(tmp_path / "hugo")
    other.write("hugo.toml", "title = 'x'\n")
    other.write("content/posts/k.md", text.encode("cp949"))
    assert one(other, "content/posts/k.md", "encoding").severity == "warning"


@pytest.mark.parametrize("text, kind", [
    ('+++\ntitle = "A good title for a post"\n+++\nbody\n', "TOML"),
    ('{\n  "title": "A good title for a post"\n}\nbody\n', "JSON"),
])
def test_toml_or_json_front_matter_is_body_text_to_jekyll(jekyll, tmp_path, text, kind):
    jekyll.write("_posts/2024-01-01-a.md", text)
    found = one(jekyll, "_posts/2024-01-01-a.md", "front-matter-format")
    assert found.severity == "error" and f"this {kind} front matter is published as the post's text" in found.message
    hugo = SiteBuilder(tmp_path / "hugo")
    hugo.write("hugo.toml", "title = 'x'\n")
    hugo.write("content/posts/a.md", text)
    assert hugo.check("content/posts/a.md", "front-matter-format") == []


def alias_bomb() -> str:
    lines = ["---", "title: A good title for a post", 'a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 7):
        name, prev = chr(ord("a") + i), chr(ord("a") + i - 1)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    return "\n".join([*lines, "tags: *g", "---", "body", ""])


def test_the_alias_limit_holds_on_the_fast_path(jekyll):
    text = alias_bomb()
    # The bulk reader hands an aliased head to the careful reader, which counts the expansion.
    assert not isinstance(FastDocument.read(text), FastDocument)
    assert isinstance(FastDocument.read(post(body="a * b and *emphasis*\n")), FastDocument)
    jekyll.write("_posts/2024-01-01-bomb.md", text)
    found = one(jekyll, "_posts/2024-01-01-bomb.md", "front-matter-limit")
    assert "aliases repeated too often" in found.message


def test_unreadable_include_symlink_outside_the_site_still_counts(jekyll, tmp_path):
    # Jekyll reads it outside safe mode; only the preview refuses to.
    outside = tmp_path / "outside.html"
    outside.write_text("x", encoding="utf-8")
    os.symlink(outside, jekyll.root / "_includes" / "out.html")
    jekyll.write("_posts/2024-01-01-a.md", post(body="{% include out.html %}\n"))
    assert jekyll.check("_posts/2024-01-01-a.md", "liquid-error") == []

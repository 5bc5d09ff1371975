"""Liquid through python-liquid with Jekyll's tags and filters: values, control flow,
includes confined to the site, errors shown as written with their line, bounded work."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from editor.core.render import IncrementalRenderer
from editor.core.render.context import TemplateContext
from editor.core.render.liquid import MAX_LOOP_ITERATIONS, LiquidStep, render_liquid, run_liquid
from editor.core.render.model import RenderRequest, SiteInfo


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "blog"
    write(root / "_config.yml", "title: Blog\n")
    write(root / "_posts" / "2024-03-01-hello.md", "---\ntitle: Hello there\ntags: [a]\n---\nHi\n")
    write(root / "_posts" / "2024-03-02-second.md", "---\ntitle: Second\ntags: [b]\n---\nHi\n")
    write(root / "_includes" / "note.html", "[NOTE {{ include.text }}/{{ include.n }}/{{ page.title }}]")
    write(root / "about.md", "---\ntitle: About\n---\n")
    return root


def ctx_for(root: Path, **front_matter) -> TemplateContext:
    posts = tuple(sorted((root / "_posts").glob("*.md")))
    info = SiteInfo(root=root, generator="jekyll", config={"title": "Blog", "author": {"name": "Kim"}},
                    baseurl="/blog", url="https://example.com", post_files=posts)
    front_matter.setdefault("title", "The post")
    return TemplateContext(info, front_matter, root / "_posts" / "2024-03-03-this.md")


@pytest.mark.parametrize("source, expected", [
    ('{{ 0 | default: "x" }}', "0"),
    ('{{ nothing | default: "x" }}', "x"),
    ('{{ false | default: "x" }}', "x"),
    ('{{ "a,b,c" | split: "," | join: "-" }}', "a-b-c"),
    ('{{ "c,a,b" | split: "," | sort | join: "" }}', "abc"),
    ("{{ site.title }} by {{ site.author.name }}", "Blog by Kim"),
    ("{{ page.title | upcase }}", "THE POST"),
    ('{{ "/x.css" | relative_url }} {{ "/feed.xml" | absolute_url }}', "/blog/x.css https://example.com/blog/feed.xml"),
    ('{{ "2024-01-05" | date_to_string }}', "05 Jan 2024"),
    ('{{ "2024-01-05" | date_to_long_string }}', "05 January 2024"),
    ('{{ "Hello World!" | slugify }}', "hello-world"),
    ('{{ "a < b" | xml_escape }}', "a &lt; b"),
    ('{{ "one two  three" | number_of_words }}', "3"),
    ('{{ "a,b,c" | split: "," | array_to_sentence_string }}', "a, b, and c"),
    ('{{ page.list | jsonify }}', '[1,"x"]'),
    ('{% if page.title == "The post" %}yes{% else %}no{% endif %}', "yes"),
    ('{% unless page.draft %}out{% endunless %}', "out"),
    ('{% assign n = 2 | plus: 3 %}{{ n }}', "5"),
    ('{% capture c %}[{{ page.title }}]{% endcapture %}{{ c }}', "[The post]"),
    ('{% case 2 %}{% when 1 %}one{% when 2 %}two{% endcase %}', "two"),
    ('{% for i in (1..3) %}{{ i }}{% endfor %}', "123"),
    ('{% raw %}{{ kept }}{% endraw %}', "{{ kept }}"),
    ("a{% comment %} {% nonsense %} {{ {% endcomment %}b", "ab"),
    ("a  {{- 'x' -}}  b", "axb"),
    ("{{ undefined_thing }}|{{ page.none.deeper }}", "|"),
    ('{{ "x" | no_such_filter }}', "x"),  # Jekyll ignores unknown filters
])
def test_values_filters_and_control_flow(site, source, expected):
    out = run_liquid(source, ctx_for(site, list=[1, "x"]))
    assert out.problem is None, out.problem
    assert out.text == expected


def test_site_posts_where_group_by_and_sort(site):
    ctx = ctx_for(site)
    assert render_liquid("{% for p in site.posts %}{{ p.title }}={{ p.url }};{% endfor %}", ctx) == (
        "Second=/blog/2024/03/02/second.html;Hello there=/blog/2024/03/01/hello.html;")
    assert render_liquid('{{ site.posts | where: "tags", "a" | map: "title" | join: "," }}', ctx) == "Hello there"
    assert render_liquid('{{ site.posts | where_exp: "p", "p.title contains \'Sec\'" | size }}', ctx) == "1"
    assert render_liquid('{% assign g = site.posts | group_by: "title" %}{{ g | size }}', ctx) == "2"
    assert render_liquid('{{ site.posts | sort: "title" | map: "title" | join: "," }}', ctx) == "Hello there,Second"


def test_post_url_and_link(site):
    ctx = ctx_for(site)
    assert render_liquid("{% post_url 2024-03-01-hello %}", ctx) == "/blog/2024/03/01/hello.html"
    assert render_liquid("{% link about.md %}", ctx) == "/blog/about.html"
    missing = run_liquid("x\n{% post_url 2000-01-01-none %}", ctx)
    assert missing.text == "x\n{% post_url 2000-01-01-none %}"
    assert (missing.problem.line, "Could not find post" in missing.problem.message) == (2, True)


def test_include_with_parameters_from_the_includes_folder(site):
    ctx = ctx_for(site)
    assert render_liquid('{% include note.html text="hi" n=page.title %}', ctx) == "[NOTE hi/The post/The post]"
    assert render_liquid("{% include note.html text='a \\' b' %}", ctx) == "[NOTE a ' b//The post]"
    write(site / "_posts" / "side.txt", "beside {{ page.title }}")
    assert render_liquid("{% include_relative side.txt %}", ctx) == "beside The post"
    # A dynamic name, as themes write it.
    assert render_liquid("{% assign f = 'note' %}{% include {{ f }}.html text=1 %}", ctx) == "[NOTE 1//The post]"


def test_include_is_confined_to_the_site(site, tmp_path):
    ctx = ctx_for(site)
    secret = write(tmp_path / "secret.html", "SECRET")
    os.symlink(secret, site / "_includes" / "link.html")
    for source in ("{% include link.html %}", "{% include ../../secret.html %}",
                   "{% include_relative ../../secret.html %}", "{% include /etc/passwd %}"):
        out = run_liquid(source, ctx)
        assert "SECRET" not in out.text and out.problem is not None, source
        assert out.text == source
    # A symlink inside the site is fine.
    os.symlink(site / "_includes" / "note.html", site / "_includes" / "alias.html")
    assert render_liquid("{% include alias.html text=1 %}", ctx).startswith("[NOTE 1")


def test_missing_include_and_toc(site):
    ctx = ctx_for(site)
    out = run_liquid("one\n\n{% include nothing.html %}", ctx)
    assert out.problem is not None and out.problem.line == 3 and "nothing.html" in out.problem.message
    assert out.text == "one\n\n{% include nothing.html %}"
    assert 'class="galley-toc"' in render_liquid("{% include toc %}", ctx)


def test_recursive_include_and_huge_loops_are_bounded(site):
    ctx = ctx_for(site)
    write(site / "_includes" / "self.html", "x{% include self.html %}")
    started = time.perf_counter()
    out = run_liquid("{% include self.html %}", ctx)
    assert out.problem is not None and out.text == "{% include self.html %}"
    loop = run_liquid(f"{{% for i in (1..{MAX_LOOP_ITERATIONS * 10}) %}}x{{% endfor %}}", ctx)
    assert loop.problem is not None
    nested = run_liquid("{% for a in (1..1000) %}{% for b in (1..1000) %}x{% endfor %}{% endfor %}", ctx)
    assert nested.problem is not None
    assert time.perf_counter() - started < 5


def test_errors_leave_the_text_as_written_with_their_line(site):
    ctx = ctx_for(site)
    for source, line, column, words in [
        ("ok\nsee {{ page.title", 2, 5, "not properly terminated"),
        ("a\nb\n  {% tweet 1 %}", 3, 3, "Unknown tag 'tweet'"),
        ("{% if x %}never closed", 1, 1, "endif"),
        ("{% highlight %}x{% endhighlight %}", 1, 1, "highlight"),
    ]:
        out = run_liquid(source, ctx)
        assert out.text == source
        assert (out.problem.line, out.problem.column) == (line, column), out.problem
        assert words in out.problem.message


def test_only_the_failing_block_shows_as_written(site):
    out = run_liquid("{{ page.title }}\n\n{% tweet 1 %}\n\n{{ site.title }}", ctx_for(site))
    assert out.text == "The post\n\n{% tweet 1 %}\n\nBlog"
    assert out.problem.line == 3


def test_highlight_writes_jekylls_rouge_markup_as_a_block_and_keeps_what_follows(site):
    out = render_liquid("{% highlight Ruby linenos %}\nx = {{ 1 | plus: 1 }}\n{% endhighlight %}\nafter", ctx_for(site))
    assert out.startswith('\n\n<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">'
                          '<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1&#10;</pre>')
    assert '<span class="n">x</span> <span class="o">=</span> <span class="mi">2</span>&#10;</pre>' in out
    assert out.endswith("</table></code></pre></figure>\n\n\nafter")


@pytest.mark.parametrize("hostile", [
    "word {{ x " * 4_000,            # 40 KB paragraph of unclosed output
    "{{" * 20_000,                   # python-liquid's own lexer takes a minute on this
    "{% x " * 8_000,
    "{{ {{ }" * 6_000,
    "{% if a %}" * 5_000,
    "{{ a }}" * 6_000,
])
def test_rendering_is_linear(site, hostile):
    ctx = ctx_for(site)
    started = time.perf_counter()
    run_liquid(hostile, ctx)
    run_liquid(hostile + "x", ctx)  # not from the cache
    assert time.perf_counter() - started < 2.0


def test_a_variable_assigned_in_one_block_is_seen_by_the_others(site):
    info = ctx_for(site).site
    renderer = IncrementalRenderer(info)
    body = "{% capture note %}**bold**{% endcapture %}\n\nOne: {{ note }}\n\n{% assign who = 'Kim' %}\n\nBy {{ who }}."
    html = renderer.render(RenderRequest(body=body, site=info, front_matter={"title": "t"})).full_html
    assert "<strong>bold</strong>" in html and "By Kim." in html
    edited = body.replace("'Kim'", "'Lee'")
    html = renderer.render(RenderRequest(body=edited, site=info, front_matter={"title": "t"})).full_html
    assert "By Lee." in html and "By Kim." not in html


def test_liquid_step_reports_a_change_of_assignments_only():
    step = LiquidStep()
    ctx = TemplateContext(SiteInfo(generator="jekyll"), {}, None)
    assert step.prepare("plain", ctx) is False
    assert step.prepare("{% assign a = 1 %}", ctx) is True
    assert step.prepare("{% assign a = 1 %}\n\nmore text", ctx) is False
    assert step("{{ a }}", ctx) == "1"
    assert step.prepare("no more", ctx) is True
    assert step("{{ a }}", ctx) == ""

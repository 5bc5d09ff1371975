"""html-unclosed-tag and liquid-unbalanced, at the opening tag."""

from validation_helpers import post


def test_unclosed_div_at_its_opening_tag(jekyll):
    body = "Intro.\n\n<div class=\"note\">\nA note.\n\nMore text.\n"
    jekyll.write("_posts/2021-05-10-a.md", post(body=body))
    found = jekyll.check("_posts/2021-05-10-a.md", "html-unclosed-tag")
    assert [(d.line, d.column, d.severity) for d in found] == [(6, 1, "warning")]
    assert found[0].fix == "add </div>"


def test_closed_void_optional_and_code_tags_are_fine(jekyll):
    body = ("<div><p>para<br><img src=x.png></div>\n\n<ul><li>one<li>two</ul>\n\n"
            "Rust `Vec<String>` and `<div>` in code.\n\n```html\n<section>\n```\n\n"
            "    <table>\n\n<!-- <span> -->\nVec<T> is generic.\n")
    jekyll.write("_posts/2021-05-10-b.md", post(body=body))
    assert jekyll.check("_posts/2021-05-10-b.md", "html-unclosed-tag") == []


def test_typo_in_end_tag_leaves_the_element_open(jekyll):
    body = '* 추천 <progress min="0" max="100" value="80"></progesss>\n'
    jekyll.write("_posts/2021-05-10-c.md", post(body=body))
    found = jekyll.check("_posts/2021-05-10-c.md", "html-unclosed-tag")
    assert [(d.line, d.column) for d in found] == [(4, 6)]


def test_liquid_block_without_end_at_its_opening_tag(jekyll):
    body = "Hello\n{% if page.show %}\nshown\n{% for x in site.posts %}{{ x }}{% endfor %}\n"
    jekyll.write("_posts/2021-05-10-a.md", post(body=body))
    found = jekyll.check("_posts/2021-05-10-a.md", "liquid-unbalanced")
    assert [(d.line, d.column, d.severity) for d in found] == [(5, 1, "error")]
    assert "endif" in found[0].fix


def test_balanced_liquid_raw_and_code_blocks(jekyll):
    body = ("{% if a %}x{% elsif b %}y{% else %}z{% endif %}\n"
            "{% raw %}{% if never closed %}{% endraw %}\n"
            "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n"
            "{% capture c %}x{% endcapture %}{% comment %}{% for %}{% endcomment %}\n")
    jekyll.write("_posts/2021-05-10-b.md", post(body=body))
    assert jekyll.check("_posts/2021-05-10-b.md", "liquid-unbalanced") == []


def test_liquid_stray_end_tag_and_not_for_hugo(jekyll, hugo):
    jekyll.write("_posts/2021-05-10-c.md", post(body="text {% endif %}\n"))
    found = jekyll.check("_posts/2021-05-10-c.md", "liquid-unbalanced")
    assert len(found) == 1 and "never opened" in found[0].message
    # Zola/Hugo shortcodes use {% %} differently: Liquid rules do not apply.
    hugo.write("content/posts/a.md", '+++\ntitle = "A long enough title"\n+++\n{% if x %}\n')
    assert hugo.check("content/posts/a.md", "liquid-unbalanced") == []


def test_html_in_liquid_branches_is_not_counted(jekyll):
    body = '{% if page.wide %}<div class="wide">{% else %}<div>{% endif %}\nText\n</div>\n'
    jekyll.write("_posts/2021-05-10-d.md", post(body=body))
    assert jekyll.check("_posts/2021-05-10-d.md", "html-unclosed-tag") == []
    jekyll.write("_posts/2021-05-10-e.md", post(body="{% if a %}<div>{% endif %}\nText\n"))
    assert len(jekyll.check("_posts/2021-05-10-e.md", "html-unclosed-tag")) == 1

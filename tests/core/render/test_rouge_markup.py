"""Jekyll's highlight tag markup (Rouge's structure), checked against what
`jekyll build` wrote (tests/goldens/jekyll/liquid_highlight.html holds the
whole document; these are the rules one by one)."""

from __future__ import annotations

from editor.core.render.rouge_markup import highlight_html


def test_plain_figure_with_the_language_named_twice() -> None:
    assert highlight_html("\n\nx  \n\n", "Text") == (
        '<figure class="highlight"><pre><code class="language-text" data-lang="text">x  </code></pre></figure>')


def test_line_numbers_are_rouges_table() -> None:
    out = highlight_html("a\nb", "nosuchlang", linenos=True)
    assert out == ('<figure class="highlight"><pre><code class="language-nosuchlang" data-lang="nosuchlang">'
                   '<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1\n2\n</pre></td>'
                   '<td class="code"><pre>a\nb\n</pre></td></tr></tbody></table></code></pre></figure>')


def test_tokens_are_spans_of_short_classes_merged_and_whitespace_bare() -> None:
    out = highlight_html("def f(x):\n    return 'a' + 1", "python")
    assert ('<span class="k">def</span> <span class="nf">f</span><span class="p">(</span><span class="n">x</span>'
            '<span class="p">):</span>\n    <span class="k">return</span>') in out
    assert '<span class="s1">\'a\'</span>' in out and '<span class="mi">1</span>' in out
    assert 'class="w"' not in out


def test_a_plus_in_the_language_is_a_dash_in_the_class_and_code_is_escaped() -> None:
    out = highlight_html("<b>&</b>", "c++")
    assert 'class="language-c--" data-lang="c++"' in out and "<b>" not in out and "&lt;" in out

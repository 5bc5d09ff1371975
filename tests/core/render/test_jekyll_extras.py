"""Without Ruby a Jekyll post renders through Python-Markdown with kramdown's
small behaviours writers meet most (editor/core/render/jekyll_extras.py and
the Rouge code block markup in markdown_pipeline.py)."""

from __future__ import annotations

from editor.core.render.markdown_pipeline import MarkdownPipeline


def _html(text: str, generator: str = "jekyll") -> str:
    return MarkdownPipeline(generator).convert(text).html


def test_kramdowns_escapes_and_backslash_hard_break() -> None:
    assert _html(r"\$ \= \: \< and \*") == "<p>$ = : &lt; and *</p>"
    assert _html("line\\\nnext") == "<p>line<br>\nnext</p>"
    assert "\\$" in _html(r"\$", "unknown")  # other sites keep Python-Markdown's escapes


def test_a_heading_keeps_a_hash_right_after_its_text() -> None:
    assert _html("## C#") == '<h2 id="\ue000H0\ue001">C#</h2>'
    assert _html("## Closed ##") == '<h2 id="\ue000H0\ue001">Closed</h2>'
    assert "C#" in _html("```\n## C#\n```")


def test_task_lists_code_and_tables_carry_kramdowns_markup() -> None:
    tasks = _html("- [ ] to do\n- [x] done\n- plain")
    assert '<li class="task-list-item"><input class="task-list-item-checkbox" type="checkbox" disabled/>to do</li>' \
        in tasks and '<li class="task-list-item">plain</li>' in tasks
    assert _html("Use `x`.") == '<p>Use <code class="language-plaintext highlighter-rouge">x</code>.</p>'
    fence = _html("```python\ndef f(): pass\n```\n\n```\nplain\n```")
    assert fence.startswith('<div class="language-python highlighter-rouge"><div class="highlight">'
                            '<pre class="highlight"><code><span class="k">def</span> <span class="nf">f</span>')
    assert '<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight">' \
           "<code>plain\n</code></pre></div></div>" in fence
    assert 'style="text-align: right"' in _html("| a |\n|--:|\n| 1 |")


def test_math_is_kramdowns_mathjax_text() -> None:
    assert _html("Inline $$a*b_c$$ here.") == r"<p>Inline \(a*b_c\) here.</p>"
    assert _html("$$\nx < y\n$$") == r"\[x &lt; y\]"
    assert _html("Before.\n\n$$a*b$$\n\nAfter.") == "<p>Before.</p>\n\\[a*b\\]\n<p>After.</p>"
    # Code keeps its dollars; other sites keep Python-Markdown's reading.
    assert "$$x$$" in _html("`$$x$$`") and "$$x$$" in _html("    $$x$$")
    assert "<em>" in _html("$$a*b*c$$", "unknown")


def test_abbreviations_and_angle_quotes_are_kramdowns() -> None:
    html = _html("The HTML spec.\n\n*[HTML]: Hyper Text Markup Language")
    assert html == '<p>The <abbr title="Hyper Text Markup Language">HTML</abbr> spec.</p>'
    assert _html("<< a >> and <<b>>") == "<p>&laquo; a &raquo; and &laquo;b&raquo;</p>"


def test_a_body_defining_an_abbreviation_is_one_block() -> None:
    body = "HTML first.\n\nThen more.\n\n*[HTML]: Hyper Text"
    assert len(MarkdownPipeline("jekyll").split(body)) == 1
    assert len(MarkdownPipeline("unknown").split(body)) == 3


def test_abbreviations_read_as_python_markdowns_own() -> None:
    # bounded.py's linear abbreviation pass against Python-Markdown's.
    import markdown

    body = ("HTML and W3C, *HTML* in HTML.\n\n> HTML [HTML](x) `HTML`\n\n- HTML\n- a W3C b HTML c\n\n"
            "*[HTML]: Hyper Text\n*[W3C]: Web")
    stock = markdown.Markdown(extensions=["abbr"]).convert(body)
    ours = MarkdownPipeline("jekyll").convert(body).html
    assert stock.count("<abbr") == ours.count("<abbr") == 9
    assert '<a href="x"><abbr title="Hyper Text">HTML</abbr></a>' in ours


def test_rows_without_a_header_are_kramdowns_table_body() -> None:
    assert _html("a | b | c") == "<table>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n<td>c</td>\n</tr>\n</tbody>\n</table>"
    two = _html("| x | `a|b` |\n| y |")
    assert two.count("<tr>") == 2 and "<code" in two and two.count("<td>") == 4  # rows padded to the widest
    # Not rows: a heading, prose without a pipe on every line, other sites.
    assert "<table" not in _html("# h | x") and "<table" not in _html("a | b\nno pipe")
    assert "<table" not in _html("a | b", "unknown")

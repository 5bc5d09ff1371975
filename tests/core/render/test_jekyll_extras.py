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

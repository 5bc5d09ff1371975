"""Rules never crash on odd input: arbitrary text, through a real Document, yields no
internal-error (a crashing rule would show up as one)."""

from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.post.document import Document
from editor.core.validation import ValidationContext, validate_document
from editor.core.validation.runner import validate_bytes

PIECES = st.sampled_from([
    "---\n", "+++\n", "{", "}", "title: x\n", "tags: [a, b]\n", "date: 2021-13-45\n",
    "image: /a.png\n", "<div>", "</div>", "<p>", "{% if x %}", "{% endif %}", "{% raw %}",
    "```\n", "~~~\n", "    code\n", "`", "[a](/b/)", "![i](c.png)", "{{< figure src=x >}}",
    "\r\n", "\r", "\n", "가", "\t", "- ", "? ", "&a", "*x", "!!str ", "%", ":", "\"", "'",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40))
def test_no_rule_crashes_on_odd_text(pieces):
    text = "".join(pieces)
    # A Jekyll site with a root, so the link, image and Liquid rules run too.
    ctx = ValidationContext(root=Path("/site"), generator="jekyll",
                            vocabulary={"tags": Counter({"a": 2})})
    found = validate_document(Document.from_text(text, path="/site/_posts/2021-05-10-x.md"), ctx)
    assert [d for d in found if d.rule == "internal-error"] == []
    bulk = validate_bytes(text.encode("utf-8", "surrogatepass"), "/site/_posts/2021-05-10-x.md",
                          ctx)
    assert [d for d in bulk if d.rule == "internal-error"] == []


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_no_rule_crashes_on_odd_bytes(data):
    found = validate_bytes(data, "/site/_posts/2021-05-10-x.md", ValidationContext())
    assert [d for d in found if d.rule == "internal-error"] == []

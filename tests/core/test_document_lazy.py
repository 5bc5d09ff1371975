"""A Document parses its front matter on first use, not when it is read.

The window shows a post's body before anything asks for its front matter
(start-up paints the text first), so opening must not need the YAML/TOML
libraries; everything that does ask must see what an eager parse gave.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from editor.core.post.document import Document

POST = "---\ntitle: \"첫 글\"\ntags: [a, b]  # keep me\n---\n\n본문입니다.\n"
BROKEN = "---\ntitle: ok\ntags: [a, b\nlayout: post\n---\n\n본문.\n"


def test_reading_a_post_and_its_body_does_not_load_the_yaml_library():
    code = textwrap.dedent(f"""
        import sys
        from editor.core.post.document import Document
        doc = Document.from_bytes({POST.encode()!r}, path="p.md")
        assert doc.body == "\\n본문입니다.\\n", doc.body
        assert doc.body_line == 5, doc.body_line
        assert doc.front_matter_text == {POST.split("---")[1][1:]!r}
        assert doc.to_bytes() == {POST.encode()!r}
        print("before", "yaml" in sys.modules)
        print("title", doc.front_matter["title"])
        print("after", "yaml" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:3] == ["before False", "title 첫 글", "after True"]


def test_a_front_matter_error_found_late_has_its_line_in_the_file():
    doc = Document.from_text(BROKEN, path="broken.md")
    assert doc.body == "\n본문.\n"  # the body is there before anything is parsed
    error = doc.front_matter_error
    assert error is not None and error.path == "broken.md"
    # File line 4, column 7: where YAML finds that line 3's `[` was never closed.
    assert (error.line, error.column) == (4, 7)
    assert doc.front_matter == {}
    assert doc.to_bytes() == BROKEN.encode()


def test_an_edit_before_anything_was_read_changes_only_its_line():
    doc = Document.from_text(POST)
    assert doc.set("title", "둘째 글")
    assert doc.text == POST.replace('"첫 글"', '"둘째 글"')
    assert doc.get("tags") == ["a", "b"]

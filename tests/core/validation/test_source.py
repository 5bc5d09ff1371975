"""Encoding, binary files, missing/unclosed front matter, parse errors at file positions."""

from editor.core.post.document import Document
from editor.core.validation import validate_document

from validation_helpers import post


def test_encoding_warns_for_legacy_korean_and_not_for_utf8(jekyll, hugo):
    text = post(title="한국어 제목입니다 정말로", body="본문입니다. 한국어로 쓴 글.\n")
    hugo.write("content/posts/cp949.md", text.encode("cp949"))
    found = hugo.check("content/posts/cp949.md", "encoding")
    assert [d.severity for d in found] == ["warning"]
    assert "cp949" in found[0].message
    # Jekyll cannot read it at all and leaves it out: an error there.
    jekyll.write("_posts/2021-05-10-cp949.md", text.encode("cp949"))
    jekyll.write("_posts/2021-05-10-utf8.md", text)
    found = jekyll.check("_posts/2021-05-10-cp949.md", "encoding")
    assert [d.severity for d in found] == ["error"] and "cp949" in found[0].message
    assert jekyll.check("_posts/2021-05-10-utf8.md", "encoding") == []


def test_binary_file_is_an_error(jekyll):
    jekyll.write("_posts/2021-05-10-image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    jekyll.write("_posts/2021-05-10-text.md", post())
    found = jekyll.check("_posts/2021-05-10-image.md")
    assert [(d.rule, d.severity) for d in found] == [("binary-file", "error")]
    assert jekyll.check("_posts/2021-05-10-text.md", "binary-file") == []


def test_front_matter_missing_only_in_posts_folders(jekyll):
    jekyll.write("_posts/2021-05-10-bare.md", "Just text, no front matter.\n")
    jekyll.write("notes/bare.md", "Just text, no front matter.\n")
    jekyll.write("_posts/2021-05-10-ok.md", post())
    found = jekyll.check("_posts/2021-05-10-bare.md", "front-matter-missing")
    assert len(found) == 1 and found[0].severity == "warning"
    assert jekyll.check("notes/bare.md", "front-matter-missing") == []
    assert jekyll.check("_posts/2021-05-10-ok.md", "front-matter-missing") == []


def test_front_matter_unclosed_is_reported_at_the_opening_delimiter(jekyll):
    jekyll.write("_posts/2021-05-10-open.md", "---\ntitle: Open\n\nBody without a closer.\n")
    found = jekyll.check("_posts/2021-05-10-open.md", "front-matter-unclosed")
    assert [(d.line, d.column, d.severity) for d in found] == [(1, 1, "error")]
    jekyll.write("_posts/2021-05-10-closed.md", "---\ntitle: Closed\n---\nBody.\n")
    assert jekyll.check("_posts/2021-05-10-closed.md", "front-matter-unclosed") == []


def test_yaml_syntax_error_at_the_file_position_with_a_hint(jekyll):
    # Line 2 misses the space after the colon; YAML stops on line 3.
    jekyll.write("_posts/2021-05-10-bad.md", "---\nlayout:post\ntitle: First: Blog\n---\nx\n")
    found = jekyll.check("_posts/2021-05-10-bad.md", "yaml-syntax")
    assert len(found) == 1
    assert found[0].line == 3 and found[0].severity == "error"
    assert "`layout:` on line 2" in found[0].fix
    jekyll.write("_posts/2021-05-10-good.md", "---\nlayout: post\ntitle: \"First: Blog\"\n---\nx\n")
    assert jekyll.check("_posts/2021-05-10-good.md", "yaml-syntax") == []


def test_toml_and_json_syntax_errors_are_located(hugo):
    hugo.write("content/posts/bad.md", '+++\ntitle = "A"\ndate = \n+++\nbody\n')
    hugo.write("content/posts/bad-json.md", '{\n  "title": "A",\n  "tags": [1,,2]\n}\nbody\n')
    hugo.write("content/posts/good.md", '+++\ntitle = "A good enough title"\n+++\nbody\n')
    toml = hugo.check("content/posts/bad.md", "toml-syntax")
    assert len(toml) == 1 and toml[0].line == 3
    js = hugo.check("content/posts/bad-json.md", "json-syntax")
    assert len(js) == 1 and js[0].line == 3
    assert hugo.check("content/posts/good.md", "toml-syntax") == []


def test_unsafe_yaml_tag_is_an_error(jekyll):
    jekyll.write("_posts/2021-05-10-tag.md",
                 "---\ntitle: !!python/object/apply:os.system ['true']\n---\nx\n")
    found = jekyll.check("_posts/2021-05-10-tag.md", "unsafe-yaml-tag")
    assert [(d.line, d.severity) for d in found] == [(2, "error")]
    jekyll.write("_posts/2021-05-10-plain.md", "---\ntitle: !!str 10\n---\nx\n")
    assert jekyll.check("_posts/2021-05-10-plain.md", "unsafe-yaml-tag") == []


def test_duplicate_key_at_the_second_occurrence(jekyll):
    text = "---\ntitle: One title here\nlayout: post\ntitle: Two\n---\nbody\n"
    jekyll.write("_posts/2021-05-10-dup.md", text)
    found = jekyll.check("_posts/2021-05-10-dup.md", "duplicate-key")
    assert [(d.line, d.severity) for d in found] == [(4, "error")]
    # The window's path (a Document) finds the same thing at the same place.
    doc = Document.from_bytes(text.encode(), path=str(jekyll.root / "_posts/2021-05-10-dup.md"))
    window = [d for d in validate_document(doc, jekyll.context()) if d.rule == "duplicate-key"]
    assert [(d.line, d.column) for d in window] == [(d.line, d.column) for d in found]
    jekyll.write("_posts/2021-05-10-nested.md",
                 "---\ntitle: Nested keys\na:\n  x: 1\nb:\n  x: 2\n---\nbody\n")
    assert jekyll.check("_posts/2021-05-10-nested.md", "duplicate-key") == []

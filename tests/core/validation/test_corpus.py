"""The whole corpus (each repository folder as a site): nothing crashes, and the real
problems in it are found where they are."""

from collections import Counter
from pathlib import Path

import pytest

from editor.core.site.scan import scan_folder
from editor.core.validation import validate_paths

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"


@pytest.fixture(scope="module")
def findings():
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (../shared/corpus next to the checkout)")
    files = [f for repo in sorted(CORPUS.iterdir()) if repo.is_dir() for f in scan_folder(repo)]
    return files, validate_paths(files, jobs=2)


def test_every_post_is_validated_without_internal_errors(findings):
    files, found = findings
    assert len(files) >= 240  # ~245 posts Jekyll or Hugo builds, in 15 repositories
    assert [d for d in found if d.rule == "internal-error"] == []


def test_known_real_problems_are_found_in_place(findings):
    _files, found = findings
    by = {(Path(d.path).name, d.rule): d for d in found}
    yaml = by[("2013-12-12-first-blog.md", "yaml-syntax")]  # `layout:post` on line 2
    assert (yaml.line, yaml.column) == (4, 9) and "line 2" in yaml.fix
    typo = by[("2014-01-02-book-kcj.md", "html-unclosed-tag")]  # </progesss>
    assert typo.line == 25
    assert ("2124-11-02-Leetcode150_Day0.md", "future-date") in by


def test_no_errors_beyond_the_broken_front_matter(findings):
    _files, found = findings
    errors = Counter((Path(d.path).name, d.rule) for d in found if d.severity == "error")
    assert errors == Counter({("2013-12-12-first-blog.md", "yaml-syntax"): 1})


def test_fast_reading_agrees_with_the_document_on_every_corpus_post():
    from editor.core.post.document import Document
    from editor.core.post.encoding import decode
    from editor.core.post.errors import DecodeError
    from editor.core.validation.fastdoc import FastDocument

    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    checked = 0
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix not in (".md", ".markdown", ".mmark", ".text"):
            continue
        try:
            text = decode(path.read_bytes()).text
        except DecodeError:
            continue
        fast = FastDocument.read(text, path=str(path))
        doc = Document.from_text(text, path=str(path))
        assert fast.front_matter == doc.front_matter, path
        assert fast.body_line == doc.body_line, path
        for key in doc.front_matter:
            assert fast.key_location(key) == doc.key_location(key), (path, key)
            checked += 1
    assert checked > 1000

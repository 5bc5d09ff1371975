"""Renaming and merging taxonomy terms across real post files, and undoing it."""

from __future__ import annotations

import os

import pytest

from editor.core.site import bulk_edit
from editor.core.site.site import Site

BLOCK = (b"---\r\ntitle: \"Block \xea\xb8\x80\"  # kept\r\ntags:\r\n  - old\r\n  - keep   # note\r\n"
         b"categories: [x, old]\r\n---\r\nbody mentions old\r\n")
FLOW = b"---\ntitle: Flow\ntags: [ a, 'old', c ]   # flow\n---\n\nold text\n"
SCALAR = b"---\ntitle: Scalar\ntags: first old last\ncategory: old\n---\nold\n"
MERGE = b"---\ntitle: Merge\ntags:\n  - old\n  - new\n  - other\n---\n"
UNTOUCHED = b"---\ntitle: Other\ntags: [older, bold]\n---\nold\n"
TOML = b"+++\ntitle = 'T'\ntags = [\n  \"old\",   # one\n  \"z\",\n]\ndraft = true\n+++\nold\n"


@pytest.fixture
def jekyll(tmp_path):
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\n")
    files = {}
    for name, data in (("block", BLOCK), ("flow", FLOW), ("scalar", SCALAR), ("merge", MERGE),
                       ("untouched", UNTOUCHED)):
        path = site / "_posts" / f"2024-01-01-{name}.md"
        path.write_bytes(data)
        files[name] = path
    return site, files


def rename(site, taxonomy, old, new):
    s = Site.discover(site)
    return bulk_edit.plan_rename(s.post_files(), s.generator, taxonomy, old, new)


def test_rename_changes_only_the_term_lines(jekyll):
    site, files = jekyll
    edits, refused = rename(site, "tags", "old", "new")
    assert refused == []
    by_name = {e.path.stem.split("-")[-1]: e for e in edits}
    assert set(by_name) == {"block", "flow", "scalar", "merge"}
    journal = bulk_edit.apply(edits)
    assert journal.refused == []
    assert files["block"].read_bytes() == BLOCK.replace(b"  - old\r\n", b"  - new\r\n")
    assert files["flow"].read_bytes() == FLOW.replace(b"'old'", b"'new'")
    assert files["scalar"].read_bytes() == SCALAR.replace(b"first old last", b"first new last")
    # `new` was already there: a merge, one `new` left.
    assert files["merge"].read_bytes() == MERGE.replace(b"  - old\n", b"")
    assert files["untouched"].read_bytes() == UNTOUCHED
    # The preview names the line and both texts.
    assert [(c.line, c.before, c.after) for c in by_name["block"].changes] == [(4, "  - old", "  - new")]
    assert [(c.line, c.before, c.after) for c in by_name["merge"].changes] == [(4, "  - old", "")]


def test_rename_category_in_list_and_scalar(jekyll):
    site, files = jekyll
    edits, _ = rename(site, "categories", "old", "essays")
    bulk_edit.apply(edits)
    assert files["block"].read_bytes() == BLOCK.replace(b"[x, old]", b"[x, essays]")
    assert files["scalar"].read_bytes() == SCALAR.replace(b"category: old", b"category: essays")


def test_toml_post(tmp_path):
    site = tmp_path / "hugo"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "hugo.toml").write_text("title = 't'\n")
    path = site / "content" / "posts" / "p.md"
    path.write_bytes(TOML)
    edits, refused = rename(site, "tags", "old", "새 태그")
    assert refused == []
    bulk_edit.apply(edits)
    assert path.read_bytes() == TOML.replace(b'"old"', '"새 태그"'.encode())


def test_undo_restores_bytes_and_refuses_a_changed_file(jekyll):
    site, files = jekyll
    before = {name: p.read_bytes() for name, p in files.items()}
    journal = bulk_edit.apply(rename(site, "tags", "old", "new")[0])
    assert len(journal.entries) == 4
    files["flow"].write_bytes(b"---\ntitle: edited by hand\n---\n")
    done = bulk_edit.undo(journal)
    assert [r.path for r in done.refused] == [files["flow"]]
    assert "changed on disk" in done.refused[0].format()
    for name in ("block", "scalar", "merge", "untouched"):
        assert files[name].read_bytes() == before[name]
    assert files["flow"].read_bytes() == b"---\ntitle: edited by hand\n---\n"


def test_a_file_changed_after_the_preview_is_refused(jekyll):
    site, files = jekyll
    edits, _ = rename(site, "tags", "old", "new")
    files["block"].write_bytes(BLOCK + b"more\r\n")
    stat = files["block"].stat()
    os.utime(files["block"], ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    journal = bulk_edit.apply(edits)
    assert [r.path for r in journal.refused] == [files["block"]]
    assert files["block"].read_bytes() == BLOCK + b"more\r\n"
    assert files["flow"].read_bytes() == FLOW.replace(b"'old'", b"'new'")


def test_bad_names_and_bad_files(jekyll):
    site, files = jekyll
    with pytest.raises(ValueError):
        rename(site, "tags", "old", "")
    with pytest.raises(ValueError):
        rename(site, "tags", "old", "two words")
    files["flow"].write_bytes(b"---\ntags: [old\n---\n")
    edits, refused = rename(site, "tags", "old", "new")
    assert [r.path for r in refused] == [files["flow"]]
    assert ":" in refused[0].format()

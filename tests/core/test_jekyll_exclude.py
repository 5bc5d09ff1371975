"""A Jekyll site's `exclude` and `include`, applied as Jekyll 4.3 applies them
(its EntryFilter): the posts listed are the ones Jekyll reads, checked against
Jekyll's own reader when it is installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.core.site.site import Site

CONFIG = """\
exclude:
  - docs            # a prefix: docs/ and docs-old/ both
  - "*.tmp.md"      # `*` crosses folders
  - _posts/secret/
  - ko/news/_drafts
include:
  - _pages
  - _posts/_kept.md
"""

#: Every file made, and whether Jekyll reads it as a post or draft.
FILES = {
    "_posts/2020-01-01-a.md": True,
    "_posts/sub/2020-01-02-b.md": True,
    "_posts/2020-01-03-c.tmp.md": False,          # *.tmp.md
    "_posts/secret/2020-01-04-d.md": False,       # _posts/secret/
    "_posts/_2020-01-05-e.md": False,             # special name
    "_posts/_kept.md": False,                     # special; `include` names the path from the site, not _posts
    "_posts/2020-01-06-f.md~": False,             # a backup (and no post extension)
    "docs/_posts/2020-01-07-g.md": False,         # excluded folder: not walked
    "docs-old/_posts/2020-01-08-h.md": False,     # `docs` is a prefix of it
    "_hidden/_posts/2020-01-09-i.md": False,      # a special folder is not read
    "_pages/_posts/2020-01-10-j.md": True,        # ... unless included
    "ko/news/_posts/2020-01-11-k.md": True,
    "ko/news/_drafts/l.md": False,                # excluded by its path
    "en/news/_drafts/m.md": True,
    "node_modules/_posts/2020-01-12-n.md": False,  # Jekyll's default excludes
}


@pytest.fixture
def site_root(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "_config.yml").write_text(CONFIG, encoding="utf-8")
    for rel in FILES:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\ntitle: T\n---\nbody\n", encoding="utf-8")
    return root


def _listed(root: Path) -> list[str]:
    return sorted(os.path.relpath(p, root) for p in Site.discover(root).post_paths())


def test_exclude_and_include_decide_the_posts(site_root):
    assert _listed(site_root) == sorted(rel for rel, read in FILES.items() if read)


def test_a_file_reported_by_the_watcher_is_judged_the_same_way(site_root):
    site = Site.discover(site_root)
    for rel, read in FILES.items():
        if rel.endswith("~"):
            continue
        assert site.is_post_path(site_root / rel) is read, rel


def test_without_exclude_every_post_folder_is_read(tmp_path):
    root = tmp_path / "site"
    (root / "docs" / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (root / "docs" / "_posts" / "2020-01-01-a.md").write_text("---\n---\n", encoding="utf-8")
    assert _listed(root) == ["docs/_posts/2020-01-01-a.md"]


READER = r"""
require "jekyll"
require "json"
conf = Jekyll.configuration("source" => ARGV[0], "destination" => File.join(ARGV[0], "_site"), "quiet" => true,
                            "disable_disk_cache" => true, "show_drafts" => true, "future" => true)
site = Jekyll::Site.new(conf)
site.reader.read
puts JSON.generate(site.posts.docs.map(&:path))
"""


def test_jekyll_reads_the_same_posts(site_root):
    ruby = shutil.which("ruby")
    if ruby is None or subprocess.run([ruby, "-e", "require 'jekyll'"], capture_output=True).returncode != 0:
        pytest.skip("Jekyll is not installed (ruby with the jekyll gem)")
    done = subprocess.run([ruby, "-e", READER, str(site_root)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    read = sorted(os.path.relpath(p, site_root) for p in json.loads(done.stdout.splitlines()[-1]))
    assert _listed(site_root) == read

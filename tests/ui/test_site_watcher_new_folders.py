"""Post folders made while a site is open are watched: a `_drafts` made by
Make Draft (or by hand), a Hugo `content/` made after the site opened. Real
files, real watchdog events."""

from __future__ import annotations

import os
import shutil

import pytest

from editor.core.site.site import Site
from editor.ui.disk.file_watcher import SiteWatcher

TIMEOUT = 5000


@pytest.fixture
def site_watcher(qtbot):
    w = SiteWatcher(quiet_ms=60)
    yield w
    w.close()


def _jekyll(tmp_path):
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\nexclude: [notes]\n", encoding="utf-8")
    (root / "_posts" / "2024-01-01-a.md").write_text("---\ntitle: A\n---\n", encoding="utf-8")
    site = Site.discover(root)
    site.index()
    return root, site


def _changes(qtbot, watcher, act) -> frozenset[str]:
    with qtbot.waitSignal(watcher.postsChanged, timeout=TIMEOUT):
        act()
    return watcher.last_changed


def test_a_drafts_folder_made_later_is_watched(qtbot, site_watcher, tmp_path):
    root, site = _jekyll(tmp_path)
    site_watcher.watch_site(site)
    assert site_watcher.watched_folders() == [str(root / "_posts")]
    drafts = root / "_drafts"
    # Make Draft: the folder is made and the post moved into it at once.
    post = root / "_posts" / "2024-01-01-a.md"
    draft = drafts / "a.md"

    def make_draft():
        drafts.mkdir()
        os.replace(post, draft)

    changed = _changes(qtbot, site_watcher, make_draft)
    assert str(drafts) in changed or str(draft) in changed
    qtbot.waitUntil(lambda: str(drafts) in site_watcher.watched_folders(), timeout=TIMEOUT)
    # Publish: the move out of the new folder is seen, as its source (the
    # two folders' watches may report it in two settled bursts).
    seen: set[str] = set()
    site_watcher.postsChanged.connect(lambda _root: seen.update(site_watcher.last_changed))
    os.replace(draft, post)
    qtbot.waitUntil(lambda: {str(draft), str(post)} <= seen, timeout=TIMEOUT)
    # A file written in it later is seen too.
    other = drafts / "b.md"
    assert str(other) in _changes(qtbot, site_watcher, lambda: other.write_text("---\n---\n", encoding="utf-8"))


def test_a_removed_folder_is_watched_again_when_it_comes_back(qtbot, site_watcher, tmp_path):
    root, site = _jekyll(tmp_path)
    drafts = root / "_drafts"
    drafts.mkdir()
    site_watcher.watch_site(site)
    assert str(drafts) in site_watcher.watched_folders()
    _changes(qtbot, site_watcher, lambda: drafts.rmdir())
    qtbot.waitUntil(lambda: str(drafts) not in site_watcher.watched_folders(), timeout=TIMEOUT)
    _changes(qtbot, site_watcher, drafts.mkdir)
    qtbot.waitUntil(lambda: str(drafts) in site_watcher.watched_folders(), timeout=TIMEOUT)
    post = drafts / "c.md"
    assert str(post) in _changes(qtbot, site_watcher, lambda: post.write_text("---\n---\n", encoding="utf-8"))


def test_folders_that_hold_no_posts_are_not_watched(qtbot, site_watcher, tmp_path):
    root, site = _jekyll(tmp_path)
    site_watcher.watch_site(site)

    def make():
        # Excluded by the config, a build folder, a special folder: no watch;
        # a folder Jekyll reads (a _posts in it would be posts): watched.
        for name in ("notes", "_site", "_sass", "ko"):
            (root / name).mkdir()

    changed = _changes(qtbot, site_watcher, make)
    qtbot.waitUntil(lambda: str(root / "ko") in site_watcher.watched_folders(), timeout=TIMEOUT)
    assert str(root / "notes") in changed and str(root / "_sass") in changed  # seen, not watched
    assert site_watcher.watched_folders() == [str(root / "_posts"), str(root / "ko")]


def test_a_hugo_content_folder_made_later_is_watched(qtbot, site_watcher, tmp_path):
    root = tmp_path / "hugo"
    root.mkdir()
    (root / "hugo.toml").write_text('title = "t"\n', encoding="utf-8")
    site = Site.discover(root)
    site_watcher.watch_site(site)
    assert site_watcher.watched_folders() == []
    _changes(qtbot, site_watcher, (root / "content").mkdir)
    qtbot.waitUntil(lambda: site_watcher.watched_folders() == [str(root / "content")], timeout=TIMEOUT)
    post = root / "content" / "post.md"
    assert str(post) in _changes(qtbot, site_watcher, lambda: post.write_text("---\n---\n", encoding="utf-8"))
    _changes(qtbot, site_watcher, (root / "static").mkdir)
    assert site_watcher.watched_folders() == [str(root / "content")]
    shutil.rmtree(root / "static")

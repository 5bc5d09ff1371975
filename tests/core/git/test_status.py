"""Status read from real repositories: branch, upstream, ahead/behind, file states."""

from __future__ import annotations

import os

from editor.core.git import status as st
from editor.core.git.runner import Repository
from editor.core.git.status import read_status

from .conftest import POST, git


def test_clean_clone_has_branch_and_upstream(writers):
    s = read_status(writers.site(writers.alice))
    assert s.is_repo and s.branch == "main" and s.upstream == "origin/main"
    assert (s.ahead, s.behind) == (0, 0)
    assert s.files == {}
    assert s.head and len(s.head) == 40


def test_each_state_with_site_relative_paths(writers):
    site = writers.site(writers.alice)
    (site / POST).write_text("changed\n", encoding="utf-8")
    (site / "_posts" / "2024-04-01-새 글.md").write_text("new\n", encoding="utf-8")
    (site / "_posts" / "added.md").write_text("x\n", encoding="utf-8")
    git(writers.alice, "add", "site/_posts/added.md")
    (site / "_config.yml").write_text("title: Changed\n", encoding="utf-8")
    git(writers.alice, "add", "site/_config.yml")
    git(writers.alice, "mv", "site/_posts/added.md", "site/_posts/renamed.md")
    (writers.alice / "README").write_text("changed outside the site\n", encoding="utf-8")
    s = read_status(site)
    assert s.state_of(POST) == st.MODIFIED
    assert s.state_of("_posts/2024-04-01-새 글.md") == st.UNTRACKED  # UTF-8, not quoted
    assert s.state_of("_config.yml") == st.STAGED and s.files["_config.yml"].staged
    # A file added then renamed before any commit is simply new.
    assert s.state_of("_posts/renamed.md") == st.NEW
    assert "README" not in s.files and "../README" not in s.files  # outside the site


def test_renamed_and_deleted(writers):
    site = writers.site(writers.alice)
    git(writers.alice, "mv", f"site/{POST}", "site/_posts/2024-03-05-moved.md")
    (site / "_config.yml").unlink()
    s = read_status(site)
    moved = s.files["_posts/2024-03-05-moved.md"]
    assert moved.state == st.RENAMED and moved.original == POST
    assert s.state_of("_config.yml") == st.DELETED


def test_ahead_and_behind(writers):
    site_a, site_b = writers.site(writers.alice), writers.site(writers.bob)
    (site_a / "_posts" / "a.md").write_text("a\n", encoding="utf-8")
    git(writers.alice, "add", ".")
    git(writers.alice, "commit", "-q", "-m", "a")
    git(writers.alice, "push", "-q")
    for name in ("b1", "b2"):
        (site_b / "_posts" / f"{name}.md").write_text("b\n", encoding="utf-8")
        git(writers.bob, "add", ".")
        git(writers.bob, "commit", "-q", "-m", name)
    git(writers.bob, "fetch", "-q")
    s = read_status(site_b)
    assert (s.ahead, s.behind) == (2, 1)


def test_site_at_the_repository_root(writers):
    s = read_status(writers.alice)
    (writers.alice / "README").write_text("x\n", encoding="utf-8")
    assert read_status(writers.alice).state_of("README") == st.MODIFIED
    assert s.branch == "main"


def test_not_a_repository(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    site = tmp_path / "plain"
    site.mkdir()
    assert read_status(site) == st.NOT_A_REPOSITORY
    assert read_status(tmp_path / "missing") == st.NOT_A_REPOSITORY
    assert Repository.find(site) is None


def test_no_git_installed_is_not_a_repository(writers, monkeypatch):
    monkeypatch.setenv("PATH", os.fspath(writers.remote))  # a folder without git
    assert read_status(writers.site(writers.alice)) == st.NOT_A_REPOSITORY


def test_detached_head_and_no_upstream(writers):
    git(writers.alice, "checkout", "-q", "--detach")
    s = read_status(writers.site(writers.alice))
    assert s.is_repo and s.branch is None and s.upstream is None


def test_empty_repository(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main", str(tmp_path / "fresh"))
    s = read_status(tmp_path / "fresh")
    assert s.is_repo and s.head is None and s.branch == "main"

"""Commit with the repository's own hooks; a failing hook's problems are parsed."""

from __future__ import annotations

import stat

from editor.core.git.commit import commit, parse_diagnostics
from editor.core.git.runner import Repository
from editor.core.git.status import read_status

from .conftest import POST, git


def _hook(repo, body: str) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)


def test_commit_only_the_chosen_posts(writers):
    site = writers.site(writers.alice)
    (site / POST).write_text("edited\n", encoding="utf-8")
    (site / "_posts" / "new.md").write_text("new\n", encoding="utf-8")
    (site / "_config.yml").write_text("title: staged but not chosen\n", encoding="utf-8")
    git(writers.alice, "add", "site/_config.yml")
    result = commit(site, [POST, "_posts/new.md"], "두 글 수정\n\nbody line")
    assert result.ok, result.output
    assert result.commit == git(writers.alice, "rev-parse", "HEAD").stdout.strip()
    log = git(writers.alice, "log", "-1", "--format=%an|%s|%b", "--name-only").stdout
    assert log.startswith("Alice|두 글 수정|body line")  # author from the clone's config
    assert "site/_posts/new.md" in log and "site/_config.yml" not in log
    s = read_status(site)
    assert s.state_of("_config.yml") == "staged" and s.state_of(POST) is None
    assert s.ahead == 1


def test_failing_hook_is_reported_with_its_problems(writers):
    site = writers.site(writers.alice)
    # The hook prints `galley validate`'s format, with paths from the repository's top.
    _hook(writers.alice, f"""echo "site/{POST}:3:8: error: title is empty [required-field]"
echo "site/{POST}:9:1: warning: the image is missing (add it) [missing-image]" >&2
echo "1 error, 1 warning" >&2
exit 1
""")
    (site / POST).write_text("edited\n", encoding="utf-8")
    before = git(writers.alice, "rev-parse", "HEAD").stdout
    result = commit(site, [POST], "will fail")
    assert not result.ok and result.code == 1
    assert "1 error, 1 warning" in result.output
    assert [(d.path, d.line, d.column, d.severity, d.rule) for d in result.diagnostics] == [
        (POST, 3, 8, "error", "required-field"),
        (POST, 9, 1, "warning", "missing-image"),
    ]
    assert result.diagnostics[1].message == "the image is missing (add it)"
    assert git(writers.alice, "rev-parse", "HEAD").stdout == before  # nothing committed


def test_passing_hook_runs(writers):
    site = writers.site(writers.alice)
    _hook(writers.alice, "echo hook ran; exit 0\n")
    (site / POST).write_text("edited\n", encoding="utf-8")
    result = commit(site, [POST], "with hook")
    assert result.ok and "hook ran" in result.output


def test_refusals_without_running_git(writers, tmp_path, monkeypatch):
    site = writers.site(writers.alice)
    assert not commit(site, [POST], "  ").ok
    assert not commit(site, [], "message").ok
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    plain = tmp_path / "plain"
    plain.mkdir()
    assert commit(plain, ["a.md"], "message").output == "not a git repository"


def test_diagnostic_lines_outside_the_site_keep_their_path(writers):
    repo = Repository.find(writers.site(writers.alice))
    found = parse_diagnostics("README:1:1: error: bad [x]\nnot a diagnostic\n"
                              "site/_posts/a.md:2:3: info: fine", repo)
    assert [(d.path, d.rule) for d in found] == [("README", "x"), ("_posts/a.md", None)]

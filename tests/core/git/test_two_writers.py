"""Two writers share a site through a bare remote: pull, push, conflict, resolve."""

from __future__ import annotations

import http.server
import threading

from editor.core.git import remote
from editor.core.git.commit import commit, continue_pull
from editor.core.git.conflicts import merge_stages, read_stages, resolve
from editor.core.git.status import read_status

from .conftest import POST, TEXT, git


def _edit(site, old: str, new: str) -> None:
    path = site / POST
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_different_paragraphs_pull_merges_cleanly(writers):
    a, b = writers.site(writers.alice), writers.site(writers.bob)
    _edit(a, "첫 문단입니다.", "첫 문단을 고쳤습니다.")
    assert commit(a, [POST], "Alice: first paragraph").ok
    assert remote.push(a).outcome == remote.OK
    _edit(b, "셋째 문단입니다.", "셋째 문단을 고쳤습니다.")
    assert commit(b, [POST], "Bob: third paragraph").ok
    # Bob pushes second: the remote refuses, with the next step.
    rejected = remote.push(b)
    assert rejected.outcome == remote.REJECTED
    assert rejected.next_step == "Pull, then push again."
    progress = []
    pulled = remote.pull(b, on_progress=lambda phase, pct: progress.append((phase, pct)))
    assert pulled.outcome == remote.OK, pulled.output
    assert "origin/main" in pulled.message
    text = (b / POST).read_text(encoding="utf-8")
    assert "첫 문단을 고쳤습니다." in text and "셋째 문단을 고쳤습니다." in text
    assert all(0 <= pct <= 100 for _, pct in progress)
    assert remote.push(b).ok
    assert remote.pull(a).ok
    assert (a / POST).read_text(encoding="utf-8") == text


def test_same_line_conflict_is_merged_resolved_committed_and_pushed(writers):
    a, b = writers.site(writers.alice), writers.site(writers.bob)
    # Alice changes the title and the second paragraph; Bob the tags and the same paragraph.
    _edit(a, "title: 안녕하세요", "title: 안녕")
    _edit(a, "둘째 문단입니다.", "둘째 문단, 앨리스가 고침.")
    assert commit(a, [POST], "Alice").ok and remote.push(a).ok
    _edit(b, "tags: [a]", "tags: [a, b]")
    _edit(b, "둘째 문단입니다.", "둘째 문단, 밥이 고침.")
    assert commit(b, [POST], "Bob").ok
    pulled = remote.pull(b)
    assert pulled.outcome == remote.CONFLICTS
    assert pulled.conflicts == (POST,)
    assert "1 file(s)" in pulled.message
    assert read_status(b).state_of(POST) == "conflicted"

    stages = read_stages(b, POST)
    assert stages.base == TEXT and not stages.rebasing
    merged = merge_stages(stages)
    # Front matter merged per key; only the paragraph is a choice to make.
    assert merged.keys_from_theirs == ("title",)
    [conflict] = merged.conflicts
    assert (conflict.base, conflict.mine, conflict.theirs) == (
        "둘째 문단입니다.\n", "둘째 문단, 밥이 고침.\n", "둘째 문단, 앨리스가 고침.\n")
    resolved = merged.text(["theirs"])
    assert "title: 안녕\n" in resolved and "tags: [a, b]" in resolved
    assert resolve(b, POST, resolved).ok
    status = read_status(b)
    assert status.conflicted == [] and status.state_of(POST) == "staged"
    assert commit(b, [POST], "Merge Alice's edits").ok
    assert remote.push(b).ok
    assert remote.pull(a).ok
    assert (a / POST).read_text(encoding="utf-8") == resolved


def test_conflict_during_a_rebase_pull_keeps_mine_as_mine(writers):
    a, b = writers.site(writers.alice), writers.site(writers.bob)
    git(writers.bob, "config", "pull.rebase", "true")
    _edit(a, "둘째 문단입니다.", "앨리스")
    assert commit(a, [POST], "Alice").ok and remote.push(a).ok
    _edit(b, "둘째 문단입니다.", "밥")
    assert commit(b, [POST], "Bob").ok
    pulled = remote.pull(b)
    assert pulled.outcome == remote.CONFLICTS, pulled.output
    stages = read_stages(b, POST)
    assert stages.rebasing
    merged = merge_stages(stages)
    [conflict] = merged.conflicts
    assert (conflict.mine, conflict.theirs) == ("밥\n", "앨리스\n")
    assert resolve(b, POST, merged.text("mine")).ok
    finished = continue_pull(b)
    assert finished.ok, finished.output
    assert git(writers.bob, "log", "--format=%s", "-2").stdout.split() == ["Bob", "Alice"]
    assert remote.push(b).ok


class _NeedsSignIn(http.server.BaseHTTPRequestHandler):
    """A git host that asks every request to sign in."""

    def do_GET(self):  # noqa: N802 - http.server's name
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="site"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):
        pass


def test_push_and_pull_without_credentials_are_auth_failures(writers):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NeedsSignIn)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        git(writers.alice, "remote", "set-url", "origin", f"http://127.0.0.1:{server.server_port}/site.git")
        a = writers.site(writers.alice)
        # No terminal prompt, no hang: a plain message and the next step.
        for result in (remote.push(a), remote.pull(a)):
            assert result.outcome == remote.AUTH, result.output
            assert result.message == "The remote refused your credentials."
            assert "credential manager" in result.next_step
    finally:
        server.shutdown()
        server.server_close()


def test_pull_and_push_outside_a_repository(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "plain").mkdir()
    assert remote.pull(tmp_path / "plain").outcome == remote.NOT_A_REPOSITORY
    assert remote.push(tmp_path / "plain").message == "This site is not in a git repository."


def test_no_upstream(writers):
    git(writers.alice, "checkout", "-q", "-b", "topic")
    result = remote.pull(writers.site(writers.alice))
    assert result.outcome == remote.OTHER
    assert result.next_step == "Push it once with git in a terminal: git push -u origin topic"

"""`galley validate` through the real dispatcher on real site folders, plus one subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main
from editor.cli.validate import ProgressBar

REPO = Path(__file__).resolve().parents[2]

GOOD = "---\ntitle: 좋은 제목이 있는 글입니다\ntags: [개발]\n---\n본문입니다.\n"
WARN = "---\ntitle: 좋은 제목이 있는 글입니다\ntags: [개발]\n---\n<div>\n열린 태그.\n"
BAD = "---\ntitle: 첫 글: 오류\n---\n본문.\n"


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Blog\n", encoding="utf-8")
    (root / "_posts" / "2024-03-01-good.md").write_text(GOOD, encoding="utf-8")
    (root / "README.md").write_text("# not a post\n", encoding="utf-8")
    return root


def test_clean_folder_exits_0_with_a_summary(site, capsys):
    assert main(["validate", str(site)]) == 0
    out = capsys.readouterr()
    assert out.out.strip().splitlines()[-1] == (
        "0 errors, 0 warnings, 0 infos in 1 file (0 with findings)")
    assert out.err == ""  # no progress bar when stderr is not a terminal


def test_error_line_format_and_exit_1(site, capsys):
    bad = site / "_posts" / "2024-03-02-bad.md"
    bad.write_text(BAD, encoding="utf-8")
    assert main(["validate", str(site)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith(f"{bad}:2:") and lines[0].endswith("[yaml-syntax]")
    assert ": error: " in lines[0]
    assert lines[-1].startswith("1 error, 0 warnings")


def test_warnings_exit_0_unless_strict(site, capsys):
    (site / "_posts" / "2024-03-02-warn.md").write_text(WARN, encoding="utf-8")
    assert main(["validate", str(site)]) == 0
    assert "[html-unclosed-tag]" in capsys.readouterr().out
    assert main(["validate", "--strict", str(site)]) == 1
    assert ": error: <div> is never closed" in capsys.readouterr().out


def test_json_format(site, capsys):
    warn = site / "_posts" / "2024-03-02-warn.md"
    warn.write_text(WARN, encoding="utf-8")
    assert main(["validate", "--format", "json", str(warn)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records == [{"path": str(warn), "line": 5, "column": 1, "severity": "warning",
                        "rule": "html-unclosed-tag",
                        "message": "<div> is never closed; the rest of the page ends up inside it"}]


def test_a_file_named_two_ways_is_one_file_with_findings_in_the_summary(site, capsys,
                                                                          monkeypatch):
    """Findings are shown with the path as typed; the summary counts the paths shown."""
    (site / "_posts" / "2024-03-02-warn.md").write_text(WARN, encoding="utf-8")
    monkeypatch.chdir(site)
    main(["validate", "_posts/2024-03-02-warn.md", str(site / "_posts" / "2024-03-02-warn.md")])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == lines[1] == ("_posts/2024-03-02-warn.md:5:1: warning: <div> is never "
                                    "closed; the rest of the page ends up inside it "
                                    "(add </div>) [html-unclosed-tag]")
    assert lines[2] == "0 errors, 2 warnings, 0 infos in 2 files (1 with findings)"


def test_usage_errors_exit_2(site, capsys):
    assert main(["validate", str(site / "nope.md")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["validate", "--format", "xml", str(site)]) == 2
    assert main(["validate", "--jobs", "0", str(site)]) == 2
    (site / "galley.toml").write_text("[fields.title]\ntype = 'strnig'\n", encoding="utf-8")
    assert main(["validate", str(site)]) == 2
    assert "strnig" in capsys.readouterr().err


def test_relative_paths_are_printed_as_given(site, capsys, monkeypatch):
    (site / "_posts" / "2024-03-02-warn.md").write_text(WARN, encoding="utf-8")
    monkeypatch.chdir(site)
    main(["validate", "_posts"])
    assert capsys.readouterr().out.startswith("_posts/2024-03-02-warn.md:5:1: warning:")


def test_progress_bar_only_after_half_a_second(tmp_path):
    class Stream:
        text = ""

        def write(self, s):
            self.text += s

        def flush(self):
            pass

    quick = ProgressBar(10, Stream())
    quick(5, 10)
    quick.finish()
    assert quick.stream.text == ""
    slow = ProgressBar(10, Stream())
    slow.start -= 1.0  # as if the run had started a second ago
    slow(5, 10)
    assert "5/10" in slow.stream.text
    slow.finish()
    assert slow.stream.text.endswith("\r")


def test_real_command_in_a_subprocess_pipes_clean_output(site):
    (site / "_posts" / "2024-03-02-bad.md").write_text(BAD, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-m", "editor", "validate", "--format", "json",
                           str(site)], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert [r["rule"] for r in json.loads(done.stdout)] == ["yaml-syntax"]
    assert done.stderr == ""


@pytest.mark.parametrize("path", [
    "/work/x.md", "/work", "/workx/a.md", "/work/", "/work/./a", "/work/a/../b", "/tmp/a.md", "/",
    "//work/a", "rel/a.md", "/work/a//b", "/work/.hidden/x", "/work/..x/y", "/work/a/..", ""])
def test_shown_paths_are_what_relpath_gives(path, monkeypatch):
    """The fast path for absolute normal paths answers as os.path.relpath would."""
    from editor.cli.validate import _shown
    from editor.core.site.paths import abspath

    monkeypatch.setattr(os, "getcwd", lambda: "/work")

    def reference(p):
        if not p:
            return "<post>"
        rel = os.path.relpath(p)
        return p if rel.startswith("..") else rel

    assert _shown(path) == reference(path)
    if path:
        assert abspath(path) == os.path.abspath(path)


def test_a_sub_folder_of_a_big_site_is_checked_against_the_whole_site(site, capsys):
    """Only the drafts are given: the site's facts still come from all its posts."""
    # Each draft's tag is used by one post only: among the drafts alone it would be new.
    for i in range(70):  # above the pool threshold
        (site / "_posts" / f"2024-01-{1 + i % 28:02d}-p{i}.md").write_text(
            GOOD.replace("[개발]", f"[개발, t{i}]"), encoding="utf-8")
    (site / "_drafts").mkdir()
    for i in range(70):
        (site / "_drafts" / f"d{i}.md").write_text(GOOD.replace("[개발]", f"[t{i}]"),
                                                    encoding="utf-8")
    assert main(["validate", "--jobs", "2", str(site / "_drafts")]) == 0
    out = capsys.readouterr().out
    assert "new-tag" not in out and out.strip().endswith("in 70 files (0 with findings)")


def test_a_worker_killed_mid_run_is_a_clear_error_not_a_traceback(tmp_path):
    """Kill the real worker processes while `galley validate` runs: it either
    says so (exit 2, nothing reported) or, where a stage has a fallback (the
    site index reads in-process when its pool breaks), reports exactly what an
    undisturbed run reports. Never a traceback, never half a report."""
    import signal
    import time

    site = tmp_path / "big"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Big\n", encoding="utf-8")
    body = "정적 사이트 생성기로 블로그를 운영합니다. " * 40
    for i in range(4000):
        (site / "_posts" / f"2020-01-{1 + i % 28:02d}-post-{i}.md").write_text(
            f"---\ntitle: Post {i}\ntags: [a, b]\n---\n\n{body}\n", encoding="utf-8")
    command = [sys.executable, "-m", "editor", "validate", "--jobs", "2", str(site)]
    cwd = Path(__file__).resolve().parents[2]
    undisturbed = subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=120)
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd)

    def children() -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == proc.pid:
                    found.append(int(entry.name))
        return found

    killed = 0
    deadline = time.monotonic() + 30
    while proc.poll() is None and time.monotonic() < deadline:
        for pid in children():
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
            except OSError:
                pass
        time.sleep(0.002)
    out, err = proc.communicate(timeout=60)
    if not killed:
        pytest.skip("the run ended before a worker could be killed")
    assert "Traceback" not in err
    if proc.returncode == 2:
        assert "galley validate: error: a validation worker stopped unexpectedly" in err
        assert out == ""
    else:
        assert (proc.returncode, out) == (undisturbed.returncode, undisturbed.stdout)

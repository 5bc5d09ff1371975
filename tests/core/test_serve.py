"""The site server's plain parts: command, output events, URLs (checked
against the real generators' output), and the record of running servers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from editor.core.serve import generator, output, urls
from editor.core.serve.ports import free_port, is_listening
from editor.core.processes import tree_alive as group_alive
from editor.core.serve.registry import Registry

needs_jekyll = pytest.mark.skipif(shutil.which("jekyll") is None, reason="Jekyll is not installed (apt install jekyll)")
needs_hugo = pytest.mark.skipif(shutil.which("hugo") is None, reason="Hugo is not installed (apt install hugo)")


def _exe(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


# -- the command ---------------------------------------------------------------------


def test_jekyll_command_without_gemfile_uses_jekyll_on_loopback(tmp_path):
    exe = _exe(tmp_path, "jekyll")
    cmd = generator.server_command("jekyll", tmp_path, 4123, {"jekyll": str(exe)})
    assert cmd.argv == (str(exe), "serve", "--drafts", "--future", "--host", "127.0.0.1", "--port", "4123")
    assert cmd.cwd == tmp_path and "--livereload" not in cmd.argv


def test_jekyll_command_with_gemfile_runs_through_bundler(tmp_path):
    (tmp_path / "Gemfile").write_text('gem "jekyll"\n')
    bundle = _exe(tmp_path, "bundle")
    cmd = generator.server_command("jekyll", tmp_path, 4000, {"bundle": str(bundle)})
    assert cmd.argv[:4] == (str(bundle), "exec", "jekyll", "serve")
    assert cmd.env["BUNDLE_GEMFILE"] == str(tmp_path / "Gemfile")


def test_hugo_command_serves_drafts_on_loopback_without_livereload(tmp_path):
    exe = _exe(tmp_path, "hugo")
    cmd = generator.server_command("hugo", tmp_path, 1313, {"hugo": str(exe)})
    assert cmd.argv[:6] == (str(exe), "server", "-D", "--bind", "127.0.0.1", "--port")
    assert "--disableLiveReload" in cmd.argv


def test_missing_generator_says_which_and_the_command_that_installs_it(tmp_path):
    missing = generator.server_command("hugo", tmp_path, 1313, {"hugo": str(tmp_path / "nope")})
    assert isinstance(missing, generator.Missing)
    assert "Hugo is not installed" in missing.message and "apt install hugo" in missing.command
    (tmp_path / "Gemfile").write_text("")
    missing = generator.server_command("jekyll", tmp_path, 4000, {"bundle": str(tmp_path / "nope")})
    assert "Bundler is not installed" in missing.message and "bundler" in missing.command


def test_a_site_of_no_known_generator_has_no_server(tmp_path):
    assert isinstance(generator.server_command("unknown", tmp_path, 1, {}), generator.Missing)


def test_free_port_is_free():
    port = free_port()
    assert 0 < port < 65536 and not is_listening(port)


# -- the output ----------------------------------------------------------------------

# Lines as Jekyll 4.3.1 and Hugo 0.111 print them (captured from real runs).
JEKYLL_LINES = [
    "      Generating... ",
    "                    done in 0.015 seconds.",
    "  Server running... press ctrl-c to stop.",
    "      Regenerating: 1 file(s) changed at 2026-12-07 10:02:22",
    "                    ...done in 0.011364294 seconds.",
    "\x1b[31m  Liquid Exception: Liquid syntax error (line 5): Syntax Error in tag 'if' - Valid syntax: "
    "if [expression] in /s/_posts/2024-03-05-hello.md\x1b[0m",
    "\x1b[31m             Error: YAML Exception reading /s/_posts/2024-01-01-bad.md: (<unknown>): did not find "
    "expected node content while parsing a flow node at line 3 column 1\x1b[0m",
]


def test_jekyll_output_is_read_as_events_and_errors_with_their_place():
    reader = output.OutputReader("jekyll")
    events = [e for line in JEKYLL_LINES for e in reader.feed(line)]
    assert [e.kind for e in events] == ["building", "rebuilt", "ready", "building", "rebuilt", "error", "error"]
    liquid, yaml = events[5].error, events[6].error
    assert liquid.path == "/s/_posts/2024-03-05-hello.md" and liquid.line == 5 and liquid.body_relative
    assert liquid.message.startswith("Liquid syntax error (line 5)")
    assert yaml.path == "/s/_posts/2024-01-01-bad.md" and (yaml.line, yaml.column) == (3, 1)
    assert not yaml.body_relative


def test_hugo_output_is_read_as_events_and_errors_with_their_place():
    reader = output.OutputReader("hugo")
    lines = ["Web Server is available at http://localhost:4997/ (bind address 127.0.0.1)",
             "Change detected, rebuilding site.", "Total in 2 ms",
             'Error: Error building site: "/h/content/posts/bad.md:7:1": failed to extract shortcode: '
             'template for shortcode "nope" not found',
             'ERROR 2026/12/07 10:26:49 Rebuild failed: "/h/content/posts/hello.md:7:1": failed to extract '
             'shortcode: template for shortcode "nope" not found',
             "ERROR 2026/12/07 10:26:49 Rebuild failed: something without a place"]
    events = [e for line in lines for e in reader.feed(line)]
    assert [e.kind for e in events] == ["ready", "building", "rebuilt", "error", "error", "error"]
    err = events[3].error
    assert (err.path, err.line, err.column) == ("/h/content/posts/bad.md", 7, 1)
    assert "shortcode" in err.message and not err.message.startswith('"')
    err = events[4].error
    assert (err.path, err.line, err.column) == ("/h/content/posts/hello.md", 7, 1)
    assert err.message.startswith("failed to extract shortcode")
    assert events[5].error.message == "something without a place" and events[5].error.path is None


def test_missing_gems_are_recognised():
    line = ("/usr/share/rubygems-integration/all/gems/bundler-2.3.15/lib/bundler/resolver.rb:271:in `block in "
            "verify_gemfile_dependencies_are_found!': Could not find gem 'nonexistent-gem-xyz' in locally "
            "installed gems. (Bundler::GemNotFound)")
    assert [e.kind for e in output.OutputReader("jekyll").feed(line)] == ["missing-gems"]


def test_errors_for_keeps_the_posts_own(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    errors = [output.BuildError("x", str(a)), output.BuildError("y", str(b)), output.BuildError("z")]
    assert [e.message for e in output.errors_for(errors, a)] == ["x"]


# -- URLs, checked against the generators' own output -------------------------------------


def _write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def _front_matter(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text().split("---")[1]) or {}


@needs_jekyll
def test_jekyll_urls_match_jekylls_build(tmp_path):
    root = tmp_path / "site"
    _write(root, "_config.yml", """
        title: t
        baseurl: /blog
        collections:
          recipes:
            output: true
          notes:
            output: true
            permalink: /n/:title/
        """)
    posts = [
        _write(root, "_posts/2024-03-05-hello.md", "---\ntitle: Hello\n---\nx\n"),
        _write(root, "_posts/2024-03-06-cats.md", "---\ntitle: C\ncategories: [Pets, cute]\n---\nx\n"),
        _write(root, "travel/_posts/2023-01-02-trip.md", "---\ntitle: T\n---\nx\n"),
        _write(root, "_posts/2024-04-01-pretty.md", "---\ntitle: P\npermalink: /custom/place/\n---\nx\n"),
        _write(root, "_posts/2024-05-01-slugged.md", "---\ntitle: S\ndate: 2024-05-09 10:00:00\n---\nx\n"),
        _write(root, "_drafts/a-draft.md", "---\ntitle: D\n---\nx\n"),
        _write(root, "_recipes/soup.md", "---\ntitle: Soup\n---\nx\n"),
        _write(root, "_notes/one.md", "---\ntitle: One\n---\nx\n"),
    ]
    out = tmp_path / "out"
    subprocess.run(["jekyll", "build", "--drafts", "--future", "-s", str(root), "-d", str(out)],
                   check=True, capture_output=True)
    config = {"baseurl": "/blog", "collections": {"recipes": {"output": True},
                                                  "notes": {"output": True, "permalink": "/n/:title/"}}}
    for post in posts:
        url = urls.post_url("jekyll", root, post, _front_matter(post), config)
        assert url.startswith("/blog/"), url
        rel = url[len("/blog/"):]
        page = out / rel / "index.html" if rel.endswith("/") else out / rel
        assert page.is_file(), (post, url, sorted(str(p.relative_to(out)) for p in out.rglob("*.html")))
    # Each named style.
    for style in ("date", "pretty", "ordinal", "none"):
        shutil.rmtree(out)
        (root / "_config.yml").write_text(f"permalink: {style}\n")
        subprocess.run(["jekyll", "build", "-s", str(root), "-d", str(out)], check=True, capture_output=True)
        url = urls.post_url("jekyll", root, posts[1], _front_matter(posts[1]), {"permalink": style})
        page = out / url.lstrip("/") / "index.html" if url.endswith("/") else out / url.lstrip("/")
        assert page.is_file(), (style, url, sorted(str(p.relative_to(out)) for p in out.rglob("*.html")))


@needs_hugo
def test_hugo_urls_match_hugos_build(tmp_path):
    root = tmp_path / "site"
    _write(root, "hugo.toml", """
        baseURL = "http://example.org/"
        [permalinks]
          blog = "/:year/:month/:slug/"
        """)
    _write(root, "layouts/_default/single.html", "<h1>{{ .Title }}</h1>")
    posts = [
        _write(root, "content/posts/Hello-World.md", "---\ntitle: Hello\ndate: 2024-03-05\n---\nx\n"),
        _write(root, "content/posts/slugged.md", "---\ntitle: S\nslug: other-name\n---\nx\n"),
        _write(root, "content/posts/moved.md", "---\ntitle: M\nurl: /elsewhere/page/\n---\nx\n"),
        _write(root, "content/posts/bundle/index.md", "---\ntitle: B\n---\nx\n"),
        _write(root, "content/blog/dated.md", "---\ntitle: Dated\ndate: 2024-02-03\n---\nx\n"),
        _write(root, "content/about.md", "---\ntitle: About\n---\nx\n"),
    ]
    out = tmp_path / "out"
    subprocess.run(["hugo", "-s", str(root), "-d", str(out), "--quiet"], check=True, capture_output=True)
    config = {"permalinks": {"blog": "/:year/:month/:slug/"}}
    for post in posts:
        url = urls.post_url("hugo", root, post, _front_matter(post), config)
        assert (out / url.lstrip("/") / "index.html").is_file(), (
            post, url, sorted(str(p.relative_to(out)) for p in out.rglob("*.html")))


def test_find_in_output_finds_the_page_by_slug(tmp_path):
    out = tmp_path / "_site"
    (out / "x" / "y").mkdir(parents=True)
    (out / "x" / "y" / "hello.html").write_text("<p>")
    (out / "z" / "other").mkdir(parents=True)
    (out / "z" / "other" / "index.html").write_text("<p>")
    assert urls.find_in_output(out, Path("_posts/2024-01-01-hello.md"), {}) == "/x/y/hello.html"
    assert urls.find_in_output(out, Path("_posts/2024-01-01-a.md"), {"slug": "other"}) == "/z/other/"
    assert urls.find_in_output(out, Path("_posts/2024-01-01-none.md"), {}) is None
    assert urls.find_in_output(tmp_path / "missing", Path("a.md"), {}) is None


# -- the record of running servers ------------------------------------------------------

CRASHING_APP = """
import os, sys, time
from pathlib import Path
from editor.core.serve.generator import ServerCommand
from editor.core.serve.process import ServerProcess
from editor.core.serve.registry import Registry
cmd = ServerCommand("jekyll", (sys.executable, "-c", "import time; time.sleep(120)"), Path("."), 0)
server = ServerProcess(cmd, lambda line: None, lambda code: None, Registry(Path(sys.argv[1])))
server.start()
print(server.pid, flush=True)
os._exit(3)  # the app dies without stopping its server
"""


def test_a_server_left_by_a_crashed_app_is_stopped_at_the_next_start(tmp_path):
    records = tmp_path / "servers"
    run = subprocess.run([sys.executable, "-c", CRASHING_APP, str(records)], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], timeout=60)
    pgid = int(run.stdout.strip())
    try:
        assert group_alive(pgid), "the server outlived its app (the situation to clean up)"
        assert [r["pgid"] for r in Registry(records).records()] == [pgid]
        assert Registry(records).stop_orphans() == [pgid]
        assert not group_alive(pgid)
        assert Registry(records).records() == []
    finally:
        if group_alive(pgid):
            os.killpg(pgid, 9)


def test_a_server_of_a_live_app_is_left_alone(tmp_path):
    from editor.core.serve.generator import ServerCommand
    from editor.core.serve.process import ServerProcess

    lines, registry = [], Registry(tmp_path)
    cmd = ServerCommand("jekyll", (sys.executable, "-c", "print('up', flush=True); import time; time.sleep(120)"),
                        tmp_path, 0)
    server = ServerProcess(cmd, lines.append, lambda code: None, registry)
    server.start()
    try:
        assert registry.stop_orphans() == []  # this process is its app, and alive
        assert group_alive(server.pid)
    finally:
        server.stop()
    assert not group_alive(server.pid) and registry.records() == []

"""The runner: a crashing rule is contained, config switches rules, the pool agrees with
the serial run, and the window's call works on a Document."""

from pathlib import Path

from editor.core.post.document import Document
from editor.core.validation import (
    ValidationContext,
    validate_document,
    validate_path,
    validate_paths,
)
from editor.core.validation.diagnostics import Diagnostic
from editor.core.validation.rules.all import CHECKS, Check
from validation_helpers import post


def test_a_rule_that_raises_becomes_internal_error_and_others_run(jekyll, monkeypatch):
    def broken(post_view, ctx):
        raise ZeroDivisionError("boom")
        yield  # pragma: no cover - a generator, like the real checks

    monkeypatch.setattr("editor.core.validation.checks.CHECKS",
                        [Check("broken", {"empty-body": "warning"}, broken)] + CHECKS)
    jekyll.write("_posts/2021-05-10-a.md", post(title=None, body=""))
    found = jekyll.check("_posts/2021-05-10-a.md")
    internal = [d for d in found if d.rule == "internal-error"]
    assert len(internal) == 1 and "ZeroDivisionError" in internal[0].message
    assert "empty-body" in internal[0].message
    assert {"required-field", "empty-body"} <= {d.rule for d in found}


def test_rule_switched_off_and_severity_changed(jekyll):
    jekyll.write("_posts/2021-05-10-a.md", post(title=None, body=""))
    assert {d.rule for d in jekyll.check("_posts/2021-05-10-a.md")} >= {"empty-body"}
    jekyll.write("galley.toml", '[rules]\nempty-body = "off"\nrequired-field = "info"\n'
                                'no-such-rule = "off"\n')
    ctx = jekyll.context()
    assert ctx.config.problems == ("unknown rule 'no-such-rule' in [rules]",)
    found = jekyll.check("_posts/2021-05-10-a.md", context=ctx)
    assert "empty-body" not in {d.rule for d in found}
    assert [d.severity for d in found if d.rule == "required-field"] == ["info"]


def test_window_call_on_an_edited_document(jekyll):
    path = jekyll.write("_posts/2021-05-10-a.md", post(body="<div>\n"))
    ctx = jekyll.context()
    doc = Document.from_bytes(path.read_bytes(), path=str(path))
    assert [d.rule for d in validate_document(doc, ctx)] == ["html-unclosed-tag"]
    doc.set_body("<div></div>\n")
    doc.set("published", "yes")  # a string where Jekyll expects true/false
    found = validate_document(doc, ctx)
    assert [(d.rule, d.key) for d in found] == [("field-type", "published")]
    assert found[0].line == doc.key_location("published")[0]


def test_pool_matches_serial_run_and_reports_progress(jekyll):
    paths = []
    for i in range(80):  # above the pool threshold
        body = "<div>\n" if i % 10 == 0 else "Text.\n"
        paths.append(jekyll.write(f"_posts/2021-05-{1 + i % 28:02d}-p{i}.md", post(body=body)))
    seen = []
    pooled = validate_paths(paths, jobs=2, progress=lambda done, total: seen.append((done, total)))
    ctx = ValidationContext.build(jekyll.site())
    serial = sorted((d for p in paths for d in validate_path(p, ctx)), key=Diagnostic.sort_key)
    assert pooled == serial
    assert sum(1 for d in pooled if d.rule == "html-unclosed-tag") == 8
    assert seen[-1] == (80, 80)
    # A part of the site goes through the plain pool (the site is indexed separately).
    part = validate_paths(paths[:70], jobs=2)
    assert part == [d for d in serial if d.path in {str(p) for p in paths[:70]}]


def test_lone_post_without_site(tmp_path):
    doc = Document.from_bytes(b"---\nlayout: post\n---\nText.\n")
    found = validate_document(doc)
    assert [(d.rule, d.severity, d.key) for d in found] == [("required-field", "error", "title")]
    doc.set("title", "A title that is long enough")
    assert validate_document(doc) == []


def test_snapshot_from_a_worker_thread_gives_the_same_findings(jekyll):
    text = "---\ntitle: Hi\npublished: \"no\"\ntags: [x]\n---\n<div>\n"
    path = jekyll.write("_posts/2021-05-10-a.md", text)
    ctx = jekyll.context()
    doc = Document.from_bytes(path.read_bytes(), path=str(path))
    from_doc = [(d.rule, d.line, d.column, d.key) for d in validate_document(doc, ctx)]
    from_snapshot = [(d.rule, d.line, d.column, d.key)
                     for d in validate_document(doc.snapshot(), ctx)]
    assert ("field-type", 3, 1, "published") in from_doc
    assert from_snapshot == from_doc


def test_workers_fork_only_while_qt_is_not_loaded(monkeypatch):
    import sys

    from editor.core.validation.processes import process_context

    for name in [n for n in sys.modules if n.startswith("PySide6")]:
        monkeypatch.delitem(sys.modules, name)
    if sys.platform.startswith("linux"):
        assert process_context().get_start_method() == "fork"
    monkeypatch.setitem(sys.modules, "PySide6", object())
    assert process_context().get_start_method() == "forkserver"


def test_a_reader_that_raises_costs_one_file_not_the_run(jekyll, monkeypatch):
    from editor.core.validation import pipeline
    from editor.core.validation.fastdoc import FastDocument

    good = jekyll.write("_posts/2021-05-10-good.md", post(body="<div>\n"))
    odd = jekyll.write("_posts/2021-05-10-odd.md", post())
    real = FastDocument.read.__func__

    def read(cls, text, path=None, **kw):
        if path and path.endswith("odd.md"):
            raise RecursionError("too deep")
        return real(cls, text, path=path, **kw)

    monkeypatch.setattr(FastDocument, "read", classmethod(read))
    found = validate_paths([good, odd], jobs=1)
    assert [(d.rule, d.severity, d.path.endswith("odd.md")) for d in found] == [
        ("html-unclosed-tag", "warning", False), ("internal-error", "warning", True)]
    _doc, error, summary = pipeline._read(str(odd))
    assert error.rule == "internal-error" and summary.error is error


def test_checks_over_many_posts_give_what_each_post_gives_alone(jekyll, monkeypatch):
    from editor.core.validation.checks import run_checks, run_checks_many
    from editor.core.validation.pipeline import _read
    from editor.core.validation.post import PostView

    def broken_on_b(post_view, ctx):
        if post_view.name.endswith("-b.md"):
            raise ValueError("odd post")
        yield from ()

    monkeypatch.setattr("editor.core.validation.checks.CHECKS",
                        CHECKS[:3] + [Check("broken", {"empty-body": "warning"}, broken_on_b)]
                        + CHECKS[3:])
    jekyll.write("assets/a.png", b"png")
    jekyll.write("_posts/2021-05-10-a.md", post(title="A post", body="![x](/assets/a.png) <div>"))
    jekyll.write("_posts/2021-05-11-b.md", post(title=None, body=""))
    jekyll.write("_posts/2021-05-12-c.md", post(title="C", tags=["x"], body="[a](/nowhere/) {% if %}"))
    ctx = jekyll.context()
    paths = [str(p) for p in jekyll.site().post_files()]

    def views():
        return [PostView(_read(p)[0], path=p, root=ctx.root) for p in paths]

    rounds = []
    for site_wide in (None, False, True):
        one_by_one = [d for view in views() for d in run_checks(view, ctx, site_wide)]
        rounds.append(one_by_one)
        assert run_checks_many(views(), ctx, site_wide) == one_by_one
    assert {"internal-error", "required-field", "html-unclosed-tag", "broken-link"} <= {
        d.rule for d in rounds[0]}


def test_folder_facts_gathered_apart_give_the_same_context(jekyll):
    """The CLI walks the folder while its workers read the posts; the context it builds
    from the two halves is the one built in one go."""
    from editor.core.site.paths import relative_to_root
    from editor.core.site.site import Site
    from editor.core.validation.gathering import folder_facts

    jekyll.write("_posts/2021-05-10-a.md", post(tags="[python, rust]", slug="own-slug"))
    jekyll.write("_posts/sub/2021-05-11-b.md", post(body="See [a](/own-slug/).\n"))
    jekyll.write("_pages/work.md", "---\npermalink: /my-work/\n---\nWork.\n")
    jekyll.write("assets/img.png", "png")
    site = Site.discover(jekyll.root)
    index = site.index()
    root = jekyll.root.resolve()
    folder = folder_facts(root, [relative_to_root(s.path, root) for s in index])
    apart = ValidationContext.build(site, index=index, folder=folder)
    whole = ValidationContext.build(site, index=index)
    for name in ("files", "dirs", "slugs", "post_names", "vocabulary", "terms_by_path",
                 "schema"):
        assert getattr(apart, name) == getattr(whole, name), name
    assert {"own-slug", "my-work", "2021-05-11-b", "b"} <= apart.slugs
    assert "sub/2021-05-11-b" in apart.post_names and "assets/img.png" in apart.files


def test_site_pipeline_with_more_workers_than_chunks_of_reading(jekyll):
    """A worker that gets no file to read still takes part in both rounds."""
    from editor.core.validation.pipeline import validate_site

    paths = [str(jekyll.write(f"_posts/2021-05-{1 + i:02d}-p{i}.md",
                              post(body="<div>\n" if i == 2 else "Text.\n")))
             for i in range(5)]
    ctx = ValidationContext.build(jekyll.site())
    serial = sorted((d for p in paths for d in validate_path(p, ctx)), key=Diagnostic.sort_key)
    assert sorted(validate_site(jekyll.site(), paths, jobs=3), key=Diagnostic.sort_key) == serial
    assert [d.rule for d in serial] == ["html-unclosed-tag"]


def test_reading_is_handed_out_in_chunks_covering_each_file_once():
    from editor.core.validation.pipeline import CHUNK, _chunks

    files = [f"/site/_posts/p{i}.md" for i in range(10_007)]
    chunks = _chunks(files, 2)
    assert [f for chunk in reversed(chunks) for f in chunk] == files
    assert max(len(c) for c in chunks) <= CHUNK and len(chunks) >= 16


def test_each_worker_reads_an_equal_share_of_the_chunks():
    """The posts a worker reads are the ones it checks afterwards: the shares are even
    (within a chunk), cover each file once, and each starts from the site's start."""
    from editor.core.validation.pipeline import _chunks, _shares

    files = [f"/site/_posts/p{i}.md" for i in range(10_007)]
    for jobs in (1, 2, 3):
        shares = _shares(_chunks(files, jobs), jobs)
        assert len(shares) == jobs
        sizes = [sum(len(c) for c in share) for share in shares]
        assert max(sizes) - min(sizes) <= max(len(c) for s in shares for c in s)
        assert sorted(f for share in shares for chunk in share for f in chunk) == sorted(files)
        firsts = [share[-1][0] for share in shares]  # handed out first: popped from the end
        assert firsts == [chunk[0] for chunk in list(reversed(_chunks(files, jobs)))[:jobs]]
    assert _shares(_chunks(files[:5], 3), 3)[1:] == [[], []]


def test_a_worker_out_of_chunks_takes_one_from_another_and_finds_the_same(jekyll, monkeypatch):
    """One worker is dealt every chunk: the other, with none of its own, takes chunks
    it has to read again (a read error among them was reported by the first, once),
    and the findings are those of the serial run."""
    from editor.core.validation import pipeline

    paths = []
    for i in range(120):
        body = ("<div>\n" if i % 7 == 0 else "Text ![x](/assets/missing.png).\n"
                if i % 11 == 0 else "Text.\n")
        tags = "[python]" if i % 5 else "[Python]"
        paths.append(str(jekyll.write(f"_posts/2021-05-{1 + i % 28:02d}-p{i}.md",
                                      post(body=body, tags=tags))))
    (jekyll.root / "_posts" / "2021-06-01-folder.md").mkdir()  # cannot be read: io-error
    paths.append(str(jekyll.root / "_posts" / "2021-06-01-folder.md"))
    (jekyll.root / "_posts" / "2021-06-02-binary.md").write_bytes(b"\x00\x01\xff" * 50)
    paths.append(str(jekyll.root / "_posts" / "2021-06-02-binary.md"))

    monkeypatch.setattr(pipeline, "_shares",
                        lambda chunks, jobs: [chunks] + [[] for _ in range(jobs - 1)])
    taken = []
    send = pipeline._send

    def counting_send(conn, message):
        if message[0] == "take":
            taken.append(message[1][0])
        send(conn, message)

    monkeypatch.setattr(pipeline, "_send", counting_send)
    seen = []
    found = sorted(pipeline.validate_site(jekyll.site(), paths, jobs=2,
                                          progress=lambda done, total: seen.append(done)),
                   key=Diagnostic.sort_key)
    ctx = ValidationContext.build(jekyll.site())
    serial = sorted((d for p in paths for d in validate_path(p, ctx)), key=Diagnostic.sort_key)
    assert found == serial
    assert {"html-unclosed-tag", "image-missing", "io-error", "binary-file"} <= {
        d.rule for d in found}
    assert sum(1 for d in found if d.rule == "io-error") == 1
    assert seen == sorted(seen) and seen[-1] == len(paths)
    # Whether the second worker got to take a chunk depends on the scheduler (the test
    # below hands them out deterministically); each chunk is taken once at most.
    assert len(set(taken)) == len(taken)


def test_chunks_of_checks_are_handed_out_own_first_then_taken_from_the_longest_queue(
        monkeypatch):
    """The second round's dispatch, with scripted workers: A is ready at once, B only
    after A has checked three chunks. A works through its own chunks, then takes B's
    last ones while B has TAKE_FROM or more waiting; B checks the rest; each chunk is
    checked once and both are told to finish."""
    from collections import deque

    from editor.core.validation import pipeline

    pending = {"A": deque(), "B": deque()}
    sent = []
    events = deque([("A", "ready", None)])
    sited = {"A": 0}

    def fake_send(conn, message):
        sent.append((conn, message))
        if message[0] in ("site", "take"):
            pending[conn].append(message)
        elif message[0] == "finish":
            events.append((conn, "checked", [conn]))

    def fake_ready(conns, workers):
        if not events:  # the next worker with work sends its next chunk back
            conn = "A" if pending["A"] else "B"
            kind, payload = pending[conn].popleft()
            key = payload if kind == "site" else payload[0]
            events.append((conn, "sited", key))
            if conn == "A":
                sited["A"] += 1
                if sited["A"] == 3:
                    events.append(("B", "ready", None))
        yield events.popleft()

    monkeypatch.setattr(pipeline, "_send", fake_send)
    monkeypatch.setattr(pipeline, "_ready_messages", fake_ready)
    owned = [deque([0, 1, 2]), deque([3, 4, 5, 6, 7, 8, 9])]
    chunks = {key: [f"p{key}.md"] for key in range(10)}
    checked = []
    replies = pipeline._check_all(["A", "B"], owned, chunks, checked.append,
                                  lambda n: None, [])
    assert replies == [["A"], ["B"]]
    handed = [(conn, m[0], m[1] if m[0] == "site" else m[1][0]) for conn, m in sent
              if m[0] in ("site", "take")]
    assert sorted(key for _conn, _kind, key in handed) == list(range(10))  # each once
    assert [h for h in handed if h[0] == "A"][:3] == [("A", "site", 0), ("A", "site", 1),
                                                      ("A", "site", 2)]
    taken = [key for conn, kind, key in handed if kind == "take"]
    assert taken and all(conn == "A" for conn, kind, _key in handed if kind == "take")
    assert taken == sorted(taken, reverse=True) and taken[0] == 9  # from the end of B's queue
    assert [m[0] for conn, m in sent if conn == "B"][-1] == "finish"
    assert sorted(checked) == list(range(10))


def test_reading_a_file_gives_what_open_read_gives(tmp_path):
    """The worker's own read: every byte of an empty, a small and a big file, of a file
    whose size says nothing (/proc), and the same OSError for a folder."""
    import pytest

    from editor.core.validation.reading import read_bytes as _read_bytes

    for name, data in (("empty.md", b""), ("small.md", "---\ntitle: 개발\n---\n".encode()),
                       ("big.md", bytes(range(256)) * 700)):
        (tmp_path / name).write_bytes(data)
        assert _read_bytes(str(tmp_path / name)) == data
    if Path("/proc/self/status").exists():
        got = _read_bytes("/proc/self/status")
        assert got.startswith(b"Name:") and got.endswith(b"\n")
    with pytest.raises(IsADirectoryError):
        _read_bytes(str(tmp_path))
    with pytest.raises(FileNotFoundError):
        _read_bytes(str(tmp_path / "missing.md"))


def test_a_files_folder_is_dirname_of_abspath():
    import os

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from editor.core.validation.runner import _folder_of

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet="/a.b", min_size=1, max_size=12))
    def check(path):
        assert _folder_of(path) == os.path.dirname(os.path.abspath(path))

    check()
    for path in ("/x.md", "/site/_posts/2021-05-10-a.md", "rel/a.md", "/a//b.md", "/a/./b.md"):
        assert _folder_of(path) == os.path.dirname(os.path.abspath(path))


def test_a_worker_that_dies_stops_the_run_at_once(jekyll):
    """The other worker is stopped, not waited for: the error comes in well under the
    5 s a join on it would take (a forked worker holds this process's pipe ends too).
    Run in a fresh interpreter: with Qt loaded (pytest-qt) workers are not forked, and
    the dying reader is patched in before the fork."""
    import subprocess
    import sys

    paths = [str(jekyll.write(f"_posts/2021-05-{1 + i % 28:02d}-p{i}.md", post()))
             for i in range(200)]
    script = f"""
import os, sys, time
from editor.core.site.site import Site
from editor.core.validation import pipeline
paths = {paths!r}
assert pipeline.process_context().get_start_method() == "fork"
read = pipeline.read_bytes
def dies_on_the_last(path):
    if path == paths[-1]:
        os._exit(1)  # as if killed: no reply, its pipe ends
    return read(path)
pipeline.read_bytes = dies_on_the_last
start = time.monotonic()
try:
    pipeline.validate_site(Site.discover(paths[0]), paths, jobs=2)
except pipeline.WorkerLost:
    print(f"lost after {{time.monotonic() - start:.2f}}")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, cwd=Path(__file__).resolve().parents[3])
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("lost after ")
    assert float(done.stdout.split()[-1]) < 4

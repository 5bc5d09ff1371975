"""The posts pane's rows, and the site re-read one post at a time (real files)."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from editor.core.site.model import OpenSite
from editor.core.site.post_rows import BODY_CHARS, row_of
from editor.core.site.site import POOL_MIN_CPUS, POOL_THRESHOLD, Site, summarize


def make_site(tmp_path, n=3):
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    for i in range(n):
        (root / "_posts" / f"2020-01-0{i + 1}-p{i}.md").write_text(
            f"---\ntitle: 글 {i}\ntags: [t{i}, 공통]\ncategories: c{i}\n---\n본문 {i}\n", encoding="utf-8")
    return root


def test_row_states_terms_and_text(tmp_path):
    root = make_site(tmp_path)
    draft = root / "_drafts" / "idea.md"
    draft.write_text("---\ntitle: 아이디어\n---\n메모\n", encoding="utf-8")
    future = root / "_posts" / "2999-01-01-later.md"
    future.write_text("---\ntitle: Later\ndate: 2999-01-01 10:00:00 +0900\n---\n" + "긴 본문 " * 500, encoding="utf-8")
    rows = {r.title: r for r in (row_of(summarize(p)) for p in (draft, future, root / "_posts" / "2020-01-01-p0.md"))}
    assert rows["아이디어"].state == "draft" and rows["아이디어"].date is None
    assert rows["Later"].state == "scheduled"
    assert rows["글 0"].state == "published" and rows["글 0"].date == dt.datetime(2020, 1, 1)
    assert rows["글 0"].tags == ("t0", "공통") and rows["글 0"].categories == ("c0",)
    assert rows["글 0"].matches("본문 0") and rows["글 0"].matches("공통") and not rows["글 0"].matches("본문 1")
    # The body kept for the filter is capped whatever the post's length.
    assert len(rows["Later"].text) <= len("later") + 1 + BODY_CHARS
    broken = root / "_posts" / "2020-02-01-broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    assert row_of(summarize(broken)).problems == 1


def test_batches_give_the_same_index(tmp_path):
    root = make_site(tmp_path, n=7)
    site = Site.discover(root)
    batches = list(site.index_batches(size=3, first=2))
    assert [(done, total) for _, done, total in batches] == [(2, 7), (5, 7), (7, 7)]
    assert [s.path for b, _, _ in batches for s in b] == [s.path for s in Site.discover(root).index()]
    assert [d for _, d, _ in site.index_batches()] == [7]  # a small site: one batch


@pytest.mark.skipif((os.cpu_count() or 1) < POOL_MIN_CPUS, reason="worker processes parse only with 2 CPUs or more")
def test_batches_parsed_by_worker_processes_give_the_same_index(tmp_path):
    import multiprocessing

    root = make_site(tmp_path, n=0)
    posts = root / "_posts"
    n = POOL_THRESHOLD + 500
    for i in range(n):
        day = dt.date(2000, 1, 1) + dt.timedelta(days=i)
        text = f"---\ntitle: 글 {i}\ntags: [t{i % 7}]\ndate: {day} 10:00:00 +0900\n---\n본문\n"
        if i % 997 == 0:
            text = f"---\ntitle: [broken {i}\n---\n"
        (posts / f"{day}-p{i}.md").write_text(text, encoding="utf-8")
    expected = [(s.path, s.front_matter, s.kind, str(s.error)) for s in Site.discover(root).index()]

    site = Site.discover(root)
    forkserver = multiprocessing.get_context("forkserver")
    batches = list(site.index_batches(size=1000, first=100, mp_context=forkserver))
    assert [d for _, d, _ in batches] == [100, 1100, 2100, n]
    got = [(s.path, s.front_matter, s.kind, str(s.error)) for b, _, _ in batches for s in b]
    assert got == expected
    assert sum(1 for *_, error in got if error != "None") == len(range(0, n, 997))

    # Again after two posts changed: the others come from the cache, the same objects.
    before = {s.path: s for s in site.indexed}
    changed = sorted(posts.iterdir())[1500]
    changed.write_text("---\ntitle: 바뀐 글\n---\n", encoding="utf-8")
    again = [s for b, _, _ in site.index_batches(size=1000, mp_context=forkserver) for s in b]
    assert [s.front_matter.get("title") for s in again if s.path == changed] == ["바뀐 글"]
    assert all(before[s.path] is s for s in again if s.path != changed)


def test_update_posts_reads_only_the_paths_given(tmp_path):
    root = make_site(tmp_path)
    model = OpenSite.open(root)
    before = {s.path: s for s in model.summaries}
    new = root / "_posts" / "2021-05-05-new.md"
    new.write_text("---\ntitle: 새 글\n---\n", encoding="utf-8")
    rows, gone = model.update_paths([new])
    assert [r.title for r in rows] == ["새 글"] and gone == []
    assert len(model.summaries) == 4
    # The others are the same objects: not read again.
    assert all(before[s.path] is s for s in model.summaries if s.path != new)

    old = root / "_posts" / "2020-01-01-p0.md"
    renamed = root / "_posts" / "2020-01-01-renamed.md"
    old.rename(renamed)
    rows, gone = model.update_paths([old, renamed])
    assert [r.title for r in rows] == ["글 0"] and gone == [str(old)]
    assert [s.path.name for s in model.summaries] == sorted(s.path.name for s in model.summaries)

    rows, gone = model.update_paths([root / "_posts" / "notes.txt", root / "README.md"])
    assert (rows, gone) == ([], [])  # not posts of this site
    new.unlink()
    assert model.update_paths([new]) == ([], [str(new)])
    assert [r.path for r in model.rows] == [str(s.path) for s in model.summaries]


def test_is_post_path_follows_the_generator(tmp_path):
    site = Site.discover(make_site(tmp_path))
    root = site.root
    assert site.is_post_path(root / "_posts" / "x.md")
    assert site.is_post_path(root / "_drafts" / "sub" / "x.markdown")
    assert not site.is_post_path(root / "about.md")
    assert not site.is_post_path(root / "_site" / "_posts" / "x.md")
    assert not site.is_post_path(root / "_posts" / ".x.md.swp")


def test_body_excerpt_after_front_matter_of_any_length(tmp_path):
    """The body's start is found after a front matter longer than the first
    read, after a short one with a short body, with a BOM and CRLF."""
    from editor.core.site.post_rows import BODY_CHARS, body_excerpt

    long_head = tmp_path / "long.md"
    long_head.write_text("---\n" + "".join(f"key{i}: {'값' * 20}\n" for i in range(40)) + "---\n본문  첫\n줄 Words\n",
                         encoding="utf-8")
    assert body_excerpt(str(long_head)) == "본문 첫 줄 words"
    short = tmp_path / "short.md"
    short.write_bytes("\ufeff---\r\ntitle: t\r\n---\r\nHello\r\n  World\r\n".encode("utf-8"))
    assert body_excerpt(str(short)) == "hello world"
    big_body = tmp_path / "big.md"
    big_body.write_text("---\ntitle: t\n---\n" + "가나다 " * 2000, encoding="utf-8")
    assert body_excerpt(str(big_body)) == ("가나다 " * 100)[:BODY_CHARS]
    no_end = tmp_path / "open.md"
    no_end.write_text("---\ntitle: never closed\n" + "x: y\n" * 1000, encoding="utf-8")
    assert body_excerpt(str(no_end)) == ""

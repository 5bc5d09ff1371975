"""The corpus's real Jekyll and Hugo sites, as the open site reads them: the
posts are the ones the generator would build (Jekyll's own reader, run on a
copy, when Jekyll is installed), with the titles, dates and states the
posts pane shows.

The sites are copied to tmp_path (Jekyll writes a cache into its source);
the corpus itself is never written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.core.site.model import OpenSite
from tests.corpus import CORPUS

JEKYLL_SITES = ["jekyll__jekyll/docs", "GiGong__gigong.github.io", "MrSteveChoi__MrSteveChoi.github.io",
                "daviddarnes__alembic", "mmistakes__jekyll-theme-basically-basic/docs",
                "oriyao__oriyao.github.io", "ruby__www.ruby-lang.org", "jcompliance__jcompliance.github.io"]
HUGO_SITES = ["golangkorea__golangkorea-hugo", "gohugoio__hugoBasicExample", "olOwOlo__hugo-theme-even/exampleSite",
              "halogenica__beautifulhugo/exampleSite", "google__docsy-example"]

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")

# Jekyll's own reader: the posts and drafts it would build, every one (drafts,
# future and unpublished included: the pane lists those too, with their state).
# No theme or plugins (the sites' gems are not installed); no disk cache.
READER = r"""
require "jekyll"
require "json"
out = {}
ARGV.each do |src|
  conf = Jekyll.configuration("source" => src, "destination" => File.join(src, "_site"), "quiet" => true,
                              "disable_disk_cache" => true)
  conf["theme"] = nil
  conf["plugins"] = []
  conf["show_drafts"] = true
  conf["future"] = true
  conf["unpublished"] = true
  site = Jekyll::Site.new(conf)
  site.reader.read
  out[src] = site.posts.docs.map { |d| [d.path, d.data["draft"] ? "draft" : "post", d.data["title"].to_s] }
end
puts JSON.generate(out)
"""


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name.replace("/", "__")
    shutil.copytree(CORPUS / name, target)
    return target


@pytest.fixture(scope="module")
def jekyll_reads(tmp_path_factory):
    """{site name: {relative path: (kind, title)}} as Jekyll reads the copies."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    ruby = shutil.which("ruby")
    if ruby is None or subprocess.run([ruby, "-e", "require 'jekyll'"], capture_output=True).returncode != 0:
        pytest.skip("Jekyll is not installed (ruby with the jekyll gem)")
    tmp = tmp_path_factory.mktemp("jekyll-sites")
    copies = {name: _copy(tmp, name) for name in JEKYLL_SITES}
    done = subprocess.run([ruby, "-e", READER, *map(str, copies.values())], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    read = json.loads(done.stdout.splitlines()[-1])
    return {name: ({os.path.relpath(p, root): (kind, title) for p, kind, title in read[str(root)]}, root)
            for name, root in copies.items()}


def _rows(root: Path) -> dict:
    site = OpenSite.open(root)
    return {os.path.relpath(r.path, root): r for r in site.rows}


@needs_corpus
@pytest.mark.parametrize("name", JEKYLL_SITES)
def test_jekyll_site_lists_the_posts_jekyll_builds(name, jekyll_reads):
    expected, root = jekyll_reads[name]
    rows = _rows(root)
    assert sorted(rows) == sorted(expected)
    for path, (kind, title) in expected.items():
        assert (rows[path].state == "draft") == (kind == "draft"), path
        if title:  # Jekyll's own, or made from the file name when the post has none
            assert rows[path].title == title, path


@needs_corpus
@pytest.mark.parametrize("name", HUGO_SITES)
def test_hugo_site_lists_every_content_file(name, tmp_path):
    root = _copy(tmp_path, name)
    # Every page file: a `.mmark` file (hugoBasicExample has one) is copied by
    # Hugo 0.111 as a plain resource, not rendered.
    expected = sorted(os.path.relpath(os.path.join(d, f), root)
                      for d, _dirs, files in os.walk(root / "content") for f in files
                      if not f.endswith(".mmark"))
    assert sorted(_rows(root)) == expected


@needs_corpus
def test_titles_dates_and_states_as_written(tmp_path):
    # Korean titles, TOML dates with an odd offset, a Hugo draft.
    rows = _rows(_copy(tmp_path, "golangkorea__golangkorea-hugo"))
    concurrency = rows["content/post/go-start/concurrency.md"]
    assert (concurrency.title, concurrency.date, concurrency.state) == (
        "동시성(Concurrency) 프로그래밍", dt.datetime(2016, 10, 11, 16, 36, 39), "draft")
    assert rows["content/post/vim-go.md"].state == "published"
    assert "번역" in rows["content/post/go-walkthrough/io-package.md"].categories
    # CRLF, a `# comment` after every value, `+0800`: the date is the one written,
    # not moved into this machine's zone (the file name's day follows it).
    rows = _rows(_copy(tmp_path, "jcompliance__jcompliance.github.io"))
    row = rows["_posts/2021-04-22-apprecier-le-risque-de-contrepartie.md"]
    assert row.title == "Evaluer le risque de contrepartie - Audit du marché des Moyennes et Grandes Entreprises"
    assert row.date == dt.datetime(2021, 4, 21, 14, 10) and row.state == "published"
    # Jekyll splits a string of categories on spaces, the comment is no category.
    assert row.categories == ("Audit", "du", "marché", "des", "Moyennes", "et", "Grandes", "Entreprises")
    # A byte order mark; a post dated 2124 is scheduled; Korean drafts in _drafts.
    rows = _rows(_copy(tmp_path, "oriyao__oriyao.github.io"))
    assert rows["_posts/2012-12-12-hello-world.md"].title == "Hello world!"
    assert rows["_posts/2013-12-12-first-blog.md"].problems == 1  # `title:First` is no YAML map: Jekyll fails too
    assert rows["_posts/2013-12-12-first-blog.md"].title == "First Blog"  # from the file name, as Jekyll does
    rows = _rows(_copy(tmp_path, "MrSteveChoi__MrSteveChoi.github.io"))
    assert rows["_posts/leetcode_150/2124-11-02-Leetcode150_Day0.md"].state == "scheduled"
    rows = _rows(_copy(tmp_path, "GiGong__gigong.github.io"))
    drafts = sorted(r.title for r in rows.values() if r.state == "draft")
    assert drafts == ["Markdown Syntax file", "jekyll 포스팅 템플릿 입니다."]
    rows = _rows(_copy(tmp_path, "jekyll__jekyll/docs"))
    assert rows["_posts/2013-11-04-jekyll-1-3-0-released.markdown"].date == dt.datetime(2013, 11, 4, 21, 46, 2)


def test_an_offset_date_is_scheduled_by_its_instant(tmp_path):
    from editor.core.site.post_index import summarize
    from editor.core.site.post_rows import row_of

    post = tmp_path / "_posts" / "2030-01-01-a.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: A\ndate: 2030-01-01 08:00:00 +0800\n---\n", encoding="utf-8")
    summary = summarize(post)
    utc = dt.timezone.utc
    # 08:00 +0800 is 00:00 UTC: scheduled one second before, published at it.
    assert row_of(summary, dt.datetime(2029, 12, 31, 23, 59, 59, tzinfo=utc)).state == "scheduled"
    assert row_of(summary, dt.datetime(2030, 1, 1, 0, 0, 0, tzinfo=utc)).state == "published"
    assert row_of(summary).date == dt.datetime(2030, 1, 1, 8, 0)


def test_publishing_a_read_only_draft_leaves_it_a_draft(tmp_path):
    # The corpus's files are read-only: publishing one moves it, then cannot write its date.
    from editor.core.disk.storage import StorageError
    from editor.core.site import post_files

    root = tmp_path / "blog"
    (root / "_drafts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    draft = root / "_drafts" / "idea.md"
    draft.write_bytes(b"---\r\ntitle: Idea # kept\r\n---\r\nbody\r\n")
    draft.chmod(0o444)
    with pytest.raises(StorageError, match="read-only"):
        post_files.publish(draft, OpenSite.open(root).site)
    assert draft.read_bytes() == b"---\r\ntitle: Idea # kept\r\n---\r\nbody\r\n"
    assert not (root / "_posts").exists() or not any((root / "_posts").iterdir())


#: (site, the open post, where a new draft goes, where a new post goes: {date} is today).
NEW_POST_CASES = [
    ("GiGong__gigong.github.io", "_posts/CSharp/2023-02-23-CSharp-write-excel-data.md",
     "_drafts/새-글.md", "_posts/{date}-새-글.md"),
    ("jcompliance__jcompliance.github.io", "_posts/2021-04-04-hello-world-en.md",
     "_drafts/새-글.md", "_posts/{date}-새-글.md"),
    ("ruby__www.ruby-lang.org", "ko/news/_posts/2020-12-25-ruby-3-0-0-released.md",
     "ko/news/_drafts/새-글.md", "ko/news/_posts/{date}-새-글.md"),  # beside the open post's _posts
    ("golangkorea__golangkorea-hugo", "content/post/vim-go.md", "content/post/새-글.md", "content/post/새-글.md"),
    ("olOwOlo__hugo-theme-even/exampleSite", "content/about.md", "content/post/새-글.md", "content/post/새-글.md"),
    # `contentDir: content/en`: the section is taken inside it.
    ("google__docsy-example", "content/en/docs/getting-started/example-page.md",
     "content/en/docs/새-글.md", "content/en/docs/새-글.md"),
]


@needs_corpus
@pytest.mark.parametrize(("name", "current", "draft", "post"), NEW_POST_CASES,
                         ids=[getattr(c, "values", c)[0].split("__")[0] for c in NEW_POST_CASES])
def test_new_post_goes_where_the_site_keeps_its_posts(name, current, draft, post, tmp_path):
    from editor.core.site.new_post import NewPost, now_in, plan

    root = _copy(tmp_path, name)
    site = OpenSite.open(root).site
    now = now_in(site)
    for is_draft, expected in ((True, draft), (False, post)):
        path, _text = plan(site, NewPost("새 글", now, draft=is_draft), root / current)
        assert os.path.relpath(path, root) == expected.format(date=f"{now:%Y-%m-%d}")

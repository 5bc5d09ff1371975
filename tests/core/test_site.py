"""Site: discovery, configuration, post files, the fast index and the vocabulary,
on small real sites built in tmp_path and on the corpus."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

from editor.core.post.document import Document
from editor.core.site.post_index import HEAD_BYTES, READ_AHEAD_MIN
from editor.core.site.site import (CONFIG_FILES, PostSummary, Site, _can_fork, split_front_matter,
                                   summarize)

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").is_file(),
                                  reason="corpus not found at ../shared/corpus")


def write(root: Path, rel: str, content: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


@pytest.fixture
def jekyll(tmp_path: Path) -> Path:
    root = tmp_path / "blog"
    write(root, "_config.yml", "title: 블로그\nbaseurl: /blog/\nurl: https://example.org\n"
                               "collections:\n  recipes:\n    output: true\n")
    write(root, "_posts/2024-01-02-hello.md",
          "---\ntitle: 안녕하세요\ndate: 2024-01-02 10:00:00 +09:00\nupdated: 2024-01-03 10:00:00 +0900\n"
          "tags: [python, 개발]\n"
          "categories: tech\n---\n본문\n")
    write(root, "_posts/2023/2023-05-06-spaces.markdown",
          "---\r\ntitle: CRLF post\r\ntags: jekyll 개발 python\r\ncategory: life\r\n---\r\nbody\r\n")
    write(root, "_posts/2022-01-01-bom.html", "\ufeff---\ntitle: BOM\ntags:\n  - python\n---\n<p>x</p>\n")
    write(root, "_posts/2021-01-01-broken.md", "---\ntitle: ok\ntags: [a, b\n---\nbody\n")
    write(root, "_posts/2021-02-02-unclosed.md", "---\ntitle: never closed\n\nbody\n")
    write(root, "_posts/2021-03-03-none.md", "No front matter here.\n")
    write(root, "_posts/notes.txt", "---\ntitle: not a post\n---\n")
    write(root, "_drafts/idea.md", "---\ntitle: draft\ntags: [idea]\n---\n")
    write(root, "_recipes/kimchi.md", "---\ntitle: 김치\n---\n")
    write(root, "_site/2024/01/02/hello.md", "---\ntitle: built copy\n---\n")
    write(root, "node_modules/pkg/_posts/readme.md", "---\ntitle: dependency\n---\n")
    write(root, "ko/news/_posts/2020-01-01-nested.md", "---\ntitle: nested posts folder\n---\n")
    write(root, "about.md", "---\ntitle: a page, not a post\n---\n")
    return root


def test_jekyll_discovery_from_a_post_and_config(jekyll: Path):
    site = Site.discover(jekyll / "_posts" / "2023" / "2023-05-06-spaces.markdown")
    assert site.root == jekyll and site.generator == "jekyll"
    assert site.config_path == jekyll / "_config.yml" and site.config["title"] == "블로그"
    assert site.config_error is None
    assert site.baseurl == "/blog" and site.url == "https://example.org"
    assert Site.discover(jekyll).root == jekyll


def test_jekyll_post_files(jekyll: Path):
    files = [p.relative_to(jekyll).as_posix() for p in Site.discover(jekyll).post_files()]
    assert files == sorted(files)
    assert set(files) == {
        "_drafts/idea.md",
        "_posts/2021-01-01-broken.md",
        "_posts/2021-02-02-unclosed.md",
        "_posts/2021-03-03-none.md",
        "_posts/2022-01-01-bom.html",
        "_posts/2023/2023-05-06-spaces.markdown",
        "_posts/2024-01-02-hello.md",
        "_recipes/kimchi.md",
        "ko/news/_posts/2020-01-01-nested.md",
    }


def test_post_paths_are_the_post_files_as_strings(jekyll: Path):
    site = Site.discover(jekyll)
    assert site.post_paths() == [str(p) for p in site.post_files()]
    assert all(isinstance(p, str) for p in site.post_paths())


def test_jekyll_index_values_errors_and_kinds(jekyll: Path):
    site = Site.discover(jekyll)
    by_name = {s.path.name: s for s in site.index()}
    hello = by_name["2024-01-02-hello.md"]
    assert hello.error is None and hello.kind == "yaml"
    assert hello.front_matter["title"] == "안녕하세요"
    assert hello.front_matter["date"] == dt.datetime(2024, 1, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9))) \
        + dt.timedelta(days=1)
    assert hello.front_matter["date"].utcoffset() == dt.timedelta(hours=9)
    # `+0900` is a time zone for Jekyll (Psych), and so for the index.
    assert hello.front_matter["updated"] == dt.datetime(2024, 1, 3, 1, 0, tzinfo=dt.timezone.utc)
    assert hello.front_matter["updated"].utcoffset() == dt.timedelta(hours=9)
    assert by_name["2022-01-01-bom.html"].front_matter["title"] == "BOM"
    assert by_name["2021-03-03-none.md"].kind == "none" and by_name["2021-03-03-none.md"].error is None

    broken = by_name["2021-01-01-broken.md"].error
    assert broken is not None and broken.rule == "yaml-syntax"
    assert broken.line == 4 and broken.path == str(jekyll / "_posts" / "2021-01-01-broken.md")
    assert broken.format().startswith(f"{broken.path}:4:")
    unclosed = by_name["2021-02-02-unclosed.md"].error
    assert unclosed.rule == "front-matter-unclosed" and unclosed.line == 1


def test_jekyll_vocabulary_splits_space_separated_strings(jekyll: Path):
    vocab = Site.discover(jekyll).vocabulary()
    assert vocab["tags"] == Counter({"python": 3, "개발": 2, "jekyll": 1, "idea": 1})
    assert vocab["categories"] == Counter({"tech": 1, "life": 1})


def test_index_reads_past_the_head_when_the_front_matter_is_long(tmp_path: Path):
    long_value = "가" * (HEAD_BYTES // 2)  # 3 bytes each in UTF-8: the block ends past the head
    path = write(tmp_path, "_posts/2020-01-01-long.md",
                 f"---\ntitle: long\nsummary: {long_value}\nlast: here\n---\n" + "body\n" * 5000)
    summary = summarize(path)
    assert summary.error is None and summary.front_matter["last"] == "here"
    assert summary.front_matter["summary"] == long_value


def test_index_legacy_encoding_and_binary_files(tmp_path: Path):
    korean = write(tmp_path, "a.md", "---\ntitle: 한국어 제목입니다\ntags: [일기]\n---\n본문은 한국어로 씁니다.\n"
                   .encode("cp949"))
    assert summarize(korean).front_matter == {"title": "한국어 제목입니다", "tags": ["일기"]}
    binary = write(tmp_path, "b.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    summary = summarize(binary)
    assert summary.front_matter == {} and summary.error is not None
    assert summary.error.path == str(binary)


def _document_error_at(path: Path) -> tuple[int, int]:
    error = Document.from_bytes(path.read_bytes()).front_matter_error
    return error.line, error.column


def test_split_front_matter_kinds_and_lines():
    # The fragment is the document's: the line break before the closer is part of it.
    assert split_front_matter("---\na: 1\n---\nbody") == ("yaml", "a: 1\n", 2)
    assert split_front_matter("---   \r\na: 1\r\n...\r\nbody") == ("yaml", "a: 1\r\n", 2)
    assert split_front_matter("---\n---\nbody") == ("yaml", "", 2)
    assert split_front_matter("+++\na = 1\n+++\n") == ("toml", "a = 1\n", 2)
    assert split_front_matter('{\r"a": 1\r}\r\rbody') == ("json", '{\r"a": 1\r}', 1)
    assert split_front_matter("plain text\n---\n") is None
    assert split_front_matter("{{< shortcode >}}\n") is None


@pytest.fixture
def hugo(tmp_path: Path) -> Path:
    root = tmp_path / "hugo-site"
    write(root, "config.toml", 'baseURL = "https://example.org/docs/"\ntitle = "Hugo"\n'
                               '[taxonomies]\ntag = "tags"\nseries = "series"\n')
    write(root, "content/posts/one.md", '+++\ntitle = "하나"\ntags = ["go", "hugo"]\nseries = ["intro"]\n'
                                        'date = 2016-08-22T22:57:14+09:00\n+++\nbody\n')
    write(root, "content/posts/two.md", "---\ntitle: two\ntags: go\n---\n")
    write(root, "content/posts/three.md", '{\n"title": "three",\n"tags": ["go"]\n}\n\nbody\n')
    write(root, "content/posts/bad.md", '+++\ntitle = "x"\ntags = [\n+++\n')
    write(root, "content/_index.md", "---\ntitle: section\n---\n")
    write(root, "content/posts/img.png", b"\x89PNG")
    # Hugo 0.111 copies these as plain resources: no pages.
    write(root, "content/posts/old.mmark", "---\ntitle: mmark\n---\n")
    write(root, "content/posts/notes.mkd", "---\ntitle: mkd\n---\n")
    write(root, "public/posts/one.md", "---\ntitle: built\n---\n")
    write(root, "themes/x/exampleSite/content/a.md", "---\ntitle: theme\n---\n")
    return root


def test_hugo_site(hugo: Path):
    site = Site.discover(hugo / "content" / "posts" / "one.md")
    assert (site.root, site.generator, site.config_path) == (hugo, "hugo", hugo / "config.toml")
    assert site.baseurl == "/docs" and site.url == "https://example.org"
    assert [p.relative_to(hugo).as_posix() for p in site.post_files()] == [
        "content/_index.md", "content/posts/bad.md", "content/posts/one.md",
        "content/posts/three.md", "content/posts/two.md"]
    assert not site.is_post_path(hugo / "content/posts/old.mmark")
    assert site.is_post_path(hugo / "content/posts/new.markdown")
    by_name = {s.path.name: s for s in site.index()}
    assert by_name["one.md"].kind == "toml"
    assert by_name["one.md"].front_matter["date"].utcoffset() == dt.timedelta(hours=9)
    assert by_name["three.md"].kind == "json" and by_name["three.md"].front_matter["title"] == "three"
    bad = by_name["bad.md"].error
    # Where the document puts it too: the array is still open at the end of the front matter.
    assert (bad.rule, bad.line) == ("toml-syntax", 4)
    assert (bad.line, bad.column) == _document_error_at(hugo / "content/posts/bad.md")
    vocab = site.vocabulary()
    # Hugo: a string is one term, not split on spaces; configured taxonomies only.
    assert vocab == {"tags": Counter({"go": 3, "hugo": 1}), "series": Counter({"intro": 1})}


@pytest.mark.parametrize("config", ["hugo.toml", "hugo.yaml", "hugo.json", "config/_default/hugo.toml"])
def test_hugo_config_file_names(tmp_path: Path, config: str):
    body = {"toml": 'baseURL = "https://h.example/"\n', "yaml": "baseURL: https://h.example/\n",
            "json": '{"baseURL": "https://h.example/"}'}[config.rsplit(".", 1)[1]]
    write(tmp_path, config, body)
    write(tmp_path, "content/a.md", "---\ntitle: a\n---\n")
    site = Site.discover(tmp_path / "content" / "a.md")
    assert (site.root, site.generator, site.url, site.baseurl) == (tmp_path, "hugo", "https://h.example", "")


@pytest.mark.parametrize("name", CONFIG_FILES)
def test_every_recognised_config_name_makes_a_site_root(tmp_path: Path, name: str):
    # CONFIG_FILES is what the CLI's nested-site scan and the watcher look for: a
    # name discovery would not accept would make them see sites that are not there.
    body = {"toml": 'baseURL = "https://c.example/"\n', "json": '{"baseURL": "https://c.example/"}'}.get(
        name.rsplit(".", 1)[1], "url: https://c.example\nbaseURL: https://c.example/\n")
    write(tmp_path, "site/" + name, body)
    write(tmp_path, "site/content/a.md", "---\ntitle: a\n---\n")
    write(tmp_path, "site/_posts/2020-01-01-a.md", "---\ntitle: a\n---\n")
    site = Site.discover(tmp_path / "site" / "content")
    assert site.root == tmp_path / "site" and site.config_path == tmp_path / "site" / name
    assert site.url == "https://c.example"


def test_zola_site(tmp_path: Path):
    write(tmp_path, "config.toml", 'base_url = "https://blog.example.org/rust"\ncompile_sass = true\n'
                                   'taxonomies = [{name = "tags"}, {name = "authors"}]\n[markdown]\n')
    write(tmp_path, "content/post.md", '+++\ntitle = "z"\n[taxonomies]\ntags = ["rust"]\nauthors = ["me"]\n+++\n')
    write(tmp_path, "content/inside/other.md", '+++\ntitle = "y"\n[taxonomies]\ntags = ["rust", "zola"]\n+++\n')
    site = Site.discover(tmp_path / "content" / "inside")
    assert (site.root, site.generator) == (tmp_path, "zola")
    assert site.baseurl == "/rust" and site.url == "https://blog.example.org"
    assert len(site.post_files()) == 2
    assert site.vocabulary() == {"tags": Counter({"rust": 2, "zola": 1}), "authors": Counter({"me": 1})}


def test_unknown_site_is_the_folder_itself_with_bounded_depth(tmp_path: Path):
    folder = tmp_path / "notes"
    write(folder, "a.md", "---\ntitle: a\n---\n")
    write(folder, "x/y/b.markdown", "# b\n")
    write(folder, "1/2/3/4/c.md", "# c (depth 4)\n")
    write(folder, "1/2/3/4/5/d.md", "# d (too deep)\n")
    write(folder, "node_modules/e.md", "# e\n")
    write(folder, "page.html", "<p>not Markdown</p>\n")
    site = Site.discover(folder / "a.md")
    assert (site.root, site.generator, site.config, site.config_path) == (folder, "unknown", {}, None)
    assert (site.baseurl, site.url) == ("", "")
    assert [p.relative_to(folder).as_posix() for p in site.post_files()] == ["1/2/3/4/c.md", "a.md", "x/y/b.markdown"]
    assert site.index()[1].front_matter == {"title": "a"}


@pytest.mark.parametrize(
    "name, content, rule, line",
    [
        ("_config.yml", "title: ok\nbaseurl: [unclosed\nurl: x\n", "yaml-syntax", 3),
        ("config.toml", 'base_url = "x"\ntitle = = 1\n', "toml-syntax", 2),
        ("hugo.json", '{\n"baseURL": "x",\n}', "json-syntax", 3),
        ("_config.yml", "- just\n- a list\n", "yaml-syntax", 1),
    ],
)
def test_broken_config_never_crashes(tmp_path: Path, name: str, content: str, rule: str, line: int):
    write(tmp_path, name, content)
    write(tmp_path, "content/a.md", "---\ntitle: a\n---\n")
    site = Site.discover(tmp_path)
    assert site.root == tmp_path and site.config == {}
    assert site.config_error is not None
    assert (site.config_error.rule, site.config_error.line) == (rule, line)
    assert site.config_error.path == str(tmp_path / name)
    assert site.baseurl == "" and isinstance(site.post_files(), list)


def test_index_with_a_process_pool_matches_one_process(jekyll: Path):
    for i in range(30):
        write(jekyll, f"_posts/gen/2020-01-{i:02d}-p.md", f"---\ntitle: 글 {i}\ntags: [t{i % 3}]\n---\n")
    site = Site.discover(jekyll)
    single = site.index(workers=1)
    pooled = site.index(workers=2)
    assert [(s.path, s.kind, s.front_matter) for s in pooled] == [(s.path, s.kind, s.front_matter) for s in single]
    assert [(s.error.line, s.error.rule) if s.error else None for s in pooled] == \
        [(s.error.line, s.error.rule) if s.error else None for s in single]
    assert all(isinstance(s, PostSummary) for s in pooled)


def test_forked_pool_in_a_fresh_single_threaded_process(jekyll: Path):
    """The pool only forks a single-threaded process; pytest may have Qt threads
    by now, so run it where the pool really is used."""
    for i in range(20):
        write(jekyll, f"_posts/gen/2020-02-{i:02d}-p.md", f"---\ntitle: 글 {i}\n---\n")
    script = (
        "import sys, threading\n"
        "from editor.core.site.site import Site, _can_fork, _index_in_pool, summarize\n"
        "site = Site.discover(sys.argv[1]); files = site.post_files()\n"
        "assert _can_fork(), 'a fresh interpreter has one thread'\n"
        "pooled = _index_in_pool(files, 2)\n"
        "assert pooled is not None\n"
        "single = [summarize(p) for p in files]\n"
        "key = lambda s: (s.path, s.kind, s.front_matter, s.error and (s.error.line, s.error.rule))\n"
        "assert [key(s) for s in pooled] == [key(s) for s in single]\n"
        "t = threading.Thread(target=lambda: None); t.start(); t.join()\n"
        "print(len(pooled))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(jekyll)], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) == len(Site.discover(jekyll).post_files())


def test_no_fork_while_other_threads_run():
    started, release = threading.Event(), threading.Event()
    worker = threading.Thread(target=lambda: (started.set(), release.wait(10)))
    worker.start()
    try:
        started.wait(10)
        assert _can_fork() is False
    finally:
        release.set()
        worker.join()


def test_alias_bomb_in_front_matter_is_indexed_quickly(tmp_path: Path):
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)},"
        f" *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    ) + "tags: [ok]\n---\n"
    path = write(tmp_path, "_posts/2020-01-01-bomb.md", bomb)
    summary = summarize(path)  # PyYAML shares aliased values: nothing expands
    assert summary.front_matter["tags"] == ["ok"]
    assert Site.discover(tmp_path).vocabulary()["tags"] == Counter({"ok": 1})


# -- the corpus -------------------------------------------------------------------


def manifest_rows() -> list[list[str]]:
    if not (CORPUS / "MANIFEST.tsv").is_file():
        return []
    lines = (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t") for line in lines if "site-config" not in line]


@needs_corpus
def test_corpus_every_post_is_indexed_with_its_front_matter_kind():
    rows = manifest_rows()
    assert len(rows) >= 250
    errors = []
    for row in rows:
        summary = summarize(CORPUS / row[0])
        assert summary.kind == row[5], row[0]
        if summary.error:
            errors.append((row[0], summary.error.rule))
    # The one post whose YAML really is broken (`layout:post` then `category: x`).
    assert errors == [("oriyao__oriyao.github.io/_posts/2013-12-12-first-blog.md", "yaml-syntax")]


@needs_corpus
@pytest.mark.parametrize(
    "folder, root, generator, url, post_count",
    [
        ("golangkorea__golangkorea-hugo/content/post/vim-go.md", "golangkorea__golangkorea-hugo", "hugo",
         "https://golangkorea.github.io", 27),
        ("rust-lang__blog.rust-lang.org/content/Rust-1.17.md", "rust-lang__blog.rust-lang.org", "zola",
         "https://blog.rust-lang.org", 16),
        ("jekyll__jekyll/docs/_posts", "jekyll__jekyll/docs", "jekyll", "https://jekyllrb.com", 25),
        ("ruby__www.ruby-lang.org/ko/news/_posts", "ruby__www.ruby-lang.org", "jekyll",
         "https://www.ruby-lang.org", 30),
        ("google__docsy-example/content", "google__docsy-example", "hugo", "https://example.docsy.dev", 8),
        ("halogenica__beautifulhugo/exampleSite/content", "halogenica__beautifulhugo/exampleSite", "hugo",
         "http://localhost:1313", 11),
        ("mmistakes__jekyll-theme-basically-basic/docs/_posts",
         "mmistakes__jekyll-theme-basically-basic/docs", "jekyll", "https://mmistakes.github.io", 12),
    ],
)
def test_corpus_site_discovery(folder, root, generator, url, post_count):
    site = Site.discover(CORPUS / folder)
    assert site.root == CORPUS / root and site.generator == generator
    assert site.config_error is None and site.url == url
    files = site.post_files()
    assert len(files) == post_count
    index = site.index()
    assert [s.path for s in index] == files
    assert not [s for s in index if s.error]


@needs_corpus
def test_corpus_vocabulary_of_a_korean_site():
    site = Site.discover(CORPUS / "golangkorea__golangkorea-hugo")
    vocab = site.vocabulary()
    assert vocab["tags"]["Development"] >= 1 and sum(vocab["categories"].values()) >= 27
    assert "번역" in vocab["categories"] or "번역" in vocab["tags"]


def test_reindex_reads_only_changed_files(jekyll: Path):
    site = Site.discover(jekyll)
    first = {s.path.name: s for s in site.index()}
    hello = jekyll / "_posts" / "2024-01-02-hello.md"
    hello.write_text("---\ntitle: 바뀐 제목\n---\n", encoding="utf-8")
    (jekyll / "_posts" / "2021-03-03-none.md").unlink()
    write(jekyll, "_posts/2025-01-01-new.md", "---\ntitle: new\n---\n")
    second = {s.path.name: s for s in site.index()}
    assert second["2024-01-02-hello.md"].front_matter == {"title": "바뀐 제목"}
    assert "2021-03-03-none.md" not in second and second["2025-01-01-new.md"].front_matter == {"title": "new"}
    # Unchanged files come from the cache: the very same summaries.
    assert second["2022-01-01-bom.html"] is first["2022-01-01-bom.html"]
    assert Site.discover(jekyll).index()[0].path == site.index()[0].path


def test_symlinked_folders_are_followed_once_and_loops_end(tmp_path: Path):
    write(tmp_path, "config.toml", 'baseURL = "https://e.org/"\n')
    write(tmp_path, "elsewhere/linked.md", "---\ntitle: linked\n---\n")
    write(tmp_path, "content/a.md", "---\ntitle: a\n---\n")
    (tmp_path / "content" / "loop").symlink_to(tmp_path / "content", target_is_directory=True)
    (tmp_path / "content" / "more").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    names = sorted(p.name for p in Site.discover(tmp_path).post_files())
    assert names == ["a.md", "linked.md"]


def test_discover_never_fails_on_odd_paths(tmp_path: Path):
    missing = Site.discover(tmp_path / "no" / "such" / "post.md")
    assert missing.generator == "unknown" and missing.post_files() == []
    write(tmp_path, "_config.yml", b"\xff\xfe\x00binary\x00")
    site = Site.discover(tmp_path)
    assert site.generator == "jekyll" and site.config == {} and site.config_error is not None


def test_unclosed_block_in_a_huge_file_stops_at_the_limit(tmp_path: Path):
    path = write(tmp_path, "big.md", "---\ntitle: x\n" + "line: of text\n" * 400_000)  # ~5.6 MB
    summary = summarize(path)
    assert summary.error.rule == "front-matter-limit" and summary.front_matter == {}
    small = write(tmp_path, "small.md", "---\ntitle: x\n" + "y\n" * 3000)
    assert summarize(small).error.rule == "front-matter-unclosed"


def test_read_ahead_threads_keep_order_and_errors(tmp_path: Path):
    for i in range(READ_AHEAD_MIN + 50):
        kind = i % 4
        body = ("---\ntitle: 글 %d\n---\n" % i, "+++\ntitle = \"t%d\"\n+++\n" % i,
                "---\ntitle: [broken %d\n---\n" % i, "no front matter %d\n" % i)[kind]
        write(tmp_path, f"_posts/2020-01-01-p{i:04d}.md", body)
    site = Site.discover(tmp_path)
    files = site.post_files()
    threaded = site.index(workers=1)
    serial = [summarize(p) for p in files]
    assert [s.path for s in threaded] == files
    assert [(s.kind, s.front_matter, s.error and (s.error.rule, s.error.line)) for s in threaded] == \
        [(s.kind, s.front_matter, s.error and (s.error.rule, s.error.line)) for s in serial]
    assert sum(1 for s in threaded if s.error) == (READ_AHEAD_MIN + 50 + 1) // 4

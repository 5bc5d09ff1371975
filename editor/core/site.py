"""The site a post belongs to: where its root is, which generator builds it,
its configuration, its post files, and a fast index of their front matter.

Discovery walks up from a post (or folder) to the first folder that looks
like a site root; a broken configuration never stops Galley from opening the
site: `config` is then `{}` and `config_error` says where the problem is.

The index is for lists and completion (tags in use, titles, dates), not for
editing: it reads only the head of each file, splits off the front matter and
parses it with the fast loaders (`yaml_loader.GalleyLoader`, which is PyYAML's
C safe loader with Jekyll's date rules; tomllib; json). A Site remembers what
it indexed and re-reads only files that changed. Editing goes through the
lossless handlers in `fm_yaml` / `fm_toml` / `fm_json`.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

import yaml

from .errors import FrontMatterError, PostError
from .fm_json import find_json_front_matter, line_col
from .yaml_loader import GalleyLoader

__all__ = ["Site", "PostSummary", "POST_EXTENSIONS", "SKIP_DIRS", "summarize", "split_front_matter",
           "front_matter_of"]


#: File extensions Jekyll, Hugo and Zola read as posts.
POST_EXTENSIONS = frozenset(
    {".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".html", ".text", ".textile", ".mmark"}
)
_MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mmark"})
#: Build output, dependencies and tooling: never posts, often huge.
SKIP_DIRS = frozenset(
    {"_site", "public", "node_modules", ".git", ".hg", ".svn", "vendor", ".bundle",
     ".jekyll-cache", ".sass-cache", "resources", "target", "__pycache__", ".venv"}
)
UNKNOWN_MAX_DEPTH = 4  # folders below the root searched when the generator is unknown

HEAD_BYTES = 4096  # nearly every front matter ends within the first 4 KB
MAX_FRONT_MATTER = 1_000_000  # as fm_yaml: a megabyte of front matter is not front matter
POOL_THRESHOLD = 2000  # below this many files a process pool costs more than it saves
READ_AHEAD_MIN = 200  # from this many files, read heads in threads while parsing
READ_CHUNK = 32  # files per read-ahead task
READER_THREADS = 6
# bench/bench_index.py on the 2-vCPU machine, 10,000 posts, load average ~1:
# two forked workers 1.26 s wall vs one process 2.06 s, at the same total CPU.
# (Earlier runs at load 5-8, with other jobs on both cores, showed no gain:
# the pool only pays when the second core is free, which it usually is.)
POOL_MIN_CPUS = 2

_CLOSE_YAML = re.compile(r"(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)")
_CLOSE_TOML = re.compile(r"(?:\r\n|\r|\n)\+\+\+[ \t]*(?:\r\n|\r|\n|$)")
_OPEN = re.compile(r"(---|\+\+\+)[ \t]*(\r\n|\r|\n)")
_TOMLLIB_POS = re.compile(r"\(at line (\d+), column (\d+)\)")

_ZOLA_KEYS = ("base_url", "compile_sass", "markdown", "generate_feeds", "build_search_index")
_HUGO_KEYS = ("baseurl", "languagecode", "theme", "contentdir", "params", "menu",
              "defaultcontentlanguage", "module", "markup", "taxonomies", "paginate")


@dataclass
class PostSummary:
    """What the index knows of one post."""

    path: Path
    front_matter: dict
    error: PostError | None = None
    #: "yaml", "toml", "json" or "none" (same values as document.FrontMatterKind).
    kind: str = "none"


# -- front matter, fast ------------------------------------------------------


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(kind, front matter text, file line where it starts), or None if the
    text has no front matter. Raises PostError for an unclosed block.

    Same delimiters as the document: `---` ... `---`/`...` for YAML, `+++`
    ... `+++` for TOML, each on a line of its own (trailing blanks allowed),
    or a JSON object at the top (`fm_json.find_json_front_matter`).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    m = _OPEN.match(text)
    if m:
        kind = "yaml" if m.group(1) == "---" else "toml"
        closer = _CLOSE_YAML if kind == "yaml" else _CLOSE_TOML
        start = m.end() - len(m.group(2))  # keep the opening line break: an empty block closes at once
        end = closer.search(text, start)
        if end is None:
            raise FrontMatterError(f"front matter opened with {m.group(1)} is never closed",
                                   1, 1, rule="front-matter-unclosed")
        return kind, text[m.end() : end.start()] if end.start() >= m.end() else "", 2
    if text.startswith("{"):
        span = find_json_front_matter(text)
        if span is not None:
            return "json", text[span[0] : span[1]], 1
    return None


def _parse_front_matter(kind: str, fm: str, first_line: int) -> dict:
    """Plain values of a front matter; PostError with the *file* position."""
    if len(fm) > MAX_FRONT_MATTER:
        raise FrontMatterError("front matter larger than 1 MB", first_line, 1, rule="front-matter-limit")
    try:
        if kind == "yaml":
            data = yaml.load(fm, Loader=GalleyLoader)  # noqa: S506 - PyYAML's C safe loader, Psych dates
        elif kind == "toml":
            data = tomllib.loads(fm)
        else:
            data = json.loads(fm)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise FrontMatterError(f"YAML syntax: {exc.problem or exc}", first_line + line - 1, col,
                               rule="yaml-syntax") from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"YAML syntax: {exc}", first_line, 1, rule="yaml-syntax") from None
    except tomllib.TOMLDecodeError as exc:
        m = _TOMLLIB_POS.search(str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        message = _TOMLLIB_POS.sub("", str(exc)).strip()
        if "(at end of document)" in message:
            lines = re.split(r"\r\n|\r|\n", fm)
            line, col = len(lines), len(lines[-1]) + 1
            message = message.replace("(at end of document)", "at the end of the front matter").strip()
        raise FrontMatterError(f"TOML syntax: {message}", first_line + line - 1, col,
                               rule="toml-syntax") from None
    except json.JSONDecodeError as exc:
        line, col = line_col(fm, exc.pos)
        raise FrontMatterError(f"JSON syntax: {exc.msg}", first_line + line - 1, col,
                               rule="json-syntax") from None
    except RecursionError:
        raise FrontMatterError("front matter nested too deeply", first_line, 1,
                               rule="front-matter-limit") from None
    except (ValueError, TypeError) as exc:
        raise FrontMatterError(f"front matter cannot be read: {exc}", first_line, 1,
                               rule=f"{kind}-syntax") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a map of keys to values", first_line, 1,
                               rule=f"{kind}-syntax")
    return data


_OPEN_B = re.compile(rb"(---|\+\+\+)[ \t]*(\r\n|\r|\n)")
_CLOSE_B = {
    "yaml": re.compile(rb"(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)"),
    "toml": re.compile(rb"(?:\r\n|\r|\n)\+\+\+[ \t]*(?:\r\n|\r|\n|$)"),
}
_MORE = object()  # the head is not enough: read the whole file
_SLOW = object()  # not plain UTF-8: decode the whole file the careful way


def _split_bytes(data: bytes, complete: bool) -> Any:
    """`split_front_matter` on the raw bytes of a UTF-8 file, decoding only the
    front matter (bodies are most of the bytes, and the index needs none of it).
    Returns a split, None, `_MORE` or `_SLOW`."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        return _SLOW  # UTF-16/32 or binary: encoding.decode knows
    m = _OPEN_B.match(data)
    if m:
        kind = "yaml" if m.group(1) == b"---" else "toml"
        end = _CLOSE_B[kind].search(data, m.end() - len(m.group(2)))
        if end is None:
            return split_front_matter(data.decode("utf-8", "replace")) if complete else _MORE
        fm = data[m.end() : end.start()] if end.start() >= m.end() else b""
        try:
            return kind, fm.decode("utf-8"), 2
        except UnicodeDecodeError:
            return _SLOW
    if data.startswith(b"{"):
        if not complete:  # never decode half a character
            cut = max(data.rfind(b"\n"), data.rfind(b"\r"))
            data = data[: cut + 1] if cut > 0 else data
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return _SLOW
        found = split_front_matter(text)
        return _MORE if found is None and not complete else found
    return None


def front_matter_of(path: str | os.PathLike) -> tuple[str, str, int] | None:
    """(kind, front matter text, file line where it starts) of a post file, or
    None; reads only the head of the file when the front matter ends in it.
    Raises PostError (unclosed block, undecodable file) or OSError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        data = os.read(fd, HEAD_BYTES)
        complete = len(data) < HEAD_BYTES
        found = _split_bytes(data, complete)
        if found is _MORE or found is _SLOW:
            # The rest of the file; for a block that is still open, no more
            # than the front-matter limit (a 100 MB file is not all header).
            limit = HEAD_BYTES + 4 * MAX_FRONT_MATTER if found is _MORE else None
            parts, size = [data], len(data)
            while (limit is None or size < limit) and (chunk := os.read(fd, 1 << 20)):
                parts.append(chunk)
                size += len(chunk)
            data = b"".join(parts)
            if found is _MORE:
                found = _split_bytes(data, complete=size < limit)
                if found is _MORE:
                    raise FrontMatterError("front matter not closed within its first megabyte",
                                           1, 1, rule="front-matter-limit")
    finally:
        os.close(fd)
    if found is _SLOW:
        from .encoding import decode  # legacy encodings: rare, and slower

        found = split_front_matter(decode(data).text)
    return found


def summarize(path: Path) -> PostSummary:
    """Index one post: never raises for a bad file, it reports it."""
    return _summary_of(path, _read_safely(path))


def _read_safely(path: Path) -> Any:
    """front_matter_of(path), or the PostError / OSError it raised."""
    try:
        return front_matter_of(path)
    except (PostError, OSError) as exc:
        return exc


def _summary_of(path: Path, found: Any) -> PostSummary:
    if isinstance(found, PostError):
        return PostSummary(path, {}, found.with_path(path), "none")
    if isinstance(found, OSError):
        error = PostError(f"cannot read: {found.strerror or found}", path=str(path), rule="io-error")
        return PostSummary(path, {}, error, "none")
    if found is None:
        return PostSummary(path, {}, None, "none")
    kind, fm, first_line = found
    try:
        return PostSummary(path, _parse_front_matter(kind, fm, first_line), None, kind)
    except PostError as exc:
        return PostSummary(path, {}, exc.with_path(path), kind)


def _read_chunk(paths: list[Path]) -> list[Any]:
    return [_read_safely(p) for p in paths]


def _summarize_all(paths: list[Path]) -> list[PostSummary]:
    """Summaries in order, the files read ahead by a few threads while this
    one parses: with a cold page cache most of the time is waiting for the
    disk, and `os.read` releases the GIL (measured on 10,000 posts: cold
    7.4-8.3 s -> 2.5-4.0 s; warm no slower). Threads, unlike forked
    processes, are safe in a Qt app."""
    if len(paths) < READ_AHEAD_MIN:
        return [summarize(p) for p in paths]
    chunks = [paths[i : i + READ_CHUNK] for i in range(0, len(paths), READ_CHUNK)]
    out: list[PostSummary] = []
    with ThreadPoolExecutor(READER_THREADS, thread_name_prefix="galley-index-read") as pool:
        for part, found in zip(chunks, pool.map(_read_chunk, chunks)):
            out.extend(_summary_of(p, f) for p, f in zip(part, found))
    return out


def _summarize_chunk(paths: list[str]) -> list[tuple]:
    """For a worker process: (front matter, error, kind) per path. No Path
    objects or dataclasses cross the pipe (each costs a pickle and, for a
    Path, a re-parse); the parent puts the summaries back together."""
    out = []
    for name in paths:
        summary = summarize(Path(name))
        out.append((summary.front_matter, summary.error, summary.kind))
    return out


def _can_fork() -> bool:
    """Forking is safe only in a process with one thread. Count the threads the
    kernel sees (Qt's native threads are invisible to `threading`); on
    systems without /proc, or other than Linux, do not fork at all."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        with open("/proc/self/status", "rb") as f:
            for line in f:
                if line.startswith(b"Threads:"):
                    return int(line.split()[1]) == 1
    except (OSError, ValueError, IndexError):
        pass
    return False


def _index_in_pool(files: list[Path], workers: int) -> list[PostSummary] | None:
    """Summaries from a pool of forked processes, in `files` order; None if the pool fails."""
    import multiprocessing

    names = [str(p) for p in files]
    # A few chunks per worker: little pickling overhead, an even load.
    size = max(1, -(-len(names) // (workers * 4)))
    chunks = [names[i : i + size] for i in range(0, len(names), size)]
    try:
        with ProcessPoolExecutor(max_workers=workers,
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            parts = list(pool.map(_summarize_chunk, chunks))
    except (OSError, RuntimeError, ValueError):  # BrokenProcessPool is a RuntimeError
        return None
    rows = [row for part in parts for row in part]  # pool.map keeps the order
    return [PostSummary(path, fm, error, kind) for path, (fm, error, kind) in zip(files, rows)]


# -- the site ------------------------------------------------------------------


def _lower_keys(config: dict) -> dict:
    return {str(k).lower(): v for k, v in config.items()}


def _load_config(path: Path) -> dict:
    """Parse a config file; PostError (with path and position) if it is broken."""
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    kind = {".toml": "toml", ".json": "json"}.get(path.suffix.lower(), "yaml")
    try:
        return _parse_front_matter(kind, text, 1)
    except PostError as exc:
        raise exc.with_path(path) from None


def _detect(folder: Path) -> tuple[str, Path | None, dict, PostError | None] | None:
    """If `folder` is a site root: (generator, config path, config, error)."""

    def load(path: Path) -> tuple[dict, PostError | None]:
        try:
            return _load_config(path), None
        except PostError as exc:
            return {}, exc
        except OSError as exc:
            return {}, PostError(f"cannot read: {exc.strerror or exc}", path=str(path), rule="io-error")

    for name in ("_config.yml", "_config.yaml"):
        p = folder / name
        if p.is_file():
            return ("jekyll", p, *load(p))
    for name in ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"):
        p = folder / name
        if p.is_file():
            return ("hugo", p, *load(p))
    for name in ("config.toml", "config.yaml", "config.yml", "config.json"):
        p = folder / name
        if not p.is_file():
            continue
        config, error = load(p)
        keys = _lower_keys(config)
        if name == "config.toml" and any(k in config for k in _ZOLA_KEYS):
            return "zola", p, config, error
        if (folder / "content").is_dir() or any(k in keys for k in _HUGO_KEYS):
            return "hugo", p, config, error
        if error is not None and name == "config.toml":
            # Broken, so its keys cannot tell: Zola if there is a templates/ folder.
            return ("zola" if (folder / "templates").is_dir() else "hugo"), p, config, error
    for name in ("hugo.toml", "hugo.yaml", "config.toml", "config.yaml"):
        p = folder / "config" / "_default" / name  # Hugo's configuration directory
        if p.is_file():
            return ("hugo", p, *load(p))
    if (folder / "_posts").is_dir():
        return "jekyll", None, {}, None
    return None


def _url_parts(url: Any) -> tuple[str, str]:
    """("scheme://host", "/path") of a configured site URL."""
    if not isinstance(url, str) or not url:
        return "", ""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return origin, parts.path.rstrip("/")


class Site:
    """A site folder; build it with `Site.discover(path)`."""

    def __init__(self, root: Path, generator: str = "unknown", config: dict | None = None,
                 config_path: Path | None = None, config_error: PostError | None = None) -> None:
        self.root = Path(root)
        self.generator = generator
        self.config = config or {}
        self.config_path = config_path
        self.config_error = config_error
        self._index: list[PostSummary] | None = None
        self._cache: dict[Path, tuple[tuple, PostSummary]] = {}

    def __repr__(self) -> str:
        return f"Site({str(self.root)!r}, generator={self.generator!r})"

    @classmethod
    def discover(cls, path: str | os.PathLike) -> "Site":
        start = Path(path).absolute()
        folder = start if start.is_dir() else start.parent
        weak: Site | None = None
        for candidate in (folder, *folder.parents):
            found = _detect(candidate)
            if found is None:
                continue
            generator, config_path, config, error = found
            site = cls(candidate, generator, config, config_path, error)
            if config_path is not None:
                return site
            # A `_posts` folder without a config: Jekyll reads `_posts` at any
            # depth (ko/news/_posts), so a `_config.yml` higher up wins.
            weak = weak or site
        return weak or cls(folder)

    # -- configuration -------------------------------------------------------

    def _config_value(self, *names: str) -> Any:
        """A config value; Hugo's keys are case-insensitive (`baseURL` = `baseurl`)."""
        keys = _lower_keys(self.config) if self.generator == "hugo" else self.config
        for name in names:
            key = name.lower() if self.generator == "hugo" else name
            if keys.get(key) is not None:
                return keys[key]
        return None

    @property
    def baseurl(self) -> str:
        """The path the site is served under ("" or "/blog"), without a final slash."""
        if self.generator == "jekyll":
            value = self._config_value("baseurl")
            return str(value).rstrip("/") if value else ""
        if self.generator == "hugo":
            return _url_parts(self._config_value("baseURL"))[1]
        if self.generator == "zola":
            return _url_parts(self._config_value("base_url"))[1]
        return ""

    @property
    def url(self) -> str:
        """Scheme and host ("https://example.org"), or ""."""
        if self.generator == "jekyll":
            value = self._config_value("url")
            return str(value).rstrip("/") if value else ""
        if self.generator == "hugo":
            return _url_parts(self._config_value("baseURL"))[0]
        if self.generator == "zola":
            return _url_parts(self._config_value("base_url"))[0]
        return ""

    # -- files ---------------------------------------------------------------

    def post_files(self) -> list[Path]:
        """The site's posts, sorted: Jekyll `_posts`/`_drafts` (at any depth) and
        collections; Hugo/Zola everything under `content/` (and Hugo's
        configured content dirs); otherwise Markdown files at most
        UNKNOWN_MAX_DEPTH folders down. Build output and tool folders skipped."""
        if self.generator == "jekyll":
            files = self._jekyll_files()
        elif self.generator in ("hugo", "zola"):
            files = []
            for folder in self._content_dirs():
                files.extend(_walk(folder, POST_EXTENSIONS, max_depth=None))
        else:
            files = list(_walk(self.root, _MARKDOWN_EXTENSIONS, max_depth=UNKNOWN_MAX_DEPTH))
        # Sorted as strings: Path comparisons cost ~30x more on a big site.
        return [Path(p) for p in sorted(set(files))]

    def _content_dirs(self) -> list[Path]:
        dirs = [self.root / "content"]
        if self.generator == "hugo":
            configured = [self._config_value("contentDir")]
            languages = self._config_value("languages")
            if isinstance(languages, dict):
                configured += [_lower_keys(v).get("contentdir") for v in languages.values()
                               if isinstance(v, dict)]
            for value in configured:
                if isinstance(value, str) and value:
                    folder = (self.root / value)
                    if not any(folder == d or d in folder.parents for d in dirs):
                        dirs.append(folder)
        return [d for d in dirs if d.is_dir()]

    def _jekyll_files(self) -> list[str]:
        """Posts and drafts (a `_posts`/`_drafts` folder at any depth, as Jekyll
        reads them) and the documents of configured collections (`_<name>`)."""
        base = self.root
        collections_dir = self.config.get("collections_dir")
        if isinstance(collections_dir, str) and collections_dir:
            base = self.root / collections_dir
        names = {"_posts", "_drafts"}
        collections = self.config.get("collections")
        if isinstance(collections, dict):
            names |= {f"_{name}" for name in collections}
        elif isinstance(collections, list):
            names |= {f"_{name}" for name in collections if isinstance(name, str)}
        files: list[str] = []
        for folder in _find_dirs(base if base.is_dir() else self.root, names):
            files.extend(_walk(folder, POST_EXTENSIONS, max_depth=None))
        return files

    # -- index ---------------------------------------------------------------

    def index(self, workers: int | None = None) -> list[PostSummary]:
        """Front matter of every post, in `post_files()` order.

        A Site remembers what it indexed: files whose size, mtime, ctime and
        inode are unchanged since the last call are not read again, so the
        app can re-index after every save or watcher event for the price of
        a `stat` per post.

        `workers`: processes to use for the files that need parsing; None
        decides by their number and the CPUs. Parsing YAML is CPU-bound
        Python (the C parser is fast, building the values is not), so threads
        would not help; processes do. They are forked, which is cheap and
        re-imports nothing, but only while this process has a single thread:
        forking a process with other threads (a Qt app) can deadlock the
        child. Otherwise, or if the pool fails, the index is built here.
        """
        files = self.post_files()
        stale: list[Path] = []
        stamps: dict[Path, tuple] = {}
        for path in files:
            try:
                st = os.stat(path)
                stamps[path] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            except OSError:
                stamps[path] = ()
            hit = self._cache.get(path)
            if hit is None or hit[0] != stamps[path] or not stamps[path]:
                stale.append(path)
        if workers is None:
            cpus = os.cpu_count() or 1
            workers = min(cpus, 8) if cpus >= POOL_MIN_CPUS and len(stale) >= POOL_THRESHOLD else 1
        fresh = None
        if workers > 1 and len(stale) >= 2 * workers and _can_fork():
            fresh = _index_in_pool(stale, workers)
        if fresh is None:
            fresh = _summarize_all(stale)
        cache = {path: self._cache[path] for path in files if path in self._cache}
        for summary in fresh:
            cache[summary.path] = (stamps[summary.path], summary)
        self._cache = cache
        # The summaries are shared with the cache (copying 10,000 of them would
        # cost more than parsing a few): treat them as read-only.
        result = [cache[p][1] for p in files]
        self._index = result
        return result

    def vocabulary(self) -> dict[str, Counter]:
        """Taxonomy terms in use across the index: {"tags": Counter, "categories": Counter, ...}.

        Jekyll: `tags`, `categories` and `category`; a string value is split on
        spaces (`tags: a b` is two tags, as Jekyll reads it). Hugo: the
        configured taxonomies (default tags and categories). Zola: the
        `[taxonomies]` table of each post.
        """
        summaries = self._index if self._index is not None else self.index()
        names = self._taxonomy_names()
        vocab: dict[str, Counter] = {name: Counter() for name in names}
        split = self.generator in ("jekyll", "unknown")
        for summary in summaries:
            fm = summary.front_matter
            if self.generator == "zola":
                fm = fm.get("taxonomies") if isinstance(fm.get("taxonomies"), dict) else {}
            for name in names:
                keys = (name, "category") if (name == "categories" and self.generator == "jekyll") else (name,)
                for key in keys:
                    vocab[name].update(_terms(fm.get(key), split))
        return vocab

    def _taxonomy_names(self) -> list[str]:
        if self.generator == "hugo":
            taxonomies = self._config_value("taxonomies")
            if isinstance(taxonomies, dict) and taxonomies:
                return [str(v) for v in taxonomies.values()]
        if self.generator == "zola":
            taxonomies = self.config.get("taxonomies")
            if isinstance(taxonomies, list):
                names = [t["name"] for t in taxonomies if isinstance(t, dict) and isinstance(t.get("name"), str)]
                if names:
                    return names
        return ["tags", "categories"]


def _terms(value: Any, split: bool) -> Iterable[str]:
    if isinstance(value, str):
        return value.split() if split else ([value.strip()] if value.strip() else [])
    if isinstance(value, list):
        return [str(v).strip() for v in value
                if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip()]
    return []


def _walk(folder: Path, extensions: frozenset, max_depth: int | None) -> Iterable[str]:
    """Files with those extensions under `folder`, skipping build and tool
    folders. Symlinked folders are followed (content is sometimes linked in),
    each real folder once, so a link back up cannot loop."""
    seen = _Seen()
    stack = [(str(folder), 0)] if seen.first(str(folder)) else []
    while stack:
        current, depth = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    if entry.name not in SKIP_DIRS and not entry.name.startswith(".") and (
                            max_depth is None or depth < max_depth) and seen.first(entry):
                        stack.append((entry.path, depth + 1))
                elif os.path.splitext(entry.name)[1].lower() in extensions and entry.is_file():
                    yield entry.path
            except OSError:
                continue


def _find_dirs(root: Path, names: set[str]) -> list[Path]:
    """Folders named in `names` anywhere under `root`, outside skipped folders."""
    found = []
    seen = _Seen()
    stack = [str(root)] if seen.first(str(root)) else []
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            try:
                if not entry.is_dir() or entry.name in SKIP_DIRS or entry.name.startswith("."):
                    continue
                if not seen.first(entry):
                    continue
            except OSError:
                continue
            if entry.name in names:
                found.append(Path(entry.path))
            else:
                stack.append(entry.path)
    return found


class _Seen:
    """Real folders already visited, by (device, inode)."""

    def __init__(self) -> None:
        self._ids: set[tuple[int, int]] = set()

    def first(self, entry: os.DirEntry | str) -> bool:
        try:
            st = entry.stat() if isinstance(entry, os.DirEntry) else os.stat(entry)
        except OSError:
            return False
        key = (st.st_dev, st.st_ino)
        if key in self._ids:
            return False
        self._ids.add(key)
        return True

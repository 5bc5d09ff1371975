"""The site a post belongs to: where its root is, which generator builds it,
its configuration, its post files, and a fast index of their front matter
(the index engine is post_index.py).

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

import os
from bisect import bisect_left
from collections import Counter
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

from editor.core.post.errors import PostError
from editor.core.site.jekyll_filter import JekyllEntryFilter
# The index engine lives in post_index; its public names are re-exported here.
from editor.core.site.post_index import (  # noqa: F401 (re-exported)
    POOL_MIN_CPUS,
    POOL_THRESHOLD,
    PostSummary,
    _BatchPool,
    _can_fork,
    _index_in_pool,
    _parse_front_matter,
    _summarize_all,
    front_matter_of,
    split_front_matter,
    summarize,
)

__all__ = ["Site", "PostSummary", "POST_EXTENSIONS", "SKIP_DIRS", "SETTINGS_FILE", "CONFIG_FILES",
           "summarize", "split_front_matter", "front_matter_of"]

#: Galley's own per-site settings (rules, the front-matter schema), at the site root.
SETTINGS_FILE = "galley.toml"
#: Generator config files in a site root, by generator, in the order discovery tries them.
JEKYLL_CONFIG_FILES = ("_config.yml", "_config.yaml")
HUGO_CONFIG_FILES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
#: Hugo's older name and Zola's: the keys inside tell which generator it is.
SHARED_CONFIG_FILES = ("config.toml", "config.yaml", "config.yml", "config.json")
#: Every generator config name Galley recognises in a site root, in discovery order.
CONFIG_FILES = JEKYLL_CONFIG_FILES + HUGO_CONFIG_FILES + SHARED_CONFIG_FILES
#: Hugo's configuration directory and the names read there, in discovery order.
HUGO_CONFIG_DIR = ("config", "_default")
HUGO_CONFIG_DIR_FILES = ("hugo.toml", "hugo.yaml", "config.toml", "config.yaml")


#: File extensions each generator reads as posts. Hugo renders Markdown only
#: from .md, .markdown and .mdown (a .mmark or .mkd file under content/ is
#: copied as a plain resource since Hugo 0.81: checked with Hugo 0.111);
#: Zola reads .md only; Jekyll its `markdown_ext` list, HTML, and converters'
#: files (.textile with its plugin).
_GENERATOR_EXTENSIONS = {
    "jekyll": frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mkdown", ".html", ".text", ".textile"}),
    "hugo": frozenset({".md", ".markdown", ".mdown", ".html", ".htm"}),
    "zola": frozenset({".md"}),
}
#: Every generator's (what a watcher looks at before asking `Site.is_post_path`).
POST_EXTENSIONS = frozenset().union(*_GENERATOR_EXTENSIONS.values())
_MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
#: Build output, dependencies and tooling: never posts, often huge.
SKIP_DIRS = frozenset(
    {"_site", "public", "node_modules", ".git", ".hg", ".svn", "vendor", ".bundle",
     ".jekyll-cache", ".sass-cache", "resources", "target", "__pycache__", ".venv"}
)
UNKNOWN_MAX_DEPTH = 4  # folders below the root searched when the generator is unknown

_ZOLA_KEYS = ("base_url", "compile_sass", "markdown", "generate_feeds", "build_search_index")
_HUGO_KEYS = ("baseurl", "languagecode", "theme", "contentdir", "params", "menu",
              "defaultcontentlanguage", "module", "markup", "taxonomies", "paginate")


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

    for name in JEKYLL_CONFIG_FILES:
        p = folder / name
        if p.is_file():
            return ("jekyll", p, *load(p))
    for name in HUGO_CONFIG_FILES:
        p = folder / name
        if p.is_file():
            return ("hugo", p, *load(p))
    for name in SHARED_CONFIG_FILES:
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
    for name in HUGO_CONFIG_DIR_FILES:
        p = folder.joinpath(*HUGO_CONFIG_DIR, name)
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
        self._entry_filter: JekyllEntryFilter | None = None

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

    def _url_parts(self) -> tuple[str, str]:
        """(scheme + host, base path) from the generator's config keys."""
        if self.generator == "jekyll":
            url, base = self._config_value("url"), self._config_value("baseurl")
            return (str(url).rstrip("/") if url else "", str(base).rstrip("/") if base else "")
        key = {"hugo": "baseURL", "zola": "base_url"}.get(self.generator)
        return _url_parts(self._config_value(key)) if key else ("", "")

    @property
    def baseurl(self) -> str:
        """The path the site is served under ("" or "/blog"), without a final slash."""
        return self._url_parts()[1]

    @property
    def url(self) -> str:
        """Scheme and host ("https://example.org"), or ""."""
        return self._url_parts()[0]

    # -- files ---------------------------------------------------------------

    def post_files(self) -> list[Path]:
        """The site's posts, sorted: Jekyll `_posts`/`_drafts` (at any depth) and
        collections; Hugo/Zola everything under `content/` (and Hugo's
        configured content dirs); otherwise Markdown files at most
        UNKNOWN_MAX_DEPTH folders down. Build output and tool folders skipped."""
        return [Path(p) for p in self.post_paths()]

    def post_paths(self) -> list[str]:
        """`post_files()` as strings (10,000 Path objects cost a tenth of a second)."""
        if self.generator == "jekyll":
            files = self._jekyll_files()
        elif self.generator in ("hugo", "zola"):
            files = []
            for folder in self._content_dirs():
                files.extend(_walk(folder, _GENERATOR_EXTENSIONS[self.generator], max_depth=None))
        else:
            files = list(_walk(self.root, _MARKDOWN_EXTENSIONS, max_depth=UNKNOWN_MAX_DEPTH))
        # Sorted as strings: Path comparisons cost ~30x more on a big site.
        return sorted(set(files))

    def content_roots(self) -> list[Path]:
        """Hugo's or Zola's content folders that exist, the main one first
        (Hugo's `contentDir`, else `content`), then each language's, nested
        ones included (`content/en` as well as `content`): sections are taken
        relative to the innermost one a post is in."""
        values: list = ["content"]
        if self.generator == "hugo":
            values = [self._config_value("contentDir") or "content", "content"]
            languages = self._config_value("languages")
            if isinstance(languages, dict):
                values[1:1] = [_lower_keys(v).get("contentdir") for v in languages.values() if isinstance(v, dict)]
        dirs: list[Path] = []
        for value in values:
            if isinstance(value, str) and value.strip("/"):
                folder = self.root / value.strip("/")
                if folder not in dirs and folder.is_dir():
                    dirs.append(folder)
        return dirs

    def _content_dirs(self) -> list[Path]:
        """The content folders to walk: nested ones are walked with their parent."""
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

    def _jekyll_post_folder_names(self) -> tuple[set[str], set[str]]:
        """(names of post folders read at any depth, of collection folders read
        only in the collections dir)."""
        collections = self.config.get("collections")
        names: set[str] = set()
        if isinstance(collections, dict | list):
            names = {f"_{name}" for name in collections if isinstance(name, str)} - {"_posts", "_drafts"}
        return {"_posts", "_drafts"}, names

    def _jekyll_base(self) -> str:
        """The collections dir, relative to the root ("" when it is the root)."""
        value = self.config.get("collections_dir")
        if isinstance(value, str) and value.strip("/") and (self.root / value.strip("/")).is_dir():
            return value.strip("/")
        return ""

    @property
    def jekyll_filter(self) -> JekyllEntryFilter:
        """The config's `exclude`/`include`, as Jekyll applies them."""
        if self._entry_filter is None:
            self._entry_filter = JekyllEntryFilter(self.config)
        return self._entry_filter

    def _jekyll_files(self) -> list[str]:
        """Posts and drafts (a `_posts`/`_drafts` folder in any folder Jekyll
        reads) and the documents of configured collections (`_<name>` in the
        collections dir), less what the config excludes, as Jekyll reads them.
        Excluded and special folders (`_x`, `.x`) are not walked."""
        posts, collections = self._jekyll_post_folder_names()
        base = self._jekyll_base()
        folders = [rel for rel in _jekyll_dirs(str(self.root), base, self.jekyll_filter, posts)]
        folders += [f"{base}/{n}" if base else n for n in sorted(collections)]
        root = str(self.root)
        files: list[str] = []
        start = len(root) + 1
        for rel in folders:
            paths = list(_walk(Path(root, rel), _GENERATOR_EXTENSIONS["jekyll"], max_depth=None))
            rels = [p[start:].replace(os.sep, "/") for p in paths] if os.sep != "/" else [p[start:] for p in paths]
            files.extend(paths[i] for i in self.jekyll_filter.files_read(rels, len(rel) + 1))
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

    def index_batches(self, size: int = 500, first: int = 100, mp_context: Any = None
                      ) -> Iterable[tuple[list[PostSummary], int, int]]:
        """`index()` a batch at a time: yields (summaries of the batch, posts done,
        posts in all), in `post_files()` order, so a view can show the first
        posts while the rest are read (the first batch is smaller: it is what
        the writer waits for). Unchanged files come from the cache, as in
        `index()`; the cache and the index are complete at the end.

        `mp_context` (a multiprocessing context that is safe in this process,
        such as a forkserver in a Qt app): with many files to parse, the
        batches after the first are parsed by worker processes at a lower
        priority. Parsing is CPU-bound Python: in this process it would hold
        the GIL against the thread that draws the window, and the workers'
        lower priority leaves the CPU to it as well. The first batch is
        parsed here while the workers start. If the pool fails, the rest is
        parsed here.
        """
        files = self.post_files()
        total = len(files)
        bounds = [0, *range(min(first, size), total, size)] if total else []
        parts = [files[start:end] for start, end in zip(bounds, [*bounds[1:], total])]
        cache: dict[Path, tuple[tuple, PostSummary]] = {}
        stamps: dict[Path, tuple] = {}

        def stale_of(part: list[Path]) -> list[Path]:
            for p in part:
                stamps[p] = _stamp(p)
            return [p for p in part if not stamps[p] or (self._cache.get(p) or ((),))[0] != stamps[p]]

        pool = _BatchPool.start(parts[1:], stale_of, mp_context) if mp_context is not None else None
        done = 0
        try:
            for i, part in enumerate(parts):
                stale = pool.stale(i - 1) if pool is not None and i > 0 else None
                if stale is None:
                    stale = stale_of(part)
                found = pool.results(i - 1, stale) if pool is not None and i > 0 else None
                fresh = {s.path: s for s in (found if found is not None else _summarize_all(stale))}
                batch = []
                for path in part:
                    summary = fresh.get(path) or self._cache[path][1]
                    cache[path] = (stamps[path], summary)
                    batch.append(summary)
                done += len(part)
                yield batch, done, total
        finally:
            if pool is not None:
                pool.close()
        self._cache = cache
        self._index = [cache[p][1] for p in files]

    @property
    def indexed(self) -> list[PostSummary]:
        """The summaries as last indexed or updated ([] before any index)."""
        return self._index if self._index is not None else []

    def is_post_path(self, path: str | os.PathLike) -> bool:
        """Whether a file at `path` would be one of `post_files()` (by its place
        and name; whether it exists is not asked)."""
        path = os.path.abspath(path)
        root = os.path.abspath(self.root)
        if not path.startswith(root + os.sep):
            return False
        parts = os.path.relpath(path, root).split(os.sep)
        if any(p in SKIP_DIRS or p.startswith(".") for p in parts):
            return False
        ext = os.path.splitext(parts[-1])[1].lower()
        if self.generator == "jekyll":
            if ext not in _GENERATOR_EXTENSIONS["jekyll"]:
                return False
            return self._is_jekyll_post(parts)
        if self.generator in ("hugo", "zola"):
            return ext in _GENERATOR_EXTENSIONS[self.generator] and any(
                path.startswith(os.path.abspath(d) + os.sep) for d in self._content_dirs())
        return ext in _MARKDOWN_EXTENSIONS and len(parts) - 1 <= UNKNOWN_MAX_DEPTH

    def _is_jekyll_post(self, parts: list[str]) -> bool:
        """Whether Jekyll reads the file at these path parts (from the root) as a post."""
        posts, collections = self._jekyll_post_folder_names()
        base = self._jekyll_base()
        base_parts = base.split("/") if base else []
        folders = parts[:-1]
        jf = self.jekyll_filter
        at = None
        if len(folders) > len(base_parts) and folders[:len(base_parts)] == base_parts \
                and folders[len(base_parts)] in collections:
            at = len(base_parts)
        else:
            # The first post folder on the way, reached through folders Jekyll reads.
            if folders[:len(base_parts)] != base_parts:
                return False
            for i, name in enumerate(folders[len(base_parts):], start=len(base_parts)):
                if name in posts:
                    at = i
                    break
                if not jf.reads_dir("/".join(parts[:i + 1]), name):
                    return False
            if at is None:
                return False
        return jf.reads_file("/".join(parts), "/".join(parts[at + 1:]))

    def update_posts(self, paths: Iterable[str | os.PathLike]) -> tuple[list[PostSummary], list[Path]]:
        """Re-read only these files (a watcher's report), not the site: returns
        (summaries of posts added or changed, paths of posts gone). Files
        whose stamp is unchanged are not read; the index stays in order."""
        changed: list[PostSummary] = []
        gone: list[Path] = []
        # The index stays sorted by path as a string: each post is found by
        # bisection (a dict of 10,000 paths and a sort per report held the GIL
        # for ~6 ms on a big site, while the window painted).
        index = list(self._index if self._index is not None else [])

        def at(path: Path) -> int | None:
            i = bisect_left(index, str(path), key=_path_text)
            return i if i < len(index) and index[i].path == path else None

        for name in dict.fromkeys(os.path.abspath(p) for p in paths):
            path = Path(name)
            stamp = _stamp(path) if self.is_post_path(path) and os.path.isfile(path) else ()
            if not stamp:
                i = at(path)
                if i is not None:
                    gone.append(path)
                    del index[i]
                self._cache.pop(path, None)
                continue
            hit = self._cache.get(path)
            i = at(path)
            if hit is not None and hit[0] == stamp and i is not None:
                continue
            summary = summarize(path)
            self._cache[path] = (stamp, summary)
            changed.append(summary)
            if i is not None:
                index[i] = summary
            else:
                index.insert(bisect_left(index, str(path), key=_path_text), summary)
        if changed or gone:
            self._index = index
        return changed, gone

    def keep_index_of(self, older: "Site") -> None:
        """Start from `older`'s index of the same root (the site re-read after a
        config change): posts whose files are unchanged are not read again."""
        if Path(older.root) == Path(self.root):
            self._cache = older._cache

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


def _path_text(summary: PostSummary) -> str:
    return str(summary.path)  # a Path keeps its text once made: cheap after the first time


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


def _jekyll_dirs(root: str, base: str, entry_filter: JekyllEntryFilter, names: set[str]) -> list[str]:
    """Post folders (named in `names`) in the folders Jekyll reads, from the
    root (or under `base`, the collections dir), relative to the root with `/`:
    folders the entry filter drops (excluded, `_x`, `.x`) are not walked."""
    found = []
    seen = _Seen()
    start = f"{root}/{base}" if base else root
    stack = [base] if seen.first(start) else []
    while stack:
        rel = stack.pop()
        try:
            entries = list(os.scandir(os.path.join(root, rel) if rel else root))
        except OSError:
            continue
        for entry in entries:
            child = f"{rel}/{entry.name}" if rel else entry.name
            try:
                if not entry.is_dir() or entry.name in SKIP_DIRS:
                    continue
                if entry.name in names:
                    found.append(child)
                elif entry_filter.reads_dir(child, entry.name) and seen.first(entry):
                    stack.append(child)
            except OSError:
                continue
    return found


def _stamp(path: Path) -> tuple:
    """What tells a file changed without reading it; () when it cannot be stat'ed."""
    try:
        st = os.stat(path)
    except OSError:
        return ()
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


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

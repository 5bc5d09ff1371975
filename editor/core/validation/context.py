"""`ValidationContext`: the site-wide facts, computed once and reused per post.

Validating a post while the writer types must take milliseconds, so what
depends on the whole site -- the schema, the rule config, the tags and
categories in use, every file under the root (images, link targets), the
slugs and URLs posts are published under -- is gathered here once. The window
builds one per site (and rebuilds it when the site changes on disk); the CLI
builds one and sends it to each worker process (it is plain, picklable data).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from editor.core.site.paths import relative_to_root
from editor.core.site.schema import Schema, default_schema
from editor.core.site.schema_sources import load_schema
from editor.core.site.markdown_setting import jekyll_markdown
from editor.core.validation.config import ValidationConfig
from editor.core.validation.rules.all import RULE_IDS
from editor.core.validation.terms import taxonomy_values

#: Folders that hold no source of the site (build output, tools).
_SKIP_DIRS = frozenset({"_site", "public", "node_modules", ".git", ".hg", ".svn", "vendor",
                        ".bundle", ".jekyll-cache", ".sass-cache", "target", "__pycache__",
                        ".venv"})
_DATE_PREFIX = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-")


@dataclass
class ValidationContext:
    schema: Schema = field(default_factory=default_schema)
    config: ValidationConfig = field(default_factory=ValidationConfig)
    root: Path | None = None
    generator: str = "unknown"
    baseurl: str = ""
    url: str = ""
    #: Terms in use per taxonomy ("tags", "categories", ...), with how many posts use each.
    vocabulary: dict[str, Counter] = field(default_factory=dict)
    #: Each indexed post's own terms (relpath → {(taxonomy, term)}), to leave a post out
    #: of the counts when asking "is this tag used anywhere else?".
    terms_by_path: dict[str, frozenset] = field(default_factory=dict)
    #: Every file and folder under the root, relative, with "/" (link and image targets).
    files: frozenset[str] = frozenset()
    dirs: frozenset[str] = frozenset()
    #: Last URL segments a page of the site can have (file stems, slugs, permalinks...).
    slugs: frozenset[str] = frozenset()
    #: Jekyll post names `{% post_url %}` can name ("2021-05-10-hello", "sub/2021-...").
    post_names: frozenset[str] = frozenset()
    #: A Jekyll site's Markdown converter (its `markdown:` setting:
    #: editor.core.site.markdown_setting): "kramdown" unless it names another.
    markdown: str = "kramdown"
    #: The site's time zone (Jekyll `timezone`, Hugo `timeZone`): an IANA name or None.
    timezone: str | None = None
    #: Fixed "now" for tests; None means the real clock at each call.
    now: _dt.datetime | None = None
    #: Answers the rules worked out from the facts above (see `memo`).
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    # -- building -----------------------------------------------------------------------
    @classmethod
    def build(cls, site: Any = None, schema: Schema | None = None,
              config: ValidationConfig | None = None, index: list | None = None,
              now: _dt.datetime | None = None, walk: bool = True,
              folder: "FolderFacts | None" = None) -> "ValidationContext":
        """Gather the facts of `site` (an editor.core.site.site.Site, or None for a lone post).

        Reads the site's post index once (`index` if the caller has it) for the
        schema inference, vocabulary and slugs, and walks the folder once (not with
        `walk=False`: then only what the site's config says is known). `folder` is
        `folder_facts(root, index paths)` when the caller worked it out already (the
        CLI does, while its workers read the posts).
        """
        if site is None:
            return cls(schema=schema or default_schema(), config=config or ValidationConfig(),
                       now=now)
        root = Path(site.root).resolve()
        if index is None:
            index = site.index()
        # Each post's path relative to the root, worked out once for the three uses below.
        relpaths = [relative_to_root(summary.path, root) for summary in index]
        if schema is None:
            schema = load_schema(site, index, relpaths)
        if config is None:
            config = ValidationConfig.load(root, RULE_IDS)
        if folder is None:
            folder = folder_facts(root, relpaths) if walk else FolderFacts()
        vocabulary, terms_by_path = _vocabulary(index, relpaths, site.generator,
                                                schema.taxonomies)
        slugs = folder.slugs | _front_matter_slugs(index)
        return cls(schema=schema, config=config, root=root, generator=site.generator,
                   baseurl=(site.baseurl or "").rstrip("/"), url=site.url or "",
                   vocabulary=vocabulary, terms_by_path=terms_by_path, files=folder.files,
                   dirs=folder.dirs, slugs=slugs, post_names=folder.post_names,
                   timezone=_timezone(site.config), now=now, markdown=jekyll_markdown(site.config))

    # -- questions the rules and the window ask --------------------------------------------
    def current_time(self) -> _dt.datetime:
        return self.now or _dt.datetime.now(_dt.timezone.utc)

    @property
    def future(self) -> bool | None:
        """Does the generator publish future-dated posts? (galley.toml wins over its config)."""
        if self.config.future is not None:
            return self.config.future
        return self.schema.future

    def terms(self, taxonomy: str) -> list[str]:
        """Terms of a taxonomy, most used first (for completion in the form)."""
        counter = self.vocabulary.get(taxonomy, Counter())
        return [term for term, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]

    @property
    def tags(self) -> list[str]:
        return self.terms("tags")

    @property
    def categories(self) -> list[str]:
        return self.terms("categories")

    def uses_elsewhere(self, relpath: str | None, taxonomy: str, term: str) -> int:
        """How many other posts use `term` in `taxonomy` (this post's own saved use left out)."""
        counter = self.vocabulary.get(taxonomy)
        count = counter.get(term, 0) if counter is not None else 0
        if relpath is not None and (taxonomy, term) in self.terms_by_path.get(relpath, ()):
            count -= 1
        return count

    def memo(self, name: str) -> dict:
        """A cache named `name` for answers that depend only on this context's facts
        ("is /assets/a.png in the site?"): 10,000 posts ask about the same few hundred
        images and pages. Emptied if a fact is replaced after building."""
        memo = self._memo
        held = memo.get(None)
        # The facts themselves, compared by identity first: 10,000 posts ask ~6 times each.
        if held is None or held[0] is not self.files or held[1] is not self.dirs \
                or held[2] is not self.slugs or held[3] is not self.post_names \
                or held[4] is not self.schema or held[5:] != (self.root, self.generator,
                                                              self.baseurl, self.markdown):
            memo.clear()
            memo[None] = (self.files, self.dirs, self.slugs, self.post_names, self.schema,
                          self.root, self.generator, self.baseurl, self.markdown)
        cache = memo.get(name)
        if cache is None:
            cache = memo[name] = {}
        return cache

    def exists(self, relpath: str) -> bool:
        relpath = relpath.strip("/")
        return relpath in self.files or relpath in self.dirs or relpath == ""


# -- gathering ------------------------------------------------------------------------------

def _timezone(config: Any) -> str | None:
    if not isinstance(config, dict):
        return None
    for key, value in config.items():
        if str(key).lower() == "timezone" and isinstance(value, str) and value.strip():
            return value.strip()
    return None


@dataclass(frozen=True)
class FolderFacts:
    """What the site's folder says, whatever its posts contain: every file and folder,
    the URL endings their names give, and the post names `{% post_url %}` accepts.
    Apart from the index facts so the CLI can gather it while its workers read posts."""
    files: frozenset[str] = frozenset()
    dirs: frozenset[str] = frozenset()
    #: File and folder names as URL endings, and the URL endings pages other than
    #: the indexed posts set for themselves.
    slugs: frozenset[str] = frozenset()
    post_names: frozenset[str] = frozenset()


def folder_facts(root: Path, indexed: Iterable[str | None]) -> FolderFacts:
    """Walk `root` (resolved) once; `indexed` are the posts' paths relative to it
    (those are not read again as pages)."""
    files, dirs = _walk(root)
    slugs = _file_slugs(files, dirs) | _page_slugs(root, files, set(indexed))
    return FolderFacts(files, dirs, frozenset(slugs), _post_names(files))


def _walk(root: Path) -> tuple[frozenset[str], frozenset[str]]:
    files: list[str] = []
    dirs: list[str] = []
    for folder, subdirs, names in os.walk(root):
        subdirs[:] = [d for d in subdirs if d not in _SKIP_DIRS and not d.startswith(".")]
        rel = os.path.relpath(folder, root)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        dirs.extend(prefix + d for d in subdirs)
        files.extend(prefix + n for n in names)
    return frozenset(files), frozenset(dirs)


def _vocabulary(index: list, relpaths: list, generator: str, taxonomies: Iterable[str]):
    vocabulary: dict[str, Counter] = {name: Counter() for name in taxonomies}
    by_path: dict[str, frozenset] = {}
    for summary, rel in zip(index, relpaths):
        fm = summary.front_matter if isinstance(summary.front_matter, dict) else {}
        own = set()
        for taxonomy, _key, terms in taxonomy_values(fm, generator, vocabulary):
            own.update((taxonomy, t) for t in terms)
        for taxonomy, term in own:  # a post counts once per term
            vocabulary[taxonomy][term] += 1
        if rel is not None and own:
            by_path[rel] = frozenset(own)
    return vocabulary, by_path


_NOT_URL_CHAR = re.compile(r"[^\w\s-]", re.UNICODE)
_URL_GAPS = re.compile(r"[\s_-]+")


def urlize(text: str) -> str:
    """A title as Hugo/Jekyll put it in a URL: lower case, words joined by "-"."""
    text = _NOT_URL_CHAR.sub("", text.lower())
    return _URL_GAPS.sub("-", text).strip("-")


def _last_segment(url: str) -> str:
    url = url.split("?")[0].split("#")[0].rstrip("/")
    last = url.rsplit("/", 1)[-1]
    for ext in (".html", ".htm"):
        if last.endswith(ext):
            last = last[: -len(ext)]
    return last.lower()


def _file_slugs(files: frozenset[str], dirs: frozenset[str]) -> set[str]:
    slugs: set[str] = set()
    for rel in files:  # string work, not PurePosixPath: a site has thousands of files
        stem = os.path.splitext(rel.rsplit("/", 1)[-1])[0].lower()
        slugs.add(stem)
        if stem[:1].isdigit():
            slugs.add(_DATE_PREFIX.sub("", stem))
    slugs.update(d.rsplit("/", 1)[-1].lower() for d in dirs)
    slugs.discard("")
    return slugs


def _front_matter_slugs(index: list) -> frozenset[str]:
    """URL endings the posts set for themselves (slug, permalink, aliases, title)."""
    slugs: set[str] = set()
    for summary in index:
        fm = summary.front_matter if isinstance(summary.front_matter, dict) else {}
        for key in ("slug", "permalink", "url", "path"):  # `path`: Zola
            if isinstance(fm.get(key), str):
                slugs.add(_last_segment(fm[key]))
        for key in ("aliases", "redirect_from"):
            value = fm.get(key)
            for item in ([value] if isinstance(value, str) else value or []):
                if isinstance(item, str):
                    slugs.add(_last_segment(item))
        if isinstance(fm.get("title"), str):
            slugs.add(urlize(fm["title"]))
    slugs.discard("")
    return frozenset(slugs)


#: Folders whose files are never pages with a URL of their own.
_NOT_PAGES = ("_layouts/", "_includes/", "_sass/", "_data/", "assets/", "static/", "layouts/",
              "themes/", "archetypes/", "resources/", "node_modules/")
_PAGE_URL = re.compile(r"^(?:permalink|slug|url|redirect_from|aliases)\s*[:=]\s*(.+)$", re.M)
#: At most this many pages are read (their first 4 KB): pages are few, posts are many.
MAX_PAGES = 2000


def _page_slugs(root: Path, files: frozenset[str], indexed: set[str | None]) -> set[str]:
    """URL endings of pages that are not posts (a Jekyll `_pages/projects.md` with
    `permalink: /my-work/`): read from the head of each page, so a link to a page
    that renames itself is not reported as broken."""
    slugs: set[str] = set()
    pages = [f for f in files if f.endswith((".md", ".markdown", ".html"))
             and f not in indexed and not f.startswith(_NOT_PAGES)]
    from editor.core.disk.storage import read_head

    for rel in sorted(pages)[:MAX_PAGES]:
        data = read_head(root / rel, 4096)  # regular files only: a FIFO would block
        if data is None:
            continue
        head = data.decode("utf-8", "replace")
        if not head.lstrip("\ufeff").startswith(("---", "+++")):
            continue
        for m in _PAGE_URL.finditer(head):
            for item in re.findall(r"[^\s\[\],\"']+", m.group(1).split(" #", 1)[0]):
                slugs.add(_last_segment(item))
    slugs.discard("")
    return slugs


def _post_names(files: frozenset[str]) -> frozenset[str]:
    """Names `{% post_url %}` accepts: the file name without extension, and with the
    sub-folder below `_posts` ("2021-05-10-a", "linux/2021-05-10-a")."""
    names = set()
    for rel in files:
        parts = rel.split("/")
        if "_posts" not in parts[:-1]:
            continue
        last = len(parts) - 1 - parts[::-1].index("_posts")
        below = parts[last + 1:]
        stem = os.path.splitext(below[-1])[0]
        names.add(stem)
        names.add("/".join(below[:-1] + [stem]))
    return frozenset(names)

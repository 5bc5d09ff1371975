"""A site's validation facts, kept current post by post.

`ValidationContext` holds what depends on the whole site: the schema
inferred from every post, the terms in use, the URL endings, every file.
Gathering them reads each of 10,000 posts' summaries: ~0.3 s of pure Python.
The window did that again whenever one post changed on disk, on a worker
thread, but holding the GIL: the UI thread waited for it at each call into
Python while it painted the posts pane, for 20-50 ms at a time.

`SiteFacts` keeps each post's share of the facts (its relative path, its
(key, type) pairs and section for the schema, its terms, the URL endings its
front matter sets) and the totals as counts, so that a post added, changed
or removed is counted out and in again (`update`), and a new context is
assembled from the totals with set and dict copies, which run in C.

`ValidationContext.build` is `ValidationContext.of(SiteFacts(...))`: one way
to gather, whether the facts are then kept (the window) or not (the CLI).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from editor.core.site.markdown_setting import jekyll_markdown
from editor.core.site.paths import relative_to_root
from editor.core.site.schema import Schema
from editor.core.site.schema_sources import SchemaCounts, schema_from_counts
from editor.core.validation.config import ValidationConfig
from editor.core.validation.gathering import (FolderFacts, page_slugs, timezone_setting, walk_folder, dir_slug, file_slugs_of,
                                              front_matter_slugs_of, post_names_of)
from editor.core.validation.rules.all import RULE_IDS
from editor.core.validation.terms import taxonomy_values


@dataclass(slots=True)
class _Post:
    """One post's share of the facts (what is counted out when it changes)."""
    summary: Any
    rel: str | None
    schema_part: tuple | None
    terms: frozenset
    slugs: tuple[str, ...]


class _Multiset:
    """Names with how many times each is counted: a name is in the set while
    its count is above zero (the keys are the set; a context copies them)."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()

    def add(self, names: Iterable[str]) -> None:
        counts = self.counts
        for name in names:
            counts[name] += 1

    def remove(self, names: Iterable[str]) -> None:
        counts = self.counts
        for name in names:
            left = counts[name] - 1
            if left > 0:
                counts[name] = left
            else:
                del counts[name]


class SiteFacts:
    """The facts of one site (see the module docstring).

    `schema`, `config` and `folder` fix those parts as given (the CLI's way);
    `walk=False` leaves the folder unknown. Only facts gathered here with the
    folder walked can be updated post by post (`updatable`).
    """

    def __init__(self, site: Any, index: list | None = None, schema: Schema | None = None,
                 config: ValidationConfig | None = None, walk: bool = True,
                 folder: FolderFacts | None = None) -> None:
        self.site = site
        self.root = Path(site.root).resolve()
        self.config = config if config is not None else ValidationConfig.load(self.root, RULE_IDS)
        self._fixed_schema = schema
        self.updatable = folder is None and walk
        if index is None:
            index = site.index()
        self._counts = SchemaCounts()
        self._posts: dict[Any, _Post] = {}
        self._fm_slugs = _Multiset()
        shares = []
        for summary in index:
            rel = relative_to_root(summary.path, self.root)
            part = self._counts.add(summary, rel)
            shares.append((summary, rel, part, front_matter_slugs_of(summary.front_matter)))
        self.schema = schema if schema is not None else schema_from_counts(site, self._counts)
        self._taxonomies = tuple(self.schema.taxonomies)
        self.vocabulary: dict[str, Counter] = {name: Counter() for name in self._taxonomies}
        self.terms_by_path: dict[str, frozenset] = {}
        for summary, rel, part, slugs in shares:
            self._count_in(_Post(summary, rel, part, self._terms_of(summary), slugs), counted=True)

        # The folder: every file and folder, the URL endings their names give.
        self._file_slugs = _Multiset()
        self._post_names = _Multiset()
        if folder is not None:
            self.files, self.dirs = set(folder.files), set(folder.dirs)
            self._static_slugs = frozenset(folder.slugs)
            self._post_names.add(folder.post_names)
        elif walk:
            files, dirs = walk_folder(self.root)
            self.files, self.dirs = set(files), set(dirs)
            for rel in files:
                self._file_slugs.add(file_slugs_of(rel))
                self._post_names.add(post_names_of(rel))
            self._file_slugs.add(dir_slug(d) for d in dirs)
            self._static_slugs = frozenset(page_slugs(self.root, files, {p.rel for p in self._posts.values()}))
        else:
            self.files, self.dirs, self._static_slugs = set(), set(), frozenset()

    # -- one post ----------------------------------------------------------------------------

    def _terms_of(self, summary) -> frozenset:
        fm = summary.front_matter if isinstance(summary.front_matter, dict) else {}
        own = set()
        for taxonomy, _key, terms in taxonomy_values(fm, self.site.generator, self._taxonomies):
            own.update((taxonomy, t) for t in terms)
        return frozenset(own)

    def _count_in(self, post: _Post, counted: bool = False) -> None:
        """Add `post`'s share (`counted`: its schema part is counted already)."""
        self._posts[post.summary.path] = post
        if not counted:
            self._counts.add_part(post.schema_part)
        for taxonomy, term in post.terms:  # a post counts once per term
            self.vocabulary[taxonomy][term] += 1
        if post.rel is not None and post.terms:
            self.terms_by_path[post.rel] = post.terms
        self._fm_slugs.add(post.slugs)

    def _count_out(self, post: _Post) -> None:
        del self._posts[post.summary.path]
        self._counts.add_part(post.schema_part, -1)
        for taxonomy, term in post.terms:
            counter = self.vocabulary[taxonomy]
            counter[term] -= 1
            if counter[term] <= 0:
                del counter[term]
        if post.rel is not None and self.terms_by_path.get(post.rel) is post.terms:
            del self.terms_by_path[post.rel]
        self._fm_slugs.remove(post.slugs)

    # -- changes -------------------------------------------------------------------------------

    def update(self, changed: Iterable, gone: Iterable) -> None:
        """Count out the posts at `gone` (paths) and the old share of each of
        `changed` (summaries, new or changed posts), and count these in."""
        if not self.updatable:
            raise ValueError("facts gathered from a given folder or schema are not kept current")
        for path in gone:
            post = self._posts.get(path)
            if post is not None:
                self._count_out(post)
                self._file_gone(post.rel)
        for summary in changed:
            old = self._posts.get(summary.path)
            if old is not None:
                self._count_out(old)
            rel = relative_to_root(summary.path, self.root)
            part = self._counts.part_of(summary, rel)
            self._count_in(_Post(summary, rel, part, self._terms_of(summary), front_matter_slugs_of(summary.front_matter)))
            if old is None:
                self._file_added(rel)
        if self._fixed_schema is None:
            schema = schema_from_counts(self.site, self._counts)
            if tuple(schema.taxonomies) != self._taxonomies:
                self._recount_terms(schema.taxonomies)
            self.schema = schema

    def _recount_terms(self, taxonomies: Iterable[str]) -> None:
        """The schema names other taxonomies (the inference took over): every
        post's terms again (rare: the site passed the inference threshold)."""
        self._taxonomies = tuple(taxonomies)
        self.vocabulary = {name: Counter() for name in self._taxonomies}
        self.terms_by_path = {}
        for post in self._posts.values():
            post.terms = self._terms_of(post.summary)
            for taxonomy, term in post.terms:
                self.vocabulary[taxonomy][term] += 1
            if post.rel is not None and post.terms:
                self.terms_by_path[post.rel] = post.terms

    def _file_added(self, rel: str | None) -> None:
        if rel is None or rel in self.files:
            return
        self.files.add(rel)
        self._file_slugs.add(file_slugs_of(rel))
        self._post_names.add(post_names_of(rel))
        parts = rel.split("/")[:-1]
        for depth in range(1, len(parts) + 1):  # a new page bundle brings its folder
            folder = "/".join(parts[:depth])
            if folder not in self.dirs:
                self.dirs.add(folder)
                self._file_slugs.add((dir_slug(folder),))

    def _file_gone(self, rel: str | None) -> None:
        if rel is None or rel not in self.files:
            return
        self.files.discard(rel)
        self._file_slugs.remove(file_slugs_of(rel))
        self._post_names.remove(post_names_of(rel))
        parts = rel.split("/")[:-1]
        for depth in range(len(parts), 0, -1):  # an emptied folder is gone only when it is
            folder = "/".join(parts[:depth])
            if folder in self.dirs and not os.path.isdir(self.root / folder):
                self.dirs.discard(folder)
                self._file_slugs.remove((dir_slug(folder),))

    # -- the context ---------------------------------------------------------------------------

    def fields(self) -> dict[str, Any]:
        """The facts as `ValidationContext` fields, as they are now: copies
        (set, dict and Counter copies run in C), so an update leaves the
        contexts already made as they were."""
        site = self.site
        slugs = self._fm_slugs.counts.keys() | self._file_slugs.counts.keys() | self._static_slugs
        slugs.discard("")
        return dict(
            schema=self.schema, config=self.config, root=self.root, generator=site.generator,
            baseurl=(site.baseurl or "").rstrip("/"), url=site.url or "",
            vocabulary={name: Counter(counter) for name, counter in self.vocabulary.items()},
            terms_by_path=dict(self.terms_by_path), files=frozenset(self.files), dirs=frozenset(self.dirs),
            slugs=frozenset(slugs), post_names=frozenset(self._post_names.counts),
            timezone=timezone_setting(site.config), markdown=jekyll_markdown(site.config))

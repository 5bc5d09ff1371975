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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.core.site.schema import Schema, default_schema
from editor.core.validation.config import ValidationConfig
from editor.core.validation.gathering import FolderFacts
from editor.core.validation.site_facts import SiteFacts



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
        # One way to gather, kept current post by post (the window) or not.
        return cls.of(SiteFacts(site, index, schema=schema, config=config, walk=walk, folder=folder), now)

    @classmethod
    def of(cls, facts: SiteFacts, now: _dt.datetime | None = None) -> "ValidationContext":
        """A context of `facts` as they are now (it shares nothing an update of
        the facts changes: a reader on another thread keeps a consistent one)."""
        return cls(now=now, **facts.fields())

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

"""Which folders and files Jekyll reads, as Jekyll 4.3's EntryFilter decides:
`_config.yml`'s `exclude` (plus Jekyll's default excludes) drops an entry
unless `include` names it; names starting with `.`, `_`, `#` or `~` and
backups (`name~`) are skipped unless included.

A pattern matches as Jekyll matches it: joined to the site root, then a
`File.fnmatch` without flags (`*` crosses `/`), a plain prefix of the path
(`doc` also excludes `docs/`), or a folder named with a final slash. Paths
here are relative to the site root, with `/` separators.

Matching is made cheap for a 10,000-post site: patterns without wildcards are
one `str.startswith` over a tuple; the others are one compiled regex.
"""

from __future__ import annotations

import fnmatch
import re
from typing import Any

#: Jekyll's own excludes, added to every site's (Configuration::DEFAULT_EXCLUDES).
DEFAULT_EXCLUDES = (".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules",
                    "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/")
#: Jekyll's default `include`.
DEFAULT_INCLUDES = (".htaccess",)
_SPECIAL = (".", "_", "#", "~")
_SPECIAL_FIRST = frozenset(_SPECIAL)
_WILDCARD = re.compile(r"[*?\[]")


def _patterns(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [str(v) for v in value if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v)]


def _join(pattern: str) -> str:
    """The pattern as Jekyll joins it to the source, made relative again:
    File.join collapses the slashes between them ("/docs" and "docs" are one)."""
    return "/" + pattern.lstrip("/")


class _Matcher:
    """Jekyll's glob_include? over one list of patterns."""

    def __init__(self, patterns: list[str]) -> None:
        # Every joined pattern starts with the root's "/": it is left off both
        # sides, so a path from the root is matched as it is.
        joined = [_join(p)[1:] for p in patterns]
        self._prefixes = tuple(joined)
        # A folder is also matched by its name with a final slash ("vendor/bundle/").
        self._dir_names = frozenset(p[:-1] for p in joined if p.endswith("/"))
        globs = [fnmatch.translate(p) for p in joined if _WILDCARD.search(p)]
        self._glob = re.compile("|".join(f"(?:{g})" for g in globs)) if globs else None

    def __bool__(self) -> bool:
        return bool(self._prefixes)

    def match(self, rel: str, is_dir: bool = False) -> bool:
        rel = rel.lstrip("/")
        if rel.startswith(self._prefixes):
            return True
        if is_dir and rel in self._dir_names:
            return True
        return self._glob is not None and self._glob.match(rel) is not None


class JekyllEntryFilter:
    """The entry filter of a Jekyll site, from its configuration."""

    def __init__(self, config: dict) -> None:
        include = _patterns(config.get("include")) if "include" in config else list(DEFAULT_INCLUDES)
        exclude = _patterns(config.get("exclude"))
        exclude = list(dict.fromkeys([*exclude, *DEFAULT_EXCLUDES]))
        self._include = _Matcher(include)
        # Jekyll drops from `exclude` what `include` names, by the same string.
        self._exclude = _Matcher([p for p in exclude if p not in set(include)])

    def included(self, entry: str, is_dir: bool = False) -> bool:
        """`entry` is relative to the folder being read, as Jekyll passes it;
        its base name is tried too."""
        if not self._include:
            return False
        base = entry.rsplit("/", 1)[-1]
        return self._include.match(entry, is_dir) or self._include.match(base, is_dir)

    def excluded(self, rel: str, is_dir: bool = False) -> bool:
        """`rel`: the path from the site root."""
        return self._exclude.match(rel, is_dir)

    def reads_dir(self, rel: str, name: str) -> bool:
        """Whether Jekyll goes into the folder `rel` (named `name`) looking for
        pages and `_posts`/`_drafts` folders."""
        included = self.included(name, True)
        if self.excluded(rel, True) and not included:
            return False
        return included or not (name.startswith(_SPECIAL) or name.endswith("~"))

    def reads_file(self, rel: str, entry: str) -> bool:
        """Whether Jekyll reads the file at `rel` (from the root), listed as
        `entry` (from its posts or collection folder)."""
        included = self.included(entry)
        if self.excluded(rel) and not included:
            return False
        if included:
            return True
        base = entry.rsplit("/", 1)[-1]
        return not (entry.startswith(_SPECIAL) or base.startswith(_SPECIAL) or entry.endswith("~"))

    def files_read(self, rels: list[str], start: int) -> list[int]:
        """`reads_file` over many files at once (a post folder's): the indexes
        of the files Jekyll reads; `rels` are from the root, `rels[i][start:]`
        from the posts folder. The common case (nothing excluded or
        included, no special name) costs two prefix tests and a regex."""
        exc = self._exclude
        prefixes, glob = exc._prefixes, exc._glob
        special = _SPECIAL_FIRST
        kept = []
        for i, rel in enumerate(rels):
            hit = rel.startswith(prefixes) or (glob is not None and glob.match(rel) is not None)
            odd = rel[start] in special or rel[rel.rfind("/") + 1] in special or rel[-1] == "~"
            if not (hit or odd) or self.included(rel[start:]):
                kept.append(i)
        return kept

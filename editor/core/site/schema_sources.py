"""Where a site's front-matter schema comes from (`load_schema`), first match wins:

1. `galley.toml` at the site root, when it has a `[fields]` table;
2. the generator's own config: Jekyll `_config.yml` (`defaults`, `future`,
   `baseurl`, collections), Hugo config + archetypes;
3. otherwise a schema inferred from the site's existing posts;
4. "default" (title required) when there is no site or too few posts.

Each reader knows only what that generator documents: Jekyll's post fields and
`_config.yml` `defaults`/`future`/`baseurl`/collections; Hugo's page variables,
taxonomies, `buildFuture` and the archetypes `hugo new` copies. The fields the
site's posts actually use are added as `inferred` fields (types guessed from
the values seen), so the window's form shows them and a post that differs from
most others gets a warning, never an error.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import tomllib
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from editor.core.site.dates import parse_date
from editor.core.site.paths import relative_to_root
from editor.core.site.schema import (DEFAULT_FIELDS, Field, Schema, ScopedDefault, default_schema,
                                     parse_fields, read_galley_toml, section_of)
from editor.core.post.texts import QT_TRANSLATE_NOOP
from editor.core.site.site import SETTINGS_FILE

#: Posts needed before the site's habits count as a schema.
MIN_POSTS_TO_INFER = 5
#: A key in at least this share of posts is expected in every post.
EXPECTED_SHARE = 0.9
#: A type seen in at least this share of a key's values is that key's type.
TYPE_SHARE = 0.9

_JEKYLL_FIELDS = (
    Field("title", "string", required=True,
          description=QT_TRANSLATE_NOOP("Schema", "Title (Jekyll falls back to the file name)")),
    Field("date", "datetime",
          description=QT_TRANSLATE_NOOP("Schema", "Overrides the date in the file name")),
    Field("layout", "string"),
    Field("categories", "list",
          description=QT_TRANSLATE_NOOP("Schema", "Categories (a list, or words separated by spaces)")),
    Field("tags", "list",
          description=QT_TRANSLATE_NOOP("Schema", "Tags (a list, or words separated by spaces)")),
    Field("permalink", "string"),
    Field("published", "boolean", default=True,
          description=QT_TRANSLATE_NOOP("Schema", "false keeps the post out of the site")),
    Field("excerpt", "markdown"),
)

_HUGO_FIELDS = (
    Field("title", "string", required=True),
    Field("date", "datetime"),
    Field("draft", "boolean", default=False,
          description=QT_TRANSLATE_NOOP("Schema", "true keeps the page out of the site")),
    Field("description", "text"),
    Field("summary", "markdown"),
    Field("lastmod", "datetime"),
    Field("publishDate", "datetime"),
    Field("expiryDate", "datetime"),
    Field("weight", "number"),
    Field("slug", "string"),
    Field("url", "string"),
    Field("aliases", "list"),
)


def load_schema(site, index=None, relpaths=None) -> Schema:
    """The schema of `site` (an editor.core.site.site.Site, or None), first match wins.

    `index` is `site.index()` when the caller already has it (it is read at most
    once; `relpaths`, its paths relative to the site root, likewise). Raises SchemaError only for a galley.toml whose `[fields]` is wrong.
    """
    if site is None:
        return default_schema()
    return schema_from_counts(site, SchemaCounts.of(site, index, relpaths))


def schema_from_counts(site, counts: "SchemaCounts | None") -> Schema:
    """`load_schema` from what the posts of `site` hold, counted (None: not
    counted; a galley.toml schema then has no uses, the inference reads the
    site's posts)."""
    data = read_galley_toml(site.root)
    if data is not None and "fields" in data:
        # An explicit schema is taken as written: it may choose not to require a title.
        fields = parse_fields(data["fields"])
        base = generator_schema(site)
        future = data.get("future") if isinstance(data.get("future"), bool) else None
        schema = Schema(fields=fields, source=SETTINGS_FILE,
                        future=future if future is not None else (base.future if base else None),
                        baseurl=site.baseurl or "",
                        scoped_defaults=base.scoped_defaults if base else (),
                        collections=base.collections if base else (),
                        taxonomies=base.taxonomies if base else ("tags", "categories"))
        return with_presence(schema, counts.presence()) if counts is not None else schema
    return schema_for_site(site, counts=counts)


class SchemaCounts:
    """What the schema inference reads from the posts, as counts that a post
    can be added to or taken out of: a site of 10,000 posts where one changes
    is counted again in microseconds, not re-read (0.15 s of the GIL).

    Only posts that parse, with a mapping for front matter, count; a Hugo
    section page (`_index.md`) says nothing about posts."""

    def __init__(self) -> None:
        #: (key, type) -> posts with that key holding a value of that type.
        self.pairs: Counter = Counter()
        self.total = 0
        #: section -> [posts, Counter(key -> posts having it)]
        self.sections: dict[str, list] = {}
        self._shares: dict[tuple, tuple] = {}

    @classmethod
    def of(cls, site, index=None, relpaths=None) -> "SchemaCounts | None":
        """The posts of `index` counted (None when no index is given: a
        galley.toml schema then has no uses; the inference reads the site's)."""
        if index is None:
            return None
        if relpaths is None:
            root = Path(site.root).resolve()
            relpaths = [relative_to_root(summary.path, root) for summary in index]
        counts = cls()
        for summary, rel in zip(index, relpaths):
            counts.add(summary, rel)
        return counts

    def part_of(self, summary, rel: str | None) -> tuple | None:
        """One post's share: ((key, type) pairs, section), or None. Shares
        are interned: most posts of a site have the same keys of the same
        types, so 10,000 posts hold a few dozen distinct shares."""
        fm = summary.front_matter
        if summary.error is not None or not isinstance(fm, dict):
            return None
        if os.path.basename(str(summary.path)).startswith("_index."):
            return None
        type_of = _type_of
        part = (tuple([(key, type_of(value)) for key, value in fm.items()]), section_of(rel))
        return self._shares.setdefault(part, part)

    def add(self, summary, rel: str | None, sign: int = 1) -> tuple | None:
        part = self.part_of(summary, rel)
        self.add_part(part, sign)
        return part

    def add_part(self, part: tuple | None, sign: int = 1) -> None:
        """Count a post's share in (`sign` 1) or out (-1)."""
        if part is None:
            return
        pairs, section = part
        keys = [str(key) for key, _type in pairs]
        self.total += sign
        if sign > 0:
            self.pairs.update(pairs)
        else:
            self.pairs.subtract(pairs)
        entry = self.sections.get(section)
        if entry is None:
            entry = self.sections[section] = [0, Counter()]
        entry[0] += sign
        if sign > 0:
            entry[1].update(keys)
        else:
            entry[1].subtract(keys)

    def presence(self) -> Counter:
        """key (as text) -> posts that have it."""
        presence: Counter = Counter()
        for (key, _ftype), n in self.pairs.items():
            if n:
                presence[str(key)] += n
        return presence

    def expected(self) -> dict[str, tuple[str, ...]]:
        """section -> the keys most of its posts have (`expected_keys`)."""
        out = {}
        for name, (total, presence) in self.sections.items():
            keys = _expected_of(presence, total)
            if keys:
                out[name] = keys
        return out


def generator_schema(site) -> Schema | None:
    """The schema the generator's config declares, without inferred fields (None: unknown)."""
    if site.generator == "jekyll":
        return jekyll_schema(site)
    if site.generator == "hugo":
        return hugo_schema(site)
    return None


def schema_for_site(site, index=None, relpaths=None, counts: SchemaCounts | None = None) -> Schema:
    """Generator schema topped up with inferred fields; else inferred; else default.
    `relpaths`: the index's paths relative to the site root, if the caller has
    them; `counts`: the posts already counted (then `index` is not read)."""
    declared = generator_schema(site)
    if counts is None:
        counts = SchemaCounts.of(site, site.index() if index is None else index, relpaths)
    expected = counts.expected()
    if declared is not None:
        return replace(declared.merged(_inferred(counts.pairs, counts.total, declared)), expected=expected)
    if counts.total < MIN_POSTS_TO_INFER:
        return default_schema()
    taxonomies = tuple(_zola_taxonomies(site.config)) if site.generator == "zola" \
        else ("tags", "categories")
    base = Schema(fields=DEFAULT_FIELDS[:1], source="inferred", baseurl=site.baseurl or "",
                  taxonomies=taxonomies, expected=expected)
    return base.merged(_inferred(counts.pairs, counts.total, base))


def expected_keys(front_matters: list[dict]) -> tuple[str, ...]:
    """Keys at least EXPECTED_SHARE of these posts have (none below MIN_POSTS_TO_INFER posts)."""
    return _expected_of(Counter(str(k) for fm in front_matters for k in fm), len(front_matters))


def _expected_of(presence: Counter, total: int) -> tuple[str, ...]:
    """The keys of `presence` held by at least EXPECTED_SHARE of `total` posts,
    in name order (the same whichever post was counted first)."""
    if total < MIN_POSTS_TO_INFER:
        return ()
    return tuple(sorted(k for k, n in presence.items() if n >= EXPECTED_SHARE * total))


# -- Jekyll --------------------------------------------------------------------------------

def jekyll_schema(site) -> Schema:
    config = site.config if isinstance(site.config, Mapping) else {}
    scoped = []
    defaults = config.get("defaults") or []
    if isinstance(defaults, list):
        for entry in defaults:
            if not isinstance(entry, Mapping) or not isinstance(entry.get("values"), Mapping):
                continue
            scope = entry.get("scope") if isinstance(entry.get("scope"), Mapping) else {}
            path = scope.get("path") or ""
            ftype = scope.get("type") or None
            scoped.append(ScopedDefault(str(path), str(ftype) if ftype else None,
                                        dict(entry["values"])))
    collections = config.get("collections") or {}
    names = tuple(str(c) for c in (collections if isinstance(collections, list | dict) else ())
                  if str(c) != "posts")
    # Fields the defaults set are part of the schema (the form shows them, typed by
    # the default value) but are not checked: a post may well override
    # `image: /a.png` with a map -- a default is a value, not a type.
    extra = []
    for scoped_default in scoped:
        for key, value in scoped_default.values.items():
            extra.append(Field(key, _type_of(value) or "string", default=value, loose=True))
    schema = Schema(fields=_JEKYLL_FIELDS, source="jekyll",
                    future=bool(config.get("future", False)),
                    baseurl=str(config.get("baseurl") or ""),
                    scoped_defaults=tuple(scoped), collections=names)
    return schema.merged(_unique(extra))


# -- Hugo ----------------------------------------------------------------------------------

def hugo_schema(site) -> Schema:
    config = {str(k).lower(): v for k, v in (site.config or {}).items()}
    taxonomies = config.get("taxonomies")
    if isinstance(taxonomies, Mapping) and taxonomies:
        plural = tuple(str(v) for v in taxonomies.values() if v)
    else:
        plural = ("tags", "categories")
    fields = list(_HUGO_FIELDS) + [Field(name, "list") for name in plural]
    fields += archetype_fields(Path(site.root) / "archetypes")
    return Schema(fields=tuple(_unique(fields)), source="hugo",
                  future=bool(config.get("buildfuture", False)),
                  baseurl=str(config.get("baseurl") or ""), taxonomies=plural)


_ARCH_LINE = re.compile(r"""^\s*["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*(.*?)\s*$""")


def archetype_fields(folder: Path) -> list[Field]:
    """Top-level keys of the archetypes `hugo new` copies, typed by their values.

    Archetypes hold Go templates (`date = {{ .Date }}`, often unquoted), so
    they are not valid TOML/YAML: each `key = value` line is read on its own.
    """
    fields: list[Field] = []
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError:
        return fields
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        lines = text.splitlines()
        if not lines or lines[0].strip() not in ("---", "+++"):
            continue
        fence = lines[0].strip()
        for line in lines[1:]:
            if line.strip() == fence:
                break
            if line[:1].isspace() or line.lstrip().startswith(("#", "[", "-")):
                continue
            match = _ARCH_LINE.match(line)
            if not match:
                continue
            key, raw = match.groups()
            if "{{" in raw:
                ftype = "datetime" if ".Date" in raw else "string"
            else:
                ftype = _type_of(_literal(raw, fence)) or "string"
            fields.append(Field(key, ftype, inferred=True))  # an example, not a declaration
    return fields


def _literal(raw: str, fence: str) -> Any:
    try:
        if fence == "+++":
            return tomllib.loads(f"v = {raw}")["v"]
        return yaml.safe_load(raw)
    except Exception:  # an archetype line we cannot read is simply a string field
        return raw


def _zola_taxonomies(config: Mapping) -> list[str]:
    names = []
    for entry in (config or {}).get("taxonomies") or []:
        if isinstance(entry, Mapping) and entry.get("name"):
            names.append(str(entry["name"]))
    return names or ["tags", "categories"]


# -- Inference -----------------------------------------------------------------------------

def infer_fields(front_matters: list[dict], declared: Schema) -> list[Field]:
    """Fields the posts use that `declared` does not name, plus expectations.

    A key present in at least EXPECTED_SHARE of the posts is expected
    (required, inferred); its type is the type of at least TYPE_SHARE of its
    values, else "string" and `loose` (no type check).
    """
    # (key, type) pairs counted in one Counter: this loop runs over every key of every
    # post of the site (70,000 times for 10,000 posts), so it stays flat.
    pairs: Counter = Counter()
    type_of = _type_of
    for fm in front_matters:
        pairs.update([(key, type_of(value)) for key, value in fm.items()])
    return _inferred(pairs, len(front_matters), declared)


def _inferred(pairs: Counter, total: int, declared: Schema) -> list[Field]:
    """`infer_fields` from the posts' (key, type) counts. Ties are broken by
    name, so the fields come out the same whichever post was counted first."""
    presence: Counter = Counter()
    types: dict[str, Counter] = {}
    for (key, ftype), n in pairs.items():
        if n <= 0:
            continue
        key = str(key)
        presence[key] += n
        types.setdefault(key, Counter())[ftype or "unknown"] += n
    out = []
    for key, count in sorted(presence.items(), key=lambda kv: (-kv[1], kv[0])):
        ftype, hits = min(types[key].items(), key=lambda kv: (-kv[1], kv[0]))
        confident = hits >= TYPE_SHARE * count and ftype != "unknown"
        expected = total >= MIN_POSTS_TO_INFER and count >= EXPECTED_SHARE * total
        known = declared.field(key)
        if known is not None:  # only what the posts tell about it (Schema.merged)
            out.append(Field(key, known.type, expected=expected and not known.required, uses=count))
            continue
        if confident:
            out.append(Field(key, ftype, expected=expected, inferred=True, uses=count))
        else:
            out.append(Field(key, "string", expected=expected, inferred=True, loose=True, uses=count))
    return out


def with_uses(schema: Schema, index) -> Schema:
    """`schema` with each field's `uses`: how many posts of `index` have the key."""
    counts = SchemaCounts()
    for summary in index:
        counts.add(summary, None)
    return with_presence(schema, counts.presence())


def with_presence(schema: Schema, presence: Counter) -> Schema:
    """`schema` with each field's `uses` from `presence` (key -> posts having it)."""
    return replace(schema, fields=tuple(replace(f, uses=presence.get(f.name, 0))
                                        for f in schema.fields))


_ISO_START = re.compile(r"^\s*\d{4}-\d\d?-\d\d?")


_TYPE_NAMES = {bool: "boolean", int: "number", float: "number", _dt.datetime: "datetime",
               _dt.date: "date", list: "list", tuple: "list", dict: "object"}


def _type_of(value: Any) -> str | None:
    exact = _TYPE_NAMES.get(type(value))
    if exact is not None:
        return exact
    if isinstance(value, str):
        if value[:1].isdigit() and _ISO_START.match(value) and parse_date(value) is not None:
            return "datetime" if ":" in value else "date"
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, _dt.datetime):
        return "datetime"
    if isinstance(value, _dt.date):
        return "date"
    if isinstance(value, list | tuple):
        return "list"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, str):
        if _ISO_START.match(value) and parse_date(value) is not None:
            return "datetime" if ":" in value else "date"
        return "string"
    return None


def _unique(fields: Iterable[Field]) -> list[Field]:
    seen, out = set(), []
    for f in fields:
        if f.name not in seen:
            seen.add(f.name)
            out.append(f)
    return out

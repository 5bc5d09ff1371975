"""The front-matter schema of a site: which fields a post has, of which type,
and the `[fields]` table of `galley.toml` that declares them.

Where a site's schema comes from is `schema_sources.load_schema`. The window
builds its form from `schema.fields` (in order); a field guessed from the
site's posts is marked `inferred=True`: what it finds is at most a warning.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping

from editor.core.post.texts import QT_TRANSLATE_NOOP
from editor.core.site.site import SETTINGS_FILE

FIELD_TYPES = ("string", "text", "markdown", "date", "datetime", "boolean", "number",
               "list", "choice", "image", "url", "object")

#: Where a schema came from (`Schema.source`).
SOURCES = (SETTINGS_FILE, "jekyll", "hugo", "inferred", "default")


class SchemaError(ValueError):
    """A `galley.toml` `[fields]` table we cannot use (message names the field)."""


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "string"
    required: bool = False
    default: Any = None
    choices: tuple = ()
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    description: str = ""
    #: Sub-fields of an `object` field, in order.
    fields: tuple["Field", ...] = ()
    #: True when the type was guessed from the site's posts: findings are warnings.
    inferred: bool = False
    #: Most of the site's posts have this key (a guess): missing it is a warning.
    expected: bool = False
    #: The posts disagree on this key's type: the form offers `type`, nothing is checked.
    loose: bool = False
    #: How many of the site's posts have this key (0 when unknown): the form's
    #: "Add field…" completion shows it.
    uses: int = 0
    #: Declared worth having (galley.toml `recommended = true`): the form offers
    #: it on a post that lacks it, and nothing is checked.
    recommended: bool = False

    def subfield(self, name: str) -> "Field | None":
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class ScopedDefault:
    """One Jekyll `defaults` entry: `values` apply to files under `path` of `type`."""

    path: str
    type: str | None
    values: Mapping[str, Any]

    def applies(self, relpath: str, doc_type: str | None) -> bool:
        if self.type and doc_type and self.type != doc_type:
            # Jekyll treats drafts as posts for defaults.
            if not (self.type == "posts" and doc_type == "drafts"):
                return False
        elif self.type and not doc_type:
            return False
        scope = self.path.strip("/")
        if not scope:
            return True
        if "*" in scope:  # Jekyll >= 3.7 globs
            return fnmatch.fnmatch(relpath, scope) or fnmatch.fnmatch(relpath, scope + "/*")
        return relpath == scope or relpath.startswith(scope + "/")


@dataclass(frozen=True)
class Schema:
    fields: tuple[Field, ...] = ()
    source: str = "default"
    #: Does the generator publish posts dated in the future (Jekyll `future`, Hugo
    #: `buildFuture`)? None: it does not skip them at all (Zola, unknown).
    future: bool | None = None
    baseurl: str = ""
    scoped_defaults: tuple[ScopedDefault, ...] = ()
    #: Jekyll collection names (besides posts), Hugo taxonomies: list-valued keys.
    collections: tuple[str, ...] = ()
    taxonomies: tuple[str, ...] = ("tags", "categories")
    #: Keys most posts of a section have ({"_posts": ("layout", ...)}, see `section_of`):
    #: a guess, so a post of that section without one gets a warning.
    expected: dict = field(default_factory=dict)

    @property
    def explicit(self) -> bool:
        """True when a person wrote it down (galley.toml, generator config)."""
        return self.source in (SETTINGS_FILE, "jekyll", "hugo")

    def field(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None

    def field_at(self, path: tuple[str, ...]) -> Field | None:
        """The field for a dotted key path ("image", "alt"), or None."""
        current = self.field(path[0]) if path else None
        for part in path[1:]:
            if current is None:
                return None
            current = current.subfield(part)
        return current

    def defaults_for(self, relpath: str, doc_type: str | None) -> dict:
        """Values Jekyll `defaults` give a file (later entries win, as in Jekyll)."""
        values: dict = {}
        for scoped in self.scoped_defaults:
            if scoped.applies(relpath, doc_type):
                values.update(scoped.values)
        return values

    def merged(self, extra: Iterable[Field]) -> "Schema":
        """This schema plus `extra` fields it does not declare (appended, in order).

        An extra field named like a declared one only adds its `expected` flag
        and its count of `uses`: what a person declared is never replaced by a guess.
        """
        fields = list(self.fields)
        position = {f.name: i for i, f in enumerate(fields)}
        for f in extra:
            if f.name in position:
                i = position[f.name]
                if f.expected and not fields[i].expected:
                    fields[i] = replace(fields[i], expected=True)
                if f.uses and not fields[i].uses:
                    fields[i] = replace(fields[i], uses=f.uses)
            else:
                position[f.name] = len(fields)
                fields.append(f)
        return replace(self, fields=tuple(fields))


def section_of(relpath: str | None) -> str:
    """The group of posts a file belongs to, for "most posts here have X".

    Jekyll: the `_posts`/`_drafts` folder (its sub-folders are categories);
    Hugo/Zola: the first folder under `content/` (a language folder counts too);
    else the file's folder. A page bundle's `index.md` belongs to its parent.
    """
    if not relpath:
        return ""
    parts = relpath.split("/")
    name, folders = parts[-1], parts[:-1]
    for marker in ("_posts", "_drafts"):
        if marker in folders:
            return "/".join(folders[: folders.index(marker) + 1])
    if folders and folders[0] == "content":
        depth = 3 if len(folders) > 2 and len(folders[1]) == 2 else 2
        return "/".join(folders[:depth])
    if name.rsplit(".", 1)[0] == "index" and folders:
        folders = folders[:-1]
    return "/".join(folders)


# -- galley.toml ---------------------------------------------------------------------------

def parse_fields(table: Mapping[str, Any], where: str = "fields") -> tuple[Field, ...]:
    """`[fields.NAME]` tables → Fields, in file order. Raises SchemaError."""
    if not isinstance(table, Mapping):
        raise SchemaError(f"[{where}] must be a table")
    out = []
    for name, spec in table.items():
        if not isinstance(spec, Mapping):
            raise SchemaError(f"[{where}.{name}] must be a table")
        out.append(_parse_field(name, spec, f"{where}.{name}"))
    return tuple(out)


def _parse_field(name: str, spec: Mapping[str, Any], where: str) -> Field:
    known = {"type", "required", "recommended", "default", "choices", "pattern", "min_length",
             "max_length", "description", "fields"}
    unknown = set(spec) - known
    if unknown:
        raise SchemaError(f"[{where}]: unknown setting(s) {', '.join(sorted(unknown))}")
    ftype = spec.get("type", "choice" if "choices" in spec else "string")
    if ftype not in FIELD_TYPES:
        raise SchemaError(f"[{where}]: type {ftype!r} is not one of {', '.join(FIELD_TYPES)}")
    choices = spec.get("choices", ())
    if not isinstance(choices, list | tuple):
        raise SchemaError(f"[{where}]: choices must be a list")
    if ftype == "choice" and not choices:
        raise SchemaError(f"[{where}]: a choice field needs `choices`")
    pattern = spec.get("pattern")
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SchemaError(f"[{where}]: pattern {pattern!r} is not a regular expression: {exc}")
    for bound in ("min_length", "max_length"):
        if bound in spec and (not isinstance(spec[bound], int) or isinstance(spec[bound], bool)):
            raise SchemaError(f"[{where}]: {bound} must be a whole number")
    required = spec.get("required", False)
    if not isinstance(required, bool):
        raise SchemaError(f"[{where}]: required must be true or false")
    recommended = spec.get("recommended", False)
    if not isinstance(recommended, bool):
        raise SchemaError(f"[{where}]: recommended must be true or false")
    sub = parse_fields(spec["fields"], f"{where}.fields") if "fields" in spec else ()
    return Field(name=name, type=ftype, required=required, recommended=recommended,
                 default=spec.get("default"),
                 choices=tuple(choices), pattern=pattern, min_length=spec.get("min_length"),
                 max_length=spec.get("max_length"), description=str(spec.get("description", "")),
                 fields=sub)


def read_galley_toml(root: Path) -> dict | None:
    """The parsed `galley.toml` at `root`, or None when there is none. Raises SchemaError."""
    path = Path(root) / SETTINGS_FILE
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SchemaError(f"{SETTINGS_FILE} cannot be read: {exc}") from exc


#: With no configuration at all, a post needs a title (the issue's baseline).
DEFAULT_FIELDS = (
    Field("title", "string", required=True, description=QT_TRANSLATE_NOOP("Schema", "The post's title")),
    Field("date", "datetime", description=QT_TRANSLATE_NOOP("Schema", "Publication date")),
    Field("tags", "list"),
    Field("categories", "list"),
)


def default_schema() -> Schema:
    return Schema(fields=DEFAULT_FIELDS, source="default")


def suggested_fields(schema: Schema, relpath: str | None, present_keys: Iterable[str]) -> list[Field]:
    """Fields this kind of post should have and lacks, in schema order: the
    required and recommended ones, and the keys most posts of its section
    have (`Schema.expected`). A Hugo section page (`_index.md`) is no post:
    it gets only the required ones."""
    present = {str(k) for k in present_keys}
    name = (relpath or "").replace("\\", "/").rsplit("/", 1)[-1]
    section_page = name.rsplit(".", 1)[0] == "_index"
    usual = () if section_page else tuple(schema.expected.get(section_of(relpath), ()))
    out = []
    for f in schema.fields:
        if f.name in present:
            continue
        if f.required or (not section_page and (f.recommended or f.name in usual)):
            out.append(f)
    return out

"""Front-matter fields against the schema: present, of the right type, allowed values.

Severity follows where the expectation comes from: what a person declared
(galley.toml, the generator's config, the baseline "a post has a title") is an
error; what was guessed from the site's other posts is a warning.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from editor.core.site.dates import parse_date
from editor.core.site.schema import section_of
from editor.core.validation.rules.dates import file_name_date
from editor.core.validation.rules.registry import ERROR, WARNING, check, diagnostic
from editor.core.validation.rules.vocabulary import one_typo

_STRING_TYPES = ("string", "text", "markdown", "image", "url")
_DATE_TYPES = ("date", "datetime")


def doc_type(post, ctx) -> str | None:
    """The Jekyll `defaults` scope type of a post ("posts", "drafts", a collection)."""
    parts = post.folder_parts
    if "_drafts" in parts:
        return "drafts"
    if "_posts" in parts:
        return "posts"
    if parts and parts[0].startswith("_") and parts[0][1:] in ctx.schema.collections:
        return parts[0][1:]
    return "pages" if ctx.generator == "jekyll" else None


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == [] \
        or value == {}


@check("required", site_wide=True, required_field=ERROR)
def check_required(post, ctx):
    if post.kind == "none" or post.front_matter_error is not None:
        return  # front-matter-missing / the parse error say it better
    fm = post.front_matter
    defaults = ctx.schema.defaults_for(post.relpath or "", doc_type(post, ctx)) \
        if ctx.schema.scoped_defaults else {}
    expected = set(ctx.schema.expected.get(section_of(post.relpath), ()))
    if post.stem == "_index":
        expected = set()  # a Hugo section page is not a post
    if ctx.generator in ("jekyll", "unknown") and file_name_date(post) is not None:
        expected.discard("date")  # the file name gives Jekyll the date
    for field in ctx.schema.fields:
        if not (field.required or field.name in expected):
            continue
        if field.name in fm and not _empty(fm[field.name]):
            if field.type == "object" and isinstance(fm[field.name], dict):
                yield from _required_subfields(post, field, fm[field.name], (field.name,))
            continue
        if field.name in defaults and not _empty(defaults[field.name]):
            continue
        if field.default is not None:
            continue  # the schema fills it in
        where = post.where(field.name) if field.name in fm else (1, 1)
        fix: str | None = "required-field"
        extra = {}
        if field.required:
            severity, variant = ERROR, ""
            if field.name == "title" and ctx.generator == "jekyll" and doc_type(post, ctx) in (
                    "posts", "drafts"):
                # Jekyll falls back to a title made from the file name: a slip, not a break.
                severity, variant = WARNING, "jekyll-title"
        else:
            severity, variant = WARNING, "expected"
            near = _near_key(field.name, fm)
            if near:
                variant, extra = "near", {"near": near}
                where, fix = post.where(near), None
        if field.name in fm:
            variant = f"{variant}-empty" if variant else "empty"
        message_id = f"required-field/{variant}" if variant else "required-field"
        yield diagnostic(message_id, severity, where, key=field.name, fix=fix,
                         field=field.name, **extra)


def _near_key(name: str, fm: dict) -> str | None:
    return next((k for k in fm if isinstance(k, str) and one_typo(k, name)), None)


def _required_subfields(post, field, value: dict, path: tuple):
    for sub in field.fields:
        if sub.required and _empty(value.get(sub.name)) and sub.default is None:
            key = path + (sub.name,)
            yield diagnostic("required-field/subfield", WARNING if field.inferred else ERROR,
                             post.where(path), key=key, field=".".join(key))


@check("types", site_wide=True, field_type=ERROR, field_value=ERROR)
def check_types(post, ctx):
    if post.front_matter_error is not None:
        return
    fm = post.front_matter
    for field in ctx.schema.fields:
        if field.name in fm:
            yield from _check_value(post, field, fm[field.name], (field.name,))


def _check_value(post, field, value: Any, key: tuple):
    if value is None or field.loose:
        return
    severity = WARNING if field.inferred else ERROR
    problem, fix, params = _type_problem(field.type, value)
    name = ".".join(str(k) for k in key)
    if problem:
        yield diagnostic(problem, severity, post.where(key), key=key, fix=fix, field=name,
                         **params)
        return
    if field.type == "object":
        for sub in field.fields:
            if sub.name in value:
                yield from _check_value(post, sub, value[sub.name], key + (sub.name,))
        return
    for message_id, params in _value_problems(field, value):
        yield diagnostic(message_id, severity, post.where(key), key=key, field=name, **params)


_FITS = (None, None, {})


def _type_problem(ftype: str, value: Any) -> tuple[str | None, str | None, dict]:
    """(message id, fix id, their parameters) when `value` does not fit `ftype`;
    (None, None, {}) if it fits."""
    if ftype in _STRING_TYPES or ftype == "choice":
        if isinstance(value, bool):
            return "field-type/text-not-boolean", "field-type/quote", {}
        if isinstance(value, list | dict):
            variant = "list" if isinstance(value, list) else "map"
            return f"field-type/text-not-{variant}", None, {}
        return _FITS
    if ftype in _DATE_TYPES:
        if isinstance(value, _dt.date | str):
            return _FITS  # a string that is no date is `date-format`'s finding
        return "field-type/date", None, {}
    if ftype == "boolean":
        if isinstance(value, bool):
            return _FITS
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
            word = "true" if value.strip().lower() in ("true", "yes") else "false"
            return "field-type/boolean-text", "field-type/unquote-boolean", {
                "value": repr(value), "word": word}
        return "field-type/boolean", None, {}
    if ftype == "number":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return _FITS
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", value):
            return "field-type/number-text", "field-type/unquote", {"value": repr(value)}
        return "field-type/number", None, {}
    if ftype == "list":
        # Generators accept a single string for a list (Jekyll splits it on spaces).
        if isinstance(value, list | str):
            return _FITS
        return "field-type/list", None, {}
    if ftype == "object":
        if isinstance(value, dict):
            return _FITS
        return "field-type/map", None, {}
    return _FITS


def _value_problems(field, value: Any):
    """(message id, parameters) for each way `value` breaks the field's constraints."""
    if field.choices and not isinstance(value, list | dict):
        allowed = [str(c) for c in field.choices]
        if str(value) not in allowed:
            yield "field-value", {"value": repr(value), "allowed": ", ".join(allowed)}
    if field.pattern and isinstance(value, str) and not re.fullmatch(field.pattern, value):
        yield "field-value/pattern", {"pattern": repr(field.pattern)}
    if isinstance(value, str | list):
        size = len(value)
        unit = "items" if isinstance(value, list) else "characters"
        if field.min_length is not None and size < field.min_length:
            yield f"field-value/few-{unit}", {"size": size, "limit": field.min_length}
        if field.max_length is not None and size > field.max_length:
            yield f"field-value/many-{unit}", {"size": size, "limit": field.max_length}


__all__ = ["check_required", "check_types", "doc_type", "parse_date"]

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
        fix = f"add `{field.name}`"
        if field.required:
            severity, message = ERROR, f"the `{field.name}` field is required"
            if field.name == "title" and ctx.generator == "jekyll" and doc_type(post, ctx) in (
                    "posts", "drafts"):
                # Jekyll falls back to a title made from the file name: a slip, not a break.
                severity = WARNING
                message += " (Jekyll will make one from the file name)"
        else:
            severity = WARNING
            message = f"most posts in this site have a `{field.name}` field; this one does not"
            near = _near_key(field.name, fm)
            if near:
                message = (f"most posts in this site write `{field.name}`, this one `{near}`: "
                           f"check which spelling the theme reads")
                where, fix = post.where(near), None
        if field.name in fm:
            message += "; it is empty"
        yield diagnostic("required-field", severity, message, where, key=field.name, fix=fix)


def _near_key(name: str, fm: dict) -> str | None:
    return next((k for k in fm if isinstance(k, str) and one_typo(k, name)), None)


def _required_subfields(post, field, value: dict, path: tuple):
    for sub in field.fields:
        if sub.required and _empty(value.get(sub.name)) and sub.default is None:
            key = path + (sub.name,)
            yield diagnostic("required-field", WARNING if field.inferred else ERROR,
                             f"`{'.'.join(key)}` is required", post.where(path), key=key)


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
    problem, fix = _type_problem(field.type, value)
    name = ".".join(str(k) for k in key)
    if problem:
        yield diagnostic("field-type", severity, f"`{name}` should be {problem}",
                         post.where(key), key=key, fix=fix)
        return
    if field.type == "object":
        for sub in field.fields:
            if sub.name in value:
                yield from _check_value(post, sub, value[sub.name], key + (sub.name,))
        return
    for message in _value_problems(field, value):
        yield diagnostic("field-value", severity, f"`{name}` {message}", post.where(key),
                         key=key)


def _type_problem(ftype: str, value: Any) -> tuple[str | None, str | None]:
    """(what it should be, fix) when `value` does not fit `ftype`; (None, None) if it fits."""
    if ftype in _STRING_TYPES or ftype == "choice":
        if isinstance(value, bool):
            return "text, but YAML read it as true/false", "put the value in quotes"
        if isinstance(value, list | dict):
            return "a single text value, not a " + ("list" if isinstance(value, list) else "map"), None
        return None, None
    if ftype in _DATE_TYPES:
        if isinstance(value, _dt.date | str):
            return None, None  # a string that is no date is `date-format`'s finding
        return "a date such as 2021-05-10 or 2021-05-10 14:30:00 +09:00", None
    if ftype == "boolean":
        if isinstance(value, bool):
            return None, None
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
            return ("true or false, not the text " + repr(value) + " (any text counts as true)",
                    f"write {value.strip().lower() in ('true', 'yes') and 'true' or 'false'} "
                    "without quotes")
        return "true or false", None
    if ftype == "number":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return None, None
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", value):
            return "a number, not the text " + repr(value), "remove the quotes"
        return "a number", None
    if ftype == "list":
        # Generators accept a single string for a list (Jekyll splits it on spaces).
        if isinstance(value, list | str):
            return None, None
        return "a list such as [a, b]", None
    if ftype == "object":
        if isinstance(value, dict):
            return None, None
        return "a map of keys to values", None
    return None, None


def _value_problems(field, value: Any):
    if field.choices and not isinstance(value, list | dict):
        allowed = [str(c) for c in field.choices]
        if str(value) not in allowed:
            yield f"is {value!r}; allowed: {', '.join(allowed)}"
    if field.pattern and isinstance(value, str) and not re.fullmatch(field.pattern, value):
        yield f"does not match the pattern {field.pattern!r}"
    if isinstance(value, str | list):
        size = len(value)
        unit = "items" if isinstance(value, list) else "characters"
        if field.min_length is not None and size < field.min_length:
            yield f"has {size} {unit}; at least {field.min_length} expected"
        if field.max_length is not None and size > field.max_length:
            yield f"has {size} {unit}; at most {field.max_length} allowed"


__all__ = ["check_required", "check_types", "doc_type", "parse_date"]

"""Can the file be read at all: encoding, binary data, missing or broken front matter.

The parse errors come straight from the document (`front_matter_error`,
`front_matter_issues`), which already holds them at their file line/column,
so the window and the CLI report the very position the parser stopped at.
"""

from __future__ import annotations

import re

from editor.core.validation.rules.registry import ERROR, INFO, WARNING, check, diagnostic

_PARSE_RULES = ("yaml-syntax", "toml-syntax", "json-syntax", "unsafe-yaml-tag", "duplicate-key",
                "front-matter-unclosed", "front-matter-limit")
_POST_FOLDERS_UNKNOWN = {"_posts", "_drafts", "content", "posts"}


@check("decode", encoding=WARNING, binary_file=ERROR)
def check_decode(post, ctx):
    error = post.decode_error
    if error is not None:
        message_id = "binary-file" if error.rule == "binary-file" else "encoding/unreadable"
        severity = ERROR  # a file we cannot read as text cannot be published either
        yield diagnostic(message_id, severity, (error.line, error.column), detail=error.message)
        return
    encoding = (post.encoding or "utf-8").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8", "ascii"):
        if ctx.generator == "jekyll":
            # Jekyll logs "invalid byte sequence", skips the file and builds the rest.
            yield diagnostic("encoding/jekyll", ERROR, fix="encoding", encoding=str(post.encoding))
        else:
            yield diagnostic("encoding", WARNING, fix="encoding", encoding=str(post.encoding))


@check("parse", **{r.replace("-", "_"): ERROR for r in _PARSE_RULES})
def check_parse(post, ctx):
    error = post.front_matter_error
    if error is not None:
        rule = error.rule if error.rule in _PARSE_RULES else _syntax_rule(post.kind)
        fix, hint = None, {}
        if rule in ("front-matter-unclosed", "unsafe-yaml-tag"):
            fix = rule
        elif rule == "yaml-syntax":
            hint = _missing_space_hint(post)
            fix = "yaml-syntax/missing-space" if hint else None
        yield diagnostic(rule, ERROR, (error.line, error.column), fix=fix,
                         detail=_sentence(error.message), **hint)
    for issue in post.front_matter_issues:
        rule = issue.rule if issue.rule in _PARSE_RULES else "duplicate-key"
        yield diagnostic(rule, ERROR, (issue.line, issue.column), fix="duplicate-key",
                         detail=_sentence(issue.message))


@check("format", front_matter_format=ERROR)
def check_format(post, ctx):
    """Jekyll knows only `---` YAML: a TOML (`+++`) or JSON head is body text to it."""
    if ctx.generator != "jekyll" or post.decode_error is not None or post.kind not in ("toml", "json"):
        return
    yield diagnostic("front-matter-format", ERROR, fix="front-matter-format", kind=post.kind.upper())


@check("missing", front_matter_missing=WARNING)
def check_missing(post, ctx):
    if post.decode_error is not None or post.kind != "none" or post.front_matter_error:
        return
    if not _in_posts_folder(post, ctx):
        return
    message_id = "front-matter-missing"
    if ctx.generator in ("jekyll", "hugo", "zola"):
        message_id += "/" + ctx.generator  # what that generator does with it
    severity = ERROR if ctx.generator == "zola" else WARNING
    yield diagnostic(message_id, severity, fix="front-matter-missing")


def _in_posts_folder(post, ctx) -> bool:
    parts = post.folder_parts
    if not parts:
        return False
    if ctx.generator == "jekyll":
        collections = {f"_{name}" for name in ctx.schema.collections}
        return "_posts" in parts or "_drafts" in parts or parts[0] in collections
    if ctx.generator in ("hugo", "zola"):
        return parts[0] == "content"
    return bool(_POST_FOLDERS_UNKNOWN & set(parts))


_NO_SPACE = re.compile(r"^[ \t]*([A-Za-z_][\w-]*):(?=[^\s:/\[{])", re.M)


def _missing_space_hint(post) -> dict:
    """`layout:post` is one plain string to YAML, not a key: the usual cause of
    "mapping values are not allowed here" a few lines further down. The key's
    name and file line ({} when there is no such line)."""
    text = getattr(post.doc, "front_matter_text", "") or ""
    m = _NO_SPACE.search(text)
    if m is None:
        return {}
    line = text.count("\n", 0, m.start()) + 2  # the fragment starts after the `---` line
    return {"name": m.group(1), "key_line": line}


def _syntax_rule(kind: str) -> str:
    return {"toml": "toml-syntax", "json": "json-syntax"}.get(kind, "yaml-syntax")


def _sentence(message: str) -> str:
    # One line, as in a compiler message (parser messages can span lines).
    return " ".join(str(message).split()) or "the front matter cannot be read"


__all__ = ["check_decode", "check_parse", "check_missing", "INFO"]

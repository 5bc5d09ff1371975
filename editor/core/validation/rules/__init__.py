"""The rule set: each rule id, its default severity, and the check that finds it.

A check is `check(post: PostView, ctx: ValidationContext) -> iterable of
Diagnostic`; one check may report several related ids (the parse errors all
come from one place). Modules, one per group of rules:

- source.py: encoding, binary-file, front-matter-missing, the parse errors
- fields.py: required-field, field-type, field-value
- dates.py: date-format, filename-date-mismatch, future-date
- links.py: image-missing, broken-link
- markup.py: html-unclosed-tag, liquid-unbalanced
- vocabulary.py: new-tag
- content.py: empty-body, title-length, excerpt-length
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from editor.core.validation.diagnostics import ERROR, INFO, WARNING, Diagnostic


@dataclass(frozen=True)
class Check:
    name: str
    #: The rule ids this check may report, with their default severities.
    rules: dict
    run: Callable[..., Iterable[Diagnostic]]
    #: Needs facts gathered from the whole site (schema fields and expectations,
    #: vocabulary, slugs, files). The others need only the site's config, so a big
    #: run can start them before the site index is complete.
    site_wide: bool = False


CHECKS: list[Check] = []


def check(name: str, site_wide: bool = False, **rules: str) -> Callable:
    """Register a check; `rules` maps rule ids (with `_` for `-`) to default severities."""

    def register(fn: Callable) -> Callable:
        CHECKS.append(Check(name, {k.replace("_", "-"): v for k, v in rules.items()}, fn,
                            site_wide))
        return fn

    return register


def diagnostic(rule: str, severity: str, message: str, where: tuple[int, int] = (1, 1),
               key: object = None, fix: str | None = None) -> Diagnostic:
    if isinstance(key, tuple):
        key = ".".join(str(k) for k in key)
    return Diagnostic(severity=severity, rule=rule, message=message, line=where[0],
                      column=where[1], key=key, fix=fix)


# Import order is run order: cheap structural rules first.
from editor.core.validation.rules import source, fields, dates, links, markup, vocabulary, content  # noqa: E402,F401

#: Every rule id with its default severity (the README documents them).
DEFAULT_SEVERITY: dict[str, str] = {rule: sev for c in CHECKS for rule, sev in c.rules.items()}
RULE_IDS = frozenset(DEFAULT_SEVERITY) | {"internal-error"}

__all__ = ["CHECKS", "Check", "DEFAULT_SEVERITY", "RULE_IDS", "ERROR", "WARNING", "INFO",
           "check", "diagnostic"]

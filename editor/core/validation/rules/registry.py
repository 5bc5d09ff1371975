"""The registry the rule modules add their checks to (`@check(...)`), and the
`diagnostic` helper they build findings with. The complete rule set, in run
order, is `rules.all`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from editor.core.validation.diagnostics import ERROR, INFO, WARNING, Diagnostic
from editor.core.validation.messages import FIXES, MESSAGES, rule_of


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


#: Every registered check, in the order the rule modules were imported (`rules.all`
#: gives the run order).
CHECKS: list[Check] = []


def check(name: str, site_wide: bool = False, **rules: str) -> Callable:
    """Register a check; `rules` maps rule ids (with `_` for `-`) to default severities."""

    def register(fn: Callable) -> Callable:
        CHECKS.append(Check(name, {k.replace("_", "-"): v for k, v in rules.items()}, fn,
                            site_wide))
        return fn

    return register


def diagnostic(message_id: str, severity: str, where: tuple[int, int] = (1, 1),
               key: object = None, fix: str | None = None, **params: object) -> Diagnostic:
    """A finding from its message id (`messages.MESSAGES`), filled in with `params`
    (plain str/int/float values); `fix` is a fix id (`messages.FIXES`) filled in
    with the same parameters. The rule id is the message id's first part."""
    if isinstance(key, tuple):
        key = ".".join(str(k) for k in key)
    template = MESSAGES[message_id]
    fix_template = FIXES[fix] if fix is not None else ""
    return Diagnostic(severity=severity, rule=rule_of(message_id),
                      message=template.format(**params), line=where[0], column=where[1],
                      key=key, fix=fix_template.format(**params) if fix_template else None,
                      template=template, params=tuple(sorted(params.items())),
                      fix_template=fix_template)


__all__ = ["CHECKS", "Check", "ERROR", "WARNING", "INFO", "check", "diagnostic"]

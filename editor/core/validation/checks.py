"""Running the enabled checks on posts: one post (`run_checks`), or many at once
(`run_checks_many`, what the workers of a big run use).

Every check runs inside its own try: a rule that raises on odd input becomes
one `internal-error` diagnostic naming the rule, and the other rules still
run. The config decides per rule whether it runs and at which severity.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Callable

from editor.core.validation.context import ValidationContext
from editor.core.validation.diagnostics import ERROR, INTERNAL_ERROR, WARNING, Diagnostic
from editor.core.validation.post import PostView
from editor.core.validation.rules.all import CHECKS
from editor.core.validation.rules.registry import diagnostic

__all__ = ["run_checks", "run_checks_many", "unreadable", "reader_failed"]


def run_checks(post: PostView, ctx: ValidationContext, site_wide: bool | None = None
               ) -> list[Diagnostic]:
    """The enabled checks on one post, sorted by position: all of them, or with
    `site_wide` True/False only those that do / do not need the whole site's facts."""
    found: list[Diagnostic] = []
    for chk in _checks_to_run(ctx, site_wide):
        _run_check(chk, post, ctx, found)
    return _finished(post, found)


def run_checks_many(posts: list[PostView], ctx: ValidationContext,
                    site_wide: bool | None = None,
                    after_each: Callable[[int, int], None] | None = None
                    ) -> list[Diagnostic]:
    """`run_checks` on many posts: the same diagnostics in the same order (post by
    post), but each check runs over all the posts before the next check starts,
    which keeps its code and patterns warm (about 15% faster on 10,000 posts).
    `after_each(done, total)` is called after each check."""
    found: list[list[Diagnostic]] = [[] for _ in posts]
    checks = _checks_to_run(ctx, site_wide)
    configured = bool(ctx.config.rules)
    for n, chk in enumerate(checks, 1):
        if configured:
            for post, out in zip(posts, found):
                _run_check(chk, post, ctx, out)
        else:
            # `_run_check` without a config to apply, inline: this loop runs once per
            # check and post (160,000 times for 10,000 posts).
            run = chk.run
            for post, out in zip(posts, found):
                try:
                    for diag in run(post, ctx):
                        out.append(diag)
                except Exception as exc:  # noqa: BLE001 - as in _run_check
                    out.append(_internal_error(chk, exc))
        if after_each:
            after_each(n, len(checks))
    return [d for post, out in zip(posts, found) for d in _finished(post, out)]


def _checks_to_run(ctx: ValidationContext, site_wide: bool | None) -> list:
    config = ctx.config
    configured = bool(config.rules)
    return [chk for chk in CHECKS
            if (site_wide is None or chk.site_wide == site_wide)
            and not (configured and not any(config.enabled(rule) for rule in chk.rules))]


def _run_check(chk, post: PostView, ctx: ValidationContext, found: list[Diagnostic]) -> None:
    """One check on one post, its findings appended to `found` as the config says."""
    config = ctx.config
    configured = bool(config.rules)
    try:
        for diag in chk.run(post, ctx):
            if configured:
                setting = config.setting(diag.rule)
                if not setting.enabled:
                    continue
                if setting.severity:
                    diag = diag.with_severity(setting.severity)
            found.append(diag)
    except Exception as exc:  # noqa: BLE001 - exactly the point: contain any rule bug
        found.append(_internal_error(chk, exc))


def _internal_error(chk, exc: Exception) -> Diagnostic:
    """What a check that raised `exc` on a post reports instead (the other rules run)."""
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return diagnostic(INTERNAL_ERROR, WARNING, rules="/".join(chk.rules),
                      error=f"{type(exc).__name__}: {exc}", file=Path(where.filename).name,
                      line=where.lineno)


def unreadable(exc: OSError, path: str | None = None) -> Diagnostic:
    """What a post file that cannot be read reports (no rule runs on it)."""
    found = diagnostic("io-error", ERROR, reason=str(exc.strerror or exc))
    return found.with_path(path) if path is not None else found


def reader_failed(exc: Exception, path: str | None = None) -> Diagnostic:
    """What a post reports when the reader itself failed on it (a reader bug)."""
    found = diagnostic("internal-error/unreadable", WARNING, error=f"{type(exc).__name__}: {exc}")
    return found.with_path(path) if path is not None else found


def _finished(post: PostView, found: list[Diagnostic]) -> list[Diagnostic]:
    if found and post.path is not None:
        found = [d.with_path(post.path) for d in found]
    found.sort(key=Diagnostic.sort_key)
    return found

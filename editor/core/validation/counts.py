"""How many problems each post of a site has: the posts pane's column.

A problem is an error or a warning (information is not counted: it asks for
nothing). A whole big site is checked in one worker process that sends back
only the counts (`counts_in_a_process`): the window then holds the GIL for
the time it takes to unpickle a dict of ints, where the site pipeline's
rounds (summaries, contexts and diagnostics pickled both ways) held it for
tens of milliseconds at a time and stalled typing. A few files (the posts
just changed on disk) are checked in the caller's thread with the site's
facts it already has.
"""

from __future__ import annotations

import os
from typing import Any, Iterable

from editor.core.validation.context import ValidationContext
from editor.core.validation.diagnostics import ERROR, WARNING, Diagnostic
from editor.core.validation.runner import POOL_THRESHOLD, validate_path

COUNTED = frozenset((ERROR, WARNING))


def count_by_path(files: Iterable[str], diagnostics: Iterable[Diagnostic]) -> dict[str, int]:
    """path -> errors and warnings among `diagnostics` (0 for a file without any)."""
    counts = {os.path.abspath(f): 0 for f in files}
    for d in diagnostics:
        if d.severity in COUNTED and d.path:
            path = os.path.abspath(d.path)
            if path in counts:
                counts[path] += 1
    return counts


def counts_in_a_process(root: str, files: list[str]) -> dict[str, int]:
    """`files` of the site at `root` -> their problem counts, worked out in one
    worker process (forked, or from the forkserver once Qt is loaded)."""
    from concurrent.futures import ProcessPoolExecutor

    from editor.core.processes import lower_priority
    from editor.core.validation.processes import process_context

    with ProcessPoolExecutor(max_workers=1, mp_context=process_context(), initializer=lower_priority) as pool:
        return pool.submit(_count_site, root, files).result()


def _count_site(root: str, files: list[str]) -> dict[str, int]:
    from editor.core.site.site import Site

    site = Site.discover(root)
    context = ValidationContext.build(site)
    return count_by_path(files, (d for path in files for d in validate_path(path, context)))


def problem_counts(site: Any, files: list[str], context: ValidationContext | None = None,
                   jobs: int = 1) -> dict[str, int]:
    """Each of `files` (posts of `site`) -> its number of errors and warnings.

    With every post of a site (`POOL_THRESHOLD` or more), `jobs` worker
    processes check them; otherwise each file is checked in this thread with
    `context` (built here when not given).
    """
    if len(files) >= POOL_THRESHOLD:
        from editor.core.validation.pipeline import validate_site  # processes and pipes: only for this

        found = validate_site(site, files, jobs)
    else:
        context = context if context is not None else ValidationContext.build(site)
        found = [d for path in files for d in validate_path(path, context)]
    return count_by_path(files, found)

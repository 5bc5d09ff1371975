"""Running the rules: on one document (the window, while the writer types), on
one file, or on many files over all cores (the CLI). How each check runs on a
post is `checks.py`; a whole site over all cores is `pipeline.py`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Iterable

from editor.core.post.errors import DecodeError

from editor.core.site.paths import abspath, is_normal_absolute
from editor.core.site.site import Site
from editor.core.validation.checks import reader_failed, run_checks, unreadable
from editor.core.validation.context import ValidationContext
from editor.core.validation.diagnostics import Diagnostic
from editor.core.validation.fastdoc import FastDocument
from editor.core.validation.post import PostView
from editor.core.validation.processes import process_context
from editor.core.validation.reading import read_bytes

#: Below this many files a process pool costs more than it saves.
POOL_THRESHOLD = 64


def _context_for(site: Any, schema: Any, config: Any) -> ValidationContext:
    if isinstance(site, ValidationContext):
        return site
    if site is None and schema is None and config is None:
        return ValidationContext()
    if site is None:
        return ValidationContext(schema=schema or ValidationContext().schema,
                                 config=config or ValidationContext().config)
    return ValidationContext.build(site, schema, config)


def validate_document(doc: Any, site: Any = None, schema: Any = None, config: Any = None
                      ) -> list[Diagnostic]:
    """Diagnostics for an open document (a Document or a Snapshot).

    `site` is a `ValidationContext` (what the window passes: built once per site,
    so a call takes about a millisecond), or a Site (a context is built for this
    one call: slow on a big site), or None for a post outside any site.
    """
    ctx = _context_for(site, schema, config)
    return run_checks(PostView(doc, root=ctx.root), ctx)


def validate_bytes(data: bytes, path: str | Path | None, ctx: ValidationContext
                   ) -> list[Diagnostic]:
    """Diagnostics for the bytes of a post file (read with `FastDocument`: the same
    findings as a `Document` gives, in a fraction of the time)."""
    from editor.core.post.encoding import decode

    try:
        decoded = decode(data)
    except DecodeError as exc:
        return run_checks(PostView(None, path=path, root=ctx.root, decode_error=exc), ctx)
    try:
        doc = FastDocument.read(decoded.text, path=str(path) if path is not None else None,
                                encoding=decoded.encoding, bom=decoded.bom)
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop a whole run
        return [reader_failed(exc, str(path) if path else None)]
    return run_checks(PostView(doc, path=path, root=ctx.root), ctx)


def validate_path(path: str | Path, site: Any = None, schema: Any = None, config: Any = None
                  ) -> list[Diagnostic]:
    """Diagnostics for a file on disk; `site` may be a ValidationContext, a Site or None
    (then the site is discovered from the path)."""
    if site is None:
        site = Site.discover(path)
    ctx = _context_for(site, schema, config)
    try:
        # The parallel runner's reader: a regular file, within the size limit,
        # and the same message for what is not one.
        data = read_bytes(str(path))
    except OSError as exc:
        return [unreadable(exc, str(path))]
    return validate_bytes(data, path, ctx)


# -- many files, all cores ------------------------------------------------------------------

_WORKER_CONTEXTS: dict[str, ValidationContext] = {}


def _init_worker(contexts: dict[str, ValidationContext]) -> None:
    # Each worker receives the site facts once, not with every chunk of files.
    _WORKER_CONTEXTS.clear()
    _WORKER_CONTEXTS.update(contexts)


def _validate_chunk(chunk: list[tuple[str, str]]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for site_key, path in chunk:
        out.extend(validate_path(path, _WORKER_CONTEXTS[site_key]))
    return out


def _folder_of(path: str) -> str:
    """os.path.dirname(os.path.abspath(path)), by string work for an absolute, normal
    path (what comes before its last "/"; "/" for a file at the top): thousands of files."""
    if is_normal_absolute(path):
        return path[:path.rfind("/")] or "/"
    return os.path.dirname(os.path.abspath(path))


def group_by_site(paths: Iterable[str | Path]) -> dict[str, tuple[Any, list[str]]]:
    """{site root: (Site, [paths])}, discovering each folder's site once."""
    by_folder: dict[str, Any] = {}
    groups: dict[str, tuple[Any, list[str]]] = {}
    for path in paths:
        path = str(path)
        folder = _folder_of(path)
        site = by_folder.get(folder)
        if site is None:
            site = by_folder[folder] = Site.discover(folder)
        key = str(site.root)
        groups.setdefault(key, (site, []))[1].append(path)
    return groups


def validate_paths(paths: Iterable[str | Path], jobs: int | None = None,
                   progress: Callable[[int, int], None] | None = None,
                   contexts: dict[str, ValidationContext] | None = None,
                   groups: dict[str, tuple[Any, list[str]]] | None = None,
                   whole_sites: Iterable[str] = ()) -> list[Diagnostic]:
    """Validate files (grouped by their site) on `jobs` processes (None: all cores).

    A whole site (every one of its posts, many of them) goes through
    `pipeline.validate_site`, which reads each file once. Otherwise the site facts
    are built here, once per site (or taken from `contexts`), and handed to each
    worker once. `progress(done, total)` is called in this process. Diagnostics
    come back sorted by path, then position. `groups` is `group_by_site(paths)` when
    the caller has it already (discovering the sites of 10,000 files costs ~30 ms).
    `whole_sites`: roots of sites the caller knows all the posts of are among `paths`
    (it listed them: listing them again to check costs ~40 ms for 10,000 posts).
    """
    # The pipeline (processes, pipes) is loaded only for a whole site's run.
    from editor.core.validation.pipeline import validate_site

    if groups is None:
        groups = group_by_site(paths)
    contexts = dict(contexts or {})
    jobs = jobs or os.cpu_count() or 1
    total = sum(len(files) for _site, files in groups.values())
    results: list[Diagnostic] = []
    tasks: list[tuple[str, str]] = []
    done_before = 0
    whole_sites = set(whole_sites)
    for key, (site, files) in groups.items():
        if key not in contexts and jobs > 1 and len(files) >= POOL_THRESHOLD \
                and (key in whole_sites or _whole_site(site, files)):
            offset = done_before
            results.extend(validate_site(site, files, jobs, progress and (
                lambda done, _n, offset=offset: progress(offset + done, total))))
            done_before += len(files)
            continue
        if key not in contexts:
            contexts[key] = ValidationContext.build(site)
        tasks.extend((key, f) for f in files)
    if tasks:
        results.extend(_validate_tasks(tasks, contexts, jobs, progress, done_before, total))
    results.sort(key=Diagnostic.sort_key)
    return results


def _whole_site(site: Any, files: list[str]) -> bool:
    """Are `files` all the posts of `site` (so they can be its index too)?"""
    posts = site.post_paths()
    given = set(files)
    if given.issuperset(posts):  # as given (the CLI passes what it listed): no abspath
        return True
    return {abspath(p) for p in posts} <= {abspath(f) for f in given}


def _validate_tasks(tasks, contexts, jobs, progress, done_before, total) -> list[Diagnostic]:
    results: list[Diagnostic] = []
    if jobs <= 1 or len(tasks) < POOL_THRESHOLD:
        _init_worker(contexts)
        for i, task in enumerate(tasks, 1):
            results.extend(_validate_chunk([task]))
            if progress:
                progress(done_before + i, total)
        return results
    # Chunks big enough to keep pickling cheap, small enough to keep both cores busy
    # to the end and the progress bar moving.
    size = max(8, min(500, len(tasks) // (jobs * 8) or 1))
    chunks = [tasks[i:i + size] for i in range(0, len(tasks), size)]
    from concurrent.futures import ProcessPoolExecutor, as_completed  # 25 ms to import

    mp = process_context()  # fork only while no Qt thread can be running
    done = done_before
    with ProcessPoolExecutor(max_workers=jobs, mp_context=mp, initializer=_init_worker,
                             initargs=(contexts,)) as pool:
        futures = {pool.submit(_validate_chunk, chunk): len(chunk) for chunk in chunks}
        for future in as_completed(futures):
            results.extend(future.result())
            done += futures[future]
            if progress:
                progress(done, total)
    return results

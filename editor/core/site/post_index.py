"""A fast index of post front matter, for lists and completion (not editing).

It reads only the head of each file, finds the front matter by the document's
own rules (`editor.core.post.split`) and parses it with the fast loaders
(`yaml_loader.GalleyLoader`, which is PyYAML's C safe loader with Jekyll's
date rules; tomllib; json). Big sites are read ahead in
threads and parsed in a pool of forked processes when that is safe. Editing
goes through the lossless handlers in `fm_yaml` / `fm_toml` / `fm_json`.
`Site.index()` (site.py) is the way in; this module is its engine.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import tomllib
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from editor.core.post.errors import FrontMatterError, PostError
from editor.core.post.fm_json import line_col
from editor.core.post.split import MORE, SLOW, split_front_matter, split_head
from editor.core.post.yaml_loader import GalleyLoader
from editor.core.processes import lower_priority

__all__ = ["PostSummary", "summarize", "split_front_matter", "front_matter_of"]

HEAD_BYTES = 4096  # nearly every front matter ends within the first 4 KB
MAX_FRONT_MATTER = 1_000_000  # as fm_yaml: a megabyte of front matter is not front matter
POOL_THRESHOLD = 2000  # below this many files a process pool costs more than it saves
READ_AHEAD_MIN = 200  # from this many files, read heads in threads while parsing
READ_CHUNK = 32  # files per read-ahead task
READER_THREADS = 6
# bench/bench_index.py on the 2-vCPU machine, 10,000 posts, load average ~1:
# two forked workers 1.26 s wall vs one process 2.06 s, at the same total CPU.
# (Earlier runs at load 5-8, with other jobs on both cores, showed no gain:
# the pool only pays when the second core is free, which it usually is.)
POOL_MIN_CPUS = 2

_TOMLLIB_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass
class PostSummary:
    """What the index knows of one post."""

    path: Path
    front_matter: dict
    error: PostError | None = None
    #: "yaml", "toml", "json" or "none" (same values as document.FrontMatterKind).
    kind: str = "none"


# -- front matter, fast ------------------------------------------------------


def _parse_front_matter(kind: str, fm: str, first_line: int) -> dict:
    """Plain values of a front matter; PostError with the *file* position."""
    if len(fm) > MAX_FRONT_MATTER:
        raise FrontMatterError("front matter larger than 1 MB", first_line, 1, rule="front-matter-limit")
    try:
        if kind == "yaml":
            data = yaml.load(fm, Loader=GalleyLoader)  # noqa: S506 - PyYAML's C safe loader, Psych dates
        elif kind == "toml":
            data = tomllib.loads(fm)
        else:
            data = json.loads(fm)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise FrontMatterError(f"YAML syntax: {exc.problem or exc}", first_line + line - 1, col,
                               rule="yaml-syntax") from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"YAML syntax: {exc}", first_line, 1, rule="yaml-syntax") from None
    except tomllib.TOMLDecodeError as exc:
        m = _TOMLLIB_POS.search(str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        message = _TOMLLIB_POS.sub("", str(exc)).strip()
        if "(at end of document)" in message:
            lines = re.split(r"\r\n|\r|\n", fm)
            line, col = len(lines), len(lines[-1]) + 1
            message = message.replace("(at end of document)", "at the end of the front matter").strip()
        raise FrontMatterError(f"TOML syntax: {message}", first_line + line - 1, col,
                               rule="toml-syntax") from None
    except json.JSONDecodeError as exc:
        line, col = line_col(fm, exc.pos)
        raise FrontMatterError(f"JSON syntax: {exc.msg}", first_line + line - 1, col,
                               rule="json-syntax") from None
    except RecursionError:
        raise FrontMatterError("front matter nested too deeply", first_line, 1,
                               rule="front-matter-limit") from None
    except (ValueError, TypeError) as exc:
        raise FrontMatterError(f"front matter cannot be read: {exc}", first_line, 1,
                               rule=f"{kind}-syntax") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a map of keys to values", first_line, 1,
                               rule=f"{kind}-syntax")
    return data


def front_matter_of(path: str | os.PathLike) -> tuple[str, str, int] | None:
    """(kind, front matter text, file line where it starts) of a post file, or
    None; reads only the head of the file when the front matter ends in it.
    Raises PostError (unclosed block, undecodable file) or OSError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        data = os.read(fd, HEAD_BYTES)
        complete = len(data) < HEAD_BYTES
        found = split_head(data, complete)
        if found is MORE or found is SLOW:
            # The rest of the file; for a block that is still open, no more
            # than the front-matter limit (a 100 MB file is not all header).
            limit = HEAD_BYTES + 4 * MAX_FRONT_MATTER if found is MORE else None
            parts, size = [data], len(data)
            while (limit is None or size < limit) and (chunk := os.read(fd, 1 << 20)):
                parts.append(chunk)
                size += len(chunk)
            data = b"".join(parts)
            if found is MORE:
                found = split_head(data, complete=size < limit)
                if found is MORE:
                    raise FrontMatterError("front matter not closed within its first megabyte",
                                           1, 1, rule="front-matter-limit")
    finally:
        os.close(fd)
    if found is SLOW:
        from editor.core.post.encoding import decode  # legacy encodings: rare, and slower

        found = split_front_matter(decode(data).text, bom=False)
    return found


def summarize(path: Path) -> PostSummary:
    """Index one post: never raises for a bad file, it reports it."""
    return _summary_of(path, _read_safely(path))


def _read_safely(path: Path) -> Any:
    """front_matter_of(path), or the PostError / OSError it raised."""
    try:
        return front_matter_of(path)
    except (PostError, OSError) as exc:
        return exc


def _summary_of(path: Path, found: Any) -> PostSummary:
    if isinstance(found, PostError):
        return PostSummary(path, {}, found.with_path(path), "none")
    if isinstance(found, OSError):
        error = PostError(f"cannot read: {found.strerror or found}", path=str(path), rule="io-error")
        return PostSummary(path, {}, error, "none")
    if found is None:
        return PostSummary(path, {}, None, "none")
    kind, fm, first_line = found
    try:
        return PostSummary(path, _parse_front_matter(kind, fm, first_line), None, kind)
    except PostError as exc:
        return PostSummary(path, {}, exc.with_path(path), kind)


def _read_chunk(paths: list[Path]) -> list[Any]:
    return [_read_safely(p) for p in paths]


def _summarize_all(paths: list[Path]) -> list[PostSummary]:
    """Summaries in order, the files read ahead by a few threads while this
    one parses: with a cold page cache most of the time is waiting for the
    disk, and `os.read` releases the GIL (measured on 10,000 posts: cold
    7.4-8.3 s -> 2.5-4.0 s; warm no slower). Threads, unlike forked
    processes, are safe in a Qt app."""
    if len(paths) < READ_AHEAD_MIN:
        return [summarize(p) for p in paths]
    chunks = [paths[i : i + READ_CHUNK] for i in range(0, len(paths), READ_CHUNK)]
    out: list[PostSummary] = []
    with ThreadPoolExecutor(READER_THREADS, thread_name_prefix="galley-index-read") as pool:
        for part, found in zip(chunks, pool.map(_read_chunk, chunks)):
            out.extend(_summary_of(p, f) for p, f in zip(part, found))
    return out


def _summarize_chunk(paths: list[str]) -> list[tuple]:
    """For a worker process: (front matter, error, kind) per path. No Path
    objects or dataclasses cross the pipe (each costs a pickle and, for a
    Path, a re-parse); the parent puts the summaries back together."""
    out = []
    for name in paths:
        summary = summarize(Path(name))
        out.append((summary.front_matter, summary.error, summary.kind))
    return out


def _can_fork() -> bool:
    """Forking is safe only in a process with one thread. Count the threads the
    kernel sees (Qt's native threads are invisible to `threading`); on
    systems without /proc, or other than Linux, do not fork at all."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        with open("/proc/self/status", "rb") as f:
            for line in f:
                if line.startswith(b"Threads:"):
                    return int(line.split()[1]) == 1
    except (OSError, ValueError, IndexError):
        pass
    return False


def _index_in_pool(files: list[Path], workers: int) -> list[PostSummary] | None:
    """Summaries from a pool of forked processes, in `files` order; None if the pool fails."""
    import multiprocessing

    names = [str(p) for p in files]
    # A few chunks per worker: little pickling overhead, an even load.
    size = max(1, -(-len(names) // (workers * 4)))
    chunks = [names[i : i + size] for i in range(0, len(names), size)]
    try:
        with ProcessPoolExecutor(max_workers=workers,
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            parts = list(pool.map(_summarize_chunk, chunks))
    except (OSError, RuntimeError, ValueError):  # BrokenProcessPool is a RuntimeError
        return None
    rows = [row for part in parts for row in part]  # pool.map keeps the order
    return [PostSummary(path, fm, error, kind) for path, (fm, error, kind) in zip(files, rows)]


class _BatchPool:
    """Worker processes parsing the batches of `Site.index_batches` ahead of
    the caller; each batch is split between the workers, so its results
    come back in order and as soon as possible."""

    def __init__(self) -> None:
        self._executor: Any = None
        self._futures: list[list] = []
        self._stales: list[list[Path]] = []
        self._broken = False
        self._starting: threading.Thread | None = None

    @classmethod
    def start(cls, parts: list[list[Path]], stale_of: Callable[[list[Path]], list[Path]],
              mp_context) -> "_BatchPool | None":
        """A pool for these batches (`stale_of` picks a batch's files to parse).
        Everything happens on a thread of its own, so the caller reads its first
        batch meanwhile: the stat of every file, and the first start of a
        forkserver, which imports for a few tenths of a second. Too few files
        to pay for processes: the thread parses nothing and `results` gives None."""
        cpus = os.cpu_count() or 1
        if cpus < POOL_MIN_CPUS or sum(map(len, parts)) < POOL_THRESHOLD:
            return None
        pool = cls()
        pool._starting = threading.Thread(target=pool._submit, args=(parts, stale_of, mp_context, min(cpus, 4)),
                                          name="galley-index-pool", daemon=True)
        pool._starting.start()
        return pool

    def _submit(self, parts: list[list[Path]], stale_of, mp_context, workers: int) -> None:
        self._stales = [stale_of(part) for part in parts]
        if sum(map(len, self._stales)) < POOL_THRESHOLD:  # the cache has most: parse the rest in the caller
            self._broken = True
            return
        try:
            self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=mp_context,
                                                 initializer=lower_priority)
            for stale in self._stales:
                names = [str(p) for p in stale]
                step = max(1, -(-len(names) // workers))
                self._futures.append([self._executor.submit(_summarize_chunk, names[k : k + step])
                                      for k in range(0, len(names), step)])
        except Exception:  # noqa: BLE001 - no processes here (limits, no /dev/shm): parse in the caller
            self._broken = True

    def _join(self) -> None:
        if self._starting is not None:
            self._starting.join()
            self._starting = None

    def stale(self, i: int) -> list[Path] | None:
        """Batch `i`'s files to parse, as found when the pool started."""
        self._join()
        return self._stales[i] if i < len(self._stales) else None

    def results(self, i: int, stale: list[Path]) -> list[PostSummary] | None:
        """The summaries of batch `i` (whose files to parse are `stale`); None
        once the pool has failed (the caller parses them itself)."""
        self._join()
        if self._broken:
            return None
        try:
            rows = [row for future in self._futures[i] for row in future.result()]
        except Exception:  # noqa: BLE001 - a broken pool (a worker killed, no memory): parse here
            self._broken = True
            return None
        return [PostSummary(path, fm, error, kind) for path, (fm, error, kind) in zip(stale, rows)]

    def close(self) -> None:
        self._join()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)

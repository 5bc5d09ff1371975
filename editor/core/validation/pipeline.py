"""A whole site on all cores, reading each file once (but for a chunk re-read to even out the end).

Site-wide facts (tags in use, slugs, the inferred schema) come from every post's
front matter, and the rules need those facts: done naively, each file is read
and parsed twice (once for `site.index()`, once to validate). Here each worker
process keeps the files it read parsed between two rounds:

1. read: each worker gets an equal share of the files, handed out in chunks
   (one more each time it sends one back); a worker reads and parses each
   (`FastDocument`) and sends back one `PostSummary` per file -- the index.
   Meanwhile the parent walks the site's folder (`FolderFacts`);
2. the parent builds the `ValidationContext` from that index, once;
3. check: the context goes to each worker once; the parent hands each worker
   the chunks it holds one by one, and a worker that runs out re-reads a chunk
   another has not got to yet (`_check_all`); then each sends back diagnostics.

The rules that need only the site's config (`Check.site_wide` False: markup,
dates, lengths...) run once the last chunk is read, so the workers keep busy
while the parent builds the context.

Workers are forked, or start from a forkserver once Qt is loaded (`process_context`).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
import os
from collections import deque
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any, Callable

from editor.core.post.errors import DecodeError, PostError
from editor.core.site.paths import relative_to_root
from editor.core.site.site import PostSummary

from editor.core.validation.checks import reader_failed, run_checks_many, unreadable
from editor.core.validation.context import ValidationContext
from editor.core.validation.gathering import folder_facts
from editor.core.validation.diagnostics import Diagnostic
from editor.core.validation.fastdoc import FastDocument
from editor.core.validation.post import PostView
from editor.core.validation.processes import process_context
from editor.core.validation.reading import decode_fast, read_bytes



class WorkerLost(RuntimeError):
    """A worker process died mid-run (killed, out of memory): nothing it had
    found can be trusted to be complete, so the run stops and says so."""

    def __init__(self) -> None:
        super().__init__("a validation worker stopped unexpectedly")

@dataclass
class ReadFailure(PostError):
    """A file that could not be read, or that the reader failed on: the index
    entry's error, carrying the finding it is reported as."""

    finding: Diagnostic | None = None

    @classmethod
    def of(cls, finding: Diagnostic) -> "ReadFailure":
        return cls(finding.message, path=finding.path, rule=finding.rule, finding=finding)


def _read(path: str) -> tuple[Any, Any, PostSummary]:
    # The summary's path stays a string: 10,000 Path objects cost a second to pickle
    # back and forth, and the context only needs the text.
    """(document or None, decode error or None, index entry) for one file."""
    try:
        decoded = decode_fast(read_bytes(path))
    except DecodeError as exc:
        return None, exc, PostSummary(path, {}, exc, "none")
    except OSError as exc:
        error = ReadFailure.of(unreadable(exc, path))
        return None, error, PostSummary(path, {}, error, "none")
    try:
        doc = FastDocument.read(decoded.text, path=path, encoding=decoded.encoding,
                                bom=decoded.bom)
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the whole site
        error = ReadFailure.of(reader_failed(exc, path))
        return None, error, PostSummary(path, {}, error, "none")
    kind = getattr(doc.kind, "value", doc.kind)
    return doc, None, PostSummary(path, doc.front_matter, doc.front_matter_error, kind)


def _worker(conn) -> None:
    # A worker lives for one run and creates no garbage cycles worth collecting; the
    # collector would walk every held post again and again (about a tenth of the time).
    gc.disable()

    held: dict[int, list[PostView]] = {}  # chunk → its posts read without a read error
    local: list[Diagnostic] = []
    preliminary: ValidationContext | None = None
    ctx: ValidationContext | None = None
    received = 0  # files handed to this worker
    while True:
        try:
            message, payload = conn.recv()
        except EOFError:  # the parent gave up on this run
            os._exit(0)
        if message == "start":
            preliminary = payload
        elif message == "read":
            key, paths = payload
            summaries = []
            views = held[key] = []
            for path in paths:
                doc, error, summary = _read(path)
                if isinstance(error, ReadFailure):
                    local.append(error.finding)
                else:
                    views.append(PostView(doc, path=path, root=preliminary.root,
                                          decode_error=error))
                # As a plain tuple: half the pickling cost of the dataclass, both ways.
                summaries.append((summary.path, summary.front_matter, summary.error,
                                  summary.kind))
            received += len(paths)
            conn.send(("read", summaries))
        elif message == "local":
            # All reads are out. While the parent builds the site's facts from the
            # summaries, run the checks that need only the site's config.
            local.extend(run_checks_many([v for views in held.values() for v in views],
                                         preliminary, site_wide=False,
                                         after_each=_progress_sender(conn, received)))
        elif message == "check":
            ctx = payload
            conn.send(("ready", None))
        elif message == "site":  # the site-wide checks on a chunk this worker read
            local.extend(run_checks_many(held[payload], ctx, site_wide=True))
            conn.send(("sited", payload))
        elif message == "take":
            # The site-wide checks on a chunk another worker read (and ran the first
            # round on) but has not got to: read again here. Its read errors were
            # reported by that worker.
            key, paths = payload
            views = []
            for path in paths:
                doc, error, _summary = _read(path)
                if not (isinstance(error, PostError) and not isinstance(error, DecodeError)):
                    views.append(PostView(doc, path=path, root=ctx.root, decode_error=error))
            local.extend(run_checks_many(views, ctx, site_wide=True))
            conn.send(("sited", key))
        elif message == "finish":
            conn.send(("checked", local))
            # Nothing is left to do: leave now, so the system frees this process's
            # memory while the parent goes on (and without freeing each post in turn).
            conn.close()
            os._exit(0)
        else:
            # Leave without freeing thousands of posts one by one: the process ends here.
            conn.close()
            os._exit(0)


def _progress_sender(conn, posts: int) -> Callable[[int, int], None]:
    """Progress for one round of checks: a quarter of a file's worth per post, sent
    as each check finishes (the parent counts steps, two per file)."""
    sent = [0]

    def after_each(done: int, total: int) -> None:
        due = posts * done // (2 * total)
        if due > sent[0]:
            conn.send(("progress", due - sent[0]))
            sent[0] = due

    return after_each


def validate_site(site: Any, files: list[str], jobs: int,
                  progress: Callable[[int, int], None] | None = None) -> list[Diagnostic]:
    """Validate `files` -- all the posts of `site` -- reading each once (see the module doc).

    `progress(done, total)` counts files: reading is half a file's worth, each of the
    two rounds of checks a quarter.
    """
    mp = process_context()
    jobs = max(1, min(jobs, len(files)))
    pipes, workers = [], []
    finished = False
    # Unpickling 10,000 summaries would set off full collections over all of them.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(jobs):
            parent, child = mp.Pipe()
            proc = mp.Process(target=_worker, args=(child,), daemon=True)
            proc.start()
            child.close()
            pipes.append(parent)
            workers.append(proc)
        # What the site's config alone says, for the checks that need nothing more.
        preliminary = ValidationContext.build(site, index=[], walk=False)
        for conn in pipes:
            _send(conn, ("start", preliminary))
        steps = [0]

        def step(n: float) -> None:
            steps[0] += n
            if progress:
                progress(int(steps[0] // 2), len(files))

        # The folder's facts need no post's content: gather them while the workers read
        # (afterwards, this process would compete with their first round of checks).
        folder = []
        chunks = list(enumerate(_chunks(files, jobs)[::-1]))  # (key, files), in order
        shares = _shares(chunks[::-1], jobs)
        owned = [deque(key for key, _files in reversed(share)) for share in shares]
        replies = _read_all(pipes, shares, step, workers, meanwhile=lambda:
                            folder.append(_folder_facts(preliminary.root, files)))
        index = sorted((PostSummary(*fields) for fields in replies),
                       key=lambda s: str(s.path))
        ctx = ValidationContext.build(site, index=index, folder=folder[0])
        _send_to_all(pipes, ("check", ctx))
        sizes = {key: len(chunk) for key, chunk in chunks}
        found = [d for part in _check_all(pipes, owned, dict(chunks),
                                          lambda key: step(sizes[key] / 2), step, workers)
                 for d in part]
        if progress:
            progress(len(files), len(files))
        finished = True
        return found
    finally:
        if collecting:
            gc.enable()
        for conn in pipes:
            conn.close()  # a worker still waiting for work (after an error here) stops
        if finished:
            # The workers left on their own once they replied; the system takes a few
            # tens of milliseconds to free each one's memory. Reap them on the side
            # instead of waiting here with the findings ready.
            _reap_later(workers)
        else:
            # The run is over and what the workers hold is of no use. Closing the pipes
            # does not stop them: a forked worker holds copies of this process's ends,
            # so it would wait on (a dead worker made the run wait 5 s for a join to time out).
            for proc in workers:
                if proc.is_alive():
                    proc.terminate()
            for proc in workers:
                proc.join(timeout=5)


def _reap_later(workers: list) -> None:
    import threading

    def reap() -> None:
        for proc in workers:
            proc.join()

    threading.Thread(target=reap, name="validation-reaper", daemon=True).start()


#: Files per chunk of reading at most: small enough that the shares stay even and the
#: progress bar moves, big enough that the messages cost nothing.
CHUNK = 125
#: Chunks each worker is given before the first one comes back.
READ_AHEAD = 3


def _chunks(files: list[str], jobs: int) -> list[list[str]]:
    """`files` in chunks, the first to hand out last in the list (for `pop`)."""
    size = max(16, min(CHUNK, len(files) // (jobs * 8) or 1))
    return [files[i:i + size] for i in range(0, len(files), size)][::-1]


def _shares(chunks: list[list[str]], jobs: int) -> list[list[list[str]]]:
    """`chunks` dealt out to `jobs` workers in turn: each gets the same number of files
    (within a chunk) and its own queue of chunks to read (first to hand out last).

    Not one queue for all: the posts a worker reads are the posts it checks in both
    rounds after reading, so a worker that read faster (the other one shared its core
    with this process walking the folder) would hold ~20% more posts and finish its
    checks last, with one core idle meanwhile."""
    handed_out = chunks[::-1]
    return [handed_out[i::jobs][::-1] for i in range(jobs)]


def _send(conn, message: Any) -> None:
    """Send to a worker; a worker that died makes the pipe break (EPIPE) or reset."""
    try:
        conn.send(message)
    except OSError:
        raise WorkerLost() from None


def _read_all(pipes: list, shares: list, step: Callable[[int], None], workers: list,
              meanwhile: Callable[[], None]) -> list:
    """Hand out each worker's share of chunks (`shares[i]` for `pipes[i]`): a few to each
    (round by round, so all start at once), then one more each time one comes back;
    `meanwhile()` runs after the first ones are out. A worker whose share is read is
    told to start its first round of checks. Returns every chunk's summaries (in no
    particular order)."""
    in_flight = {id(conn): 0 for conn in pipes}
    queue = {id(conn): share for conn, share in zip(pipes, shares)}
    for _ in range(READ_AHEAD):
        for conn in pipes:
            if queue[id(conn)]:
                _send(conn, ("read", queue[id(conn)].pop()))
                in_flight[id(conn)] += 1
    meanwhile()
    replies: list = []
    for conn in pipes:
        if not in_flight[id(conn)]:
            _send(conn, ("local", None))  # more workers than chunks
    while any(in_flight.values()):
        busy = [c for c in pipes if in_flight[id(c)]]
        for conn, message, payload in _ready_messages(busy, workers):
            if message == "progress":
                step(payload)
                continue
            replies.extend(payload)
            step(len(payload))
            in_flight[id(conn)] -= 1
            if queue[id(conn)]:
                _send(conn, ("read", queue[id(conn)].pop()))
                in_flight[id(conn)] += 1
            elif not in_flight[id(conn)]:
                _send(conn, ("local", None))
    return replies


def _ready_messages(conns: list, workers: list):
    """(conn, message, payload) for each of `conns` with a message now (waiting up
    to a minute). A worker that died is WorkerLost: its pipe is closed or reset,
    or nothing came while one of the workers is gone."""
    ready = wait(conns, timeout=60)
    if not ready and not all(p.is_alive() for p in workers):
        raise WorkerLost()
    for conn in ready:
        try:
            message, payload = conn.recv()
        except (EOFError, OSError):
            raise WorkerLost() from None
        yield conn, message, payload


def _folder_facts(root: Path, files: list[str]):
    """`context.folder_facts` for a site whose index will be `files`."""
    return folder_facts(root, [relative_to_root(path, root) for path in files])


def _send_to_all(pipes: list, message: Any) -> None:
    """Send one big message to every worker: pickled once, and sent from one thread
    per worker so a worker still busy with its first round does not hold up the
    others (a message bigger than the pipe's buffer waits for its reader)."""
    import threading
    from multiprocessing.reduction import ForkingPickler

    data = bytes(ForkingPickler.dumps(message))  # what Connection.send would write

    def send(conn) -> None:
        try:
            conn.send_bytes(data)
        except OSError:
            pass  # a worker that died is reported by _check_all

    threads = [threading.Thread(target=send, args=(conn,), daemon=True) for conn in pipes]
    for thread in threads:
        thread.start()


#: Chunks of site-wide checks each worker is given ahead (so it never waits for the
#: next one), from those it read itself.
CHECK_AHEAD = 2
#: A worker out of chunks of its own takes one from a worker with at least this many
#: not handed out yet. It reads that chunk again (about as long as checking it), so
#: taking pays only from a queue this long.
TAKE_FROM = 2


def _check_all(pipes: list, owned: list, chunks: dict, checked: Callable[[int], None],
               step: Callable[[int], None], workers: list) -> list:
    """The second round: each worker, once it has the context (it says "ready"), is
    handed the chunks it read, one at a time (`CHECK_AHEAD` ahead); one that runs out
    takes a chunk another worker has not got to yet (`TAKE_FROM`), reading it again,
    so a worker slowed by another process does not hold up the end. `owned[i]`: the
    chunk keys `pipes[i]` read, in order; `chunks`: key → its files. Then each worker
    sends all its findings. Returns them, worker by worker."""
    count = len(pipes)
    index = {id(conn): i for i, conn in enumerate(pipes)}
    in_flight = [0] * count
    told_to_finish = [False] * count
    replies: dict[int, Any] = {}

    def feed(i: int) -> None:
        while in_flight[i] < CHECK_AHEAD and owned[i]:
            _send(pipes[i], ("site", owned[i].popleft()))
            in_flight[i] += 1
        if in_flight[i] == 0:
            victim = max(range(count), key=lambda j: len(owned[j]))
            if len(owned[victim]) >= TAKE_FROM:
                key = owned[victim].pop()  # the last it would have got to
                _send(pipes[i], ("take", (key, chunks[key])))
                in_flight[i] += 1
            elif not told_to_finish[i]:
                _send(pipes[i], ("finish", None))
                told_to_finish[i] = True

    while len(replies) < count:
        silent = [c for c in pipes if index[id(c)] not in replies]
        for conn, message, payload in _ready_messages(silent, workers):
            i = index[id(conn)]
            if message == "progress":
                step(payload)
            elif message == "ready":
                feed(i)
            elif message == "sited":
                in_flight[i] -= 1
                checked(payload)
                feed(i)
            elif message == "checked":
                replies[i] = payload
    return [replies[i] for i in range(count)]

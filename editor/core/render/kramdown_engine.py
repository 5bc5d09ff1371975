"""Jekyll sites: kramdown itself, through one long-lived Ruby helper process.

Writers who build their Jekyll site locally have Ruby and kramdown (Jekyll
depends on them); with them the preview is the site's own HTML. The helper
(resources/kramdown_helper.rb) speaks JSON lines on stdin/stdout and renders
with the options Jekyll's converter gives kramdown (Jekyll's defaults, the
site's `kramdown:` settings, `highlighter`). It answers with the same
placeholders as the Python-Markdown pipeline (heading ids, footnote
references, the TOC marker), so the incremental renderer fills them the same
way.

The process:
- starts on the first conversion (the render worker's thread, never the UI's);
- lives in its own process group and reads its stdin until EOF, so it ends
  with us even if we are killed; `close()`, the engine's garbage collection
  and interpreter exit stop it;
- is restarted when it dies; a conversion taking longer than its time limit
  (`time_limit`: a base plus a share per 100 KB of text) kills it and raises
  `KramdownError` with a message.

A block kramdown cannot render (it raises, e.g. SystemStackError on
thousands of nested tags, or runs past its limit, e.g. on thousands of
nested brackets) is rendered by Python-Markdown instead, inside a
`galley-approximate` element whose note says why: one hostile block never
fails the render of the others.

Without Ruby or kramdown (or with `GALLEY_KRAMDOWN=0`), `kramdown_engine(site)`
is None and says why (`unavailable_reason`): the Python-Markdown fallback then
carries that reason to the status bar (`engine.exact`, `engine.reason`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import threading
import time
import weakref
from dataclasses import replace
from html import escape
from typing import Any, Mapping, Sequence

from editor.core.post.texts import QT_TRANSLATE_NOOP, Text
from editor.core.processes import PipeReader, kill_tree, tree_options
from editor.core.render.blocks import SourceBlock, split_blocks
from editor.core.render.engine import Converted, Definition
from editor.core.render.markup import CodeRanges

#: Seconds a render may take: TIMEOUT, plus PER_100KB for each 100 KB of text.
#: Measured here: the slowest block of 270 real posts took 0.2 s, a whole
#: 110 KB post 0.04 s; 100 KB of nested brackets or backticks take kramdown
#: minutes. A block being typed is small: its limit stays near TIMEOUT.
TIMEOUT = 1.5
PER_100KB = 1.0
#: Seconds the helper may take to start (Ruby + kramdown + rouge: ~0.2 s here).
START_TIMEOUT = 15.0


def time_limit(chars: int) -> float:
    """Seconds kramdown may take for `chars` characters of Markdown."""
    return TIMEOUT + PER_100KB * chars / 100_000


class KramdownError(RuntimeError):
    """The helper could not render: a message for the writer, no traceback."""


#: Blocks from this size on are held to the render's deadline (`deadline`).
DEADLINE_MIN_CHARS = 10_000
#: Why a block is approximate when the render's time ran out.
_OUT_OF_TIME = "kramdown took longer than this render's time allows"


def as_text(text: str) -> Converted:
    """A large block kramdown had no time left for, as its plain text with a
    note: Python-Markdown would take seconds more on the hostile input that
    made kramdown slow (100 KB of nested brackets: ~3 s on two loaded cores);
    escaping is linear and the render stays within its time."""
    paragraphs = "\n".join(f"<p>{escape(part)}</p>" for part in _PARAGRAPHS.split(text.strip("\n")) if part.strip())
    note = (f'<p class="galley-approximate-note"><em>{escape(_OUT_OF_TIME)}: this block is shown as '
            f"plain text.</em></p>")
    return Converted(html=f'<div class="galley-approximate galley-plain-text">\n{note}\n{paragraphs}\n</div>',
                     slugs=(), footnote_refs=(), footnote_defs=())


def helper_script() -> str:
    from editor.resources_path import resource_path  # noqa: PLC0415 - only when a helper starts

    return str(resource_path("kramdown_helper.rb"))


def _stop(proc: subprocess.Popen) -> None:
    """End the helper and anything it started (its own process group)."""
    if proc.poll() is not None:
        return
    try:
        proc.stdin.close()
    except OSError:
        pass
    kill_tree(proc)
    try:
        proc.wait(timeout=2)
    except subprocess.TimeoutExpired:
        pass


class KramdownProcess:
    """One helper process and its request/answer line protocol."""

    def __init__(self, config: Mapping[str, Any] | None = None, ruby: str | None = None,
                 timeout: float = TIMEOUT) -> None:
        self.config = dict(config or {})
        self.ruby = ruby or shutil.which("ruby") or "ruby"
        self.timeout = timeout
        self.version = ""
        self._proc: subprocess.Popen | None = None
        self._finalizer: weakref.finalize | None = None
        self._buffer = b""
        self._next = 0
        self._lock = threading.Lock()
        self._greeted = False
        #: How many times the helper was started (for tests).
        self.starts = 0

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None

    def start(self) -> None:
        """Start the helper and wait for its greeting; KramdownError if it cannot serve."""
        self._spawn()
        self._greet()

    def _spawn(self) -> None:
        """Start a helper without waiting for it: its greeting (and the
        answer to the configuration sent now) is read by `_greet`."""
        self.close()
        try:
            proc = subprocess.Popen(
                [self.ruby, helper_script()], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, **tree_options())
        except OSError as exc:
            raise KramdownError(f"Ruby could not be started ({exc.strerror or exc})") from None
        self._proc, self._buffer, self._output = proc, b"", PipeReader(proc.stdout)
        self._finalizer = weakref.finalize(self, _stop, proc)
        self.starts += 1
        self._greeted = False
        if self.config:
            try:
                self._send({"op": "configure", "config": self.config})
            except _Died:
                pass  # the greeting says why

    def _greet(self) -> None:
        try:
            hello = self._read_line(START_TIMEOUT, "starting kramdown")
        except _Died:
            hello = {}
        if not hello.get("ready"):
            self.close()
            raise KramdownError(hello.get("error") or "the kramdown helper did not start")
        self.version = str(hello.get("kramdown", ""))
        if self.config:
            self._answer(self._read_line(self.timeout, "configuring kramdown"))
        self._greeted = True

    def close(self) -> None:
        if self._finalizer is not None:
            self._finalizer()  # runs _stop once
            self._finalizer = None
        self._proc = None

    def request(self, payload: dict, timeout: float | None = None) -> Any:
        """Send one request and return its result; restart a dead helper once.
        `timeout` (seconds) replaces the process's own limit for this request."""
        with self._lock:
            for attempt in (0, 1):
                began = time.monotonic()
                if self._proc is None or self._proc.poll() is not None:
                    self.start()
                elif not self._greeted:
                    self._greet()  # a replacement started after a stopped render
                if timeout is not None:
                    # The wait for a starting helper is part of this request's time.
                    timeout -= time.monotonic() - began
                    if timeout <= 0:
                        raise KramdownError("kramdown took longer than this render's time allows to start")
                try:
                    return self._ask(payload, timeout)
                except _Died:
                    self.close()
                    if attempt:
                        raise KramdownError("the kramdown helper stopped unexpectedly") from None
        raise AssertionError("unreachable")

    def _send(self, payload: dict) -> None:
        self._next += 1
        try:
            self._proc.stdin.write(json.dumps({**payload, "id": self._next}).encode("utf-8") + b"\n")
            self._proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise _Died() from None

    def _ask(self, payload: dict, timeout: float | None = None) -> Any:
        self._send(payload)
        try:
            answer = self._read_line(self.timeout if timeout is None else timeout, "rendering")
        except KramdownError:
            # The render was stopped (and the helper with it). Ruby and
            # kramdown take ~0.2 s to load: a replacement starts now, while
            # the writer reads, not on the next keystroke.
            try:
                self._spawn()
            except KramdownError:
                pass  # the next request starts one and says why
            raise
        return self._answer(answer)

    @staticmethod
    def _answer(answer: dict) -> Any:
        if "error" in answer:
            raise KramdownError(f"kramdown: {answer['error'].splitlines()[0]}")
        return answer["result"]

    def _read_line(self, timeout: float, doing: str) -> dict:
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            chunk = self._output.read(left) if left > 0 else None
            if chunk is None:
                self.close()
                raise KramdownError(f"kramdown took longer than {timeout:g} s {doing}; it was stopped")
            if not chunk:
                raise _Died()
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        try:
            return json.loads(line)
        except ValueError:
            raise KramdownError("the kramdown helper answered something that is not JSON") from None


class _Died(Exception):
    pass


def jekyll_config(config: Mapping[str, Any]) -> dict:
    """The parts of a Jekyll `_config.yml` its Markdown converter reads."""
    out: dict[str, Any] = {}
    if isinstance(config.get("kramdown"), Mapping):
        out["kramdown"] = _plain(config["kramdown"])
    if isinstance(config.get("highlighter"), str):
        out["highlighter"] = config["highlighter"]
    return out


def _plain(value):
    # YAML gives dates, sets and the like; JSON carries what kramdown reads.
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


#: kramdown's document-wide definitions: `*[abbr]: title`, `{::options ... /}`,
#: `{:name: attributes}` (an attribute list definition), an IAL on a link
#: definition (its attributes go to every link using it; blocks share only a
#: definition's URL and title), and a link, footnote or abbreviation
#: definition inside a quote, a list item or a definition (kramdown defines
#: it for the whole document; blocks share only top-level ones).
#: Searched in "\n" + body: a literal first character the regex engine scans
#: for quickly, where a multi-line `^` is tried at every character.
_DOCUMENT_WIDE = re.compile(
    r"\n {0,3}(?:\*\[[^\n\]]+\]:|\{::options\b|\{:(?!:)[\w-]+:"
    r"|\[[^\n\]^][^\n\]]*\]:[^\n]*\n {0,3}\{:(?!:)|\{:(?!:)[^\n]*\n {0,3}\[[^\n\]^][^\n\]]*\]:"
    r"|(?:(?:>|[*+:-][ \t]|\d+\.[ \t])[ \t]*)+\*?\[[^\n\]]+\]:)")
#: kramdown's end-of-block marker: a line `^` ends the block before it (a
#: list's last item followed by a blank line and `^` is a paragraph).
_EOB = re.compile(r"\^[ \t]*(?:\n|$)")
#: A line that may make `_joined` join blocks ("\n" first: a literal prefix the
#: regex engine scans for fast, unlike a multi-line `^`).
_JOIN_HINT = re.compile(r"\n(\^|[ ]{0,3}:|[ ]{0,3}\{:)")
#: A block that is only attribute lists: kramdown gives them to the next block.
_IAL_ONLY = re.compile(r"(?:[ ]{0,3}\{:(?!:)[^\n]*\}[ \t]*(?:\n|\Z))+")
_PARAGRAPHS = re.compile(r"\n(?:[ \t]*\n)+")
#: kramdown's definition line (DEFINITION_LIST_START).
_DEFINITION = re.compile(r"^ {0,3}:[ \t]", re.M)


#: kramdown's LINK_DEFINITION_START (parser/kramdown/link.rb).
_LINK_DEF = re.compile(
    r"^ {0,3}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))"
    r"(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?([\"'])(.+?)\4)?[ \t]*?\n", re.M)
_BLOCK_START = re.compile(r"(?:\A|\n[ \t]*\n|^#{1,6}[^\n]*\n)\Z", re.M)


def link_definitions(text: str) -> tuple[Definition, ...]:
    """Reference-link definitions as kramdown reads them: a definition starts
    a block (kramdown's paragraphs run on over a `[x]: y` line), and the last
    definition of a label wins."""
    if "]:" not in text:
        return ()
    source = text if text.endswith("\n") else text + "\n"
    out = []
    code = None
    end = 0
    for m in _LINK_DEF.finditer(source):
        label = m.group(1)
        if label.startswith("^") or re.search(r"[ \t]+[\"']", m.group(3) or ""):
            continue
        if m.start() != end and not _BLOCK_START.search(source, 0, m.start()):
            continue
        code = code or CodeRanges(source)
        if m.start() in code:
            continue
        end = m.end()
        out.append((" ".join(label.lower().split()), (m.group(2) if m.group(2) is not None else m.group(3), m.group(5))))
    return tuple(out)


def _converted(result: Mapping[str, Any]) -> Converted:
    return Converted(
        html=result["html"],
        slugs=tuple(result["slugs"]),
        footnote_refs=tuple(result["refs"]),
        footnote_defs=tuple((label, text) for label, text in result["defs"]),
        headings=tuple((level, text, pos) for level, text, pos in result["headings"]),
    )


class KramdownEngine:
    """An `engine.Engine` backed by kramdown (see the module docstring).
    An instance belongs to ONE thread (the renderer's), like every engine."""

    name = "kramdown"
    exact = True
    reason = ""
    #: kramdown keeps the last definition of a label (it warns and overwrites).
    first_definition_wins = False
    #: The helper parses each text of a batch alone, with its own definitions.
    batches_references = True

    def __init__(self, config: Mapping[str, Any] | None = None, process: KramdownProcess | None = None) -> None:
        self.process = process or KramdownProcess(jekyll_config(config or {}))
        self._fallback = None
        #: The render's end (`time.monotonic()`), set by the renderer
        #: (engine.render_budget); None: only each request's own limit.
        self.deadline: float | None = None
        self._out_of_time: set[str] = set()

    def convert(self, text: str, references: Mapping[str, tuple[str, str | None]] | None = None) -> Converted:
        payload: dict[str, Any] = {"op": "render", "text": text}
        if references:
            payload["link_defs"] = {label: [url, title] for label, (url, title) in references.items()}
        limit = self._limit(len(text))
        if limit <= 0:
            return self._out_of_time_text(text)
        try:
            return _converted(self.process.request(payload, limit))
        except KramdownError as exc:
            if self.deadline is None or self.deadline > time.monotonic() or len(text) < DEADLINE_MIN_CHARS:
                return self.approximate(text, references, str(exc))
            return self._out_of_time_text(text)

    def _limit(self, chars: int) -> float:
        """This request's time: its own limit, and for a large block (where
        hostile input lies: kramdown reads a realistic 100 KB in ~0.2 s) the
        render's deadline too. Small blocks and batches of them keep their own
        limit, generous for a cold or loaded machine."""
        limit = time_limit(chars)
        if self.deadline is None or chars < DEADLINE_MIN_CHARS:
            return limit
        return min(limit, self.deadline - time.monotonic())

    def convert_many(self, texts: Sequence[str],
                     references: Sequence[Mapping[str, tuple[str, str | None]]] | None = None) -> list[Converted]:
        refs = list(references) if references is not None else [None] * len(texts)
        chars = sum(len(t) for t in texts)
        limit = self._limit(chars)
        if limit > 0:
            payload: dict[str, Any] = {"op": "render_many", "texts": list(texts)}
            if any(refs):
                payload["link_defs"] = [{label: [url, title] for label, (url, title) in r.items()} if r else None
                                        for r in refs]
            try:
                answers = self.process.request(payload, limit)
            except KramdownError:
                if self.deadline is None or self.deadline > time.monotonic() or chars < DEADLINE_MIN_CHARS:
                    # One block failed the batch: each alone, so only that one is approximate.
                    return [self.convert(text, r) for text, r in zip(texts, refs)]
            else:
                return [_converted(r) for r in answers]
        # The render's time is up: thousands of small blocks asked one by one
        # would each get their own limit (a post of 4,000 footnotes: 2.4 s).
        return [self._out_of_time_text(text) for text in texts]

    def _out_of_time_text(self, text: str) -> Converted:
        """`text` as plain text because the render's deadline passed; asked
        again next render, once (a block that uses up a whole render's time
        twice stays approximate)."""
        again = text not in self._out_of_time
        self._out_of_time.add(text)
        return replace(as_text(text), provisional=again)

    @staticmethod
    def batchable(text: str) -> bool:
        # The helper parses each text of a batch on its own (a fresh kramdown
        # parser per text): footnotes and definitions do not leak between them.
        # Texts that need another block's link definitions never reach a batch.
        return bool(text.strip())

    def approximate(self, text: str, references, why: str) -> Converted:
        """`text` rendered by Python-Markdown, marked as approximate with `why`."""
        if self._fallback is None:
            from editor.core.render.markdown_pipeline import MarkdownPipeline  # noqa: PLC0415 - rare

            self._fallback = MarkdownPipeline("jekyll")
        conv = self._fallback.convert(text, references)
        note = (f'<p class="galley-approximate-note"><em>{escape(why)}: this block is shown as the preview '
                f"approximates kramdown.</em></p>")
        return replace(conv, html=f'<div class="galley-approximate">\n{note}\n{conv.html}\n</div>')

    @staticmethod
    def definitions_in(text: str) -> tuple[Definition, ...]:
        return link_definitions(text)

    @staticmethod
    def split(body: str) -> list[SourceBlock]:
        # Abbreviations, `{::options}` and attribute-list definitions act on
        # the whole document in kramdown, and the renderer shares only link
        # definitions between blocks: a body holding one renders as one block
        # (exact, only less incremental; such bodies are rare).
        if _DOCUMENT_WIDE.search("\n" + body):
            from editor.core.render.incremental import whole_body  # noqa: PLC0415 - the renderer imports us

            return whole_body(body)
        return _joined(body, split_blocks(body))


def _joined(body: str, blocks: list[SourceBlock]) -> list[SourceBlock]:
    """`blocks` with those kramdown reads as one joined: an end-of-block
    marker `^` with the block it ends; terms and their definition after a
    definition list (kramdown continues the list across the blank line); an
    attribute list standing alone with the blocks either side (kramdown gives
    it to the next block only when a block came before it)."""
    # One quick scan first (a keystroke re-splits the whole body): most posts have neither.
    hints = {m.group(1).lstrip()[0] for m in _JOIN_HINT.finditer("\n" + body[:5])}
    hints.update(m.group(1).lstrip()[0] for m in _JOIN_HINT.finditer(body))
    if not hints:
        return blocks
    eob, ial = "^" in hints, "{" in hints
    out: list[SourceBlock] = []
    lines = None
    for block in blocks:
        if out and ((eob and block.text.startswith("^") and _EOB.match(block.text))
                    or (ial and (_ial_only(_PARAGRAPHS.split(block.text, 1)[0])
                             or _ial_only(_PARAGRAPHS.split(out[-1].text)[-1])))
                    or _continues_definitions(out[-1].text, block.text)):
            lines = lines or body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            prev = out.pop()
            block = SourceBlock("\n".join(lines[prev.start:block.end + 1]), prev.start, block.end)
        out.append(block)
    return out


def _ial_only(text: str) -> bool:
    return text.lstrip(" ").startswith("{:") and _IAL_ONLY.fullmatch(text) is not None


def _continues_definitions(before: str, text: str) -> bool:
    if ":" not in text:
        return False  # most blocks: a keystroke re-joins the whole body
    # Terms may stand a blank line away from their definition: any definition
    # line after the block's start continues the list (joining more is safe).
    first = _DEFINITION.search(text, 1)
    return first is not None and _DEFINITION.search(before) is not None


#: (ruby, options) → its helper, shared by every engine of those options (a
#: renderer per thread, per CLI call, per test): requests are serialised by
#: the process's lock, and each started helper costs ~0.3 s. Stopped at exit
#: (weakref.finalize).
_processes: dict[tuple[str, str], KramdownProcess] = {}
#: ruby path → why kramdown could not serve there (remembered: one failed start per session).
_failed: dict[str | None, str] = {}
_lock = threading.Lock()


#: `GALLEY_KRAMDOWN=0` keeps Jekyll sites on Python-Markdown (to compare the
#: two, or where Ruby misbehaves); the test suite sets it so a test means the
#: same on machines with and without Ruby, and opts in where it tests kramdown.
SWITCH = "GALLEY_KRAMDOWN"


def switched_off() -> bool:
    return os.environ.get(SWITCH, "").strip().lower() in ("0", "off", "no", "false")


def unavailable_reason() -> str:
    """Why this machine cannot run kramdown ("" when it can, or before any attempt)."""
    if switched_off():
        return ""  # the writer chose Python-Markdown: its own reason stands
    return _failed.get(shutil.which("ruby"), "")


def kramdown_engine(site) -> KramdownEngine | None:
    """A started kramdown engine for a Jekyll site, or None (`unavailable_reason` says why).

    Starting the helper is the availability test (no separate probe): the
    first render of a Jekyll site pays one start, on the render worker."""
    if site.generator != "jekyll" or switched_off():
        return None
    config = site.config if isinstance(site.config, Mapping) else {}
    if str(config.get("markdown", "kramdown")).lower() != "kramdown":
        return None  # another converter (CommonMark, a plugin's): not kramdown's HTML
    ruby = shutil.which("ruby")
    with _lock:
        if ruby is None:
            _failed[None] = Text("PreviewEngine", QT_TRANSLATE_NOOP(
                "PreviewEngine", "Ruby is not installed, so the preview cannot run kramdown as Jekyll does."))
            return None
        if ruby in _failed:
            return None
        key = (ruby, json.dumps(jekyll_config(config), sort_keys=True))
        process = _processes.get(key)
        if process is None:
            process = KramdownProcess(jekyll_config(config), ruby=ruby)
            try:
                process.start()
            except KramdownError as exc:
                _failed[ruby] = Text("PreviewEngine", QT_TRANSLATE_NOOP(
                    "PreviewEngine", "kramdown could not run ({error}), so the preview approximates it."), error=str(exc))
                return None
            _processes[key] = process
        return KramdownEngine(config, process)

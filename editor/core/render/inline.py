"""Inline patterns tried only on text that can match them (a speed-up only).

Python-Markdown's inline step tries every inline pattern on every text node:
a regex search plus a few Python calls per (node, pattern), whether or not the
text holds the character the pattern starts with. With the ~16 patterns of
`markdown_pipeline` and smarty's ~18 (its own inline pass), a 200 KB post made
~176,000 attempts, most of the Markdown time of a full render, and even a
one-word block paid ~50 of them.

Here a pattern whose regex cannot match without a given substring (`[` for
links, `*`/`_` for emphasis, `'`/`"` for smart quotes...) is skipped on a text
that lacks it. Skipping is what the pattern itself would have done: no match,
so `handleMatch` is never called and the text is unchanged. The table is keyed
by the regex source, so a pattern we do not know (or one whose regex a new
Markdown version changes) is always tried, as before.

Installed through the extension API: `InlineTriggersExtension` registers a
subclass of Python-Markdown's own `InlineProcessor` under the names `inline`
and `smarty` (same priorities), so the tree walk and placeholder handling stay
Python-Markdown's. The subclass overrides the processor's per-text loop
(`_InlineProcessor__handleInline`, the name-mangled `__handleInline`); the
tests check the hook is still called, so a Markdown release that renames it
shows up as a failing test, not as a silent slow-down.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as etree

from markdown import inlinepatterns as ip
from markdown import util
from markdown.extensions import Extension
from markdown.extensions import smarty as sm
from markdown.treeprocessors import InlineProcessor

from editor.core.render.footnotes import _REF as FOOTNOTE_REF_RE
from editor.core.render.inline_walk import walk

#: Regex source → substrings of which at least one occurs in any text the
#: regex matches (each pattern is a literal required by every branch).
NEEDS: dict[str, tuple[str, ...]] = {
    ip.BACKTICK_RE: ("`",),          # both branches need a backtick (one in a lookahead)
    ip.ESCAPE_RE: ("\\",),
    ip.LINK_RE: ("[",),              # also REFERENCE_RE and the short references
    ip.IMAGE_LINK_RE: ("![",),       # also the image references
    ip.AUTOLINK_RE: ("<",),
    ip.AUTOMAIL_RE: ("<",),
    ip.LINE_BREAK_RE: ("  \n",),
    ip.HTML_RE: ("<",),
    ip.ENTITY_RE: ("&",),
    r"\*|_": ("*", "_"),             # em_strong (DelimiterProcessor of `*` and `_`)
    r"\~": ("~",),                   # pymdownx.tilde (DelimiterProcessor of `~`)
    FOOTNOTE_REF_RE: ("[^",),
    # smarty
    r"(?<!-)---(?!-)": ("---",),
    r"(?<!-)--(?!-)": ("--",),
    r"(?<!\.)\.{3}(?!\.)": ("...",),
    r"\<\<": ("<<",),                # angled quotes (on for Jekyll: kramdown's « »)
    r"\>\>": (">>",),
    sm.singleQuoteStartRe: ("'",),
    sm.doubleQuoteStartRe: ('"',),
    sm.doubleQuoteSetsRe: ("\"'",),
    sm.singleQuoteSetsRe: ("'\"",),
    sm.doubleQuoteSetsRe2: ("'\"",),
    sm.singleQuoteSetsRe2: ("\"'",),
    sm.decadeAbbrRe: ("'",),
    sm.openingDoubleQuotesRegex: ('"',),
    sm.closingDoubleQuotesRegex: ('"',),
    sm.closingDoubleQuotesRegex2: ('"',),
    sm.openingSingleQuotesRegex: ("'",),
    sm.closingSingleQuotesRegex: ("'",),
    sm.closingSingleQuotesRegex2: ("'",),
    sm.remainingSingleQuotesRegex: ("'",),
    sm.remainingDoubleQuotesRegex: ('"',),
}

#: pymdownx.magiclink's patterns (Hugo sites), by the name of its regex
#: constant: looked up only once it is loaded (importing it costs ~50 ms).
MAGICLINK_NEEDS = {
    "RE_AUTOLINK": ("<",),
    "RE_LINK": ("://", "w.", "W."),  # (?xi): `http://`, `ftp://` or `www.` in any case
    "RE_MAIL": ("@",),
}

_BY_REGEX: dict[re.Pattern, tuple[str, ...] | None] = {}


def needs_of(pattern: ip.Pattern) -> tuple[str, ...] | None:
    """What a text must contain for `pattern` to match, or None (always try)."""
    regex = pattern.getCompiledRegExp()
    try:
        return _BY_REGEX[regex]
    except KeyError:
        magiclink = sys.modules.get("pymdownx.magiclink")
        if magiclink is not None:
            for name, needs in MAGICLINK_NEEDS.items():
                NEEDS.setdefault(getattr(magiclink, name), needs)
        need = NEEDS.get(regex.pattern) if isinstance(pattern, ip.InlineProcessor) else None
        _BY_REGEX[regex] = need
        return need


class TriggeredInlineProcessor(InlineProcessor):
    """Python-Markdown's InlineProcessor, skipping patterns that cannot match."""

    def __init__(self, md, patterns: util.Registry | None = None, smart: bool = False) -> None:
        super().__init__(md)
        #: This is smarty's pass (see SMART_QUOTES_LIMIT).
        self.smart = smart
        if patterns is not None:
            self.inlinePatterns = patterns
        self._patterns: list = []
        self._needs: list[tuple[str, ...] | None] = []
        self._rest: list[re.Pattern | None] = []
        #: Texts handled (for tests: proves the hook is still called), and
        #: trees left alone because no text could match.
        self.handled = 0
        self.skipped = 0
        #: Texts left partly as written (INLINE_WORK).
        self.cut = 0

    def run(self, tree, ancestors=None):
        # The registry, sorted, as a list (its own `[i]` sorts and looks up by
        # name on every access), with each pattern's needs.
        # (A pattern's regex is fixed once the extensions are set up.)
        patterns = list(self.inlinePatterns)
        if patterns != self._patterns:
            self._patterns = patterns
            self._needs = [needs_of(p) for p in patterns]
            # _rest[i]: one regex for "any pattern from i on could match"
            # (None when one of them has to be tried anyway): most texts need
            # one search, not a test per pattern.
            self._rest = [_any_of(self._needs[i:]) for i in range(len(patterns))] + [None]
        rest = self._rest[0]
        if rest is not None:
            # No text in the tree can match any pattern: the walk would change
            # nothing (each text comes out as it went in). Smarty's pass over
            # a Korean post is mostly this.
            search = rest.search
            for el in tree.iter():
                text, tail = el.text, el.tail
                if (text and search(text)) or (tail and search(tail)):
                    break
            else:
                self.skipped += 1
                return tree
        # Python-Markdown's walk, with ancestor lists that are cheap to copy
        # (deep inline nesting made its copies quadratic, inline_walk.py).
        return walk(self, tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        # Python-Markdown's loop (treeprocessors.InlineProcessor.__handleInline),
        # plus the `needs` test.
        self.handled += 1
        if isinstance(data, util.AtomicString):
            return data
        rest = self._rest[patternIndex] if patternIndex < len(self._rest) else None
        if rest is not None and not rest.search(data):
            return data
        if self.smart and patternIndex == 0:
            quotes = data.count("'") + data.count('"')
            if quotes > SMART_QUOTES_LIMIT or quotes * len(data) > SMART_QUOTES_WORK:
                return data
        patterns, needs = self._patterns, self._needs
        apply = self._InlineProcessor__applyPattern
        start = 0
        count = len(patterns)
        work = 0
        while patternIndex < count:
            need = needs[patternIndex]
            if need is not None:
                if len(need) == 1:
                    if need[0] not in data:
                        patternIndex += 1
                        start = 0
                        continue
                elif not any(n in data for n in need):
                    patternIndex += 1
                    start = 0
                    continue
            work += len(data)
            if work > INLINE_WORK:
                self.cut += 1
                return data + self._InlineProcessor__stashNode(_cut_note(), "galley-note")
            data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


#: Characters Python-Markdown may copy while replacing the inline marks of
#: one text: it rebuilds the whole text for each mark it replaces, so a
#: paragraph costs its marks times its length (100 KB of `*a* `: 25,000
#: rebuilds, 0.9 s; 4 s on a fresh process, each growing copy a new mmap;
#: 200 KB: 14 s). Past this a text is left as written from there on, with a
#: note: no real paragraph comes near (a 20 KB paragraph with 1,000 links
#: copies 2e7; the budget is about 0.1 s of copying).
INLINE_WORK = 400_000_000


def _cut_note() -> etree.Element:
    note = etree.Element("em", {"class": "galley-approximate-note"})
    note.text = util.AtomicString(
        " [The preview stopped formatting this paragraph here: it holds too many inline marks to "
        "format in time. The site shows it formatted.]")
    return note


#: Python-Markdown rebuilds a text for each match it replaces, so a pass over
#: one text costs its matches times its length; smarty's quotes are the
#: cheapest way to get many matches (`'"` x 40,000: 13 s). A text past these
#: bounds keeps straight quotes and plain dashes (no prose has a thousand
#: quotes in one paragraph); every other text goes through smarty as before.
SMART_QUOTES_LIMIT = 1000
SMART_QUOTES_WORK = 20_000_000


def _any_of(needs: list[tuple[str, ...] | None]) -> re.Pattern | None:
    if not needs or any(n is None for n in needs):
        return None
    words = sorted({w for n in needs for w in n}, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in words))


class InlineTriggersExtension(Extension):
    """Put `TriggeredInlineProcessor` in place of the `inline` and `smarty`
    tree processors, and bounded link processors (`bound_links`) in place of
    Python-Markdown's. Load it after every extension that adds inline patterns
    or a processor of its own (markdown_pipeline loads it last)."""

    def extendMarkdown(self, md) -> None:
        def triggered(name: str, item):
            if name in ("inline", "smarty") and type(item) is InlineProcessor:
                return TriggeredInlineProcessor(md, item.inlinePatterns, smart=name == "smarty")
            return item

        replace_keeping_order(md.treeprocessors, triggered)
        bound_links(md)


def replace_keeping_order(registry: util.Registry, replace) -> None:
    """Put `replace(name, item)` in place of every item of a registry, each
    where it was. Ties in priority run in the order the items were registered
    (smarty and the heading ids both have 6, and which runs first changes
    heading ids), and `register` appends: so all items are registered again,
    in their current order."""
    ordered = [(name, registry[name], priority) for name, priority in _sorted(registry)]
    for name, _, _ in ordered:
        registry.deregister(name)
    for name, item, priority in ordered:
        registry.register(replace(name, item), name, priority)


def _sorted(registry: util.Registry) -> list[tuple[str, float]]:
    """(name, priority) of a registry's items in the order it runs them."""
    list(registry)  # iterating sorts the registry (stable: ties keep registration order)
    return [(item.name, item.priority) for item in registry._priority]


# -- links in linear time ------------------------------------------------------
#
# Python-Markdown finds a link's text and target by walking characters from
# each `[` (getText) and each `](` (getLink) to the matching bracket, or to the
# end of the paragraph when there is none: `[a](` repeated 8,000 times took
# 22 s, 10,000 nested `[` 29 s. Here the matching bracket comes from a table
# built once per text with a stack (`_Matches`), and the character walk of
# Python-Markdown's getLink runs only over the link itself when its target has
# a quoted title (never more than `TITLED_LINK_LIMIT` characters).

#: Longest link target with a quoted title read as Python-Markdown reads it;
#: a longer one with quotes is cut there (no real title is this long).
TITLED_LINK_LIMIT = 2048
_QUOTE = re.compile(r"['\"]")


class _Matches:
    """For one text: the position of the closing bracket of each opening one.

    Only the text to the right of an opening bracket decides where it closes,
    so a table stays valid for every later text that ends the same way (after
    a link is replaced by its placeholder, the rest of the paragraph is the
    same text): positions are kept as distances from the end."""

    def __init__(self, opening: str, closing: str) -> None:
        self._open, self._close = opening, closing
        self._find = re.compile(f"[{re.escape(opening)}{re.escape(closing)}]")
        self._text: str | None = None
        self._from_end: dict[int, int] = {}
        #: The table is known to hold for this text from this position on.
        self._checked: str | None = None
        self._checked_from = 0

    def close_of(self, data: str, at: int) -> int:
        """The position in `data` of the bracket closing the one at `at`, or -1."""
        n = len(data)
        d = n - at
        if data is not self._checked or at < self._checked_from:
            # (Comparing the text's end again on every call copied it each
            # time: nested brackets were quadratic in that copy.)
            text = self._text
            if text is None or d > len(text) or not text.endswith(data[at:]):
                self._build(data)
            else:
                self._checked, self._checked_from = data, at
        end = self._from_end.get(d)
        return -1 if end is None else n - end

    def _build(self, data: str) -> None:
        n = len(data)
        stack: list[int] = []
        table: dict[int, int] = {}
        opening = self._open
        for m in self._find.finditer(data):
            pos = m.start()
            if data[pos] == opening:
                stack.append(pos)
            elif stack:
                table[n - stack.pop()] = n - pos
        self._text, self._from_end = data, table
        self._checked, self._checked_from = data, 0


class BoundedLinks:
    """Mixin for Python-Markdown's link processors: getText and getLink with
    the same results, in time proportional to the link (see above)."""

    def _tables(self) -> tuple[_Matches, _Matches]:
        tables = self.__dict__.get("_galley_tables")
        if tables is None:
            tables = self.__dict__["_galley_tables"] = (_Matches("[", "]"), _Matches("(", ")"))
        return tables

    def _next_quote(self, data: str, start: int) -> int:
        """The first quote at or after `start` (-1: none). Remembered for the
        text: links are read left to right, and searching to the end again
        for each of thousands of unclosed links was quadratic."""
        seen = self.__dict__.get("_galley_quote")
        if seen is not None and seen[0] is data and seen[1] <= start and (seen[2] < 0 or start <= seen[2]):
            return seen[2]
        m = _QUOTE.search(data, start)
        found = m.start() if m else -1
        self.__dict__["_galley_quote"] = (data, start, found)
        return found

    def getText(self, data: str, index: int):
        if index == 0 or data[index - 1] != "[":
            return super().getText(data, index)
        close = self._tables()[0].close_of(data, index - 1)
        if close < 0:
            return "", len(data), False
        return data[index:close], close + 1, True

    def getLink(self, data: str, index: int):
        m = self.RE_LINK.match(data, pos=index)
        if not m or m.group(1) or data[index:index + 1] != "(":
            return super().getLink(data, index)
        start = m.end()
        close = self._tables()[1].close_of(data, index)
        first = self._next_quote(data, start)
        quote = None if first < 0 or (close >= 0 and first >= close) else first
        if quote is None:
            # No quote before the closing parenthesis: Python-Markdown's walk
            # only counts parentheses, as the table did.
            if close < 0:
                return "", None, len(data), False
            return self.unescape(data[start:close]).strip(), None, close + 1, True
        end = _titled_end(data, start, quote)
        limit = index + TITLED_LINK_LIMIT
        return super().getLink(data[:min(end, limit) if end >= 0 else limit], index)


def _titled_end(data: str, start: int, first_quote: int) -> int:
    """Where Python-Markdown's getLink walk stops once a quote opened a title:
    after the first `)` right behind a closing quote, else after the
    parenthesis that balances those open before the quote (-1: neither)."""
    q = data[first_quote]
    ends = []
    m = re.compile(re.escape(q) + r" *\)").search(data, first_quote + 1)
    if m:
        ends.append(m.end())
    other = "'" if q == '"' else '"'
    alt = data.find(other, first_quote + 1)
    if alt >= 0:
        m = re.compile(re.escape(other) + r" *\)").search(data, alt + 1)
        if m:
            ends.append(m.end())
    if ends:
        return min(ends)
    depth = 1 + data.count("(", start, first_quote) - data.count(")", start, first_quote)
    if data.count("(", first_quote) + data.count(")", first_quote) < depth:
        return -1
    for n, p in enumerate(re.finditer(r"[()]", data[first_quote + 1:first_quote + 1 + TITLED_LINK_LIMIT]), 1):
        if n == depth:
            return first_quote + 1 + p.end()
    return -1


_BOUNDED: dict[type, type] = {}


def bounded(cls: type) -> type:
    """`cls` (a Python-Markdown link processor class) with BoundedLinks."""
    if cls not in _BOUNDED:
        _BOUNDED[cls] = type("Bounded" + cls.__name__, (BoundedLinks, cls), {})
    return _BOUNDED[cls]


def bound_links(md) -> None:
    """Replace the link and code span processors in `md.inlinePatterns` with bounded ones."""
    def swap(name: str, item):
        if type(item) is ip.BacktickInlineProcessor:
            new = BoundedBacktick(item.pattern)
            new.md = item.md
            return new
        if isinstance(item, ip.LinkInlineProcessor) and not isinstance(item, BoundedLinks):
            new = bounded(type(item))(item.pattern, item.md)
            new.__dict__.update({k: v for k, v in item.__dict__.items() if k not in new.__dict__})
            return new
        return item

    replace_keeping_order(md.inlinePatterns, swap)


# -- code spans in linear time -------------------------------------------------
#
# Python-Markdown's find_code_spans walks every character from each opening
# backtick run to the end of the text when no run of the same length closes
# it: `` ``x` `` repeated took 85 s at 100 KB. Here the runs of a text are
# listed once, and the same answer (the first run as long as the opening one,
# else the first longest shorter one) comes from that list.


class _TickRuns:
    def __init__(self, text: str) -> None:
        self.text = text
        runs = [(m.start(), m.end() - m.start()) for m in re.finditer("`+", text)]
        self.starts = [s for s, _ in runs]
        self.by_length: dict[int, list[int]] = {}
        for s, n in runs:
            self.by_length.setdefault(n, []).append(s)
        # best[i]: the run, from the i-th on, that is longest (the first such).
        self.best = [0] * (len(runs) + 1)
        self.runs = runs
        best = -1
        for i in range(len(runs) - 1, -1, -1):
            if best < 0 or runs[i][1] >= runs[best][1]:
                best = i
            self.best[i] = best
        self.best[len(runs)] = -1


class BoundedBacktick(ip.BacktickInlineProcessor):
    """Python-Markdown's code spans, found with `_TickRuns`."""

    _runs: _TickRuns | None = None

    def find_code_spans(self, start: int, text: str) -> tuple[int, int | None]:
        import bisect

        runs = self._runs
        if runs is None or runs.text is not text:
            runs = self._runs = _TickRuns(text)
        last = len(text)
        max_ticks = 0
        while start < last and text[start] == "`":
            max_ticks += 1
            start += 1
        same = runs.by_length.get(max_ticks, [])
        i = bisect.bisect_left(same, start)
        if i < len(same):
            return start, same[i]
        first = bisect.bisect_left(runs.starts, start)
        best = runs.best[first] if first < len(runs.runs) else -1
        if best >= 0:
            run_start, longest = runs.runs[best]
            if 0 < longest < max_ticks:
                return start - (max_ticks - longest), run_start
        return start + max_ticks, None

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

from markdown import inlinepatterns as ip
from markdown import util
from markdown.extensions import Extension
from markdown.extensions import smarty as sm
from markdown.treeprocessors import InlineProcessor

from editor.core.render.footnotes import _REF as FOOTNOTE_REF_RE

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

    def __init__(self, md, patterns: util.Registry | None = None) -> None:
        super().__init__(md)
        if patterns is not None:
            self.inlinePatterns = patterns
        self._patterns: list = []
        self._needs: list[tuple[str, ...] | None] = []
        self._rest: list[re.Pattern | None] = []
        #: Texts handled (for tests: proves the hook is still called), and
        #: trees left alone because no text could match.
        self.handled = 0
        self.skipped = 0

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
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        # Python-Markdown's loop (treeprocessors.InlineProcessor.__handleInline),
        # plus the `needs` test.
        self.handled += 1
        if isinstance(data, util.AtomicString):
            return data
        rest = self._rest[patternIndex] if patternIndex < len(self._rest) else None
        if rest is not None and not rest.search(data):
            return data
        patterns, needs = self._patterns, self._needs
        apply = self._InlineProcessor__applyPattern
        start = 0
        count = len(patterns)
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
            data, matched, start = apply(patterns[patternIndex], data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


def _any_of(needs: list[tuple[str, ...] | None]) -> re.Pattern | None:
    if not needs or any(n is None for n in needs):
        return None
    words = sorted({w for n in needs for w in n}, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in words))


class InlineTriggersExtension(Extension):
    """Put `TriggeredInlineProcessor` in place of the `inline` and `smarty`
    tree processors. Load it after every extension that adds inline patterns
    or a processor of its own (markdown_pipeline loads it last)."""

    def extendMarkdown(self, md) -> None:
        def triggered(name: str, item):
            if name in ("inline", "smarty") and type(item) is InlineProcessor:
                return TriggeredInlineProcessor(md, item.inlinePatterns)
            return item

        replace_keeping_order(md.treeprocessors, triggered)


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

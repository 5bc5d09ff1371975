"""markdown-it's rule chains with fast paths for what cannot match.

markdown-it tries every block rule on every line, in order, and a paragraph
or setext heading tries every terminator rule on each of its following
lines; each try is a Python call that logs, checks for indented code and
only then looks at the one character that decides. On a run of short
blocks (100 KB of definition items, headings or table rows) those refused
tries are most of the parse. Here each chain is one rule that looks at the
line's first character and tries, in the chain's order, only the rules that
line may start (a fence only on a backtick or tilde...) and those that
decide elsewhere (a table or definition on the next line, behind a gate on
that line's first character; indented code on the indentation). A rule left
out would have returned False without touching the parser's state, so the
tokens are the same (property-tested against the plain parser).

Inline content without any character that stops markdown-it's `text` rule
(no `*`, `[`, `<`, newline...: a table cell, a short heading or term) is
one text token; it no longer goes through the inline parser and its
post-processing rules, which would make exactly that token.
"""

from __future__ import annotations

from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

Rule = Callable[..., bool]

#: The characters a rule's own line may start with (after indentation).
_OWN_LINE = {
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
    "footnote_def": "[",
}


def _table(rule: Rule) -> Rule:
    """A table's second line (its delimiter row) starts with `|`, `-` or `:`."""
    def gated(state, start_line: int, end_line: int, silent: bool) -> bool:
        line = start_line + 1
        if line < end_line:
            pos = state.bMarks[line] + state.tShift[line]
            if pos < state.eMarks[line] and state.src[pos] not in "|-:":
                return False
        return rule(state, start_line, end_line, silent)
    return gated


def _deflist(rule: Rule) -> Rule:
    """A definition starts with `:` or `~`: on the line itself when the rule
    is asked whether it ends a paragraph, else on the next non-blank line
    (one blank line may come between a term and its definition)."""
    def gated(state, start_line: int, end_line: int, silent: bool) -> bool:
        line = start_line
        if not silent:
            line += 1
            if line < end_line and state.isEmpty(line):
                line += 1
        if line < end_line or silent:
            pos = state.bMarks[line] + state.tShift[line]
            if pos < state.eMarks[line] and state.src[pos] not in ":~":
                return False
        return rule(state, start_line, end_line, silent)
    return gated


def _code(rule: Rule) -> Rule:
    def gated(state, start_line: int, end_line: int, silent: bool) -> bool:
        if state.sCount[start_line] - state.blkIndent < 4:
            return False
        return rule(state, start_line, end_line, silent)
    return gated


def _inline(state: StateCore) -> None:
    """markdown-it's core `inline` rule, with plain text made directly."""
    md = state.md
    plain = md.inline.terminator_re
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        content = token.content
        if content and plain.search(content) is None:
            text = Token("text", "", 0)
            text.content = content
            token.children.append(text)
        else:
            md.inline.parse(content, md, state.env, token.children)


def _dispatch(rules: list[Rule], keyed: dict[Rule, str]) -> Rule:
    """One chain's rules as one rule: only those whose line may start with
    the line's first character (and the unkeyed ones) are tried, in order."""
    by_char: dict[str, list[Rule]] = {}
    for ch in {c for starts in keyed.values() for c in starts}:
        by_char[ch] = [r for r in rules if r not in keyed or ch in keyed[r]]
    others = [r for r in rules if r not in keyed]

    def dispatched(state, start_line: int, end_line: int, silent: bool) -> bool:
        pos = state.bMarks[start_line] + state.tShift[start_line]
        chain = by_char.get(state.src[pos], others) if pos < state.eMarks[start_line] else rules
        for rule in chain:
            if rule(state, start_line, end_line, silent):
                return True
        return False
    return dispatched


def add_fast_paths(md: MarkdownIt) -> None:
    """Dispatch `md`'s block rule chains on each line's first character and
    take plain inline text past the inline parser (call once the plugins are
    loaded and the rules enabled: the chains keep their order)."""
    md.core.ruler.at("inline", _inline)
    ruler = md.block.ruler
    for rule in ruler.__rules__:
        if rule.name == "table":
            rule.fn = _table(rule.fn)
        elif rule.name == "deflist":
            rule.fn = _deflist(rule.fn)
        elif rule.name == "code":
            rule.fn = _code(rule.fn)
    ruler.__cache__ = None
    ruler.getRules("")  # compiles every chain
    keyed = {rule.fn: _OWN_LINE[rule.name] for rule in ruler.__rules__ if rule.name in _OWN_LINE}
    cache = ruler.__cache__
    assert cache is not None
    for chain, rules in cache.items():
        cache[chain] = [_dispatch(rules, keyed)]

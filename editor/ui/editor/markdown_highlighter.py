"""Markdown syntax colouring for the body editor.

A QSyntaxHighlighter sees one line (block) at a time; the only multi-line
construct we track is the fenced code block, through the block state:
0 = normal text, 1 = inside a ``` fence, 2 = inside a ~~~ fence, 3 = inside
{% highlight %}...{% endhighlight %}. Inside code nothing else is coloured, as
a site generator would not interpret it either.

Patterns are precompiled QRegularExpressions: highlighting runs on the UI
thread for every edited line, so it has to stay a few microseconds per line.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtCore import QRegularExpression as RX

from editor.ui.theme import Colors, LIGHT

NORMAL, IN_BACKTICK_FENCE, IN_TILDE_FENCE, IN_LIQUID_HIGHLIGHT = 0, 1, 2, 3

_FENCE = RX(r"^\s{0,3}(`{3,}|~{3,})\s*([\w+#.-]*)")
_LIQUID_HL_OPEN = RX(r"^\s*\{%-?\s*highlight\s+(\w+)")
_LIQUID_HL_CLOSE = RX(r"^\s*\{%-?\s*endhighlight\s*-?%\}")
_HEADING = RX(r"^\s{0,3}#{1,6}(\s.*)?$")
_QUOTE = RX(r"^\s{0,3}>.*$")
_LIST = RX(r"^\s*([-*+]|\d+[.)])\s")
_HR = RX(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def _fmt(color: str, bold=False, italic=False, background: str | None = None, mono=False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(color))
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    if italic:
        f.setFontItalic(True)
    if background:
        f.setBackground(QColor(background))
    if mono:
        f.setFontFamilies(["monospace"])
    return f


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, colors: Colors = LIGHT) -> None:
        super().__init__(document)
        self.set_colors(colors, rehighlight=False)

    def set_colors(self, colors: Colors, rehighlight: bool = True) -> None:
        c = colors
        self._heading = _fmt(c.heading, bold=True)
        self._code = _fmt(c.code, background=c.code_bg)
        self._fence = _fmt(c.fence, bold=True, background=c.code_bg)
        self._fence_lang = _fmt(c.liquid, bold=True, background=c.code_bg)
        self._quote = _fmt(c.quote, italic=True)
        self._list = _fmt(c.list_marker, bold=True)
        self._hr = _fmt(c.fence)
        # Inline rules, applied in order; later ones win where they overlap,
        # so code spans (last) override emphasis markers inside them.
        self._inline = [
            (RX(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), _fmt(c.emphasis, bold=True)),
            (RX(r"(?<![*\w])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?!\*)"), _fmt(c.emphasis, italic=True)),
            (RX(r"(?<![_\w])_(?=[^\s_])([^_]+?)(?<=\S)_(?![_\w])"), _fmt(c.emphasis, italic=True)),
            (RX(r"~~(?=\S)(.+?)(?<=\S)~~"), _fmt(c.quote)),
            (RX(r"\[[^\]\n]*\]\([^)\n]*\)|\[[^\]\n]*\]\[[^\]\n]*\]|<https?://[^>\s]+>"), _fmt(c.link)),
            (RX(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$"), _fmt(c.link)),
            (RX(r"!\[[^\]\n]*\]\([^)\n]*\)"), _fmt(c.image)),
            (RX(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--.*?-->"), _fmt(c.html)),
            (RX(r"\{%-?.*?-?%\}|\{\{-?.*?-?\}\}|\{\{[<%].*?[>%]\}\}"), _fmt(c.liquid)),
            (RX(r"(`+)(?!`).+?(?<!`)\1(?!`)"), self._code),
        ]
        if rehighlight:
            self.rehighlight()

    # -- deferred colouring of long posts -------------------------------------

    #: Lines before this block number are coloured; None when all are (and
    #: then nothing is deferred: this is the one "deferring?" flag).
    _defer_number: int | None = None
    #: The same boundary once the text is there, as a cursor at the start of
    #: the first waiting line, so it moves with the writer's edits above it
    #: (it then decides, and `deferred_from` reads it).
    _boundary: QTextCursor | None = None
    #: highlightBlock calls in this pass of Qt's, while the text goes in
    #: (from `defer_formatting_from` to `pin_deferral`).
    _load_calls = 0
    #: The document whose passes restart that count (None: not counting).
    _counted: QTextDocument | None = None

    @property
    def deferred_from(self) -> int | None:
        """The first line (block number) not coloured yet; None when all are."""
        if self._boundary is not None:
            return self._boundary.blockNumber()
        return self._defer_number

    def defer_formatting_from(self, block_number: int | None) -> None:
        """Colour only the lines before `block_number` for now (None: all).

        Opening a 205 KB post coloured all its 3,700 lines before the first
        paint (~0.1 s of the UI thread). A waiting line costs only Qt's call
        into `highlightBlock`; the body editor colours the rest in small
        slices after the window has painted (`format_deferred_slice`), in
        order, so each line starts from the state of the line above it.
        Call `pin_deferral` once the text is in the document."""
        self._defer_number = block_number
        self._boundary = None
        self._load_calls = 0
        document = self.document()
        if block_number is not None and document is not None and self._counted is None:
            # Qt highlights in passes, each run from a contentsChange signal
            # (setPlainText makes two: the old text's removal, then the new
            # text); this slot, connected after Qt's, starts each count anew.
            document.contentsChange.connect(self._restart_count)
            self._counted = document

    def _restart_count(self, *_change) -> None:
        self._load_calls = 0

    def _stop_counting(self) -> None:
        if self._counted is not None:
            self._counted.contentsChange.disconnect(self._restart_count)
            self._counted = None

    def pin_deferral(self) -> None:
        """Turn the boundary into a cursor that follows edits: lines the writer
        inserts or deletes above it must not shift uncoloured lines into the
        coloured part (where no slice would reach them)."""
        self._stop_counting()
        document = self.document()
        if self._defer_number is None or document is None:
            return
        # The first line left uncoloured: while the text went in, lines were
        # told apart by the order of the calls (see highlightBlock). A line
        # that was coloured has its state set; the boundary is put at the
        # first one that has not, so it is right whatever order Qt used.
        block = document.begin()
        while block.isValid() and block.blockNumber() < self._defer_number and block.userState() != -1:
            block = block.next()
        self._pin(block)

    def _pin(self, block) -> None:
        """Make `block` the first waiting line (an invalid one: none waits)."""
        if not block.isValid():
            self.defer_formatting_from(None)
            return
        cursor = QTextCursor(block)
        cursor.setKeepPositionOnInsert(True)  # text typed at the boundary waits too
        self._boundary = cursor

    def _waiting(self, block) -> bool:
        """Is `block` past the boundary (asked once it is pinned)?"""
        return block.position() >= self._boundary.position()

    def format_deferred_slice(self, count: int) -> bool:
        """Colour the next `count` deferred lines; False once none are left."""
        start = self.deferred_from
        document = self.document()
        if start is None or document is None:
            return False
        end = min(start + count, document.blockCount())
        if end < document.blockCount():
            self._defer_number = end
            self._pin(document.findBlockByNumber(end))
        else:
            self.defer_formatting_from(None)
        block = document.findBlockByNumber(start)
        for _ in range(end - start):
            if not block.isValid():
                break
            self.rehighlightBlock(block)
            block = block.next()
        return self.deferred_from is not None

    # -- one line ----------------------------------------------------------------

    @staticmethod
    def _step(state: int, text: str):
        """(state after this line, what the line is, its match): what is one
        of "code" (inside a fence), "close" (a closing fence), "open" (an
        opening ``` or ~~~ fence), "hl_open" ({% highlight %}) or None."""
        if state in (IN_BACKTICK_FENCE, IN_TILDE_FENCE):
            fence = _FENCE.match(text)
            closer = "`" if state == IN_BACKTICK_FENCE else "~"
            if fence.hasMatch() and fence.captured(1)[0] == closer and not fence.captured(2):
                return NORMAL, "close", fence
            return state, "code", None
        if state == IN_LIQUID_HIGHLIGHT:
            if _LIQUID_HL_CLOSE.match(text).hasMatch():
                return NORMAL, "close", None
            return state, "code", None
        fence = _FENCE.match(text)
        if fence.hasMatch():
            return (IN_BACKTICK_FENCE if fence.captured(1)[0] == "`" else IN_TILDE_FENCE), "open", fence
        hl = _LIQUID_HL_OPEN.match(text)
        if hl.hasMatch():
            return IN_LIQUID_HIGHLIGHT, "hl_open", hl
        return NORMAL, None, None

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        if self._defer_number is not None and self._boundary is None:
            # The text is going in (setPlainText): Qt calls this for every
            # line in order, and counting the calls tells a waiting line
            # without asking Qt which line this is (~1 us a line instead of
            # ~2: 2,600 lines of the 205 KB post, before the first paint).
            calls = self._load_calls
            self._load_calls = calls + 1
            if calls >= self._defer_number:
                return
        elif self._defer_number is not None and self._waiting(self.currentBlock()):
            # Not even its fence state: the slices colour lines in order, each
            # from the state of the line before it, so the state is only
            # needed once a slice gets here. Leaving it unset also stops
            # Qt's "the state changed, do the next line too" chain at the
            # first waiting line.
            return
        state, kind, match = self._step(self.previousBlockState(), text)
        self.setCurrentBlockState(state)
        if kind == "code":
            self.setFormat(0, len(text), self._code)
            return
        if kind == "close":
            self.setFormat(0, len(text), self._fence)
            return
        if kind == "open":
            self.setFormat(0, len(text), self._fence)
            if match.captured(2):
                self.setFormat(match.capturedStart(2), match.capturedLength(2), self._fence_lang)
            return
        if kind == "hl_open":
            self.setFormat(0, len(text), self._fence)
            self.setFormat(match.capturedStart(1), match.capturedLength(1), self._fence_lang)
            return
        if _HEADING.match(text).hasMatch():
            self.setFormat(0, len(text), self._heading)
            return
        if _HR.match(text).hasMatch():
            self.setFormat(0, len(text), self._hr)
            return
        if _QUOTE.match(text).hasMatch():
            self.setFormat(0, len(text), self._quote)
        lst = _LIST.match(text)
        if lst.hasMatch():
            self.setFormat(lst.capturedStart(1), lst.capturedLength(1), self._list)
        for rx, fmt in self._inline:
            it = rx.globalMatch(text)
            while it.hasNext():
                m = it.next()
                self.setFormat(m.capturedStart(0), m.capturedLength(0), fmt)

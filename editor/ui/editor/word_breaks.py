"""Words of Thai, Lao, Khmer and Myanmar text, which have no spaces between
words: Qt's word boundaries find them with a dictionary (libthai for Thai,
loaded by Qt where the system has it), which Unicode's rules alone cannot.

`dictionary_words` is the `dictionary` that editor.core.post.text_stats
takes; it is only called for runs of those scripts, so its per-boundary
Python loop never sees the rest of a long post.
"""

from __future__ import annotations

from PySide6.QtCore import QTextBoundaryFinder


def dictionary_words(run: str) -> int:
    """How many words Qt finds in `run` (a run of one of those scripts)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Word, run)
    count = 0
    start = 0
    while (end := finder.toNextBoundary()) != -1:
        if any(ch.isalpha() for ch in run[start:end]):
            count += 1
        start = end
    return count


def has_dictionary() -> bool:
    """Whether this Qt segments Thai by dictionary ("ฉันชอบ", I like, is two words)."""
    return dictionary_words("ฉันชอบ") == 2

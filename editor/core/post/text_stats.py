"""Word count and reading time by Unicode word boundaries, with the CJK
character rule on top.

Words are the segments of Unicode's word boundaries (UAX #29) that hold a
letter or a digit: "café" written with a combining accent is one word, a
Hindi word keeps its vowel signs, "don't" and "3.14" are one word each.
`regex` implements UAX #29 exactly (its `(?w)` mode); the standard library's
`re` cuts words at every combining mark.

Chinese and Japanese put no spaces between words, so each Han, Hiragana or
Katakana character counts as one unit (the convention of MS Word's "East
Asian characters" and of Chinese and Japanese editors). Korean separates its
words with spaces and is counted in words like English.

Thai, Lao, Khmer and Myanmar write words without spaces too, and UAX #29
leaves them to a dictionary. `stats(text, dictionary=...)` takes a function
that counts the words of such a run: the window passes Qt's
QTextBoundaryFinder, which segments Thai with libthai's dictionary. Without
one (the command line) a run is cut by UAX #29 alone, into letter clusters:
a count too high for these scripts, and the only place where the two differ.

Plain Python, no Qt: the status bar calls `IncrementalStats` on an idle timer.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import regex

# Counted one unit per character: Chinese and Japanese.
_HAN_KANA = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\u30fc]+", regex.V1)
# Scripts whose words only a dictionary can find (Line_Break=Complex_Context).
_DICTIONARY_RUN = regex.compile(r"\p{Line_Break=Complex_Context}+", regex.V1)
# The start of a UAX #29 word segment that is a word (not spaces or punctuation).
_WORD_START = regex.compile(r"\b[\p{L}\p{N}]", regex.V1 | regex.WORD)
_SPACE = regex.compile(r"\s", regex.V1)

#: Reading speeds used for the estimate.
CJK_CHARS_PER_MINUTE = 500
WORDS_PER_MINUTE = 230

#: Counts the words of a run of Thai, Lao, Khmer or Myanmar text.
Dictionary = Callable[[str], int]


@dataclass(frozen=True)
class TextStats:
    """Counts for a text: `cjk_chars` + `words` = `units` (what the writer sees).

    `cjk_chars` are Chinese and Japanese characters; `words` every other
    script's words (Korean included); `characters` all characters except
    whitespace."""

    cjk_chars: int
    words: int
    characters: int

    @property
    def units(self) -> int:
        return self.cjk_chars + self.words

    @property
    def reading_minutes(self) -> int:
        """Estimated reading time in whole minutes (at least 1 for non-empty text)."""
        minutes = self.cjk_chars / CJK_CHARS_PER_MINUTE + self.words / WORDS_PER_MINUTE
        return math.ceil(minutes) if minutes > 0 else 0

    @property
    def mostly_cjk(self) -> bool:
        return self.cjk_chars > self.words

    def label(self) -> str:
        """Short English text, e.g. "1,234 characters · 3 min read" for Japanese."""
        if self.mostly_cjk:
            count = f"{self.units:,} characters"
        else:
            count = f"{self.units:,} word" + ("" if self.units == 1 else "s")
        return f"{count} · {self.reading_minutes} min read"


def stats(text: str, dictionary: Dictionary | None = None) -> TextStats:
    """Count Chinese and Japanese characters and the other scripts' words in `text`."""
    cjk = 0

    def han_kana(match) -> str:
        nonlocal cjk
        cjk += match.end() - match.start()
        return " "

    rest = _HAN_KANA.sub(han_kana, text)
    words = 0
    if dictionary is not None:
        def dictionary_run(match) -> str:
            nonlocal words
            words += dictionary(match.group())
            return " "

        rest = _DICTIONARY_RUN.sub(dictionary_run, rest)
    words += len(_WORD_START.findall(rest))
    characters = len(text) - len(_SPACE.findall(text))
    return TextStats(cjk_chars=cjk, words=words, characters=characters)


class IncrementalStats:
    """`stats()` for a text that changes a little at a time (typing).

    A full count of a 200 KB post takes ~20 ms, which holds the GIL and
    would stall typing. Paragraphs are counted once and cached by their
    text, so after a keystroke only the edited paragraph is recounted.
    """

    def __init__(self, dictionary: Dictionary | None = None, max_entries: int = 20000) -> None:
        self._dictionary = dictionary
        self._cache: dict[str, TextStats] = {}
        self._max = max_entries

    def __call__(self, text: str) -> TextStats:
        cjk = words = characters = 0
        cache = self._cache
        fresh: dict[str, TextStats] = {}
        # A blank line ends a word in every script, so paragraphs add up.
        for part in text.split("\n\n"):
            s = cache.get(part)
            if s is None:
                s = stats(part, self._dictionary)
            fresh[part] = s
            cjk += s.cjk_chars
            words += s.words
            characters += s.characters
        # Keep only what the current text uses, so the cache cannot grow without bound.
        self._cache = fresh if len(fresh) <= self._max else {}
        return TextStats(cjk_chars=cjk, words=words, characters=characters)

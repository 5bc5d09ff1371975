"""The status bar's counts in the real window: Unicode word boundaries, the
CJK character rule, and Thai words found by Qt's dictionary."""

import pytest

from editor.ui.editor.word_breaks import dictionary_words, has_dictionary

THAI = "ฉันชอบอ่านหนังสือที่บ้านทุกวัน"  # I like reading books at home every day: 8 words


def show_body(window, qtbot, body: str, expected: str) -> None:
    window.body_editor.setPlainText(body)
    window.session.flush()
    qtbot.waitUntil(lambda: window.status.counts.text() == expected, timeout=3000)


@pytest.mark.skipif(not has_dictionary(), reason="this Qt finds no Thai words without spaces (no libthai)")
def test_thai_words_are_found_by_dictionary(window, qtbot):
    assert dictionary_words(THAI) == 8
    show_body(window, qtbot, f"{THAI}\n\nand English", "10 words · 1 min read")


def test_hindi_and_combining_accents(window, qtbot):
    show_body(window, qtbot, "मैं हिंदी में लिखता हूँ\n\ncafe\u0301 nai\u0308ve", "7 words · 1 min read")


def test_japanese_counts_characters_and_the_tooltip_splits_the_counts(window, qtbot):
    show_body(window, qtbot, "私は日本語を話します。 and 한국어 문장", "13 characters · 1 min read")
    tip = window.status.counts.toolTip()
    assert "10 Chinese and Japanese characters" in tip and "3 words" in tip

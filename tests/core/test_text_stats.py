from editor.core.post.text_stats import TextStats, stats


def test_english_counts_words():
    s = stats("Hello, world! Don't panic: it's 3.14 e-mail.")
    assert s.cjk_chars == 0
    assert s.words == 7  # Hello world Don't panic it's 3.14 e-mail


def test_korean_counts_characters_not_spaces():
    s = stats("안녕하세요 세계")
    assert s.cjk_chars == 7
    assert s.words == 0
    assert s.units == 7
    assert s.mostly_cjk


def test_mixed_korean_and_english():
    s = stats("Python으로 웹 개발하기 with Django 3")
    # 으로 웹 개발하기 = 2 + 1 + 4 = 7 CJK; Python, with, Django, 3 = 4 words
    assert (s.cjk_chars, s.words) == (7, 4)


def test_chinese_and_japanese():
    assert stats("我爱你").cjk_chars == 3
    assert stats("ひらがなカタカナ").cjk_chars == 8


def test_reading_time():
    assert stats("").reading_minutes == 0
    assert stats("word").reading_minutes == 1
    assert TextStats(cjk_chars=1000, words=0, characters=1000).reading_minutes == 2
    assert TextStats(cjk_chars=0, words=460, characters=2000).reading_minutes == 2


def test_label():
    assert stats("한국어").label() == "3 characters · 1 min read"
    assert stats("one two").label() == "2 words · 1 min read"
    assert stats("one").label() == "1 word · 1 min read"


def test_markdown_punctuation_is_not_words():
    s = stats("## 제목\n\n- **굵게** and `code` --- ***")
    assert s.cjk_chars == 4
    assert s.words == 2


def test_incremental_equals_full_count():
    from editor.core.post.text_stats import IncrementalStats

    inc = IncrementalStats()
    text = "첫 문단입니다.\n\nSecond paragraph here.\n\n셋째 third"
    assert inc(text) == stats(text)
    edited = text.replace("Second", "Second edited")
    assert inc(edited) == stats(edited)
    assert inc("") == stats("")

import time

from editor.core.post.text_stats import IncrementalStats, TextStats, stats


def test_english_counts_words_by_unicode_word_boundaries():
    s = stats("Hello, world! Don't panic: it's 3.14 e-mail.")
    assert s.cjk_chars == 0
    # Hello world Don't panic it's 3.14 e mail: UAX #29 breaks at a hyphen.
    assert s.words == 8


def test_hindi_keeps_its_vowel_signs_inside_words():
    # "I write in Hindi": 5 words; counting letters only (no marks) gave 10.
    assert stats("मैं हिंदी में लिखता हूँ").words == 5


def test_combining_accents_stay_in_their_word():
    decomposed = "cafe\u0301 nai\u0308ve"
    assert stats(decomposed).words == 2
    assert stats("café naïve").words == 2


def test_thai_uses_the_dictionary_when_given_one():
    sentence = "ฉันชอบอ่านหนังสือที่บ้านทุกวัน"  # I like reading books at home every day: 8 words
    runs = []

    def dictionary(run: str) -> int:
        runs.append(run)
        return 8

    assert stats(sentence + " ok", dictionary).words == 9
    assert runs == [sentence]
    # Without a dictionary, Unicode's rules alone cut Thai into letter clusters:
    # too many, and said so in the module's documentation.
    assert stats(sentence).words > 8


def test_korean_counts_words_between_spaces():
    s = stats("안녕하세요 세계")
    assert (s.cjk_chars, s.words, s.units) == (0, 2, 2)
    assert not s.mostly_cjk


def test_chinese_and_japanese_count_characters():
    assert stats("我爱你").cjk_chars == 3
    assert stats("ひらがなカタカナ").cjk_chars == 8
    s = stats("私は日本語を話します。")
    assert (s.cjk_chars, s.words) == (10, 0)  # the full stop is not a unit
    assert s.mostly_cjk
    assert stats("コーヒー").cjk_chars == 4  # the long-vowel mark is a character


def test_mixed_scripts():
    s = stats("Python으로 웹 개발하기 with Django 3, 日本語 and मैं हिंदी")
    # Python으로 웹 개발하기 with Django 3 and मैं हिंदी = 9 words; 日本語 = 3 characters
    assert (s.cjk_chars, s.words) == (3, 9)
    # A Latin word touching Han: the Han characters count, the word counts once.
    assert (stats("Qt框架").cjk_chars, stats("Qt框架").words) == (2, 1)


def test_reading_time():
    assert stats("").reading_minutes == 0
    assert stats("word").reading_minutes == 1
    assert TextStats(cjk_chars=1000, words=0, characters=1000).reading_minutes == 2
    assert TextStats(cjk_chars=0, words=460, characters=2000).reading_minutes == 2


def test_label():
    assert stats("日本語").label() == "3 characters · 1 min read"
    assert stats("한국어 문장").label() == "2 words · 1 min read"
    assert stats("one").label() == "1 word · 1 min read"


def test_markdown_punctuation_is_not_words():
    s = stats("## 제목\n\n- **굵게** and `code` --- *** 1. 2)")
    assert s.cjk_chars == 0
    assert s.words == 6  # 제목 굵게 and code 1 2


def test_characters_leave_out_whitespace():
    assert stats("a b\n\tc 한").characters == 4


def test_incremental_equals_full_count():
    inc = IncrementalStats()
    text = "첫 문단입니다.\n\nSecond paragraph here.\n\n셋째 third 日本\n\n\nमैं हिंदी"
    assert inc(text) == stats(text)
    edited = text.replace("Second", "Second edited")
    assert inc(edited) == stats(edited)
    assert inc("") == stats("")


def test_incremental_passes_the_dictionary_on():
    inc = IncrementalStats(lambda run: 3)
    assert inc("ฉันชอบ\n\nok").words == 4


def _post_205_kb() -> str:
    paragraph = ("정적 사이트 생성기로 블로그를 운영하면 글을 마크다운으로 쓰고 깃으로 관리할 수 있습니다. "
                 "Some English words in between, *emphasis* and `code`.\n\n")
    parts, size, i = [], 0, 0
    while size < 205 * 1024:
        i += 1
        parts.append(f"## 섹션 {i}\n\n{paragraph}")
        size += len(parts[-1].encode())
    return "".join(parts)


def test_counting_after_a_keystroke_is_fast_on_a_long_post():
    body = _post_205_kb()
    assert len(body.encode()) > 200 * 1024
    inc = IncrementalStats()
    full = inc(body)
    cut = len(body) // 2
    typed = body[:cut] + "x" + body[cut:]
    started = time.perf_counter()
    after = inc(typed)
    took = time.perf_counter() - started
    assert after == stats(typed)
    assert after.characters == full.characters + 1
    # ~5 ms measured (a full count takes ~20 ms), on an idle timer, not per key; generous for a loaded machine.
    assert took < 0.05

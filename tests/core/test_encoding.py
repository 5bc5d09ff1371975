"""editor.core.post.encoding: detection, and byte-identical round trips."""

from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from editor.core.post.encoding import Decoded, EncodeError, decode, encode
from editor.core.post.errors import DecodeError, PostError

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

KOREAN = (
    "---\ntitle: 한국어 블로그 글\ntags: [파이썬, 인코딩]\n---\n\n"
    "오늘은 문자 인코딩 이야기를 해 봅시다. 똠방각하, 뷁! 가나다라마바사.\n"
)
# Only KS X 1001 syllables: plain EUC-KR (똠 and 뷁 above exist in CP949 only;
# Python's euc_kr spells them as 8-byte jamo sequences that cp949 reads apart).
KOREAN_KSX = "---\ntitle: 한국어 글\n---\n\n본문입니다. 인코딩을 시험합니다.\n"
JAPANESE = "---\ntitle: こんにちは世界\n---\n\n日本語の文章です。文字コードのテストをします。\n"
CHINESE = "---\ntitle: 你好世界\n---\n\n这是一篇中文博客文章，用来测试字符编码。\n"
TRAD_CHINESE = "---\ntitle: 你好世界\n---\n\n這是一篇中文部落格文章，測試字元編碼。\n"
FRENCH = "---\ntitle: Élève à l'école\n---\n\nC'était déjà très agréable, n'est-ce pas ? Noël.\n"
RUSSIAN = "---\ntitle: Привет, мир\n---\n\nЭто русский текст для проверки кодировки.\n"


def roundtrip(data: bytes) -> Decoded:
    decoded = decode(data)
    assert encode(decoded.text, decoded.encoding, decoded.bom) == data
    return decoded


def test_empty_bytes_are_empty_utf8_text():
    assert decode(b"") == Decoded("", "utf-8", b"")
    assert encode("", "utf-8", b"") == b""


def test_plain_utf8_korean():
    data = KOREAN.encode("utf-8")
    assert roundtrip(data) == Decoded(KOREAN, "utf-8", b"")


def test_utf8_bom_is_kept_apart_from_the_text():
    data = codecs.BOM_UTF8 + KOREAN.encode("utf-8")
    decoded = roundtrip(data)
    assert decoded.text == KOREAN  # no U+FEFF at the start
    assert decoded.bom == codecs.BOM_UTF8
    assert decoded.encoding == "utf-8"


@pytest.mark.parametrize(
    "codec, bom, name",
    [
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "utf-32-le"),
        ("utf-32-be", codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_utf16_and_utf32_with_bom(codec, bom, name):
    data = bom + KOREAN.encode(codec)  # full of NUL bytes, yet text
    decoded = roundtrip(data)
    assert (decoded.text, decoded.encoding, decoded.bom) == (KOREAN, name, bom)


@pytest.mark.parametrize(
    "text, codec, accepted",
    [
        (KOREAN, "cp949", {"cp949"}),
        (KOREAN_KSX, "euc_kr", {"cp949"}),  # the superset stands in for EUC-KR
        (JAPANESE, "shift_jis", {"cp932", "shift_jis"}),
        (CHINESE, "gb18030", {"gb18030"}),
        (CHINESE, "gbk", {"gb18030"}),
        (TRAD_CHINESE, "big5", {"big5", "big5hkscs"}),
        (FRENCH, "latin_1", {"cp1252", "iso8859-1"}),
        (FRENCH, "cp1252", {"cp1252"}),
        (RUSSIAN, "cp1251", {"cp1251"}),
    ],
)
def test_legacy_encodings_are_detected(text, codec, accepted):
    data = text.encode(codec)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is not UTF-8
    decoded = roundtrip(data)
    assert decoded.text == text
    assert decoded.encoding in accepted
    assert decoded.bom == b""


def test_short_korean_line_prefers_cp949():
    # Two Hangul syllables are valid Big5/GB18030 bytes too; Korean wins ties.
    data = "제목: 한글".encode("cp949")
    assert roundtrip(data) == Decoded("제목: 한글", "cp949", b"")


def test_cp1252_only_characters():
    text = "Le cœur a ses raisons — « Noël » coûte 5 €."
    assert roundtrip(text.encode("cp1252")) == Decoded(text, "cp1252", b"")


def test_png_header_is_a_binary_file():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
    with pytest.raises(DecodeError) as info:
        decode(png)
    assert info.value.rule == "binary-file"
    assert "binary" in info.value.message


def test_nul_in_utf8_text_is_binary_with_its_location():
    with pytest.raises(DecodeError) as info:
        decode(b"---\ntitle: x\n---\nab\x00cd\n")
    err = info.value
    assert (err.rule, err.line, err.column) == ("binary-file", 4, 3)
    assert err.format("post.md").startswith("post.md:4:3: error: ")


def test_nul_after_utf8_bom_is_binary():
    with pytest.raises(DecodeError) as info:
        decode(codecs.BOM_UTF8 + b"abc\x00")
    assert info.value.rule == "binary-file"


def test_truncated_utf16_is_an_encoding_error():
    data = codecs.BOM_UTF16_LE + "한글".encode("utf-16-le")[:-1]
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert info.value.rule == "encoding"


def test_bad_utf8_after_bom_is_an_encoding_error_located():
    data = codecs.BOM_UTF8 + b"---\ntitle: \xff\xfe\n---\n"
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert (info.value.rule, info.value.line, info.value.column) == ("encoding", 2, 8)


@pytest.mark.parametrize(
    "data, line, column",
    [
        # a stray byte in a Korean paragraph
        ("---\ntitle: 한글\n---\n본문".encode() + b"\xff" + "입니다\n".encode(), 4, 3),
        # a file cut in the middle of a character
        ("---\ntitle: 제목\n---\n가나다라 마바사".encode()[:-1], 4, 8),
        # one Latin-1 byte pasted into a UTF-8 post
        ("---\ntitle: 한국어 café\n---\n".encode() + b"caf\xe9\n", 4, 4),
    ],
)
def test_damaged_utf8_is_an_encoding_error_not_mojibake(data, line, column):
    with pytest.raises(DecodeError) as info:
        decode(data)
    err = info.value
    assert (err.rule, err.line, err.column) == ("encoding", line, column)
    assert "damaged" in err.message


def test_random_bytes_never_crash():
    rng = random.Random(1234)
    outcomes = set()
    for size in (1, 2, 7, 64, 300, 4096):
        for _ in range(20):
            data = bytes(rng.randrange(256) for _ in range(size))
            try:
                roundtrip(data)
                outcomes.add("text")
            except DecodeError as err:
                assert err.rule in {"binary-file", "encoding"}
                outcomes.add(err.rule)
    assert "binary-file" in outcomes  # big random blobs are recognised as binary


def test_random_bytes_without_nul_are_binary():
    rng = random.Random(99)
    data = bytes(rng.randrange(1, 256) for _ in range(2000))
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert info.value.rule == "binary-file"


def test_encode_refuses_characters_the_encoding_lacks():
    text = "---\ntitle: 안녕\n---\n이모지 😀 는 CP949에 없다\n"
    with pytest.raises(EncodeError) as info:
        encode(text, "cp949", b"")
    err = info.value
    assert isinstance(err, PostError)
    assert (err.line, err.column, err.rule) == (4, 5, "encoding")
    assert "U+1F600" in err.message


def test_big_utf8_body_is_fast_path(tmp_path):
    data = ("---\ntitle: 큰 글\n---\n" + "가나다라 마바사 아자차카 타파하\n" * 400_000).encode()
    assert len(data) > 10_000_000
    decoded = decode(data)
    assert decoded.encoding == "utf-8" and len(decoded.text) < len(data)


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.is_file())


def test_every_corpus_file_decodes_and_round_trips():
    files = _corpus_files()
    if not files:
        pytest.skip(f"corpus not found at {CORPUS}")
    boms = 0
    for path in files:
        data = path.read_bytes()
        decoded = roundtrip(data)
        boms += decoded.bom != b""
        if not data.startswith(codecs.BOM_UTF8):
            assert decoded.text == data.decode(decoded.encoding), path
    assert len(files) > 250
    # The README documents 4 posts that start with a UTF-8 BOM.
    assert boms == 4


@settings(max_examples=200, deadline=None)
@given(text=st.text(), codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_any_text_round_trips(text, codec):
    if codec in ("utf-8", "utf-8-sig"):
        assume("\x00" not in text)  # NUL in a UTF-8 file means binary, by design
    if codec == "utf-8":
        assume(not text.startswith("\ufeff"))  # that would be a BOM
    if codec == "utf-16":
        assume(not text.startswith("\x00"))  # FF FE 00 00 reads as a UTF-32 BOM
    data = text.encode(codec)
    decoded = roundtrip(data)
    assert decoded.text == text


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=512))
def test_any_bytes_decode_or_fail_cleanly(data):
    try:
        roundtrip(data)
    except DecodeError as err:
        assert err.rule in {"binary-file", "encoding"}
        assert err.line >= 1 and err.column >= 1


def test_os_urandom_blob():
    data = os.urandom(65536)
    with pytest.raises(DecodeError):
        decode(data)

"""The open post against its last commit, with word-level highlights (Korean included)."""

from __future__ import annotations

from editor.core.git.diff import diff_rows, head_text, tokens, word_spans

from .conftest import POST, TEXT


def _marked(line: str, spans) -> str:
    out, last = [], 0
    for start, end in spans:
        out += [line[last:start], "[", line[start:end], "]"]
        last = end
    return "".join(out + [line[last:]])


def test_one_syllable_in_a_korean_sentence_without_spaces():
    old, new = "오늘은날씨가맑습니다", "오늘은날씨가밝습니다"
    left, right = word_spans(old, new)
    assert _marked(old, left) == "오늘은날씨가[맑]습니다"
    assert _marked(new, right) == "오늘은날씨가[밝]습니다"
    # Mixed with spaced words: a Latin word is still one unit.
    left, right = word_spans("Galley로 글을 씁니다", "Gallery로 글을 씁니다")
    assert _marked("Gallery로 글을 씁니다", right) == "[Gallery]로 글을 씁니다"


def test_spaced_words_are_compared_whole():
    left, right = word_spans("the quick brown fox", "the quick red fox")
    assert _marked("the quick brown fox", left) == "the quick [brown] fox"
    assert _marked("the quick red fox", right) == "the quick [red] fox"


def test_tokens_join_back():
    for line in ("한국어 English 123 混合 かな, *em* `code`", "", "   ", "a_b-c"):
        assert "".join(tokens(line)) == line


def test_rows_mark_changed_lines_and_whole_added_lines():
    rows = diff_rows("a\n첫 문장입니다\nc\n", "a\n첫 문장이었습니다\nc\nnew line\n")
    tags = [r.row.tag for r in rows]
    assert tags == ["equal", "replace", "equal", "insert"]
    changed = rows[1]
    assert _marked(changed.row.left, changed.left_spans) == "첫 문장[입]니다"
    assert _marked(changed.row.right, changed.right_spans) == "첫 문장[이었습]니다"
    assert rows[3].right_spans == ((0, len("new line")),) and rows[3].left_spans == ()
    assert rows[0].left_spans == rows[0].right_spans == ()


def test_head_text_of_a_post_and_of_a_new_one(writers):
    site = writers.site(writers.alice)
    (site / POST).write_text(TEXT.replace("둘째", "두 번째"), encoding="utf-8")
    assert head_text(site, POST) == TEXT
    assert head_text(site, site / POST) == TEXT  # absolute paths inside the site too
    (site / "_posts" / "new.md").write_text("x\n", encoding="utf-8")
    assert head_text(site, "_posts/new.md") is None


def test_head_text_outside_a_repository(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    assert head_text(tmp_path, "a.md") is None

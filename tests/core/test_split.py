"""One front-matter splitter: the document, the site index (which reads only
the head of each file, as bytes) and the bulk validator's fast document find
the same front matter in every post, including the cases where earlier copies
of the rules disagreed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.post.document import Document
from editor.core.post.errors import FrontMatterError
from editor.core.post.split import MORE, SLOW, split_head, split_post
from editor.core.site.post_index import HEAD_BYTES, front_matter_of, summarize
from editor.core.validation.fastdoc import FastDocument

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def _filler(prefix: str, closer_at: int) -> str:
    """YAML lines after `prefix` so that the next line starts at byte `closer_at`."""
    text, i = prefix, 0
    while len(text.encode()) < closer_at - 40:
        text += f"k{i}: aaaaaaaaaa\n"
        i += 1
    text += "z: " + "b" * (closer_at - len(text.encode()) - 4) + "\n"
    assert len(text.encode()) == closer_at
    return text


_AT_HEAD_END = _filler("---\n", HEAD_BYTES - 3)  # a line of `---` here ends exactly with the head

# name -> file bytes
TRICKY = {
    "bom": "\ufeff---\na: 1\n---\nbody\n".encode(),
    "double bom": "\ufeff\ufeff---\na: 1\n---\nbody\n".encode(),
    "crlf": b"---\r\na: 1\r\n---\r\nbody\r\n",
    "cr": b"---\ra: 1\r---\rbody\r",
    "yaml dots": b"---\na: 1\n...\nbody\n",
    "toml ignores dots": b"+++\na = 1\n...\n+++\nbody\n",
    "trailing blanks": b"--- \t\na: 1\n---  \nbody\n",
    "opener only": b"---",
    "empty block": b"---\n---",
    "empty block crlf": b"---\r\n---\r\n",
    "unclosed": b"---\na: 1\nbody\n",
    "four dashes do not close": b"---\na: 1\n----\nb: 2\n---\n",
    "dashes then text do not close": b"---\na: 1\n---x\n---\n",
    "closer at the end of the file": b"---\na: 1\n---",
    "no front matter": b"# title\n---\n",
    "empty file": b"",
    "json": b'{"a": 1}\nbody\n',
    "json with bom": '\ufeff{"a": 1}\nbody\n'.encode(),
    "json then text on its line": b'{"a": 1} x\nbody\n',
    "shortcode is not json": b"{{< x >}}\n",
    "hexo semicolons are not read": b'"title": "x"\n;;;\nbody\n',
    "block scalar last": b"---\na: |\n  x\n---\nbody\n",
    "kept block scalar last": b"---\na: |+\n  x\n\n---\n",
    "folded last crlf": b"---\r\na: >\r\n  x\r\n  y\r\n---\r\n",
    "block scalar last cr": b"---\ra: |\r  x\r---\r",
    "toml multiline string last": b'+++\na = """\nx\n"""\n+++\n',
    "utf-16": "---\na: 1\n---\nbody\n".encode("utf-16"),
    "utf-16 then a second bom": "\ufeff---\na: 1\n---\nbody\n".encode("utf-16"),
    "cp949": "---\ntitle: 한글 제목입니다\n---\n본문입니다 한글\n".encode("cp949"),
    "closer line cut by the head": (_AT_HEAD_END + "---x: 1\n---\nbody\n").encode(),
    "dots line cut by the head": (_AT_HEAD_END + "....\n---\nbody\n").encode(),
    "blank closer cut by the head": (_filler("---\n", HEAD_BYTES - 4) + "--- y\n---\nbody\n").encode(),
    "closer ending with the head": (_AT_HEAD_END + "---\nbody\n").encode(),
    "front matter past the head": ("---\n" + "".join(f"k{i}: {'v' * 50}\n" for i in range(200))
                                   + "---\nbody\n").encode(),
    "json past the head": ("{\n" + ",\n".join(f'"k{i}": "{"v" * 50}"' for i in range(200))
                           + "\n}\nbody\n").encode(),
    "json on one long line": ("{" + ", ".join(f'"k{i}": "{"가" * 20}"' for i in range(200))
                              + "}\nbody\n").encode(),
}


def _document_split(data: bytes):
    """What the document finds: (kind, fragment, first line), None, or the unclosed error's rule."""
    doc = Document.from_bytes(data)
    parts = split_post(doc.text)
    if parts.error is not None:
        return parts.error.rule
    if parts.kind.value == "none":
        return None
    return parts.kind.value, parts.fragment, 2 if parts.opener else 1


def _index_split(path: Path):
    try:
        return front_matter_of(path)
    except FrontMatterError as exc:
        return exc.rule


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_the_index_finds_what_the_document_finds(tmp_path: Path, name: str):
    path = tmp_path / "post.md"
    path.write_bytes(TRICKY[name])
    assert _index_split(path) == _document_split(TRICKY[name])


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_values_agree_across_document_index_and_fast_document(tmp_path: Path, name: str):
    path = tmp_path / "post.md"
    path.write_bytes(TRICKY[name])
    doc = Document.from_bytes(TRICKY[name])
    summary = summarize(path)
    if doc.front_matter_error is None:
        assert summary.error is None and summary.front_matter == doc.front_matter
        assert summary.kind == doc.kind.value
        fast = FastDocument.read(doc.text)
        assert fast.front_matter == doc.front_matter
    else:
        assert summary.error is not None and summary.error.rule == doc.front_matter_error.rule
        assert summary.error.line == doc.front_matter_error.line


def test_a_block_scalar_on_the_last_line_keeps_its_line_break(tmp_path: Path):
    # The line break before the closer belongs to the front matter (Jekyll's
    # pattern): the index once cut it and read `x` where the document read `x\n`.
    path = tmp_path / "post.md"
    path.write_bytes(TRICKY["block scalar last"])
    assert summarize(path).front_matter == {"a": "x\n"}
    path.write_bytes(TRICKY["folded last crlf"])
    assert summarize(path).front_matter == {"a": "x y\n"}


def test_a_closer_cut_by_the_end_of_the_head_is_not_trusted(tmp_path: Path):
    # `---` as the head's last bytes may be `---x` in the file: the index once
    # stopped there and lost the keys after it.
    path = tmp_path / "post.md"
    path.write_bytes(TRICKY["closer line cut by the head"])
    assert summarize(path).front_matter["---x"] == 1
    path.write_bytes(TRICKY["dots line cut by the head"])
    kind, fragment, _ = front_matter_of(path)
    assert fragment.endswith("\n....\n")


def test_a_second_byte_order_mark_is_text(tmp_path: Path):
    # decode() removes the file's byte order mark; a U+FEFF after it is the
    # first character of the text, so the post has no front matter.
    path = tmp_path / "post.md"
    for name in ("utf-16 then a second bom", "double bom"):
        path.write_bytes(TRICKY[name])
        assert Document.from_bytes(TRICKY[name]).kind.value == "none"
        assert summarize(path).kind == "none" and summarize(path).front_matter == {}


def test_split_head_says_when_the_head_is_too_short():
    assert split_head(b"---\na: 1\n", complete=False) is MORE
    assert split_head(b"---\na: 1\n---", complete=False) is MORE  # `---x` or `---\n`?
    assert split_head(b"---\na: 1\n---", complete=True) == ("yaml", "a: 1\n", 2)
    assert split_head(b"---\na: 1\n---\nbo", complete=False) == ("yaml", "a: 1\n", 2)
    assert split_head(b'{"a":\n', complete=False) is MORE
    assert split_head(b'{"a": 1}\n{', complete=False) == ("json", '{"a": 1}', 1)
    assert split_head(b"# no front matter", complete=False) is None
    with pytest.raises(FrontMatterError) as raised:
        split_head(b"+++\na = 1\n", complete=True)
    assert raised.value.rule == "front-matter-unclosed" and raised.value.line == 1


def test_split_head_leaves_other_encodings_to_the_careful_reader():
    assert split_head("---\na: 1\n---\n".encode("utf-16"), complete=True) is SLOW
    assert split_head("---\na: 한\n---\n".encode("cp949"), complete=True) is SLOW
    assert split_head(b"---\na: 1\n---\n\x00", complete=True) is SLOW


def test_unclosed_block_reads_the_same_in_the_index_and_the_document(tmp_path: Path):
    path = tmp_path / "post.md"
    path.write_bytes(TRICKY["unclosed"])
    error, document_error = summarize(path).error, Document.from_bytes(TRICKY["unclosed"]).front_matter_error
    assert error.message == document_error.message and error.rule == "front-matter-unclosed"


def _corpus_posts() -> list[Path]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        return []
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:]]
    return [CORPUS / row[0] for row in rows if row and (CORPUS / row[0]).is_file()]


@pytest.mark.skipif(not _corpus_posts(), reason="corpus not found at ../shared/corpus")
def test_corpus_the_index_finds_what_the_document_finds():
    # Four corpus posts end their front matter with a block scalar: the index
    # once read those values without their final line break.
    for path in _corpus_posts():
        data = path.read_bytes()
        assert _index_split(path) == _document_split(data), path


_PIECES = ["---", "+++", "...", "\n", "\r", "\r\n", " ", "\t", "a: 1", "x", "{", "}", '"k"', ":", "-",
           "a = 1", "|", "  y", "한"]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["", "---\n", "+++\r\n", "--- \r", "{"]),
       st.lists(st.sampled_from(_PIECES), max_size=16), st.integers(min_value=0))
def test_a_head_gives_the_whole_file_answer_or_asks_for_more(start: str, pieces: list[str], cut: int):
    text = start + "".join(pieces)
    parts = split_post(text)
    if parts.error is not None:
        whole = parts.error.rule
    elif parts.kind.value == "none":
        whole = None
    else:
        whole = (parts.kind.value, parts.fragment, 2 if parts.opener else 1)
    data = text.encode()
    head = data[: cut % (len(data) + 1)]
    for piece, complete in ((data, True), (head, head == data)):
        try:
            found = split_head(piece, complete)
        except FrontMatterError as exc:
            found = exc.rule
        assert found is MORE or found == whole, (piece, complete)


def test_a_head_shorter_than_the_opener_or_a_json_line_asks_for_more():
    assert split_head(b"--", complete=False) is MORE
    assert split_head(b"--- ", complete=False) is MORE
    assert split_head(b"--", complete=True) is None
    assert split_head(b'{"a": 1}', complete=False) is MORE  # `}` may be followed by text on its line
    assert split_head(b'{"a": 1}', complete=True) == ("json", '{"a": 1}', 1)

"""`galley fm get|set|unset` through the real dispatcher, real files, one real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.post.document import Document

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"

POST = """\
---
title: "첫 번째 글"
date: 2024-03-01 10:00:00 +0900
tags: [파이썬, 블로그]
draft: false
image:
  path: /assets/cover.png
  alt: 표지 그림   # 대체 텍스트
sleep: 10:00
---

본문은 그대로 남아야 합니다.
"""


@pytest.fixture
def post(tmp_path) -> Path:
    path = tmp_path / "2024-03-01-첫-글.md"
    path.write_bytes(POST.encode())
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([*argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def changed_lines(before: bytes, after: bytes) -> list[tuple[str, str]]:
    a, b = before.decode().splitlines(), after.decode().splitlines()
    assert len(a) == len(b)
    return [(x, y) for x, y in zip(a, b) if x != y]


# -- get ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "key, printed",
    [
        ("title", "첫 번째 글"),
        ("tags", '["파이썬", "블로그"]'),
        ("draft", "false"),
        ("image.alt", "표지 그림"),
        ("image", '{"path": "/assets/cover.png", "alt": "표지 그림"}'),
    ],
)
def test_get_prints_plain_scalars_and_json(capsys, post, key, printed):
    code, out, err = run(capsys, "fm", "get", str(post), key)
    assert (code, out, err) == (0, printed + "\n", "")


def test_get_date_is_iso(capsys, post):
    code, out, _ = run(capsys, "fm", "get", str(post), "date")
    assert code == 0
    assert out.strip().startswith("2024-03-01") and "+09:00" in out


def test_get_missing_key(capsys, post):
    code, out, err = run(capsys, "fm", "get", str(post), "author")
    assert code == 1 and out == ""
    assert err.startswith(f"{post}:1:1: error: ") and "'author'" in err


# -- set ----------------------------------------------------------------------


def test_set_string_changes_only_that_line(capsys, post):
    before = post.read_bytes()
    assert run(capsys, "fm", "set", str(post), "title", "고친 제목")[0] == 0
    after = post.read_bytes()
    [(old, new)] = changed_lines(before, after)
    assert old.startswith("title:") and "고친 제목" in new
    assert Document.from_bytes(after).get("title") == "고친 제목"
    assert after.endswith("본문은 그대로 남아야 합니다.\n".encode())


@pytest.mark.parametrize(
    "value, expected",
    [
        ("[a, b]", ["a", "b"]),
        ("2024-01-02", __import__("datetime").date(2024, 1, 2)),
        ("true", True),
        ("10:00", 600),  # YAML 1.1, as posts are read
        ("on", True),
        ("42", 42),
        ("{x: 1}", {"x": 1}),
        ("'quoted'", "quoted"),
        ("", ""),
        ("null", None),
    ],
)
def test_set_reads_value_as_yaml(capsys, post, value, expected):
    assert run(capsys, "fm", "set", str(post), "extra", value)[0] == 0
    assert Document.from_bytes(post.read_bytes()).get("extra") == expected


def test_set_string_flag_keeps_text(capsys, post):
    assert run(capsys, "fm", "set", "--string", str(post), "draft", "true")[0] == 0
    assert Document.from_bytes(post.read_bytes()).get("draft") == "true"
    assert run(capsys, "fm", "get", str(post), "draft")[1] == "true\n"


def test_set_nested_key(capsys, post):
    before = post.read_bytes()
    assert run(capsys, "fm", "set", str(post), "image.alt", "새 그림")[0] == 0
    [(old, new)] = changed_lines(before, post.read_bytes())
    assert "표지 그림" in old and "새 그림" in new
    assert run(capsys, "fm", "get", str(post), "image.alt")[1] == "새 그림\n"


def test_set_same_value_does_not_write(capsys, post):
    os.utime(post, ns=(1_000_000_000, 1_000_000_000))
    before = post.stat()
    for argv in (["title", "첫 번째 글"], ["tags", "[파이썬, 블로그]"], ["draft", "false"]):
        assert run(capsys, "fm", "set", str(post), *argv)[0] == 0
    after = post.stat()
    assert post.read_bytes() == POST.encode()
    # Not even rewritten with the same bytes: a save would replace the inode.
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_set_then_get_round_trip(capsys, post):
    assert run(capsys, "fm", "set", str(post), "categories", "[개발, 일기]")[0] == 0
    assert json.loads(run(capsys, "fm", "get", str(post), "categories")[1]) == ["개발", "일기"]


def test_set_keeps_crlf_and_cp949(capsys, tmp_path):
    path = tmp_path / "legacy.md"
    original = "---\r\ntitle: 옛날 글\r\n---\r\n본문\r\n".encode("cp949")
    path.write_bytes(original)
    assert run(capsys, "fm", "set", str(path), "title", "새 글")[0] == 0
    assert path.read_bytes() == "---\r\ntitle: 새 글\r\n---\r\n본문\r\n".encode("cp949")


def test_set_character_the_encoding_lacks(capsys, tmp_path):
    path = tmp_path / "legacy.md"
    original = "---\ntitle: 옛날 글\n---\n본문\n".encode("cp949")
    path.write_bytes(original)
    code, _, err = run(capsys, "fm", "set", str(path), "title", "이모지 😀")
    assert code == 1 and err.startswith(f"{path}:2:")
    assert "cp949" in err and path.read_bytes() == original


def test_set_toml(capsys, tmp_path):
    path = tmp_path / "hugo.md"
    path.write_bytes('+++\ntitle = "휴고 글"\ndraft = true\n+++\n본문\n'.encode())
    assert run(capsys, "fm", "set", str(path), "draft", "false")[0] == 0
    assert path.read_bytes() == '+++\ntitle = "휴고 글"\ndraft = false\n+++\n본문\n'.encode()


def test_set_refuses_when_front_matter_is_broken(capsys, tmp_path):
    path = tmp_path / "broken.md"
    data = b"---\ntitle: [unclosed\ndate: 2024-01-01\n---\nbody\n"
    path.write_bytes(data)
    for argv in (["set", str(path), "title", "x"], ["unset", str(path), "date"]):
        code, _, err = run(capsys, "fm", *argv)
        assert code == 1
        assert err.startswith(f"{path}:") and ": error: " in err
    assert path.read_bytes() == data


def test_set_refuses_a_post_with_errors_unless_forced(capsys, post):
    code, _, err = run(capsys, "fm", "set", "--string", str(post), "date", "tomorrow")
    assert code == 1
    lines = err.splitlines()
    assert any(line.startswith(f"{post}:3:1: error: ") and "[date-format]" in line for line in lines)
    assert lines[-1] == f"{post}: error: the post has errors; not saved (use --force to save anyway)"
    assert post.read_bytes() == POST.encode()
    code, _, err = run(capsys, "fm", "set", "--force", "--string", str(post), "date", "tomorrow")
    assert (code, err) == (0, "")
    assert Document.from_bytes(post.read_bytes()).get("date") == "tomorrow"


def test_validation_uses_the_site_around_the_post(capsys, tmp_path):
    site = tmp_path / "blog"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: 블로그\ntimezone: Asia/Seoul\n", encoding="utf-8")
    path = site / "_posts" / "2024-03-01-hello.md"
    path.write_bytes(POST.encode())
    code, _, err = run(capsys, "fm", "set", "--string", str(path), "date", "어제")
    assert code == 1 and "[date-format]" in err
    assert run(capsys, "fm", "set", str(path), "title", "안녕")[0] == 0


def test_set_read_only_file(capsys, post):
    os.chmod(post, 0o444)
    code, _, err = run(capsys, "fm", "set", str(post), "title", "x")
    assert code == 1 and err == f"{post}: error: cannot save: the file is read-only\n"
    assert post.read_bytes() == POST.encode()


@pytest.mark.parametrize(
    "value", ["[a, b", "&a [*a]", "!!python/object/apply:os.system [echo hi]", "a\n---\nb"]
)
def test_bad_value_is_a_usage_error(capsys, post, value):
    code, _, err = run(capsys, "fm", "set", str(post), "title", value)
    assert code == 2 and "VALUE" in err
    assert post.read_bytes() == POST.encode()


# -- unset --------------------------------------------------------------------


def test_unset_removes_only_its_lines(capsys, post):
    assert run(capsys, "fm", "unset", str(post), "image")[0] == 0
    assert post.read_bytes() == POST.replace(
        "image:\n  path: /assets/cover.png\n  alt: 표지 그림   # 대체 텍스트\n", ""
    ).encode()


def test_unset_missing_key(capsys, post):
    code, _, err = run(capsys, "fm", "unset", str(post), "nope")
    assert code == 1 and "'nope'" in err
    assert post.read_bytes() == POST.encode()


# -- no input, however broken, gives a traceback -----------------------------


BROKEN = {
    "binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "empty.md": b"",
    "undecodable.md": bytes(range(0x80, 0x100)) * 4 + b"\x01\x02\x03" * 50,
    "truncated.md": b"---\ntitle: x\n",
    "bad-bom.md": b"\xef\xbb\xbf---\ntitle: \xff\n---\n",
    "tab-yaml.md": b"---\ntitle:\t- x\n\t- y\n---\n",
    "python-tag.md": b"---\ntitle: !!python/object/apply:os.system [echo]\n---\n",
    "alias-bomb.md": b"---\na: &a [x, x, x, x, x, x, x, x, x]\n"
    + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode()
        for i in range(8)
    )
    + b"---\n",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
@pytest.mark.parametrize(
    "action", [["get", "title"], ["set", "title", "새 제목"], ["unset", "title"]]
)
def test_broken_files_never_traceback(capsys, tmp_path, name, action):
    path = tmp_path / name
    path.write_bytes(BROKEN[name])
    verb, *rest = action
    code, _, err = run(capsys, "fm", verb, str(path), *rest)
    if verb == "set" and name == "empty.md":
        # An empty post is fine: it gets a front matter with the key.
        assert code == 0, err
        assert Document.from_bytes(path.read_bytes()).get("title") == "새 제목"
    else:
        assert code == 1, err
        assert err.startswith(f"{path}:") and "error: " in err
        assert path.read_bytes() == BROKEN[name]


def test_unexpected_core_failure_is_reported_not_a_traceback(capsys, post, monkeypatch):
    # No real input triggers this today; a core bug must still not print a trace.
    def broken_get(self, key, default=None):
        raise RuntimeError("simulated core bug")

    monkeypatch.setattr(Document, "get", broken_get)
    monkeypatch.delenv("GALLEY_DEBUG", raising=False)
    code, out, err = run(capsys, "fm", "get", str(post), "title")
    assert (code, out) == (1, "")
    assert err == f"{post}:1:1: error: internal error (RuntimeError: simulated core bug); please report it\n"
    monkeypatch.setenv("GALLEY_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["fm", "get", str(post), "title"])


def test_missing_file_and_directory(capsys, tmp_path):
    code, _, err = run(capsys, "fm", "get", str(tmp_path / "없는.md"), "title")
    assert (code, err) == (1, f"{tmp_path / '없는.md'}: error: no such file\n")
    code, _, err = run(capsys, "fm", "set", str(tmp_path), "title", "x")
    assert code == 1 and err.startswith(f"{tmp_path}: error: ") and "folder" in err


def test_ten_megabyte_body(capsys, tmp_path):
    path = tmp_path / "big.md"
    body = "긴 본문의 한 줄입니다. " * 8 + "\n"
    data = ("---\ntitle: 큰 글\n---\n" + body * (10_000_000 // len(body.encode()) + 1)).encode()
    assert len(data) > 10_000_000
    path.write_bytes(data)
    assert run(capsys, "fm", "get", str(path), "title") == (0, "큰 글\n", "")
    assert run(capsys, "fm", "set", str(path), "title", "더 큰 글")[0] == 0
    assert path.read_bytes() == data.replace("큰 글".encode(), "더 큰 글".encode(), 1)


def test_usage_errors_exit_2(capsys, post):
    assert run(capsys, "fm", "get", str(post))[0] == 2
    assert run(capsys, "fm", "set", str(post), "title")[0] == 2
    assert run(capsys, "fm")[0] == 2
    assert run(capsys, "fm", "frobnicate")[0] == 2


def test_every_corpus_post_reads_without_traceback(capsys):
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".tsv")
    codes = [run(capsys, "fm", "get", str(p), "title")[0] for p in files]
    assert set(codes) <= {0, 1}
    assert codes.count(0) > 200  # nearly every post has a readable title


def test_real_subprocess(tmp_path, post):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    out = subprocess.run(
        [sys.executable, "-m", "editor", "fm", "get", str(post), "title"],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert (out.returncode, out.stdout.decode(), out.stderr) == (0, "첫 번째 글\n", b"")
    binary = tmp_path / "binary.md"
    binary.write_bytes(BROKEN["binary.md"])
    out = subprocess.run(
        [sys.executable, "-m", "editor", "fm", "set", str(binary), "title", "x"],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert out.returncode == 1 and b"Traceback" not in out.stderr
    # Located at the NUL byte: line 3 of the PNG signature (after \r\n and \n).
    assert out.stderr.decode().startswith(f"{binary}:3:1: error: this looks like a binary")


def test_open_summary_without_window(capsys, post, tmp_path):
    from editor.cli.open import _summarise

    assert _summarise(post) == 0
    out = capsys.readouterr().out
    assert "yaml" in out and "첫 번째 글" in out
    assert _summarise(tmp_path / "nothing.md") == 1
    assert _summarise(tmp_path) == 0


# -- VALUE is read as posts are read; shared values ----------------------------


def test_set_date_time_with_zone_stays_a_date_time(capsys, tmp_path):
    path = tmp_path / "d.md"
    path.write_bytes(b"---\ntitle: x\ndate: 2015-01-01\n---\n")
    code, _, err = run(capsys, "fm", "set", str(path), "date", "2015-01-02 11:00:00 +0900")
    assert (code, err) == (0, "")
    import datetime as dt

    kst = dt.timezone(dt.timedelta(hours=9))
    assert Document.from_bytes(path.read_bytes()).get("date") == dt.datetime(2015, 1, 2, 11, tzinfo=kst)
    assert b'"' not in path.read_bytes() and b"'" not in path.read_bytes()
    assert b"date: 2015-01-02 11:00:00 +0900\n" in path.read_bytes()  # as typed


def test_set_writes_a_number_or_date_as_typed_where_it_reads_the_same(capsys, tmp_path):
    path = tmp_path / "d.md"
    path.write_bytes(b'---\ntitle: t\nversion: 1.0\nday: "2015-01-01"\nsince: 2015-01-01\n---\n')
    assert run(capsys, "fm", "set", str(path), "version", "1.10")[0] == 0
    assert run(capsys, "fm", "set", str(path), "since", "2016-2-3")[0] == 0  # a string in YAML 1.1
    assert run(capsys, "fm", "set", str(path), "day", "2016-02-03")[0] == 0
    text = path.read_text()
    assert "version: 1.10\n" in text
    assert "since: 2016-2-3\n" in text  # VALUE reads as text: it is written as text, plain
    doc = Document.from_bytes(path.read_bytes())
    import datetime as dt

    # A date typed for a key that held a quoted string becomes a date: no
    # --string was given, and the quotes would have kept it text.
    assert doc.get("day") == dt.date(2016, 2, 3) and "day: 2016-02-03\n" in text


@pytest.mark.parametrize(
    "value, expected, note",
    [
        ("no", False, "note: VALUE 'no' is read as false (YAML 1.1 boolean, as Jekyll reads posts). "
                      "Use --string to keep the text.\n"),
        ("10:00", 600, "note: VALUE '10:00' is read as the number 600 (YAML 1.1 base 60, "
                       "as Jekyll reads posts). Use --string to keep the text.\n"),
        ("1.10", 1.1, "note: VALUE '1.10' is read as the number 1.1 (YAML 1.1, trailing zero dropped, "
                      "as Jekyll reads posts). Use --string to keep the text.\n"),
        ("2021-5-1", "2021-5-1", ""),  # text stays text: no note
        ("false", False, ""),
        ("42", 42, ""),
        ("2024-01-02", __import__("datetime").date(2024, 1, 2), ""),
    ],
)
def test_set_says_when_value_reads_differently_from_how_it_looks(capsys, post, value, expected, note):
    code, _, err = run(capsys, "fm", "set", str(post), "published", value)
    assert (code, err) == (0, note)
    assert Document.from_bytes(post.read_bytes()).get("published") == expected
    code, _, err = run(capsys, "fm", "set", "--string", str(post), "published", value)
    assert (code, err) == (0, "")
    assert Document.from_bytes(post.read_bytes()).get("published") == value


def test_set_note_on_a_hugo_site_names_galleys_reading(capsys, tmp_path):
    (tmp_path / "hugo.toml").write_text('title = "site"\n', encoding="utf-8")
    path = tmp_path / "content" / "p.md"
    path.parent.mkdir()
    path.write_bytes(b"---\ntitle: x\n---\n")
    code, _, err = run(capsys, "fm", "set", str(path), "draft", "no")
    assert (code, err) == (0, "note: VALUE 'no' is read as false (YAML 1.1 boolean, "
                              "as Galley reads every post). Use --string to keep the text.\n")
    assert Document.from_bytes(path.read_bytes()).get("draft") is False


SHARED_POST = "---\ntitle: 글\nauthor: &me Jane\neditor: *me\n---\n본문\n"


@pytest.fixture
def shared_post(tmp_path) -> Path:
    path = tmp_path / "shared.md"
    path.write_bytes(SHARED_POST.encode())
    return path


def test_set_shared_key_without_a_flag_is_refused_at_the_key(capsys, shared_post):
    code, out, err = run(capsys, "fm", "set", "--string", str(shared_post), "author", "John")
    assert code == 1 and out == ""
    assert err == (f"{shared_post}:3:1: error: `author` shares its value with `editor` (anchor &me); "
                   "use --shared to change it for all of them or --own to give `author` its own value\n")
    assert shared_post.read_bytes() == SHARED_POST.encode()
    assert run(capsys, "fm", "get", str(shared_post), "editor")[1] == "Jane\n"


def test_set_shared_and_own(capsys, shared_post):
    assert run(capsys, "fm", "set", "--shared", "--string", str(shared_post), "editor", "John")[0] == 0
    assert shared_post.read_text() == SHARED_POST.replace("&me Jane", "&me John")
    assert run(capsys, "fm", "get", str(shared_post), "author")[1] == "John\n"
    assert run(capsys, "fm", "set", "--own", "--string", str(shared_post), "editor", "Kim")[0] == 0
    assert shared_post.read_text() == SHARED_POST.replace("&me Jane", "&me John").replace("*me", "Kim")
    assert run(capsys, "fm", "get", str(shared_post), "author")[1] == "John\n"


def test_unset_shared_definition(capsys, shared_post):
    code, _, err = run(capsys, "fm", "unset", str(shared_post), "author")
    assert code == 1 and "--own" in err and "--shared" in err
    assert run(capsys, "fm", "unset", "--own", str(shared_post), "author")[0] == 0
    assert shared_post.read_text() == "---\ntitle: 글\neditor: Jane\n---\n본문\n"


def test_shared_and_own_are_exclusive(capsys, shared_post):
    code, _, err = run(capsys, "fm", "set", "--shared", "--own", str(shared_post), "author", "x")
    assert code == 2 and "argument --own: not allowed with argument --shared" in err
    assert shared_post.read_bytes() == SHARED_POST.encode()


def test_a_number_in_a_dotted_key_indexes_a_list(capsys, tmp_path):
    path = tmp_path / "l.md"
    path.write_bytes(b"---\ntitle: t\ntags:\n  - a\n  - b\n  - c\nauthors:\n  - name: Kim\n---\nx\n")
    assert run(capsys, "fm", "get", str(path), "tags.1")[1] == "b\n"
    assert run(capsys, "fm", "set", str(path), "tags.1", "B")[0] == 0
    assert run(capsys, "fm", "set", "--string", str(path), "authors.0.name", "Lee")[0] == 0
    assert run(capsys, "fm", "unset", str(path), "tags.0")[0] == 0
    assert path.read_bytes() == b"---\ntitle: t\ntags:\n  - B\n  - c\nauthors:\n  - name: Lee\n---\nx\n"
    code, _, err = run(capsys, "fm", "get", str(path), "tags.9")
    assert code == 1 and "no key 'tags.9'" in err


# -- one reading: what `fm set` stores is what every reader of posts reads ------


@pytest.mark.parametrize(
    "value, expected",
    [
        # Each of these reads otherwise in a YAML 1.2 reader (ruamel's default):
        ("2015-01-02 11:00:00 +0900", __import__("datetime").datetime(
            2015, 1, 2, 11, tzinfo=__import__("datetime").timezone(__import__("datetime").timedelta(hours=9)))),
        ("2015-01-02 11:00:00 -05:00", __import__("datetime").datetime(
            2015, 1, 2, 11, tzinfo=__import__("datetime").timezone(__import__("datetime").timedelta(hours=-5)))),
        ("no", False),
        ("Off", False),
        ("yes", True),
        ("010", 8),        # YAML 1.1 octal
        ("1_000", 1000),
        ("10:00", 600),    # YAML 1.1 base 60
        ("1:20:30", 4830),
        ("1e3", "1e3"),    # not a YAML 1.1 float: text
        ("0o17", "0o17"),  # not a YAML 1.1 octal: text
        ("0x1F", 31),
        ("1.10", 1.1),
    ],
)
def test_a_value_set_reads_the_same_in_every_reader(capsys, tmp_path, value, expected):
    from editor.cli.fm import parse_value
    from editor.core.site.post_index import summarize
    from editor.core.validation.fastdoc import FastDocument

    path = tmp_path / "p.md"
    path.write_bytes(b"---\ntitle: t\nextra: x\n---\nbody\n")
    assert run(capsys, "fm", "set", str(path), "extra", value)[0] == 0
    assert parse_value(value) == expected
    text = path.read_text()
    assert Document.from_text(text).get("extra") == expected
    assert summarize(path).front_matter["extra"] == expected
    assert FastDocument.read(text).front_matter["extra"] == expected
    read = Document.from_text(text).get("extra")
    assert type(read) is type(expected)  # 8 is not 8.0, "1e3" is not 1000.0
    if isinstance(expected, bool):
        assert f"extra: {str(expected).lower()}\n" in text  # a boolean is written plainly
    elif not isinstance(expected, str):
        assert f"extra: {value}\n" in text  # a number or date as typed, since it reads the same

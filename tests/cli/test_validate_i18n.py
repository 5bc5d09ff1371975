"""`galley validate` speaks the reader's language: the core catalogue reader and the CLI's text output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core import catalogue as cat

REPO = Path(__file__).resolve().parents[2]
BROKEN = "---\ntitle: 아주 좋은 제목이 있는 글입니다\ntags: [개발]\n---\n<div>\n열린 태그.\n"


def _validate(path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in cat.ENVIRONMENT}
    return subprocess.run([sys.executable, "-c", "import sys; from editor.cli import main; sys.exit(main(sys.argv[1:]))",
                           "validate", *args, path.name],
                          cwd=path.parent, env={**clean, "LANG": "C.UTF-8", **env},
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def broken(tmp_path) -> Path:
    (tmp_path / "_posts").mkdir()
    path = tmp_path / "_posts" / "2024-03-01-broken.md"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_language_ko_prints_the_korean_sentence_with_its_location_and_rule_id(broken):
    english = _validate(broken)
    korean = _validate(broken, LANGUAGE="ko")
    assert english.returncode == korean.returncode == 0
    line = "2024-03-01-broken.md:5:1: warning: "
    assert f"{line}<div> is never closed; the rest of the page ends up inside it (add </div>) " \
           "[html-unclosed-tag]" in english.stdout
    assert f"{line}<div>이(가) 닫히지 않았습니다; 페이지의 나머지가 모두 그 안에 들어갑니다 " \
           "(</div>을(를) 추가하세요) [html-unclosed-tag]" in korean.stdout
    # GALLEY_LANG wins over the system's variables; C means the source language.
    assert _validate(broken, GALLEY_LANG="ko", LANGUAGE="en").stdout == korean.stdout
    assert _validate(broken, LC_ALL="C", LANG="ko_KR.UTF-8").stdout == english.stdout
    assert _validate(broken, LANG="ko_KR.UTF-8").stdout == korean.stdout
    # The closing summary too.
    assert english.stdout.endswith("0 errors, 1 warning, 0 infos in 1 file (1 with findings)\n")
    assert korean.stdout.endswith("파일 1개에서 오류 0개, 경고 1개, 정보 0개 (문제가 있는 파일 1개)\n")


def test_the_json_output_stays_english(broken):
    records = json.loads(_validate(broken, "--format", "json", LANGUAGE="ko").stdout)
    assert records[0]["message"] == "<div> is never closed; the rest of the page ends up inside it"
    assert records[0]["rule"] == "html-unclosed-tag"


def test_the_environment_is_read_as_gettext_reads_it():
    read = cat.language_from_environment
    assert read({"LANG": "ko_KR.UTF-8"}) == "ko_KR"
    assert read({"LANGUAGE": "ko:en", "LANG": "de_DE.UTF-8"}) == "ko"
    assert read({"LC_MESSAGES": "ko_KR", "LANG": "de_DE"}) == "ko_KR"
    assert read({"LC_ALL": "de_DE@euro", "LC_MESSAGES": "ko_KR"}) == "de_DE"
    assert read({"GALLEY_LANG": "ko", "LANGUAGE": "de"}) == "ko"
    assert read({"LANG": "C.UTF-8"}) == "" and read({}) == ""
    assert cat.candidates("ko_KR") == ["ko_KR", "ko"]


def test_only_finished_translations_are_read_and_a_missing_language_is_none(tmp_path):
    (tmp_path / "galley_ko.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ko"><context>'
        "<name>Diagnostics</name>"
        "<message><source>done {n}</source><translation>끝 {n}</translation></message>"
        '<message><source>draft</source><translation type="unfinished">초안</translation></message>'
        '<message><source>gone</source><translation type="vanished">없음</translation></message>'
        '<message numerus="yes"><source>%n file(s)</source><translation>'
        "<numerusform>파일 %n개</numerusform></translation></message>"
        "</context></TS>", encoding="utf-8")
    found = cat.catalogue("ko_KR", (tmp_path,))
    assert found is not None and len(found) == 2
    assert found.translate("Diagnostics", "done {n}") == "끝 {n}"
    assert found.translate("Diagnostics", "draft") == "draft"
    assert found.translate("Diagnostics", "gone") == "gone"
    assert found.translate("Diagnostics", "%n file(s)", 3) == "파일 3개"
    assert cat.shown(found, "Diagnostics", "done {n}", (("n", 2),), "done 2") == "끝 2"
    assert cat.shown(found, "Diagnostics", "draft", (), "draft") == "draft"
    assert cat.shown(None, "Diagnostics", "done {n}", (("n", 2),), "done 2") == "done 2"
    assert cat.catalogue("fr", (tmp_path,)) is None


def test_the_shipped_catalogue_translates_every_diagnostic_template():
    from editor.core.validation.messages import FIXES, MESSAGES

    korean = cat.catalogue("ko")
    assert korean is not None
    untranslated = [t for t in (*MESSAGES.values(), *FIXES.values()) if ("Diagnostics", t) not in korean]
    assert not untranslated, untranslated


def test_the_catalogue_travels_in_the_package_resources():
    # setup.py installs resources/ as editor/resources: the .ts is found beside the .qm.
    assert any((d / "galley_ko.ts").is_file() for d in cat.CATALOGUE_DIRS)
    assert (REPO / "resources" / "i18n" / "galley_ko.ts") in [d / "galley_ko.ts" for d in cat.CATALOGUE_DIRS]

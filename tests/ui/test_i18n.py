"""Catalogues: extraction with pyside6-lupdate, loading by locale, diagnostics shown translated."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from editor.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _lupdate(sources, ts: Path) -> str:
    subprocess.run([str(BIN / "pyside6-lupdate"), "-extensions", "py", *map(str, sources), "-ts", str(ts)],
                   check=True, capture_output=True, text=True)
    return ts.read_text(encoding="utf-8")


def _messages(ts_text: str) -> dict[str, set[str]]:
    """{context: {source}} of a .ts file."""
    found: dict[str, set[str]] = {}
    for context in re.findall(r"<context>(.*?)</context>", ts_text, re.S):
        name = re.search(r"<name>(.*?)</name>", context).group(1)
        found[name] = set(re.findall(r"<source>(.*?)</source>", context, re.S))
    return found


def test_lupdate_extracts_tr_translate_and_noop_strings_from_the_python_sources(tmp_path):
    messages = _messages(_lupdate([ROOT / "editor"], tmp_path / "galley_xx.ts"))
    assert "Match case" in messages["FindReplaceBar"]                  # self.tr
    assert "&amp;New" in messages["Actions"]                          # translate("Actions", ...)
    assert "Follow System" in messages["Actions"]                     # QT_TRANSLATE_NOOP in the UI
    assert {"error", "%n error(s)"} <= messages["Severity"]            # a local no-op and a numerus form
    assert "not a date: not saved" in messages["DateField"]
    # The diagnostics' templates, from core (which marks them without importing Qt).
    import html

    from editor.core.validation.messages import FIXES, MESSAGES

    extracted = {html.unescape(s) for s in messages["Diagnostics"]}
    assert set(MESSAGES.values()) | set(FIXES.values()) <= extracted


def test_the_korean_catalogue_holds_every_context_the_code_has():
    committed = _messages((ROOT / "resources" / "i18n" / "galley_ko.ts").read_text(encoding="utf-8"))
    for context in ("Actions", "Dialogs", "FindReplaceBar", "ProblemsPanel", "StatusBar", "Diagnostics"):
        assert committed.get(context), context


def _compile(tmp_path: Path, name: str, context: str, pairs: dict[str, str]) -> Path:
    """A real .qm made by pyside6-lrelease from a small .ts."""
    import html

    body = "".join(
        f"<message><source>{html.escape(s)}</source><translation>{html.escape(t)}</translation></message>"
        for s, t in pairs.items())
    ts = tmp_path / f"{name}.ts"
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ko">'
                  f"<context><name>{context}</name>{body}</context></TS>", encoding="utf-8")
    qm = tmp_path / f"{name}.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture
def clean_translators(qapp):
    yield
    i18n.remove_translations(qapp)


def test_the_catalogue_for_the_locale_loads_and_a_missing_one_is_fine(qapp, tmp_path, clean_translators):
    _compile(tmp_path, "galley_ko", "Dialogs", {"Revert": "되돌리기"})
    # No French catalogue of ours: nothing of Galley's loads (Qt's own may).
    assert not [p for p in i18n.install_translations(qapp, "fr_FR", catalogue_dirs=[tmp_path]) if "galley" in p]
    i18n.remove_translations(qapp)
    assert QCoreApplication.translate("Dialogs", "Revert") == "Revert"
    loaded = i18n.install_translations(qapp, "ko_KR", catalogue_dirs=[tmp_path])
    assert loaded and loaded[0].endswith("galley_ko.qm")   # ko_KR falls back to ko
    assert QCoreApplication.translate("Dialogs", "Revert") == "되돌리기"
    i18n.remove_translations(qapp)
    assert QCoreApplication.translate("Dialogs", "Revert") == "Revert"


def test_galley_lang_and_language_override_the_system_locale():
    assert i18n.ui_language({"GALLEY_LANG": "ko_KR.UTF-8", "LANGUAGE": "de"}) == "ko_KR"
    assert i18n.ui_language({"LANGUAGE": "ko:en_US"}) == "ko"
    assert i18n.ui_language({"GALLEY_LANG": ""}) == __import__("PySide6.QtCore").QtCore.QLocale.system().name()


def test_english_plurals_without_a_catalogue():
    assert i18n.english_plural("1 error(s)", 1) == "1 error"
    assert i18n.english_plural("3 match(es)", 3) == "3 matches"
    assert i18n.english_plural("3개 오류", 3) == "3개 오류"


def test_a_diagnostic_is_shown_in_the_writers_language(qapp, tmp_path, clean_translators):
    from editor.core.validation.diagnostics import Diagnostic
    from editor.ui.problems.messages import shown_fix, shown_message

    template = "Title is {length} characters; keep it under {limit}."
    d = Diagnostic(rule="title-length", severity="warning", message=template.format(length=90, limit=70),
                   line=2, column=1, template=template, params=(("length", 90), ("limit", 70)),
                   fix="shorten it", fix_template="shorten it")
    assert shown_message(d) == "Title is 90 characters; keep it under 70."
    _compile(tmp_path, "galley_ko", "Diagnostics",
             {template: "제목이 {length}자입니다. {limit}자 아래로 줄이세요.", "shorten it": "줄이세요"})
    i18n.install_translations(qapp, "ko", catalogue_dirs=[tmp_path])
    assert shown_message(d) == "제목이 90자입니다. 70자 아래로 줄이세요."
    assert shown_fix(d) == "줄이세요"
    # No template (an older rule): the English message as it is.
    plain = Diagnostic(rule="x", severity="error", message="plain words", line=1, column=1)
    assert shown_message(plain) == "plain words"


def _pairs(ts_text: str) -> set[tuple[str, str]]:
    """{(context, source)} of the live messages of a .ts file (not the ones
    lupdate marked vanished or obsolete: the code no longer has them)."""
    found = set()
    for context in re.findall(r"<context>(.*?)</context>", ts_text, re.S):
        name = re.search(r"<name>(.*?)</name>", context).group(1)
        for message in re.findall(r"<message[^>]*>(.*?)</message>", context, re.S):
            if re.search(r'<translation[^>]*type="(?:vanished|obsolete)"', message):
                continue
            found.add((name, re.search(r"<source>(.*?)</source>", message, re.S).group(1)))
    return found


def test_the_committed_catalogue_holds_every_string_the_code_has(tmp_path):
    """A string added to the code without `make translations` would never reach a translator."""
    if not (BIN / "pyside6-lupdate").exists():
        pytest.skip("pyside6-lupdate is not installed next to this Python: cannot extract the strings")
    extracted = _pairs(_lupdate([ROOT / "editor"], tmp_path / "galley_ko.ts"))
    committed = _pairs((ROOT / "resources" / "i18n" / "galley_ko.ts").read_text(encoding="utf-8"))
    missing = sorted(extracted - committed)
    assert not missing, "run `make translations`; the catalogue lacks:\n" + "\n".join(
        f"{context}: {source}" for context, source in missing)


def test_lupdate_extracts_the_reading_hints_and_the_built_in_field_descriptions(tmp_path):
    import html

    from editor.core.post.readings import TEXTS
    from editor.core.site.schema import DEFAULT_FIELDS
    from editor.core.site.schema_sources import _HUGO_FIELDS, _JEKYLL_FIELDS

    messages = _messages(_lupdate([ROOT / "editor"], tmp_path / "galley_xx.ts"))
    assert set(TEXTS.values()) <= {html.unescape(s) for s in messages["Readings"]}
    descriptions = {f.description for f in (*DEFAULT_FIELDS, *_JEKYLL_FIELDS, *_HUGO_FIELDS) if f.description}
    assert descriptions and descriptions <= {html.unescape(s) for s in messages["Schema"]}


def test_a_reading_hint_is_shown_in_the_writers_language(qapp, tmp_path, clean_translators):
    from editor.core.post.readings import reading_hint as core_hint
    from editor.ui.front_matter.fields.readings import reading_hint

    english = "Read as the number 600 (YAML 1.1 base 60). Quote it to keep the text."
    assert core_hint("10:00", 600) == english          # what the CLI prints
    assert reading_hint("10:00", 600) == english       # no catalogue: the same English
    _compile(tmp_path, "galley_ko", "Readings", {
        "Read as {what} ({why}). {then}": "{what}(으)로 읽힙니다({why}). {then}",
        "the number {value!r}": "숫자 {value!r}",
        "{rules} base 60": "{rules} 60진법",
        "Quote it to keep the text.": "글자 그대로 두려면 따옴표로 감싸세요.",
    })
    i18n.install_translations(qapp, "ko", catalogue_dirs=[tmp_path])
    assert reading_hint("10:00", 600) == "숫자 600(으)로 읽힙니다(YAML 1.1 60진법). 글자 그대로 두려면 따옴표로 감싸세요."
    assert core_hint("10:00", 600) == english          # the core's own text stays English

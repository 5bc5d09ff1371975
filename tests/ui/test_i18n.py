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


# -- the Korean catalogue is complete -----------------------------------------

KO_TS = ROOT / "resources" / "i18n" / "galley_ko.ts"


def _live_messages(path: Path):
    """(context, source, [translations], translation element) of each live message."""
    import xml.etree.ElementTree as ET

    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            yield context.findtext("name"), message.findtext("source"), forms, translation


def _fields(text: str) -> list[str]:
    """The replacement fields ({name}, {value!r}, {seconds:.2f}), Qt's %-markers
    (%n, %Ln, %v, %m, %1) and markup tags of a message, sorted."""
    import string

    fields = [f"{{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}}"
              for _, name, spec, conv in string.Formatter().parse(text) if name is not None]
    return sorted(fields + re.findall(r"%L?[nvm0-9]", text) + re.findall(r"</?[a-z]+>", text))


def _accelerator(text: str) -> str | None:
    """The letter after a single `&` (the menu mnemonic), if any."""
    found = re.search(r"(?<!&)&([A-Za-z0-9])", text)
    return found.group(1).upper() if found else None


def test_every_message_has_a_finished_korean_translation_that_keeps_its_placeholders_and_accelerators():
    problems = []
    messages = list(_live_messages(KO_TS))
    assert len(messages) >= 400
    for context, source, forms, translation in messages:
        where = f"{context}: {source!r}"
        if translation.get("type") == "unfinished" or not all(forms):
            problems.append(f"{where}: not translated")
            continue
        for text in forms:
            if _fields(text) != _fields(source):
                problems.append(f"{where}: fields {_fields(source)} became {_fields(text)} in {text!r}")
            key = _accelerator(source)
            if key and _accelerator(text) != key:
                problems.append(f"{where}: the accelerator &{key} is lost in {text!r}")
            if source.endswith("…") != text.endswith("…"):
                problems.append(f"{where}: the trailing … (the command asks more) differs in {text!r}")
    assert not problems, "resources/i18n/galley_ko.ts (see docs/translating.md):\n" + "\n".join(problems)


def test_the_completeness_check_finds_a_lost_placeholder_and_a_lost_accelerator():
    assert _fields("Saved {name} with %n <b>x</b>") == ["%n", "</b>", "<b>", "{name}"]
    assert _fields("`{{% {tag} %}}` and {value!r} in {seconds:.2f} s") == ["{seconds:.2f}", "{tag}", "{value!r}"]
    assert _fields("{name} 저장함") != _fields("Saved {nmae}")
    assert _accelerator("Save &As…") == "A" and _accelerator("다른 이름으로 저장(&A)…") == "A"
    assert _accelerator("anchor &&x") is None and _accelerator("다른 이름으로 저장…") is None


# -- a wheel without .qm: the window reads the .ts ------------------------------

def test_without_a_qm_the_window_translates_from_the_ts(qapp, tmp_path, clean_translators):
    import shutil

    shutil.copy(KO_TS, tmp_path / "galley_ko.ts")
    loaded = i18n.install_translations(qapp, "ko_KR", catalogue_dirs=[tmp_path])
    assert loaded[0].endswith("galley_ko.ts")
    assert QCoreApplication.translate("Actions", "&File") == "파일(&F)"
    assert QCoreApplication.translate("Severity", "%n error(s)", None, 3) == "오류 3개"
    assert QCoreApplication.translate("Actions", "not in the catalogue") == "not in the catalogue"


def test_the_language_preference_sits_between_galley_lang_and_language(tmp_path):
    from editor.ui.settings import Settings

    settings = Settings.at(tmp_path / "settings.ini")
    assert settings.get("ui/language") == ""
    assert i18n.preferred_language(settings) == ""
    settings.set("ui/language", "ko")
    assert i18n.preferred_language(settings) == "ko"
    env = {"LANGUAGE": "de"}
    assert i18n.ui_language(env, preference="") == "de"
    assert i18n.ui_language(env, preference="ko") == "ko"
    assert i18n.ui_language({**env, "GALLEY_LANG": "en_US"}, preference="ko") == "en_US"


# -- the real window in Korean ------------------------------------------------

@pytest.fixture(scope="session")
def built_catalogues(tmp_path_factory):
    """The .qm as the build makes it (pyside6-lrelease), from the committed .ts."""
    lrelease = BIN / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed next to this Python: cannot build the .qm")
    out = tmp_path_factory.mktemp("i18n")
    subprocess.run([str(lrelease), "-silent", str(KO_TS), "-qm", str(out / "galley_ko.qm")], check=True)
    return out


# Words that stay as they are in Korean (names, formats, what the writer typed).
ALLOWED = {"Galley", "Git", "YAML", "TOML", "JSON", "Markdown", "Jekyll", "Hugo", "Zola", "Liquid", "kramdown",
           "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS +ZZZZ", "/assets/images/…", "CJK"}


def _english(text: str) -> bool:
    """Visible text that reads as English: two or more Latin letters in a row and no
    Hangul, once the allowed names, shortcuts and file names are taken out."""
    text = text.replace("&", "")
    for word in sorted(ALLOWED, key=len, reverse=True):  # YYYY-MM-DD HH:MM:SS +ZZZZ first
        text = text.replace(word, "")
    text = re.sub(r"\b(?:Ctrl|Shift|Alt|Meta|Esc|F\d+)\b", "", text)
    text = re.sub(r"\S+\.(?:md|markdown|html|toml|yml|yaml)\b", "", text)
    return bool(re.search(r"[A-Za-z]{2,}", text)) and not re.search(r"[\uac00-\ud7a3]", text)


def _chrome_texts(window):
    """(where, text) of every visible label, button, menu, action, placeholder,
    tooltip, tab and header of the window: the UI's own words, not the post's."""
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QGroupBox, QLabel, QLineEdit,
                                   QMenu, QTabBar, QWidget)

    found = []

    def menu(m, where):
        found.append((where, m.title()))
        for action in m.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            found.append((f"{where} > action", action.text()))
            found.append((f"{where} > {action.text()} tooltip", action.toolTip() if action.toolTip() != action.text().replace("&", "").rstrip("…") else ""))
            if action.menu():
                menu(action.menu(), f"{where} > {action.text()}")

    for action in window.menuBar().actions():
        if action.menu():
            menu(action.menu(), "menu")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, QMenu):
            continue
        name = f"{type(widget).__name__}({widget.objectName()})"
        found.append((f"{name} tooltip", widget.toolTip()))
        found.append((f"{name} accessible name", widget.accessibleName()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((name, widget.text()))
        if isinstance(widget, QLineEdit):
            found.append((f"{name} placeholder", widget.placeholderText()))
        if isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        if isinstance(widget, QTabBar):
            found += [(f"{name} tab", widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            from PySide6.QtCore import Qt

            model = widget.model()
            found += [(f"{name} header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                      for c in range(model.columnCount())]
        for action in widget.actions():
            if action.isVisible() and not action.isSeparator():
                found.append((f"{name} action", action.text()))
                found.append((f"{name} action tooltip", action.toolTip()))
    return [(where, text) for where, text in found if text]


@pytest.fixture
def korean_window(qapp, qtbot, settings, post, tmp_path, built_catalogues, monkeypatch):
    from editor.ui import launch

    monkeypatch.setenv("GALLEY_LANG", "ko")
    i18n.install_translations(qapp, catalogue_dirs=[built_catalogues], settings=settings)
    win = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.form_panel.form.held)
    yield win
    win.session.flush()
    win.session.new()
    win.close()
    win.deleteLater()
    i18n.remove_translations(qapp)


def test_the_real_window_under_galley_lang_ko_shows_no_english(korean_window, post):
    import yaml

    # The form's labels are the post's own keys (title, date, ...; "title *" once the
    # site's schema says it is required): the writer's words.
    keys = set(yaml.safe_load(post.read_text(encoding="utf-8").split("---")[1]))
    # A field's accessible name is its key too, capitalised ("Title").
    texts = [(where, text) for where, text in _chrome_texts(korean_window)
             if not (where == "QLabel()" and text.removesuffix(" *") in keys)
             and not (where.endswith("accessible name") and text.lower() in keys)]
    assert ("menu", "파일(&F)") in texts                 # the walk reaches the menus
    assert len(texts) > 50
    english = sorted({f"{where}: {text!r}" for where, text in texts if _english(text)})
    assert not english, "shown in English under GALLEY_LANG=ko (translate it, see docs/translating.md):\n" + \
        "\n".join(english)


def test_the_walk_finds_an_english_label_added_to_the_window(korean_window):
    from PySide6.QtWidgets import QLabel

    label = QLabel("Word count", korean_window.centralWidget())
    label.show()
    assert any(text == "Word count" and _english(text) for _, text in _chrome_texts(korean_window))
    assert not _english("파일(&F)") and not _english("Galley") and not _english("2024-03-05-hello.md · Ctrl+S")


def test_the_stored_language_preference_chooses_the_catalogue_at_start(qapp, tmp_path, built_catalogues,
                                                                         monkeypatch, clean_translators):
    from editor.ui.settings import Settings

    settings = Settings.at(tmp_path / "settings.ini")
    settings.set("ui/language", "ko")
    monkeypatch.delenv("GALLEY_LANG", raising=False)
    monkeypatch.setenv("LANGUAGE", "de")
    loaded = i18n.install_translations(qapp, catalogue_dirs=[built_catalogues], settings=settings)
    assert loaded[0].endswith("galley_ko.qm")
    assert QCoreApplication.translate("Actions", "&Help") == "도움말(&H)"
    i18n.remove_translations(qapp)
    monkeypatch.setenv("GALLEY_LANG", "en")
    assert not [p for p in i18n.install_translations(qapp, catalogue_dirs=[built_catalogues], settings=settings)
                if "galley" in p]
    assert QCoreApplication.translate("Actions", "&Help") == "&Help"

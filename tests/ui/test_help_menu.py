"""Help: the shortcuts sheet read from the menus, the user guide, About."""

from __future__ import annotations

import platform

from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QTextBrowser, QTreeWidget

import editor
from editor.ui.help import guide, shortcuts


def _sheet(window, qtbot):
    window.actions.shortcuts.trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    qtbot.waitExposed(dialog)
    tree = dialog.findChild(QTreeWidget, "shortcutsTree")
    found = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        for j in range(group.childCount()):
            found[group.child(j).text(0)] = group.child(j).text(1)
    dialog.close()
    return found


def test_the_sheet_lists_the_menus_commands_with_their_keys(window, qtbot):
    found = _sheet(window, qtbot)
    native = QKeySequence.SequenceFormat.NativeText
    assert found["Bold"] == window.actions.bold.shortcut().toString(native)
    assert found["Heading 2"] == "Ctrl+Alt+2"
    assert found["Preferences"] == "Ctrl+,"
    assert "Copy" in found and "Find" in found
    assert "Save As" in found  # "Save &As…": no mnemonic, no ellipsis


def test_the_sheet_follows_the_actions(window, qtbot):
    """Built from the actions themselves: a new command with keys shows up."""
    act = QAction("Brand New Command", window)
    act.setShortcut(QKeySequence("Ctrl+Alt+J"))
    window.menuBar().findChild(type(window.menuBar().actions()[0].menu()), "helpMenu").addAction(act)
    assert _sheet(window, qtbot)["Brand New Command"] == "Ctrl+Alt+J"


def test_user_guide_is_rendered_markdown(window, qtbot):
    window.actions.guide.trigger()
    dialog = window.findChild(QDialog, "guideDialog")
    qtbot.waitExposed(dialog)
    text = dialog.findChild(QTextBrowser, "guideText")
    html = text.toHtml()
    assert "galley.toml" in text.toPlainText()
    assert "**" not in text.toPlainText()  # Markdown was rendered, not shown
    assert "<pre" in html or "font-family" in html  # the code block
    dialog.close()


def test_guide_follows_the_language(tmp_path):
    (tmp_path / "guide.en.md").write_text("# en", encoding="utf-8")
    (tmp_path / "guide.ko.md").write_text("# ko", encoding="utf-8")
    assert guide.guide_path("ko_KR", [tmp_path]).name == "guide.ko.md"
    assert guide.guide_path("de_DE", [tmp_path]).name == "guide.en.md"
    assert guide.guide_path("", [tmp_path]).name == "guide.en.md"
    assert guide.guide_path("en", [tmp_path / "missing"]) is None


def test_the_english_guide_ships():
    assert guide.guide_path("en").name == "guide.en.md"


def test_about_shows_the_versions(window, qtbot):
    window.actions.about.trigger()
    box = window.findChild(QMessageBox, "aboutBox")
    qtbot.waitExposed(box)
    text = box.text()
    import PySide6

    for version in (editor.__version__, qVersion(), PySide6.__version__, platform.python_version()):
        assert version in text
    assert "MIT" in text
    box.close()


def test_sheet_rows_skip_mnemonics():
    assert shortcuts._plain("Save &As…") == "Save As"
    assert shortcuts._plain("Tags && Categories") == "Tags & Categories"


def test_the_korean_ui_shows_the_korean_guide(window, qtbot, monkeypatch):
    monkeypatch.setenv("GALLEY_LANG", "ko")
    window.actions.guide.trigger()
    dialog = window.findChild(QDialog, "guideDialog")
    qtbot.waitExposed(dialog)
    text = dialog.findChild(QTextBrowser, "guideText").toPlainText()
    assert "Galley 사용 설명서" in text
    assert "사이트 글 목록" in text and "galley.toml" in text
    assert "**" not in text
    dialog.close()


def _sections(path):
    """The guide's shape: headings, code blocks and the keys it names."""
    import re

    text = path.read_text(encoding="utf-8")
    return (text.count("\n## "), re.findall(r"```.*?```", text, re.S),
            re.findall(r"Ctrl\+[\w+]+", text), re.findall(r"`[^`\n]+`", text))


def test_the_korean_guide_translates_the_english_one_whole():
    """Same sections, the same code and commands, the same keys: a section
    added to the English guide and not to the Korean one fails here."""
    en, ko = guide.guide_path("en"), guide.guide_path("ko")
    assert ko.name == "guide.ko.md"
    en_shape, ko_shape = _sections(en), _sections(ko)
    assert ko_shape[0] == en_shape[0]
    assert ko_shape[1] == en_shape[1]
    assert ko_shape[2] == en_shape[2]
    assert sorted(ko_shape[3]) == sorted(en_shape[3])


def test_the_korean_guide_names_menus_as_the_korean_ui_does():
    import re
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "galley_ko.ts"
    shown = set()
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.findtext("translation") or ""
        shown.add(re.sub(r"\(&.\)|&|…", "", translation).strip())
    text = guide.guide_path("ko").read_text(encoding="utf-8")
    paths = re.findall(r"\*\*([^*]+▸[^*]+)\*\*", text)
    assert len(paths) >= 8
    for path in paths:
        for part in path.split("▸"):
            assert part.strip() in shown, f"{part.strip()!r} is not a Korean menu name"


def test_the_sheet_shows_both_columns_whole(window, qtbot):
    # A command as long as translated ones get (Korean menus are wider than English).
    act = QAction("사이트의 생성기로 미리 보기 그리고 아주 긴 이름의 명령 하나 더", window)
    act.setShortcut(QKeySequence("Ctrl+Alt+Shift+J"))
    window.menuBar().findChild(type(window.menuBar().actions()[0].menu()), "helpMenu").addAction(act)
    window.actions.shortcuts.trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    qtbot.waitExposed(dialog)
    tree = dialog.findChild(QTreeWidget, "shortcutsTree")
    # No column is cut: the keys' column ends inside the visible area.
    assert tree.columnViewportPosition(1) + tree.columnWidth(1) <= tree.viewport().width()
    dialog.close()

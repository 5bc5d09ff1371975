"""Fixtures for the window tests: one QApplication (pytest-qt's), real post files."""

from __future__ import annotations

import pytest

from editor.ui.settings import Settings

KOREAN_POST = """---
layout: post
title: "한국어 제목"
date: 2024-03-05 10:00:00 +0900
tags: [python, 개발]
---

# 안녕하세요

한국어로 쓴 첫 문단입니다. Some English words.

- 목록 하나
- 목록 둘
"""


@pytest.fixture
def settings(tmp_path):
    return Settings.at(tmp_path / "settings.ini")


@pytest.fixture
def post(tmp_path):
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Test site\n", encoding="utf-8")
    path = site / "_posts" / "2024-03-05-hello.md"
    path.write_bytes(KOREAN_POST.encode("utf-8"))
    return path


@pytest.fixture
def window(qtbot, settings, post, tmp_path):
    from editor.ui import launch

    win = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    # Not qtbot.addWidget: pytest-qt would close the window before this
    # fixture's teardown, and a window with unsaved changes asks (modal).
    qtbot.waitExposed(win)
    # The form fills in after the window's first paint (start-up shows the text first).
    qtbot.waitUntil(lambda: not win.form_panel.form.held)
    yield win
    win.session.flush()
    win.session.new()  # nothing unsaved: closing must not ask
    win.close()
    win.deleteLater()


def commit_text(widget, text: str, preedit_steps=()) -> None:
    """Type `text` the way a Korean IME does: optional preedit states, then a commit.

    QTest.keyClicks cannot type non-ASCII characters, and an IME never sends
    key events for Hangul anyway: it sends QInputMethodEvents.
    """
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for preedit in preedit_steps:
        QApplication.sendEvent(widget, QInputMethodEvent(preedit, []))
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_text(qtbot, widget, text: str) -> None:
    """Type mixed text: ASCII through key clicks, everything else through IME commits."""
    import re

    from PySide6.QtCore import Qt

    for chunk in re.findall(r"\n|[\x20-\x7e]+|[^\x20-\x7e\n]+", text):
        if chunk == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            commit_text(widget, chunk)

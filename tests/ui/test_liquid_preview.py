"""Liquid in the real window: the preview runs it as Jekyll does, a tag Jekyll stops on
shows as written and is a problem at its line."""

from tests.ui.test_preview import js, type_at_end_and_wait, wait_preview


def test_liquid_runs_in_the_preview_and_errors_become_problems(window, qtbot):
    view = wait_preview(qtbot, window)
    type_at_end_and_wait(qtbot, window, (
        "\n\n{% assign who = 'Kim' %}{% capture note %}by {{ who }}{% endcapture %}\n\n"
        "{% if page.title %}<p id='lq'>{{ note | upcase }} {{ 0 | default: 'x' }}</p>{% endif %}\n\n"
        "<p id='bad'>before {% tweet 1 %}</p>\n"))
    assert js(qtbot, view, "document.getElementById('lq').textContent") == "BY KIM 0"
    # Jekyll stops on an unknown tag: the preview shows it as written.
    assert js(qtbot, view, "document.getElementById('bad').textContent") == "before {% tweet 1 %}"
    problems = window.problems_panel
    qtbot.waitUntil(lambda: any(d.rule == "liquid-error" for d in problems.diagnostics), timeout=5000)
    found = next(d for d in problems.diagnostics if d.rule == "liquid-error")
    assert found.severity == "error"
    editor = window.body_editor
    line_text = editor.document().findBlockByNumber(found.line - editor.first_line).text()
    assert "{% tweet 1 %}" in line_text and line_text.index("{% tweet") + 1 == found.column
    assert found.message == "jekyll build stops: Unknown tag 'tweet'"

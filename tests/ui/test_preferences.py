"""Edit ▸ Preferences: each control applies at once and is stored."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDialog, QFontComboBox, QSpinBox



def _open(window, qtbot):
    window.actions.preferences.trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    qtbot.waitExposed(dialog)
    return dialog


def _pick(box: QComboBox, value: str) -> None:
    box.setCurrentIndex(box.findData(value))


def test_ctrl_comma_opens_it(window, qtbot):
    assert window.actions.preferences.shortcut().toString() in ("Ctrl+,", "")
    _open(window, qtbot).close()


def test_editor_font_and_size(window, settings, qtbot):
    dialog = _open(window, qtbot)
    current = window.body_editor.font().family()
    combo = dialog.findChild(QFontComboBox, "prefFont")
    family = next(combo.itemText(i) for i in range(combo.count()) if combo.itemText(i) != current)
    combo.setCurrentFont(QFont(family))
    dialog.findChild(QSpinBox, "prefFontSize").setValue(17)
    assert window.body_editor.font().pointSize() == 17
    assert window.body_editor.font().family() == QFont(family).family()
    assert settings.get("editor/font_size") == 17
    dialog.close()


def test_theme_applies_to_the_palette_and_the_menu(window, settings, qtbot):
    dialog = _open(window, qtbot)
    _pick(dialog.findChild(QComboBox, "prefTheme"), "dark")
    assert settings.get("theme") == "dark"
    assert QApplication.palette().window().color().lightness() < 128
    assert window.actions.themes["dark"].isChecked()
    _pick(dialog.findChild(QComboBox, "prefTheme"), "light")
    assert QApplication.palette().window().color().lightness() >= 128
    dialog.close()


def test_preview_theme(window, settings, qtbot):
    dialog = _open(window, qtbot)
    _pick(dialog.findChild(QComboBox, "prefPreviewTheme"), "dark")
    assert settings.get("preview/theme") == "dark" and window.preview_theme() == "dark"
    qtbot.waitUntil(lambda: window.services.preview is not None, timeout=20000)
    assert window.services.preview._theme == "dark"
    _pick(dialog.findChild(QComboBox, "prefPreviewTheme"), "auto")
    assert window.preview_theme() == "light"
    assert window.services.preview._theme == "light"
    dialog.close()


def test_site_stylesheet_and_remote_default_are_stored(window, settings, qtbot):
    dialog = _open(window, qtbot)
    qtbot.waitUntil(lambda: window.services.preview is not None, timeout=20000)
    dialog.findChild(QCheckBox, "prefSiteCss").setChecked(True)
    assert settings.get("preview/site_css") is True and window.services.preview.site_css
    dialog.findChild(QCheckBox, "prefRemote").setChecked(False)
    assert settings.get("preview/remote_default") is False
    dialog.close()


def test_autosave_interval_reaches_the_timer(window, settings, qtbot):
    qtbot.waitUntil(lambda: window.services.external_changes is not None, timeout=20000)
    dialog = _open(window, qtbot)
    dialog.findChild(QSpinBox, "prefAutosave").setValue(9)
    assert settings.get("recovery/interval_ms") == 9000
    assert window.services.external_changes.recovery._timer.interval() == 9000
    dialog.close()


def test_language_is_stored_for_the_next_start(window, settings, qtbot):
    dialog = _open(window, qtbot)
    box = dialog.findChild(QComboBox, "prefLanguage")
    _pick(box, "ko")
    assert settings.get("ui/language") == "ko"
    assert box.itemText(box.findData("ko")) == "한국어"
    dialog.close()


def test_preferences_are_read_at_start(settings, tmp_path, qtbot):
    from editor.ui import launch

    settings.set("editor/font_size", 15)
    settings.set("recovery/interval_ms", 5000)
    settings.set("view/format_toolbar", False)
    win = launch([], settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(win)
    try:
        assert win.body_editor.font().pointSize() == 15
        qtbot.waitUntil(lambda: win.services.external_changes is not None, timeout=20000)
        assert win.services.external_changes.recovery._timer.interval() == 5000
    finally:
        win.session.new()
        win.close()
        win.deleteLater()


def test_site_stylesheet_styles_the_preview(window, post, settings, qtbot):
    css = post.parent.parent / "_site" / "assets" / "css" / "style.css"
    css.parent.mkdir(parents=True)
    css.write_text("body { color: rgb(1, 2, 3); }", encoding="utf-8")
    qtbot.waitUntil(lambda: window.services.preview is not None
                    and window.services.preview._site is not None, timeout=20000)
    controller = window.services.preview
    shells = []
    controller.view.load_shell = lambda html, base, _orig=controller.view.load_shell: (
        shells.append(html), _orig(html, base))
    dialog = _open(window, qtbot)
    dialog.findChild(QCheckBox, "prefSiteCss").setChecked(True)
    assert shells and "rgb(1, 2, 3)" in shells[-1]
    dialog.findChild(QCheckBox, "prefSiteCss").setChecked(False)
    assert "rgb(1, 2, 3)" not in shells[-1]
    dialog.close()


def test_remote_content_default_for_a_site_never_chosen(settings, post, tmp_path, qtbot):
    from editor.ui import launch

    settings.set("preview/remote_default", False)
    win = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(win)
    try:
        qtbot.waitUntil(lambda: win.services.preview is not None and win.services.site.current is not None,
                        timeout=20000)
        qtbot.waitUntil(lambda: not win.actions.load_remote.isChecked(), timeout=5000)
        assert win.services.preview.block_remote
        win.actions.load_remote.trigger()  # the writer turns it on for this site: remembered
        assert str(post.parent.parent.resolve()) in settings.get("preview/remote") or \
            str(post.parent.parent) in settings.get("preview/remote")
    finally:
        win.session.new()
        win.close()
        win.deleteLater()

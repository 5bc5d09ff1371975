"""The Preferences dialog (Edit ▸ Preferences…, Ctrl+,).

Every control applies at once and is stored through editor.ui.settings: there
is no OK to forget. What cannot change while the window runs (the language)
says so. The window's own setters do the applying (MainWindow.set_theme,
apply_editor_font, ...), so a preference behaves exactly like its menu item.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFontComboBox, QFormLayout, QHBoxLayout, QLabel,
    QSpinBox, QVBoxLayout, QWidget,
)

#: Languages offered: the setting's value and the language's own name (never translated).
LANGUAGES = (("en", "English"), ("ko", "한국어"))


class PreferencesDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.window_, self.settings = window, window.settings
        s = self.settings

        self.font = QFontComboBox(objectName="prefFont")
        self.font.setAccessibleName(self.tr("Editor font"))
        family = s.get("editor/font") or QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        self.font.setCurrentFont(QFont(family))
        self.size = QSpinBox(objectName="prefFontSize", minimum=6, maximum=48, suffix=self.tr(" pt"))
        self.size.setAccessibleName(self.tr("Editor font size"))
        self.size.setValue(s.get("editor/font_size"))
        font_row = QWidget()
        row = QHBoxLayout(font_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.font, 1)
        row.addWidget(self.size)

        self.theme = self._choice("prefTheme", self.tr("Theme"), (
            ("auto", self.tr("Follow the system")), ("light", self.tr("Light")), ("dark", self.tr("Dark"))),
            s.get("theme"))
        self.preview_theme = self._choice("prefPreviewTheme", self.tr("Preview theme"), (
            ("auto", self.tr("Same as the window")), ("light", self.tr("Light")), ("dark", self.tr("Dark"))),
            s.get("preview/theme"))
        self.site_css = QCheckBox(self.tr("Style the fast preview with the site's own stylesheet"),
                                  objectName="prefSiteCss", checked=s.get("preview/site_css"))
        self.remote = QCheckBox(self.tr("Load remote images and media in the preview of a site opened "
                                        "for the first time"),
                                objectName="prefRemote", checked=s.get("preview/remote_default"))
        self.interval = QSpinBox(objectName="prefAutosave", minimum=1, maximum=600, suffix=self.tr(" s"))
        self.interval.setAccessibleName(self.tr("Recovery copy after"))
        self.interval.setValue(max(1, round(s.get("recovery/interval_ms") / 1000)))
        languages = (("", self.tr("System language")), *LANGUAGES)
        self.language = self._choice("prefLanguage", self.tr("Language"), languages, s.get("ui/language"))
        language_note = QLabel(self.tr("Applies at the next start."), objectName="prefLanguageNote")

        form = QFormLayout()
        form.addRow(self.tr("Editor &font:"), font_row)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("&Preview theme:"), self.preview_theme)
        form.addRow("", self.site_css)
        form.addRow("", self.remote)
        form.addRow(self.tr("&Recovery copy after:"), self.interval)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", language_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.font.currentFontChanged.connect(lambda _f: self._font_changed())
        self.size.valueChanged.connect(lambda _v: self._font_changed())
        self.theme.currentIndexChanged.connect(lambda _i: window.set_theme(self.theme.currentData()))
        self.preview_theme.currentIndexChanged.connect(
            lambda _i: window.set_preview_theme(self.preview_theme.currentData()))
        self.site_css.toggled.connect(window.set_preview_site_css)
        self.remote.toggled.connect(lambda on: s.set("preview/remote_default", on))
        self.interval.valueChanged.connect(lambda v: window.set_autosave_interval(v * 1000))
        self.language.currentIndexChanged.connect(lambda _i: s.set("ui/language", self.language.currentData()))

    def _choice(self, name: str, accessible: str, options, current: str) -> QComboBox:
        box = QComboBox(objectName=name)
        box.setAccessibleName(accessible)
        for value, text in options:
            box.addItem(text, value)
        box.setCurrentIndex(max(0, box.findData(current)))
        return box

    def _font_changed(self) -> None:
        family = self.font.currentFont().family()
        system = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        self.settings.set("editor/font", "" if family == system else family)
        self.settings.set("editor/font_size", self.size.value())
        self.window_.apply_editor_font()


def show(window) -> PreferencesDialog:
    dialog = PreferencesDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog

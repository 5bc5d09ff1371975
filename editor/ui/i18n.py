"""The UI's language: Galley's own catalogue and Qt's, loaded for the writer's locale.

Catalogues are `galley_<locale>.qm` in resources/i18n (built by `make
translations` from the .ts files there) and Qt's `qtbase_<locale>.qm` (the
standard buttons, the file dialog). A missing catalogue is normal: the
source strings are English, so English needs none, and a language nobody has
translated yet simply shows English.

Which language: `GALLEY_LANG` (one run in another language), then the
preference `ui/language` ("" follows the system, "en", "ko", ...), then
`LANGUAGE` (the GNU variable, first entry), then the system locale. It is
read once, at start: a changed preference applies at the next start.

A wheel built without PySide6 (an isolated build of the Qt-free base) ships
the .ts without its .qm: the window then translates from the .ts itself
(`editor.core.catalogue`, the reader `galley validate` uses), same texts.
"""

from __future__ import annotations

import os
from pathlib import Path

_HERE = Path(__file__).resolve().parents[1]
# resources/ is `editor/resources` in an installed wheel and at the top of a
# checkout (same lookup as the app icon's, without importlib.resources).
CATALOGUE_DIRS = (_HERE / "resources" / "i18n", _HERE.parent / "resources" / "i18n")

#: The translators installed by `install_translations` (kept alive here:
#: QCoreApplication does not own them).
_installed: list = []


def _first(value: str) -> str:
    return value.split(":")[0].strip().split(".")[0]


def ui_language(environ=os.environ, preference: str | None = None) -> str:
    """The locale name to load catalogues for ("ko_KR", "ko", "en_US", ...).

    `preference`: the `ui/language` setting (None or "": follow the system).
    """
    for value in (environ.get("GALLEY_LANG", ""), preference or "", environ.get("LANGUAGE", "")):
        if _first(value):
            return _first(value)
    from PySide6.QtCore import QLocale

    return QLocale.system().name()


def preferred_language(settings=None) -> str:
    """The `ui/language` preference ("" when unset or unreadable)."""
    try:
        if settings is None:
            from editor.ui.settings import Settings

            settings = Settings()
        return settings.get("ui/language")
    except (KeyError, RuntimeError):
        return ""


def install_translations(app=None, language: str | None = None, catalogue_dirs=None,
                         settings=None) -> list[str]:
    """Load and install the catalogues for `language` (default: `ui_language()`
    with the `ui/language` preference from `settings`, the stored ones if None).

    Returns the paths of the catalogues that loaded (none is fine). Call once
    after the QApplication exists and before widgets are built (a widget
    translates its texts when it is made). `catalogue_dirs`: where to look
    for galley_<locale>.qm (or .ts) instead of resources/i18n.
    """
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    app = app or QCoreApplication.instance()
    language = language or ui_language(preference=preferred_language(settings))
    locale = QLocale(language)
    loaded = []
    galley_dirs = [str(d) for d in (catalogue_dirs or CATALOGUE_DIRS) if Path(d).is_dir()]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directories in (("galley", galley_dirs), ("qtbase", [qt_dir])):
        for directory in directories:
            translator = QTranslator(app)
            # load(locale, ...) tries ko_KR, then ko: the closest catalogue wins.
            if translator.load(locale, name, "_", directory):
                break
        else:
            translator = _ts_translator(app, language, galley_dirs) if name == "galley" else None
            if translator is None:
                continue
        app.installTranslator(translator)
        _installed.append(translator)
        loaded.append(translator.filePath())
    return loaded


def _ts_translator(app, language: str, directories):
    """A translator over the .ts source when no .qm was built (see above)."""
    from PySide6.QtCore import QTranslator

    from editor.core.catalogue import catalogue

    found = catalogue(language, tuple(Path(d) for d in directories))
    if found is None or language.split("_")[0] == "en":
        return None

    class TsTranslator(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            text = found.translate(context, source)
            # Qt fills %n itself; a null string (None) tells it there is no
            # translation (an empty one would blank the text).
            return None if text is source else text

        def isEmpty(self):
            return not len(found)

        def filePath(self):
            return str(found.path)

        def language(self):
            return language

    return TsTranslator(app)


def remove_translations(app=None) -> None:
    """Uninstall what `install_translations` installed (tests, language switch)."""
    from PySide6.QtCore import QCoreApplication

    app = app or QCoreApplication.instance()
    while _installed:
        app.removeTranslator(_installed.pop())


def shown_text(text) -> str:
    """A core sentence in the writer's language: an `editor.core.post.texts.Text`
    (the reading hints, ...) is translated and filled in; any other text
    shows as it is."""
    shown = getattr(text, "shown", None)
    if shown is None:
        return text
    from PySide6.QtCore import QCoreApplication

    return shown(QCoreApplication.translate)


_ENGLISH_PLURAL = None


def english_plural(text: str, count: int) -> str:
    """Resolve "(s)"/"(es)" in an untranslated "%n file(s)" source text for `count`.

    Counted strings use Qt's numerus form (`translate(ctx, "%n file(s)", None,
    n)`), which a catalogue turns into the right form for each language. With
    no catalogue (English, the source language) the source text comes back as
    written; this picks the English form. Translated text has no "(s)", so it
    passes through unchanged.
    """
    global _ENGLISH_PLURAL
    if "(" not in text:
        return text
    if _ENGLISH_PLURAL is None:
        import re

        _ENGLISH_PLURAL = re.compile(r"\((e?s)\)")
    return _ENGLISH_PLURAL.sub("" if count == 1 else r"\1", text)

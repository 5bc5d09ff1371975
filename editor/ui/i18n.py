"""The UI's language: Galley's own catalogue and Qt's, loaded for the writer's locale.

Catalogues are `galley_<locale>.qm` in resources/i18n (built by `make
translations` from the .ts files there) and Qt's `qtbase_<locale>.qm` (the
standard buttons, the file dialog). A missing catalogue is normal: the
source strings are English, so English needs none, and a language nobody has
translated yet simply shows English.

`GALLEY_LANG` (then `LANGUAGE`, the GNU variable, first entry) overrides the
system locale, so a writer can run one program in another language.
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


def ui_language(environ=os.environ) -> str:
    """The locale name to load catalogues for ("ko_KR", "ko", "en_US", ...)."""
    for variable in ("GALLEY_LANG", "LANGUAGE"):
        value = environ.get(variable, "").split(":")[0].strip()
        if value:
            return value.split(".")[0]
    from PySide6.QtCore import QLocale

    return QLocale.system().name()


def install_translations(app=None, language: str | None = None, catalogue_dirs=None) -> list[str]:
    """Load and install the catalogues for `language` (default: `ui_language()`).

    Returns the paths of the catalogues that loaded (none is fine). Call once
    after the QApplication exists and before widgets are built (a widget
    translates its texts when it is made). `catalogue_dirs`: where to look
    for galley_<locale>.qm instead of resources/i18n.
    """
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    app = app or QCoreApplication.instance()
    locale = QLocale(language or ui_language())
    loaded = []
    galley_dirs = [str(d) for d in (catalogue_dirs or CATALOGUE_DIRS) if Path(d).is_dir()]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directories in (("galley", galley_dirs), ("qtbase", [qt_dir])):
        for directory in directories:
            translator = QTranslator(app)
            # load(locale, ...) tries ko_KR, then ko: the closest catalogue wins.
            if translator.load(locale, name, "_", directory):
                app.installTranslator(translator)
                _installed.append(translator)
                loaded.append(translator.filePath())
                break
    return loaded


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

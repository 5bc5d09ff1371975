"""Galley's translations read straight from the .ts catalogues, without Qt.

The window loads the compiled .qm through Qt; the CLI has no Qt (the base
package does not install PySide6), so `galley validate` reads the .ts source
(XML) that ships in the same folder. Only finished translations count: an
unfinished, vanished or obsolete message keeps its English source.

The language comes from the environment as gettext reads it (LANGUAGE, then
LC_ALL, LC_MESSAGES, LANG), with GALLEY_LANG first so a writer can run one
program in another language; "C" and "POSIX" mean the source language.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

_EDITOR = Path(__file__).resolve().parents[1]
# resources/ is `editor/resources` in an installed wheel and at the top of a checkout.
CATALOGUE_DIRS = (_EDITOR / "resources" / "i18n", _EDITOR.parent / "resources" / "i18n")

ENVIRONMENT = ("GALLEY_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def language_from_environment(environ=os.environ) -> str:
    """The locale name the environment asks for ("ko_KR", "ko", ...), "" for none."""
    for variable in ENVIRONMENT:
        value = environ.get(variable, "").split(":")[0].strip()
        if value:
            name = value.split(".")[0].split("@")[0]
            return "" if name in ("C", "POSIX") else name
    return ""


def candidates(language: str) -> list[str]:
    """Catalogue names to try for `language`, closest first: ko_KR, then ko."""
    if not language:
        return []
    names = [language]
    if "_" in language:
        names.append(language.split("_")[0])
    return names


class Catalogue:
    """The finished translations of one .ts file: (context, source) -> text.

    A numerus message keeps its forms; Korean (like Japanese and Chinese) has
    one, which is the one `translate` returns for every count.
    """

    def __init__(self, path: Path, messages: dict[tuple[str, str], list[str]]) -> None:
        self.path = path
        self._messages = messages

    def __len__(self) -> int:
        return len(self._messages)

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key in self._messages

    def translate(self, context: str, source: str, n: int = -1) -> str:
        """The translation of `source`, or `source` itself; `%n` is filled with `n`."""
        forms = self._messages.get((context, source))
        text = forms[0] if forms else source
        return text.replace("%n", str(n)) if n >= 0 else text

    @classmethod
    def read(cls, path: Path) -> "Catalogue":
        import xml.etree.ElementTree as ET

        messages: dict[tuple[str, str], list[str]] = {}
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
                    continue
                forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
                if any(forms):
                    messages[(name, message.findtext("source", ""))] = forms
        return cls(path, messages)


@lru_cache(maxsize=8)
def catalogue(language: str, directories: tuple[Path, ...] = CATALOGUE_DIRS) -> Catalogue | None:
    """The catalogue for `language` (galley_ko_KR.ts, else galley_ko.ts), or None
    (English, or a language nobody has translated yet). Read once per run."""
    for name in candidates(language):
        for directory in directories:
            path = Path(directory) / f"galley_{name}.ts"
            if path.is_file():
                try:
                    return Catalogue.read(path)
                except (OSError, SyntaxError):  # ElementTree's ParseError is a SyntaxError
                    return None
    return None


def current(environ=os.environ) -> Catalogue | None:
    """The catalogue the environment's language asks for (None: English)."""
    return catalogue(language_from_environment(environ))


def shown(catalogue_: Catalogue | None, context: str, template: str, params, fallback: str) -> str:
    """A core template translated and filled in with `params`; `fallback` (the
    English text as made) without a catalogue, a template, or when the
    translation names a parameter the template lacks."""
    if catalogue_ is None or not template:
        return fallback
    text = catalogue_.translate(context, template)
    if text is template:
        return fallback
    try:
        return text.format(**dict(params or ()))
    except (KeyError, IndexError, ValueError):
        return fallback

"""Sentences the window shows translated and the CLI prints in English.

A `Text` is a `str` (its English, so the CLI, JSON and comparisons see plain
text) that also keeps its template, the template's translation context and
the parameters, so the window can translate the template and fill it in
(`Text.shown`). A parameter may itself be a Text, translated the same way.

Templates are marked with `QT_TRANSLATE_NOOP(context, ...)`, a no-op here, so
`pyside6-lupdate` finds them without the core importing Qt. lupdate reads
only string literals: write each template whole in a catalogue.
"""

from __future__ import annotations

from typing import Any, Callable

__all__ = ["QT_TRANSLATE_NOOP", "Text"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for extraction into the catalogue under `context`; returns it unchanged."""
    return text


class Text(str):
    """English text made from `template` (a `str.format` string) and `params`."""

    context: str
    template: str
    params: dict[str, Any]

    def __new__(cls, context: str, template: str, **params: Any) -> "Text":
        self = super().__new__(cls, template.format(**params))
        self.context, self.template, self.params = context, template, params
        return self

    def shown(self, translate: Callable[[str, str], str]) -> str:
        """The text in another language: `translate(context, template)` filled
        with the parameters (Texts among them shown the same way). A
        translation that names a parameter the template lacks gives the English."""
        values = {k: v.shown(translate) if isinstance(v, Text) else v for k, v in self.params.items()}
        for template in (translate(self.context, self.template), self.template):
            try:
                return template.format(**values)
            except (KeyError, IndexError, ValueError):
                continue
        return str(self)

    def __reduce__(self):  # pickles (worker processes) as what it is
        return (_text, (self.context, self.template, self.params))


def _text(context: str, template: str, params: dict[str, Any]) -> Text:
    return Text(context, template, **params)

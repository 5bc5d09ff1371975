"""One editor widget per front-matter field type (the form's entry point).

Every widget keeps the contract of editor.ui.front_matter.fields.base.FieldWidget:
`set_value(value, written)` from the model (emits nothing, leaves the caret
of a box that already shows the value alone), `valueEdited(object)` for the
writer's own edits (a plain value, an AsWritten, or REMOVE), `set_problem`
and `set_read_only`. The widgets live in editor.ui.front_matter.fields, one module per
kind of box; this module picks one for a field.

What a box shows is the value as the file writes it (`written`): numbers,
dates and values the generator reads differently from how they look are
edited as text (AsWritten), so the core keeps the entry's own style and the
writer sees what the file says.
"""

from __future__ import annotations

import datetime as dt

from editor.ui.front_matter.fields.base import PLACEHOLDER_MAX, REMOVE, FieldWidget, show_text
from editor.ui.front_matter.fields.choice import BoolField, ChoiceField
from editor.ui.front_matter.fields.date import DateField
from editor.ui.front_matter.fields.image import ImageField, looks_like_image
from editor.ui.front_matter.fields.lists import TagsField
from editor.ui.front_matter.fields.number import NumberField
from editor.ui.front_matter.fields.text import LineField, TextField

__all__ = [
    "REMOVE", "FieldWidget", "show_text", "make_field_widget",
    "LineField", "TextField", "NumberField", "DateField", "ChoiceField", "BoolField", "TagsField",
    "ImageField",
]

def make_field_widget(key: str, ftype: str, value, *, written=None, choices=(), vocabulary=(),
                      site_root=None, default=None, description="") -> FieldWidget:
    """The widget for a schema field type (or a guess from the value for
    unknown keys), showing `value` (as `written` in the file, when given).

    The file wins over the schema where they disagree: a value with a line
    break gets a multi-line box whatever the schema says, and a value of
    another type than the schema's (a quoted `published: "no"`) gets a text
    box that shows it as it is, rather than a box that cannot hold it.
    """
    hint = description if description and len(description) <= PLACEHOLDER_MAX else ""
    widget = _make(key, ftype, value, written, choices, vocabulary, site_root, default, hint)
    if description:
        widget.setToolTip(description)
    widget.set_value(value, written)
    return widget


def _make(key, ftype, value, written, choices, vocabulary, site_root, default, hint) -> FieldWidget:
    if isinstance(value, str) and "\n" in value or ftype in ("text", "markdown"):
        if value is None or isinstance(value, str):
            return TextField(key, markdown=ftype == "markdown", placeholder=hint)
    if ftype == "boolean" and (value is None or isinstance(value, bool)):
        return BoolField(key, default=default)
    if ftype == "number" and (value is None or _is_number(value)):
        return NumberField(key, placeholder=hint)
    if ftype == "choice" and choices:
        return ChoiceField(key, choices, placeholder=hint)
    if ftype in ("date", "datetime") and (value is None or isinstance(value, (dt.date, str))):
        return DateField(key, with_time=_with_time(ftype, value, written), placeholder=hint)
    if ftype == "list" and (value is None or isinstance(value, str) or _scalar_list(value)):
        return TagsField(key, vocabulary, placeholder=hint)
    if ftype == "image" and (value is None or isinstance(value, str)) or \
            ftype in ("string", "url") and looks_like_image(value, key):
        return ImageField(key, site_root, placeholder=hint)
    if _scalar_list(value):
        return TagsField(key, vocabulary, placeholder=hint)
    return LineField(key, placeholder=hint)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _scalar_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool)
                                           for v in value)


def _with_time(ftype: str, value, written) -> bool:
    if isinstance(value, dt.datetime):
        return True
    if isinstance(value, dt.date):
        return False
    text = written if written is not None else value
    if isinstance(text, str) and text.strip():
        return ":" in text
    return ftype == "datetime"

"""The front-matter form: one widget per field, generated from the site schema.

Fields the schema declares come first, in its order; keys the file has that
the schema doesn't know go under "Other fields", still editable (widget chosen
from the value's type). Objects become nested groups (`field:image.alt`).
Every edit goes through `doc.set(path, value)`, the lossless model, so saving
changes only the lines of the edited fields.

The form listens to the Document: when the front matter changes elsewhere (Raw
mode, revert), values are refreshed in place, or the form is rebuilt when the
set of keys changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from editor.ui.qt_compat import emit
from editor.ui.severity import COLORS, field_mark

if TYPE_CHECKING:
    from editor.ui.field_widgets import FieldWidget

Path_ = tuple  # a key path, e.g. ("image", "alt")

# editor.ui.field_widgets (its Qt classes and their enums, ~3 ms) and html
# (~1.5 ms) are imported where fields are made: a held form (start-up) makes
# none before the first paint.


class FrontMatterForm(QScrollArea):
    #: A field widget was created or the form rebuilt; carries nothing. Tests
    #: and the problems marks use it to find `field:<key>` widgets again.
    rebuilt = Signal()

    def __init__(self, session, parent: QWidget | None = None, held: bool = False) -> None:
        """`held`: build no fields until `release()` (start-up: the window's
        first paint shows the post's text without waiting for the front
        matter to be parsed and its ~20 widgets made)."""
        super().__init__(parent)
        self.setObjectName("frontMatterForm")
        self.setAccessibleName("frontMatterForm")
        self.setWidgetResizable(True)
        self._session = session
        self._schema = None
        self._vocabulary: dict[str, list[str]] = {}
        self._site_root = None
        self._widgets: dict[Path_, FieldWidget] = {}
        self._labels: dict[Path_, QLabel] = {}
        self._shape = None  # the key structure the form was built for
        self._editing = False  # True while pushing our own edit into the model
        self._held = held
        self._stale = True  # fields not built for the current document yet
        session.documentReplaced.connect(lambda _doc: self.rebuild())
        session.changed.connect(self._on_changed)
        self.rebuild()

    @property
    def held(self) -> bool:
        """True until `release()` when built with `held=True`."""
        return self._held

    def release(self) -> None:
        """Build the fields held back since construction (idempotent)."""
        self._held = False
        if self._stale:
            self.rebuild()

    # -- inputs from the composition root ----------------------------------------

    def set_schema(self, schema, vocabulary: dict[str, list[str]] | None = None, site_root=None) -> None:
        self._schema = schema
        self._vocabulary = vocabulary or {}
        self._site_root = site_root
        self.rebuild()

    def widget_for(self, key: str | tuple) -> FieldWidget | None:
        path = tuple(key.split(".")) if isinstance(key, str) else tuple(key)
        return self._widgets.get(path)

    def set_marks(self, marks: dict[str, tuple[str, str]]) -> None:
        """Show problems beside fields: {dotted key: (severity, message)}."""
        import html

        for path, label in self._labels.items():
            key = ".".join(map(str, path))
            base = label.property("baseText")
            if key in marks:
                severity, message = marks[key]
                label.setText(f"{html.escape(base)} {field_mark(severity)}")
                label.setToolTip(message)
            else:
                label.setText(html.escape(base))
                label.setToolTip("")

    # -- building ------------------------------------------------------------------

    def rebuild(self) -> None:
        if self._held:
            self._stale = True
            return
        self._stale = False
        doc = self._session.document
        data = doc.front_matter
        self._widgets.clear()
        self._labels.clear()
        self._shape = _shape_of(data)
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(8, 8, 8, 8)
        error = doc.front_matter_error
        if error is not None:
            warn = QLabel(f"The front matter does not parse (line {error.line}): {error.message}\n"
                          "Fix it in Raw mode.", wordWrap=True, objectName="frontMatterError",
                          textFormat=Qt.TextFormat.PlainText)
            # (Qt style sheets draw no border from the `border-left` shorthand alone.)
            warn.setStyleSheet("QLabel { border-width: 0 0 0 3px; border-style: solid; "
                               f"border-color: {COLORS['error']}; padding-left: 6px; }}")
            outer.addWidget(warn)
        form = _form_layout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)
        known = []
        for field in getattr(self._schema, "fields", ()) or ():
            known.append(field.name)
            self._add(form, (field.name,), field, data.get(field.name))
        others = [k for k in data if k not in known]
        if self._schema is None:  # no schema yet (start-up): the file's keys, plainly
            for key in others:
                self._add(form, (key,), None, data[key])
            others = []
        if others:
            box = QGroupBox("Other fields", objectName="otherFields")
            other_form = _form_layout(box)
            for key in others:
                self._add(other_form, (key,), None, data[key])
            outer.addWidget(box)
        outer.addStretch()
        self.setWidget(page)
        emit(self.rebuilt)

    def _add(self, form: QFormLayout, path: Path_, field, value) -> None:
        import html

        from editor.ui.field_widgets import make_field_widget, type_of_value

        ftype = field.type if field is not None else type_of_value(value)
        name = path[-1]
        base = str(name) + (" *" if field is not None and field.required else "")
        # Rich text, always escaped: set_marks adds a coloured dot, and a key
        # such as `<b>` must show as itself.
        label = QLabel(html.escape(base), textFormat=Qt.TextFormat.RichText)
        label.setProperty("baseText", base)
        if field is not None and field.description:
            label.setToolTip(field.description)
        self._labels[path] = label
        if ftype == "object" or isinstance(value, dict):
            box = QGroupBox(objectName="field:" + ".".join(map(str, path)))
            sub = _form_layout(box)
            subfields = {f.name: f for f in getattr(field, "fields", ()) or ()}
            values = value if isinstance(value, dict) else {}
            keys = list(subfields) + [k for k in values if k not in subfields]
            for key in keys:
                self._add(sub, path + (key,), subfields.get(key), values.get(key))
            if not keys:  # an object the schema knows nothing inside, absent here: say so
                sub.addRow(QLabel("Not set in this post: add it in Raw mode.", objectName="emptyObject",
                                  wordWrap=True))  # wrapped: it must not widen the form
            form.addRow(label, box)
            return
        if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
            note = QLabel("A list of objects — edit it in Raw mode.", objectName="field:" + ".".join(map(str, path)))
            form.addRow(label, note)
            return
        widget = make_field_widget(
            ".".join(map(str, path)), ftype, value,
            choices=getattr(field, "choices", ()) or (),
            vocabulary=self._vocabulary.get(str(name), ()),
            site_root=self._site_root,
            default=getattr(field, "default", None),
        )
        widget.set_value(value)
        widget.valueEdited.connect(lambda v, p=path: self._edited(p, v))
        label.setBuddy(widget)
        self._widgets[path] = widget
        form.addRow(label, widget)

    # -- model <-> widgets ---------------------------------------------------------

    def _edited(self, path: Path_, value) -> None:
        doc = self._session.document
        self._editing = True
        try:
            if value in ("", [], None) and doc.get(path, None) is None:
                return  # typing into an absent field and clearing it again: leave the file alone
            doc.set(path, value)
        finally:
            self._editing = False

    def _on_changed(self, change) -> None:
        if getattr(change, "part", None) != "front_matter" or self._editing:
            return
        if self._held:
            self._stale = True
            return
        data = self._session.document.front_matter
        if _shape_of(data) != self._shape or self._session.document.front_matter_error is not None:
            self.rebuild()
            return
        for path, widget in self._widgets.items():
            widget.set_value(_get(data, path))


def _form_layout(parent: QWidget | None = None) -> QFormLayout:
    """Label beside field while they fit, the label above it once the pane is
    narrower (the posts list beside a 1300 px window left the form 236 px for
    a date field that needs 163 beside its label: it scrolled sideways)."""
    form = QFormLayout(parent)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def _get(data, path):
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _shape_of(data) -> tuple:
    """Keys (recursively) and value kinds: the form is rebuilt when this changes."""
    from editor.ui.field_widgets import type_of_value

    if not isinstance(data, dict):
        return ()
    return tuple((k, _shape_of(v) if isinstance(v, dict) else type_of_value(v)) for k, v in data.items())

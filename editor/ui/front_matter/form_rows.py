"""The form's rows, updated in place.

A RowSet is one QFormLayout of rows (the top level, an object's group, a
list item's group). `sync(specs)` makes it show the plan (editor.ui.front_matter.form_plan):
rows for the same key path are kept and updated, new ones are made, gone
ones removed, and the layout is reordered only when the order changed.
A row that holds the keyboard focus is never replaced or removed: if its
kind must change (or its key went away), that waits until focus leaves it
(the host is told, and syncs again then).

The rows talk to their host (the FrontMatterForm) through a few methods:
make_widget, edited, written, sharing, add_key, add_item, remove_item,
key_entries, register / unregister.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from editor.ui.front_matter.add_field import AddFieldControl
from editor.ui.front_matter.form_plan import LIST, OBJECT, SCALAR, item_keys

# Explicit contexts, not self.tr: PySide names the context after the runtime
# class, so a subclass would look its strings up under a name lupdate never wrote.
translate = QCoreApplication.translate


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    """Label beside field while they fit, the label above it once the pane is
    narrower (the posts list beside a 1300 px window left the form 236 px for
    a date field that needs 163 beside its label: it scrolled sideways)."""
    form = QFormLayout(parent)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _has_focus(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


class SharedNote:
    """The "Shared with …" line under a value that YAML anchors share, made
    when a value first needs it: a label with a style sheet under every row
    cost the form's first build ~5 ms (Qt's style-sheet style), for the few
    posts that use anchors at all."""

    def __init__(self, layout, before=None) -> None:
        self._layout = layout
        self._before = before  # the widget the line goes above, if any
        self.label: QLabel | None = None

    def show(self, sharing) -> None:
        if sharing is None:
            if self.label is not None:
                self.label.hide()
            return
        from editor.ui.front_matter.shared_value_prompt import sharing_note

        if self.label is None:
            self.label = QLabel(objectName="sharedNote", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
            self.label.setStyleSheet("QLabel { color: palette(placeholder-text); }")
            at = self._layout.indexOf(self._before()) if self._before is not None else -1
            self._layout.insertWidget(at, self.label)
        self.label.setText(sharing_note(sharing))
        self.label.show()


def tab_stops(widget: QWidget) -> list[QWidget]:
    """The widgets inside `widget` that Tab stops at, in the order they were made."""
    # (Not the popups of a combo box or a completer: windows of their own.)
    return [w for w in widget.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
            and not w.isWindow() and w.window() is widget.window()]


def description_text(spec) -> str:
    """A field's description as shown: the built-in schema's sentences are in
    the catalogue (context "Schema"); a site's own description has no
    translation and shows as written."""
    text = spec.description
    return translate("Schema", text) if text else ""


def label_text(spec) -> str:
    name = spec.path[-1]
    if isinstance(name, int):
        return f"{name + 1}."
    return str(name) + (" *" if getattr(spec.field, "required", False) else "")


def accessible_label(spec) -> str:
    """The field's name as a screen reader says it: the key the label shows,
    its underscores, hyphens and camel humps as spaces, with a capital
    ("feature_image" and "featureImage": "Feature image"); a list's item by
    its number."""
    name = spec.path[-1]
    if isinstance(name, int):
        return translate("FormRow", "Item {number}").format(number=name + 1)
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z][a-z])", " ", str(name))
    words = re.sub(r"[_\-\s]+", " ", words).strip() or str(name)
    words = " ".join(w if w.isupper() else w.lower() for w in words.split(" "))
    return words[:1].upper() + words[1:]


def accessible_description(spec) -> str:
    """Whether the field is required, and its help."""
    parts = [translate("FormRow", "Required.")] if getattr(spec.field, "required", False) else []
    if description_text(spec):
        parts.append(description_text(spec))
    return " ".join(parts)


class Row:
    """One key: a label and what goes in the field column."""

    kind = ""

    def __init__(self, host, spec) -> None:
        self.host, self.path = host, spec.path
        # Rich text, always escaped: set_marks adds a coloured dot, and a key
        # such as `<b>` must show as itself.
        self.label = QLabel(textFormat=Qt.TextFormat.RichText)
        self.label.setProperty("baseText", label_text(spec))
        self.label.setText(html.escape(label_text(spec)))
        self.present = True
        host.register_label(self.path, self.label)

    # -- what subclasses provide --
    @property
    def field_item(self) -> QWidget:
        raise NotImplementedError

    def accepts(self, spec) -> bool:
        return spec.kind == self.kind

    def update(self, spec, source=None) -> None:
        base = label_text(spec)
        if self.label.property("baseText") != base:
            self.label.setProperty("baseText", base)
            self.label.setText(html.escape(base))
        self.label.setProperty("help", description_text(spec))
        self._show_absent(not spec.present, spec)

    def _show_absent(self, absent: bool, spec) -> None:
        """An absent key's row is dimmed: the label greyed and in italics."""
        self.present = not absent
        font = self.label.font()
        if font.italic() != absent:
            font.setItalic(absent)
            self.label.setFont(font)
        self.label.setEnabled(not absent)
        self.field_item.setProperty("absent", absent)

    def has_focus(self) -> bool:
        return _has_focus(self.field_item)

    def focus_widgets(self) -> list[QWidget]:
        return [self.field_item]

    def set_read_only(self, read_only: bool) -> None:
        pass

    def dispose(self) -> None:
        self.host.unregister(self.path)
        for w in (self.label, self.field_item):
            w.hide()
            w.deleteLater()


class ScalarRow(Row):
    kind = SCALAR

    def __init__(self, host, spec) -> None:
        super().__init__(host, spec)
        self._kind = spec.widget_kind() + host.widget_inputs(spec)
        self.container = QWidget(objectName="row:" + spec.key)
        lay = QVBoxLayout(self.container)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.widget = host.make_widget(spec)
        self.widget.valueEdited.connect(lambda value: self.host.edited(self.path, value, self.widget))
        lay.addWidget(self.widget)
        self.note = SharedNote(lay)
        self.label.setBuddy(self.widget)
        self.widget.set_accessible_label(accessible_label(spec), accessible_description(spec))
        host.register_widget(self.path, self.widget)

    @property
    def field_item(self) -> QWidget:
        return self.container

    def accepts(self, spec) -> bool:
        return spec.kind == SCALAR and spec.widget_kind() + self.host.widget_inputs(spec) == self._kind

    def update(self, spec, source=None) -> None:
        super().update(spec, source)
        if spec.path != source:  # the widget that sent the edit already shows what was typed
            self.widget.set_value(spec.value, written=self.host.written(spec) if spec.present else None)
        self.widget.set_vocabulary(self.host.vocabulary(spec))
        self.widget.set_description(description_text(spec))
        self.note.show(self.host.sharing(spec) if spec.present else None)
        self.container.setToolTip(description_text(spec))
        self.widget.set_accessible_label(accessible_label(spec), accessible_description(spec))

    def focus_widgets(self) -> list[QWidget]:
        return tab_stops(self.widget)

    def set_read_only(self, read_only: bool) -> None:
        self.widget.set_read_only(read_only)


class _Group(Row):
    """A QGroupBox in the field column (an object, a list)."""

    def __init__(self, host, spec) -> None:
        super().__init__(host, spec)
        self.box = QGroupBox(objectName="field:" + spec.key)
        self.box.setAccessibleName(accessible_label(spec))
        self.box.setFlat(False)
        self.outer = QVBoxLayout(self.box)
        self.outer.setContentsMargins(6, 6, 6, 6)

    @property
    def field_item(self) -> QWidget:
        return self.box


class ObjectRow(_Group):
    """A map: a group of rows, the post's keys then the absent ones the schema knows, and
    "Add field…" for any other key."""

    kind = OBJECT

    def __init__(self, host, spec) -> None:
        super().__init__(host, spec)
        self.rows = RowSet(host, self.outer)
        self.note = SharedNote(self.outer, before=lambda: self.add)
        self.add = AddFieldControl(name="addField:" + spec.key)
        self.add.set_owner(accessible_label(spec))
        self.add.keyChosen.connect(lambda key: self.host.add_key(self.path, key))
        self.outer.addWidget(self.add)

    def update(self, spec, source=None) -> None:
        super().update(spec, source)
        self.rows.sync(spec.children, source)
        shown = {c.path[-1] for c in spec.children}
        self.add.set_keys(self.host.key_entries(self.path), exclude=shown)
        self.note.show(self.host.sharing(spec) if spec.present else None)

    def focus_widgets(self) -> list[QWidget]:
        return self.rows.focus_widgets() + tab_stops(self.add)

    def set_read_only(self, read_only: bool) -> None:
        self.rows.set_read_only(read_only)
        self.add.setEnabled(not read_only)

    def dispose(self) -> None:
        self.rows.dispose()
        super().dispose()


class ItemGroup(QGroupBox):
    """One item of a list of maps: its fields, "Add field…" and "Remove item"."""

    def __init__(self, host, item) -> None:
        super().__init__(objectName="item:" + ".".join(map(str, item.path)))
        self.host, self.path = host, item.path
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        self.rows = RowSet(host, lay)
        bottom = QHBoxLayout()
        self.add = AddFieldControl(name="addField:" + ".".join(map(str, item.path)))
        self.add.keyChosen.connect(lambda key: self.host.add_key(self.path, key))
        self.remove = QPushButton(translate("ItemGroup", "Remove item"), objectName="removeItemButton")
        self.remove.setAutoDefault(False)
        self.remove.clicked.connect(lambda: self.host.remove_item(self.path, self._pending))
        bottom.addWidget(self.add)
        bottom.addStretch()
        bottom.addWidget(self.remove)
        lay.addLayout(bottom)
        self._pending = item.pending

    def update(self, item, source=None) -> None:
        self._pending = item.pending
        number = item.path[-1] + 1
        self.setTitle(translate("ItemGroup", "Item {number} (new)").format(number=number) if item.pending
                      else translate("ItemGroup", "Item {number}").format(number=number))
        self.add.set_owner(self.title())
        self.remove.setAccessibleName(translate("ItemGroup", "Remove item {number}").format(number=number))
        self.rows.sync(item.rows, source)
        is_map = any(r.path != item.path for r in item.rows) or not item.rows
        self.add.setVisible(is_map)
        if is_map:
            self.add.set_keys(self.host.key_entries(self.path), exclude={r.path[-1] for r in item.rows})


class ListRow(_Group):
    """A list that holds maps: one group per item, "Add item" below."""

    kind = LIST

    def __init__(self, host, spec) -> None:
        super().__init__(host, spec)
        self.items: dict[tuple, ItemGroup] = {}
        self.order: list[ItemGroup] = []
        self.items_layout = QVBoxLayout()
        self.items_layout.setContentsMargins(0, 0, 0, 0)
        self.outer.addLayout(self.items_layout)
        self.add_item = QPushButton(translate("ListRow", "Add item"), objectName="addItemButton")
        self.add_item.setAutoDefault(False)
        self.add_item.clicked.connect(self._add_item)
        row = QHBoxLayout()
        row.addWidget(self.add_item)
        row.addStretch()
        self.outer.addLayout(row)
        self._value = spec.value

    def _add_item(self) -> None:
        self.host.add_item(self.path, item_keys(self._value if isinstance(self._value, list) else []))

    def update(self, spec, source=None) -> None:
        super().update(spec, source)
        self._value = spec.value
        wanted = []
        for item in spec.items:
            group = self.items.get(item.path)
            if group is None:
                group = self.items[item.path] = ItemGroup(self.host, item)
            group.update(item, source)
            wanted.append(group)
        for path, group in list(self.items.items()):
            if group not in wanted:
                if _has_focus(group):  # removed elsewhere while being edited: wait
                    self.host.defer()
                    wanted.append(group)
                    continue
                del self.items[path]
                group.rows.dispose()
                group.hide()
                group.deleteLater()
        if wanted != self.order:
            for group in self.order:
                self.items_layout.removeWidget(group)
            for group in wanted:
                self.items_layout.addWidget(group)
            self.order = wanted
            self.host.structure_changed()
        self.add_item.setEnabled(not any(i.pending for i in spec.items) and not self.host.read_only)

    def focus_widgets(self) -> list[QWidget]:
        out = []
        for group in self.order:
            out += group.rows.focus_widgets() + tab_stops(group.add) + [group.remove]
        return out + [self.add_item]

    def set_read_only(self, read_only: bool) -> None:
        for group in self.order:
            group.rows.set_read_only(read_only)
            group.add.setEnabled(not read_only)
            group.remove.setEnabled(not read_only)
        self.add_item.setEnabled(not read_only)

    def dispose(self) -> None:
        for group in self.order:
            group.rows.dispose()
        super().dispose()


ROW_CLASSES = {SCALAR: ScalarRow, OBJECT: ObjectRow, LIST: ListRow}


class RowSet:
    """The rows of one QFormLayout, kept in the plan's order."""

    def __init__(self, host, parent_layout) -> None:
        self.host = host
        self.form = form_layout()
        parent_layout.addLayout(self.form)
        self.rows: dict[tuple, Row] = {}
        self.order: list[Row] = []

    def sync(self, specs, source=None) -> None:
        wanted: list[Row] = []
        for spec in specs:
            row = self.rows.get(spec.path)
            if row is not None and not row.accepts(spec):
                if row.has_focus():  # never under the writer's hands: once focus leaves it
                    self.host.defer()
                    wanted.append(row)
                    continue
                self._drop(row)
                row = None
            if row is None:
                row = self.rows[spec.path] = ROW_CLASSES[spec.kind](self.host, spec)
                row.set_read_only(self.host.read_only)
            row.update(spec, source)
            wanted.append(row)
        for row in list(self.order):
            if row not in wanted and self.rows.get(row.path) is row:
                if row.has_focus():  # its key went away (elsewhere): keep it until focus leaves
                    self.host.defer()
                    at = self.order.index(row)
                    before = next((r for r in reversed(self.order[:at]) if r in wanted), None)
                    wanted.insert(wanted.index(before) + 1 if before is not None else 0, row)
                else:
                    self._drop(row)
        if wanted != self.order:
            self._lay_out(wanted)
            self.host.structure_changed()

    def _drop(self, row: Row) -> None:
        if self.rows.get(row.path) is row:
            del self.rows[row.path]
        if row in self.order:
            self._take(row)
            self.order.remove(row)
        row.dispose()

    def _take(self, row: Row) -> None:
        found, _role = self.form.getWidgetPosition(row.field_item)[:2] if row.field_item else (-1, None)
        if found >= 0:
            self.form.takeRow(found)

    def _lay_out(self, wanted: list[Row]) -> None:
        """Put the rows in order; widgets are moved, not made again (focus stays)."""
        while self.form.rowCount():
            self.form.takeRow(0)
        for row in wanted:
            self.form.addRow(row.label, row.field_item)
            row.label.show()
            row.field_item.show()
        self.order = wanted

    def focus_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for row in self.order:
            out += row.focus_widgets()
        return out

    def set_read_only(self, read_only: bool) -> None:
        for row in self.order:
            row.set_read_only(read_only)

    def dispose(self) -> None:
        for row in list(self.order):
            row.dispose()
        self.rows.clear()
        self.order = []

"""The front-matter form: the post's own fields, updated in place.

Rows (editor.ui.front_matter.form_plan decides which): the post's keys in file order,
then the absent fields the schema suggests for this kind of post, dimmed,
then keys the writer added with "Add field…". Objects are groups of rows,
lists of maps one group per item. Every edit goes through the lossless
model (`doc.set` / `doc.unset`), so saving changes only the edited lines.

Nothing is rebuilt under the writer's hands: when the schema arrives or the
front matter changes elsewhere (Raw mode, revert), rows are added, removed
or updated in place (editor.ui.front_matter.form_rows), and the focused widget keeps its
focus, caret and selection.

No edit is dropped without a word: a refused edit shows its message on the
field. While the front matter does not parse, the form is read-only and
says so at the top, with a button to the error's line in Raw mode.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from editor.ui.platform.timers import after_pending_events
from editor.ui.problems.severity import COLORS, field_mark

if TYPE_CHECKING:
    from editor.ui.front_matter.field_widgets import FieldWidget

Path_ = tuple  # a key path, e.g. ("image", "alt") or ("authors", 0, "name")

# editor.ui.front_matter.field_widgets (its Qt classes and their enums, ~3 ms), the rows
# and html (~1.5 ms) are imported where fields are made: a held form
# (start-up) makes none before the first paint.


class FrontMatterForm(QScrollArea):
    #: Rows were added, removed or reordered (or the form was first built);
    #: carries nothing. Tests and the problems marks use it to find
    #: `field:<key>` widgets again.
    rebuilt = Signal()
    #: "Edit in Raw at line N": carries the file line (int).
    rawRequested = Signal(int)

    def __init__(self, session, parent: QWidget | None = None, held: bool = False,
                 ask_shared: Callable | None = None) -> None:
        """`held`: build no fields until `release()` (start-up: the window's
        first paint shows the post's text without waiting for the front
        matter to be parsed and its widgets made). `ask_shared(parent, key,
        sharing)` answers "change the shared value or give this key its
        own?" (editor.ui.front_matter.shared_value_prompt.ask_shared by default)."""
        super().__init__(parent)
        self.setObjectName("frontMatterForm")
        # Not a stop of its own on the way to the first field (Tab went: Raw,
        # the form's frame, then the fields); a click on its margin keeps the
        # focus where it was.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Front matter"))
        self.setWidgetResizable(True)
        self._session = session
        self._schema = None
        self._vocabulary: dict[str, list[str]] = {}
        self._site_root = None
        self._widgets: dict[Path_, FieldWidget] = {}
        self._labels: dict[Path_, QLabel] = {}
        self._marks: dict[str, tuple[str, str]] = {}
        self._editing = False  # True while pushing our own edit into the model
        self._problem_widgets: set = set()  # fields showing a message the form put there
        self._held = held
        self._stale = True  # rows not made for the current document yet
        self._deferred = False  # a change waits for the focused row to lose focus
        self._structure_changed = False
        self.read_only = False
        self.ask_shared = ask_shared
        #: The widget before the form's fields in the Tab order (set by the panel).
        self.tab_after: QWidget | None = None
        self._reset_document_state()
        self._rows = None  # the top RowSet, made on the first build
        session.documentReplaced.connect(self._on_replaced)
        session.changed.connect(self._on_changed)
        session.saved.connect(lambda _p: self._take_baseline())
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._on_focus_changed)
        self.rebuild()

    def _reset_document_state(self) -> None:
        self._added: list[Path_] = []            # keys chosen with "Add field…", no value yet
        self._pending_items: dict[Path_, list] = {}  # lists with an "Add item" not written yet
        self._share_answers: dict[Path_, str] = {}   # the writer's answer per shared field
        # The keys the file has, taken at the first sync (not here: a held form
        # parses no YAML before the first paint) and after each save.
        self._baseline = None

    def _take_baseline(self) -> None:
        """The keys the file has: clearing a field the file never had removes the key
        again. Taken once the front matter parses (None until then)."""
        doc = self._session.document
        self._baseline = doc.front_matter if doc.front_matter_error is None else None

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
        """The site's schema arrived or changed: rows are updated in place."""
        self._schema = schema
        self._vocabulary = vocabulary or {}
        self._site_root = Path(site_root) if site_root is not None else None
        self.rebuild()

    def widget_for(self, key: str | tuple) -> FieldWidget | None:
        path = tuple(key.split(".")) if isinstance(key, str) else tuple(key)
        if path not in self._widgets and isinstance(key, str):  # list items: "authors.0.name"
            path = tuple(int(p) if p.isdigit() else p for p in path)
        return self._widgets.get(path)

    def set_marks(self, marks: dict[str, tuple[str, str]]) -> None:
        """Show problems beside fields: {dotted key: (severity, message)}."""
        import html

        self._marks = dict(marks)
        for path, label in self._labels.items():
            key = ".".join(map(str, path))
            base = label.property("baseText")
            if key in marks:
                severity, message = marks[key]
                text, tip = f"{html.escape(base)} {field_mark(severity)}", message
            else:
                text, tip = html.escape(base), label.property("help") or ""
            if label.text() != text:
                label.setText(text)
            label.setToolTip(tip)

    # -- building and updating in place --------------------------------------------

    def rebuild(self) -> None:
        """Make the form show the current document (in place once built)."""
        if self._held:
            self._stale = True
            return
        self._stale = False
        if self._rows is None:
            self._make_page()
        self._sync()

    def _make_page(self) -> None:
        from editor.ui.front_matter.add_field import AddFieldControl
        from editor.ui.front_matter.form_rows import RowSet

        page = QWidget(objectName="frontMatterPage")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(8, 8, 8, 8)
        self._error_box = QWidget(objectName="frontMatterErrorBox")
        box = QVBoxLayout(self._error_box)
        box.setContentsMargins(0, 0, 0, 6)
        self._error_label = QLabel(wordWrap=True, objectName="frontMatterError",
                                   textFormat=Qt.TextFormat.PlainText)
        self._raw_button = QPushButton(objectName="editInRawButton")
        self._raw_button.setAutoDefault(False)
        self._raw_button.clicked.connect(self._open_raw_at_error)
        box.addWidget(self._error_label)
        line = QHBoxLayout()
        line.addWidget(self._raw_button)
        line.addStretch()
        box.addLayout(line)
        self._error_box.hide()
        outer.addWidget(self._error_box)
        self._rows = RowSet(self, outer)
        self._add = AddFieldControl()
        self._add.keyChosen.connect(lambda key: self.add_key((), key))
        outer.addWidget(self._add)
        outer.addStretch()
        self.setWidget(page)

    def _sync(self, source: Path_ | None = None) -> None:
        """Rows for the current document and schema; `source`: the path whose
        widget sent the edit being applied (its text is left as typed)."""
        from editor.ui.front_matter.form_plan import plan_rows, site_keys

        if self._rows is None or self._held:
            return
        doc = self._session.document
        self._deferred = False
        self._structure_changed = False
        error = doc.front_matter_error
        self._show_error(error)
        # While it does not parse, the rows stay as they were, read-only.
        self._set_read_only(error is not None)
        if error is None:
            data = doc.front_matter
            if self._baseline is None:
                self._baseline = data
            for path in list(self._pending_items):
                if not isinstance(_get(data, path), list):
                    del self._pending_items[path]
            specs = plan_rows(data, self._schema, self._relpath(), tuple(self._added), self._pending_items)
            self._rows.sync(specs, source)
            self._add.set_keys(site_keys(self._schema), exclude={s.path[0] for s in specs})
        self.set_marks(self._marks)
        if self._structure_changed:
            self._fix_tab_order()
            self.rebuilt.emit()

    def structure_changed(self) -> None:
        self._structure_changed = True

    def defer(self) -> None:
        """A row could not change while it has focus: sync again once focus moves."""
        self._deferred = True

    def _on_focus_changed(self, _old, new) -> None:
        # Decided by where focus went, not where it came from: when the window
        # was inactive in between, Qt reports the move from None.
        if self._deferred and new is not None and not self.isAncestorOf(new):
            after_pending_events(self, self._sync)

    def _fix_tab_order(self) -> None:
        """Tab follows the rows as they are shown (rows made later sit earlier),
        right after `tab_after` (the panel's Raw toggle): the window's next stop,
        the body editor, then follows "Add field…". (Chained from a button the
        form made last, the rows sat after the problems panel; chained from the
        form itself, Qt puts them after the form's last child.)"""
        from editor.ui.front_matter.form_rows import tab_stops

        start = [self.tab_after] if self.tab_after is not None else []
        chain = start + [self._raw_button] + self._rows.focus_widgets() + tab_stops(self._add)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _set_read_only(self, read_only: bool) -> None:
        if read_only == self.read_only:
            return
        self.read_only = read_only
        self._rows.set_read_only(read_only)
        self._add.setEnabled(not read_only)

    def _show_error(self, error) -> None:
        if error is None:
            self._error_box.hide()
            return
        if not self._error_label.styleSheet():  # styled when first shown: style sheets cost ms
            # (Qt style sheets draw no border from the `border-left` shorthand alone.)
            self._error_label.setStyleSheet("QLabel { border-width: 0 0 0 3px; border-style: solid; "
                                            f"border-color: {COLORS['error']}; padding-left: 6px; }}")
        self._error_line = max(int(getattr(error, "line", 1) or 1), 1)
        self._error_label.setText(self.tr(
            "The front matter does not parse (line {line}): {message}\nThe form is read-only until it does."
        ).format(line=self._error_line, message=error.message))
        self._raw_button.setText(self.tr("Edit in Raw at line {line}").format(line=self._error_line))
        self._error_box.show()

    def _open_raw_at_error(self) -> None:
        self.rawRequested.emit(self._error_line)

    def _relpath(self) -> str | None:
        path, root = self._session.path, self._site_root
        if path is None or root is None:
            return None
        try:
            return Path(path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return None

    # -- what the rows ask for -----------------------------------------------------

    def make_widget(self, spec) -> FieldWidget:
        from editor.ui.front_matter.field_widgets import make_field_widget
        from editor.ui.front_matter.form_rows import description_text

        f = spec.field
        widget = make_field_widget(
            spec.key, spec.ftype, spec.value,
            written=self.written(spec) if spec.present else None,
            choices=getattr(f, "choices", ()) or (),
            vocabulary=self.vocabulary(spec),
            site_root=self._site_root,
            default=getattr(f, "default", None),
            description=description_text(spec),
        )
        if hasattr(widget, "post_path"):  # an image field's picker opens near the post
            widget.post_path = lambda: self._session.path
        return widget

    def widget_inputs(self, spec) -> tuple:
        """What else a widget is made with: a row whose inputs change gets a new widget.
        (Not the vocabulary or the description: those arrive with the site's schema
        and are given to the widget in place, so a box being typed in stays.)"""
        # (Imported here: the form's module is loaded before the first paint, its fields after.)
        from editor.ui.front_matter.fields.image import looks_like_image

        root = self._site_root if spec.ftype == "image" or looks_like_image(spec.value, spec.key) else None
        return (root, repr(getattr(spec.field, "default", None)))

    def vocabulary(self, spec) -> tuple:
        """The site's words for this key (tags, categories), for completion."""
        return tuple(self._vocabulary.get(str(spec.path[-1]), ()))

    def written(self, spec) -> str | None:
        try:
            return self._session.document.written_text(spec.path)
        except (KeyError, ValueError):
            return None

    def sharing(self, spec):
        try:
            return self._session.document.sharing(spec.path)
        except (KeyError, ValueError):
            return None

    def key_entries(self, parent: Path_) -> list[tuple[str, str, int]]:
        """Keys to offer inside an object or list item: the schema's sub-fields there."""
        f = self._schema.field_at(tuple(p for p in parent if isinstance(p, str))) \
            if self._schema is not None and parent and all(isinstance(p, str) for p in parent) else None
        return [(s.name, s.type, s.uses) for s in getattr(f, "fields", ()) or ()]

    def register_widget(self, path: Path_, widget) -> None:
        self._widgets[path] = widget

    def register_label(self, path: Path_, label: QLabel) -> None:
        self._labels[path] = label

    def unregister(self, path: Path_) -> None:
        self._widgets.pop(path, None)
        self._labels.pop(path, None)

    def add_key(self, parent: Path_, key: str) -> None:
        """"Add field…" chose `key` under `parent`: a row for it, focused; nothing written yet."""
        path = tuple(parent) + (key,)
        if path not in self._added and not _has(self._session.document.front_matter, path):
            self._added.append(path)
        self._sync()
        self.focus_key(path)

    def focus_key(self, path: Path_) -> None:
        widget = self._widgets.get(tuple(path))
        if widget is not None:
            self.ensureWidgetVisible(widget)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_item(self, list_path: Path_, keys: list) -> None:
        """"Add item": an item group with the other items' fields; written once one has a value."""
        self._pending_items[tuple(list_path)] = list(keys) or ["name"]
        self._sync()
        value = _get(self._session.document.front_matter, list_path)
        first = tuple(list_path) + (len(value) if isinstance(value, list) else 0, self._pending_items[list_path][0])
        self.focus_key(first)

    def remove_item(self, item_path: Path_, pending: bool) -> None:
        if pending:
            self._pending_items.pop(tuple(item_path[:-1]), None)
            self._sync()
            return
        self._apply(tuple(item_path), _REMOVE_ITEM, None)

    # -- edits -----------------------------------------------------------------------

    def edited(self, path: Path_, value, widget) -> None:
        """A widget's valueEdited: into the model, or a word on the field; never raises."""
        self._apply(tuple(path), value, widget)

    def _apply(self, path: Path_, value, widget) -> None:
        from editor.core.post.errors import SharedValueError
        from editor.ui.front_matter.field_widgets import REMOVE

        doc = self._session.document
        if self.read_only or doc.front_matter_error is not None:
            self._problem(widget, self.tr("Not changed: the front matter does not parse; fix it first (see above)."))
            return
        remove = value is REMOVE or value is _REMOVE_ITEM or (
            _empty(value) and not _has(self._baseline or {}, path))
        share = self._share_answers.get(path)
        self._editing = True
        try:
            for _attempt in range(2):
                try:
                    data = doc.front_matter
                    if value is _REMOVE_ITEM:
                        # Only the item's lines go; the other items keep their text.
                        doc.unset(path, share=share)
                    elif remove:
                        if _has(data, path):
                            doc.unset(path, share=share)
                        if widget is not None and path not in self._added:
                            self._added.append(path)  # its row stays, to be filled again
                    elif _new_item(data, path):
                        cut = _new_item(data, path)
                        doc.set(path[:cut], _with_new_item(data, path, value))
                        self._pending_items.pop(path[:cut], None)  # a real item now
                    else:
                        doc.set(path, value, share=share)
                    break
                except SharedValueError as exc:
                    if share is not None:
                        raise
                    share = self._ask(path, exc.sharing)
                    if share is None:
                        self._problem(widget, self.tr("Not changed: the value is shared; choose how to change it."))
                        self._editing = False
                        self._sync()  # the field shows the file's value again
                        return
                    self._share_answers[path] = share
        except Exception as exc:  # noqa: BLE001 - a Qt slot: say it on the field, never only on stderr
            self._editing = False
            self._problem(widget, _message(exc))
            return
        finally:
            self._editing = False
        self._problem(widget, None)
        self._sync(source=path if widget is not None else None)

    def _ask(self, path: Path_, sharing) -> str | None:
        from editor.ui.front_matter.shared_value_prompt import ask_shared

        ask = self.ask_shared or ask_shared
        return ask(self, ".".join(map(str, path)), sharing)

    def _problem(self, widget, message: str | None) -> None:
        # Only the form's own messages are cleared here: a widget's hint while
        # the writer types ("not a date yet") is the widget's to clear.
        if widget is not None:
            if message:
                self._problem_widgets.add(widget)
                widget.set_problem(message)
            elif widget in self._problem_widgets:
                self._problem_widgets.discard(widget)
                widget.set_problem(None)
        elif message:
            window = self.window()
            status = getattr(window, "status", None)
            if status is not None:
                status.showMessage(message, 10000)

    # -- the model changed -------------------------------------------------------------

    def _on_replaced(self, _doc) -> None:
        self._reset_document_state()
        self.rebuild()

    def _on_changed(self, change) -> None:
        if getattr(change, "part", None) != "front_matter" or self._editing:
            return
        if self._held:
            self._stale = True
            return
        self._sync()


_REMOVE_ITEM = object()


def _message(exc: Exception) -> str:
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    message = getattr(exc, "message", None) or text or type(exc).__name__
    return QCoreApplication.translate("FrontMatterForm", "Not changed: {message}").format(message=message)


def _empty(value) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not value)


_MISSING = object()


def _get(data, path, missing=None):
    """The value at `path` in the front matter's data (keys as the data has
    them: `2019:` is the int 2019), or `missing`."""
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return missing
    return data


def _has(data, path) -> bool:
    return _get(data, path, _MISSING) is not _MISSING


def _new_item(data, path) -> int:
    """How long the prefix ending in the index of a list item that does not exist yet is (0: none)."""
    node = data
    for i, part in enumerate(path):
        if isinstance(node, list) and isinstance(part, int):
            if part >= len(node):
                return i
            node = node[part]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return 0
    return 0


def _with_new_item(data, path, value) -> list:
    """The list at the new item's list path, with the item appended holding `value`."""
    cut = _new_item(data, path)
    current = list(_get(data, path[:cut]) or [])
    item = value
    for part in reversed(path[cut + 1:]):
        item = {part: item}
    current.append(item)
    return current

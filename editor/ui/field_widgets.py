"""One editor widget per front-matter field type.

Every widget has `set_value(value)` (from the model, emits nothing) and the
signal `valueEdited(object)` (the writer changed it; carries the new plain
Python value for `doc.set`). The widget keeps the *type* of what the file had:
a date stays a date, a datetime keeps its time zone, a date written as a
string stays a string in the same layout, and the core writes it back in the
file's own format (editor.core.yaml_emit.format_datetime_like).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QStringListModel, Qt, QTime, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QDateEdit, QDateTimeEdit, QDoubleSpinBox, QFileDialog,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget,
)
from editor.ui.qt_compat import emit

_STRING_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%dT%H:%M:%S%z",
                        "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")


class _Remove:
    """The writer cleared the field: the form unsets the key."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "REMOVE"

    def __bool__(self) -> bool:
        return False


#: Sent by valueEdited when the writer cleared a field: unset the key.
REMOVE = _Remove()


class FieldWidget(QWidget):
    #: The writer changed the value; carries the new plain Python value, an
    #: AsWritten (the text as typed), or REMOVE.
    valueEdited = Signal(object)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"field:{key}")
        self.setAccessibleName(f"field:{key}")
        self._setting = False
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_value(self, value, written: str | None = None) -> None:
        self._setting = True
        try:
            self._show(value)
        finally:
            self._setting = False

    def set_problem(self, message: str | None) -> None:
        self.setToolTip(message or "")

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)

    def _emit(self, value) -> None:
        if not self._setting:
            emit(self.valueEdited, value)

    def _show(self, value) -> None:  # pragma: no cover - every subclass overrides
        raise NotImplementedError


def show_text(edit: QLineEdit, text: str) -> None:
    """Put a value from the file into a line edit, its beginning in view: Qt
    leaves the caret at the end, which shows a long path or title by its tail
    (`…ets/images/cover.png`). Not while the writer is typing in it."""
    if edit.text() != text:
        edit.setText(text)
        if not edit.hasFocus():
            edit.setCursorPosition(0)


class LineField(FieldWidget):
    def __init__(self, key, parent=None):
        super().__init__(key, parent)
        self.edit = QLineEdit()
        self._layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._emit)

    def _show(self, value):
        show_text(self.edit, "" if value is None else str(value))


class TextField(FieldWidget):
    """Multi-line text (also Markdown text: the preview renders it)."""

    def __init__(self, key, parent=None, markdown=False):
        super().__init__(key, parent)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        # Fixed in height as a policy too: a text edit's own policy says
        # "expanding", and the form then gave this row the space meant for
        # the stretch below the fields (the box sat 40 px under its label).
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if markdown:
            self.edit.setPlaceholderText("Markdown")
        self._layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(lambda: self._emit(self.edit.toPlainText()))

    def _show(self, value):
        text = "" if value is None else str(value)
        if self.edit.toPlainText() != text:
            self.edit.setPlainText(text)


class BoolField(FieldWidget):
    """A checkbox. A post without the key shows what the generator assumes
    (the schema's default: Jekyll publishes unless `published: false`)."""

    def __init__(self, key, parent=None, default=None):
        super().__init__(key, parent)
        self._default = default
        self.box = QCheckBox()
        self._layout.addWidget(self.box)
        self._layout.addStretch()
        self.setFocusProxy(self.box)
        self.box.toggled.connect(self._emit)

    def _show(self, value):
        self.box.setChecked(bool(self._default if value is None else value))


class NumberField(FieldWidget):
    def __init__(self, key, parent=None, is_float=False):
        super().__init__(key, parent)
        self.spin = QDoubleSpinBox(decimals=4) if is_float else QSpinBox()
        self.spin.setRange(-10**9, 10**9)
        self._layout.addWidget(self.spin)
        self._layout.addStretch()
        self.setFocusProxy(self.spin)
        self.spin.valueChanged.connect(self._emit)

    def _show(self, value):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.spin.setValue(value)


class ChoiceField(FieldWidget):
    def __init__(self, key, choices, parent=None):
        super().__init__(key, parent)
        self.combo = QComboBox()
        self.combo.setEditable(False)
        self._choices = list(choices)
        self.combo.addItems([str(c) for c in self._choices])
        self._layout.addWidget(self.combo)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(
            lambda i: self._emit(self._choices[i]) if 0 <= i < len(self._choices) else None)

    def _show(self, value):
        if value not in self._choices and value is not None:
            self._choices.append(value)
            self.combo.addItem(str(value))
        self.combo.setCurrentIndex(self._choices.index(value) if value in self._choices else -1)


class DateField(FieldWidget):
    """Date or datetime; what it emits has the type (and zone/format) the file had."""

    def __init__(self, key, parent=None, with_time=True):
        super().__init__(key, parent)
        self._original = None
        self.edit = QDateTimeEdit() if with_time else QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss" if with_time else "yyyy-MM-dd")
        # A post without this field shows "(not set)", not a made-up date: the
        # minimum value stands for "absent" and is never written to the file.
        self._unset = QDateTime(QDate(1900, 1, 1), QTime(0, 0, 0))
        self.edit.setMinimumDateTime(self._unset)
        self.edit.setSpecialValueText("(not set)")
        self._layout.addWidget(self.edit)
        self._layout.addStretch()
        self.setFocusProxy(self.edit)
        self.edit.dateTimeChanged.connect(self._changed)

    def _changed(self, value: QDateTime) -> None:
        if value != self._unset:
            self._emit(self.current_value())

    def _show(self, value):
        self._original = value
        parsed, _fmt = _as_datetime(value)
        if parsed is None:
            self.edit.setDateTime(self._unset)
            return
        self.edit.setDateTime(QDateTime(QDate(parsed.year, parsed.month, parsed.day),
                                        QTime(parsed.hour, parsed.minute, parsed.second)))

    def current_value(self):
        q = self.edit.dateTime()
        d, t = q.date(), q.time()
        naive = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
        original = self._original
        if isinstance(original, dt.datetime):
            return naive.replace(tzinfo=original.tzinfo)
        if isinstance(original, dt.date):
            return naive.date()
        if isinstance(original, str):
            parsed, fmt = _as_datetime(original)
            if parsed is not None and fmt is not None:
                return naive.replace(tzinfo=parsed.tzinfo).strftime(fmt)
        return naive if isinstance(self.edit, QDateTimeEdit) and not isinstance(self.edit, QDateEdit) else naive.date()


def _as_datetime(value):
    if isinstance(value, dt.datetime):
        return value, None
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day), None
    if isinstance(value, str):
        for fmt in _STRING_DATE_FORMATS:
            try:
                return dt.datetime.strptime(value.strip(), fmt), fmt
            except ValueError:
                continue
    return None, None


class TagsField(FieldWidget):
    """A list of tags as comma-separated text, completing from the site's vocabulary.

    The model keeps a YAML list; a single string value (`tags: a b`, allowed by
    Jekyll) stays a string when edited.
    """

    def __init__(self, key, vocabulary=(), parent=None):
        super().__init__(key, parent)
        self.edit = QLineEdit(placeholderText="comma, separated")
        self._as_string = False
        self._model = QStringListModel(sorted(set(vocabulary)))
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setWidget(self.edit)
        completer.activated.connect(self._complete)
        self._completer = completer
        self.edit.textEdited.connect(self._on_edited)
        self._layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def _on_edited(self, text):
        current = text.rsplit(",", 1)[-1].strip()
        self._completer.setCompletionPrefix(current)
        if current:
            self._completer.complete()
        self._emit(self.value_of(text))

    def _complete(self, word):
        parts = [p.strip() for p in self.edit.text().split(",")]
        parts[-1] = word
        self.edit.setText(", ".join(parts))
        self._emit(self.value_of(self.edit.text()))

    def value_of(self, text):
        items = [p.strip() for p in text.split(",") if p.strip()]
        return " ".join(items) if self._as_string else items

    def _show(self, value):
        self._as_string = isinstance(value, str)
        items = value.split() if isinstance(value, str) else [str(v) for v in (value or [])]
        text = ", ".join(items)
        if [p.strip() for p in self.edit.text().split(",") if p.strip()] != items:
            show_text(self.edit, text)


class ImageField(FieldWidget):
    """An image path with a thumbnail, and a picker that writes a site-relative path."""

    def __init__(self, key, site_root: Path | None = None, parent=None):
        super().__init__(key, parent)
        self._root = site_root
        box = QVBoxLayout()
        row = QHBoxLayout()
        self.edit = QLineEdit(placeholderText="/assets/images/…")
        pick = QPushButton("…", toolTip="Choose an image in the site")
        pick.setFixedWidth(28)
        pick.clicked.connect(self._pick)
        row.addWidget(self.edit)
        row.addWidget(pick)
        self.thumb = QLabel(objectName="thumbnail")
        self.thumb.setFixedHeight(72)
        box.addLayout(row)
        box.addWidget(self.thumb)
        self._layout.addLayout(box)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._on_edited)

    def _on_edited(self, text):
        self._update_thumb(text)
        self._emit(text)

    def _show(self, value):
        text = "" if value is None else str(value)
        show_text(self.edit, text)
        self._update_thumb(text)

    def local_file(self, text: str) -> Path | None:
        if not text or "://" in text or self._root is None:
            return None
        path = (self._root / text.lstrip("/")).resolve()
        return path if path.is_file() else None

    def _update_thumb(self, text):
        path = self.local_file(text)
        pix = QPixmap(str(path)) if path else QPixmap()
        if pix.isNull():
            self.thumb.setPixmap(QPixmap())  # (clears the text too: set it after)
            self.thumb.setText("" if not text or "://" in text else "image not found")
        else:
            self.thumb.setPixmap(pix.scaledToHeight(72, Qt.TransformationMode.SmoothTransformation))

    def _pick(self):
        start = str(self._root or Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Choose image", start,
                                              "Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)")
        if not path:
            return
        chosen = Path(path)
        if self._root is not None and chosen.is_relative_to(self._root):
            text = "/" + chosen.relative_to(self._root).as_posix()
        else:
            text = chosen.as_posix()
        self.edit.setText(text)
        self._on_edited(text)


def make_field_widget(key: str, ftype: str, value, *, written=None, choices=(), vocabulary=(),
                      site_root=None, default=None, description="") -> FieldWidget:
    """The widget for a schema field type (or a guess from the value for unknown keys)."""
    if ftype == "boolean":
        return BoolField(key, default=default)
    if ftype == "number":
        return NumberField(key, is_float=isinstance(value, float))
    if ftype == "choice" and choices:
        return ChoiceField(key, choices)
    if ftype == "date":
        return DateField(key, with_time=isinstance(value, dt.datetime))
    if ftype == "datetime":
        return DateField(key, with_time=not (isinstance(value, dt.date) and not isinstance(value, dt.datetime)))
    if ftype == "list":
        return TagsField(key, vocabulary)
    if ftype == "image":
        return ImageField(key, site_root)
    if ftype in ("text", "markdown"):
        return TextField(key, markdown=ftype == "markdown")
    return LineField(key)


def type_of_value(value) -> str:
    """A field type for a key the schema doesn't know, from the value the file has."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return "list"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, str) and "\n" in value:
        return "text"
    return "string"

"""The left pane: the front-matter form, or (toggled) the raw front-matter text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from editor.ui.front_matter.front_matter_form import FrontMatterForm
from editor.ui.front_matter.raw_front_matter import RawFrontMatterEditor


class FrontMatterPanel(QWidget):
    #: The writer switched between form and raw; carries True for raw.
    rawToggled = Signal(bool)

    def __init__(self, session, parent: QWidget | None = None, held: bool = False) -> None:
        """`held`: the form builds its fields on `form.release()` (see FrontMatterForm)."""
        super().__init__(parent)
        self.setObjectName("frontMatterPanel")
        self._session = session
        self.form = FrontMatterForm(session, held=held)
        self.raw = RawFrontMatterEditor(session)
        self.raw_button = QToolButton(text=self.tr("Raw"), checkable=True, objectName="rawToggle",
                                      toolTip=self.tr("Edit the front matter as text (Ctrl+Shift+R)"))
        self.raw_button.toggled.connect(self.set_raw)
        self.form.tab_after = self.raw_button  # Tab: Raw, then the fields
        self.kind_label = QLabel(objectName="frontMatterKind")
        header = QHBoxLayout()
        header.setContentsMargins(8, 4, 8, 0)
        title = QLabel("<b>{}</b>".format(self.tr("Front matter")))
        header.addWidget(title)
        header.addWidget(self.kind_label)
        header.addStretch()
        header.addWidget(self.raw_button)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.form)
        self.stack.addWidget(self.raw)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.stack)
        session.documentReplaced.connect(lambda _d: self._show_kind())
        self.form.rawRequested.connect(self.edit_raw_at)
        self._show_kind()

    def edit_raw_at(self, line: int) -> None:
        """Raw mode with the caret on file line `line` (the form's "Edit in Raw at line N")."""
        self.set_raw(True)
        self.raw.go_to_file_line(line)

    def set_raw(self, raw: bool) -> None:
        if self.raw_button.isChecked() != raw:
            self.raw_button.setChecked(raw)  # re-enters with the same value
            return
        if raw:
            self.raw.refresh()
            self.stack.setCurrentWidget(self.raw)
        else:
            self.raw.flush()
            self.stack.setCurrentWidget(self.form)
        self.rawToggled.emit(raw)

    def is_raw(self) -> bool:
        return self.stack.currentWidget() is self.raw

    def _show_kind(self) -> None:
        kind = getattr(self._session.document.kind, "value", "none")
        # Format names are names: only "none" is a word.
        self.kind_label.setText({"yaml": "YAML", "toml": "TOML", "json": "JSON"}.get(kind) or self.tr("none"))

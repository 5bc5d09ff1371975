"""Find and replace bar for the body editor (Ctrl+F / Ctrl+H, Esc closes).

Searching uses QTextDocument.find with a QRegularExpression, so plain text,
regex, case and whole-word options all go through one code path (plain text
is escaped into a regex). Replace All is one undo step.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from editor.ui.i18n import english_plural

class FindReplaceBar(QWidget):
    #: A search ran; carries the number of matches in the whole text.
    matchesCounted = Signal(int)

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findReplace")
        self._editor = editor
        # A placeholder is not a name a screen reader says once text is typed.
        self.find_edit = QLineEdit(placeholderText=self.tr("Find"), objectName="findText",
                                   accessibleName=self.tr("Find"))
        self.replace_edit = QLineEdit(placeholderText=self.tr("Replace with"), objectName="replaceText",
                                      accessibleName=self.tr("Replace with"))
        self.regex = QCheckBox(self.tr("Regex"))
        self.case = QCheckBox(self.tr("Match case"))
        self.whole = QCheckBox(self.tr("Whole word"))
        self.status = QLabel()
        prev_btn, next_btn = QPushButton(self.tr("Previous")), QPushButton(self.tr("Next"))
        rep_btn, all_btn = QPushButton(self.tr("Replace")), QPushButton(self.tr("Replace all"))
        close_btn = QPushButton("✕", flat=True, toolTip=self.tr("Close (Esc)"), accessibleName=self.tr("Close"))
        prev_btn.clicked.connect(lambda: self.find(backward=True))
        next_btn.clicked.connect(lambda: self.find())
        rep_btn.clicked.connect(self.replace_one)
        all_btn.clicked.connect(self.replace_all)
        close_btn.clicked.connect(self.close_bar)
        self.find_edit.returnPressed.connect(lambda: self.find())
        self.replace_edit.returnPressed.connect(self.replace_one)

        # The bar has its own full-width row: the fields get a useful width
        # (the same for both, so the buttons line up), the rest is space.
        for edit in (self.find_edit, self.replace_edit):
            edit.setMinimumWidth(200)
            edit.setMaximumWidth(420)
        top = QHBoxLayout()
        for w in (self.find_edit, prev_btn, next_btn, self.regex, self.case, self.whole, self.status):
            top.addWidget(w)
        top.addStretch()
        top.addWidget(close_btn)
        self._replace_row = QWidget()
        bottom = QHBoxLayout(self._replace_row)
        bottom.setContentsMargins(0, 0, 0, 0)
        for w in (self.replace_edit, rep_btn, all_btn):
            bottom.addWidget(w)
        bottom.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(top)
        layout.addWidget(self._replace_row)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        self.hide()

    def open_bar(self, replace: bool) -> None:
        self._replace_row.setVisible(replace)
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._editor.setFocus()

    def pattern(self) -> QRegularExpression | None:
        text = self.find_edit.text()
        if not text:
            return None
        source = text if self.regex.isChecked() else re.escape(text)
        if self.whole.isChecked():
            source = rf"\b(?:{source})\b"
        options = QRegularExpression.PatternOption.UseUnicodePropertiesOption
        if not self.case.isChecked():
            options |= QRegularExpression.PatternOption.CaseInsensitiveOption
        rx = QRegularExpression(source, options)
        if not rx.isValid():
            self.status.setText(self.tr("Invalid pattern"))
            return None
        return rx

    def _flags(self) -> QTextDocument.FindFlag:
        # QTextDocument.find ignores the pattern's own case option: it searches
        # case-insensitively unless FindCaseSensitively is passed.
        if self.case.isChecked():
            return QTextDocument.FindFlag.FindCaseSensitively
        return QTextDocument.FindFlag(0)

    def find(self, backward: bool = False) -> bool:
        rx = self.pattern()
        if rx is None:
            return False
        flags = self._flags()
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        doc = self._editor.document()
        cursor = doc.find(rx, self._editor.textCursor(), flags)
        if cursor.isNull():  # wrap around
            start = QTextCursor(doc)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            cursor = doc.find(rx, start, flags)
        count = self.count()
        self.status.setText(english_plural(self.tr("%n match(es)", None, count), count) if count
                            else self.tr("No matches"))
        if cursor.isNull():
            return False
        self._editor.setTextCursor(cursor)
        return True

    def count(self) -> int:
        rx = self.pattern()
        if rx is None:
            return 0
        n, it = 0, rx.globalMatch(self._editor.toPlainText())
        while it.hasNext():
            it.next()
            n += 1
        self.matchesCounted.emit(n)
        return n

    def _replacement_for(self, matched: str) -> str:
        if not self.regex.isChecked():
            return self.replace_edit.text()
        # Let Python expand \1 / \g<name> in the replacement, with the same options.
        flags = 0 if self.case.isChecked() else re.IGNORECASE
        source = self.find_edit.text()
        if self.whole.isChecked():
            source = rf"\b(?:{source})\b"
        try:
            return re.sub(source, self.replace_edit.text(), matched, count=1, flags=flags)
        except re.error:
            return self.replace_edit.text()

    def replace_one(self) -> None:
        cursor = self._editor.textCursor()
        rx = self.pattern()
        if rx is None:
            return
        if cursor.hasSelection() and rx.match(cursor.selectedText()).capturedLength() == len(cursor.selectedText()):
            cursor.insertText(self._replacement_for(cursor.selectedText()))
        self.find()

    def replace_all(self) -> int:
        rx = self.pattern()
        if rx is None:
            return 0
        doc = self._editor.document()
        cursor = QTextCursor(doc)
        edit = QTextCursor(doc)
        edit.beginEditBlock()  # one undo step for the whole replacement
        n = 0
        while True:
            cursor = doc.find(rx, cursor, self._flags())
            if cursor.isNull():
                break
            cursor.insertText(self._replacement_for(cursor.selectedText()))
            n += 1
        edit.endEditBlock()
        self.status.setText(english_plural(self.tr("Replaced %n", None, n), n))
        return n

"""The problems panel: one row per diagnostic, click (or Enter) to jump to it.

Diagnostics come from editor.core.validation; this view only reads their
`severity`, `rule`, `message`, `line`, `column` and (when the problem concerns
a front-matter field) `key`, and never decides anything about them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget
from editor.ui.problems import severity as _severity
from editor.ui.problems.messages import shown_fix, shown_message

_ORDER = {"error": 0, "warning": 1, "info": 2}


def severity_of(diagnostic) -> str:
    sev = getattr(diagnostic, "severity", "error")
    return str(getattr(sev, "value", sev)).lower()


def key_of(diagnostic) -> str | None:
    key = getattr(diagnostic, "key", None)
    if isinstance(key, (tuple, list)):
        key = ".".join(str(k) for k in key)
    return key or None


class ProblemsPanel(QTreeWidget):
    #: The writer activated a row (click, double-click or Enter). Carries the
    #: diagnostic object; the window moves the caret or focuses the field.
    problemActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.setAccessibleName(self.tr("Problems"))
        self.setAccessibleDescription(self.tr("What the checks found in this post; Enter goes to it"))
        self.setColumnCount(4)
        self.setHeaderLabels(["", self.tr("Problem"), self.tr("Line"), self.tr("Rule")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.header().setStretchLastSection(False)
        for column in (0, 2, 3):
            self.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._diagnostics: list = []
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)

    @property
    def diagnostics(self) -> list:
        return list(self._diagnostics)

    def set_diagnostics(self, diagnostics: list) -> None:
        ordered = sorted(diagnostics, key=lambda d: (_ORDER.get(severity_of(d), 3), getattr(d, "line", 0) or 0))
        self._diagnostics = ordered
        self.clear()
        for index, d in enumerate(ordered):
            sev = severity_of(d)
            where = key_of(d)
            message = shown_message(d)
            fix = shown_fix(d)
            item = QTreeWidgetItem([
                "",
                self.tr("{key}: {message}").format(key=where, message=message) if where else message,
                str(getattr(d, "line", "") or ""),
                str(getattr(d, "rule", "")),
            ])
            item.setIcon(0, _severity.icon(sev))
            item.setToolTip(0, _severity.severity_name(sev))
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, _severity.severity_name(sev))
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setToolTip(1, f"{message}\n{fix}" if fix else message)
            self.addTopLevelItem(item)

    def counts(self) -> tuple[int, int]:
        sevs = [severity_of(d) for d in self._diagnostics]
        return sevs.count("error"), sevs.count("warning")

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        index = item.data(0, Qt.ItemDataRole.UserRole)
        if index is not None and 0 <= index < len(self._diagnostics):
            self.problemActivated.emit(self._diagnostics[index])

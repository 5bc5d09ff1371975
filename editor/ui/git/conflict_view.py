"""One conflict view: each place both sides changed, to choose from, and the merged text.

Given a three-way merge (`editor.core.disk.merge.three_way`: ordered regions,
a conflict region holding the three versions), the view lists every conflict
with the writer's version and the other version side by side, and four
choices for it: mine, theirs, both (mine then theirs) or edited by hand
(starting from both). Everything the merge combined cleanly is kept. The
merged text is previewed below as choices are made; `merged_text()` is None
until every conflict has a choice: nothing is picked for the writer.

Used by the git conflict resolution and by the changed-on-disk banner's
Compare, with the sides named by the caller ("Yours" / "On disk", "Yours" /
"Theirs").
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from PySide6.QtCore import Qt

from editor.core.disk.merge import FRONT_MATTER, ThreeWay

MINE, THEIRS, BOTH, EDIT = "mine", "theirs", "both", "edit"


def _both(mine: str, theirs: str) -> str:
    if mine and not mine.endswith("\n") and theirs:
        return mine + "\n" + theirs
    return mine + theirs


class _Place(QGroupBox):
    """One conflicting region: the two versions and the writer's choice."""

    changed = Signal()

    def __init__(self, number: int, region, mine_label: str, theirs_label: str, parent=None) -> None:
        super().__init__(parent)
        self.region = region
        part = self.tr("front matter") if region.part == FRONT_MATTER else self.tr("body")
        self.setTitle(self.tr("Conflict {number} ({part})").format(number=number, part=part))
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        grid = QGridLayout(self)
        self.texts = []
        for column, (label, text) in enumerate(((mine_label, region.mine), (theirs_label, region.theirs))):
            grid.addWidget(QLabel(label, self), 0, column)
            view = QPlainTextEdit(text, self, readOnly=True)
            view.setFont(fixed)
            view.setAccessibleName(label)
            view.setMaximumHeight(max(60, min(200, (text.count("\n") + 2) * view.fontMetrics().lineSpacing() + 12)))
            if region.base:
                view.setToolTip(self.tr("Before either change:\n{text}").format(text=region.base))
            grid.addWidget(view, 1, column)
            self.texts.append(view)
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.buttons = {}
        for choice, label in ((MINE, self.tr("Use {side}").format(side=mine_label)),
                              (THEIRS, self.tr("Use {side}").format(side=theirs_label)),
                              (BOTH, self.tr("Both")), (EDIT, self.tr("Edit by hand"))):
            button = QRadioButton(label, self, objectName=f"choice_{choice}")
            self.group.addButton(button)
            self.buttons[choice] = button
            row.addWidget(button)
        row.addStretch(1)
        grid.addLayout(row, 2, 0, 1, 2)
        self.editor = QPlainTextEdit(self, objectName="handEdit")
        self.editor.setFont(fixed)
        self.editor.setAccessibleName(self.tr("Your text for this place"))
        self.editor.hide()
        grid.addWidget(self.editor, 3, 0, 1, 2)
        self.group.buttonToggled.connect(self._toggled)
        self.editor.textChanged.connect(self.changed)

    def choice(self) -> str | None:
        for choice, button in self.buttons.items():
            if button.isChecked():
                return choice
        return None

    def choose(self, choice: str) -> None:
        self.buttons[choice].setChecked(True)

    def text(self) -> str | None:
        choice = self.choice()
        r = self.region
        if choice == MINE:
            return r.mine
        if choice == THEIRS:
            return r.theirs
        if choice == BOTH:
            return _both(r.mine, r.theirs)
        if choice == EDIT:
            return self.editor.toPlainText()
        return None

    def _toggled(self, _button, checked: bool) -> None:
        if not checked:
            return
        editing = self.choice() == EDIT
        if editing and not self.editor.toPlainText():
            self.editor.setPlainText(_both(self.region.mine, self.region.theirs))
        self.editor.setVisible(editing)
        self.changed.emit()


class ConflictView(QWidget):
    """Every conflict of `merge` to choose for, over the merged text's preview."""

    #: A choice changed. Carries whether every conflict has one.
    choicesChanged = Signal(bool)

    def __init__(self, merge: ThreeWay, mine_label: str, theirs_label: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictView")
        self.merge = merge
        inner = QWidget()
        places = QVBoxLayout(inner)
        self.places: list[_Place] = []
        for number, region in enumerate(merge.conflicts, 1):
            place = _Place(number, region, mine_label, theirs_label, inner)
            place.changed.connect(self._update)
            places.addWidget(place)
            self.places.append(place)
        places.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.preview = QPlainTextEdit(self, readOnly=True, objectName="mergedPreview")
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setAccessibleName(self.tr("The merged text"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        bottom = QWidget(self)
        lay = QVBoxLayout(bottom)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("The merged text:"), bottom))
        lay.addWidget(self.preview, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(scroll)
        split.addWidget(bottom)
        split.setSizes([400, 250])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.summary.setText(self.tr(
            "Both sides changed {count} place(s): choose for each. Everything else merged by itself.")
            .format(count=len(self.places)))
        self._update()

    def choose_all(self, choice: str) -> None:
        for place in self.places:
            place.choose(choice)

    def merged_text(self) -> str | None:
        """The merged post, or None while a conflict has no choice."""
        out, places = [], iter(self.places)
        for region in self.merge.regions:
            if region.conflict:
                text = next(places).text()
                if text is None:
                    return None
                out.append(text)
            else:
                out.append(region.merged)
        return "".join(out)

    def _update(self) -> None:
        text = self.merged_text()
        if text is None:
            undecided = sum(1 for p in self.places if p.choice() is None)
            self.preview.setPlainText(self.tr("{count} place(s) still to choose.").format(count=undecided))
        else:
            self.preview.setPlainText(text)
        self.choicesChanged.emit(text is not None)

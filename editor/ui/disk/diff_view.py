"""Side-by-side diff of "mine" and "on disk", with the merge offer.

Shown by the "Changed on disk" banner's *Compare* (and, as a table only, by
the recovery dialog). It only shows data computed in editor.core.disk.merge and
reports the writer's choice; the controller (external_changes.py) acts on it.

The merge is the line-level three-way merge (`merge.three_way`): when it is
clean, *Merge both* takes it; when both sides changed the same lines, those
places are listed side by side and the writer merges taking either side's
version of them (every other change of both sides is kept), or choosing
place by place in the conflict view (`editor.ui.git.conflict_view`: yours,
the disk's, both, or edited by hand, the merged text previewed), the same view
a git conflict is resolved in. Nothing is picked for the writer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.disk.merge import MINE, THEIRS, DiffRow, MergeResult, ThreeWay, side_by_side

# Soft backgrounds readable in light and dark themes alike. Rows only on the
# left (difflib "delete") and only on the right ("insert") get colours of
# their side rather than red/green: in this dialog neither side "deleted"
# anything, they are two versions to choose between.
_COLORS = {
    "replace": QColor(240, 200, 80, 70),
    "delete": QColor(80, 190, 100, 70),  # only in the left text
    "insert": QColor(80, 140, 230, 70),  # only in the right text
}


class DiffTable(QTableWidget):
    """Four columns: line and text on the left, line and text on the right."""

    def __init__(self, left_title: str | None = None, right_title: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("diffTable")
        left, right = left_title or self.tr("Mine"), right_title or self.tr("On disk")
        self.setHorizontalHeaderLabels(["", left, "", right])
        self.setAccessibleName(self.tr("Differences"))
        self.setAccessibleDescription(self.tr("{left} beside {right}, line by line").format(left=left, right=right))
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        header = self.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch) * 2):
            header.setSectionResizeMode(col, mode)
        self.rows: list[DiffRow] = []

    def set_texts(self, left: str, right: str) -> None:
        self.set_rows(side_by_side(left, right))

    def set_rows(self, rows: list[DiffRow]) -> None:
        self.rows = rows
        self.setRowCount(len(rows))
        first_change = None
        for r, row in enumerate(rows):
            cells = ("" if row.left_no is None else str(row.left_no), row.left,
                     "" if row.right_no is None else str(row.right_no), row.right)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                color = _COLORS.get(row.tag)
                if color is not None:
                    item.setBackground(QBrush(color))
                self.setItem(r, c, item)
            if first_change is None and row.tag != "equal":
                first_change = r
        if first_change is not None:
            self.scrollToItem(self.item(first_change, 1), QAbstractItemView.ScrollHint.PositionAtCenter)

    def changed_rows(self) -> int:
        return sum(1 for row in self.rows if row.tag != "equal")


def conflict_rows(result: ThreeWay) -> list[DiffRow]:
    """The conflicting regions' lines, mine against theirs, one region after another."""
    rows: list[DiffRow] = []
    for region in result.conflicts:
        rows.extend(side_by_side(region.mine, region.theirs))
    return rows


class DiffDialog(QDialog):
    """Compare mine with the disk and choose: disk, mine, or (when offered) the merge.

    After `exec()`/`finished`, `choice` is "disk", "mine", "merge" or None
    (closed without choosing); for "merge", `merged_text` is the text to use.
    `merge` is a `ThreeWay` (clean: *Merge both*; with conflicts: a table of
    them and *Merge, yours where both changed* / *Merge, the disk's where both
    changed*) or an older whole-part `MergeResult`. Buttons have object names
    for tests.
    """

    def __init__(self, name: str, mine: str, disk: str, merge: ThreeWay | MergeResult | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diffDialog")
        self.setWindowTitle(self.tr("Compare “{name}” with the file on disk").format(name=name))
        self.resize(1000, 640)
        self.choice: str | None = None
        self.merge = merge
        self.merged_text: str | None = None
        self.conflicts_table: DiffTable | None = None
        self.merge_button = self.merge_mine_button = self.merge_disk_button = None
        #: Place by place choices (a ThreeWay with conflicts only).
        self.conflict_view = self.merge_chosen_button = None
        layout = QVBoxLayout(self)
        self.table = DiffTable(self.tr("Your text (unsaved)"), self.tr("On disk now"))
        self.table.set_texts(mine, disk)
        layout.addWidget(self.table)
        if isinstance(merge, MergeResult):
            sides = {"mine": self.tr("your edits"), "disk": self.tr("the file on disk")}
            note = QLabel(self.tr("The changes do not overlap: they can be merged "
                                  "(front matter from {front_matter}, body from {body}).").format(
                              front_matter=sides[merge.front_matter_from], body=sides[merge.body_from]),
                          objectName="mergeNote")
            layout.addWidget(note)
        elif isinstance(merge, ThreeWay) and merge.clean:
            layout.addWidget(QLabel(self.tr("The changes do not overlap: they can be merged "
                                            "line by line, keeping both."), objectName="mergeNote"))
        elif isinstance(merge, ThreeWay):
            count = len(merge.conflicts)
            layout.addWidget(QLabel(self.tr(
                "Both sides changed the same lines in %n place(s), shown below. Every other change "
                "of both sides merges; choose whose version of these places to keep.", "", count),
                objectName="conflictNote"))
            self.conflicts_table = DiffTable(self.tr("Yours"), self.tr("On disk"))
            self.conflicts_table.setObjectName("conflictsTable")
            self.conflicts_table.set_rows(conflict_rows(merge))
            layout.addWidget(self.conflicts_table)
            from editor.ui.git.conflict_view import ConflictView

            self.conflict_view = ConflictView(merge, self.tr("Yours"), self.tr("On disk"), self)
            layout.addWidget(self.conflict_view)
            layout.setStretch(0, 3)
            layout.setStretch(2, 1)
            layout.setStretch(3, 3)
            self.resize(1000, 860)

        buttons = QDialogButtonBox()
        self.use_disk = QPushButton(self.tr("Use the disk version"), objectName="useDiskButton")
        self.keep_mine = QPushButton(self.tr("Keep mine"), objectName="keepMineButton")
        buttons.addButton(self.use_disk, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.AcceptRole)
        if isinstance(merge, MergeResult) or (isinstance(merge, ThreeWay) and merge.clean):
            self.merge_button = QPushButton(self.tr("Merge both"), objectName="mergeButton")
            buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
            text = merge.text if isinstance(merge, MergeResult) else merge.text()
            self.merge_button.clicked.connect(lambda: self._choose("merge", text))
        elif isinstance(merge, ThreeWay):
            self.merge_mine_button = QPushButton(self.tr("Merge, yours where both changed"),
                                                 objectName="mergeMineButton")
            self.merge_disk_button = QPushButton(self.tr("Merge, the disk’s where both changed"),
                                                 objectName="mergeDiskButton")
            for button, side in ((self.merge_mine_button, MINE), (self.merge_disk_button, THEIRS)):
                buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
                button.clicked.connect(lambda _c=False, side=side: self._choose("merge", merge.text(side)))
            self.merge_chosen_button = QPushButton(self.tr("Merge with these choices"),
                                                   objectName="mergeChosenButton")
            buttons.addButton(self.merge_chosen_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.merge_chosen_button.setEnabled(False)
            self.conflict_view.choicesChanged.connect(self.merge_chosen_button.setEnabled)
            self.merge_chosen_button.clicked.connect(
                lambda: self._choose("merge", self.conflict_view.merged_text()))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        layout.addWidget(buttons)
        self.use_disk.clicked.connect(lambda: self._choose("disk"))
        self.keep_mine.clicked.connect(lambda: self._choose("mine"))
        cancel.clicked.connect(self.reject)
        # Enter takes the safe choice: the clean merge when offered, else nothing.
        (self.merge_button or cancel).setDefault(True)
        (self.merge_button or cancel).setFocus()

    def _choose(self, choice: str, merged_text: str | None = None) -> None:
        self.choice = choice
        self.merged_text = merged_text
        self.accept()

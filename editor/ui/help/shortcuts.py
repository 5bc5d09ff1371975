"""Help ▸ Keyboard Shortcuts: a sheet read from the window's menus, so it lists
exactly the commands and keys the window has (it cannot go stale)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout


def _plain(text: str) -> str:
    """A menu text without its mnemonic marks ("&&" is a literal "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def rows(menu_bar) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(menu title, [(command, keys)])] for every menu command that has keys,
    submenus included, in menu order. Keys are in the platform's notation."""
    sheet = []

    def walk(menu, into):
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), into)
            elif not action.isSeparator() and action.shortcuts():
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                into.append((_plain(action.text()), keys))

    for top in menu_bar.actions():
        if top.menu() is None:
            continue
        entries: list[tuple[str, str]] = []
        walk(top.menu(), entries)
        if entries:
            sheet.append((_plain(top.text()), entries))
    return sheet


class ShortcutsDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.tree = QTreeWidget(objectName="shortcutsTree")
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        for title, entries in rows(window.menuBar()):
            group = QTreeWidgetItem(self.tree, [title])
            group.setFirstColumnSpanned(True)
            for command, keys in entries:
                QTreeWidgetItem(group, [command, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        # Wide enough for both columns whole, in any language (Korean commands
        # are wider than the English ones the first size was chosen for).
        frame = self.tree.frameWidth() * 2 + self.tree.verticalScrollBar().sizeHint().width()
        margins = layout.contentsMargins().left() + layout.contentsMargins().right()
        wanted = self.tree.columnWidth(0) + self.tree.columnWidth(1) + frame + margins + 8
        self.resize(max(480, wanted), 560)


def show(window) -> ShortcutsDialog:
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog

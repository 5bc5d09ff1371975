"""The non-modal "Changed on disk" banner above the body editor.

It never blocks typing and never decides: it shows what happened and emits
the writer's choice; the controller (external_changes.py) carries it out.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget



class ChangeBanner(QFrame):
    #: *Reload* clicked: drop my edits and load the disk version. No payload.
    reloadRequested = Signal()
    #: *Keep mine* clicked: keep my text; the next save overwrites after confirming.
    keepMineRequested = Signal()
    #: *Compare* clicked: open the side-by-side diff. No payload.
    compareRequested = Signal()
    #: *Save* clicked on the "deleted" banner: write my text back. No payload.
    saveRequested = Signal()
    #: The banner was closed with ×, without a choice. No payload.
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # A warm colour that reads in light and dark palettes.
        self.setStyleSheet("#changeBanner { background: rgba(240, 190, 60, 60); }")
        self.mode = ""  # "", "changed" or "deleted"
        self.label = QLabel(objectName="bannerText")
        self.label.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("Reload"), objectName="bannerReload",
                                         toolTip=self.tr("Discard your edits and load the file from disk"))
        self.keep_button = QPushButton(self.tr("Keep mine"), objectName="bannerKeepMine",
                                       toolTip=self.tr("Keep your text; saving will overwrite the file on disk"))
        self.compare_button = QPushButton(self.tr("Compare…"), objectName="bannerCompare")
        self.save_button = QPushButton(self.tr("Save"), objectName="bannerSave",
                                       toolTip=self.tr("Write your text back to the file"))
        self.close_button = QPushButton("×", objectName="bannerClose", flat=True, maximumWidth=28,
                                        toolTip=self.tr("Dismiss"), accessibleName=self.tr("Dismiss"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        for b in (self.reload_button, self.keep_button, self.compare_button, self.save_button, self.close_button):
            layout.addWidget(b)
        self.reload_button.clicked.connect(self._emit_and_hide(self.reloadRequested))
        self.keep_button.clicked.connect(self._emit_and_hide(self.keepMineRequested))
        self.compare_button.clicked.connect(self.compareRequested)
        self.save_button.clicked.connect(self._emit_and_hide(self.saveRequested))
        self.close_button.clicked.connect(self._emit_and_hide(self.dismissed))
        self.hide()

    def show_changed(self, name: str) -> None:
        """The post changed on disk while the buffer has unsaved edits."""
        self._show("changed", self.tr("<b>{name}</b> changed on disk. Your unsaved edits are kept "
                                      "until you choose.").format(name=_esc(name)),
                   reload=True, keep=True, compare=True, save=False)

    def show_deleted(self, name: str) -> None:
        """The post was deleted or moved away; the buffer is kept."""
        self._show("deleted", self.tr("<b>{name}</b> was deleted or moved away on disk. "
                                      "Your text is kept here; Save writes it back.").format(name=_esc(name)),
                   reload=False, keep=False, compare=False, save=True)

    def clear(self) -> None:
        self.mode = ""
        self.hide()

    def _show(self, mode: str, text: str, *, reload: bool, keep: bool, compare: bool, save: bool) -> None:
        self.mode = mode
        self.label.setText(text)
        self.reload_button.setVisible(reload)
        self.keep_button.setVisible(keep)
        self.compare_button.setVisible(compare)
        self.save_button.setVisible(save)
        self.show()

    def _emit_and_hide(self, signal):
        def slot() -> None:
            self.clear()
            signal.emit()

        return slot


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

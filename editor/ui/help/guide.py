"""Help ▸ User Guide: resources/guide/guide.<language>.md, rendered by the
app's own Markdown and shown in a dialog (no browser, no network)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

_HERE = Path(__file__).resolve().parents[3]
# resources/ is `editor/resources` in an installed wheel and at the top of a checkout.
GUIDE_DIRS = (_HERE / "editor" / "resources" / "guide", _HERE / "resources" / "guide")


def guide_path(language: str, directories=GUIDE_DIRS) -> Path | None:
    """The guide for `language` ("ko_KR", "ko", "en"...): the closest one there
    is, else the English one."""
    names = []
    if language:
        names += [language, language.split("_")[0]]
    names.append("en")
    for name in names:
        for directory in directories:
            path = Path(directory) / f"guide.{name}.md"
            if path.is_file():
                return path
    return None


def guide_html(path: Path) -> str:
    from editor.core.render import RenderOptions, RenderRequest, render_html

    text = path.read_text(encoding="utf-8")
    return render_html(RenderRequest(body=text, options=RenderOptions()))


def current_language(settings=None) -> str:
    """The UI's language, chosen as at start: the guide follows the menus."""
    from editor.ui import i18n

    return i18n.ui_language(preference=i18n.preferred_language(settings))


class GuideDialog(QDialog):
    def __init__(self, parent, path: Path | None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Galley User Guide"))
        self.browser = QTextBrowser(objectName="guideText")
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(True)
        if path is None:
            self.browser.setPlainText(self.tr("The user guide is not installed."))
        else:
            self.browser.setHtml(guide_html(path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 640)


def show(window) -> GuideDialog:
    dialog = GuideDialog(window, guide_path(current_language(window.settings)))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog

"""The window's actions (menu items + shortcuts) and the menu bar built from them.

Actions only call the window's small public methods; they hold no logic. Text
formatting shortcuts (Ctrl+B/I/K) are scoped to the body editor so they do not
fire while typing in a form field.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from editor.ui import edit_commands
from editor.ui.site.command_states import ActionStates


translate = QCoreApplication.translate


def _action(parent, name, text, slot=None, shortcut=None, checkable=False, checked=False):
    """An action named `name` (stable: tests and settings find it by it) showing `text`."""
    a = QAction(text, parent)
    if shortcut is not None:
        a.setShortcuts(QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey)
                       else [QKeySequence(shortcut)])
    if checkable:
        a.setCheckable(True)
        a.setChecked(checked)
        if slot is not None:
            a.toggled.connect(slot)
    elif slot is not None:
        a.triggered.connect(lambda _checked=False: slot())
    a.setObjectName(name)
    return a


# Marked for extraction here, translated where the menu is built.
THEME_LABELS = {
    "auto": QT_TRANSLATE_NOOP("Actions", "Follow System"),
    "light": QT_TRANSLATE_NOOP("Actions", "Light"),
    "dark": QT_TRANSLATE_NOOP("Actions", "Dark"),
}


#: The Format menu: (command of editor.core.post.formatting, action name, menu
#: text, shortcut, icon theme name, the toolbar's text when the theme has no icon).
FORMATS = (
    ("bold", "actionBold", QT_TRANSLATE_NOOP("Actions", "&Bold"), QKeySequence.StandardKey.Bold,
     "format-text-bold", QT_TRANSLATE_NOOP("Actions", "B")),
    ("italic", "actionItalic", QT_TRANSLATE_NOOP("Actions", "&Italic"), QKeySequence.StandardKey.Italic,
     "format-text-italic", QT_TRANSLATE_NOOP("Actions", "I")),
    ("code", "actionCode", QT_TRANSLATE_NOOP("Actions", "&Code"), "Ctrl+Shift+C",
     "", QT_TRANSLATE_NOOP("Actions", "</>")),
    ("link", "actionInsertLink", QT_TRANSLATE_NOOP("Actions", "Insert &Link"), "Ctrl+K",
     "insert-link", QT_TRANSLATE_NOOP("Actions", "Link")),
    ("image", "actionInsertImage", QT_TRANSLATE_NOOP("Actions", "Insert I&mage"), "Ctrl+Shift+K",
     "insert-image", QT_TRANSLATE_NOOP("Actions", "Image")),
    ("h1", "actionHeading1", QT_TRANSLATE_NOOP("Actions", "Heading &1"), "Ctrl+Alt+1",
     "", QT_TRANSLATE_NOOP("Actions", "H1")),
    ("h2", "actionHeading2", QT_TRANSLATE_NOOP("Actions", "Heading &2"), "Ctrl+Alt+2",
     "", QT_TRANSLATE_NOOP("Actions", "H2")),
    ("h3", "actionHeading3", QT_TRANSLATE_NOOP("Actions", "Heading &3"), "Ctrl+Alt+3",
     "", QT_TRANSLATE_NOOP("Actions", "H3")),
    ("bullets", "actionBulletList", QT_TRANSLATE_NOOP("Actions", "B&ulleted List"), "Ctrl+Shift+8",
     "format-list-unordered", QT_TRANSLATE_NOOP("Actions", "•")),
    ("numbers", "actionNumberedList", QT_TRANSLATE_NOOP("Actions", "&Numbered List"), "Ctrl+Shift+7",
     "format-list-ordered", QT_TRANSLATE_NOOP("Actions", "1.")),
    ("quote", "actionQuote", QT_TRANSLATE_NOOP("Actions", "&Quote"), "Ctrl+Shift+9",
     "", QT_TRANSLATE_NOOP("Actions", "❝")),
    ("rule", "actionHorizontalRule", QT_TRANSLATE_NOOP("Actions", "Horizontal &Rule"), "Ctrl+Shift+-",
     "", QT_TRANSLATE_NOOP("Actions", "—")),
)
FORMAT_GROUPS = (("bold", "italic", "code", "link", "image"), ("h1", "h2", "h3"),
                 ("bullets", "numbers", "quote", "rule"))


def build_actions(window) -> SimpleNamespace:
    w, ed, s = window, window.body_editor, window.settings
    SK = QKeySequence.StandardKey
    a = SimpleNamespace()
    a.new = _action(w, "actionNew", translate("Actions", "&New"), w.new_document, SK.New)
    a.open = _action(w, "actionOpen", translate("Actions", "&Open…"), w.open_dialog, SK.Open)
    # Not w.save itself: QAction.triggered passes `checked`, which would land in `force`.
    a.save = _action(w, "actionSave", translate("Actions", "&Save"), lambda: w.save(), SK.Save)
    a.save_as = _action(w, "actionSaveAs", translate("Actions", "Save &As…"), w.save_as, SK.SaveAs)
    a.revert = _action(w, "actionRevert", translate("Actions", "&Revert"), w.revert)
    a.publish = _action(w, "actionPublish", translate("Actions", "P&ublish"), w.publish_post)
    a.unpublish = _action(w, "actionUnpublish", translate("Actions", "Make &Draft"), w.unpublish_post)
    a.rename = _action(w, "actionRenameFromTitle", translate("Actions", "Rena&me File from Title"), w.rename_post)
    a.trash = _action(w, "actionMoveToTrash", translate("Actions", "Move to &Trash…"), w.trash_post)
    a.quit = _action(w, "actionQuit", translate("Actions", "&Quit"), w.close, SK.Quit)
    a.undo = _action(w, "actionUndo", translate("Actions", "&Undo"), ed.undo, SK.Undo)
    a.redo = _action(w, "actionRedo", translate("Actions", "&Redo"), ed.redo, SK.Redo)
    a.find = _action(w, "actionFind", translate("Actions", "&Find…"), lambda: w.find_bar.open_bar(False), SK.Find)
    a.replace = _action(w, "actionReplace", translate("Actions", "&Replace…"), lambda: w.find_bar.open_bar(True), "Ctrl+H")
    # Cut, Copy, Paste and Select All act on whichever text widget has focus
    # (the body, a form field, the raw front matter), as its own keys do.
    a.cut = _action(w, "actionCut", translate("Actions", "Cu&t"), lambda: edit_commands.run("cut", w), SK.Cut)
    a.copy = _action(w, "actionCopy", translate("Actions", "&Copy"), lambda: edit_commands.run("copy", w), SK.Copy)
    a.paste = _action(w, "actionPaste", translate("Actions", "&Paste"), lambda: edit_commands.run("paste", w), SK.Paste)
    a.paste_plain = _action(w, "actionPastePlain", translate("Actions", "Paste as P&lain Text"),
                            lambda: edit_commands.run("paste_plain", w, body=ed), "Ctrl+Shift+V")
    a.select_all = _action(w, "actionSelectAll", translate("Actions", "Select &All"),
                           lambda: edit_commands.run("select_all", w), SK.SelectAll)
    a.edit_states = edit_commands.EditStates(
        {"cut": a.cut, "copy": a.copy, "paste": a.paste, "paste_plain": a.paste_plain, "select_all": a.select_all}, w, watch=[ed])
    a.preferences = _action(w, "actionPreferences", translate("Actions", "Pr&eferences…"), w.show_preferences,
                            SK.Preferences if QKeySequence.keyBindings(SK.Preferences) else "Ctrl+,")
    a.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    a.formats = {}
    for command, name, text, shortcut, icon, short in FORMATS:
        act = _action(w, name, translate("Actions", text), lambda c=command: w.format_body(c), shortcut)
        act.setIcon(QIcon.fromTheme(icon) if icon else QIcon())
        # The toolbar shows this where the icon theme has no icon.
        act.setIconText(translate("Actions", short))
        a.formats[command] = act
    a.bold, a.italic, a.link = a.formats["bold"], a.formats["italic"], a.formats["link"]
    for act in (a.undo, a.redo, *a.formats.values()):
        # Only while the editor has focus: Ctrl+B in a form field must not bold the body.
        act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        ed.addAction(act)
    a.format_toolbar = _action(w, "actionFormatToolbar", translate("Actions", "Format &Toolbar"),
                               w.set_format_toolbar_visible, None, True, s.get("view/format_toolbar"))
    a.shortcuts = _action(w, "actionKeyboardShortcuts", translate("Actions", "&Keyboard Shortcuts"),
                          w.show_shortcuts, "Ctrl+/")
    a.guide = _action(w, "actionUserGuide", translate("Actions", "&User Guide"), w.show_guide, SK.HelpContents)
    a.about = _action(w, "actionAbout", translate("Actions", "&About Galley"), w.show_about)
    a.about.setMenuRole(QAction.MenuRole.AboutRole)
    a.show_form = _action(w, "actionFrontMatterForm", translate("Actions", "Front-Matter &Form"), w.set_form_visible, "Ctrl+1", True, s.get("panes/form"))
    a.show_preview = _action(w, "actionPreview", translate("Actions", "&Preview"), w.set_preview_visible, "Ctrl+3", True, s.get("panes/preview"))
    # Fast / Site preview: wired once the preview is up (editor.ui.serve.wiring).
    a.site_preview = _action(w, "actionSitePreview", translate("Actions", "Preview with the Site's &Generator"), None, None, True, False)
    # Wired once the preview is up (editor.ui.preview.remote_content): remembered per site.
    a.load_remote = _action(w, "actionLoadRemoteContent", translate("Actions", "Load Remote &Content"), None, None, True, True)
    a.show_problems = _action(w, "actionProblems", translate("Actions", "P&roblems"), w.set_problems_visible, "Ctrl+4", True, s.get("panes/problems"))
    a.focus_mode = _action(w, "actionFocusMode", translate("Actions", "F&ocus Mode"), w.set_focus_mode, "F11", True, False)
    a.raw = _action(w, "actionRawFrontMatter", translate("Actions", "&Raw Front Matter"), w.form_panel.set_raw, "Ctrl+Shift+R", True, False)
    a.wrap = _action(w, "actionSoftWrap", translate("Actions", "Soft &Wrap"), w.set_wrap, None, True, s.get("editor/wrap"))
    a.line_numbers = _action(w, "actionLineNumbers", translate("Actions", "&Line Numbers"), w.set_line_numbers, None, True, s.get("editor/line_numbers"))
    a.site_search = _action(w, "actionSiteSearch", translate("Actions", "Search in S&ite…"), w.show_site_search, "Ctrl+Shift+F")
    a.tags = _action(w, "actionTagsManager", translate("Actions", "&Tags and Categories…"), w.show_tags_manager)
    # Shown and hidden by the outline's dock, made at first use (app's start-up).
    a.outline = _action(w, "actionOutline", translate("Actions", "O&utline"), None, "Ctrl+Shift+O", True, False)
    a.posts = _action(w, "actionSitePosts", translate("Actions", "Site &Posts…"), w.show_posts_list, "Ctrl+P")
    a.theme_group = QActionGroup(w)
    a.themes = {}
    for theme in ("auto", "light", "dark"):
        act = _action(w, f"actionTheme{theme.capitalize()}", translate("Actions", THEME_LABELS[theme]),
                      checkable=True, checked=s.get("theme") == theme)
        act.triggered.connect(lambda _c=False, t=theme: w.set_theme(t))
        a.theme_group.addAction(act)
        a.themes[theme] = act
    # Publish, Make Draft, Rename and Trash: enabled only while they apply to the open post.
    a.file_command_states = ActionStates(w, a)
    return a


def build_menus(window, a: SimpleNamespace) -> QMenu:
    """Fill the menu bar; returns the Open Recent menu (refilled on show)."""
    bar = window.menuBar()
    file = bar.addMenu(translate("Actions", "&File"))
    file.addActions([a.new, a.open])
    recent = file.addMenu(translate("Actions", "Open &Recent"))
    recent.setObjectName("recentMenu")
    recent.aboutToShow.connect(lambda: fill_recent_menu(window, recent))
    fill_recent_menu(window, recent)
    file.addActions([a.posts, a.save, a.save_as, a.revert])
    file.addSeparator()
    file.addActions([a.publish, a.unpublish, a.rename, a.trash])
    file.addSeparator()
    file.addAction(a.quit)
    edit = bar.addMenu(translate("Actions", "&Edit"))
    edit.setObjectName("editMenu")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.cut, a.copy, a.paste, a.paste_plain, a.select_all])
    edit.addSeparator()
    edit.addActions([a.find, a.replace, a.site_search, a.tags])
    edit.addSeparator()
    edit.addAction(a.preferences)
    edit.aboutToShow.connect(a.edit_states.update)
    fmt = bar.addMenu(translate("Actions", "F&ormat"))
    fmt.setObjectName("formatMenu")
    for group in FORMAT_GROUPS:
        fmt.addActions([a.formats[c] for c in group])
        fmt.addSeparator()
    view = bar.addMenu(translate("Actions", "&View"))
    view.setObjectName("viewMenu")
    view.addActions([a.show_form, a.show_preview, a.site_preview, a.load_remote, a.show_problems, a.outline,
                     a.format_toolbar, a.focus_mode])
    view.addSeparator()
    view.addActions([a.raw, a.wrap, a.line_numbers])
    theme = view.addMenu(translate("Actions", "&Theme"))
    theme.addActions(list(a.themes.values()))
    help_menu = bar.addMenu(translate("Actions", "&Help"))
    help_menu.setObjectName("helpMenu")
    help_menu.addActions([a.guide, a.shortcuts])
    help_menu.addSeparator()
    help_menu.addAction(a.about)
    return recent


def build_format_toolbar(window, a: SimpleNamespace) -> QToolBar:
    """The Format toolbar over the panes: the Format menu's commands."""
    bar = QToolBar(translate("Actions", "Format"), window)
    bar.setObjectName("formatToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonFollowStyle)
    for group in FORMAT_GROUPS:
        bar.addActions([a.formats[c] for c in group])
        bar.addSeparator()
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def fill_recent_menu(window, menu: QMenu) -> None:
    menu.clear()
    files = window.settings.recent_files()
    for i, path in enumerate(files):
        name = Path(path).name
        act = menu.addAction(translate("Actions", "&{number} {name}").format(number=i + 1, name=name) if i < 9 else name)
        act.setToolTip(path)
        act.setData(path)
        act.triggered.connect(lambda _c=False, p=path: window.open_path(p))
    if files:
        menu.addSeparator()
        menu.addAction(translate("Actions", "Clear Menu"), window.settings.clear_recent)
    else:
        menu.addAction(translate("Actions", "No recent files")).setEnabled(False)

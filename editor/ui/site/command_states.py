"""Which of the window's file commands (Publish, Make Draft, Rename File from
Title, Move to Trash) apply to the open post, and their actions kept so.

They apply to a saved post of an open site only: Publish to a draft, Make
Draft to a published or scheduled post (Jekyll: by the folder, `_drafts` or
`_posts`; Hugo and Zola: by `draft`), Rename to a post with a title. Not to
an untitled or new post, a post outside any site, or a file gone from disk.

Apart from post_commands so the window can build it before its first paint
without loading the commands' dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

__all__ = ["FILE_COMMANDS", "applicable", "update_actions", "ActionStates"]


#: The file commands, by their names in `window.actions`.
FILE_COMMANDS = ("publish", "unpublish", "rename", "trash")


def applicable(window) -> dict[str, bool]:
    """Which file commands apply to the open post now: none to an untitled or
    new post, to a post outside any site or to a file gone from disk."""
    state = dict.fromkeys(FILE_COMMANDS, False)
    path = window.session.path
    model = window.services.site.current
    site = model.site if model is not None else None
    if path is None or site is None or site.generator == "unknown" or not model.contains(path):
        return state
    if not path.is_file():
        return state
    state["trash"] = True
    doc = window.session.document
    if doc.front_matter_error is not None:
        return state  # its values cannot be read or changed: only the trash applies
    from editor.core.site.post_files import draft_moves

    fm = doc.front_matter
    state["publish"], state["unpublish"] = draft_moves(path, fm, site.generator)
    title = fm.get("title")
    state["rename"] = isinstance(title, str) and bool(title.strip())
    return state


def update_actions(window, actions=None) -> None:
    """Enable the file commands' actions that apply, disable the others.
    `actions`: the window's actions (default `window.actions`)."""
    actions = actions if actions is not None else getattr(window, "actions", None)
    if actions is None:
        return
    for name, on in applicable(window).items():
        getattr(actions, name).setEnabled(on)


class ActionStates(QObject):
    """Keeps the file commands' actions in step with the open post: when a post
    opens or is replaced (a reload after a change on disk), is saved or moved,
    its front matter is edited, and when its site opens or re-reads its posts.
    A child of the window, so the connections end with it."""

    def __init__(self, window, actions) -> None:
        super().__init__(window)
        self.setObjectName("fileCommandStates")
        self._window, self._actions = window, actions
        session, owner = window.services.session, window.services.site
        for signal in (session.documentReplaced, session.pathChanged, session.saved,
                       owner.siteOpened, owner.siteChanged, owner.siteClosed, owner.postsUpdated):
            signal.connect(self.refresh)
        session.changed.connect(self._on_change)
        self.refresh()

    @Slot()
    def refresh(self, *_args) -> None:
        update_actions(self._window, self._actions)

    @Slot(object)
    def _on_change(self, change) -> None:
        if change.part == "front_matter":  # a title or `draft` typed in the form
            self.refresh()

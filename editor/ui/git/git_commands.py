"""The window's git: the owner, the branch in the status bar, the Git menu and its commands.

`install(window, services)` is called once, after the window's first paint
(no git process runs before it): it makes the `GitOwner`, has it follow the
open site, shows each post's state in the posts pane and the branch with its
ahead/behind counts in the status bar (a click opens the Git menu), and adds
the Git menu: Show Changes, Commit…, Pull, Push, Resolve Conflicts…, enabled
only in a repository. Pull and push run in the background with their progress
in the status bar; their outcome (`core.git.remote`: OK, credentials refused,
someone pushed first, conflicts, other) is a plain message with the next step.
After a pull the file watcher reloads a clean open post in place and gives a
dirty one the changed-on-disk banner; conflicted posts open the resolution
dialog one by one, and once all are resolved the merge is committed (or the
rebase continued).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QProgressBar, QToolButton

from editor.core.git import commit as git_commit
from editor.core.git import remote
from editor.core.git import status as git_status
from editor.ui.git.git_owner import GitOwner
from editor.ui.git.state_names import _NAMES, state_name


# Written out at each call (lupdate reads only `translate("Context", "literal")`).
translate = QCoreApplication.translate


def branch_text(status) -> str:
    """"main ↑2 ↓1": the branch (or the commit when detached) and its distance from upstream."""
    name = status.branch or (status.head or "")[:8] or translate("Git", "no commits")
    parts = [name]
    if status.ahead:
        parts.append(f"↑{status.ahead}")
    if status.behind:
        parts.append(f"↓{status.behind}")
    if status.conflicted:
        parts.append(translate("Git", "{count} conflicted").format(count=len(status.conflicted)))
    return " ".join(parts)


class GitCommands(QObject):
    def __init__(self, window, services) -> None:
        super().__init__(window)
        self.window, self.services = window, services
        self.owner = GitOwner(self)
        self.conflict_dialog = None  # the one shown now, for tests
        self.commit_dialog = None
        self.changes_dialog = None
        #: The last pull's or push's RemoteResult (for tests and the message shown).
        self.last_remote = None
        self._build_status_bar()
        self._build_menu()
        site, session = services.site, window.session
        site.siteOpened.connect(lambda model: self.owner.set_site(model.root))
        site.siteClosed.connect(lambda: self.owner.set_site(None))
        session.saved.connect(lambda _p: self.owner.refresh())
        session.pathChanged.connect(lambda p: self.owner.follow(p or None))
        self.owner.statusChanged.connect(self._show_status)
        self.owner.progress.connect(self._show_progress)
        self.owner.watch_focus(window)
        window.closed.connect(self.owner.shutdown)
        if site.current is not None:
            self.owner.set_site(site.current.root)
        elif session.path is not None:
            self.owner.follow(session.path)

    # -- the window's parts ----------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.window.statusBar()
        self.branch = QToolButton(bar, objectName="gitBranch", autoRaise=True)
        self.branch.setAccessibleName(translate("Git", "Git branch"))
        self.branch.setToolTip(translate("Git", "The branch, commits to push (↑) and to pull (↓): click for Git"))
        self.branch.clicked.connect(lambda: self.menu.popup(self.branch.mapToGlobal(self.branch.rect().topLeft())))
        self.branch.hide()
        self.progress_bar = QProgressBar(bar, objectName="gitProgress", maximumWidth=180, textVisible=True)
        self.progress_bar.hide()
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.branch)

    def _build_menu(self) -> None:
        from PySide6.QtGui import QAction

        bar = self.window.menuBar()
        help_menu = next((a for a in bar.actions() if a.menu() is not None
                          and a.menu().objectName() == "helpMenu"), None)
        self.menu = bar.addMenu(translate("Git", "&Git"))
        self.menu.setObjectName("gitMenu")
        if help_menu is not None:
            bar.insertMenu(help_menu, self.menu)
        self.actions = {}
        for name, text, slot, shortcut in (
                ("changes", translate("Git", "Show &Changes"), self.show_changes, "Ctrl+Alt+D"),
                ("commit", translate("Git", "&Commit…"), self.commit, "Ctrl+Alt+C"),
                ("pull", translate("Git", "&Pull"), self.pull, None),
                ("push", translate("Git", "P&ush"), self.push, None),
                ("resolve", translate("Git", "&Resolve Conflicts…"), self.resolve_conflicts, None)):
            action = QAction(text, self.window, objectName=f"actionGit{name.capitalize()}")
            if shortcut:
                action.setShortcut(shortcut)
            action.triggered.connect(lambda _c=False, s=slot: s())
            action.setEnabled(False)
            self.menu.addAction(action)
            self.actions[name] = action
        self.menu.insertSeparator(self.actions["pull"])

    def _show_status(self, status) -> None:
        in_repo = status.is_repo
        for name, action in self.actions.items():
            action.setEnabled(in_repo and not (name == "resolve" and not status.conflicted))
        self.actions["changes"].setEnabled(in_repo)
        self.branch.setVisible(in_repo)
        if in_repo:
            self.branch.setText(branch_text(status))
        words = {state: state_name(state) for state in _NAMES}
        self.services.posts_list.show_git_states(self.owner.states if in_repo else None, words)

    def _show_progress(self, phase: str, percent: int) -> None:
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(percent)
        self.progress_bar.setFormat(f"{phase} %p%")

    # -- commands -----------------------------------------------------------------------

    def _open_rel(self) -> str | None:
        path, site = self.window.session.path, self.owner.site
        if path is None or site is None:
            return None
        try:
            return Path(os.path.abspath(path)).relative_to(site).as_posix()
        except ValueError:
            return None

    def show_changes(self) -> None:
        from editor.ui.git.changes_dialog import ChangesDialog

        session = self.window.session
        session.flush()
        text = session.document.text if session.path is not None else None
        self.changes_dialog = ChangesDialog(self.owner, os.fspath(session.path) if session.path else None,
                                            text, self.window)
        self.changes_dialog.show()

    def commit(self) -> None:
        session = self.window.session
        session.flush()
        if session.modified and session.path is not None:
            answer = QMessageBox.question(
                self.window, translate("Git", "Commit"), translate("Git", "Save {name} before committing?").format(name=session.path.name),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer != QMessageBox.StandardButton.Save or not self.window.save():
                return
        # The list must hold the post just saved: read the status, then open.
        self.owner.run(git_status.read_status, self.owner.site, self.owner.repository,
                       done=self._open_commit, refresh=False)

    def _open_commit(self, status) -> None:
        if isinstance(status, git_status.RepoStatus):
            self.owner._publish(status)
        from editor.ui.git.commit_dialog import CommitDialog

        dialog = CommitDialog(self.owner, self._open_rel(), self.window)
        dialog.hookProblems.connect(self._show_hook_problems)
        dialog.committed.connect(lambda cid: self.window.statusBar().showMessage(
            translate("Git", "Committed {id}").format(id=cid[:8]), 5000))
        self.commit_dialog = dialog
        dialog.show()

    def _show_hook_problems(self, problems: list) -> None:
        panel = self.window.problems_panel
        panel.set_diagnostics([d for d in panel.diagnostics if not hasattr(d, "path")] + problems)
        panel.show()

    def pull(self) -> None:
        self._remote(remote.pull, translate("Git", "Pulling…"))

    def push(self) -> None:
        self._remote(remote.push, translate("Git", "Pushing…"))

    def _remote(self, fn, label: str) -> None:
        for name in ("pull", "push"):
            self.actions[name].setEnabled(False)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setFormat(label)
        self.progress_bar.show()
        self.window.statusBar().showMessage(label)
        owner = self.owner
        owner.run(fn, owner.site, owner.report_progress, owner.repository, done=self._remote_done)

    def _remote_done(self, result) -> None:
        self.progress_bar.hide()
        self.window.statusBar().clearMessage()
        for name in ("pull", "push"):
            self.actions[name].setEnabled(True)
        if isinstance(result, Exception):
            QMessageBox.warning(self.window, translate("Git", "Git"), str(result))
            return
        self.last_remote = result
        translate = QCoreApplication.translate
        text = result.message.shown(translate)
        if result.next_step:
            text += "\n\n" + result.next_step.shown(translate)
        if result.ok:
            self.window.statusBar().showMessage(text, 8000)
            return
        if result.outcome == remote.CONFLICTS:
            self.window.statusBar().showMessage(text, 8000)
            self.resolve_conflicts(list(result.conflicts))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Git", "Git"), text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("gitMessage")
        box.setDetailedText(result.output)
        self.message_box = box
        box.show()

    # -- conflicts -----------------------------------------------------------------------

    def resolve_conflicts(self, paths: list[str] | None = None) -> None:
        """The resolution dialog for each conflicted post, one after another."""
        self._queue = list(paths if paths is not None else self.owner.status.conflicted)
        self._resolved = 0
        self._next_conflict()

    def _next_conflict(self) -> None:
        from editor.ui.git.conflict_dialog import load

        if not self._queue:
            if self._resolved:
                self._finish_merge()
            return
        rel = self._queue.pop(0)
        self.owner.run(load, self.owner.site, rel, self.owner.repository,
                       done=lambda loaded, r=rel: self._show_conflict(r, loaded), refresh=False)

    def _show_conflict(self, rel: str, loaded) -> None:
        from editor.ui.git.conflict_dialog import ConflictDialog

        if loaded is None or isinstance(loaded, Exception):
            self._next_conflict()
            return
        dialog = ConflictDialog(self.owner, rel, loaded, self.window)
        self.conflict_dialog = dialog
        dialog.accepted.connect(self._one_resolved)
        dialog.show()

    def _one_resolved(self) -> None:
        self._resolved += 1
        self._next_conflict()

    def _finish_merge(self) -> None:
        """Every conflict resolved (staged): commit the merge, or continue the rebase."""
        self.owner.run(git_status.read_status, self.owner.site, self.owner.repository,
                       done=self._maybe_continue, refresh=False)

    def _maybe_continue(self, status) -> None:
        if not isinstance(status, git_status.RepoStatus) or status.conflicted:
            return
        self.owner.run(git_commit.continue_pull, self.owner.site, self.owner.repository, done=self._continued)

    def _continued(self, result) -> None:
        if isinstance(result, Exception):
            return
        if result.ok:
            self.window.statusBar().showMessage(translate("Git", "Merge committed: push to share it."), 8000)
        else:
            box = QMessageBox(QMessageBox.Icon.Warning, translate("Git", "Git"),
                              translate("Git", "Could not finish the pull:") + "\n" + result.output,
                              QMessageBox.StandardButton.Ok, self.window)
            box.setObjectName("gitMessage")
            self.message_box = box
            box.show()


def install(window, services) -> GitCommands:
    return GitCommands(window, services)

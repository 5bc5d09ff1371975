"""The sentences git results carry to the writer (translatable, see post.texts).

Each outcome of a pull or push has a plain message and the next step; the
window shows `Text.shown(translate)`, the CLI and tests see the English.
"""

from __future__ import annotations

from editor.core.post.texts import QT_TRANSLATE_NOOP, Text

CONTEXT = "GitMessages"

_TEMPLATES = {
    "pull/ok": QT_TRANSLATE_NOOP("GitMessages", "Pulled: the site is up to date with {upstream}."),
    "pull/ok/no-upstream": QT_TRANSLATE_NOOP("GitMessages", "Pulled."),
    "push/ok": QT_TRANSLATE_NOOP("GitMessages", "Pushed your commits."),
    "auth": QT_TRANSLATE_NOOP("GitMessages", "The remote refused your credentials."),
    "auth/next": QT_TRANSLATE_NOOP(
        "GitMessages", "Sign in once with git in a terminal (or your credential manager), then try again."),
    "rejected": QT_TRANSLATE_NOOP("GitMessages", "Someone else pushed first: the remote has commits you do not have."),
    "rejected/next": QT_TRANSLATE_NOOP("GitMessages", "Pull, then push again."),
    "conflicts": QT_TRANSLATE_NOOP("GitMessages", "The pull stopped on conflicting changes in {count} file(s)."),
    "conflicts/next": QT_TRANSLATE_NOOP(
        "GitMessages", "Resolve each conflicted post, then commit (or continue the rebase)."),
    "no-upstream": QT_TRANSLATE_NOOP("GitMessages", "This branch has no remote branch to pull from or push to."),
    "no-upstream/next": QT_TRANSLATE_NOOP(
        "GitMessages", "Push it once with git in a terminal: git push -u origin {branch}"),
    "local-changes": QT_TRANSLATE_NOOP("GitMessages", "Your uncommitted changes would be overwritten by the pull."),
    "local-changes/next": QT_TRANSLATE_NOOP("GitMessages", "Commit your changes first, then pull."),
    "other": QT_TRANSLATE_NOOP("GitMessages", "git failed: {detail}"),
    "other/next": QT_TRANSLATE_NOOP("GitMessages", "Read git's output below."),
    "not-a-repository": QT_TRANSLATE_NOOP("GitMessages", "This site is not in a git repository."),
    "no-git": QT_TRANSLATE_NOOP("GitMessages", "git is not installed."),
    "timed-out": QT_TRANSLATE_NOOP("GitMessages", "git did not answer in time."),
}


def text(key: str, **params: object) -> Text:
    return Text(CONTEXT, _TEMPLATES[key], **params)

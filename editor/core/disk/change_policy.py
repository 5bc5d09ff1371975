"""What to do when a post changes on disk: a pure function of the facts.

The file watcher (editor/ui/disk/file_watcher.py) only reports that *something*
happened to a path; the UI controller (editor/ui/disk/external_changes.py) gathers
the facts below and carries out the decision. Keeping the rule here means it
is tested headless over every combination (tests/core/test_change_policy.py)
and the UI never improvises a policy of its own.

The one promise the rule keeps: the writer's unsaved words are never thrown
away without asking. A clean buffer is reloaded silently; a dirty one is
never reloaded by this function.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Decision(str, enum.Enum):
    #: Replace the buffer with the disk content (only ever for a clean buffer).
    RELOAD = "reload"
    #: Show the "Changed on disk" banner: Reload / Keep mine / Compare.
    ASK = "ask"
    #: The post is gone: keep the buffer, show a banner; Save recreates it.
    MARK_DELETED = "mark-deleted"
    #: Nothing the writer needs to know (our own write, same content, mid-save).
    IGNORE = "ignore"


@dataclass(frozen=True)
class DiskFacts:
    """Everything the decision depends on, gathered by the caller.

    Fingerprints are `editor.core.disk.storage.Fingerprint` values (anything with
    `size` and `sha256` attributes works); `None` means "unknown / never".
    """

    #: The post exists on disk now.
    exists: bool
    #: Fingerprint of the file on disk now (None when missing or unreadable).
    disk: Any = None
    #: Fingerprint of the version the buffer was loaded from (or last saved as).
    loaded: Any = None
    #: Fingerprint of what this program last wrote to the path.
    written: Any = None
    #: The buffer has edits not on disk.
    dirty: bool = False
    #: A save of this post is in progress right now.
    saving: bool = False
    #: A disk version the writer already chose "Keep mine" over: not asked again.
    dismissed: Any = None


def same_content(a: Any, b: Any) -> bool:
    """Two fingerprints describe the same bytes.

    Only size and hash count: a `touch`, or a `git checkout` that writes back
    identical bytes, changes mtime but not the text, and must not reload or
    nag (the watcher would otherwise report every checkout of a folder).
    """
    if a is None or b is None:
        return False
    return (a.size, a.sha256) == (b.size, b.sha256)


def decide(facts: DiskFacts) -> Decision:
    """The action for one debounced change notification about one post."""
    # Our own save is writing the file right now; its events are ours. The
    # controller re-checks once the save finishes, so nothing is missed.
    if facts.saving:
        return Decision.IGNORE
    if not facts.exists:
        # Deleted or moved away: the buffer is all the writer has now.
        return Decision.MARK_DELETED
    if facts.disk is None:
        # Exists but unreadable (permissions, vanished between stat and
        # read): there is no new content to offer; the next event decides.
        return Decision.IGNORE
    if same_content(facts.disk, facts.loaded) or same_content(facts.disk, facts.written):
        # Nothing new: the version we have, or the one we wrote.
        return Decision.IGNORE
    if same_content(facts.disk, facts.dismissed):
        return Decision.IGNORE
    return Decision.ASK if facts.dirty else Decision.RELOAD

"""Reading posts under the watchers sends nothing to Python.

Every read of a file in a watched folder is an "opened" and a "closed, no
write" event; without watchdog's event filter each of them crossed into
Python (20,000 callbacks for a site of 10,000 posts read once, e.g. by a
re-index). The watchers hand watchdog the kinds they handle, so reads are
not even asked of the kernel. Counted on the real handlers with real files.
"""

from __future__ import annotations

import threading

import pytest

from editor.core.site.site import Site
from editor.ui.disk import file_watcher
from editor.ui.disk.file_watcher import FileWatcher, SiteWatcher

TIMEOUT = 5000
POSTS = 10_000  # the size of site the watchers must take without an event storm


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    posts = root / "_posts"
    posts.mkdir(parents=True)
    (root / "_config.yml").write_text("title: Big\n", encoding="utf-8")
    for i in range(POSTS):
        (posts / f"2024-01-01-post-{i}.md").write_text(f"---\ntitle: Post {i}\n---\nBody {i}\n",
                                                       encoding="utf-8")
    return root


def count_callbacks(monkeypatch, handler_class):
    """The events reaching Python on the handler's (watchdog's) thread."""
    seen: list[tuple[str, str]] = []
    lock = threading.Lock()
    original = handler_class.on_any_event

    def counting(self, event):
        with lock:
            seen.append((event.event_type, str(event.src_path)))
        original(self, event)

    monkeypatch.setattr(handler_class, "on_any_event", counting)
    return seen


@pytest.fixture
def site_watcher(qtbot):
    # Alive until teardown, like test_file_watcher's: the watcher's timers may
    # still have events queued when the test body returns.
    w = SiteWatcher(quiet_ms=100)
    yield w
    w.close()


@pytest.fixture
def watcher(qtbot):
    w = FileWatcher()
    yield w
    w.close()


def read_everything(root):
    for path in sorted(root.rglob("*")):
        if path.is_file():
            path.read_bytes()


def test_reading_every_post_of_a_big_site_sends_no_event_to_python(qtbot, monkeypatch, site, site_watcher):
    seen = count_callbacks(monkeypatch, file_watcher._SiteHandler)
    site_watcher.watch_site(Site.discover(site))
    read_everything(site)
    read_everything(site)
    # A write after the reads: its events arrive after theirs (one inotify
    # queue), so once it is reported every read's events would be in.
    sentinel = site / "_posts" / "2024-02-02-sentinel.md"
    with qtbot.waitSignal(site_watcher.postsChanged, timeout=TIMEOUT):
        sentinel.write_text("---\ntitle: New\n---\n", encoding="utf-8")
    from_reads = [e for e in seen if e[1] != str(sentinel)]
    assert from_reads == [], f"{len(from_reads)} events from reads reached Python, e.g. {from_reads[:3]}"
    assert {kind for kind, _ in seen} >= {"created"}


def test_reading_the_open_post_and_its_neighbours_sends_no_event_to_python(qtbot, monkeypatch, site, watcher):
    seen = count_callbacks(monkeypatch, file_watcher._Handler)
    post = site / "_posts" / "2024-01-01-post-0.md"
    watcher.watch(post)
    read_everything(site)
    for _ in range(100):  # a renderer or a linter reading the open post again and again
        post.read_bytes()
    with qtbot.waitSignal(watcher.fileChanged, timeout=TIMEOUT):
        post.write_text("---\ntitle: Changed\n---\n", encoding="utf-8")
    kinds = [kind for kind, _ in seen]
    assert "opened" not in kinds and "closed_no_write" not in kinds, kinds[:10]
    assert set(kinds) <= {"modified", "closed", "created"}

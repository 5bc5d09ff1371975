"""The open site, through the real window: opened with a post, switched by a
post of another site, closed; `galley POST` shows the site's posts; start-up
runs its phases once and the services are reachable through their holder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.ui import launch
from tests.ui.test_preview import wait_preview

TIMEOUT = 10000


def make_site(folder: Path, titles: list[str], galley_toml: str | None = None) -> list[Path]:
    (folder / "_posts").mkdir(parents=True)
    (folder / "_config.yml").write_text(f"title: {folder.name}\nbaseurl: /{folder.name}\n", encoding="utf-8")
    if galley_toml is not None:
        (folder / "galley.toml").write_text(galley_toml, encoding="utf-8")
    posts = []
    for i, title in enumerate(titles):
        path = folder / "_posts" / f"2024-01-{i + 1:02d}-post-{i}.md"
        path.write_text(f"---\ntitle: {title}\ntags: [{folder.name}-tag]\n---\n본문 {i}\n", encoding="utf-8")
        posts.append(path)
    return posts


def titles(window) -> list[str]:
    posts = window.services.posts_list
    return sorted(row.title for row in posts.shown_rows())


@pytest.fixture
def two_sites(tmp_path):
    first = make_site(tmp_path / "first", ["하나", "둘"])
    second = make_site(tmp_path / "second", ["Alpha", "Beta", "Gamma"],
                       galley_toml='[fields.subtitle]\ntype = "string"\nrequired = true\n')
    return first, second


@pytest.fixture
def opened(qtbot, settings, tmp_path):
    windows = []

    def open_window(paths):
        w = launch([str(p) for p in paths], settings=settings, recovery_dir=tmp_path / "recovery")
        windows.append(w)
        qtbot.waitExposed(w)
        return w

    yield open_window
    for w in windows:
        w.session.new()  # nothing unsaved: closing must not ask
        w.close()
        w.deleteLater()


def test_opening_a_post_opens_its_site_and_fills_the_posts_list(qtbot, opened, two_sites):
    first, _second = two_sites
    win = opened([first[0]])
    site = win.services.site
    qtbot.waitUntil(lambda: site.current is not None, timeout=TIMEOUT)
    assert site.current.root == first[0].parent.parent.resolve()
    assert site.current.generator == "jekyll" and site.current.config["title"] == "first"
    qtbot.waitUntil(lambda: titles(win) == ["둘", "하나"], timeout=TIMEOUT)
    assert "first-tag" in site.context.vocabulary["tags"]


def test_opening_a_post_of_another_site_switches_list_schema_and_preview(qtbot, opened, two_sites):
    first, second = two_sites
    win = opened([first[0]])
    site, services = win.services.site, win.services
    qtbot.waitUntil(lambda: site.current is not None and titles(win) == ["둘", "하나"], timeout=TIMEOUT)
    wait_preview(qtbot, win)
    assert services.preview._site.baseurl == "/first"
    assert site.context.schema.field("subtitle") is None

    opened_sites = []
    site.siteOpened.connect(lambda model: opened_sites.append(model.root))
    assert win.open_path(second[1], ask=False)
    qtbot.waitUntil(lambda: titles(win) == ["Alpha", "Beta", "Gamma"], timeout=TIMEOUT)
    assert opened_sites == [second[1].parent.parent.resolve()]
    assert site.context.schema.field("subtitle") is not None  # the second site's galley.toml
    qtbot.waitUntil(lambda: services.preview._site.baseurl == "/second", timeout=TIMEOUT)
    assert "second-tag" in site.context.vocabulary["tags"]
    assert "first-tag" not in site.context.vocabulary["tags"]

    # Back to the first: kept, not indexed again, and the switch is told.
    assert win.open_path(first[1], ask=False)
    qtbot.waitUntil(lambda: titles(win) == ["둘", "하나"], timeout=TIMEOUT)
    assert opened_sites[-1] == first[1].parent.parent.resolve()


def test_closing_the_site_empties_the_list_and_returns_to_the_default_schema(qtbot, opened, two_sites):
    _first, second = two_sites
    win = opened([second[0]])
    site = win.services.site
    qtbot.waitUntil(lambda: site.current is not None and win.services.posts_list.count() == 3, timeout=TIMEOUT)
    with qtbot.waitSignal(site.siteClosed, timeout=TIMEOUT):
        win.session.new()  # nothing open: no site
    assert site.current is None and site.context.root is None
    assert win.services.posts_list.count() == 0
    assert site.context.schema.field("subtitle") is None


def test_site_folder_shows_the_list_and_opens_the_newest_post(qtbot, opened, two_sites):
    _first, second = two_sites
    win = opened([second[0].parent.parent])
    qtbot.waitUntil(lambda: win.session.path == second[2].resolve(), timeout=TIMEOUT)
    assert titles(win) == ["Alpha", "Beta", "Gamma"]
    from PySide6.QtWidgets import QDockWidget

    assert win.findChild(QDockWidget, "postsDock").isVisible()


def test_first_shown_fires_once_and_the_services_come_through_the_holder(qtbot, opened, two_sites):
    first, _second = two_sites
    win = opened([first[0]])
    qtbot.waitUntil(lambda: not win.form_panel.form.held)  # firstShown has fired
    fired = []
    win.firstShown.connect(lambda: fired.append(True))
    # (The CLI test below counts from before the first paint: once.) Here:
    # no second emission follows the services.
    qtbot.waitUntil(lambda: win.services.external_changes is not None, timeout=TIMEOUT)
    services = win.services
    qtbot.waitUntil(lambda: services.site.current is not None, timeout=TIMEOUT)
    assert services.validator is not None and services.preview is not None
    assert services.site_watcher is not None and services.site_watcher.root == str(services.site.current.root)
    assert services.file_watcher is services.external_changes.watcher
    assert str(first[0].resolve()) in services.file_watcher.watched_paths()
    assert fired == []
    for name in ("site_loader", "preview_controller", "external_changes", "validator", "posts_list",
                 "site_watcher", "attach_services", "_services_attached", "_preview_attached"):
        assert name not in vars(win), name  # nothing attached to the window ad hoc


# `galley POST` as the command runs it: the CLI's open path, its event loop.
CLI_PROBE = """
import json, sys
import editor.ui
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

real_launch = editor.ui.launch
shown = []

def launch(paths, *args, **kwargs):
    win = real_launch(paths, *args, **kwargs)
    win.firstShown.connect(lambda: shown.append(1))
    posts = win.services.posts_list

    def look():
        if posts.count() < 2 or win.services.external_changes is None:
            QTimer.singleShot(50, look)
            return
        QTimer.singleShot(300, lambda: report(win, posts))  # time for a stray second firstShown

    QTimer.singleShot(0, look)
    return win

def report(win, posts):
    print(json.dumps({"posts": [row.title for row in posts.shown_rows()],
                      "first_shown": len(shown), "open": str(win.session.path)}), flush=True)
    win.close()
    QApplication.instance().quit()

editor.ui.launch = launch
from editor.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_galley_post_through_the_cli_opens_the_site_around_the_post(two_sites, tmp_path):
    first, _second = two_sites
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path))
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    out = subprocess.run([sys.executable, "-c", CLI_PROBE, str(first[1])], capture_output=True, text=True,
                         cwd=root, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert sorted(seen["posts"]) == ["둘", "하나"]
    assert seen["open"] == str(first[1].resolve())
    assert seen["first_shown"] == 1


def test_preview_knows_a_post_written_on_disk_after_the_site_opened(qtbot, opened, tmp_path):
    """`{% post_url %}` to a post that is not there yet: once the post is
    written on disk, the open post's preview links to it (the preview's list
    of posts follows the site's index, not the list it had at opening)."""
    from tests.ui.test_preview import js

    site = tmp_path / "linked"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: linked\n", encoding="utf-8")
    post = site / "_posts" / "2024-01-01-a.md"
    post.write_text("---\ntitle: A\n---\nSee [B]({% post_url 2024-01-02-bee %}).\n", encoding="utf-8")
    window = opened([post])
    view = wait_preview(qtbot, window)
    qtbot.waitUntil(lambda: window.services.site.current is not None, timeout=TIMEOUT)
    href = "document.querySelector('#galley-body a').getAttribute('href')"
    assert js(qtbot, view, href) != "/2024/01/02/bee.html"  # no such post (yet)

    (site / "_posts" / "2024-01-02-bee.md").write_text("---\ntitle: B\n---\nb\n", encoding="utf-8")
    qtbot.waitUntil(lambda: js(qtbot, view, href) == "/2024/01/02/bee.html", timeout=TIMEOUT)


def test_a_post_written_before_the_watch_began_is_caught_up_with(qtbot, tmp_path):
    """The site is indexed, a post is written, and only then does the watcher
    start (start-up indexes the site while the preview starts, and watches it
    once the preview is up): the post must still reach the rows."""
    from editor.ui.disk.file_watcher import keep_site_index_live
    from editor.ui.site.site_owner import SiteOwner

    posts = make_site(tmp_path / "late", ["하나"])
    owner = SiteOwner()
    owner.open(posts[0])
    qtbot.waitUntil(lambda: owner.current is not None, timeout=TIMEOUT)
    updates: list = []
    owner.postsUpdated.connect(lambda _m, rows, gone: updates.append(([r.title for r in rows], gone)))
    late = posts[0].parent / "2024-02-01-late.md"
    late.write_text("---\ntitle: 늦게\n---\n", encoding="utf-8")
    posts[0].unlink()
    watcher = keep_site_index_live(owner)
    try:
        qtbot.waitUntil(lambda: bool(updates), timeout=TIMEOUT)
        assert updates == [(["늦게"], [os.fspath(posts[0])])]
        qtbot.waitUntil(lambda: [s.path.name for s in owner.current.summaries] == [late.name], timeout=TIMEOUT)
    finally:
        watcher.close()
        owner.shutdown()


def test_a_config_written_before_the_watch_began_is_read(qtbot, tmp_path):
    """The same for the site's own files: a `galley.toml` written between the
    index and the watch re-reads the site (its schema follows)."""
    from editor.ui.disk.file_watcher import keep_site_index_live
    from editor.ui.site.site_owner import SiteOwner

    posts = make_site(tmp_path / "late", ["하나"])
    owner = SiteOwner()
    owner.open(posts[0])
    qtbot.waitUntil(lambda: owner.current is not None, timeout=TIMEOUT)
    (tmp_path / "late" / "galley.toml").write_text('[fields.subtitle]\ntype = "string"\nrequired = true\n',
                                                   encoding="utf-8")
    watcher = keep_site_index_live(owner)
    try:
        qtbot.waitUntil(lambda: any(f.name == "subtitle" for f in owner.context.schema.fields), timeout=TIMEOUT)
    finally:
        watcher.close()
        owner.shutdown()


def test_a_re_read_asked_while_the_site_opens_does_not_cancel_the_open(qtbot, tmp_path):
    """`refresh` right after `open` (a tool that wrote files while the window
    was starting): the site still becomes the open one."""
    from editor.ui.site.site_owner import SiteOwner

    posts = make_site(tmp_path / "busy", ["하나", "둘"])
    owner = SiteOwner()
    try:
        owner.open(posts[0])
        owner.refresh(tmp_path / "busy")
        owner.update(tmp_path / "busy", [posts[1]])
        qtbot.waitUntil(lambda: owner.current is not None and owner.context is owner.current, timeout=TIMEOUT)
    finally:
        owner.shutdown()

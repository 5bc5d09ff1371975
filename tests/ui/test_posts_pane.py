"""The posts pane in the real window: filter as you type, sort, keys, changes on disk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from editor.ui import launch
from tests.ui.conftest import commit_text

TIMEOUT = 15000

POSTS = [
    ("2024-01-01-alpha.md", "title: Alpha\ntags: [python]\ncategories: [dev]", "first words"),
    ("2024-02-01-beta.md", "title: Beta\ntags: [rust]", "the body mentions zebra"),
    ("2024-03-01-gamma.md", "title: 한국어 글\ntags: [여행]", "서울 이야기"),
]


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    for name, head, body in POSTS:
        (root / "_posts" / name).write_text(f"---\n{head}\n---\n{body}\n", encoding="utf-8")
    (root / "_drafts" / "idea.md").write_text("---\ntitle: Draft idea\n---\nlater\n", encoding="utf-8")
    return root


@pytest.fixture
def win(qtbot, settings, site, tmp_path):
    w = launch([str(site / "_posts" / POSTS[0][0])], settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(w)
    posts = w.services.posts_list
    qtbot.waitUntil(lambda: posts.count() == 4 and w.services.site_watcher is not None
                    and w.services.site_watcher.root is not None, timeout=TIMEOUT)
    yield w
    w.session.new()
    w.close()


def titles(posts):
    return [r.title for r in posts.shown_rows()]


def test_filter_as_you_type_title_body_tags_korean_and_state(qtbot, win):
    posts = win.services.posts_list
    box = posts.filter_box
    qtbot.keyClicks(box, "zeb")  # body text
    qtbot.waitUntil(lambda: titles(posts) == ["Beta"])
    box.clear()
    qtbot.keyClicks(box, "PYTHON")  # a tag, any case
    assert titles(posts) == ["Alpha"]
    box.clear()
    box.setFocus()
    commit_text(box, "서울")  # a Korean input method commits; the body is searched
    assert box.text() == "서울" and titles(posts) == ["한국어 글"]
    box.clear()
    commit_text(box, "여행")  # a Korean tag
    assert titles(posts) == ["한국어 글"]
    box.clear()
    posts.state_box.setCurrentIndex(posts.state_box.findData("draft"))
    assert titles(posts) == ["Draft idea"]
    posts.state_box.setCurrentIndex(0)
    assert len(titles(posts)) == 4


def test_sort_by_clicking_headers(qtbot, win):
    posts = win.services.posts_list
    posts.state_box.setCurrentIndex(posts.state_box.findData("published"))
    assert titles(posts) == ["한국어 글", "Beta", "Alpha"]  # newest first
    header = posts.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + __import__("PySide6.QtCore").QtCore.QPoint(
                         header.sectionViewportPosition(0) + 5, 5))
    sorted_titles = titles(posts)
    assert sorted_titles in (["Alpha", "Beta", "한국어 글"], ["한국어 글", "Beta", "Alpha"])
    assert sorted(sorted_titles, key=str.casefold) in (sorted_titles, sorted_titles[::-1])
    assert sorted_titles != ["한국어 글", "Beta", "Alpha"] or header.sortIndicatorSection() == 0


def test_keyboard_filter_arrows_enter_opens(qtbot, win, site):
    posts = win.services.posts_list
    dock = posts.parentWidget()
    dock.show()
    posts.filter_box.setFocus()
    qtbot.keyClicks(posts.filter_box, "a")  # Alpha, Beta, Draft idea... ("a" in every title but one)
    qtbot.keyClick(posts.filter_box, Qt.Key.Key_Down)
    assert posts.table.hasFocus() or posts.table.currentIndex().row() == 0
    qtbot.keyClick(posts.table, Qt.Key.Key_Down)
    second = posts.shown_rows()[posts.table.currentIndex().row()]
    qtbot.keyClick(posts.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: str(win.session.path) == second.path, timeout=TIMEOUT)
    # Enter in the filter box opens the first row shown.
    posts.filter_box.clear()
    qtbot.keyClicks(posts.filter_box, "gamma")  # the file name is not searched; the title is
    assert posts.count() == 0
    posts.filter_box.clear()
    qtbot.keyClicks(posts.filter_box, "zebra")
    qtbot.keyClick(posts.filter_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.session.path.name == "2024-02-01-beta.md", timeout=TIMEOUT)


def test_posts_on_disk_change_their_row_only(qtbot, win, site):
    posts = win.services.posts_list
    model = posts.model
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    folder = site / "_posts"

    new = folder / "2024-04-01-new.md"
    new.write_text("---\ntitle: 새 글\n---\n", encoding="utf-8")
    with qtbot.waitSignal(model.rowsInserted, timeout=TIMEOUT):
        pass
    qtbot.waitUntil(lambda: titles(posts)[0] == "새 글", timeout=TIMEOUT)

    changed = []
    model.dataChanged.connect(lambda *a: changed.append(1))
    beta = folder / "2024-02-01-beta.md"
    beta.write_text("---\ntitle: Beta two\ntags: [rust]\n---\nbody\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "Beta two" in titles(posts), timeout=TIMEOUT)
    assert changed and "Beta" not in titles(posts)

    beta.rename(folder / "2024-02-01-beta-two.md")
    qtbot.waitUntil(lambda: any(r.path.endswith("beta-two.md") for r in posts.shown_rows()), timeout=TIMEOUT)
    assert not any(r.path.endswith("-beta.md") for r in posts.shown_rows())
    assert titles(posts).count("Beta two") == 1

    new.unlink()
    qtbot.waitUntil(lambda: "새 글" not in titles(posts), timeout=TIMEOUT)
    assert posts.count() == 4 and resets == []


def test_long_korean_title_elides_without_a_sideways_scrollbar(qtbot, win, site):
    posts = win.services.posts_list
    long_title = "아주 긴 한국어 제목이 이어집니다 " * 6
    (site / "_posts" / "2024-05-01-long.md").write_text(f"---\ntitle: {long_title}\n---\n", encoding="utf-8")
    qtbot.waitUntil(lambda: any(r.title == long_title.strip() for r in posts.shown_rows()), timeout=TIMEOUT)
    dock = posts.parentWidget()
    dock.show()
    posts.setFixedWidth(260)
    qtbot.waitUntil(lambda: posts.table.viewport().width() <= 260)
    table = posts.table
    assert not table.horizontalScrollBar().isVisible()
    assert table.textElideMode() == Qt.TextElideMode.ElideRight
    header = table.horizontalHeader()
    assert sum(header.sectionSize(i) for i in range(header.count()) if not header.isSectionHidden(i)) \
        <= table.viewport().width() + 1


def test_rows_arrive_in_batches_with_progress(qtbot, settings, tmp_path):
    from editor.core.site.model import BATCH

    n = BATCH + 300  # three batches: the first 100, a whole one, the rest
    root = tmp_path / "big"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    for i in range(n):
        (root / "_posts" / f"2020-01-01-p{i}.md").write_text(f"---\ntitle: Post {i}\n---\nx\n", encoding="utf-8")
    w = launch([], settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(w)
    posts, site = w.services.posts_list, w.services.site
    seen = []
    site.postsIndexed.connect(lambda m, rows, done, total, full: seen.append(
        (done, total, full, posts.count(), posts.progress.isVisible() or posts.progress.value())))
    site.open(root)
    qtbot.waitUntil(lambda: posts.count() == n and any(full for _, _, full, _, _ in seen), timeout=30000)
    batches = [s for s in seen if not s[2]]
    assert len(batches) >= 3 and batches[0][:2] == (100, n) and batches[0][3] == 100
    # While indexing, the pane showed the rows so far and the progress.
    assert all(s[4] for s in batches if s[0] < s[1])
    assert posts.progress.isHidden()
    assert posts.progress.maximum() == n and posts.progress.format()
    w.session.new()
    w.close()


def test_rows_changed_while_filtered_follow_the_filter(qtbot, tmp_path):
    from editor.core.site.model import OpenSite
    from editor.ui.site.posts_list import PostsList

    root = tmp_path / "s"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    for i, title in enumerate(["Apple pie", "Banana bread", "Apple tart"]):
        (root / "_posts" / f"2024-01-0{i + 1}-p{i}.md").write_text(f"---\ntitle: {title}\n---\n", encoding="utf-8")
    site = OpenSite.open(root)
    pane = PostsList()
    qtbot.addWidget(pane)
    pane.show_indexed(site, site.rows, 3, 3, True)
    qtbot.keyClicks(pane.filter_box, "apple")
    assert titles(pane) == ["Apple tart", "Apple pie"]
    pane.select_path(str(root / "_posts" / "2024-01-01-p0.md"))
    qtbot.keyClicks(pane.filter_box, " pie")  # narrower: the current post stays current
    assert titles(pane) == ["Apple pie"] and pane.table.currentIndex().row() == 0
    pane.filter_box.setText("apple")
    banana = root / "_posts" / "2024-01-02-p1.md"
    banana.write_text("---\ntitle: Apple crumble\n---\n", encoding="utf-8")
    rows, gone = site.update_paths([banana])
    pane.show_updates(site, rows, gone)
    assert titles(pane) == ["Apple tart", "Apple crumble", "Apple pie"]
    (root / "_posts" / "2024-01-03-p2.md").write_text("---\ntitle: Cherry\n---\n", encoding="utf-8")
    pane.show_updates(site, *site.update_paths([root / "_posts" / "2024-01-03-p2.md"]))
    assert titles(pane) == ["Apple crumble", "Apple pie"]
    pane.filter_box.clear()
    assert titles(pane) == ["Cherry", "Apple crumble", "Apple pie"]


def test_problem_counts_per_post_from_disk_and_the_open_post_as_typed(qtbot, settings, site, tmp_path):
    """Each row counts its post's errors and warnings: every post once the
    site is open, a post written on disk when it changes, and the open post
    as the writer types (what its problems panel shows)."""
    from tests.ui.conftest import type_text

    folder = site / "_posts"
    (folder / "2024-05-01-broken.md").write_text("---\ntitle:\ndate: 어제\n---\n본문\n", encoding="utf-8")
    w = launch([str(folder / POSTS[0][0])], settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(w)
    posts = w.services.posts_list

    def count(name: str) -> int:
        return next(r.problems for r in posts.model.all_rows if r.path.endswith(name))

    def shown(name: str) -> str:
        row = posts.model.row_of_path(next(r.path for r in posts.model.all_rows if r.path.endswith(name)))
        return posts.model.index(row, 5).data()

    try:
        qtbot.waitUntil(lambda: posts.count() == 5 and count("broken.md") == 2, timeout=TIMEOUT)
        assert shown("broken.md") == "2" and shown("beta.md") == "" and count("alpha.md") == 0

        # Written on disk: the new post's count, and a fixed post's count goes.
        (folder / "2024-06-01-other.md").write_text("---\ntitle: 다른 글\ndate: 2024-13-40\n---\n", encoding="utf-8")
        (folder / "2024-05-01-broken.md").write_text("---\ntitle: 고침\n---\n본문\n", encoding="utf-8")
        qtbot.waitUntil(lambda: posts.count() == 6 and count("other.md") == 1 and count("broken.md") == 0,
                        timeout=TIMEOUT)

        # The open post as typed: an image the site does not have (a warning).
        qtbot.waitUntil(lambda: w.services.validator is not None, timeout=TIMEOUT)
        editor = w.body_editor
        editor.setFocus()
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        type_text(qtbot, editor, "\n![그림](/assets/none.png)\n")
        qtbot.waitUntil(lambda: count("alpha.md") >= 1, timeout=TIMEOUT)
        assert count("alpha.md") == sum(1 for d in w.services.validator.diagnostics
                                        if d.severity in ("error", "warning"))
    finally:
        w.session.new()
        w.close()


def test_problem_counts_of_a_big_site_come_from_worker_processes(qtbot, settings, tmp_path):
    """A site of many posts is checked by worker processes started from the
    window (a forkserver: Qt's threads cannot be forked); the counts arrive."""
    from editor.core.validation.runner import POOL_THRESHOLD

    root = tmp_path / "big"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: big\n", encoding="utf-8")
    for i in range(POOL_THRESHOLD + 6):
        date = "2024-13-40" if i % 2 else "2024-01-01"  # every other post: an impossible date
        (root / "_posts" / f"2024-01-01-post-{i}.md").write_text(
            f"---\ntitle: 글 {i}\ndate: {date}\n---\n본문\n", encoding="utf-8")
    w = launch([str(root / "_posts" / "2024-01-01-post-0.md")], settings=settings,
               recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(w)
    posts = w.services.posts_list
    try:
        with qtbot.waitSignal(w.services.site.problemsCounted, timeout=60000) as counted:
            pass
        counts = counted.args[1]
        assert len(counts) == POOL_THRESHOLD + 6
        assert {path for path, n in counts.items() if n} == {
            str(root / "_posts" / f"2024-01-01-post-{i}.md") for i in range(1, POOL_THRESHOLD + 6, 2)}
        qtbot.waitUntil(lambda: sum(r.problems for r in posts.model.all_rows) == len(counts) // 2,
                        timeout=TIMEOUT)
    finally:
        w.session.new()
        w.close()

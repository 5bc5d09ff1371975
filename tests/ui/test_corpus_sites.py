"""The site workspace in the real window on the corpus's real Jekyll and Hugo
sites (copied to tmp_path; the corpus is never written): one window per
site, each checking the posts pane (every post, titles, dates, states, the
filter, a post written on disk), New Post's place, publish and unpublish,
rename from the title (only the title, date and draft lines change), the tags
manager's counts and rename preview, site search, the outline of a long
post, and where a pasted image goes and how it is linked.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QDialog, QDockWidget

from editor.core.post.document import Document
from editor.core.post.outline import headings
from editor.core.site.model import OpenSite, discover
from editor.core.site.new_post import now_in, slugify
from tests.corpus import CORPUS
from tests.ui.conftest import commit_text

TIMEOUT = 20000
NEW_TITLE = "새 글"
RENAMED_TITLE = "제목 바꾼 글"


@dataclass(frozen=True)
class Case:
    name: str
    #: The post the window opens (a long one where the site has one: its outline).
    post: str
    #: A word of some titles: the filter and the site search find it.
    word: str
    #: Posts the generator builds (Jekyll's reader; Hugo: every content file it renders,
    #: not a `.mmark` file, which Hugo 0.111 copies as a resource).
    count: int
    #: Where New Post puts a draft, as the dialog says.
    new_draft: str


JEKYLL_NEW = "_drafts/새-글.md"
HUGO_NEW = "content/post/새-글.md"
CASES = [
    Case("jekyll__jekyll/docs", "_posts/2022-12-21-jekyll-sass-converter-3.0-released.markdown", "Sass", 25,
         JEKYLL_NEW),
    Case("GiGong__gigong.github.io", "_posts/CSharp/2023-02-23-CSharp-write-excel-data.md", "엑셀", 16, JEKYLL_NEW),
    # 34 files in _posts folders, 10 built: the config excludes /docs.
    Case("MrSteveChoi__MrSteveChoi.github.io", "_posts/etc_post/2023-10-18-etc_post_01.md", "포스팅", 10,
         JEKYLL_NEW),
    Case("daviddarnes__alembic", "_posts/2016-08-29-example-post-three.md", "Alembic", 3, JEKYLL_NEW),
    Case("mmistakes__jekyll-theme-basically-basic/docs", "_posts/2013-01-11-markup-html-elements-and-formatting.md",
         "Markup", 12, JEKYLL_NEW),
    Case("oriyao__oriyao.github.io", "_posts/2012-12-12-hello-world.md", "昆虫记", 10, JEKYLL_NEW),  # a BOM
    # Its posts live in <lang>/news/_posts: New Post goes beside the open post's.
    Case("ruby__www.ruby-lang.org",
         "ko/news/_posts/2019-12-12-separation-of-positional-and-keyword-arguments-in-ruby-3-0.md", "릴리스", 30,
         "ko/news/_drafts/새-글.md"),
    Case("jcompliance__jcompliance.github.io", "_posts/2021-04-22-apprecier-le-risque-de-contrepartie.md",
         "coffres", 14, JEKYLL_NEW),  # CRLF, a comment on every line, +0800
    Case("golangkorea__golangkorea-hugo", "content/post/go-walkthrough/bytes-strings-packages.md", "둘러보기", 27,
         HUGO_NEW),
    Case("gohugoio__hugoBasicExample", "content/post/creating-a-new-theme.md", "Hugo", 9, HUGO_NEW),
    Case("olOwOlo__hugo-theme-even/exampleSite", "content/post/english-preview.md", "敬語", 10, HUGO_NEW),
    Case("halogenica__beautifulhugo/exampleSite", "content/post/2026-05-11-release.md", "Pirates", 11, HUGO_NEW),
    # contentDir content/en: the open post's section is taken inside it.
    Case("google__docsy-example", "content/en/docs/getting-started/example-page.md", "Docsy", 8,
         "content/en/docs/새-글.md"),
]


def _params():
    if not CORPUS.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"corpus not found at {CORPUS}"))]
    return [pytest.param(c, id=c.name.split("__")[0]) for c in CASES]


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        commit_text(widget, text)  # a Korean (Chinese, Japanese) input method commits


def _rel(root: Path, path) -> str:
    return os.path.relpath(os.path.realpath(path), os.path.realpath(root)).replace(os.sep, "/")


def _writable(root: Path) -> None:
    """The corpus's files are read-only; a writer's own site is not."""
    for folder, _dirs, files in os.walk(root):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)


class _ModalGuard:
    """A refusal shows a modal message: close it and fail, never hang the run."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.shown: list[str] = []
        self._timer = QTimer()
        self._timer.timeout.connect(self._close)
        self._timer.start(300)

    def _close(self) -> None:
        from PySide6.QtWidgets import QApplication, QLabel

        modal = QApplication.activeModalWidget()
        if modal is not None and modal.objectName() != "newPostDialog":
            label = modal.findChild(QLabel, "qt_msgbox_label")
            self.shown.append(label.text() if label is not None else modal.windowTitle())
            modal.reject()

    def stop(self) -> None:
        self._timer.stop()


def _changed_keys(before: bytes, after: bytes) -> set[str]:
    """The front-matter keys of the lines that differ (the rest is byte for byte the same)."""
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    changed = [line for line in difflib.ndiff(old, new) if line[:2] in ("- ", "+ ")]
    return {re.split(r"[\s:=]", line[2:].lstrip("\ufeff"), maxsplit=1)[0] for line in changed}


@pytest.mark.parametrize("case", _params())
def test_the_site_workspace_on_a_real_site(qtbot, settings, tmp_path, case):
    from editor.ui import launch

    root = tmp_path / "site"
    shutil.copytree(CORPUS / case.name, root)
    _writable(root)
    post = root / case.post
    original = post.read_bytes()
    # Unpublishing makes a `_drafts` folder where there was none: the pane then
    # keeps a stale row (test_a_drafts_folder_made_while_open_is_watched).
    made_drafts = discover(root).generator == "jekyll" and not (post.parent / "_drafts").exists() \
        and not any(p.name == "_drafts" for p in root.rglob("_drafts"))
    core = OpenSite.open(root)
    expected = {_rel(root, r.path): r for r in core.rows}
    win = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    guard = _ModalGuard()
    try:
        qtbot.waitExposed(win)
        posts = win.services.posts_list
        qtbot.waitUntil(lambda: posts.count() == len(expected) and not posts.progress.isVisible()
                        and win.services.external_changes is not None
                        and win.services.validator is not None, timeout=TIMEOUT)

        # -- the posts pane: every post, as the core reads it ------------------------
        shown = {_rel(root, r.path): r for r in posts.shown_rows()}
        assert sorted(shown) == sorted(expected)
        assert len(shown) == case.count
        for path, row in expected.items():
            assert (shown[path].title, shown[path].date, shown[path].state) == (row.title, row.date, row.state)
        assert shown[_rel(root, post)].title == Document.from_bytes(original).front_matter.get(
            "title", shown[_rel(root, post)].title)

        # The filter as you type.
        _type(qtbot, posts.filter_box, case.word)
        needle = case.word.lower()
        hits = sorted(p for p, r in expected.items() if needle in r.text)
        assert hits and sorted(_rel(root, r.path) for r in posts.shown_rows()) == hits
        posts.filter_box.clear()

        # -- site search ---------------------------------------------------------------
        win.actions.site_search.trigger()
        pane = win.site_tools["search"].widget()
        pane.query.setText(case.word)
        with qtbot.waitSignal(pane.searchFinished, timeout=TIMEOUT) as finished:
            pane.start()
        assert finished.args[0] >= len(hits) and pane.matches
        assert all(needle in m.line_text.lower() for m in pane.matches)
        assert {_rel(root, m.path) for m in pane.matches} >= set(hits)

        # -- the outline of the open post --------------------------------------------
        win.actions.outline.setChecked(True)
        dock = win.findChild(QDockWidget, "outlineDock")
        qtbot.waitUntil(lambda: dock is not None and dock.isVisible())
        outline = dock.widget()
        titles = [h.title for h in headings(win.session.document.body.replace("\r\n", "\n"))]
        qtbot.waitUntil(lambda: [outline.item(i).text().strip() for i in range(outline.count())] == titles)
        win.actions.outline.setChecked(False)

        # -- the tags manager: counts, and a rename's preview ---------------------------
        vocabulary = discover(root)
        vocabulary.index()
        terms = [(count, taxonomy, term) for taxonomy, counter in vocabulary.vocabulary().items()
                 for term, count in counter.items()]
        if terms:
            count, taxonomy, term = max(terms, key=lambda t: (t[0], t[2]))
            win.actions.tags.trigger()
            dialog = win.site_tools["tags"]
            qtbot.waitUntil(lambda: dialog.choose(taxonomy, term), timeout=TIMEOUT)
            assert dialog.terms.currentItem().text(1) == str(count)
            dialog.new_name.setText("renamed-term")
            with qtbot.waitSignal(dialog.planned, timeout=TIMEOUT):
                dialog.preview()
            files = {dialog.changes.topLevelItem(i).text(0) for i in range(dialog.changes.topLevelItemCount())}
            assert len(files) == count, dialog.status.text()
            assert all("renamed-term" in dialog.changes.topLevelItem(i).text(2)
                       for i in range(dialog.changes.topLevelItemCount()))
            dialog.close()

        # -- New Post: where the site's convention puts it -------------------------------
        win.actions.new.trigger()
        qtbot.waitUntil(lambda: win.findChild(QDialog, "newPostDialog") is not None)
        new = win.findChild(QDialog, "newPostDialog")
        commit_text(new.title_edit, NEW_TITLE)
        new.draft_box.setChecked(True)
        assert new.where.text() == case.new_draft
        if core.generator == "jekyll":
            new.draft_box.setChecked(False)
            today = now_in(core.site).date()
            assert new.where.text() == str(Path(case.new_draft).parent.with_name("_posts")
                                           / f"{today:%Y-%m-%d}-{slugify(NEW_TITLE)}.md")
        new.reject()

        # -- a post written on disk shows in the pane ------------------------------------
        written = post.parent / ("2020-01-02-디스크.md" if core.generator == "jekyll" else "디스크.md")
        written.write_text("---\ntitle: 디스크에서 쓴 글\ndate: 2020-01-02\n---\n본문\n", encoding="utf-8")
        qtbot.waitUntil(lambda: any(r.title == "디스크에서 쓴 글" for r in posts.shown_rows()), timeout=TIMEOUT)
        row = next(r for r in posts.shown_rows() if r.title == "디스크에서 쓴 글")
        assert (row.date, row.state, _rel(root, row.path)) == (dt.datetime(2020, 1, 2), "published",
                                                              _rel(root, written))

        # -- unpublish, publish, rename from the title: the file follows -----------------
        def state_of(path):
            rel = _rel(root, path)
            return next((r.state for r in posts.shown_rows() if _rel(root, r.path) == rel), None)

        was_draft = expected[_rel(root, post)].state == "draft"
        first, second = (win.actions.publish, win.actions.unpublish) if was_draft else \
            (win.actions.unpublish, win.actions.publish)
        first.trigger()
        assert guard.shown == []
        qtbot.waitUntil(lambda: state_of(win.session.path) == ("published" if was_draft else "draft"),
                        timeout=TIMEOUT)
        if core.generator == "jekyll":
            assert "_drafts" in win.session.path.parts and not post.exists()
        second.trigger()
        assert guard.shown == []
        qtbot.waitUntil(lambda: state_of(win.session.path) in (("draft",) if was_draft else ("published",
                                                                                             "scheduled")),
                        timeout=TIMEOUT)
        moved = win.session.path
        win.session.document.set("title", RENAMED_TITLE)
        win.actions.rename.trigger()  # saves, then renames
        assert guard.shown == []
        renamed = win.session.path
        prefix = re.match(r"\d{4}-\d{2}-\d{2}-", moved.name)
        assert renamed.name == f"{prefix.group(0) if prefix else ''}{slugify(RENAMED_TITLE)}{moved.suffix}"
        assert renamed.parent == moved.parent and not moved.exists()
        qtbot.waitUntil(lambda: any(r.title == RENAMED_TITLE and _rel(root, r.path) == _rel(root, renamed)
                                    for r in posts.shown_rows()), timeout=TIMEOUT)
        # Only the title, the date (Jekyll's publish) and the draft flag (Hugo) changed:
        # line endings, comments, a byte order mark and the body are as they were.
        assert _changed_keys(original, renamed.read_bytes()) <= {"title", "date", "draft"}
        assert renamed.read_bytes().startswith(b"\xef\xbb\xbf") == original.startswith(b"\xef\xbb\xbf")
        if not made_drafts:
            # Every post once: the moved file's old places are gone from the pane.
            assert posts.count() == len(expected) + 1

        # -- a pasted image: into the site's images folder, linked as the site links -----
        handler = win.body_editor.paste_handler
        qtbot.waitUntil(lambda: handler.site is not None, timeout=TIMEOUT)
        editor = win.body_editor
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        image = QImage(16, 8, QImage.Format.Format_RGB32)
        image.fill(QColor("green"))
        QGuiApplication.clipboard().setImage(image)
        before = set(p for p in root.rglob("*.png"))
        editor.setFocus()
        editor.paste()
        qtbot.waitUntil(lambda: bool(set(root.rglob("*.png")) - before), timeout=TIMEOUT)
        [saved] = set(root.rglob("*.png")) - before
        year = f"{dt.date.today():%Y}"
        if core.generator == "jekyll":
            assert _rel(root, saved.parent) == f"assets/images/{year}"
            served = f"/assets/images/{year}/{saved.name}"
        else:
            assert _rel(root, saved.parent) == f"static/images/{year}"
            served = f"/images/{year}/{saved.name}"
        link = re.search(r"!\[[^\]]*\]\(([^)]*)\)", editor.toPlainText()[-300:]).group(1)
        liquid = re.fullmatch(r"\{\{ '(.*)' \| relative_url \}\}|\{\{ site\.baseurl \}\}(.*)", link)
        assert (liquid.group(1) or liquid.group(2) if liquid else link) == served
        if core.site.baseurl:  # served under a sub-path: the link must say so
            assert liquid is not None, link
        assert guard.shown == []
    finally:
        guard.stop()
        win.session.flush()
        win.session.new()
        win.close()
        win.deleteLater()


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")
def test_a_drafts_folder_made_while_open_is_watched(qtbot, settings, tmp_path):
    from editor.ui import launch

    root = tmp_path / "site"
    shutil.copytree(CORPUS / "daviddarnes__alembic", root)
    _writable(root)
    post = root / "_posts" / "2016-08-29-example-post-three.md"
    win = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    guard = _ModalGuard()
    try:
        qtbot.waitExposed(win)
        posts = win.services.posts_list
        qtbot.waitUntil(lambda: posts.count() == 3 and win.services.external_changes is not None
                        and win.services.site_watcher is not None
                        and win.services.site_watcher.root is not None, timeout=TIMEOUT)
        win.actions.unpublish.trigger()
        draft = root / "_drafts" / "example-post-three.md"
        qtbot.waitUntil(lambda: any(r.path == str(draft) for r in posts.shown_rows()), timeout=TIMEOUT)
        win.actions.publish.trigger()
        published = win.session.path
        qtbot.waitUntil(lambda: any(r.path == str(published) for r in posts.shown_rows()), timeout=TIMEOUT)
        assert guard.shown == [] and not draft.exists()
        # A save of the post settles the watcher; the draft's row must be gone by then.
        with qtbot.waitSignal(win.services.site_watcher.postsChanged, timeout=TIMEOUT):
            published.write_bytes(published.read_bytes() + b"\n")
        qtbot.waitUntil(lambda: not any(r.path == str(draft) for r in posts.shown_rows()), timeout=3000)
        assert posts.count() == 3
    finally:
        guard.stop()
        win.session.flush()
        win.session.new()
        win.close()
        win.deleteLater()

"""New Post, Publish, Unpublish, Rename and Move to Trash in the real window,
on real Jekyll and Hugo sites; `galley` alone reopening the last site and post."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, QFile, Qt, QTimeZone
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from editor.ui import dialogs
from tests.ui.conftest import commit_text

DRAFT = "---\ntitle: 초안\n# kept as written\ndate: 2020-01-01 09:00:00 +0900\ntags: [a, '개발']\n---\n\n본문.\n"


def _launch(qtbot, tmp_path, settings, paths):
    from editor.ui import launch

    win = launch([str(p) for p in paths], settings=settings, recovery_dir=tmp_path / "recovery")
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: not win.form_panel.form.held)
    return win


def _close(win):
    win.session.flush()
    win.session.new()
    win.close()
    win.deleteLater()


@pytest.fixture
def jekyll_site(tmp_path):
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text("title: Blog\ntimezone: Asia/Seoul\n", encoding="utf-8")
    (root / "_posts" / "2024-01-02-first.md").write_text(
        "---\ntitle: First\ndate: 2024-01-02 10:00:00 +0900\ntags: [여행, python]\n---\nHi.\n", encoding="utf-8")
    (root / "_drafts" / "draft.md").write_text(DRAFT, encoding="utf-8")
    return root


@pytest.fixture
def no_save_dialog(monkeypatch):
    """A new post's save goes straight to its file: a Save As dialog here is a failure."""
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *_a: pytest.fail("Save As was asked"))


def _site_up(qtbot, win, root):
    qtbot.waitUntil(lambda: win.services.site.current is not None
                    and win.services.site.current.root == root.resolve(), timeout=15000)
    qtbot.waitUntil(lambda: win.services.validator is not None, timeout=15000)


def test_ctrl_n_korean_title_saves_straight_to_the_draft(qtbot, tmp_path, settings, jekyll_site, no_save_dialog):
    win = _launch(qtbot, tmp_path, settings, [jekyll_site / "_posts" / "2024-01-02-first.md"])
    try:
        _site_up(qtbot, win, jekyll_site)
        win.body_editor.setFocus()
        QTest.keyClick(win.body_editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: win.findChild(QDialog, "newPostDialog") is not None
                        and win.findChild(QDialog, "newPostDialog").isVisible())
        dialog = win.findChild(QDialog, "newPostDialog")
        commit_text(dialog.title_edit, "서울 여행", preedit_steps=["ㅅ", "서"])
        assert dialog.title_edit.text() == "서울 여행"
        assert dialog.where.text() == "_drafts/서울-여행.md"
        # The tags complete from the site's vocabulary.
        completer = dialog.tags_edit.completer()
        completer.setCompletionPrefix("여")
        assert completer.currentCompletion() == "여행"
        commit_text(dialog.tags_edit, "여행, 개발")
        kst = QTimeZone(9 * 3600)
        dialog.date_edit.setDateTime(QDateTime.fromSecsSinceEpoch(
            int(dt.datetime(2026, 3, 5, 14, 7, 9, tzinfo=dt.timezone(dt.timedelta(hours=9))).timestamp()), kst))
        dialog.accept()
        qtbot.waitUntil(lambda: win.session.document.front_matter.get("title") == "서울 여행")
        assert win.session.path is None
        # A new post greets the writer without problems.
        qtbot.waitUntil(lambda: win.services.validator.diagnostics == [] and win.problems_panel.counts() == (0, 0))
        assert win.save()
        target = jekyll_site / "_drafts" / "서울-여행.md"
        assert win.session.path == target.resolve()
        assert target.read_bytes() == ("---\ntitle: 서울 여행\ndate: 2026-03-05 14:07:09 +09:00\n"
                                       "tags:\n  - 여행\n  - 개발\n---\n").encode()
        assert settings.get("site/last") == str(jekyll_site.resolve())
    finally:
        _close(win)


def test_new_untitled_post_shows_problems_only_once_typed_in(qtbot, window):
    qtbot.waitUntil(lambda: window.services.validator is not None, timeout=15000)
    window.session.new()
    validator = window.services.validator
    with qtbot.waitSignal(validator.diagnosticsReady, timeout=5000) as blocker:
        validator.run()
    assert blocker.args == [[]]
    # The same empty post, once typed in, is checked (an empty title is then a problem).
    window.body_editor.setFocus()
    QTest.keyClicks(window.body_editor, "x")
    qtbot.waitUntil(lambda: validator.diagnostics != [], timeout=5000)
    window.session.new()
    qtbot.waitUntil(lambda: validator.diagnostics == [], timeout=5000)
    assert validator.validate_now() != []  # a save checks it


def test_no_site_ctrl_n_is_untitled_and_save_as_suggests_the_last_site(qtbot, tmp_path, settings, jekyll_site,
                                                                       monkeypatch):
    settings.set("site/last", str(jekyll_site))
    win = _launch(qtbot, tmp_path, settings, [])
    asked = []
    monkeypatch.setattr(dialogs, "choose_save_path", lambda _w, start: asked.append(start))
    try:
        win.new_document()
        assert win.findChild(QDialog, "newPostDialog") is None and win.session.path is None
        win.session.document.set("title", "서울 여행")
        assert win.save() is False
        assert asked == [jekyll_site / "_drafts" / "서울-여행.md"]
    finally:
        _close(win)


def _no_banner_after_site_refresh(qtbot, win):
    """Our own move is no change on disk: once the site has seen it, no banner."""
    with qtbot.waitSignal(win.services.site.siteChanged, timeout=10000):
        pass
    assert win.services.external_changes.banner.mode in (None, "")


def test_publish_unpublish_and_rename_follow_the_file(qtbot, tmp_path, settings, jekyll_site):
    draft = jekyll_site / "_drafts" / "draft.md"
    win = _launch(qtbot, tmp_path, settings, [draft])
    try:
        _site_up(qtbot, win, jekyll_site)
        qtbot.waitUntil(lambda: win.services.external_changes is not None, timeout=15000)
        win.actions.publish.trigger()
        today = win.session.path.name[:10]
        published = jekyll_site / "_posts" / f"{today}-draft.md"
        assert win.session.path == published.resolve() and not draft.exists()
        body = published.read_bytes()
        assert body.replace(body.split(b"\n")[3], b"date: 2020-01-01 09:00:00 +0900") == DRAFT.encode()
        assert body.split(b"\n")[3].startswith(f"date: {today} ".encode())
        assert win.services.file_watcher.watched_paths() == [str(published.resolve())]
        _no_banner_after_site_refresh(qtbot, win)

        win.actions.unpublish.trigger()
        assert win.session.path == draft.resolve() and draft.read_bytes() == body

        win.session.document.set("title", "Seoul Trip")
        win.actions.rename.trigger()  # saves first, then renames
        assert win.session.path == (jekyll_site / "_drafts" / "seoul-trip.md").resolve()
        assert not draft.exists()
        assert b"title: Seoul Trip\n" in win.session.path.read_bytes()
        assert not win.session.modified
    finally:
        _close(win)


def test_hugo_publish_flips_draft(qtbot, tmp_path, settings):
    root = tmp_path / "hsite"
    (root / "content" / "posts").mkdir(parents=True)
    (root / "hugo.toml").write_text('title = "H"\n', encoding="utf-8")
    post = root / "content" / "posts" / "a.md"
    original = b'+++\ntitle = "A"\ndraft = true\n+++\nbody\n'
    post.write_bytes(original)
    win = _launch(qtbot, tmp_path, settings, [post])
    try:
        _site_up(qtbot, win, root)
        win.actions.publish.trigger()
        assert post.read_bytes() == original.replace(b"draft = true", b"draft = false")
        assert win.session.document.front_matter["draft"] is False and win.session.path == post.resolve()
        win.actions.unpublish.trigger()
        assert post.read_bytes() == original
    finally:
        _close(win)


def test_move_to_trash(qtbot, tmp_path, settings, jekyll_site, monkeypatch):
    # The trash of this test, not the user's: a desktop's data folder exists.
    (tmp_path / "data").mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    scratch = jekyll_site / "scratch.txt"
    scratch.write_text("x", encoding="utf-8")
    if not QFile(str(scratch)).moveToTrash():
        pytest.skip("this platform has no trash for the temporary folder (Qt's moveToTrash refused)")
    post = jekyll_site / "_posts" / "2024-01-02-first.md"
    win = _launch(qtbot, tmp_path, settings, [post])
    try:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QLabel

        from editor.ui.site import post_commands

        # A refusal shows a modal message: close it and fail, never hang the run.
        shown = []

        def close_modal():
            modal = QApplication.activeModalWidget()
            if modal is not None:
                shown.append(modal.findChild(QLabel, "qt_msgbox_label").text()
                             if modal.findChild(QLabel, "qt_msgbox_label") else modal.windowTitle())
                modal.reject()

        guard = QTimer()
        guard.timeout.connect(close_modal)
        guard.start(500)
        try:
            moved = post_commands.move_to_trash(win, confirm=False)
        finally:
            guard.stop()
        assert moved and shown == [], shown
        assert not post.exists() and win.session.path is None
        trashed = (tmp_path / "data" / "Trash" / "files" / post.name)
        assert [trashed.read_bytes()] == [
            "---\ntitle: First\ndate: 2024-01-02 10:00:00 +0900\ntags: [여행, python]\n---\nHi.\n".encode()]
    finally:
        _close(win)


def test_galley_alone_reopens_the_last_site_and_post(qtbot, tmp_path, settings, jekyll_site):
    from editor.ui import last_session_paths

    draft = jekyll_site / "_drafts" / "draft.md"
    settings.add_recent(tmp_path / "elsewhere.md")  # gone: skipped
    settings.add_recent(draft)
    settings.add_recent(jekyll_site / "_posts" / "2024-01-02-first.md")
    (tmp_path / "other.md").write_text("---\n---\n", encoding="utf-8")
    settings.add_recent(tmp_path / "other.md")  # the newest, but outside the last site
    settings.set("site/last", str(jekyll_site.resolve()))
    paths = last_session_paths(settings)
    assert paths == [str(jekyll_site.resolve()), str((jekyll_site / "_posts" / "2024-01-02-first.md").resolve())]
    settings.set("site/last", str(tmp_path / "gone"))
    assert last_session_paths(settings) == [str((tmp_path / "other.md").resolve())]
    settings.set("site/last", str(jekyll_site.resolve()))
    win = _launch(qtbot, tmp_path, settings, paths)
    try:
        assert win.session.path == (jekyll_site / "_posts" / "2024-01-02-first.md").resolve()
        _site_up(qtbot, win, jekyll_site)
    finally:
        _close(win)


def test_hugo_new_post_from_the_archetype_in_a_bundle(qtbot, tmp_path, settings, no_save_dialog):
    root = tmp_path / "hsite"
    bundle = root / "content" / "notes" / "old"
    bundle.mkdir(parents=True)
    (root / "hugo.toml").write_text('title = "H"\ntimeZone = "Asia/Seoul"\n', encoding="utf-8")
    (bundle / "index.md").write_text('+++\ntitle = "Old"\n+++\nold\n', encoding="utf-8")
    (root / "archetypes").mkdir()
    (root / "archetypes" / "notes.md").write_text(
        "+++\ntitle = '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\ndate = {{ .Date }}\n"
        "draft = true\n+++\n\nA note.\n", encoding="utf-8")
    win = _launch(qtbot, tmp_path, settings, [bundle / "index.md"])
    try:
        _site_up(qtbot, win, root)
        win.actions.new.trigger()
        qtbot.waitUntil(lambda: win.findChild(QDialog, "newPostDialog") is not None)
        dialog = win.findChild(QDialog, "newPostDialog")
        commit_text(dialog.title_edit, "새 노트")
        dialog.draft_box.setChecked(False)
        assert dialog.where.text() == "content/notes/새-노트/index.md"
        dialog.accept()
        qtbot.waitUntil(lambda: win.session.document.front_matter.get("title") == "새 노트")
        assert win.save()
        target = root / "content" / "notes" / "새-노트" / "index.md"
        assert win.session.path == target.resolve()
        text = target.read_text(encoding="utf-8")
        assert text.startswith("+++\ntitle = '새 노트'\ndate = 20") and "+09:00\ndraft = false\n+++\n\nA note.\n" in text
        assert text.endswith("A note.\n")
    finally:
        _close(win)


def _file_commands(win):
    """{name: enabled} of the File menu's post commands, as the writer sees them."""
    from PySide6.QtWidgets import QMenu

    file_menu = win.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    shown = {a.objectName(): a.isEnabled() for a in file_menu.actions()}
    return {name: shown[obj] for name, obj in (("publish", "actionPublish"), ("unpublish", "actionUnpublish"),
                                              ("rename", "actionRenameFromTitle"), ("trash", "actionMoveToTrash"))}


OFF = {"publish": False, "unpublish": False, "rename": False, "trash": False}
DRAFT_ON = {"publish": True, "unpublish": False, "rename": True, "trash": True}
PUBLISHED_ON = {"publish": False, "unpublish": True, "rename": True, "trash": True}


def test_file_commands_are_enabled_only_when_they_apply(qtbot, tmp_path, settings, jekyll_site):
    draft = jekyll_site / "_drafts" / "draft.md"
    win = _launch(qtbot, tmp_path, settings, [draft])
    try:
        assert _file_commands(win) == OFF  # the site is not known yet
        _site_up(qtbot, win, jekyll_site)
        qtbot.waitUntil(lambda: _file_commands(win) == DRAFT_ON)
        win.actions.publish.trigger()
        assert win.session.path.parent.name == "_posts"
        assert _file_commands(win) == PUBLISHED_ON
        # A title typed away: nothing to name the file after.
        win.session.document.set("title", "")
        assert _file_commands(win) == dict(PUBLISHED_ON, rename=False)
        win.session.document.set("title", "Again")
        assert win.save() and _file_commands(win) == PUBLISHED_ON
        # A new post, not saved yet: no file to publish, rename or trash.
        win.actions.new.trigger()
        qtbot.waitUntil(lambda: win.findChild(QDialog, "newPostDialog") is not None
                        and win.findChild(QDialog, "newPostDialog").isVisible())
        dialog = win.findChild(QDialog, "newPostDialog")
        commit_text(dialog.title_edit, "새 글")
        dialog.accept()
        qtbot.waitUntil(lambda: win.session.document.front_matter.get("title") == "새 글")
        assert _file_commands(win) == OFF
        assert win.save() and win.session.path == (jekyll_site / "_drafts" / "새-글.md").resolve()
        qtbot.waitUntil(lambda: _file_commands(win) == DRAFT_ON, timeout=10000)
    finally:
        _close(win)


def test_file_commands_follow_the_post_changed_or_deleted_on_disk(qtbot, tmp_path, settings):
    root = tmp_path / "hsite"
    (root / "content" / "posts").mkdir(parents=True)
    (root / "hugo.toml").write_text('title = "H"\n', encoding="utf-8")
    post = root / "content" / "posts" / "a.md"
    post.write_bytes(b'+++\ntitle = "A"\ndraft = true\n+++\nbody\n')
    win = _launch(qtbot, tmp_path, settings, [post])
    try:
        _site_up(qtbot, win, root)
        qtbot.waitUntil(lambda: win.services.external_changes is not None, timeout=15000)
        qtbot.waitUntil(lambda: _file_commands(win) == DRAFT_ON)
        # Published by another program: the post is reloaded, the commands follow.
        post.write_bytes(b'+++\ntitle = "A"\ndraft = false\n+++\nbody, edited elsewhere\n')
        qtbot.waitUntil(lambda: win.session.document.front_matter.get("draft") is False, timeout=10000)
        qtbot.waitUntil(lambda: _file_commands(win) == PUBLISHED_ON, timeout=10000)
        # The form's `draft` field, unsaved: Publish applies again.
        win.session.document.set("draft", True)
        assert _file_commands(win) == DRAFT_ON
        win.session.document.set("draft", False)
        # Deleted on disk: nothing of it is left to move.
        post.unlink()
        qtbot.waitUntil(lambda: _file_commands(win) == OFF, timeout=10000)
    finally:
        _close(win)


def test_file_commands_are_off_for_a_post_outside_any_site(qtbot, tmp_path, settings):
    loose = tmp_path / "loose"
    loose.mkdir()
    post = loose / "note.md"
    post.write_text("---\ntitle: Note\ndraft: true\n---\nx\n", encoding="utf-8")
    win = _launch(qtbot, tmp_path, settings, [post])
    try:
        qtbot.waitUntil(lambda: win.services.site.loaded, timeout=15000)
        qtbot.waitUntil(lambda: win.services.validator is not None, timeout=15000)
        assert _file_commands(win) == OFF
    finally:
        _close(win)


def test_zola_new_post_goes_to_its_section_in_toml_and_publishes(qtbot, tmp_path, settings, no_save_dialog):
    root = tmp_path / "zsite"
    blog = root / "content" / "blog"
    blog.mkdir(parents=True)
    (root / "config.toml").write_text(
        'base_url = "https://example.org"\ntaxonomies = [{name = "tags"}]\n', encoding="utf-8")
    (blog / "_index.md").write_text('+++\ntitle = "Blog"\n+++\n', encoding="utf-8")
    first = blog / "first.md"
    first.write_text('+++\ntitle = "First"\ndate = 2024-01-02\n\n[taxonomies]\ntags = ["여행"]\n+++\nHi.\n',
                     encoding="utf-8")
    win = _launch(qtbot, tmp_path, settings, [first])
    try:
        _site_up(qtbot, win, root)
        assert win.services.site.current.site.generator == "zola"
        win.actions.new.trigger()
        qtbot.waitUntil(lambda: win.findChild(QDialog, "newPostDialog") is not None
                        and win.findChild(QDialog, "newPostDialog").isVisible())
        dialog = win.findChild(QDialog, "newPostDialog")
        commit_text(dialog.title_edit, "서울 여행")
        commit_text(dialog.tags_edit, "여행")
        assert dialog.where.text() == "content/blog/서울-여행.md"
        dialog.date_edit.setDateTime(QDateTime.fromSecsSinceEpoch(
            int(dt.datetime(2026, 3, 5, 12, 7, 9, tzinfo=dt.timezone.utc).timestamp()), QTimeZone(9 * 3600)))
        dialog.accept()
        qtbot.waitUntil(lambda: win.session.document.front_matter.get("title") == "서울 여행")
        assert win.save()
        target = blog / "서울-여행.md"
        assert win.session.path == target.resolve()
        head, _, rest = target.read_text(encoding="utf-8").partition("\n\n[taxonomies]\n")
        assert head.startswith('+++\ntitle = "서울 여행"\ndate = 2026-03-05T') and head.endswith("\ndraft = true")
        assert rest == 'tags = ["여행"]\n+++\n'
        qtbot.waitUntil(lambda: _file_commands(win) == DRAFT_ON, timeout=10000)
        win.actions.publish.trigger()
        assert win.session.path == target.resolve()
        assert "\ndraft = false\n\n[taxonomies]\n" in target.read_text(encoding="utf-8")
        assert _file_commands(win) == PUBLISHED_ON
    finally:
        _close(win)

"""Take a screenshot of the real window on a post, as a writer would see it.

    xvfb-run -a -s '-screen 0 1400x900x24' .venv/bin/python packaging/screenshot.py \
        examples/site/_posts/2024-03-15-hello-galley.md shot.png [--theme dark]

The app runs with throw-away settings (a temporary folder), so the picture
does not depend on the user's window layout. The picture is taken once the
preview shows the post (and what the options below wait for is on screen),
plus `--wait` seconds for images and fonts to settle; the whole screen is
captured with ImageMagick's `import` (the web view draws outside Qt's own
grab). `packaging/screenshots.py` takes the README's set with these options:

  --lang ko        the UI in that language (as GALLEY_LANG=ko)
  --focus KEY      the named form field gets the keyboard focus
  --find TEXT      the find and replace bar is open, searching for TEXT
  --posts FILTER   the site's posts pane is open, filtered by FILTER ("" for all)
  --problems N     waits until the problems panel lists at least N problems
  --changed-on-disk  types into the editor, then changes the post on disk and
                   waits for the changed-on-disk banner (the post is
                   rewritten: give it a copy, never a post you keep)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("post")
    parser.add_argument("out")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--wait", type=float, default=1.5, help="seconds to settle before the picture")
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds to wait for the scene")
    parser.add_argument("--size", default="1400x900", help="the window's size, WIDTHxHEIGHT")
    parser.add_argument("--lang", help="the UI's language (GALLEY_LANG)")
    parser.add_argument("--focus", help="a front-matter key whose field gets the focus")
    parser.add_argument("--find", help="open the find and replace bar, searching for this text")
    parser.add_argument("--posts", help="open the posts pane, filtered by this text")
    parser.add_argument("--problems", type=int, default=0, help="wait for this many problems")
    parser.add_argument("--changed-on-disk", action="store_true",
                        help="change the post on disk while it has unsaved text; wait for the banner")
    args = parser.parse_args(argv)
    if shutil.which("import") is None:
        print("screenshot: ImageMagick's `import` is missing (apt-get install imagemagick)",
              file=sys.stderr)
        return 2
    if args.lang:
        os.environ["GALLEY_LANG"] = args.lang
    width, height = (int(n) for n in args.size.split("x"))

    from editor.ui import launch
    from editor.ui.settings import Settings

    scratch = Path(tempfile.mkdtemp(prefix="galley-shot-"))
    settings = Settings.at(scratch / "settings.ini")
    settings.set("theme", args.theme)
    if args.problems:  # room for the list: the panel under the panes, taller
        settings.set("panes/vsizes", [height - 270, 170])
    window = launch([args.post], settings=settings, recovery_dir=scratch / "recovery")
    window.resize(width, height)
    window.move(0, 0)

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QDockWidget, QLineEdit, QTableView, QWidget

    from editor.ui.disk.change_banner import ChangeBanner

    app = QApplication.instance()
    status = {"code": 0}
    state = {"preview": False, "staged": False, "changed": False}
    deadline = time.monotonic() + args.timeout

    def read_preview(view) -> None:
        def got(text: str) -> None:
            if text.strip():
                state["preview"] = True
            else:  # the page shell is up, the post not yet patched in
                QTimer.singleShot(100, lambda: read_preview(view))

        view.page().toPlainText(got)

    def preview_installed(view) -> None:
        view.patchApplied.connect(lambda *_: read_preview(view))

    window.previewInstalled.connect(preview_installed)
    if window.preview is not None:
        preview_installed(window.preview)

    def stage() -> None:
        """What the picture shows beyond the post: focus, find, posts pane."""
        if args.focus:
            widget = window.form_panel.form.widget_for(args.focus)
            if widget is not None:
                widget.setFocus()
        if args.find:
            window.find_bar.open_bar(True)
            window.find_bar.find_edit.setText(args.find)
            window.find_bar.find()
        if args.posts is not None:
            dock = window.findChild(QDockWidget, "postsDock")
            if not dock.isVisible():
                window.show_posts_list()
            # Wide enough for every column: state, categories, tags, problems.
            window.resizeDocks([dock], [int(width * 0.42)], Qt.Orientation.Horizontal)
        if args.changed_on_disk:
            cursor = window.body_editor.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            cursor.insertText("\n한 문단 더 쓰는 중…\n")
            window.body_editor.setTextCursor(cursor)

    def posts_ready() -> bool:
        posts = window.findChild(QWidget, "postsList")
        if posts is None or not posts.isVisible():
            return False
        table = posts.findChild(QTableView, "postsTable")
        if table.model().rowCount() == 0:
            return False
        box = posts.findChild(QLineEdit, "postsFilter")
        if box.text() != args.posts:
            box.setText(args.posts)
            return False
        return True

    def problems_ready() -> bool:
        return window.problems_panel.topLevelItemCount() >= args.problems

    def banner_ready() -> bool:
        if not state["changed"]:
            # Another program edits the post: a line of its front matter.
            path = Path(args.post)
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("\ntitle:", "\nsubtitle: 다른 편집기에서 고침\ntitle:", 1),
                            encoding="utf-8")
            state["changed"] = True
            return False
        banner = window.findChild(ChangeBanner)
        return banner is not None and banner.isVisible()

    def poll() -> None:
        if time.monotonic() > deadline:
            print(f"screenshot: {args.out}: the scene was not ready within {args.timeout:g} s "
                  f"({ {k: v for k, v in state.items()} })", file=sys.stderr)
            finish(3)
            return
        if not state["preview"]:
            QTimer.singleShot(100, poll)
            return
        if not state["staged"]:
            stage()
            state["staged"] = True
        ready = ((args.posts is None or posts_ready())
                 and (not args.problems or problems_ready())
                 and (not args.changed_on_disk or banner_ready()))
        if ready:
            QTimer.singleShot(int(args.wait * 1000), shoot)
        else:
            QTimer.singleShot(200, poll)

    def shoot() -> None:
        done = subprocess.run(["import", "-window", "root", "-crop", f"{width}x{height}+0+0", args.out],
                              check=False)
        finish(done.returncode)

    def finish(code: int) -> None:
        status["code"] = code
        window.session.new()  # nothing unsaved: closing must not ask
        window.close()
        app.quit()

    QTimer.singleShot(100, poll)
    app.exec()
    shutil.rmtree(scratch, ignore_errors=True)
    return status["code"]


if __name__ == "__main__":
    sys.exit(main())

"""Take a screenshot of the real window on a post, as a writer would see it.

    xvfb-run -a -s '-screen 0 1400x900x24' .venv/bin/python packaging/screenshot.py \
        examples/site/_posts/2024-03-15-hello-galley.md shot.png [--theme dark] [--wait 4]

The app runs with throw-away settings (a temporary folder), so the picture
does not depend on the user's window layout. After the form is filled and
the preview has had `--wait` seconds to draw, the whole screen is captured
with ImageMagick's `import` (the web view draws outside Qt's own grab).
With `--focus KEY` the named form field gets the keyboard focus first;
with `--find TEXT` the find and replace bar is open, searching for TEXT.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("post")
    parser.add_argument("out")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--wait", type=float, default=4.0, help="seconds for the preview to draw")
    parser.add_argument("--focus", help="a front-matter key whose field gets the focus")
    parser.add_argument("--find", help="open the find and replace bar, searching for this text")
    args = parser.parse_args(argv)
    if shutil.which("import") is None:
        print("screenshot: ImageMagick's `import` is missing (apt-get install imagemagick)",
              file=sys.stderr)
        return 2

    from editor.ui import launch
    from editor.ui.settings import Settings

    scratch = Path(tempfile.mkdtemp(prefix="galley-shot-"))
    settings = Settings.at(scratch / "settings.ini")
    settings.set("theme", args.theme)
    window = launch([args.post], settings=settings, recovery_dir=scratch / "recovery")
    window.resize(1400, 900)
    window.move(0, 0)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    status = {"code": 0}

    def focus() -> None:
        if args.focus:
            widget = window.form_panel.form.widget_for(args.focus)
            if widget is not None:
                widget.setFocus()
        if args.find:
            window.find_bar.open_bar(True)
            window.find_bar.find_edit.setText(args.find)
            window.find_bar.find()

    def shoot() -> None:
        done = subprocess.run(["import", "-window", "root", args.out], check=False)
        status["code"] = done.returncode
        window.session.new()  # nothing unsaved: closing must not ask
        window.close()
        QApplication.instance().quit()

    QTimer.singleShot(int(args.wait * 500), focus)
    QTimer.singleShot(int(args.wait * 1000), shoot)
    QApplication.instance().exec()
    shutil.rmtree(scratch, ignore_errors=True)
    return status["code"]


if __name__ == "__main__":
    sys.exit(main())

"""The README's pictures (docs/screenshots/), taken from the real window.

    .venv/bin/python packaging/screenshots.py [--out docs/screenshots] [--only NAME...]

Each picture is one run of packaging/screenshot.py under its own Xvfb
(xvfb-run, a 1400x900 screen). The problems and changed-on-disk pictures
work on a temporary copy of examples/site with one broken post added; the
example site itself is only read. light, dark and korean are the names the
metainfo (packaging/io.github.galley_editor.Galley.metainfo.xml) points at.
The PNGs are then optimised losslessly: optipng when it is installed, else
ImageMagick's metadata strip.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "site"
SCREEN = "-screen 0 1400x900x24"

# A post with a few real problems, as a writer might leave it.
BROKEN_NAME = "2024-06-01-broken-post.md"
BROKEN_POST = """\
---
layout: post
title: "고칠 곳이 있는 글"
date: 2024-06-02 10:00:00 +0900
categories: [일상]
tags: [갤리, 새태그]
---

이 글에는 **문제**가 몇 가지 있습니다. 문제 패널에서 항목을 두 번 누르면 그 줄로 갑니다.

![표지](/assets/images/no-such-cover.png)

자세한 내용은 [지난 글]({% post_url 2023-01-01-missing %})을 보세요.

{% if page.toc %}
목차가 여기에 들어갑니다.

<div class="note">닫히지 않은 상자
"""


def shots(site: Path) -> dict[str, list[str]]:
    """Picture name -> screenshot.py's arguments (the post, then options)."""
    posts = EXAMPLE / "_posts"
    return {
        "light": [str(posts / "2024-05-20-writing-in-english.md")],
        "dark": [str(posts / "2024-04-02-code-highlighting.md"), "--theme", "dark"],
        "korean": [str(posts / "2024-03-15-hello-galley.md"), "--lang", "ko"],
        "problems": [str(site / "_posts" / BROKEN_NAME), "--problems", "5"],
        "posts": [str(site), "--posts", ""],
        "banner": [str(site / "_posts" / "2024-03-15-hello-galley.md"), "--changed-on-disk"],
    }


def broken_site(into: Path) -> Path:
    site = into / "site"
    shutil.copytree(EXAMPLE, site)
    (site / "_posts" / BROKEN_NAME).write_text(BROKEN_POST, encoding="utf-8")
    return site


def optimise(png: Path) -> None:
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o2", "-strip", "all", str(png)], check=True)
    elif shutil.which("convert"):
        subprocess.run(["convert", str(png), "-strip", str(png)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--only", nargs="*", help="take only these pictures")
    args = parser.parse_args(argv)
    for tool in ("xvfb-run", "import"):
        if shutil.which(tool) is None:
            print(f"screenshots: `{tool}` is missing (packaging/system-deps.sh, imagemagick)", file=sys.stderr)
            return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    failed = []
    with tempfile.TemporaryDirectory(prefix="galley-shots-") as scratch:
        site = broken_site(Path(scratch))
        for name, options in shots(site).items():
            if args.only and name not in args.only:
                continue
            png = out / f"{name}.png"
            command = ["xvfb-run", "-a", "-s", SCREEN, sys.executable,
                       str(ROOT / "packaging" / "screenshot.py"), options[0], str(png), *options[1:]]
            done = subprocess.run(command, cwd=ROOT, stderr=subprocess.PIPE, text=True, check=False)
            if done.returncode != 0 or not png.is_file():
                failed.append(name)
                print(f"screenshots: {name}: failed ({done.returncode})\n{done.stderr[-2000:]}", file=sys.stderr)
                continue
            optimise(png)
            print(f"{png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}: {png.stat().st_size // 1024} KB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Write the golden files from the real generators (`make goldens`).

For every document in docs/ (one construct family each) this builds a tiny
Jekyll site and a tiny Hugo site in a temporary folder, runs `jekyll build`
and `hugo`, and keeps the post body each wrote (the layout wraps the body in
markers) as jekyll/<doc>.html and hugo/<doc>.html. kramdown's own test cases
(the default-option ones, read from the shared suites folder) go through the
same Jekyll site into kramdown/<case>.html: Jekyll's output, not the suite's
expected files, is what a site publishes (Jekyll runs kramdown with
`input: GFM` and its own defaults), so that is what the preview must equal.

It lives here, beside the goldens and the tests that read them: it is a
test-data tool, not part of the app (packaging/) or a benchmark (bench/).
Tests never need jekyll or hugo: they compare with the checked-in files.

Usage: python tests/goldens/make_goldens.py [--suites DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
SUITES = Path(os.environ.get("GALLEY_SUITES", HERE.parents[2] / "shared" / "suites"))
START, END = "@@GALLEY-BODY-START@@", "@@GALLEY-BODY-END@@"  # text: Go templates drop comments
#: Pages, not posts: no date in the name, no excerpt, one file per document.
JEKYLL_CONFIG = """\
markdown: kramdown
exclude: [Gemfile, Gemfile.lock]
"""
HUGO_CONFIG = """\
baseURL = "https://example.org/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
"""


def kramdown_cases(suites: Path) -> list[tuple[str, Path]]:
    """kramdown's test cases that use the default options: (name, input)."""
    root = suites / "kramdown" / "testcases"
    cases = []
    for text in sorted(root.rglob("*.text")):
        if text.with_suffix(".options").exists() or (text.parent / "options").exists():
            continue
        if not text.with_suffix(".html").exists():
            continue  # a case for another converter (LaTeX, kramdown, man)
        cases.append((text.relative_to(root).with_suffix("").as_posix(), text))
    return cases


def _front_matter(layout: str, liquid: bool = False) -> str:
    # No Liquid but in `liquid_*` documents: the goldens are about Markdown and
    # the markup Jekyll's own tags write (Liquid itself has its own tests).
    return f"---\nlayout: {layout}\ntitle: golden\n{'' if liquid else 'render_with_liquid: false' + chr(10)}---\n"


def build_jekyll(workdir: Path, documents: dict[str, str]) -> dict[str, str]:
    site = workdir / "jekyll"
    (site / "_layouts").mkdir(parents=True)
    (site / "_config.yml").write_text(JEKYLL_CONFIG, encoding="utf-8")
    (site / "_layouts" / "marker.html").write_text(START + "{{ content }}" + END, encoding="utf-8")
    for name, body in documents.items():
        page = site / "g" / f"{name}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_front_matter("marker", name.startswith("liquid_")) + body, encoding="utf-8")
    subprocess.run(["jekyll", "build", "--quiet", "-s", str(site), "-d", str(site / "_site")], check=True)
    return {name: _body(site / "_site" / "g" / f"{name}.html") for name in documents}


def build_hugo(workdir: Path, documents: dict[str, str]) -> dict[str, str]:
    site = workdir / "hugo"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (site / "layouts" / "_default" / "single.html").write_text(START + "{{ .Content }}" + END, encoding="utf-8")
    for name, body in documents.items():
        page = site / "content" / "g" / f"{name}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("---\ntitle: golden\n---\n" + body, encoding="utf-8")
    subprocess.run(["hugo", "--quiet", "-s", str(site), "-d", str(site / "public")], check=True)
    return {name: _body(site / "public" / "g" / name.lower() / "index.html") for name in documents}


def _body(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index(START) + len(START):html.rindex(END)]


def write(folder: Path, outputs: dict[str, str]) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    for name, html in outputs.items():
        target = folder / f"{name}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suites", type=Path, default=SUITES)
    args = parser.parse_args(argv)
    for tool in ("jekyll", "hugo"):
        if shutil.which(tool) is None:
            print(f"make_goldens: error: `{tool}` is not installed (Debian: apt install {tool})", file=sys.stderr)
            return 2
    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md"))}
    cases = kramdown_cases(args.suites) if (args.suites / "kramdown").is_dir() else []
    if not cases:
        print(f"make_goldens: warning: no kramdown test cases under {args.suites}", file=sys.stderr)
    kramdown_docs = {f"k/{name}": path.read_text(encoding="utf-8", errors="replace") for name, path in cases}
    with tempfile.TemporaryDirectory(prefix="galley-goldens-") as tmp:
        jekyll = build_jekyll(Path(tmp), {**docs, **kramdown_docs})
        hugo = build_hugo(Path(tmp), docs)
    write(HERE / "jekyll", {name: jekyll[name] for name in docs})
    write(HERE / "hugo", hugo)
    write(HERE / "kramdown", {name[2:]: html for name, html in jekyll.items() if name.startswith("k/")})
    print(f"make_goldens: {len(docs)} documents (Jekyll, Hugo), {len(cases)} kramdown cases (Jekyll)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

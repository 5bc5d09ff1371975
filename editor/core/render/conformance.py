"""An engine against the CommonMark spec's examples (for the bench and the tests).

`spec_examples(spec.txt)` reads the examples the way the spec's own test
runner does (Markdown, `.`, HTML between `example` fences; `→` is a tab).
`render_whole(engine, text)` is the engine's HTML for a whole document with
its placeholders filled as the incremental renderer fills them (ids,
footnote numbers and section), without the renderer's path rewriting and
sanitizing: the score is the engine's. `score` compares normalised HTML
(normalise.py lists what may differ).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from editor.core.render.engine import Engine
from editor.core.render.footnotes import FootnoteIndex, footnotes_section
from editor.core.render.headings import fill_ids, unique_ids
from editor.core.render.normalise import normalise_html

_FENCE = "`" * 32


@dataclass(frozen=True)
class Example:
    number: int
    section: str
    markdown: str
    html: str


def spec_examples(path: Path) -> list[Example]:
    examples: list[Example] = []
    section = ""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            m = re.match(r"#{1,6} +(.*)", line)
            section = m.group(1).strip() if m else section
        if line.startswith(_FENCE + " example"):
            md: list[str] = []
            out: list[str] = []
            i += 1
            while lines[i] != ".":
                md.append(lines[i])
                i += 1
            i += 1
            while not lines[i].startswith(_FENCE):
                out.append(lines[i])
                i += 1
            text = "\n".join(md) + "\n" if md else ""
            expected = "\n".join(out) + "\n" if out else ""
            examples.append(Example(len(examples) + 1, section, text.replace("→", "\t"),
                                    expected.replace("→", "\t")))
        i += 1
    return examples


def render_whole(engine: Engine, text: str) -> str:
    conv = engine.convert(text)
    html = fill_ids(conv.html, unique_ids(list(conv.slugs), {})) if conv.slugs else conv.html
    if not conv.footnote_refs:
        return html
    index = FootnoteIndex({label for label, _ in conv.footnote_defs})
    html = FootnoteIndex.fill(html, conv.footnote_refs, index.context(conv.footnote_refs))
    if index.numbers:
        bodies = dict(conv.footnote_defs)
        html += "\n" + footnotes_section([(label, engine.convert(bodies[label]).html) for label in index.ordered()])
    return html


def passes(engine: Engine, example: Example) -> bool:
    try:
        got = render_whole(engine, example.markdown)
    except RecursionError:
        return False
    return normalise_html(got) == normalise_html(example.html)


def score(engine: Engine, examples: list[Example]) -> tuple[int, list[int]]:
    """(examples passed, numbers of those failed)."""
    failed = [e.number for e in examples if not passes(engine, e)]
    return len(examples) - len(failed), failed


def hugo_outputs(examples: list[Example], workdir: Path, hugo: str = "hugo") -> dict[int, str]:
    """Each example's body HTML as the real Hugo renders it (one site, one
    page per example, `{{ .Content }}` as the layout). Raises OSError when
    `hugo` cannot run."""
    import subprocess  # noqa: PLC0415 - only this helper runs a program

    (workdir / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    (workdir / "layouts" / "_default" / "single.html").write_text("{{ .Content }}", encoding="utf-8")
    (workdir / "hugo.toml").write_text(
        'baseURL = "http://example.org/"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]\n',
        encoding="utf-8")
    content = workdir / "content"
    content.mkdir(exist_ok=True)
    for e in examples:
        (content / f"e{e.number}.md").write_text("---\ntitle: x\n---\n" + e.markdown, encoding="utf-8")
    done = subprocess.run([hugo, "--quiet", "-s", str(workdir)], capture_output=True, text=True, timeout=300)
    if done.returncode:
        raise OSError(f"hugo failed: {done.stderr.strip()[:500]}")
    out = {}
    for e in examples:
        page = workdir / "public" / f"e{e.number}" / "index.html"
        # Hugo writes no file for an empty page (a lone link definition).
        out[e.number] = page.read_text(encoding="utf-8") if page.exists() else ""
    return out


def score_against(engine: Engine, examples: list[Example], expected: dict[int, str]) -> tuple[int, list[int]]:
    """(examples equal to `expected`, numbers of those that differ)."""
    failed = [e.number for e in examples
              if normalise_html(render_whole(engine, e.markdown)) != normalise_html(expected[e.number])]
    return len(examples) - len(failed), failed

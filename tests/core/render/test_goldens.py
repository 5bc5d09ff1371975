"""The preview's body HTML against the real generators' (tests/goldens).

The goldens are what Debian's `jekyll build` and `hugo` wrote for our own
documents (one construct family each, tests/goldens/docs) and for kramdown's
default-option test cases (their inputs read where the shared suites lie),
made by `make goldens`. Both sides go through the one normaliser
(editor/core/render/normalise.py, with `preview=True`), which also names the
differences the preview makes on purpose.

Each engine must keep at least the score reached, and every document it gets
wrong must be a known difference (named below with its cause): a new
difference fails, and so does a fixed one that is still listed.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

from editor.core.render.engine import engine_for
from editor.core.render.incremental import IncrementalRenderer
from editor.core.render.model import RenderRequest, SiteInfo
from editor.core.render.normalise import normalise_html

GOLDENS = Path(__file__).resolve().parents[2] / "goldens"
DOCS = sorted((GOLDENS / "docs").glob("*.md"))
SUITE = GOLDENS.parents[1].parent / "shared" / "suites" / "kramdown" / "testcases"
CASES = sorted(p.relative_to(GOLDENS / "kramdown").with_suffix("").as_posix()
               for p in (GOLDENS / "kramdown").rglob("*.html"))

#: What the kramdown engine renders differently from Jekyll, and why.
KRAMDOWN_KNOWN = {
    # What the sanitizer takes out on purpose (editor/core/render/sanitize.py):
    # scripts, SVG (foreign content re-parses differently: mutation XSS),
    # unknown URL schemes.
    "k/span/05_html/normal": "sanitizer: <script> goes",
    "k/span/abbreviations/abbrev_in_html": "sanitizer: <svg> goes",
    "k/span/autolinks/url_links": "sanitizer: an unknown URL scheme (mailtos:) goes",
    # `<webgen:block />` is an open tag to a browser, holding the rest of the
    # page; the preview closes it at the end of its block (the same text shows).
    "k/block/09_html/xml": "block: an unknown element left open ends with its block",
}
#: Scores reached (documents equal after normalising); raise them as gaps close.
KRAMDOWN_FLOOR = {"docs": 19, "kramdown": 129}
FALLBACK_FLOOR = {"docs": 18, "kramdown": 65}
HUGO_FLOOR = 19


@lru_cache(maxsize=1)
def _kramdown_missing() -> str:
    ruby = shutil.which("ruby")
    if ruby is None:
        return "Ruby is not installed (the kramdown engine needs ruby and the kramdown gem)"
    probe = subprocess.run([ruby, "-e", 'require "kramdown"; require "kramdown-parser-gfm"; require "rouge"'],
                           capture_output=True, text=True)
    return "" if probe.returncode == 0 else f"kramdown, kramdown-parser-gfm or rouge is missing: {probe.stderr[:200]}"


def normalise(html: str) -> str:
    """The golden comparison: the core normaliser with the preview's own differences taken out."""
    return normalise_html(html, comments=False, preview=True)


def _lines(normal: str) -> list[str]:
    return normal.replace("><", ">\n<").splitlines()  # one tag a line, for readable diffs


needs_kramdown = pytest.mark.skipif(bool(_kramdown_missing()), reason=_kramdown_missing() or "kramdown")


def render(text: str, site: SiteInfo) -> str:
    return IncrementalRenderer(site).render(RenderRequest(body=text, site=site)).full_html


def _jekyll_cases(with_suite: bool) -> list[tuple[str, str, str]]:
    cases = [(f"doc/{p.stem}", p.read_text(encoding="utf-8"),
              (GOLDENS / "jekyll" / f"{p.stem}.html").read_text(encoding="utf-8")) for p in DOCS]
    if with_suite:
        cases += [(f"k/{name}", (SUITE / f"{name}.text").read_text(encoding="utf-8", errors="replace"),
                   (GOLDENS / "kramdown" / f"{name}.html").read_text(encoding="utf-8")) for name in CASES]
    return cases


def _score(cases, site: SiteInfo) -> tuple[dict[str, int], dict[str, str]]:
    equal = {"docs": 0, "kramdown": 0}
    wrong = {}
    for name, source, expected in cases:
        got = render(source, site)
        if normalise(got) == normalise(expected):
            equal["docs" if name.startswith("doc/") else "kramdown"] += 1
        else:
            wrong[name] = "\n".join(difflib.unified_diff(
                _lines(normalise(expected)), _lines(normalise(got)), "generator", "preview",
                lineterm="", n=1))
    return equal, wrong


def test_every_document_has_both_goldens() -> None:
    assert len(DOCS) >= 18
    for doc in DOCS:
        for generator in ("jekyll", "hugo"):
            golden = GOLDENS / generator / f"{doc.stem}.html"
            assert golden.is_file(), f"{golden}: missing: run `make goldens`"
            assert golden.read_text(encoding="utf-8").strip(), f"{golden}: empty"
    assert len(CASES) == 133  # kramdown's default-option cases with an HTML expectation


def _suite_or_skip() -> bool:
    if not SUITE.is_dir():
        pytest.skip(f"kramdown's test cases are not at {SUITE} (tests read them where they lie)")
    return True


@needs_kramdown
def test_kramdown_engine_equals_jekyll(monkeypatch) -> None:
    monkeypatch.setenv("GALLEY_KRAMDOWN", "1")
    site = SiteInfo(generator="jekyll")
    assert engine_for(site).name == "kramdown"
    equal, wrong = _score(_jekyll_cases(_suite_or_skip()), site)
    unexpected = {name: diff for name, diff in wrong.items() if name not in KRAMDOWN_KNOWN}
    assert not unexpected, "\n\n".join(f"{name}:\n{diff}" for name, diff in unexpected.items())
    fixed = set(KRAMDOWN_KNOWN) - set(wrong)
    assert not fixed, f"now equal to Jekyll, drop from KRAMDOWN_KNOWN: {sorted(fixed)}"
    assert equal["docs"] >= KRAMDOWN_FLOOR["docs"] and equal["kramdown"] >= KRAMDOWN_FLOOR["kramdown"], equal


def test_python_markdown_fallback_keeps_its_score(monkeypatch) -> None:
    monkeypatch.setenv("GALLEY_KRAMDOWN", "0")
    site = SiteInfo(generator="jekyll")
    engine = engine_for(site)
    assert engine.name == "python-markdown" and not engine.exact and engine.reason
    equal, _ = _score(_jekyll_cases(SUITE.is_dir()), site)
    assert equal["docs"] >= FALLBACK_FLOOR["docs"], equal
    if SUITE.is_dir():
        assert equal["kramdown"] >= FALLBACK_FLOOR["kramdown"], equal


def test_hugo_engine_keeps_its_score() -> None:
    site = SiteInfo(generator="hugo")
    equal = sum(normalise(render(p.read_text(encoding="utf-8"), site))
                == normalise((GOLDENS / "hugo" / f"{p.stem}.html").read_text(encoding="utf-8")) for p in DOCS)
    assert equal >= HUGO_FLOOR, f"{equal} of {len(DOCS)} equal to Hugo's output"


@pytest.mark.parametrize("html, same", [
    ('<div class="galley-block" id="b1">\n<p>a  b</p>\n</div>', "<p>a b</p>"),
    ('<input type="checkbox" disabled="" />', '<input disabled="disabled" type="checkbox">'),
    ('<a href="x" rel="noopener">x</a><!-- c -->', '<a href="x">x</a>'),
    ("<pre><code>a  \n\tb\n</code></pre>", "<pre><code>a  \n\tb\n</code></pre>"),
    # Read as a browser reads them: a <p> in a <p> closes the first; CDATA outside SVG is a comment.
    ("<p>\n<p><em>a</em></p>\n</p>", "<p></p><p><em>a</em></p><p></p>"),
    ("<p>a <![CDATA[b <c>]]> d</p>", "<p>a ]]&gt; d</p>"),
    ("<table><tr><td>x</td></tr></table>", "<table><tbody><tr><td>x</td></tr></tbody></table>"),
])
def test_normaliser_equates_on_purpose_differences(html: str, same: str) -> None:
    assert normalise(html) == normalise(same)


@pytest.mark.parametrize("html, other", [
    ("<p>a b</p>", "<p>a  c</p>"),
    ("<pre><code>a  \n</code></pre>", "<pre><code>a\n</code></pre>"),  # code text is content
    ('<h2 id="c">C#</h2>', '<h2 id="c">C</h2>'),
    ('<p class="x">a</p>', "<p>a</p>"),
    # The browser reading keeps every element, attribute and URL it is given.
    ('<p><some:url key="v">a</some:url></p>', '<p><some:url>a</some:url></p>'),
    ('<p><some:url>a</some:url></p>', "<p>a</p>"),
    ('<a href="mailtos:x">a</a>', "<a>a</a>"),
    ("<p>a<script>x</script></p>", "<p>a</p>"),
])
def test_normaliser_keeps_real_differences(html: str, other: str) -> None:
    assert normalise(html) != normalise(other)

"""The kramdown engine: Jekyll's own Markdown through a Ruby helper process.

Real processes throughout: the helper (resources/kramdown_helper.rb) under
the machine's Ruby, and, for the timeout, a stand-in helper that greets and
then hangs (a shell script), to show a stuck render is killed with its
process group.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.render import kramdown_engine as ke
from editor.core.render.engine import engine_for
from editor.core.render.incremental import IncrementalRenderer, whole_body
from editor.core.render.model import RenderRequest, SiteInfo
from tests.core.render.test_goldens import DOCS, needs_kramdown, normalise

JEKYLL = SiteInfo(generator="jekyll")


@pytest.fixture
def kramdown_on(monkeypatch):
    monkeypatch.setenv(ke.SWITCH, "1")


def _render(body: str, site: SiteInfo = JEKYLL, **kw) -> str:
    return IncrementalRenderer(site, **kw).render(RenderRequest(body=body, site=site)).full_html


def _gone(pid: int, within: float = 10.0) -> bool:
    """Whether process `pid` has ended (reaped or a zombie) within `within` s."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except FileNotFoundError:
            return True
        os.sched_yield()
    return False


@needs_kramdown
def test_jekyll_site_gets_kramdown_with_jekylls_markup(kramdown_on) -> None:
    engine = engine_for(JEKYLL)
    assert (engine.name, engine.exact, engine.reason) == ("kramdown", True, "")
    html = _render("## C#\n\n```\nplain  \n```\n\nInline $$a*b*c$$ math\n\nline\\\nbreak << x >>")
    assert '<h2 id="c">C#</h2>' in html
    assert ('<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight">'
            '<code>plain  \n</code></pre></div></div>') in html
    assert "\\(a*b*c\\)" in html
    assert "line<br>\nbreak «&nbsp;x&nbsp;»" in html


@needs_kramdown
def test_the_sites_kramdown_options_apply(kramdown_on) -> None:
    site = SiteInfo(generator="jekyll", config={"kramdown": {"auto_ids": False, "smart_quotes": "apos,apos,quot,quot"}})
    html = _render('# Title\n\n"quoted"', site)
    assert "<h1>Title</h1>" in html
    assert "<p>&quot;quoted&quot;</p>" in html or '<p>"quoted"</p>' in html


@needs_kramdown
def test_document_wide_parts_fill_across_blocks(kramdown_on) -> None:
    body = ("* TOC\n{:toc}\n\n## Same\n\nA note[^n] and a [link][ref].\n\n## Same\n\n"
            "[ref]: https://example.com/ \"T\"\n\n[^n]: The *note*.")
    html = _render(body)
    assert '<h2 id="same">Same</h2>' in html and '<h2 id="same-1">Same</h2>' in html
    assert 'href="#same"' in html and 'href="#same-1"' in html  # the TOC lists both, with final ids
    assert '<a href="https://example.com/" title="T"' in html
    assert 'href="#fn:n"' in html and "The <em>note</em>." in html
    assert "\ue000" not in html and "[^n]" not in html


@needs_kramdown
@pytest.mark.parametrize("doc", DOCS, ids=[d.stem for d in DOCS])
def test_block_by_block_equals_one_pass(kramdown_on, doc: Path) -> None:
    body = doc.read_text(encoding="utf-8")
    assert normalise(_render(body)) == normalise(_render(body, splitter=whole_body))


@needs_kramdown
@pytest.mark.parametrize("body, joined, shows", [
    # The end-of-block marker: the list's last item, followed by a blank
    # line, is a paragraph; the marker itself shows nothing.
    ("* a\n\n* b\n\n^\n\nAfter", ["* a\n\n* b\n\n^", "After"], "<li><p>b</p></li>"),
    # Terms after a definition list continue it across the blank line.
    ("t\n: d\n\n{:.c1} t1\n{:.c2} t2\n: d2", ["t\n: d\n\n{:.c1} t1\n{:.c2} t2\n: d2"], '<dt class="c2">t2</dt>'),
    # An IAL on a link definition gives its attributes to links in other blocks.
    ("See [x].\n\n[x]: https://e.org/\n{: hreflang=\"en\"}", None, 'hreflang="en"'),
    ("See [x].\n\n{: .k}\n[x]: https://e.org/", None, 'class="k"'),
])
def test_blocks_join_where_kramdown_reads_on(kramdown_on, body: str, joined, shows: str) -> None:
    blocks = [b.text for b in ke.KramdownEngine.split(body)]
    assert blocks == (joined if joined is not None else [body])
    html = normalise(_render(body))
    assert shows in html and ">^<" not in html
    assert html == normalise(_render(body, splitter=whole_body))


def test_blocks_a_definition_list_does_not_continue_stay_apart() -> None:
    for body in ("t\n: d\n\nA paragraph: with a colon\n\nMore", "* a\n\nx ^\n\n^ not a marker"):
        assert len(ke.KramdownEngine.split(body)) == 3, body


#: Link and footnote definitions only where a block starts: the blocks share top-level
#: definitions, and render a body with one inside a quote, a list item or a
#: definition whole (`_DOCUMENT_WIDE`), but not one on a list item's lazy
#: continuation line (`1. x` then `[a]: u`), a known limit. Backticks only as
#: whole fences: kramdown reads "````" … "```" as a fence of language "`".
KRAMDOWNISH = st.lists(st.sampled_from(list("ab \n\t#*_[]()!<>:^-=.1\\\"'") + [
    "\n\n", "\n\n^\n\n", "\n^\n", "* x\n\n* y\n\n", "t\n: d\n\n", "t1\nt2\n: d\n", "\n: ", "{:.c}\n",
    "{: k=\"v\"}\n", "\n\n[a]: https://e.org/\n", "> [a]: https://e.org/\n", "[a]", "- ", "    ", "\n> ",
    "*[ab]: t\n", "<div markdown=\"1\">\n", "</div>\n", "`code`", "```\n", "\n1. ", "[^1]", "\n\n[^1]: n\n",
]), max_size=40).map("".join)


@needs_kramdown
@settings(max_examples=120, deadline=None)
@given(KRAMDOWNISH)
def test_any_text_renders_block_by_block_as_in_one_pass(body: str) -> None:
    before = os.environ.get(ke.SWITCH)
    os.environ[ke.SWITCH] = "1"  # hypothesis calls this many times inside one fixture scope
    try:
        assert normalise(_render(body)) == normalise(_render(body, splitter=whole_body)), body
    finally:
        # Restored, not removed: unset means kramdown where Ruby has it, and
        # later tests expect the suite's own setting.
        if before is None:
            os.environ.pop(ke.SWITCH, None)
        else:
            os.environ[ke.SWITCH] = before


@needs_kramdown
def test_abbreviations_render_over_the_whole_document(kramdown_on) -> None:
    html = _render("The HTML spec.\n\nMore HTML.\n\n*[HTML]: Hyper Text Markup Language")
    assert html.count('<abbr title="Hyper Text Markup Language">HTML</abbr>') == 2


@needs_kramdown
def test_many_notes_and_definitions_render_in_few_helper_requests(kramdown_on) -> None:
    # Blocks holding footnotes or definitions go through one batched request
    # (the helper parses each text of a batch alone), and so do the notes'
    # own texts: 4,000 notes one request each took 2.4 s.
    body = "".join(f"Para {i} cites[^n{i}] and [r{i}].\n\n[^n{i}]: Note *{i}*.\n\n[r{i}]: /p{i}\n\n"
                   for i in range(40))
    renderer = IncrementalRenderer(JEKYLL)
    renderer.render(RenderRequest(body="warm", site=JEKYLL))
    process = renderer._pipeline.process
    asked = []
    real = process.request
    process.request = lambda payload, timeout=None: (asked.append(payload["op"]), real(payload, timeout))[1]
    html = renderer.render(RenderRequest(body=body, site=JEKYLL)).full_html
    assert asked == ["render_many", "render_many"]  # the blocks, then the notes
    process.request = real  # (the helper is shared: the one-pass render below uses it too)
    assert normalise(html) == normalise(_render(body, splitter=whole_body))
    assert "<em>39</em>" in html and 'href="/p39"' in html


@needs_kramdown
def test_a_dead_helper_is_restarted(kramdown_on) -> None:
    engine = engine_for(JEKYLL)
    assert engine.convert("one").html == "<p>one</p>"
    pid, starts = engine.process.pid, engine.process.starts
    os.kill(pid, 9)
    assert _gone(pid)
    assert engine.convert("two").html == "<p>two</p>"
    assert engine.process.starts == starts + 1 and engine.process.pid != pid


def test_a_stuck_render_is_stopped_with_its_process_group(tmp_path, monkeypatch) -> None:
    # A helper that greets, starts a child in its group, then never answers.
    script = tmp_path / "stuck.sh"
    script.write_text('PATH=/usr/bin:/bin\necho \'{"ready": true}\'\nsleep 300 &\n'
                      'echo "$$ $!" >> "$0.started"\nread line\nsleep 300\n')
    started = Path(f"{script}.started")
    monkeypatch.setattr(ke, "helper_script", lambda: str(script))
    process = ke.KramdownProcess(ruby="/bin/sh", timeout=0.5)
    with pytest.raises(ke.KramdownError, match=r"longer than 0.5 s rendering; it was stopped"):
        process.request({"op": "render", "text": "x"})
    helper, child = map(int, started.read_text().splitlines()[0].split())
    assert _gone(helper) and _gone(child), "the helper or its child outlived the stop"
    # A replacement is already starting (Ruby's load is not left to the next keystroke).
    assert process.pid not in (None, helper) and process.starts == 2
    replacement = process.pid
    process.close()
    assert _gone(replacement)


def test_without_ruby_jekyll_falls_back_and_says_why(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(ke.SWITCH, "1")
    monkeypatch.setenv("PATH", str(tmp_path))  # no ruby on this PATH
    monkeypatch.setattr(ke, "_failed", {})
    engine = engine_for(JEKYLL)
    assert engine.name == "python-markdown" and not engine.exact
    assert "Ruby is not installed" in engine.reason
    assert "<h2" in _render("## Heading")


def test_without_kramdown_gem_jekyll_falls_back_and_says_why(monkeypatch, tmp_path) -> None:
    # A Ruby that cannot load kramdown: the helper's own message travels up.
    fake = tmp_path / "ruby"
    fake.write_text('#!/bin/sh\necho \'{"ready": false, "error": "kramdown is not installed (cannot load such file)"}\'\n')
    fake.chmod(0o755)
    monkeypatch.setenv(ke.SWITCH, "1")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(ke, "_failed", {})
    engine = engine_for(JEKYLL)
    assert engine.name == "python-markdown"
    assert "kramdown is not installed" in engine.reason and "approximates" in engine.reason


@needs_kramdown
def test_no_helper_outlives_the_program(tmp_path) -> None:
    code = ("import os\nos.environ['GALLEY_KRAMDOWN'] = '1'\n"
            "from editor.core.render.engine import engine_for\nfrom editor.core.render.model import SiteInfo\n"
            "e = engine_for(SiteInfo(generator='jekyll'))\nassert e.convert('x').html == '<p>x</p>'\n"
            "print(e.process.pid)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=Path(__file__).resolve().parents[3])
    assert out.returncode == 0, out.stderr
    assert _gone(int(out.stdout.strip()))


@needs_kramdown
def test_a_kramdown_error_is_a_message(kramdown_on) -> None:
    engine = engine_for(JEKYLL)
    with pytest.raises(ke.KramdownError, match="kramdown: "):
        engine.process.request({"op": "nonsense"})
    assert engine.convert("still *fine*").html == "<p>still <em>fine</em></p>"


@needs_kramdown
@pytest.mark.parametrize("hostile, why", [
    ("<div>\n" * 5000 + "x\n" + "</div>\n" * 5000, "SystemStackError"),  # kramdown raises
    ("[" * 50_000 + "x" + "]" * 50_000, "longer than"),  # kramdown would take minutes
])
def test_a_block_kramdown_cannot_render_is_approximated_alone(kramdown_on, hostile: str, why: str) -> None:
    body = "Before *this*.\n\n" + hostile + "\n\nAfter `that`."
    start = time.monotonic()
    html = _render(body)
    assert time.monotonic() - start < ke.time_limit(len(hostile)) + 5
    # The other blocks are kramdown's; the hostile one Python-Markdown's (or,
    # out of the render's time, its plain text), saying why.
    assert "<p>Before <em>this</em>.</p>" in html
    assert '<p>After <code class="language-plaintext highlighter-rouge">that</code>.</p>' in html
    assert html.count('<div class="galley-approximate') == 1
    note = html[html.index('class="galley-approximate-note"'):]
    assert why in note[:note.index("</p>")]
    # The helper serves again afterwards (restarted if it was stopped).
    assert engine_for(JEKYLL).convert("still *fine*").html == "<p>still <em>fine</em></p>"


def test_the_time_limit_grows_with_the_text() -> None:
    assert ke.time_limit(100) < 2 and ke.time_limit(100_000) == pytest.approx(ke.TIMEOUT + ke.PER_100KB)

"""Post content never runs code in the preview (hostile posts we wrote)."""

from __future__ import annotations

import re

from editor.core.post.document import Document
from editor.core.render import RenderOptions, RenderRequest, SiteInfo, render_page
from editor.core.render.sanitize import sanitize
from tests.core.render.render_helpers import HERE

HOSTILE = HERE / "hostile" / "vectors.md"


def hostile_request(**options) -> RenderRequest:
    doc = Document.from_bytes(HOSTILE.read_bytes(), HOSTILE)
    return RenderRequest(doc.body, doc.front_matter, doc.body_line, HOSTILE, SiteInfo(root=HOSTILE.parent),
                         RenderOptions(**options))


def content_of(page: str) -> str:
    """The header and body: everything after our own <style> and CSP."""
    return page[page.index('<article class="galley-page">'):]


def test_hostile_post_loses_every_way_to_run_code() -> None:
    html = content_of(render_page(hostile_request())).lower()
    assert "<script" not in html
    assert not re.search(r"<[^>]*\son\w+\s*=", html), "event handler attribute survived"
    assert "javascript:" not in html and "vbscript:" not in html and "data:text/html" not in html
    for tag in ("<meta", "<base", "<form", "<object", "<embed", "<link", "<style", "<template", "<svg", "<math"):
        assert tag not in html, tag
    assert "srcdoc" not in html and "expression(" not in html and "url(" not in html
    assert "formaction" not in html
    # No alert() survives as live markup; it may remain as harmless, escaped
    # text (in text nodes, or alt/title attributes).
    markup = re.sub(r'\s(?:alt|title)="[^"]*"', "", re.sub(r">[^<]*<", "><", html))
    assert "alert(" not in markup


def test_harmless_markup_survives() -> None:
    html = content_of(render_page(hostile_request()))
    assert '<span class="note" id="n1" data-x="1">span</span>' in html
    assert "<code>code</code>" in html
    assert '<div style="color: red">styled</div>' in html
    assert "<h1" in html and "Hostile post" in html


def test_the_page_forbids_scripts_by_csp() -> None:
    page = render_page(hostile_request())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "script-src &#x27;none&#x27;" in csp
    assert "base-uri &#x27;none&#x27;" in csp and "form-action &#x27;none&#x27;" in csp


def test_allow_scripts_keeps_the_post_scripts_and_relaxes_the_csp() -> None:
    page = render_page(hostile_request(allow_scripts=True))
    assert "<script>alert('script tag')</script>" in page
    assert "unsafe-inline" in re.search(r'Content-Security-Policy" content="([^"]+)"', page).group(1)


def test_block_remote_keeps_remote_images_out_by_csp() -> None:
    default = render_page(hostile_request())
    blocked = render_page(hostile_request(block_remote=True))
    csp = lambda page: re.search(r'Content-Security-Policy" content="([^"]+)"', page).group(1)  # noqa: E731
    assert "img-src file: data: https:" in csp(default)
    assert re.search(r"img-src file: data:;", csp(blocked))
    assert "frame-src &#x27;none&#x27;" in csp(blocked)


def test_sanitizer_keeps_pygments_task_lists_and_line_data() -> None:
    html = ('<div class="galley-block" id="b1" data-line-start="1" data-line-end="2">'
            '<div class="language-py highlight"><pre><code><span class="k">def</span></code></pre></div>'
            '<ul class="task-list"><li><input type="checkbox" disabled checked> a</li></ul></div>')
    out = sanitize(html)
    assert 'data-line-start="1"' in out and '<span class="k">def</span>' in out
    assert 'type="checkbox"' in out and "checked" in out


def test_sanitizer_disables_inputs_and_sandboxes_frames() -> None:
    out = sanitize('<input type="text" value="x"><iframe src="https://www.youtube.com/embed/x"></iframe>'
                   '<iframe src="http://plain.example/"></iframe>')
    assert '<input disabled="" value="x">' in out  # the type goes (a text field), the value is text
    assert '<iframe src="https://www.youtube.com/embed/x" sandbox="allow-same-origin allow-popups"></iframe>' in out
    assert 'src="http://plain.example/"' not in out


def test_embedded_data_images_only() -> None:
    out = sanitize('<img src="data:image/png;base64,AAAA"><img src="data:image/svg+xml;base64,AAAA">'
                   '<a href="data:image/png;base64,AAAA">x</a>')
    assert out.count("data:") == 1 and '<img src="data:image/png;base64,AAAA">' in out


def test_generator_attributes_pass_as_written() -> None:
    # kramdown's IALs and raw HTML give any attribute; harmless ones stay.
    out = sanitize('<p key="val" key1=\'val"\' name:spac="h" data-x="1" style="nothing" lang="en" hidden>p</p>'
                   '<textarea name="t" rows="2">a <b>c</b></textarea><button type="submit" value="v">b</button>')
    assert 'key="val"' in out and 'key1="val&quot;"' in out and 'name:spac="h"' in out
    assert 'style="nothing"' in out and 'data-x="1"' in out and "hidden" in out
    assert '<textarea name="t" rows="2">a &lt;b&gt;c&lt;/b&gt;</textarea>' in out  # its content stays text
    assert '<button type="submit" value="v">b</button>' in out  # no form to submit: inert
    assert sanitize(out) == out  # the header is cleaned again with the page: nothing doubles


def test_attributes_that_run_load_or_grab_focus_go() -> None:
    out = sanitize('<p onclick="x" ONMOUSEOVER="x" autofocus accesskey="s" contenteditable="true" '
                   'background="file:///etc/x.png" lowsrc="x.png" ping="http://x" xlink:href="javascript:x">p</p>'
                   '<textarea autofocus form="f">t</textarea><button formaction="javascript:x" form="f">b</button>'
                   '<a href="x" download="x" attributionsrc="http://x" rel="opener">a</a><div srcdoc="&lt;script&gt;">d</div>'
                   '<span href="javascript:x" src="file:///etc/passwd" poster="x.png" data="x">s</span>')
    for gone in ("onclick", "onmouseover", "autofocus", "accesskey", "contenteditable", "background", "lowsrc",
                 "ping", "xlink", "formaction", "form=", "download", "attributionsrc", "srcdoc", "javascript",
                 "file:", "poster", "data=", "opener\""):
        assert gone not in out.lower(), (gone, out)
    assert "<p>p</p>" in out and '<a href="x" rel="noopener noreferrer">a</a>' in out
    # A post's own sandbox never loosens the one every frame gets.
    frame = sanitize('<iframe src="https://v.example/" sandbox="allow-scripts allow-top-navigation"></iframe>')
    assert frame == '<iframe src="https://v.example/" sandbox="allow-same-origin allow-popups"></iframe>'


def test_style_keeps_only_loads_the_csp_confines() -> None:
    # The CSP lets any file: image load (img-src file:), so a style may not
    # name a local file; remote url()s stay: the CSP blocks them when remote
    # content is off (tests/ui/test_preview_style_loads.py shows both).
    assert sanitize('<p style="color: red; background: url(http://x/a.png)">p</p>') == \
        '<p style="color: red; background: url(http://x/a.png)">p</p>'
    for local in ("url(file:///etc/a.png)", "url('a.png')", "url(../../a.png)", "url(//host/share/a.png)",
                  "u\\72l(file:///a.png)", "image-set('a.png' 1x)", "url(/a.png)", "expression(alert(1))"):
        out = sanitize(f'<p style="color: red; background: {local}; width: 1px">p</p>')
        assert out == '<p style="color: red; width: 1px">p</p>', (local, out)
    assert sanitize('<p style="background: url(data:image/png;base64,AA); fill: url(#g)">p</p>').count("url(") == 2


def test_elements_of_no_known_name_stay_inert() -> None:
    # XML names, custom elements, typos: unknown elements to a browser, shown as
    # their text; their handlers still go, and known elements keep their policy.
    out = sanitize('<p><some:url name:spac="h" onclick="x">doit</some:url> <goes>g</goes> <my-el>m</my-el>'
                   '<select><option>o</option></select><xmp>x</xmp><svg><foo>f</foo></svg></p>')
    assert '<some:url name:spac="h">doit</some:url> <goes>g</goes> <my-el>m</my-el>' in out
    for gone in ("onclick", "<select", "<option", "<xmp", "<svg", "<foo"):
        assert gone not in out, (gone, out)

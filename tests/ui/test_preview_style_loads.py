"""A post's inline `style` is kept as written, but what it could load stays
confined, in the real preview page (QtWebEngine): a remote `url()` loads only
while remote content is on (the page's CSP), and a local file never loads from
a style (the CSP lets `file:` images load, so the sanitizer drops such a
declaration)."""

from __future__ import annotations

from tests.ui.test_preview import js, wait_preview
from tests.ui.test_preview_window_side import _close, _launch, _png, _site_post, image_server  # noqa: F401

BACKGROUND = "getComputedStyle(document.getElementById('{}')).backgroundImage"


def test_style_urls_load_only_what_the_page_allows(qtbot, settings, tmp_path, image_server):  # noqa: F811
    url, hits = image_server
    outside = tmp_path / "outside.png"
    outside.write_bytes(_png())
    site, post = _site_post(tmp_path, (
        f'<p id="remote-bg" style="color: red; background: url({url}?bg)">remote</p>\n\n'
        f'<p id="file-bg" style="color: red; background: url({outside.as_uri()})">file</p>\n\n'
        f'<p id="relative-bg" style="color: red; background: url(../../outside.png)">relative</p>\n'))
    win = _launch(settings, tmp_path, post)
    try:
        view = wait_preview(qtbot, win)
        qtbot.waitUntil(lambda: win.services.site.current is not None, timeout=20_000)
        # Remote content on (the default): the style's remote image loads.
        qtbot.waitUntil(lambda: "/a.png?bg" in hits, timeout=10_000)
        assert url in js(qtbot, view, BACKGROUND.format("remote-bg"))
        # The local ones were taken out of the style, the rest of it kept.
        for local in ("file-bg", "relative-bg"):
            assert js(qtbot, view, BACKGROUND.format(local)) == "none"
            assert js(qtbot, view, f"getComputedStyle(document.getElementById('{local}')).color") == "rgb(255, 0, 0)"

        win.actions.load_remote.trigger()  # off: the page is loaded again under a CSP without the web
        qtbot.waitUntil(lambda: view.ready and "not loaded" in js(qtbot, view, "galley.notice()"), timeout=10_000)
        qtbot.waitUntil(lambda: js(qtbot, view, "document.getElementById('remote-bg') !== null"), timeout=10_000)
        seen = len(hits)
        # Layout asks for the background: force it, then give a request time to happen.
        js(qtbot, view, "document.getElementById('remote-bg').getBoundingClientRect().width")
        qtbot.wait(500)
        assert len(hits) == seen, hits[seen:]
    finally:
        _close(win)

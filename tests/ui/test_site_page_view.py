"""The Site page's view against real local HTTP servers: a reload asked for
the old page never cuts short the page asked for after it (the server came
back on another port while a rebuild's reload was on its way)."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from editor.ui.serve.site_view import SitePageView


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def servers(tmp_path):
    started = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "index.html").write_text(f"<html><body><p>{name} " + "text " * 4000 + "</p></body></html>",
                                           encoding="utf-8")
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        started.append(server)
    yield [f"http://127.0.0.1:{s.server_address[1]}/index.html" for s in started], started
    for server in started:
        server.shutdown()
        server.server_close()


def test_a_reload_of_the_old_page_never_cuts_the_new_page_short(qtbot, servers):
    (first, second), (old_server, _new) = servers
    view = SitePageView()
    qtbot.addWidget(view)
    shown: list = []
    view.pageShown.connect(lambda url, ok: shown.append((url, ok)))
    view.show_url(first)
    qtbot.waitUntil(lambda: (first, True) in shown, timeout=20_000)
    view.reload_keeping_scroll()  # a rebuild of the old server's page...
    old_server.shutdown()         # ...which then stops, and comes back elsewhere
    old_server.server_close()
    view.show_url(second)
    qtbot.waitUntil(lambda: any(url == second for url, _ok in shown), timeout=20_000)
    qtbot.wait(500)  # time for a stale reload to land, were one still pending
    after = shown[shown.index((first, True)) + 1:]
    assert after and all(ok for _url, ok in after), after
    assert view.url().toString() == second

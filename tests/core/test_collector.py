"""The collector pause around renders: nested and concurrent spans."""

from __future__ import annotations

import gc
import threading

import pytest

from editor.core.render import RenderOptions, RenderRequest, SiteInfo
from editor.core.collector import collector_paused
from editor.core.render.incremental import IncrementalRenderer


@pytest.fixture(autouse=True)
def _collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_a_span_pauses_the_collector_and_restores_it():
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_stays_paused_until_the_last_overlapping_span_ends():
    inside, release = threading.Event(), threading.Event()

    def other():
        with collector_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    thread.start()
    assert inside.wait(5)
    with collector_paused():
        pass
    # This thread's span ended while the other's is still open.
    assert not gc.isenabled()
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled():
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_a_failing_render_still_restores_the_collector():
    with pytest.raises(ZeroDivisionError):
        with collector_paused():
            1 / 0
    assert gc.isenabled()


def test_a_render_runs_with_the_collector_paused_and_restores_it(monkeypatch):
    renderer = IncrementalRenderer()
    seen = []
    real = renderer._render

    def spy(request):
        seen.append(gc.isenabled())
        return real(request)

    monkeypatch.setattr(renderer, "_render", spy)
    renderer.render(RenderRequest("# Hi\n\ntext", {}, 1, None, SiteInfo(generator="hugo"), RenderOptions()))
    assert seen == [False]
    assert gc.isenabled()

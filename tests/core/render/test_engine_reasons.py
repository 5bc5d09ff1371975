"""The renderer says which engine it used (`IncrementalRenderer.engine`), and
why the preview is approximate in a sentence the window can translate."""

from __future__ import annotations

from editor.core.post.texts import Text
from editor.core.render.engine import engine_for
from editor.core.render.incremental import IncrementalRenderer
from editor.core.render.model import RenderRequest, SiteInfo


def _translated(text: Text) -> str:
    return text.shown(lambda context, template: f"[{context}] {template}")


def test_the_renderers_engine_is_public_after_the_first_render(monkeypatch) -> None:
    monkeypatch.setenv("GALLEY_KRAMDOWN", "0")
    site = SiteInfo(generator="jekyll")
    renderer = IncrementalRenderer(site)
    assert renderer.engine is None
    renderer.render(RenderRequest(body="Text.", site=site))
    assert renderer.engine.name == "python-markdown" and not renderer.engine.exact
    hugo = SiteInfo(generator="hugo")
    renderer.render(RenderRequest(body="Text.", site=hugo))
    assert renderer.engine.name == "markdown-it" and renderer.engine.exact and not renderer.engine.reason


def test_approximate_reasons_are_translatable_texts(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("GALLEY_KRAMDOWN", "0")
    reason = engine_for(SiteInfo(generator="jekyll")).reason
    assert isinstance(reason, Text) and reason.context == "PreviewEngine"
    assert _translated(reason) == "[PreviewEngine] " + str(reason)

    monkeypatch.setenv("GALLEY_KRAMDOWN", "1")
    monkeypatch.setenv("PATH", str(tmp_path))  # no Ruby on this PATH
    reason = engine_for(SiteInfo(generator="jekyll")).reason
    assert isinstance(reason, Text) and "Ruby is not installed" in reason
    assert _translated(reason).startswith("[PreviewEngine] Ruby is not installed")

    commonmark = engine_for(SiteInfo(generator="jekyll", config={"markdown": "CommonMarkGhPages"}))
    assert commonmark.name == "markdown-it" and isinstance(commonmark.reason, Text)


def test_a_failed_kramdown_start_names_the_error_in_the_translation() -> None:
    text = Text("PreviewEngine", "kramdown could not run ({error}), so the preview approximates it.", error="boom")
    assert str(text) == "kramdown could not run (boom), so the preview approximates it."
    assert text.shown(lambda c, t: "échec ({error})") == "échec (boom)"

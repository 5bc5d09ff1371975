"""Start-up: the preview arrives after the first paint, warmed on a sample of
the post, and shows the whole post (not the sample)."""

from __future__ import annotations

from editor.ui import launch
from editor.ui.app import _warm_up_sample
from tests.ui.test_preview import js, wait_preview


def test_warm_up_sample_is_the_head_plus_one_fence_per_other_language():
    short = "# 제목\n\n본문.\n"
    assert _warm_up_sample(short) == short
    body = "문단입니다.\n\n" * 2000 + "```rust\nfn main() {}\n```\n\n~~~ {.haskell}\nmain = pure ()\n~~~\n"
    sample = _warm_up_sample(body, size=4096)
    assert len(sample) < 4200
    assert sample.startswith("문단입니다.\n\n")
    assert "```rust\nx\n```" in sample and "```haskell\nx\n```" in sample
    # The head ends at a paragraph break, never inside one.
    assert sample.split("```")[0].rstrip("\n").endswith("문단입니다.")


def test_long_post_preview_shows_all_of_it(qtbot, settings, tmp_path):
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: T\n", encoding="utf-8")
    paragraphs = "".join(f"문단 {i}: 정적 사이트 생성기로 블로그를 운영합니다.\n\n" for i in range(600))
    post = site / "_posts" / "2024-03-05-long.md"
    post.write_text("---\ntitle: 긴 글\n---\n\n" + paragraphs + "```rust\nfn last() {}\n```\n\n마지막 문단.\n",
                    encoding="utf-8")
    assert len(post.read_text(encoding="utf-8")) > 16000  # twice the warm-up sample
    win = launch([str(post)], settings=settings, recovery_dir=tmp_path / "recovery")
    try:
        view = wait_preview(qtbot, win)
        assert js(qtbot, view, "document.querySelectorAll('#galley-body p').length") == 601
        assert js(qtbot, view, "[...document.querySelectorAll('#galley-body p')].pop().textContent") == "마지막 문단."
        assert "last" in js(qtbot, view, "document.querySelector('#galley-body pre').textContent")
    finally:
        win.close()
        win.deleteLater()
